"""The grade of evidence: where a record's facts (or one provision's, or one row's) were read.

``official`` read at the official publisher; ``official_copy`` a copy of an official database's text, read with
its path and commit; ``secondary`` news, commentary, a local guide; ``reconstructed`` inferred, never shown as
fact. ``verified: true`` goes only with the first two. The rules (EVID-…), the site and ``stats`` count and
judge grades through these functions.
"""
from __future__ import annotations

import re

from tools.model.vocab import EVIDENCE, OFFICIAL_EVIDENCE

GRADES = tuple(EVIDENCE)
# What every reader sees after a citation of an inferred provision (graded reconstructed: its number and content
# were not read in any text): the long form where the citation stands alone, the short one in lists of labels.
# Square brackets, so that it is not taken for a sub-item such as （十）.
INFERRED = "〔推断：条款编号和内容未读到原文，请以原文为准〕"
INFERRED_SHORT = "〔推断〕"
# A copy named with where it was read: a file of the repository's reference collection (LawRefBook/Laws at a
# known commit, see shared/reference/README.md), or a repository path at a commit (…/blob/<commit>/…, commit …).
_COPY_REFERENCE = re.compile(r"shared/reference/(?:laws|texts)/\S+|/blob/[0-9a-f]{7,40}/|\bcommit\s*[0-9a-f]{7,40}\b"
                             r"|LawRefBook/Laws\s*[0-9a-f]{7,40}", re.I)


def grade(data) -> str | None:
    """The grade a record (or a provision, a row) states, or None when it states none (or an unknown value)."""
    value = data.get("evidence") if isinstance(data, dict) else None
    return value if value in EVIDENCE else None


def effective(part, record) -> str | None:
    """The grade of a provision or a row: its own when it states one, else its record's."""
    return grade(part) or grade(record.data)


def is_official_grade(value) -> bool:
    return value in OFFICIAL_EVIDENCE


def counts(records) -> dict:
    """{grade: number of records} in the order of the vocabulary, then None for records without a grade."""
    out = {g: 0 for g in GRADES}
    out[None] = 0
    for rec in records:
        out[grade(rec.data)] += 1
    return out


def official_share(records) -> tuple[int, int]:
    """(records graded official or official_copy, all records)."""
    records = list(records)
    return sum(1 for r in records if is_official_grade(grade(r.data))), len(records)


def names_copy(source) -> bool:
    """The source names a copy with its path and commit (what official_copy requires)."""
    return bool(_COPY_REFERENCE.search(str(source or "")))


def names_official_url(source) -> bool:
    """The source gives at least one URL on an official publisher's domain (what official requires)."""
    from tools.domain.sources import is_official, urls  # the domain list is read only where links are judged

    return any(is_official(u) for u in urls(source))


def weakest(grades) -> str | None:
    """The weakest grade of a conclusion resting on several records (a record without a grade counts as weakest of
    all: nothing says where its facts were read); None when there are no records."""
    grades = list(grades)
    if not grades:
        return None
    if any(g not in EVIDENCE for g in grades):
        return None
    return max(grades, key=GRADES.index)
