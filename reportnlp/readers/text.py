"""Plain text files: one document per file, its id the file stem; decoded later by the clean step.

A ``.txt`` file of a directory that ``reportnlp clean -o DIR`` wrote (``DIR/.index.jsonl`` names it) is read
back as written: its id, title, metadata, source and fields from the index, its text without the title line
that heads the file (:func:`reportnlp.pipeline.writers.read_txt_dir` reads such a directory whole).
"""

from __future__ import annotations

import functools
import json
import logging
import os
from collections.abc import Iterator
from typing import Any, Optional, Union

from reportnlp.readers.base import BaseReader, Item, Record

_log = logging.getLogger("reportnlp")

INDEX_NAME = ".index.jsonl"  # what reportnlp.pipeline.writers.TxtDirWriter writes beside its files


class TextReader(BaseReader):
    """``.txt`` (any case): the file's bytes are the document."""

    extensions = (".txt", ".text")

    def read_bytes(self, data: bytes, path: str, stem: str) -> Iterator[Item]:
        row = index_row(path)
        if row is not None and (text := _written_text(data, row)):  # no empty text: read as it is
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
        if data[:4] in (b"%PDF", b"PK\x03\x04"):  # a PDF or a Word file named .txt: read as what it is
            from reportnlp.readers import read_misnamed

            items = read_misnamed(self, data, path, stem, html=False)
            if items is not None:
                yield from items
                return
        from reportnlp.readers.tabular import TsvReader, table_delimiter

        if table_delimiter(data, self.text_key, "\t") is not None:
            _log.warning(
                "%s: a TAB-separated table whose header row names its text column (Excel's \"Unicode "
                "text\"): read as a .tsv, one document a row",
                path,
            )
            tsv = TsvReader(text_key=self.text_key, id_key=self.id_key, default_metadata=self.default_metadata)
            yield from tsv.read_bytes(data, path, stem)
            return
        yield Record(stem, data, path, fields=dict(self.default_metadata))


def _written_text(data: bytes, row: dict[str, Any]) -> Optional[str]:
    try:
        return as_written(data.decode("utf-8"), row.get("title"))
    except UnicodeDecodeError:
        return None


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
    return index_rows(os.path.dirname(index))


def index_rows(folder: Union[str, os.PathLike]) -> dict[str, dict[str, Any]]:
    """The rows of ``folder``'s ``.index.jsonl`` by file name, in the order written (``{}`` when there is
    none, or it is not an index of ours: the files are then read as plain text)."""
    rows: dict[str, dict[str, Any]] = {}
    try:
        with open(os.path.join(folder, INDEX_NAME), encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if isinstance(row, dict) and isinstance(row.get("file"), str) and "id" in row:
                    rows[row["file"]] = row
    except (OSError, ValueError):
        return {}
    return rows


def as_written(body: str, title: Optional[str]) -> Optional[str]:
    r"""The text of a file as :class:`~reportnlp.pipeline.writers.TxtDirWriter` wrote it: ``body`` without
    its title line and the blank line under it and without its last line break; ``None`` if the file is not
    as written (edited since).

    >>> as_written("标题\n\n正文。\n", "标题"), as_written("正文。\n", None), as_written("改过的\n", "标题")
    ('正文。', '正文。', None)
    """
    head = f"{title}\n\n" if isinstance(title, str) and title else ""
    if not body.startswith(head) or not body.endswith("\n") or len(body) < len(head) + 1:
        return None
    return body[len(head) : -1]
