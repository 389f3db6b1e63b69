"""pandas frames over analysed documents: one row per document, one row per span.

:func:`to_frames` accepts what the toolkit produces — :class:`~reportnlp.analysis.Analysis` objects, the
JSONL records of ``reportnlp analyse`` (dicts), or spaCy ``Doc`` objects from :func:`reportnlp.load` — and
returns :class:`Frames`:

* ``documents``: ``id, title, date, site, length`` (characters of text), ``signature``, and for each kind
  (placeholders, metrics, slogans, headings) ``n_<kind>`` and ``<kind>_per_1k`` (per 1,000 characters);
  then ``source`` and the input's own fields, one column each (:mod:`reportnlp.readers.fields`);
* ``spans``: ``id, kind, type, start, end, text, attributes`` — ``type`` is the placeholder type, metric
  unit, slogan kind or heading level; ``attributes`` a dict of the rest (value, qualifier, marker…).

>>> from reportnlp.analysis import analyse
>>> f = to_frames([analyse("今年以来，××市开展宣讲30余场次。", id="a")])
>>> f.documents[["id", "n_placeholders", "n_metrics"]].to_dict("records")
[{'id': 'a', 'n_placeholders': 1, 'n_metrics': 1}]
>>> f.spans[["kind", "type", "text"]].values.tolist()
[['placeholders', 'name', '××'], ['metrics', '场次', '30余场次']]
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any, NamedTuple

from reportnlp.analysis import KINDS, Analysis

__all__ = ["Frames", "to_frames"]

_TYPE_FIELD = {"placeholders": "type", "metrics": "unit", "slogans": "kind", "headings": "level"}


class Frames(NamedTuple):
    """The two frames; :meth:`to_parquet` writes ``documents.parquet`` and ``spans.parquet``."""

    documents: Any  # pandas.DataFrame
    spans: Any  # pandas.DataFrame

    def to_parquet(self, directory: str | os.PathLike) -> None:
        """Write both frames to ``directory`` (created), each atomically; ``attributes`` as JSON text."""
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        spans = self.spans.copy()
        spans["attributes"] = [
            json.dumps(a, ensure_ascii=False, sort_keys=True) for a in spans["attributes"]
        ]
        spans["type"] = spans["type"].astype(str)
        for name, frame in (("documents", self.documents), ("spans", spans)):
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out)
            os.close(fd)
            try:
                frame.to_parquet(tmp, index=False)
                from reportnlp.pipeline.writers import _chmod_as_created

                _chmod_as_created(tmp)  # the user's umask, not the temporary file's 0600
                os.replace(tmp, out / f"{name}.parquet")
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)


def _as_record(doc: Any, index: int) -> dict[str, Any]:
    """One document as the ``reportnlp analyse`` record shape."""
    if isinstance(doc, Analysis):
        return doc.to_dict()
    if isinstance(doc, dict):
        return doc
    if hasattr(doc, "spans") and hasattr(doc, "user_data"):  # a spaCy Doc from reportnlp.load()
        # id, title and meta come from doc.user_data when the caller put them there.
        record: dict[str, Any] = {
            "id": doc.user_data.get("id", str(index)),
            "title": doc.user_data.get("title"),
            "meta": doc.user_data.get("meta", {}),
            "text": doc.text,
        }
        for kind in KINDS:
            group = doc.spans[kind] if kind in doc.spans else []
            record[kind] = [_plain(s._.report) for s in group if s._.report is not None]
        if type(doc).has_extension("outline_signature"):
            record["signature"] = doc._.outline_signature
        return record
    raise TypeError(f"to_frames: cannot read a {type(doc).__name__}; pass Analysis, dict or Doc")


def _plain(item: Any) -> dict[str, Any]:
    d = asdict(item) if is_dataclass(item) else dict(item)
    return {k: list(v) if isinstance(v, tuple) else v for k, v in d.items()}


def to_frames(docs: Iterable[Any]) -> Frames:
    """The documents frame and the spans frame of ``docs`` (Analysis objects, records or spaCy Docs); a
    document without an id is given its position in ``docs`` (``"0"``, ``"1"`` …)."""
    import pandas as pd

    doc_rows: list[dict[str, Any]] = []
    span_rows: list[dict[str, Any]] = []
    records: list[dict[str, Any]] = []
    for i, doc in enumerate(docs):
        rec = _as_record(doc, i)
        records.append(rec)
        # a document cleaned without an id (``analyse(clean(page))``) is known by its position, as a spaCy
        # Doc without one is: the spans of two such documents must not share the id ''
        doc_id = rec.get("id") or str(i)
        text = rec.get("text") or ""
        meta = rec.get("meta") or {}
        row: dict[str, Any] = {
            "id": doc_id,
            "title": rec.get("title"),
            "date": meta.get("date"),
            "site": meta.get("site"),
            "length": len(text),
            "signature": rec.get("signature", ""),
        }
        for kind in KINDS:
            n = len(rec.get(kind) or [])
            row[f"n_{kind}"] = n
            row[f"{kind}_per_1k"] = 1000.0 * n / len(text) if text else 0.0
        doc_rows.append(row)
        for kind in KINDS:
            type_field = _TYPE_FIELD[kind]
            for span in rec.get(kind) or []:
                attrs = {
                    k: v for k, v in span.items() if k not in ("start", "end", "text", type_field)
                }
                span_rows.append(
                    {
                        "id": doc_id,
                        "kind": kind,
                        "type": span.get(type_field),
                        "start": span["start"],
                        "end": span["end"],
                        "text": span["text"],
                        "attributes": attrs,
                    }
                )
    doc_columns = ["id", "title", "date", "site", "length", "signature"] + [
        f"{p}{k}{s}" for k in KINDS for p, s in (("n_", ""), ("", "_per_1k"))
    ]
    span_columns = ["id", "kind", "type", "start", "end", "text", "attributes"]
    documents = pd.DataFrame(doc_rows, columns=doc_columns)
    if any(r.get("fields") or r.get("source") for r in records):
        from reportnlp.readers.fields import add_field_columns

        documents = add_field_columns(documents, records)
    spans = pd.DataFrame(span_rows, columns=span_columns)
    if len(spans):
        spans = spans.astype({"start": "int64", "end": "int64"})
    return Frames(documents, spans)
