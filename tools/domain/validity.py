"""Whether a record or a document applies on a day: the one reading of effective_from, effective_to and status."""
from __future__ import annotations

import datetime as _dt


def valid_on(data: dict, as_of: _dt.date) -> bool:
    """Whether a record's own period of validity (effective_from/effective_to, if dated) includes as_of."""
    start, end = data.get("effective_from"), data.get("effective_to")
    return not (isinstance(start, _dt.date) and start > as_of) and not (isinstance(end, _dt.date) and end < as_of)


def in_force(doc: dict, as_of: _dt.date) -> str | None:
    """Why a document does not apply on as_of (a Chinese phrase), or None when it does."""
    status = doc.get("status")
    start, end = doc.get("effective_from"), doc.get("effective_to")
    if status in ("repealed", "expired"):
        when = f"（{end}）" if isinstance(end, _dt.date) else ""
        return "已废止" + when if status == "repealed" else "已失效" + when
    if isinstance(start, _dt.date) and start > as_of:
        return f"尚未生效（{start} 起施行）"
    if isinstance(end, _dt.date) and end < as_of:
        return f"已于 {end} 失效"
    return None
