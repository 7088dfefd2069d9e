"""The dependency graph: every record linked to the provisions and documents it rests on.

Node ids: a record's id; a provision is ``doc#provision``; a rule is ``rule:ID``. Edge attribute ``type``:
cites (record -> provision), part_of (provision -> document, entry -> edition, measure -> measure list),
supersedes (newer -> older), triggers (list regime or entry -> measure), enforces (rule -> plan clause).
Edges are added only between nodes that exist: networkx would silently create a missing end.
"""
from __future__ import annotations

import networkx as nx

from tools.model.records import REFERENCES, iter_path
from tools.model.vocab import KINDS


# (record kind, referring field) -> (edge type, whether the edge runs from the referenced record to this one)
REFERENCE_EDGES = {
    ("document", "replaced_by"): ("supersedes", True),
    ("catalog_edition", "document"): ("issued_by", False),
    ("catalog_edition", "supersedes"): ("supersedes", False),
    ("measure_list", "document"): ("issued_by", False),
    ("measure_list", "supersedes"): ("supersedes", False),
    ("measure", "targets"): ("triggers", True),  # the list regime or entry triggers the measure
    ("measure", "rows"): ("triggers", True),
    ("list_regime", "measures"): ("triggers", False),
    ("catalog_entry", "collection"): ("follows", False),
    ("catalog_entry", "refines"): ("refines", False),
}
# Edge types along which "A -> B" means A depends on B (what falls when B falls); triggers runs the other way.
DEPENDS = {"cites", "part_of", "issued_by", "follows", "refines", "enforces"}


def dependency_graph(g) -> nx.DiGraph:
    """A view in which every edge points from a dependent to what it depends on."""
    dep = nx.DiGraph()
    dep.add_nodes_from(g.nodes(data=True))
    for a, b, data in g.edges(data=True):
        kind = data.get("type")
        if kind in DEPENDS:
            dep.add_edge(a, b, type=kind)
        elif kind == "triggers":
            dep.add_edge(b, a, type=kind)
    return dep


def provision_node(doc: str, prov: str) -> str:
    return f"{doc}#{prov}"


def _add_edge(g, a, b, kind):
    """Queue an edge between two existing nodes (networkx would silently create a missing end)."""
    if a in g and b in g:
        g.graph.setdefault("_pending", []).append((a, b, {"type": kind}))
        return True
    return False


def build_graph(repo, rules=()) -> nx.DiGraph:
    g = nx.DiGraph()
    nodes, seen = [], set()
    for rec in repo.records:
        if rec.id is None or rec.id in seen:
            continue
        seen.add(rec.id)
        nodes.append((rec.id, {"kind": rec.kind, "label": rec.title, "path": rec.path,
                               "verified": rec.data.get("verified") is True}))
        if rec.kind == "document":
            for prov in rec.data.get("provisions") or []:
                if isinstance(prov, dict) and isinstance(prov.get("id"), str):
                    nodes.append((provision_node(rec.id, prov["id"]),
                                  {"kind": "provision", "label": str(prov.get("label", "")), "document": rec.id}))
    g.add_nodes_from(nodes)  # in one call: networkx's per-node overhead dominates at 10k records
    for r in rules:
        g.add_node(f"rule:{r.id}", kind="rule", label=r.title, severity=r.severity)
    for rec in repo.records:
        if rec.id is None or g.nodes[rec.id].get("path") != rec.path:
            continue
        _link_record(g, rec)
    for r in rules:
        if r.clause:
            _add_edge(g, f"rule:{r.id}", r.clause, "enforces")
    g.add_edges_from(g.graph.pop("_pending", []))  # in one call: much faster than edge by edge
    return g


def _link_record(g, rec):
    rid = rec.id
    if rec.kind == "document":
        for prov in rec.data.get("provisions") or []:
            if isinstance(prov, dict) and isinstance(prov.get("id"), str):
                _add_edge(g, provision_node(rid, prov["id"]), rid, "part_of")
    for _, cit in rec.citations:
        doc, prov = cit.get("doc"), cit.get("provision")
        if isinstance(doc, str) and isinstance(prov, str):
            _add_edge(g, rid, provision_node(doc, prov), "cites")
    if rec.kind in ("catalog_entry", "measure") and rec.group:
        _add_edge(g, rid, rec.group, "part_of")
    for kind, pattern, _targets in REFERENCES:
        if kind != rec.kind:
            continue
        edge, reverse = REFERENCE_EDGES[(kind, pattern[0])]
        for _, value in iter_path(rec.data, pattern):
            if isinstance(value, str):
                _add_edge(g, *((value, rid) if reverse else (rid, value)), edge)


def kind_label(kind: str) -> str:
    return KINDS.get(kind, {"provision": "条款", "rule": "检查规则"}.get(kind, kind))
