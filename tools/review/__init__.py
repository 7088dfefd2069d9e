"""Review a department's existing sanction documents against the plan and the list in force (方案五（二）梳理评估).

``python -m tools review FILE…`` reads each document (``read``: .docx, .txt/.md, text-based .pdf), splits it into
provisions the way Chinese documents are structured (``split``: 章、条、款、项, 一、（一）1.（1）), finds those that
impose a sanction or set up or fill a list (``detect``), matches them to the measures and list regimes of the
repository (``match``, with the words of ``terms.yml`` and rapidfuzz), runs the six checks (``checks``) and writes
the report (``output``: text, JSON, XLSX). The results are advice for a person to confirm; the report says so.

Exit codes (the command): 0 every file read and no findings; 1 findings, or a file could not be read; 2 nothing
could be read, or a usage error.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path

from tools.review.read import MAX_MB, Unreadable

__all__ = ["MAX_MB", "NOTICE", "Result", "DocumentResult", "Unreadable", "review"]

NOTICE = ("本报告由程序按本规则库自动生成，只是供人工确认的建议，不是审查结论：每一条都须由工作人员对照文件原文、"
          "所援引的依据和现行清单核实后，再决定是否修改文件；没有提示的条款也不等于没有问题。")


@dataclass
class DocumentResult:
    file: str
    error: str | None = None  # why the file could not be read (Chinese), or None
    format: str | None = None
    provisions_read: int = 0  # all provisions of the document
    provisions: list = field(default_factory=list)  # checks.Reviewed: those about sanctions or lists
    notes: list[str] = field(default_factory=list)

    @property
    def findings(self) -> int:
        return sum(len(p.findings) for p in self.provisions)


@dataclass
class Result:
    as_of: _dt.date
    list_titles: list[str]
    documents: list[DocumentResult]

    @property
    def read(self) -> list[DocumentResult]:
        return [d for d in self.documents if d.error is None]

    def exit_code(self) -> int:
        if not self.read:
            return 2
        return 1 if any(d.error or d.findings for d in self.documents) else 0


def review(paths, repo, as_of: _dt.date, max_bytes: int = MAX_MB << 20, library=None) -> Result:
    """Review every file; one that cannot be read gets its message and the others are still reviewed."""
    from tools.review import match
    from tools.review.checks import review_document
    from tools.review.read import read
    from tools.review.split import split

    lib = library or match.build(repo, as_of)
    out = []
    for path in paths:
        name = str(path)
        try:
            doc = read(Path(path), max_bytes)
        except Unreadable as exc:
            out.append(DocumentResult(name, error=str(exc)))
            continue
        try:
            provisions = split(doc.blocks)
            reviewed = review_document(repo, lib, provisions)
        except RecursionError:
            out.append(DocumentResult(name, error="文件结构过于复杂，无法审查：请拆分后再试"))
            continue
        out.append(DocumentResult(name, None, doc.format, len(provisions), reviewed, doc.notes))
    return Result(as_of, lib.list_titles, out)
