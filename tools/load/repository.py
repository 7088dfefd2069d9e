"""Find the record files of a repository, load each one, and assemble the model.

Problems found here (syntax, encoding, layout, schema, id/file-name mismatch) are returned as findings whose
severity the rule registry fills in later.
"""
from __future__ import annotations

import copy
import gc
import os
import re
from pathlib import Path

from tools import parallel
from tools.findings import Finding, Location
from tools.load import cache
from tools.load.yaml_loader import load_bytes, too_large
from tools.model.records import Record, Repository
from tools.model.validate import validate

RECORD_ROOTS = ("policies", "catalogs", "sanction_lists", "procedures")
PROCEDURE_KINDS = {"collection_routes": "collection_route", "repair_regimes": "repair_regime"}
WAIVERS_FILE = "waivers.yml"
# Hints from the raw bytes, each a superset of what the text-scanning rules (PII-001, HTML-001) look for:
# a run of six ASCII digits or any full-width digit (every pattern of PII-001 has six digits in a row), and
# "<", "javascript:" or "data:" in any case (HTML-001). C-speed translate and substring tests, no regex scan.
_DIGIT_MASK = bytes(0x31 if 0x30 <= b <= 0x39 else 0x20 for b in range(256))
_FULLWIDTH_DIGIT = re.compile(rb"\xef\xbc[\x90-\x99]")


def scan_hints(raw: bytes) -> set:
    flags = set()
    if b"111111" in raw.translate(_DIGIT_MASK) or _FULLWIDTH_DIGIT.search(raw):
        flags.add("digits")
    low = raw.lower()
    if b"<" in raw or b"javascript:" in low or b"data:" in low:
        flags.add("markup")
    return flags
GROUP_FILES = {"catalogs": ("catalog.yml", "catalog_edition", "catalog_entry"),
               "measures": ("list.yml", "measure_list", "measure")}


def classify(rel: str):
    """(kind, group, expected id) for a record path, or (None, None, reason) when it is not a record location."""
    parts = rel.split("/")
    name = parts[-1]
    if not name.endswith(".yml"):
        return None, None, "记录文件的扩展名必须是 .yml"
    stem = name[:-4]
    if parts[0] == "policies" and len(parts) == 3:
        return "document", None, stem
    if parts[0] == "catalogs" and len(parts) == 3:
        group_file, group_kind, item_kind = GROUP_FILES["catalogs"]
        return (group_kind, None, parts[1]) if name == group_file else (item_kind, parts[1], stem)
    if parts[:2] == ["sanction_lists", "measures"] and len(parts) == 4:
        group_file, group_kind, item_kind = GROUP_FILES["measures"]
        return (group_kind, None, parts[2]) if name == group_file else (item_kind, parts[2], stem)
    if parts[:2] == ["sanction_lists", "name_lists"] and len(parts) == 3:
        return "list_regime", None, stem
    if parts[0] == "procedures" and len(parts) == 3 and parts[1] in PROCEDURE_KINDS:
        return PROCEDURE_KINDS[parts[1]], None, stem
    return None, None, ("不在可识别的记录位置：文件应位于 policies/<地域>/、catalogs/<目录版本>/、"
                        "sanction_lists/measures/<清单版本>/、sanction_lists/name_lists/、"
                        "procedures/collection_routes/ 或 procedures/repair_regimes/")


def record_files(root: Path):
    """Relative POSIX paths of every YAML file under the record roots, sorted."""
    out = []
    base_len = len(os.path.join(str(root), ""))
    for top in RECORD_ROOTS:
        base = os.path.join(str(root), top)
        if not os.path.isdir(base):
            continue
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            rel_dir = dirpath[base_len:].replace(os.sep, "/")
            out.extend(f"{rel_dir}/{fn}" for fn in filenames if fn.endswith((".yml", ".yaml")) and not fn.startswith("."))
    return sorted(out)


def _finding(rule, rel, line, col, message, record=None):
    return Finding(rule=rule, severity=None, location=Location(rel, line, col), message=message, record=record)


def read_file(root: Path, rel: str, findings: list) -> bytes | None:
    try:
        with open(os.path.join(root, rel), "rb") as fh:
            big = too_large(os.fstat(fh.fileno()).st_size)  # checked before reading: a huge file is never read
            if big is not None:
                findings.append(_finding("YAML-013", rel, 1, 1, big.problems[0].message))
                return None
            return fh.read()
    except OSError as exc:
        findings.append(_finding("YAML-002", rel, 1, 1, f"无法读取文件：{exc.strerror}"))
        return None


def parse_record(raw: bytes, rel: str, kind: str, group, findings: list):
    """A Record from the bytes of one file, or None (its problems appended to findings)."""
    loaded = load_bytes(raw)
    for p in loaded.problems:
        findings.append(_finding(p.rule, rel, p.line, p.column, p.message))
    if not loaded.ok:
        return None
    rec = Record(kind=kind, path=rel, data=loaded.data, locs=loaded.locs, tainted=loaded.tainted, group=group)
    # one C-speed look at the raw text decides which records the text-scanning rules need to walk
    rec.flags = scan_hints(raw)
    rec.citations  # noqa: B018  computed here: in the pool's workers, and kept in the cache with the record
    return rec


def load_record(root: Path, rel: str, kind: str, group, expected_id, findings: list):
    raw = read_file(root, rel, findings)
    rec = parse_record(raw, rel, kind, group, findings) if raw is not None else None
    if rec is not None:
        check_record(rec, expected_id, findings)
    return rec


def check_record(rec, expected_id, findings: list) -> None:
    """Schema and id/file-name findings of one loaded record."""
    for rule, path, message in validate(rec.kind, rec.data, rec.tainted):
        findings.append(Finding(rule, None, rec.loc(path), message, rec.id))
    rel = rec.path
    rid = rec.data.get("id")
    if isinstance(rid, str) and rid != expected_id:
        where = "所在文件夹名" if rel.endswith(("/catalog.yml", "/list.yml")) else "文件名"
        findings.append(Finding("ID-001", None, rec.loc(("id",)),
                                f"id“{rid}”与{where}“{expected_id}”不一致：一个文件一条记录，文件名即 id", rid))


PARALLEL_MIN_FILES = parallel.MIN_ITEMS  # files to parse before parsing and validating use a process pool
_CHUNK = 200
_HIT = "hit"
_worker_root: Path | None = None


def _parse_and_check(root: Path, task):
    """(rel, digest, record | _HIT | None, findings) for one file: read, then parse and validate unless unchanged."""
    rel, kind, group, expected, known = task
    own: list = []
    raw = read_file(root, rel, own)
    if raw is None:
        return rel, None, None, own
    key = cache.digest(raw)
    if key == known:
        return rel, key, _HIT, own
    rec = parse_record(raw, rel, kind, group, own)
    if rec is not None:
        check_record(rec, expected, own)
    return rel, key, rec, own


def _init_worker(root):
    global _worker_root
    _worker_root = root
    gc.disable()  # the worker's objects are short-lived and acyclic


def _work_chunk(tasks):
    """A worker's results, each record already pickled: the parent unpickles it once and keeps the bytes for the
    cache, so a first run does not pay for pickling every record a second time."""
    out = []
    for rel, key, rec, own in (_parse_and_check(_worker_root, t) for t in tasks):
        out.append((rel, key, cache.freeze(rec) if isinstance(rec, Record) else rec, own))
    return out


def _results(root: Path, tasks: list, workers: int):
    """Yield the per-file results in task order, in a process pool of ``workers`` if more than one."""
    ctx = parallel.fork_context() if workers > 1 else None
    if ctx is None:
        for t in tasks:
            yield _parse_and_check(root, t)
        return
    from tools.model.fast import warm_up

    warm_up()  # load the compiled validators once, before the fork
    chunks = [tasks[i:i + _CHUNK] for i in range(0, len(tasks), _CHUNK)]
    with ctx.Pool(workers, initializer=_init_worker, initargs=(root,)) as pool:
        for chunk in pool.imap(_work_chunk, chunks):
            yield from chunk


def load_repository(root, marks=None, workers: int | None = None) -> tuple[Repository, list]:
    """Parse and validate every record file and assemble the model (``marks`` collects phase end times if given).

    Files whose bytes are unchanged since the last run come from the cache, already parsed and validated. Many
    files to parse are spread over a pool of processes (``workers``, default: the number of cores).
    """
    import time

    root = Path(root)
    repo = Repository(root=str(root))
    findings: list = []
    files = record_files(root)
    use_cache = cache.enabled()
    gc_was_enabled = gc.isenabled()
    gc.disable()  # thousands of small containers (unpickled or parsed): the cyclic GC would dominate the load
    version, cached = cache.load(root) if use_cache else ("", {})
    fresh: dict = {}
    tasks = []
    for rel in files:
        kind, group, expected = classify(rel)
        if kind is None:
            findings.append(_finding("LAYOUT-001", rel, 1, 1, f"文件未被读取：{expected}"))
            continue
        hit = cached.get(rel)
        tasks.append((rel, kind, group, expected, hit[0] if hit is not None else None))
    if workers is None:
        workers = os.cpu_count() or 1
    to_parse = sum(1 for t in tasks if t[4] is None)
    parsed = 0
    try:
        for rel, key, rec, own in _results(root, tasks, workers if to_parse >= PARALLEL_MIN_FILES else 1):
            if rec is _HIT:  # unchanged: parsed and checked in an earlier run
                hit = cached[rel]
                rec, own = cache.thaw(hit[1]), list(hit[2])
                fresh[rel] = hit
            elif key is not None:
                parsed += 1
                fresh[rel] = (key, rec, [copy.copy(f) for f in own])  # as the worker pickled it, if it did
                rec = cache.thaw(rec)
            findings += own
            if rec is not None:
                repo.records.append(rec)
        if marks is not None:
            marks["parse"] = marks["validate"] = time.time()  # one phase: each file is validated as it is parsed
        if (root / WAIVERS_FILE).is_file():
            repo.waivers = load_record(root, WAIVERS_FILE, "waivers", None, None, findings)
    finally:
        # The model lives until the run ends: move it out of the cyclic GC's sight, or every later collection
        # (triggered by the rules' small allocations) walks hundreds of MiB of records again.
        gc.freeze()
        if gc_was_enabled:
            gc.enable()
    # Rewriting the whole cache costs more than re-parsing a handful of files: after a small edit the next run
    # re-parses the same few files instead. A first run, or many changes, rewrites it.
    if use_cache and parsed and (not cached or parsed > max(20, len(files) // 100)):
        cache.save(root, version, fresh)
    repo.files = len(files) + (1 if repo.waivers is not None else 0)
    repo.index()
    return repo, findings
