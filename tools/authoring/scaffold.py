"""`python -m tools new …`: a draft record with every field it needs and the allowed values in comments.

A new record is a draft (`draft: true`): the lint reports what is still to be filled as warnings, not errors,
and the site is not published while any draft remains. Remove `draft: true` when the record is complete.
"""
from __future__ import annotations

from pathlib import Path

from tools.model import vocab

TODO = "（待填写）"


def _choices(voc: dict) -> str:
    return "；".join(f"{k} {v}" for k, v in voc.items())


def _header(kind: str) -> str:
    return (f"# 新建的{vocab.KINDS[kind]}（草稿）。把每个“{TODO}”换成从来源读到的内容；不知道的写 null 并在 note 说明。\n"
            f"# 全部填完、检查无误后删除 draft: true。字段说明见网站“数据模型”页。\n")


def _repair(first_lines: str) -> str:
    """The repair declaration every adverse record needs, and the closing fields of a draft."""
    return f"""repair:
  repairable: true
  {first_lines}       # 渠道：{_choices(vocab.REPAIR_CHANNELS)}
  materials: [commitment, identity, performance_proof]
  free_of_charge: true
  # 办理时限：本记录的规定有时限时写 time_limit_working_days: N；目录条目也可按施行中的修复制度
  # （procedures/repair_regimes/ 中 service 的时限）办理，此时不写
  ends_sharing_and_publication: true
  basis:
    - doc: benxi-plan-2021
      provision: task-14
""" + _CLOSING


_EVIDENCE = f"evidence: {TODO}               # 证据等级，必选其一： {'；'.join(f'{k} {v}' for k, v in vocab.EVIDENCE.items())}\n"

_CLOSING = f"""source: {TODO}
verified: false
{_EVIDENCE}note: {TODO}
draft: true
"""


def document(rid, title, jurisdiction="national") -> str:
    return _header("document") + f"""id: {rid}
title: {title}
doc_number: null              # 文号，如 国办发〔2020〕49号；没有或未查到写 null
issuer: [{TODO}]
level: {TODO}                 # 必选其一： {_choices(vocab.LEVELS)}
jurisdiction: {jurisdiction}  # {_choices(vocab.JURISDICTIONS)}
form: {TODO}                  # 必选其一： {_choices(vocab.DOCUMENT_FORMS)}
issued: null                  # 通过或发布日期 YYYY-MM-DD（不加引号）
effective_from: null          # 施行日期
effective_to: null
status: {TODO}                # 必选其一： {_choices(vocab.DOCUMENT_STATUS)}
replaced_by: null
source: {TODO}                # 读到原文的网址或出处
verified: false
{_EVIDENCE}note: {TODO}                  # 哪些内容尚未核实
draft: true
provisions:
  - id: art-1                 # 法律法规写 art-<阿拉伯数字>
    label: 第一条              # 原文条号
    summary: {TODO}            # 用自己的话概括
"""


def entry(rid, name, catalog) -> str:
    return _header("catalog_entry") + f"""id: {rid}
name: {name}
category: {TODO}                # 所在目录版本 catalogs/{catalog}/catalog.yml 中 categories 的 id
information_kind: {TODO}       # 必选其一： {_choices(vocab.INFORMATION_KINDS)}
behavior: {TODO}
provider: [{TODO}]
provider_type: {TODO}   # 必选其一： {_choices(vocab.PROVIDER_TYPES)}
data_source: {TODO}
nature: {TODO}                 # 必选其一： {_choices(vocab.NATURES)}
subjects: [{TODO}]       # 可多选： {_choices(vocab.SUBJECTS)}
basis:                         # 纳入依据：至少一条法律、法规或党中央、国务院政策文件的条款
  - doc: benxi-plan-2021
    provision: task-1
    note: （占位，请换成实际依据）
collection:                    # 本市、辽宁目录写 route（procedures/collection_routes/ 中的 id）；全国目录写 exemption
  exemption:
    reason: {TODO}
    basis:
      - doc: benxi-plan-2021
        provision: task-3
sharing:
  attribute: {TODO}        # 必选其一： {_choices(vocab.SHARING)}
  purpose: {TODO}               # 共享目的（按来源的文字说明）
  purpose_kinds: [performance_of_duties]   # {_choices(vocab.SHARING_PURPOSES)}
  recipients:                  # 失信信息须列出信用信息共享平台（方案四（一）2）
    - name: 市信用信息共享平台
      type: sharing_platform   # {_choices(vocab.RECIPIENT_TYPES)}
    - name: {TODO}
      type: public_body        # 类型为 other 时须在本项下写 basis（法律、法规、司法解释或党中央、国务院政策文件）
  basis:
    - doc: benxi-plan-2021
      provision: task-4-1
disclosure:
  attribute: {TODO}        # 必选其一： {_choices(vocab.DISCLOSURE)}
  masking: {TODO}              # 公开自然人信息时必填
publication_period:
  follows_repair_regime: true  # 或写 minimum/maximum，如 P3M、P1Y
determination_documents: [{TODO}]   # 可多选： {_choices(vocab.DETERMINATION_DOCUMENTS)}
query:
  authorized:                  # 谁可以查询使用：每项写名称和类型
    - name: {TODO}
      type: public_body        # {_choices(vocab.QUERY_TYPES)}。other 须在本项下写 basis，public 只用于公开的信息
  purpose: {TODO}               # 查询使用目的（按来源的文字说明）
  purpose_kinds: [performance_of_duties]   # {_choices(vocab.QUERY_PURPOSES)}
  procedure: {TODO}             # 查询使用的登记和审查程序（方案四（五）12）
  basis:
    - doc: benxi-plan-2021
      provision: task-12
""" + _repair("follows_repair_regime: true\n  channels: [credit_website, service_window, mobile]")


def measure(rid, name, measure_list) -> str:
    return _header("measure") + f"""id: {rid}
name: {name}
category: {TODO}               # 必选其一： {_choices(vocab.MEASURE_CATEGORIES)}
rows:
  - content: {TODO}             # 惩戒内容
    targets: []                # 适用的名单制度或失信信息条目的 id（名单的 measures 中也要列出本措施）
    basis:                     # 减损权益的措施须直接援引法律、法规或党中央、国务院政策文件
      - doc: benxi-plan-2021
        provision: task-9
        note: （占位，请换成实际依据）
    implementers:              # 实施主体：名称按来源；金融机构、信用服务机构、行业协会商会、新闻媒体只能实施 voluntary 措施
      - name: {TODO}
        type: public_body      # {_choices(vocab.IMPLEMENTER_TYPES)}
    matters: [{TODO}]           # 适用的业务事项
source: {TODO}                  # 清单 sanction_lists/measures/{measure_list}/ 的原文出处
verified: false
{_EVIDENCE}note: {TODO}
draft: true
"""


def list_regime(rid, name) -> str:
    return _header("list_regime") + f"""id: {rid}
name: {name}
domain: {TODO}                 # 必选其一： {_choices(vocab.DOMAINS)}
jurisdiction: {TODO}           # national 全国或 liaoning 辽宁（市级不得设列名单）
authority:                     # 认定部门（方案四（三）8：县级以上行业行政主管部门）
  - name: {TODO}                # 原文的认定部门名称
    lowest_level: {TODO}       # 作出认定的最低一级，必选其一：{_choices(vocab.AUTHORITY_LEVELS)}
    kind: {TODO}               # 必选其一： {_choices(vocab.AUTHORITY_KINDS)}
determined_by: {TODO}         # 必选其一： {_choices(vocab.DETERMINED_BY)}
standard: {TODO}
standard_basis:                # 全国名单：法律、行政法规或党中央、国务院政策文件（暂可部门规章）；省内名单：本省地方性法规
  - doc: benxi-plan-2021
    provision: task-7
    note: （占位，请换成实际依据）
procedure:
  notice:
    description: {TODO}
    basis:
      - doc: benxi-plan-2021
        provision: task-8
  objection:
    description: {TODO}
    time_limit_working_days: {TODO}   # 规定的时限（工作日，整数）
    basis:
      - doc: benxi-plan-2021
        provision: task-8
  decision:
    contents: [reason, basis, measures, removal, remedies]
    basis:
      - doc: benxi-plan-2021
        provision: task-8
""" + _repair("channels: [determining_unit]")


def target_path(root: Path, kind: str, rid: str, **opts) -> Path:
    if kind == "document":
        return root / "policies" / opts["jurisdiction"] / f"{rid}.yml"
    if kind == "entry":
        return root / "catalogs" / opts["catalog"] / f"{rid}.yml"
    if kind == "measure":
        return root / "sanction_lists" / "measures" / opts["measure_list"] / f"{rid}.yml"
    return root / "sanction_lists" / "name_lists" / f"{rid}.yml"


def skeleton(kind: str, rid: str, name: str, **opts) -> str:
    if kind == "document":
        return document(rid, name, opts["jurisdiction"])
    if kind == "entry":
        return entry(rid, name, opts["catalog"])
    if kind == "measure":
        return measure(rid, name, opts["measure_list"])
    return list_regime(rid, name)
