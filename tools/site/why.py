"""The "why" section of every record page: its neighbourhood as a mermaid diagram and the chain to its basis.

Mermaid reads the diagram source as text, so labels from YAML are reduced to characters that cannot end a label,
start a directive or close the Markdown fence: quotes, brackets, backticks, '#', ';' and line breaks become
mermaid entity codes.
"""
from __future__ import annotations

import re

from markupsafe import Markup

from tools.domain.plan import PLAN_DOC, clauses_for_kind
from tools.site.escape import md

_MERMAID_ENTITIES = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;",
                     "[": "#91;", "]": "#93;", "{": "#123;", "}": "#125;", "(": "#40;", ")": "#41;", ";": "#59;",
                     "|": "#124;", "\\": "#92;"}
MAX_NEIGHBOURS = 14
_SAFE_ANCHOR = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
EDGE_ZH = {"cites": "引用", "part_of": "属于", "triggers": "触发", "supersedes": "取代", "issued_by": "印发",
           "follows": "归集方式", "refines": "细化", "enforces": "检查"}


def mermaid_label(text, limit: int = 28) -> str:
    text = " ".join(str(text or "").split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return "".join(_MERMAID_ENTITIES.get(ch, ch) for ch in text)


def short_name(repo, doc_id) -> str:
    """A document as people cite it: its short title (行政处罚法) or its title."""
    doc = repo.get(doc_id, "document")
    if doc is None:
        return str(doc_id)
    return str(doc.data.get("short_title") or doc.title)


def provision_label(repo, doc_id, article, limit: int = 26) -> str:
    """《民事诉讼法》第二百六十六条: the article label is never cut, only the name when the whole is too long."""
    article = str(article or "")
    name = short_name(repo, doc_id)
    room = max(4, limit - len(article) - 2)
    if len(name) > room:
        name = name[: room - 1] + "…"
    return f"《{name}》{article}"


def _node_label(repo, g, node) -> str:
    attrs = g.nodes[node]
    if attrs.get("kind") == "provision":
        return provision_label(repo, attrs.get("document"), attrs.get("label"))
    return attrs.get("label") or node


def neighbourhood(repo, g, node) -> str:
    """Mermaid flowchart source of a record and its direct neighbours (provisions shown with their document)."""
    if node not in g:
        return ""
    edges = [(a, b, d.get("type")) for a, b, d in g.out_edges(node, data=True)]
    edges += [(a, b, d.get("type")) for a, b, d in g.in_edges(node, data=True)
              if d.get("type") in ("triggers", "part_of", "refines", "follows", "supersedes", "cites")]
    edges = sorted(set(edges))[:MAX_NEIGHBOURS]
    ids = {node: "n0"}
    lines = ["flowchart LR", f'  n0["{mermaid_label(_node_label(repo, g, node), 30)}"]', "  style n0 stroke-width:3px"]
    for a, b, kind in edges:
        for x in (a, b):
            if x not in ids:
                ids[x] = f"n{len(ids)}"
                lines.append(f'  {ids[x]}["{mermaid_label(_node_label(repo, g, x), 30)}"]')
        lines.append(f"  {ids[a]} -->|{EDGE_ZH.get(kind, kind)}| {ids[b]}")
    return "\n".join(lines)


RELATION_ZH = {"part_of": "所属版本或清单", "issued_by": "印发文件", "follows": "归集方式", "refines": "细化的条目",
               "triggers": "触发的惩戒措施", "triggered_by": "由以下名单或信息触发", "supersedes": "取代"}


def why_section(repo, g, rules, rec, rel, page_of) -> str:
    """Markdown for the "依据链" section of a record page: the chain as a plain list (readable on a phone, each
    item a link), then the diagram, then the plan's clauses that govern this kind of record."""
    out = ["", "## 依据链", ""]
    cited, seen = [], set()
    for _, cit in rec.citations:
        key = (cit.get("doc"), cit.get("provision"))
        doc, prov = repo.cited(cit)
        if doc is None or prov is None or key in seen:
            continue
        seen.add(key)
        target = f"{page_of(doc)}#{prov['id']}" if _SAFE_ANCHOR.match(prov["id"]) else page_of(doc)
        cited.append(f"- [{md(provision_label(repo, doc.id, prov.get('label') or prov['id'], 60))}]({rel(target)})")
    related = []
    if rec.id in g:
        for a, _b, data in g.in_edges(rec.id, data=True):
            if data.get("type") == "triggers" and repo.get(a) is not None:
                related.append(("triggered_by", repo.get(a)))
        for _a, b, data in g.out_edges(rec.id, data=True):
            if data.get("type") in RELATION_ZH and data.get("type") != "cites" and repo.get(b) is not None:
                related.append((data["type"], repo.get(b)))
    if cited:
        out += ["本记录依据的条款：", "", *cited, ""]
    for relation in RELATION_ZH:
        items = [r for kind, r in related if kind == relation]
        if items:
            out += [f"{RELATION_ZH[relation]}：" + "、".join(f"[{md(r.title)}]({rel(page_of(r))})" for r in items), ""]
    diagram = neighbourhood(repo, g, rec.id)
    if diagram:
        out += ["关系图（与上面的列表相同）：", "", "```mermaid", diagram, "```", ""]
    clauses = clauses_for_kind(repo, rules, rec.kind)
    if clauses:
        out += ["这类记录受实施方案以下条款约束：", ""]
        for c in clauses:
            out.append(f"- [{md(c['label'])}]({rel(f'documents/{PLAN_DOC}.md')}#{c['id']}) {md(c['title'] or '')}")
        out.append("")
    return Markup("\n".join(out) + "\n")
