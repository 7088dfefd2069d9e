"""Run the lint: load the whole repository, build the graph's parts, run every rule, finalise the findings,
keep what the caller asked to see.

Speed machinery is explicit: ``workers`` (process pools for parsing and for the rules, used only above
``min_items`` items), ``cache`` (a ContentCache of parsed records) and ``on_phase`` (called with "load",
"graph" and "rules" as each phase ends, for the benchmark). Library calls get none of them by default.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Callable

from tools.base import gc_scope, parallel
from tools.base.findings import Finding, Location, Summary
from tools.graph.build import graph_parts
from tools.lint.finalize import finalize
from tools.model.repository import load_repository
from tools.rules import all_rules
from tools.rules.context import Context


@dataclass(frozen=True)
class LintResult:
    repo: object
    findings: tuple
    summary: Summary
    as_of: _dt.date
    rules: object  # the registry the findings were made with

    def exit_code(self, strict: bool = False) -> int:
        return self.summary.exit_code(strict)


def _run_rule(r, repo, ctx) -> list:
    out = []
    for rec, path, message in r.check(repo, ctx):
        if isinstance(rec, Location):  # a file that is not a record (a hand-written page): its own position
            out.append(Finding(r.id, None, rec, message))
            continue
        loc = rec.loc(path) if rec is not None else Location(".", 1, 1)
        out.append(Finding(r.id, None, loc, message, rec.id if rec is not None else None,
                           field=".".join(map(str, path)) if rec is not None else None))
    return out


def _run_rule_in_worker(state, rule_id: str) -> list:
    repo, ctx = state
    return _run_rule(ctx.rules[rule_id], repo, ctx)


def run_rules(repo, ctx, workers: int = 1, min_items: int = parallel.MIN_ITEMS) -> list:
    """Every rule's findings (without severity). With workers > 1 and at least min_items records, one rule per
    task in a pool of forked processes that inherit the model: only the findings travel back."""
    rules = ctx.rules.checks
    if parallel.pool_size(workers, len(repo.records), min_items) == 1:
        return [f for r in rules for f in _run_rule(r, repo, ctx)]
    per_rule = parallel.fork_map(_run_rule_in_worker, (repo, ctx), [r.id for r in rules], workers)
    return [f for found in per_rule for f in found]


def _selected(path: str, selectors) -> bool:
    if not selectors:
        return True
    p = PurePosixPath(path)
    return any(p == s or s in p.parents or str(s) == "." for s in selectors)


def check(repo, load_findings, as_of: _dt.date, paths=(), *, rules=None, workers: int = 1,
          min_items: int = parallel.MIN_ITEMS, on_phase: Callable[[str], None] | None = None) -> LintResult:
    """Lint an assembled model (from files or from memory). ``paths`` (relative) limit what is reported."""
    rules = rules if rules is not None else all_rules()
    with gc_scope.paused():
        ctx = Context(as_of=as_of, parts=graph_parts(repo, rules), rules=rules)
        if on_phase:
            on_phase("graph")
        raw = list(load_findings) + run_rules(repo, ctx, workers, min_items)
        if on_phase:
            on_phase("rules")
        findings = finalize(raw, repo, rules, as_of)
        selectors = [PurePosixPath(p) for p in paths]
        # still paused: the findings are many new objects, and a full collection over the model here costs more
        # than all the rules together
        shown = tuple(sorted((f for f in findings if _selected(f.path, selectors)), key=Finding.sort_key))
        summary = Summary.of(shown, repo.files, len(repo.records))
    return LintResult(repo, shown, summary, as_of, rules)


def lint(root, as_of: _dt.date | None = None, paths=(), *, workers: int = 1, cache=None,
         min_items: int = parallel.MIN_ITEMS, on_phase: Callable[[str], None] | None = None) -> LintResult:
    """Lint the repository at root. ``paths`` (relative) limit what is reported, never what is loaded."""
    as_of = as_of or _dt.date.today()
    repo, load_findings = load_repository(root, workers=workers, cache=cache, min_items=min_items)
    if on_phase:
        on_phase("load")
    return check(repo, load_findings, as_of, paths, workers=workers, min_items=min_items, on_phase=on_phase)
