"""Write reports.jsonl from the hand labels in labels_src.txt (offsets only: every decision is in that file).

    python corpora/analysers-real/label_reports.py

A slogan line labels every occurrence of its phrase in the excerpt; a metric line labels the next occurrence of its
surface after the previous metric (not inside a longer number: ``5%`` is not found in ``5.5%``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
_NUMBER_CHARS = "0-9.零〇一二两三四五六七八九十百千万亿"


KINDS = {"S": "four_char", "N": "numbered", "M": "metrics"}


def parse(path: Path) -> dict[str, list[tuple[str, str]]]:
    """Label lines per excerpt; a header ``## id N M`` names the kinds labelled there (all when it names none),
    kept as the entry ``("KINDS", "N M")``."""
    docs: dict[str, list[tuple[str, str]]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            doc_id, *kinds = line[3:].split()
            current = docs.setdefault(doc_id, [("KINDS", " ".join(kinds or KINDS))])
        elif line and not line.startswith("#"):
            tag, _, rest = line.partition(" ")
            current.append((tag, rest.strip()))
    return docs


def main() -> None:
    rows = []
    for doc_id, entries in parse(HERE / "labels_src.txt").items():
        text = (HERE / "reports" / f"{doc_id}.txt").read_text(encoding="utf-8")
        slogans, metrics, pos = [], [], 0
        labelled = [KINDS[k] for k in entries[0][1].split()]
        for tag, rest in entries[1:]:
            assert KINDS[tag] in labelled, (doc_id, tag)
            if tag in ("S", "N"):
                kind = "four_char" if tag == "S" else "numbered"
                hits = [m.start() for m in re.finditer(re.escape(rest), text)]
                assert hits, (doc_id, rest)
                slogans += [
                    {"start": s, "end": s + len(rest), "text": rest, "kind": kind} for s in hits
                ]
            else:
                surface, _, thing = rest.partition("|")
                pattern = re.compile(rf"(?<![{_NUMBER_CHARS}]){re.escape(surface)}(?![0-9])")
                m = pattern.search(text, pos)
                assert m, (doc_id, surface, pos)
                metrics.append(
                    {"start": m.start(), "end": m.end(), "text": surface, "thing": thing.split("/")}
                )
                pos = m.start() + 1
        slogans.sort(key=lambda s: s["start"])
        row = {"file": f"reports/{doc_id}.txt", "slogans": slogans, "metrics": metrics}
        if len(labelled) < len(KINDS):
            row["labelled"] = labelled  # the kinds scored in this excerpt
        rows.append(row)
    with open(HERE / "reports.jsonl", "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    n_s = sum(len(r["slogans"]) for r in rows)
    n_m = sum(len(r["metrics"]) for r in rows)
    print(f"{len(rows)} excerpts, {n_s} slogans, {n_m} metrics")


if __name__ == "__main__":
    main()
