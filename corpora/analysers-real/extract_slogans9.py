"""Cut the ninth slogan pass's excerpts (slog11 helper, issue 12): four-character slogans on reports not yet in the set.

    python corpora/analysers-real/extract_slogans9.py

Rule fixed and committed before reading: the clean text from the first line break after 55 % of the document (a
position no earlier pass used: 8, 10, 15, 25, 40, 70 and 85 % were) to the first line break after 1,200 more
characters. Documents: the three State Council reports of ``corpora/gwr/`` none of whose text is in the set (1954,
1955, 1975), the two CPC congress reports of the 1960s–70s none of whose text is in the set (九大 1969, 十大 1973),
listed by year, then three 2026 provincial reports of ``corpora/structure/provincial_reports.jsonl`` (already clean
text) of a province with no slogan excerpt in any earlier pass, in file order (Beijing's 2026 report, Tibet,
Zhejiang; Tibet's review part is a metric excerpt, ``prov2026_xz_m``, at 8 %). **Every third from the second** of
the eight (the 2nd, 5th and 8th, ``ORDER[1::3]``: ``gwr1955``, ``cpc1973``, ``prov2026_zj``) forms a new
held-out part, ``heldout7``, fixed before reading, never tuned on, its errors never read; the other five extend dev
(``--set dev9``). Labels in ``labels_src.txt``: four-character slogans only (``## id S``).
"""

from __future__ import annotations

import json

from extract_more import _cut
from extract_reports import HERE, ROOT
from extract_third import write_excerpts

LENGTH = 1200
FROM = 0.55
DOCUMENTS = {  # by year
    "gwr1954": ("gwr", "1954年"),
    "gwr1955": ("gwr", "1955年"),
    "gwr1975": ("gwr", "1975年"),
    "cpc1969": ("cpc", "第九次"),
    "cpc1973": ("cpc", "第十次"),
}
PROVINCES = {"prov2026_bj": "2026-BJ", "prov2026_xz": "2026-XZ", "prov2026_zj": "2026-ZJ"}
ORDER = (*DOCUMENTS, *PROVINCES)
HELDOUT7 = ORDER[1::3]  # gwr1955, cpc1973, prov2026_zj


def main() -> None:
    write_excerpts(DOCUMENTS, FROM, LENGTH, HELDOUT7)
    with open(ROOT / "corpora" / "structure" / "provincial_reports.jsonl", encoding="utf-8") as fh:
        records = {r["id"]: r for r in map(json.loads, fh)}
    for doc_id, rec_id in PROVINCES.items():
        text = records[rec_id]["text"]
        (HERE / "reports" / f"{doc_id}.txt").write_text(_cut(text, FROM, LENGTH), encoding="utf-8")
        print(doc_id, records[rec_id]["title"], "held out" if doc_id in HELDOUT7 else "dev")


if __name__ == "__main__":
    main()
