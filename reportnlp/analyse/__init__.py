"""Analyses over clean text (first cut: template-mask detection, plain functions, no spaCy)."""

from reportnlp.analyse.placeholders import Placeholder, find_placeholders

__all__ = ["Placeholder", "find_placeholders"]
