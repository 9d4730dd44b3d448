"""Printable worksheet and answer key with reportlab platypus. All article text is escaped for its markup."""

from __future__ import annotations

import importlib.resources
import io
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from quizgen.errors import ExportError
from quizgen.exporters.common import (
    ExportSettings,
    answer_text,
    clean_quiz,
    cloze_stem,
    escape_reportlab,
    filled_text,
    letter,
    output_path,
    word_bank,
)
from quizgen.model import Item, Quiz
from quizgen.outputs import write_atomic
from quizgen.versions import make_versions, numbered

FONT = "QuizgenSans"
FONT_BOLD = "QuizgenSans-Bold"
PAPER = {"letter": LETTER, "a4": A4}
SECTION_TITLES = {
    "mcq": ("Multiple choice", "Circle the letter of the best answer."),
    "cloze": ("Fill in the blanks", "Fill each numbered blank with a word or phrase from the box."),
    "true_false": ("True or false", "Tick T if the statement is true according to the article, F if it is false."),
    "short_answer": ("Short answer", "Write your answer on the line."),
    "matching": ("Matching", "Write the letter of the matching description next to each name."),
}
BOX = "☐"
# A heading line longer than this is cut with "…": a 200,000-character "title" would fill pages before any question.
MAX_TITLE = 300
NBSP = "\xa0"


class _Paragraph(Paragraph):
    """A paragraph laid out once per width: KeepTogether measures an item before the frame lays it out again,
    and reportlab's line breaking is most of a worksheet's cost."""

    _wrapped_for: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        # split() drops the layout (blPara): a paragraph taller than a page is laid out again after it.
        if self._wrapped_for != availWidth or not hasattr(self, "blPara"):
            super().wrap(availWidth, availHeight)
            self._wrapped_for = availWidth
        return self.width, self.height


_Word = tuple[str, tuple[tuple[str, str], ...]]  # (font of the space before it, its (font, text) pieces)


@dataclass
class _Line:
    limit: float  # the width it has
    used: float = 0.0  # the width of its words and the spaces between them
    words: list[_Word] = field(default_factory=list)


class _PlainText(Flowable):
    """Runs of (font, plain text) broken into lines and drawn straight onto the page.

    A reportlab Paragraph parses markup and breaks lines with machinery for hyphenation, inline images and more;
    that was most of a worksheet's cost, and worksheet text is plain. Lines are broken as Paragraph breaks them
    (words at spaces, a 5% allowance for space shrinkage, the first-line indent) and placed as it places them
    (baseline one font size below the top, one leading apart), so pages look the same. Text with a word wider
    than the line, other kinds of space, or that must be split across pages is laid out by a Paragraph instead.
    The text is only ever escaped for that Paragraph, never read as markup."""

    def __init__(self, runs: list[tuple[str, str]], style: ParagraphStyle) -> None:
        super().__init__()
        self.runs, self.style = runs, style
        self._words = self._split_words(runs)
        size = style.fontSize
        # (width of the space before, width of the word): measured once, though a flowable is laid out twice.
        self._widths = [(pdfmetrics.stringWidth(" ", space_font, size),
                         sum(pdfmetrics.stringWidth(text, font, size) for font, text in pieces))
                        for space_font, pieces in self._words or ()]
        self._broken: dict[float, list[_Line] | None] = {}
        self._lines: list[_Line] = []
        self._paragraph: Paragraph | None = None
        self._drawn_as: Paragraph | None = None

    @staticmethod
    def _split_words(runs: list[tuple[str, str]]) -> list[_Word] | None:
        if any(ch.isspace() and ch not in " \xa0" for _, text in runs for ch in text):
            return None  # tabs, thin spaces, line breaks: Paragraph's rules for those
        words: list[tuple[str, list[tuple[str, str]]]] = []
        for font, text in runs:
            for k, piece in enumerate(text.split(" ")):
                if k > 0 or not words:
                    words.append((font, []))
                if piece:
                    words[-1][1].append((font, piece))
        return [(font, tuple(pieces)) for font, pieces in words if pieces]

    def _break(self, avail_width: float) -> list[_Line] | None:
        if avail_width not in self._broken:
            self._broken[avail_width] = self._break_at(avail_width)
        return self._broken[avail_width]

    def _break_at(self, avail_width: float) -> list[_Line] | None:
        style = self.style
        if self._words is None:
            return None
        later = avail_width - style.leftIndent - style.rightIndent
        lines: list[_Line] = [_Line(later - style.firstLineIndent)]
        for word, (space, width) in zip(self._words, self._widths, strict=True):
            if width > later:
                return None  # a long web address: Paragraph splits it
            line = lines[-1]
            # Paragraph's rule: a line may overrun by 5% of its spaces' width, and its spaces then shrink to fit.
            if line.words and line.used + space + width > line.limit + 0.05 * space * len(line.words):
                line = _Line(later)
                lines.append(line)
            line.used += (space if line.words else 0) + width
            line.words.append(word)
        return lines

    def _fallback(self) -> Paragraph:
        if self._paragraph is None:
            markup = "".join(f"<b>{escape_reportlab(text)}</b>" if font == FONT_BOLD else escape_reportlab(text)
                             for font, text in self.runs)
            self._paragraph = _Paragraph(markup, self.style)
        return self._paragraph

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        lines = self._break(availWidth)
        if lines is None:
            self._drawn_as = self._fallback()
            return self._drawn_as.wrap(availWidth, availHeight)
        self._drawn_as, self._lines = None, lines
        return availWidth, len(lines) * self.style.leading

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        lines = self._break(availWidth)
        if lines is not None and len(lines) == 1:
            return []  # one line: it moves to the next page whole
        return self._fallback().split(availWidth, availHeight)

    def draw(self) -> None:
        if self._drawn_as is not None:
            self._drawn_as.drawOn(self.canv, 0, 0)
            return
        style, canvas = self.style, self.canv
        canvas.setFillColor(style.textColor)
        y = len(self._lines) * style.leading - style.fontSize
        for number, line in enumerate(self._lines):
            x = style.leftIndent + (style.firstLineIndent if number == 0 else 0)
            if line.used > line.limit and len(line.words) > 1:
                # Overrun: each word placed on its own, the spaces narrowed so the line ends at the margin.
                shrink = (line.limit - line.used) / (len(line.words) - 1)
                for index, (space_font, pieces) in enumerate(line.words):
                    if index:
                        x += pdfmetrics.stringWidth(" ", space_font, style.fontSize) + shrink
                    for font, text in pieces:
                        canvas.setFont(font, style.fontSize)
                        canvas.drawString(x, y, text)
                        x += pdfmetrics.stringWidth(text, font, style.fontSize)
                y -= style.leading
                continue
            segments: list[list[str]] = []  # [font, text]: one drawString per change of font
            for index, (space_font, pieces) in enumerate(line.words):
                for font, text in ((space_font, " "), *pieces) if index else pieces:
                    if segments and segments[-1][0] == font:
                        segments[-1][1] += text
                    else:
                        segments.append([font, text])
            for font, text in segments:
                canvas.setFont(font, style.fontSize)
                canvas.drawString(x, y, text)
                x += pdfmetrics.stringWidth(text, font, style.fontSize)
            y -= style.leading


def _register_fonts() -> None:
    """Embed Source Sans Pro (installed with quizgen): curly quotes, dashes, accents and Cyrillic all print."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    try:
        folder = importlib.resources.files("font_source_sans_pro") / "files"
        regular = TTFont(FONT, str(folder / "SourceSansPro-Regular.ttf"))
        bold = TTFont(FONT_BOLD, str(folder / "SourceSansPro-Bold.ttf"))
    except (ModuleNotFoundError, OSError) as err:
        raise ExportError(f"the worksheet font is missing ({err}); reinstall quizgen") from None
    pdfmetrics.registerFont(regular)
    pdfmetrics.registerFont(bold)
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT, fontSize=11, leading=15, alignment=TA_LEFT)
    return {
        "base": base,
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=17, leading=21, spaceAfter=4),
        "meta": ParagraphStyle("meta", parent=base, fontSize=9.5, leading=12, textColor=colors.HexColor("#333333")),
        # A section heading and its instruction never end a page: they stay with the first item.
        "section": ParagraphStyle("section", parent=base, fontName=FONT_BOLD, fontSize=13, leading=17,
                                  spaceBefore=10, spaceAfter=2, keepWithNext=1),
        "instruction": ParagraphStyle("instruction", parent=base, fontSize=10, leading=13, spaceAfter=6,
                                      keepWithNext=1),
        "question": ParagraphStyle("question", parent=base, leftIndent=18, firstLineIndent=-18, spaceBefore=6),
        "option": ParagraphStyle("option", parent=base, leftIndent=36, firstLineIndent=-16, spaceBefore=1),
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=12, leftIndent=18,
                                textColor=colors.HexColor("#333333")),
        "answer": ParagraphStyle("answer", parent=base, leftIndent=18, firstLineIndent=-18, spaceBefore=7,
                                 fontName=FONT),
    }


_STYLES = _styles()


class _Rule(Flowable):
    """A ruled writing line."""

    def __init__(self, width: float, indent: float = 18, gap: float = 20) -> None:
        super().__init__()
        self.width, self.indent, self.gap = width, indent, gap

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, self.gap

    def draw(self) -> None:
        self.canv.setStrokeColor(colors.HexColor("#777777"))
        self.canv.setLineWidth(0.6)
        self.canv.line(self.indent, 2, self.width, 2)


def _numbered_canvas(footer: str, version: str | None) -> type:
    class NumberedCanvas(rl_canvas.Canvas):
        """Defers each page so the footer can say 'Page 2 of 3'."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._draw_footer(total)
                super().showPage()
            super().save()

        def _draw_footer(self, total: int) -> None:
            width, _ = self._pagesize
            self.setFont(FONT, 8.5)
            self.setFillColor(colors.HexColor("#444444"))
            label = f"Page {self._pageNumber} of {total}"
            if version:
                label = f"Version {version} · {label}"
            self.drawRightString(width - 18 * mm, 10 * mm, label)
            self.drawString(18 * mm, 10 * mm, footer[:110])

    return NumberedCanvas


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _footer_text(quiz: Quiz) -> str:
    parts = [f"Source: “{_shortened(quiz.title, MAX_TITLE)}”"]
    if quiz.byline:
        parts.append(f"by {quiz.byline}")
    if quiz.source:
        parts.append(quiz.source)
    if quiz.date:
        parts.append(quiz.date)
    return ", ".join(parts)


def _header(quiz: Quiz, styles: dict[str, ParagraphStyle], heading: str) -> list[Flowable]:
    level = f"Reading level: grade {quiz.reading_grade:g} (Flesch–Kincaid)" if quiz.reading_grade is not None else ""
    meta = " · ".join(p for p in (
        f"by {quiz.byline}" if quiz.byline else "", quiz.source or "", quiz.date or "", level) if p)
    flow: list[Flowable] = [_PlainText([(FONT_BOLD, _shortened(quiz.title, MAX_TITLE))], styles["title"])]
    flow.append(_PlainText([(FONT, _shortened(heading + (" · " + meta if meta else ""), MAX_TITLE))], styles["meta"]))
    flow.append(Spacer(1, 8))
    return flow


def _name_lines(width: float) -> Flowable:
    labels = 13 * mm + 13 * mm + 12 * mm
    lines = width - labels - 6 * mm
    table = Table([["Name:", "", "Class:", "", "Date:", ""]],
                  colWidths=[13 * mm, lines * 0.5, 13 * mm, lines * 0.22, 12 * mm, lines * 0.28])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 10.5),
        ("LINEBELOW", (1, 0), (1, 0), 0.6, colors.black),
        ("LINEBELOW", (3, 0), (3, 0), 0.6, colors.black),
        ("LINEBELOW", (5, 0), (5, 0), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]))
    return table


def grouped(quiz: Quiz) -> list[tuple[str, list[tuple[int, Item]]]]:
    """Sections by type, items numbered continuously across the worksheet (the numbering quiz.yaml records)."""
    groups: dict[str, list[tuple[int, Item]]] = {}
    for number, item in numbered(quiz):
        groups.setdefault(item.type, []).append((number, item))
    return list(groups.items())


def _matching_right(item: Item, seed: int) -> list[str]:
    """The right-hand column, shuffled the same way in the worksheet and the key."""
    right = [r for _, r in item.pairs]
    rng = random.Random(f"{seed}:{item.id}:matching")
    order = list(right)
    rng.shuffle(order)
    if order == right and len(order) > 1:
        order = order[1:] + order[:1]
    return order


def _stem(number: int, item: Item) -> _PlainText:
    return _PlainText([(FONT_BOLD, f"{number}."), (FONT, f"{NBSP * 2}{item.question}")], _STYLES["question"])


def _mcq_lines(number: int, item: Item, width: float, seed: int) -> list[Flowable]:
    return [_stem(number, item), *(_PlainText([(FONT, f"{letter(k)}.{NBSP * 2}{option}")], _STYLES["option"])
                                   for k, option in enumerate(item.options))]


def _true_false_lines(number: int, item: Item, width: float, seed: int) -> list[Flowable]:
    boxes = f"{NBSP * 2}{BOX}{NBSP}T{NBSP * 3}{BOX}{NBSP}F{NBSP * 3}"
    return [_PlainText([(FONT_BOLD, f"{number}."), (FONT, f"{boxes}{item.question}")], _STYLES["question"])]


def _short_answer_lines(number: int, item: Item, width: float, seed: int) -> list[Flowable]:
    return [_stem(number, item), Spacer(1, 4), _Rule(width), _Rule(width)]


def _matching_lines(number: int, item: Item, width: float, seed: int) -> list[Flowable]:
    right = _matching_right(item, seed)
    rows = [[_PlainText([(FONT, f"____{NBSP * 2}{k + 1}. {left}")], _STYLES["base"]),
             _PlainText([(FONT, f"{letter(k)}. {description}")], _STYLES["base"])]
            for k, ((left, _), description) in enumerate(zip(item.pairs, right, strict=True))]
    # splitInRow: a pair taller than a page (a long edited description) continues on the next page.
    table = Table(rows, colWidths=[width * 0.38, width * 0.58], hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, -1), 18),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return [_stem(number, item), table]


def _cloze_lines(number: int, item: Item, width: float, seed: int) -> list[Flowable]:
    return [_PlainText([(FONT_BOLD, f"{number}."), (FONT, f"{NBSP * 2}{cloze_stem(item)}")], _STYLES["question"])]


# One function per item type: what the student sees.
WORKSHEET_LINES: dict[str, Callable[[int, Item, float, int], list[Flowable]]] = {
    "mcq": _mcq_lines, "true_false": _true_false_lines, "short_answer": _short_answer_lines,
    "matching": _matching_lines, "cloze": _cloze_lines}


def _worksheet_item(number: int, item: Item, width: float, seed: int) -> list[Flowable]:
    return [KeepTogether(WORKSHEET_LINES[item.type](number, item, width, seed))]


def _word_bank(words: list[str], width: float) -> Flowable:
    """Every blank's answer and a few words that fit no blank, in alphabetical order."""
    # An entry never breaks across lines ("Nearly a third"); entries are separated by bullets.
    cell = _PlainText([(FONT, f"{NBSP * 3} ".join(f"•{NBSP}" + w.replace(" ", NBSP) for w in words))],
                      _STYLES["base"])
    box = Table([[cell]], colWidths=[width - 18], splitInRow=1)  # a bank longer than a page goes on over it
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.black), ("LEFTPADDING", (0, 0), (-1, -1), 8),
                             ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    box.hAlign = "RIGHT"
    box.keepWithNext = True
    return box


def _short_answer_key(number: int, item: Item) -> Flowable:
    answer = escape_reportlab(item.answer)
    others = [a for a in item.accepted if a != item.answer]
    if others:
        answer += f" <font size=9>(also accept: {escape_reportlab(', '.join(others))})</font>"
    return _Paragraph(f"<b>{number}.</b>&nbsp;&nbsp;<b>{answer}</b>", _STYLES["answer"])


def _printed_answer(item: Item, seed: int) -> str:
    if item.type == "true_false":
        return "T (true)" if item.answer == "True" else "F (false)"
    if item.type == "matching":
        right = _matching_right(item, seed)
        return "; ".join(f"{k + 1}–{letter(right.index(r))} ({left})" for k, (left, r) in enumerate(item.pairs))
    return answer_text(item)


def _key_item(number: int, item: Item, seed: int) -> list[Flowable]:
    first: Flowable
    if item.type == "short_answer":
        first = _short_answer_key(number, item)
    else:
        first = _PlainText([(FONT_BOLD, f"{number}.{NBSP * 2}{_printed_answer(item, seed)}")], _STYLES["answer"])
    flow: list[Flowable] = [first]
    if item.type == "cloze":
        filled = filled_text(item) or item.source
        flow.append(_PlainText([(FONT, f"Filled sentence (paragraph {item.paragraph}): {filled}")],
                               _STYLES["small"]))
    else:
        flow.append(_PlainText([(FONT, f"Source (paragraph {item.paragraph}): {item.source}")], _STYLES["small"]))
    if item.type == "true_false" and item.answer == "False":
        flow.append(_PlainText([(FONT, f"The worksheet's statement, with one fact changed: {item.question}")],
                               _STYLES["small"]))
    return [KeepTogether(flow)]


def _section(kind: str, members: list[tuple[int, Item]], quiz: Quiz, width: float,
             answer_key: bool) -> list[Flowable]:
    title, instruction = SECTION_TITLES[kind]
    story: list[Flowable] = [_PlainText([(FONT_BOLD, title)], _STYLES["section"])]
    if not answer_key:
        story.append(_PlainText([(FONT, instruction)], _STYLES["instruction"]))
        if kind == "cloze":
            story += [_word_bank(word_bank(quiz, [i for _, i in members]), width), Spacer(1, 4)]
    for number, item in members:
        story += (_key_item(number, item, quiz.seed) if answer_key
                  else _worksheet_item(number, item, width, quiz.seed))
    return story


def _build(quiz: Quiz, paper: str, answer_key: bool) -> bytes:
    version = quiz.version
    _register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=PAPER[paper], leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=16 * mm, bottomMargin=18 * mm, title=quiz.title[:500],
                            author="quizgen", subject="Answer key" if answer_key else "Worksheet",
                            creator="quizgen", invariant=True,
                            # Pages start in the embedded font, not Helvetica, which has no Cyrillic.
                            initialFontName=FONT)
    width = doc.width
    heading = "Answer key" if answer_key else "Worksheet"
    if version:
        heading += f" · Version {version}"
    story: list[Flowable] = _header(quiz, _STYLES, heading)
    if not answer_key:
        story += [_name_lines(width), Spacer(1, 6)]
    for kind, members in grouped(quiz):
        story += _section(kind, members, quiz, width, answer_key)
    if not quiz.items:
        story.append(_Paragraph("The article gave too little for any good question.", _STYLES["base"]))
    doc.build(story, canvasmaker=_numbered_canvas(_footer_text(quiz), version))
    return buffer.getvalue()


def export_pdfs(quiz: Quiz, worksheet: Path, answer_key: Path, paper: str = "letter") -> None:
    """The student worksheet and the teacher's key; a versioned quiz prints its letter on every page."""
    quiz = clean_quiz(quiz)
    write_atomic(worksheet, _build(quiz, paper, False))
    write_atomic(answer_key, _build(quiz, paper, True))


def write(quiz: Quiz, folder: Path, settings: ExportSettings) -> list[str]:
    """Write the worksheet and key, one pair per printed version (`settings.versions`); nothing to report."""
    printed = make_versions(quiz, settings.versions)
    for version in printed:
        suffix = f"-{version.version}" if settings.versions > 1 else ""
        export_pdfs(version, output_path(folder, quiz, f"-worksheet{suffix}.pdf"),
                    output_path(folder, quiz, f"-answer-key{suffix}.pdf"), paper=settings.paper)
    return []
