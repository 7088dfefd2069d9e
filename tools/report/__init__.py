"""Reporters: one small module per output format, each a function ``render(result) -> str``."""
from tools.report import github, json_report, sarif, text

REPORTERS = {"text": text.render, "json": json_report.render, "github": github.render, "sarif": sarif.render}
