"""Exports for other systems: JSON per record kind, the joint-sanction bundle, CSV (UTF-8 with BOM, for Excel),
one XLSX workbook, and ``index.json`` listing every file with its size and SHA-256.

Format version 1 (documented on the site's 下载 page). Timestamps come from SOURCE_DATE_EPOCH or the commit time,
never the clock, so two exports of the same commit are byte-identical.
"""
from __future__ import annotations

import csv
import datetime as _dt
import hashlib
import io
import re
import zipfile
from pathlib import Path

from tools.base.outputs import json_bytes as _json_bytes, write_tree
from tools.base.provenance import build_time, commit_id
from tools.graph.serialize import to_json as graph_json
from tools.graph.queries import joint_sanctions
from tools.domain.citations import cite_text, unresolved_text
from tools.domain.measures import rows as measure_rows
from tools.model import vocab
from tools.model.records import iter_citations
from tools.model.vocab import KINDS

FORMAT_VERSION = "2"
# Whether every fact was checked, and where the facts were read: after the other columns of the tables.
_CHECKED = (("已核实", "verified", None), ("证据等级", "evidence", vocab.EVIDENCE))
# Columns of the CSV/XLSX tables, for people: (header, field, vocabulary). Coded values are written as their
# Chinese labels (the JSON keeps the codes), citations as 《文件》条款, list values joined with "；". Fields
# starting with @ are computed (see _cell).
COLUMNS = {
    "document": [("id", "id", None), ("名称", "title", None), ("文号", "doc_number", None),
                 ("效力层级", "level", vocab.LEVELS), ("地域", "jurisdiction", vocab.JURISDICTIONS),
                 ("发布日期", "issued", None), ("施行日期", "effective_from", None), ("失效日期", "effective_to", None),
                 ("状态", "status", vocab.DOCUMENT_STATUS), *_CHECKED, ("来源", "source", None)],
    "catalog_edition": [("id", "id", None), ("名称", "title", None), ("类型", "scope", vocab.CATALOG_SCOPES),
                        ("地域", "jurisdiction", vocab.JURISDICTIONS), ("版本", "edition", None),
                        ("取代", "supersedes", None), *_CHECKED],
    "catalog_entry": [("id", "id", None), ("信息名称", "name", None), ("目录版本", "@group", None),
                      ("类别", "@category", None), ("信息种类", "information_kind", vocab.INFORMATION_KINDS),
                      ("性质", "nature", vocab.NATURES), ("适用主体", "subjects", vocab.SUBJECTS),
                      ("纳入依据", "@basis", None), *_CHECKED],
    "measure_list": [("id", "id", None), ("名称", "title", None), ("类型", "scope", vocab.MEASURE_LIST_SCOPES),
                     ("地域", "jurisdiction", vocab.JURISDICTIONS), ("版本", "edition", None),
                     *_CHECKED],
    "measure": [("id", "id", None), ("措施名称", "name", None), ("清单版本", "@group", None),
                ("类别", "category", vocab.MEASURE_CATEGORIES), ("惩戒内容", "@content", None),
                ("实施主体", "@implementers", None), ("适用事项", "@matters", None), ("依据", "@basis", None),
                *_CHECKED],
    "list_regime": [("id", "id", None), ("名单名称", "name", None), ("领域", "domain", vocab.DOMAINS),
                    ("认定部门", "authority", None), ("认定标准依据", "@basis", None), ("惩戒措施", "@measures", None),
                    *_CHECKED],
    "collection_route": [("id", "id", None), ("名称", "name", None), ("推送至", "destination", None),
                         ("依据", "@basis", None), ("证据等级", "evidence", vocab.EVIDENCE)],
    "repair_regime": [("id", "id", None), ("名称", "name", None), ("施行日期", "effective_from", None),
                      ("终止日期", "effective_to", None), ("依据", "@basis", None), *_CHECKED],
}


def _plain(value):
    """JSON-ready copy of a record value (dates become ISO strings)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def cite_label(repo, cit) -> str:
    """《文件名称》第N条 for a citation (doc#provision when it does not resolve)."""
    return cite_text(repo, cit) or unresolved_text(cit)


def _joined(values) -> str:
    seen = []
    for v in values:
        if v and v not in seen:
            seen.append(v)
    return "；".join(seen)


def _cell(repo, rec, field, voc=None):
    if field == "@group":
        return rec.group or ""
    if field == "@basis":
        return _joined(cite_label(repo, c) for _, c in iter_citations(rec.data))
    if field == "@category":  # a catalog entry's category is named in its edition
        edition = repo.get(rec.group, "catalog_edition")
        names = {c.get("id"): c.get("name") for c in (edition.data.get("categories") or [])} if edition else {}
        return str(names.get(rec.data.get("category"), rec.data.get("category") or ""))
    if field == "@content":
        return _joined(str(r.data.get("content") or "") for r in measure_rows(rec))
    if field == "@implementers":
        return _joined(str(i.get("name") if isinstance(i, dict) else i) for r in measure_rows(rec)
                       for i in r.data.get("implementers") or [])
    if field == "@matters":
        return _joined(str(m) for r in measure_rows(rec) for m in r.data.get("matters") or [])
    if field == "@measures":
        return _joined((m.title if (m := repo.get(mid, "measure")) else str(mid)) for mid in rec.data.get("measures") or [])
    value = rec.data.get(field)
    if isinstance(value, list):  # a list of {name, …} (such as a list regime's authority) shows the names
        return "；".join(str(v["name"]) if isinstance(v, dict) and "name" in v else str((voc or {}).get(v, v))
                        for v in value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, _dt.date):
        return value.isoformat()
    if voc and value in voc:
        return voc[value]
    return "" if value is None else str(value)


def _rows(repo, kind):
    return [[_cell(repo, rec, field, voc) for _, field, voc in COLUMNS[kind]] for rec in published(repo, kind)]


def published(repo, kind) -> list:
    """The records of a kind that are published, sorted by id: drafts (draft: true) never leave the repository."""
    return sorted((r for r in repo.of_kind(kind) if r.data.get("draft") is not True), key=lambda r: r.id)


def _csv_bytes(header, rows) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")  # a BOM, so Excel reads UTF-8


def _xlsx_bytes(repo, when: _dt.datetime) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for kind, columns in COLUMNS.items():
        ws = wb.create_sheet(title=KINDS[kind][:31])
        ws.append([c[0] for c in columns])
        for row in _rows(repo, kind):
            ws.append(row)
    naive = when.replace(tzinfo=None)
    wb.properties.created = naive
    wb.properties.modified = naive
    wb.properties.creator = "benxi-credit-policy"
    buf = io.BytesIO()
    wb.save(buf)
    return _normalise_zip(buf.getvalue(), when)


def _normalise_zip(data: bytes, when: _dt.datetime) -> bytes:
    """openpyxl stamps the clock into docProps/core.xml and every zip member: rewrite both from `when`."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    date_time = when.timetuple()[:6] if when.year >= 1980 else (1980, 1, 1, 0, 0, 0)  # zip cannot go earlier
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)",
                                 lambda m: m.group(1) + stamp.encode() + m.group(2), content)
            member = zipfile.ZipInfo(info.filename, date_time=date_time)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, content)
    return out.getvalue()


def export_files(repo, g, root, when: _dt.datetime | None = None) -> dict[str, bytes]:
    """relative path -> content of every export file except index.json (``when``: the build time, default
    from SOURCE_DATE_EPOCH or the commit)."""
    when = when or build_time(root)
    files = {}
    for kind in KINDS:
        records = [dict(_plain(r.data), _path=r.path, **({"_group": r.group} if r.group else {}))
                   for r in published(repo, kind)]
        files[f"json/{kind}.json"] = _json_bytes({"format_version": FORMAT_VERSION, "kind": kind,
                                                  "records": records})
        files[f"csv/{kind}.csv"] = _csv_bytes([c[0] for c in COLUMNS[kind]], _rows(repo, kind))
    as_of = when.date()
    bundle = [joint_sanctions(repo, r.id, as_of) for r in published(repo, "list_regime")]
    files["json/joint_sanctions.json"] = _json_bytes({"format_version": FORMAT_VERSION, "as_of": as_of.isoformat(),
                                                      "lists": bundle})
    rows = [[b["list"], b["name"], m["id"], m["name"], vocab.MEASURE_CATEGORIES.get(m["category"], m["category"]),
             "；".join(m["implementers"]), "；".join(m["matters"]), _joined(cite_label(repo, x) for x in m["basis"])]
            for b in bundle for m in b["measures"]]
    files["csv/joint_sanctions.csv"] = _csv_bytes(["名单 id", "名单", "措施 id", "措施", "类别", "实施主体", "适用事项",
                                                   "依据"], rows)
    files["graph.json"] = graph_json(g).encode("utf-8")
    files["benxi-credit.xlsx"] = _xlsx_bytes(repo, when)
    return files


def export(repo, g, out_dir, root, when: _dt.datetime | None = None) -> dict:
    """Write every export file and index.json into out_dir (replaced whole, never half-written)."""
    out_dir = Path(out_dir)
    when = when or build_time(root)
    files = export_files(repo, g, root, when)
    index = {"format_version": FORMAT_VERSION, "commit": commit_id(root),
             "generated_at": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
             "counts": {kind: len(published(repo, kind)) for kind in KINDS},
             "files": [{"path": path, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                       for path, data in sorted(files.items())]}
    files["index.json"] = _json_bytes(index)
    write_tree(files, out_dir)
    return index
