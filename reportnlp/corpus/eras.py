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

from typing import Any, NamedTuple, Optional

from reportnlp.corpus.years import year_of

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
    """The year of a corpus record: its ``year`` field, else its title's (its first ``1954年``, or the NPC
    session a resolution names), else its date's (:func:`reportnlp.corpus.years.year_of`)."""
    return year_of(record)
