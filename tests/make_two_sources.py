"""Render each State Council record as two scraped pages from two different sites (a test fixture).

We hold one source per year (Wikisource). To test that the same report taken from two sites lands in one
template family, each record's clean body is rendered, deterministically, as:

* **source A**, a news portal: navigation and breadcrumb lines, the title, a ``来源：中国政府网 时间：…`` line,
  the body with a short term on its own line every ~15 clauses (Wikisource-style hyperlink breaks), a share
  widget, an editor line, a ``相关文章`` list and a copyright/ICP footer;
* **source B**, another site: its own header, a title with ``（全文）``, a date/source line, the dateline
  ``新华社北京3月5日电`` and the speech header, the paragraphs run together into long lines with U+3000
  indentation, every other number in full-width digits, and a different footer.

``python tests/make_two_sources.py OUT.jsonl`` writes the pages as JSONL (``id``, ``text``; no title, so
``clean`` has to find it on the page). Ids are ``A-<key>`` and ``B-<key>``: ``<key>`` is the year for a
report (``r1954``) and the session for an NPC resolution (``d14-3``, the 14th NPC's 3rd session).
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
GWR = ROOT / "corpora" / "gwr" / "government_work_reports.jsonl"

_NUM = dict(zip("一二三四五六七八九", range(1, 10)))
_SESSION = re.compile(
    r"第([一二三四五六七八九十]+)届全国人民代表大会第([一二三四五六七八九十]+)次会议"
)
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _cn_number(s: str) -> int:
    """一 … 十九 → 1 … 19 (enough for NPC terms and sessions)."""
    if s.startswith("十"):
        return 10 + _NUM.get(s[1:], 0)
    if "十" in s:
        tens, _, ones = s.partition("十")
        return 10 * _NUM[tens] + _NUM.get(ones, 0)
    return _NUM[s]


def record_key(rec: dict) -> str:
    """``r<year>`` for a report, ``d<term>-<session>`` for an NPC resolution."""
    if rec.get("year"):
        return f"r{rec['year']}"
    m = _SESSION.search(rec["title"])
    if not m:
        raise ValueError(f"no NPC session in {rec['title']!r}")
    return f"d{_cn_number(m.group(1))}-{_cn_number(m.group(2))}"


def _year_of(rec: dict) -> int:
    if rec.get("year"):
        return int(rec["year"])
    m = re.search(r"(19|20)\d\d年", rec["content"])
    return int(m.group()[:4]) if m else 2000


def _hyperlink_breaks(paragraph: str, rng: random.Random) -> str:
    """A short term of every ~15th clause on its own line, as Wikisource pages print their links."""
    clauses = re.split(r"(?<=[，、；。：])", paragraph)
    out = []
    countdown = rng.randint(5, 15)
    for clause in clauses:
        countdown -= 1
        if countdown <= 0 and len(clause) >= 8:
            countdown = rng.randint(12, 18)
            start = rng.randint(1, len(clause) - 7)
            length = rng.randint(2, 6)
            term = clause[start : start + length]
            if re.fullmatch(r"[\u4e00-\u9fff]+", term):
                clause = f"{clause[:start]}\n{term}\n{clause[start + length :]}"
        out.append(clause)
    return "".join(out)


def page_a(title: str, body: str, year: int, rng: random.Random) -> str:
    """Source A: a news portal page with Wikisource-style hyperlink line breaks."""
    paragraphs = [_hyperlink_breaks(p, rng) for p in body.split("\n\n")]
    minute = rng.randint(0, 59)
    head = [
        "首页 | 要闻 | 政务 | 服务 | 互动 | 数据 | 专题",
        "登录 注册 无障碍 English",
        "当前位置：首页 > 政务 > 政府工作报告",
        "",
        title,
        "",
        f"来源：中国政府网 时间：{year}-03-05 {9 + minute % 3:02d}:{minute:02d}  【字号：大 中 小】 【打印本页】",
        "",
    ]
    tail = [
        "",
        "分享到：微信 微博 QQ空间",
        "【我要纠错】 责任编辑：刘阳",
        "相关文章",
        f"· {year - 1}年政府工作报告全文",
        "· 政府工作报告缩略词注释",
        f"· 图解：{year}年政府工作报告",
        "版权所有：中国要闻网 网站标识码 bm01000001 京ICP备05070218号 京公网安备11010202000001号",
    ]
    return "\n".join(head) + "\n" + "\n\n".join(paragraphs) + "\n" + "\n".join(tail) + "\n"


def _some_fullwidth(text: str, rng: random.Random) -> str:
    """Every other run of digits in full-width digits, as some sites print them."""
    flip = [rng.random() < 0.5]

    def repl(m: re.Match) -> str:
        flip[0] = not flip[0]
        return m.group().translate(_FULLWIDTH) if flip[0] else m.group()

    return re.sub(r"\d+", repl, text)


def _damage(paragraphs: list[str], noise: float, rng: random.Random) -> list[str]:
    """A sloppier copy: each paragraph lost with probability ``noise`` (documents of 10+ paragraphs), and
    one Han character in ``20 / noise`` replaced by another."""
    if len(paragraphs) >= 10:
        paragraphs = [p for p in paragraphs if rng.random() >= noise] or paragraphs[:1]
    out = []
    for p in paragraphs:
        chars = list(p)
        for i, c in enumerate(chars):
            if "\u4e00" <= c <= "\u9fff" and rng.random() < noise / 20:
                chars[i] = rng.choice(
                    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
                )
        out.append("".join(chars))
    return out


def page_b(title: str, body: str, year: int, rng: random.Random, noise: float = 0.0) -> str:
    """Source B: another site, U+3000-indented paragraphs run together on long lines, datelines.

    ``noise`` > 0 also loses paragraphs and changes characters (see :func:`_damage`)."""
    paragraphs = [_some_fullwidth(p, rng) for p in body.split("\n\n")]
    if noise:
        paragraphs = _damage(paragraphs, noise, rng)
    lines = []
    i = 0
    while i < len(paragraphs):
        n = rng.randint(3, 7)
        lines.append("".join("\u3000\u3000" + p for p in paragraphs[i : i + n]))
        i += n
    head = [
        "人民时讯网 > 时政频道 > 正文",
        f"{title}（全文）",
        f"{year}年03月06日 08:{rng.randint(10, 59)}　来源：新华网",
        "新华社北京3月5日电",
    ]
    if "决议" not in title:
        head += ["政府工作报告", f"——{year}年3月5日在全国人民代表大会上"]
    tail = [
        "（责任编辑：张晓）",
        "扫一扫在手机打开当前页",
        "关于我们 | 联系我们 | 网站地图 | 免责声明 | 广告服务",
        f"Copyright © 1998-{year + 1} 人民时讯网 All Rights Reserved 粤ICP备09131424号-1",
    ]
    return "\n".join(head + lines + tail) + "\n"


def two_sources(records: list[dict], clean_body=None, *, noise: float = 0.0) -> list[dict]:
    """Both pages of every record, ``[{"id", "text", "key"}, ...]``: A then B for each record, in order.

    ``noise`` makes source B a sloppier copy (a stress test beyond the acceptance; see :func:`_damage`).

    ``clean_body(rec) -> str`` gives the body to render (default: the record's text through
    :func:`reportnlp.clean`, so both sites carry the same report without Wikisource's footer).
    """
    if clean_body is None:
        import reportnlp

        def clean_body(rec: dict) -> str:
            return reportnlp.clean(rec["content"], title=rec["title"]).text

    pages = []
    for rec in records:
        key = record_key(rec)
        year = _year_of(rec)
        body = clean_body(rec)
        rng = random.Random(f"two-sources:{key}")
        pages.append({"id": f"A-{key}", "key": key, "text": page_a(rec["title"], body, year, rng)})
        pages.append(
            {"id": f"B-{key}", "key": key, "text": page_b(rec["title"], body, year, rng, noise)}
        )
    return pages


def load_records(path: Optional[Path] = None) -> list[dict]:
    with open(path or GWR, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python tests/make_two_sources.py OUT.jsonl", file=sys.stderr)
        return 2
    with open(argv[0], "w", encoding="utf-8") as fh:
        for page in two_sources(load_records()):
            fh.write(
                json.dumps({"id": page["id"], "text": page["text"]}, ensure_ascii=False) + "\n"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
