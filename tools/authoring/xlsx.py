"""Excel round trip for catalog tables in the layout departments already use.

``import-xlsx FILE --catalog ID`` turns each usable row into a draft catalog entry (YAML) and reports every
unusable row by sheet and row number; ``export-xlsx --catalog ID --out FILE`` writes an edition back in the same
layout. Citations are written as in the official tables — 《文件名称》第N条 — and resolved against policies/.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from tools.domain import durations
from tools.domain.citations import book_title, cite_text, unresolved_text
from tools.domain.durations import Duration
from tools.domain.numerals import articles_in_zh
from tools.model import vocab
from tools.model.schemas import ID_PATTERN

COLUMNS = ["id", "信息类别", "信息名称", "具体行为", "提供单位", "数据来源", "性质分类", "适用主体", "纳入依据",
           "共享属性", "公开属性", "公示期限", "证据等级"]
REQUIRED = ["信息类别", "信息名称", "纳入依据"]
_CITE = re.compile(r"《([^》]+)》\s*((?:第[零〇一二三四五六七八九十百千]+条(?:第[一二三四五六七八九十]+款)?[、，,和及]?\s*)+)")
_ARTICLE = re.compile(r"第[零〇一二三四五六七八九十百千]+条(?:第[一二三四五六七八九十]+款)?")


@dataclass
class RowProblem:
    sheet: str
    row: int
    message: str

    def __str__(self):
        return f"工作表“{self.sheet}”第 {self.row} 行：{self.message}"


def _reverse(voc: dict) -> dict:
    return {label: key for key, label in voc.items()}


def _split(text) -> list[str]:
    return [x.strip() for x in re.split(r"[、，,；;\n]", str(text or "")) if x.strip()]


def _period(text):
    """'3个月' -> P3M; '3个月至1年' -> (P3M, P1Y); '' -> None."""
    text = str(text or "").strip()
    if not text:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(f"公示期限应写期限的长度（如“3年”“6个月”），不是截止日期“{text}”")
    parts = re.split(r"\s*(?:至|到|-|~)\s*", text)
    out = []
    for part in parts:
        period = Duration.parse(part) or Duration.from_zh(part)
        if period is None:
            raise ValueError(f"公示期限“{text}”无法识别：请写“3个月”“1年”“三年”或“3个月至1年”")
        out.append(period.iso())
    if len(out) == 1:
        return {"maximum": out[0]}
    if len(out) == 2:
        return {"minimum": out[0], "maximum": out[1]}
    raise ValueError(f"公示期限“{text}”无法识别")


class CitationIndex:
    """Resolve 《title》第N条 against the repository's documents (full or short titles)."""

    def __init__(self, repo):
        self.docs = {}
        for doc in repo.of_kind("document"):
            for name in (doc.data.get("title"), doc.data.get("short_title")):
                if isinstance(name, str):
                    for form in (name, book_title(name)[1:-1]):  # also as written inside title marks: 〈…〉
                        self.docs[form] = doc
                        self.docs[form.removeprefix("中华人民共和国")] = doc
        self.repo = repo

    def parse(self, text) -> list[dict]:
        text = articles_in_zh(str(text or "").strip())  # 第48条 → 第四十八条, as the records write it
        found = list(_CITE.finditer(text))
        if not found:
            raise ValueError(f"纳入依据“{text}”无法识别：请写成《文件名称》第四十八条（条款编号用中文数字或阿拉伯数字均可）")
        out = []
        for m in found:
            doc = self.docs.get(m[1]) or self.docs.get(m[1].removeprefix("中华人民共和国"))
            if doc is None:
                raise ValueError(f"本库没有《{m[1]}》：请先在 policies/ 中添加该文件")
            for label in _ARTICLE.findall(m[2]):
                prov = next((p for p in doc.data.get("provisions") or [] if p.get("label") == label), None)
                if prov is None:
                    raise ValueError(f"《{m[1]}》没有收录{label}：请先在该文件的 provisions 中添加")
                out.append({"doc": doc.id, "provision": prov["id"]})
        return out

    def label(self, cit) -> str:
        """The citation as the 纳入依据 column writes it (what ``parse`` reads back)."""
        return cite_text(self.repo, cit) or unresolved_text(cit)


def _fields(row: dict, catalog, categories: dict, cites: CitationIndex) -> dict:
    """What the row's filled cells say, as {field path: value}; an empty cell says nothing (it never erases)."""
    natures, sharing, disclosure = _reverse(vocab.NATURES), _reverse(vocab.SHARING), _reverse(vocab.DISCLOSURE)
    subjects = _reverse(vocab.SUBJECTS)
    out = {("name",): row["信息名称"]}
    category = categories.get(row["信息类别"])
    if category is None:
        raise ValueError(f"信息类别“{row['信息类别']}”不在目录版本 {catalog} 的类别中（可用：{'、'.join(_category_names(categories))}）")
    out[("category",)] = category
    if row.get("具体行为"):
        out[("behavior",)] = row["具体行为"]
    if row.get("提供单位"):
        out[("provider",)] = _split(row["提供单位"])
    if row.get("数据来源"):
        out[("data_source",)] = row["数据来源"]
    nature = row.get("性质分类", "")
    if nature:
        if nature not in natures:
            raise ValueError(f"性质分类“{nature}”应为：{'、'.join(natures)}")
        out[("nature",)] = natures[nature]
    subj = _split(row.get("适用主体"))
    bad = [x for x in subj if x not in subjects]
    if bad:
        raise ValueError(f"适用主体“{'、'.join(bad)}”应为：{'、'.join(subjects)}")
    if subj:
        out[("subjects",)] = [subjects[x] for x in subj]
    out[("basis",)] = cites.parse(row["纳入依据"])
    for column, field, voc in (("共享属性", "sharing", sharing), ("公开属性", "disclosure", disclosure)):
        value = row.get(column, "")
        if value:
            if value not in voc:
                raise ValueError(f"{column}“{value}”应为：{'、'.join(voc)}")
            out[(field, "attribute")] = voc[value]
    period = _period(row.get("公示期限"))
    if period:
        out[("publication_period",)] = period
    grade = row.get("证据等级", "")
    if grade:
        grades = {**_reverse(vocab.EVIDENCE), **{k: k for k in vocab.EVIDENCE}}
        if grade not in grades:
            raise ValueError(f"证据等级“{grade}”应为：{'、'.join(vocab.EVIDENCE.values())}（或代码 {'、'.join(vocab.EVIDENCE)}）")
        out[("evidence",)] = grades[grade]
    return out


def _category_names(categories: dict) -> list:
    return [name for name, cid in categories.items() if name != cid]


def _new_entry(rid: str, fields: dict) -> dict:
    entry = {"id": rid, "name": "", "category": "", "information_kind": "other", "behavior": "（待填写）",
             "provider": ["（待填写）"], "data_source": "（待填写）", "nature": "other", "subjects": ["legal_person"],
             "basis": []}
    grade = fields.pop(("evidence",), None)
    for path, value in fields.items():
        _set(entry, path, value)
    entry.update(source="（待填写：表格的出处）", verified=False, evidence=grade or "（待填写）",
                 note="由表格导入，其余字段待补充", draft=True)
    return entry


def _get(data, path):
    for step in path:
        data = data.get(step) if isinstance(data, dict) else None
    return data


def _set(data, path, value):
    for step in path[:-1]:
        if not isinstance(data.get(step), dict):
            data[step] = {}
        data = data[step]
    data[path[-1]] = value


def _same(path, old, new) -> bool:
    if path == ("basis",) and isinstance(old, list):  # a citation's note is kept when the article is the same
        return [(c.get("doc"), c.get("provision")) for c in old if isinstance(c, dict)] == \
               [(c["doc"], c["provision"]) for c in new]
    return old == new


def _pinyin_id(name: str) -> str:
    """行政处罚信息 → xing-zheng-chu-fa-xin-xi (readable, and what the id pattern allows)."""
    from pypinyin import lazy_pinyin

    words = []
    for part in lazy_pinyin(name):
        words += re.findall(r"[a-z0-9]+", part.lower())
    rid = "-".join(words)[:60].strip("-")
    return rid or "entry"


@dataclass
class Updated:
    path: Path
    fields: list          # the changed columns' names
    reset: bool           # verified was true and is now false
    grade_kept: str | None  # the record's grade, kept although the sheet changed facts without stating one


@dataclass
class ImportResult:
    written: list      # new draft files
    updated: list      # Updated: (path, changed field names, verified was reset, grade kept unconfirmed)
    unchanged: list    # paths of entries the sheet repeats as they are
    problems: list     # RowProblem


class _Importer:
    def __init__(self, repo, catalog: str, out_dir: Path, update: bool):
        edition = repo.get(catalog, "catalog_edition")
        if edition is None:
            raise ValueError(f"目录版本“{catalog}”不存在")
        self.repo, self.catalog, self.out_dir, self.update = repo, catalog, out_dir, update
        self.categories = {}
        for c in edition.data.get("categories") or []:
            self.categories[c.get("name")] = c.get("id")
            self.categories[c.get("id")] = c.get("id")
        self.cites = CitationIndex(repo)
        self.entries = [r for r in repo.of_kind("catalog_entry") if r.group == catalog]
        self.by_name = {}
        for rec in self.entries:
            self.by_name.setdefault(str(rec.data.get("name") or "").strip(), rec)
        self.taken = {r.id for r in repo.records if r.id}
        self.seen_names = {}  # name → (sheet, row) of the first row with it
        self.result = ImportResult([], [], [], [])

    def row(self, sheet: str, number: int, row: dict):
        missing = [c for c in REQUIRED if not row.get(c)]
        if missing:
            raise ValueError(f"缺少{'、'.join(missing)}")
        name = row["信息名称"]
        fields = _fields(row, self.catalog, self.categories, self.cites)
        rid = row.get("id", "")
        if rid and not re.match(ID_PATTERN, rid):
            raise ValueError(f"id“{rid}”不合法：只能用小写英文字母、数字、连字符（-）和点（.），以字母或数字开头")
        if name in self.seen_names:
            first = self.seen_names[name]
            raise ValueError(f"信息名称“{name}”与工作表“{first[0]}”第 {first[1]} 行重复：同一目录版本中的信息名称不能重复")
        self.seen_names[name] = (sheet, number)
        existing = self.repo.get(rid) if rid else self.by_name.get(name)
        if rid and existing is not None and (existing.kind != "catalog_entry" or existing.group != self.catalog):
            raise ValueError(f"id“{rid}”已被 {existing.path} 使用，不是本目录版本的条目：请换一个 id")
        if rid and existing is None and name in self.by_name:
            other = self.by_name[name]
            raise ValueError(f"信息名称“{name}”已有条目 {other.id}（{other.path}）：同一目录版本中的信息名称不能重复；"
                             f"如要更新该条目，请把 id 列改为 {other.id} 或留空")
        if existing is not None:
            self._update(existing, fields)
            return
        rid = rid or self._fresh_id(name)
        target = self.out_dir / f"{rid}.yml"
        if target.exists():
            raise ValueError(f"文件 {target.name} 已存在但没有读成本目录的条目：请先修正该文件（运行 lint 查看）")
        self.taken.add(rid)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.safe_dump(_new_entry(rid, fields), allow_unicode=True, sort_keys=False),
                          encoding="utf-8", newline="\n")
        self.result.written.append(target)

    def _fresh_id(self, name: str) -> str:
        base = _pinyin_id(name)
        rid, n = base, 2
        while rid in self.taken or (self.out_dir / f"{rid}.yml").exists():
            rid, n = f"{base}-{n}", n + 1
        return rid

    def _update(self, rec, fields: dict):
        changed = [path for path, value in fields.items() if not _same(path, _get(rec.data, path), value)]
        path = self.out_dir.parent.parent / rec.path
        if not changed:
            self.result.unchanged.append(path)
            return
        if not self.update:
            raise ValueError(f"条目 {rec.id}（{rec.path}）已存在，表格中的{'、'.join(_label(p) for p in changed)}与它不同；"
                             f"如要用表格内容更新，请加 --update 重新导入")
        from ruamel.yaml import YAML

        rt = YAML()  # round trip: comments, order and quoting of the rest of the file stay as they are
        rt.preserve_quotes = True
        rt.width = 4096
        rt.indent(mapping=2, sequence=4, offset=2)  # the records' style: "  - doc: …"
        with open(path, encoding="utf-8") as fh:
            data = rt.load(fh)
        for p in changed:
            _set(data, p, fields[p])
        reset = data.get("verified") is True
        if reset:
            data["verified"] = False  # the new facts come from the sheet, not from the source that was checked
        # facts changed but the grade did not: it may no longer hold for the new facts (staff are asked to confirm)
        kept = None if ("evidence",) in changed else data.get("evidence")
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            rt.dump(data, fh)
        self.result.updated.append(Updated(path, [_label(p) for p in changed], reset, kept))


FIELD_COLUMNS = {"name": "信息名称", "category": "信息类别", "behavior": "具体行为", "provider": "提供单位",
                 "data_source": "数据来源", "nature": "性质分类", "subjects": "适用主体", "basis": "纳入依据",
                 "sharing": "共享属性", "disclosure": "公开属性", "publication_period": "公示期限",
                 "evidence": "证据等级"}


def _label(path) -> str:
    return FIELD_COLUMNS.get(path[0], path[0])


def import_workbook(path: Path, repo, catalog: str, out_dir: Path, update: bool = False) -> ImportResult:
    """Write one draft YAML file per new row, update existing entries with --update; name every row not taken."""
    from tools.authoring.sheets import open_workbook, read_sheet

    importer = _Importer(repo, catalog, out_dir, update)
    wb = open_workbook(path)
    for ws in wb.worksheets:
        sheet = read_sheet(ws, "信息名称")
        if sheet.header_row is None:
            if ws.max_row > 1 or ws.max_column > 1:  # a blank sheet is not worth a word
                importer.result.problems.append(RowProblem(
                    ws.title, 1, f"前 10 行中没有表头“信息名称”，整张工作表未导入（表头应包含：{'、'.join(REQUIRED)}）"))
            continue
        for number, row in sheet.rows:
            try:
                importer.row(ws.title, number, row)
            except ValueError as exc:
                importer.result.problems.append(RowProblem(ws.title, number, str(exc)))
    return importer.result


def export_workbook(repo, catalog: str, path: Path) -> int:
    """Write an edition's entries in the import layout; return the number of rows."""
    from openpyxl import Workbook

    edition = repo.get(catalog, "catalog_edition")
    if edition is None:
        raise ValueError(f"目录版本“{catalog}”不存在")
    cats = {c.get("id"): c.get("name") for c in edition.data.get("categories") or []}
    cites = CitationIndex(repo)
    wb = Workbook()
    ws = wb.active
    ws.title = "目录"
    ws.append(COLUMNS)
    entries = sorted((r for r in repo.of_kind("catalog_entry") if r.group == catalog), key=lambda r: r.id)
    for rec in entries:
        d = rec.data
        period = d.get("publication_period") or {}
        span = "至".join(durations.zh(p) for p in (period.get("minimum"), period.get("maximum")) if p)
        ws.append([rec.id, cats.get(d.get("category"), d.get("category")), d.get("name"), d.get("behavior"),
                   "、".join(d.get("provider") or []), d.get("data_source"), vocab.NATURES.get(d.get("nature"), ""),
                   "、".join(vocab.SUBJECTS.get(s, s) for s in d.get("subjects") or []),
                   "".join(cites.label(c) for c in d.get("basis") or []),
                   vocab.SHARING.get((d.get("sharing") or {}).get("attribute"), ""),
                   vocab.DISCLOSURE.get((d.get("disclosure") or {}).get("attribute"), ""), span,
                   vocab.EVIDENCE.get(d.get("evidence"), "")])
    wb.save(path)
    return len(entries)

