"""Write masks.jsonl from the hand decisions below: one letter per candidate mask run of a page, in text order.

The candidates are every run of mask characters (``x X × ＊ * 某 _``, with a masked decimal ``xx.x`` and a year's leading digits ``20xx``) in the page;
a person read each in context and wrote its letter: n number, y year, m name, r redaction, - not a mask.
This script only turns those decisions into offsets (``python corpora/analysers-real/label_masks.py``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
CANDIDATE = re.compile(r"(?:(?:19|20)[0-9]?)?[xX×＊*某_]+(?:[.．][xX×*]+)?")
TYPES = {"n": "number", "y": "year", "m": "name", "r": "redaction"}
DECISIONS = {
    "p01": "my" + "m" * 11 + "m" * 6 + "nnnnn" + "mm" + "nnnn" + "y" + "nn" + "y" + "m",
    "p02": "mmmmmm",
    "p03": "yy",
    "p04": "nnnmnmnnnmmmnnnnnnnmmnmnnmn",
    "p05": "ynnymynnnnmmmmnynnnnnnnn",
    "p06": "yyrmrmm" + "n" * 14 + "m" + "n" * 4 + "m" + "n" * 5 + "mm",
    "p07": "mmmmm",
    "p08": "mmmm",
    "p09": "y",
    "p10": "yyyymnnnnnnnmnn",
    "p11": "mm",
    "p12": "mymm",
    "p13": "mmm",
    "p14": "mmm",
    "p15": "mm",
    "p16": "m-m",
    "p17": "mm",
    "p18": "yy",
    "p19": "yynnnnn",
    "p20": "y",
    "p21": "yr",
    "p22": "mynnnnnnnnmmnmnmnnnnnm",
    "p23": "mm" + "n" * 15 + "m",
    "p24": "m" * 13,
    "p25": "mm" + "n" * 13 + "m" + "nn" + "mmmm" + "n",
    "p26": "mmmnnnnmnnmn",
    "p27": "mmmnn",
    "p28": "ynmm" + "n" * 14 + "mnmmmmnm",
    "p29": "mmm",
    "p30": "m",
    "p31": "m",
    "p32": "nn" + "m" * 6,
    # dev pages added by the an3 helper (issue 12 second pass), never held out
    "d01": "ryyyrrr",
    "d02": "myyy",
    "d03": "ym",
    "d04": "yy",
    "d05": "mymyy",
    "d06": "mmy" + "n" * 21 + "m",
    "d07": "yy",
    "d08": "mnymmm",
    "d09": "m" * 9 + "n" * 6 + "m" + "n" + "m" * 5 + "n" + "m" * 5,
    "d11": "m" * 10,
    "d12": "mmmm",
    "d14": "mm",
    "d15": "yy",
    "d16": "m" * 9,
    "d17": "mnnrmynyn" + "m" * 8,
    "d18": "nyy",
    "d19": "n" * 8,
    "d20": "mmmmm" + "n" * 9 + "mnmn" + "mm" + "nnnn" + "mmm",
    "d21": "yy",
    "d22": "mmmmymmymymmmmmmmm",
    "d23": "nnn",
    "d24": "n" * 20,
    "d25": "mm",
    "d26": "n" * 17 + "mmm" + "n" + "m" * 6 + "nnnn" + "n" * 9,
    "d27": "m" + "n" * 7 + "m" * 6 + "n" * 7,
    "d28": "ymymr",
}


def main() -> None:
    rows = []
    for path in sorted((HERE / "pages").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = list(CANDIDATE.finditer(text))
        decisions = DECISIONS.get(path.stem, "")
        assert len(found) == len(decisions), (path.stem, len(found), len(decisions))
        masks = []
        for m, d in zip(found, decisions):
            if d == "-":
                continue
            start = m.start()
            if d != "y":  # the digits of a year (202x) belong to a year mask only
                start += len(m.group()) - len(m.group().lstrip("0123456789"))
            masks.append(
                {"start": start, "end": m.end(), "text": text[start : m.end()], "type": TYPES[d]}
            )
        rows.append({"file": f"pages/{path.name}", "masks": masks})
    with open(HERE / "masks.jsonl", "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} pages, {sum(len(r['masks']) for r in rows)} masks")


if __name__ == "__main__":
    main()
