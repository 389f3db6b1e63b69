"""Cut the sixth slogan pass's excerpts (slog8 helper, issue 12): four-character slogans on reports not yet in the set.

    python corpora/analysers-real/extract_slogans6.py

Rule fixed before reading: the clean text from the first line break after 25 % of the document (a position no
earlier pass used) to the first line break after 1,200 more characters. Documents: six State Council and CPC reports
of ``corpora/gwr/`` none of whose text is in the set (the CPC report of 1977, 十一大; the State Council reports of
1987, 1997, 2007, 2017 and 2023: one a decade, years ending in 7 where one is free), listed by year, then three 2026
provincial reports of ``corpora/structure/provincial_reports.jsonl`` (already clean text), the first three in file
order of a province with no excerpt yet (Chongqing, Fujian, Hubei). **Every third** of the nine (the 3rd, 6th and 9th:
``gwr1997``, ``gwr2023``, ``prov2026_hb``) forms a new held-out part, ``heldout4``, fixed before reading, never tuned
on; the other six extend dev. Labels in ``labels_src.txt``: four-character slogans only (``## id S``).
"""

from __future__ import annotations

import json

from extract_more import _cut
from extract_reports import HERE, ROOT
from extract_third import write_excerpts

LENGTH = 1200
FROM = 0.25
DOCUMENTS = {  # by year
    "cpc1977": ("cpc", "十一次"),
    "gwr1987": ("gwr", "1987年"),
    "gwr1997": ("gwr", "1997年"),
    "gwr2007": ("gwr", "2007年"),
    "gwr2017": ("gwr", "2017年"),
    "gwr2023": ("gwr", "2023年"),
}
PROVINCES = {"prov2026_cq": "2026-CQ", "prov2026_fj": "2026-FJ", "prov2026_hb": "2026-HB"}
ORDER = (*DOCUMENTS, *PROVINCES)
HELDOUT4 = ORDER[2::3]  # every third: gwr1997, gwr2023, prov2026_hb


def main() -> None:
    write_excerpts(DOCUMENTS, FROM, LENGTH, HELDOUT4)
    with open(ROOT / "corpora" / "structure" / "provincial_reports.jsonl", encoding="utf-8") as fh:
        records = {r["id"]: r for r in map(json.loads, fh)}
    for doc_id, rec_id in PROVINCES.items():
        text = records[rec_id]["text"]
        (HERE / "reports" / f"{doc_id}.txt").write_text(_cut(text, FROM, LENGTH), encoding="utf-8")
        print(doc_id, records[rec_id]["title"], "held out" if doc_id in HELDOUT4 else "dev")


if __name__ == "__main__":
    main()
