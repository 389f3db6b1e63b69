"""Hash what ``clean`` gives for every document of the real inputs: to check that a change keeps the output
byte-identical (run it on two trees, compare the files).

    PYTHONPATH=. python bench/dump_clean.py --out /tmp/new.tsv [--stats /tmp/new-stats.tsv] [ROOT ...]
    PYTHONPATH=/path/to/main python bench/dump_clean.py --out /tmp/old.tsv
    cmp /tmp/old.tsv /tmp/new.tsv

Default roots: this repository's ``corpora/`` and ``tests/fixtures/``, and ``/work/shared/corpora/`` (html-news,
gov-portal-pages, gwr, docx) when it exists. The pages of ``corpora/real-pages/raw/`` are stored decoded as UTF-8
with their original ``gb2312``/``gbk`` declaration: they are read in the bytes they declare, as a scraper gets
them (``build.original_bytes``, as ``bench/bench_html.py`` reads them; ``--stored``: as stored). One line per document, in input order: its source, id, and the
sha256 of its title, its metadata (JSON, keys sorted), its text and its edits. ``--stats FILE``: one line per
document with the characters its mojibake repair was given (text and title) and the work the repair did (the
units its budget counts, on the tree that runs; ``--unlimited``: with no budget, to see what the documents
would need).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path("/work/shared/corpora")


def _h(value: object) -> str:
    data = (
        value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    )
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _roots() -> list[Path]:
    roots = [ROOT / "corpora", ROOT / "tests" / "fixtures"]
    roots += [
        SHARED / name
        for name in ("html-news", "gov-portal-pages", "gwr", "docx")
        if (SHARED / name).exists()
    ]
    return roots


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("roots", nargs="*", type=Path)
    ap.add_argument("--out", required=True)
    ap.add_argument("--stats", default=None)
    ap.add_argument("--stored", action="store_true", help="read corpora/real-pages/raw as stored")
    ap.add_argument("--unlimited", action="store_true", help="no mojibake budget (with --stats)")
    args = ap.parse_args()
    import reportnlp
    from reportnlp.normalise import mojibake
    from reportnlp.pipeline.readers import Failure, clean_files

    normalise = sys.modules["reportnlp.normalise"]
    size, work = [0], [0]
    if args.unlimited:
        for name in ("_BUDGET", "_BUDGET_FLOOR"):
            if hasattr(mojibake, name):
                setattr(mojibake, name, 10**15)
    if args.stats:  # count what the repair is given and what it spends, on either tree's code
        repair, viterbi = normalise.repair_mojibake, mojibake._viterbi

        def counted_repair(text, **kw):
            size[0] += len(text)
            return repair(text, **kw)

        def counted_viterbi(ctx, *a):
            before = ctx.budget[0]
            try:
                return viterbi(ctx, *a)
            finally:
                work[0] += before - ctx.budget[0]

        normalise.repair_mojibake, mojibake._viterbi = counted_repair, counted_viterbi
    rows, stats = [], []
    files = sorted(
        p for root in (args.roots or _roots()) for p in sorted(root.rglob("*")) if p.is_file()
    )
    own = ROOT / "corpora" / "real-pages" / "raw"
    for path in files:
        size[0] = work[0] = 0
        if path.parent == own and path.suffix == ".html" and not args.stored:
            sys.path.insert(0, str(own.parent))
            from build import original_bytes  # corpora/real-pages/build.py

            docs = [
                reportnlp.clean(original_bytes(path), id=path.stem, source=str(path), html=True)
            ]
        else:
            docs = clean_files(path)
        for doc in docs:
            if isinstance(doc, Failure):
                rows.append(f"{path}\tFAILED\t{_h(str(doc))}")
                size[0] = work[0] = 0
                continue
            edits = [[e.step, e.start, e.end, e.before, e.after, e.reason] for e in doc.edits]
            rows.append(
                "\t".join(
                    [
                        str(doc.source),
                        doc.id,
                        _h(doc.title or ""),
                        _h(doc.meta),
                        _h(doc.text),
                        _h(edits),
                    ]
                )
            )
            stats.append(f"{doc.source}\t{doc.id}\t{size[0]}\t{work[0]}")
            size[0] = work[0] = 0
    Path(args.out).write_text("\n".join(rows) + "\n", encoding="utf-8")
    if args.stats:
        Path(args.stats).write_text("\n".join(stats) + "\n", encoding="utf-8")
    print(f"{len(rows)} documents from {len(files)} files ({reportnlp.__file__})", file=sys.stderr)


if __name__ == "__main__":
    main()
