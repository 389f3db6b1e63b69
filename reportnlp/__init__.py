"""reportnlp: clean, analyse and de-template Chinese government work reports.

Public API (nothing runs at import):

* :func:`clean` — one raw page (bytes or text) → :class:`CleanDoc` with title, metadata, clean simplified
  text, paragraphs, every edit and every dropped line with its reason.
* :func:`clean_stream` — the same over an iterable of records, lazily.
* :func:`normalise_text` — only the normalisation steps, with their edits.
"""

from reportnlp.cleaning import clean, clean_stream
from reportnlp.errors import InputError, ReportNLPError
from reportnlp.normalise import normalise_text
from reportnlp.types import CleanDoc, Edit, LineDecision, Paragraph

__all__ = [
    "CleanDoc",
    "Edit",
    "InputError",
    "LineDecision",
    "Paragraph",
    "ReportNLPError",
    "clean",
    "clean_stream",
    "normalise_text",
]
__version__ = "0.1.0"
