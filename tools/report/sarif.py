"""SARIF 2.1.0: one ``rules`` entry per registry rule, stable ruleIds, waived findings as suppressions."""
import json

from tools import __version__
from tools.base.findings import ERROR
from tools.report.output import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(result):
    rules = list(result.rules)
    index = {r.id: i for i, r in enumerate(rules)}
    driver = {
        "name": "benxi-credit-lint",
        "version": __version__,
        "rules": [{
            "id": r.id,
            "name": r.id.replace("-", ""),
            "shortDescription": {"text": r.title},
            "fullDescription": {"text": f"{r.title}。" + (f"依据方案{r.clause}" if r.clause else r.rationale)},
            "defaultConfiguration": {"level": "error" if r.severity == ERROR else "warning"},
            "properties": {"clause": r.clause} if r.clause else {"rationale": r.rationale},
        } for r in rules],
    }
    results = []
    for f in result.findings:
        res = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": "error" if f.severity == ERROR else "warning",
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": f.path, "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": f.line, "startColumn": f.column},
            }}],
        }
        if f.waiver is not None:
            res["suppressions"] = [{"kind": "external", "justification": f.waiver}]
        results.append(res)
    doc = {"$schema": SCHEMA, "version": "2.1.0",
           "runs": [{"tool": {"driver": driver}, "results": results, "columnKind": "unicodeCodePoints"}]}
    return Report(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
