"""Credit repair: which records may be repaired, by which procedure, under which regime on a given day.

Plan 四（六）14–15. The adverse catalog entries and the list regimes are the records a subject can ask to have
repaired; those determined by a court follow judicial procedure instead of the administrative repair service.
"""
from __future__ import annotations

import datetime as _dt

from tools.domain.validity import valid_on


def repair_subjects(repo) -> list:
    """Adverse catalog entries and list regimes: what the plan says must be repairable unless law says otherwise."""
    out = [r for r in repo.of_kind("catalog_entry") if r.data.get("nature") == "adverse"]
    return out + repo.of_kind("list_regime")


def is_judicial(rec) -> bool:
    """Determined by a court: removal follows judicial procedure, not the administrative repair service."""
    if rec.kind == "list_regime":
        return rec.data.get("determined_by") == "judicial"
    docs = rec.data.get("determination_documents") or []
    return bool(docs) and set(docs) <= {"judgment"}


def administrative_repair(rec) -> dict | None:
    """The repair declaration of a record that the administrative repair service applies to, if repairable."""
    repair = rec.data.get("repair")
    if is_judicial(rec) or not isinstance(repair, dict) or repair.get("repairable") is not True:
        return None
    return repair


def regimes_in_force(repo, information_kind: str, as_of: _dt.date) -> list:
    """Repair regimes covering a kind of information (e.g. administrative_penalty) that are in force on as_of."""
    return [reg for reg in repo.of_kind("repair_regime")
            if information_kind in (reg.data.get("information_kinds") or []) and valid_on(reg.data, as_of)]


def service_in_force(repo, rec, as_of: _dt.date):
    """The repair regime in force on as_of whose service (time limit) covers this catalog entry's kind, if any."""
    if rec.kind != "catalog_entry":
        return None  # a list regime's removal follows its own rule
    kind = rec.data.get("information_kind")
    for reg in repo.of_kind("repair_regime"):
        service = reg.data.get("service")
        if (isinstance(service, dict) and kind in (service.get("applies_to") or [])
                and service.get("time_limit_working_days") and valid_on(reg.data, as_of)):
            return reg
    return None
