"""Main-text extraction from raw HTML, line by line against hand labels: reportnlp and existing tools.

    python bench/bench_html.py [--labels corpora/real-pages/labels.jsonl] [--split dev|heldout|all]
                               [--tools reportnlp,trafilatura,...] [--per-page] [--json OUT]

Every labelled page with a ``raw`` HTML file (``corpora/real-pages/labels.jsonl``: 1-based labels of the
page's lines as ``corpora/real-pages/render.py`` renders it) is given, as HTML, to each tool; each tool's
output text is scored against the page's labelled lines. The same rules for every tool:

- **Matching.** A line's *key* is its NFKC form without whitespace. For each key, the tool's output has
  ``m`` copies of it: the number of output lines equal to it, or, for keys of 10+ characters, its
  occurrences in the whole output (so joined or split paragraphs still match). The gold lines with that key
  are ``present`` up to ``m`` of them, content lines first (a page that carries its article twice, with the
  second copy labelled drop, is scored right when the article comes out once).
- **Content recall** = gold ``content`` lines present / gold ``content`` lines.
- **Boilerplate** = gold ``drop`` and ``meta`` lines (meta lines are not main text: they belong in metadata).
  A boilerplate line is *removed* when it is not present. Boilerplate precision = removed boilerplate lines /
  (removed boilerplate + missing content lines); recall = removed boilerplate / boilerplate; F1 their
  harmonic mean. The ``title`` line and ``either`` lines are not scored.
- Figures are pooled over the lines of all pages of a split (micro averages).

``--meta`` scores the title and metadata instead, for reportnlp and trafilatura (the one tool here that
extracts them): the title is right when it equals the gold title line (NFKC, whitespace ignored); each gold
``meta`` field (date, source, author, site) is right when the tool gives exactly that value.

Tools (all but reportnlp are bench-only, never imported by the package): reportnlp (``reportnlp.clean``,
its ``text``), trafilatura 2.x (default and ``favor_precision=True``), readability-lxml (``Document.summary()``
rendered to lines), jusText in its language-independent mode (no Chinese stoplist exists: empty stoplist,
``stopwords_low = stopwords_high = 0``) and magic-html when installed. Every tool gets the same decoded
page text (decoded by the page's BOM / ``<meta charset>``, GB2312/GBK as GB18030).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportnlp.readers.html import decode_html, extract  # noqa: E402

LABELS = ROOT / "corpora" / "real-pages" / "labels.jsonl"


def key(line: str) -> str:
    return "".join(unicodedata.normalize("NFKC", line).split())


def score_page(
    gold_lines: list[str], labels: dict, output: str, misses: list | None = None
) -> Counter:
    """Line counts of one page: content, content_present, boiler, boiler_removed (``misses``: append
    ``(line, label, text)`` of each missing content line and each boilerplate line left in)."""
    label_of: dict[int, str] = {}
    for kind in ("content", "drop", "meta", "either"):
        for n in labels.get(kind) or []:
            label_of[n] = kind
    title = labels.get("title")
    if title:
        label_of[title] = "title"
    out_lines = [k for k in (key(ln) for ln in output.split("\n")) if k]
    joined = "".join(out_lines)
    line_count = Counter(out_lines)
    by_key: dict[str, list[tuple[int, str]]] = {}
    for n, text in enumerate(gold_lines, start=1):
        kind = label_of.get(n, "drop")
        if kind in ("title", "either"):
            continue
        k = key(text)
        if k:
            by_key.setdefault(k, []).append((n, kind))
    c: Counter = Counter()
    for k, group in by_key.items():
        m = joined.count(k) if len(k) >= 10 else line_count[k]
        group.sort(key=lambda x: x[1] != "content")  # content lines claim copies first
        for i, (n, kind) in enumerate(group):
            present = i < m
            if misses is not None and present == (kind != "content"):
                misses.append((n, kind, gold_lines[n - 1]))
            if kind == "content":
                c["content"] += 1
                c["content_present"] += present
            else:
                c["boiler"] += 1
                c["boiler_removed"] += not present
    return c


def figures(c: Counter) -> dict[str, float]:
    recall = c["content_present"] / c["content"] if c["content"] else 0.0
    removed = c["boiler_removed"]
    missing = c["content"] - c["content_present"]
    p = removed / (removed + missing) if removed + missing else 0.0
    r = removed / c["boiler"] if c["boiler"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"content_recall": recall, "boiler_p": p, "boiler_r": r, "boiler_f1": f1}


# --- tools ------------------------------------------------------------------------------------------------
def _render_fragment(html: str) -> str:
    if not html or not html.strip():
        return ""
    return "\n".join(extract(html).lines)


def tool_reportnlp(html: str) -> str:
    from reportnlp import clean

    return clean(html, html=True).text


def tool_trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def tool_trafilatura_precision(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, favor_precision=True) or ""


def tool_readability(html: str) -> str:
    from readability import Document

    return _render_fragment(Document(html).summary(html_partial=True))


def tool_justext(html: str) -> str:
    import justext

    paragraphs = justext.justext(
        html.encode("utf-8"), frozenset(), stopwords_low=0, stopwords_high=0, encoding="utf-8"
    )
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def tool_magic_html(html: str) -> str:
    from magic_html import GeneralExtractor

    return _render_fragment(GeneralExtractor().extract(html).get("html", ""))


def meta_reportnlp(html: str) -> dict:
    from reportnlp import clean

    doc = clean(html, html=True)
    return {"title": doc.title, **doc.meta}


def meta_trafilatura(html: str) -> dict:
    import trafilatura

    d = trafilatura.bare_extraction(html, with_metadata=True)
    d = d.as_dict() if hasattr(d, "as_dict") else (d or {})
    return {"title": d.get("title"), "date": d.get("date"), "author": d.get("author"),
            "site": d.get("sitename")}  # fmt: skip


META_TOOLS: dict[str, Callable[[str], dict]] = {
    "reportnlp": meta_reportnlp,
    "trafilatura": meta_trafilatura,
}


def score_meta(
    gold_lines: list[str], row: dict, found: dict, misses: list | None = None
) -> Counter:
    c: Counter = Counter()
    title = row["lines"].get("title")
    if title:
        c["title"] += 1
        ok = key(found.get("title") or "") == key(gold_lines[title - 1])
        c["title_ok"] += ok
        if not ok and misses is not None:
            misses.append(("title", gold_lines[title - 1], found.get("title")))
    for field, value in (row.get("meta") or {}).items():
        c[field] += 1
        ok = (found.get(field) or "") == value
        c[f"{field}_ok"] += ok
        if not ok and misses is not None:
            misses.append((field, value, found.get(field)))
    return c


TOOLS: dict[str, Callable[[str], str]] = {
    "reportnlp": tool_reportnlp,
    "trafilatura": tool_trafilatura,
    "trafilatura-precision": tool_trafilatura_precision,
    "readability-lxml": tool_readability,
    "justext": tool_justext,
    "magic-html": tool_magic_html,
}


def _raw_path(raw: str, labels: Path) -> Path | None:
    for base in (ROOT.parent, ROOT.parent.parent, labels.parent, Path("/work")):
        p = base / raw
        if p.is_file():
            return p
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--split", default="all", choices=["dev", "heldout", "all"])
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--per-page", action="store_true", help="print each page's figures")
    ap.add_argument("--json", type=Path, help="write the figures as JSON")
    ap.add_argument(
        "--misses", action="store_true", help="print missed content and kept boilerplate"
    )
    ap.add_argument("--meta", action="store_true", help="score title and metadata instead")
    args = ap.parse_args(argv)

    pages_dir = args.labels.parent / "pages"
    rows = [
        json.loads(ln) for ln in args.labels.read_text(encoding="utf-8").splitlines() if ln.strip()
    ]
    rows = [
        r for r in rows if r.get("raw") and (args.split == "all" or r.get("split") == args.split)
    ]
    tools = [t for t in args.tools.split(",") if t]
    if args.meta:
        return _main_meta(rows, args, [t for t in tools if t in META_TOOLS])
    totals: dict[tuple[str, str], Counter] = {}
    seconds: Counter = Counter()
    skipped: dict[str, str] = {}
    for row in rows:
        raw = _raw_path(row["raw"], args.labels)
        if raw is None:
            print(f"skip {row['doc']}: raw HTML {row['raw']} not found", file=sys.stderr)
            continue
        html, _ = decode_html(raw.read_bytes())
        gold = (pages_dir / f"{row['doc']}.txt").read_text(encoding="utf-8").split("\n")
        for tool in tools:
            if tool in skipped:
                continue
            t0 = time.perf_counter()
            try:
                out = TOOLS[tool](html)
            except ImportError as err:
                skipped[tool] = str(err)
                continue
            except Exception as err:  # a tool failing on a page gives no text for it
                print(
                    f"{tool} failed on {row['doc']}: {type(err).__name__}: {err}", file=sys.stderr
                )
                out = ""
            seconds[tool] += time.perf_counter() - t0
            misses: list | None = [] if args.misses else None
            c = score_page(gold, row["lines"], out, misses)
            for n, kind, text in misses or []:
                print(f"  {row['doc']} {tool} {n} {kind}: {text[:80]}")
            for split in (row.get("split", "dev"), "all"):
                totals.setdefault((tool, split), Counter()).update(c)
            totals.setdefault((tool, f"{row.get('split')}/{row.get('kind')}"), Counter()).update(c)
            if args.per_page:
                f = figures(c)
                print(
                    f"{row['doc']:<14} {row.get('split', ''):<8} {tool:<22} "
                    f"recall {f['content_recall']:.3f}  bp P {f['boiler_p']:.3f} "
                    f"R {f['boiler_r']:.3f} F1 {f['boiler_f1']:.3f}"
                )
    splits = sorted(
        {s for _, s in totals}, key=lambda s: (s.count("/"), s != "dev", s != "heldout", s)
    )
    n_pages = Counter(r.get("split", "dev") for r in rows)
    print(f"pages: {dict(n_pages)}; lines pooled per split; boilerplate = gold drop + meta lines")
    header = f"{'tool':<22} {'split':<18} {'content R':>9} {'boiler P':>9} {'boiler R':>9} {'boiler F1':>9}"
    print(header)
    print("-" * len(header))
    result: dict = {}
    for split in splits:
        for tool in tools:
            if (tool, split) not in totals:
                continue
            f = figures(totals[(tool, split)])
            result.setdefault(split, {})[tool] = f
            print(
                f"{tool:<22} {split:<18} {f['content_recall']:>9.3f} {f['boiler_p']:>9.3f} "
                f"{f['boiler_r']:>9.3f} {f['boiler_f1']:>9.3f}"
            )
    for tool, why in skipped.items():
        print(f"{tool}: not run ({why})")
    print("seconds: " + ", ".join(f"{t} {seconds[t]:.1f}" for t in tools if t in seconds))
    if args.json:
        args.json.write_text(
            json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return 0


def _main_meta(rows: list[dict], args: argparse.Namespace, tools: list[str]) -> int:
    pages_dir = args.labels.parent / "pages"
    totals: dict[tuple[str, str], Counter] = {}
    for row in rows:
        raw = _raw_path(row["raw"], args.labels)
        if raw is None:
            continue
        html, _ = decode_html(raw.read_bytes())
        gold = (pages_dir / f"{row['doc']}.txt").read_text(encoding="utf-8").split("\n")
        for tool in tools:
            misses: list | None = [] if args.misses else None
            c = score_meta(gold, row, META_TOOLS[tool](html), misses)
            for m in misses or []:
                print(f"  {row['doc']} {tool} {m[0]}: gold {m[1]!r} got {m[2]!r}")
            for split in (row.get("split", "dev"), "all"):
                totals.setdefault((tool, split), Counter()).update(c)
    fields = ("title", "date", "source", "author", "site")
    print(f"{'tool':<14} {'split':<8} " + " ".join(f"{f:>12}" for f in fields))
    for (tool, split), c in sorted(totals.items(), key=lambda x: (x[0][1], x[0][0])):
        cells = [f"{c[f + '_ok']}/{c[f]}".rjust(12) for f in fields]
        print(f"{tool:<14} {split:<8} " + " ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
