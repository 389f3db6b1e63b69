"""Cut the eighth slogan pass's excerpts (slog10 helper, issue 12): four-character slogans on reports not yet in the set.

    python corpora/analysers-real/extract_slogans8.py

Rule fixed and committed before reading: the clean text from the first line break after 85 % of the document (a
position no earlier pass used: the closing parts, the government's own work, defence, foreign affairs) to the first
line break after 1,200 more characters. Documents: the five State Council reports of ``corpora/gwr/`` none of whose
text is in the set, from 1958 on (1958, 1964, 1980, 1982, 2002; 1954 and 1955 are left, the oldest), listed by
year, then four 2026 provincial reports of ``corpora/structure/provincial_reports.jsonl`` (already clean text), the
first four in file order of a province with no excerpt in any earlier pass (Shanghai, Shanxi, Tianjin, Xinjiang).
**Every third** of the nine (the 3rd, 6th and 9th: ``gwr1980``, ``prov2026_sh``, ``prov2026_xj``) forms a new
held-out part, ``heldout6``, fixed before reading, never tuned on, its errors never read; the other six extend dev
(``--set dev8``). Labels in ``labels_src.txt``: four-character slogans only (``## id S``).
"""

from __future__ import annotations

import json

from extract_more import _cut
from extract_reports import HERE, ROOT
from extract_third import write_excerpts

LENGTH = 1200
FROM = 0.85
DOCUMENTS = {  # by year
    "gwr1958": ("gwr", "1958年"),
    "gwr1964": ("gwr", "1964年"),
    "gwr1980": ("gwr", "1980年"),
    "gwr1982": ("gwr", "1982年"),
    "gwr2002": ("gwr", "2002年"),
}
PROVINCES = {"prov2026_sh": "2026-SH", "prov2026_sx": "2026-SX", "prov2026_tj": "2026-TJ", "prov2026_xj": "2026-XJ"}
ORDER = (*DOCUMENTS, *PROVINCES)
HELDOUT6 = ORDER[2::3]  # every third: gwr1980, prov2026_sh, prov2026_xj


def main() -> None:
    write_excerpts(DOCUMENTS, FROM, LENGTH, HELDOUT6)
    with open(ROOT / "corpora" / "structure" / "provincial_reports.jsonl", encoding="utf-8") as fh:
        records = {r["id"]: r for r in map(json.loads, fh)}
    for doc_id, rec_id in PROVINCES.items():
        text = records[rec_id]["text"]
        (HERE / "reports" / f"{doc_id}.txt").write_text(_cut(text, FROM, LENGTH), encoding="utf-8")
        print(doc_id, records[rec_id]["title"], "held out" if doc_id in HELDOUT6 else "dev")


if __name__ == "__main__":
    main()
