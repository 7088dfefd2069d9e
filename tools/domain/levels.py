"""Legal-level checks on citations: which kinds of provision a declaration may rest on."""
from __future__ import annotations

from tools.model.vocab import LEVELS

# 法律、法规 (laws and regulations, national or local)
STATUTE = frozenset({"law", "administrative_regulation", "local_regulation"})
# 法律、法规或者党中央、国务院政策文件: what the plan accepts as the basis of records, sanctions and lists
LEGAL = STATUTE | {"central_policy"}
TIER_ZH = {STATUTE: "法律、法规", LEGAL: "法律、法规或党中央、国务院政策文件"}


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
