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
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Optional, Union

from reportnlp.readers import JsonlReader, TextReader, reader_for
from reportnlp.readers import reader_for_data as _reader_for_data
from reportnlp.readers.base import Failure, Item, Record

__all__ = [
    "JSONL_SUFFIXES",
    "TEXT_SUFFIXES",
    "Failure",
    "Item",
    "Record",
    "expand_inputs",
    "read_inputs",
    "read_jsonl",
    "reader_for",
]

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")  # uncompressed JSONL: the Dask engine splits these by range


def expand_inputs(inputs: Iterable[str]) -> Iterator[Union[str, Failure]]:
    """Paths of the files to read (directories walked recursively, sorted), or failures."""
    for name in inputs:
        if name == "-":
            yield name
            continue
        path = Path(name)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for f in sorted(files):
                    if not f.startswith(".") and reader_for(f) is not None:
                        yield str(Path(root) / f)
        elif path.is_file():
            yield str(path)
        else:
            yield Failure(name, "no such file or directory")


def read_inputs(
    inputs: Iterable[str],
    *,
    stdin: Optional[bytes] = None,
    text_key: Optional[str] = None,
    id_key: str = "id",
) -> Iterator[Item]:
    """Records and failures from every input, in order; ids made unique by a ``#n`` suffix.

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
                    item = dataclasses.replace(item, id=f"{item.id}#{n + 1}")
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
    yield from reader.read(path)


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
    yield from reader.read_lines(data, path, stem, first_line)
