"""Render a raw HTML page as "the page as text", the way a browser's ``innerText`` reads it.

    python corpora/real-pages/render.py PAGE.html [-o OUT.txt]

Deterministic (same bytes -> same text, byte for byte); lxml only. The rules:

1. Decoding: a BOM (UTF-8, UTF-16 LE/BE) wins; else the first ``charset=`` of a ``<meta charset>`` or
   ``http-equiv`` tag in the first 4,096 bytes; else UTF-8 if the bytes are valid UTF-8, else GB18030.
   Declared GB2312 / GBK / GB_2312-80 / x-gbk / cp936 are read as GB18030 (its superset). Undecodable bytes
   become U+FFFD.
2. Line 1 is the ``<title>`` text (whitespace collapsed), when the page has a non-empty title; otherwise the
   page text starts at line 1.
3. The body: ``head``, ``script``, ``style``, ``noscript``, ``template``, ``svg``, ``math``, ``iframe``,
   ``object``, ``embed``, ``canvas``, ``audio``, ``video``, ``select``, ``textarea``, ``input`` and comments are
   removed, as is any element hidden inline (``hidden`` attribute, ``style`` with ``display:none`` or
   ``visibility:hidden``), as a browser would not show it. ``img`` alt text is not text (innerText omits it).
4. Block elements start and end a line: address article aside blockquote body br caption center dd details
   dialog dir div dl dt fieldset figcaption figure footer form frameset h1-h6 header hgroup hr html legend li
   main menu nav ol p pre section summary table tbody tfoot thead tr ul. ``td`` / ``th`` cells of one row are
   joined on one line separated by a TAB (as innerText does); a cell that holds block elements breaks lines
   inside it as those blocks do. Inline elements (a, span, font, b, strong, em, i, u, label, ...) are joined.
5. Inside a line every run of whitespace (Unicode whitespace incl. U+00A0 and U+3000, plus U+200B, U+FEFF)
   becomes one space, except the cell TAB; runs of TABs become one; each line is stripped. Inside ``pre``
   source newlines are kept as line breaks. Entities are unescaped by the parser.
6. Empty lines are dropped; lines are joined with ``\n``; the file ends with one ``\n``.
"""

from __future__ import annotations

import argparse
import codecs
import re
import sys
from pathlib import Path

import lxml.html
from lxml import etree

BLOCK = frozenset(
    "address article aside blockquote body br caption center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav "
    "ol p pre section summary table tbody tfoot thead tr ul".split()
)
CELL = frozenset({"td", "th"})
REMOVED = frozenset(
    "head script style noscript template svg math iframe object embed canvas audio video select textarea "
    "input title".split()
)
GB_ALIASES = {"gb2312", "gbk", "gb_2312-80", "gb_2312", "x-gbk", "cp936", "936", "ms936", "csgb2312", "gb18030"}
CHARSET_RE = re.compile(rb"""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
WS_RE = re.compile(r"[^\S\t]+|[\u200b\ufeff]+")
SPACE_RE = re.compile(r" {2,}")
TABS_RE = re.compile(r"\s*\t[\s\t]*")
XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

BREAK = "\n"
TAB = "\t"


def detect_encoding(raw: bytes) -> str:
    """The encoding the page is read with (see rule 1)."""
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if raw.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le"
    if raw.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be"
    m = CHARSET_RE.search(raw[:4096])
    if m:
        name = m.group(1).decode("ascii", "replace").lower().strip(".:-")
        if name in GB_ALIASES:
            return "gb18030"
        try:
            return codecs.lookup(name).name
        except LookupError:
            pass
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "gb18030"


def decode(raw: bytes) -> tuple[str, str]:
    """Decoded text of the page and the encoding used."""
    enc = detect_encoding(raw)
    text = raw.decode(enc, errors="replace")
    if enc.startswith("utf-16"):
        text = text.lstrip("\ufeff")
    return text, enc


def _hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return bool(style and HIDDEN_STYLE_RE.search(style))


def _walk(el: etree._Element, out: list[str], pre: bool) -> None:
    """Append text pieces and BREAK/TAB markers for ``el`` (not its tail)."""
    tag = el.tag if isinstance(el.tag, str) else ""
    tag = tag.lower()
    if not isinstance(el.tag, str) or tag in REMOVED or _hidden(el):
        return
    is_pre = pre or tag == "pre"
    block = tag in BLOCK
    if block:
        out.append(BREAK)
    if tag in CELL:
        out.append(TAB)
    if el.text:
        out.append(_text(el.text, is_pre))
    for child in el:
        _walk(child, out, is_pre)
        if child.tail:
            out.append(_text(child.tail, is_pre))
    if tag in CELL:
        out.append(TAB)
    if block:
        out.append(BREAK)


def _text(s: str, pre: bool) -> str:
    if pre:
        return s.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return WS_RE.sub(" ", s.replace("\t", " "))


def _clean_line(line: str) -> str:
    line = WS_RE.sub(" ", line.replace("\t", "\x00"))
    line = SPACE_RE.sub(" ", line).replace("\x00", "\t")
    line = TABS_RE.sub("\t", line)
    return line.strip(" \t")


def render_text(html: str) -> str:
    """The page text of an already decoded HTML string."""
    html = CONTROL_RE.sub("", XML_DECL_RE.sub("", html, count=1))
    if not html.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    lines: list[str] = []
    title_el = root.find(".//title")
    if title_el is not None:
        title = _clean_line((title_el.text_content() or "").replace("\t", " "))
        if title:
            lines.append(title)
    body = root.find("body")
    if body is None:
        body = root
    pieces: list[str] = []
    _walk(body, pieces, False)
    for chunk in "".join(pieces).split("\n"):
        line = _clean_line(chunk)
        if line:
            lines.append(line)
    return "\n".join(lines) + "\n" if lines else ""


def render(raw: bytes) -> str:
    """The page text of raw HTML bytes (rules in the module docstring)."""
    text, _ = decode(raw)
    return render_text(text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("page", type=Path)
    ap.add_argument("-o", "--out", type=Path, default=None, help="default: standard output")
    args = ap.parse_args(argv)
    text = render(args.page.read_bytes())
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
