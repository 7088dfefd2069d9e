"""Sanction measures: the rows of a measure, and the list regimes that a measure follows.

The published national list is a table in which one measure may have several rows, each with its own content,
targets, basis and implementers. A measure with one row writes those fields directly; either way the rest of
the code sees rows.
"""
from __future__ import annotations

from typing import NamedTuple

from tools.model.schemas import ROW_FIELDS


class Row(NamedTuple):
    path: tuple  # where the row sits in the record: ("rows", i), or () for a measure written as one row
    data: dict  # the row's own fields (content, targets, basis, implementers, matters, duration …)


def rows(rec) -> list[Row]:
    """Every row of a measure, whether written with ``rows`` or as one row."""
    if isinstance(rec.data.get("rows"), list):
        return [Row(("rows", i), row) for i, row in enumerate(rec.data["rows"]) if isinstance(row, dict)]
    return [Row((), {k: rec.data[k] for k in ROW_FIELDS if k in rec.data})]


def rows_for_list(measure, regime_id: str, named: bool) -> list[Row]:
    """The rows of a measure that apply to a list regime: those targeting it, or all rows when the list names
    the measure without the rows saying which applies."""
    all_rows = rows(measure)
    targeting = [r for r in all_rows if regime_id in (r.data.get("targets") or [])]
    return targeting or (all_rows if named else [])


def following_regimes(repo, measure) -> tuple[set, set]:
    """(list regimes that name this measure, list regimes its rows target)."""
    named = {r.id for r in repo.of_kind("list_regime") if measure.id in (r.data.get("measures") or [])}
    targeted = {t for row in rows(measure) for t in row.data.get("targets") or [] if repo.get(t, "list_regime")}
    return named, targeted
