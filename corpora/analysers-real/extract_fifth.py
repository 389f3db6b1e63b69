"""Cut the fifth-pass excerpts (an6 helper, issue 12): metrics and their things on reports not yet in the set.

    python corpora/analysers-real/extract_fifth.py

The rule of ``extract_reports.py`` with ``FROM = 0.08`` and ``LENGTH = 800`` (the review of the past year or
period, where the quantities are), fixed before reading, on nine State Council reports none of whose text is in
the set yet, one every four to eight years, listed by year. Every third of them (the 3rd, 6th and 9th:
``NEW_HELDOUT``) forms a new held-out part (``heldout3``), fixed before reading and never tuned on; the rest
extends dev. Their labels in ``labels_src.txt`` cover metrics only (``## id M``).
"""

from __future__ import annotations

from extract_third import write_excerpts

LENGTH = 800
FROM = 0.08
DOCUMENTS = {  # by year
    "gwr1957": ("gwr", "1957年"),
    "gwr1981": ("gwr", "1981年"),
    "gwr1986": ("gwr", "1986年"),
    "gwr1994": ("gwr", "1994年"),
    "gwr1999": ("gwr", "1999年"),
    "gwr2004": ("gwr", "2004年"),
    "gwr2009": ("gwr", "2009年"),
    "gwr2014": ("gwr", "2014年"),
    "gwr2022": ("gwr", "2022年"),
}
NEW_HELDOUT = tuple(list(DOCUMENTS)[2::3])  # every third: gwr1986, gwr2004, gwr2022


def main() -> None:
    write_excerpts(DOCUMENTS, FROM, LENGTH, NEW_HELDOUT)


if __name__ == "__main__":
    main()
