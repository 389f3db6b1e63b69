"""Cut the sixth-pass excerpts (an7 helper, issue 12): metrics and their things on reports not yet in the set.

    python corpora/analysers-real/extract_sixth.py

The fifth pass's rule (``FROM = 0.08``, ``LENGTH = 800``: the review of the past year or period), fixed before
reading, on three State Council reports none of whose text is in the set yet, one of each era (1959, 1992,
2011), then on three more (1960, 1983, 2005). All three extend dev; they were labelled from the text alone and scored once by the rules and by the
chooser trained without them (a first run on text neither was tuned on) before being added to its training.
Their labels in ``labels_src.txt`` cover metrics only (``## id M``).
"""

from __future__ import annotations

from extract_third import write_excerpts

LENGTH = 800
FROM = 0.08
DOCUMENTS = {  # by year
    "gwr1959": ("gwr", "1959年"),
    "gwr1992": ("gwr", "1992年"),
    "gwr2011": ("gwr", "2011年"),
    # a second batch, cut after the first was labelled and used, by the same rule
    "gwr1960": ("gwr", "1960年"),
    "gwr1983": ("gwr", "1983年"),
    "gwr2005": ("gwr", "2005年"),
}


def main() -> None:
    write_excerpts(DOCUMENTS, FROM, LENGTH, ())


if __name__ == "__main__":
    main()
