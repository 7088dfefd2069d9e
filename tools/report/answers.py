"""Chinese text for the questions asked of the repository (impact, why, query, diff); JSON is the data as it is.

Each function is pure: it takes the answer's data and returns text."""
from __future__ import annotations

from tools.model import vocab


def _kind(k):
    return vocab.KINDS.get(k) or {"provision": "条款", "rule": "检查规则"}.get(k, k or "")


def _cite(b) -> str:
    state = b.get("state_zh") or ("现行有效" if b["in_force"] else "不在施行期")
    flag = "" if b["verified"] else "，未核实"
    return f"《{b['title']}》{b['label'] or b['provision']}（{b['level_zh']}，{state}{flag}）"


def impact_text(result) -> str:
    deps = result["dependents"]
    lines = [f"依赖“{result['target']}”的记录和条款共 {len(deps)} 项："]
    for d in deps:
        chain = " ← ".join([result["target"], *d["via"], d["id"]])
        lines.append(f"- [{_kind(d['kind'])}] {d['name'] or d['id']}（{d['id']}）  路径：{chain}")
    return "\n".join(lines) + "\n"


def why_text(result) -> str:
    r = result["record"]
    lines = [f"{r['kind_zh']}《{r['name']}》（{r['id']}，{r['path']}）" + ("" if r["verified"] else "〔未核实〕")]
    for rel in result["related"]:
        word = {"part_of": "属于", "issued_by": "印发文件", "follows": "归集方式", "refines": "细化",
                "triggers": "触发措施", "triggered_by": "由此触发"}.get(rel["relation"], rel["relation"])
        lines.append(f"  {word}：{rel['name'] or rel['id']}（{rel['id']}）")
    lines.append("  法律及政策依据：" if result["basis"] else "  法律及政策依据：无")
    for b in result["basis"]:
        lines.append(f"    - {_cite(b)}：{b['summary'] or ''}")
    lines.append("  受方案以下条款约束：")
    for c in result["clauses"]:
        title = f" {c['title']}" if c.get("title") else ""
        lines.append(f"    - {c['label']}{title}（规则 {'、'.join(c['rules'])}）")
    return "\n".join(lines) + "\n"


def query_text(result) -> str:
    lines = [f"列入“{result['name']}”（{result['list']}）后，基准日 {result['as_of']} 适用的惩戒措施 "
             f"{len(result['measures'])} 项："]
    for m in result["measures"]:
        lines.append(f"- {m['name']}（{m['id']}，{m['category_zh']}）" + ("" if m["verified"] else "〔未核实〕"))
        lines.append(f"    实施主体：{'、'.join(m['implementers']) or '未写明'}")
        lines.append(f"    适用事项：{'、'.join(m['matters']) or '未写明'}")
        for b in m["basis"]:
            lines.append(f"    依据：{_cite(b)}")
    return "\n".join(lines) + "\n"


def diff_text(j) -> str:
    """The comparison of two editions or revisions (the JSON of tools.domain.changes.as_json), in Chinese."""
    name = lambda x: x if isinstance(x, str) else f"{x['name']}（{x['id']}）"  # noqa: E731
    lines = [f"{name(j['old'])} → {name(j['new'])}：新增 {len(j['added'])}，删除 {len(j['removed'])}，"
             f"修改 {len(j['modified'])}，未变 {j['unchanged']}"]
    lines += [f"ADD 新增 {r['name']}（{r['id']}，{r['path']}）" for r in j["added"]]
    lines += [f"DEL 删除 {r['name']}（{r['id']}，{r['path']}）" for r in j["removed"]]
    for m in j["modified"]:
        lines.append(f"MOD 修改 {m['name']}（{m['id']}，{m['path']}）")
        for f in m["fields"]:
            what = f"{f['change_zh']} {f['path']}" + (f"（{f['label']}）" if f.get("label") else "")
            if f["change"] == "added":
                lines.append(f"    {what}：{f['new']}")
            elif f["change"] == "removed":
                lines.append(f"    {what}：{f['old']}")
            else:
                lines.append(f"    {what}：{f['old']} → {f['new']}")
        lines += [f"    新增依据 {c}" for c in m.get("citations_added_zh", m["citations_added"])]
        lines += [f"    删除依据 {c}" for c in m.get("citations_removed_zh", m["citations_removed"])]
    return "\n".join(lines) + "\n"
