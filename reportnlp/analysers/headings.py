"""Headings: the outline tree of a report (``一、`` ``（一）`` ``1.`` ``（1）`` ``一是`` ``重点一``, unnumbered
headings, lead-sentence sections) and a structure signature string per document, for clustering.

Reports follow a few outline templates, and the outline tells which one a page follows better than its words
do. :func:`find_headings` reads clean text (one paragraph a line, blank lines ignored: ``clean(...).text``) in
one pass over the paragraphs with compiled regular expressions, then links each heading to the one enclosing
it; :func:`structure_signature` writes that tree as a short string.

What is a heading. Only a paragraph start is looked at (run-together paragraphs are the clean stage's job):

* numbered, ``level`` by the marker's style: ``一、``/``一.`` (and a paragraph that is a bare ``一``) 1;
  ``（一）``/``(一)`` and keyword ordinals ``重点一``/``亮点一``/``关键词一``… (before ``:``/``、``/``，``/``“``) 2;
  ``1.``/``1、`` 3, never before a digit (``1.5%`` is a number, ``3、4月份`` a range); ``（1）``/``(1)`` 4;
* ``enum``: a paragraph opening with ``一是``/``二是``… or ``第一，``/``第一、``. Decided from the gold: an
  ``N是`` inside a paragraph is running text even at a sentence start (seed 003 has ``…理论武装。一是…`` in one
  paragraph, ``二是…`` opening the next, and only the latter is labelled); it still counts for the sequence,
  so that ``二是`` is accepted after it;
* unnumbered (``marker`` ``""``): a short title-like paragraph (2–30 characters, no ``。！？；：，``, not a
  date, not the first paragraph) followed by body text or a numbered heading. Its ``level`` is its depth: 1 at
  the top (seed 001), 2 under ``二、`` when the ``一、`` run goes on after it (the 1957 report's
  ``关于教育改革问题`` between ``二、`` and ``三、``); ``结束语`` after the last ``十、`` is at the top;
* ``section``: an unnumbered lead sentence opening a paragraph (at most 26 characters: a phrase, optionally
  ``，`` and a second clause, ``。``) followed at once by ``一是``/``第一，``, when at least two such paragraphs
  stand under the same heading: the parallel structure makes a lead a heading (seed 004's ``办好微课堂,以“深学”
  固理论之基。一是…``). A lead that announces a list (``要把握好以下几点。``, ``重点抓好三件事。``) is not one.
  ``marker`` is the phrase before the first comma (``办好微课堂``).

Numbering must be consistent. A number continues its style's open run (``n`` after ``n-1``; one lost number is
tolerated, like the 2007 report's missing ``（三）``) or opens one at 1 (at 2 when the style is not open: a first
heading lost to mojibake); anything else is running text. A 1 in a style already open nests inside the current
heading (1986: ``一、``…``六、`` inside ``三、``, after which ``四、`` continues the outer run). A numbered heading
line ending in ``；`` or ``，`` is a list item: it and the rest of its run (the last item ends in ``。``) count
but are not headings. Nesting follows the order of appearance: a new style opens under the current heading, a
style already open closes everything opened inside it. ``enum`` paragraphs and sections are leaves closed by
the next heading; an ``enum`` that is a heading line can hold headings (1978: ``第一，全国动员，大办农业`` over
``（一）``…``（九）``).

The span (``text == source[start:end]``): the whole paragraph when it is a heading line (at most 60 characters,
no ``。`` before its end); otherwise the marker through the end of the lead sentence or clause, i.e. through the
first ``。！？；：`` (or ASCII ``!?;:``) outside “quotes” and 《titles》, punctuation right after the marker
skipped (``重点一:讲什么?…`` is a heading line; ``1.志愿x网完成情况:`` ends at the colon). An unnumbered heading is
its whole paragraph; a section is its lead sentence.

On the State Council corpus (52 reports 1954–2025 and 20 resolutions, 1.1 M characters clean) the parser finds
1,043 headings: 2019 ``1(eeeeeeee)11(2222222222)``, 1993 ``1111111u``, 1957 ``11(uu)1(uuuu)11``; the
resolutions, 1954 and 1975 have none. ``find_headings`` over all the clean texts takes about 15 ms (median of
7 runs on this project's 2-core machine).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

__all__ = ["Heading", "back_matter_start", "find_headings", "structure_signature"]

# A paragraph this short without an inner 。 is a heading line: its span is the paragraph.
HEADING_LINE_MAX = 60
TITLE_MAX = 30  # an unnumbered heading is at most this long
SECTION_LEAD_MAX = 26

_DIGIT = "一二三四五六七八九"
_CN = f"[{_DIGIT}十]{{1,3}}"
_CN_VALUE = {d: i for i, d in enumerate(_DIGIT, 1)}  # 一 … 九十九
_CN_VALUE.update({"十" + d: 10 + i for d, i in list(_CN_VALUE.items())})
_CN_VALUE.update(
    {
        _DIGIT[t - 1] + "十" + d: t * 10 + i
        for t in range(2, 10)
        for d, i in _CN_VALUE.items()
        if i < 10
    }
)
_CN_VALUE.update({"十": 10, **{_DIGIT[t - 1] + "十": t * 10 for t in range(2, 10)}})
_KEYWORDS = "重点|亮点|关键词|举措|措施|做法|任务|经验|特色|专题|篇章|板块|目标|步骤"
_SPACE = " \t\u3000\u00a0"

# A marker at a paragraph start; the match ends where the title begins (punctuation after the marker skipped).
_MARKER = re.compile(
    rf"[{_SPACE}]*(?P<marker>"
    rf"(?P<cn>{_CN})(?:[、.．](?![{_DIGIT}十][、季产])|(?P<bare>(?=[{_SPACE}]*(?:\r?\n|\r|$))))"
    rf"|[（(](?P<pcn>{_CN})[）)]"
    rf"|(?P<ar>[0-9]{{1,2}})[.．、](?![0-9])"
    rf"|[（(](?P<par>[0-9]{{1,2}})[）)]"
    rf"|(?P<kw>{_KEYWORDS})(?P<kwn>{_CN})(?=[:：、，,.．\s“《])"
    rf"|(?P<en>{_CN})是"
    rf"|第(?P<di>{_CN})(?=[，,、：:])"
    rf")[{_SPACE}:：、，,.．]*"
)
# The characters a _MARKER match can start with (tests/test_headings.py derives them from the pattern): a paragraph
# that starts with none is not matched against it (most paragraphs; the call costs more than the set test).
_MARKER_FIRST = frozenset(
    _SPACE + _DIGIT + "十（(0123456789第" + "".join(w[0] for w in _KEYWORDS.split("|"))
)
# The lead sentence or clause: up to the first terminator outside “…” and 《…》.
_LEAD = re.compile(r"(?:“[^“”\n]*”|《[^《》\n]*》|[^。！？!?；;：:“《\n]|[“《])*[。！？!?；;：:]?")
# A lead-sentence section: short lead phrase, optional second clause, 。, then an enumeration.
_SECTION = re.compile(
    rf"[{_SPACE}]*(?P<phrase>[^\s。！？!?；;：:，,、“”]{{2,12}})(?:[，,][^\n。！？!?；;：:]{{1,20}})?。"
    rf"(?=一是|第一[，,、])"
)
# A lead that announces a list (``要把握好以下几点。``, ``重点抓好三件事。``) is an introduction, not a section.
_ANNOUNCE = re.compile(rf"以下|如下|[{_DIGIT}两几十]+(?:点|件事|个方面|方面|项)")
_TITLE_FORBIDDEN = re.compile(r"[。！？!?；;：:，,]")
_TITLE_START = re.compile(r"[\u3400-\u9fff0-9“《「]")
_HAN2 = re.compile(r"[\u3400-\u9fff][^\u3400-\u9fff]*[\u3400-\u9fff]")
_DATE_LIKE = re.compile(rf"[0-9{_DIGIT}十〇零年月日号\s]+")
_BODYISH = re.compile(r"[。！？!?，,；;：:]")
_MID_ENUM = re.compile(rf"[。；;：:！？!?](?:(?P<en>{_CN})是|第(?P<di>{_CN})[，,、])")

# Back matter: an annex or glossary heading, a closing exhortation followed by a title, a run of notes.
_BACK_HEAD = re.compile(
    rf"(?:附件|附表|附录)[{_SPACE}]*[0-9{_DIGIT}十]*[{_SPACE}]*[:：]?[{_SPACE}]*"
    r"(?:名词解释|名词注释|名词解读|词语解释|注释|说明)?"
    rf"|(?:名词解释|名词注释|名词解读|词语解释|注释|注解)[{_SPACE}]*[:：]?"
)
_CLOSING = re.compile(r"让我们[^\n]{0,300}[！!。][」”]?$")
_NOTE = re.compile(rf"[{_SPACE}]*[［\[][0-9]{{1,3}}[］\]]")
# A lead sentence opening a paragraph of more text, for outlines made of lead sentences only.
_LEAD_SENTENCE = re.compile(
    rf"[{_SPACE}]*(?P<phrase>[^\s。！？!?；;：:，,、“”]{{4,14}})。(?=[^\n]{{10}})"
)
LEAD_OUTLINE_MIN = (
    3  # lead sentences a report without numbered headings needs for them to be its outline
)
LEAD_OUTLINE_SHARE = 0.3  # … and the share of its paragraphs they open

_LEVEL = {"cn": 1, "bare": 1, "pcn": 2, "kw": 2, "ar": 3, "par": 4, "en": "enum", "di": "enum"}


@dataclass(frozen=True)
class Heading:
    """One heading: ``source[start:end] == self.text``; ``parent`` indexes the list it came in (None at top)."""

    start: int
    end: int
    text: str
    level: int | str  # 1, 2, 3, 4, "enum" or "section"
    marker: str
    parent: int | None


class _Candidate:
    __slots__ = ("kind", "style", "n", "start", "end", "marker", "block", "list_item", "line")

    def __init__(self, kind, style, n, start, end, marker, block, list_item=False, line=False):
        # kind: "num", "enum", "title" or "section"; style: the numbering style ("cn", "pcn", "ar", "par",
        # "kw:重点", "en", "di"), "" for the unnumbered
        self.kind = kind
        self.style = style
        self.n = n
        self.start = start
        self.end = end
        self.marker = marker
        # sections are counted per block (the text between two headings); a list item (a numbered line
        # ending in ；/，) counts in its run but is no heading; line: the span is the whole paragraph
        self.block = block
        self.list_item = list_item
        self.line = line


class _Open:
    """A heading on the stack: style, number, candidate index, index in the output (-1: a hidden list item),
    start offset, and whether it is a leaf (an enum paragraph or a section: closed by the next heading)."""

    __slots__ = ("style", "n", "ci", "out", "start", "leaf")

    def __init__(self, style, n, ci, out, start, leaf):
        self.style = style
        self.n = n
        self.ci = ci
        self.out = out
        self.start = start
        self.leaf = leaf


class _Stack(list):
    """The open headings, with counts of the non-leaf ``(style, n)`` on it (all, and visible ones), so a
    number that follows none of them is not looked for down the whole stack (a page of 8,000 ``一`` lines
    made :func:`find_headings` quadratic)."""

    def __init__(self) -> None:
        super().__init__()
        self.count: Counter = Counter()
        self.visible: Counter = Counter()

    def _add(self, e: _Open, d: int) -> None:
        if not e.leaf:
            self.count[e.style, e.n] += d
            if e.out >= 0:
                self.visible[e.style, e.n] += d

    def append(self, e: _Open) -> None:
        super().append(e)
        self._add(e, 1)

    def pop(self) -> _Open:
        e = super().pop()
        self._add(e, -1)
        return e

    def __delitem__(self, key: slice) -> None:
        for e in self[key]:
            self._add(e, -1)
        super().__delitem__(key)


def _lead_end(text: str, start: int, body: int, end: int) -> int:
    """End of the span: the paragraph if it is a heading line, else the lead sentence or clause."""
    if end - start <= HEADING_LINE_MAX and text.find("。", start, end - 1) < 0:
        return end
    stop = _LEAD.match(text, body, end).end()
    return stop if stop > body else end


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line that is not blank (``str.split`` runs at C speed, a regex scan does not)."""
    spans = []
    pos = 0
    cr = "\r" in text  # (a line's one closing \r is not part of it)
    for line in text.split("\n"):
        n = len(line)
        if n and not line.isspace():  # (a line of a \r alone is a space)
            spans.append((pos, pos + n - (cr and line[-1] == "\r")))
        pos += n + 1
    return spans


def back_matter_start(text: str, paragraphs: list[tuple[int, int]] | None = None) -> int:
    """Where the back matter begins (``len(text)`` when there is none): in the second half of the text, an
    annex or glossary heading (``附件1``, ``名词解释``, ``附件2 名词解释``), a title right after the closing
    exhortation (``让我们……！`` then ``2025年省十件民生实事``), or the first of a run of notes
    (``［23］金融“五篇大文章”：…``). Its ``一、`` items and numbered terms are not the report's outline.

    >>> t = "一、回顾\\n\\n正文。\\n\\n二、任务\\n\\n正文。\\n\\n让我们团结奋斗！\\n\\n附件1\\n\\n一、民生实事。"
    >>> t[back_matter_start(t):]
    '附件1\\n\\n一、民生实事。'
    """
    if paragraphs is None:
        paragraphs = _paragraphs(text)
    half = len(text) // 2
    notes = 0
    for i, (s, e) in enumerate(paragraphs):
        if s < half:
            continue
        line = text[s:e].strip(_SPACE)
        if len(line) <= 20 and _BACK_HEAD.fullmatch(line):
            return s
        if _NOTE.match(text, s, e):
            if notes == 0:
                first_note = s
            notes += 1
            if notes >= 2:
                return first_note
            continue
        notes = 0
        if _CLOSING.search(line) and i + 1 < len(paragraphs):
            ns, ne = paragraphs[i + 1]
            nxt = text[ns:ne].strip(_SPACE)
            if len(nxt) <= TITLE_MAX and not _TITLE_FORBIDDEN.search(nxt):
                return ns
    return len(text)


def _candidates(text: str) -> list[_Candidate]:
    paragraphs = _paragraphs(text)
    limit = back_matter_start(text, paragraphs)
    paragraphs = [(s, e) for s, e in paragraphs if s < limit]
    found: list[_Candidate] = []
    leads: list[_Candidate] = []
    block = 0
    # (most reports hold neither pair: then no paragraph is searched for one)
    sections = "。一是" in text or "。第一" in text
    for i, (s, e) in enumerate(paragraphs):
        m = _MARKER.match(text, s, e) if text[s] in _MARKER_FIRST else None
        if m is not None:
            if m.group("kw"):
                style, value = "kw:" + m.group("kw"), m.group("kwn")
            elif m.group("bare") is not None:
                style, value = "bare", m.group("cn")
            else:
                style = next(g for g in ("cn", "pcn", "ar", "par", "en", "di") if m.group(g))
                value = m.group(style)
            n = int(value) if style in ("ar", "par") else _CN_VALUE.get(value)
            if not n:
                continue
            start = m.start("marker")
            stop = _lead_end(text, start, m.end(), e)
            kind = "enum" if style in ("en", "di") else "num"
            line = stop == e
            list_item = kind == "num" and line and text[e - 1] in "；;，,"
            marker = m.group("marker")
            if style.startswith("kw:"):
                marker = m.group("kw") + m.group("kwn")
            elif style == "di":
                marker = "第" + value
            elif style == "en":
                marker = value + "是"
            if kind == "num":
                block += 1
            found.append(_Candidate(kind, style, n, start, stop, marker, block, list_item, line))
            continue
        # _SECTION ends with 。 before 一是 or 第一: no such pair in the paragraph, no match (the find is cheaper)
        m = (
            _SECTION.match(text, s, e)
            if sections and (text.find("。一是", s, e) >= 0 or text.find("。第一", s, e) >= 0)
            else None
        )
        if (
            m is not None
            and m.end() - m.start("phrase") <= SECTION_LEAD_MAX
            and not _ANNOUNCE.search(text, m.start(), m.end())
        ):
            start = m.start("phrase")
            found.append(_Candidate("section", "", 0, start, m.end(), m.group("phrase"), block))
            continue
        # (a lead sentence not opened by a space has its 。 4 to 14 characters in: else no match, and a find is cheaper)
        lead = (
            _LEAD_SENTENCE.match(text, s, e)
            if text[s] in _SPACE or text.find("。", s + 4, min(e, s + 15)) >= 0
            else None
        )
        if lead is not None and not _ANNOUNCE.search(text, lead.start(), lead.end()):
            start = lead.start("phrase")
            phrase = lead.group("phrase")
            leads.append(_Candidate("section", "", 0, start, lead.end(), phrase, block))
        if e - s <= TITLE_MAX + 4 and i > 0 and i + 1 < len(paragraphs):
            raw = text[s:e]
            t = raw.strip(_SPACE)
            if (
                2 <= len(t) <= TITLE_MAX
                and _TITLE_START.match(t)
                and _HAN2.search(t)
                and not _TITLE_FORBIDDEN.search(t)
                and not _DATE_LIKE.fullmatch(t)
            ):
                ns, ne = paragraphs[i + 1]
                if _BODYISH.search(text, ns, ne) or _MARKER.match(text, ns, ne):
                    start = s + len(raw) - len(raw.lstrip(_SPACE))
                    block += 1
                    found.append(_Candidate("title", "", 0, start, start + len(t), "", block))
    if len(leads) >= max(LEAD_OUTLINE_MIN, LEAD_OUTLINE_SHARE * len(paragraphs)) and not any(
        c.kind in ("num", "enum") for c in found
    ):
        # no numbered outline: the lead sentences are the outline (often bold in the original)
        found = sorted(found + leads, key=lambda c: c.start)
    return found


def _mid_enum(text: str, start: int, end: int, style: str) -> int:
    """The number of the last ``N是``/``第N，`` inside running text between ``start`` and ``end`` (0 if none)."""
    last = 0
    for m in _MID_ENUM.finditer(text, start, end):
        if m.group(style):
            last = _CN_VALUE.get(m.group(style), 0)
    return last


def find_headings(text: str) -> list[Heading]:
    """The headings of ``text`` (clean text, one paragraph a line), in document order, with parent links.

    >>> text = ("各位代表：\\n\\n一、2018年工作回顾\\n\\n过去一年是全面贯彻党的十九大精神开局之年。\\n\\n"
    ...         "一是创新和完善宏观调控，经济保持平稳运行。面对新情况新变化，我们坚持不搞“大水漫灌”。\\n\\n"
    ...         "二是扎实打好三大攻坚战，重点任务取得积极进展。制定并有序实施三大攻坚战三年行动方案。\\n\\n"
    ...         "二、2019年政府工作任务\\n\\n（一）继续创新和完善宏观调控，确保经济运行在合理区间。\\n\\n"
    ...         "积极的财政政策要加力提效。今年赤字率拟按2.8%安排。")
    >>> for h in find_headings(text):
    ...     print(h.level, h.marker, h.parent, h.text)
    1 一、 None 一、2018年工作回顾
    enum 一是 0 一是创新和完善宏观调控，经济保持平稳运行。
    enum 二是 0 二是扎实打好三大攻坚战，重点任务取得积极进展。
    1 二、 None 二、2019年政府工作任务
    2 （一） 3 （一）继续创新和完善宏观调控，确保经济运行在合理区间。
    >>> structure_signature(find_headings(text))
    '1(ee)1(2)'
    """
    candidates = _candidates(text)
    if not candidates:
        return []
    # For each numbered candidate, the next one of its style: does its run go on after a given point?
    next_same = [-1] * len(candidates)
    seen: dict[str, int] = {}
    for i in range(len(candidates) - 1, -1, -1):
        c = candidates[i]
        if c.style:
            next_same[i] = seen.get(c.style, -1)
            seen[c.style] = i
    sections_in_block: dict[int, int] = {}
    for c in candidates:
        if c.kind == "section":
            sections_in_block[c.block] = sections_in_block.get(c.block, 0) + 1

    def continues(entry: _Open, i: int) -> bool:
        j = next_same[entry.ci]
        while 0 <= j < i:
            j = next_same[j]
        return j > i and entry.n + 1 <= candidates[j].n <= entry.n + 2

    out: list[Heading] = []
    stack = _Stack()  # the open headings, outermost first (hidden list items included)

    def pop_leaves() -> None:
        while stack and stack[-1].leaf:
            stack.pop()

    def pop_enums(style: str) -> _Open | None:
        """Close the enum paragraphs before an enum, and enum heading lines of another style; the latest."""
        latest = None
        while stack and stack[-1].style in ("en", "di"):
            if not stack[-1].leaf and stack[-1].style == style:
                break
            e = stack.pop()
            latest = latest or e
        return latest

    def open_run(style: str, n: int, gap: bool) -> int | None:
        """Stack index of the open heading this number follows (``n-1``, or ``n-2`` when ``gap``)."""
        if not stack.count[style, n - 1] and not (gap and stack.visible[style, n - 2]):
            return None
        for k in range(len(stack) - 1, -1, -1):
            e = stack[k]
            if e.style == style and not e.leaf and e.n + 1 == n:
                return k
        if gap:
            for k in range(len(stack) - 1, -1, -1):
                e = stack[k]
                if e.style == style and not e.leaf and e.n + 2 == n and e.out >= 0:
                    return k
        return None

    for i, c in enumerate(candidates):
        hidden = False
        leaf = False
        if c.kind == "num":
            pop_leaves()
            if c.style in (
                "cn",
                "bare",
            ):  # a list of 一是… opening the report holds no 一、 chapter
                while stack and stack[-1].style == "en":
                    stack.pop()
            k = open_run(c.style, c.n, gap=True)
            if k is not None:
                hidden = stack[k].out < 0  # the rest of a list of items
                del stack[k:]
            elif not (c.n == 1 or (c.n == 2 and all(e.style != c.style for e in stack))):
                continue
            hidden = hidden or c.list_item
            level: int | str = _LEVEL[c.style.split(":")[0]]
        elif c.kind == "enum":
            prev = pop_enums(c.style)
            if c.n != 1 and not (prev is not None and prev.style == c.style and prev.n + 1 == c.n):
                k = open_run(c.style, c.n, gap=False)
                if k is not None:
                    del stack[k:]
                else:
                    since = prev.start if prev is not None else (stack[-1].start if stack else 0)
                    if _mid_enum(text, since, c.start, c.style) != c.n - 1:
                        continue
            # an enum heading line may hold headings (1978: 第一，全国动员，大办农业 over （一）…)
            leaf = not c.line
            level = "enum"
        elif c.kind == "title":
            pop_leaves()
            while stack:
                e = stack[-1]
                if e.style == "title":
                    stack.pop()
                    break
                if e.out >= 0 and continues(e, i):
                    break
                stack.pop()
            level = min(sum(e.out >= 0 for e in stack) + 1, 4)
        else:  # section
            if sections_in_block[c.block] < 2:
                continue
            pop_leaves()
            leaf = True
            level = "section"
        parent = next((e.out for e in reversed(stack) if e.out >= 0), None)
        stack.append(_Open(c.style or c.kind, c.n, i, -1 if hidden else len(out), c.start, leaf))
        if not hidden:
            # Heading(...) without the frozen dataclass's object.__setattr__ per field (3x faster)
            heading = _new(Heading)
            heading.__dict__.update(
                start=c.start,
                end=c.end,
                text=text[c.start : c.end],
                level=level,
                marker=c.marker,
                parent=parent,
            )
            out.append(heading)
    return out


_new = object.__new__


def _symbol(h: Heading) -> str:
    if h.level == "enum":
        return "e"
    if h.level == "section":
        return "s"
    return "u" if h.marker == "" else str(h.level)


def structure_signature(headings: list[Heading]) -> str:
    """The outline as a string: one symbol a heading, its children in parentheses right after it.

    Grammar: ``outline := node*``, ``node := symbol ["(" outline ")"]``; ``symbol`` is the numbered level
    (``1`` ``2`` ``3`` ``4``), ``u`` for an unnumbered heading, ``e`` for an ``enum`` paragraph, ``s`` for a
    lead-sentence section. Two documents with the same tree of the same kinds of heading get the same string;
    the titles, the numbers and the markers' spelling (``1.``/``1、``) do not count.

    >>> structure_signature([Heading(0, 4, "一、总结", 1, "一、", None), Heading(6, 11, "一是抓学习", "enum", "一是", 0),
    ...                      Heading(13, 18, "二是抓落实", "enum", "二是", 0), Heading(20, 24, "二、打算", 1, "二、", None)])
    '1(ee)1'
    >>> structure_signature([])
    ''
    """
    children: list[list[int]] = [[] for _ in headings]
    roots: list[int] = []
    for i, h in enumerate(headings):
        (roots if h.parent is None else children[h.parent]).append(i)
    parts: list[str] = []
    todo: list[int | str] = list(reversed(roots))
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        parts.append(_symbol(headings[item]))
        if children[item]:
            parts.append("(")
            todo.append(")")
            todo.extend(reversed(children[item]))
    return "".join(parts)
