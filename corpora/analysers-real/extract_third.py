"""Cut the fourth-pass excerpts (slog6 helper, issue 12): four-character slogans on reports not yet in the set.

    python corpora/analysers-real/extract_third.py

The rule of ``extract_reports.py`` with ``FROM = 0.40`` and ``LENGTH = 1200``, fixed before reading, on State
Council and CPC reports none of whose text is in the set yet, listed by year. Every third of them (the 3rd, 6th and
9th: ``NEW_HELDOUT``) forms a new held-out part, fixed before reading and never tuned on; the rest extends dev.
Their labels in ``labels_src.txt`` cover four-character slogans only (``## id S``).
"""

from __future__ import annotations

from extract_more import _cut
from extract_reports import HERE, _records

from reportnlp import clean

LENGTH = 1200
FROM = 0.40
DOCUMENTS = {  # by year
    "gwr1979": ("gwr", "1979年"),
    "cpc1982": ("cpc", "十二大"),
    "cpc1992": ("cpc", "十四大"),
    "gwr1995": ("gwr", "1995年"),
    "gwr2001": ("gwr", "2001年"),
    "cpc2002": ("cpc", "十六大"),
    "gwr2006": ("gwr", "2006年"),
    "gwr2015": ("gwr", "2015年"),
    "gwr2019": ("gwr", "2019年"),
}
NEW_HELDOUT = tuple(list(DOCUMENTS)[2::3])  # every third: cpc1992, cpc2002, gwr2019


def write_excerpts(
    documents: dict[str, tuple[str, str]], start_at: float, length: int, held_out: tuple[str, ...]
) -> None:
    """Cut each report of ``documents`` (id: (``gwr`` or ``cpc``, title fragment)) by the rule and write it
    to ``reports/<id>.txt``; the fourth and fifth passes share this."""
    pools = {
        "gwr": _records("government_work_reports.jsonl"),
        "cpc": _records("cpc_congress_reports.jsonl"),
    }
    for doc_id, (source, fragment) in documents.items():
        (rec,) = [r for r in pools[source] if fragment in r["title"] and "决议" not in r["title"]]
        text = clean(rec["content"], title=rec["title"]).text
        (HERE / "reports" / f"{doc_id}.txt").write_text(_cut(text, start_at, length), encoding="utf-8")
        print(doc_id, rec["title"], "held out" if doc_id in held_out else "dev")


def main() -> None:
    write_excerpts(DOCUMENTS, FROM, LENGTH, NEW_HELDOUT)


if __name__ == "__main__":
    main()
