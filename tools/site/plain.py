"""Plain words for public pages: the repository's internal vocabulary turned into what a citizen can read.

Records' free text (notes, sources, descriptions) is written by editors for editors and mentions record ids,
file paths, field names and evidence markers. On public pages every such text passes through :class:`Plain`
before it is escaped: ids become the records' titles, field names and vocabulary keys their Chinese labels,
paths and commands disappear, markers become words. Editor-facing pages (rules, coverage, data model,
contributing) keep the technical words.

Sources get one treatment more: only official publishers (tools/domain/official_domains.yml, data, read through
:mod:`tools.domain.sources`) are linked; other copies that were read are named as text and marked 转载（非官方）.
"""
from __future__ import annotations

import re

from markupsafe import Markup

from tools.domain.sources import URL as _URL, host as _host, is_official
from tools.model import vocab
from tools.model.schemas import SCHEMAS, fields_of, short_zh
from tools.site.escape import link, md

_REPO_PATH = re.compile(r"(?:shared/[^\s，。；、（）]+|(?:policies|catalogs|sanction_lists|procedures|tests|tools)/"
                        r"[A-Za-z0-9_./\-]+\.(?:yml|md|py)|waivers\.yml|(?:sources|national-rows|shuanggongshi)\.md)")
_REPO_FOLDER = re.compile(r" ?(?:policies|catalogs|sanction_lists|procedures)/(?:[A-Za-z0-9_\-]+/)*(?![A-Za-z0-9_]) ?")
_FOLDER_ZH = {"policies": "政策法规文件", "catalogs": "公共信用信息目录", "sanction_lists": "惩戒措施和名单",
              "measures": "惩戒措施清单", "name_lists": "严重失信主体名单制度", "procedures": "归集与修复制度",
              "collection_routes": "归集方式", "repair_regimes": "信用修复制度"}
_LINT = re.compile(r"\blint\b(?:\s+--as-of\s+\S+)?")
_LAW_FILE = re.compile(r"^shared/reference/(?:laws|texts)/(?:.*/)?([^/]+?)(?:\((\d{4}-\d{2}-\d{2})\))?(?: 部分)?\.md$")
_MARKERS = {"[V]": "（已核实）", "[R]": "（据回忆，未核实）", "[D]": "（推导所得）",
            # the editors' shorthand, in the words the public pages use elsewhere
            "本溪方案": "本溪市实施方案", "官方行": "官方原表中的那一行"}
_NULLS = [(re.compile(r"(?:置|为|填|写|作|设为|写作|记为)\s*null"), "留空"), (re.compile(r"\bnull\b"), "空值")]
_COMMAND = re.compile(r"python -m tools[^\s，。；）)]*(?:\s+[^\s，。；）)]+)*")
_TOKEN = re.compile(r"(?<![A-Za-z0-9_.\-/])([a-z][a-z0-9]*(?:[._-][a-z0-9]+)+|[a-z]{3,})(?![A-Za-z0-9_\-/])")
# Field names whose schema description is too long for running text.
SHORT = {"effective_from": "生效日期", "effective_to": "失效日期", "doc_number": "文号", "issued": "印发日期",
         "status": "效力状态", "in_force": "现行有效", "verified": "核实情况", "source": "来源", "note": "说明",
         "service": "修复办理规则", "repair": "信用修复规定", "basis": "依据", "provisions": "条款",
         "publication_period": "公示期限", "minimum_period": "最短期限", "time_limit_working_days": "办理时限",
         "listing_period": "列入期限", "standard_basis": "认定标准依据", "measures": "惩戒措施",
         "targets": "惩戒对象", "implementers": "实施主体", "matters": "业务事项", "severity": "失信程度",
         "information_kind": "信息种类", "penalty_exclusions": "排除声明", "repair_regimes": "信用修复制度",
         "collection_routes": "归集方式", "name_lists": "名单制度", "sanction_lists": "惩戒措施清单",
         "follows_repair_regime": "按施行中的修复制度确定", "replaced_by": "被取代为", "measure_count": "措施项数",
         "title": "名称", "name": "名称", "summary": "概述", "label": "条号", "rows": "各行", "draft": "草稿"}


def _labels() -> dict:
    """Vocabulary keys and field names -> their Chinese words."""
    out = {}
    for name in dir(vocab):
        voc = getattr(vocab, name)
        if name.isupper() and isinstance(voc, dict):
            out.update({k: v for k, v in voc.items() if isinstance(k, str) and isinstance(v, str)})

    def walk(schema):
        for field, rules in schema.items():
            if not isinstance(rules, dict):
                continue
            if field not in out and short_zh(rules):
                out[field] = short_zh(rules)
            walk(fields_of(rules))

    for schema in SCHEMAS.values():
        walk(schema)
    out.update(SHORT)
    return out


LABELS = _labels()


def _in_english(text: str, start: int, end: int) -> bool:
    """Whether the word at text[start:end] stands between Latin letters (spaces aside): part of English prose."""
    i, j = start - 1, end
    while i >= 0 and text[i] == " ":  # look past the spaces without copying the text around the word
        i -= 1
    while j < len(text) and text[j] == " ":
        j += 1
    return (i >= 0 and text[i].isascii() and text[i].isalpha()) or \
        (j < len(text) and text[j].isascii() and text[j].isalpha())


class Plain:
    """Humanise the free text of one repository's records for public pages."""

    def __init__(self, repo):
        self.titles = {rid: rec for rid, rec in repo.by_id.items()}
        self._done: dict = {}  # text -> its humanised form (a pure function of the text and the repository)

    def _token(self, m) -> str:
        word = m.group(1)
        if _in_english(m.string, m.start(1), m.end(1)):
            return word  # a word of an English phrase ("Date issued"), not a field name
        rec = self.titles.get(word)
        if rec is not None:
            return f"《{rec.title}》" if rec.kind == "document" else f"“{rec.title}”"
        if "." in word and word.split(".")[0] in LABELS:  # a dotted field path: repair.minimum_period
            return "的".join(LABELS.get(p, p) for p in word.split(".") if not p.isdigit())
        return LABELS.get(word, word)

    def _path(self, m) -> str:
        """A repository path in words: a collected legal text by its name, a record by its title."""
        path = m.group(0)
        law = _LAW_FILE.match(path)
        if law:
            name = law.group(1).split(" ")[-1]
            return f"《{name}》" + (f"（{law.group(2)} 文本）" if law.group(2) else "") + "（本库收集的公开文本）"
        if path == "waivers.yml":
            return "本库的例外登记"
        if path.startswith("shared/seeds/"):
            plan = self.titles.get("benxi-plan-2021")
            return f"《{plan.title}》" if plan is not None else "实施方案原文"
        parts = path.rsplit(".", 1)[0].split("/")
        rec = self.titles.get(parts[-1]) or (self.titles.get(parts[-2]) if len(parts) > 1 else None)
        if rec is not None:
            return f"《{rec.title}》" if rec.kind == "document" else f"“{rec.title}”"
        return "本库的资料汇编" if path.startswith("shared/") else "本库的记录"

    def text(self, value) -> str:
        if value is None:
            return ""
        text = str(value)
        done = self._done.get(text)
        if done is None:
            done = self._done[text] = self._humanise(text)
        return done

    def _humanise(self, text: str) -> str:
        for marker, words in _MARKERS.items():
            text = text.replace(marker, words)
        text = _COMMAND.sub("", text)
        text = _REPO_PATH.sub(self._path, text)
        text = _REPO_FOLDER.sub(lambda m: "本站的“" + _FOLDER_ZH.get(m.group(0).strip().rstrip("/").split("/")[-1], "记录")
                                + "”", text)
        text = _LINT.sub("本站的检查", text)
        for pattern, words in _NULLS:
            text = pattern.sub(words, text)
        parts = _URL.split(text)
        urls = _URL.findall(text)
        out = [_TOKEN.sub(self._token, parts[0])]
        for url, rest in zip(urls, parts[1:]):
            out += [url, _TOKEN.sub(self._token, rest)]
        return "".join(out)

    def sources(self, value) -> Markup:
        """A record's source for the public: official publishers linked, other copies named and marked, the
        repository's own reference files mentioned in words."""
        if value is None:
            return Markup("")
        text = str(value)
        parts, urls = _URL.split(text), _URL.findall(text)
        out = [md(self.text(parts[0]))]
        for url, rest in zip(urls, parts[1:]):
            if is_official(url):
                out.append(str(link(url, url)))
            else:
                out.append(md(f"{_host(url) or url}（转载，非官方）"))
            out.append(md(self.text(rest)))
        return Markup("".join(out))


# The grade of evidence in plain words: (what it is called, what it means for the reader; {what} is what was read).
EVIDENCE_WORDS = {
    "official": ("官方发布原文", "{what}读自发布机关网站上的原文。"),
    "official_copy": ("官方数据库文本的副本", "{what}读自官方法律法规数据库所载文本的公开副本，"
                                          "尚未在发布机关的网站上逐字核对。"),
    "secondary": ("二手资料（新闻、解读、地方指南）", "{what}读自新闻报道、解读文章或地方办事指南，尚未读到官方原文，"
                                                "请以发布机关公布的原文为准。"),
    "reconstructed": ("推断重构，不作为事实", "{what}是根据其他资料推断整理的，不是从原文读到的事实，只能作为查找原文的线索，"
                                           "不能作为办事或认定的依据。"),
    None: ("尚未标明", "{what}尚未标明读自何处，请以发布机关公布的原文为准。"),
}


def evidence_words(grade, what: str = "本页内容") -> tuple[str, str]:
    """(name, meaning) of a grade for the public, the meaning said of ``what`` (本页内容, 本项内容, 内容); an
    unknown value reads as not stated."""
    name, meaning = EVIDENCE_WORDS.get(grade if grade in EVIDENCE_WORDS else None)
    return name, meaning.format(what=what)
