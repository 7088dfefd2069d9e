"""Rules checked while a file is read and validated against its schema (no model function of their own)."""
from tools.base.findings import ERROR
from tools.rules.registry import INFRASTRUCTURE, declared

DECLARED = [

    declared("YAML-001", ERROR, "YAML 语法错误", rationale=INFRASTRUCTURE),
    declared("YAML-002", ERROR, "文件编码不是 UTF-8", rationale=INFRASTRUCTURE),
    declared("YAML-003", ERROR, "缩进中使用了制表符", rationale=INFRASTRUCTURE),
    declared("YAML-004", ERROR, "重复的键", rationale=INFRASTRUCTURE),
    declared("YAML-005", ERROR, "不允许的 YAML 标签", rationale=INFRASTRUCTURE + "；标签可能触发代码执行"),
    declared("YAML-006", ERROR, "不允许锚点和别名", rationale=INFRASTRUCTURE + "；别名可被用来制造“别名炸弹”"),
    declared("YAML-007", ERROR, "嵌套层级过深", rationale=INFRASTRUCTURE + "；过深的嵌套会使解析器崩溃"),
    declared("YAML-008", ERROR, "一个文件只能有一个 YAML 文档", rationale=INFRASTRUCTURE),
    declared("YAML-009", ERROR, "文件为空或顶层不是映射", rationale=INFRASTRUCTURE),
    declared("YAML-010", ERROR, "日期不存在或含时间", rationale=INFRASTRUCTURE),
    declared("YAML-011", ERROR, "YAML 1.1 的布尔值或数字陷阱（yes/no/on/off、0755、10:30）", rationale=INFRASTRUCTURE),
    declared("YAML-012", ERROR, "映射的键不是简单文本", rationale=INFRASTRUCTURE),
    declared("YAML-013", ERROR, "文件过大", rationale=INFRASTRUCTURE + "；防止超大文件拖垮检查和网站构建"),
    declared("LAYOUT-001", ERROR, "文件不在可识别的记录位置", rationale=INFRASTRUCTURE + "；否则该文件会被静默忽略"),
    declared("SCHEMA-001", ERROR, "未知字段", rationale=INFRASTRUCTURE + "；拼错的字段名会让必填信息悄悄缺失"),
    declared("SCHEMA-002", ERROR, "缺少必填字段", rationale=INFRASTRUCTURE + "；各类记录必填哪些字段由数据模型规定"),
    declared("SCHEMA-003", ERROR, "字段类型或取值不符", rationale=INFRASTRUCTURE),
    declared("SCHEMA-004", ERROR, "取值不在允许的范围内", rationale=INFRASTRUCTURE),
    declared("SCHEMA-005", ERROR, "期限不是 ISO 8601 时长", rationale=INFRASTRUCTURE),
    declared("SCHEMA-006", ERROR, "互斥的字段同时出现（如措施的 rows 与单行字段、归集方式的 route 与 exemption）", rationale=INFRASTRUCTURE),
    declared("ID-001", ERROR, "id 与文件名不一致", rationale=INFRASTRUCTURE + "；文件名即 id，引用才能定位"),
    declared("ID-003", ERROR, "id 格式不合法（含全角、不可见或形近字符等）", rationale=INFRASTRUCTURE),
]
