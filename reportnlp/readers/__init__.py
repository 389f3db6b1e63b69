"""Input readers: one small class per format over :class:`~reportnlp.readers.base.BaseReader`.

:func:`reader_for` picks the reader of a path by its extension (any case); every reader yields
:class:`Record` and :class:`Failure` objects, never raising for a bad file.

=============================================  ==========================  ===========================
input                                          reader                      extra (``pip install``)
=============================================  ==========================  ===========================
``.txt``                                       :class:`TextReader`         core
``.jsonl .ndjson`` (+ ``.gz .bz2 .xz``)        :class:`JsonlReader`        core
``.jsonl.zst``                                 :class:`JsonlReader`        ``reportnlp[zst]``
``.json`` (an array of records; + compressed)  :class:`JsonReader`         core
``.csv .tsv`` (+ compressed)                   :class:`CsvReader` / TSV    core
``.xlsx``                                      :class:`XlsxReader`         ``reportnlp[xlsx]``
``.parquet``                                   :class:`ParquetReader`      ``reportnlp[parquet]``
``.html .htm .shtml .xhtml``                   :class:`HtmlReader`         core (lxml)
``.mhtml .mht`` (a page saved as one file)     :class:`MhtmlReader`        core (lxml)
``.docx``                                      :class:`DocxReader`         core (lxml)
``.pdf``                                       :class:`PdfReader`          ``reportnlp[pdf]``
``.doc .wps``                                  per-file error: convert     –
``.xls .et``                                   per-file error: convert     –
=============================================  ==========================  ===========================
"""

from __future__ import annotations

import importlib.util
import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from reportnlp.readers.base import (
    DEFAULT_ID_KEY,
    FORMAT_HTML,
    FORMAT_TEXT,
    BaseReader,
    Failure,
    Item,
    MissingExtra,
    Record,
)
from reportnlp.readers.docx import DocxReader, LegacyWordReader
from reportnlp.readers.html import HtmlReader, MhtmlReader
from reportnlp.readers.jsonl import JsonlReader, JsonReader
from reportnlp.readers.pdf import PdfReader
from reportnlp.readers.tabular import (
    CsvReader,
    LegacyExcelReader,
    ParquetReader,
    TsvReader,
    XlsxReader,
    table_delimiter,
)
from reportnlp.readers.text import TextReader

_log = logging.getLogger("reportnlp")

__all__ = [
    "READERS",
    "BaseReader",
    "CsvReader",
    "DocxReader",
    "FORMAT_HTML",
    "FORMAT_TEXT",
    "Failure",
    "HtmlReader",
    "Item",
    "JsonReader",
    "JsonlReader",
    "LegacyExcelReader",
    "LegacyWordReader",
    "MhtmlReader",
    "MissingExtra",
    "ParquetReader",
    "PdfReader",
    "Preflight",
    "Record",
    "TextReader",
    "TsvReader",
    "XlsxReader",
    "extension_of",
    "preflight",
    "reader_for",
]

#: Every reader class, in the order their extensions are tried (longest extensions first wins anyway).
READERS: tuple[type[BaseReader], ...] = (
    TextReader,
    JsonlReader,
    JsonReader,
    CsvReader,
    TsvReader,
    XlsxReader,
    ParquetReader,
    HtmlReader,
    MhtmlReader,
    DocxReader,
    PdfReader,
    LegacyWordReader,
    LegacyExcelReader,
)

_BY_EXTENSION: dict[str, type[BaseReader]] = {ext: cls for cls in READERS for ext in cls.extensions}


def extension_of(path: str) -> str:
    """The input extension of ``path`` in lower case, compression included (``.jsonl.gz``), or its last
    extension when it is not an input (``.png``), or ``""``."""
    name = Path(path).name.lower()
    for ext in sorted(_BY_EXTENSION, key=len, reverse=True):
        if name.endswith(ext) and len(name) > len(ext):
            return ext
    return Path(name).suffix


def reader_for(
    path: str,
    *,
    text_key: Optional[str] = None,
    id_key: str = DEFAULT_ID_KEY,
    default_metadata: Optional[dict] = None,
) -> Optional[BaseReader]:
    """The reader of ``path`` by its extension (any case), or ``None`` when it is not an input format."""
    cls = _BY_EXTENSION.get(extension_of(path))
    if cls is None:
        return None
    return cls(text_key=text_key, id_key=id_key, default_metadata=default_metadata)


def reader_for_data(
    data: bytes, *, text_key: Optional[str] = None, id_key: str = DEFAULT_ID_KEY
) -> BaseReader:
    """The reader of standard input by its first bytes: a gzip, bzip2 or xz stream (of what follows), a
    Word or Excel file, a PDF, JSON lines, a CSV or TSV table whose header row names its text column, an
    HTML page, else plain text."""
    from reportnlp.readers.html import looks_like_html

    for magic, suffix in _COMPRESSED_MAGIC:
        if data.startswith(magic):
            return CompressedStdinReader(suffix, text_key=text_key, id_key=id_key)
    if data.startswith(b"%PDF-"):
        return PdfReader(text_key=text_key, id_key=id_key)
    office = zip_kind(data)
    if office is not None:
        return (DocxReader if office == "docx" else XlsxReader)(text_key=text_key, id_key=id_key)
    head = data.lstrip()[:1]
    if head == b"{":
        return JsonlReader(text_key=text_key, id_key=id_key)
    sep = table_delimiter(data, text_key, "\t,;")  # a table whose header row names its text column
    if sep is not None:
        return (TsvReader if sep == "\t" else CsvReader)(text_key=text_key, id_key=id_key)
    if looks_like_html(data):
        return HtmlReader(text_key=text_key, id_key=id_key)
    return TextReader(text_key=text_key, id_key=id_key)


_COMPRESSED_MAGIC = ((b"\x1f\x8b", ".gz"), (b"BZh", ".bz2"), (b"\xfd7zXZ\x00", ".xz"))


def zip_kind(data: bytes) -> Optional[str]:
    """Which Office file a ZIP container's bytes are, by the member names its headers spell: ``"docx"``
    (``word/document.xml``), ``"xlsx"`` (``xl/workbook.xml``); ``None`` for no ZIP or another ZIP (an
    archive to unpack). The one test of standard input's reader, a misnamed file's and a binary input's hint.

    >>> zip_kind(b"PK\\x03\\x04...xl/workbook.xml..."), zip_kind(b"PK\\x03\\x04...a.txt..."), zip_kind(b"%PDF-")
    ('xlsx', None, None)
    """
    if not data.startswith(b"PK\x03\x04"):
        return None
    if b"word/document.xml" in data:
        return "docx"
    if b"xl/workbook.xml" in data:
        return "xlsx"
    return None


def what_it_is(data: bytes) -> Optional[tuple[str, type[BaseReader]]]:
    """What a file's bytes are when they are plainly a PDF, a Word ``.docx``, an Excel ``.xlsx``, a page saved as
    one file (MHTML) or an HTML page (its kind, as a message says it, and its reader); ``None`` otherwise."""
    from reportnlp.readers.html import looks_like_html

    if data.lstrip()[:5] == b"%PDF-":
        return "a PDF file", PdfReader
    office = zip_kind(data)
    if office == "docx":
        return "a Word .docx file", DocxReader
    if office == "xlsx":
        return "an Excel .xlsx workbook", XlsxReader
    head = data[:4096].lower()
    if b"mime-version:" in head and b"multipart/related" in head:
        return "a web page saved as one file (MHTML)", MhtmlReader
    if looks_like_html(data):
        return "an HTML page", HtmlReader
    return None


def read_misnamed(
    reader: BaseReader, data: bytes, path: str, stem: str, *, html: bool = True
) -> Optional[Iterator[Item]]:
    """The items of a file whose extension names another format than its bytes (a Word file renamed
    ``.pdf``, an HTML page a 范文 site serves as ``.doc``), read as what it is with a warning naming both;
    ``None`` when its bytes are no other input format (or what they are needs an extra not installed;
    or, with ``html=False``, an HTML page: a ``.txt`` holding one is read as a page without a word)."""
    found = what_it_is(data)
    if found is None or isinstance(reader, found[1]) or (not html and found[1] is HtmlReader):
        return None
    kind, cls = found
    if any(importlib.util.find_spec(m) is None for m in cls.modules):
        return None
    _log.warning("%s: %s named %s: read as such", path, kind, Path(path).suffix or "without an extension")
    other = cls(text_key=reader.text_key, id_key=reader.id_key, default_metadata=reader.default_metadata)
    return other.read_bytes(data, path, stem)


class CompressedStdinReader(BaseReader):
    """Standard input that is a compressed stream: inflated (as far as it goes, as a cut ``.jsonl.gz``
    file is), then read by what its first bytes are."""

    def __init__(self, suffix: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.suffix = suffix

    def read_bytes(self, data: bytes, path: str, stem: str) -> Iterator[Item]:
        from reportnlp.readers.jsonl import decompress_partial

        raw, problem = decompress_partial(data, "stdin" + self.suffix)
        inner = reader_for_data(raw, text_key=self.text_key, id_key=self.id_key)
        if isinstance(inner, JsonlReader):  # a cut stream keeps its complete lines, as a cut file does
            yield from inner.read_inflated(raw, problem, path, stem)
        elif problem is None:
            yield from inner.read_bytes(raw, path, stem)
        else:
            yield Failure(path, f"{problem}: not read")


#: The ``Preflight.skipped`` key of the files in a saved page's resource folder (``X_files/``).
PAGE_RESOURCES = "page resources"


@dataclass
class Preflight:
    """What a run will meet, found before any work starts: files that are not inputs (by extension),
    input folders with no input file, and inputs whose reader needs an extra that is not installed
    (extra → paths)."""

    skipped: Counter = field(default_factory=Counter)
    missing: dict[str, list[str]] = field(default_factory=dict)
    empty: list[str] = field(default_factory=list)  # input folders holding no input file
    twice: list[str] = field(default_factory=list)  # files given more than once, read once

    def warnings(self) -> list[str]:
        return [f"{name}: no input file in this folder" for name in self.empty] + [
            f"{name}: given more than once (a file and a folder holding it, or twice): read once"
            for name in self.twice
        ] + [
            f"{n} file{'s' if n > 1 else ''} in the folders a browser saved beside a page (X_files/) "
            "skipped: the page's images, scripts and frames"
            if ext == PAGE_RESOURCES
            else f"{n} {ext or '(no extension)'} file{'s' if n > 1 else ''} skipped: not an input format"
            + (_DECOMPRESS.get(ext.rsplit(".", 1)[-1], "") if ext.count(".") > 1 else "")
            + _UNPACK.get(ext, "")
            for ext, n in sorted(self.skipped.items())
        ]

    def error(self) -> Optional[str]:
        """The message for missing extras (``None`` when all are installed)."""
        if not self.missing:
            return None
        parts = []
        for extra, paths in sorted(self.missing.items()):
            more = f" and {len(paths) - 1} more" if len(paths) > 1 else ""
            parts.append(f"{paths[0]}{more} need(s) pip install 'reportnlp[{extra}]'")
        return "missing optional dependencies: " + "; ".join(parts)


#: What to run on an archive of pages (a Windows user's ``.zip``): archives are not read.
_UNPACK = {
    ext: f" (archives are not read: unpack them first, e.g. {tool}, and give the folder)"
    for ext, tool in (
        (".zip", "unzip FILE -d FOLDER"),
        (".rar", "unrar x FILE FOLDER/"),
        (".7z", "7z x FILE -oFOLDER"),
        (".tar", "tar -xf FILE -C FOLDER"),
        (".tgz", "tar -xzf FILE -C FOLDER"),
    )
}

#: What to run on a compressed file of a format that is read only uncompressed (``page.html.gz``).
_DECOMPRESS = {
    suffix: f" (only JSON lines, JSON and CSV/TSV are read compressed: {tool} it first)"
    for suffix, tool in (("gz", "gunzip"), ("bz2", "bunzip2"), ("xz", "unxz"), ("zst", "unzstd"))
}


def _skipped_extension(name: str) -> str:
    """The extension a skipped file is counted under: a compressed file's two (``.html.gz``, so that
    the warning says what it holds), else its last one."""
    ext = extension_of(name)
    if ext.lstrip(".") in _DECOMPRESS:
        inner = Path(name[: -len(ext)]).suffix.lower()
        if inner and reader_for("x" + inner) is not None:
            return inner + ext
    return ext


def preflight(inputs: Iterable[str]) -> Preflight:
    """Walk ``inputs`` as the run will (:func:`reportnlp.pipeline.readers.expand_inputs`), count the
    files that are not inputs and find the readers whose extra is missing."""
    import os

    from reportnlp.pipeline.readers import expand_inputs, page_resource_dirs

    result = Preflight()
    for name in inputs:
        if name != "-" and Path(name).is_dir():
            found = 0
            for root, dirs, files in os.walk(name):
                for d in page_resource_dirs(dirs, files):  # a saved page's images, scripts, iframes
                    dirs.remove(d)
                    n = sum(len(fs) for _r, _d, fs in os.walk(os.path.join(root, d)))
                    result.skipped[PAGE_RESOURCES] += n
                for f in files:
                    if not f.startswith(".") and reader_for(f) is None:
                        result.skipped[_skipped_extension(f)] += 1
                    elif not f.startswith("."):
                        found += 1
            if not found:
                result.empty.append(name)
    seen: set[str] = set()
    for path in expand_inputs(inputs, unique=False):
        if isinstance(path, Failure):
            continue
        key = path if path == "-" else os.path.realpath(path)
        if key in seen:
            if path not in result.twice:
                result.twice.append(path)
            continue
        seen.add(key)
        if path == "-":
            continue
        reader = reader_for(path)
        if reader is None:
            continue
        mods = reader.modules + (("zstandard",) if path.lower().endswith(".zst") else ())
        extra = "zst" if path.lower().endswith(".zst") else reader.extra
        for mod in mods:
            if importlib.util.find_spec(mod) is None:
                result.missing.setdefault(extra or mod, []).append(path)
                break
    return result
