"""Score find_placeholders against a labelled set: precision, recall, type accuracy, and every error.

    python bench/eval_placeholders.py [--dir tests/cases/masks_blind] [--labels labels.jsonl]

The set is a folder of UTF-8 texts and ``labels.jsonl`` (``{"file", "masks": [{"start","end","text","type"}]}``,
offsets into the file's text). A detection counts when its offsets equal a label's.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from reportnlp.analysers import find_placeholders

ROOT = Path(__file__).resolve().parent.parent


def score(
    directory: Path,
    verbose: bool = True,
    labels: str = "labels.jsonl",
    files: set[str] | None = None,
) -> dict[str, float]:
    """Scores over the set (or over ``files`` of it only); prints every error when ``verbose``."""
    tp = fp = fn = typed = 0
    for line in (directory / labels).read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if files is not None and rec["file"] not in files:
            continue
        text = (directory / rec["file"]).read_text(encoding="utf-8")
        gold = {(m["start"], m["end"]): m["type"] for m in rec["masks"]}
        found = {(p.start, p.end): p.type for p in find_placeholders(text)}

        def ctx(k: tuple[int, int], text: str = text) -> str:
            return text[max(0, k[0] - 6) : k[1] + 6].replace("\n", " ")

        for k, t in sorted(found.items()):
            if k in gold:
                tp += 1
                typed += t == gold[k]
                if verbose and t != gold[k]:
                    print(f"TYPE {rec['file']} {ctx(k)!r} gold {gold[k]} found {t}")
            else:
                fp += 1
                if verbose:
                    print(f"FP   {rec['file']} {ctx(k)!r} {t}")
        for k, t in sorted(gold.items()):
            if k not in found:
                fn += 1
                if verbose:
                    print(f"FN   {rec['file']} {ctx(k)!r} {t}")
    return {
        "gold": tp + fn,
        "precision": tp / max(tp + fp, 1),
        "recall": tp / max(tp + fn, 1),
        "type_accuracy": typed / max(tp, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=ROOT / "tests" / "cases" / "masks_blind")
    ap.add_argument("--labels", default="labels.jsonl", help="labels file in --dir")
    args = ap.parse_args()
    s = score(args.dir, labels=args.labels)
    print(
        f"gold {s['gold']}  precision {s['precision']:.3f}  recall {s['recall']:.3f}  "
        f"type accuracy {s['type_accuracy']:.3f}"
    )


if __name__ == "__main__":
    main()
