"""What a rule is: its ID, severity, Chinese title, the plan clause it enforces, and its documentation.

A rule is either a function over the loaded model (decorated with :func:`rule`) or a check made while files are
read and validated (:func:`declared`); both are listed, documented and reported the same way. Nothing here is
registered by importing: ``tools.rules`` lists the rule modules, and :func:`collect` reads them.

``clause`` is the clause of the plan as the plan writes it (``四（四）10``); infrastructure rules that keep files
machine-readable cite none and give a ``rationale`` instead. Every rule's documentation (the function's
docstring, or ``doc``) says the clause in short and gives one failing and one passing YAML example::

    四（四）10：……

    报错：
    ```yaml
    …
    ```

    通过：
    ```yaml
    …
    ```
"""
from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from typing import Callable, Iterable

from tools.base.findings import ERROR, WARNING

INFRASTRUCTURE = "仓库基础规则：保证记录文件能被准确、安全地读取，不对应方案的具体条款"
RULE_ID = re.compile(r"^[A-Z]+-\d{3}$")
_EXAMPLE = re.compile(r"(报错|通过)[:：]\s*\n\s*```yaml\n(.*?)\n\s*```", re.S)


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    title: str  # one line, Chinese
    clause: str | None  # the plan clause as the plan labels it, e.g. "四（四）10"
    check: Callable | None = None  # fn(repo, ctx) -> iterable of (record, path, message); a Location in place
    # of the record reports on a file that is not a record (a hand-written page), at that position
    rationale: str | None = None  # why a rule without a clause exists
    kinds: tuple = ()  # the record kinds it checks (for "why": which plan clauses govern a record)
    doc: str = ""  # the clause in short, a failing and a passing example

    @property
    def summary(self) -> str:
        """The documentation's first paragraph (the clause in short) on one line: Chinese lines are joined without
        a space, a space is kept only between two ASCII words."""
        out = ""
        for line in self.doc.split("\n\n", 1)[0].split("\n"):
            line = line.strip()
            if out and line and out[-1].isascii() and out[-1].isalnum() and line[0].isascii() and line[0].isalnum():
                out += " "
            out += line
        return out

    @property
    def examples(self) -> dict:
        """{"报错": yaml text, "通过": yaml text} from the documentation."""
        out = {}
        for label, body in _EXAMPLE.findall(self.doc):
            lines = body.split("\n")
            indent = min((len(x) - len(x.lstrip(" ")) for x in lines if x.strip()), default=0)
            out.setdefault(label, "\n".join(x[indent:] for x in lines) + "\n")
        return out


def clean_doc(doc: str | None) -> str:
    """A docstring without its indentation (like inspect.cleandoc, but tabs stay tabs: YAML-003's example needs one)."""
    first, _, rest = (doc or "").partition("\n")
    return (first.strip() + "\n" + textwrap.dedent(rest)).strip()


def _checked(r: Rule) -> Rule:
    if not RULE_ID.match(r.id):
        raise ValueError(f"bad rule id {r.id!r}")
    if r.severity not in (ERROR, WARNING):
        raise ValueError(f"bad severity for {r.id}")
    if not r.clause and not r.rationale:
        raise ValueError(f"rule {r.id} needs a plan clause or a rationale")
    return r


def declared(rule_id, severity, title, clause=None, rationale=None, kinds=(), doc="") -> Rule:
    """A rule checked while loading (no function of its own)."""
    return _checked(Rule(rule_id, severity, title, clause, None, rationale, tuple(kinds), clean_doc(doc)))


def rule(rule_id, severity, title, clause=None, rationale=None, kinds=()):
    """Decorator: a rule over the loaded model. The function keeps working as a function; its ``rule``
    attribute holds the declaration, with the docstring as the documentation."""

    def wrap(fn):
        fn.rule = _checked(Rule(rule_id, severity, title, clause, fn, rationale, tuple(kinds), clean_doc(fn.__doc__)))
        return fn

    return wrap


class Registry:
    """All rules by ID (iteration in ID order). Immutable once collected."""

    def __init__(self, rules: Iterable[Rule]):
        by_id: dict = {}
        for r in rules:
            if r.id in by_id:
                raise ValueError(f"duplicate rule id {r.id}")
            by_id[r.id] = r
        self._by_id = dict(sorted(by_id.items()))

    def __iter__(self):
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, rule_id) -> bool:
        return rule_id in self._by_id

    def __getitem__(self, rule_id) -> Rule:
        return self._by_id[rule_id]

    def get(self, rule_id, default=None):
        return self._by_id.get(rule_id, default)

    @property
    def checks(self) -> list[Rule]:
        """The rules that run over the model (the others are reported while loading)."""
        return [r for r in self if r.check is not None]


def rules_of(module) -> list[Rule]:
    """The rules a module declares: its ``DECLARED`` list, then its decorated functions in source order."""
    out = list(getattr(module, "DECLARED", ()))
    out += [obj.rule for obj in vars(module).values() if callable(obj) and isinstance(getattr(obj, "rule", None), Rule)
            and obj.__module__ == module.__name__]
    return out


def collect(modules) -> Registry:
    return Registry(r for m in modules for r in rules_of(m))
