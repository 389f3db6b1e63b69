"""Cut the eighth metric pass's excerpts (th12 helper, issue 12): metrics and their things on reports not yet in the set.

    python corpora/analysers-real/extract_metrics8.py

Rule fixed and committed before reading: the fifth pass's (``FROM = 0.08``, ``LENGTH = 800``: the review of the past
year or period, where the quantities are). Documents: the three State Council reports of ``corpora/gwr/`` of the
reform era and after none of whose text is in the set (1980, 1982, 2002), listed by year, then five 2026 provincial
reports of ``corpora/structure/provincial_reports.jsonl`` (already clean text), the first five in file order of a
province with no excerpt in any earlier pass (Shanghai, Shanxi, Tianjin, Xinjiang, Tibet). **Every other** of the
eight (the 2nd, 4th, 6th and 8th: ``gwr1982_m``, ``prov2026_sh_m``, ``prov2026_tj_m``, ``prov2026_xz_m``) forms a
new held-out part, ``heldout6m``, fixed before reading, never tuned on, its errors never read; the other four extend
dev (``dev8m`` scores them alone). Labels in ``labels_src.txt``: metrics only (``## id M``), labelled from the text
alone, blind to any output. The ids end in ``_m``: the eighth slogan pass (``extract_slogans8.py``, cut in parallel)
took seven of the same documents at another position (85 %) under the plain ids; the rule and the text are
unchanged by the rename.
"""

from __future__ import annotations

import json

from extract_more import _cut
from extract_reports import HERE, ROOT
from extract_third import write_excerpts

LENGTH = 800
FROM = 0.08
DOCUMENTS = {  # by year
    "gwr1980_m": ("gwr", "1980年"),
    "gwr1982_m": ("gwr", "1982年"),
    "gwr2002_m": ("gwr", "2002年"),
}
PROVINCES = {
    "prov2026_sh_m": "2026-SH",
    "prov2026_sx_m": "2026-SX",
    "prov2026_tj_m": "2026-TJ",
    "prov2026_xj_m": "2026-XJ",
    "prov2026_xz_m": "2026-XZ",
}
ORDER = (*DOCUMENTS, *PROVINCES)
HELDOUT6M = ORDER[1::2]  # every other: gwr1982_m, prov2026_sh_m, prov2026_tj_m, prov2026_xz_m


def main() -> None:
    write_excerpts(DOCUMENTS, FROM, LENGTH, HELDOUT6M)
    with open(ROOT / "corpora" / "structure" / "provincial_reports.jsonl", encoding="utf-8") as fh:
        records = {r["id"]: r for r in map(json.loads, fh)}
    for doc_id, rec_id in PROVINCES.items():
        text = records[rec_id]["text"]
        (HERE / "reports" / f"{doc_id}.txt").write_text(_cut(text, FROM, LENGTH), encoding="utf-8")
        print(doc_id, records[rec_id]["title"], "held out" if doc_id in HELDOUT6M else "dev")


if __name__ == "__main__":
    main()
