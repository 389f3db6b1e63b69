"""Writers: JSONL, parquet or a directory of ``.txt``; every file appears whole or not at all.

Each writer writes to a temporary file beside its target and renames it into place on :meth:`close`
(``os.replace`` is atomic on one file system), so a crash never leaves a half-written output.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Optional


class AtomicFile:
    """A text file written under a temporary name and moved into place by :meth:`commit`."""

    def __init__(self, target: str):
        self.target = Path(target)
        self.target.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(
            prefix=f".{self.target.name}.", suffix=".tmp", dir=self.target.parent
        )
        self.fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def write(self, s: str) -> None:
        self.fh.write(s)

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
    """The one JSON form we write: UTF-8, no ASCII escapes, stable key order as given."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


class JsonlWriter:
    """One JSON object per line."""

    def __init__(self, target: str):
        self.file = AtomicFile(target)

    def write(self, record: dict[str, Any]) -> None:
        self.file.write(dumps(record) + "\n")

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
        self.rows.append(
            {k: (dumps(v) if isinstance(v, (dict, list)) else v) for k, v in record.items()}
        )

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
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    def abort(self) -> None:
        self.rows.clear()


class TxtDirWriter:
    """A directory with one ``<id>.txt`` per document: the title (if any), a blank line, the text."""

    def __init__(self, target: str):
        self.dir = Path(target)
        self.dir.mkdir(parents=True, exist_ok=True)

    def write(self, record: dict[str, Any]) -> None:
        name = safe_filename(str(record["id"])) + ".txt"
        f = AtomicFile(str(self.dir / name))
        title: Optional[str] = record.get("title")
        f.write((f"{title}\n\n" if title else "") + record["text"] + "\n")
        f.commit()

    def close(self) -> None:
        pass

    def abort(self) -> None:
        pass


def safe_filename(name: str) -> str:
    """A document id made safe as a file name (path separators and control characters replaced)."""
    cleaned = "".join("_" if c in '/\\:*?"<>|' or ord(c) < 32 else c for c in name).strip(". ")
    return cleaned[:200] or "_"


def open_writer(target: str):
    """The writer for ``target``: ``.jsonl`` → JSONL, ``.parquet`` → parquet, otherwise a directory."""
    if target.endswith((".jsonl", ".ndjson")):
        return JsonlWriter(target)
    if target.endswith(".parquet"):
        return ParquetWriter(target)
    return TxtDirWriter(target)
