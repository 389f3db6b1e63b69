"""Eras of the State Council government work reports, fixed from history before any clustering was run.

The reports are read against four eras, with boundaries at turning points of PRC economic policy and
government, not at changes seen in the reports themselves:

* **1954–1978, planned economy**: from the first report under the 1954 Constitution to the last before the
  Third Plenum of the 11th Central Committee (December 1978), which opened the reform;
* **1979–1997, reform and opening**: Deng Xiaoping's reform, through the Zhao Ziyang and Li Peng
  governments, to the 15th Party Congress (1997);
* **1998–2012, socialist market economy**: the Zhu Rongji government (State Council restructuring, WTO
  entry) and the Wen Jiabao government;
* **2013–2025, new era**: after the 18th Party Congress (November 2012): the Li Keqiang and Li Qiang
  governments.

The NPC resolutions on the reports (``…会议关于政府工作报告的决议``) carry no year field in the corpus;
:func:`record_year` reads their year from the title (the NPC term and session).

>>> era_of(1978), era_of(1979), era_of(2012), era_of(2013), era_of(1950) is None
('1954–1978', '1979–1997', '1998–2012', '2013–2025', True)
>>> record_year({"title": "第十四届全国人民代表大会第三次会议关于政府工作报告的决议", "year": None})
2025
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple, Optional

__all__ = ["ERAS", "Era", "era_of", "is_resolution", "record_year"]


class Era(NamedTuple):
    name: str
    first: int
    last: int
    note: str


ERAS = (
    Era("1954–1978", 1954, 1978, "planned economy, to the Third Plenum of December 1978"),
    Era("1979–1997", 1979, 1997, "reform and opening, to the 15th Party Congress"),
    Era("1998–2012", 1998, 2012, "socialist market economy: Zhu Rongji and Wen Jiabao governments"),
    Era(
        "2013–2025",
        2013,
        2025,
        "after the 18th Party Congress: Li Keqiang and Li Qiang governments",
    ),
)

_CN = {c: i for i, c in enumerate("一二三四五六七八九", 1)}
# First year of each National People's Congress; a session's year is first + session - 1, except where the
# sessions did not follow year by year (the 2nd NPC met in 1959, 1960, 1962 and 1963).
_NPC_FIRST = {
    1: 1954,
    2: 1959,
    3: 1964,
    4: 1975,
    5: 1978,
    6: 1983,
    7: 1988,
    8: 1993,
    9: 1998,
    10: 2003,
}
_NPC_FIRST.update({11: 2008, 12: 2013, 13: 2018, 14: 2023})
_NPC_SESSION_YEAR = {(2, 3): 1962, (2, 4): 1963}
_RESOLUTION = re.compile(
    r"第(?P<term>[一二三四五六七八九十]{1,3})届全国人民代表大会第(?P<session>[一二三四五六七八九])次会议"
)
_YEAR = re.compile(r"^(\d{4})年")


def _cn_number(s: str) -> int:
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN[s[1]]
    return _CN[s]


def era_of(year: Optional[int]) -> Optional[str]:
    """The name of the era ``year`` falls in, or None."""
    if year is None:
        return None
    for era in ERAS:
        if era.first <= year <= era.last:
            return era.name
    return None


def is_resolution(record: dict[str, Any]) -> bool:
    """An NPC resolution on the report rather than the report itself."""
    return "决议" in (record.get("title") or "")


def record_year(record: dict[str, Any]) -> Optional[int]:
    """The year of a corpus record: its ``year`` field, else a year opening the title, else the NPC session
    named in a resolution's title."""
    year = record.get("year")
    if year:
        return int(year)
    title = record.get("title") or ""
    m = _YEAR.match(title)
    if m:
        return int(m.group(1))
    m = _RESOLUTION.search(title)
    if m:
        term, session = _cn_number(m.group("term")), _CN[m.group("session")]
        if (term, session) in _NPC_SESSION_YEAR:
            return _NPC_SESSION_YEAR[(term, session)]
        if term in _NPC_FIRST:
            return _NPC_FIRST[term] + session - 1
    return None
