"""CODEOWNERS from owners.yml: "谁产生、谁负责" — a record is reviewed by the department that provides or decides it.

Reviewers follow path patterns (folders and file-name prefixes), so a new record needs no regeneration of
CODEOWNERS; the departments' keywords only feed ``owners --suggest``, which lists records whose text names a
department that no pattern gives the review.
"""
from __future__ import annotations

import re
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


def render(mapping) -> str:
    """CODEOWNERS from the path patterns alone: a new record under a pattern needs no regeneration. Later lines
    win in CODEOWNERS, so every pattern line names the default reviewers too."""
    default = mapping.get("default") or []
    lines = [HEADER, f"* {' '.join(default)}"]
    for rule in mapping.get("rules") or []:
        for pattern in rule.get("paths") or []:
            lines.append(f"{pattern} {' '.join(default + [x for x in rule.get('reviewers') or [] if x not in default])}")
    return "\n".join(lines) + "\n"


def _matches(path: str, pattern: str) -> bool:
    """A CODEOWNERS pattern (leading /, * within one path segment, a trailing / for a folder) against a path."""
    regex = re.escape(pattern.rstrip("/")).replace(r"\*", "[^/]*")
    return re.fullmatch(regex + ("(/.*)?" if pattern.endswith("/") or "*" not in pattern.rsplit("/", 1)[-1] else ""),
                        "/" + path) is not None


def reviewers_of(mapping, path: str) -> list:
    out = []
    for rule in mapping.get("rules") or []:
        if any(_matches(path, p) for p in rule.get("paths") or []):
            out += [x for x in rule.get("reviewers") or [] if x not in out]
    return out


def suggestions(repo, mapping) -> list[tuple[str, str, list]]:
    """(record path, keyword found, reviewers it suggests) where a department's keyword appears in who provides,
    decides or implements a record, but no path pattern gives that department the review."""
    out = []
    for rec in sorted(repo.records, key=lambda r: r.path):
        have = reviewers_of(mapping, rec.path)
        for rule in mapping.get("rules") or []:
            wanted = [x for x in rule.get("reviewers") or [] if x not in have]
            hit = next((k for text in _texts(rec) for k in rule.get("keywords") or [] if k in text), None)
            if wanted and hit:
                out.append((rec.path, hit, wanted))
    return out
