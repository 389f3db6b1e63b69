"""The analysers: plain functions on a clean string, each returning spans with character offsets.

* :func:`find_placeholders` — template masks (``××市``, ``202x年``, ``***``, ``某市``), typed;
* :func:`find_metrics` — reported quantities (``宣讲30余场次``) with value, bounds, qualifier and unit;
* :func:`find_slogans` — four-character slogans, parallel pairs, numbered slogans (``六进``) and expansions;
* :func:`find_headings` — the outline (``一、``, ``（一）``, ``1.``, ``一是``…) and its signature;
* :func:`leaks` / :func:`giveaways` — the real places and names a masked document gives away.

:func:`reportnlp.analyse` runs the first four on a document; :mod:`reportnlp.analysers.nlp` wraps them as
spaCy components. Nothing here imports spaCy.
"""

from reportnlp.analysers.headings import Heading, find_headings, structure_signature
from reportnlp.analysers.leaks import Candidate, Evidence, Giveaway, Leak, giveaways, leaks
from reportnlp.analysers.metrics import Metric, find_metrics
from reportnlp.analysers.placeholders import Placeholder, find_placeholders
from reportnlp.analysers.slogans import Slogan, find_slogans, numbered_terms

__all__ = [
    "Candidate",
    "Evidence",
    "Giveaway",
    "Heading",
    "Leak",
    "Metric",
    "Placeholder",
    "Slogan",
    "find_headings",
    "find_metrics",
    "find_placeholders",
    "find_slogans",
    "giveaways",
    "leaks",
    "numbered_terms",
    "structure_signature",
]
