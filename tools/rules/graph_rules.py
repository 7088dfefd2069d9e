"""Rules over the dependency graph: supersession cycles, orphan measures and documents, records left without law."""
from __future__ import annotations

from tools.base.findings import ERROR, WARNING
from tools.domain.validity import in_force, valid_on
from tools.rules.registry import INFRASTRUCTURE, rule


@rule("GRAPH-001", ERROR, "版本或文件之间的取代关系出现循环", rationale=INFRASTRUCTURE + "；循环的取代关系无法判断哪个版本现行")
def supersession_cycles(repo, ctx):
    edges = ctx.parts.of_type("supersedes")
    if not {a for a, _ in edges} & {b for _, b in edges}:
        return  # no record both supersedes and is superseded: no cycle (and no need to import networkx)
    import networkx as nx

    sup = nx.DiGraph(edges)
    for cycle in nx.simple_cycles(sup):
        first = repo.get(sorted(cycle)[0])
        if first is not None:
            yield first, (), f"取代关系形成循环：{' → '.join(cycle + [cycle[0]])}"


@rule("GRAPH-002", WARNING, "没有任何名单或失信信息触发的惩戒措施", clause="四（四）10", kinds=("measure",))
def untriggered_measures(repo, ctx):
    triggered = {b for _, b in ctx.parts.of_type("triggers")}
    for rec in repo.of_kind("measure"):
        if rec.id is not None and rec.id not in triggered:
            yield rec, (), "没有任何名单制度或失信信息条目触发本措施：惩戒措施应当与具体的失信行为相关联"


@rule("GRAPH-003", WARNING, "没有任何记录引用的文件", rationale="仓库整理：未被引用的文件可能是多余的，或缺少引用它的记录")
def uncited_documents(repo, ctx):
    parts = ctx.parts
    provision_of = {a: b for a, b in parts.of_type("part_of")}  # provision -> document (and member -> group)
    used = {b for _, b in parts.of_type("issued_by", "supersedes")}
    used.update(provision_of.get(b) for _, b in parts.of_type("cites", "enforces"))
    for rec in repo.of_kind("document"):
        if rec.id in parts.names and rec.id not in used:
            yield rec, (), "没有任何记录或规则引用本文件的条款"


@rule("GRAPH-004", ERROR, "记录的全部依据在基准日都不施行（已废止、已失效或尚未生效）", clause="二（严格依法依规）")
def basis_all_gone(repo, ctx):
    for rec in repo.records:
        if rec.kind == "document" or not valid_on(rec.data, ctx.as_of):
            continue
        docs = [repo.cited(c)[0] for _, c in rec.citations]
        docs = [d for d in docs if d is not None]
        if docs and all(in_force(d.data, ctx.as_of) for d in docs):
            yield rec, (), f"本记录引用的全部文件在基准日 {ctx.as_of} 都不施行：它已没有有效的法律依据"

