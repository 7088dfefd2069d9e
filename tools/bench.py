"""`python -m tools bench`: speed and memory on a synthetic corpus shaped like the real records.

For each size it prints the bare libyaml parse of the same files (the floor), then what a user waits for: the
lint command's total, its phases (load, graph, rules: a probe process calls the lint with an ``on_phase``
callback) and peak memory, a re-lint after touching one file, and for the site sizes a full build with its
search-index size. Every figure is wall time measured from outside, from the start of a fresh process
(interpreter start-up included), the median of several runs. On the real data it also prints what a first
visit to the site transfers in a real browser (home page, a record page without and with a diagram) and the
search index's size, and what the static API (api/v1) adds to a site build (whole builds with and without it,
alternating, and its files written alone). Figures are printed, never asserted: targets belong here, not in tests.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tools.rules import all_rules
from tools.site.publish import serve_config

REPO = Path(__file__).resolve().parent.parent
DATA = ("policies", "sanction_lists", "procedures")
CHECK_JSONSCHEMA_MAX = 1000  # check-jsonschema takes about 6 s per 1,000 files here: compared at the smaller sizes
FLOOR = """
import sys, yaml
from pathlib import Path
for top in ("policies", "catalogs", "sanction_lists", "procedures"):
    for p in Path(sys.argv[1], top).rglob("*.yml"):
        yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)
"""
# The lint as the command line runs it (all cores, no cache, JSON report), with the end of each phase and the
# peak memory reported on stderr. The engine knows nothing of the benchmark: it only calls on_phase.
PROBE = """
import json, os, resource, sys, time
from tools.lint import lint
from tools.report import REPORTERS
marks = {}
result = lint(sys.argv[1], workers=os.cpu_count() or 1, on_phase=lambda phase: marks.__setitem__(phase, time.time()))
sys.stdout.write(REPORTERS["json"](result).text)
marks["total"] = time.time()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print("BENCH " + json.dumps({"marks": marks, "peak_kib": peak, "worker_peak_kib": workers}), file=sys.stderr)
"""


def make_corpus(root: Path, entries: int) -> Path:
    """The real documents, lists and procedures plus `entries` catalog entries cloned from the real ones."""
    root.mkdir(parents=True)
    for d in DATA:
        shutil.copytree(REPO / d, root / d)
    shutil.copytree(REPO / "catalogs", root / "catalogs")
    shutil.copy(REPO / "waivers.yml", root / "waivers.yml")
    if (REPO / "search_terms.yml").is_file():  # people's words for search, as in the real site
        shutil.copy(REPO / "search_terms.yml", root / "search_terms.yml")
    serve_config(root, REPO / "mkdocs.yml")
    models = sorted((REPO / "catalogs" / "catalog-national-2024").glob("*.yml"))
    waived = set(re.findall(r"record: (\S+)", (REPO / "waivers.yml").read_text(encoding="utf-8")))
    # models without waivers, so that the corpus lints clean (and so builds) like the real repository
    models = [m for m in models if m.name != "catalog.yml" and m.stem not in waived]
    edition = (REPO / "catalogs/catalog-national-2024/catalog.yml").read_text(encoding="utf-8")
    bench = root / "catalogs" / "catalog-bench"
    bench.mkdir()
    (bench / "catalog.yml").write_text(
        edition.replace("id: catalog-national-2024", "id: catalog-bench").replace("supersedes: catalog-national-2022",
                                                                                 "supersedes: null"),
        encoding="utf-8")
    texts = [(m.stem, m.read_text(encoding="utf-8")) for m in models]
    for i in range(entries):
        stem, text = texts[i % len(texts)]
        rid = f"bench-{i:05d}"
        body = text.replace(f"id: {stem}\n", f"id: {rid}\n", 1)
        body = body.replace("\nname: ", f"\nname: 第{i}项 ", 1)
        (bench / f"{rid}.yml").write_text(body, encoding="utf-8")
    return root


def _run(cmd, env=None, ok=(0, 1), stdin: str | None = None) -> tuple[float, dict]:
    """Wall time of a fresh process and what it reported on stderr as JSON (phases, peak memory)."""
    start = time.time()
    out = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **(env or {})}, cwd=REPO,
                         input=stdin)
    wall = time.time() - start
    report = {}
    for line in out.stderr.splitlines():
        if line.startswith("BENCH "):
            report = json.loads(line[6:])
            report["phases"] = {k: v - start for k, v in report.get("marks", {}).items()}
    if out.returncode not in ok:
        raise RuntimeError(f"{cmd} failed: {out.stderr[-2000:]}")
    return wall, report


def _median(runs, fn):
    values = [fn() for _ in range(runs)]
    return statistics.median(values), values


def bench_size(n: int, runs: int, site: bool, workdir: Path) -> dict:
    corpus = make_corpus(workdir / f"corpus-{n}", n)
    py = sys.executable
    lint_cmd = [py, "-m", "tools", "--root", str(corpus), "lint", "--format", "json"]
    cache_env = {"XDG_CACHE_HOME": str(workdir / "cache")}  # the re-lint's cache, away from the user's own
    floor, _ = _median(runs, lambda: _run([py, "-c", FLOOR, str(corpus)], ok=(0,))[0])
    total, _ = _median(runs, lambda: _run([*lint_cmd, "--no-cache"])[0])
    reports = [_run([py, "-c", PROBE, str(corpus)])[1] for _ in range(runs)]
    phases = {k: statistics.median(r["phases"][k] for r in reports) for k in reports[0]["phases"]}
    peak = max(r.get("peak_kib", 0) for r in reports)
    _run(lint_cmd, cache_env)  # warm the cache
    first = next((corpus / "catalogs" / "catalog-bench").glob("bench-*.yml"))

    def touched():
        first.write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        return _run(lint_cmd, cache_env)[0]

    relint, _ = _median(runs, touched)
    files = sum(1 for d in ("policies", "catalogs", "sanction_lists", "procedures") for _ in (corpus / d).rglob("*.yml"))
    result = {"entries": n, "files": files, "floor": floor, "lint": total,
              "phases": phases, "peak_mib": peak / 1024, "rules": len(all_rules()),
              "worker_peak_mib": max(r.get("worker_peak_kib", 0) for r in reports) / 1024,
              "relint_one_file": relint, "ratio": total / floor}
    result.update(_graph_figures(corpus))
    if site:
        out = workdir / f"site-{n}"
        start = time.time()
        code = subprocess.run([py, "-m", "tools", "--root", str(corpus), "build", "--site-dir", str(out)],
                              capture_output=True, cwd=REPO).returncode
        if code != 0:
            raise RuntimeError(f"the synthetic corpus of {n} entries did not build (exit {code})")
        result["site_build"] = time.time() - start
        index = out / "search" / "search_index.json"
        result["search_index_mib"] = index.stat().st_size / 2**20 if index.exists() else None
        result["site_pages"] = sum(1 for _ in out.rglob("index.html"))
        result["plain_mkdocs"] = _plain_mkdocs(corpus, workdir / f"plain-{n}")
    checker = shutil.which("check-jsonschema") or (Path(sys.executable).parent / "check-jsonschema")
    if Path(checker).exists() and n <= CHECK_JSONSCHEMA_MAX:
        # the same entry files against the same JSON Schema the editors use; it checks the schema only
        entries = [str(p) for p in sorted((corpus / "catalogs" / "catalog-bench").glob("*.yml"))]

        def check_once():
            start = time.time()
            subprocess.run([str(checker), "--schemafile", str(REPO / "schemas/catalog_entry.schema.json"), *entries],
                           capture_output=True)
            return time.time() - start

        result["check_jsonschema"], _ = _median(runs, check_once)
    return result


def write_plain_source(corpus: Path, out: Path, as_of) -> Path:
    """The site's pages of a corpus as plain files with a hook-free configuration: what a plain ``mkdocs build``
    of the same generated pages needs."""
    from tools.base.provenance import commit_info
    from tools.lint import lint
    from tools.site import publish
    from tools.site.pages import Site

    result = lint(corpus, as_of)
    pages = Site(result.repo, result.rules, result.as_of, commit_info(corpus)).pages()
    out.mkdir(parents=True)
    docs = publish.write_sources(pages, corpus / "docs", out / "docs")
    return publish.plain_config(out / "mkdocs.yml", corpus / "mkdocs.yml", docs, out / "site")


def _plain_mkdocs(corpus: Path, out: Path) -> float:
    """A plain `mkdocs build` (no hooks, no lint, no exports) of the same generated pages, in a fresh process."""
    from tools.base.provenance import build_time
    from tools.site.publish import run_mkdocs

    config = write_plain_source(corpus, out, build_time(corpus).date())  # the date our build of the corpus uses
    start = time.time()
    done = run_mkdocs(config, cwd=corpus)
    if done.returncode != 0:
        raise RuntimeError(f"plain mkdocs build failed: {done.stderr[-2000:]}")
    return time.time() - start


def _graph_figures(corpus) -> dict:
    from tools.graph.build import build_graph
    from tools.graph.queries import impact
    from tools.model.repository import load_repository

    repo, _ = load_repository(corpus)
    start = time.perf_counter()
    g = build_graph(repo, all_rules())
    built = time.perf_counter() - start
    start = time.perf_counter()
    for doc in repo.of_kind("document"):
        impact(g, doc.id)
    return {"graph_build": built, "impact_all_documents": time.perf_counter() - start,
            "documents": len(repo.of_kind("document"))}


# Batch decisions: check + decide of penalty cases as they arrive from JSON (dates as strings), one process, one
# core, the repository loaded first; the rate is printed as one JSON line on stderr.
DECIDE_PROBE = """
import datetime as dt, gc, json, sys, time
from tools.base import gc_scope
from tools.domain.decide import answer_case
from tools.model.repository import load_repository
repo, _ = load_repository(sys.argv[1])
n = int(sys.argv[2])
day = dt.date(2019, 7, 1)
cases = [{"case": "penalty", "subject": "legal_person", "procedure": "ordinary", "as_of": "2026-11-29",
          "severity": ("general", "serious")[i % 2], "decided_on": (day + dt.timedelta(days=i % 2600)).isoformat()}
         for i in range(n)]
today = dt.date(2026, 11, 29)
with gc_scope.paused():
    start = time.perf_counter()
    answers = [answer_case(repo, c, today) for c in cases]
    took = time.perf_counter() - start
assert all(not errors for _, errors in answers)
print("BENCH " + json.dumps({"cases": n, "seconds": took}), file=sys.stderr)
"""
ONE_CASE = json.dumps({"case": "penalty", "subject": "legal_person", "decided_on": "2025-03-01",
                       "procedure": "ordinary", "severity": "general", "as_of": "2026-11-29"})


def decide_figures(workdir: Path, runs: int, batch: int = 20000) -> dict:
    """One case from process start (cache warm, and without cache) and batch decisions per second on one core."""
    py = sys.executable
    env = {"XDG_CACHE_HOME": str(workdir / "cache-decide")}
    cmd = [py, "-m", "tools", "decide", "--format", "json", "-"]
    _run(cmd, env, stdin=ONE_CASE)  # warm the cache
    warm, _ = _median(runs, lambda: _run(cmd, env, stdin=ONE_CASE)[0])
    cold, _ = _median(runs, lambda: _run([*cmd, "--no-cache"], env, stdin=ONE_CASE)[0])
    rates = [(lambda r: r["cases"] / r["seconds"])(_run([py, "-c", DECIDE_PROBE, str(REPO), str(batch)], ok=(0,))[1])
             for _ in range(runs)]
    lines = "\n".join(ONE_CASE for _ in range(batch))
    (workdir / "batch.jsonl").write_text(lines + "\n", encoding="utf-8")
    whole, _ = _median(runs, lambda: _run([*cmd[:-1], str(workdir / "batch.jsonl")], env)[0])
    return {"one_case_warm": warm, "one_case_cold": cold, "batch_rate": statistics.median(rates),
            "batch": batch, "batch_command": whole}


def format_decide(d) -> str:
    return "\n".join([
        "== decide（把规则用于案件）==",
        f"  一个案件（自进程启动，缓存已热）{d['one_case_warm']:.2f} s；不用缓存 {d['one_case_cold']:.2f} s（目标 ≤ 0.3 s）",
        f"  批量判断（单核，检查输入 + 判断）{d['batch_rate']:,.0f} 个/秒（目标 ≥ 20,000）",
        f"  {d['batch']:,} 个案件的 JSON Lines 经命令行（读入、判断、输出 JSON）{d['batch_command']:.1f} s"])


# A site build with or without the static API (tools/api), in a fresh process; the wall time is measured outside.
API_PROBE = """
import os, sys
from tools.build import build
with open(os.devnull, "w") as null:
    sys.exit(build(sys.argv[1], sys.argv[2], api=sys.argv[3] == "1", out=null, err=null))
"""
# The API's files alone, from the loaded repository (the calculator's data given, as the build gives it).
API_GENERATE = """
import json, sys, tempfile, time
from tools.api import write_api
from tools.base.provenance import build_time
from tools.model.repository import load_repository
from tools.site.calculator import calculator_data
repo, _ = load_repository(sys.argv[1])
day = build_time(sys.argv[1]).date()
calc = calculator_data(repo, day)
with tempfile.TemporaryDirectory() as out:
    start = time.perf_counter()
    write_api(repo, out + "/v1", sys.argv[1], day, calculator=calc)
    took = time.perf_counter() - start
print("BENCH " + json.dumps({"seconds": took}), file=sys.stderr)
"""


def api_figures(workdir: Path, runs: int, repo_root: Path = REPO) -> dict:
    """What the static API adds to a site build: the whole build with and without it (alternating runs, medians),
    and the API's files written alone."""
    py = sys.executable
    times: dict = {"1": [], "0": []}
    for i in range(runs):
        for flag in ("0", "1") if i % 2 == 0 else ("1", "0"):
            times[flag].append(_run([py, "-c", API_PROBE, str(repo_root), str(workdir / f"site-api-{flag}"), flag],
                                    ok=(0,))[0])
    generate = statistics.median(_run([py, "-c", API_GENERATE, str(repo_root)], ok=(0,))[1]["seconds"]
                                 for _ in range(runs))
    with_api, without = statistics.median(times["1"]), statistics.median(times["0"])
    return {"with_api": with_api, "without_api": without, "generate": generate,
            "overhead": (with_api - without) / without}


def format_api(d) -> str:
    return (f"== 数据接口（api/v1）==\n  网站构建：有接口 {d['with_api']:.2f} s，无接口 {d['without_api']:.2f} s，"
            f"增加 {d['overhead'] * 100:+.1f} %（目标 ≤ 10 %；接口在 MkDocs 渲染的同时写出）；"
            f"接口文件单独生成 {d['generate']:.2f} s")


# The review (tools/review) on its labelled corpus and on one long document, in a fresh process; the library of
# measures is built once per process, so the per-provision rate is measured inside the probe.
REVIEW_PROBE = """
import datetime, json, sys, time
from pathlib import Path
from tools.model.repository import load_repository
from tools.review import match, review
repo, _ = load_repository(sys.argv[1])
day = datetime.date.fromisoformat(sys.argv[2])
start = time.perf_counter()
lib = match.build(repo, day)
built = time.perf_counter() - start
start = time.perf_counter()
result = review(sys.argv[3:], repo, day, library=lib)
took = time.perf_counter() - start
docs = [{"file": Path(d.file).suffix, "provisions": d.provisions_read, "relevant": len(d.provisions),
         "error": d.error} for d in result.documents]
print("BENCH " + json.dumps({"library": built, "seconds": took, "documents": docs}), file=sys.stderr)
"""


def review_figures(workdir: Path, runs: int, articles: int = 2000) -> dict:
    """Precision and recall on the labelled corpus, the corpus through the command from process start, and one
    long document (``articles`` articles cloned from the corpus) as .txt and .docx -- and as .pdf when reportlab
    (requirements-dev.txt) is installed."""
    import datetime as _dt

    from tools.model.repository import load_repository
    from tools.review.corpus import format_score, score
    from tools.review.read import read

    corpus = REPO / "tests" / "review_corpus"
    day = _dt.date(2026, 11, 29)
    quality = format_score(score(load_repository(REPO)[0], corpus, day))
    files = sorted(str(f) for f in corpus.iterdir() if f.suffix in (".txt", ".md"))
    cmd = [sys.executable, "-m", "tools", "review", "--as-of", day.isoformat(), "--format", "json", *files]
    command, _ = _median(runs, lambda: _run(cmd)[0])
    paragraphs = [b.text for f in files for b in read(f).blocks if b.text.startswith("第") and "条" in b.text[:6]]
    body = [f"第{i + 1}条 " + paragraphs[i % len(paragraphs)].split(" ", 1)[-1] for i in range(articles)]
    long_txt = workdir / "review-long.txt"
    long_txt.write_text("\n".join(body) + "\n", encoding="utf-8")
    import docx

    d = docx.Document()
    for line in body:
        d.add_paragraph(line)
    d.save(str(workdir / "review-long.docx"))
    made = [long_txt, workdir / "review-long.docx"]
    try:
        import reportlab  # noqa: F401  (requirements-dev.txt)

        sys.path.insert(0, str(REPO / "tests"))
        from review_render import write_pdf

        made.append(write_pdf(body, workdir / "review-long.pdf"))
    except ImportError:
        pass
    probe = [sys.executable, "-c", REVIEW_PROBE, str(REPO), day.isoformat()]
    per_format = {}
    for f in made:
        wall, report = _run([*probe, str(f)], ok=(0,))
        doc = report["documents"][0]
        per_format[f.suffix] = {"wall": wall, "seconds": report["seconds"], "provisions": doc["provisions"],
                                "relevant": doc["relevant"], "library": report["library"], "error": doc["error"],
                                "mib": f.stat().st_size / 2**20}
    return {"quality": quality, "command": command, "files": len(files), "long": per_format, "articles": articles}


def format_review(r: dict) -> str:
    lines = ["== review（审查部门文件）==", "  " + r["quality"].replace("\n", "\n  "),
             f"  标注语料 {r['files']} 个文件经命令行（自进程启动，含加载规则库）{r['command']:.2f} s"]
    for suffix, v in r["long"].items():
        if v["error"]:
            lines.append(f"  {r['articles']} 条的长文件（{suffix}）无法读取：{v['error']}")
            continue
        lines.append(f"  {r['articles']} 条的长文件（{suffix}，{v['mib'] * 1024:,.0f} KB）：读取和审查 {v['seconds']:.2f} s"
                     f"（{v['provisions'] / v['seconds']:,.0f} 条/秒，其中涉及惩戒或名单的 {v['relevant']} 条），"
                     f"自进程启动 {v['wall']:.2f} s；建立措施词库 {v['library'] * 1000:.0f} ms")
    if ".pdf" not in r["long"]:
        lines.append("  未装 reportlab（requirements-dev.txt），没有测 PDF")
    return "\n".join(lines)


def real_site(workdir: Path) -> dict:
    out = workdir / "site-real"
    start = time.time()
    _run([sys.executable, "-m", "tools", "build", "--site-dir", str(out)])
    index = out / "search" / "search_index.json"
    return {"site_build": time.time() - start, "search_index_mib": index.stat().st_size / 2**20, "site": out}


# -- page weight in a real browser ----------------------------------------------------------------------------
CHROMIUM = "/usr/bin/chromium"  # Debian's Chromium (make browser), driven by the pinned playwright
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE_WIDTH = 375


class SiteServer:
    """A built site served on 127.0.0.1 that records the body size of every response it sends: what a browser
    transfers (uncompressed, the server compresses nothing)."""

    def __init__(self, root: Path):
        import functools
        import http.server
        import threading

        sent = self.sent = []

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def send_head(self):
                f = super().send_head()
                if f is not None and hasattr(f, "fileno"):
                    sent.append((self.path, os.fstat(f.fileno()).st_size))
                return f

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def first_visit(browser, server: SiteServer, path: str, width: int = PHONE_WIDTH, then=None) -> dict:
    """Every request of a first visit to ``path`` (a fresh browser context: nothing cached), until the network
    is idle: {"bytes", "requests": [(path, bytes)], "outside": [urls blocked], "errors", "scroll_width"}.
    ``then(page)``, if given, acts on the page before it closes (its requests count too)."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    outside, errors = [], []
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server.base)
               else (outside.append(route.request.url), route.abort()))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    start = len(server.sent)
    try:
        page.goto(server.base + path, wait_until="networkidle")
        page.wait_for_timeout(300)  # anything started late by the page's scripts
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if then is not None:
            then(page)
            page.wait_for_load_state("networkidle")
    finally:
        context.close()
    requests = server.sent[start:]
    return {"bytes": sum(n for _, n in requests), "requests": requests, "outside": outside, "errors": errors,
            "scroll_width": scroll}


def sample_pages(site: Path, repo_root: Path = REPO) -> dict:
    """The pages the weight targets are about: the home page, a record page without a diagram and one with a
    diagram (None where the site has none), as URLs relative to the site root."""
    from tools.model.repository import load_repository
    from tools.site.pages import page_uri
    from tools.site.search import page_url

    repo, _ = load_repository(repo_root)
    plain, diagram = None, None
    for rec in sorted(repo.records, key=lambda r: (r.kind != "measure", r.kind, r.id)):
        html = site / page_url(page_uri(rec)) / "index.html"
        if not html.is_file():
            continue
        shows = 'class="mermaid"' in html.read_text(encoding="utf-8")
        if shows and diagram is None:
            diagram = page_url(page_uri(rec))
        if not shows and plain is None:
            plain = page_url(page_uri(rec))
    return {"home": "", "record": plain, "diagram": diagram}


def page_weights(site: Path, repo_root: Path = REPO) -> dict:
    """First-visit bytes of the sample pages in Chromium, and the search index's size; {"skipped": reason}
    where there is no browser."""
    index = site / "search" / "search_index.json"
    out = {"search_index": index.stat().st_size if index.is_file() else None}
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {**out, "skipped": "未安装 playwright（requirements-dev.txt）"}
    if not os.path.exists(CHROMIUM):
        return {**out, "skipped": "没有 Chromium（make browser）"}
    server = SiteServer(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                for name, path in sample_pages(site, repo_root).items():
                    out[name] = None if path is None else {"path": path, **first_visit(browser, server, path)}
            finally:
                browser.close()
    finally:
        server.close()
    return out


def format_weights(w: dict) -> str:
    kb = lambda n: f"{n / 1000:,.0f} KB"  # noqa: E731
    lines = ["== 网页重量（真实数据网站，Chromium 首次访问、不用缓存，全部请求的响应体字节数，未压缩）=="]
    if w.get("skipped"):
        lines.append(f"  未测：{w['skipped']}")
    labels = {"home": "首页", "record": "记录页（无关系图）", "diagram": "有关系图的页面"}
    targets = {"home": "目标 ≤ 400 KB", "record": "目标 ≤ 400 KB", "diagram": "关系图库只在此类页面加载"}
    for key, label in labels.items():
        if key not in w:
            continue
        v = w[key]
        if v is None:
            lines.append(f"  {label}：本站没有这样的页面")
            continue
        lines.append(f"  {label} /{v['path']}：{kb(v['bytes'])}，{len(v['requests'])} 个请求（{targets[key]}）"
                     + ("；站外请求 " + str(len(v["outside"])) if v["outside"] else ""))
    if w.get("search_index") is not None:
        lines.append(f"  搜索索引 {kb(w['search_index'])}（目标 ≤ 600 KB；首次使用搜索时才下载）")
    return "\n".join(lines)


def run(sizes, site_entries, runs: int, audit_rows=(), only_audit: bool = False) -> list[dict]:
    results = []
    with tempfile.TemporaryDirectory(prefix="benxi-bench-") as tmp:
        work = Path(tmp)
        if audit_rows:  # the 双公示 feed audit (tools/audit/speed.py): generated feeds, floor and audit
            from tools.audit.speed import figures, format_audit

            print(format_audit(figures(work, audit_rows, runs)), flush=True)
        if only_audit:
            return results
        real = real_site(work)
        print(f"真实数据网站构建 {real['site_build']:.1f} s，搜索索引 {real['search_index_mib']:.2f} MiB", flush=True)
        print(format_weights(page_weights(real["site"])), flush=True)
        print(format_api(api_figures(work, runs)), flush=True)
        print(format_decide(decide_figures(work, runs)), flush=True)
        print(format_review(review_figures(work, runs)), flush=True)
        for n in sorted(set(sizes) | set(site_entries)):
            r = bench_size(n, runs, site=(n in site_entries), workdir=work)
            results.append(r)
            print(format_result(r), flush=True)
        built = [r for r in results if "site_build" in r]
        if len(built) > 1:
            per = "，".join(f"{r['site_pages']} 页 {r['site_build'] / r['site_pages'] * 1000:.1f} ms/页" for r in built)
            print(f"网站构建是否线性（每页耗时应大致不变）：{per}", flush=True)
    return results


def format_result(r) -> str:
    p = r["phases"]
    lines = [f"== {r['entries']} 条合成目录条目（共 {r['files']} 个文件）==",
             f"  libyaml 裸解析（下限）  {r['floor']:.2f} s",
             "  检查各阶段（自进程启动，探针进程）" + "，".join(f"{k} {v:.2f} s" for k, v in p.items()),
             f"  检查合计               {r['lint']:.2f} s   = 下限的 {r['ratio']:.2f} 倍（目标 ≤ 1.5）",
             f"  峰值内存               {r['peak_mib']:.0f} MiB" + (
                 f"（子进程最大驻留 {r['worker_peak_mib']:.0f} MiB，含与主进程共享的内存页）" if r["worker_peak_mib"] else ""),
             f"  改动一个文件后重查     {r['relint_one_file']:.2f} s（目标 ≤ 0.5 s）",
             f"  依据关系图构建         {r['graph_build'] * 1000:.0f} ms；全部 {r['documents']} 个文件的影响分析 "
             f"{r['impact_all_documents']:.2f} s"]
    if "site_build" in r:
        lines.append(f"  网站构建               {r['site_build']:.1f} s，{r['site_pages']} 个页面，搜索索引 "
                     f"{r['search_index_mib']:.2f} MiB")
        lines.append(f"  同一批页面的 mkdocs build {r['plain_mkdocs']:.1f} s；本工具构建 = 其 "
                     f"{r['site_build'] / r['plain_mkdocs']:.2f} 倍（目标 ≤ 1.2；本工具另含检查、依据图和导出）")
    if "check_jsonschema" in r:
        lines.append(f"  check-jsonschema（同一批条目，只校验 JSON Schema）{r['check_jsonschema']:.2f} s；本工具完整检查"
                     f"（全部文件、{r['rules']} 条规则）= 其 {r['lint'] / r['check_jsonschema']:.2f} 倍（目标 < 1）")
    elif r["entries"] <= CHECK_JSONSCHEMA_MAX:
        lines.append("  check-jsonschema 未安装，未作比较（make bench 会安装）")
    return "\n".join(lines)
