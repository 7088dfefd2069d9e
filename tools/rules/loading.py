"""Rules checked while a file is read and validated against its schema (no model function of their own)."""
from tools.base.findings import ERROR
from tools.rules.registry import INFRASTRUCTURE, declared

DECLARED = [

    declared("YAML-001", ERROR, "YAML 语法错误", rationale=INFRASTRUCTURE, doc="""
        文件必须是语法正确的 YAML，否则整条记录无法读取。最常见的原因是值里含有“: ”（半角冒号加空格）却没有加引号，
        或者缩进不一致、引号和括号没有闭合。

        报错：
        ```yaml
        # 目录条目（原文）
        id: entry-a
        name: 示例处罚信息: 罚款
        ```

        通过：
        ```yaml
        # 目录条目（原文）
        id: entry-a
        name: "示例处罚信息: 罚款"
        ```
        """),
    declared("YAML-002", ERROR, "文件编码不是 UTF-8", rationale=INFRASTRUCTURE, doc="""
        记录文件必须以 UTF-8 编码保存（可以带 BOM）；以 GBK、UTF-16 等编码保存的文件无法可靠读取，中文会变成乱码。

        报错：
        ```yaml
        # 示意
        # catalogs/cat-2021/entry-a.yml 以 GBK 编码保存（如在编辑器中“另存为 ANSI”），下面的中文不是 UTF-8 字节
        id: entry-a
        name: 示例处罚信息
        ```

        通过：
        ```yaml
        # 示意
        # 同一文件以 UTF-8 编码保存
        id: entry-a
        name: 示例处罚信息
        ```
        """),
    declared("YAML-003", ERROR, "缩进中使用了制表符", rationale=INFRASTRUCTURE, doc="""
        YAML 只允许用空格缩进；行首的制表符（Tab）在不同编辑器里宽度不同，会让层级关系读错，所以一律报错。

        报错：
        ```yaml
        # 目录条目（原文）
        id: entry-a
        repair:
        \trepairable: true  # 行首是一个制表符（Tab）
        ```

        通过：
        ```yaml
        # 目录条目（原文）
        id: entry-a
        repair:
          repairable: true  # 行首是两个空格
        ```
        """),
    declared("YAML-004", ERROR, "重复的键", rationale=INFRASTRUCTURE, doc="""
        同一个映射里不能出现两次相同的字段名：否则只有一个值会被采用，另一个会被悄悄丢掉，请删除或合并其中一个。

        报错：
        ```yaml
        # 目录条目（原文）
        id: entry-a
        name: 示例处罚信息
        name: 示例行政处罚信息
        ```

        通过：
        ```yaml
        # 目录条目（原文）
        id: entry-a
        name: 示例处罚信息
        ```
        """),
    declared("YAML-005", ERROR, "不允许的 YAML 标签", rationale=INFRASTRUCTURE + "；标签可能触发代码执行", doc="""
        记录只能包含文本、数字、日期、列表和映射，不允许使用 `!!python/…`、`!include` 等 YAML 标签：
        这类标签在某些读取程序中会执行代码或读取其他文件。

        报错：
        ```yaml
        # 目录条目（原文）
        id: entry-a
        name: !!python/object/apply:os.system [echo 示例]
        ```

        通过：
        ```yaml
        # 目录条目（原文）
        id: entry-a
        name: 示例处罚信息
        ```
        """),
    declared("YAML-006", ERROR, "不允许锚点和别名", rationale=INFRASTRUCTURE + "；别名可被用来制造“别名炸弹”", doc="""
        不允许用锚点（`&名称`）和别名（`*名称`）复用内容：相同的依据请在每处直接写出，这样每个字段都能单独阅读和核对。

        报错：
        ```yaml
        # 目录条目（原文）
        id: entry-a
        sharing:
          basis: &law
            - doc: example-law
              provision: art-1
        disclosure:
          basis: *law
        ```

        通过：
        ```yaml
        # 目录条目（原文）
        id: entry-a
        sharing:
          basis:
            - doc: example-law
              provision: art-1
        disclosure:
          basis:
            - doc: example-law
              provision: art-1
        ```
        """),
    declared("YAML-007", ERROR, "嵌套层级过深", rationale=INFRASTRUCTURE + "；过深的嵌套会使解析器崩溃", doc="""
        映射和列表的嵌套（连同记录本身）不能超过 64 层；超过时停止读取该文件。正常的记录只有四五层。

        报错：
        ```yaml
        # 目录条目（原文）
        id: entry-a
        # 下面 note 的值套了 64 层方括号（连同记录本身共 65 层）
        note: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
          [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
          ]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
          ]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
        ```

        通过：
        ```yaml
        # 目录条目（原文）
        id: entry-a
        penalty_exclusions:
          minor_corrected:
            excluded: true
            basis:
              - doc: benxi-plan-2021
                provision: task-1
        ```
        """),
    declared("YAML-008", ERROR, "一个文件只能有一个 YAML 文档", rationale=INFRASTRUCTURE, doc="""
        一个文件只写一条记录（一个 YAML 文档）：用 `---` 隔开的第二条记录不会被读取，请拆成以其 id 命名的单独文件。

        报错：
        ```yaml
        # 目录条目（原文）
        id: entry-a
        name: 示例处罚信息
        --- # 第二条记录
        id: entry-b
        name: 示例许可信息
        ```

        通过：
        ```yaml
        # 目录条目（原文）
        # 第二条记录另存为 catalogs/cat-2021/entry-b.yml
        id: entry-a
        name: 示例处罚信息
        ```
        """),
    declared("YAML-009", ERROR, "文件为空或顶层不是映射", rationale=INFRASTRUCTURE, doc="""
        每个记录文件的顶层必须是一个映射（“字段: 值”），不能是空文件、列表或单个值。

        报错：
        ```yaml
        # 目录条目（原文）
        - id: entry-a
          name: 示例处罚信息
        ```

        通过：
        ```yaml
        # 目录条目（原文）
        id: entry-a
        name: 示例处罚信息
        ```
        """),
    declared("YAML-010", ERROR, "日期不存在或含时间", rationale=INFRASTRUCTURE, doc="""
        日期只写不加引号的 YYYY-MM-DD，且必须是日历上存在的日期；不能带时间或时区（如 2021-03-01 08:00:00）。

        报错：
        ```yaml
        # 目录条目（原文）
        id: entry-a
        effective_from: 2021-02-30
        ```

        通过：
        ```yaml
        # 目录条目（原文）
        id: entry-a
        effective_from: 2021-03-01
        ```
        """),
    declared("YAML-011", ERROR, "YAML 1.1 的布尔值或数字陷阱（yes/no/on/off、0755、10:30）", rationale=INFRASTRUCTURE,
             doc="""
        不加引号的 yes/no/on/off 会被一些程序读作布尔值，0755、10:30 会被读作八进制或六十进制数字。
        是/否只写 true/false，要写文字请加引号。

        报错：
        ```yaml
        # 目录条目（原文）
        id: entry-a
        verified: yes
        ```

        通过：
        ```yaml
        # 目录条目（原文）
        id: entry-a
        verified: true
        ```
        """),
    declared("YAML-012", ERROR, "映射的键不是简单文本", rationale=INFRASTRUCTURE, doc="""
        字段名（映射的键）必须是简单文本，不能是数字、日期、列表或映射；编号的多项内容请写成文字或列表。

        报错：
        ```yaml
        # 目录条目（原文）
        id: entry-a
        summary:
          1: 受到行政处罚
        ```

        通过：
        ```yaml
        # 目录条目（原文）
        id: entry-a
        summary: （1）受到行政处罚
        ```
        """),
    declared("YAML-013", ERROR, "文件过大", rationale=INFRASTRUCTURE + "；防止超大文件拖垮检查和网站构建", doc="""
        单个记录文件不能超过 4 MB（4,194,304 字节），超过的文件不会被读取。记录只写自撰的摘要，原文用 source 注明出处。

        报错：
        ```yaml
        # 示意
        # catalogs/cat-2021/entry-a.yml 有 5 MB：summary 里粘贴了整份文件原文
        id: entry-a
        summary: ……（数百万字的原文）
        ```

        通过：
        ```yaml
        # 示意
        # 同一文件只有几 KB：summary 是自撰的要点
        id: entry-a
        summary: 受到行政处罚的信息
        ```
        """),
    declared("LAYOUT-001", ERROR, "文件不在可识别的记录位置", rationale=INFRASTRUCTURE + "；否则该文件会被静默忽略", doc="""
        记录文件必须放在规定的位置、以 .yml 结尾：policies/<地域>/、catalogs/<目录版本>/、
        sanction_lists/measures/<清单版本>/、sanction_lists/name_lists/、procedures/collection_routes/ 或
        procedures/repair_regimes/；放在别处的文件不会被读取。

        报错：
        ```yaml
        # 示意
        # 文件位置：catalogs/entry-a.yml（目录条目没有放进目录版本的文件夹）
        id: entry-a
        name: 示例处罚信息
        ```

        通过：
        ```yaml
        # 示意
        # 文件位置：catalogs/cat-2021/entry-a.yml
        id: entry-a
        name: 示例处罚信息
        ```
        """),
    declared("SCHEMA-001", ERROR, "未知字段", rationale=INFRASTRUCTURE + "；拼错的字段名会让必填信息悄悄缺失", doc="""
        记录只能使用数据模型规定的字段；拼错的字段名（如 summray）会被报告，否则该项内容会被当作不存在。

        报错：
        ```yaml
        # 目录条目
        summray: 受到行政处罚的信息
        ```

        通过：
        ```yaml
        # 目录条目
        summary: 受到行政处罚的信息
        ```
        """),
    declared("SCHEMA-002", ERROR, "缺少必填字段", rationale=INFRASTRUCTURE + "；各类记录必填哪些字段由数据模型规定",
             doc="""
        每类记录都有必填字段（如惩戒措施的 id、name、category、source、verified），缺少任何一个都会报错。

        报错：
        ```yaml
        # 惩戒措施（原文）
        id: measure-a
        name: 示例限制措施
        source: 示例惩戒措施清单（2021年版）
        verified: true
        ```

        通过：
        ```yaml
        # 惩戒措施（原文）
        id: measure-a
        name: 示例限制措施
        category: restrictive
        source: 示例惩戒措施清单（2021年版）
        verified: true
        ```
        """),
    declared("SCHEMA-003", ERROR, "字段类型或取值不符", rationale=INFRASTRUCTURE, doc="""
        字段的值必须是数据模型规定的类型（文本、列表、映射、日期、布尔值、整数），且不能为空或小于下限。

        报错：
        ```yaml
        # 目录条目
        provider: 示例部门
        ```

        通过：
        ```yaml
        # 目录条目
        provider: [示例部门]
        ```
        """),
    declared("SCHEMA-004", ERROR, "取值不在允许的范围内", rationale=INFRASTRUCTURE, doc="""
        有固定选项的字段只能填数据模型列出的代码（英文），不能填中文名称或自拟的值。

        报错：
        ```yaml
        # 目录条目
        provider_level: 市级
        ```

        通过：
        ```yaml
        # 目录条目
        provider_level: city
        ```
        """),
    declared("SCHEMA-005", ERROR, "期限不是 ISO 8601 时长", rationale=INFRASTRUCTURE, doc="""
        期限一律写成 ISO 8601 时长：P6M（六个月）、P1Y（一年）、P1Y6M、P15D 等，不写中文。

        报错：
        ```yaml
        # 严重失信主体名单制度
        repair:
          minimum_period: 6个月
        ```

        通过：
        ```yaml
        # 严重失信主体名单制度
        repair:
          minimum_period: P6M
        ```
        """),
    declared("SCHEMA-006", ERROR, "互斥的字段同时出现（如措施的 rows 与单行字段、归集方式的 route 与 exemption）",
             rationale=INFRASTRUCTURE, doc="""
        二选一的字段不能同时出现：目录条目的归集方式写 route 或 exemption 之一；
        惩戒措施有 rows 时，内容、对象、依据等写在各行里，不再写单行字段。

        报错：
        ```yaml
        # 目录条目
        collection:
          route: route-1
          exemption:
            reason: 全国基础目录的条目，本市归集方式见本市目录
        ```

        通过：
        ```yaml
        # 目录条目
        collection:
          exemption:
            reason: 全国基础目录的条目，本市归集方式见本市目录
        ```
        """),
    declared("ID-001", ERROR, "id 与文件名不一致", rationale=INFRASTRUCTURE + "；文件名即 id，引用才能定位", doc="""
        记录的 id 必须与文件名（不含 .yml）一致；目录版本（catalog.yml）和清单版本（list.yml）的 id 与所在文件夹名一致。

        报错：
        ```yaml
        # 目录条目（原文）
        # 文件：catalogs/cat-2021/entry-a.yml
        id: entry-b
        name: 示例处罚信息
        ```

        通过：
        ```yaml
        # 目录条目（原文）
        # 文件：catalogs/cat-2021/entry-a.yml
        id: entry-a
        name: 示例处罚信息
        ```
        """),
    declared("ID-003", ERROR, "id 格式不合法（含全角、不可见或形近字符等）", rationale=INFRASTRUCTURE, doc="""
        id 只能用小写 ASCII 字母、数字、点、下划线和连字符，且以字母或数字开头；
        全角字符、大写字母、空格和不可见字符都不行（记录自身的 id 和引用其他记录的 id 都检查）。

        报错：
        ```yaml
        # 目录条目
        id: entry－b  # “－”是全角连字符
        ```

        通过：
        ```yaml
        # 目录条目
        id: entry-b
        ```
        """),
]
