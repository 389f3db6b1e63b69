"""The year a document is for, read one way for every command that needs it.

Clusters centre a panel of years (:func:`reportnlp.corpus.structure.panel_years`), ``reportnlp periods``
orders documents by year, the State Council corpus is read against eras (:mod:`reportnlp.corpus.eras`) and
the placeholder report lists each document's year. They all read it here:

* :func:`value_year`: a value that is a year or starts with one (``2025``, ``"2025-01-14"``,
  ``"2025年1月14日"``, ``"2025/1/14"``, ``"二〇二五年一月"``);
* :func:`title_year`: a title's year (``2026年湖北省政府工作报告``, ``重庆市人民政府工作报告（2026年）``), or the
  year of the NPC session a resolution names (``第十四届全国人民代表大会第三次会议关于政府工作报告的决议``: 2025);
* :func:`dateline_year`: a speech's dateline among a text's first three lines
  (``——二〇二六年一月二十八日在云南省第十四届人民代表大会第四次会议上``);
* :func:`year_of`: a document's year, in this order: a ``year`` field, the title, a ``date`` field, the
  page's speech date or date (its metadata), a dateline; with ``date_first`` (the placeholder report's
  year: when a template page was published) the dates before the title.

>>> year_of({"title": "第十四届全国人民代表大会第三次会议关于政府工作报告的决议", "year": None})
2025
>>> year_of({"title": "政府工作报告", "meta": {"date": "2026-02-03"}}), year_of("正文。")
(2026, None)
"""

from __future__ import annotations

import re
from typing import Any, Optional

__all__ = ["dateline_year", "title_year", "value_year", "year_of"]

_YEAR = r"(?:1[89]|20)\d\d"
_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0"}
_VALUE = re.compile(rf"\s*({_YEAR}|[〇○零一二三四五六七八九]{{4}})(?:$|[-/.年\s])")
_TITLE = re.compile(rf"(?<!\d)({_YEAR})\s*年")
# a speech's dateline opening the text: ``——2026年1月27日在…会议上`` (or in Chinese numerals)
_DATELINE = re.compile(
    rf"[—\-－\s]*({_YEAR}|[〇○零一二三四五六七八九]{{4}})年[^。；\n]{{1,12}}日[^。\n]{{0,4}}在"
)
_RESOLUTION = re.compile(
    r"第(?P<term>[一二三四五六七八九十]{1,3})届全国人民代表大会第(?P<session>[一二三四五六七八九])次会议"
)
_CN = {c: i for i, c in enumerate("一二三四五六七八九", 1)}
# First year of each National People's Congress; a session's year is first + session - 1, except where the
# sessions did not follow year by year (the 2nd NPC met in 1959, 1960, 1962 and 1963).
_NPC_FIRST = {1: 1954, 2: 1959, 3: 1964, 4: 1975, 5: 1978, 6: 1983, 7: 1988, 8: 1993, 9: 1998}
_NPC_FIRST.update({10: 2003, 11: 2008, 12: 2013, 13: 2018, 14: 2023})
_NPC_SESSION_YEAR = {(2, 3): 1962, (2, 4): 1963}


def _year(digits: str) -> Optional[int]:
    year = int("".join(_CN_DIGITS.get(c, c) for c in digits))
    return year if 1800 <= year <= 2099 else None


def value_year(value: Any) -> Optional[int]:
    """The year a field's value is or starts with; None if it is neither.

    >>> value_year(1954), value_year("2025-01-14"), value_year("二〇二六年一月"), value_year("第3期")
    (1954, 2025, 2026, None)
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return int(value) if 1800 <= value < 2100 and value == int(value) else None
    m = _VALUE.match(value) if isinstance(value, str) else None
    return _year(m.group(1)) if m else None


def _cn_number(s: str) -> Optional[int]:
    """A number of one to ninety-nine in Chinese numerals (``十``, ``十四``, ``二十``, ``二十一``), else None.

    >>> _cn_number("十四"), _cn_number("二十"), _cn_number("九"), _cn_number("十十"), _cn_number("一十")
    (14, 20, 9, None, None)
    """
    tens, ten, units = s.partition("十")
    if not ten:
        return _CN.get(s) if len(s) == 1 else None
    if (tens and (len(tens) > 1 or tens not in _CN or tens == "一")) or len(units) > 1:
        return None
    if units and units not in _CN:
        return None
    return (_CN[tens] if tens else 1) * 10 + (_CN[units] if units else 0)


def title_year(title: Optional[str]) -> Optional[int]:
    """A title's year: the first ``YYYY年`` in it, else the year of the NPC session a resolution names.

    >>> title_year("重庆市人民政府工作报告（2026年）"), title_year("第二届全国人民代表大会第三次会议关于政府工作报告的决议")
    (2026, 1962)
    """
    if not title:
        return None
    m = _TITLE.search(title)
    if m:
        return int(m.group(1))
    m = _RESOLUTION.search(title)
    if m:  # a term the table does not hold (``第二十届``, ``第十十届``) says no year
        term, session = _cn_number(m.group("term")), _CN[m.group("session")]
        if (term, session) in _NPC_SESSION_YEAR:
            return _NPC_SESSION_YEAR[(term, session)]
        if term in _NPC_FIRST:
            return _NPC_FIRST[term] + session - 1
    return None


def dateline_year(text: Optional[str]) -> Optional[int]:
    """The year of a speech's dateline among the first three non-blank lines of ``text``.

    >>> dateline_year("——2026年1月27日在湖北省第十四届人民代表大会第五次会议上\\n\\n各位代表：")
    2026
    """
    for line in [ln for ln in (text or "")[:400].split("\n") if ln.strip()][:3]:
        m = _DATELINE.match(line)
        if m:
            return _year(m.group(1))
    return None


def year_of(doc: Any, *, date_first: bool = False) -> Optional[int]:
    """The year ``doc`` is for: a ``year`` field, else its title's year, else that of a ``date`` field or of
    its speech date or date (the page's metadata), else a dateline opening its text; None if none says. ``date_first``: the date before the title (the year
    a page was published, as the placeholder report groups template pages; a ``year`` field still first).
    ``doc``: a record (a dict with ``year``, ``title``, ``meta``, ``fields``, ``text`` or ``content``), an
    :class:`~reportnlp.analysis.Analysis` or :class:`~reportnlp.types.CleanDoc`, or a text.

    >>> year_of({"year": "1954", "title": "政府工作报告"}), year_of({"title": "2025年政府工作报告"})
    (1954, 2025)
    >>> page = {"title": "2021年工作汇报", "meta": {"date": "2023-05-01"}}
    >>> year_of(page), year_of(page, date_first=True)
    (2021, 2023)
    """
    if isinstance(doc, str):
        return dateline_year(doc)
    if isinstance(doc, dict):
        get = doc.get
    else:

        def get(key: str, default: Any = None) -> Any:
            return getattr(doc, key, default)

    meta = get("meta") or {}
    fields = get("fields") or {}
    meta = meta if isinstance(meta, dict) else {}
    fields = fields if isinstance(fields, dict) else {}
    title = get("title")
    readers = [
        (value_year, (get("year"), fields.get("year"))),
        (title_year, (title if isinstance(title, str) else None,)),
        (value_year, (fields.get("date"), get("date"), meta.get("speech_date"), meta.get("date"))),
    ]
    if date_first:
        readers[1], readers[2] = readers[2], readers[1]
    for read, values in readers:
        for value in values:
            if (year := read(value)) is not None:
                return year
    text = get("text")
    if not isinstance(text, str):
        text = get("content")
    return dateline_year(text) if isinstance(text, str) else None
