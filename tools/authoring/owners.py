"""CODEOWNERS from owners.yml: "谁产生、谁负责" — a record is reviewed by the department that provides or decides it."""
from __future__ import annotations

from pathlib import Path

from tools.domain.measures import rows
from tools.load.yaml_loader import load_bytes

HEADER = "# 由 owners.yml 生成（python -m tools owners），请勿手工修改。\n"
PEOPLE_FIELDS = ("provider", "authority")


def _texts(rec):
    out = []
    for field in PEOPLE_FIELDS:
        value = rec.data.get(field)
        out += value if isinstance(value, list) else [value] if isinstance(value, str) else []
    if rec.kind == "measure":
        for row in rows(rec):
            out += [x for x in row.data.get("implementers") or [] if isinstance(x, str)]
    return out


def load_mapping(root) -> dict:
    loaded = load_bytes((Path(root) / "owners.yml").read_bytes())
    if not loaded.ok:
        raise ValueError(f"owners.yml 无法读取：{[p.message for p in loaded.problems]}")
    return loaded.data


def render(repo, mapping) -> str:
    default = mapping.get("default") or []
    lines = [HEADER, f"* {' '.join(default)}"]
    for rec in sorted(repo.records, key=lambda r: r.path):
        reviewers = []
        for text in _texts(rec):
            for r in mapping.get("rules") or []:
                if any(k in text for k in r.get("keywords") or []):
                    reviewers += [x for x in r.get("reviewers") or [] if x not in reviewers]
        if reviewers:
            lines.append(f"/{rec.path} {' '.join(default + reviewers)}")
    return "\n".join(lines) + "\n"
