"""Generate the site's Markdown pages from the loaded model (plain Markdown: MkDocs or Zensical render it).

Every ``{{ value }}`` in a template passes through :func:`tools.site.escape.md` unless it is ``Markup`` made by a
helper here (links, anchors): a YAML string can never become markup, a link or a script.
"""
from __future__ import annotations

import datetime as _dt
import html
import json
import posixpath
import re
from collections import defaultdict
from functools import lru_cache
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from tools.base.findings import SEVERITY_ZH
from tools.domain.changes import edition_changes
from tools.domain.decide import last_day
from tools.domain.levels import NATIONAL, TIER_ZH
from tools.domain import durations
from tools.domain import evidence as grades
from tools.domain.citations import book_title
from tools.domain.measures import rows as measure_rows
from tools.domain.plan import PLAN_DOC, clause_provision, coverage_rows
from tools.domain.workdays import CALENDAR
from tools.model import vocab
from tools.model.records import iter_citations
from tools.rules.coverage import explanations
from tools.rules.registry import RULE_ID
from tools.site import calculator
from tools.site.escape import code_block, md
from tools.site.plain import Plain, evidence_words
from tools.site.search import page_boost
from tools.site.guide import repair_sections
from tools.site.why import why_section

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
LEVEL_ORDER = list(vocab.LEVELS)
# Pages for the people who edit and review the records: technical words (field names, ids) are in place there.
EDITOR_PAGES = {"rules.md", "coverage.md", "data-model.md"}
# What the public most often looks for ranks first in search: the lists and the measures that follow from them.
SEARCH_BOOST = {"list_regime": 4, "measure": 2}
STEPS = [("notice", "事先告知"), ("objection", "异议处理"), ("decision", "认定决定"), ("judicial", "司法程序")]


# Where each kind of record is published: a format of (record id, its edition or list).
PAGE_URIS = {
    "document": "documents/{id}.md",
    "catalog_edition": "catalogs/{id}/index.md",
    "catalog_entry": "catalogs/{group}/{id}.md",
    "measure_list": "measures/{id}/index.md",
    "measure": "measures/{group}/{id}.md",
    "list_regime": "lists/{id}.md",
    "collection_route": "procedures/routes/{id}.md",
    "repair_regime": "procedures/repair/{id}.md",
}


def page_uri(rec) -> str:
    """Where a record's page lives in the site (a Markdown source path)."""
    return PAGE_URIS[rec.kind].format(id=rec.id, group=rec.group)


def _finalize(value):
    return value if isinstance(value, Markup) else Markup(md(value))


def _join(values, sep="、"):
    return Markup(md(sep).join(md(v) for v in values or []))


def _code(value) -> Markup:
    """An inline code span (Markdown escapes HTML inside it; backslash escapes would show, so none are added)."""
    text = str(value).replace("\n", " ")
    fence = "``" if "`" in text else "`"
    return Markup(f"{fence} {text} {fence}" if fence == "``" else f"`{text}`")


def _env(finalize=_finalize) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("tools.site", "templates"), autoescape=True,
                             finalize=finalize, undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                             trim_blocks=False)
    env.filters["join"] = _join
    env.filters["code"] = _code
    return env


_TYPE_ZH = {"string": "文本", "list": "列表", "dict": "映射", "date": "日期", "boolean": "true/false",
            "integer": "整数"}
_VOCAB_TABLES = [("效力层级 level", vocab.LEVELS), ("效力状态 status", vocab.DOCUMENT_STATUS),
                 ("性质分类 nature", vocab.NATURES), ("措施类别 category", vocab.MEASURE_CATEGORIES),
                 ("设列领域 domain", vocab.DOMAINS), ("证据等级 evidence", vocab.EVIDENCE)]


def _schema_rows():
    """(kind, Chinese label, rows) describing every field of every record kind, nested fields dotted."""
    from tools.model.schemas import SCHEMAS

    def walk(schema, prefix):
        for name, rules in schema.items():
            full = f"{prefix}{name}"
            allowed = rules.get("allowed") or (rules.get("schema") or {}).get("allowed") or []
            yield {"name": full, "required": rules.get("required", False),
                   "type": _TYPE_ZH.get(rules.get("type"), rules.get("type", "")),
                   "zh": rules.get("meta", {}).get("zh", ""), "allowed": "、".join(allowed)}
            inner = rules.get("schema")
            if isinstance(inner, dict) and rules.get("type") == "dict":
                yield from walk(inner, full + ".")
            elif isinstance(inner, dict) and inner.get("type") == "dict":
                yield from walk(inner["schema"], full + "[].")

    return [(kind, label, list(walk(SCHEMAS[kind], ""))) for kind, label in vocab.KINDS.items()]


@lru_cache(maxsize=1 << 16)
def _relative(target: str, here: str) -> Markup:
    """A link from a page in folder ``here`` to ``target``, URL-quoted (remembered: pages of one folder link to
    the same records again and again, and relpath is slow)."""
    return Markup(quote(posixpath.relpath(target, here), safe="/._-#"))


class Site:
    """All generated pages for one repository model."""

    def __init__(self, repo, rules, as_of, commit: str, graph=None):
        from tools.graph.build import build_graph

        self.repo, self.rules, self.as_of, self.commit = repo, rules, as_of, commit
        self.rule_titles = {r.id: r.title for r in rules}
        self.graph = graph if graph is not None else build_graph(repo, rules)
        self.plain = Plain(repo)
        # public pages read every value from YAML in plain words; editor pages keep the technical ones
        self.env = _env(lambda v: v if isinstance(v, Markup) else Markup(md(self.plain.text(v))))
        self.editor_env = _env()
        self.backlinks = defaultdict(list)
        for rec in repo.records:
            seen = set()
            for _, cit in iter_citations(rec.data):
                key = f"{cit.get('doc')}#{cit.get('provision')}"
                if rec.kind != "document" and key not in seen:
                    seen.add(key)
                    self.backlinks[key].append(rec)

    # -- helpers handed to templates -------------------------------------------------------------------------
    def _helpers(self, page: str) -> dict:
        here = posixpath.dirname(page) or "."

        def rel(target: str) -> Markup:
            return _relative(target, here)

        def href(rec) -> Markup:
            return rel(page_uri(rec))

        def rec_link(rid) -> Markup:
            rec = self.repo.get(rid) if isinstance(rid, str) else None
            if rec is None:
                return Markup("—") if rid is None else Markup(md(rid))
            return Markup(f"[{md(rec.title)}]({href(rec)})")

        def cite(c, _page=None) -> Markup:
            doc = self.repo.get(c.get("doc"), "document")
            prov = self.repo.provision(c.get("doc"), c.get("provision"))
            if doc is None or prov is None:
                return Markup(md(f"{c.get('doc')} {c.get('provision')}（未找到）"))
            target = f"{page_uri(doc)}#{prov['id']}" if _ID_RE.match(prov["id"]) else page_uri(doc)
            summary = f"：{md(prov.get('summary'))}" if prov.get("summary") else ""
            note = f"（说明：{md(c.get('note'))}）" if c.get("note") else ""
            label = prov.get("label") or prov["id"]
            return Markup(f"[{md(book_title(doc.title))}{md(label)}]({rel(target)}){cite_mark(doc, prov)}{note}{summary}")

        def cite_mark(doc, prov) -> str:
            """What a citation says of its own standing: a provision inferred (its label and summary not read in any
            text) is said to be no fact; an unverified one is said to be unverified."""
            if grades.effective(prov, doc) == "reconstructed":
                return md(grades.INFERRED)
            return "（未核实）" if doc.data.get("verified") is not True or prov.get("verified") is False else ""

        def cite_label(c) -> Markup:
            doc = self.repo.get(c.get("doc"), "document")
            prov = self.repo.provision(c.get("doc"), c.get("provision"))
            if doc is None or prov is None:
                return Markup(md(c.get("provision")))
            return Markup(f"[{md(prov.get('label') or prov['id'])}]({rel(page_uri(doc))}#{prov['id']})"
                          + short_mark(doc, prov))

        def short_mark(doc, prov) -> str:
            return md(grades.INFERRED_SHORT) if grades.effective(prov, doc) == "reconstructed" else ""

        def grade_line(rec) -> str:
            """Where the page's facts were read, in plain words (raw HTML, every text escaped); a reconstruction
            is announced as such, never shown as fact."""
            grade = grades.grade(rec.data)
            name, meaning = evidence_words(grade)
            css = grade or "none"
            if grade == "reconstructed":
                return (f'\n\n<div class="admonition warning evidence evidence-{css}"><p class="admonition-title">'
                        f'证据等级：{html.escape(name)}</p><p>{html.escape(meaning)}</p></div>\n\n'
                        f'为什么有推断整理的内容、本库查过哪些地方：见[尚未读到原文的官方文件]({rel("unread.md")})。'
                        f'引用的法律条文各有自己的标注。\n\n')
            return (f'\n\n<p class="evidence evidence-{css}"><strong>证据等级：{html.escape(name)}。</strong>'
                    f'{html.escape(meaning)}</p>\n\n')

        def badge(rec) -> Markup:
            """The grade of evidence of a record page, then its 核实情况: a visible line, and what is unverified and
            why, in plain Chinese, in a block the reader opens (raw HTML: its text is HTML-escaped, Markdown does
            not run inside)."""
            if rec.data.get("verified") is True:
                return Markup(grade_line(rec))
            note = self.plain.text(rec.data.get("note")) or "来源中尚有事实未能逐项核对。"
            return Markup(grade_line(rec) + f'<details class="verification"><summary>核实情况：本记录尚未对照来源逐项核实，'
                          f'请勿作为正式依据（点开查看原因）</summary><p>{html.escape(note)}</p></details>\n\n')

        def part_grade(part, rec) -> Markup:
            """A provision's or a row's own grade, in words, where it differs from its record's (else nothing)."""
            own = grades.grade(part)
            if own is None or own == grades.grade(rec.data):
                return Markup("")
            name, meaning = evidence_words(own, "本项内容")
            return Markup(f"*{md('本项的证据等级：' + name + '。' + meaning)}*\n\n")

        def basis_list(citations) -> Markup:
            return Markup("".join(f"\n- {cite(c)}" for c in citations or []))

        def source_line(rec) -> Markup:
            return Markup(f"**来源：** {self.plain.sources(rec.data.get('source'))}")

        def cite_key(key) -> Markup:
            """A citation written doc#provision (as the comparison gives it), linked like any citation."""
            doc, _, prov = str(key).partition("#")
            return cite_label_full({"doc": doc, "provision": prov})

        def cite_label_full(c) -> Markup:
            doc = self.repo.get(c.get("doc"), "document")
            prov = self.repo.provision(c.get("doc"), c.get("provision"))
            if doc is None or prov is None:
                return Markup(md(self.plain.text(c.get("doc"))))
            return Markup(f"[{md(book_title(doc.data.get('short_title') or doc.title))}{md(prov.get('label') or '')}]"
                          f"({rel(page_uri(doc))}#{prov['id']})" + short_mark(doc, prov))

        def anchor(pid) -> Markup:
            return Markup("{#" + pid + "}") if isinstance(pid, str) and _ID_RE.match(pid) else Markup("")

        def clause_link(rule) -> Markup:
            if not rule.clause:
                return Markup(md(rule.rationale))
            p = clause_provision(self.repo, rule.clause)
            if p is None:
                return Markup(md(f"方案{rule.clause}"))
            return Markup(f"方案 [{md(rule.clause)}]({rel(f'documents/{PLAN_DOC}.md')}#{p['id']})")

        return dict(vocab=vocab, href=href, rec_link=rec_link, doc_link=rec_link, cite=cite, anchor=anchor,
                    badge=badge, part_grade=part_grade, basis_list=basis_list, source_line=source_line,
                    cite_label=cite_label, cite_key=cite_key, cite_short=cite_label_full, dur=durations.zh, regime_period=self._period_zh, rel=rel,
                    code_block=code_block, rule_slug=lambda rid: Markup(rid.lower()) if RULE_ID.match(rid) else "",
                    sources=self.plain.sources, page=page, clause_link=clause_link, backlinks=self.backlinks,
                    severity=SEVERITY_ZH, steps=STEPS, entries_of=self.entries_of, measures_of=self.measures_of)

    def render(self, template: str, page: str, **ctx) -> str:
        helpers = self._helpers(page)
        env = self.editor_env if page in EDITOR_PAGES else self.env
        body = env.get_template(template).render(**helpers, **ctx)
        rec = ctx.get("rec")
        if rec is None:
            return body
        body += str(why_section(self.repo, self.graph, self.rules, rec, helpers["rel"], page_uri))  # str: Markup would escape body
        # MkDocs would take the <title> from the H1's *decoded* text and themes print it unescaped
        # ("</title><script>" would break out): give it an HTML-escaped title of our own instead.
        boost = page_boost(self.repo, rec, self.as_of, SEARCH_BOOST.get(rec.kind))  # history ranks lower
        meta = f"search:\n  boost: {boost}\n" if boost else ""
        return f"---\ntitle: {json.dumps(html.escape(rec.title), ensure_ascii=False)}\n{meta}---\n\n{body}"

    def entries_of(self, edition):
        return [r for r in self.repo.of_kind("catalog_entry") if r.group == edition.id]

    def measures_of(self, mlist):
        return [{"rec": r, "category": r.data.get("category")} for r in self.repo.of_kind("measure")
                if r.group == mlist.id]

    # -- pages -------------------------------------------------------------------------------------------------
    def pages(self) -> dict[str, str]:
        """src_uri -> Markdown for every generated page."""
        out = {"index.md": self._home(), "rules.md": self.render("rules.md.j2", "rules.md", rules=self.rules),
               "data-model.md": self.render("data_model.md.j2", "data-model.md", kinds=_schema_rows(),
                                            vocabs=_VOCAB_TABLES)}
        docs = sorted(self.repo.of_kind("document"), key=lambda r: r.title)
        groups = [(lvl, label, [d for d in docs if d.data.get("level") == lvl]) for lvl, label in vocab.LEVELS.items()]
        out["documents/index.md"] = self.render("documents_index.md.j2", "documents/index.md", groups=groups)
        editions = sorted(self.repo.of_kind("catalog_edition"), key=lambda r: r.id)
        out["catalogs/index.md"] = self.render("catalogs_index.md.j2", "catalogs/index.md", editions=editions)
        lists = sorted(self.repo.of_kind("measure_list"), key=lambda r: r.id)
        out["measures/index.md"] = self.render("measures_index.md.j2", "measures/index.md", lists=lists)
        regimes = sorted(self.repo.of_kind("list_regime"), key=lambda r: r.title)
        out["lists/index.md"] = self.render("lists_index.md.j2", "lists/index.md", regimes=regimes)
        out["procedures/index.md"] = self.render(
            "procedures_index.md.j2", "procedures/index.md",
            routes=sorted(self.repo.of_kind("collection_route"), key=lambda r: r.id),
            regimes=sorted(self.repo.of_kind("repair_regime"), key=lambda r: str(r.data.get("effective_from"))))
        out["coverage.md"] = self._coverage()
        out["repair-guide.md"] = "---\nsearch:\n  boost: 4\n---\n\n" + self.render(
            "repair_guide.md.j2", "repair-guide.md", as_of=self.as_of, sections=repair_sections(self.repo, self.as_of),
            anchor_of=lambda item: Markup(item["rec"].id.replace(".", "-")))
        out["changes.md"] = self.render("changes.md.j2", "changes.md", changes=edition_changes(self.repo))
        out["how-computed.md"] = self._how_computed()
        out.update(calculator.pages(self.render, self.repo, self.as_of))  # the page and its data file
        for rec in self.repo.records:
            uri = page_uri(rec)
            out[uri] = getattr(self, f"_{rec.kind}")(rec, uri)
        return out

    @staticmethod
    def _period_zh(rec, severity) -> str:
        p = (rec.data.get("periods") or {}).get(severity) or {}
        lo, hi = durations.zh(p.get("minimum")), durations.zh(p.get("maximum"))
        return f"{lo or '—'} 至 {hi or '—'}" if (lo or hi) else "—"

    def _coverage(self) -> str:
        rows, enforced, manual = [], 0, 0
        for row in coverage_rows(self.repo, self.rules, explanations()):
            enforced += bool(row["rules"])
            manual += not row["rules"]
            rule_links = "；".join(f"[{r}](rules.md#{r.lower()}) {md(self.rule_titles.get(r, ''))}" for r in row["rules"])
            if row["related"]:
                rule_links += ("；相关：" if rule_links else "相关：") + "、".join(
                    f"[{r}](rules.md#{r.lower()})" for r in row["related"])
            rows.append({"label": row["label"], "href": Markup(f"documents/{PLAN_DOC}.md#{row['id']}"),
                         "title": row["title"], "rules": Markup(rule_links or "—"), "reason": row["reason"]})
        return self.render("coverage.md.j2", "coverage.md", rows=rows, enforced=enforced, manual=manual)

    def _how_computed(self) -> str:
        """How decide computes dates; the examples are computed here by the same function decide uses."""
        def example(start, period):
            end = last_day(start, period)
            return {"start": start, "end": end, "after": end + _dt.timedelta(days=1)}

        regimes = sorted((r for r in self.repo.of_kind("repair_regime") if r.data.get("draft") is not True),
                         key=lambda r: str(r.data.get("effective_from")))
        return self.render("how_computed.md.j2", "how-computed.md", regimes=regimes, calendar=CALENDAR,
                           ex1=example(_dt.date(2025, 3, 1), "P3M"), ex2=example(_dt.date(2025, 11, 30), "P3M"),
                           ex3=example(_dt.date(2024, 2, 29), "P1Y"))

    def _collection_route(self, rec, uri):
        crit = rec.data.get("applies_to") or {}
        names = lambda key, voc: "、".join(voc.get(v, v) for v in crit.get(key) or [])  # noqa: E731
        criteria = {"levels": names("provider_levels", vocab.PROVIDER_LEVELS),
                    "types": names("provider_types", vocab.PROVIDER_TYPES),
                    "kinds": names("information_kinds", vocab.INFORMATION_KINDS)}
        users = sorted((e for e in self.repo.of_kind("catalog_entry")
                        if (e.data.get("collection") or {}).get("route") == rec.id), key=lambda e: e.title)
        return self.render("collection_route.md.j2", uri, rec=rec, d=rec.data, criteria=criteria, users=users)

    def _repair_regime(self, rec, uri):
        def names(keys):
            return "、".join(vocab.INFORMATION_KINDS.get(k, k) for k in keys or [])

        service = rec.data.get("service") if isinstance(rec.data.get("service"), dict) else {}
        return self.render("repair_regime.md.j2", uri, rec=rec, d=rec.data, kinds=names(rec.data.get("information_kinds")),
                           service_kinds=names(service.get("applies_to")))

    def _home(self) -> str:
        counts = []
        for kind, href in [("document", "documents/index.md"), ("catalog_entry", "catalogs/index.md"),
                           ("measure", "measures/index.md"), ("list_regime", "lists/index.md")]:
            recs = self.repo.of_kind(kind)
            counts.append({"label": vocab.KINDS[kind], "href": Markup(href), "count": len(recs),
                           "verified": sum(1 for r in recs if r.data.get("verified") is True)})
        lists = sorted((r for r in self.repo.of_kind("list_regime") if r.data.get("draft") is not True),
                       key=lambda r: r.title)
        published = [r for r in self.repo.records if r.data.get("draft") is not True]
        by_grade = grades.counts(published)
        evidence = [{"name": evidence_words(g)[0], "meaning": evidence_words(g, "内容")[1], "count": n}
                    for g, n in by_grade.items() if g is not None or n]
        official, everything = grades.official_share(published)
        return self.render("home.md.j2", "index.md", counts=counts, as_of=self.as_of, commit=self.commit,
                           domains=list(vocab.DOMAINS.values()), lists=lists, national_tier=TIER_ZH[NATIONAL],
                           total=sum(c["count"] for c in counts), verified=sum(c["verified"] for c in counts),
                           verified_all=sum(1 for r in published if r.data.get("verified") is True),
                           evidence=evidence, official=official, everything=everything,
                           official_share=f"{official / everything:.0%}" if everything else "—")

    def _document(self, rec, uri):
        return self.render("document.md.j2", uri, rec=rec, d=rec.data)

    def _catalog_edition(self, rec, uri):
        by_category = defaultdict(list)
        for e in sorted(self.entries_of(rec), key=lambda r: r.title):
            by_category[e.data.get("category")].append(e)
        return self.render("catalog_edition.md.j2", uri, rec=rec, d=rec.data, by_category=by_category)

    def _catalog_entry(self, rec, uri):
        d = rec.data
        edition = self.repo.get(rec.group, "catalog_edition")
        cats = {c.get("id"): c.get("name") for c in (edition.data.get("categories") or [])} if edition else {}
        period = d.get("publication_period") or {}
        period_zh = "、".join(x for x in [
            f"最短{durations.zh(period.get('minimum'))}" if period.get("minimum") else "",
            f"最长{durations.zh(period.get('maximum'))}" if period.get("maximum") else "",
            period.get("description") or ""] if x) or "未填写"
        return self.render(
            "catalog_entry.md.j2", uri, rec=rec, d=d, category_name=cats.get(d.get("category"), d.get("category")),
            subjects="、".join(vocab.SUBJECTS.get(s, s) for s in d.get("subjects") or []), period=period_zh,
            determination="、".join(vocab.DETERMINATION_DOCUMENTS.get(x, x) for x in d.get("determination_documents") or []))

    def _measure_list(self, rec, uri):
        members = sorted((r for r in self.repo.of_kind("measure") if r.group == rec.id), key=lambda r: r.id)
        return self.render("measure_list.md.j2", uri, rec=rec, d=rec.data, members=members)

    def _measure(self, rec, uri):
        return self.render("measure.md.j2", uri, rec=rec, d=rec.data, rows=[r.data for r in measure_rows(rec)])

    def _list_regime(self, rec, uri):
        lp = rec.data.get("listing_period") or {}
        text = "；".join(x for x in [durations.zh(lp.get("duration")) if lp.get("duration") else "",
                                     lp.get("description") or ""] if x) or "未填写"
        return self.render("list_regime.md.j2", uri, rec=rec, d=rec.data, listing_period=text)
