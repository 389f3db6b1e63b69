"""Metadata from a page's own lines: date, source, site and author.

Dates are ISO ``YYYY-MM-DD``. The source comes from ``来源:`` fields, the author from ``作者:`` fields or
a byline (``西江日报记者 陈明红``), the site from copyright, ``Powered by`` and welcome lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Optional

from reportnlp import codes
from reportnlp.boilerplate.rules import PERSON_NAME, SITE_IDENTITY, SPEAKER_OFFICE
from reportnlp.types import LineDecision

_NAME = r"[\u4e00-\u9fff·]{2,4}"
_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
_SHORT_DATE = re.compile(r"^(\d{2})-(\d{1,2})-(\d{1,2})\s+\d{1,2}:\d{2}")
_SOURCE = re.compile(r"(?:文章|信息|稿件|新闻)?来源[:：]\s*([^\s:：|｜,，;；]{2,30})")
_AUTHOR = re.compile(
    r"(?:楼主|作者|撰稿|撰文|文)[:：/]\s*(?:记者|通讯员|特约记者)?\s*(" + _NAME + r")"
)
_OP = re.compile(r"楼主[:：]\s*(" + _NAME + r")")
_BYLINE = re.compile(
    r"(?:^|\s|[\u4e00-\u9fff（(])记者\s*[:：|｜]?\s*(" + _NAME + r")(?=\s|$|[,，、）)])"
)
# a forum post's header: ``来自: 考编上岸的小土豆``, ``雁回小吏 发布于 2024-03-08 09:17``
_POSTER = re.compile(r"^来自\s*[:：]\s*(\S{2,20})$|^(\S{2,20})\s+(?:发布于|发表于)\s*\d{4}")
_SITE = r"[\u4e00-\u9fff]{2,16}?(?:网|站|报|台|在线|频道|政府|论坛|社区|文库|门户)"
_SITE_PATTERNS = [
    re.compile(
        r"([\u4e00-\u9fffA-Za-z0-9]{2,12}?(?:网|站|报|台|在线|频道|论坛|社区|文库))\s*(?:、[^\s]{2,12})?版权所有"
    ),
    re.compile(r"版权所有\s*[:：]?\s*[©]?\s*(?:\d{4}(?:[-—–]\d{4})?\s*)?(" + _SITE + ")"),
    re.compile(r"[、\s]?([\u4e00-\u9fff]{2,12}?(?:网|站))版权(?:与|和)?免责"),
    re.compile(r"([\u4e00-\u9fff]{2,10}?(?:网|报|台))(?:股份)?有限(?:责任)?公司.{0,6}版权所有"),
    re.compile(r"([\u4e00-\u9fff]{2,12}?(?:网|论坛|社区))\s*[-–—|]\s*powered\s+by", re.IGNORECASE),
    re.compile(r"powered\s+by\s+([\u4e00-\u9fff]{2,20})", re.IGNORECASE),
    re.compile(r"欢迎(?:您)?访问\s*(" + _SITE + ")"),
    re.compile(r"©\s*(?:\d{4}(?:[-—–]\d{4})?\s*)?([\u4e00-\u9fff]{2,16})\s*版权所有"),
    re.compile(r"[©]\s*(?:\d{4}(?:[-—–]\d{4})?\s*)?([\u4e00-\u9fff]{2,20}?(?:网|站))"),
]
#: Spaces between two Han characters (``人 民 网 版 权 所 有``).
_HAN_SPACES = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")
#: A date field that names the page's publication (preferred over a date in a speech's dateline).
_PUBLISHED = re.compile(r"发布|发表|时间|日期|更新|楼")
_STOP = re.compile(r"(?:时间|日期|作者|编辑|浏览|发布|点击)$")


def iso_date(text: str) -> Optional[str]:
    """The first plausible calendar date in ``text`` as ``YYYY-MM-DD``.

    >>> iso_date("文章来源: 红星网  时间: 2023-02-28 17:24")
    '2023-02-28'
    >>> iso_date("2021年4月8日"), iso_date("24-1-30 18:05 来自 微博网页版")
    ('2021-04-08', '2024-01-30')
    """
    for m in _DATE.finditer(text):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    if m := _SHORT_DATE.match(text):  # a post header's ``24-1-30 18:05``
        y, mo, d = 2000 + int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def extract_meta(decisions: Sequence[LineDecision]) -> dict[str, str]:
    """``date``, ``source``, ``site`` and ``author`` where the page states them (keys absent otherwise).

    ``decisions`` are the line decisions of one page; their ``text`` is the normalised line.

    >>> from reportnlp.types import LineDecision as L
    >>> extract_meta([L(1, "meta", "metadata", "时间:2024-02-09 09:40:02  来源:网友投稿"),
    ...               L(2, "drop", "copyright", "版权所有:上派范文网 2010-2024 未经授权禁止复制")])
    {'date': '2024-02-09', 'source': '网友投稿', 'site': '上派范文网'}
    """
    meta: dict[str, str] = {}
    meta_lines = [d.text.strip() for d in decisions if d.action == codes.META]
    for t in sorted(meta_lines, key=lambda t: not _PUBLISHED.search(t)):  # stable: page dates first
        if "date" not in meta and (date := iso_date(t)):
            meta["date"] = date
        if "source" not in meta and (m := _SOURCE.search(t)):
            src = _STOP.sub("", m.group(1))
            if src:
                meta["source"] = src
    for t in meta_lines:
        if "author" not in meta and (m := _OP.search(t)):
            meta["author"] = m.group(1)
    for t in meta_lines:
        if "author" not in meta and (m := _AUTHOR.search(t) or _BYLINE.search(t)):
            meta["author"] = m.group(1)
    for t in meta_lines:
        if "author" not in meta and (m := _POSTER.search(t)):
            meta["author"] = m.group(1) or m.group(2)
    for t in meta_lines:  # a speech header: a name alone (习 近 平), or office and name
        if "author" not in meta and PERSON_NAME.match(t) and not SPEAKER_OFFICE.match(t):
            meta["author"] = re.sub(r"[\s\u3000]", "", t)
        if "author" not in meta and (
            m := re.match(
                r"^(.{0,10}?(?:总理|主席|书记|省长|市长|县长|区长|主任))\s+(" + _NAME + r")$", t
            )
        ):
            meta["author"] = m.group(2)
    furniture = [
        _HAN_SPACES.sub("", d.text) for d in decisions if d.action in (codes.DROP, codes.META)
    ]
    for pattern in _SITE_PATTERNS:
        for text in furniture:
            if m := pattern.search(text):
                meta["site"] = m.group(1)
                break
        if "site" in meta:
            break
    if "site" not in meta and (logo := _logo(decisions)):
        meta["site"] = logo
    return {k: meta[k] for k in ("date", "source", "site", "author") if k in meta}


_NAME_LIKE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,24}")


def _logo(decisions: Sequence[LineDecision]) -> Optional[str]:
    """The site's name as its logo line gives it: the page's first line, a bare name dropped as
    furniture, that a copyright, ICP, organiser or source line repeats (``中国人民政治协商会议北渚市委员会`` /
    ``版权所有：中国人民政治协商会议北渚市委员会``)."""
    first = next((d for d in decisions if d.action != codes.BLANK), None)
    if first is None or first.action != codes.DROP:
        return None
    name = first.text.strip()
    if not _NAME_LIKE.fullmatch(name) or name.isdigit():
        return None
    for d in decisions:
        if d is first or name not in d.text:
            continue
        if d.reason in SITE_IDENTITY or (d.action == codes.META and _SOURCE.search(d.text)):
            return name
    return None
