"""Reporters: one small module per output format, each a pure function ``render(result) -> Report``.

A reporter only returns text; the command line decides where it goes (standard output, and for the GitHub
format the Markdown step summary into $GITHUB_STEP_SUMMARY).
"""
from tools.report import github, json_report, sarif, text
from tools.report.output import Report  # noqa: F401

REPORTERS = {"text": text.render, "json": json_report.render, "github": github.render, "sarif": sarif.render}
