"""Build ``protected_places.txt``: the gazetteer names that script conversion would change.

Run from the repository root with the shared lexicons beside it::

    python reportnlp/data/build_protected_places.py ../shared/lexicons/admin-divisions

A name is listed when :func:`reportnlp.normalise.script.to_simplified` without protection changes it,
written as it is or inside a traditional clause (乾安县 → 干安县, 藉口镇 → 借口镇). County-and-above
names also give their stem without the type suffix when it has two or more characters (乾安). A
traditional spelling (OpenCC ``s2t``) is listed as ``spelling<TAB>name`` only where keeping the
protected characters is not enough to get the name back (昭餘鎮 → 昭馀镇, not 昭余镇).

Sources (see PROVENANCE.md): modood/Administrative-divisions-of-China (2022, WTFPL) provinces, cities,
areas, streets; cn/GB2260-derived county-and-above names 1980–2022.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from opencc import OpenCC

_SUFFIX = re.compile(r"(?:自治县|自治旗|特区|林区|矿区|县|市|区|旗)$")
_FORCE = "國"  # a traditional character that makes the clause it opens be converted

HEADER = """\
# Place names that script conversion must not change (simplified, as in the gazetteer), one a line;
# "spelling<TAB>name" gives a traditional spelling and the name it stands for.
# Built by build_protected_places.py from the admin-divisions gazetteer (WTFPL, see PROVENANCE.md).
"""


def _names(src: Path) -> tuple[set[str], set[str]]:
    """``(all names, county-and-above names)`` of the gazetteer."""
    county: set[str] = set()
    for fname in ("provinces.csv", "cities.csv", "areas.csv"):
        with open(src / fname, encoding="utf-8") as fh:
            county.update(row["name"] for row in csv.DictReader(fh))
    with open(src / "county_and_above_names_1980_2022.tsv", encoding="utf-8") as fh:
        county.update(line.split("\t", 1)[0] for line in fh if not line.startswith(("#", "name\t")))
    with open(src / "streets.csv", encoding="utf-8") as fh:
        towns = {row["name"] for row in csv.DictReader(fh)}
    return county | towns, county


def _changed(name: str) -> bool:
    from reportnlp.normalise.script import to_simplified

    plain = to_simplified(name, protect=False)[0]
    forced = to_simplified(_FORCE + name, protect=False)[0][1:]
    return plain != name or forced != name


def build(src: Path) -> list[str]:
    from reportnlp.normalise.script import to_simplified

    names, county = _names(src)
    affected = {n for n in names if _changed(n)}
    stems = {
        stem
        for n in affected & county
        if len(stem := _SUFFIX.sub("", n)) >= 2 and stem != n and _changed(stem)
    }
    s2t = OpenCC("s2t")
    spellings: list[str] = []
    for n in sorted(names):
        trad = s2t.convert(n)
        if trad == n or len(trad) != len(n):
            continue
        out = to_simplified(trad, protect=False)[0]
        # the protection keeps characters written as in the name; other differences need the spelling
        if any(t != c and o != c for t, c, o in zip(trad, n, out)):
            spellings.append(f"{trad}\t{n}")
            affected.add(n)
    return sorted(affected | stems) + spellings


if __name__ == "__main__":
    sys.path.insert(
        0, str(Path(__file__).resolve().parents[2])
    )  # the repository, when not installed
    out = Path(__file__).with_name("protected_places.txt")
    out.write_text(HEADER + "\n".join(build(Path(sys.argv[1]))) + "\n", encoding="utf-8")
