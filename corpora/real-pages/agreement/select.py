"""Pick the pages of the inter-annotator check (fixed seed, stratified by kind); prints the list.

    python corpora/real-pages/agreement/select.py

One page of every kind, plus a second and third news page and a second template page (the two largest
kinds), drawn with ``random.Random(20261206)`` from the rows of ``labels.jsonl`` as they stood before the
check (sorted by doc id within each kind; pages added later, whose ``raw`` is under ``corpora/``, are left
out so the draw stays the same).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
PER_KIND = {"gov_report": 1, "gov_notice": 1, "news": 3, "template": 2, "wenku": 1, "forum": 1, "qa": 1,
            "blog": 1, "encyclopedia": 1}
SEED = 20261206


def select(rows: list[dict]) -> list[str]:
    rng = random.Random(SEED)
    out: list[str] = []
    for kind, k in PER_KIND.items():
        docs = sorted(r["doc"] for r in rows if r["kind"] == kind and not r.get("raw", "").startswith("corpora/"))
        out += sorted(rng.sample(docs, k))
    return out


if __name__ == "__main__":
    rows = [json.loads(s) for s in (HERE.parent / "labels.jsonl").read_text(encoding="utf-8").splitlines() if s]
    for doc in select(rows):
        print(doc)
