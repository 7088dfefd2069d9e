"""Rules over the dependency graph: supersession cycles, orphan measures and documents, records left without law."""
from __future__ import annotations

from tools.base.findings import ERROR, WARNING
from tools.domain.validity import in_force, in_scope
from tools.rules.registry import INFRASTRUCTURE, rule


@rule("GRAPH-001", ERROR, "版本或文件之间的取代关系出现循环", rationale=INFRASTRUCTURE + "；循环的取代关系无法判断哪个版本现行")
def supersession_cycles(repo, ctx):
    """检查文件（replaced_by）、目录版本和措施清单版本（supersedes）之间的取代关系没有形成循环：
    循环的取代关系无法判断哪个版本现行。

    报错：
    ```yaml
    # 政策法规文件
    id: example-law
    status: amended
    replaced_by: some-law
    ---
    # 政策法规文件
    id: some-law
    title: 某法（示例）
    replaced_by: example-law
    ```

    通过：
    ```yaml
    # 政策法规文件
    id: example-law
    status: amended
    replaced_by: some-law
    ---
    # 政策法规文件
    id: some-law
    title: 某法（示例）
    replaced_by: ~
    ```
    """
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
    """四（四）10：惩戒措施应当与失信行为相关联。检查每项惩戒措施至少由一个名单制度或失信信息条目触发
    （名单的 measures 列出它，或它的 targets 列出名单、条目）；没有任何触发的措施提示警告。

    报错：
    ```yaml
    # 惩戒措施
    id: measure-b
    name: 示例管理措施
    category: administrative
    rows:
      - content: 列为重点监管对象
        basis:
          - doc: example-law
            provision: art-2
        implementers:
          - name: 示例部门
            type: public_body
        matters: [示例检查]
    ```

    通过：
    ```yaml
    # 惩戒措施
    id: measure-b
    name: 示例管理措施
    category: administrative
    rows:
      - content: 列为重点监管对象
        targets: [entry-a]
        basis:
          - doc: example-law
            provision: art-2
        implementers:
          - name: 示例部门
            type: public_body
        matters: [示例检查]
    ```
    """
    triggered = {b for _, b in ctx.parts.of_type("triggers")}
    for rec in repo.of_kind("measure"):
        if rec.id is not None and rec.id not in triggered:
            yield rec, (), "没有任何名单制度或失信信息条目触发本措施：惩戒措施应当与具体的失信行为相关联"


@rule("GRAPH-003", WARNING, "没有任何记录引用的文件", rationale="仓库整理：未被引用的文件可能是多余的，或缺少引用它的记录")
def uncited_documents(repo, ctx):
    """检查每件政策法规文件都有用处：有记录引用它的条款、以它为目录或清单的印发文件，或它已被其他文件取代。
    没有任何记录引用的文件可能是多余的，或缺少引用它的记录，提示警告。

    报错：
    ```yaml
    # 政策法规文件
    id: some-rule
    title: 某部门规章（示例）
    level: departmental_rule
    form: rules
    ```

    通过：
    ```yaml
    # 政策法规文件
    id: some-rule
    title: 某部门规章（示例）
    level: departmental_rule
    form: rules
    ---
    # 严重失信主体名单制度
    standard_basis:
      - doc: example-law
        provision: art-1
      - doc: some-rule
        provision: art-1
    ```
    """
    parts = ctx.parts
    provision_of = {a: b for a, b in parts.of_type("part_of")}  # provision -> document (and member -> group)
    used = {b for _, b in parts.of_type("issued_by", "supersedes")}
    used.update(provision_of.get(b) for _, b in parts.of_type("cites", "enforces"))
    for rec in repo.of_kind("document"):
        if rec.id in parts.names and rec.id not in used:
            yield rec, (), "没有任何记录或规则引用本文件的条款"


@rule("GRAPH-004", ERROR, "记录的全部依据在基准日都不施行（已废止、已失效或尚未生效）", clause="二（严格依法依规）")
def basis_all_gone(repo, ctx):
    """二（严格依法依规）：事关个人、企业等各类主体切身利益的失信行为记录、严重失信主体名单认定和失信惩戒等，
    必须严格在法治轨道内运行。检查基准日有效的每条记录（文件本身除外）：它引用的文件中至少有一件在基准日施行；
    所引文件全部已废止、已失效或尚未生效的，记录已没有有效的法律依据。

    报错：
    ```yaml
    # 政策法规文件
    id: old-rule
    title: 某部门规章（示例，已废止）
    level: departmental_rule
    form: rules
    status: repealed
    effective_to: 2025-12-31
    ---
    # 信用修复制度（公示期限）
    basis:
      - doc: old-rule
        provision: art-2
    ```

    通过：
    ```yaml
    # 政策法规文件
    id: old-rule
    title: 某部门规章（示例，已废止）
    level: departmental_rule
    form: rules
    status: repealed
    effective_to: 2025-12-31
    replaced_by: new-rule
    ---
    # 政策法规文件
    id: new-rule
    title: 某部门规章（示例，2026年修订）
    level: departmental_rule
    form: rules
    effective_from: 2026-01-01
    ---
    # 信用修复制度（公示期限）
    basis:
      - doc: new-rule
        provision: art-2
    ```
    """
    for rec in repo.records:
        if rec.kind == "document" or not in_scope(repo, rec, ctx.as_of):
            continue
        docs = [repo.cited(c)[0] for _, c in rec.citations]
        docs = [d for d in docs if d is not None]
        if docs and all(in_force(d.data, ctx.as_of) for d in docs):
            yield rec, (), f"本记录引用的全部文件在基准日 {ctx.as_of} 都不施行：它已没有有效的法律依据"

