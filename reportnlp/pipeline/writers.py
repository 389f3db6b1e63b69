"""Writers: JSONL, parquet or a directory of ``.txt``; every file appears whole or not at all.

Each writer writes to a temporary file beside its target and renames it into place on :meth:`close`
(``os.replace`` is atomic on one file system), so a crash never leaves a half-written output. Files are
created with the process umask (as ``open`` would), not the private mode of a temporary file.

A record that cannot be written fails alone: :meth:`write` raises :class:`~reportnlp.errors.OutputError`
before anything of it reaches the file, and the run goes on with the next record.

A directory output maps each id to one file name (:func:`file_name`) and records every file's id, title
and metadata in ``.index.jsonl`` beside them, so :func:`read_txt_dir` reads the directory back losslessly.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Any, Optional

from reportnlp.errors import OutputError, UsageError
from reportnlp.readers.text import INDEX_NAME, as_written, index_rows  # read back as written
from reportnlp.types import finite

_MAX_NAME_BYTES = 200  # + "~" + hash + ".txt" stays well under the usual 255-byte limit
_HASH_CHARS = 10
_UNSAFE = re.compile(r'[/\\:*?"<>|\x00-\x1f\x7f\ud800-\udfff]')
_HASHED = re.compile(rf"~[0-9a-f]{{{_HASH_CHARS}}}$")
_SURROGATE = re.compile("[\ud800-\udfff]")
# lone surrogates, and the line breaks of str.splitlines that JSON leaves raw (U+0085, U+2028, U+2029)
_ESCAPE = re.compile("[\ud800-\udfff\x85\u2028\u2029]")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _chmod_as_created(fd_or_path: Any) -> None:
    """Give a temporary file (created 0600) the mode ``open`` would have given it."""
    mode = 0o666 & ~_umask()
    if isinstance(fd_or_path, int):
        if hasattr(os, "fchmod"):
            os.fchmod(fd_or_path, mode)
    else:
        os.chmod(fd_or_path, mode)


class AtomicFile:
    """A text file written under a temporary name and moved into place by :meth:`commit`."""

    def __init__(self, target: str):
        self.target = Path(target)
        self.target.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(
            prefix=f".{self.target.name}.", suffix=".tmp", dir=self.target.parent
        )
        _chmod_as_created(fd)
        self.fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")  # written through .buffer

    def write(self, s: str) -> None:
        """Write ``s`` whole, or raise :class:`OutputError` (text no file can hold) and write nothing."""
        try:
            data = s.encode("utf-8")
        except UnicodeEncodeError as err:
            raise OutputError(
                f"{self.target}: cannot write {err.object[err.start : err.end]!r}: {err.reason}"
            ) from None
        self.fh.buffer.write(data)

    def commit(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        os.replace(self.tmp, self.target)

    def abort(self) -> None:
        self.fh.close()
        if os.path.exists(self.tmp):
            os.unlink(self.tmp)


def dumps(obj: Any) -> str:
    """The one JSON form we write: UTF-8, no ASCII escapes, stable key order as given.

    A lone surrogate (a broken ``\\ud83d`` escape in an input's JSON) is written as its escape, so the
    line is valid UTF-8 and reads back to the same string; so are U+0085, U+2028 and U+2029, so that a
    reader splitting lines the Unicode way (``str.splitlines``) still sees one record a line.

    >>> dumps({"id": "b\\ud83d", "text": "正文"})
    '{"id":"b\\\\ud83d","text":"正文"}'
    """
    try:
        s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except ValueError as err:
        # NaN or infinity (an empty pandas cell in a field): null, as orjson writes it
        if "float" not in str(err):
            raise
        s = json.dumps(finite(obj), ensure_ascii=False, separators=(",", ":"))
    if _ESCAPE.search(s):  # only inside strings: JSON itself is ASCII
        s = _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", s)
    return s


try:  # the fast encoder (a core dependency; the module still works without it)
    import orjson
except ImportError:  # pragma: no cover - orjson is in install_requires
    orjson = None

# subclasses, dataclasses and datetimes are not orjson's business here: it raises on them and json decides
_ORJSON_OPTIONS = (
    getattr(orjson, "OPT_PASSTHROUGH_SUBCLASS", 0)
    | getattr(orjson, "OPT_PASSTHROUGH_DATACLASS", 0)
    | getattr(orjson, "OPT_PASSTHROUGH_DATETIME", 0)
)
_PLAIN_SCALARS = (str, int, bool, type(None))
_INT64 = (-(2**63), 2**64 - 1)


def dumps_line(obj: Any) -> bytes:
    r"""``dumps(obj)`` and a line end, as UTF-8 bytes; for a record of ours nine times as fast (orjson).

    orjson writes what :func:`dumps` writes for every string, integer and container (tested character by
    character); it is used unless the record holds what it writes otherwise or refuses: a lone surrogate,
    an integer past 64 bits, a key that is no string, U+0085/U+2028/U+2029, and in the user's ``fields``
    any float or value of another type (they keep :mod:`json`'s exact form). Floats of our own records
    (metric values) are written in their shortest form either way (``0.5``, ``960000.0``).

    >>> dumps_line({"id": "a", "text": "正文", "fields": {"year": 2025}}).decode()
    '{"id":"a","text":"正文","fields":{"year":2025}}\n'
    >>> dumps_line({"id": "b\ud83d"}).decode()  # a lone surrogate: json's path, escaped
    '{"id":"b\\ud83d"}\n'
    """
    if orjson is not None and type(obj) is dict and _plain(obj.get("fields")):
        try:
            data = orjson.dumps(obj, option=_ORJSON_OPTIONS)
        except TypeError:  # orjson.JSONEncodeError: surrogates, big integers, keys, other types
            pass
        else:
            # the characters dumps() escapes, looked for in the text: three scans of a str at C speed take a
            # fifth of the time of one pattern over the UTF-8 bytes (Chinese punctuation starts \xe2\x80 too)
            text = data.decode("utf-8")
            if "\u2028" not in text and "\u2029" not in text and "\x85" not in text:
                return data + b"\n"
    return (dumps(obj) + "\n").encode("utf-8")


def clean_doc_line(doc: Any) -> bytes:
    """``dumps_line(doc.to_dict())`` for a :class:`~reportnlp.types.CleanDoc`, written from the document
    itself: orjson writes its paragraphs and edits (dataclasses whose fields, in order, are their
    ``to_dict``) with no dictionary made for each, and what :func:`dumps` escapes (U+2028, U+2029, U+0085)
    is looked for in the document's strings, joined, not in the decoded line (decoding it cost more than
    writing it). A record whose ``meta`` or ``fields`` are not plain, or that holds one of those
    characters, or that orjson refuses, goes through ``to_dict`` and :func:`dumps_line`: the same bytes
    (tested on real documents and on each place such a character can be)."""
    if orjson is not None:
        record = doc.json_record()
        strings = [doc.id, doc.title or "", doc.text, doc.script, doc.source or "", *doc.warnings]
        strings += [p.text for p in doc.paragraphs]
        strings += [d["text"] + d["reason"] for d in record["dropped"]]
        strings += chain.from_iterable(map(_EDIT_STRINGS, doc.edits))
        try:  # TypeError: a string that is none (json's path decides), surrogates, subclasses of str …
            if _plain(doc.meta, strings) and _plain(doc.fields, strings):
                joined = "".join(strings)
                if "\u2028" not in joined and "\u2029" not in joined and "\x85" not in joined:
                    return orjson.dumps(record, option=_ORJSON_DOC_OPTIONS) + b"\n"
        except TypeError:
            pass
    return dumps_line(doc.to_dict())


# a clean record's dataclasses (Paragraph, Edit) are orjson's to write; subclasses and datetimes are not
_ORJSON_DOC_OPTIONS = getattr(orjson, "OPT_PASSTHROUGH_SUBCLASS", 0) | getattr(
    orjson, "OPT_PASSTHROUGH_DATETIME", 0
)
_EDIT_STRINGS = attrgetter("step", "before", "after", "reason")


def _plain(value: Any, strings: Optional[list] = None) -> bool:
    """Whether ``value`` (the user's fields) holds only strings, integers within 64 bits, booleans, None,
    lists and dicts with string keys: what orjson and json write alike. ``strings``: a list its strings
    (keys too) are added to."""
    t = type(value)
    if t is dict:
        if strings is not None:
            strings.extend(value)
        return all(type(k) is str and _plain(v, strings) for k, v in value.items())
    if t is list or t is tuple:
        return all(_plain(v, strings) for v in value)
    if t is int:
        return _INT64[0] <= value <= _INT64[1]
    if t is str and strings is not None:
        strings.append(value)
    return t in _PLAIN_SCALARS


class JsonlWriter:
    """One JSON object per line."""

    def __init__(self, target: str):
        self.file = AtomicFile(target)

    def write(self, record: dict[str, Any]) -> None:
        try:
            line = dumps_line(record)
        except (TypeError, ValueError) as err:  # a field JSON cannot hold: this record only
            raise OutputError(
                f"record {str(record.get('id'))!r}: cannot serialise: {err}"
            ) from None
        self.file.fh.buffer.write(line)

    def close(self) -> None:
        self.file.commit()

    def abort(self) -> None:
        self.file.abort()


class ParquetWriter:
    """A parquet table, one row per record; nested fields stored as JSON strings."""

    def __init__(self, target: str):
        self.target = target
        self.rows: list[dict[str, Any]] = []

    def write(self, record: dict[str, Any]) -> None:
        row = {k: (dumps(v) if isinstance(v, (dict, list)) else v) for k, v in record.items()}
        for (
            k,
            v,
        ) in row.items():  # parquet strings are UTF-8: a lone surrogate fails this record only
            if isinstance(v, str) and _SURROGATE.search(v):
                raise OutputError(
                    f"record {str(record.get('id'))!r}: field {k!r} holds a lone surrogate"
                )
        self.rows.append(row)

    def close(self) -> None:
        try:
            import pandas as pd
        except ImportError as err:  # pragma: no cover - depends on the environment
            raise RuntimeError(
                "parquet output needs pandas and pyarrow: pip install 'reportnlp[parquet]'"
            ) from err
        target = Path(self.target)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        try:
            pd.DataFrame(self.rows).to_parquet(tmp, index=False)
            _chmod_as_created(tmp)
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    def abort(self) -> None:
        self.rows.clear()


class TxtDirWriter:
    """A directory with one ``.txt`` per document (:func:`file_name`): the title (if any), a blank line,
    the text. ``.index.jsonl`` (written on :meth:`close`) holds each file's ``file``, ``id``, ``title``,
    ``meta`` (and ``source`` and ``fields``) in the order written. Two records that would share a file (the same id, or names equal
    but for case on a file system that folds case) are never merged: the second fails with
    :class:`OutputError`."""

    def __init__(self, target: str):
        self.dir = Path(target)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.taken: dict[str, str] = {}  # file name -> id
        self.folded: dict[str, str] = {}  # casefolded file name -> id
        self.index: list[dict[str, Any]] = []
        self.earlier = _indexed_files(self.dir)  # what an earlier run wrote here (its index)

    def write(self, record: dict[str, Any]) -> None:
        rid = str(record["id"])
        name = file_name(rid)
        other = self.taken.get(name)
        folded = self.folded.get(name.casefold())
        if other is None and folded is not None and (self.dir / name).exists():
            other = folded  # a file system that folds case: "A.txt" is "a.txt"
        if other is not None:
            what = (
                "duplicate id" if other == rid else f"file name {name!r} is taken by id {other!r}"
            )
            raise OutputError(f"id {rid!r}: {what}: not written (a document is never overwritten)")
        title: Optional[str] = record.get("title")
        f = AtomicFile(str(self.dir / name))
        try:
            f.write((f"{title}\n\n" if title else "") + record["text"] + "\n")
        except OutputError:
            f.abort()
            raise
        f.commit()
        self.taken[name] = rid
        self.folded[name.casefold()] = rid
        row = {"file": name, "id": rid, "title": title, "meta": record.get("meta") or {}}
        row.update({k: record[k] for k in ("source", "fields") if k in record})
        self.index.append(row)

    def close(self) -> None:
        """Write the index; then remove the files an earlier run listed in its index that this run did
        not write (a rerun leaves the directory as if new; files no index of ours lists are left)."""
        f = AtomicFile(str(self.dir / INDEX_NAME))
        f.write("".join(dumps(row) + "\n" for row in self.index))
        f.commit()
        for name in self.earlier - self.taken.keys():
            path = self.dir / name
            if path.is_file() and not path.is_symlink():
                path.unlink()

    def abort(self) -> None:
        pass


def _indexed_files(folder: Path) -> set[str]:
    """The file names the ``.index.jsonl`` of ``folder`` lists (``.txt`` names without a path only)."""
    return {n for n in index_rows(folder) if n.endswith(".txt") and os.path.basename(n) == n}


def file_name(doc_id: str) -> str:
    """The file a document of a directory output is written to: ``<name>.txt``.

    ``<name>`` is the id itself when it is a safe file name. Otherwise path separators, ``:*?"<>|``,
    control characters and lone surrogates become ``_``, leading and trailing dots and spaces go, the
    name is cut to 200 bytes of UTF-8 (on a character boundary), and ``~`` and the first 10 hex digits of
    the SHA-256 of the id are appended, so that ids which sanitise or cut alike stay apart. An id that
    already ends like such a suffix gets one too, so the mapping is one-to-one.

    >>> file_name("2024-南京"), file_name("a/b"), file_name("a_b"), file_name("..")
    ('2024-南京.txt', 'a_b~c14cddc033.txt', 'a_b.txt', '~5ec1f7e700.txt')
    """
    name = _UNSAFE.sub("_", doc_id).strip(". ")
    raw = name.encode("utf-8")
    if len(raw) > _MAX_NAME_BYTES:
        name = raw[:_MAX_NAME_BYTES].decode("utf-8", "ignore")
    if name != doc_id or not name or _HASHED.search(name):
        digest = hashlib.sha256(doc_id.encode("utf-8", "surrogatepass")).hexdigest()
        name = f"{name}~{digest[:_HASH_CHARS]}"
    return name + ".txt"


def safe_filename(name: str) -> str:
    """Deprecated: :func:`file_name` without the ``.txt``."""
    return file_name(name)[: -len(".txt")]


def read_txt_dir(path: str) -> Iterator[dict[str, Any]]:
    """The records of a directory output as written: ``id``, ``title``, ``meta`` (and ``source`` and
    ``fields`` when the records had them) and ``text``, in the order of ``.index.jsonl``."""
    root = Path(path)
    for line in (root / INDEX_NAME).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = as_written((root / row["file"]).read_text(encoding="utf-8"), row["title"])
        if text is None:
            raise ValueError(f"{root / row['file']}: not as written")
        yield {**{k: v for k, v in row.items() if k != "file"}, "text": text}


def output_kind(target: str) -> str:
    """``jsonl``, ``parquet`` or ``dir``: what :func:`open_writer` makes of ``target`` (any case)."""
    low = target.lower()
    if low.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if low.endswith(".parquet"):
        return "parquet"
    return "dir"


def open_writer(target: str):
    """The writer for ``target``: ``.jsonl`` → JSONL, ``.parquet`` → parquet, otherwise a directory."""
    kind = output_kind(target)
    if kind == "jsonl":
        return JsonlWriter(target)
    if kind == "parquet":
        return ParquetWriter(target)
    return TxtDirWriter(target)


# --- checks before any work -------------------------------------------------------------------------
def missing_modules(modules: Iterable[str]) -> list[str]:
    """The modules of ``modules`` that cannot be imported here (looked up, not imported)."""
    missing = []
    for m in modules:
        try:
            found = importlib.util.find_spec(m) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            missing.append(m)
    return missing


def check_outputs(inputs: Sequence[str], outputs: Sequence[tuple[str, str, str]]) -> None:
    """Refuse output paths that cannot work, before any document is read; raise :class:`UsageError`.

    ``outputs`` are ``(option, path, kind)`` with kind ``file`` or ``dir``. Refused: an output that is
    one of the inputs or lies inside an input folder (it would be read, or replace what is read), two
    outputs on one path, two given as ``-`` (standard output: no file, so not checked further), a file
    output that is a folder (or the reverse), a parquet output without pyarrow, and a path whose nearest
    existing parent is not a writable folder.
    """
    ins = [(name, os.path.realpath(name)) for name in inputs if name != "-"]
    seen: dict[str, str] = {}
    stdout: Optional[str] = None
    for option, path, kind in outputs:
        if path == "-":  # standard output: no file, but only one output can be it
            if stdout is not None:
                raise UsageError(
                    f"only one of {stdout} and {option} can be - (standard output); give the other a file name"
                )
            stdout = option
            continue
        where = f"{option} {path}"
        real = os.path.realpath(path)
        if real in seen:
            raise UsageError(f"{where}: the same path as {seen[real]}")
        seen[real] = option
        for name, r_in in ins:
            if real == r_in:
                raise UsageError(f"{where}: is the input {name}; it would be overwritten")
            if os.path.isdir(r_in) and (real + os.sep).startswith(r_in.rstrip(os.sep) + os.sep):
                raise UsageError(f"{where}: is inside the input folder {name}, which is read")
            if kind == "dir" and (r_in + os.sep).startswith(real.rstrip(os.sep) + os.sep):
                raise UsageError(f"{where}: holds the input {name}")
        if os.path.exists(path):
            if kind == "file" and os.path.isdir(path):
                raise UsageError(f"{where}: is a folder, not a file")
            if kind == "dir" and not os.path.isdir(path):
                raise UsageError(f"{where}: exists and is not a folder")
        parent = Path(real if kind == "dir" else os.path.dirname(real) or ".")
        while not parent.exists():
            parent = parent.parent
        if not parent.is_dir():
            raise UsageError(f"{where}: cannot be created: {parent} is not a folder")
        if not os.access(parent, os.W_OK | os.X_OK):
            raise UsageError(f"{where}: cannot be created: {parent} is not writable")
        if (output_kind(path) == "parquet" and kind == "file") or option == "--frames":
            missing = missing_modules(("pandas", "pyarrow"))
            if missing:
                raise UsageError(
                    f"{where}: parquet output needs {' and '.join(missing)}: "
                    "pip install 'reportnlp[parquet]'"
                )
