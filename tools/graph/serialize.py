"""The graph as node-link JSON (default) or GraphML (which cannot hold lists: they are flattened), as text."""
from __future__ import annotations

import io
import json

import networkx as nx


def _flat(value):
    if isinstance(value, (list, tuple, set)):
        return "; ".join(map(str, value))
    if value is None:
        return ""
    return value


def _public(g):
    """The graph without private caches kept in g.graph (names starting with "_")."""
    if any(k.startswith("_") for k in g.graph):
        g = g.copy()
        for k in [k for k in g.graph if k.startswith("_")]:
            del g.graph[k]
    return g


def to_json(g) -> str:
    data = nx.node_link_data(_public(g), edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True, default=str) + "\n"


def to_graphml(g) -> str:
    g = _public(g)
    flat = nx.DiGraph()
    for n, attrs in g.nodes(data=True):
        flat.add_node(n, **{k: _flat(v) for k, v in attrs.items()})
    for a, b, attrs in g.edges(data=True):
        flat.add_edge(a, b, **{k: _flat(v) for k, v in attrs.items()})
    buf = io.BytesIO()
    nx.write_graphml(flat, buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")


def serialize(g, fmt: str = "json") -> str:
    return to_json(g) if fmt == "json" else to_graphml(g)
