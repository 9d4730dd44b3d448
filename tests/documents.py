"""Article documents the tests build themselves: a two-column PDF (reportlab) and a Word file (python-docx).

Original text, written for these tests.
"""

from __future__ import annotations

from pathlib import Path

TITLE = "Harbour town opens a floating library"
# Each paragraph as the lines it is set in; "-" at a line end is a word hyphenated across two lines.
LEFT_COLUMN = [
    ["The harbour town of Port Ellen opened a float-", "ing library on Monday, the council said.",
     "The boat holds 4,000 books."],
    ["Mayor Alice Moreno said the library would", "visit six islands every month."],
    ["The boat was built in Glasgow in 1962 and", "carried fish until last year."],
]
RIGHT_COLUMN = [
    ["Volunteers painted the hull blue and yellow,", "the colours of the town."],
    ["The council paid 85,000 pounds for the re-", "pairs, according to its annual report."],
    ["Children from Islay School chose the first", "books for the shelves in March."],
]
HEADER = "The Island Courier"
FOOTER = "Page {page}"


def build_two_column_pdf(path: Path, pages: int = 2, left: list[list[str]] | None = None,
                         right: list[list[str]] | None = None) -> Path:
    """PDF with a title across the page, two columns of text, a running header and a page-number footer on every
    page; the column text repeats on each page with the page number in it, so page order is checkable."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    width, height = A4
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for page in range(1, pages + 1):
        pdf.setFont("Helvetica", 9)
        pdf.drawString(50, height - 30, HEADER)
        pdf.drawString(width / 2 - 15, 25, FOOTER.format(page=page))
        top = height - 80
        if page == 1:
            pdf.setFont("Helvetica-Bold", 20)
            pdf.drawString(50, top, TITLE)
            top -= 50
        for x, column in ((50, left or LEFT_COLUMN), (width / 2 + 15, right or RIGHT_COLUMN)):
            y = top
            pdf.setFont("Helvetica", 10)
            for paragraph in column:
                for line in paragraph:
                    pdf.drawString(x, y, line)
                    y -= 13
                y -= 14
        pdf.showPage()
    pdf.save()
    return path


def build_scanned_pdf(path: Path) -> Path:
    """A PDF whose page is only a picture (what a scanner makes): no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for row in range(40):
        pdf.rect(50, 780 - row * 18, 400 - (row % 5) * 40, 8, fill=1, stroke=0)
    pdf.showPage()
    pdf.save()
    return path


def column_sentences() -> list[str]:
    """The column paragraphs as one line each, hyphenation joined: what a reader must give back, in order."""
    joined = []
    for paragraph in LEFT_COLUMN + RIGHT_COLUMN:
        text = "\n".join(paragraph)
        joined.append(" ".join(text.replace("-\n", "").split()))
    return joined


DOCX_PARAGRAPHS = [
    "The harbour town of Port Ellen opened a floating library on Monday, the council said.",
    "Mayor Alice Moreno said the library would visit six islands every month.",
    "The boat was built in Glasgow in 1962 and carried fish until last year.",
    "The council paid 85,000 pounds for the repairs, according to its annual report.",
    "Children from Islay School chose the first books for the shelves in March.",
    "Volunteers painted the hull blue and yellow, the colours of the town.",
]
DELETED = "This sentence was struck out in review."
COMMENT = "Check this figure with the council."
INSERTED = " The first visit is to Jura."


def build_docx(path: Path, title_property: str = "", heading: str = TITLE, section: str = "On the water") -> Path:
    """A Word file: a title heading, a section heading, body paragraphs, a reviewer's comment, a tracked deletion
    (text that must not be read) and a tracked insertion (text that must)."""
    import copy

    import docx
    from docx.oxml.ns import qn

    document = docx.Document()
    document.core_properties.title = title_property
    if heading:
        document.add_heading(heading, level=1)
    first = document.add_paragraph(DOCX_PARAGRAPHS[0])
    document.add_comment(first.runs, text=COMMENT, author="Editor")
    if section:
        document.add_heading(section, level=2)
    second = document.add_paragraph(DOCX_PARAGRAPHS[1])
    for paragraph, tag, text in ((second, "w:ins", INSERTED), (second, "w:del", " " + DELETED)):
        change = paragraph._p.makeelement(qn(tag), {qn("w:id"): str(len(tag)), qn("w:author"): "Editor"})
        run = copy.deepcopy(paragraph.runs[0]._r)
        for old in run.findall(qn("w:t")):
            run.remove(old)
        node = run.makeelement(qn("w:delText" if tag == "w:del" else "w:t"), {})
        node.text = text
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.append(node)
        change.append(run)
        paragraph._p.append(change)
    for text in DOCX_PARAGRAPHS[2:]:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def build_pdf_bomb(path: Path, unpacked: int) -> Path:
    """A one-page PDF whose content stream is `unpacked` bytes of blank space, deflated (a "zip bomb" in small)."""
    import zlib

    stream = zlib.compress(b" " * unpacked, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    body = b"%PDF-1.4\n"
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(body)
    return path
