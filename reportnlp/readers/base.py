"""The records every reader yields, and the one base class the per-format readers share.

A reader turns one input file (or standard input) into :class:`Record` objects and :class:`Failure`
objects, never raising for a bad file: the batch goes on. Its shape follows datatrove's readers: a
``text_key`` (the field holding the document text), an ``id_key`` and ``default_metadata`` merged under
each record's own fields.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Union

_log = logging.getLogger("reportnlp")

#: ``Record.format`` values: plain text (decoded and cleaned as is) or an HTML page (rendered first).
FORMAT_TEXT = "text"
FORMAT_HTML = "html"

#: Default text fields, tried in order, when no ``--text-field`` is given.
DEFAULT_TEXT_KEYS = ("text", "content")
DEFAULT_ID_KEY = "id"


#: Names a table or a record commonly gives its text under, casefolded: what a "no text field" error
#: suggests to ``--text-field`` (a Chinese spreadsheet's 正文 or 内容 column, an export's ``body``).
_TEXT_NAMES = (
    "text", "content", "html", "body", "article", "fulltext", "full_text", "maintext", "main_text",
    "article_text", "article_body", "articlebody", "正文", "全文", "内容", "文本", "原文", "文章",
    "正文内容", "文章内容", "新闻内容", "新闻正文", "文章正文", "报告全文", "报告内容", "讲话全文", "全文内容",
)


def likely_text_field(names: list[str]) -> Optional[str]:
    """The one of ``names`` that reads as a text field: a known name in any case (``Content``, ``正文``,
    ``body``), else one holding 正文, 全文 or 内容 that is not a summary's or a title's; ``None``."""
    known = {n: i for i, n in enumerate(_TEXT_NAMES)}
    clean = [(str(n), str(n).strip().casefold()) for n in names]
    ranked = sorted((known[c], n) for n, c in clean if c in known)
    guess = ranked[0][1] if ranked else None
    if guess is None:
        guess = next(
            (
                n
                for n, c in clean
                if re.search("正文|全文|内容", c) and not re.search("摘要|简介|提要|标题", c)
            ),
            None,
        )
    return guess if guess and guess == guess.strip() else None


def text_field_hint(names: list[str], what: str = "column") -> str:
    """The end of a "no text field" message: ``name the text column with --text-field 正文 (text_key=
    '正文' in the API)`` when one of ``names`` reads as a text field (:func:`likely_text_field`), else the
    same without a name."""
    guess = likely_text_field(names)
    if guess is None:
        return f"name the text {what} with --text-field (text_key= in the API)"
    shown = guess if re.fullmatch(r"[\w.-]+", guess) else repr(guess)
    return f"name the text {what} with --text-field {shown} (text_key={guess!r} in the API)"


#: A file's name given where a page's text was wanted: one line ending in an input format's extension,
#: with none of the punctuation of Chinese prose (a report's text never reads so; its file name may be
#: Chinese: 2025年北京市政府工作报告.docx).
_PATH_LIKE = re.compile(
    r"[^\n，。；：！？、]{0,250}\.(?:s?html?|xhtml|mht(?:ml)?|txt|docx?|wps|pdf|jsonl|ndjson|json|csv|tsv"
    r"|xlsx?|et|parquet)(?:\.(?:gz|bz2|xz|zst))?",
    re.I,
)


def path_given_as_text(data: Any, what: str) -> Optional[str]:
    """Say what to do when ``data``, given to ``what`` (``clean`` or ``analyse``) as a page's text, is a
    path. A :class:`os.PathLike` raises a ``TypeError`` (its ``[:n]`` raised ``'PosixPath' object is not
    subscriptable``). A string that reads as a file's name is still a text (``clean`` and ``analyse`` never
    refuse one: ``0.JSON`` is a text as much as a name): the warning to give is returned, else None.

    >>> path_given_as_text("news_01.html", "clean")[:40]
    "clean got 'news_01.html', which reads as"
    >>> path_given_as_text("多年来，××市大胆探索。", "clean") is None
    True
    """
    import os

    read = "reportnlp.clean(Path(p).read_bytes())"
    hint = (
        f"read the file first, {read if what == 'clean' else f'reportnlp.analyse({read})'}, or give "
        "the path to reportnlp.clean_files(p), which reads every format (.docx, .pdf, tables, JSON lines)"
    )
    if isinstance(data, os.PathLike):
        takes = "a page's text or bytes" if what == "clean" else "a CleanDoc or a clean text"
        raise TypeError(f"{what} takes {takes}, not a path ({data!r}): {hint}")
    if isinstance(data, str) and len(data) <= 300 and _PATH_LIKE.fullmatch(data.strip()):
        return (
            f"{what} got {data.strip()!r}, which reads as a file's name, and cleaned it as the page's text; "
            f"for the file, {hint}"
        )
    return None


def record_title(rec: Mapping[str, Any]) -> Optional[str]:
    """A record's known title: its ``title`` field, else a Chinese export's ``标题`` column; None if neither
    is a non-empty string.

    >>> record_title({"标题": "2025年政府工作报告"}), record_title({"title": "", "标题": 3})
    ('2025年政府工作报告', None)
    """
    for key in ("title", "标题"):
        if isinstance(t := rec.get(key), str) and t:
            return t
    return None


@dataclass(frozen=True)
class Record:
    """One document to process.

    ``data`` is raw bytes (a file) or text (a field); ``source`` names it (``file`` or ``file:line``,
    ``file:sheet:row`` for a spreadsheet). ``fields`` are the input record's other fields, carried through
    unchanged to every output. ``format`` is ``"html"`` when ``data`` is an HTML page (``None``: sniffed).
    ``hints`` are per-line drop reasons the reader already knows (a Word header, a PDF page number):
    one entry per line of ``data`` (text), ``None`` where the line is left to the line decisions.
    ``encoding`` is the codec the reader decoded ``data`` from when it read a file's bytes into text (a
    CSV or TSV table's rows: ``gb18030``); ``None`` for bytes (decoded when cleaned) and for text that
    came as text (a JSON field, a workbook's cell).
    """

    id: str
    data: Union[bytes, str]
    source: str
    title: Optional[str] = None
    meta: Optional[dict] = None
    fields: Optional[dict] = None
    format: Optional[str] = None
    hints: Optional[tuple[Optional[str], ...]] = None
    encoding: Optional[str] = None


@dataclass(frozen=True)
class Failure:
    """An input that could not be read; ``where`` is ``file`` or ``file:line``."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


Item = Union[Record, Failure]


class MissingExtra(RuntimeError):
    """An optional dependency a reader needs is not installed (the message says what to install)."""


def need(module: str, extra: str) -> Any:
    """Import ``module`` or raise :class:`MissingExtra` with the ``pip install`` command."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(
            f"this input needs {module.split('.')[0]}: pip install 'reportnlp[{extra}]'"
        ) from None


class BaseReader:
    """One input format. Subclasses set ``extensions`` (lower case, with the dot) and ``extra`` (the
    setup.cfg extra holding their dependency, or ``None``) and implement :meth:`read_bytes`."""

    extensions: tuple[str, ...] = ()
    extra: Optional[str] = None
    modules: tuple[str, ...] = ()  # what the extra provides, checked before a run starts

    def __init__(
        self,
        text_key: Optional[str] = None,
        id_key: str = DEFAULT_ID_KEY,
        default_metadata: Optional[Mapping[str, Any]] = None,
    ):
        self.text_key = text_key
        self.id_key = id_key
        self.default_metadata = dict(default_metadata or {})
        # records read by record_from, those holding a non-default id_key, the first one's fields
        self._ids: list[Any] = [0, 0, []]

    def read(self, path: str, data: Optional[bytes] = None) -> Iterator[Item]:
        """Records and failures of one file (``data``: its bytes already read, e.g. standard input)."""
        if data is None:
            try:
                data = Path(path).read_bytes()
            except OSError as err:
                yield Failure(path, f"cannot read: {err.strerror or err}")
                return
        stem = "stdin" if path == "-" else stem_of(path)
        try:
            yield from self.ids_checked(self.read_bytes(data, path, stem), path)
        except MissingExtra as err:
            yield Failure(path, str(err))
        except Exception as err:  # one bad file never costs the batch
            yield Failure(path, f"cannot read as {self.name()}: {type(err).__name__}: {err}")

    def ids_checked(self, items: Iterator[Item], path: str) -> Iterator[Item]:
        """``items``, then a warning when an ``id_key`` the user named (``--id-field``) is in none of the
        records read: their ids are ``<file stem>-<n>``, which a typo'd field name would leave unsaid."""
        if self.id_key == DEFAULT_ID_KEY:
            yield from items
            return
        self._ids = [0, 0, []]
        yield from items
        records, named, fields = self._ids
        if records and not named:
            shown = ", ".join(map(str, fields[:8])) + (" …" if len(fields) > 8 else "")
            _log.warning(
                "%s: no record has the id field %r given by --id-field (fields: %s); the ids are the "
                "file's name and the record's number",
                path,
                self.id_key,
                shown,
            )

    def read_bytes(self, data: bytes, path: str, stem: str) -> Iterator[Item]:
        raise NotImplementedError

    @classmethod
    def name(cls) -> str:
        return cls.__name__.removesuffix("Reader").lower()

    # -- shared by the readers of records (JSONL, CSV, spreadsheets, parquet) ---------------------------
    def no_text_column(self, names: list[str], where: str) -> Optional[Failure]:
        """A table whose header has no text column (nor ``html``): one :class:`Failure` for the whole
        table, naming its columns, rather than one per row; ``None`` when it has one."""
        keys = (self.text_key,) if self.text_key else DEFAULT_TEXT_KEYS
        if any(k in names for k in keys) or "html" in names:
            return None
        shown = ", ".join(str(n) for n in names[:12]) + (" …" if len(names) > 12 else "")
        return Failure(
            where,
            f"no {' or '.join(repr(k) for k in keys)} (or 'html') column (columns: {shown}); "
            + text_field_hint(names),
        )

    def record_from(self, obj: Mapping[str, Any], where: str, fallback_id: str) -> Item:
        """A :class:`Record` from one input record: its text (or ``html``) field, id, title and every
        other field, unchanged, as ``fields`` (a record of reportnlp's own output, clean or analyse,
        passes its ``fields`` object and its ``source`` on); a :class:`Failure` when it has no text."""
        keys = (self.text_key,) if self.text_key else DEFAULT_TEXT_KEYS
        text_key = next((k for k in keys if isinstance(obj.get(k), (str, bytes))), None)
        fmt = None
        if text_key is None and isinstance(obj.get("html"), (str, bytes)):
            text_key, fmt = "html", FORMAT_HTML
        if text_key is None and (present := next((k for k in keys if k in obj), None)):
            value = obj[present]
            if value is None or value != value:  # null, or NaN (an empty cell of a table)
                return Failure(where, f"empty text: {present!r} is null: no text to clean")
            what = {
                bool: "true/false",
                int: "number",
                float: "number",
                list: "list",
                dict: "object",
            }
            return Failure(
                where,
                f"{present!r} is a {what.get(type(value), type(value).__name__)}, not a string: "
                "no text to clean",
            )
        if text_key is None:
            names = " or ".join(repr(k) for k in keys)
            have = [str(k) for k in obj][:8]
            hint = (
                f" (fields: {', '.join(have)}{' …' if len(obj) > 8 else ''}; "
                f"{text_field_hint([str(k) for k in obj], 'field')})"
                if have
                else ""
            )
            return Failure(where, f"no {names} (or 'html') string field{hint}")
        if fmt is None and not obj[text_key].strip():  # as an empty .txt file is (see decode)
            return Failure(where, "empty text: no text to clean")
        if fmt is None and is_html_fragment(
            obj[text_key]
        ):  # a CMS's article body: <p>…</p><p>…</p>
            fmt = FORMAT_HTML
        obj = without_surrogates(obj, where, text_key)
        rid = obj.get(self.id_key)
        self._ids[0] += 1
        self._ids[1] += rid is not None
        if self._ids[0] == 1:
            self._ids[2] = list(obj)
        if isinstance(rid, bool) or isinstance(rid, (list, dict)):
            what = type(rid).__name__
            return Failure(where, f"{self.id_key!r} must be a string or a number, not {what}")
        title = record_title(obj)
        meta = obj.get("meta")
        if _own_output(obj):  # reportnlp's own output read again: its input's fields and name
            fields = dict(obj["fields"]) if isinstance(obj.get("fields"), dict) else {}
            if isinstance(obj.get("source"), str):
                where = obj["source"]
        else:
            fields = {k: v for k, v in obj.items() if k != text_key}
        fields = {**self.default_metadata, **fields}
        return Record(
            str(rid) if rid is not None and rid == rid else fallback_id,  # rid == rid: not NaN
            obj[text_key],
            where,
            title,
            meta if isinstance(meta, dict) else None,
            fields,
            fmt,
        )


def _own_output(obj: Mapping[str, Any]) -> bool:
    """A record that ``reportnlp clean`` or ``reportnlp analyse`` wrote (or their ``to_dict()``)."""
    return ("paragraphs" in obj and "dropped" in obj) or (
        "placeholders" in obj and "signature" in obj
    )


#: A record's text that opens with a tag (``<p>``, ``<div class="TRS_Editor">``) …
_OPENS_WITH_TAG = re.compile(r"\s*<[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
#: … and closes one somewhere (or breaks a line): markup, not a text about ``<b>``.
_CLOSING_TAG = re.compile(r"</[A-Za-z][A-Za-z0-9]*\s*>|<br\s*/?>", re.I)
#: A line-breaking tag inside a text: ``<br>``, ``<br/>``, ``</p>``, ``</div>``.
_LINE_BREAK_TAG = re.compile(r"<br\s*/?>|</(?:p|div)\s*>", re.I)


def is_html_fragment(text: Union[str, bytes]) -> bool:
    """Whether a record's text is an HTML fragment (what a CMS or a scraper stores as an article's
    body, with no ``<html>`` around it): it opens with a tag and closes one, or it breaks its lines with
    markup (two ``<br>``, ``</p>`` or ``</div>`` at least). Such a text is read as a page (tags and
    entities gone, ``<p>`` and ``<br>`` as line breaks), as an ``html`` field is."""
    head = text[:4096]
    if isinstance(head, bytes):
        head = head.decode("utf-8", "replace")
    body = text if isinstance(text, str) else head
    if _OPENS_WITH_TAG.match(head):
        return bool(_CLOSING_TAG.search(body))
    # or lines broken by markup: 第一段<br>第二段<br/> (a 文库 or forum dump), two breaks at least
    breaks = _LINE_BREAK_TAG.finditer(body)
    return next(breaks, None) is not None and next(breaks, None) is not None


def stem_of(path: str) -> str:
    """The file name without its extensions of format and compression (``a.jsonl.gz`` → ``a``)."""
    name = Path(path).name
    lower = name.lower()
    for comp in (".gz", ".bz2", ".xz", ".zst"):
        if lower.endswith(comp):
            name, lower = name[: -len(comp)], lower[: -len(comp)]
            break
    return Path(name).stem or name


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(obj: Mapping[str, Any], where: str, text_key: str) -> Mapping[str, Any]:
    """``obj`` with lone surrogates (broken ``\\ud83d`` escapes) in every field but the text replaced by
    U+FFFD, with a warning: ids, titles and fields must be writable anywhere. The text keeps them: cleaning
    removes them with an edit (``lone_surrogate_removed``)."""

    def has(v: Any) -> bool:
        if isinstance(v, str):
            return _SURROGATE.search(v) is not None
        if isinstance(v, dict):
            return any(has(k) or has(x) for k, x in v.items())
        if isinstance(v, (list, tuple)):
            return any(has(x) for x in v)
        return False

    def fix(v: Any) -> Any:
        if isinstance(v, str):
            return _SURROGATE.sub("\ufffd", v)
        if isinstance(v, dict):
            return {fix(k): fix(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [fix(x) for x in v]
        return v

    bad = [k for k, v in obj.items() if k != text_key and (has(k) or has(v))]
    if not bad:
        return obj
    _log.warning("%s: lone surrogate in %s replaced by U+FFFD", where, ", ".join(map(repr, bad)))
    return {
        fix(k) if k != text_key else k: (v if k == text_key else fix(v)) for k, v in obj.items()
    }
