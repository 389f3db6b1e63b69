"""Readers: turn command-line inputs into a stream of records, never stopping at a bad one.

Inputs are files, directories (recursive; ``.txt`` and ``.jsonl`` files, in sorted order) and ``-`` for
standard input. A ``.txt`` file is one document whose id is the file stem; a ``.jsonl`` file holds one
document per line with ``id`` and ``text`` (``content`` is accepted for ``text``; a missing id becomes
``<stem>-<line>``). A problem with one input yields a :class:`Failure` naming file and line, and reading
goes on with the next.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

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
                    if f.endswith(TEXT_SUFFIXES + JSONL_SUFFIXES) and not f.startswith("."):
                        yield str(Path(root) / f)
        elif path.is_file():
            yield str(path)
        else:
            yield Failure(name, "no such file or directory")


def read_inputs(inputs: Iterable[str], *, stdin: Optional[bytes] = None) -> Iterator[Item]:
    """Records and failures from every input, in order; ids made unique by a ``#n`` suffix.

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
                    item = Record(f"{item.id}#{n + 1}", item.data, item.source, item.title)
            yield item


def _read_one(path: str, stdin: Optional[bytes] = None) -> Iterator[Item]:
    try:
        if path == "-":
            data = stdin if stdin is not None else sys.stdin.buffer.read()
        else:
            data = Path(path).read_bytes()
    except OSError as err:
        yield Failure(path, f"cannot read: {err.strerror or err}")
        return
    stem = "stdin" if path == "-" else Path(path).stem
    is_jsonl = path.endswith(JSONL_SUFFIXES) or (path == "-" and data.lstrip()[:1] == b"{")
    if is_jsonl:
        yield from read_jsonl(data, path, stem)
    else:
        yield Record(stem, data, path)


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
        rid = obj.get("id")
        title = obj.get("title")
        meta = obj.get("meta")
        yield Record(
            str(rid) if rid is not None else f"{stem}-{lineno}",
            text,
            where,
            title if isinstance(title, str) else None,
            meta if isinstance(meta, dict) else None,
        )
