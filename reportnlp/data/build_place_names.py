"""Build ``place_names.txt``: province-, prefecture- and county-level names of China, one per line.

Run from the repository root with the shared lexicons beside it::

    python reportnlp/data/build_place_names.py ../shared/lexicons/admin-divisions

Sources (see PROVENANCE.md): modood/Administrative-divisions-of-China (2022, WTFPL) provinces, cities,
areas; cn/GB2260-derived county-and-above names 1980–2022. Used to recognise SEO lists of place names.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path


def build(src: Path) -> list[str]:
    names: set[str] = set()
    for fname in ("provinces.csv", "cities.csv", "areas.csv"):
        with open(src / fname, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                names.add(row["name"])
    with open(src / "county_and_above_names_1980_2022.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("name\t"):
                continue
            names.add(line.split("\t", 1)[0])
    names.discard("市辖区")
    names.discard("县")
    return sorted(n for n in names if len(n) >= 2)


if __name__ == "__main__":
    out = Path(__file__).with_name("place_names.txt")
    out.write_text("\n".join(build(Path(sys.argv[1]))) + "\n", encoding="utf-8")
