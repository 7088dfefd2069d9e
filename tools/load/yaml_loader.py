"""Safe YAML loading with a position for every value.

The file is read through libyaml's event stream (PyYAML's C parser when available) and turned into plain
Python values by an iterative builder of our own, so that:

* every mapping key and sequence item keeps its line and column (``LoadedYaml.locs``);
* anchors, aliases and tags are refused before anything is constructed (no alias bomb, no code execution);
* nesting is bounded without recursion (libyaml's own composer crashes the process near 30,000 levels);
* duplicate keys, YAML 1.1 traps and impossible dates are findings with a position, never exceptions.

A problem is reported as a :class:`Problem` (rule id, line, column, Chinese message); the caller turns it into
a finding. Nothing here raises on bad input.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

import yaml
from yaml.resolver import Resolver

try:  # libyaml
    from yaml import CSafeLoader as _Parser

    LIBYAML = True
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Parser

    LIBYAML = False

MAX_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 64

_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
# Explicit tags a record may carry: the core schema's, which change nothing we would not resolve anyway.
_ALLOWED_TAGS = {None, "!", _STR, _BOOL, _INT, _FLOAT, _NULL, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_REAL_BOOLS = {"true", "false", "True", "False", "TRUE", "FALSE"}
_DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TAB_INDENT_RE = re.compile(r"^[ ]*\t", re.M)
# A key typed with a full-width colon (Chinese input method): `category： restrictive`. Record keys are ASCII
# snake_case, so such a line is never meant as text; the parser itself would complain a line later, or fold it
# into the value above.
_FULLWIDTH_COLON_KEY_RE = re.compile(r"^[ ]*(?:-[ ]+)?([A-Za-z_][A-Za-z0-9_]*)[ ]*：", re.M)
_IMPLICIT = Resolver.yaml_implicit_resolvers


@dataclass(frozen=True)
class Problem:
    rule: str
    line: int
    column: int
    message: str


@dataclass
class LoadedYaml:
    data: object = None
    # path tuple -> (line, column), 1-based; () is the document itself
    locs: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    # paths whose value the loader already reported (schema checks skip them)
    tainted: set = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return self.data is not None


def _resolve_plain(value: str) -> str:
    for tag, regexp in _IMPLICIT.get(value[:1] if value else "", ()):
        if regexp.match(value):
            return tag
    for tag, regexp in _IMPLICIT.get(None, ()):
        if regexp.match(value):
            return tag
    return _STR


# libyaml's messages, in the words a policy editor needs; unknown ones are shown as they are.
_EXPLAIN = {
    "mapping values are not allowed here": "此处不能出现“键: 值”（常见原因：冒号后的文字含“: ”却没加引号，或缩进不一致）",
    "mapping values are not allowed in this context": "此处不能出现“键: 值”（常见原因：冒号后的文字含“: ”却没加引号，或缩进不一致）",
    "did not find expected key": "找不到预期的键（常见原因：缩进不一致，或列表项前缺少“- ”）",
    "did not find expected '-' indicator": "找不到预期的列表项“- ”（常见原因：缩进不一致）",
    "could not find expected ':'": "找不到预期的冒号“:”（常见原因：引号未闭合，或键后缺少冒号）",
    "found unexpected end of stream": "文件意外结束（常见原因：引号或括号未闭合）",
    "did not find expected ',' or ']'": "找不到预期的“,”或“]”（方括号列表未闭合）",
    "did not find expected ',' or '}'": "找不到预期的“,”或“}”（花括号映射未闭合）",
    "found character that cannot start any token": "出现了不能开始任何内容的字符（如行首的 @ 或 `，请给文字加引号）",
    "found undefined tag handle": "未定义的标签前缀",
    "control characters are not allowed": "文件含不允许的控制字符",
    "found unknown escape character": "双引号字符串中有未知的转义字符（反斜杠）",
    "found a tab character that violates indentation": "缩进中使用了制表符（Tab）",
    "block sequence entries are not allowed in this context": "此处不能开始列表项（常见原因：“- ”的缩进不对）",
    "found unexpected ':'": "出现了意外的冒号",
}


def _explain(problem: str | None) -> str:
    if not problem:
        return "无法解析"
    zh = _EXPLAIN.get(problem)
    return f"{zh}（{problem}）" if zh else problem


_OPENED_AT = ("while scanning a quoted scalar", "while parsing a flow")


def _reader_error_position(text: str, position: int, from_parser: bool) -> tuple[int, int]:
    """libyaml reports a byte offset into the UTF-8 text; PyYAML's own reader a character offset."""
    if LIBYAML and from_parser:
        raw = text.encode("utf-8")
        position = min(position, len(raw))
        return _line_col_of_offset(raw[:position].decode("utf-8", "ignore"), len(raw[:position].decode("utf-8", "ignore")))
    return _line_col_of_offset(text, min(position, len(text)))


def _line_col_of_offset(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def decode(raw: bytes) -> tuple[str | None, Problem | None]:
    """UTF-8 text of a record file (a UTF-8 BOM is tolerated), or the problem that stops it."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(raw) > 1 and (raw[0] == 0 or raw[1] == 0)):
        return None, Problem("YAML-002", 1, 1, "文件编码为 UTF-16（或含空字节），记录文件必须使用 UTF-8 编码")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, Problem("YAML-002", line, col,
                             "文件不是有效的 UTF-8 编码（可能是 GBK 等编码），请另存为 UTF-8")


class _Builder:
    """Turns a libyaml event stream into Python values with positions, iteratively."""

    def __init__(self, out: LoadedYaml):
        self.out = out
        # stack of frames: [container, path, pending_key, pending_key_pos, seen_keys]
        self.stack: list = []
        self.root = None
        self.done = False

    def problem(self, rule, mark, message):
        self.out.problems.append(Problem(rule, mark.line + 1, mark.column + 1, message))

    def _child_path(self, mark):
        """Path of the value about to be added to the current container, or None for a mapping key."""
        frame = self.stack[-1]
        container, path = frame[0], frame[1]
        if isinstance(container, list):
            p = path + (len(container),)
            self.out.locs[p] = (mark.line + 1, mark.column + 1)
            return p
        if frame[2] is None:
            return None  # this node is a key
        return path + (frame[2],)

    def _add(self, value, mark):
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        container = frame[0]
        if isinstance(container, list):
            container.append(value)
            return
        if frame[2] is None:  # a key
            if not isinstance(value, str):
                self.problem("YAML-012", mark, "映射的键必须是简单文本")
                value = f"<复杂键@{mark.line + 1}:{mark.column + 1}>"
            if value in frame[4]:
                first = frame[4][value]
                self.problem("YAML-004", mark, f"重复的键“{value}”（第一次出现在第 {first} 行）：请删除或合并其中一个")
                self.out.tainted.add(frame[1] + (value,))
            else:
                frame[4][value] = mark.line + 1
            frame[2] = value
            self.out.locs[frame[1] + (value,)] = (mark.line + 1, mark.column + 1)
            return
        if frame[2] not in container or frame[1] + (frame[2],) not in self.out.tainted:
            container[frame[2]] = value
        frame[2] = None

    def _scalar(self, ev, path):
        text = ev.value
        tag = ev.tag
        if tag is not None and tag != "!":
            return text if tag == _STR else self._explicit(ev, path)
        if ev.style or not ev.implicit[0] or tag == "!":
            return text  # quoted, block or non-plain: always text
        resolved = _resolve_plain(text)
        if resolved == _STR:
            return text
        if resolved == _NULL:
            return None
        if resolved == _BOOL:
            if text in _REAL_BOOLS:
                return text.lower() == "true"
            self._trap(ev, path, f"“{text}”在 YAML 1.1 中会被读作布尔值：要表示是/否请写 true/false，要写文字请加引号")
            return text
        if resolved == _INT:
            if ":" in text or text.startswith(("0o", "0x", "0b")) or "_" in text or (
                    len(text) > 1 and text.lstrip("+-").startswith("0")):
                self._trap(ev, path, f"“{text}”在 YAML 1.1 中会被读作非十进制数字：要写文字请加引号")
                return text
            return int(text)
        if resolved == _FLOAT:
            if ":" in text or "_" in text:
                self._trap(ev, path, f"“{text}”在 YAML 1.1 中会被读作数字：要写文字请加引号")
                return text
            try:
                return float(text)
            except ValueError:
                return text
        if resolved == _TIMESTAMP:
            return self._date(ev, path, text)
        return text

    def _trap(self, ev, path, message):
        self.problem("YAML-011", ev.start_mark, message)
        if path is not None:
            self.out.tainted.add(path)

    def _date(self, ev, path, text):
        m = _DATE_RE.match(text)
        if not m:
            self.problem("YAML-010", ev.start_mark, f"“{text}”含时间或时区：记录中的日期只写 YYYY-MM-DD")
        else:
            try:
                return _dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                self.problem("YAML-010", ev.start_mark, f"“{text}”不是存在的日期")
        if path is not None:
            self.out.tainted.add(path)
        return text

    def _explicit(self, ev, path):
        if ev.tag not in _ALLOWED_TAGS:
            return None
        # an explicit core tag on a scalar: resolve as that type, quietly
        if ev.tag == _NULL:
            return None
        if ev.tag == _BOOL:
            return ev.value.lower() == "true"
        try:
            return int(ev.value) if ev.tag == _INT else float(ev.value)
        except ValueError:
            self.problem("YAML-005", ev.start_mark, f"值“{ev.value}”与显式标签 {ev.tag} 不符")
            return ev.value

    def feed(self, ev) -> bool:
        """Consume one event; False when building must stop."""
        if isinstance(ev, yaml.AliasEvent):
            self.problem("YAML-006", ev.start_mark, f"记录中不允许使用别名（*{ev.anchor}）：请直接写出内容")
            return False
        anchor = getattr(ev, "anchor", None)
        if anchor is not None:
            self.problem("YAML-006", ev.start_mark, f"记录中不允许使用锚点（&{anchor}）：请直接写出内容")
            return False
        tag = getattr(ev, "tag", None)
        if tag is not None and tag not in _ALLOWED_TAGS:
            self.problem("YAML-005", ev.start_mark, f"不允许的 YAML 标签 {tag}：记录只能包含文本、数字、日期、列表和映射")
            return False
        if isinstance(ev, yaml.ScalarEvent):
            path = self._child_path(ev.start_mark) if self.stack else ()
            self._add(self._scalar(ev, path), ev.start_mark)
        elif isinstance(ev, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(self.stack) >= MAX_DEPTH:
                self.problem("YAML-007", ev.start_mark, f"嵌套层级超过 {MAX_DEPTH} 层，已停止读取该文件")
                return False
            if self.stack:
                path = self._child_path(ev.start_mark)
                if path is None:
                    self.problem("YAML-012", ev.start_mark, "映射的键必须是简单文本")
                    return False
            else:
                path = ()
                self.out.locs[()] = (ev.start_mark.line + 1, ev.start_mark.column + 1)
            container = {} if isinstance(ev, yaml.MappingStartEvent) else []
            self.stack.append([container, path, None, None, {}])
        elif isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            container = self.stack.pop()[0]
            self._add(container, ev.start_mark)
        elif isinstance(ev, yaml.DocumentEndEvent):
            self.done = True
        elif isinstance(ev, yaml.DocumentStartEvent) and self.done:
            self.problem("YAML-008", ev.start_mark, "一个文件只能包含一条记录（一个 YAML 文档），请删除 --- 之后的内容或拆成多个文件")
            return False
        return True


def parse(text: str, allow_list: bool = False) -> LoadedYaml:
    """Parse the text of one record file (``allow_list``: a list at the top is accepted too, for case batches)."""
    out = LoadedYaml()
    tab = _TAB_INDENT_RE.search(text)
    if tab:
        line, col = _line_col_of_offset(text, tab.end() - 1)
        out.problems.append(Problem("YAML-003", line, col, "缩进中使用了制表符（Tab），YAML 只允许用空格缩进"))
        return out
    colon = _FULLWIDTH_COLON_KEY_RE.search(text)
    if colon:
        line, col = _line_col_of_offset(text, colon.end() - 1)
        out.problems.append(Problem(
            "YAML-001", line, col,
            f"键“{colon.group(1)}”后面输入了全角冒号“：”（中文输入法），YAML 需要半角冒号加空格，请改为“{colon.group(1)}: ”"))
        return out
    builder = _Builder(out)
    parser = None
    try:
        parser = _Parser(text)  # the pure-Python reader already checks characters here
        while True:
            ev = parser.get_event()
            if ev is None or not builder.feed(ev):
                break
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        # an unclosed quote or bracket is noticed only at the end: point at where it was opened
        if exc.context_mark is not None and (exc.context or "").startswith(_OPENED_AT):
            mark = exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        out.problems.append(Problem("YAML-001", line, col, f"YAML 语法错误：{_explain(exc.problem or exc.context)}"))
    except yaml.YAMLError as exc:  # ReaderError: an offset only
        line, col = _reader_error_position(text, getattr(exc, "position", 0) or 0, parser is not None)
        out.problems.append(Problem("YAML-001", line, col, f"YAML 无法读取：{_explain(getattr(exc, 'reason', None))}"))
    finally:
        if parser is not None:
            parser.dispose()
    if out.problems:
        if any(p.rule in ("YAML-001", "YAML-005", "YAML-006", "YAML-007", "YAML-008", "YAML-012")
               for p in out.problems):
            return out
    if builder.root is None and not builder.stack:
        if not out.problems:
            out.problems.append(Problem("YAML-009", 1, 1, "文件为空：每个文件应包含一条记录（一个映射）"))
        return out
    if not isinstance(builder.root, dict) and not (allow_list and isinstance(builder.root, list)):
        kind = "列表" if isinstance(builder.root, list) else "单个值"
        line, col = out.locs.get((), (1, 1))
        out.problems.append(Problem("YAML-009", line, col, f"文件的顶层是{kind}，记录必须是一个映射（键: 值）"))
        return out
    out.data = builder.root
    return out


def too_large(size: int) -> LoadedYaml | None:
    if size <= MAX_BYTES:
        return None
    out = LoadedYaml()
    out.problems.append(Problem("YAML-013", 1, 1, f"文件大小 {size} 字节，超过上限 {MAX_BYTES} 字节"))
    return out


def load_bytes(raw: bytes, allow_list: bool = False) -> LoadedYaml:
    big = too_large(len(raw))
    if big is not None:
        return big
    text, problem = decode(raw)
    if problem:
        out = LoadedYaml()
        out.problems.append(problem)
        return out
    return parse(text, allow_list)
