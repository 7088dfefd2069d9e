"""The measure list as a managed list (plan 四（四）9, 五（三）): no measure without law, no measure beyond the list.

MEAS-002 (tools.rules.measures) asks restrictive measures to cite law directly; here every other measure too must
rest on law, regulation or central policy, and an edition holds exactly the measures its source publishes.
"""
from __future__ import annotations

from tools.base.findings import ERROR
from tools.domain.levels import LEGAL, cited_documents, has_level, levels_zh
from tools.domain.measures import rows
from tools.model import vocab
from tools.rules.registry import rule


@rule("MEAS-003", ERROR, "每项惩戒措施（不论类别）都须以法律、法规或党中央、国务院政策文件为依据", clause="四（四）9",
      kinds=("measure",))
def every_measure_rests_on_law(repo, ctx):
    """四（四）9：失信惩戒措施实行清单管理，不得在法律、法规和党中央、国务院政策文件之外增设惩戒措施。减损权益的措施由
    MEAS-002 检查；本规则检查管理措施和其他组织自主实施的措施：每一行的依据中都须有法律、法规或党中央、国务院政策文件，
    只引用规范性文件或没有依据的不行。

    报错：
    ```yaml
    # 惩戒措施
    category: administrative
    rows:
      - content: 列为重点监管对象
        targets: [regime-a]
        basis:
          - doc: benxi-plan-2021
            provision: task-9
        implementers: [{name: 示例部门, type: public_body}]
        matters: [日常监督检查]
    ```

    通过：
    ```yaml
    # 惩戒措施
    category: administrative
    rows:
      - content: 列为重点监管对象
        targets: [regime-a]
        basis:
          - doc: example-law
            provision: art-2
        implementers: [{name: 示例部门, type: public_body}]
        matters: [日常监督检查]
    ```
    """
    for rec in repo.of_kind("measure"):
        if rec.data.get("category") == "restrictive":
            continue  # MEAS-002
        for prefix, row in rows(rec):
            if not has_level(repo, row.get("basis"), LEGAL):
                docs = cited_documents(repo, row.get("basis"))
                what = "没有可解析的依据" if not docs else f"的依据只有{levels_zh(docs)}"
                category = vocab.MEASURE_CATEGORIES.get(rec.data.get("category"), rec.data.get("category"))
                yield rec, prefix + ("basis",) if row.get("basis") else prefix, (
                    f"本措施（{category}）{what}：不得在法律、法规和党中央、国务院政策文件之外增设惩戒措施，"
                    f"请引用规定本措施的法律、法规或党中央、国务院政策文件的条款")


@rule("MEAS-004", ERROR, "清单版本中的措施项数须与来源公布的项数（measure_count）一致", clause="四（四）9",
      kinds=("measure_list",))
def measure_count_matches(repo, ctx):
    """四（四）9：依据全国失信惩戒措施基础清单和辽宁省补充清单实施惩戒，实行清单管理。清单版本写明了来源公布的措施项数
    （measure_count）的，本库中属于该版本的措施记录数须与之相等：多出的措施即使与名单双向关联，也是清单之外增设的措施。

    报错：
    ```yaml
    # 失信惩戒措施清单版本
    measure_count: 2
    ```

    通过：
    ```yaml
    # 失信惩戒措施清单版本
    measure_count: 1
    ```
    """
    members: dict = {}
    for m in repo.of_kind("measure"):
        members.setdefault(m.group, []).append(m)
    for rec in repo.of_kind("measure_list"):
        published = rec.data.get("measure_count")
        if not isinstance(published, int) or isinstance(published, bool):
            continue
        held = len(members.get(rec.id, []))
        if held != published:
            more = "多于" if held > published else "少于"
            yield rec, ("measure_count",), (f"本版本在本库中有 {held} 项措施，{more}来源公布的 {published} 项："
                                            + ("请删除清单之外增设的措施" if held > published else "请补齐缺少的措施记录"))
