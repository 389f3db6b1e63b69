"""Render the shared HTML corpora into ``pages/`` with ``render.py`` (deterministic; re-run gives the same bytes).

    python corpora/real-pages/build.py [--shared ../shared] [--check]

``gov_<CODE>.txt`` from ``corpora/gov-portal-pages/raw/2026_<CODE>.html`` (the anti-bot pages GS and QH are
skipped: they hold no report) and ``news_<N>.txt`` from ``corpora/html-news/raw/<N>.html``. With ``--check`` the
pages are rendered and compared with the files in ``pages/`` instead of written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from render import render  # noqa: E402

SKIPPED_GOV = {"GS", "QH"}  # JavaScript anti-bot challenge pages, no report


def sources(shared: Path) -> list[tuple[str, Path]]:
    """(doc id, raw HTML path) of every rendered page."""
    out = []
    for p in sorted((shared / "corpora" / "gov-portal-pages" / "raw").glob("2026_*.html")):
        code = p.stem.split("_", 1)[1]
        if code not in SKIPPED_GOV:
            out.append((f"gov_{code}", p))
    news = (shared / "corpora" / "html-news" / "raw").glob("*.html")
    for p in sorted(news, key=lambda q: int(q.stem)):
        out.append((f"news_{int(p.stem):02d}", p))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent.parent / "shared")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    if not args.shared.exists():
        args.shared = Path("/work/shared")
    bad = 0
    for doc, path in sources(args.shared):
        text = render(path.read_bytes())
        out = HERE / "pages" / f"{doc}.txt"
        if args.check:
            if not out.exists() or out.read_text(encoding="utf-8") != text:
                print(f"differs: {doc}")
                bad += 1
        else:
            out.parent.mkdir(exist_ok=True)
            out.write_text(text, encoding="utf-8")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
