"""Search: what the site's search index holds, which pages rank first, and the words people use.

Material for MkDocs builds its search index from every rendered page (``search/search_index.json``) and its
browser code fetches it on every page. Three things are decided here, all measured (README, 网站):

* **Ranking.** A record page carries Material's ``search: boost`` front matter: the public's most-sought kinds
  rank higher, and what no longer applies (a repealed, expired or amended document, a superseded edition and its
  entries and measures, a regime whose period has ended) ranks below what is in force (``page_boost``).
* **People's words.** ``search_terms.yml`` in the repository maps the words people type (黑名单, 老赖, 怎么修复)
  to the pages that answer them. They go into fields of their own (``keywords``, ``keywords_shared``, never
  shown) of those pages' entries in the index, weighted by whether other queries can reach them (see the boosts). Material segments a Chinese query by looking up the longest *proper* prefix of it that
  is a word of the index (``怎么修复`` → ``怎么*``), so each word of three or more characters is indexed together
  with itself minus its last character (``怎么修``): the query then becomes ``怎么修*``, which only the page the
  word belongs to matches.
* **Size.** The index is rewritten after MkDocs: UTF-8 instead of ``\\uXXXX`` escapes (Chinese takes half the
  bytes), no diagram or code sources, no "依据链" sections, no paragraph that repeats on several pages
  (boilerplate, citations repeated from the documents' own pages), and each entry's text cut to its first
  ``TEXT_CHARS`` characters: titles and the start of every section stay searchable.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from tools.domain.editions import current_member, is_current
from tools.domain.validity import in_force, in_scope

TERMS_FILE = "search_terms.yml"
INDEX = Path("search") / "search_index.json"

# Ranking: a record that no longer applies keeps this share of its boost. Measured: without it the three repair
# regimes scored within 1 % of each other for 公示期限 (the superseded 2023 and 2019 ones first); at one half the
# 2026 regime comes first and the two old ones fall below the first ten results.
HISTORY_SHARE = 0.5
# Index size: characters of text kept per entry, and how many entries a paragraph may appear in before it is
# boilerplate (dropped everywhere). Measured on the real site: 150 characters 499 KB, 180 539 KB, 200 563 KB,
# 250 617 KB, everything 880 KB (Material's own index: 3.4 MB); 180 leaves room under 600 KB for new records.
TEXT_CHARS = 180
REPEATED = 3
# The weights of people's words, as Material weighs its fields (title 1000, text 1). A word that no other query
# can reach (no beginning of it is a word of the index: 黑名单, 老赖, 欠薪) outweighs any title (KEYWORD_BOOST); a
# word that begins with a word of the index (怎么修复 with 怎么, 失信名单 with 失信, 限高 with 限) is reached by
# every query Material reduces to that beginning (如何计算 → 如何*), so it weighs less than a title
# (SHARED_KEYWORD_BOOST). Measured in Chromium on the real site: at 20 the shared words still find their pages
# first and 如何计算, 怎么读 still find theirs; at 100 如何计算 would find the repair guide first.
KEYWORD_BOOST = 10_000
SHARED_KEYWORD_BOOST = 20
DROPPED_SECTIONS = {"依据链"}

_ZW = "\u200b"
_BLOCK = re.compile(r"</?(?:p|li|ul|ol)>")
_TAG = re.compile(r"</?[a-z][a-z0-9]*>")
_PRE = re.compile(r"<pre>.*?</pre>", re.S)
# Punctuation that may stand between zero-width spaces (jieba's segmentation puts them around it); where the
# index's separator splits on it anyway, they are redundant.
_PUNCTUATION = " \u3000、。，．？！；：（）“”《》「」-,.;:!?()"


class TermsError(ValueError):
    """search_terms.yml cannot be used: the message says where and why (Chinese)."""


# -- ranking -------------------------------------------------------------------------------------------------
def applies(repo, rec, as_of) -> bool:
    """Whether a record is what applies on as_of (in force, current edition), as opposed to history."""
    if rec.kind == "document":
        return in_force(rec.data, as_of) is None and rec.data.get("status") != "amended"
    if rec.kind in ("catalog_edition", "measure_list"):
        return is_current(repo, rec) and in_scope(repo, rec, as_of)
    if rec.kind in ("catalog_entry", "measure"):
        return current_member(repo, rec) and in_scope(repo, rec, as_of)
    return in_scope(repo, rec, as_of)


def page_boost(repo, rec, as_of, boost=None):
    """Material's ``search: boost`` of a record page (None: the default, 1)."""
    if applies(repo, rec, as_of):
        return boost
    return round((boost or 1) * HISTORY_SHARE, 3)


# -- people's words ------------------------------------------------------------------------------------------
def page_url(src_uri: str) -> str:
    """The URL (relative to the site root) of a Markdown source, as MkDocs writes it with directory URLs."""
    if src_uri == "index.md":
        return ""
    stem = src_uri[: -len("index.md")] if src_uri.endswith("/index.md") else src_uri[: -len(".md")] + "/"
    return stem


def load_terms(root: Path) -> list[dict]:
    """The entries of search_terms.yml (none when the repository has no such file)."""
    import yaml

    path = Path(root) / TERMS_FILE
    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise TermsError(f"{TERMS_FILE}：不是有效的 YAML（{exc}）") from exc
    terms = (data or {}).get("terms") if isinstance(data, dict) else None
    if not isinstance(terms, list):
        raise TermsError(f"{TERMS_FILE}：顶层应为 terms: 列表")
    for i, item in enumerate(terms, 1):
        where = f"{TERMS_FILE} 第 {i} 项"
        if not isinstance(item, dict) or set(item) - {"means", "words", "pages"}:
            raise TermsError(f"{where}：只能有 means、words、pages 三个字段")
        words, pages = item.get("words"), item.get("pages")
        if not isinstance(item.get("means"), str) or not item["means"].strip():
            raise TermsError(f"{where}：means 应写本库的正式用语")
        if not (isinstance(words, list) and words and all(isinstance(w, str) and w.strip() for w in words)):
            raise TermsError(f"{where}（{item['means']}）：words 应为非空的说法列表")
        if any(re.search(r"\s", w.strip()) for w in words):
            raise TermsError(f"{where}（{item['means']}）：一个说法中不能有空格，请分成几个说法")
        if not (isinstance(pages, list) and pages and all(isinstance(p, str) for p in pages)):
            raise TermsError(f"{where}（{item['means']}）：pages 应为页面（docs 中的 .md 路径）或记录 id 的列表")
    return terms


def keyword_pages(terms: list[dict], src_uris, record_uri) -> dict[str, list[str]]:
    """URL -> the words of search_terms.yml for that page. A page is a Markdown path of the site (``lists/index.md``,
    one of ``src_uris``) or a record id (``record_uri(id)``: its page, None when there is no such record)."""
    src_uris = set(src_uris)
    out: dict[str, list[str]] = {}
    for item in terms:
        for target in item["pages"]:
            if target.endswith(".md"):
                if target not in src_uris:
                    raise TermsError(f"{TERMS_FILE}（{item['means']}）：网站没有页面 {target}")
                uri = target
            else:
                uri = record_uri(target)
                if uri is None:
                    raise TermsError(f"{TERMS_FILE}（{item['means']}）：没有 id 为 {target} 的记录")
            words = out.setdefault(page_url(uri), [])
            words += [w.strip() for w in item["words"] if w.strip() not in words]
    return out


def word_tokens(word: str) -> list[str]:
    """What the index holds for a word: the word, and for three or more characters the word without its last
    one (what Material's query segmentation looks up, see the module docstring)."""
    return [word, word[:-1]] if len(word) >= 3 else [word]


def shared(word: str, vocabulary) -> bool:
    """Whether other queries reach the word: a beginning of it (shorter than its own tokens) is a word of the
    index, to which Material reduces every query that starts with it."""
    own = set(word_tokens(word))
    return any(word[:k] in vocabulary and word[:k] not in own for k in range(1, len(word)))


def keyword_fields(words, vocabulary) -> dict[str, str]:
    """The keyword fields of a page's entry: ``keywords`` (words no other query reaches) and ``keywords_shared``."""
    fields: dict[str, list[str]] = {}
    for w in words:
        tokens = fields.setdefault("keywords_shared" if shared(w, vocabulary) else "keywords", [])
        tokens += [t for t in word_tokens(w) if t not in tokens]
    return {name: " ".join(tokens) for name, tokens in fields.items()}


def vocabulary(docs, separator) -> set[str]:
    """The words of an index's titles and texts, split as the browser splits them (lower case)."""
    try:
        sep = re.compile(separator)
    except (re.error, TypeError):
        sep = re.compile(r"[\s\u200b]+")
    words = set()
    for doc in docs:
        for field in ("title", "text"):
            words.update(w.lower() for w in sep.split(_TAG.sub(" ", doc.get(field, ""))) if w)
    return words


# -- the index -----------------------------------------------------------------------------------------------
def _plain(text: str) -> str:
    return text.replace(_ZW, "")


def _paragraphs(text: str) -> list[str]:
    text = _PRE.sub(" ", text)
    parts = (" ".join(_TAG.sub("", p).split()) for p in _BLOCK.split(text))
    return [p for p in parts if p]


def _tidier(separator: str):
    """A function dropping the zero-width spaces around punctuation the separator splits on anyway (only there:
    elsewhere they are what separates the words)."""
    try:
        sep = re.compile(separator)
    except (re.error, TypeError):
        sep = None
    marks = "".join(ch for ch in _PUNCTUATION if sep is not None and sep.fullmatch(ch))
    pattern = re.compile(_ZW + "*([" + re.escape(marks) + "])" + _ZW + "*") if marks else None

    def tidy(text: str) -> str:
        return (pattern.sub(r"\1", text) if pattern else text).strip(_ZW + " ")

    return tidy


def _cut(text: str, limit: int) -> str:
    """The first ``limit`` characters (zero-width spaces not counted), never ending inside an HTML entity."""
    seen = 0
    for i, ch in enumerate(text):
        if seen >= limit:
            head = text[:i]
            amp = head.rfind("&")
            if amp >= 0 and ";" not in head[amp:]:
                head = head[:amp]
            return head.rstrip(_ZW + " ") + "…"
        seen += ch != _ZW
    return text


def shape_index(index: dict, keywords: dict[str, list[str]] | None = None, *, text_chars: int = TEXT_CHARS,
                repeated: int = REPEATED) -> dict:
    """A smaller search index with people's words added (the module docstring says what and why)."""
    keywords = keywords or {}
    tidy = _tidier(index.get("config", {}).get("separator"))
    docs = [d for d in index.get("docs", []) if _plain(d.get("title", "")).strip() not in DROPPED_SECTIONS]
    paragraphs = [_paragraphs(d.get("text", "")) for d in docs]
    seen = Counter(p for paras in paragraphs for p in {_plain(x) for x in paras})
    out = []
    for doc, paras in zip(docs, paragraphs):
        doc = dict(doc)
        kept = [p for p in paras if seen[_plain(p)] < repeated]
        doc["title"] = tidy(doc.get("title", ""))
        doc["text"] = _cut(tidy(" ".join(kept)), text_chars)
        out.append(doc)
    config = dict(index.get("config", {}))
    if keywords:
        # the words of the index as the browser will see it, with every word's own tokens added
        vocab = vocabulary(out, config.get("separator")) | {t for ws in keywords.values() for w in ws
                                                            for t in word_tokens(w)}
        for doc in out:
            words = keywords.get(doc["location"])  # the page's own entry (a section's location has a "#")
            if words:
                doc.update(keyword_fields(words, vocab))
        config["fields"] = {**config.get("fields", {}), "keywords": {"boost": KEYWORD_BOOST},
                            "keywords_shared": {"boost": SHARED_KEYWORD_BOOST}}
    return {**{k: v for k, v in index.items() if k not in ("config", "docs")}, "config": config, "docs": out}


def rewrite_index(site_dir: Path, keywords: dict[str, list[str]] | None = None) -> tuple[int, int]:
    """Shape the built site's search index in place; (bytes before, bytes after)."""
    path = Path(site_dir) / INDEX
    if not path.is_file():
        return 0, 0
    raw = path.read_bytes()
    shaped = shape_index(json.loads(raw), keywords)
    data = json.dumps(shaped, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.write_bytes(data)
    return len(raw), len(data)
