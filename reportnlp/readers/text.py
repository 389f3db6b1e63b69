"""Plain text files: one document per file, its id the file stem; decoded later by the clean step.

A ``.txt`` file of a directory that ``reportnlp clean -o DIR`` wrote (``DIR/.index.jsonl`` names it) is read
back as written: its id, title, metadata, source and fields from the index, its text without the title line
that heads the file (:func:`reportnlp.pipeline.writers.read_txt_dir` reads such a directory whole).
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterator
from typing import Any, Optional

from reportnlp.readers.base import BaseReader, Item, Record

INDEX_NAME = ".index.jsonl"  # what reportnlp.pipeline.writers.TxtDirWriter writes beside its files


class TextReader(BaseReader):
    """``.txt`` (any case): the file's bytes are the document."""

    extensions = (".txt", ".text")

    def read_bytes(self, data: bytes, path: str, stem: str) -> Iterator[Item]:
        row = index_row(path)
        if row is not None and (text := _as_written(data, row)) is not None:
            fields = row.get("fields") if isinstance(row.get("fields"), dict) else {}
            source = row.get("source")
            yield Record(
                str(row["id"]),
                text,
                source if isinstance(source, str) and source else path,
                row.get("title") or None,
                row.get("meta") if isinstance(row.get("meta"), dict) else None,
                {**self.default_metadata, **fields},
            )
            return
        yield Record(stem, data, path, fields=dict(self.default_metadata))


def index_row(path: str) -> Optional[dict[str, Any]]:
    """The row of ``path`` in the ``.index.jsonl`` beside it (a directory output of ``clean``), or ``None``."""
    folder, name = os.path.split(path)
    index = os.path.join(folder, INDEX_NAME)
    try:
        st = os.stat(index)
    except OSError:
        return None
    return _index(index, st.st_mtime_ns, st.st_size).get(name)


@functools.lru_cache(maxsize=8)
def _index(index: str, mtime_ns: int, size: int) -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    try:
        with open(index, encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if isinstance(row, dict) and isinstance(row.get("file"), str) and "id" in row:
                    rows[row["file"]] = row
    except (OSError, ValueError):  # not an index of ours after all: the files are read as plain text
        return {}
    return rows


def _as_written(data: bytes, row: dict[str, Any]) -> Optional[str]:
    """The text of a file as :class:`~reportnlp.pipeline.writers.TxtDirWriter` wrote it (its title line
    and the blank line under it taken off), or ``None`` if the file is not as written (edited since)."""
    try:
        body = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    title = row.get("title")
    head = f"{title}\n\n" if isinstance(title, str) and title else ""
    if not body.startswith(head) or not body.endswith("\n") or len(body) <= len(head) + 1:
        return None
    return body[len(head) : -1]
