"""Readers: turn command-line inputs into a stream of records, never stopping at a bad one.

Inputs are files, directories (recursive; ``.txt`` and ``.jsonl`` files, in sorted order) and ``-`` for
standard input. A ``.txt`` file is one document whose id is the file stem; a ``.jsonl`` file holds one
document per line with ``id`` and ``text`` (``content`` is accepted for ``text``; a missing id becomes
``<stem>-<line>``). A problem with one input yields a :class:`Failure` naming file and line, and reading
goes on with the next.
"""

from __future__ import annotations

import json
import logging
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Union

_log = logging.getLogger("reportnlp")

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class Record:
    """One document to process: ``data`` is raw bytes (a file) or text (a JSONL field)."""

    id: str
    data: Union[bytes, str]
    source: str
    title: Optional[str] = None
    meta: Optional[dict] = None


@dataclass(frozen=True)
class Failure:
    """An input that could not be read; ``where`` is ``file`` or ``file:line``."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


Item = Union[Record, Failure]


def expand_inputs(inputs: Iterable[str]) -> Iterator[Union[str, Failure]]:
    """Paths of the files to read (directories walked recursively, sorted), or failures.

    Only regular files are read: a FIFO, socket or device (``/dev/zero``, a pipe named ``x.txt``) is a
    failure, never opened, so it cannot block or flood a run. A subdirectory that cannot be listed is a
    failure too, not skipped. Names that are not valid UTF-8 are kept as the OS gives them (surrogate
    escapes), so they can be opened; :func:`display_name` makes them printable.
    """
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
    """The ``.txt`` and ``.jsonl`` files under ``top`` in sorted order; unlistable folders as failures."""
    errors: list[OSError] = []
    for root, dirs, files in os.walk(top, onerror=errors.append):
        while errors:
            err = errors.pop(0)
            where = display_name(str(err.filename or root))
            yield Failure(where, f"cannot list folder: {err.strerror or err}")
        dirs.sort()
        for f in sorted(files):
            if not f.endswith(TEXT_SUFFIXES + JSONL_SUFFIXES) or f.startswith("."):
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
        yield Failure(
            display_name(str(err.filename or top)), f"cannot list folder: {err.strerror or err}"
        )


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
    r"""``name`` as text any output can hold: bytes that were not UTF-8 (surrogate escapes) become U+FFFD.

    >>> display_name(os.fsdecode(b"bad-\xff.txt"))
    'bad-�.txt'
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that no file name gave
        raw = name.encode("utf-8", "replace")
    return raw.decode("utf-8", "replace")


def read_inputs(inputs: Iterable[str], *, stdin: Optional[bytes] = None) -> Iterator[Item]:
    """Records and failures from every input, in order; ids made unique by a ``#n`` suffix.

    A repeated id becomes ``<id>#2``, ``#3``, … (skipping any that an input uses already), and the
    rename is logged as a warning naming the record: documents are never merged under one id.
    ``stdin`` is standard input already read (so that a run can read its inputs twice)."""
    seen: dict[str, int] = {}
    for path in expand_inputs(inputs):
        if isinstance(path, Failure):
            yield path
            continue
        for item in _read_one(path, stdin):
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
                    item = Record(new, item.data, item.source, item.title, item.meta)
            yield item


def _read_one(path: str, stdin: Optional[bytes] = None) -> Iterator[Item]:
    try:
        if path == "-":
            data = stdin if stdin is not None else sys.stdin.buffer.read()
        else:
            data = Path(path).read_bytes()
    except OSError as err:
        yield Failure(display_name(path), f"cannot read: {err.strerror or err}")
        return
    shown = display_name(path)  # the path opens the file; ids and messages must be printable
    stem = "stdin" if path == "-" else Path(shown).stem
    is_jsonl = path.endswith(JSONL_SUFFIXES) or (path == "-" and data.lstrip()[:1] == b"{")
    if is_jsonl:
        yield from read_jsonl(data, shown, stem)
    else:
        yield Record(stem, data, shown)


def read_jsonl(data: bytes, path: str, stem: str, first_line: int = 1) -> Iterator[Item]:
    """One record per JSON line: ``id``, ``text`` (or ``content``), optional ``title`` and ``meta``.

    ``first_line`` is the line number of ``data``'s first line in the file (a range of a larger file).
    """
    for lineno, raw in enumerate(data.split(b"\n"), start=first_line):
        if not raw.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            obj = json.loads(raw.decode("utf-8-sig" if lineno == 1 else "utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            yield Failure(where, f"malformed JSON line: {err}")
            continue
        if not isinstance(obj, dict):
            yield Failure(where, "JSON line is not an object")
            continue
        text = obj.get("text", obj.get("content"))
        if not isinstance(text, str):
            yield Failure(where, "no 'text' (or 'content') string field")
            continue
        if b"\\ud" in raw or b"\\uD" in raw:  # a broken surrogate escape, perhaps
            obj = _without_surrogates(obj, where)
        rid = obj.get("id")
        if rid is not None and (isinstance(rid, bool) or not isinstance(rid, (str, int))):
            yield Failure(where, f"'id' must be a string or an integer, not {type(rid).__name__}")
            continue
        title = obj.get("title")
        meta = obj.get("meta")
        yield Record(
            str(rid) if rid is not None else f"{stem}-{lineno}",
            text,
            where,
            title if isinstance(title, str) else None,
            meta if isinstance(meta, dict) else None,
        )


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(obj: dict, where: str) -> dict:
    """Lone surrogates (broken ``\\ud83d`` escapes) in the fields other than the text become U+FFFD,
    with a warning: ids, titles and metadata must be writable anywhere. The text keeps them: cleaning
    removes them with an edit (``lone_surrogate_removed``)."""

    def fix(v: Any, key: str) -> Any:
        if isinstance(v, str) and _SURROGATE.search(v):
            _log.warning("%s: lone surrogate in %r replaced by U+FFFD", where, key)
            return _SURROGATE.sub("\ufffd", v)
        if isinstance(v, dict):
            return {fix(k, key): fix(x, key) for k, x in v.items()}
        if isinstance(v, list):
            return [fix(x, key) for x in v]
        return v

    return {k: (v if k in ("text", "content") else fix(v, k)) for k, v in obj.items()}
