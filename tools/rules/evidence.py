"""Evidence and links: every record says how its facts were read, `verified` agrees with that grade, notes do not
outlive what the repository now holds, and public pages link only to official publishers."""
from __future__ import annotations

import re
from pathlib import Path

from tools.base.findings import ERROR, WARNING, Location
from tools.domain import evidence
from tools.domain.sources import html_links, markdown_links, unofficial_links
from tools.load.files import read_file
from tools.model.vocab import EVIDENCE
from tools.rules.registry import rule

_GRADES = "、".join(f"{k}（{v}）" for k, v in EVIDENCE.items())


@rule("EVID-001", ERROR, "记录须写明证据等级（evidence）：事实读自官方原文、官方数据库文本的副本、二手资料，还是推断",
      clause="二（严格依法依规）")
def missing_grade(repo, ctx):
    """二（严格依法依规）：事关主体切身利益的失信信息记录、名单认定和惩戒只能在法治轨道内进行，公众要能分辨一条规则是读自
    官方原文，还是来自转载、新闻或推断。每条记录都要写 evidence：official（在发布机关的网站上读到的原文）、official_copy
    （官方数据库文本的副本，如 LawRefBook/Laws 镜像，写明路径和提交）、secondary（新闻、解读、地方指南等二手资料）或
    reconstructed（推断重构，不作为事实）。

    报错：
    ```yaml
    # 目录条目
    evidence: ~
    ```

    通过：
    ```yaml
    # 目录条目
    evidence: official_copy
    ```
    """
    for rec in repo.records:
        if rec.data.get("evidence") is None:
            yield rec, ("evidence",), (f"本记录没有写证据等级 evidence：请按 source 中实际读到的来源选填 {_GRADES}；"
                                       "拿不准时取较低的等级，并在 note 说明原因")


def _verified_parts(rec):
    """(path, part, grade) of the record and of each provision or row that says verified: true."""
    if rec.data.get("verified") is True:
        yield (), rec.data, evidence.grade(rec.data)
    for key in ("provisions", "rows"):
        for i, part in enumerate(rec.data.get(key) or []):
            if isinstance(part, dict) and part.get("verified") is True:
                yield (key, i), part, evidence.effective(part, rec)


@rule("EVID-002", ERROR, "verified: true 只能用于证据等级为 official 或 official_copy 的记录（及条款、行）",
      clause="二（严格依法依规）")
def verified_needs_official_text(repo, ctx):
    """二（严格依法依规）：只有对照官方原文（official）或官方数据库文本的副本（official_copy）逐项读过每一项事实，才能写
    verified: true；读自新闻、解读、地方指南（secondary）或推断所得（reconstructed）的内容不能标为已核实。条款或措施的
    一行写了自己的 evidence 时按它检查，否则按记录的 evidence。

    报错：
    ```yaml
    # 目录条目
    verified: true
    evidence: secondary
    ```

    通过：
    ```yaml
    # 目录条目
    verified: false
    evidence: secondary
    note: 公示期限只见于地方办事指南，尚未读到官方原文
    ```
    """
    for rec in repo.records:
        for path, part, grade in _verified_parts(rec):
            if grade is not None and not evidence.is_official_grade(grade):
                where = "本记录" if not path else ("条款“" + str(part.get("label") or part.get("id")) + "”"
                                                  if path[0] == "provisions" else f"第 {path[1] + 1} 行")
                yield rec, path + ("verified",), (f"{where}写了 verified: true，但证据等级是 {grade}（{EVIDENCE[grade]}）："
                                                  "只有读过官方原文或官方数据库文本的副本才能核实；请改为 verified: false，"
                                                  "或在读到官方文本后提高证据等级")


@rule("EVID-004", ERROR, "证据等级 official（官方发布原文）须在 source 中写明官方发布单位网站上的网址",
      clause="二（严格依法依规）")
def official_needs_official_url(repo, ctx):
    """二（严格依法依规）：证据等级 official 表示事实是在官方发布单位的网站上读到的，source 中就必须有该网站的网址
    （官方域名见 tools/domain/official_domains.yml，如 gov.cn、npc.gov.cn）。只读到转载、镜像或新闻的，证据等级写
    official_copy（官方数据库文本的副本）或 secondary（二手资料）。条款写了自己的 evidence: official 时同样检查文件的 source。

    报错：
    ```yaml
    # 目录条目
    evidence: official
    source: https://news.example.com/2024/reprint.html （转载）
    ```

    通过：
    ```yaml
    # 目录条目
    evidence: official
    source: https://www.gov.cn/zhengce/content/202506/content_7029483.htm
    ```
    """
    for rec in repo.records:
        if evidence.names_official_url(rec.data.get("source")):
            continue
        if evidence.grade(rec.data) == "official":
            yield rec, ("evidence",), ("证据等级写的是 official（官方发布原文），但 source 中没有官方发布单位网站的网址："
                                       "请写明读到原文的官方网址，或按实际读到的来源改为 official_copy 或 secondary")
        for key in ("provisions", "rows"):
            for i, part in enumerate(rec.data.get(key) or []):
                if isinstance(part, dict) and part.get("evidence") == "official":
                    yield rec, (key, i, "evidence"), ("这一项的证据等级写的是 official，但记录的 source 中没有官方发布单位"
                                                      "网站的网址：请在 source 中写明读到原文的官方网址，或降低证据等级")


# -- EVID-003: a note that an article was not read, while the repository now holds it ------------------------------

_NOT_READ = re.compile(r"未能?读到|没有读到|尚未读到|未读完|未能读|未读")
_ARTICLE = re.compile(r"第[零〇一二三四五六七八九十百千]+条")
_ABOUT_ARTICLES = re.compile(r"第[零〇一二三四五六七八九十百千]+条|条号|条文|条款|原文")
_DOC_NUMBER = re.compile(r"第(\d+)号令|令第(\d+)号|〔(\d{4})〕(\d+)号")
_TITLE = re.compile(r"《([^《》]+)》")
_TOKEN = re.compile(r"[a-z0-9][a-z0-9._-]*[a-z0-9]")
NOTE_FIELDS = ("note", "description")


def _article(label) -> str | None:
    m = _ARTICLE.match(str(label or ""))
    return m.group(0) if m else None


def _document_index(repo) -> dict:
    """Documents by order number (令第44号 → "44"), by 〔year〕number and by title or short title (one pass)."""
    orders, numbers, titles = {}, {}, {}
    for doc in repo.of_kind("document"):
        number = str(doc.data.get("doc_number") or "")
        m = re.search(r"令第(\d+)号$", number)
        if m:
            orders.setdefault(m.group(1), []).append(doc)
        for year, n in re.findall(r"〔(\d{4})〕(\d+)号", number):
            numbers.setdefault((year, n), []).append(doc)
        for name in (doc.title, doc.data.get("short_title")):
            if isinstance(name, str):
                titles.setdefault(name, []).append(doc)
    return {"orders": orders, "numbers": numbers, "titles": titles}


def _documents_named(repo, text: str) -> list:
    """The documents a sentence names: by id, by document number (第44号令, 〔2019〕35号) or by 《title》."""
    index = repo.memo(("evidence", "document-index"), lambda: _document_index(repo))
    found = []
    for token in _TOKEN.findall(text):
        rec = repo.get(token, "document")
        if rec is not None:
            found.append(rec)
    for m in _DOC_NUMBER.finditer(text):
        order = m.group(1) or m.group(2)
        if order:
            found += index["orders"].get(order, [])
        if m.group(3):
            found += index["numbers"].get((m.group(3), m.group(4)), [])
    for m in _TITLE.finditer(text):
        found += index["titles"].get(m.group(1), [])
    return list({doc.id: doc for doc in found}.values())


def _context_document(repo, rec, path):
    """The document a note on this path is about when it names none: a citation's document, else a document's own."""
    parent = rec.get(path[:-1]) if path else None
    if isinstance(parent, dict) and isinstance(parent.get("doc"), str):
        return repo.get(parent["doc"], "document")
    return rec if rec.kind == "document" else None


def stale_not_read(repo, rec, path, text):
    """(document, what it now holds) for each part of a note that says something was not read while the repository
    holds it, read from an official text (grade official or official_copy): an article named by its number
    (第十五条, now a provision), or -- when the note names no number ("条号未读到", "该办法（第54号令）未读到") --
    the document's whole text. The document is the one the clause names (by id, number or 《title》), else the
    citation the note is on, else the document the note belongs to."""
    own_grade = evidence.grade(rec.get(path[:-1])) if rec.kind == "document" and path[:1] == ("provisions",) else None
    context = _context_document(repo, rec, path)
    for sentence in re.split(r"[。；;\n]", text):
        if not _NOT_READ.search(sentence):
            continue
        in_sentence = _documents_named(repo, sentence)
        for segment in re.split(r"[，,：:]", sentence):
            if not _NOT_READ.search(segment):
                continue
            in_segment = _documents_named(repo, segment)
            about_articles = bool(_ABOUT_ARTICLES.search(segment))
            if not about_articles and not in_segment:
                continue  # something else was not read (a date, a rate, a web page)
            named = in_segment or in_sentence or ([context] if context is not None else [])
            articles = _ARTICLE.findall(segment)
            for doc in named:
                held = [p for p in doc.data.get("provisions") or [] if isinstance(p, dict)]
                if articles:
                    for a in articles:
                        match = next((p for p in held if _article(p.get("label")) == a
                                      and evidence.is_official_grade(evidence.effective(p, doc))), None)
                        if match is not None:
                            yield doc, f"{a}（已按官方文本收录为条款 {match.get('id')}）"
                    continue
                grade = own_grade if doc is rec and own_grade else evidence.grade(doc.data)
                if evidence.is_official_grade(grade) and held:
                    yield doc, f"全文（证据等级 {grade}，已收录 {len(held)} 条）"


def _stale_memo(repo, rec, path, text) -> list:
    """stale_not_read, remembered for a note repeated word for word in the same setting (catalogs repeat notes)."""
    own = evidence.grade(rec.get(path[:-1])) if rec.kind == "document" and path[:1] == ("provisions",) else None
    context = _context_document(repo, rec, path)
    if context is rec or own is not None:  # the answer depends on this record itself: not shared
        return list(stale_not_read(repo, rec, path, text))
    key = ("evidence", "stale", text, context.id if context is not None else None)
    return repo.memo(key, lambda: list(stale_not_read(repo, rec, path, text)))


@rule("EVID-003", WARNING, "说明写着某条“未读到”，而本库现在已收录该条（或该文件的全文已读）：说明可能已过时",
      clause="二（严格依法依规）")
def stale_notes(repo, ctx):
    """二（严格依法依规）：说明（note、description）写着某文件的某条或条号“未读到”“未能读到”，而本库中该文件现在已经收录了
    这一条（或该文件的全文已按官方文本读过，证据等级为 official 或 official_copy）时提示：说明可能已经过时，应核对原文后
    改引该条或更新说明，不要让读者以为依据还没有读到。

    报错：
    ```yaml
    # 目录条目
    basis:
      - doc: example-law
        provision: art-1
        note: 第二条的原文未读到
    ```

    通过：
    ```yaml
    # 目录条目
    basis:
      - doc: example-law
        provision: art-1
        note: 第九条的原文未读到
    ```
    """
    for rec in repo.records:
        if rec.flags is not None and "reads" not in rec.flags:
            continue  # the raw file has no 读: no note says something was not read
        for path, text in rec.strings:
            if not path or path[-1] not in NOTE_FIELDS or not _NOT_READ.search(text):
                continue
            seen = set()
            for doc, held in _stale_memo(repo, rec, path, text):
                if (doc.id, held) in seen:
                    continue
                seen.add((doc.id, held))
                yield rec, path, (f"说明称有条文或文件未读到，但《{doc.title}》的{held}已在本库中：请核对原文，改引该条或更新说明")


# -- LINK-001: public pages link only to official publishers ------------------------------------------------------

PAGE_FOLDERS = (("docs", "*.md", markdown_links), ("overrides", "*.html", html_links))
SKIPPED = ("docs/assets/vendor/",)  # vendored files MkDocs does not publish as pages (mkdocs.yml exclude_docs)


def public_pages(root) -> list[tuple[str, object]]:
    """(path relative to root, link finder) of the hand-written public pages and theme templates under root."""
    base = Path(str(root))
    if not base.is_dir():
        return []  # a repository held in memory: no pages
    out = []
    for folder, pattern, finder in PAGE_FOLDERS:
        for path in sorted((base / folder).rglob(pattern)):
            rel = path.relative_to(base).as_posix()
            if not rel.startswith(SKIPPED):
                out.append((rel, finder))
    return out


@rule("LINK-001", ERROR, "公开页面只能链接到官方发布单位的网站（官方域名清单），转载、镜像和新闻只能写成文字",
      clause="四（二）5")
def unofficial_page_links(repo, ctx):
    """四（二）5：公共信用信息由认定部门在本部门网站、本级政府门户网站或指定网站公开，信用中国网站等统一公开。网站不能把
    读者引向非官方的转载：手写的公开页面（docs/ 下的 Markdown 页面、overrides/ 下的主题模板）中，每个链接都必须指向
    官方域名（tools/domain/official_domains.yml，如 gov.cn）或本站内部；其他网站只能写成文字（或写在代码块中）。记录中
    source 的非官方网址由网站自动写成“转载（非官方）”文字；生成后的整站链接另由构建检查。

    报错：
    ```yaml
    # docs/guide.md
    详见[某律师事务所的解读](https://lawfirm.example.com/credit.html)。
    ```

    通过：
    ```yaml
    # docs/guide.md
    详见[中国政府网](https://www.gov.cn/zhengce/)；解读文章（lawfirm.example.com，转载，非官方）只作参考。
    ```
    """
    for rel, finder in public_pages(repo.root):
        raw, _ = read_file(repo.root, rel)
        if raw is None:
            continue
        text = raw.decode("utf-8", errors="replace")
        for line, col, url in unofficial_links(finder(text)):
            yield Location(rel, line, col), (), (f"页面链接到非官方网站 {url}：公开页面只能链接官方发布单位的网站"
                                                 "（tools/domain/official_domains.yml）；转载、镜像和新闻请写成文字，"
                                                 "并注明“转载（非官方）”")
