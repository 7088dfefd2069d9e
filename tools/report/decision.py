"""A decision in Chinese for people: one conclusion per line with the articles behind it; and as JSON data."""
from __future__ import annotations

import datetime as _dt
import json

from tools.domain.citations import book_title
from tools.domain.evidence import INFERRED_SHORT
from tools.domain.plan import PLAN_DOC
from tools.model import vocab
from tools.model.cases import CASE_KINDS


def plain(value):
    """JSON-ready copy of an answer (dates as ISO strings)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def to_json(answer) -> str:
    return json.dumps(plain(answer), ensure_ascii=False, indent=2)


def _cites(citations) -> str:
    return "、".join(book_title(c.get("title") or c["doc"]) + str(c.get("label") or c["provision"])
                    + (INFERRED_SHORT if c.get("evidence") == "reconstructed" else "") for c in citations)


def text(answer: dict, where: str = "") -> str:
    a = answer
    head = f"{CASE_KINDS[a['case']]}（{vocab.SUBJECTS[a['subject']]}），基准日 {a['as_of']}"
    lines = [f"【{where}】{head}" if where else f"【案件】{head}"]
    for t in a["trace"]:
        # the plan's clause is named once, in the bracket: not again among the citations
        basis = _cites([c for c in t["citations"] if not (c["doc"] == PLAN_DOC and c.get("label") == t["plan_clause"])])
        clause = f"（方案{t['plan_clause']}，{t['rule']}）" if t["plan_clause"] else ""
        lines.append(f"- {t['conclusion']}{clause}" + (f"——依据 {basis}" if basis else ""))
    pub = a.get("publication")
    if pub and (pub.get("earliest_end") or pub.get("latest_end")):
        lines.append(f"  公示：自 {pub['starts']} 起算，最短期限至 {pub.get('earliest_end') or '—'}，"
                     f"最长期限至 {pub.get('latest_end') or '—'}")
    rep = a.get("repair")
    if rep and rep.get("earliest"):
        lines.append(f"  最早可申请修复：{rep['earliest']}")
    if rep and rep.get("result_due"):
        lines.append(f"  最迟答复日期：{rep['result_due']}（{rep['time_limit_working_days']} 个工作日）")
    for m in a.get("measures") or []:
        lines.append(f"  措施：{m['name']}；实施主体：{'、'.join(m['implementers']) or '未写明'}；"
                     f"适用事项：{'、'.join(m['matters']) or '未写明'}")
    for u in a["unknown"]:
        lines.append(f"? 未知（{u['field']}）：{u['reason']}")
    if a["unverified"]:
        lines.append("! 所用记录尚未逐项核实：" + "、".join(
            f"{u['name']}（{u['record']}；{vocab.EVIDENCE.get(u.get('evidence'), '证据等级未标明')}）"
            for u in a["unverified"]))
    weak = [f"{vocab.KINDS.get(u.get('kind'), '记录')}“{u['name']}”" for u in a["unverified"]
            if u.get("evidence") == "reconstructed"]
    if weak:
        lines.append("! 本答案用到推断重构的记录（不是从原文读到的事实）：" + "、".join(weak)
                     + ("；依据它们的结论" if len(weak) > 1 else "；依据它的结论")
                     + "只能作为查找原文的线索，办事和认定请以发布机关公布的原文为准")
    return "\n".join(lines) + "\n"
