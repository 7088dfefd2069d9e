"""The dependency graph: every record linked to the provisions and documents it rests on.

Node ids: a record's id; a provision is ``doc#provision``; a rule is ``rule:ID``. Edge attribute ``type``:
cites (record -> provision), part_of (provision -> document, entry -> edition, measure -> measure list),
supersedes (newer -> older), triggers (list regime or entry -> measure), enforces (rule -> plan clause).
Edges are added only between nodes that exist: networkx would silently create a missing end.
"""
from __future__ import annotations

from tools.base import gc_scope
from tools.domain.plan import PLAN_DOC, clause_table
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


def dependency_graph(g):
    """A view in which every edge points from a dependent to what it depends on."""
    import networkx as nx

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


class GraphParts:
    """The graph as plain lists: nodes with attributes and typed edges between nodes that exist.

    The lint's graph rules read these directly (no networkx needed); ``build_graph`` turns them into the
    networkx graph that the queries, exports and the site use. One source for both.
    """

    def __init__(self):
        self.nodes: list = []
        self.names: set = set()
        self.edges: list = []  # (a, b, type)

    def node(self, name, attrs):
        self.nodes.append((name, attrs))
        self.names.add(name)

    def edge(self, a, b, kind) -> bool:
        """An edge between two existing nodes (networkx would silently create a missing end)."""
        if a in self.names and b in self.names:
            self.edges.append((a, b, kind))
            return True
        return False

    def of_type(self, *kinds) -> list:
        return [(a, b) for a, b, k in self.edges if k in kinds]


def graph_parts(repo, rules=()) -> GraphParts:
    parts = GraphParts()
    seen = set()
    for rec in repo.records:
        if rec.id is None or rec.id in seen:
            continue
        seen.add(rec.id)
        parts.node(rec.id, {"kind": rec.kind, "label": rec.title, "path": rec.path,
                            "verified": rec.data.get("verified") is True})
        if rec.kind == "document":
            for prov in rec.data.get("provisions") or []:
                if isinstance(prov, dict) and isinstance(prov.get("id"), str):
                    parts.node(provision_node(rec.id, prov["id"]),
                               {"kind": "provision", "label": str(prov.get("label", "")), "document": rec.id})
    for r in rules:
        parts.node(f"rule:{r.id}", {"kind": "rule", "label": r.title, "severity": r.severity})
    for rec in repo.records:
        if rec.id is not None and repo.get(rec.id) is rec:  # a duplicated id (ID-002) links only its first record
            _link_record(parts, rec)
    clauses = clause_table(repo)
    for r in rules:
        if r.clause in clauses:
            parts.edge(f"rule:{r.id}", provision_node(PLAN_DOC, clauses[r.clause][1]["id"]), "enforces")
    return parts


def build_graph(repo, rules=(), parts: GraphParts | None = None):
    import networkx as nx  # imported on use: a lint run does not need it (its rules read GraphParts)

    with gc_scope.paused():  # tens of thousands of small dicts: the collector would walk the model each time
        parts = parts or graph_parts(repo, rules)
        g = nx.DiGraph()
        g.add_nodes_from(parts.nodes)  # in one call: networkx's per-node overhead dominates at 10k records
        g.add_edges_from((a, b, {"type": k}) for a, b, k in parts.edges)
    return g


def _link_record(parts, rec):
    rid = rec.id
    edge = parts.edge
    if rec.kind == "document":
        for prov in rec.data.get("provisions") or []:
            if isinstance(prov, dict) and isinstance(prov.get("id"), str):
                edge(provision_node(rid, prov["id"]), rid, "part_of")
    for _, cit in rec.citations:
        doc, prov = cit.get("doc"), cit.get("provision")
        if isinstance(doc, str) and isinstance(prov, str):
            edge(rid, provision_node(doc, prov), "cites")
    if rec.kind in ("catalog_entry", "measure") and rec.group:
        edge(rid, rec.group, "part_of")
    for kind, pattern, _targets in _REFERENCES_BY_KIND.get(rec.kind, ()):
        kind_edge, reverse = REFERENCE_EDGES[(kind, pattern[0])]
        for _, value in iter_path(rec.data, pattern):
            if isinstance(value, str):
                edge(*((value, rid) if reverse else (rid, value)), kind_edge)


_REFERENCES_BY_KIND: dict = {}
for _ref in REFERENCES:
    _REFERENCES_BY_KIND.setdefault(_ref[0], []).append(_ref)


def kind_label(kind: str) -> str:
    return KINDS.get(kind, {"provision": "条款", "rule": "检查规则"}.get(kind, kind))
