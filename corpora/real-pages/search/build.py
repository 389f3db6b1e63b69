"""Write the search-corpus pages into ``../pages/<doc>.txt`` from ``results.jsonl`` and ``index.tsv``.

    python corpora/real-pages/search/build.py [--check]

Each page is the stored text exactly as the search tool's `pages` corpus returned it (its `excerpt`: the stored
page text from its beginning, cut at the corpus's excerpt length), with one ``\\n`` appended when it does not end
in one. ``index.tsv`` maps the row number in ``results.jsonl`` to the page id and its kind.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGES = HERE.parent / "pages"


def entries() -> list[tuple[str, str, dict]]:
    rows = [json.loads(s) for s in (HERE / "results.jsonl").read_text(encoding="utf-8").splitlines() if s.strip()]
    out = []
    for line in (HERE / "index.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        idx, doc, kind = line.split("\t")
        out.append((doc, kind, rows[int(idx)]))
    return out


def text_of(row: dict) -> str:
    t = row["excerpt"]
    return t if t.endswith("\n") else t + "\n"


def main(argv: list[str] | None = None) -> int:
    check = "--check" in (argv if argv is not None else sys.argv[1:])
    bad = 0
    for doc, _kind, row in entries():
        path = PAGES / f"{doc}.txt"
        text = text_of(row)
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                print(f"differs: {doc}")
                bad += 1
        else:
            path.write_bytes(text.encode("utf-8"))
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
