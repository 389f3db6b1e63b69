"""JSON Lines, plain or compressed (``.gz``, ``.bz2``, ``.xz``; ``.zst`` with the ``zst`` extra), and
``.json`` files holding an array of records (what ``scrapy crawl -o items.json`` writes) or one record."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Optional

from reportnlp.readers.base import (
    DEFAULT_TEXT_KEYS,
    BaseReader,
    Failure,
    Item,
    Record,
    need,
    text_field_hint,
)

_log = logging.getLogger("reportnlp")

COMPRESSIONS = (".gz", ".bz2", ".xz", ".zst")


def decompress(data: bytes, path: str) -> bytes:
    """The bytes of a compressed file, by its extension (plain files as they are)."""
    lower = path.lower()
    if lower.endswith(".gz"):
        import gzip

        return gzip.decompress(data)
    if lower.endswith(".bz2"):
        import bz2

        return bz2.decompress(data)
    if lower.endswith(".xz"):
        import lzma

        return lzma.decompress(data)
    if lower.endswith(".zst"):
        zstd = need("zstandard", "zst")
        return zstd.ZstdDecompressor().decompressobj().decompress(data)
    return data


def decompress_partial(data: bytes, path: str) -> tuple[bytes, Optional[str]]:
    """``(bytes, problem)``: what a compressed file holds up to where it is cut or corrupt (``problem``
    says which; ``None`` for a whole file). ``.gz``, ``.bz2`` and ``.xz`` streams (several members
    too) are inflated as far as they go; other files are read as :func:`decompress` reads them."""
    lower = path.lower()
    if lower.endswith(".gz"):
        import zlib

        return _inflate(data, lambda: zlib.decompressobj(16 + zlib.MAX_WBITS), (zlib.error,))
    if lower.endswith(".bz2"):
        import bz2

        return _inflate(data, bz2.BZ2Decompressor, (OSError, ValueError))
    if lower.endswith(".xz"):
        import lzma

        return _inflate(data, lzma.LZMADecompressor, (lzma.LZMAError,))
    return decompress(data, path), None


def _inflate(data: bytes, new, errors: tuple) -> tuple[bytes, Optional[str]]:
    out: list[bytes] = []
    while data:
        d = new()
        try:
            out.append(d.decompress(data))
        except errors as err:  # corrupt from here on; what came before is kept
            return b"".join(out), f"corrupt compressed data ({err})"
        if not d.eof:
            return b"".join(out), "the compressed file ends early (truncated)"
        data = d.unused_data
        if not data.strip(b"\0"):  # gzip allows trailing zeros after the last member
            break
    return b"".join(out), None


class JsonlReader(BaseReader):
    """One document per JSON line: the text field (``--text-field``; default ``text`` or ``content``, or an
    ``html`` field read as a page), ``--id-field`` (default ``id``; missing: ``<stem>-<line>``), optional
    ``title`` and ``meta``; every field but the text is kept in ``fields``."""

    extensions = tuple(
        base + comp for base in (".jsonl", ".ndjson") for comp in ("",) + COMPRESSIONS
    )

    def read_bytes(self, data: bytes, path: str, stem: str) -> Iterator[Item]:
        yield from self.read_inflated(*decompress_partial(data, path), path, stem)

    def read_inflated(
        self, data: bytes, problem: Optional[str], path: str, stem: str
    ) -> Iterator[Item]:
        """The records of inflated ``data``; with a ``problem`` (the compressed file was cut or corrupt),
        its complete lines, then a failure at the line where it breaks."""
        if problem is None:
            yield from self.read_lines(data, path, stem)
            return
        whole = data[: data.rfind(b"\n") + 1]
        yield from self.read_lines(whole, path, stem)
        line = whole.count(b"\n") + 1
        yield Failure(f"{path}:{line}", f"{problem}: the rest of the file is lost")

    def read_lines(self, data: bytes, path: str, stem: str, first_line: int = 1) -> Iterator[Item]:
        """Records of ``data``, whose first line is line ``first_line`` of ``path``. When no line has a
        text field at all (labels or metadata beside a corpus, or the text under another name), one
        failure says so for all of them, as for a table without a text column, not one a line."""
        keys = (self.text_key,) if self.text_key else DEFAULT_TEXT_KEYS
        pending: list[Item] = []  # the items so far, while no line has had a text field
        lacking: set[int] = set()  # indices in pending of objects with no text field at all
        names: dict[str, None] = {}  # their fields, in order of appearance
        holding = True
        for lineno, raw in enumerate(data.split(b"\n"), start=first_line):
            if not raw.strip():
                continue
            item, obj = self._line(raw, lineno, path, stem)
            if not holding:
                yield item
            elif obj is not None and not any(k in obj for k in (*keys, "html")):
                lacking.add(len(pending))
                names.update((str(k), None) for k in list(obj)[:12])
                pending.append(item)
            elif isinstance(item, Record) or len(pending) >= _MAX_PENDING:
                yield from pending  # a text field after all: every line speaks for itself
                yield item
                holding, pending = False, []
            else:
                pending.append(item)
        if len(lacking) < 2:
            yield from pending
            return
        first, last = min(lacking), max(lacking)
        shown = ", ".join(list(names)[:12]) + (" …" if len(names) > 12 else "")
        for i, item in enumerate(pending):
            if i == first:
                yield Failure(
                    f"{item.where}-{pending[last].where.rsplit(':', 1)[1]}",
                    f"no line has a {' or '.join(repr(k) for k in keys)} (or 'html') field "
                    f"({len(lacking)} lines; fields: {shown}); " + text_field_hint(list(names), "field"),
                )
            elif i not in lacking:
                yield item

    def _line(self, raw: bytes, lineno: int, path: str, stem: str) -> tuple[Item, Optional[dict]]:
        """One line's record or failure, and its JSON object (``None`` when it is not one)."""
        where = f"{path}:{lineno}"
        try:
            obj = _loads(raw, lineno == 1)
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            return Failure(where, f"malformed JSON line: {err}"), None
        if not isinstance(obj, dict):
            return Failure(where, "JSON line is not an object"), None
        return self.record_from(obj, where, f"{stem}-{lineno}"), obj


try:  # the fast parser (a core dependency; the module still works without it)
    from orjson import loads as _fast_loads
except ImportError:  # pragma: no cover - orjson is in install_requires
    _fast_loads = None

_INT64 = 2.0**63


def _loads(raw: bytes, first: bool) -> object:
    """One JSON line's value, as :func:`json.loads` reads it (``first``: the file's first line, which may
    open with a BOM). orjson parses the bytes directly, a third faster with no decode; whatever it refuses
    (a BOM, a lone surrogate escape, ``NaN``, invalid UTF-8, deep nesting) or reads otherwise (an integer
    past 64 bits becomes a float) goes through :mod:`json`, which reads it or says what is wrong."""
    if _fast_loads is not None:
        try:
            obj = _fast_loads(raw)
        except ValueError:  # orjson.JSONDecodeError
            pass
        else:
            if not _lossy(obj):
                return obj
    return json.loads(raw.decode("utf-8-sig" if first else "utf-8"))


def _lossy(value: object) -> bool:
    """Whether orjson's ``value`` may differ from json's: it holds a float of 2**63 or more (orjson's
    reading of an integer past 64 bits) or not a number."""
    t = type(value)
    if t is str:
        return False
    if t is dict:
        return any(type(v) is not str and _lossy(v) for v in value.values())  # type: ignore[attr-defined]
    if t is list:
        return any(_lossy(v) for v in value)  # type: ignore[attr-defined]
    if t is float:
        return not abs(value) < _INT64  # type: ignore[arg-type]
    return False


#: Lines held back while no line has had a text field (beyond them, each line fails alone again).
_MAX_PENDING = 10_000


class JsonReader(JsonlReader):
    """``.json`` (plain or compressed): an array of records, one document each (``source`` is
    ``file:#n``, 1-based; a missing id ``<stem>-<n>``), or a single record; an object whose one list of
    records is under a key (an API's ``{"data": [...], "total": 2}``) is read as that array (``source``
    ``file:data#n``, with a warning); a file of JSON lines named ``.json`` is read as JSON lines."""

    extensions = tuple(".json" + comp for comp in ("",) + COMPRESSIONS)

    def read_bytes(self, data: bytes, path: str, stem: str) -> Iterator[Item]:
        data = decompress(data, path)
        try:
            obj = json.loads(data.decode("utf-8-sig"))
        except UnicodeDecodeError as err:
            yield Failure(path, f"not UTF-8 JSON: {err}")
            return
        except json.JSONDecodeError as err:
            if err.msg == "Extra data":  # several objects, one a line: JSON lines
                yield from self.read_lines(data, path, stem)
                return
            yield Failure(path, f"malformed JSON: {err}")
            return
        records = [obj] if isinstance(obj, dict) else obj if isinstance(obj, list) else None
        keys = {self.text_key} if self.text_key else {*DEFAULT_TEXT_KEYS}

        def holds_text(items: list) -> bool:
            return any(isinstance(r, dict) and (keys | {"html"}) & r.keys() for r in items)

        under = ""
        if isinstance(obj, dict) and not holds_text([obj]):
            # an API's or an exporter's envelope, {"data": [{...}, …], "total": 2}: the one list of records
            lists = [k for k, v in obj.items() if isinstance(v, list) and holds_text(v)]
            if len(lists) == 1:
                under, obj = str(lists[0]), obj[lists[0]]
                records = obj
                _log.warning("%s: the records are the list under %r: read as such", path, under)
        if records is None or not holds_text(records):
            # no record holds a text: a metadata or configuration file beside the corpus, not a corpus
            _log.warning(
                "%s: skipped: no record with a %s (or 'html') field (--text-field names another)",
                path,
                " or ".join(repr(k) for k in sorted(keys)),
            )
            return
        if isinstance(obj, dict):
            yield self.record_from(obj, path, stem)
            return
        for n, item in enumerate(obj, start=1):
            where = f"{path}:{under}#{n}"
            if isinstance(item, dict):
                yield self.record_from(item, where, f"{stem}-{n}")
            else:
                yield Failure(where, "array item is not a record (a JSON object)")
