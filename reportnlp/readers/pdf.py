"""PDF files with a text layer, read with pdfminer.six (``pdf`` extra; MIT licence).

pdfminer's layout analysis gives each page's text lines with their boxes. From those:

- **Running headers and footers**: a line in the top or bottom 10 % of its page whose text, digits masked,
  recurs on at least half of the pages (and on 3+ pages) is dropped as ``pdf:running_header`` /
  ``pdf:running_footer``; a line there that is only a page number (``3``, ``- 3 -``, ``第 3 页``, ``3/20``)
  as ``pdf:page_number``.
- **Paragraphs**: layout breaks lines; they are joined back. A line starts a new paragraph when it is
  indented (a first-line indent of 0.8 characters or more), when the previous line stopped short of the
  right margin (justified lines end flush: the commonest line end) by more than 0.6 characters, or after a vertical gap of more than 1.6 line heights. A
  paragraph carries over a page break when the page's last line ran to the margin and the next page's
  first line is not indented. Lines are joined without a space (CJK), or with one between two ASCII words;
  the spaces layout analysis puts next to CJK characters are removed. After a line that ends a sentence,
  a line that opens with an item number (``五、``, ``（三）``, ``5.``, ``一是``) or a bold lead-in starts
  a paragraph even when nothing else shows it (reports without first-line indents).

Each paragraph is one line of the document the clean step reads (paragraphs separated by a blank line);
headers, footers and page numbers are lines with a hint, placed after the paragraph they interrupted.
A PDF with no text (a scan) is a per-file error that says to run OCR first.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Optional

from reportnlp import codes
from reportnlp.readers.base import BaseReader, Failure, Item, Record, need

_PAGE_NUMBER = re.compile(
    r"^[-–—\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*\d{1,4})?(?:\s*(?:共\s*\d+\s*页))?[-–—\s]*$"
    r"|^(?:page\s*)?\d{1,4}(?:\s*of\s*\d{1,4})?$",
    re.I,
)
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
# layout puts spaces where glyphs are apart: none belongs next to a CJK character or full-width mark
_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f]) +| +(?=[^\x00-\x7f])")
_MARGIN = 0.10
_BOLD = re.compile(r"bold|black|heavy|semibold|黑体|Hei", re.I)
_SENTENCE_ENDS = ("。", "！", "？", "；", "：", "。”", "！”", "？”")
_ITEM_START = re.compile(
    r"^(?:各位代表[！!：:，,]|[一二三四五六七八九十]{1,3}[、是]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,3}[.、．](?!\d))"
)


@dataclass
class _PLine:
    page: int
    text: str
    x0: float
    x1: float
    top: float  # distance from the page's top edge
    bottom: float
    height: float
    page_height: float
    bold_start: bool = False  # the line's first character is set in a bold face
    bold_end: bool = False


def _page_lines(data: bytes) -> list[list[_PLine]]:
    need("pdfminer", "pdf")
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTTextBox, LTTextLine

    pages: list[list[_PLine]] = []
    params = LAParams(line_margin=0.3, char_margin=2.0, word_margin=0.1, boxes_flow=0.5)
    for n, page in enumerate(extract_pages(io.BytesIO(data), laparams=params)):
        h = page.height or 1.0
        lines: list[_PLine] = []
        for box in page:
            if not isinstance(box, LTTextBox):
                continue
            for line in box:
                if not isinstance(line, LTTextLine):
                    continue
                text = _CJK_SPACE.sub("", " ".join(line.get_text().split()))
                if text:
                    chars = [c for c in line if isinstance(c, LTChar) and c.get_text().strip()]
                    bold = [
                        _BOLD.search(c.fontname or "") is not None for c in chars[:1] + chars[-1:]
                    ]
                    lines.append(
                        _PLine(
                            n,
                            text,
                            line.x0,
                            line.x1,
                            h - line.y1,
                            h - line.y0,
                            line.height,
                            h,
                            *(bold or [False, False]),
                        )  # fmt: skip
                    )
        lines.sort(key=lambda ln: (round(ln.top, 0), ln.x0))
        pages.append(lines)
    return pages


def _mask(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def pdf_lines(data: bytes) -> tuple[list[str], list[Optional[str]]]:
    """``(lines, hints)``: the PDF's paragraphs, one a line, blank lines between; furniture hinted."""
    pages = _page_lines(data)
    if not any(pages):
        raise _NoText
    n_pages = len(pages)
    edge: Counter = Counter()
    for lines in pages:
        seen = {_mask(ln.text) for ln in lines if _in_margin(ln)}
        edge.update(seen)
    repeat = max(3, (n_pages + 1) // 2)

    def furniture(ln: _PLine) -> Optional[str]:
        if not _in_margin(ln):
            return None
        if _PAGE_NUMBER.match(ln.text):
            return codes.R_PDF_PAGE_NUMBER
        if n_pages >= 3 and edge[_mask(ln.text)] >= repeat:
            return codes.R_PDF_HEADER if ln.top < ln.page_height / 2 else codes.R_PDF_FOOTER
        return None

    body = [ln for lines in pages for ln in lines if furniture(ln) is None]
    left = _mode([round(ln.x0) for ln in body]) if body else 0.0
    right = _mode([round(ln.x1) for ln in body]) if body else 0.0  # justified lines end flush
    char_w = _mode([round(ln.height) for ln in body]) if body else 10.0

    out_lines: list[str] = []
    hints: list[Optional[str]] = []
    para: list[str] = []
    pending: list[tuple[str, str]] = []
    prev: Optional[_PLine] = None

    def close() -> None:
        if para:
            _emit(out_lines, hints, _join(para), None)
            para.clear()
        for text, reason in pending:
            _emit(out_lines, hints, text, reason)
        pending.clear()

    for lines in pages:
        for ln in lines:
            reason = furniture(ln)
            if reason:
                pending.append((ln.text, reason))
                continue
            if prev is not None and _starts_paragraph(prev, ln, left, right, char_w):
                close()
            para.append(ln.text)
            prev = ln
    close()
    return out_lines, hints


class _NoText(Exception):
    pass


def _in_margin(ln: _PLine) -> bool:
    return ln.top < _MARGIN * ln.page_height or ln.bottom > (1 - _MARGIN) * ln.page_height


def _mode(values: list) -> float:
    return float(Counter(values).most_common(1)[0][0]) if values else 0.0


def _starts_paragraph(prev: _PLine, cur: _PLine, left: float, right: float, char_w: float) -> bool:
    indented = cur.x0 > left + 0.8 * char_w
    short = prev.x1 < right - max(1.5, 0.1 * char_w)
    if prev.text.endswith(_SENTENCE_ENDS) and (
        _ITEM_START.match(cur.text) or (cur.bold_start and not prev.bold_end)
    ):
        return True  # after a full stop, a numbered item or a bold lead-in starts a paragraph
    if cur.page != prev.page:
        return indented or short
    gap = cur.top - prev.bottom
    return indented or short or gap > 1.6 * max(prev.height, 1.0)


def _join(parts: list[str]) -> str:
    out = parts[0]
    for p in parts[1:]:
        sep = " " if _ASCII_WORD.match(out[-1:]) and _ASCII_WORD.match(p[:1]) else ""
        out += sep + p
    return out


def _emit(lines: list[str], hints: list[Optional[str]], text: str, hint: Optional[str]) -> None:
    if lines:
        lines.append("")
        hints.append(None)
    lines.append(text)
    hints.append(hint)


class PdfReader(BaseReader):
    """``.pdf`` with a text layer: one document per file (see the module docstring)."""

    extensions = (".pdf",)
    extra = "pdf"
    modules = ("pdfminer",)

    def read_bytes(self, data: bytes, path: str, stem: str) -> Iterator[Item]:
        if not data.lstrip()[:5] == b"%PDF-":
            from reportnlp.readers import read_misnamed

            items = read_misnamed(self, data, path, stem)
            yield from items if items is not None else [Failure(path, "not a PDF file (no %PDF- header)")]
            return
        try:
            lines, hints = pdf_lines(data)
        except _NoText:
            yield Failure(
                path,
                "the PDF has no text layer (a scan?): run OCR first, e.g. "
                f"ocrmypdf -l chi_sim '{path}' out.pdf, then read out.pdf",
            )
            return
        except Exception as err:  # pdfminer's PSEOF, PDFSyntaxError, an encrypted file …
            if type(err).__module__.split(".")[0] != "pdfminer":
                raise
            what = (
                "encrypted" if "encrypt" in type(err).__name__.lower() else "damaged or truncated"
            )
            yield Failure(
                path,
                f"cannot read the PDF: {what} ({type(err).__name__}: {err}); download it again "
                "or repair it, e.g. qpdf in.pdf out.pdf",
            )
            return
        yield Record(
            stem, "\n".join(lines), path, fields=dict(self.default_metadata), hints=tuple(hints)
        )
