"""Agreement of two hand labellings of four-character slogans (issue 12, fifth slogan pass).

    python bench/slogan_agreement.py [--diff]

The first labels are ``corpora/analysers-real/reports_original.jsonl`` (``labels_src.txt`` before the adjudication;
``--against adjudicated``: ``reports.jsonl``); the second, blind labelling is
``corpora/analysers-real/relabel_slog7.txt`` (same format: ``## id S`` then ``S phrase``, every occurrence of a phrase
in the excerpt). A span agrees when both labellings mark the same offsets. Precision and recall are those of the
second labeller taken as a system against the first; ``--diff`` prints every disagreement with its context.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "corpora" / "analysers-real"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_analysers import part_of  # noqa: E402


def second_labels(path: Path) -> dict[str, set[tuple[int, int]]]:
    """Offsets of the second labelling, per excerpt id."""
    out: dict[str, set[tuple[int, int]]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].split()[0]
            out[current] = set()
        elif line.startswith("S ") and current:
            phrase = line[2:].strip()
            text = (SET / "reports" / f"{current}.txt").read_text(encoding="utf-8")
            hits = [
                (m.start(), m.start() + len(phrase)) for m in re.finditer(re.escape(phrase), text)
            ]
            assert hits, (current, phrase)
            out[current] |= set(hits)
    return out


def first_labels(name: str = "reports_original.jsonl") -> dict[str, set[tuple[int, int]]]:
    """Offsets of the first labelling (``reports_original.jsonl``, before adjudication; or ``reports.jsonl``)."""
    out = {}
    for line in (SET / name).read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if "four_char" not in rec.get("labelled", ("four_char",)):
            continue
        out[Path(rec["file"]).stem] = {
            (s["start"], s["end"]) for s in rec["slogans"] if s["kind"] == "four_char"
        }
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--diff", action="store_true")
    ap.add_argument("--second", default=str(SET / "relabel_slog7.txt"))
    ap.add_argument(
        "--against",
        choices=("original", "adjudicated"),
        default="original",
        help="the first labels before adjudication (default) or the adjudicated ones",
    )
    args = ap.parse_args()
    name = "reports_original.jsonl" if args.against == "original" else "reports.jsonl"
    first, second = first_labels(name), second_labels(Path(args.second))
    totals: dict[str, list[int]] = {}
    for doc, b in second.items():
        a = first[doc]
        part = part_of(f"reports/{doc}.txt")
        for key in (part, "all"):
            t = totals.setdefault(key, [0, 0, 0])
            t[0] += len(a & b)
            t[1] += len(b - a)
            t[2] += len(a - b)
        if args.diff:
            text = (SET / "reports" / f"{doc}.txt").read_text(encoding="utf-8")
            for tag, spans in (("second only", b - a), ("first only", a - b)):
                for s, e in sorted(spans):
                    ctx = text[max(0, s - 10) : e + 10].replace("\n", " ")
                    print(f"{doc}\t{tag}\t{text[s:e]}\t{ctx}")
    for key, (tp, fp, fn) in sorted(totals.items()):
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        print(
            f"{key}: both {tp}, second only {fp}, first only {fn}: second vs first P {p:.3f} R {r:.3f};"
            f" F1 {2 * p * r / (p + r):.3f}"
        )


if __name__ == "__main__":
    main()
