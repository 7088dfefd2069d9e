"""Run the lint: load the whole repository, run every rule, apply waivers, keep what the caller asked to see."""
from __future__ import annotations

import datetime as _dt
import os
import time
from dataclasses import dataclass
from pathlib import PurePosixPath

from tools import parallel
from tools.findings import ERROR, WARNING, Finding, Location, Summary
from tools.load.repository import load_repository
from tools.rules.registry import all_rules, REGISTRY
from tools.rules.waivers import apply_waivers


BENCH_MARKS: dict = {}  # phase -> wall time at its end, when TOOLS_BENCH is set (read by tools.bench)


@dataclass
class Context:
    as_of: _dt.date
    repo: object = None
    _parts: object = None
    _graph: object = None

    @property
    def parts(self):
        """The dependency graph's nodes and typed edges as plain lists, built on first use."""
        if self._parts is None:
            from tools.graph.build import graph_parts

            self._parts = graph_parts(self.repo, all_rules())
        return self._parts

    @property
    def graph(self):
        """The same graph as a networkx DiGraph, built on first use (networkx is imported only when needed)."""
        if self._graph is None:
            from tools.graph.build import build_graph

            self._graph = build_graph(self.repo, parts=self.parts)
        return self._graph


@dataclass
class LintResult:
    repo: object
    findings: list
    summary: Summary
    as_of: _dt.date


# Records to check before the rules run in a pool of forked processes, one rule per task (the workers inherit
# the model, so only the findings travel back).
PARALLEL_MIN_RECORDS = parallel.MIN_ITEMS
_forked: tuple = ()  # (repo, ctx) for the pool's workers, set just before the fork


def _run_rule(r, repo, ctx) -> list:
    out = []
    for rec, path, message in r.check(repo, ctx):
        loc = rec.loc(path) if rec is not None else Location(".", 1, 1)
        out.append(Finding(r.id, r.severity, loc, message, rec.id if rec is not None else None))
    return out


def _run_rule_in_worker(rule_id: str) -> list:
    repo, ctx = _forked
    return _run_rule(REGISTRY[rule_id], repo, ctx)


def run_rules(repo, ctx, workers: int | None = None) -> list:
    rules = [r for r in all_rules() if r.check is not None]
    workers = workers if workers is not None else (os.cpu_count() or 1)
    pool_ctx = parallel.fork_context() if workers > 1 and len(repo.records) >= PARALLEL_MIN_RECORDS else None
    if pool_ctx is None:
        return [f for r in rules for f in _run_rule(r, repo, ctx)]
    global _forked
    ctx.parts  # noqa: B018  built once, before the fork, so that every worker inherits it
    _forked = (repo, ctx)
    try:
        with pool_ctx.Pool(workers) as pool:  # one rule per task: the pool balances slow and fast rules
            per_rule = pool.map(_run_rule_in_worker, [r.id for r in rules], chunksize=1)
    finally:
        _forked = ()
    return [f for found in per_rule for f in found]


def _soften_drafts(repo, findings) -> None:
    """A draft's errors are what is still to be filled: reported as warnings (DRAFT-001 keeps it off the site)."""
    drafts = {r.path for r in repo.records if r.data.get("draft") is True}
    for f in findings:
        if f.path in drafts and f.severity == ERROR and f.rule != "DRAFT-001":
            f.severity = WARNING
            f.message = "（草稿）" + f.message


def _selected(path: str, selectors) -> bool:
    if not selectors:
        return True
    p = PurePosixPath(path)
    return any(p == s or s in p.parents or str(s) == "." for s in selectors)


def lint(root, as_of: _dt.date | None = None, paths=()) -> LintResult:
    """Lint the repository at root. ``paths`` (relative) limit what is reported, never what is loaded."""
    as_of = as_of or _dt.date.today()
    marks = BENCH_MARKS if os.environ.get("TOOLS_BENCH") else None
    all_rules()
    repo, findings = load_repository(root, marks)
    for f in findings:
        f.severity = REGISTRY[f.rule].severity
    ctx = Context(as_of=as_of, repo=repo)
    if marks is not None:
        ctx.parts  # noqa: B018  (built here so that its time is its own phase)
        marks["graph"] = time.time()
    findings += run_rules(repo, ctx)
    if marks is not None:
        marks["rules"] = time.time()
    _soften_drafts(repo, findings)
    findings += apply_waivers(repo, findings, as_of)
    for f in findings:  # messages quote YAML values: keep every finding on one line in every format
        f.message = " ".join(f.message.split())
    selectors = [PurePosixPath(p) for p in paths]
    shown = sorted((f for f in findings if _selected(f.path, selectors)), key=Finding.sort_key)
    return LintResult(repo, shown, Summary.of(shown, repo.files, len(repo.records)), as_of)
