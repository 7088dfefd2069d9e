"""Run the checks over a feed, block by block: findings are spooled to disk as they are found, the summary per
数据来源单位 is added up, and the only state kept across blocks is what the duplicate check needs: the first row of
each distinct decision number, as a 64-bit hash with its file and row (about 20 bytes per distinct number).

What a check needs from the domain (the publication window of a decision date, the last day to publish) is
computed once per distinct value of a block (``tools.domain.feeds``) and joined to the rows.
"""
from __future__ import annotations

import contextlib
import csv
import datetime as _dt
import os
import queue
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

import tools.audit.checks as C
from tools.audit.columns import DATE, amount, blank_to_null, date, parse_date, quick_date, text, uscc_ok
from tools.audit.read import ROW, Source, blocks, open_feed
from tools.base.findings import ERROR
from tools.domain import feeds as domain
from tools.domain.durations import Duration
from tools.model import shuanggongshi as sgs

NO_UNIT = "（未填写数据来源单位）"
SPOOL_FIELDS = ("file", "row", "seq", "rule", "severity", "column", "message", "unit")


@dataclass
class Options:
    kind: str
    as_of: _dt.date
    deadline_days: int = domain.DEFAULT_DEADLINE_WORKING_DAYS
    unit_deadlines: dict = field(default_factory=dict)  # 数据来源单位 (name or code) -> working days
    block_bytes: int | None = None
    batch_rows: int = 100_000  # records checked together (memory grows with it, the per-call cost shrinks)
    keep_rows: bool = False  # spool the rows with findings per unit (for the per-unit workbooks)


@dataclass
class UnitTally:
    unit: str
    code: str = ""
    records: int = 0
    error_rows: int = 0
    late: int = 0
    dated: int = 0  # rows whose timeliness could be judged (publication date and deadline known)
    by_rule: dict = field(default_factory=dict)


@dataclass
class Result:
    kind: str
    as_of: _dt.date
    files: list
    units: dict  # unit -> UnitTally
    header_findings: list  # findings about the header, as spool rows
    spool: Path  # findings in row order (CSV, SPOOL_FIELDS)
    rows_dir: Path | None  # per unit: the rows with findings (masked), when kept
    workdir: Path
    checks: dict  # rule id -> Check
    errors: int = 0
    warnings: int = 0
    by_rule: dict = field(default_factory=dict)
    records: int = 0
    unit_index: dict = field(default_factory=dict)  # unit -> number (file names of the per-unit spools)
    header_of: dict = field(default_factory=dict)  # file -> canonical columns it carries

    @property
    def error_rows(self) -> int:
        return sum(u.error_rows for u in self.units.values())

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0

    def findings(self):
        """All findings in (file, row) order: each file's header findings, then its rows'."""
        yield from self.header_findings
        yield from _read_spool(self.spool)


def _read_spool(path: Path):
    with open(path, encoding="utf-8", newline="") as fh:
        for rec in csv.reader(fh):
            yield {"file": int(rec[0]), "row": int(rec[1]), "seq": int(rec[2]), "rule": rec[3], "severity": rec[4],
                   "column": rec[5], "message": rec[6], "unit": rec[7]}


class _Windows:
    """Publication windows and deadlines per distinct decision date, from the domain, remembered for the run."""

    def __init__(self, repo, opts: Options):
        self.repo, self.opts = repo, opts
        self.windows: dict = {}
        self.deadlines: dict = {}

    def window(self, d: _dt.date) -> tuple:
        if d not in self.windows:
            w = domain.publication_window(self.repo, d)
            self.windows[d] = (None,) * 5 if w is None else (
                w.earliest_end, w.latest_end, w.exact, w.title, Duration.parse(w.maximum).zh() if w.maximum else None)
        return self.windows[d]

    def deadline(self, d: _dt.date, n: int):
        if (d, n) not in self.deadlines:
            self.deadlines[(d, n)] = domain.publication_deadline(d, n)
        return self.deadlines[(d, n)]


def _facts(kind: str, present: set) -> list:
    decided = sgs.DECISION_DATE[kind]
    published = [date(n) for n in ("公示日期", "报送日期") if n in present]
    unit = text(sgs.SOURCE_UNIT)
    return [
        text(sgs.SUBJECT_TYPE).alias("_type"),
        date(decided).alias("_decided"),
        (date("公示截止期") if kind == sgs.PENALTY else pl.lit(None, pl.Date)).alias("_end"),
        (pl.coalesce(published) if published else pl.lit(None, pl.Date)).alias("_published"),
        (amount("罚款金额(万元)") if kind == sgs.PENALTY else pl.lit(None, pl.Float64)).alias("_fine"),
        pl.when(unit.is_null()).then(pl.lit(NO_UNIT)).otherwise(unit).alias("_unit"),
        text(sgs.SOURCE_UNIT_CODE).alias("_unit_code"),
        uscc_ok(sgs.SUBJECT_USCC).fill_null(False).alias("_subject_code_ok"),
    ]


@dataclass(frozen=True)
class _Compiled:
    seq: int
    rule: str
    severity: str
    column: str
    mask: pl.Expr
    message: pl.Expr
    where: pl.Expr | None
    distinct: bool = False


def _compile(feed: C.Feed, registry: dict) -> list:
    """Every (check, column) that applies to the feed, numbered in registry order."""
    out = []
    for rule in registry.values():
        if rule.find is None or feed.kind not in rule.kinds:
            continue
        for hit in rule.find(feed):
            hit = C.Hit(*hit)
            msg = pl.lit(hit.message) if isinstance(hit.message, str) else hit.message
            where = hit.where.fill_null(False) if hit.where is not None else None
            out.append(_Compiled(len(out), rule.id, rule.severity, hit.column, hit.mask.fill_null(False), msg, where,
                                 hit.distinct))
    return out


def audit(paths, opts: Options, repo, workdir: Path | None = None) -> Result:
    """Audit the files as one feed. Raises read.FeedError when a file is unusable (nothing is reported then)."""
    registry = C.registry()
    entry = domain.feed_entry(repo, opts.kind)
    workdir = Path(workdir or tempfile.mkdtemp(prefix="audit-"))
    workdir.mkdir(parents=True, exist_ok=True)
    spool = workdir / "findings.csv"
    rows_dir = workdir / "rows" if opts.keep_rows else None
    if rows_dir:
        rows_dir.mkdir()
    windows = _Windows(repo, opts)
    sources = [open_feed(Path(p)) for p in paths]  # every header first: an unusable file stops before any work
    result = Result(opts.kind, opts.as_of, [str(p) for p in paths], {}, [], spool, rows_dir, workdir, registry)
    seen = _Seen()
    with open(spool, "w", encoding="utf-8", newline="") as out:
        for index, src in enumerate(sources):
            _audit_file(index, src, opts, repo, entry, registry, windows, result, out, seen)
    result.header_findings.sort(key=lambda f: (f["file"], f["seq"]))
    return result


def _header_findings(index: int, src: Source, kind: str, registry: dict, result: Result):
    resolved, missing, unknown = sgs.resolve_headers(kind, src.header)
    for name in missing:
        result.header_findings.append(_finding(index, 1, -2, registry["SGS-001"], name,
                                               f"缺少必填列“{name}”（{sgs.KINDS[kind]}信息的“双公示”数据标准）", ""))
    for name in unknown:
        result.header_findings.append(_finding(index, 1, -1, registry["SGS-002"], name,
                                               f"列“{name[:30]}”不是{sgs.KINDS[kind]}信息“双公示”数据标准中的列，未检查", ""))
    return resolved, missing


def _finding(file, row, seq, rule, column, message, unit) -> dict:
    return {"file": file, "row": row, "seq": seq, "rule": rule.id, "severity": rule.severity, "column": column,
            "message": message, "unit": unit}


def _audit_file(index, src, opts, repo, entry, registry, windows, result, out, seen) -> None:
    kind = opts.kind
    resolved, missing = _header_findings(index, src, kind, registry, result)
    for f in result.header_findings:
        if f["file"] == index:
            _count(result, f["rule"], f["severity"])
    present = {n for n in resolved if n}
    rename = {f"c{i}": n for i, n in enumerate(resolved) if n}
    absent = [c.name for c in sgs.columns(kind) if c.name not in present]
    result.header_of[index] = [n for n in resolved if n]
    feed = C.Feed(kind, present, set(missing), opts.as_of, domain.excludes_simplified(entry),
                  domain.full_id_numbers_published(entry))
    feed.files = [os.path.basename(f) for f in result.files]
    if sgs.DECISION_NUMBER[kind] in present:
        feed.facts.add("_first")
        feed.file_index = index
    if kind == sgs.PENALTY:
        feed.facts |= {"_lo", "_hi"}
    if "公示日期" in present or "报送日期" in present:
        feed.facts.add("_deadline")
    compiled = _compile(feed, registry)
    meta = pl.DataFrame({"seq": [c.seq for c in compiled], "rule": [c.rule for c in compiled],
                         "severity": [c.severity for c in compiled], "column": [c.column for c in compiled]},
                        schema={"seq": pl.Int64, "rule": pl.String, "severity": pl.String, "column": pl.String})
    error_keys = [f"k{c.seq}" for c in compiled if c.where is None and c.severity == ERROR]
    late_keys = [f"k{c.seq}" for c in compiled if c.where is None and c.rule == "SGS-100"]
    dated = (pl.col("_published").is_not_null() & pl.col("_deadline").is_not_null()) if "_deadline" in feed.facts \
        else pl.lit(False)
    data_cols = list(rename.values())
    strip = {n: sgs.column(kind, n).kind not in C.FREE_TEXT for n in data_cols}
    dates = [c.name for c in sgs.columns(kind) if c.kind == sgs.DATE]
    number_col = sgs.DECISION_NUMBER[kind]
    writer = csv.writer(out)
    kw = {"block_bytes": opts.block_bytes} if opts.block_bytes and src.format == "csv" else {}
    for raw in _batches(_ahead(blocks(src, **kw)), opts.batch_rows):
        df = raw.select([(pl.col(c).str.strip_chars() if strip[n] else pl.col(c)).alias(n) for c, n in rename.items()]
                        + [pl.col(ROW)] + [pl.lit(None, pl.String).alias(n) for n in absent])
        df = df.with_columns([blank_to_null(n) for n in data_cols])  # = columns.normalized, in two cheap passes
        empty = df.select(pl.all_horizontal([pl.col(c).is_null() for c in data_cols])).to_series() if data_cols \
            else None
        if empty is not None and empty.any():
            df = df.filter(~empty)  # empty lines and rows of empty cells: not records
        if df.height == 0:
            continue
        df = _with_dates(df, dates, present)
        df = df.with_columns(_facts(kind, present))
        df = _with_domain_facts(df, feed, opts, windows)
        if "_first" in feed.facts:
            df = seen.mark(df, number_col, index)
        # every check's mask (or its prefilter) at once, with the per-row flags the summary needs
        keys = [f"k{c.seq}" for c in compiled]
        masks = df.select([(_by_value(df, c) if c.where is None else c.where).alias(k) for c, k in zip(compiled, keys)]
                          + [dated.alias("_dated")])
        masks = masks.with_columns(_any(error_keys).alias("_error"), _any(late_keys).alias("_late"))
        flagged = [c for c, hit in zip(compiled, masks.select(keys).select(pl.all().any()).row(0) if keys else ())
                   if hit]
        hits = None
        if flagged:  # the rows some check points at (usually few): their messages, in one pass
            any_row = masks.select(pl.any_horizontal([f"k{c.seq}" for c in flagged])).to_series()
            sub = df.filter(any_row).hstack(masks.filter(any_row).select([f"k{c.seq}" for c in flagged]))
            found = []
            for c in flagged:
                part = sub.filter(pl.col(f"k{c.seq}") & c.mask if c.where is not None else pl.col(f"k{c.seq}"))
                if part.height:
                    found.append(part.select(pl.col(ROW).alias("row"), pl.col("_unit").alias("unit"),
                                             pl.lit(c.seq, pl.Int64).alias("seq"), c.message.alias("message")))
            if found:
                hits = (pl.concat(found).join(meta, on="seq").sort("row", "seq")
                        .with_columns(pl.lit(index).alias("file")).select(list(SPOOL_FIELDS)))
        flags = masks.select("_error", "_late", "_dated")
        if hits is not None and hits.height:
            prefiltered = {c.seq for c in flagged if c.where is not None and c.severity == ERROR}
            if prefiltered:
                rows = hits.filter(pl.col("seq").is_in(list(prefiltered))).get_column("row")
                if rows.len():
                    flags = flags.with_columns(pl.col("_error") | df.get_column(ROW).is_in(rows.implode()))
        df = df.with_columns(flags)
        _tally(df, result)
        if hits is not None and hits.height:
            for rule, severity, n in hits.group_by("rule", "severity").len().iter_rows():
                _count(result, rule, severity, n)
            for unit, rule, n in hits.group_by("unit", "rule").len().iter_rows():
                t = result.units[unit].by_rule
                t[rule] = t.get(rule, 0) + n
            writer.writerows(hits.iter_rows())
            if result.rows_dir is not None:
                _keep_rows(df, hits, result, kind)


class _Seen:
    """The first row of every decision number met so far (as a 64-bit hash), across blocks and files: a later row
    with the same number gets ``_first_row`` and ``_first_file`` (the index of the file) of the first one."""

    def __init__(self):
        self.firsts = pl.DataFrame(schema={"_h": pl.UInt64, "_first_file": pl.Int32, "_first_row": pl.Int64})

    def mark(self, df: pl.DataFrame, number: str, index: int) -> pl.DataFrame:
        df = df.with_columns(pl.col(number).hash().alias("_h"), pl.col(ROW).first().over(pl.col(number).hash())
                             .alias("_here"))
        df = df.join(self.firsts, on="_h", how="left", maintain_order="left")
        given, earlier = pl.col(number).is_not_null(), pl.col("_first_row").is_not_null()
        new = given & ~earlier & (pl.col(ROW) == pl.col("_here"))
        self.firsts = pl.concat([self.firsts, df.filter(new).select(
            "_h", pl.lit(index, pl.Int32).alias("_first_file"), pl.col(ROW).alias("_first_row"))], rechunk=False)
        dup = given & (earlier | (pl.col(ROW) != pl.col("_here")))
        return df.with_columns(
            pl.when(dup).then(pl.when(earlier).then(pl.col("_first_row")).otherwise(pl.col("_here")))
            .alias("_first_row"),
            pl.when(dup).then(pl.when(earlier).then(pl.col("_first_file")).otherwise(index)).alias("_first_file"),
        ).drop("_h", "_here")


def _any(keys: list) -> pl.Expr:
    return pl.any_horizontal(keys) if keys else pl.lit(False)


def _batches(frames, rows: int):
    """Blocks put together into batches of at least ``rows`` records: the reader's blocks stay small (they parse
    fastest), the checks run on fewer, larger batches (each Polars call has a fixed cost)."""
    held, n = [], 0
    for f in frames:
        held.append(f)
        n += f.height
        if n >= rows:
            yield held[0] if len(held) == 1 else pl.concat(held, rechunk=False)
            held, n = [], 0
    if held:
        yield held[0] if len(held) == 1 else pl.concat(held, rechunk=False)


def _ahead(iterator, depth: int = 1):
    """The items of an iterator, the next one read in a thread while the current one is checked (Polars parses
    without holding the interpreter lock): at most ``depth`` blocks wait, so memory stays bounded."""
    q: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()
    done = object()

    def produce():
        try:
            for item in iterator:
                while not stop.is_set():
                    try:
                        q.put((item, None), timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            q.put((done, None))
        except BaseException as exc:  # handed to the consumer, raised there (FeedError: unusable input)
            q.put((done, exc))

    thread = threading.Thread(target=produce, name="audit-read-ahead", daemon=True)
    thread.start()
    try:
        while True:
            item, exc = q.get()
            if exc is not None:
                raise exc
            if item is done:
                return
            yield item
    finally:
        stop.set()
        with contextlib.suppress(queue.Empty):
            while True:
                q.get_nowait()
        thread.join(timeout=5)


def _by_value(df: pl.DataFrame, c: _Compiled) -> pl.Expr:
    """A mask that depends on one column alone, evaluated once per distinct value of the block."""
    if not c.distinct:
        return c.mask
    values = df.select(pl.col(c.column).unique())
    bad = values.filter(values.select(c.mask).to_series()).get_column(c.column)
    return pl.col(c.column).is_in(bad.implode()).fill_null(False)


def _with_dates(df: pl.DataFrame, dates: list, present: set) -> pl.DataFrame:
    """Every date column parsed once (DATE + name): the usual shape for all rows, the other shapes only for the
    rows where the usual one did not parse."""
    df = df.with_columns([(quick_date(n) if n in present else pl.lit(None, pl.Date)).alias(DATE + n) for n in dates])
    todo = [n for n in dates if n in present]
    if not todo:
        return df
    again = df.select([(pl.col(n).is_not_null() & pl.col(DATE + n).is_null()).alias(n) for n in todo])
    for n in todo:
        need = again.get_column(n)
        if need.any():
            idx = need.arg_true()
            slow = df.select(pl.col(n).gather(idx)).select(parse_date(n)).to_series()
            df = df.with_columns(df.get_column(DATE + n).scatter(idx, slow))
    return df


def _with_domain_facts(df: pl.DataFrame, feed: C.Feed, opts: Options, windows: _Windows) -> pl.DataFrame:
    """The domain's answers for each row's decision date, looked up in a table of the block's distinct dates."""
    wants_window, wants_deadline = {"_lo", "_hi"} <= feed.facts, "_deadline" in feed.facts
    if not (wants_window or wants_deadline):
        return df
    days = sorted(d for d in df.get_column("_decided").unique().to_list() if d is not None)
    table: dict = {"_decided": pl.Series(days, dtype=pl.Date)}
    out = []
    if wants_window:
        rows = [windows.window(d) for d in days]
        for i, (name, dtype) in enumerate((("_lo", pl.Date), ("_hi", pl.Date), ("_exact", pl.Boolean),
                                           ("_regime", pl.String), ("_max", pl.String))):
            table[name] = pl.Series([r[i] for r in rows], dtype=dtype)
            out.append(name)
    if wants_deadline:
        counts = sorted({opts.deadline_days, *opts.unit_deadlines.values()})
        for n in counts:
            table[f"_deadline{n}"] = pl.Series([windows.deadline(d, n) for d in days], dtype=pl.Date)
    if not days:
        df = df.with_columns([pl.lit(None, table[c].dtype).alias(c) for c in table if c != "_decided"])
    else:
        df = df.with_columns(pl.lit(table["_decided"]).search_sorted(pl.col("_decided")).clip(0, len(days) - 1)
                             .alias("_at"))
        known = pl.col("_decided").is_not_null()
        df = df.with_columns([pl.when(known).then(pl.lit(table[c]).gather(pl.col("_at"))).alias(c)
                              for c in table if c != "_decided"])
    if wants_deadline:
        per_unit = opts.unit_deadlines
        if per_unit:
            n = pl.coalesce(pl.col("_unit").replace_strict(per_unit, default=None, return_dtype=pl.Int64),
                            pl.col("_unit_code").replace_strict(per_unit, default=None, return_dtype=pl.Int64),
                            pl.lit(opts.deadline_days, pl.Int64))
            chosen = pl.lit(None, pl.Date)
            for k in counts:
                chosen = pl.when(n == k).then(pl.col(f"_deadline{k}")).otherwise(chosen)
        else:
            n, chosen = pl.lit(opts.deadline_days, pl.Int64), pl.col(f"_deadline{opts.deadline_days}")
        df = df.with_columns(n.alias("_days"), chosen.alias("_deadline"))
    return df


def _tally(df: pl.DataFrame, result: Result) -> None:
    agg = df.group_by("_unit").agg(pl.len().alias("n"), pl.col("_error").sum().alias("e"),
                                   pl.col("_late").sum().alias("l"), pl.col("_dated").sum().alias("d"),
                                   pl.col("_unit_code").drop_nulls().first().alias("code"))
    for unit, n, e, late, dated, code in agg.iter_rows():
        t = result.units.get(unit)
        if t is None:
            t = result.units[unit] = UnitTally(unit, code or "")
            result.unit_index[unit] = len(result.unit_index)
        t.records += n
        t.error_rows += e
        t.late += late
        t.dated += dated
        if code and not t.code:
            t.code = code
        result.records += n


def _count(result: Result, rule: str, severity: str, n: int = 1) -> None:
    result.by_rule[rule] = result.by_rule.get(rule, 0) + n
    if severity == ERROR:
        result.errors += n
    else:
        result.warnings += n


def _keep_rows(df: pl.DataFrame, hits: pl.DataFrame, result: Result, kind: str) -> None:
    """The rows with findings, personal data masked, appended to their unit's spool (for the per-unit workbooks)."""
    from tools.audit.mask import masked_rows

    rows = hits.get_column("row").unique()
    part = masked_rows(df.filter(pl.col(ROW).is_in(rows.implode())), kind)
    for (unit,), sub in part.partition_by("_unit", as_dict=True).items():
        path = result.rows_dir / f"{result.unit_index[unit]}.csv"
        with open(path, "ab") as fh:
            sub.drop("_unit").write_csv(fh, include_header=False)
