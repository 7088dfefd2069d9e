"""Whether a record or a document applies on a day: the one reading of effective_from, effective_to, issued and
status, and of when a record that states no dates of its own came into being.
"""
from __future__ import annotations

import datetime as _dt


def valid_on(data: dict, as_of: _dt.date) -> bool:
    """Whether a record's own period of validity (effective_from/effective_to, if dated) includes as_of."""
    start, end = data.get("effective_from"), data.get("effective_to")
    return not (isinstance(start, _dt.date) and start > as_of) and not (isinstance(end, _dt.date) and end < as_of)


def document_start(doc: dict) -> _dt.date | None:
    """When a document starts to apply: its effective_from, or (not stated) the day it was issued."""
    for key in ("effective_from", "issued"):
        if isinstance(doc.get(key), _dt.date):
            return doc[key]
    return None


def in_force(doc: dict, as_of: _dt.date) -> str | None:
    """Why a document does not apply on as_of (a Chinese phrase), or None when it does."""
    status = doc.get("status")
    end = doc.get("effective_to")
    if status in ("repealed", "expired"):
        when = f"（{end}）" if isinstance(end, _dt.date) else ""
        return "已废止" + when if status == "repealed" else "已失效" + when
    start = document_start(doc)
    if start is not None and start > as_of:
        return f"尚未生效（{start} 起施行）" if isinstance(doc.get("effective_from"), _dt.date) else f"尚未印发（{start} 印发）"
    if isinstance(end, _dt.date) and end < as_of:
        return f"已于 {end} 失效"
    return None


def state_zh(doc: dict, as_of: _dt.date) -> str:
    """How a cited document stands on as_of, for people: 现行有效, 已被修改, 已废止…, 尚未生效…"""
    why = in_force(doc, as_of)
    if why:
        return why
    return "已被修改，请核对现行版本" if doc.get("status") == "amended" else "现行有效"


def record_start(repo, rec, _seen: frozenset = frozenset()) -> _dt.date | None:
    """When a record came into being, at the earliest, where the repository can tell: its own effective_from; for
    an entry or a measure, that of its edition or list (the issue of the document that published it, and no
    earlier than the edition it supersedes); for a list regime, the latest start of the documents its standard
    rests on. None when nothing says."""
    if rec.path in _seen:  # a supersession cycle (GRAPH-001 reports it): no bound from it
        return None
    _seen = _seen | {rec.path}
    starts = []
    own = rec.data.get("effective_from")
    if isinstance(own, _dt.date):
        starts.append(own)
    if rec.kind in ("catalog_entry", "measure") and rec.group:
        group = repo.get(rec.group)
        if group is not None:
            start = record_start(repo, group, _seen)
            if start is not None:
                starts.append(start)
    if rec.kind in ("catalog_edition", "measure_list") and isinstance(rec.data.get("document"), str):
        doc = repo.get(rec.data["document"], "document")
        if doc is not None and document_start(doc.data) is not None:
            starts.append(document_start(doc.data))
    if rec.kind in ("catalog_edition", "measure_list") and isinstance(rec.data.get("supersedes"), str):
        older = repo.get(rec.data["supersedes"], rec.kind)  # an edition cannot start before the one it replaces
        if older is not None and older is not rec:
            start = record_start(repo, older, _seen)
            if start is not None:
                starts.append(start)
    if rec.kind == "list_regime":
        docs = [repo.cited(c)[0] for c in rec.data.get("standard_basis") or [] if isinstance(c, dict)]
        dated = [document_start(d.data) for d in docs if d is not None and document_start(d.data) is not None]
        if dated:
            starts.append(max(dated))
    return max(starts) if starts else None


def in_scope(repo, rec, as_of: _dt.date) -> bool:
    """Whether a record exists and applies on as_of: not ended (effective_to) and not yet to come (record_start).
    A record out of scope is history or future: rules about the law in force on as_of leave it alone."""
    if not valid_on(rec.data, as_of):
        return False
    start = repo.memo(("record start", rec.path), lambda: record_start(repo, rec))
    return start is None or start <= as_of
