"""Questions asked of the graph: what depends on a provision, why a record exists, what follows from a list."""
from __future__ import annotations

import datetime as _dt
from collections import deque

from tools.base import gc_scope
from tools.domain.citations import citation_info
from tools.domain.plan import clauses_for_kind
from tools.domain.sanctions import measures_for_list
from tools.graph.build import dependency_graph
from tools.model import vocab
from tools.model.records import iter_citations


class QueryError(ValueError):
    """A question about something the repository does not hold (a usage error, not a failure)."""


def impact(g, target: str) -> dict:
    """Everything that depends on target (a document or doc#provision), transitively, with the path."""
    if target not in g:
        raise QueryError(f"仓库中没有“{target}”：请写文件 id，或“文件 id#条款 id”")
    reverse = g.graph.get("_depended_on_by")
    if reverse is None:  # built once per graph: impact is asked for many targets in a row
        with gc_scope.paused():
            reverse = g.graph["_depended_on_by"] = dependency_graph(g).reverse(copy=True)
    parent = {target: None}
    queue = deque([target])
    while queue:  # breadth first over "is depended on by": the shortest chain to each dependent
        node = queue.popleft()
        for nxt in reverse.successors(node):
            if nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    dependents = []
    for node in parent:
        if node == target:
            continue
        via, step = [], parent[node]
        while step is not None and step != target:
            via.append(step)
            step = parent[step]
        attrs = g.nodes[node]
        dependents.append({"id": node, "kind": attrs.get("kind"), "name": attrs.get("label"),
                           "path": attrs.get("path"), "via": list(reversed(via))})
    dependents.sort(key=lambda d: (len(d["via"]), d["kind"] or "", d["id"]))
    return {"target": target, "dependents": dependents}


def why(repo, g, rules, record_id: str, as_of: _dt.date) -> dict:
    """The chain from a record to the provisions, documents and plan clauses behind it."""
    rec = repo.get(record_id)
    if rec is None:
        raise QueryError(f"仓库中没有 id 为“{record_id}”的记录")
    basis, seen = [], set()
    for path, cit in iter_citations(rec.data):
        info = citation_info(repo, cit, as_of)
        key = (cit.get("doc"), cit.get("provision"))
        if info and key not in seen:
            seen.add(key)
            info["field"] = ".".join(str(p) for p in path)
            basis.append(info)
    node = rec.id
    related = []
    if node in g:
        for a, _b, data in g.in_edges(node, data=True):
            if data.get("type") == "triggers":
                related.append({"relation": "triggered_by", "id": a, "kind": g.nodes[a].get("kind"),
                                "name": g.nodes[a].get("label")})
        for _a, b, data in g.out_edges(node, data=True):
            if data.get("type") in ("part_of", "issued_by", "follows", "refines", "triggers"):
                related.append({"relation": data["type"], "id": b, "kind": g.nodes[b].get("kind"),
                                "name": g.nodes[b].get("label")})
    return {"record": {"id": rec.id, "kind": rec.kind, "kind_zh": vocab.KINDS.get(rec.kind), "name": rec.title,
                       "path": rec.path, "verified": rec.data.get("verified") is True},
            "as_of": as_of.isoformat(), "basis": basis, "related": related,
            "clauses": clauses_for_kind(repo, rules, rec.kind)}


def joint_sanctions(repo, regime_id: str, as_of: _dt.date) -> dict:
    """The measures that follow from being on a list, with implementers, business matters and basis."""
    regime = repo.get(regime_id, "list_regime")
    if regime is None:
        raise QueryError(f"仓库中没有 id 为“{regime_id}”的严重失信主体名单制度")
    if regime.data.get("draft") is True:
        raise QueryError(f"名单制度“{regime_id}”还是草稿（draft: true），尚未发布，不能用于比对")
    measures = measures_for_list(repo, regime, as_of)
    return {"list": regime.id, "name": regime.title, "as_of": as_of.isoformat(), "measures": measures}

