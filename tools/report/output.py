"""What every reporter returns."""
from typing import NamedTuple


class Report(NamedTuple):
    text: str  # what the command prints on standard output
    step_summary: str | None = None  # Markdown for the GitHub Actions step summary (github format only)
