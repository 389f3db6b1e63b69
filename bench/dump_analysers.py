"""Dump every analyser's spans on the State Council and CPC reports and the analysers' real set, to compare code.

    PYTHONPATH=. python bench/dump_analysers.py OUT.jsonl
    cmp before.jsonl after.jsonl      # byte-identical when a change is meant to keep every output

Each report of ``corpora/gwr/`` is analysed raw and cleaned; each document of ``corpora/analysers-real/``
(report excerpts and template pages) as it is. One line per document: every field of every span of
``find_placeholders``, ``find_metrics``, ``find_slogans`` and ``find_headings``.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _spans(items: list) -> list:
    return [dataclasses.asdict(x) if dataclasses.is_dataclass(x) else repr(x) for x in items]


def documents() -> list[tuple[str, str]]:
    from reportnlp import clean

    docs = []
    for name in ("government_work_reports.jsonl", "cpc_congress_reports.jsonl"):
        with open(ROOT / "corpora" / "gwr" / name, encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                rec = json.loads(line)
                docs.append((f"{name}:{i}:raw", rec["content"]))
                docs.append(
                    (f"{name}:{i}:clean", clean(rec["content"], title=rec.get("title")).text)
                )
    real = ROOT / "corpora" / "analysers-real"
    for path in sorted((real / "reports").glob("*.txt")) + sorted((real / "pages").glob("*.txt")):
        docs.append((str(path.relative_to(real)), path.read_text(encoding="utf-8")))
    return docs


def main() -> None:
    from reportnlp.analysers import find_headings, find_metrics, find_placeholders, find_slogans

    with open(sys.argv[1], "w", encoding="utf-8") as out:
        for name, text in documents():
            row = {
                "doc": name,
                "placeholders": _spans(find_placeholders(text)),
                "metrics": _spans(find_metrics(text)),
                "slogans": _spans(find_slogans(text)),
                "headings": _spans(find_headings(text)),
            }
            out.write(json.dumps(row, ensure_ascii=False, default=repr) + "\n")


if __name__ == "__main__":
    main()
