"""Word segmentation for reports: jieba (or rjieba) with a user dictionary, masks and slogans kept whole.

jieba cuts ``××市`` into ``×``/``×``/``市`` and ``固本培元`` into ``固本``/``培元``, and it cannot be taught
otherwise: its dictionary only holds runs of Han letters and digits, so ``××`` can never be a word. The
segmenter therefore cuts the text at *protected spans* first (template masks and slogans, found by the plain
detectors) and segments only the text between them; each protected span is one token. The user dictionary
(the numbered terms shipped with :mod:`reportnlp.analysers.slogans`) keeps terms such as ``一带一路`` whole
where the detector did not mark them.

Two backends give the same tokens with HMM off (and 99.9 % of boundaries with it on): ``jieba`` (pure
Python, the reference; its segmentation loop rewritten here, :func:`_jieba_lcut`, the same tokens at about 0.6
times the time) and ``rjieba`` (the jieba-rs binding, ~30× faster). Each :class:`Segmenter` owns a
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
from math import log

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


def _jieba_lcut(impl, text: str, hmm: bool) -> list[str]:
    """``impl.lcut(text, HMM=hmm)`` (``impl`` a ``jieba.Tokenizer``), the same tokens at about 0.6 times the time.

    jieba's own steps (``Tokenizer.cut``, ``get_DAG``, ``calc``, ``__cut_DAG``/``__cut_DAG_NO_HMM``, jieba 0.42)
    in one loop: the word graph and the best route are made together from right to left, each fragment looked up
    in the dictionary once (jieba looks it up twice, then slices it again to score it), and the route's ties broken
    as jieba's ``max`` over ``(score, end)`` breaks them (the longer word); the scores are the same sums, in the same
    order, so the same floats. Unknown runs still go to ``jieba.finalseg`` (HMM). ``tests/test_segment.py`` holds
    it to ``lcut`` on the State Council reports and on random text.
    """
    import jieba

    if not impl.initialized:
        impl.initialize()
    re_han, re_skip = jieba.re_han_default, jieba.re_skip_default
    freq = impl.FREQ
    get = freq.get
    logtotal = log(impl.total)
    finalseg_cut = jieba.finalseg.cut
    re_eng = jieba.re_eng
    out: list[str] = []
    append = out.append
    for blk in re_han.split(text):
        if not blk:
            continue
        if not re_han.match(blk):
            for x in re_skip.split(blk):
                if re_skip.match(x):
                    append(x)
                else:
                    out.extend(x)  # one token a character
            continue
        # the best route: nxt[k] = the end of the word starting at k
        n = len(blk)
        score = [0.0] * (n + 1)
        nxt = [0] * n
        for k in range(n - 1, -1, -1):
            best = None
            best_end = k + 1
            i = k
            f = get(blk[k])
            while f is not None:  # (jieba: while i < N and frag in FREQ)
                if f:
                    s = log(f) - logtotal + score[i + 1]
                    if best is None or s >= best:  # max((score, x)): a tie goes to the larger x
                        best, best_end = s, i + 1
                i += 1
                if i >= n:
                    break
                f = get(blk[k : i + 1])
            if best is None:  # no word at k: the character alone (log(FREQ.get(c) or 1) == 0.0)
                best = 0.0 - logtotal + score[k + 1]
            score[k] = best
            nxt[k] = best_end
        x = 0
        buf = ""
        if hmm:
            while x < n:
                y = nxt[x]
                if y - x == 1:
                    buf += blk[x]
                else:
                    if buf:
                        _flush_singles(buf, out, get, finalseg_cut)
                        buf = ""
                    append(blk[x:y])
                x = y
            if buf:
                _flush_singles(buf, out, get, finalseg_cut)
        else:
            while x < n:
                y = nxt[x]
                word = blk[x:y]
                if y - x == 1 and re_eng.match(word):
                    buf += word
                else:
                    if buf:
                        append(buf)
                        buf = ""
                    append(word)
                x = y
            if buf:
                append(buf)
    return out


def _flush_singles(buf: str, out: list[str], get, finalseg_cut) -> None:
    """A run of characters the route left alone, as jieba's ``__cut_DAG`` gives it: one character as it is, a
    run the dictionary lacks through the HMM (``finalseg``), a run it holds character by character."""
    if len(buf) == 1:
        out.append(buf)
    elif not get(buf):
        out.extend(finalseg_cut(buf))
    else:
        out.extend(buf)


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
            self._cut_piece = lambda s: _jieba_lcut(self._impl, s, self.hmm)
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
