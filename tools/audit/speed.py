"""The feed audit's figures for ``tools bench``: a generated real-shaped feed with planted errors, audited by the
command in a fresh process, against the floor of reading the same file with the same reader and engine and doing
nothing. Wall times from outside (interpreter start-up included), medians of the runs, peak memory as the
process's own maximum resident set. Printed, never asserted.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import tools.audit.generate as generate

REPO = Path(__file__).resolve().parent.parent.parent
# Reading the feed as the audit reads it (the same blocks, parsed by Polars), doing nothing with the rows.
FLOOR = """
import json, resource, sys
from pathlib import Path
from tools.audit.read import blocks, open_feed
rows = sum(b.height for b in blocks(open_feed(Path(sys.argv[1])), int(sys.argv[2]) << 20))
print("BENCH " + json.dumps({"rows": rows, "peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}),
      file=sys.stderr)
"""
# The audit as the command line runs it (JSON report to a file), with its peak memory on stderr.
PROBE = """
import json, resource, sys
from tools.cli import main
code = main(["audit", sys.argv[1], "--kind", "penalty", "--as-of", sys.argv[2], "--format", "json",
             "--out", sys.argv[3], "--block-mb", sys.argv[4]])
print("BENCH " + json.dumps({"code": code, "peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}),
      file=sys.stderr)
"""
BLOCK_MB = 16


def _run(args) -> tuple[float, dict]:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", *args], capture_output=True, text=True, cwd=REPO,
                         env={**os.environ, "TOOLS_NO_CACHE": os.environ.get("TOOLS_NO_CACHE", "")})
    wall = time.perf_counter() - start
    report = {}
    for line in out.stderr.splitlines():
        if line.startswith("BENCH "):
            report = json.loads(line[6:])
    if not report:
        raise RuntimeError(f"audit benchmark process failed: {out.stderr[-2000:]}")
    return wall, report


def audit_figures(workdir: Path, rows: int, runs: int, block_mb: int = BLOCK_MB) -> dict:
    """Generate a feed of ``rows`` records (an error planted every 100th), then floor and audit, alternating."""
    feed = workdir / f"audit-feed-{rows}.csv"
    start = time.perf_counter()
    planted = generate.write_csv(feed, "penalty", rows, every=100)
    made = time.perf_counter() - start
    report = workdir / f"audit-report-{rows}.json"
    floors, audits, floor_peak, audit_peak = [], [], 0, 0
    for _ in range(runs):
        wall, r = _run([FLOOR, str(feed), str(block_mb)])
        floors.append(wall)
        floor_peak = max(floor_peak, r["peak_kib"])
        wall, r = _run([PROBE, str(feed), generate.AS_OF.isoformat(), str(report), str(block_mb)])
        audits.append(wall)
        audit_peak = max(audit_peak, r["peak_kib"])
    doc = json.loads(report.read_text(encoding="utf-8"))
    found = {(f["row"], f["column"], f["rule"]) for f in doc["findings"]}
    floor, audit = statistics.median(floors), statistics.median(audits)
    return {"rows": rows, "bytes": feed.stat().st_size, "generate": made, "floor": floor, "audit": audit,
            "ratio": audit / floor, "rows_per_second": rows / audit, "floor_peak_mib": floor_peak / 1024,
            "peak_mib": audit_peak / 1024, "planted": len(planted), "planted_found": len(set(planted) & found),
            "findings": len(doc["findings"]), "block_mb": block_mb}


def fixed_cost(workdir: Path, runs: int) -> float:
    """The audit of a one-record feed: process start, imports, loading the rule repository, writing the report."""
    feed = workdir / "audit-feed-1.csv"
    generate.write_csv(feed, "penalty", 1, every=0)
    return statistics.median(_run([PROBE, str(feed), generate.AS_OF.isoformat(), str(workdir / "audit-report-1.json"),
                                   str(BLOCK_MB)])[0] for _ in range(runs))


XLSX_ROWS = 20_000
# The same audit of an XLSX feed with the rows read by openpyxl (the careful reader, used when a cell holds a
# formula) instead of calamine: what choosing calamine saves.
OPENPYXL_PROBE = PROBE.replace("from tools.cli import main",
                               "import tools.audit.read as r\nr.fast_xlsx_blocks = r.xlsx_blocks\nfrom tools.cli import main")


def xlsx_figures(workdir: Path, rows: int, runs: int) -> dict:
    """An XLSX feed of ``rows`` records audited with calamine (what the command does) and with openpyxl."""
    feed = workdir / f"audit-feed-{rows}.xlsx"
    generate.write_xlsx(feed, "penalty", rows, every=100)
    out = {"rows": rows}
    for name, probe in (("calamine", PROBE), ("openpyxl", OPENPYXL_PROBE)):
        report = workdir / f"audit-report-{name}.json"
        out[name] = statistics.median(_run([probe, str(feed), generate.AS_OF.isoformat(), str(report),
                                            str(BLOCK_MB)])[0] for _ in range(runs))
    a, b = (json.loads((workdir / f"audit-report-{n}.json").read_text(encoding="utf-8"))["findings"]
            for n in ("calamine", "openpyxl"))
    out["same_findings"] = a == b
    return out


def figures(workdir: Path, sizes, runs: int) -> dict:
    return {"fixed": fixed_cost(workdir, runs), "sizes": [audit_figures(workdir, n, runs) for n in sorted(sizes)],
            "xlsx": xlsx_figures(workdir, XLSX_ROWS, runs)}


def format_audit(figs: dict) -> str:
    results, fixed = figs["sizes"], figs["fixed"]
    lines = ["== “双公示”数据检查（audit，生成的行政处罚数据，每 100 行埋一个错误；CSV UTF-8）=="]
    for r in results:
        lines += [f"  {r['rows']:,} 行（{r['bytes'] / 2 ** 20:.0f} MiB，生成 {r['generate']:.1f} s，块 {r['block_mb']} MB）",
                  f"    读取下限（同一读取器和引擎，什么也不做）{r['floor']:.2f} s，峰值内存 {r['floor_peak_mib']:.0f} MiB",
                  f"    检查（命令行，JSON 报告）{r['audit']:.2f} s = 下限的 {r['ratio']:.2f} 倍（目标 ≤ 2），"
                  f"{r['rows_per_second']:,.0f} 行/秒，峰值内存 {r['peak_mib']:.0f} MiB（目标：百万行 ≤ 1 GB）",
                  f"    埋下的错误找到 {r['planted_found']}/{r['planted']}，共 {r['findings']:,} 个问题"]
    lines.append(f"  固定开销（一行的数据：进程启动、加载规则库、写报告）{fixed:.2f} s")
    x = figs.get("xlsx")
    if x:
        lines.append(f"  XLSX {x['rows']:,} 行：calamine 读取 {x['calamine']:.2f} s（{x['rows'] / x['calamine']:,.0f} 行/秒），"
                     f"openpyxl 只读流式 {x['openpyxl']:.2f} s（{x['rows'] / x['openpyxl']:,.0f} 行/秒），"
                     f"快 {x['openpyxl'] / x['calamine']:.1f} 倍；两者的问题" + ("相同" if x["same_findings"] else "不同（须检查）"))
    if len(results) > 1:
        a, b = results[0], results[-1]
        rate = [r["rows"] / max(r["audit"] - fixed, 1e-9) for r in (a, b)]
        lines.append(f"  是否线性：{b['rows'] // a['rows']} 倍的行数用了 {(b['audit'] - fixed) / (a['audit'] - fixed):.1f} 倍的"
                     f"时间（除去固定开销；每秒行数 {rate[0]:,.0f} → {rate[1]:,.0f}）")
    return "\n".join(lines)
