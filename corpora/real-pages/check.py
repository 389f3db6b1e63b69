"""Validate ``labels.jsonl`` against ``pages/`` (no test framework; exit 1 on any error).

    python corpora/real-pages/check.py            # check every row, print a summary
    python corpora/real-pages/check.py --show DOC # print DOC's lines with their labels (for review)
    python corpora/real-pages/check.py --split dev --out /tmp/dev.jsonl   # write one split's rows (for the bench)
    python corpora/real-pages/check.py --table    # the README's table of pages by kind

Checks per row: the page exists; every non-blank line (as bench/eval_boilerplate.py counts them: split on
``\\n`` after CRLF/CR normalisation, blank = only spaces, tabs, U+3000, U+200B, U+00A0) has exactly one label;
no label on a blank line or past the end; the title line is not also content/meta/drop/either; ``split`` is
``dev`` or ``heldout``; ``kind`` is a known kind; ``site`` and ``source`` are present; ``meta`` has only known
fields, ``date``/``written_date`` are YYYY-MM-DD, and every other meta value occurs in the page text. Also: no
page without a row, no doc twice.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
BLANK = " \t\u3000\u200b\xa0"
KINDS = {"gov_report", "gov_notice", "news", "template", "wenku", "forum", "qa", "blog", "encyclopedia"}
META_FIELDS = {"date", "source", "author", "site", "doc_number", "issuer", "written_date"}
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def page_lines(doc: str) -> list[str]:
    raw = (HERE / "pages" / f"{doc}.txt").read_bytes().decode("utf-8", errors="replace")
    return raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def check_row(row: dict) -> list[str]:
    errs: list[str] = []
    doc = row.get("doc", "?")
    for key in ("doc", "lines", "meta", "site", "kind", "split", "source"):
        if key not in row:
            errs.append(f"{doc}: no {key!r}")
    if errs:
        return errs
    if row["split"] not in ("dev", "heldout"):
        errs.append(f"{doc}: split {row['split']!r}")
    if row["kind"] not in KINDS:
        errs.append(f"{doc}: kind {row['kind']!r}")
    path = HERE / "pages" / f"{doc}.txt"
    if not path.exists():
        return errs + [f"{doc}: no page file"]
    lines = page_lines(doc)
    text = "\n".join(lines)
    labels = row["lines"]
    seen: dict[int, str] = {}
    title = labels.get("title")
    entries = ([("title", title)] if title is not None else []) + [
        (kind, n) for kind in ("meta", "content", "drop", "either") for n in labels.get(kind, [])
    ]
    for kind, n in entries:
        if not isinstance(n, int) or not 1 <= n <= len(lines):
            errs.append(f"{doc}: {kind} line {n} out of range")
            continue
        if not lines[n - 1].strip(BLANK):
            errs.append(f"{doc}: {kind} line {n} is blank")
        if n in seen:
            errs.append(f"{doc}: line {n} labelled {seen[n]} and {kind}")
        seen[n] = kind
    for n, s in enumerate(lines, 1):
        if s.strip(BLANK) and n not in seen:
            errs.append(f"{doc}: line {n} has no label: {s[:40]!r}")
    if not labels.get("content"):
        errs.append(f"{doc}: no content line")
    for fld, value in row["meta"].items():
        if fld not in META_FIELDS:
            errs.append(f"{doc}: unknown meta field {fld}")
        elif fld in ("date", "written_date"):
            if not DATE_RE.match(value):
                errs.append(f"{doc}: {fld} {value!r} is not YYYY-MM-DD")
        elif value not in text:
            errs.append(f"{doc}: meta {fld} {value!r} does not occur in the page")
    return errs


def show(row: dict) -> None:
    lines = page_lines(row["doc"])
    kinds = {}
    if row["lines"]["title"] is not None:
        kinds[row["lines"]["title"]] = "TITLE"
    for kind in ("meta", "content", "drop", "either"):
        for n in row["lines"][kind]:
            kinds[n] = kind
    for n, s in enumerate(lines, 1):
        if n in kinds:
            print(f"{n:4d} {kinds[n]:<7} {s[:90]}")
    print(json.dumps(row["meta"], ensure_ascii=False))


KIND_ORDER = ("gov_report", "gov_notice", "news", "template", "wenku", "forum", "qa", "blog", "encyclopedia")


def table(rows: list[dict]) -> str:
    """Markdown table: pages, sites, split and label counts by kind."""
    cols = ("pages", "sites", "dev", "heldout", "title", "content", "meta", "drop", "either", "fields")
    out = ["| kind | pages | sites | dev | heldout | with title | content lines | meta lines | drop lines | either "
           "| meta fields |", "|---|---|---|---|---|---|---|---|---|---|---|"]
    total: dict = {c: 0 for c in cols}
    total["sites"] = set()
    for kind in KIND_ORDER:
        sel = [r for r in rows if r["kind"] == kind]
        if not sel:
            continue
        a = {
            "pages": len(sel), "sites": {r["site"] for r in sel},
            "dev": sum(r["split"] == "dev" for r in sel), "heldout": sum(r["split"] == "heldout" for r in sel),
            "title": sum(r["lines"]["title"] is not None for r in sel),
            "fields": sum(len(r["meta"]) for r in sel),
            **{k: sum(len(r["lines"][k]) for r in sel) for k in ("content", "meta", "drop", "either")},
        }
        out.append(f"| {kind} | " + " | ".join(str(len(a[c]) if c == "sites" else a[c]) for c in cols) + " |")
        for c in cols:
            total[c] = total[c] | a[c] if c == "sites" else total[c] + a[c]
    out.append("| **all** | " + " | ".join(str(len(total[c]) if c == "sites" else total[c]) for c in cols) + " |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", default=None, help="print one page's lines with their labels")
    ap.add_argument("--split", choices=("dev", "heldout"), default=None, help="with --out: the rows to write")
    ap.add_argument("--kind", default=None, help="with --out: only rows of this kind")
    ap.add_argument("--out", type=Path, default=None, help="write the selected rows as JSONL and exit")
    ap.add_argument("--table", action="store_true", help="print the table of pages by kind (markdown)")
    args = ap.parse_args(argv)
    rows = [json.loads(s) for s in (HERE / "labels.jsonl").read_text(encoding="utf-8").splitlines() if s.strip()]
    if args.table:
        print(table(rows))
        return 0
    if args.out:
        chosen = [r for r in rows if (args.split is None or r["split"] == args.split)
                  and (args.kind is None or r["kind"] == args.kind)]
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in chosen)
        print(f"{len(chosen)} rows -> {args.out}")
        return 0
    if args.show:
        for row in rows:
            if row["doc"] == args.show:
                show(row)
                return 0
        print(f"no row {args.show}", file=sys.stderr)
        return 1
    errs: list[str] = []
    docs = Counter(r.get("doc") for r in rows)
    errs += [f"{d}: {k} rows" for d, k in docs.items() if k > 1]
    for row in rows:
        errs += check_row(row)
    unlabelled = sorted(p.stem for p in (HERE / "pages").glob("*.txt") if p.stem not in docs)
    for e in errs:
        print("ERROR", e)
    kinds = Counter(r["kind"] for r in rows)
    splits = Counter(r["split"] for r in rows)
    sites = {r["site"] for r in rows}
    n_lines = Counter()
    for r in rows:
        for k in ("meta", "content", "drop", "either"):
            n_lines[k] += len(r["lines"][k])
        n_lines["title"] += r["lines"]["title"] is not None
    print(f"{len(rows)} pages, {len(sites)} sites; kinds {dict(kinds)}; splits {dict(splits)}")
    print(f"lines: {dict(n_lines)}")
    if unlabelled:
        print(f"{len(unlabelled)} pages not labelled yet: {' '.join(unlabelled[:12])}{' ...' if len(unlabelled) > 12 else ''}")
    return 1 if errs else 0


if __name__ == "__main__":
    raise SystemExit(main())
