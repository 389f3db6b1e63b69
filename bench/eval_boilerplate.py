"""Evaluate the line decisions of ``reportnlp.clean`` against hand-labelled pages.

    python bench/eval_boilerplate.py [--pages tests/cases/pages] [--labels PAGES/labels.jsonl] [--json OUT]
    python bench/eval_boilerplate.py --pages corpora/real-pages/pages \
        --labels corpora/real-pages/labels.jsonl --split dev [--kind gov_report] [--no-lines]

Every page (``<stem>.txt`` next to the labels) is cleaned from its bytes and each labelled raw line is compared
with the action ``clean`` gave it:

- ``content`` expects ``keep`` or ``title``; ``title`` expects ``title``; ``drop`` expects ``drop``;
  ``meta`` expects ``meta``; ``either`` is not scored.
- content-line recall: content lines kept (``keep`` or ``title``) / content lines.
- boilerplate precision / recall / F1: boilerplate = gold ``drop`` ∪ ``meta``; predicted boilerplate = lines
  with action ``drop`` or ``meta``; scored over the labelled, non-``either`` lines (the title line included).
- title accuracy: a page is right when the lines given ``title`` are exactly its gold title line (none when
  the gold title is null).
- metadata field accuracy: each field of the gold ``meta`` object compared with ``doc.meta`` exactly, or with
  the gold value normalised as ``clean`` normalises text (the labels keep a traditional page's own script);
  an ``author`` also as the same names in the same order, however separated (``李源、胡弦、杨然`` = ``李源 胡弦 杨然``)
  (``date``, ``source``, ``site``, ``author``, ``doc_number``, ``issuer``, ``written_date`` …), also per field.

A label row may carry ``kind`` (gov_report, news, template, forum …) and ``split`` (dev, heldout): ``--split``
scores one split only, and the figures are also given per kind. Rows of the held-out split are scored with
``--split heldout`` only, and their errors are not printed unless ``--show-heldout-errors`` is given.

Prints per-page figures, the pooled (micro) figures, the metadata misses and every misclassified line
(page, line, gold, predicted, reason, text). Also runs on the seed gold:
``--pages tests/fixtures/seeds --labels tests/fixtures/gold/seeds.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from reportnlp import clean
from reportnlp.normalise import normalise_text

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
    meta_fields: dict[str, list[int]] = field(default_factory=dict)  # field: [ok, total]
    kind: str = "-"
    errors: list[LineError] = field(default_factory=list)


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


_NAME_SEPARATORS = re.compile(r"[\s\u3000、，,;；/]+")


def _names(value: str) -> list[str]:
    """An author field's names in order: ``李源、胡弦、杨然`` and ``李源 胡弦 杨然`` name the same three people;
    a name spaced out to its column (``殷 勇``, ``栗 俊 昌``: single characters) is one name (``殷勇``)."""
    names = [n for n in _NAME_SEPARATORS.split(value) if n]
    return ["".join(names)] if 2 <= len(names) <= 4 and all(len(n) == 1 for n in names) else names


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
        counts = s.meta_fields.setdefault(fld, [0, 0])
        counts[1] += 1
        # the labels keep the page's own script; clean gives simplified text (pinyin removed)
        if got == value or (got is not None and got == normalise_text(value).text.strip()) or (
            fld == "author" and got is not None and _names(got) == _names(normalise_text(value).text)
        ):
            s.meta_ok += 1
            counts[0] += 1
        else:
            s.meta_misses.append((fld, value, got))
    return s


def select(
    rows: list[dict], split: str | None = None, kind: str | None = None, note: str | None = None
) -> list[dict]:
    """The label rows of one split (rows without a ``split`` key are dev rows), kind and ``note`` prefix
    (``heldout2``: the second held-out set of corpora/real-pages; ``!heldout3``: every row but those;
    several terms joined by commas must all hold: ``!heldout4,!heldout5``).

    >>> rows = [{"doc": "a", "split": "heldout"}, {"doc": "b", "split": "heldout", "note": "heldout3: …"}]
    >>> [r["doc"] for r in select(rows, "heldout", note="heldout3")], [r["doc"] for r in select(rows, note="!heldout3")]
    (['b'], ['a'])
    >>> [r["doc"] for r in select(rows + [{"doc": "c", "note": "heldout5: …"}], note="!heldout3,!heldout5")]
    ['a']
    """
    terms = [(t.startswith("!"), t.lstrip("!")) for t in note.split(",")] if note else []
    return [
        r
        for r in rows
        if (split is None or r.get("split", "dev") == split)
        and (kind is None or r.get("kind") == kind)
        and all(r.get("note", "").startswith(prefix) != neg for neg, prefix in terms)
    ]


def score_set(
    pages: Path,
    labels_path: Path | None = None,
    *,
    split: str | None = None,
    kind: str | None = None,
    note: str | None = None,
) -> tuple[list[PageScore], dict]:
    """Score every labelled page of ``pages`` (of one ``split`` and ``kind`` when given); return the page
    scores and the pooled figures."""
    scores = []
    for gold in select(load_labels(labels_path or pages / "labels.jsonl"), split, kind, note):
        path = pages / f"{gold['doc']}.txt"
        if not path.exists():
            raise SystemExit(f"missing page {path}")
        s = score_page(path, gold)
        s.kind = gold.get("kind", "-")
        scores.append(s)
    return scores, pool(scores)


def pool(scores: list[PageScore]) -> dict:
    """The pooled (micro) figures of some page scores."""
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
    fields: dict[str, list[int]] = {}
    for s in scores:
        for fld, (ok, total) in s.meta_fields.items():
            acc = fields.setdefault(fld, [0, 0])
            acc[0] += ok
            acc[1] += total
    overall["meta_by_field"] = {k: {"ok": v[0], "total": v[1]} for k, v in sorted(fields.items())}
    return overall


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=Path, default=ROOT / "tests" / "cases" / "pages")
    ap.add_argument("--labels", type=Path, default=None, help="default: PAGES/labels.jsonl")
    ap.add_argument("--json", type=Path, default=None, help="also write scores and errors as JSON")
    ap.add_argument("--width", type=int, default=70, help="characters of line text shown per error")
    ap.add_argument(
        "--split", default=None, help="score the rows of this split only (dev, heldout)"
    )
    ap.add_argument(
        "--kind", default=None, help="score the rows of this kind only (gov_report, news …)"
    )
    ap.add_argument(
        "--note",
        default=None,
        help="score the rows whose note starts with this only (heldout2); !PREFIX: all rows but those; "
        "several, comma-separated, must all hold (!heldout4,!heldout5)",
    )
    ap.add_argument("--no-lines", action="store_true", help="do not print the misclassified lines")
    ap.add_argument(
        "--show-heldout-errors",
        action="store_true",
        help="print the errors of held-out rows too (only once the held-out figures are final)",
    )
    args = ap.parse_args(argv)
    scores, overall = score_set(
        args.pages, args.labels, split=args.split, kind=args.kind, note=args.note
    )
    quiet = args.no_lines or (args.split == "heldout" and not args.show_heldout_errors)

    if not quiet:
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

    kinds = sorted({s.kind for s in scores})
    if len(kinds) > 1 or kinds != ["-"]:
        print()
        print(
            f"  {'kind':<14}{'pages':>6}{'recall':>8}{'P':>7}{'R':>7}{'F1':>7}{'titles':>9}{'meta':>10}"
        )
        for k in kinds:
            o = pool([s for s in scores if s.kind == k])
            print(
                f"  {k:<14}{o['pages']:>6}{fmt(o['content_recall']):>8}"
                f"{fmt(o['boilerplate_precision']):>7}{fmt(o['boilerplate_recall']):>7}"
                f"{fmt(o['boilerplate_f1']):>7}{o['titles_ok']:>4}/{o['pages']:<4}"
                f"{o['meta_ok']:>5}/{o['meta_fields']:<4}"
            )
    if overall["meta_by_field"]:
        print(
            "  metadata by field      "
            + ", ".join(f"{k} {v['ok']}/{v['total']}" for k, v in overall["meta_by_field"].items())
        )
    if quiet:
        return _write_json(args, scores, overall)

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

    return _write_json(args, scores, overall)


def _write_json(args: argparse.Namespace, scores: list[PageScore], overall: dict) -> int:
    quiet = args.no_lines or (args.split == "heldout" and not args.show_heldout_errors)
    if args.json:
        out = {
            "overall": overall,
            "pages": [
                {k: v for k, v in asdict(s).items() if k != "errors"}
                | {"errors": [] if quiet else [asdict(e) | {"kind": e.kind} for e in s.errors]}
                for s in scores
            ],
        }
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
