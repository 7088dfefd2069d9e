"""Editions of catalogs and measure lists: which one is current, which ones it replaced."""
from __future__ import annotations


def superseded_ids(repo, kind: str) -> set:
    """Ids of the editions of a kind (catalog_edition or measure_list) that a later edition supersedes."""
    return {e.data.get("supersedes") for e in repo.of_kind(kind) if isinstance(e.data.get("supersedes"), str)
            and e.data.get("draft") is not True}


def is_current(repo, edition) -> bool:
    """Not superseded by any other (published) edition."""
    return edition.id not in superseded_ids(repo, edition.kind)


def current_member(repo, rec) -> bool:
    """Whether an entry or a measure belongs to a current edition (records without an edition count as current)."""
    group = repo.get(rec.group) if rec.group else None
    return group is None or is_current(repo, group)
