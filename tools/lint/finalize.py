"""The one step that turns raw findings into reported ones, returning new findings (never changing them):

1. the severity comes from the rule registry;
2. a draft's errors become warnings, marked （草稿）: they are what is still to be filled (DRAFT-001 keeps the
   draft off the site);
3. waivers mark the findings they cover, and findings about the waivers themselves are added;
4. messages quote YAML values: whitespace is collapsed, so every finding stays on one line in every format;
5. and personal data they quote (an identity number in a note that VERIFY-001 repeats, say) is masked, so no
   message -- in the terminal, CI logs, annotations or SARIF -- ever carries it (PII-001 reports the field).
"""
from __future__ import annotations

import dataclasses

from tools.base.findings import ERROR, WARNING
from tools.domain.personal_data import mask
from tools.lint.waivers import apply_waivers


def finalize(findings, repo, rules, as_of) -> list:
    drafts = {r.path for r in repo.records if r.data.get("draft") is True}
    out = []
    for f in findings:
        severity = rules[f.rule].severity
        message = f.message
        if f.path in drafts and severity == ERROR and f.rule != "DRAFT-001":
            severity, message = WARNING, "（草稿）" + message
        out.append(dataclasses.replace(f, severity=severity, message=_one_line(message)))
    out, about = apply_waivers(repo, out, as_of, rules)  # by rule, record and field: the message plays no part
    return out + [dataclasses.replace(f, severity=rules[f.rule].severity, message=_one_line(f.message)) for f in about]


def _one_line(message: str) -> str:
    return mask(" ".join(message.split()))
