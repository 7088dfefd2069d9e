"""CODEOWNERS from owners.yml: "谁产生、谁负责" — a record is reviewed by the department that provides or decides it."""
from __future__ import annotations

from pathlib import Path

from tools.domain.measures import rows
from tools.domain.sanctions import implementer_names
from tools.load.yaml_loader import load_bytes

HEADER = "# 由 owners.yml 生成（python -m tools owners），请勿手工修改。\n"
PEOPLE_FIELDS = ("provider", "authority")


def _name(value):
    """A body's name: the text itself, or the name of a {name, …} mapping (a list regime's authority)."""
    return value.get("name") if isinstance(value, dict) else value


def _texts(rec):
    out = []
    for field in PEOPLE_FIELDS:
        value = rec.data.get(field)
        values = value if isinstance(value, list) else [value]
        out += [n for n in map(_name, values) if isinstance(n, str)]
    if rec.kind == "measure":
        for row in rows(rec):
            out += implementer_names(row.data)
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
