"""JSON Lines, plain or compressed (``.gz``, ``.bz2``, ``.xz``; ``.zst`` with the ``zst`` extra)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from reportnlp.readers.base import BaseReader, Failure, Item, need

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


class JsonlReader(BaseReader):
    """One document per JSON line: the text field (``--text-field``; default ``text`` or ``content``, or an
    ``html`` field read as a page), ``--id-field`` (default ``id``; missing: ``<stem>-<line>``), optional
    ``title`` and ``meta``; every field but the text is kept in ``fields``."""

    extensions = tuple(
        base + comp for base in (".jsonl", ".ndjson") for comp in ("",) + COMPRESSIONS
    )

    def read_bytes(self, data: bytes, path: str, stem: str) -> Iterator[Item]:
        yield from self.read_lines(decompress(data, path), path, stem)

    def read_lines(self, data: bytes, path: str, stem: str, first_line: int = 1) -> Iterator[Item]:
        """Records of ``data``, whose first line is line ``first_line`` of ``path``."""
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
            yield self.record_from(obj, where, f"{stem}-{lineno}")
