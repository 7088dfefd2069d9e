"""``python -m tools …``: a thin command layer over load -> model -> domain -> rules -> lint/graph -> outputs.

The command line is where the process-wide choices are made: how many processes (--workers), whether the
content cache is used (on; --no-cache or TOOLS_NO_CACHE=1 turn it off), where output goes (standard output,
and $GITHUB_STEP_SUMMARY for the github format). The layers below take these as arguments.

Exit codes: 0 clean, 1 lint errors (or warnings with --strict), 2 usage error or internal failure.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import sys
import traceback
from pathlib import Path

from tools.base.argparse_zh import ChineseParser

REPO_ROOT = Path(__file__).resolve().parent.parent


def default_root() -> Path:
    """This repository (the package's folder's parent, wherever the command is started), or -- when the package
    is installed elsewhere, as other repositories' pre-commit hook installs it -- the current folder."""
    return REPO_ROOT if (REPO_ROOT / "policies").is_dir() else Path.cwd()


def _date(text: str) -> _dt.date:
    try:
        if len(text) != 10 or text[4] != "-" or text[7] != "-":
            raise ValueError(text)
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是 YYYY-MM-DD 格式的日期") from None


def _parser() -> argparse.ArgumentParser:
    common = ChineseParser(add_help=False)  # --root is accepted before or after the command
    common.add_argument("--root", type=Path, default=argparse.SUPPRESS, help="仓库根目录（默认：本仓库）")
    common.add_argument("--workers", type=int, default=argparse.SUPPRESS,
                        help="最多用几个进程解析文件和运行规则（默认：CPU 核数；1 表示单进程）")
    common.add_argument("--no-cache", action="store_true", default=argparse.SUPPRESS,
                        help="不读写检查缓存（也可设置环境变量 TOOLS_NO_CACHE=1）")
    p = ChineseParser(prog="python -m tools", parents=[common],
                      description="本溪市社会信用规则仓库工具。每个命令的用法：python -m tools 命令 -h",
                      epilog="退出码：0 没有问题；1 检查发现错误（--strict 时警告也算）；2 用法错误或内部错误。")
    sub = p.add_subparsers(dest="command", required=True, title="命令", metavar="命令")

    def add(name, **kw):
        return sub.add_parser(name, parents=[common], **kw)

    lint = add("lint", help="检查记录")
    lint.add_argument("paths", nargs="*", help="只报告这些文件或文件夹中的问题（仍加载整个仓库）")
    lint.add_argument("--format", choices=["text", "json", "github", "sarif"], default="text")
    lint.add_argument("--strict", action="store_true", help="有警告也以 1 退出")
    lint.add_argument("--as-of", type=_date, help="基准日 YYYY-MM-DD（默认今天）")
    lint.add_argument("--errors-only", "--quiet", "-q", action="store_true", dest="errors_only",
                      help="只列出错误（text 格式；警告和豁免只计入汇总行）")
    lint.add_argument("--show-waived", action="store_true", help="逐条列出已豁免的问题（text 格式，默认只汇总成一行）")

    build = add("build", help="检查、建图并生成网站到 site/")
    build.add_argument("--as-of", type=_date)
    build.add_argument("--site-dir", type=Path, help="输出目录（默认 site/）")

    rules = add("rules", help="列出全部检查规则及其依据的方案条款")
    rules.add_argument("--coverage", action="store_true", help="按方案条款列出：哪些规则检查，或为何留给人工")

    add("stats", help="按记录类型统计数量、已核实比例和证据等级")

    schema = add("schema", help="由 cerberus 模式生成 JSON Schema（编辑器补全和检查用）")
    schema.add_argument("--out", type=Path, default=None, help="输出目录（默认 schemas/）")
    schema.add_argument("--check", action="store_true", help="只检查已提交的 JSON Schema 是否与生成结果一致")

    impact = add("impact", help="某文件或条款被废止时，哪些记录受影响（传递依赖及路径）")
    impact.add_argument("target", help="文件 id，或 文件 id#条款 id")
    impact.add_argument("--format", choices=["text", "json"], default="text")

    why = add("why", help="某条记录的依据链：条款、文件和约束它的方案条款")
    why.add_argument("record", help="记录 id")
    why.add_argument("--format", choices=["text", "json"], default="text")
    why.add_argument("--as-of", type=_date)

    query = add("query", help="列入某名单后适用哪些惩戒措施（联合惩戒比对）")
    query.add_argument("--list", required=True, dest="list_id", help="名单制度 id")
    query.add_argument("--format", choices=["text", "json"], default="text")
    query.add_argument("--as-of", type=_date)

    new = add("new", help="新建一条记录的草稿（含全部字段和可选值说明）")
    new.add_argument("kind", choices=["document", "entry", "measure", "list"],
                     help="记录类型：document 政策法规文件，entry 目录条目，measure 惩戒措施，list 名单制度")
    new.add_argument("--id", required=True, help="记录 id（文件名）：以小写英文字母或数字开头，只含小写英文字母、数字、连字符（-）、点（.）和下划线（_），建议只用连字符")
    new.add_argument("--name", required=True, help="正式名称")
    new.add_argument("--catalog", help="目录版本 id（entry）")
    new.add_argument("--list", dest="measure_list", help="清单版本 id（measure）")
    new.add_argument("--jurisdiction", default="national", choices=["national", "liaoning", "benxi"],
                     help="地域（document）")

    imp = add("import-xlsx", help="把目录表格（信息类别、信息名称、提供单位、纳入依据……）导入为目录条目草稿")
    imp.add_argument("file", type=Path, help="Excel 工作簿（.xlsx）；表头可以在标题行下面，合并单元格按每行填写读取")
    imp.add_argument("--catalog", required=True, help="目录版本 id")
    imp.add_argument("--update", action="store_true",
                     help="表格中已有条目（id 相同，或没有 id 列时信息名称相同）的内容与记录不同时，用表格内容更新记录")

    exp = add("export-xlsx", help="把一个目录版本按导入表格的格式导出")
    exp.add_argument("--catalog", required=True, help="目录版本 id")
    exp.add_argument("--out", type=Path, required=True, help="要写出的 .xlsx 文件")

    owners = add("owners", help="由 owners.yml 生成 .github/CODEOWNERS（谁产生、谁负责）")
    owners.add_argument("--check", action="store_true", help="只检查 CODEOWNERS 是否与生成结果一致")
    owners.add_argument("--suggest", action="store_true", help="列出按关键词应由某部门审核、却没有路径模式覆盖的记录")

    diff = add("diff", help="比较两个目录或清单版本（或两个 git 版本）：新增、删除、修改及字段变化")
    diff.add_argument("old", help="旧版本：目录或清单版本 id，或 git 版本")
    diff.add_argument("new", help="新版本：目录或清单版本 id，或 git 版本")
    diff.add_argument("--format", choices=["text", "json"], default="text")

    decide = add("decide", help="把规则用于具体案件：是否属于公共信用信息、公示期限、最早修复日期、适用的惩戒措施及其依据")
    decide.add_argument("inputs", nargs="*", help="案件文件（YAML、JSON 或 JSON Lines，每个文件一个案件或一批）；- 或省略表示标准输入")
    decide.add_argument("--format", choices=["text", "json"], default="text")
    decide.add_argument("--as-of", type=_date, help="案件没有写 as_of 时的基准日（默认今天）")
    decide.add_argument("--check", nargs="+", metavar="案件文件或文件夹",
                        help="运行写有预期答案的案件文件（如 tests/cases），逐一比对")

    bench = add("bench", help="在合成数据上测量速度和内存（打印数字，不做断言）")
    bench.add_argument("--entries", default="1000,10000", help="合成目录条目数，逗号分隔（默认 1000,10000）")
    bench.add_argument("--site-entries", default="500,1000",
                       help="在这些规模上也构建网站，逗号分隔，两个以上可看出是否线性（默认 500,1000；0 表示不构建）")
    bench.add_argument("--runs", type=int, default=3, help="每项测量的次数，取中位数")
    bench.add_argument("--audit-rows", default="100000,1000000",
                       help="“双公示”数据检查（audit）在这些行数的生成数据上测量，逗号分隔（默认 100000,1000000；0 表示不测）")
    bench.add_argument("--only-audit", action="store_true", help="只测 audit（几十秒），不测检查、网站和 decide")

    feedback = add("feedback-check", help="检查联合惩戒结果反馈文件（JSON、JSON Lines 或中文表头的 CSV）是否符合数据接口的反馈模式")
    feedback.add_argument("file", type=Path, help="反馈文件：.json（数组）、.jsonl 或 .csv（UTF-8，中文表头）")
    feedback.add_argument("--input-format", choices=["json", "jsonl", "csv"], help="文件格式（默认按扩展名判断）")
    feedback.add_argument("--format", choices=["text", "json"], default="text", help="结果的格式")
    feedback.add_argument("--as-of", type=_date, help="检查日（实施日期不得晚于它；默认今天）")

    audit = add("audit", help="检查“双公示”数据（CSV、XLSX）：必填、格式、代码、重复、不应公示的、公示期限、迟报、个人信息")
    audit.add_argument("files", nargs="+", type=Path, help="数据文件：CSV（UTF-8 或 GBK）或 XLSX，第 1 行为标准的中文表头；几个文件作为一份数据检查")
    audit.add_argument("--kind", required=True, choices=["penalty", "license"], help="penalty 行政处罚，license 行政许可")
    audit.add_argument("--as-of", type=_date, help="基准日 YYYY-MM-DD（默认今天）：判断公示期是否已过、决定日期是否在将来")
    audit.add_argument("--format", choices=["text", "json", "csv", "xlsx"], default="text", help="报告的格式（xlsx 需要 --out）")
    audit.add_argument("--out", type=Path, help="报告写到这个文件（默认标准输出）；写完才出现，出错时不留下半份报告")
    audit.add_argument("--by-unit", type=Path, metavar="文件夹", help="另为每个数据来源单位写一个 XLSX（它自己的问题和有问题的行，个人信息已遮蔽）")
    audit.add_argument("--deadlines", type=Path, metavar="YAML", help="公示时限：default（默认 7 个工作日）和 units（各数据来源单位的工作日数）")
    audit.add_argument("--block-mb", type=int, default=16, help="每次读入的块大小（MB，默认 16）：内存随块大小而不随文件大小增长")

    review = add("review", help="审查部门已出台的失信惩戒措施文件（.docx、.txt/.md、文字版 .pdf）：清单外措施、无法律依据、强制第三方惩戒、擅自设立名单、加重惩戒、缺少程序（方案五（二））")
    review.add_argument("files", nargs="+", type=Path, help="要审查的文件：Word（.docx）、文本（.txt、.md）或有文字层的 PDF（.pdf），可以一次给多个")
    review.add_argument("--format", choices=["text", "json", "xlsx"], default="text",
                        help="报告的格式：text 文字，json 机器可读，xlsx 供部门逐条填写处理意见的审查表（需要 --out）")
    review.add_argument("--out", type=Path, help="报告写到这个文件（默认标准输出）；写完才出现")
    review.add_argument("--as-of", type=_date, help="按这一天施行的清单和名单审查 YYYY-MM-DD（默认今天）")
    review.add_argument("--max-mb", type=int, default=50, help="单个文件的大小上限（MB，默认 50）；超过的文件不读取并说明")

    export = add("export", help="导出 JSON、CSV、XLSX 和联合惩戒清单")
    export.add_argument("--out", type=Path, required=True, help="输出目录")

    graph = add("graph", help="导出依据关系图")
    graph.add_argument("--format", choices=["json", "graphml"], default="json")
    graph.add_argument("--out", type=Path, help="输出文件（默认标准输出）")
    return p


def _rel_paths(root: Path, paths) -> list[str]:
    out = []
    for p in paths:
        full = Path(p).resolve()
        try:
            out.append(full.relative_to(root.resolve()).as_posix() or ".")
        except ValueError:
            raise SystemExit(f"路径 {p} 不在仓库 {root} 之内")
    return out


def _workers(args) -> int:
    return max(1, args.workers) if getattr(args, "workers", None) else (os.cpu_count() or 1)


def _cache(args):
    """The content cache, unless turned off (--no-cache, or TOOLS_NO_CACHE set to anything but empty or 0)."""
    from tools.model.repository import default_cache

    if getattr(args, "no_cache", False) or os.environ.get("TOOLS_NO_CACHE", "") not in ("", "0"):
        return None
    return default_cache()


def _load(args):
    """The repository's model, as the commands that only read it need it."""
    from tools.model.repository import load_repository

    return load_repository(args.root, workers=_workers(args), cache=_cache(args))[0]


def cmd_lint(args) -> int:
    from tools.lint import lint
    from tools.report import REPORTERS

    if not args.root.is_dir():
        print(f"仓库目录不存在：{args.root}", file=sys.stderr)
        return 2
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(f"路径不存在：{'、'.join(missing)}", file=sys.stderr)
        return 2
    from tools.load.yaml_loader import LIBYAML

    if not LIBYAML:
        print("提示：未找到 libyaml，改用纯 Python 的 YAML 解析器（结果相同，但速度慢很多）", file=sys.stderr)
    from tools.base import gc_scope

    # one pause for loading and checking (each pauses on its own, but re-enabling in between would make the
    # collector walk the whole fresh model once); a process that ends after the report then takes the model out
    # of the collector's sight before the pause ends, so no collection ever walks it
    with gc_scope.paused():
        result = lint(args.root, args.as_of, _rel_paths(args.root, args.paths), workers=_workers(args),
                      cache=_cache(args))
        if args.standalone:
            gc_scope.settle()
    report = (REPORTERS["text"](result, errors_only=args.errors_only, show_waived=args.show_waived)
              if args.format == "text" else REPORTERS[args.format](result))
    sys.stdout.write(report.text)
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if report.step_summary is not None and target:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(report.step_summary)
    return result.exit_code(args.strict)


def cmd_rules(args) -> int:
    from tools.base.findings import SEVERITY_ZH
    from tools.rules import all_rules

    if args.coverage:
        return _coverage(args)
    for r in all_rules():
        basis = f"方案{r.clause}" if r.clause else f"（{r.rationale}）"
        print(f"{r.id}\t{SEVERITY_ZH[r.severity]}\t{r.title}\t{basis}")
    return 0


def _coverage(args) -> int:
    from tools.domain.plan import coverage_rows, plan_record
    from tools.rules import all_rules
    from tools.rules.coverage import explanations

    repo = _load(args)
    rows = coverage_rows(repo, all_rules(), explanations())
    for row in rows:
        related = f"；相关规则：{'、'.join(row['related'])}" if row["related"] else ""
        if row["status"] == "rule":
            rest = f"；留给人工的部分：{row['reason']}" if row["reason"] else ""
            print(f"{row['label']}\t规则：{'、'.join(row['rules'])}{related}{rest}")
        elif row["status"] == "manual":
            print(f"{row['label']}\t人工：{row['reason']}{related}")
        else:
            print(f"{row['label']}\t未覆盖（META-002）")
    enforced = sum(1 for r in rows if r["status"] == "rule")
    partial = sum(1 for r in rows if r["status"] == "rule" and r["reason"])
    print(f"共 {len(rows)} 项：{enforced} 项由规则检查（其中 {partial} 项另有留给人工的部分），"
          f"{sum(1 for r in rows if r['status'] == 'manual')} 项留给人工")
    return 1 if plan_record(repo) is None or any(r["status"] == "missing" for r in rows) else 0


def cmd_stats(args) -> int:
    from tools.model.vocab import KINDS

    repo = _load(args)
    print("类型\t数量\t已核实\t核实比例")
    total = verified = 0
    for kind, label in KINDS.items():
        recs = repo.of_kind(kind)
        ok = sum(1 for r in recs if r.data.get("verified") is True)
        total, verified = total + len(recs), verified + ok
        share = f"{ok / len(recs):.0%}" if recs else "—"
        print(f"{label}\t{len(recs)}\t{ok}\t{share}")
    print(f"合计\t{total}\t{verified}\t{verified / total:.0%}" if total else "合计\t0\t0\t—")
    _print_evidence(repo)
    return 0


def _print_evidence(repo) -> None:
    """The grades of evidence: records per kind and grade, and the share read from an official text."""
    from tools.domain import evidence
    from tools.model.vocab import EVIDENCE, KINDS

    print()
    print("证据等级：" + "；".join(f"{k} {v}" for k, v in EVIDENCE.items()))
    print("类型\t" + "\t".join(EVIDENCE) + "\t未标明\t官方比例")
    for label, recs in [*((label, repo.of_kind(kind)) for kind, label in KINDS.items()), ("合计", repo.records)]:
        counts = evidence.counts(recs)
        official, total = evidence.official_share(recs)
        share = f"{official / total:.0%}" if total else "—"
        print(f"{label}\t" + "\t".join(str(counts[g]) for g in EVIDENCE) + f"\t{counts[None]}\t{share}")
    official, total = evidence.official_share(repo.records)
    share = f"{official / total:.0%}" if total else "—"
    print(f"读自官方原文或官方数据库文本的副本（official + official_copy）：{official}/{total}（{share}）")


def _answer(args, data, text_fn) -> int:
    import json

    if args.format == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        sys.stdout.write(text_fn(data))
    return 0


def _graph_context(args):
    from tools.graph.build import build_graph
    from tools.rules import all_rules

    rules = all_rules()
    repo = _load(args)
    return repo, build_graph(repo, rules), rules


def _asked(fn, *a):
    from tools.graph.queries import QueryError

    try:
        return fn(*a)
    except QueryError as exc:
        raise SystemExit(str(exc)) from None


def cmd_impact(args) -> int:
    from tools.graph.queries import impact
    from tools.report.answers import impact_text

    _, g, _ = _graph_context(args)
    return _answer(args, _asked(impact, g, args.target), impact_text)


def cmd_why(args) -> int:
    from tools.graph.queries import why
    from tools.report.answers import why_text

    repo, g, rules = _graph_context(args)
    return _answer(args, _asked(why, repo, g, rules, args.record, args.as_of or _dt.date.today()), why_text)


def cmd_query(args) -> int:
    from tools.graph.queries import joint_sanctions
    from tools.report.answers import query_text

    repo, _, _ = _graph_context(args)
    return _answer(args, _asked(joint_sanctions, repo, args.list_id, args.as_of or _dt.date.today()), query_text)


def cmd_new(args) -> int:
    import re

    from tools.authoring import scaffold
    from tools.lint import lint
    from tools.model.schemas import ID_PATTERN
    from tools.report.text import line

    if not re.match(ID_PATTERN, args.id):
        raise SystemExit(f"“{args.id}”不是合法的 id：只能用小写 ASCII 字母、数字、点、下划线和连字符")
    need = {"entry": ("catalog", "--catalog", "catalogs/{}/catalog.yml"),
            "measure": ("measure_list", "--list", "sanction_lists/measures/{}/list.yml")}.get(args.kind)
    if need:
        value = getattr(args, need[0])
        if not value:
            raise SystemExit(f"新建 {args.kind} 需要 {need[1]}")
        if not (args.root / need[2].format(value)).is_file():
            raise SystemExit(f"版本“{value}”不存在：{need[2].format(value)}")
    opts = {"catalog": args.catalog, "measure_list": args.measure_list, "jurisdiction": args.jurisdiction}
    path = scaffold.target_path(args.root, args.kind, args.id, **opts)
    if path.exists():
        raise SystemExit(f"{path} 已存在：不会覆盖")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(scaffold.skeleton(args.kind, args.id, args.name, **opts), encoding="utf-8")
    rel = path.relative_to(args.root).as_posix()
    print(f"已新建草稿 {rel}。还需填写的内容：")
    for f in lint(args.root, paths=[rel], workers=_workers(args), cache=_cache(args)).findings:
        print(line(f))
    return 0


def cmd_import_xlsx(args) -> int:
    from tools.authoring.xlsx import import_workbook
    from tools.model.vocab import EVIDENCE

    if not args.file.is_file():
        raise SystemExit(f"文件不存在：{args.file}")
    repo = _load(args)
    try:
        result = import_workbook(args.file, repo, args.catalog, args.root / "catalogs" / args.catalog, args.update)
    except ValueError as exc:
        raise SystemExit(str(exc)) from None
    for path in result.written:
        print(f"已导入（草稿）：{path.relative_to(args.root).as_posix()}")
    for u in result.updated:
        note = "；已改为未核实（verified: false），请核对出处后再改回" if u.reset else ""
        if u.grade_kept in EVIDENCE:
            note += (f"；证据等级仍为“{EVIDENCE[u.grade_kept]}”，表格没有写明新内容读自何处，"
                     "请确认（可在表格的“证据等级”列填写，或直接改 evidence）")
        print(f"已更新：{u.path.relative_to(args.root).as_posix()}（{'、'.join(u.fields)}）{note}")
    for p in result.problems:
        print(str(p), file=sys.stderr)
    print(f"新增 {len(result.written)} 条，更新 {len(result.updated)} 条，未变 {len(result.unchanged)} 条，"
          f"{len(result.problems)} 行未能导入")
    return 1 if result.problems else 0


def cmd_export_xlsx(args) -> int:
    from tools.authoring.xlsx import export_workbook

    repo = _load(args)
    try:
        n = export_workbook(repo, args.catalog, args.out)
    except ValueError as exc:
        raise SystemExit(str(exc)) from None
    print(f"已导出 {n} 个条目到 {args.out}")
    return 0


def cmd_owners(args) -> int:
    from tools.authoring.owners import load_mapping, render

    try:
        mapping = load_mapping(args.root)
        text = render(mapping)
    except (OSError, ValueError) as exc:
        raise SystemExit(str(exc)) from None
    if args.suggest:
        from tools.authoring.owners import suggestions

        found = suggestions(_load(args), mapping)
        for path, keyword, reviewers in found:
            print(f"{path}：出现“{keyword}”，但没有 {'、'.join(reviewers)} 审核：可在 owners.yml 为它加一个路径模式")
        print(f"共 {len(found)} 条建议")
        return 0
    target = args.root / ".github" / "CODEOWNERS"
    if args.check:
        current = target.read_text(encoding="utf-8") if target.is_file() else ""
        if current != text:
            print(f"{target}：与 owners.yml 生成的结果不一致，请运行 python -m tools owners", file=sys.stderr)
            return 1
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"已生成 {target}")
    return 0


def cmd_diff(args) -> int:
    from tools.domain import changes
    from tools.report.answers import diff_text

    repo = _load(args)
    try:
        if repo.get(args.old) is not None and repo.get(args.new) is not None:
            result = changes.compare_editions(repo, args.old, args.new)
        else:
            result = changes.compare_revisions(args.root, args.old, args.new)
    except ValueError as exc:
        raise SystemExit(f"无法比较：{exc}") from None
    return _answer(args, changes.as_json(result), diff_text)


def cmd_decide(args) -> int:
    from tools.base import gc_scope
    from tools.domain.decide import answer_case
    from tools.load.cases import read_cases
    from tools.report.decision import plain, text, to_json

    today = args.as_of or _dt.date.today()
    repo = _load(args)
    if args.check:
        return _check_cases(repo, args.check, today)
    sources = args.inputs or ["-"]
    failed = False
    for source in sources:
        if source == "-":
            raw, name = sys.stdin.buffer.read(), "-"
        else:
            path = Path(source)
            if not path.is_file():
                raise SystemExit(f"案件文件不存在：{source}")
            raw, name = path.read_bytes(), path.name
        items, batch, fmt = read_cases(raw, name)
        named = source if len(sources) > 1 or source != "-" else ""
        answers = []
        with gc_scope.paused():  # a batch makes many small acyclic dicts: no collections over the model meanwhile
            for item in items:
                where = "：".join(x for x in (named, item.where) if x)
                answer, errors = (None, [("", item.problem)]) if item.problem else answer_case(repo, item.data, today)
                if errors:
                    failed = True
                    for field, message in errors:
                        print(f"{where or '输入'}：" + (f"字段“{field}”：" if field else "") + message, file=sys.stderr)
                    answer = {"error": {"where": where, "messages": [{"field": f, "message": m} for f, m in errors]}}
                answers.append(answer)
        if args.format == "json" and fmt == "jsonl":
            sys.stdout.write("".join(json.dumps(plain(x), ensure_ascii=False) + "\n" for x in answers))
        elif args.format == "json":
            sys.stdout.write(to_json(answers if batch else answers[0]) + "\n")
        else:
            for item, answer in zip(items, answers):
                if "error" not in answer:
                    sys.stdout.write(text(answer, item.where) + ("\n" if batch else ""))
    return 1 if failed else 0


def _check_cases(repo, paths, today) -> int:
    from tools.casefiles import read, run_one

    cases = read(paths)
    failures = 0
    for c in cases:
        problems = run_one(repo, c, today)
        if problems:
            failures += 1
            print(f"不符 {c.path}:{c.line} {c.name}")
            for p in problems:
                print(f"    {p}")
    print(f"共 {len(cases)} 个案件：相符 {len(cases) - failures} 个，不符 {failures} 个")
    return 1 if failures or not cases else 0


def cmd_bench(args) -> int:
    from tools.bench import run

    sizes = [int(x) for x in args.entries.split(",") if x.strip()]
    sites = [int(x) for x in args.site_entries.split(",") if x.strip() and int(x) > 0]
    audit_rows = [int(x) for x in args.audit_rows.split(",") if x.strip() and int(x) > 0]
    run(sizes, sites, max(1, args.runs), audit_rows=audit_rows, only_audit=args.only_audit)
    return 0


def cmd_export(args) -> int:
    from tools.export import export

    repo, g, _ = _graph_context(args)
    index = export(repo, g, args.out, args.root)
    print(f"已导出 {len(index['files'])} 个文件到 {args.out}")
    return 0


def cmd_feedback_check(args) -> int:
    from tools.api.feedback import check_file, detect, line

    if not args.file.is_file():
        raise SystemExit(f"反馈文件不存在：{args.file}")
    raw = args.file.read_bytes()
    fmt = args.input_format or detect(raw, args.file.name)
    count, problems = check_file(_load(args), raw, args.file.name, args.as_of or _dt.date.today(), fmt)
    bad = len({p.row for p in problems})
    if args.format == "json":
        sys.stdout.write(json.dumps({"file": str(args.file), "format": fmt, "records": count,
                                     "problems": [p.as_dict() for p in problems]}, ensure_ascii=False, indent=2) + "\n")
    else:
        for p in problems:
            print(line(args.file.name, fmt, p))
        print(f"共 {count} 条反馈（{fmt}）：{'全部符合' if not problems else f'{bad} 条有问题（共 {len(problems)} 个问题）'}")
    return 1 if problems else 0


def cmd_audit(args) -> int:
    from tools.audit import FeedError, run

    try:
        return run(args.files, args.kind, args.as_of or _dt.date.today(), _load(args), args.format, args.out,
                   args.by_unit, args.deadlines, max(1, args.block_mb) << 20, sys.stdout)
    except FeedError as exc:
        raise SystemExit(f"无法检查：{exc}") from None


def cmd_review(args) -> int:
    from tools.review import review
    from tools.review.output import render, write_text, write_xlsx

    if args.format == "xlsx" and args.out is None:
        raise SystemExit("--format xlsx 需要用 --out 指定输出文件（.xlsx）")
    if args.out is not None and not args.out.resolve().parent.is_dir():
        raise SystemExit(f"输出文件所在的文件夹不存在：{args.out.parent}")
    if args.max_mb < 1:
        raise SystemExit("--max-mb 至少为 1")
    result = review(args.files, _load(args), args.as_of or _dt.date.today(), args.max_mb << 20)
    for d in result.documents:
        if d.error:
            print(f"无法读取 {d.file}：{d.error}", file=sys.stderr)
    if not result.read:
        print("没有能读取的文件，未审查", file=sys.stderr)
        return 2
    if args.format == "xlsx":
        write_xlsx(result, args.out)
    elif args.out is not None:
        write_text(render(result, args.format), args.out)
    else:
        sys.stdout.write(render(result, args.format))
    if args.out is not None:
        n = sum(d.findings for d in result.documents)
        print(f"已写出审查报告到 {args.out}：{len(result.read)} 个文件，提示 {n} 个（供人工确认的建议）")
    return result.exit_code()


def cmd_schema(args) -> int:
    from tools.model.jsonschema import render_all

    out = args.out or args.root / "schemas"
    files = render_all()
    if args.check:
        stale = [name for name, text in files.items()
                 if not (out / name).is_file() or (out / name).read_text(encoding="utf-8") != text]
        extra = sorted(p.name for p in out.glob("*.schema.json") if p.name not in files) if out.is_dir() else []
        for name in stale + extra:
            print(f"{out / name}：与生成结果不一致，请运行 python -m tools schema 重新生成", file=sys.stderr)
        if not (stale or extra):
            print(f"{out} 中的 {len(files)} 个 JSON Schema 与数据模型一致")
        return 1 if stale or extra else 0
    out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    print(f"已生成 {len(files)} 个 JSON Schema 到 {out}")
    return 0


def cmd_build(args) -> int:
    from tools.build import build

    return build(args.root, args.site_dir, args.as_of, workers=_workers(args), cache=_cache(args))


def cmd_graph(args) -> int:
    from tools.graph.serialize import serialize

    repo, g, _ = _graph_context(args)
    text = serialize(g, args.format)
    if args.out is None:
        sys.stdout.write(text)
    else:
        tmp = args.out.with_name(args.out.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(args.out)
        print(f"已写出依据关系图（{args.format}，{g.number_of_nodes()} 个节点、{g.number_of_edges()} 条边）到 {args.out}")
    return 0


COMMANDS = {"lint": cmd_lint, "rules": cmd_rules, "build": cmd_build, "graph": cmd_graph, "stats": cmd_stats,
            "schema": cmd_schema, "impact": cmd_impact, "why": cmd_why, "query": cmd_query, "export": cmd_export, "diff": cmd_diff, "owners": cmd_owners, "new": cmd_new, "import-xlsx": cmd_import_xlsx,
            "export-xlsx": cmd_export_xlsx, "bench": cmd_bench, "decide": cmd_decide,
            "feedback-check": cmd_feedback_check, "audit": cmd_audit, "review": cmd_review}


def main(argv=None, standalone: bool = False) -> int:
    """Run one command. ``standalone``: this process ends when it returns (``python -m tools``)."""
    from tools.base import gc_scope

    args = _parser().parse_args(argv)
    args.standalone = standalone
    if not hasattr(args, "root"):  # not given before or after the command
        args.root = default_root()
    try:
        code = COMMANDS[args.command](args)
        if standalone:
            sys.stdout.flush()
            sys.stderr.flush()
            gc_scope.before_exit()  # the process ends now: no final collection over the whole model
        return code
    except SystemExit as exc:
        if isinstance(exc.code, str):
            print(exc.code, file=sys.stderr)
            return 2
        raise
    except BrokenPipeError:
        return 0
    except Exception:  # an internal failure is exit 2 with the trace on stderr, never a silent 0 or 1
        print("内部错误（请将以下信息报告给维护者）：", file=sys.stderr)
        traceback.print_exc()
        return 2
