"""Word ``.docx`` files, read from their XML with lxml (no Word, no LibreOffice).

The body is read in order: each paragraph one line, its automatic list number rendered as a reader sees it
(``numbering.xml``: ``chineseCounting`` → 一、二、…, ``ideographDigital``, ``decimal``,
``(%1)``-style level texts, restarts of lower levels), each table row one line with its cells joined by a
TAB. Paragraphs are separated by a blank line, so no two are ever joined. Headers and footers (page numbers,
running titles) come first and last with a hint, so they are dropped with ``docx:header`` /
``docx:footer`` as their reason.

``.doc`` and ``.wps`` (binary Word and WPS formats) are not read: the per-file error says how to convert them.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Optional

from reportnlp import codes
from reportnlp.readers.base import BaseReader, Failure, Item, Record

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

_CN_DIGITS = "零一二三四五六七八九"


def chinese_counting(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, 105 → 一百零五 (Word's ``chineseCounting``)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = (
            "" if rest == 0 else ("零" + _CN_DIGITS[rest] if rest < 10 else chinese_counting(rest))
        )
        if 10 <= rest < 20:
            tail = "一" + tail
        return _CN_DIGITS[n // 100] + "百" + tail
    return str(n)


def _roman(n: int) -> str:
    vals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l")]
    vals += [(40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def format_number(n: int, fmt: str) -> str:
    """One list number in a ``w:numFmt`` format."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "chineseLegalSimplified",
        "taiwaneseCounting",
    ):
        s = chinese_counting(n)
        return s.replace("一十", "十", 1) if s.startswith("一十") else s
    if fmt in ("ideographDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN_DIGITS[int(c)] if c != "0" else "〇" for c in str(n))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalFullWidth":
        return "".join(chr(0xFF10 + int(c)) for c in str(n))
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt in ("bullet", "none"):
        return ""
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class _Numbering:
    """List numbering of one document: formats per (abstract list, level) and running counters."""

    def __init__(self, xml: Optional[bytes]):
        self.levels: dict[
            str, dict[int, tuple[str, str, int]]
        ] = {}  # abstract id → lvl → fmt, text, start
        self.num_to_abstract: dict[str, str] = {}
        self.overrides: dict[tuple[str, int], int] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if not xml:
            return
        from lxml import etree

        root = etree.fromstring(xml)
        for absn in root.iter(f"{W}abstractNum"):
            aid = absn.get(f"{W}abstractNumId")
            lv: dict[int, tuple[str, str, int]] = {}
            for lvl in absn.iter(f"{W}lvl"):
                ilvl = int(lvl.get(f"{W}ilvl", "0"))
                fmt = _val(lvl.find(f"{W}numFmt")) or "decimal"
                text = _val(lvl.find(f"{W}lvlText"))
                start = int(_val(lvl.find(f"{W}start")) or 1)
                lv[ilvl] = (fmt, text if text is not None else f"%{ilvl + 1}.", start)
            self.levels[aid] = lv
        for num in root.iter(f"{W}num"):
            nid = num.get(f"{W}numId")
            self.num_to_abstract[nid] = _val(num.find(f"{W}abstractNumId")) or ""
            for ov in num.iter(f"{W}lvlOverride"):
                so = ov.find(f"{W}startOverride")
                if so is not None:
                    self.overrides[(nid, int(ov.get(f"{W}ilvl", "0")))] = int(_val(so) or 1)

    def label(self, num_id: str, ilvl: int) -> str:
        """The number text of the next item of list ``num_id`` at level ``ilvl`` (counters advance)."""
        aid = self.num_to_abstract.get(num_id)
        if aid is None or aid not in self.levels or num_id == "0":
            return ""
        levels = self.levels[aid]
        counters = self.counters.setdefault(num_id, {})
        start = self.overrides.get((num_id, ilvl), levels.get(ilvl, ("decimal", "", 1))[2])
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:  # a higher level restarts the lower ones
            del counters[deeper]
        fmt, text, _ = levels.get(ilvl, ("decimal", f"%{ilvl + 1}.", 1))
        if fmt in ("bullet", "none"):
            return ""

        def sub(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            lfmt, _, lstart = levels.get(k, ("decimal", "", 1))
            value = counters.get(k, self.overrides.get((num_id, k), lstart))
            return format_number(value, fmt if k == ilvl else lfmt)

        return re.sub(r"%(\d)", sub, text)


def _val(el) -> Optional[str]:
    return None if el is None else el.get(f"{W}val")


def _para_text(p) -> str:
    out: list[str] = []
    for el in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}sym", f"{W}noBreakHyphen"):
        tag = el.tag
        if tag == f"{W}t":
            out.append(el.text or "")
        elif tag == f"{W}tab":
            out.append("\t")
        elif tag == f"{W}noBreakHyphen":
            out.append("-")
        elif tag in (f"{W}br", f"{W}cr"):
            out.append(" ")
    return "".join(out).replace("\n", " ").strip()


def _style_numbering(styles_xml: Optional[bytes]) -> dict[str, tuple[str, int]]:
    """Paragraph styles that carry a list number (``w:numPr`` in the style)."""
    if not styles_xml:
        return {}
    from lxml import etree

    out: dict[str, tuple[str, int]] = {}
    for st in etree.fromstring(styles_xml).iter(f"{W}style"):
        numpr = st.find(f"{W}pPr/{W}numPr")
        if numpr is not None:
            nid = _val(numpr.find(f"{W}numId"))
            if nid:
                out[st.get(f"{W}styleId")] = (nid, int(_val(numpr.find(f"{W}ilvl")) or 0))
    return out


def docx_lines(data: bytes) -> tuple[list[str], list[Optional[str]], Optional[str]]:
    """``(lines, hints, title)`` of a .docx: body paragraphs and table rows separated by blank lines,
    headers first and footers last with their hints; ``title`` from the document properties."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = set(z.namelist())

        def part(name: str) -> Optional[bytes]:
            return z.read(name) if name in names else None

        body_xml = part("word/document.xml")
        if body_xml is None:
            raise ValueError("no word/document.xml: not a Word document")
        numbering = _Numbering(part("word/numbering.xml"))
        styles = _style_numbering(part("word/styles.xml"))
        headers = [part(n) for n in sorted(names) if re.fullmatch(r"word/header\d*\.xml", n)]
        footers = [part(n) for n in sorted(names) if re.fullmatch(r"word/footer\d*\.xml", n)]
        core = part("docProps/core.xml")

    lines: list[str] = []
    hints: list[Optional[str]] = []

    def add(text: str, hint: Optional[str] = None) -> None:
        if not text.strip():
            return
        if lines:
            lines.append("")
            hints.append(None)
        lines.append(text)
        hints.append(hint)

    def furniture(parts: list, hint: str) -> None:
        seen: set[str] = set()
        for xml in parts:
            for p in etree.fromstring(xml).iter(f"{W}p"):
                t = _para_text(p)
                if t and t not in seen:
                    seen.add(t)
                    add(t, hint)

    furniture(headers, codes.R_DOCX_HEADER)
    body = etree.fromstring(body_xml).find(f"{W}body")
    for el in body if body is not None else []:
        if el.tag == f"{W}p":
            add(_numbered(el, numbering, styles))
        elif el.tag == f"{W}tbl":
            for tr in el.iter(f"{W}tr"):
                cells = []
                for tc in tr.iter(f"{W}tc"):
                    cells.append(
                        " ".join(t for t in (_para_text(p) for p in tc.iter(f"{W}p")) if t)
                    )
                add("\t".join(cells).strip("\t"))
        elif el.tag == f"{W}sdt":  # a content control (e.g. a cover page) holds paragraphs
            for p in el.iter(f"{W}p"):
                add(_numbered(p, numbering, styles))
    furniture(footers, codes.R_DOCX_FOOTER)
    title = None
    if core:
        t = etree.fromstring(core).find("{http://purl.org/dc/elements/1.1/}title")
        if t is not None and t.text and t.text.strip():
            title = t.text.strip()
    return lines, hints, title


def _numbered(p, numbering: _Numbering, styles: dict[str, tuple[str, int]]) -> str:
    text = _para_text(p)
    if not text:
        return ""
    ppr = p.find(f"{W}pPr")
    num: Optional[tuple[str, int]] = None
    if ppr is not None:
        numpr = ppr.find(f"{W}numPr")
        if numpr is not None and numpr.find(f"{W}numId") is not None:
            num = (_val(numpr.find(f"{W}numId")) or "0", int(_val(numpr.find(f"{W}ilvl")) or 0))
        elif (st := _val(ppr.find(f"{W}pStyle"))) in styles:
            num = styles[st]
    if num is None:
        return text
    label = numbering.label(*num)
    return f"{label}{text}" if label else text


class DocxReader(BaseReader):
    """``.docx`` (and ``.docm``): one document per file (see the module docstring)."""

    extensions = (".docx", ".docm")

    def read_bytes(self, data: bytes, path: str, stem: str) -> Iterator[Item]:
        from reportnlp.readers import zip_kind

        if zip_kind(data) == "xlsx" or not zipfile.is_zipfile(io.BytesIO(data)):  # a workbook named .docx too
            from reportnlp.readers import read_misnamed

            items = read_misnamed(self, data, path, stem)
            yield from items if items is not None else [Failure(path, _not_a_zip(data, path))]
            return
        lines, hints, _ = docx_lines(data)
        if not any(ln.strip() for ln in lines):
            yield Failure(path, "the Word document has no text")
            return
        yield Record(
            stem, "\n".join(lines), path, fields=dict(self.default_metadata), hints=tuple(hints)
        )


CONVERT_HINT = "convert it first, e.g. libreoffice --headless --convert-to docx '{path}'"


def _not_a_zip(data: bytes, path: str) -> str:
    """Why a ``.docx`` that is no ZIP file cannot be read: cut short (a ZIP's start without its end: a
    download or copy that stopped; converting will not help), a binary Word file named ``.docx``, or
    something else."""
    if data.startswith(b"PK\x03\x04"):
        return (
            f"truncated or damaged .docx: a ZIP container without its end ({len(data):,} bytes); "
            "download or copy the file again"
        )
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "a binary Word (.doc) file named .docx: " + CONVERT_HINT.format(path=path)
    return "not a .docx (no ZIP container): " + CONVERT_HINT.format(path=path)


class LegacyWordReader(BaseReader):
    """``.doc`` and ``.wps``: not read; a per-file error says how to convert them (the batch goes on)."""

    extensions = (".doc", ".wps", ".dot", ".wpt")

    def read_bytes(self, data: bytes, path: str, stem: str) -> Iterator[Item]:
        from reportnlp.readers import read_misnamed

        items = read_misnamed(self, data, path, stem)  # a 范文 site's ".doc" is often an HTML page
        if items is not None:
            yield from items
            return
        kind = "WPS" if path.lower().endswith((".wps", ".wpt")) else "binary Word (.doc)"
        yield Failure(path, f"{kind} files are not read; " + CONVERT_HINT.format(path=path))
