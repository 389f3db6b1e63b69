"""The formula table of the dev labels (``slogan_formulas.tsv``) scored honestly on dev: leave one excerpt out.

    python bench/slogan_formulas_loo.py [--errors]

For every dev excerpt labelled for four-character slogans, the table is rebuilt from the other dev excerpts
(``build_slogan_formulas.formulas(exclude=...)``) and the finder scores that excerpt with it; the sums are the
dev figures the table would give on excerpts it was not built from. Also prints the figures with no table and
with the full table (in-sample) for comparison.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "reportnlp" / "data"))

from build_slogan_formulas import dev_records, formulas  # noqa: E402

from reportnlp.analysers import slogans  # noqa: E402


def _use(table: frozenset[str]) -> None:
    slogans._running_lexicon.cache_clear()
    slogans._formulas = lambda: table  # type: ignore[assignment]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", action="store_true", help="print the leave-one-out formula hits")
    args = ap.parse_args()
    full = slogans._formulas()
    numbered = {}
    for line in (
        (ROOT / "corpora" / "analysers-real" / "reports.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ):
        rec = json.loads(line)
        numbered[Path(rec["file"]).stem] = {
            (s["start"], s["end"]) for s in rec["slogans"] if s["kind"] == "numbered"
        }
    rows = {}
    for name in ("none", "leave-one-out", "in-sample"):
        tp = fp = fn = 0
        for doc, text, gold in dev_records():
            table = {"none": frozenset(), "in-sample": full}.get(name)
            if table is None:
                table = frozenset(formulas(exclude=[doc]))
            _use(table)
            found = {
                (s.start, s.end) for s in slogans.find_slogans(text) if s.kind == "four_char"
            } - numbered[doc]
            if args.errors and name == "leave-one-out":
                for s in slogans.find_slogans(text):
                    if s.evidence == ("formula",):
                        tag = "TP" if (s.start, s.end) in gold else "FP"
                        ctx = text[max(0, s.start - 8) : s.end + 8].replace("\n", " ")
                        print(f"{tag} {doc} {s.text} {ctx}")
            tp += len(found & gold)
            fp += len(found - gold)
            fn += len(gold - found)
        rows[name] = (tp / (tp + fp), tp / (tp + fn))
    for name, (p, r) in rows.items():
        print(f"dev four-character slogans, formula table {name:14}: P {p:.3f} R {r:.3f}")


if __name__ == "__main__":
    main()
