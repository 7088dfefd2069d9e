"""Writing test documents as a department would send them: .docx (python-docx) and text-based .pdf (reportlab with
its built-in Chinese CID font, so no font file is needed), the PDF wrapped into lines of fixed width with a page
number at the foot of every page, as real PDFs are; and a PDF with an image only (a scanned page)."""
from __future__ import annotations

from pathlib import Path

from tools.review.read import read

FONT = "STSong-Light"
PER_LINE = 34  # characters per line in the PDFs (wrapping tests the reader's joining of lines)


def paragraphs_of(source: Path) -> list[str]:
    """The source's paragraphs as the reader sees them (Markdown marks removed, wrapped lines joined)."""
    return [b.text for b in read(source).blocks]


def write_docx(paragraphs: list[str], path: Path, table: list[list[str]] | None = None) -> Path:
    import docx

    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    d.save(str(path))
    return path


def write_pdf(paragraphs: list[str], path: Path, password: str | None = None) -> Path:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    encrypt = pdfencrypt.StandardEncryption(password, canPrint=1) if password else None
    c = canvas.Canvas(str(path), encrypt=encrypt)
    page, y = 1, 780

    def foot():
        c.setFont(FONT, 9)
        c.drawCentredString(297, 40, f"— {page} —")

    for text in paragraphs:
        lines = [text[i:i + PER_LINE] for i in range(0, len(text), PER_LINE)] or [""]
        for line in lines:
            if y < 80:
                foot()
                c.showPage()
                page, y = page + 1, 780
            c.setFont(FONT, 12)
            c.drawString(60, y, line)
            y -= 18
    foot()
    c.save()
    return path


def write_scanned_pdf(path: Path) -> Path:
    """A PDF whose page is only a picture (what a scanner makes)."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("RGB", (200, 100), "white")
    c = canvas.Canvas(str(path))
    c.drawImage(ImageReader(img), 60, 600, width=400, height=200)
    c.save()
    return path
