"""A citation resolved into what a reader needs: document, article label, summary, level, force on a day."""
from __future__ import annotations

import datetime as _dt

from tools.domain import evidence
from tools.domain.validity import in_force, state_zh
from tools.model import vocab


def citation_info(repo, cit, as_of: _dt.date) -> dict | None:
    """{doc, provision, title, label, summary, level, status, in_force, verified, evidence} or None if it does not
    resolve; ``evidence`` is the provision's own grade, else its document's (domain.evidence.effective)."""
    doc, prov = repo.cited(cit) if isinstance(cit, dict) else (None, None)
    if doc is None or prov is None:
        return None
    d = doc.data
    return {"doc": doc.id, "provision": prov["id"], "title": doc.title, "doc_number": d.get("doc_number"),
            "label": prov.get("label"), "summary": prov.get("summary"), "level": d.get("level"),
            "level_zh": vocab.LEVELS.get(d.get("level")), "status": d.get("status"),
            "in_force": in_force(d, as_of) is None, "state_zh": state_zh(d, as_of),
            "verified": d.get("verified") is True, "evidence": evidence.effective(prov, doc)}


def book_title(title: str) -> str:
    """A title in title marks, as Chinese writes it: 《…》 around, the marks inside turned to 〈…〉."""
    inner = str(title).strip().removeprefix("《").removesuffix("》")
    return "《" + inner.replace("《", "〈").replace("》", "〉") + "》"


def cite_text(repo, cit) -> str | None:
    """A citation as people write it, 《文件名称》第N条 (the provision's id when it has no label); None when it does
    not resolve in ``repo``. The one formatter of the exports, the spreadsheets and ``diff``."""
    doc, prov = repo.cited(cit) if isinstance(cit, dict) else (None, None)
    if doc is None or prov is None:
        return None
    return book_title(doc.title) + str(prov.get("label") or prov.get("id"))


def unresolved_text(cit) -> str:
    """What is shown for a citation no repository resolves: doc#provision, as written."""
    return f"{cit.get('doc')}#{cit.get('provision')}" if isinstance(cit, dict) else str(cit)


def citations_info(repo, citations, as_of: _dt.date) -> list[dict]:
    """Each distinct resolvable citation once, in order (remembered per list of citations and day)."""
    if not citations:
        return []
    # keyed by the list's identity (the memo holds the list, so the identity cannot be reused meanwhile)
    key = ("citations", id(citations), as_of)
    hit = repo.derived.get(key)
    if hit is None or hit[0] is not citations:
        hit = repo.derived[key] = (citations, _infos(repo, citations, as_of))
    return hit[1]


def _infos(repo, citations, as_of):
    out, seen = [], set()
    for cit in citations or []:
        info = citation_info(repo, cit, as_of)
        if info and (info["doc"], info["provision"]) not in seen:
            seen.add((info["doc"], info["provision"]))
            out.append(info)
    return out
