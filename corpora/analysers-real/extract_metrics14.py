"""Write session 14's metric excerpts (th14 helper, issue 12): four provincial reports, four pages.

    python corpora/analysers-real/extract_metrics14.py

Rule fixed and committed before reading any excerpt closely or labelling (session 14):

* **Reports**: the 2026 reports of Guangdong and Sichuan in ``corpora/structure/provincial_reports.jsonl`` (the two
  provinces' 2026 reports, the only reports of that file with no excerpt in any earlier pass), then the 2025 reports of
  Beijing and Sichuan of ``../shared/corpora/docx/`` (their text as that file holds it, ``2025-BJ`` and ``2025-SC``;
  the first pass took them at 15 %), each cut by the fifth pass's rule at a shorter length: the clean text from the
  first line break after 8 % of the document (the review of the past year) to the first line break after 600 more
  characters. No excerpt shares a run of 20 characters with any excerpt already in ``reports/`` (checked below).
* **Pages**: two look-ups of the search tool's ``pages`` corpus (``乡镇 工作汇报 今年以来 完成 亿元 同比增长 %``;
  ``宣讲 报告 过去五年 成就 增长 亿元 万人``), taken in the order of the look-ups and their ranks by session 13's
  test (a report, 汇报 or read-out report of a real place whose quantities are printed as digits, with an address; not
  fiction or news; not a page whose numbers the site replaced or masked, ``xx.51亿元``, ``2023年`` for every year; one
  page per site; a page already in the set is skipped): a township's report of 200* (years masked, numbers not), a
  town's 工作汇报 of 2007, a city's report of 2021 (Chaozhou, the 十三五 review), and a broadcaster's read-out of
  the 2018 State Council report's figures (the 宣讲 kind: a report read to an audience). Excerpt: session 13's rule
  (``extract_metrics13.excerpt``: from the first sentence holding a quantity in Arabic digits to the last ``。`` or
  ``；``) at most 600 characters, cut at the last ``。`` within them; the text as the search tool returned it
  (``metrics14_pages.json``, ``stored``: its excerpt of the page, from the page's beginning).
* **Split**: in the order listed (``ORDER``), **every other** excerpt (the 2nd, 4th, 6th and 8th) is a new held-out
  part, ``heldout8m`` (``bench/eval_analysers.py --set heldout8m``), never tuned on, its errors never printed; the
  other four extend dev (``dev14m`` scores them alone). Labels in ``labels_src.txt`` (``## id M``): metrics only, from
  the text alone, blind to any output, all eight committed before any code runs on them.

The pages are third-party text kept as evaluation data only (addresses in ``PAGES``): cite, do not redistribute
beyond evaluation.
"""

from __future__ import annotations

import json
from pathlib import Path

from extract_metrics13 import excerpt
from extract_more import _cut

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCE = HERE / "metrics14_pages.json"  # {id: {"url", "query", "rank", "kind", "body", "stored"}}

FROM = 0.08
LENGTH = 600
MAX_PAGE = 600
REPORTS = {
    "prov2026_gd_m": "2026-GD",
    "prov2026_sc_m": "2026-SC",
    "docx_beijing_m": "2025-BJ",
    "docx_sichuan_m": "2025-SC",
}
PAGES = {  # in the order of the look-ups and their ranks
    "page_xxzhen200x_m": "http://nx899.com/baogao/00541/5414144.html",  # township report, 200* (look-up 1, rank 3)
    "page_zhen2007_m": "https://gwyoo.com/article/zhongjibaogao/gzhb/200811/149917.html",  # town 工作汇报 (1, 7)
    "page_chaozhou_m": "http://mp.123yiche.com/j5b198044k1.html",  # Chaozhou city report 2021 (look-up 2, rank 3)
    "page_miaoshuo_m": "https://freewechat.com/a/MzAxMDQyNzQ4NA==/2650465826/4",  # 2018 read-out (2, 1)
}
ORDER = (*REPORTS, *PAGES)
# every other: prov2026_sc_m, docx_sichuan_m, page_zhen2007_m, page_miaoshuo_m
HELDOUT8M = ORDER[1::2]
DEV14M = ORDER[0::2]


def page_excerpt(stored: str, body: str) -> str:
    """Session 13's page rule at this session's length (``MAX_PAGE``)."""
    cut = excerpt(stored, body)
    if len(cut) > MAX_PAGE:
        cut = cut[: cut.rfind("。", 0, MAX_PAGE) + 1]
    return cut


def _shares_run(text: str, others: list[str], run: int = 20) -> bool:
    joined = "\n".join(others)
    return any(text[i : i + run] in joined for i in range(0, max(1, len(text) - run + 1)))


def main() -> None:
    earlier = [
        p.read_text(encoding="utf-8")
        for p in sorted((HERE / "reports").glob("*.txt"))
        if p.stem not in ORDER
    ]
    with open(ROOT / "corpora" / "structure" / "provincial_reports.jsonl", encoding="utf-8") as fh:
        records = {r["id"]: r for r in map(json.loads, fh)}
    pages = json.loads(SOURCE.read_text(encoding="utf-8"))
    for doc_id in ORDER:
        if doc_id in REPORTS:
            text = _cut(records[REPORTS[doc_id]]["text"], FROM, LENGTH)
        else:
            rec = pages[doc_id]
            assert rec["url"] == PAGES[doc_id]
            text = page_excerpt(rec["stored"], rec["body"])
        assert not _shares_run(text, earlier), doc_id
        (HERE / "reports" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        print(doc_id, len(text), "held out" if doc_id in HELDOUT8M else "dev")


if __name__ == "__main__":
    main()
