"""Evaluate the line decisions of ``reportnlp.clean`` against hand-labelled pages.

    python bench/eval_boilerplate.py [--pages tests/cases/pages] [--labels PAGES/labels.jsonl] [--json OUT]

Every page (``<stem>.txt`` next to the labels) is cleaned from its bytes and each labelled raw line is compared
with the action ``clean`` gave it:

- ``content`` expects ``keep`` or ``title``; ``title`` expects ``title``; ``drop`` expects ``drop``;
  ``meta`` expects ``meta``; ``either`` is not scored.
- content-line recall: content lines kept (``keep`` or ``title``) / content lines.
- boilerplate precision / recall / F1: boilerplate = gold ``drop`` ∪ ``meta``; predicted boilerplate = lines
  with action ``drop`` or ``meta``; scored over the labelled, non-``either`` lines (the title line included).
- title accuracy: a page is right when the lines given ``title`` are exactly its gold title line (none when
  the gold title is null).
- metadata field accuracy: each field of the gold ``meta`` object compared with ``doc.meta`` exactly.

Prints per-page figures, the pooled (micro) figures, the metadata misses and every misclassified line
(page, line, gold, predicted, reason, text). Also runs on the seed gold:
``--pages tests/fixtures/seeds --labels tests/fixtures/gold/seeds.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from reportnlp import clean

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = {
    "content": {"keep", "title"},
    "title": {"title"},
    "drop": {"drop"},
    "meta": {"meta"},
}
BOILERPLATE_ACTIONS = {"drop", "meta"}


@dataclass
class LineError:
    page: str
    line: int
    gold: str
    predicted: str
    reason: str
    text: str

    @property
    def kind(self) -> str:
        pred_bp = self.predicted in BOILERPLATE_ACTIONS
        if self.gold == "content":
            return "content lost" if pred_bp else "content line read as title"
        if self.gold == "title":
            return "title missed"
        if self.gold in BOILERPLATE_ACTIONS:
            if pred_bp:
                return "drop/meta swapped"
            return "boilerplate kept" if self.predicted == "keep" else "boilerplate made title"
        return "other"


@dataclass
class PageScore:
    page: str
    content: int = 0
    content_kept: int = 0
    tp: int = 0  # boilerplate predicted as boilerplate
    fp: int = 0  # non-boilerplate predicted as boilerplate
    fn: int = 0  # boilerplate not predicted as boilerplate
    title_ok: bool = True
    gold_title: int | None = None
    predicted_title: list[int] = field(default_factory=list)
    meta_total: int = 0
    meta_ok: int = 0
    meta_misses: list[tuple[str, str, str | None]] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def load_labels(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score_page(path: Path, gold: dict) -> PageScore:
    raw = path.read_bytes()
    doc = clean(raw, id=path.stem)
    raw_text = raw.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    raw_lines = raw_text.split("\n")
    actions = {d.line: d for d in doc.lines}
    labels = gold["lines"]
    s = PageScore(page=path.stem, gold_title=labels["title"])

    kinds: dict[int, str] = {}
    if labels["title"] is not None:
        kinds[labels["title"]] = "title"
    for kind in ("content", "drop", "meta", "either"):
        for n in labels[kind]:
            if n in kinds:
                raise SystemExit(f"{path.stem}: line {n} is labelled twice ({kinds[n]}, {kind})")
            kinds[n] = kind
    for n, text in enumerate(raw_lines, 1):
        if text.strip(" \t\u3000\u200b\xa0") and n not in kinds:
            raise SystemExit(f"{path.stem}: non-blank line {n} has no label: {text[:60]!r}")

    for n, kind in sorted(kinds.items()):
        d = actions.get(n)
        action = d.action if d else "missing"
        reason = d.reason if d else "-"
        if kind == "either":
            continue
        gold_bp = kind in BOILERPLATE_ACTIONS
        pred_bp = action in BOILERPLATE_ACTIONS
        if kind == "content":
            s.content += 1
            s.content_kept += action in EXPECTED["content"]
        s.tp += gold_bp and pred_bp
        s.fp += (not gold_bp) and pred_bp
        s.fn += gold_bp and not pred_bp
        if action not in EXPECTED[kind]:
            text = raw_lines[n - 1] if n - 1 < len(raw_lines) else ""
            s.errors.append(LineError(path.stem, n, kind, action, reason, text.strip()))

    s.predicted_title = [d.line for d in doc.lines if d.action == "title"]
    expected_title = [labels["title"]] if labels["title"] is not None else []
    s.title_ok = s.predicted_title == expected_title
    for fld, value in gold.get("meta", {}).items():
        s.meta_total += 1
        got = doc.meta.get(fld)
        if got == value:
            s.meta_ok += 1
        else:
            s.meta_misses.append((fld, value, got))
    return s


def score_set(pages: Path, labels_path: Path | None = None) -> tuple[list[PageScore], dict]:
    """Score every labelled page of ``pages``; return the page scores and the pooled figures."""
    scores = []
    for gold in load_labels(labels_path or pages / "labels.jsonl"):
        path = pages / f"{gold['doc']}.txt"
        if not path.exists():
            raise SystemExit(f"missing page {path}")
        scores.append(score_page(path, gold))
    content = sum(s.content for s in scores)
    kept = sum(s.content_kept for s in scores)
    tp, fp, fn = (sum(getattr(s, k) for s in scores) for k in ("tp", "fp", "fn"))
    p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
    meta_total = sum(s.meta_total for s in scores)
    overall = {
        "pages": len(scores),
        "content_lines": content,
        "content_kept": kept,
        "content_recall": ratio(kept, content),
        "boilerplate_lines": tp + fn,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "boilerplate_precision": p,
        "boilerplate_recall": r,
        "boilerplate_f1": f1(p, r),
        "titles_ok": sum(s.title_ok for s in scores),
        "title_accuracy": ratio(sum(s.title_ok for s in scores), len(scores)),
        "meta_fields": meta_total,
        "meta_ok": sum(s.meta_ok for s in scores),
        "meta_field_accuracy": ratio(sum(s.meta_ok for s in scores), meta_total),
        "errors": sum(len(s.errors) for s in scores),
    }
    return scores, overall


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=Path, default=ROOT / "tests" / "cases" / "pages")
    ap.add_argument("--labels", type=Path, default=None, help="default: PAGES/labels.jsonl")
    ap.add_argument("--json", type=Path, default=None, help="also write scores and errors as JSON")
    ap.add_argument("--width", type=int, default=70, help="characters of line text shown per error")
    args = ap.parse_args(argv)
    scores, overall = score_set(args.pages, args.labels)

    head = f"{'page':<24}{'content':>8}{'recall':>8}{'bp':>5}{'P':>7}{'R':>7}{'F1':>7}  title  meta"
    print(head)
    print("-" * len(head))
    for s in scores:
        p, r = ratio(s.tp, s.tp + s.fp), ratio(s.tp, s.tp + s.fn)
        title = "ok" if s.title_ok else f"gold {s.gold_title} got {s.predicted_title or '-'}"
        meta = f"{s.meta_ok}/{s.meta_total}" if s.meta_total else "-"
        print(
            f"{s.page:<24}{s.content:>8}{fmt(ratio(s.content_kept, s.content)):>8}{s.tp + s.fn:>5}"
            f"{fmt(p):>7}{fmt(r):>7}{fmt(f1(p, r)):>7}  {title:<5}  {meta}"
        )

    content, kept = overall["content_lines"], overall["content_kept"]
    tp, fp, fn = overall["tp"], overall["fp"], overall["fn"]
    p, r = overall["boilerplate_precision"], overall["boilerplate_recall"]
    titles_ok, meta_ok, meta_total = (
        overall["titles_ok"],
        overall["meta_ok"],
        overall["meta_fields"],
    )
    errors = [e for s in scores for e in s.errors]
    print()
    print(f"OVERALL ({len(scores)} pages, pooled over lines)")
    print(f"  content-line recall    {fmt(overall['content_recall'])}  ({kept}/{content})")
    print(
        f"  boilerplate P / R / F1 {fmt(p)} / {fmt(r)} / {fmt(overall['boilerplate_f1'])}"
        f"  (tp {tp}, fp {fp}, fn {fn})"
    )
    print(
        f"  title accuracy         {fmt(overall['title_accuracy'])}  ({titles_ok}/{len(scores)} pages)"
    )
    print(
        f"  metadata field acc.    {fmt(overall['meta_field_accuracy'])}  ({meta_ok}/{meta_total} fields)"
    )

    misses = [(s.page, *m) for s in scores for m in s.meta_misses]
    if misses:
        print()
        print("METADATA MISSES (page, field, gold, got)")
        for page, fld, want, got in misses:
            print(f"  {page:<22} {fld:<7} {want!r:<24} {got!r}")

    print()
    print(f"MISCLASSIFIED LINES ({len(errors)})")
    if errors:
        print(f"  {'page':<22}{'line':>5}  {'gold':<8}{'pred':<8}{'reason':<22}text")
        for kind in (
            "content lost",
            "boilerplate kept",
            "title missed",
            "boilerplate made title",
            "content line read as title",
            "drop/meta swapped",
            "other",
        ):
            group = [e for e in errors if e.kind == kind]
            if not group:
                continue
            print(f"  -- {kind} ({len(group)})")
            for e in group:
                text = e.text if len(e.text) <= args.width else e.text[: args.width] + "…"
                print(f"  {e.page:<22}{e.line:>5}  {e.gold:<8}{e.predicted:<8}{e.reason:<22}{text}")

    if args.json:
        out = {
            "overall": overall,
            "pages": [
                {k: v for k, v in asdict(s).items() if k != "errors"}
                | {"errors": [asdict(e) | {"kind": e.kind} for e in s.errors]}
                for s in scores
            ],
        }
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
