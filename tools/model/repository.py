"""Assemble the model: every record file read (load layer), parsed, validated against its schema, and indexed.

Problems found here (syntax, encoding, layout, schema, id/file-name mismatch) are returned as findings without
a severity; the lint fills it in from the rule registry.

Two speed-ups stay behind explicit arguments: a :class:`~tools.load.cache.ContentCache` (files whose bytes are
unchanged come back already parsed and validated) and ``workers`` (many files to parse are spread over forked
processes). Library calls get neither by default; the command line passes both.
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from tools.base import gc_scope, parallel
from tools.base.findings import Finding
from tools.load import cache as content_cache
from tools.load.files import problem, read_file, scan_hints
from tools.load.layout import WAIVERS_FILE, classify, record_files
from tools.load.yaml_loader import LIBYAML, load_bytes
from tools.model.records import Record, Repository
from tools.model.validate import validate

_CHUNK = 200  # files per task in the pool
_HIT = "hit"
_VERSIONED_PACKAGES = ("load", "model")  # the code whose output the cache keeps


def tool_version() -> str:
    """Changes whenever what parsing or validation produces could change: our loading and model code, the
    Python version, and the versions of the libraries they use."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256()
    base = Path(__file__).resolve().parent.parent
    for d in _VERSIONED_PACKAGES:
        for p in sorted((base / d).glob("*.py")):
            h.update(p.name.encode())
            h.update(p.read_bytes())
    h.update(f"{sys.version_info[:3]} libyaml={LIBYAML}".encode())
    for dist in ("PyYAML", "Cerberus", "fastjsonschema"):
        try:
            h.update(f"{dist}={version(dist)}".encode())
        except PackageNotFoundError:
            h.update(f"{dist}=?".encode())
    return h.hexdigest()


def default_cache(environ=None) -> content_cache.ContentCache:
    """The cache the command line uses: under $XDG_CACHE_HOME/benxi-credit, for this tool version."""
    return content_cache.ContentCache(content_cache.default_directory(environ), tool_version())


def parse_record(raw: bytes, rel: str, kind: str, group, findings: list):
    """A Record from the bytes of one file, or None (its problems appended to findings)."""
    loaded = load_bytes(raw)
    for p in loaded.problems:
        findings.append(problem(p.rule, rel, p.line, p.column, p.message))
    if not loaded.ok:
        return None
    rec = Record(kind=kind, path=rel, data=loaded.data, locs=loaded.locs, tainted=loaded.tainted, group=group)
    # one C-speed look at the raw text decides which records the text-scanning rules need to walk
    rec.flags = scan_hints(raw)
    rec.citations  # noqa: B018  computed here: in the pool's workers, and kept in the cache with the record
    return rec


def check_record(rec, expected_id, findings: list) -> None:
    """Schema and id/file-name findings of one loaded record."""
    for rule, path, message in validate(rec.kind, rec.data, rec.tainted):
        findings.append(Finding(rule, None, rec.loc(path), message, rec.id, field=".".join(map(str, path))))
    rid = rec.data.get("id")
    if isinstance(rid, str) and expected_id is not None and rid != expected_id:
        where = "所在文件夹名" if rec.path.endswith(("/catalog.yml", "/list.yml")) else "文件名"
        findings.append(Finding("ID-001", None, rec.loc(("id",)),
                                f"id“{rid}”与{where}“{expected_id}”不一致：一个文件一条记录，文件名即 id", rid, field="id"))


def _from_bytes(raw: bytes, rel: str, kind: str, group, expected_id, findings: list):
    rec = parse_record(raw, rel, kind, group, findings)
    if rec is not None:
        check_record(rec, expected_id, findings)
    return rec


def _parse_and_check(root, task):
    """(rel, digest, record | _HIT | None, findings) for one file: read, then parse and validate unless unchanged."""
    rel, kind, group, expected, known = task
    raw, unreadable = read_file(root, rel)
    if raw is None:
        return rel, None, None, [unreadable]
    key = content_cache.digest(raw)
    if key == known:
        return rel, key, _HIT, []
    own: list = []
    return rel, key, _from_bytes(raw, rel, kind, group, expected, own), own


def _parse_chunk(root, tasks):
    """A worker's results, each record already pickled: the parent unpickles it once and keeps the bytes for the
    cache, so a first run does not pay for pickling every record a second time."""
    out = []
    for rel, key, rec, own in (_parse_and_check(root, t) for t in tasks):
        out.append((rel, key, content_cache.freeze(rec) if isinstance(rec, Record) else rec, own))
    return out


def _results(root, tasks: list, workers: int):
    """The per-file results in task order, in a pool of ``workers`` forked processes if more than one."""
    if workers <= 1:
        for t in tasks:
            yield _parse_and_check(root, t)
        return
    from tools.model.fast import warm_up

    warm_up()  # compile the validators once, before the fork
    chunks = [tasks[i:i + _CHUNK] for i in range(0, len(tasks), _CHUNK)]
    for chunk in parallel.fork_map(_parse_chunk, root, chunks, workers):
        yield from chunk


def load_repository(root, *, workers: int = 1, cache: content_cache.ContentCache | None = None,
                    min_items: int = parallel.MIN_ITEMS) -> tuple[Repository, list]:
    """Parse and validate every record file of the repository at ``root`` and assemble the model.

    ``cache``: unchanged files come from it and the new state is saved to it (default: no cache).
    ``workers``: at most this many processes parse and validate, if at least ``min_items`` files need parsing.
    """
    root = Path(root)
    findings: list = []
    with gc_scope.paused():  # thousands of small acyclic containers: the collector would dominate the load
        cached = cache.load(root) if cache is not None else {}
        tasks = []
        listed = record_files(root)
        for rel in listed:
            kind, group, expected = classify(rel)
            if kind is None:
                findings.append(problem("LAYOUT-001", rel, 1, 1, f"文件未被读取：{expected}"))
                continue
            hit = cached.get(rel)
            tasks.append((rel, kind, group, expected, hit[0] if hit is not None else None))
        to_parse = sum(1 for t in tasks if t[4] is None)
        fresh: dict = {}
        records = []
        parsed = 0
        for rel, key, rec, own in _results(root, tasks, parallel.pool_size(workers, to_parse, min_items)):
            if rec is _HIT:  # unchanged: parsed and checked in an earlier run
                hit = cached[rel]
                rec, own = content_cache.thaw(hit[1]), list(hit[2])
                fresh[rel] = hit
            elif key is not None:
                parsed += 1
                fresh[rel] = (key, rec, own)  # as the worker pickled it, if it did
                rec = content_cache.thaw(rec)
            findings += own
            if rec is not None:
                records.append(rec)
        waivers = None
        if (root / WAIVERS_FILE).is_file():
            raw, unreadable = read_file(root, WAIVERS_FILE)
            if raw is None:
                findings.append(unreadable)
            else:
                waivers = _from_bytes(raw, WAIVERS_FILE, "waivers", None, None, findings)
    # Rewriting the whole cache costs more than re-parsing a handful of files: after a small edit the next run
    # re-parses the same few files instead. A first run, many changes, or a removed file rewrites it, so that it
    # holds this repository's current files only.
    removed = bool(cached.keys() - fresh.keys())
    if cache is not None and (removed or parsed and (not cached or parsed > max(20, len(tasks) // 100))):
        cache.save(root, fresh)
    return _assembled(str(root), records, waivers, len(listed)), findings


def _assembled(root: str, records: list, waivers, files: int) -> Repository:
    repo = Repository(root=root, records=records, waivers=waivers)
    repo.files = files + (1 if waivers is not None else 0)
    repo.index()
    return repo


def load_texts(files: dict, root: str = "<memory>") -> tuple[Repository, list]:
    """The same model from file contents held in memory ({relative path: bytes or str}): no disk, no cache.

    For tests and previews: a rule can be checked on a repository that was never written out."""
    findings: list = []
    records, waivers = [], None
    with gc_scope.paused():
        for rel in sorted(files):
            raw = files[rel].encode("utf-8") if isinstance(files[rel], str) else files[rel]
            if rel == WAIVERS_FILE:
                waivers = _from_bytes(raw, rel, "waivers", None, None, findings)
                continue
            kind, group, expected = classify(rel)
            if kind is None:
                findings.append(problem("LAYOUT-001", rel, 1, 1, f"文件未被读取：{expected}"))
                continue
            rec = _from_bytes(raw, rel, kind, group, expected, findings)
            if rec is not None:
                records.append(rec)
    count = sum(1 for rel in files if rel != WAIVERS_FILE)
    return _assembled(root, records, waivers, count), findings
