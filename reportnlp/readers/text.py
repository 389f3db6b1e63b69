"""Plain text files: one document per file, its id the file stem; decoded later by the clean step."""

from __future__ import annotations

from collections.abc import Iterator

from reportnlp.readers.base import BaseReader, Item, Record


class TextReader(BaseReader):
    """``.txt`` (any case): the file's bytes are the document."""

    extensions = (".txt", ".text")

    def read_bytes(self, data: bytes, path: str, stem: str) -> Iterator[Item]:
        yield Record(stem, data, path, fields=dict(self.default_metadata))
