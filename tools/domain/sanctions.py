"""Joint sanctions: the measures that follow from being on a serious-dishonesty list (方案四（四）11).

One implementation for the `query` command, the exports' joint-sanction bundle, the site and `decide`.
"""
from __future__ import annotations

import datetime as _dt

from tools.domain import evidence
from tools.domain.citations import citations_info
from tools.domain.measures import rows_for_list
from tools.domain.validity import valid_on
from tools.model import vocab


def _implementers(row: dict) -> list[dict]:
    return [x for x in row.get("implementers") or [] if isinstance(x, dict) and isinstance(x.get("name"), str)]


def implementer_names(row: dict) -> list[str]:
    """The names of a row's implementers (each is written {name, type}), as every output shows them."""
    return [x["name"] for x in _implementers(row)]


def implementer_types(row: dict) -> list[str | None]:
    """The types of a row's implementers, in the order of implementer_names."""
    return [x.get("type") for x in _implementers(row)]


def row_duration(row: dict) -> dict | None:
    """How long a row's measure lasts ({minimum, maximum}, ISO 8601 durations, as the record writes them)."""
    value = row.get("duration")
    return {k: v for k, v in value.items() if k in ("minimum", "maximum")} if isinstance(value, dict) else None


def _matches(row: dict, matter: str | None) -> bool:
    """A row applies to a business matter when one of its matters contains the words asked for."""
    return matter is None or any(matter in m for m in row.get("matters") or [] if isinstance(m, str))


def measures_for_list(repo, regime, as_of: _dt.date, matter: str | None = None) -> list[dict]:
    """The measures of a list regime in force on as_of, each with the rows that apply (optionally only the rows
    for one business matter): their contents, implementers, matters and resolved basis merged, and row by row."""
    named = set(regime.data.get("measures") or [])
    out = []
    for m in sorted(repo.of_kind("measure"), key=lambda r: r.id):
        if m.data.get("draft") is True:
            continue
        applying = [row for row in rows_for_list(m, regime.id, m.id in named) if _matches(row.data, matter)]
        rows = [row.data for row in applying]
        mlist = repo.get(m.group, "measure_list")
        if not rows or not valid_on(m.data, as_of) or (mlist is not None and not valid_on(mlist.data, as_of)):
            continue
        implementers, types, matters, citations = [], [], [], []
        for row in rows:
            for name, kind in zip(implementer_names(row), implementer_types(row)):
                if name not in implementers:
                    implementers.append(name)
                    types.append(kind)
            matters += [x for x in row.get("matters") or [] if x not in matters]
            citations += row.get("basis") or []
        out.append({"id": m.id, "name": m.title, "category": m.data.get("category"),
                    "category_zh": vocab.MEASURE_CATEGORIES.get(m.data.get("category")),
                    "list": m.group, "content": [r.get("content") for r in rows if r.get("content")],
                    "implementers": implementers, "implementer_types": types, "matters": matters,
                    "basis": citations_info(repo, citations, as_of), "verified": m.data.get("verified") is True,
                    "evidence": evidence.grade(m.data),
                    "rows": [{"row": row.path[1] if row.path else 0, "content": row.data.get("content"),
                              "implementers": implementer_names(row.data),
                              "implementer_types": implementer_types(row.data),
                              "matters": list(row.data.get("matters") or []),
                              "basis": citations_info(repo, row.data.get("basis"), as_of),
                              "duration": row_duration(row.data),
                              "evidence": evidence.effective(row.data, m)} for row in applying]})
    return out
