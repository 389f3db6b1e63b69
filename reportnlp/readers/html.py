"""HTML pages: decode, render the DOM to lines, find the main content with the DOM's evidence.

:func:`extract` turns a page (bytes or text) into an :class:`HtmlPage`: the page's lines as a browser's
``innerText`` shows them (the ``<title>`` first; block elements start lines; table cells of a row joined by
a TAB; ``script``/``style``/hidden elements dropped), one *hint* per line, and the title and metadata the
document states in its markup. The lines and hints then go through :func:`reportnlp.clean` like any page:
a hinted line is dropped with its ``dom:*`` reason, every other line gets the line decisions' reason, so
``--explain`` says why each line was kept or dropped.

How the main content is found (all from the DOM, no learned weights):

1. Each line is anchored at the deepest element holding all its text; a line is *prose* when it has 20+
   characters, CJK text and sentence punctuation (，。；！？), and most of it is not link text.
2. Every element scores ``prose - 0.5 * other``: the prose characters under it minus half of the other
   characters (link text, short lines). The best element is the main block: large enough to hold the
   article, tight enough to leave the page's furniture out. The article's heading (the ``h1``–``h3`` or
   title-classed line that matches the document title) and the lines between it and the main block (date,
   source) are taken in with it when close above it.
   A prose line that repeats an earlier one counts as other text: a page that carries the article twice
   (a desktop and a mobile copy) has its main block around the first copy.
3. Lines outside that region are dropped with the reason of the furniture holding them: a ``nav`` / ``footer``
   / ``aside`` element or a class or id naming navigation, footer, copyright, share bar, comments,
   breadcrumb, sidebar, related links or ads (``dom:nav`` ...); ``dom:repeated_block`` for a prose line
   that repeats one of the article; else ``dom:link_dense`` for a line that is
   mostly link text; else ``dom:outside_main``. Inside the region, named furniture that does not hold the
   main block and link-dense short lines are dropped the same way; the rest is left to the line decisions.

A page without enough prose for a main block (a link index, a form) gets no region: only the named
furniture and link-dense lines are hinted, and the line decisions do the rest.

Decoding: a BOM, then the first ``<meta charset>`` / ``http-equiv`` declaration in the first 4,096 bytes
(GB2312 / GBK declared pages are read as GB18030, their superset), then :func:`reportnlp.normalise.decode.decode`'s
detection. Bytes the declared codec cannot read are replaced (U+FFFD) rather than failing the page.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Optional, Union

from reportnlp import codes
from reportnlp.readers.base import FORMAT_HTML, BaseReader, Failure, Item, Record

# --- decoding -------------------------------------------------------------------------------------------
_CHARSET_RE = re.compile(rb"""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_GB_ALIASES = {
    "gb2312",
    "gbk",
    "gb_2312-80",
    "gb_2312",
    "x-gbk",
    "cp936",
    "936",
    "ms936",
    "csgb2312",
    "gb18030",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def declared_encoding(data: bytes) -> Optional[str]:
    """The codec a BOM or the page's ``<meta>`` declares (``gb18030`` for GB2312/GBK), or ``None``."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    m = _CHARSET_RE.search(data[:4096])
    if m:
        name = m.group(1).decode("ascii", "replace").lower().strip(".:-")
        if name in _GB_ALIASES:
            return "gb18030"
        try:
            return codecs.lookup(name).name
        except LookupError:
            return None
    return None


def decode_html(data: bytes, encoding: Optional[str] = None) -> tuple[str, str]:
    """The page's text and the encoding it was read with (``encoding`` forces one)."""
    text, enc, _ = decode_page(data, encoding)
    return text, enc


def decode_page(data: bytes, encoding: Optional[str] = None) -> tuple[str, str, Optional[str]]:
    """:func:`decode_html` and a warning, when the page was not read whole: cut short inside its last
    character, or bytes the encoding forced (``encoding``) or declared does not read, replaced by U+FFFD.

    >>> decode_page("<p>政府工作报告</p>".encode()[:-6])
    ('<p>政府工作报', 'utf-8', 'cut short inside its last character (an interrupted download?): read up to byte 18')
    """
    if encoding is not None:  # the codec's own name: UTF-8, utf8 and utf-8 are one codec
        try:
            encoding = codecs.lookup(encoding).name
        except LookupError:
            pass  # decoding says so
    enc = encoding or declared_encoding(data)
    how = "the encoding forced" if encoding else "the encoding the page declares"
    if enc is None:
        from reportnlp.errors import InputError
        from reportnlp.normalise.decode import decode

        try:
            return (*decode(data), None)
        except InputError:  # read leniently, in the codec that reads more of it
            if (cut := _utf8_cut_short(data)) is not None:
                return cut
            enc = "utf-8" if _utf8_share(data) >= _gb_share(data) else "gb18030"
            how = "the encoding that reads most of it"
    if enc == "utf-8":  # a page declared UTF-8 but saved as GBK by a browser is common
        try:
            return data.decode("utf-8"), enc, None
        except UnicodeDecodeError:
            if (cut := _utf8_cut_short(data)) is not None:
                return cut
            # GB18030 reads most UTF-8 bytes too: a UTF-8 page cut short inside its last character
            # (an interrupted download) was read as GB18030, every character of it garbled. A codec the
            # user forced is kept.
            if encoding is None and _gb_share(data) > max(0.9, _utf8_share(data)):
                enc, how = "gb18030", "the page declares UTF-8 but is GB18030"
    text = data.decode(enc, "replace")
    if enc.startswith("utf-16"):
        text = text.lstrip("\ufeff")
    warning = None
    if "\ufffd" in text:
        lost = text.count("\ufffd") - data.decode(enc, "ignore").count("\ufffd")
        if lost:
            what = "1 character" if lost == 1 else f"{lost} characters"
            warning = f"not {enc} ({how}): {what} read as U+FFFD"
    return text, enc, warning


def _utf8_cut_short(data: bytes) -> Optional[tuple[str, str, str]]:
    """UTF-8 ``data`` cut short inside its last character (an interrupted download): the page up to it,
    with a warning; ``None`` if ``data`` is not that."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.reason == "unexpected end of data" and err.start >= len(data) - 3:
            try:
                text = data[: err.start].decode("utf-8")
            except UnicodeDecodeError:
                return None
            return (
                text,
                "utf-8",
                "cut short inside its last character (an interrupted download?): "
                f"read up to byte {err.start}",
            )
    return None


def _utf8_share(data: bytes) -> float:
    """Share of the non-ASCII characters that UTF-8 decodes without error."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    total = sum(1 for c in text if ord(c) > 127)
    return 1.0 - bad / total if total else 0.0


def _gb_share(data: bytes) -> float:
    """Share of the non-ASCII bytes that GB18030 decodes without error (a GBK page in UTF-8's clothes)."""
    text = data.decode("gb18030", "replace")
    bad = text.count("\ufffd")
    total = sum(1 for c in text if ord(c) > 127)
    return 1.0 - bad / total if total else 0.0


_HTML_SNIFF = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.I | re.S,
)


def looks_like_html(data: Union[str, bytes]) -> bool:
    """Whether ``data`` is an HTML page (it starts with a doctype, ``<html>``, ``<head>`` or ``<body>``)."""
    head = data[:2048]
    if isinstance(head, bytes):
        for bom, enc in _BOMS:
            if head.startswith(bom):
                head = head.decode(enc, "replace")
                break
        else:
            head = head.decode("latin-1")
    return bool(_HTML_SNIFF.match(head.lstrip("\ufeff")))


# --- rendering ------------------------------------------------------------------------------------------
BLOCK = frozenset(
    "address article aside blockquote body br caption center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav "
    "ol p pre section summary table tbody tfoot thead tr ul".split()
)
CELL = frozenset({"td", "th"})
REMOVED = frozenset(
    "head script style noscript template svg math iframe object embed canvas audio video select textarea "
    "input title button".split()
)
_EARLY_END = re.compile(r"</(?:body|html)\s*>", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_WS = re.compile(r"[^\S\t]+|[\u200b\ufeff]+")
_SPACES = re.compile(r" {2,}")
_TABS = re.compile(r"\s*\t[\s\t]*")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BREAK = 0
_TAB = 1
_BR = 2


@dataclass
class _Line:
    text: str
    anchor: object  # the deepest element holding all of the line's text
    link_chars: int
    block_start: bool = True  # False: the line follows the previous one after a <br> only


@dataclass
class HtmlPage:
    """A rendered page: ``lines`` (line 1 is the ``<title>`` when there is one), one ``hints`` entry per
    line (a ``dom:*`` drop reason or ``None``), the document's ``title`` and ``meta``, and ``encoding``."""

    lines: list[str]
    hints: list[Optional[str]]
    title: Optional[str] = None
    meta: dict[str, str] = field(default_factory=dict)
    encoding: str = "text"
    # per line: it starts a block (never joined to the line before); weak_meta fills only gaps
    starts: list[bool] = field(default_factory=list)
    weak_meta: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # the page was not read whole (decode_page)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _hidden(el) -> bool:
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _pieces(root) -> list:
    """Text pieces ``(text, element, in_link)`` and break/tab markers, in document order."""
    out: list = []

    def walk(el, pre: bool, link: bool) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not tag or tag in REMOVED or _hidden(el):
            return
        is_pre = pre or tag == "pre"
        is_link = link or (tag == "a" and el.get("href") is not None)
        block = tag in BLOCK
        if tag == "br":
            out.append(_BR)
            return
        if block:
            out.append(_BREAK)
        if tag in CELL:
            out.append(_TAB)
        if el.text:
            out.append((_norm_ws(el.text, is_pre), el, is_link))
        for child in el:
            walk(child, is_pre, is_link)
            if child.tail:
                out.append((_norm_ws(child.tail, is_pre), el, is_link and tag != "a"))
        if tag in CELL:
            out.append(_TAB)
        if block:
            out.append(_BREAK)

    walk(root, False, False)
    return out


def _norm_ws(s: str, pre: bool) -> str:
    if pre:
        return s.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _WS.sub(" ", s.replace("\t", " "))


def _clean_line(line: str) -> str:
    line = _WS.sub(" ", line.replace("\t", "\x00"))
    line = _SPACES.sub(" ", line).replace("\x00", "\t")
    return _TABS.sub("\t", line).strip(" \t")


def _common(a, b):
    """The deepest common ancestor-or-self of two elements."""
    if a is b:
        return a
    seen = {id(x) for x in _chain(a)}
    for x in _chain(b):
        if id(x) in seen:
            return x
    return None


def _chain(el) -> Iterator:
    while el is not None:
        yield el
        el = el.getparent()


def _render(root) -> list[_Line]:
    lines: list[_Line] = []
    buf: list[tuple[str, object, bool]] = []
    state = {"block": True}

    def flush() -> None:
        if not buf:
            return
        raw = "".join(t for t, _, _ in buf)
        # a pre block's own newlines split the line
        for part in raw.split("\n") if "\n" in raw else [raw]:
            text = _clean_line(part)
            if not text:
                continue
            anchor = None
            link = 0
            for t, el, is_link in buf:
                if not t.strip() or (len(buf) > 1 and t.strip() not in part):
                    continue
                anchor = el if anchor is None else _common(anchor, el)
                if is_link:
                    link += len(t.strip())
            lines.append(
                _Line(
                    text,
                    anchor if anchor is not None else buf[0][1],
                    min(link, len(text)),
                    state["block"],
                )
            )
            state["block"] = False
        buf.clear()

    brs = 0  # <br>s since the last text: two in a row leave a blank line, a paragraph break
    for p in _pieces(root):
        if p is _BREAK:
            flush()
            state["block"] = True
        elif p is _BR:
            flush()
            brs += 1
            if brs >= 2:
                state["block"] = True
        elif p is _TAB:
            if buf:
                buf.append(("\t", buf[-1][1], False))
        else:
            if p[0].strip():
                brs = 0
            buf.append(p)
    flush()
    return lines


# --- main content -----------------------------------------------------------------------------------------
_PROSE_PUNCT = re.compile(r"[，。；！？,;!?]")
_CJK = re.compile(r"[\u4e00-\u9fff]")

#: class/id words (whole tokens) and the reason they give; a token matches a word or starts with it.
_NAME_REASONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "dom:breadcrumb",
        ("breadcrumb", "crumb", "crumbs", "position", "location", "weizhi", "dqwz", "path"),
    ),
    ("dom:share", ("share", "bdshare", "jiathis", "social", "fenxiang", "bshare")),
    ("dom:comment", ("comment", "comments", "pinglun", "reply", "discuss", "cmt")),
    ("dom:copyright", ("copyright", "copy", "banquan")),
    ("dom:footer", ("footer", "foot", "bottom", "ft", "friendlink", "yqlj", "links")),
    ("dom:nav", ("nav", "navbar", "menu", "topbar", "mainnav", "subnav", "daohang", "channel")),
    ("dom:sidebar", ("sidebar", "side", "aside", "rightbar", "leftbar", "sidebox")),
    (
        "dom:related",
        ("related", "relate", "recommend", "xgwz", "tuijian", "hot", "rank", "more", "xgxw"),
    ),
    ("dom:ad", ("ad", "ads", "advert", "adv", "banner", "gg", "guanggao", "sponsor")),
    ("dom:pager", ("pager", "pagination", "page-nav")),
)
_TAG_REASONS = {"nav": "dom:nav", "footer": "dom:footer", "aside": "dom:sidebar"}
_TOKEN = re.compile(r"[a-z]+")


def _name_reason(el) -> Optional[str]:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag in _TAG_REASONS:
        return _TAG_REASONS[tag]
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    if not names.strip():
        return None
    tokens = _TOKEN.findall(names)
    for reason, words in _NAME_REASONS:
        for tok in tokens:
            for w in words:
                if tok == w or (len(w) >= 4 and tok.startswith(w)):
                    return reason
    return None


def _is_prose(line: _Line) -> bool:
    t = line.text
    return (
        len(t) >= 20
        and line.link_chars < 0.5 * len(t)
        and bool(_CJK.search(t))
        and bool(_PROSE_PUNCT.search(t))
    )


def _link_dense(line: _Line) -> bool:
    return line.link_chars >= 0.6 * len(line.text) and not (
        len(line.text) >= 60 and _PROSE_PUNCT.search(line.text)
    )


def _main_region(lines: list[_Line], title: Optional[str]) -> Optional[tuple[int, int, object]]:
    """``(first, last, main)``: the 0-based line range of the article and its main element, or ``None``."""
    score: dict[int, float] = {}
    prose_of: dict[int, int] = {}
    elements: dict[int, object] = {}
    total_prose = 0
    seen: set[str] = set()
    for ln in lines:
        n = len(ln.text)
        key = _key(ln.text)
        repeated = (
            key in seen
        )  # a second copy of the article (a mobile version) is not more article
        seen.add(key)
        if _is_prose(ln) and not repeated:
            p, o = n - ln.link_chars, ln.link_chars
            total_prose += p
        else:
            p, o = 0, n
        for el in _chain(ln.anchor):
            k = id(el)
            elements[k] = el
            score[k] = score.get(k, 0.0) + p - 0.5 * o
            prose_of[k] = prose_of.get(k, 0) + p
    if total_prose < 150:
        return None
    best = max(score, key=lambda k: (score[k], -prose_of[k]))
    main = elements[best]
    inside = [i for i, ln in enumerate(lines) if any(e is main for e in _chain(ln.anchor))]
    if not inside:
        return None
    first, last = inside[0], inside[-1]
    # the heading: a heading-like line matching the title, close above the main block
    head = _heading_line(lines, first, title)
    if head is None:
        head = _dateline_above(lines, first)
    if head is not None:
        first = head
    return first, last, main


def _dateline_above(lines: list[_Line], first: int) -> Optional[int]:
    """A speech's dateline close above the main block, with no heading over it (the Jilin portal's 2026 report:
    ``——2026年1月27日在吉林省第十四届 人民代表大会第五次会议上 省长 胡玉亭`` / ``2026-01-30来源：`` / the text): it
    is the document's own header, taken in with the lines between, so that the line decisions read its date and
    speaker (it was dropped as ``dom:outside_main``, and the page had no author)."""
    from reportnlp.boilerplate.rules import DATELINE, DATELINE_START

    seen = 0
    for i in range(first - 1, max(-1, first - 8), -1):
        t = lines[i].text.strip()
        if not t:
            continue
        if _link_dense(lines[i]):
            return None
        if DATELINE.match(t) or DATELINE_START.match(t):
            return i
        seen += 1
        if seen == 2:
            return None
    return None


_HEADING_TAGS = frozenset({"h1", "h2", "h3"})


def _heading_line(lines: list[_Line], first: int, title: Optional[str]) -> Optional[int]:
    key = _key(title or "")
    for i in range(first - 1, max(-1, first - 25), -1):
        ln = lines[i]
        text = _key(ln.text)
        if not text:
            continue
        tags = {
            (e.tag.lower() if isinstance(e.tag, str) else "") for e in list(_chain(ln.anchor))[:3]
        }
        classes = " ".join(
            (e.get("class") or "") + " " + (e.get("id") or "") for e in list(_chain(ln.anchor))[:2]
        )
        heading_like = bool(tags & _HEADING_TAGS) or "title" in classes.lower()
        if (
            key
            and len(text) >= 4
            and (text in key or key in text)
            and (heading_like or len(text) >= 8)
        ):
            return i
        if heading_like and not key and len(text) >= 6:
            return i
    return None


def _key(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _drop(hint: Optional[str]) -> bool:
    return bool(hint) and hint != codes.R_DOM_MAIN


def _hints(lines: list[_Line], region: Optional[tuple[int, int, object]]) -> list[Optional[str]]:
    hints: list[Optional[str]] = []
    main = region[2] if region else None
    named_cache: dict[int, Optional[str]] = {}

    def named(ln: _Line) -> Optional[str]:
        for el in _chain(ln.anchor):
            if main is not None and el is main:
                return None  # furniture names above the main block do not count
            k = id(el)
            if k not in named_cache:
                reason = _name_reason(el)
                if reason and main is not None and any(e is el for e in _chain(main)):
                    reason = None  # it holds the article: not furniture
                named_cache[k] = reason
            if named_cache[k]:
                return named_cache[k]
        return None

    inside_keys = (
        {_key(ln.text) for ln in lines[region[0] : region[1] + 1]} if region is not None else set()
    )
    for i, ln in enumerate(lines):
        inside = region is not None and region[0] <= i <= region[1]
        reason = named(ln)
        if reason is None and not inside and _is_prose(ln) and _key(ln.text) in inside_keys:
            reason = codes.R_DOM_REPEATED
        if reason is None and _link_dense(ln) and len(ln.text) < 60:
            reason = "dom:link_dense"
        if reason is None and region is not None and not inside:
            reason = "dom:outside_main"
        if (
            inside
            and reason is not None
            and _is_prose(ln)
            and reason
            not in (
                "dom:comment",
                "dom:related",
            )
        ):
            reason = None  # prose inside the article is read by the line decisions
        if reason is None and main is not None and any(e is main for e in _chain(ln.anchor)):
            reason = codes.R_DOM_MAIN
        hints.append(reason)
    # a short label between furniture lines is furniture too (a box's "证券要闻" among its links)
    for i, ln in enumerate(lines):
        if not _drop(hints[i]) and 0 < i < len(lines) - 1 and len(ln.text) <= 10:
            if _drop(hints[i - 1]) and _drop(hints[i + 1]) and not _PROSE_PUNCT.search(ln.text):
                hints[i] = hints[i - 1] if hints[i - 1] != "dom:outside_main" else hints[i + 1]
    return hints


# --- title and metadata ------------------------------------------------------------------------------------
#: A browser title's last part after a separator (also doubled: ``…的决议__2007年第23号国务院公报_中国政府网``,
#: ``新闻动态--中国地理学会官网``; one character of a doubled separator left the title ending with it).
_SITE_SUFFIX = re.compile(r"\s*(?:[-_|–—·]{1,3}|－{1,3}|＿{1,3}|｜|——)\s*[^-_|–—·－＿｜]{1,40}$")
_META_NAMES = {
    "articletitle": "title",
    "pubdate": "date",
    "firstpublishedtime": "date",
    "publishdate": "date",
    "contentsource": "source",
    "source": "source",
    "author": "author",
    "keywords": "keywords",
    "description": "description",
    "sitename": "site",
    "og:title": "og_title",
    "og:site_name": "site",
    "og:description": "description",
    "article:published_time": "date",
    "article:author": "author",
    "og:url": "url",
    "columnname": "column",
    # what template-essay and 文库 sites' CMS themes write for Baidu's and Toutiao's crawlers
    "og:release_date": "date",
    "bytedance:published_time": "date",
    "og:author": "author",
    "og:article:author": "author",
}

#: Fields of a page's JSON-LD (Baidu's 熊掌号 ``cambrian.jsonld`` that Chinese content, 范文 and 文库 sites
#: carry, or schema.org): key → meta key. They fill only what the ``<meta>`` tags leave out.
_LD_FIELDS = {
    "pubDate": "date",
    "datePublished": "date",
    "title": "ld_title",
    "headline": "ld_title",
    "description": "description",
}
_LD_STRING = re.compile(
    r'"(pubDate|datePublished|title|headline|description)"\s*:\s*"((?:[^"\\]|\\.)*)"'
)
_LD_AUTHOR = re.compile(r'"author"\s*:\s*(?:\{[^{}]*?"name"\s*:\s*)?"((?:[^"\\]|\\.)*)"')


def _json_ld(root) -> dict[str, str]:
    """Title, date, description and author from the page's ``application/ld+json`` scripts, read field by
    field (these scripts often hold comments or trailing commas that a JSON parser refuses)."""
    import json

    found: dict[str, str] = {}

    def put(key: str, raw: str) -> None:
        try:
            value = json.loads(f'"{raw}"')
        except ValueError:
            value = raw
        value = " ".join(value.split())
        if value and key not in found:
            found[key] = value

    for el in root.iter("script"):
        if (el.get("type") or "").strip().lower() != "application/ld+json" or not el.text:
            continue
        text = el.text[:20000]
        for m in _LD_STRING.finditer(text):
            put(_LD_FIELDS[m.group(1)], m.group(2))
        if m := _LD_AUTHOR.search(text):
            put("author", m.group(1))
    return found


_ESCAPED_TAG = re.compile(r"</?[A-Za-z][^<>]{0,40}>")


def _meta_text(value: str) -> str:
    """A ``<meta>`` value as text: a tag the CMS escaped into it (``标题&ltbr/>——副题``, ``&lt;br&gt;``)
    becomes a space, entities are decoded, whitespace squeezed."""
    import html

    if "&" in value or "<" in value:
        value = _ESCAPED_TAG.sub(" ", html.unescape(value))
    return " ".join(value.split())


def _document_meta(root) -> dict[str, str]:
    meta: dict[str, str] = {}
    for el in root.iter("meta"):
        name = (el.get("name") or el.get("property") or el.get("itemprop") or "").strip().lower()
        content = _meta_text(el.get("content") or "")
        key = _META_NAMES.get(name)
        if key and content and key not in meta:
            meta[key] = content
    for key, value in _json_ld(root).items():
        meta.setdefault(key, value)
    if "date" in meta and (m := _DATE.search(meta["date"])):
        meta["date"] = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    if "source" in meta:  # ``来源：人民网-文化频道 原创稿`` (人民网's tag): its label and the word 原创 are no source
        if not (source := _SOURCE_WORDS.sub("", meta["source"]).strip()):
            del meta["source"]
        else:
            meta["source"] = source
    if "author" in meta and not _NAME_CHAR.search(meta["author"]):
        del meta["author"]  # ``104363``: an account's number, no name
    return meta


_SOURCE_WORDS = re.compile(r"^(?:本文|文章|信息|稿件|新闻)?来源于?\s*[:：]\s*|\s+原创稿?$")
_NAME_CHAR = re.compile(r"[^\W\d_]")  # a letter of any script: a name has one


_DATE = re.compile(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def _document_title(root, meta: dict[str, str], lines: list[_Line]) -> Optional[str]:
    if meta.get("title"):
        return meta["title"]
    tag = root.find(".//title")
    tag_text = " ".join((tag.text_content() if tag is not None else "").split())
    h1s = [" ".join(h.text_content().split()) for h in root.iter("h1")]
    h1s = [h for h in h1s if 4 <= len(h) <= 120]
    og = meta.get("og_title")
    for h in h1s:  # an h1 the <title> starts with is the article's heading, not the site's logo
        if tag_text and (tag_text.startswith(h) or h in tag_text):
            return h
    if og:
        return og
    if meta.get("ld_title") and not tag_text and not h1s:
        return meta["ld_title"]
    if tag_text:
        stripped = tag_text
        for _ in range(2):
            cut = _SITE_SUFFIX.sub("", stripped)
            if len(cut) >= 4:
                stripped = cut
        return stripped
    return h1s[0] if h1s else None


# --- the whole path -------------------------------------------------------------------------------------------
def rendered_text(data: Union[str, bytes], *, encoding: Optional[str] = None) -> str:
    """``extract(data).text`` (the page's rendered lines, its ``<title>`` first) without finding the main
    content, hints or metadata: what the corpus line counts read, at about half the cost."""
    import lxml.html
    from lxml import etree

    text = decode_html(data, encoding)[0] if isinstance(data, bytes) else data
    text = _EARLY_END.sub("", _CONTROL.sub("", _XML_DECL.sub("", text, count=1)))
    if not text.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return ""
    lines = [
        ln.text for ln in _render(root.find("body") if root.find("body") is not None else root)
    ]
    tag = root.find(".//title")
    tag_text = _clean_line(tag.text_content()) if tag is not None else ""
    if tag_text:
        lines.insert(0, tag_text)
    return "\n".join(lines)


def extract(data: Union[str, bytes], *, encoding: Optional[str] = None) -> HtmlPage:
    """Render ``data`` (an HTML page) to lines with their DOM hints, title and metadata."""
    import lxml.html
    from lxml import etree

    enc = "text"
    warnings: list[str] = []
    if isinstance(data, bytes):
        text, enc, warning = decode_page(data, encoding)
        if warning:
            warnings.append(warning)
    else:
        text = data
    text = _CONTROL.sub("", _XML_DECL.sub("", text, count=1))
    # a browser ignores ``</body>``/``</html>`` before the end (server-side includes leave them after the
    # header); libxml2 drops what follows them, the article included
    text = _EARLY_END.sub("", text)
    if not text.strip():
        return HtmlPage([], [], encoding=enc, warnings=warnings)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return HtmlPage([], [], encoding=enc, warnings=warnings)
    # lxml makes a Python proxy per element on demand and frees it when unreferenced, so a later
    # proxy of another element can reuse its id(): holding every proxy for the whole extraction keeps
    # ids and `is` stable (without this, results depended on memory layout).
    alive = list(root.iter())
    meta = _document_meta(root)
    rendered = _render(root.find("body") if root.find("body") is not None else root)
    title = _document_title(root, meta, rendered)
    region = _main_region(rendered, title)
    hints = _hints(rendered, region)
    lines = [ln.text for ln in rendered]
    starts = [ln.block_start for ln in rendered]
    tag = root.find(".//title")
    tag_text = _clean_line(tag.text_content()) if tag is not None else ""
    if tag_text:
        lines.insert(0, tag_text)
        hints.insert(0, "dom:browser_title")
        starts.insert(0, True)
    page_meta = {k: v for k, v in meta.items() if k in ("date", "source", "author")}
    weak: dict[str, str] = {}
    if site := _site_from_title(tag_text):  # the browser title's suffix names the site
        page_meta["site"] = site
    elif meta.get("site"):  # SiteName / og:site_name: often a channel's name
        weak["site"] = meta["site"]
    if page_meta.get("author") and page_meta["author"] in (
        page_meta.get("site") or meta.get("site") or ""
    ):
        del page_meta["author"]  # <meta name="author" content="网易"> names the publisher
    extra = {k: v for k, v in meta.items() if k in ("keywords", "description", "url", "column")}
    page_meta.update({f"html_{k}": v for k, v in extra.items()})
    if region is not None:  # a date between the article's heading and its first paragraph
        for ln in rendered[region[0] : region[1] + 1][:12]:
            if _is_prose(ln) and len(ln.text) > 60:
                break
            if m := _DATE.search(ln.text):
                weak["date"] = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
                break
    del alive
    return HtmlPage(lines, hints, title, page_meta, enc, starts, weak, warnings)


#: Metadata the page's ``<meta>`` states outright wins over what its lines say; the rest only fills gaps.
_STRONG = ("source", "site")


def merge_meta(
    line_meta: dict[str, str], page_meta: dict[str, str], weak_meta: Optional[dict[str, str]] = None
) -> dict[str, str]:
    """A page's metadata: ``<meta>`` tags' source and site over the line decisions' fields, which come
    before the other tags (a CMS's ``PubDate`` is often its last edit, not the date the page shows) and
    before ``weak_meta`` (a date found near the heading)."""
    meta = dict(line_meta)
    for k, v in page_meta.items():
        if k in _STRONG:
            meta[k] = v
        else:
            meta.setdefault(k, v)
    for k, v in (weak_meta or {}).items():
        meta.setdefault(k, v)
    return meta


_TITLE_SEPARATORS = re.compile(r"\s*(?:[_|｜]|\s[-–—]\s|——|－|-{2,})\s*")


#: A date opening a title's last part: a speech's dateline (``政府工作报告——2026年1月26日在…会议上``), no site
_DATED = re.compile(r"(?:19|20)\d\d\s*[年./-]|[〇○零一二三四五六七八九]{4}年")


def _site_from_title(title: str) -> Optional[str]:
    """The site's name that ends a browser title (``八部委…新生态_网易财经`` → ``网易财经``); not a speech's
    dateline after a dash.

    >>> _site_from_title("八部委…新生态_网易财经"), _site_from_title("政府工作报告——2026年1月26日在河北省第十四届人民代表大会第四次会议上")
    ('网易财经', None)
    """
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return None
    last = parts[-1].strip()
    if _DATED.match(last):
        return None
    return last if 2 <= len(last) <= 30 and _CJK.search(last) else None


class HtmlReader(BaseReader):
    """``.html .htm .shtml .xhtml`` (any case): one page per file, rendered and cleaned by the HTML path."""

    extensions = (".html", ".htm", ".shtml", ".xhtml")

    def read_bytes(self, data: bytes, path: str, stem: str) -> Iterator[Item]:
        # a file with no tag at all is plain text named .html (a report saved or renamed so): read as
        # text, else its lines would run together as one HTML paragraph
        if data[:4] in (b"%PDF", b"PK\x03\x04") or data[:5].lower() == b"mime-":  # a PDF, .docx or MHTML
            from reportnlp.readers import read_misnamed

            items = read_misnamed(self, data, path, stem)
            if items is not None:
                yield from items
                return
        fmt = FORMAT_HTML if has_markup(data) else None
        yield Record(stem, data, path, fields=dict(self.default_metadata), format=fmt)


#: A tag, comment or doctype anywhere; without a BOM in UTF-16 too (NUL bytes between the characters;
#: a false match there only keeps the page on the HTML path).
_ANY_TAG = re.compile(rb"<(?:\x00)?[A-Za-z!/?]")
_ANY_TAG_TEXT = re.compile(r"<[A-Za-z!/?]")


def has_markup(data: bytes) -> bool:
    """Whether ``data`` holds any tag, comment or doctype (a file with a BOM is searched as decoded text:
    UTF-16 code units of Chinese characters can hold the byte ``<``)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return bool(_ANY_TAG_TEXT.search(data.decode(enc, "replace")))
    return bool(_ANY_TAG.search(data))


class MhtmlReader(BaseReader):
    """``.mhtml .mht`` (a page a browser saved as one file, "web page, single file"): its first
    ``text/html`` part, decoded from its transfer encoding, read as an HTML page."""

    extensions = (".mhtml", ".mht")

    def read_bytes(self, data: bytes, path: str, stem: str) -> Iterator[Item]:
        import email
        import email.policy

        msg = email.message_from_bytes(data, policy=email.policy.compat32)
        for part in msg.walk():
            if part.get_content_type() == "text/html":
                page = part.get_payload(decode=True) or b""
                charset = part.get_content_charset()
                if charset and not declared_encoding(
                    page[:4096]
                ):  # the part's charset, if the page has none
                    try:
                        page = page.decode(charset).encode("utf-8")
                    except (LookupError, UnicodeDecodeError):
                        pass
                fields = dict(self.default_metadata)
                yield Record(stem, page, path, fields=fields, format=FORMAT_HTML)
                return
        yield Failure(path, "no text/html part: not a web page saved as one file (MHTML)")
