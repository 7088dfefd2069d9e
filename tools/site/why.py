"""The "why" section of every record page: its neighbourhood as a mermaid diagram and the chain to its basis.

Mermaid reads the diagram source as text, so labels from YAML are reduced to characters that cannot end a label,
start a directive or close the Markdown fence: quotes, brackets, backticks, '#', ';' and line breaks become
mermaid entity codes.
"""
from __future__ import annotations

from markupsafe import Markup

from tools.domain.plan import PLAN_DOC, clauses_for_kind
from tools.model import vocab
from tools.site.escape import md

_MERMAID_ENTITIES = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;",
                     "[": "#91;", "]": "#93;", "{": "#123;", "}": "#125;", "(": "#40;", ")": "#41;", ";": "#59;",
                     "|": "#124;", "\\": "#92;"}
MAX_NEIGHBOURS = 14
EDGE_ZH = {"cites": "引用", "part_of": "属于", "triggers": "触发", "supersedes": "取代", "issued_by": "印发",
           "follows": "归集方式", "refines": "细化", "enforces": "检查"}


def mermaid_label(text, limit: int = 28) -> str:
    text = " ".join(str(text or "").split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return "".join(_MERMAID_ENTITIES.get(ch, ch) for ch in text)


def _node_label(g, node) -> str:
    attrs = g.nodes[node]
    if attrs.get("kind") == "provision":
        doc = g.nodes[attrs["document"]].get("label", attrs["document"]) if attrs.get("document") in g else ""
        return f"{doc} {attrs.get('label') or ''}"
    return attrs.get("label") or node


def neighbourhood(g, node) -> str:
    """Mermaid flowchart source of a record and its direct neighbours (provisions shown with their document)."""
    if node not in g:
        return ""
    edges = [(a, b, d.get("type")) for a, b, d in g.out_edges(node, data=True)]
    edges += [(a, b, d.get("type")) for a, b, d in g.in_edges(node, data=True)
              if d.get("type") in ("triggers", "part_of", "refines", "follows", "supersedes", "cites")]
    edges = sorted(set(edges))[:MAX_NEIGHBOURS]
    ids = {node: "n0"}
    lines = ["flowchart LR", f'  n0["{mermaid_label(_node_label(g, node))}"]', "  style n0 stroke-width:3px"]
    for a, b, kind in edges:
        for x in (a, b):
            if x not in ids:
                ids[x] = f"n{len(ids)}"
                lines.append(f'  {ids[x]}["{mermaid_label(_node_label(g, x))}"]')
        lines.append(f"  {ids[a]} -->|{EDGE_ZH.get(kind, kind)}| {ids[b]}")
    return "\n".join(lines)


def why_section(repo, g, rules, rec, rel) -> str:
    """Markdown for the "依据链" section of a record page."""
    out = ["", "## 依据链", "", "本记录与其依据、所属版本和相关名单或措施的关系：", "", "```mermaid",
           neighbourhood(g, rec.id), "```", ""]
    clauses = clauses_for_kind(repo, rules, rec.kind)
    if clauses:
        out += ["受方案以下条款约束（检查规则见括号）：", ""]
        for c in clauses:
            rules_md = "、".join(f"[{r}]({rel('rules.md')}#{r.lower()})" for r in c["rules"])
            out.append(f"- [{md(c['label'])}]({rel(f'documents/{PLAN_DOC}.md')}#{c['id']}) "
                       f"{md(c['title'] or '')}（{rules_md}）")
        out.append("")
    kind = vocab.KINDS.get(rec.kind, rec.kind)
    out.append(f"在仓库中运行 python -m tools why {md(rec.id)} 可在命令行查看同样的依据链（{md(kind)}）。")
    return Markup("\n".join(out) + "\n")
