"""Reading a department's document into blocks of text: .docx (python-docx), .txt/.md (UTF-8, UTF-16 with BOM,
GB18030), text-based .pdf (pdfplumber).

Every way a file can fail -- missing, empty, too large, encrypted, corrupt, scanned, an unknown or old format --
raises ``Unreadable`` with a Chinese message for the person who gave the file; nothing else escapes ``read``.
"""
from __future__ import annotations

import io
import logging
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

MAX_MB = 50  # the default limit on a file's size
MAX_PDF_PAGES = 2000
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
SUPPORTED = "Word 文件（.docx）、文本文件（.txt、.md）和有文字层的 PDF（.pdf）"
_OLD = {".doc": "旧版 Word 文件（.doc）", ".wps": "WPS 文字文件（.wps）", ".rtf": "RTF 文件（.rtf）",
        ".odt": "OpenDocument 文件（.odt）", ".xls": "Excel 文件（.xls）", ".xlsx": "Excel 文件（.xlsx）"}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE compound file: old .doc, or an encrypted Office file
_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")
# Page furniture that a PDF repeats on every page: page numbers (— 3 —, - 3 -, 第 3 页 共 9 页, 3/9).
_PAGE_NUMBER = re.compile(r"^[\s\-—－–_]*(?:第\s*\d+\s*页(?:\s*[，,]?\s*共\s*\d+\s*页)?|\d+\s*(?:/\s*\d+)?)[\s\-—－–_]*$")


class Unreadable(Exception):
    """A file that cannot be reviewed; the message (Chinese) says why and what to do."""


@dataclass(frozen=True)
class Block:
    text: str
    table: tuple | None = None  # (table number, row number), 1-based, for a row of a table


@dataclass
class Document:
    file: str  # as the user named it
    format: str  # docx, text, pdf
    blocks: list[Block] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the reader should know (pages skipped …)


def read(path, max_bytes: int = MAX_MB << 20) -> Document:
    """The document's text, in reading order. Raises Unreadable (and nothing else) when it cannot be read."""
    path = Path(path)
    try:
        if not path.exists():
            raise Unreadable("文件不存在")
        if not path.is_file():
            raise Unreadable("不是文件（是文件夹或设备）")
        size = path.stat().st_size
        if size == 0:
            raise Unreadable("文件是空的（0 字节）")
        if size > max_bytes:
            raise Unreadable(f"文件过大（{_size(size)}，上限 {_size(max_bytes)}）："
                             "请拆分后分别审查，或用 --max-mb 调高上限")
        suffix = path.suffix.lower()
        with path.open("rb") as fh:
            head = fh.read(4096)
        if suffix == ".docx":
            return _docx(path, head, max_bytes)
        if suffix == ".pdf":
            return _pdf(path, head)
        if suffix in TEXT_SUFFIXES:
            return _text(path)
        if suffix in _OLD:
            raise Unreadable(f"不支持{_OLD[suffix]}：请在 Word 或 WPS 中另存为 .docx 后再审查")
        raise Unreadable(f"不支持的文件格式（{suffix or '没有扩展名'}）：只能审查{SUPPORTED}")
    except Unreadable:
        raise
    except MemoryError:
        raise Unreadable("文件内容过大，内存不足以读取：请拆分后分别审查") from None
    except OSError as exc:
        raise Unreadable(f"无法打开文件（{exc.strerror or type(exc).__name__}）") from None


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n / 1024:.0f} KB"


def _docx(path: Path, head: bytes, max_bytes: int) -> Document:
    if head.startswith(_OLE):
        with path.open("rb") as fh:
            body = fh.read(1 << 20)
        if _ENCRYPTED_OOXML in body:
            raise Unreadable("Word 文件设置了打开密码（已加密）：请由文件发布单位去掉密码后再审查")
        raise Unreadable("文件实际是旧版 Word 格式（.doc）而不是 .docx：请另存为 .docx 后再审查")
    if not zipfile.is_zipfile(path):
        raise Unreadable("不是有效的 .docx 文件（文件已损坏或只有一部分）：请重新导出或另存为 .docx")
    try:
        with zipfile.ZipFile(path) as z:
            info = {i.filename: i for i in z.infolist()}
            main = info.get("word/document.xml")
            if main is None:
                raise Unreadable("不是 Word 文档（.docx 中没有正文部分 word/document.xml）")
            expanded = sum(i.file_size for i in info.values())
            if expanded > 20 * max_bytes:
                raise Unreadable(f".docx 解压后过大（{expanded / 2**20:.0f} MB）：可能已损坏或是恶意文件，未读取")
    except zipfile.BadZipFile:
        raise Unreadable("不是有效的 .docx 文件（压缩包已损坏）") from None
    import docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(str(path))
        blocks, tables = [], 0
        for child in document.element.body.iterchildren():
            if child.tag == qn("w:p"):
                blocks.append(Block(_w_text(child, qn)))
            elif child.tag == qn("w:tbl"):
                tables += 1
                for r, row in enumerate(child.iter(qn("w:tr")), start=1):
                    cells = []
                    for cell in row.iter(qn("w:tc")):
                        text = "".join(_w_text(p, qn) for p in cell.iter(qn("w:p"))).strip()
                        if text and (not cells or cells[-1] != text):  # merged cells repeat their text
                            cells.append(text)
                    blocks.append(Block(" | ".join(cells), (tables, r)))
    except Unreadable:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds for a broken part: all mean the same here
        raise Unreadable(f"Word 文件已损坏，无法读取（{type(exc).__name__}）：请在 Word 中打开并重新保存为 .docx") from None
    return _checked(Document(str(path), "docx", [b for b in blocks if b.text.strip()]))


def _w_text(p, qn) -> str:
    """A paragraph's text: its runs' text, tabs and breaks as spaces (numbering that Word generates is not text)."""
    out = []
    for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
        out.append(node.text or "" if node.tag == qn("w:t") else " ")
    return "".join(out)


def _text(path: Path) -> Document:
    raw = path.read_bytes()
    text = decode(raw)
    if path.suffix.lower() in (".md", ".markdown"):
        text = _plain_markdown(text)
    return _checked(Document(str(path), "text", [Block(t) for t in paragraphs(text.splitlines())]))


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 (which covers GBK and GB2312)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise Unreadable("文字编码无法识别（UTF-16 文件已损坏）") from None
    if b"\x00" in raw[:8192]:
        raise Unreadable("不是文本文件（含有二进制内容）：请确认文件格式")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise Unreadable("文字编码无法识别（不是 UTF-8 或 GBK）：请另存为 UTF-8 编码的文本文件")


_MD = [(re.compile(r"^\s{0,3}#{1,6}\s*"), ""), (re.compile(r"^\s*(?:[-*+]|>)\s+"), ""),
       (re.compile(r"(\*\*|__|`)"), "")]


def _plain_markdown(text: str) -> str:
    out = []
    for line in text.splitlines():
        for pattern, repl in _MD:
            line = pattern.sub(repl, line)
        out.append(line)
    return "\n".join(out)


def _pdf(path: Path, head: bytes) -> Document:
    if b"%PDF" not in head[:1024]:
        raise Unreadable("不是有效的 PDF 文件（没有 PDF 文件头）：请确认文件格式")
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # pdfminer warns about every odd font: not for users
    lines, images, notes = [], 0, []
    try:
        with pdfplumber.open(str(path)) as pdf:
            pages = pdf.pages
            if len(pages) > MAX_PDF_PAGES:
                raise Unreadable(f"PDF 页数过多（{len(pages)} 页，上限 {MAX_PDF_PAGES} 页）：请拆分后分别审查")
            for page in pages:
                text = page.extract_text() or ""
                images += len(page.images)
                lines += [ln for ln in text.splitlines() if not _PAGE_NUMBER.match(ln)]
                page.close()
    except Unreadable:
        raise
    except Exception as exc:  # pdfminer's exceptions are wrapped by pdfplumber; a broken file may raise others
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if type(inner).__name__ in ("PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning"):
            raise Unreadable("PDF 设置了打开密码（已加密）：请由文件发布单位提供不加密的文件后再审查") from None
        raise Unreadable(f"PDF 文件已损坏，无法读取（{type(inner).__name__}）：请重新导出 PDF 或提供 Word 文件") from None
    if sum(len(ln.strip()) for ln in lines) < 10:
        if images:
            raise Unreadable("PDF 中没有可提取的文字，像是扫描件（只有图片）：请先做文字识别（OCR），"
                             "或提供 Word 文件、文字版 PDF 后再审查")
        raise Unreadable("PDF 中没有文字")
    return _checked(Document(str(path), "pdf", [Block(t) for t in paragraphs(lines)], notes))


def _checked(doc: Document) -> Document:
    if not any(b.text.strip() for b in doc.blocks):
        raise Unreadable("文件中没有文字")
    return doc


# Where a new paragraph starts in hard-wrapped text: a structural marker (第五条, 一、, （一）, 1., （1）, ①).
STARTS = re.compile(r"^\s*(?:第[一二三四五六七八九十百千零〇两0-9]+[编章节条]|[一二三四五六七八九十]+[、．.]|"
                    r"[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[.．、](?![0-9])|[①-⑳])")
_ENDS = tuple("。：；！？:;!?")
_GOES_ON = tuple("，、,")


def paragraphs(lines) -> list[str]:
    """Lines joined into paragraphs. A line continues the paragraph before it when that one has not ended -- no
    sentence-ending punctuation, not a heading -- and the line does not start with a structural marker: text
    wrapped by hand or by a PDF's line breaks. After a line as wide as the widest, a line continues even when it
    starts like a marker (a reference such as 第七十七条 wrapped to the start of a line). A blank line after a
    short line (a title) ends a paragraph."""
    lines = [raw.replace("\u3000", " ").strip() for raw in lines]
    width = max((len(x) for x in lines), default=0)
    out: list[str] = []
    open_, last = False, ""
    for line in lines:
        if not line:
            if len(last) <= 30:
                open_ = False
            continue
        full = width >= 20 and len(last) >= 0.9 * width
        if out and open_ and (not STARTS.match(line) or full):
            out[-1] += line
        else:
            out.append(line)
        last = line
        ended = line.endswith(_ENDS)
        wide = width >= 20 and len(line) >= 0.9 * width
        heading = STARTS.match(line) is not None and len(line) <= 30 and not wide and not line.endswith(_GOES_ON)
        open_ = not ended and not heading
    return out
