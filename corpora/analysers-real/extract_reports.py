"""Cut the report excerpts of the set from the real reports (run from the repository root, ``../shared`` present).

    python corpora/analysers-real/extract_reports.py ../shared/corpora/docx

Each excerpt is the clean text (``reportnlp.clean``) from the first line break after ``FROM`` of the document to
the first line break after 2,400 more characters: a fixed rule, chosen before reading, so the excerpt is not
picked for what it holds. The State Council and CPC reports come from ``corpora/gwr/``, the provincial reports
from the ``.docx`` files (paragraphs joined by line breaks).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from reportnlp import clean

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LENGTH = 2400
FROM = 0.15
# id: (source, title fragment)
DOCUMENTS = {
    "gwr1956": ("gwr", "1956年"),
    "gwr1984": ("gwr", "1984年"),
    "gwr1993": ("gwr", "1993年"),
    "gwr2003": ("gwr", "2003年"),
    "gwr2013": ("gwr", "2013年"),
    "gwr2024": ("gwr", "2024年"),
    "gwr2025": ("gwr", "2025年"),
    "cpc1987": ("cpc", "十三大"),
    "cpc2017": ("cpc", "十九大"),
    "cpc2022": ("cpc", "二十大"),
    "docx_beijing": ("docx", "北京"),
    "docx_sichuan": ("docx", "四川"),
    "docx_guangdong": ("docx", "广东"),
}


def _records(name: str) -> list[dict]:
    with open(ROOT / "corpora" / "gwr" / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _docx_text(path: Path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def main(docx_dir: Path) -> None:
    gwr = _records("government_work_reports.jsonl")
    cpc = _records("cpc_congress_reports.jsonl")
    for doc_id, (source, fragment) in DOCUMENTS.items():
        if source == "docx":
            (path,) = [p for p in docx_dir.glob("*.docx") if fragment in p.name]
            raw, title = _docx_text(path), path.stem
        else:
            pool = gwr if source == "gwr" else cpc
            (rec,) = [r for r in pool if fragment in r["title"] and "决议" not in r["title"]]
            raw, title = rec["content"], rec["title"]
        text = clean(raw, title=title).text
        start = text.index("\n", int(len(text) * FROM)) + 1
        end = text.index("\n", start + LENGTH)
        (HERE / "reports" / f"{doc_id}.txt").write_text(text[start:end], encoding="utf-8")
        print(doc_id, title, start, end)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
