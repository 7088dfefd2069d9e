"""Legal-level checks on citations: which kinds of provision a declaration may rest on."""
from __future__ import annotations

from tools.model.vocab import JURISDICTIONS as LEVELS_JURISDICTION
from tools.model.vocab import LEVELS

# 法律、法规 (laws and regulations, national or local)
STATUTE = frozenset({"law", "administrative_regulation", "local_regulation"})
# 法律、法规或者党中央、国务院政策文件: what the plan accepts as the basis of records, sanctions and lists
LEGAL = STATUTE | {"central_policy"}
# 法律、行政法规或者党中央、国务院政策文件: what the standard of a list applied nationwide must rest on (四（三）7)
NATIONAL = frozenset({"law", "administrative_regulation", "central_policy"})
TIER_ZH = {STATUTE: "法律、法规", LEGAL: "法律、法规或党中央、国务院政策文件",
           NATIONAL: "法律、行政法规或党中央、国务院政策文件"}


def list_standard(repo, regime) -> tuple[str, str | None]:
    """How a list regime's standard stands against 四（三）7, one judgement for LIST-002 and LIST-003:
    ("ok", None), ("transitional", why) -- a national list resting only on departmental rules, which 国办发〔2020〕49号
    allows for now -- or ("wrong", why)."""
    juris = regime.data.get("jurisdiction")
    docs = cited_documents(repo, regime.data.get("standard_basis"))
    if juris == "benxi":
        return "wrong", "市级不得设列严重失信主体名单：在本省实施的名单须由省级地方性法规规定认定标准"
    if not docs:
        return "ok", None  # REF-001/REF-002 or the schema report a missing or broken basis
    if juris == "national":
        if any(d.data.get("level") in NATIONAL for d in docs):
            return "ok", None
        if any(d.data.get("level") == "departmental_rule" for d in docs):
            return "transitional", ("认定标准只有部门规章作依据：这是国办发〔2020〕49号允许的过渡做法，"
                                    "请关注其是否已上升为法律、行政法规")
        return "wrong", (f"全国性名单的认定标准须以{TIER_ZH[NATIONAL]}确定（国办发〔2020〕49号允许暂以部门规章确定），"
                         f"本名单的标准只引用了{levels_zh(docs)}")
    if any(d.data.get("level") == "local_regulation" and d.data.get("jurisdiction") == juris for d in docs):
        return "ok", None
    return "wrong", (f"在{LEVELS_JURISDICTION.get(juris, juris)}范围内实施的名单，其认定标准须由本省地方性法规规定："
                     f"请引用该地方性法规的条款（现只引用了{levels_zh(docs)}）")


def cited_documents(repo, citations):
    """The document records behind a list of citations (unresolvable ones are REF-001's business)."""
    out = []
    for cit in citations or []:
        if isinstance(cit, dict):
            doc, prov = repo.cited(cit)
            if doc is not None and prov is not None:
                out.append(doc)
    return out


def has_level(repo, citations, levels) -> bool:
    return any(d.data.get("level") in levels for d in cited_documents(repo, citations))


def is_state_council_decision(doc) -> bool:
    """国务院决定、命令: a central policy document in the form of a decision or order issued by the State Council."""
    d = doc.data
    return (d.get("level") == "central_policy" and d.get("form") in ("decision", "order")
            and "国务院" in (d.get("issuer") or []))


def levels_zh(citations_docs) -> str:
    names = sorted({LEVELS.get(d.data.get("level"), str(d.data.get("level"))) for d in citations_docs})
    return "、".join(names) or "无可解析的引用"


def cites(citations, doc_id, provision=None) -> bool:
    return any(isinstance(c, dict) and c.get("doc") == doc_id and (provision is None or c.get("provision") == provision)
               for c in citations or [])
