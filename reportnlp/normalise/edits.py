"""Building and replaying edits: the shared machinery of every normalisation step."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Callable, Union

from reportnlp.types import Edit


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Replay one step's edits on that step's input text.

    >>> from reportnlp.types import Edit
    >>> apply_edits("來(lái)了", [Edit("pinyin", 1, 6, "(lái)", "", "pinyin_annotation")])
    '來了'
    """
    out: list[str] = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos or text[e.start : e.end] != e.before:
            raise ValueError(f"edit does not apply at {e.start}: {e}")
        out.append(text[pos : e.start])
        out.append(e.after)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def replay(text: str, edits: Iterable[Edit]) -> str:
    """Replay edits of several steps (grouped by step, in the order given) on the raw text."""
    groups: list[tuple[str, list[Edit]]] = []
    for e in edits:
        if not groups or groups[-1][0] != e.step:
            groups.append((e.step, []))
        groups[-1][1].append(e)
    for _, group in groups:
        text = apply_edits(text, group)
    return text


class EditBuilder:
    """Collects non-overlapping replacements on one text and builds the new text with its edits."""

    def __init__(self, text: str, step: str):
        self.text = text
        self.step = step
        self._spans: list[tuple[int, int, str, str]] = []

    def replace(self, start: int, end: int, after: str, reason: str) -> None:
        if self.text[start:end] != after:
            self._spans.append((start, end, after, reason))

    def build(self) -> tuple[str, list[Edit]]:
        self._spans.sort(key=lambda s: (s[0], s[1]))
        edits: list[Edit] = []
        out: list[str] = []
        pos = 0
        for start, end, after, reason in self._spans:
            if start < pos:  # overlapping proposal: the earlier one wins
                continue
            out.append(self.text[pos:start])
            out.append(after)
            edits.append(Edit(self.step, start, end, self.text[start:end], after, reason))
            pos = end
        out.append(self.text[pos:])
        return "".join(out), edits


def sub_with_edits(
    pattern: Union[str, re.Pattern[str]],
    repl: Union[str, Callable[[re.Match[str]], str]],
    text: str,
    step: str,
    reason: str,
) -> tuple[str, list[Edit]]:
    """``re.sub`` that also returns one :class:`Edit` per changed match."""
    rx = re.compile(pattern) if isinstance(pattern, str) else pattern
    b = EditBuilder(text, step)
    for m in rx.finditer(text):
        after = repl(m) if callable(repl) else m.expand(repl)
        b.replace(m.start(), m.end(), after, reason)
    return b.build()
