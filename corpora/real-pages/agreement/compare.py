"""Compare the second, independent labelling (``spec_b.txt``) with the set's labels, line by line.

    python corpora/real-pages/agreement/compare.py [--labels ../labels.jsonl] [--json OUT]

For the pages of ``spec_b.txt``: per label (title, meta, content, either, drop) the lines each labelling gives
it and the positive agreement 2|A∩B| / (|A|+|B|); raw agreement over all labelled lines; Cohen's kappa on body
(content + title) vs boilerplate (drop + meta), over lines neither labelling calls ``either`` (the split that
``bench/eval_boilerplate.py`` scores); title agreement (pages whose title line is the same, null included);
metadata fields (page, field) in either labelling, and how many have the same value. Lists every disagreement.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_labels import page_lines, parse_specs, to_row  # noqa: E402

LABELS = ("title", "meta", "content", "either", "drop")


def line_labels(row: dict) -> dict[int, str]:
    out = {n: kind for kind in ("meta", "content", "either", "drop") for n in row["lines"][kind]}
    if row["lines"]["title"] is not None:
        out[row["lines"]["title"]] = "title"
    return out


def kappa(pairs: list[tuple[bool, bool]]) -> float:
    n = len(pairs)
    po = sum(a == b for a, b in pairs) / n
    pa = sum(a for a, _ in pairs) / n
    pb = sum(b for _, b in pairs) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def compare(rows_a: dict[str, dict], rows_b: list[dict]) -> dict:
    count_a: Counter = Counter()
    count_b: Counter = Counter()
    both: Counter = Counter()
    pairs: list[tuple[bool, bool]] = []
    same_lines = total_lines = 0
    titles_same = 0
    fields_same = fields_all = 0
    diffs: list[dict] = []
    for rb in rows_b:
        ra = rows_a[rb["doc"]]
        la, lb = line_labels(ra), line_labels(rb)
        lines = page_lines(rb["doc"])
        for n in sorted(set(la) | set(lb)):
            a, b = la.get(n, "-"), lb.get(n, "-")
            count_a[a] += 1
            count_b[b] += 1
            total_lines += 1
            if a == b:
                both[a] += 1
                same_lines += 1
            else:
                diffs.append({"doc": rb["doc"], "line": n, "set": a, "second": b, "text": lines[n - 1][:60]})
            if "either" not in (a, b):
                pairs.append((a in ("content", "title"), b in ("content", "title")))
        titles_same += ra["lines"]["title"] == rb["lines"]["title"]
        for fld in sorted(set(ra["meta"]) | set(rb["meta"])):
            fields_all += 1
            if ra["meta"].get(fld) == rb["meta"].get(fld):
                fields_same += 1
            else:
                diffs.append({"doc": rb["doc"], "field": fld, "set": ra["meta"].get(fld),
                              "second": rb["meta"].get(fld)})
    per_label = {
        k: {"set": count_a[k], "second": count_b[k], "both": both[k],
            "agreement": round(2 * both[k] / (count_a[k] + count_b[k]), 4) if count_a[k] + count_b[k] else None}
        for k in LABELS
    }
    return {
        "pages": len(rows_b), "lines": total_lines, "raw_agreement": round(same_lines / total_lines, 4),
        "per_label": per_label, "kappa_body_vs_boilerplate": round(kappa(pairs), 4), "kappa_lines": len(pairs),
        "titles_same": titles_same, "fields_same": fields_same, "fields": fields_all, "disagreements": diffs,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", type=Path, default=HERE.parent / "labels.jsonl")
    ap.add_argument("--spec", type=Path, default=HERE / "spec_b.txt")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    rows_a = {r["doc"]: r for r in map(json.loads, args.labels.read_text(encoding="utf-8").splitlines()) if r}
    rows_b = []
    for block in parse_specs(args.spec.read_text(encoding="utf-8"), args.spec.name):
        a = rows_a[block["doc"]]
        block.update({k: a[k] for k in ("site", "kind", "split", "source")})
        rows_b.append(to_row(block))
    res = compare(rows_a, rows_b)
    print(f"{res['pages']} pages, {res['lines']} lines; raw agreement {res['raw_agreement']:.4f}; "
          f"kappa body/boilerplate {res['kappa_body_vs_boilerplate']:.4f} over {res['kappa_lines']} lines")
    for k, v in res["per_label"].items():
        print(f"  {k:<8} set {v['set']:>4}  second {v['second']:>4}  both {v['both']:>4}  agreement {v['agreement']}")
    print(f"  titles same {res['titles_same']}/{res['pages']}; meta fields same {res['fields_same']}/{res['fields']}")
    for d in res["disagreements"]:
        print("  DIFF", json.dumps(d, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
