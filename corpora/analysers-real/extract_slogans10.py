"""Cut the tenth slogan pass's excerpts (slog12 helper, issue 12): four-character slogans on local reports.

    python corpora/analysers-real/extract_slogans10.py

Rule fixed and committed before reading any excerpt or labelling (session 14). Every earlier slogan excerpt is from a
State Council or CPC report or a provincial report; this pass takes the kind not yet used, **reports of local
governments** (a city, district, county, banner, prefecture or township), from the pages the clean stage's labels
already hold (``corpora/real-pages``: real pages of the search tool's ``pages`` corpus, labelled line by line):

* **Pages**: in the order of their number, every ``govr_NN`` page of ``corpora/real-pages/labels.jsonl`` whose split
  is ``dev`` (the clean stage's held-out pages are not read), whose labelled content lines hold at least 600
  characters, with ``各位代表`` in their first 200 characters (a work report read to a people's congress), of a
  government below the provincial level (not a province, autonomous region or municipality under the State
  Council: ``govr_02`` Shanghai, ``govr_08`` Chongqing, ``govr_15``/``govr_16``/``govr_25``/``govr_26`` provinces and
  Inner Mongolia are not); the first twelve.
* **Excerpt**: the page's content lines (by the line labels) joined with line breaks, through ``reportnlp.clean``
  (script, width and the page's own lines kept as the clean text gives them); the whole of it (600–750 characters).
* **Split**: **every third from the first** of the twelve (``ORDER[0::3]``) forms a new held-out part, ``heldout8``
  (``bench/eval_analysers.py --set heldout8``), never tuned on, its errors never printed; the other eight extend dev
  (``--set dev10``). Labels in ``labels_src.txt``: four-character slogans only (``## id S``), from the text alone,
  all twelve committed before any code runs on them.

The candidate list was made from the pages' addresses and the first 50 characters of their content (to apply the
level and ``各位代表`` conditions), before the rule was committed. The texts are third-party pages kept as evaluation
data only (addresses in ``corpora/real-pages/labels.jsonl``): cite, do not redistribute beyond evaluation.
"""

from __future__ import annotations

import json

from extract_reports import HERE, ROOT

from reportnlp import clean

PAGES_DIR = ROOT / "corpora" / "real-pages"
MIN_LENGTH = 600
TAKE = 12
# below the provincial level: the pages of a province, autonomous region or municipality under the State Council
PROVINCIAL = {"govr_02", "govr_08", "govr_15", "govr_16", "govr_25", "govr_26"}


def pages() -> dict[str, tuple[str, str]]:
    """The pages the rule takes, in order: excerpt id -> (page id, content text)."""
    taken: dict[str, tuple[str, str]] = {}
    with open(PAGES_DIR / "labels.jsonl", encoding="utf-8") as fh:
        rows = sorted((r for r in map(json.loads, fh) if r["doc"].startswith("govr_")), key=lambda r: r["doc"])
    for row in rows:
        if row["split"] != "dev" or row["doc"] in PROVINCIAL:
            continue
        lines = (PAGES_DIR / "pages" / f"{row['doc']}.txt").read_text(encoding="utf-8").split("\n")
        content = "\n".join(lines[i - 1] for i in row["lines"]["content"])
        if len(content.replace("\n", "")) < MIN_LENGTH or "各位代表" not in content[:200]:
            continue
        taken[f"local_{row['doc']}"] = (row["doc"], content)
        if len(taken) == TAKE:
            break
    return taken


def main() -> None:
    taken = pages()
    order = tuple(taken)
    held_out = order[0::3]
    for doc_id, (page, content) in taken.items():
        text = clean(content).text
        (HERE / "reports" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        print(doc_id, page, len(text), "held out" if doc_id in held_out else "dev")


if __name__ == "__main__":
    main()
