"""Cut the seventh slogan pass's excerpts (slog9 helper, issue 12): four-character slogans on reports not yet in the set.

    python corpora/analysers-real/extract_slogans7.py

Rule fixed and committed before reading: the clean text from the first line break after 70 % of the document (a
position no earlier pass used: the tasks of the coming year) to the first line break after 1,200 more characters.
Documents: five State Council reports of ``corpora/gwr/`` none of whose text is in the set (1978, 1985, 2000, 2012,
2016: the years free between those used, one in each gap of the set's decades), listed by year, then four 2026
provincial reports of ``corpora/structure/provincial_reports.jsonl`` (already clean text), the first four in file
order of a province with no excerpt in any earlier pass (Beijing has one, ``docx_beijing``: Hebei, Hunan, Jilin,
Liaoning). **Every third** of the nine (the 3rd, 6th and 9th: ``gwr2000``, ``prov2026_he``, ``prov2026_ln``) forms a
new held-out part, ``heldout5``, fixed before reading, never tuned on, its errors never read; the other six extend
dev. Labels in ``labels_src.txt``: four-character slogans only (``## id S``).
"""

from __future__ import annotations

import json

from extract_more import _cut
from extract_reports import HERE, ROOT
from extract_third import write_excerpts

LENGTH = 1200
FROM = 0.70
DOCUMENTS = {  # by year
    "gwr1978": ("gwr", "1978年"),
    "gwr1985": ("gwr", "1985年"),
    "gwr2000": ("gwr", "2000年"),
    "gwr2012": ("gwr", "2012年"),
    "gwr2016": ("gwr", "2016年"),
}
PROVINCES = {"prov2026_he": "2026-HE", "prov2026_hn": "2026-HN", "prov2026_jl": "2026-JL", "prov2026_ln": "2026-LN"}
ORDER = (*DOCUMENTS, *PROVINCES)
HELDOUT5 = ORDER[2::3]  # every third: gwr2000, prov2026_he, prov2026_ln


def main() -> None:
    write_excerpts(DOCUMENTS, FROM, LENGTH, HELDOUT5)
    with open(ROOT / "corpora" / "structure" / "provincial_reports.jsonl", encoding="utf-8") as fh:
        records = {r["id"]: r for r in map(json.loads, fh)}
    for doc_id, rec_id in PROVINCES.items():
        text = records[rec_id]["text"]
        (HERE / "reports" / f"{doc_id}.txt").write_text(_cut(text, FROM, LENGTH), encoding="utf-8")
        print(doc_id, records[rec_id]["title"], "held out" if doc_id in HELDOUT5 else "dev")


if __name__ == "__main__":
    main()
