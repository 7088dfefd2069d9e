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
from tools.domain.durations import Duration
from tools.model import vocab
from tools.model.schemas import ID_PATTERN

COLUMNS = ["id", "信息类别", "信息名称", "具体行为", "提供单位", "数据来源", "性质分类", "适用主体", "纳入依据",
           "共享属性", "公开属性", "公示期限"]
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
    parts = re.split(r"\s*(?:至|到|-|~)\s*", text)
    out = []
    for part in parts:
        period = Duration.parse(part) or Duration.from_zh(part)
        if period is None:
            raise ValueError(f"公示期限“{text}”无法识别：请写“3个月”“1年”或“3个月至1年”")
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
                    self.docs[name] = doc
                    self.docs[name.removeprefix("中华人民共和国")] = doc
        self.repo = repo

    def parse(self, text) -> list[dict]:
        text = str(text or "").strip()
        found = list(_CITE.finditer(text))
        if not found:
            raise ValueError(f"纳入依据“{text}”无法识别：请写成《文件名称》第N条")
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
        doc = self.repo.get(cit.get("doc"), "document")
        prov = self.repo.provision(cit.get("doc"), cit.get("provision")) or {}
        return f"《{doc.title if doc else cit.get('doc')}》{prov.get('label') or cit.get('provision')}"


def _entry(row: dict, catalog, categories: dict, cites: CitationIndex, default_id: str) -> dict:
    natures, sharing, disclosure = _reverse(vocab.NATURES), _reverse(vocab.SHARING), _reverse(vocab.DISCLOSURE)
    subjects = _reverse(vocab.SUBJECTS)
    missing = [c for c in REQUIRED if not str(row.get(c) or "").strip()]
    if missing:
        raise ValueError(f"缺少{'、'.join(missing)}")
    category = categories.get(str(row["信息类别"]).strip())
    if category is None:
        raise ValueError(f"信息类别“{row['信息类别']}”不在目录版本 {catalog} 的类别中")
    rid = str(row.get("id") or "").strip() or default_id
    if not re.match(ID_PATTERN, rid):
        raise ValueError(f"id“{rid}”不合法：只能用小写英文字母、数字和连字符")
    entry = {"id": rid, "name": str(row["信息名称"]).strip(), "category": category, "information_kind": "other",
             "behavior": str(row.get("具体行为") or "（待填写）"), "provider": _split(row.get("提供单位")) or ["（待填写）"],
             "data_source": str(row.get("数据来源") or "（待填写）")}
    nature = str(row.get("性质分类") or "").strip()
    if nature and nature not in natures:
        raise ValueError(f"性质分类“{nature}”应为：{'、'.join(natures)}")
    entry["nature"] = natures.get(nature, "other")
    subj = _split(row.get("适用主体"))
    bad = [s for s in subj if s not in subjects]
    if bad:
        raise ValueError(f"适用主体“{'、'.join(bad)}”应为：{'、'.join(subjects)}")
    entry["subjects"] = [subjects[s] for s in subj] or ["legal_person"]
    entry["basis"] = cites.parse(row["纳入依据"])
    for column, field, voc in (("共享属性", "sharing", sharing), ("公开属性", "disclosure", disclosure)):
        value = str(row.get(column) or "").strip()
        if value:
            if value not in voc:
                raise ValueError(f"{column}“{value}”应为：{'、'.join(voc)}")
            entry[field] = {"attribute": voc[value]}
    period = _period(row.get("公示期限"))
    if period:
        entry["publication_period"] = period
    entry.update(source="（待填写：表格的出处）", verified=False, note="由表格导入，其余字段待补充", draft=True)
    return entry


def import_workbook(path: Path, repo, catalog: str, out_dir: Path):
    """Write one draft YAML file per usable row; return (written paths, row problems)."""
    from openpyxl import load_workbook

    edition = repo.get(catalog, "catalog_edition")
    if edition is None:
        raise ValueError(f"目录版本“{catalog}”不存在")
    categories = {}
    for c in edition.data.get("categories") or []:
        categories[c.get("name")] = c.get("id")
        categories[c.get("id")] = c.get("id")
    cites = CitationIndex(repo)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise ValueError(f"无法读取工作簿 {path.name}：{exc}") from None
    written, problems = [], []
    for ws in wb.worksheets:
        rows = ws.iter_rows(values_only=True)
        header = next(rows, None)
        if not header:
            continue
        names = [str(h).strip() if h is not None else "" for h in header]
        if "信息名称" not in names:
            problems.append(RowProblem(ws.title, 1, "表头中没有“信息名称”列，整张工作表未导入"))
            continue
        for number, values in enumerate(rows, start=2):
            row = dict(zip(names, values))
            if not any(v not in (None, "") for v in values):
                continue
            try:
                entry = _entry(row, catalog, categories, cites, f"{catalog}-{ws.title}-{number}".lower())
            except ValueError as exc:
                problems.append(RowProblem(ws.title, number, str(exc)))
                continue
            target = out_dir / f"{entry['id']}.yml"
            if target.exists() or repo.get(entry["id"]) is not None:
                problems.append(RowProblem(ws.title, number, f"id“{entry['id']}”已存在，未覆盖"))
                continue
            target.write_text(yaml.safe_dump(entry, allow_unicode=True, sort_keys=False), encoding="utf-8")
            written.append(target)
    return written, problems


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
                   vocab.DISCLOSURE.get((d.get("disclosure") or {}).get("attribute"), ""), span])
    wb.save(path)
    return len(entries)

