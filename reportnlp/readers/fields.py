"""The user's own fields as table columns (frames, the cluster CSV).

Every output record carries ``source`` (the input file, or ``file:line`` of a record) and ``fields`` (the
input record's fields other than its text, unchanged). In a table they become columns: ``source``, then
one column per field name (in first-seen order), named ``field_<name>`` when the name is already a
column of the table. Values that are lists or dicts are written as JSON text (a table cell is flat); in
frames, a column whose values mix types (a number in one input, text in another) is text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any


def field_rows(
    records: Sequence[Mapping[str, Any]], taken: Sequence[str]
) -> tuple[list[str], list[dict]]:
    """``(columns, rows)``: the ``source`` and field columns of each record (``taken``: the table's own
    column names, which fields do not overwrite)."""
    columns: list[str] = ["source"] if "source" not in taken else []
    names: dict[str, str] = {}
    rows: list[dict] = []
    for rec in records:
        row: dict[str, Any] = {}
        if columns[:1] == ["source"]:
            row["source"] = rec.get("source")
        for k, v in (rec.get("fields") or {}).items():
            if k not in names:
                col = f"field_{k}" if k in taken or k == "source" else str(k)
                names[k] = col
                columns.append(col)
            row[names[k]] = (
                json.dumps(v, ensure_ascii=False, sort_keys=True)
                if isinstance(v, (list, dict))
                else v
            )
        rows.append(row)
    return columns, rows


def add_field_columns(frame: Any, records: Sequence[Mapping[str, Any]]) -> Any:
    """``frame`` (one row per record, same order) with the records' ``source`` and field columns."""
    import pandas as pd

    columns, rows = field_rows(records, list(frame.columns))
    if not columns:
        return frame
    for col in columns:
        _one_type(rows, col)
    extra = pd.DataFrame(rows, columns=columns, index=frame.index)
    return pd.concat([frame, extra], axis=1)


def _one_type(rows: list[dict], col: str) -> None:
    """Make column ``col`` of ``rows`` one type a parquet column can hold: when its values mix types
    (``year`` a number in a JSONL input and text in a CSV one), every value becomes text (JSON for
    numbers and booleans: ``2024``, ``true``). Numbers alone (ints and floats) stay numbers."""
    kinds = {type(r[col]) for r in rows if r.get(col) is not None}
    if len(kinds) <= 1 or kinds <= {int, float}:
        return
    for r in rows:
        v = r.get(col)
        if v is not None and not isinstance(v, str):
            r[col] = json.dumps(v, ensure_ascii=False)
