"""Word segmentation for reports: jieba (or rjieba) with a user dictionary, masks and slogans kept whole.

jieba cuts ``××市`` into ``×``/``×``/``市`` and ``固本培元`` into ``固本``/``培元``, and it cannot be taught
otherwise: its dictionary only holds runs of Han letters and digits, so ``××`` can never be a word. The
segmenter therefore cuts the text at *protected spans* first (template masks and slogans, found by the plain
detectors) and segments only the text between them; each protected span is one token. The user dictionary
(the numbered terms shipped with :mod:`reportnlp.analysers.slogans`) keeps terms such as ``一带一路`` whole
where the detector did not mark them.

Two backends give the same tokens with HMM off (and 99.9 % of boundaries with it on): ``jieba`` (pure
Python, the reference) and ``rjieba`` (the jieba-rs binding, ~30× faster). Each :class:`Segmenter` owns a
private dictionary, so our user words never leak into the user's global ``jieba``.

jieba is superlinear on one long run of characters it does not know (``"仨" * 20000`` takes ~1 s, 100 kB of
rare characters over 30 s), so a piece longer than :data:`MAX_PIECE` characters is cut first: after the last
punctuation or whitespace in the window (where jieba cuts anyway, so normal text gives the same tokens), else
hard at the bound. Tokens still concatenate to the text, so every offset stays exact.

>>> seg = Segmenter("jieba")
>>> seg.cut("今年x到x月，××市开展“六进”宣讲", protected=[(2, 5), (7, 9)])
['今年', 'x到x', '月', '，', '××', '市', '开展', '“', '六进', '”', '宣讲']
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from functools import cache

__all__ = ["BACKENDS", "MAX_PIECE", "Segmenter", "get_segmenter"]

BACKENDS = ("jieba", "rjieba")
MAX_PIECE = 500  # characters segmented at once
# Characters jieba and jieba-rs always emit as tokens of their own (outside their Han/word-character class,
# and not the \r of a \r\n pair): a cut right after one changes no token.
_SAFE_ENDS = frozenset("，。！？；：、,;!?（）()“”‘’\"'《》〈〉【】[]「」『』…—· \t\n\u3000\f\v")


def _pieces(text: str, bound: int = MAX_PIECE) -> list[str]:
    """``text`` cut into pieces of at most ``bound`` characters, each after a safe end where the window has one."""
    pieces: list[str] = []
    pos, n = 0, len(text)
    while n - pos > bound:
        cut = pos + bound  # hard cut if the window has no safe end
        for i in range(pos + bound - 1, pos, -1):
            if text[i] in _SAFE_ENDS:
                cut = i + 1
                break
        pieces.append(text[pos:cut])
        pos = cut
    pieces.append(text[pos:])
    return pieces


def _user_words() -> tuple[str, ...]:
    try:
        from reportnlp.analysers.slogans import numbered_terms
    except ImportError:  # pragma: no cover - the slogan module ships with the package
        return ()
    return tuple(sorted(numbered_terms()))


class Segmenter:
    """A word segmenter with its own dictionary: ``cut(text, protected)`` → tokens that join to ``text``.

    ``backend`` is ``"jieba"`` or ``"rjieba"``; ``hmm`` switches jieba's HMM for unknown words (on by default,
    as ``jieba.lcut``); ``user_words`` are added to the private dictionary (default: the numbered terms).
    """

    def __init__(
        self, backend: str = "jieba", *, hmm: bool = True, user_words: Iterable[str] | None = None
    ) -> None:
        if backend not in BACKENDS:
            raise ValueError(f"unknown segmenter backend {backend!r}; choose one of {BACKENDS}")
        self.backend = backend
        self.hmm = hmm
        words = _user_words() if user_words is None else tuple(user_words)
        if backend == "jieba":
            import jieba

            logger = logging.getLogger("jieba")
            level = logger.level
            logger.setLevel(
                logging.WARNING
            )  # jieba logs its dictionary build on every new Tokenizer
            try:
                self._impl = jieba.Tokenizer()
                self._impl.initialize()
            finally:
                logger.setLevel(level)
            for w in words:
                self._impl.add_word(w)
            self._cut_piece = lambda s: self._impl.lcut(s, HMM=self.hmm)
        else:
            try:
                import rjieba
            except ImportError as exc:
                raise ImportError(
                    "the rjieba backend needs the rjieba package: pip install 'reportnlp[fast]'"
                ) from exc
            self._impl = rjieba.Jieba()
            for w in words:
                self._impl.add_word(w, None, None)
            self._cut_piece = lambda s: self._impl.cut(s, self.hmm)

    def _cut(self, text: str) -> list[str]:
        if len(text) <= MAX_PIECE:
            return self._cut_piece(text)
        tokens: list[str] = []
        for piece in _pieces(text):
            tokens.extend(self._cut_piece(piece))
        return tokens

    def cut(self, text: str, protected: Sequence[tuple[int, int]] = ()) -> list[str]:
        """Tokens of ``text`` (they concatenate to it); each ``(start, end)`` in ``protected`` is one token.

        Protected spans must be sorted and non-overlapping (overlapping ones are skipped).
        """
        if not protected:
            return self._cut(text) if text else []
        tokens: list[str] = []
        pos = 0
        for start, end in protected:
            if start < pos or end <= start:
                continue
            if start == pos + 1:
                tokens.append(text[pos])  # one character between two spans is one token (xx次xx次)
            elif start > pos:
                tokens.extend(self._cut(text[pos:start]))
            tokens.append(text[start:end])
            pos = end
        if pos < len(text):
            tokens.extend(self._cut(text[pos:]))
        return tokens

    def __repr__(self) -> str:
        return f"Segmenter({self.backend!r}, hmm={self.hmm})"


@cache
def get_segmenter(backend: str = "jieba", hmm: bool = True) -> Segmenter:
    """The shared segmenter for ``backend`` (built once per process: jieba's dictionary takes ~1 s)."""
    return Segmenter(backend, hmm=hmm)
