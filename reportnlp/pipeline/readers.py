"""Readers: turn command-line inputs into a stream of records, never stopping at a bad one.

Inputs are files, directories (recursive, in sorted order: every file of an input format, see
:mod:`reportnlp.readers`; extensions in any case) and ``-`` for standard input (JSON lines, an HTML page
or plain text, told apart by their first bytes). The format's reader is :func:`reader_for` (by extension);
a file named on the command line with no known extension is read as text. A ``.txt`` file is one
document whose id is the file stem; a ``.jsonl`` file holds one document per line with ``id`` and
``text`` (``content`` is accepted for ``text``; ``--text-field``/``--id-field`` name others; a missing id
becomes ``<stem>-<line>``). A problem with one input yields a :class:`Failure` naming file and line, and
reading goes on with the next.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple, Optional, Union

from reportnlp.readers import JsonlReader, TextReader, reader_for
from reportnlp.readers import reader_for_data as _reader_for_data
from reportnlp.readers.base import Failure, Item, Record

__all__ = [
    "JSONL_SUFFIXES",
    "TEXT_SUFFIXES",
    "Failure",
    "Item",
    "Record",
    "clean_files",
    "expand_inputs",
    "read_inputs",
    "read_jsonl",
    "reader_for",
    "record_text",
    "scan_text",
]

_log = logging.getLogger("reportnlp")

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")  # uncompressed JSONL: the Dask engine splits these by range


def expand_inputs(inputs: Iterable[str], unique: bool = True) -> Iterator[Union[str, Failure]]:
    """Paths of the files to read (directories walked recursively, sorted), or failures.

    Only regular files are read: a FIFO, socket or device (``/dev/zero``, a pipe named ``x.txt``) is a
    failure, never opened, so it cannot block or flood a run. A subdirectory that cannot be listed is a
    failure too, not skipped. Names that are not valid UTF-8 are kept as the OS gives them (surrogate
    escapes), so they can be opened; :func:`display_name` makes them printable. A file given twice (a
    page and the folder holding it, or ``-`` twice) is read once, where it first comes (``unique``;
    :func:`reportnlp.readers.preflight` says so).
    """
    if unique:
        seen: set[str] = set()
        for path in expand_inputs(inputs, unique=False):
            if isinstance(path, str):
                key = path if path == "-" else os.path.realpath(path)
                if key in seen:
                    continue
                seen.add(key)
            yield path
        return
    for name in inputs:
        if name == "-":
            yield name
            continue
        try:
            st = os.stat(name)
        except OSError as err:
            missing = isinstance(err, FileNotFoundError)
            why = "no such file or directory" if missing else f"cannot read: {err.strerror or err}"
            yield Failure(display_name(name), why)
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(name)
        elif stat.S_ISREG(st.st_mode):
            yield name
        else:
            yield Failure(display_name(name), f"not a regular file ({_kind(st.st_mode)}): not read")


def _walk(top: str) -> Iterator[Union[str, Failure]]:
    """The files of an input format under ``top``, in sorted order; unlistable folders as failures."""
    errors: list[OSError] = []
    for root, dirs, files in os.walk(top, onerror=errors.append):
        while errors:
            err = errors.pop(0)
            where = display_name(str(err.filename or root))
            yield Failure(where, f"cannot list folder: {err.strerror or err}")
        resources = page_resource_dirs(dirs, files)
        dirs[:] = sorted(d for d in dirs if d not in resources)
        for f in sorted(files):
            if f.startswith(".") or reader_for(f) is None:
                continue
            path = os.path.join(root, f)
            try:
                mode = os.stat(path).st_mode
            except OSError as err:
                yield Failure(display_name(path), f"cannot read: {err.strerror or err}")
                continue
            if stat.S_ISREG(mode):
                yield path
            else:
                yield Failure(display_name(path), f"not a regular file ({_kind(mode)}): not read")
    for err in errors:
        where = display_name(str(err.filename or top))
        yield Failure(where, f"cannot list folder: {err.strerror or err}")


_PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".mht", ".mhtml")


def page_resource_dirs(dirs: Iterable[str], files: Iterable[str]) -> set[str]:
    """The folders a browser saved beside a page ("Save as: web page, complete" writes ``X.html`` and
    ``X_files/`` with its images, scripts and iframes): not read, their files counted as skipped."""
    pages = {
        f[: -len(ext)].lower()
        for f in files
        for ext in _PAGE_SUFFIXES
        if f.lower().endswith(ext) and len(f) > len(ext)
    }
    return {
        d for d in dirs if d.lower().endswith("_files") and d[: -len("_files")].lower() in pages
    }


def _kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return kind
    return "not a file"


def display_name(name: str) -> str:
    r"""``name`` as text any output can hold. A part of the path that is not UTF-8 is read as GB18030 when
    it is that, all Chinese (a Windows zip made on a Chinese system and unpacked on Linux names its files
    in GBK); else its bytes that are not UTF-8 (surrogate escapes) become U+FFFD.

    >>> display_name(os.fsdecode(b"bad-\xff.txt")) == "bad-\ufffd.txt"
    True
    >>> display_name(os.fsdecode("报告/".encode() + "2025年报告.docx".encode("gbk")))
    '报告/2025年报告.docx'
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that no file name gave
        return name.encode("utf-8", "replace").decode("utf-8", "replace")
    return "/".join(_part_name(part) for part in raw.split(b"/"))


def _part_name(raw: bytes) -> str:
    """One path component's bytes as text: UTF-8, else GB18030 of Chinese text, else UTF-8 with U+FFFD."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")
    if all(c < "\x80" or _CHINESE_NAME.match(c) for c in text):
        return text
    return raw.decode("utf-8", "replace")


# what a Chinese file name holds beyond ASCII: ideographs, CJK and full-width punctuation
_CHINESE_NAME = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def read_inputs(
    inputs: Iterable[str],
    *,
    stdin: Optional[bytes] = None,
    text_key: Optional[str] = None,
    id_key: str = "id",
) -> Iterator[Item]:
    """Records and failures from every input, in order; ids made unique by a ``#n`` suffix.

    A repeated id becomes ``<id>#2``, ``#3``, … (skipping any that an input uses already), and the
    rename is logged as a warning naming the record: documents are never merged under one id.
    ``stdin`` is standard input already read (so that a run can read its inputs twice). ``text_key`` and
    ``id_key`` name the text and id fields of record inputs (JSONL, CSV, XLSX, parquet)."""
    seen: dict[str, int] = {}
    for path in expand_inputs(inputs):
        if isinstance(path, Failure):
            yield path
            continue
        for item in _read_one(path, stdin, text_key=text_key, id_key=id_key):
            if isinstance(item, Record):
                n = seen.get(item.id, 0)
                seen[item.id] = n + 1
                if n:
                    new = f"{item.id}#{n + 1}"
                    while new in seen:
                        n += 1
                        new = f"{item.id}#{n + 1}"
                    seen[item.id] = n + 1
                    seen[new] = 1
                    _log.warning("%s: duplicate id %r renamed %r", item.source, item.id, new)
                    item = dataclasses.replace(item, id=new)
            yield item


def _read_one(
    path: str,
    stdin: Optional[bytes] = None,
    *,
    text_key: Optional[str] = None,
    id_key: str = "id",
) -> Iterator[Item]:
    """The records of one input path (``-``: standard input) by its format's reader."""
    if path == "-":
        try:
            data = stdin if stdin is not None else sys.stdin.buffer.read()
        except OSError as err:
            yield Failure(path, f"cannot read: {err.strerror or err}")
            return
        yield from _reader_for_data(data, text_key=text_key, id_key=id_key).read(path, data)
        return
    reader = reader_for(path, text_key=text_key, id_key=id_key) or TextReader()
    shown = display_name(path)
    if shown == path:
        yield from reader.read(path)
        return
    try:  # a name that is not UTF-8: opened as the OS gave it, named (ids, messages) printably
        data = Path(path).read_bytes()
    except OSError as err:
        yield Failure(shown, f"cannot read: {err.strerror or err}")
        return
    yield from reader.read(shown, data)


def read_jsonl(
    data: bytes,
    path: str,
    stem: str,
    first_line: int = 1,
    *,
    text_key: Optional[str] = None,
    id_key: str = "id",
) -> Iterator[Item]:
    """One record per JSON line: the text field (``text`` or ``content``, or ``text_key``; an ``html``
    field is read as a page), ``id`` (or ``id_key``), optional ``title`` and ``meta``; every field but the
    text in ``Record.fields``.

    ``first_line`` is the line number of ``data``'s first line in the file (a range of a larger file).
    """
    reader = JsonlReader(text_key=text_key, id_key=id_key)
    yield from reader.ids_checked(reader.read_lines(data, path, stem, first_line), path)


class RecordText(NamedTuple):
    """A record as text, not cleaned (``--no-clean``): ``text``, the ``encoding`` it was read with, its
    ``title`` and ``meta`` (an HTML page's own, else the record's)."""

    text: str
    encoding: str
    title: Optional[str]
    meta: dict


def record_text(rec: Record, encoding: Optional[str] = None) -> RecordText:
    r"""The text of ``rec`` as read, with no boilerplate removed: what ``--no-clean`` analyses.

    Bytes are decoded (``encoding`` forces a codec); an HTML page (``rec.format == "html"``, or a record
    of no known format whose data starts like a page, as :func:`reportnlp.clean` sniffs it) becomes the
    page's visible text, every rendered line kept (the browser title left out: it is the ``title``), with
    the title and ``<meta>`` the page states; never its markup. Raises
    :class:`~reportnlp.errors.ReportNLPError` for undecodable bytes or a page with no visible text.

    >>> page = "<html><head><title>政府工作报告_某市政府</title></head><body><p>一、总体要求</p><p>坚持稳中求进。</p></body></html>"
    >>> record_text(Record("a", page, "a.html", format="html"))
    RecordText(text='一、总体要求\n坚持稳中求进。', encoding='text', title='政府工作报告', meta={'site': '某市政府'})
    """
    from reportnlp.readers.html import extract, merge_meta

    data = rec.data
    if _is_page(rec):
        page = extract(data, encoding=encoding)
        if not any(ln.strip() for ln in page.lines):  # as reportnlp.clean reports it
            from reportnlp.errors import InputError

            raise InputError(
                "HTML page with no visible text (a script-only or anti-bot page?)", rec.source
            )
        lines, hints = page.lines, page.hints
        if hints and hints[0] == "dom:browser_title":
            lines = lines[1:]
        meta = merge_meta(dict(rec.meta or {}), page.meta, page.weak_meta)
        return RecordText("\n".join(lines), page.encoding, rec.title or page.title, meta)
    enc = rec.encoding or "text"
    if isinstance(data, bytes):
        from reportnlp.normalise.decode import decode

        data, enc = decode(data, source=rec.source, encoding=encoding)
    return RecordText(data, enc, rec.title, dict(rec.meta or {}))


def as_read(encoding: str, rec: Record) -> str:
    """The encoding to report for ``rec`` cleaned as ``encoding``: the codec its reader decoded its file from
    when the record came as text out of a decoded file (a CSV row of a GBK table: ``gb18030``, not ``text``).

    >>> as_read("text", Record("1", "正文。", "t.csv:2", encoding="gb18030")), as_read("utf-8", Record("a", b"", "a.txt"))
    ('gb18030', 'utf-8')
    """
    return rec.encoding if encoding == "text" and rec.encoding else encoding


def clean_files(
    inputs: Union[str, os.PathLike, Iterable[Union[str, os.PathLike]]],
    *,
    text_key: Optional[str] = None,
    id_key: str = "id",
    **options: Any,
) -> Iterator[Union[Any, Failure]]:
    """Clean every document of ``inputs`` (files and folders, read as the commands read them: every input
    format, Word and PDF included): a :class:`~reportnlp.types.CleanDoc` per document, in input order, or a
    :class:`Failure` naming the file (and line) that could not be read or cleaned; never raising for one.
    ``text_key``/``id_key``: the text and id fields of record inputs; ``options``: those of
    :func:`reportnlp.clean` (``corpus_counts``, ``to_simplified`` …).

    >>> from pathlib import Path
    >>> root = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "real_inputs"
    >>> [(d.id, d.title) for d in clean_files(root / "2025_beijing_report.docx")]
    [('2025_beijing_report', '2025年北京市政府工作报告')]
    """
    from reportnlp.cleaning import clean
    from reportnlp.errors import InputError, ReportNLPError

    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    for item in read_inputs([os.fspath(p) for p in inputs], text_key=text_key, id_key=id_key):
        if isinstance(item, Failure):
            yield item
            continue
        try:
            doc = clean(
                item.data,
                id=item.id,
                title=item.title,
                source=item.source,
                html=True if item.format == "html" else (False if item.hints else None),
                hints=item.hints,
                fields=item.fields,
                meta=item.meta,
                **options,
            )
        except ReportNLPError as err:  # named as a reader's failure is: where (file:line), what
            where, message = item.source, str(err)
            if isinstance(err, InputError):
                where = f"{item.source}:{err.line}" if err.line is not None else item.source
                message = err.message
            yield Failure(where, message)
            continue
        enc = as_read(doc.encoding, item)
        yield doc if enc == doc.encoding else dataclasses.replace(doc, encoding=enc)


def _is_page(rec: Record) -> bool:
    """``rec`` is an HTML page: read as one (``format``), or of no known format and starting like a page,
    as :func:`reportnlp.clean` sniffs it."""
    from reportnlp.readers.html import FORMAT_HTML, looks_like_html

    return rec.format == FORMAT_HTML or (
        rec.format is None and not rec.hints and looks_like_html(rec.data)
    )


def scan_text(rec: Record, encoding: Optional[str] = None) -> Optional[str]:
    """The text of ``rec`` as :func:`reportnlp.clean` will read it, for the corpus line counts (whose
    keys must be those of the lines clean sees): an HTML page rendered to its lines, bytes decoded with the
    same detection (a GBK page is not UTF-8), text as it is; ``None`` when it cannot be read (the
    record's own run reports that)."""
    from reportnlp.errors import ReportNLPError
    from reportnlp.readers.html import rendered_text

    data = rec.data
    try:
        if _is_page(rec):
            return rendered_text(data, encoding=encoding)
        if isinstance(data, bytes):
            from reportnlp.normalise.decode import decode

            return decode(data, source=rec.source, encoding=encoding)[0]
    except (ReportNLPError, ValueError):
        return None
    return data
