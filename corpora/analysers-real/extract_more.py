"""Cut the second-pass dev excerpts (an3 helper, issue 12): other reports, another fixed position.

    python corpora/analysers-real/extract_more.py [../shared]

The same rule as ``extract_reports.py`` with ``FROM = 0.55`` and ``LENGTH = 1500``, chosen before reading, on
State Council and CPC reports that are not in the first set and are none of the held-out sources (1984, 2013,
十九大). These excerpts are dev only; their labels in ``labels_src.txt`` cover numbered slogans and metrics
(``## id N M``), not four-character slogans.
"""

from __future__ import annotations

import sys
from pathlib import Path

from extract_reports import HERE, _records

from reportnlp import clean

LENGTH = 1500
FROM = 0.55
DOCUMENTS = {
    "gwr1998": ("gwr", "1998年"),
    "gwr2008": ("gwr", "2008年"),
    "gwr2018": ("gwr", "2018年"),
    "gwr2021": ("gwr", "2021年"),
    "cpc1997": ("cpc", "十五大"),
    "cpc2007": ("cpc", "十七大"),
    "cpc2012": ("cpc", "十八大"),
}


# A third batch, cut from the review of the year (``FROM = 0.10``, ``LENGTH = 1200``, fixed before reading), for
# metrics in older and newer State Council prose.
REVIEW = {"gwr1988": ("gwr", "1988年"), "gwr2010": ("gwr", "2010年")}
# 2026 provincial reports (``shared/corpora/gov-portal-pages/text``): ``FROM = 0.15``, ``LENGTH = 1200`` of the clean text.
PROVINCES = ("SD", "YN", "HL")


def _cut(text: str, start_at: float, length: int) -> str:
    start = text.index("\n", int(len(text) * start_at)) + 1
    return text[start : text.index("\n", start + length)]


def main(shared: Path | None = None) -> None:
    gwr = _records("government_work_reports.jsonl")
    cpc = _records("cpc_congress_reports.jsonl")
    for doc_id, (source, fragment) in DOCUMENTS.items():
        pool = gwr if source == "gwr" else cpc
        (rec,) = [r for r in pool if fragment in r["title"] and "决议" not in r["title"]]
        text = clean(rec["content"], title=rec["title"]).text
        (HERE / "reports" / f"{doc_id}.txt").write_text(_cut(text, FROM, LENGTH), encoding="utf-8")
        print(doc_id, rec["title"])
    for doc_id, (_, fragment) in REVIEW.items():
        (rec,) = [r for r in gwr if fragment in r["title"] and "决议" not in r["title"]]
        text = clean(rec["content"], title=rec["title"]).text
        (HERE / "reports" / f"{doc_id}.txt").write_text(_cut(text, 0.10, 1200), encoding="utf-8")
        print(doc_id, rec["title"])
    if shared is None:
        return
    for code in PROVINCES:
        raw = (shared / "corpora" / "gov-portal-pages" / "text" / f"2026_{code}.txt").read_text(
            encoding="utf-8"
        )
        out = HERE / "reports" / f"prov2026_{code.lower()}.txt"
        out.write_text(_cut(clean(raw).text, 0.15, 1200), encoding="utf-8")
        print(out.name)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
