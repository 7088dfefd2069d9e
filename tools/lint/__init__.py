"""Running the lint: the model loaded, the graph's parts built, every rule run, the findings finalised.

``from tools.lint import lint`` is the entry point for library callers and the command line alike.
"""
from tools.lint.engine import LintResult, check, lint, run_rules  # noqa: F401
