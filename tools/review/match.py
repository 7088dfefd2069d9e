"""What the repository knows, arranged for matching a department's words against it: the measures of the lists in
force on a day (names, row contents and the words of terms.yml, compared with rapidfuzz), the list regimes and
their usual names, and the documents a provision may cite (to tell a law from a local notice).
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from tools.domain.editions import superseded_ids
from tools.domain.measures import rows
from tools.domain.sanctions import implementer_types
from tools.domain.validity import in_scope

TERMS = Path(__file__).with_name("terms.yml")
THRESHOLD = 80  # rapidfuzz partial_ratio (0–100) from which a phrase counts as the same measure
SHORT = 4  # phrases shorter than this count only when they occur as written
_CLAUSE = re.compile(r"[，。；、：,;]")
_STRIP_NAME = re.compile(r"^依法依规|^依法|实施|措施$")
_STRIP_LIST = re.compile(r"本溪市|本市|全市|我市|辽宁省|全省|全国|本县|全县|本区|全区|[“”\"'‘’（）()]")


@dataclass
class Measure:
    id: str
    name: str
    category: str | None
    list_title: str
    rows: list[dict]
    phrases: list[str] = field(default_factory=list)


@dataclass
class Match:
    measure: Measure
    score: float
    phrase: str  # the phrase of the measure that matched
    row: dict | None  # the row whose content is nearest the provision


@dataclass
class Library:
    as_of: _dt.date
    measures: list[Measure]
    list_titles: list[str]  # the measure lists compared against, for the report
    regimes: dict  # regime id -> {"name", "domain", "aliases", "in_force"}
    generic_lists: list[str]
    _phrases: list[str] = field(default_factory=list)
    _owners: list[int] = field(default_factory=list)  # index of the measure each phrase belongs to
    documents: list = field(default_factory=list)  # document records, for citations


@lru_cache(maxsize=4)
def _terms(path: str) -> dict:
    import yaml

    return yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}


def lists_in_force(repo, as_of: _dt.date) -> list:
    """The measure lists (清单) in force on as_of: in scope and not replaced by another list in scope."""
    live = [m for m in repo.of_kind("measure_list") if m.data.get("draft") is not True and in_scope(repo, m, as_of)]
    replaced = superseded_ids(repo, "measure_list") & {m.data.get("supersedes") for m in live}
    return sorted((m for m in live if m.id not in replaced), key=lambda m: m.id)


def build(repo, as_of: _dt.date, terms_path: Path = TERMS) -> Library:
    terms = _terms(str(terms_path))
    extra = terms.get("measures") or {}
    lists = lists_in_force(repo, as_of)
    ids = {m.id for m in lists}
    measures = []
    for rec in sorted(repo.of_kind("measure"), key=lambda r: r.id):
        if rec.group not in ids or rec.data.get("draft") is True or not in_scope(repo, rec, as_of):
            continue
        mlist = repo.get(rec.group, "measure_list")
        row_data = [r.data for r in rows(rec)]
        phrases = [_STRIP_NAME.sub("", rec.title)]
        for row in row_data:
            phrases += [c for c in _CLAUSE.split(str(row.get("content") or "")) if SHORT <= len(c) <= 24]
        phrases += [str(x) for x in extra.get(rec.id) or []]
        measures.append(Measure(rec.id, rec.title, rec.data.get("category"), mlist.title if mlist else rec.group,
                                row_data, list(dict.fromkeys(p for p in phrases if p))))
    aliases = terms.get("lists") or {}
    regimes = {r.id: {"name": r.title, "domain": r.data.get("domain"), "in_force": in_scope(repo, r, as_of),
                      "aliases": [_STRIP_LIST.sub("", a) for a in [r.title.split("（")[0], *(aliases.get(r.id) or [])]]}
               for r in repo.of_kind("list_regime") if r.data.get("draft") is not True}
    lib = Library(as_of, measures, [m.title for m in lists], regimes,
                  [_STRIP_LIST.sub("", g) for g in terms.get("generic_lists") or []],
                  documents=list(repo.of_kind("document")))
    for i, m in enumerate(measures):
        for p in m.phrases:
            lib._phrases.append(p)
            lib._owners.append(i)
    return lib


def match_measure(lib: Library, sentences: list[str]) -> tuple[Match | None, Match | None]:
    """(the measure the sentences impose, or None; the nearest measure when none is near enough, for the
    message). A phrase of four characters or more matches with a partial_ratio of THRESHOLD or more, a shorter
    one only when it occurs as written; the best score wins, then the longer phrase."""
    best: dict[int, tuple[float, int, str]] = {}
    for s in sentences:
        for phrase, score, k in process.extract(s, lib._phrases, scorer=fuzz.partial_ratio, limit=None,
                                                score_cutoff=50):
            if len(phrase) < SHORT and phrase not in s:
                continue
            owner = lib._owners[k]
            key = (score, len(phrase), phrase)
            if owner not in best or key[:2] > best[owner][:2]:
                best[owner] = key
    if not best:
        return None, None
    owner, (score, _, phrase) = max(best.items(), key=lambda kv: (kv[1][0], kv[1][1], -kv[0]))
    measure = lib.measures[owner]
    found = Match(measure, score, phrase, _nearest_row(measure, sentences))
    return (found, None) if score >= THRESHOLD else (None, found)


def _nearest_row(measure: Measure, sentences: list[str]) -> dict | None:
    if not measure.rows:
        return None
    text = "".join(sentences)
    return max(measure.rows, key=lambda r: fuzz.partial_ratio(str(r.get("content") or ""), text))


def only_by_others(measure: Measure) -> list[str]:
    """The implementer types of a measure when every implementer of every row is a body that may not be
    compelled (方案四（四）10), else []."""
    from tools.model.vocab import NOT_TO_BE_COMPELLED

    types = [t for row in measure.rows for t in implementer_types(row)]
    return sorted(set(types)) if types and all(t in NOT_TO_BE_COMPELLED for t in types) else []


def match_list(lib: Library, name: str) -> tuple[str | None, bool]:
    """(the regime id a list's name refers to, or None; whether it is the generic name of the lists set up by
    law, 严重失信主体名单, which refers to no new list)."""
    plain = _STRIP_LIST.sub("", name)
    if plain in lib.generic_lists:
        return None, True
    best, best_score = None, 0.0
    for rid, info in lib.regimes.items():
        for alias in info["aliases"]:
            score = fuzz.ratio(alias, plain) if len(plain) < len(alias) else fuzz.partial_ratio(alias, plain)
            if score > best_score and len(plain) >= 3:
                best, best_score = rid, score
    return (best, False) if best_score >= 85 else (None, False)


# Levels told from a title that the repository does not hold (a guess the message says is a guess).
_CENTRAL = re.compile(r"^(?:中共中央|国务院|中共中央办公厅|国务院办公厅)")


def cited_document(lib: Library, title: str, number: tuple | None = None):
    """(the document record a citation names, or None; the level: the record's, or guessed from the title;
    whether the level is guessed)."""
    want = _norm(title)
    for doc in lib.documents:
        d = doc.data
        if number is not None:
            if _norm(str(d.get("doc_number") or "")) == _norm(title):
                return doc, d.get("level"), False
            continue
        names = [doc.title, str(d.get("short_title") or "")]
        if any(n and (_norm(n) == want) for n in names):
            return doc, d.get("level"), False
    if number is None:
        for doc in lib.documents:
            if fuzz.ratio(_norm(doc.title), want) >= 92:
                return doc, doc.data.get("level"), False
    return None, guess_level(title, number), True


def guess_level(title: str, number: tuple | None = None) -> str:
    if number is not None:
        return "central_policy"  # 国发、国办发、中办发、中发
    t = title.strip()
    if _CENTRAL.match(t):
        return "central_policy"
    if t.endswith("条例"):
        return "local_regulation" if re.search(r"省|自治区|市|州|县", t.replace("中华人民共和国", "")) else \
            "administrative_regulation"
    if t.endswith("法") and not t.endswith(("办法", "方法", "做法", "立法", "算法")):
        return "law"
    if t.startswith("全国人民代表大会常务委员会") and t.endswith("决定"):
        return "law"
    if t.startswith("最高人民法院") or t.startswith("最高人民检察院"):
        return "judicial_interpretation"
    return "normative_document"


def _norm(text: str) -> str:
    return re.sub(r"[\s《》〔〕\[\]［］()（）]", "", text).replace("中华人民共和国", "")
