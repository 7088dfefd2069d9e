"""argparse in Chinese: usage, section titles, -h, error messages, and a suggestion for a mistyped command or
option ("您是否要运行 lint？"). Generic: knows nothing of the commands it parses.
"""
from __future__ import annotations

import argparse
import difflib
import re
import sys

# Help for arguments that commands declare without any (the same argument means the same everywhere).
DEFAULT_HELP = {
    "--format": "输出格式",
    "--out": "写到这个文件或文件夹（默认：标准输出或命令的默认位置）",
    "--as-of": "基准日 YYYY-MM-DD（默认今天）",
    "file": "要读取的文件",
    "--site-dir": "网站输出目录（默认 site/）",
}

# Python's own messages (3.11 to 3.14), as regular expressions, and their Chinese.
_MESSAGES = [
    (r"the following arguments are required: (?P<a>.+)", "缺少必需的参数：{a}"),
    (r"unrecognized arguments: (?P<a>.+)", "无法识别的参数：{a}"),
    (r"ambiguous option: (?P<a>\S+) could match (?P<b>.+)", "选项 {a} 不明确，可能是：{b}"),
    (r"one of the arguments (?P<a>.+) is required", "以下参数必须给出一个：{a}"),
    (r"argument (?P<a>[^:]+): expected one argument", "参数 {a} 需要一个值"),
    (r"argument (?P<a>[^:]+): expected at least one argument", "参数 {a} 至少需要一个值"),
    (r"argument (?P<a>[^:]+): not allowed with argument (?P<b>.+)", "参数 {a} 不能与 {b} 同时使用"),
    (r"argument (?P<a>[^:]+): ignored explicit argument (?P<b>.+)", "参数 {a} 不接受值 {b}"),
    (r"argument (?P<a>[^:]+): invalid (?P<t>\w+) value: (?P<b>.+)", "参数 {a} 的值 {b} 不是有效的{t}"),
    (r"argument (?P<a>[^:]+): (?P<m>.+)", "参数 {a}：{m}"),
]
_TYPES = {"int": "整数", "float": "数字", "Path": "路径", "_date": "日期"}
_CHOICE = re.compile(r"argument (?P<a>[^:]+): invalid choice: '?(?P<v>[^'()]*?)'? \(choose from (?P<c>.+)\)$")


def _names(text: str) -> list[str]:
    return [c.strip(" '\"") for c in text.split(",") if c.strip(" '\"")]


def translate(message: str, options: list[str]) -> str:
    """A message of argparse in Chinese, with a suggestion when a name was mistyped."""
    m = _CHOICE.match(message)
    if m:
        choices = _names(m["c"])
        close = difflib.get_close_matches(m["v"], choices, n=1, cutoff=0.5)
        hint = f"您是否要{'运行' if m['a'] in ('command', '命令') else '用'} {close[0]}？" if close else ""
        what = f"“{m['v']}”不是可用的命令" if m["a"] in ("command", "命令") else f"参数 {m['a']} 的值“{m['v']}”不可用"
        return f"{what}。{hint}可选：{'、'.join(choices)}"
    for pattern, zh in _MESSAGES:
        found = re.fullmatch(pattern, message)
        if found:
            parts = found.groupdict()
            if "t" in parts:
                parts["t"] = _TYPES.get(parts["t"], parts["t"])
            text = zh.format(**parts)
            if pattern.startswith("unrecognized"):
                wrong = [w for w in parts["a"].split() if w.startswith("-")]
                close = [c for w in wrong for c in difflib.get_close_matches(w.split("=")[0], options, n=1, cutoff=0.6)]
                if close:
                    text += f"。您是否要用 {'、'.join(close)}？"
            return text
    return message


class ChineseFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="用法：" if prefix is None else prefix)

    def _format_action(self, action):
        if isinstance(action, argparse._SubParsersAction):  # the commands, without a line naming their metavar
            return "".join(super(ChineseFormatter, self)._format_action(a) for a in action._get_subactions())
        return super()._format_action(action)


class ChineseParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Chinese; subcommand parsers are of the same class."""

    def __init__(self, *args, add_help: bool = True, parents=(), **kwargs):
        kwargs.setdefault("formatter_class", ChineseFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出")
        for parent in parents:  # after the titles are set, so a parent's options join the same section
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)

    def add_argument(self, *args, **kwargs):
        if kwargs.get("help") is None:
            name = next((a for a in args if a.startswith("--")), args[0] if args else "")
            if name in DEFAULT_HELP:
                kwargs["help"] = DEFAULT_HELP[name]
        action = super().add_argument(*args, **kwargs)
        if action.choices and action.help and action.help is not argparse.SUPPRESS and "可选" not in action.help \
                and not isinstance(action, argparse._SubParsersAction):
            action.help += f"（可选：{'、'.join(map(str, action.choices))}）"
        return action

    def _all_options(self) -> list[str]:
        found = []
        for action in self._actions:
            found += action.option_strings
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    found += sub._all_options()
        return sorted(set(found))

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{translate(message, self._all_options())}\n")
