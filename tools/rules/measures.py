"""Sanction measures: list management, proportionality and embedding (plan 四（四）9–11)."""
from __future__ import annotations

import re

from tools.base.findings import ERROR
from tools.domain.durations import approx_days
from tools.domain.levels import LEGAL, cited_documents, has_level
from tools.domain.measures import following_regimes, rows
from tools.model import vocab
from tools.rules.registry import rule

LIST_SCOPES = {"national_base": "national", "provincial_supplementary": "liaoning"}
# Bodies the plan says may not be compelled to sanction (四（四）10): their measures are only voluntary.
NON_PUBLIC_BODIES = re.compile(r"金融机构|银行|保险|信用服务机构|征信机构|行业协会|商会|新闻媒体|媒体")


@rule("MEAS-001", ERROR, "惩戒措施清单只能是全国基础清单或辽宁省补充清单", clause="四（四）9", kinds=("measure_list",))
def list_scope(repo, ctx):
    for rec in repo.of_kind("measure_list"):
        scope, juris = rec.data.get("scope"), rec.data.get("jurisdiction")
        if LIST_SCOPES.get(scope) != juris:
            yield rec, ("jurisdiction",), ("惩戒措施实行清单管理，只能依据全国失信惩戒措施基础清单（全国）和辽宁省补充清单（辽宁省）："
                                           f"“{vocab.MEASURE_LIST_SCOPES.get(scope, scope)}”与地域“{vocab.JURISDICTIONS.get(juris, juris)}”不符")


@rule("MEAS-002", ERROR, "减损权益或增加义务的措施须直接援引法律、法规或党中央、国务院政策文件", clause="四（四）9", kinds=("measure",))
def restrictive_basis(repo, ctx):
    for rec in repo.of_kind("measure"):
        if rec.data.get("category") != "restrictive":
            continue
        for prefix, row in rows(rec):
            if not has_level(repo, row.get("basis"), LEGAL):
                docs = cited_documents(repo, row.get("basis"))
                what = "没有可解析的依据" if not docs else "的依据中没有法律、法规或党中央、国务院政策文件"
                yield rec, prefix + ("basis",) if row.get("basis") else prefix, (
                    f"减损权益或增加义务的措施{what}：须直接援引法律、法规或党中央、国务院政策文件的条款（可另附司法解释等）")


@rule("PROP-001", ERROR, "措施须写明适用的名单或失信信息（关联原则），且对象须是失信信息或名单", clause="四（四）10", kinds=("measure",))
def relevance(repo, ctx):
    for rec in repo.of_kind("measure"):
        for prefix, row in rows(rec):
            targets = row.get("targets") or []
            if not targets:
                yield rec, prefix, "须在 targets 中写明本措施适用的名单制度或失信信息条目：惩戒措施应当与失信行为相关联"
            for i, t in enumerate(targets):
                entry = repo.get(t, "catalog_entry")
                if entry is not None and entry.data.get("nature") != "adverse":
                    yield rec, prefix + ("targets", i), f"对象“{entry.title}”不是失信信息，不能作为惩戒对象"


@rule("PROP-002", ERROR, "减损权益的措施不得适用于轻微失信信息（防止小过重惩）", clause="四（四）10", kinds=("measure",))
def no_harsh_for_minor(repo, ctx):
    for rec in repo.of_kind("measure"):
        if rec.data.get("category") != "restrictive":
            continue
        for prefix, row in rows(rec):
            for i, t in enumerate(row.get("targets") or []):
                entry = repo.get(t, "catalog_entry")
                if entry is not None and entry.data.get("severity") == "minor":
                    yield rec, prefix + ("targets", i), f"“{entry.title}”是轻微失信信息，不能适用减损权益或增加义务的措施"


@rule("PROP-003", ERROR, "措施的期限不得超过所引条款允许的上限（不得在法定标准上加重惩戒）", clause="四（四）10", kinds=("measure",))
def duration_within_law(repo, ctx):
    for rec in repo.of_kind("measure"):
        for prefix, row in rows(rec):
            mine = approx_days((row.get("duration") or {}).get("maximum"))
            if mine is None:
                continue
            caps = []  # (days, label) of every cited provision that states a sanction period
            for cit in row.get("basis") or []:
                prov = repo.provision(cit.get("doc"), cit.get("provision")) if isinstance(cit, dict) else None
                cap = approx_days(((prov or {}).get("sanction_period") or {}).get("maximum"))
                if cap is not None:
                    caps.append((cap, f"《{repo.get(cit['doc']).title}》{prov.get('label')}（{prov['sanction_period']['maximum']}）"))
            if caps and mine > max(c for c, _ in caps):
                yield rec, prefix + ("duration", "maximum"), (
                    f"期限 {row['duration']['maximum']} 超过所引条款允许的上限：{'、'.join(label for _, label in caps)}")


@rule("PROP-004", ERROR, "金融机构、信用服务机构、行业协会商会、新闻媒体实施的措施只能是自主实施的措施，不得强制", clause="四（四）10", kinds=("measure",))
def voluntary_only(repo, ctx):
    for rec in repo.of_kind("measure"):
        if rec.data.get("category") == "voluntary":
            continue
        for prefix, row in rows(rec):
            for i, who in enumerate(row.get("implementers") or []):
                if isinstance(who, str) and NON_PUBLIC_BODIES.search(who):
                    yield rec, prefix + ("implementers", i), (f"“{who}”不是公共管理机构：不得强制要求其惩戒失信主体，"
                                                              f"由其实施的措施只能归入 voluntary（自主实施的措施）")


@rule("EMBED-001", ERROR, "适用于名单的措施须写明实施部门和适用的业务事项，以便嵌入政务服务系统", clause="四（四）11", kinds=("measure",))
def embedding_fields(repo, ctx):
    for rec in repo.of_kind("measure"):
        named, targeted = following_regimes(repo, rec)
        if not (named or targeted):
            continue
        for prefix, row in rows(rec):
            missing = [zh for key, zh in (("implementers", "实施主体"), ("matters", "适用的业务事项")) if not row.get(key)]
            if missing:
                yield rec, prefix, f"本措施适用于严重失信主体名单，须写明{'、'.join(missing)}，联合惩戒才能嵌入业务系统自动比对"


@rule("EMBED-002", ERROR, "措施与名单的链接须双向一致：措施列出的名单须在名单的 measures 中，反之亦然", clause="四（四）11", kinds=("measure",))
def links_both_ways(repo, ctx):
    for rec in repo.of_kind("measure"):
        named, targeted = following_regimes(repo, rec)
        for regime_id in sorted(targeted - named):
            yield rec, (), f"本措施以名单“{regime_id}”为对象，但该名单的 measures 中没有本措施"
    for regime in repo.of_kind("list_regime"):
        for i, mid in enumerate(regime.data.get("measures") or []):
            measure = repo.get(mid, "measure")
            if measure is not None and regime.id not in following_regimes(repo, measure)[1]:
                yield regime, ("measures", i), f"名单列出了措施“{measure.title}”，但该措施的 targets 中没有本名单"
