"""Credit repair: who may repair, when, where, with what, for free and in time (plan 四（六）14–15)."""
from __future__ import annotations

from tools.base.findings import ERROR
from tools.domain.durations import approx_days
from tools.domain.levels import LEGAL, cited_documents, has_level
from tools.domain.validity import in_scope
from tools.domain.repair import administrative_repair, regimes_in_force, repair_subjects, service_in_force
from tools.model import vocab
from tools.rules.registry import rule

REQUIRED_MATERIALS = ("commitment", "identity", "performance_proof")


@rule("REPAIR-001", ERROR, "失信信息条目和名单制度须写明能否修复", clause="四（六）14", kinds=("catalog_entry", "list_regime"))
def repair_declared(repo, ctx):
    """四（六）14：除法律法规和党中央、国务院政策文件明确规定不可修复的失信信息外，失信主体按要求纠正失信行为、
    消除不良影响的，均可申请信用修复。检查每个失信信息目录条目（nature: adverse）和每个名单制度都有 repair，
    写明能否修复（repairable）以及修复的规定。

    报错：
    ```yaml
    # 目录条目
    nature: adverse
    repair: ~
    ```

    通过：
    ```yaml
    # 目录条目
    nature: adverse
    repair:
      repairable: true
      follows_repair_regime: true
      channels: [credit_website, service_window]
      materials: [commitment, identity, performance_proof]
      free_of_charge: true
      time_limit_working_days: 5
      ends_sharing_and_publication: true
      basis:
        - doc: example-law
          provision: art-2
    ```
    """
    for rec in repair_subjects(repo):
        if not isinstance(rec.data.get("repair"), dict):
            yield rec, (), "方案四（六）14：须在 repair 中写明能否修复以及修复的条件、渠道和材料"


@rule("REPAIR-002", ERROR, "“不可修复”须有法律、法规或党中央、国务院政策文件的明确规定", clause="四（六）14", kinds=("catalog_entry", "list_regime"))
def unrepairable_needs_law(repo, ctx):
    """四（六）14：除法律法规和党中央、国务院政策文件明确规定不可修复的失信信息外，均可申请信用修复。写明
    repairable: false 的目录条目或名单制度，检查其 repair.basis 引用了法律、法规或党中央、国务院政策文件；
    只引用部门规章或规范性文件（如本方案）的不够。

    报错：
    ```yaml
    # 目录条目
    repair:
      repairable: false
      basis:
        - doc: benxi-plan-2021
          provision: task-14
    ```

    通过：
    ```yaml
    # 目录条目
    repair:
      repairable: false
      basis:
        - doc: example-law
          provision: art-2
    ```
    """
    for rec in repair_subjects(repo):
        repair = rec.data.get("repair")
        if isinstance(repair, dict) and repair.get("repairable") is False and not has_level(repo, repair.get("basis"), LEGAL):
            yield rec, ("repair", "repairable"), ("除法律、法规和党中央、国务院政策文件明确规定不可修复的外，失信信息均可申请修复："
                                                  "repairable: false 须在 repair.basis 中引用这样的规定")


@rule("REPAIR-003", ERROR, "可修复的须写明依据、最短公示期限、申请渠道和申请材料（目录条目须含承诺书、身份证件和履行材料；名单按其自身规定；"
                           "法院认定的按司法程序，不适用）", clause="四（六）14", kinds=("catalog_entry", "list_regime"))
def repair_how(repo, ctx):
    """四（六）14：在失信信息最短公示期限届满后，信用主体可以通过信用网站、服务窗口和移动终端等渠道，向认定单位或者
    信用中国网站申请信用修复，并提供信用修复承诺书、有效身份证件、已经履行法定义务或者约定义务的相关材料。
    对可修复的目录条目和名单制度（人民法院认定的按司法程序，不适用），检查 repair 写明依据（basis）、
    最短公示期限（minimum_period，或 follows_repair_regime: true）、申请渠道（channels）和申请材料（materials）：
    目录条目的材料须含上述三项，名单按其自身规定写明材料。

    报错：
    ```yaml
    # 目录条目
    repair:
      repairable: true
      materials: [commitment, identity]
    ```

    通过：
    ```yaml
    # 目录条目
    repair:
      repairable: true
      materials: [commitment, identity, performance_proof]
    ```
    """
    for rec in repair_subjects(repo):
        repair = administrative_repair(rec)
        if repair is None:
            continue
        problems = []
        if not cited_documents(repo, repair.get("basis")):
            problems.append("修复规定的依据（basis）")
        if not (repair.get("minimum_period") or repair.get("follows_repair_regime") is True):
            problems.append("最短公示期限（minimum_period，或 follows_repair_regime: true）")
        if not repair.get("channels"):
            problems.append("申请渠道（channels）")
        materials = repair.get("materials") or []
        if rec.kind == "list_regime":  # removal from a list follows the list's own rule: its materials, stated
            if not materials:
                problems.append("申请材料（materials）")
        else:
            missing = [vocab.REPAIR_MATERIALS[m] for m in REQUIRED_MATERIALS if m not in materials]
            if missing:
                problems.append("申请材料：" + "、".join(missing))
        if problems:
            yield rec, ("repair",), f"可修复的须写明：{'；'.join(problems)}"


@rule("REPAIR-004", ERROR, "信用修复不收费、有办理时限，修复后终止共享和公开（法院认定的按司法程序，不适用）",
      clause="四（六）15", kinds=("catalog_entry", "list_regime"))
def repair_service(repo, ctx):
    """四（六）15：持续压缩信用修复办理时限，不得以任何形式向申请信用修复的主体收取费用；符合修复条件的，及时移出
    名单，终止共享公开相关失信信息。对可修复的目录条目和名单制度（人民法院认定的按司法程序，不适用），检查
    repair 写明 free_of_charge: true、办理时限（time_limit_working_days；目录条目也可由基准日施行的修复制度的
    service 规定）和 ends_sharing_and_publication: true。

    报错：
    ```yaml
    # 严重失信主体名单制度
    repair:
      repairable: true
      free_of_charge: false
    ```

    通过：
    ```yaml
    # 严重失信主体名单制度
    repair:
      repairable: true
      free_of_charge: true
      time_limit_working_days: 15
      ends_sharing_and_publication: true
    ```
    """
    for rec in repair_subjects(repo):
        repair = administrative_repair(rec)
        if repair is None:
            continue
        if repair.get("free_of_charge") is not True:
            yield rec, ("repair",), "不得以任何形式向申请修复的主体收取费用：须写明 free_of_charge: true"
        if (not repair.get("time_limit_working_days") and in_scope(repo, rec, ctx.as_of)
                and service_in_force(repo, rec, ctx.as_of) is None):
            yield rec, ("repair",), ("须写明修复的办理时限（time_limit_working_days），或由基准日施行的修复制度的 service "
                                     "为本条目的信息种类规定办理时限：方案要求持续压缩办理时限")
        if repair.get("ends_sharing_and_publication") is not True:
            yield rec, ("repair",), "修复后须终止共享和公开相关失信信息：须写明 ends_sharing_and_publication: true"


@rule("REPAIR-005", ERROR, "行政处罚信息的公示和修复期限按基准日施行的信用修复制度确定（名单按各自依据）", clause="四（六）14", kinds=("catalog_entry", "list_regime"))
def periods_follow_regime(repo, ctx):
    """四（六）14：在失信信息最短公示期限届满后，信用主体可以申请信用修复。行政处罚失信信息
    （information_kind: administrative_penalty）的公示期限按基准日施行的信用修复制度（procedures/repair_regimes/）
    确定：检查基准日恰有一个施行中的行政处罚信息修复制度；目录条目写明的最短、最长公示期限与该制度对其失信程度
    （severity）规定的期限一致；未写 severity 或制度中没有对应期限的，条目须声明 follows_repair_regime: true。

    报错：
    ```yaml
    # 信用修复制度（公示期限）
    periods:
      general: {minimum: P3M, maximum: P1Y}
    ---
    # 目录条目
    information_kind: administrative_penalty
    severity: general
    publication_period:
      minimum: P6M
      maximum: P3Y
      follows_repair_regime: ~
    ```

    通过：
    ```yaml
    # 信用修复制度（公示期限）
    periods:
      general: {minimum: P3M, maximum: P1Y}
    ---
    # 目录条目
    information_kind: administrative_penalty
    severity: general
    publication_period:
      minimum: P3M
      maximum: P1Y
      follows_repair_regime: ~
    ```
    """
    kind = "administrative_penalty"
    in_force = regimes_in_force(repo, kind, ctx.as_of)
    if len(in_force) > 1:
        for reg in in_force[1:]:
            yield reg, ("effective_from",), (f"基准日 {ctx.as_of} 同时施行多个行政处罚信息修复制度（{in_force[0].id}、{reg.id}）："
                                             f"请用 effective_from/effective_to 划清时段")
    for rec in repo.of_kind("catalog_entry"):
        if rec.data.get("information_kind") != kind or rec.data.get("nature") != "adverse" \
                or not in_scope(repo, rec, ctx.as_of):
            continue
        period = rec.data.get("publication_period") or {}
        if not in_force:
            yield rec, ("publication_period",), f"基准日 {ctx.as_of} 没有施行中的行政处罚信息修复制度（procedures/repair_regimes/）"
            continue
        regime = in_force[0]
        severity = rec.data.get("severity")
        expected = (regime.data.get("periods") or {}).get(severity) if severity else None
        if expected and (period.get("minimum"), period.get("maximum")) not in (
                (None, None), (expected.get("minimum"), expected.get("maximum"))):
            yield rec, ("publication_period",), (
                f"按基准日 {ctx.as_of} 施行的“{regime.title}”，{vocab.SEVERITIES[severity]}失信信息的公示期限为最短 "
                f"{expected.get('minimum') or '无'}、最长 {expected.get('maximum') or '无'}，与本条目不一致")
        if not expected and not period.get("follows_repair_regime"):
            yield rec, ("publication_period",), ("行政处罚信息的公示期限须按施行中的修复制度确定：请写明 severity 并使期限与之一致，"
                                                 "或声明 follows_repair_regime: true")


@rule("REPAIR-006", ERROR, "修复的最短期限不得短于条目自身的最短公示期限，也不得短于施行中的修复制度对该程度规定的最短期限",
      clause="四（六）14", kinds=("catalog_entry",))
def repair_not_before_minimum(repo, ctx):
    """四（六）14：在失信信息最短公示期限届满后，信用主体可以申请信用修复。所以目录条目的 repair.minimum_period
    不得短于本条目的 publication_period.minimum，也不得短于基准日施行的修复制度对本条目失信程度（severity）规定的最短期限。

    报错：
    ```yaml
    # 目录条目
    severity: ~
    publication_period:
      minimum: P6M
      maximum: P3Y
      follows_repair_regime: ~
    repair:
      follows_repair_regime: ~
      minimum_period: P3M
    ```

    通过：
    ```yaml
    # 目录条目
    severity: ~
    publication_period:
      minimum: P6M
      maximum: P3Y
      follows_repair_regime: ~
    repair:
      follows_repair_regime: ~
      minimum_period: P6M
    ```
    """
    for rec in repair_subjects(repo):
        repair = rec.data.get("repair")
        if rec.kind != "catalog_entry" or not isinstance(repair, dict) or not repair.get("minimum_period"):
            continue
        mine = approx_days(repair["minimum_period"])
        if mine is None:
            continue  # SCHEMA-005
        floors = []
        own = (rec.data.get("publication_period") or {}).get("minimum")
        if approx_days(own) is not None:
            floors.append((approx_days(own), f"本条目的最短公示期限 {own}"))
        severity = rec.data.get("severity")
        if severity and in_scope(repo, rec, ctx.as_of):
            for reg in regimes_in_force(repo, rec.data.get("information_kind") or "", ctx.as_of):
                minimum = ((reg.data.get("periods") or {}).get(severity) or {}).get("minimum")
                if approx_days(minimum) is not None:
                    floors.append((approx_days(minimum), f"“{reg.title}”对{vocab.SEVERITIES[severity]}失信信息规定的最短期限 {minimum}"))
        short = [what for days, what in floors if mine < days]
        if short:
            yield rec, ("repair", "minimum_period"), (f"修复的最短期限 {repair['minimum_period']} 短于{'、'.join(short)}："
                                                      "最短公示期限届满后才可以申请修复，请改正 repair.minimum_period")
