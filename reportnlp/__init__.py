"""reportnlp: clean, analyse and de-template Chinese government work reports.

Public API (nothing heavy runs at import; spaCy, pandas and the gazetteer load on first use):

* :func:`clean` — one raw page (bytes or text) → :class:`CleanDoc` with title, metadata, clean simplified
  text, paragraphs, every edit and every dropped line with its reason.
* :func:`clean_stream` — the same over an iterable of records, lazily.
* :func:`clean_files` — the same over files and folders of every input format (HTML, Word, PDF, corpora).
* :func:`normalise_text` — only the normalisation steps, with their edits.
* :func:`analyse` — placeholders, metrics, slogans and headings of a clean text → :class:`Analysis`.
* :func:`load` — the same detectors as a spaCy pipeline (jieba or rjieba tokens, ``doc.spans``).
* :func:`to_frames` — documents and spans as pandas frames.
* :func:`leaks` — the real places a document's masked place names give away.
"""

from typing import Any

from reportnlp.errors import InputError, ReportNLPError
from reportnlp.types import CleanDoc, Edit, LineDecision, Paragraph

__all__ = [
    "Analysis",
    "CleanDoc",
    "Edit",
    "InputError",
    "LineDecision",
    "Paragraph",
    "ReportNLPError",
    "analyse",
    "clean",
    "clean_files",
    "clean_stream",
    "giveaways",
    "leaks",
    "load",
    "normalise_text",
    "to_frames",
]
__version__ = "0.1.0"

# Loaded on first use, so that ``import reportnlp.cli`` (``reportnlp --help``) stays cheap.
_LAZY = {
    "clean": "reportnlp.cleaning",
    "clean_stream": "reportnlp.cleaning",
    "clean_files": "reportnlp.pipeline.readers",
    "normalise_text": "reportnlp.normalise",
    "Analysis": "reportnlp.analysis",
    "analyse": "reportnlp.analysis",
    "load": "reportnlp.analysers.nlp",
    "to_frames": "reportnlp.frames",
    "leaks": "reportnlp.analysers.leaks",
    "giveaways": "reportnlp.analysers.leaks",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'reportnlp' has no attribute {name!r}")
