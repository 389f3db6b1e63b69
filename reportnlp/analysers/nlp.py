"""spaCy layer: a report tokenizer and four span components over the plain detectors.

:func:`load` gives a blank Chinese pipeline whose tokenizer is :class:`ReportTokenizer` (jieba or rjieba with
the numbered-term user dictionary; the text cut first at the edges of every mask, slogan, metric and heading, and
each mask and slogan one token where no other result's edge falls inside it), followed by the
components ``report_placeholders``, ``report_metrics``, ``report_slogans`` and ``report_headings``. Each
component is a thin wrapper: it calls the plain function on ``doc.text`` and writes the results to
``doc.spans[kind]``; the span's ``label_`` is the type (placeholders), unit (metrics), kind (slogans) or
level (headings), and ``span._.report`` holds the plain result with its exact character offsets and every
attribute (``value``, ``qualifier``, ``masked``, ``expansion``, ``marker``, ``parent``…).

The factories are registered under spaCy's ``spacy_factories`` entry point, so they also work in a pipeline
that never imported reportnlp::

    nlp = spacy.blank("zh")
    nlp.add_pipe("report_placeholders")

With :class:`ReportTokenizer` every span's ``start_char``/``end_char`` equal its result's offsets: a result holding
another (``两个毫不动摇`` holds the slogan ``毫不动摇``) or overlapping one spans several tokens
(``两个``/``毫不动摇``), and a mask or slogan is one token otherwise. With another tokenizer (or ``protect=False``)
a span may not fall on token boundaries: it is then widened to the enclosing tokens, ``span._.report`` keeps the
exact offsets, and two results of one label widened onto the same tokens are two spans told apart by their ``id``
(``span.id``: 0, 1, …), each with its own ``span._.report``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from reportnlp.analysers.headings import Heading, find_headings, structure_signature
from reportnlp.analysers.metrics import Metric, find_metrics
from reportnlp.analysers.placeholders import Placeholder, find_placeholders
from reportnlp.analysers.segment import get_segmenter
from reportnlp.analysers.slogans import Slogan, find_slogans
from reportnlp.errors import InputError

__all__ = ["COMPONENTS", "ReportTokenizer", "load"]

#: Component name → (``doc.spans`` key, plain function, attribute used as the span label).
COMPONENTS: dict[str, tuple[str, Callable[[str], list], str]] = {
    "report_placeholders": ("placeholders", find_placeholders, "type"),
    "report_metrics": ("metrics", find_metrics, "unit"),
    "report_slogans": ("slogans", find_slogans, "kind"),
    "report_headings": ("headings", find_headings, "level"),
}
_SURROGATE = re.compile("[\ud800-\udfff]")
_TEXT = "reportnlp.text"  # doc.user_data key: the text (spaCy rebuilds doc.text from every token)
_ENDS = "reportnlp.token_ends"  # doc.user_data key: end offset of each token
_REPORTS = "reportnlp.reports"  # doc.user_data key: (start_char, end_char, label) -> plain result


_CLASSES = {c.__name__: c for c in (Placeholder, Metric, Slogan, Heading)}


def _pack(item: Any) -> list:
    """A result as msgpack-able data, so docs still serialise (``to_bytes``, ``nlp.pipe(n_process=2)``)."""
    fields = vars(item)
    if tuple in map(type, fields.values()):
        return [
            type(item).__name__,
            {k: list(v) if isinstance(v, tuple) else v for k, v in fields.items()},
        ]
    return [
        type(item).__name__,
        fields.copy(),
    ]  # no tuple among the fields: a plain copy (5x faster)


def _unpack(packed: list) -> Any:
    name, fields = packed
    return _CLASSES[name](**{k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()})


def _report_key(start: int, end: int, label: str, n: int = 0) -> str:
    # n > 0: the n-th other result of this label widened to the same tokens (the span's ``id``)
    return f"{start}:{end}:{label}:{n}" if n else f"{start}:{end}:{label}"


def _get_report(span: Span) -> Any:
    # Looked up by offsets *and* label: spaCy keys plain span extensions by offsets only, and one text
    # span can be two results (一镇一品 is a numbered slogan and a four-character one).
    packed = span.doc.user_data.get(_REPORTS, {}).get(
        _report_key(span.start_char, span.end_char, span.label_, span.id)
    )
    return None if packed is None else _unpack(packed)


if not Span.has_extension("report"):
    Span.set_extension("report", getter=_get_report)
if not Doc.has_extension("outline_signature"):
    Doc.set_extension(
        "outline_signature",
        getter=lambda doc: structure_signature(
            [s._.report for s in doc.spans.get("headings", []) if s._.report is not None]
        ),
    )


# The tokenizer's results (masks, slogans, metrics, headings) of the text it last cut, taken (once) by the components over the same text
# object instead of being found again: detector -> (text, results).
_FOUND: dict[Callable[[str], list], tuple[str, list]] = {}


def _find(find: Callable[[str], list], text: str) -> list:
    """``find(text)``, or the results the tokenizer found for this very text object."""
    cached = _FOUND.pop(find, None)
    if cached is not None and cached[0] is text:
        return cached[1]
    return find(text)


def _pieces(text: str) -> list[tuple[int, int, bool]]:
    """``text`` cut at the edges of every result of the four detectors: ``(start, end, whole)`` pieces in order.

    A piece inside a mask or a slogan is ``whole`` (one token); the others are segmented. Cutting at every edge
    (metrics' and headings' too) makes each result's span fall on token boundaries, nested and overlapping results
    included: ``两个毫不动摇`` (numbered) holding ``毫不动摇`` (four-character) is the tokens ``两个``/``毫不动摇``,
    the metric ``14年`` of ``14年来`` is ``14年``/``来``.
    """
    masks = find_placeholders(text)
    slogans = find_slogans(text)
    metrics = find_metrics(text)
    headings = find_headings(text)
    for find, found in (
        (find_placeholders, masks),
        (find_slogans, slogans),
        (find_metrics, metrics),
        (find_headings, headings),
    ):
        _FOUND[find] = (text, found)
    whole = sorted((r.start, r.end) for r in (*masks, *slogans) if r.end > r.start)
    edges = {0, len(text)}
    for results in (masks, slogans, metrics, headings):
        for r in results:
            if 0 <= r.start < r.end <= len(text):
                edges.add(r.start)
                edges.add(r.end)
    cuts = sorted(edges)
    # the union of the masks' and slogans' spans, merged: a piece lies inside it or outside (it holds no edge)
    covered: list[list[int]] = []
    for start, end in whole:
        if covered and start <= covered[-1][1]:
            covered[-1][1] = max(covered[-1][1], end)
        else:
            covered.append([start, end])
    pieces: list[tuple[int, int, bool]] = []
    i = 0
    for a, b in zip(cuts, cuts[1:]):
        while i < len(covered) and covered[i][1] <= a:
            i += 1
        pieces.append((a, b, i < len(covered) and covered[i][0] <= a))
    return pieces


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """The pieces of ``text`` kept as single tokens (inside masks and slogans), non-overlapping, in order."""
    return [(start, end) for start, end, whole in _pieces(text) if whole]


class ReportTokenizer:
    """jieba/rjieba segmentation with masks and slogans as whole tokens; ``doc.text == text`` always."""

    def __init__(self, vocab, backend: str = "jieba", hmm: bool = True, protect: bool = True):
        self.vocab = vocab
        self.backend = backend
        self.hmm = hmm
        self.protect = protect
        self.segmenter = get_segmenter(backend, hmm)

    def __call__(self, text: str) -> Doc:
        if _SURROGATE.search(text):  # spaCy's string store holds UTF-8 only
            raise InputError(
                f"lone surrogate at character {_SURROGATE.search(text).start()}: "
                "not text; reportnlp.clean removes it (with an edit)"
            )
        if not self.protect:
            words = self.segmenter.cut(text)
        else:
            words = []
            run: list[
                int
            ] = []  # the edges of a run of pieces to segment: segmented at once, then cut
            for start, end, whole in _pieces(text):
                if not whole:
                    run.extend((start, end) if not run else (end,))
                    continue
                if run:
                    words.extend(self._cut_run(text, run))
                    run = []
                words.append(text[start:end])
            if run:
                words.extend(self._cut_run(text, run))
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words))
        doc.user_data[_ENDS] = list(accumulate(map(len, words)))
        doc.user_data[_TEXT] = text
        return doc

    def _cut_run(self, text: str, edges: list[int]) -> list[str]:
        """``text[edges[0]:edges[-1]]`` segmented in one call, its tokens then cut at the inner edges (a metric's
        ``14年`` of jieba's ``14``/``年来`` is ``14``/``年``/``来``)."""
        start, end = edges[0], edges[-1]
        if end - start == 1:
            return [text[start:end]]  # one character between two cuts is one token
        tokens = self.segmenter.cut(text[start:end])
        if len(edges) == 2:
            return tokens
        out: list[str] = []
        inner = iter(edges[1:-1])
        cut = next(inner)
        pos = start
        for token in tokens:
            end_tok = pos + len(token)
            while cut is not None and cut <= pos:
                cut = next(inner, None)
            while cut is not None and cut < end_tok:
                out.append(text[pos:cut])
                pos = cut
                cut = next(inner, None)
            out.append(text[pos:end_tok])
            pos = end_tok
        return out

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    # Nothing to serialise: the settings live in the config, the dictionary ships with the package.
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> ReportTokenizer:
        return self

    def to_disk(self, path, **kwargs: Any) -> None:
        pass

    def from_disk(self, path, **kwargs: Any) -> ReportTokenizer:
        return self


@registry.tokenizers("reportnlp.ReportTokenizer.v1")
def create_tokenizer(
    backend: str = "jieba", hmm: bool = True, protect: bool = True
) -> Callable[[Language], ReportTokenizer]:
    def make(nlp: Language) -> ReportTokenizer:
        return ReportTokenizer(nlp.vocab, backend, hmm, protect)

    return make


class SpanComponent:
    """Runs one plain detector and stores its results as ``doc.spans[key]``."""

    def __init__(self, name: str, key: str, find: Callable[[str], list], label_attr: str):
        self.name, self.key, self.find, self.label_attr = name, key, find, label_attr

    def __call__(self, doc: Doc) -> Doc:
        found = _find(self.find, _text(doc))
        doc.spans[self.key] = _to_spans(doc, found, self.label_attr)
        return doc


def _text(doc: Doc) -> str:
    """``doc.text``, from the copy :class:`ReportTokenizer` keeps (``doc.text`` costs a pass over tokens)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def _token_ends(doc: Doc) -> list[int]:
    """End offset of every token (cached in ``doc.user_data`` by :class:`ReportTokenizer`)."""
    ends = doc.user_data.get(_ENDS)
    if ends is None or len(ends) != len(doc):
        ends = [t.idx + len(t) for t in doc]
    return ends


def _to_spans(doc: Doc, found: Sequence[Any], label_attr: str) -> list[Span]:
    """Spans over the tokens that cover each result (exact when the result falls on token edges)."""
    if not found:
        return []
    spans = []
    reports = doc.user_data.setdefault(_REPORTS, {})
    ends = _token_ends(doc)
    label_ids: dict[str, int] = {}  # label -> its id in the string store, added once
    used: set[str] = set()
    for item in found:
        if item.end <= item.start:
            continue
        label = getattr(item, label_attr)
        label = "" if label is None else str(label)
        label_id = label_ids.get(label)
        if label_id is None:
            label_id = label_ids[label] = doc.vocab.strings.add(label)
        first = bisect_right(ends, item.start)  # the token holding the first character
        last = bisect_left(ends, item.end)  # the token holding the last character
        # the span's character offsets, from the token ends instead of asking the span (3 token lookups)
        start_char = ends[first - 1] if first else 0
        key = _report_key(start_char, ends[last], label)
        n = 0
        while (
            key in used
        ):  # widened onto the tokens of another result of this label: told apart by id
            n += 1
            key = _report_key(start_char, ends[last], label, n)
        used.add(key)
        spans.append(Span(doc, first, last + 1, label=label_id, span_id=n))
        reports[key] = _pack(item)
    return spans


def _factory(component: str) -> Callable[[Language, str], SpanComponent]:
    key, find, label_attr = COMPONENTS[component]

    def make(nlp: Language, name: str) -> SpanComponent:
        return SpanComponent(name, key, find, label_attr)

    make.__name__ = f"make_{key}"
    make.__doc__ = (
        f"spaCy factory: ``doc.spans[{key!r}]`` from :func:`{find.__module__}.{find.__name__}`."
    )
    return make


make_placeholders = Language.factory("report_placeholders")(_factory("report_placeholders"))
make_metrics = Language.factory("report_metrics")(_factory("report_metrics"))
make_slogans = Language.factory("report_slogans")(_factory("report_slogans"))
make_headings = Language.factory("report_headings")(_factory("report_headings"))


def load(
    *, backend: str = "jieba", hmm: bool = True, components: Sequence[str] = tuple(COMPONENTS)
) -> Language:
    """A spaCy ``Language`` for reports: blank ``zh``, :class:`ReportTokenizer`, then our components.

    ``backend="rjieba"`` segments ~30× faster (same tokens as jieba with ``hmm=False``).

    >>> nlp = load()
    >>> doc = nlp("今年以来，××市开展“六进”宣讲30余场次。")
    >>> [(s.text, s.label_) for s in doc.spans["placeholders"]], "××" in [t.text for t in doc]
    ([('××', 'name')], True)
    >>> [(s.text, s._.report.value) for s in doc.spans["metrics"]]
    [('30余场次', 30.0)]
    """
    import spacy

    config = {
        "nlp": {
            "tokenizer": {
                "@tokenizers": "reportnlp.ReportTokenizer.v1",
                "backend": backend,
                "hmm": hmm,
            }
        }
    }
    nlp = spacy.blank("zh", config=config)
    for name in components:
        nlp.add_pipe(name)
    return nlp
