"""``{"findings": [...], "summary": {...}}`` with paths relative to the repository root."""
import dataclasses
import json

from tools.report.output import Report


def render(result):
    summary = dataclasses.asdict(result.summary)
    summary["as_of"] = result.as_of.isoformat()
    doc = {"findings": [f.as_dict() for f in result.findings], "summary": summary}
    return Report(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
