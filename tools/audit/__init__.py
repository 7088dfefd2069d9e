"""Audit 双公示 feeds (方案四（二）5): find late, wrong and unpublishable records in a city's or a province's data.

``python -m tools audit FILE… --kind penalty|license`` reads CSV (UTF-8, GBK/GB18030) and XLSX in bounded blocks
(``read``), runs the checks (``checks``: one registry entry per rule, each citing its plan clause and law) with
Polars column expressions (``columns``) and the domain's meaning of the rules (``tools.domain.feeds``: repair
regimes, working days, the catalog entry's disclosure) in ``engine``, and writes the reports (``report``) whole or
not at all. ``generate`` makes real-shaped feeds with planted errors for the tests and the benchmark.

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 unusable input or usage error (nothing written).
"""
from __future__ import annotations

import datetime as _dt
import shutil
import tempfile
from pathlib import Path

from tools.audit.read import FeedError

__all__ = ["FeedError", "run", "load_deadlines"]


def load_deadlines(path: Path) -> tuple[int, dict]:
    """The publication time limits: ``default`` working days and ``units`` {数据来源单位 name or code: days}."""
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise FeedError(f"时限配置 {path} 无法读取：{str(exc).splitlines()[0] if str(exc) else exc}") from None
    if not isinstance(data, dict) or set(data) - {"default", "units"}:
        raise FeedError(f"时限配置 {path}：只能有 default（默认工作日数）和 units（各数据来源单位的工作日数）两项")
    default = data.get("default", 7)
    units = data.get("units") or {}

    def days(v, where):
        if not isinstance(v, int) or isinstance(v, bool) or not 1 <= v <= 365:
            raise FeedError(f"时限配置 {path}：{where}的工作日数应为 1 至 365 的整数，而不是“{v}”")
        return v

    if not isinstance(units, dict):
        raise FeedError(f"时限配置 {path}：units 应为“单位名称或统一社会信用代码: 工作日数”的映射")
    return days(default, "default "), {str(k): days(v, f"“{k}”") for k, v in units.items()}


def run(files, kind: str, as_of: _dt.date, repo, fmt: str = "text", out: Path | None = None,
        by_unit: Path | None = None, deadlines: Path | None = None, block_bytes: int | None = None,
        stdout=None) -> int:
    """Audit the files and write the report; raise FeedError (nothing written) when something is unusable."""
    import tools.audit.report as report
    from tools.audit.engine import Options, audit

    if fmt == "xlsx" and out is None:
        raise FeedError("--format xlsx 需要用 --out 指定输出文件")
    if out is not None and Path(out).is_dir():
        raise FeedError(f"--out 应是一个文件，{out} 是文件夹")
    if out is not None and not Path(out).resolve().parent.is_dir():
        raise FeedError(f"输出文件所在的文件夹不存在：{Path(out).parent}")
    if by_unit is not None:
        by_unit = Path(by_unit)
        if by_unit.exists() and (not by_unit.is_dir() or any(by_unit.iterdir())):
            raise FeedError(f"--by-unit 的文件夹 {by_unit} 已存在且不是空的：请指定新的文件夹（不会覆盖已有文件）")
        if not by_unit.resolve().parent.is_dir():
            raise FeedError(f"--by-unit 的上级文件夹不存在：{by_unit.parent}")
    default, units = load_deadlines(deadlines) if deadlines else (None, {})
    opts = Options(kind, as_of, unit_deadlines=units, block_bytes=block_bytes, keep_rows=by_unit is not None)
    if default is not None:
        opts.deadline_days = default
    workdir = Path(tempfile.mkdtemp(prefix="benxi-audit-"))
    try:
        result = audit(files, opts, repo, workdir)
        if by_unit is not None:
            with report.atomic_folder(by_unit) as folder:
                report.write_unit_workbooks(result, folder)
        report.render(result, fmt, Path(out) if out else None, stdout)
        return result.exit_code
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
