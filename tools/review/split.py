"""Splitting a document into provisions the way Chinese documents are structured, with locations in those terms.

Two structures, often mixed:
- articles: 第X编/章/节 (headings), 第X条; the paragraphs of an article are its 款, （一） inside an article a 项,
  and 1. or （1） under a 项 a 目 -> 第五条第二款第三项 (the 款 only named when the article has more than one);
- numbered paragraphs: 一、 （一） 1. （1） ① -> 三、（二）1.（1）; a numbered line that is only a title is context
  for the paragraphs under it, which take its location (a second paragraph under the same title: …第二段).
Text before the first marker is 开头第N段; a row of a table is 表N第M行.

Each provision keeps the texts above it (``context``: chapter and numbered titles, and an article's lead-in for
its items), which carry the subject ("对列入名单的……") and the basis ("依据《……》……") of the items below.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from tools.domain.numerals import from_zh, to_zh

_N = "一二三四五六七八九十百千零〇两"
_HEADING = re.compile(rf"^第([{_N}0-9]+)([编章节])\s*")
_ARTICLE = re.compile(rf"^第([{_N}0-9]+)条\s*")
# the outline levels, highest first: 一、 （一） 1. （1） ①
_LEVELS = [
    re.compile(r"^([一二三四五六七八九十]+)\s*[、．.]\s*"),
    re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*"),
    re.compile(r"^([0-9]{1,3})\s*[.．、](?![0-9])\s*"),
    re.compile(r"^[（(]\s*([0-9]{1,3})\s*[)）]\s*"),
    re.compile(r"^([①-⑳])\s*"),
]
_LABEL = ["{}、", "（{}）", "{}.", "（{}）", "{}"]
_ENDS = tuple("。；：！？;:!?")


@dataclass
class Provision:
    location: str
    text: str
    context: list[str] = field(default_factory=list)  # texts above it: headings, titles, the article's lead-in
    index: int = 0  # position in the document
    pos: tuple | None = None  # inside an article: (款, 项, 目), 0 where there is none


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else from_zh(text)


def _is_title(text: str, rest: str) -> bool:
    """A numbered line that only names what follows: short, and not a sentence."""
    return len(rest) <= 30 and not text.rstrip().endswith(_ENDS) and "，" not in rest


def split(blocks) -> list[Provision]:
    """The provisions of a document's blocks (tools.review.read.Block), in order."""
    out: list[Provision] = []
    headings: list[str] = []  # 编、章、节 titles in force
    article = None  # {"no": int, "kuan": int, "lead": str, "items": [...], "provisions": [...]}
    outline: list[tuple[str, str, bool]] = []  # (label, text, is_title) per level reached
    preamble = 0
    used: dict[str, int] = {}

    def emit(location, text, context):
        n = used.get(location, 0) + 1
        used[location] = n
        shown = location if n == 1 else f"{location}第{to_zh(n)}段"
        out.append(Provision(shown, text, [c for c in context if c], len(out)))
        return out[-1]

    for block in blocks:
        text = block.text.strip()
        if not text:
            continue
        if block.table:
            table, row = block.table
            emit(f"表{table}第{row}行", text, headings + [t for _, t, _ in outline])
            continue
        m = _HEADING.match(text)
        if m:
            level = "编章节".index(m[2])
            headings = [h for h in headings if "编章节".index(_HEADING.match(h)[2]) < level] + [text]
            _close(article, out)
            article, outline = None, []
            continue
        m = _ARTICLE.match(text)
        if m and _number(m[1]):
            _close(article, out)
            article = {"no": _number(m[1]), "kuan": 1, "item": 0, "sub": 0, "lead": text, "provisions": []}
            p = emit(f"第{to_zh(article['no'])}条", text, headings + [t for _, t, _ in outline])
            p.pos = (1, 0, 0)
            article["provisions"].append(p)
            continue
        level, m = _level(text)
        if article is not None:
            if level is None:
                article["kuan"] += 1
                article["item"] = article["sub"] = 0
                article["lead"] = text
                pos = (article["kuan"], 0, 0)
            elif level <= 1 or not article["item"]:  # （一） (or 一、, or 1. with no item yet): an item of the 款
                article["item"] = (_number(m[1]) if level != 4 else None) or article["item"] + 1
                article["sub"] = 0
                pos = (article["kuan"], article["item"], 0)
            else:  # 1. （1） ①: under an item
                article["sub"] = int(m[1]) if m[1].isdigit() else article["sub"] + 1
                pos = (article["kuan"], article["item"], article["sub"])
            context = headings + ([article["lead"]] if pos[1] else [])
            p = emit(f"第{to_zh(article['no'])}条#{pos}", text, context)
            p.pos = pos
            article["provisions"].append(p)
            continue
        if level is not None:
            label = _LABEL[level].format(m[1])
            outline = [x for x in outline[:level]] + [("", "", True)] * (level - len(outline)) + \
                [(label, text, _is_title(text, text[m.end():]))]
            location = "".join(lab for lab, _, _ in outline)
            above = [t for _, t, _ in outline[:-1]]
            if outline[-1][2]:
                continue  # a title: its paragraphs below take its location
            emit(location, text, headings + above)
            continue
        if outline:
            location = "".join(lab for lab, _, _ in outline)
            emit(location, text, headings + [t for _, t, _ in outline])
        else:
            preamble += 1
            emit(f"开头第{to_zh(preamble)}段", text, headings)
    _close(article, out)
    return out


def _level(text: str):
    for i, pattern in enumerate(_LEVELS):
        m = pattern.match(text)
        if m and (i != 0 or len(text) > len(m[0])):
            return i, m
    return None, None


def _close(article, out) -> None:
    """Give an article's provisions their final locations: the 款 is named only when there are several."""
    if not article:
        return
    several = max(p.pos[0] for p in article["provisions"]) > 1
    base = f"第{to_zh(article['no'])}条"
    for p in article["provisions"]:
        kuan, item, sub = p.pos
        loc = base + (f"第{to_zh(kuan)}款" if several else "")
        if item:
            loc += f"第{to_zh(item)}项"
        if sub:
            loc += f"第{to_zh(sub)}目"
        p.location = loc
