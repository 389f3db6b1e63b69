"""``clean()``: one scraped page in, one :class:`~reportnlp.types.CleanDoc` out.

raw bytes/text → decode → newlines → pinyin → mojibake → script → width (each step returns its edits) →
line decisions (keep/drop/title/meta, each with a reason) → metadata → paragraphs → script again on
joined paragraphs (a line joined to its neighbour can be read in a traditional clause only then).

Offsets: each normalisation edit refers to the text its step received; the paragraph edits refer to the
*kept text* (the kept lines separated by blank lines); the last script edits, and :attr:`CleanDoc.paragraphs`,
refer to :attr:`CleanDoc.text`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Optional, Union
from warnings import warn as _warn

from reportnlp import codes
from reportnlp.boilerplate.classify import decide_lines, is_indented, title_text
from reportnlp.boilerplate.corpus import LazyKeys
from reportnlp.boilerplate.metadata import extract_meta
from reportnlp.boilerplate.rules import DATELINE_END, DATELINE_START, is_long_prose, line_rule
from reportnlp.errors import InputError
from reportnlp.normalise import normalise_text, strip_invisible
from reportnlp.normalise.decode import decode
from reportnlp.normalise.mojibake import repair_budget
from reportnlp.normalise.paragraphs import KeptLine, rebuild_paragraphs
from reportnlp.normalise.script import detect_and_simplify, may_convert
from reportnlp.readers.base import path_given_as_text, record_title
from reportnlp.readers.hints import apply_hints, blank_hinted
from reportnlp.readers.html import extract as extract_html
from reportnlp.readers.html import looks_like_html, merge_meta
from reportnlp.types import CleanDoc, Edit, LineDecision, Paragraph, new_edit, new_paragraph

_INDENT_CHARS = (" ", "\t", "\u3000", "\xa0")


def clean(
    data: Union[str, bytes],
    *,
    id: str = "",
    title: Optional[str] = None,
    source: Optional[str] = None,
    encoding: Optional[str] = None,
    to_simplified: bool = True,
    corpus_counts: Optional[Mapping[int, int]] = None,
    corpus_min_docs: int = 5,
    html: Optional[bool] = None,
    hints: Optional[Sequence[Optional[str]]] = None,
    fields: Optional[Mapping[str, Any]] = None,
    meta: Optional[Mapping[str, Any]] = None,
) -> CleanDoc:
    """Clean one report page: normalise it, strip the site's boilerplate, rebuild its paragraphs.

    ``data`` is the page as bytes (the encoding is detected unless ``encoding`` is given) or text.
    ``title`` is a title known from elsewhere (a JSONL field). ``source`` names the input in error
    messages. ``corpus_counts`` (see :mod:`reportnlp.boilerplate.corpus`) enables the corpus-level signal.
    ``html``: ``data`` is an HTML page (``None``: detected from its start); it is rendered to lines and its
    main content found with its DOM (:mod:`reportnlp.readers.html`), its title and ``<meta>`` read.
    ``hints``: one drop reason or ``None`` per line that a reader already knows (:mod:`reportnlp.readers.hints`).
    ``fields``: the input record's own fields, carried to :attr:`CleanDoc.fields` unchanged. ``meta``:
    metadata the input already states (a JSONL record's ``meta`` object); its string fields win over what
    the page states.

    >>> doc = clean("关于全市理论宣讲工作汇报\\n时间:2024-02-09  来源:网友投稿\\n"
    ...             "  多年来,××市大胆探索、勇于创新,致力形成理论宣讲的最强分贝、最大成效。\\n"
    ...             "版权所有:上派范文网 2010-2024")
    >>> doc.title, doc.meta["date"], doc.text
    ('关于全市理论宣讲工作汇报', '2024-02-09', '多年来,××市大胆探索、勇于创新,致力形成理论宣讲的最强分贝、最大成效。')
    >>> [(d.line, d.reason) for d in doc.dropped]
    [(4, 'copyright')]
    """
    warnings: list[str] = []
    if source is None:  # a direct call, not a reader's record: a path given for the page is said
        said = path_given_as_text(data, "clean")
        if said:
            warnings.append(said)
            _warn(said, UserWarning, stacklevel=2)
    page_meta: dict[str, str] = {}
    weak_meta: dict[str, str] = {}
    starts: Optional[Sequence[bool]] = None
    if html is None:
        html = looks_like_html(data)
    if html:
        page = extract_html(data, encoding=encoding)
        if not any(ln.strip() for ln in page.lines):
            raise InputError(
                "HTML page with no visible text (a script-only or anti-bot page?)", source
            )
        text, enc, hints, page_meta = page.text, page.encoding, page.hints, page.meta
        starts, weak_meta = page.starts, page.weak_meta
        warnings += page.warnings
        title = title or page.title
    elif isinstance(data, bytes):
        text, enc = decode(data, source=source, encoding=encoding)
    else:
        text, enc = data, "text"
    if title is not None:  # a title from elsewhere holds no invisible characters or lone surrogates
        title = strip_invisible(title)[0]
    # One mojibake budget for the page: its text's repair first, its title's with what is left
    budget = repair_budget(len(text) + (len(title) if title else 0))
    result = normalise_text(text, to_simplified=to_simplified, mojibake_budget=budget)
    if title is not None and title.strip():  # normalised as the text is: 廣州共產黨報告 is 广州共产党报告
        title = normalise_text(title, to_simplified=to_simplified, mojibake_budget=budget).text
    lines = result.text.split("\n")
    unwidened = result.before_width.split("\n")  # its indentation tells paragraphs apart

    keys = None
    if corpus_counts is not None:  # counted on raw lines (see boilerplate.corpus)
        raw = text.replace("\r\n", "\n").replace("\r", "\n")
        keys = LazyKeys(raw.split("\n"))  # hashed only for the lines the classifier looks up
    seen = blank_hinted(lines, hints)  # lines a reader already dropped are blank here
    decisions = decide_lines(
        seen,
        title_hint=title,
        corpus_counts=corpus_counts,
        corpus_min_docs=corpus_min_docs,
        corpus_keys=keys,
        indented=is_indented(unwidened),  # a page, no cleaned text (read before the widths are normalised)
    )
    decisions = apply_hints(decisions, hints, lines)
    found = merge_meta(extract_meta(decisions), page_meta, weak_meta)  # as is without a page
    if meta:
        found.update((k, v) for k, v in meta.items() if isinstance(k, str) and isinstance(v, str))
    doc_title = title.strip() if title else title_text(decisions)  # without the site's name

    body, para_edits, paragraphs = rebuild_paragraphs(
        _kept_lines(decisions, lines, unwidened, starts)
    )
    # A paragraph joined from several lines is read again by the line rules: lines that each looked
    # harmless can together be a menu ("关于  1." + "关于  0"); then they go, with that reason.
    # Long prose inside the body is body, as in the line decisions: only the first and last paragraphs
    # are read whatever they hold.
    rejudged = False
    photo_page: Optional[bool] = None  # read once, when a caption is met
    last = len(paragraphs) - 1
    for k, p in enumerate(paragraphs):
        if len(p.lines) < 2 or (0 < k < last and is_long_prose(p.text)):
            continue
        if (reason := line_rule(p.text)) is not None:
            if reason == codes.R_PHOTO_CAPTION:
                if photo_page is None:  # the line decisions kept the captions as the page's only text
                    photo_page = any(d.reason == reason and d.action == codes.KEEP for d in decisions)
                if photo_page:
                    continue  # (boilerplate.classify.decide_lines: one decision, its reason ``photo_caption``)
            for n in p.lines:
                decisions[n - 1] = LineDecision(n, codes.DROP, reason, decisions[n - 1].text)
            rejudged = True
    if rejudged:
        body, para_edits, paragraphs = rebuild_paragraphs(
            _kept_lines(decisions, lines, unwidened, starts)
        )
    if to_simplified:
        body, paragraphs, e = _simplify_joined(body, paragraphs)
        para_edits += e

    if not body:  # not an error (the title and metadata may be all there is), but worth a word
        warnings.append(
            "no text left: every line was dropped or read as the title or metadata (see --explain)"
        )
    elif len(body) < 0.2 * len(result.text):  # else it cannot be below a fifth of the stripped lines
        total = sum(len(ln.strip()) for ln in seen)  # a reader's drops (page furniture) not counted
        if total >= 200 and len(body) < 0.2 * total:
            warnings.append(f"most of the page was dropped: {len(body)} of {total} characters kept")
    return CleanDoc(
        id=id,
        title=doc_title,
        meta=found,
        text=body,
        paragraphs=tuple(paragraphs),
        lines=tuple(decisions),
        edits=tuple(result.edits) + tuple(para_edits),
        encoding=enc,
        script=result.script,
        warnings=tuple(warnings),
        source=source,
        fields=dict(fields or {}),
    )


def _simplify_joined(
    body: str, paragraphs: list[Paragraph]
) -> tuple[str, list[Paragraph], list[Edit]]:
    """The script step once more on each paragraph joined from several lines, as a second pass of
    :func:`clean` would see it: a line holding a lone 著 is converted only in a line that holds a
    traditional character, which it may do only once joined (``<p>著返回顶部`` after a traditional line).
    Conversion keeps lengths (``tw2s``), so offsets stay; an edit that would not is left out."""
    edits: list[Edit] = []
    changed: dict[int, str] = {}
    for k, p in enumerate(paragraphs):
        # a joined paragraph with no character the conversion may change (most of a simplified text) is
        # left unread by the script step
        if len(p.lines) < 2 or not may_convert(p.text):
            continue
        _, out, e = detect_and_simplify(p.text)
        if e and len(out) == len(p.text):
            changed[k] = out
            edits += [
                new_edit(x.step, x.start + p.start, x.end + p.start, x.before, x.after, x.reason)
                for x in e
            ]
    if not changed:
        return body, paragraphs, []
    parts: list[str] = []
    pos = 0
    for k, out in changed.items():
        p = paragraphs[k]
        parts += (body[pos : p.start], out)
        pos = p.end
        paragraphs[k] = new_paragraph(p.start, p.end, out, p.lines)
    parts.append(body[pos:])
    return "".join(parts), paragraphs, edits


def _kept_lines(decisions, lines, unwidened, starts=None) -> list[KeptLine]:
    kept: list[KeptLine] = []
    prev = -2
    keep, heading_reason, make = codes.KEEP, codes.R_HEADING, tuple.__new__  # make: KeptLine's own
    continuation = codes.R_CONTINUATION
    for i, d in enumerate(decisions):
        if d.action == keep:
            indented = unwidened[i][:1] in _INDENT_CHARS
            heading = d.reason == heading_reason  # the line decisions read it already
            # an HTML block starts anew, but for the second half of a dateline broken over two blocks
            # (``——2026年1月27日在山东省第十四届`` / ``人民代表大会第四次会议上``: one line, as on a text page)
            adjacent = prev == i - 1 and not (
                starts
                and starts[i]
                and not (
                    d.reason == continuation
                    and DATELINE_START.match(kept[-1][1])
                    and DATELINE_END.match(lines[i].strip())
                )
            )
            kept.append(make(KeptLine, (d.line, lines[i].strip(), indented, adjacent, heading)))
            prev = i
    return kept


def clean_stream(
    records: Iterable[Mapping[str, Any]],
    *,
    text_key: Optional[str] = None,
    id_key: str = "id",
    corpus_counts: Optional[Mapping[int, int]] = None,
    corpus_min_docs: int = 5,
    **options: Any,
) -> Iterator[CleanDoc]:
    """Clean many documents lazily: each record has ``text`` or ``content`` (str or bytes) or ``html`` (a
    page), or the field ``text_key`` names; optional ``id`` (or ``id_key``), ``title`` and ``meta`` (the
    metadata it states: see :func:`clean`); its other fields come out in :attr:`CleanDoc.fields` (a
    ``source`` field too: :attr:`CleanDoc.source` is where the document was read, ``record N``, 0-based).
    ``records`` may be a pandas DataFrame (one row a record). A record without its text raises
    :class:`~reportnlp.errors.InputError` naming the record (0-based) and its fields.

    >>> [d.id for d in clean_stream([{"id": "a", "text": "正文一,有内容。"}, {"id": "b", "text": "正文二。"}])]
    ['a', 'b']
    >>> [d.text for d in clean_stream([{"doc": "c", "body": "正文三。"}], text_key="body", id_key="doc")]
    ['正文三。']
    """
    if hasattr(records, "to_dict") and hasattr(records, "columns"):  # a pandas DataFrame
        rows = records.to_dict("records")  # a column a row lacks is NaN there: left out
        records = ({k: v for k, v in r.items() if v == v} for r in rows)
    forced_html = options.pop("html", None)
    keys = (text_key,) if text_key else ("text", "content", "html")
    for n, rec in enumerate(records):
        key = next((k for k in keys if isinstance(rec.get(k), (str, bytes))), None)
        if key is None:
            named = " or ".join(repr(k) for k in keys)
            raise InputError(
                f"record {n}: no {named} string field (fields: {', '.join(map(str, rec))}); "
                "name the text field with text_key="
            )
        title = record_title(rec)  # (``title``, else a Chinese export's ``标题``, as the readers)
        meta = rec.get("meta")
        yield clean(
            rec[key],
            id=str(rec.get(id_key, "")),
            title=title,
            source=f"record {n}",  # a record's own "source" (often its publisher) stays in fields
            corpus_counts=corpus_counts,
            corpus_min_docs=corpus_min_docs,
            html=True if key == "html" else forced_html,
            fields={k: v for k, v in rec.items() if k != key},
            meta=meta if isinstance(meta, Mapping) else None,
            **options,
        )
