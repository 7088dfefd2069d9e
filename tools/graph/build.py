"""The dependency graph: every record linked to the provisions and documents it rests on.

Node ids: a record's id; a provision is ``doc#provision``; a rule is ``rule:ID``. Edge attribute ``type``:
cites (record -> provision), part_of (provision -> document, entry -> edition, measure -> measure list),
supersedes (newer -> older), triggers (list regime or entry -> measure), enforces (rule -> plan clause).
Edges are added only between nodes that exist: networkx would silently create a missing end.
"""
from __future__ import annotations

import networkx as nx

from tools.model.records import REFERENCES, iter_citations, iter_path
from tools.model.vocab import KINDS


def provision_node(doc: str, prov: str) -> str:
    return f"{doc}#{prov}"


def _add_edge(g, a, b, kind):
    if a in g and b in g:
        g.add_edge(a, b, type=kind)
        return True
    return False


def build_graph(repo, rules=()) -> nx.DiGraph:
    g = nx.DiGraph()
    for rec in repo.records:
        if rec.id is None or rec.id in g:
            continue
        g.add_node(rec.id, kind=rec.kind, label=rec.title, path=rec.path,
                   verified=rec.data.get("verified") is True)
        if rec.kind == "document":
            for prov in rec.data.get("provisions") or []:
                if isinstance(prov, dict) and isinstance(prov.get("id"), str):
                    node = provision_node(rec.id, prov["id"])
                    g.add_node(node, kind="provision", label=str(prov.get("label", "")), document=rec.id)
    for r in rules:
        g.add_node(f"rule:{r.id}", kind="rule", label=r.title, severity=r.severity)
    for rec in repo.records:
        if rec.id is None or g.nodes[rec.id].get("path") != rec.path:
            continue
        _link_record(g, rec)
    for r in rules:
        if r.clause:
            _add_edge(g, f"rule:{r.id}", r.clause, "enforces")
    return g


def _link_record(g, rec):
    rid = rec.id
    if rec.kind == "document":
        for prov in rec.data.get("provisions") or []:
            if isinstance(prov, dict) and isinstance(prov.get("id"), str):
                _add_edge(g, provision_node(rid, prov["id"]), rid, "part_of")
        newer = rec.data.get("replaced_by")
        if isinstance(newer, str):
            _add_edge(g, newer, rid, "supersedes")
    for _, cit in iter_citations(rec.data):
        doc, prov = cit.get("doc"), cit.get("provision")
        if isinstance(doc, str) and isinstance(prov, str):
            _add_edge(g, rid, provision_node(doc, prov), "cites")
    if rec.kind in ("catalog_entry", "measure") and rec.group:
        _add_edge(g, rid, rec.group, "part_of")
    for kind, pattern, _targets in REFERENCES:
        if kind != rec.kind:
            continue
        for path, value in iter_path(rec.data, pattern):
            if not isinstance(value, str):
                continue
            if path[-1] == "supersedes" or path[0] == "supersedes":
                _add_edge(g, rid, value, "supersedes")
            elif rec.kind == "measure":  # a list regime or entry whose subjects this measure applies to
                _add_edge(g, value, rid, "triggers")
            elif rec.kind == "list_regime":
                _add_edge(g, rid, value, "triggers")
            elif path[0] == "document":
                _add_edge(g, rid, value, "issued_by")


def kind_label(kind: str) -> str:
    return KINDS.get(kind, {"provision": "条款", "rule": "检查规则"}.get(kind, kind))
