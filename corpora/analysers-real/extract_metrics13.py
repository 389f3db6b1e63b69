"""Write session 13's metric excerpts (th13 helper, issue 12): city, county and township reports and 汇报 pages.

    python corpora/analysers-real/extract_metrics13.py

Rule fixed and committed before reading any excerpt closely or labelling (session 13):

* **Pages**: six look-ups in the search tool's ``pages`` corpus (in this order: ``县人民政府工作报告 过去一年 地区生产总值
  增长 亿元``; ``市政府工作报告 2023年 全市 一般公共预算收入 增长%``; ``宣讲 工作汇报 乡镇 今年以来 完成 万元 户``;
  ``工作汇报 局 上半年 工作总结 完成投资 亿元 同比增长``; ``宣讲稿 我县 过去五年 成就 亿元 增长 宣讲报告会``; ``县长 政府工作报告
  2005年 全县 国内生产总值 农民人均纯收入 元``). A result is taken when it is a report or 汇报 of a real city, county,
  banner or township (its name may be masked) whose quantities are printed as digits (not ``xx``), with an address;
  not fiction, news or a page whose numbers the site replaced; one page per site. Eight were taken, listed in the order
  of the look-ups and their ranks (``PAGES`` below): three county reports (2018–2023), two city reports (2012, 2023),
  a township's quarterly 汇报, a county's half-year 汇报, a county leader's speech reporting to retired cadres
  (the 宣讲 kind: a report read to an audience), and a banner's report of 2006.
* **Excerpt**: the page text as the search tool stored it (``stored`` in ``metrics13_pages.json``), from where the
  report's own text begins (``body``: the site's header before it, titles, dates, page, view and download counters,
  is skipped; added before labelling, when two headers were seen to hold counters, ``浏览:3023下载172次``), from the
  start of the first sentence (after the previous ``。`` or line break) that holds a quantity in Arabic digits (a digit
  followed by ``%`` or a Han character other than 年月日号届期) to the last ``。`` or ``；``/``;`` of the stored
  excerpt, at most 900 characters (cut at the last ``。`` within them); punctuation, width and the site's typos kept.
* **Split**: in the order listed, **every other** page (the 2nd, 4th, 6th and 8th) is a new held-out part,
  ``heldout7m`` (``bench/eval_analysers.py --set heldout7m``), never tuned on, its errors never printed; the other
  four extend dev (``dev13m`` scores them alone). Labels in ``labels_src.txt`` (``## id M``): metrics only, from the
  text alone, blind to any output, all eight committed before any code runs on them.

The texts are third-party pages kept as evaluation data only (addresses in ``PAGES`` and ``pages_sources.json``'s
style): cite, do not redistribute beyond evaluation.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "metrics13_pages.json"  # {id: {"url", "query", "rank", "kind", "body", "stored"}}

PAGES = {  # in the order of the look-ups and their ranks
    "page_shanghang_m": "https://laobiganzi.top/133153.html",  # county report, Shanghang (Fujian), 20XX (c. 2019)
    "page_changshaxian_m": "https://nextlevelartsconsulting.com/bhuazhong/5439.html",  # county report 2023
    "page_changsha_m": "https://www.wnwk.com/doc/568772.html",  # city report, Changsha, 2012 (years replaced by the site)
    "page_xxshi2023_m": "https://wenmijiayuan.com/doc/27807.html",  # city report 2023 (XX市, a port city)
    "page_longfu_m": "https://www.xiaomilidoc.com/p-4385426.html",  # township, first-quarter 汇报, 2018
    "page_xxxian_m": "https://dawenge.com/document/detail.html?id=661620",  # county (banner) 重点工作汇报, half year
    "page_zaoqiang_m": "http://m.010zaixian.com/shiyongwen/yanjianggao/445324.htm",  # county speech reporting, 1-9月
    "page_xxqi2006_m": "https://www.wenmi123.com/article/67243.html",  # banner report, 2006
}
ORDER = tuple(PAGES)
HELDOUT7M = ORDER[1::2]  # every other: changshaxian, xxshi2023, xxxian, xxqi2006
MAX_LENGTH = 900
_QUANTITY = re.compile(r"[0-9](?:%|[\u4e00-\u9fff](?<![年月日号届期]))")


def excerpt(stored: str, body: str) -> str:
    """The rule above: the report's text from the sentence of its first digit quantity to its last 。 or ；."""
    text = stored[stored.index(body) :]
    first = _QUANTITY.search(text).start()
    start = max(text.rfind("。", 0, first), text.rfind("\n", 0, first)) + 1
    while text[start].isspace():
        start += 1
    end = max(text.rfind(c) for c in "。；;") + 1
    cut = text[start:end]
    if len(cut) > MAX_LENGTH:
        cut = cut[: cut.rfind("。", 0, MAX_LENGTH) + 1]
    return cut


def main() -> None:
    pages = json.loads(SOURCE.read_text(encoding="utf-8"))
    for doc_id in ORDER:
        rec = pages[doc_id]
        assert rec["url"] == PAGES[doc_id]
        text = excerpt(rec["stored"], rec["body"])
        (HERE / "reports" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        print(doc_id, len(text), "held out" if doc_id in HELDOUT7M else "dev")


if __name__ == "__main__":
    main()
