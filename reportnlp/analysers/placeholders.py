"""Placeholder (template mask) detection: ``×××个``, ``xx镇``, ``202x年``, ``***总书记``, ``某市``.

Template reports published as samples keep their masks: runs of ``×``/``x``/``X`` for quantities, years and
names (``××市``, ``202x年``, ``x月x日``, ``XX 市`` past a space, ``201X/X/XX``), stars (``***总书记``;
``*镇``, ``**同志``, ``**省、**省``, ``201*年``, ``20**年``), blanks to fill in (``____年``), ``某`` before an
administrative unit, and bare masks in lists (``×××、xx、XX等地``). :func:`find_placeholders` finds them with
regular expressions and types each from its context: ``number`` (the unit or classifier after it, a masked
decimal, ``x·xx``), ``year`` (``年`` after a four-character or year-like mask, ``××年工作``), ``name`` (an
administrative or organisation suffix, a title before it, the default) or ``redaction`` (three stars before a
leader's title, or characters censored out of a word: ``**建工作``, ``**员``, ``**风廉政`` for 党).
Multiplication (``2×2``; ``“数据要素×”行动``), Latin words, pinyin, ``某些``-style determiners, footnote stars (``注*：``) and
Markdown emphasis (``**一、工作情况**``) are not masks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Placeholder", "find_placeholders"]

TYPES = ("number", "year", "name", "redaction")

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
# A letter of a Latin or pinyin word (accented vowels included): a mask must not touch one.
_LETTER = r"A-Za-z\u00c0-\u024f\u1e00-\u1eff\uff21-\uff3a\uff41-\uff5a"
_HAN = re.compile(rf"[{_CJK}]")
_MASK_CHARS = "×xXＸｘ*＊"
_MASK = r"(?:×+|x+|X+|＊+|Ｘ+|ｘ+)"
# A masked decimal (``×.×亿元``, ``XX.X%``) is one masked quantity.
_DECIMAL = rf"(?:[.．]{_MASK})?"
_SEP = r"[-—–~～到至+]"

_YEAR_LIKE = r"(?:19|20)(?:[0-9][xX×*＊]|[xX×*＊]{2})"
_PATTERN = re.compile(
    rf"(?P<redaction>(?<![*＊])[*＊]{{3,}}(?![*＊]))"
    rf"|(?P<stars>(?<![*＊0-9{_LETTER}])[*＊]{{1,2}}(?![*＊0-9{_LETTER}]))"
    rf"|(?P<date>(?<![0-9{_LETTER}])(?:19|20)[0-9xX×]{{2}}[/.\-][0-9xX×]{{1,2}}[/.\-][0-9xX×]{{1,2}}(?![0-9{_LETTER}]))"
    rf"|(?P<blank>(?<![_＿])[_＿]{{2,}}(?![_＿]))"
    rf"|(?P<yearlike>(?<![0-9{_LETTER}]){_YEAR_LIKE}(?:{_SEP}(?:{_YEAR_LIKE}|{_MASK}))?(?![0-9{_LETTER}]))"
    rf"|(?P<mou>某某|某[xX×Ｘｘ](?![0-9{_LETTER}])|某(?=[市县区镇省村乡州盟旗]|街道))"
    rf"|(?P<mask>(?<![0-9０-９{_LETTER}×]){_MASK}{_DECIMAL}(?:{_SEP}{_MASK}{_DECIMAL})?(?![0-9０-９{_LETTER}×]))"
)

# Every mask holds one of these characters, at most 8 characters after its start (``202x``, ``2019/10/xx``): the scan
# jumps from one to the next instead of trying the four-way pattern at every position of the text.
_TRIGGER = re.compile(r"[×xX＊*某Ｘｘ_＿]")
_MAX_LEAD = 8

# Unit or classifier after a masked quantity.
_UNITS = (
    "分钟 小时 周年 万 千 百 亿 余 多 个 次 人 名 位 篇 条 部 场 家 支 期 站 天 日 月 年 周 分 岁 处 集 张 本 项"
    " 户 元 所 座 类 批 件 级 倍 公里 里 米 亩 吨 号 届 幅 首 组 队 % ％ 成 台 辆 套 间 栋 轮 门 节 课 册"
    " 份 种 株 棵 余万 多万 起 单 例 笔 宗 床 对 平方公里 平方米 季度 学年 学期 所 家 盏 公斤 千克 强 km"
    " 平方千米 千米 公顷 ‰ 度 毫升 毫米 厘米 立方米 千瓦 兆瓦 标箱 艘 架 头 只 匹 斤 担"
    # traditional script (萬元, 億元, 萬畝, 萬噸, 個, 項, 戶…)
    " 萬 億 畝 噸 公頃 個 項 條 戶 臺 輛 間 棟 場 屆 節 課 冊 組 隊 門 張 筆 歲 處 類 種 級 餘 餘萬 多萬"
).split()
# Words that start with a unit character but make the mask a name (``××家喻户晓``, ``x日报``).
_NOT_UNIT = (
    "家喻户晓 日报 人民 人才 名片 名牌 条例 部门 场所 场景 期间 天然 分类 分析 年轻 号召 元素 级别 队伍 组织"
    " 种植 本土 本地 台账 集团 分公司 分行 分局 分院 分校 支行 对接 对照 对标 对于 对此 单位 门户 项目"
    " 集中 人大 人民 站投 集團 部門 單位 項目 組織 隊伍 場所 條例 分公司 號召 級別 種植"
).split()
_NAME_SUFFIXES = (
    "日报 晚报 街道 社区 网 市 镇 县 省 村 区 乡 州 盟 旗 公司 银行 中学 小学 学校 医院"
    " 日報 社區 網 鎮 縣 區 鄉 銀行 中學 小學 學校 醫院".split()
)
_NAME_PREFIXES = ("志愿", "文化", "光影")
# str.startswith takes a tuple: one C call instead of a generator over the words
_NAME_WORDS = tuple(_NOT_UNIT) + tuple(_NAME_SUFFIXES)
_UNIT_WORDS = tuple(_UNITS)
_FAMILY_PLACE = re.compile(r"家.?[村庄湾寨屯营沟坪堡]")
# Latin X in fixed terms (X射线, X光) is not a mask.
_NOT_MASK = re.compile(r"X(?:射线|光|线|型|染色体)")
# A lone × glued after a word and closing its quote or naming an action (“数据要素×”行动, 数据要素×三年行动) is the
# operator of a formula, like the + of “人工智能+”: no mask.
_OPERATOR_AFTER = re.compile(r"[”’」』]|(?:三年)?行动")


@dataclass(frozen=True)
class Placeholder:
    """One mask: ``text[start:end] == self.text``; ``type`` is one of :data:`TYPES`."""

    start: int
    end: int
    text: str
    type: str


_LATIN_WORD_BEFORE = re.compile(rf"[{_LETTER}0-9]+[ \t]+$")


def _near_cjk(text: str, start: int, end: int) -> bool:
    """A mask stands in running Chinese text: a CJK character touches it, or sits past a space.

    ``县长 xxx`` (a masked name after a title) counts; ``iPhone X`` (after a Latin word) does not.
    """
    if _LATIN_WORD_BEFORE.search(text, max(0, start - 20), start):
        return False
    left = text[start - 1] if start > 0 else ""
    right = text[end] if end < len(text) else ""
    if _HAN.match(left or " ") or _HAN.match(right or " "):
        return True
    # an item of a list of masks (×××、xx、XX等地): the item beyond the 、 is Chinese or a mask
    if (
        left == "、"
        and start >= 2
        and (_HAN.match(text[start - 2]) or text[start - 2] in _MASK_CHARS + "%％‰")
    ):
        return True  # 增长x%、x%和x%: the item before is a masked percentage
    if (
        right == "、"
        and end + 1 < len(text)
        and (_HAN.match(text[end + 1]) or text[end + 1] in _MASK_CHARS)
    ):
        return True
    surface = text[start:end]
    if left in "“‘「" and right in "”’」" and left and right:
        # A quoted mask (``“×+×”``); a single quoted Latin letter is a label (``“X”关闭按钮``).
        return not (len(surface) == 1 and surface in "xXＸｘ")
    if "·" in (left, right) and _MIDDLE_DOT.search(
        text, max(0, start - 3), min(len(text), end + 3)
    ):
        return True  # “x·xx”
    han_left = han_right = False
    if left in " \t\u3000" and start >= 2:
        i = start - 1
        while i > 0 and text[i - 1] in " \t\u3000" and start - i < 3:
            i -= 1
        han_left = i > 0 and bool(_HAN.match(text[i - 1]))
    if right in " \t\u3000":
        j = end
        while j < len(text) and text[j] in " \t\u3000" and j - end < 3:
            j += 1
        han_right = j < len(text) and bool(_HAN.match(text[j]))
    # ``县长 xxx``, ``XX 市`` (a mask of two or more letters past a space); ``达 X 万元`` (one, spaced both sides)
    return (han_left or han_right) if len(surface) >= 2 else (han_left and han_right)


_MIDDLE_DOT = re.compile(r"[0-9xX×]·[0-9xX×]")

# A short mask before 年 is a two-digit year (××年工作, **年两个文明建设, xx年全镇) unless the words around it
# make it a count of years: 近xx年, 工作xx年, xx年来, xx年以上, xx年间.
_SPAN_BEFORE = (
    "近",
    "连续",
    "已有",
    "已",
    "历时",
    "工作",
    "从事",
    "任职",
    "服役",
    "经过",
    "用了",
    "满",
    "达",
    "约",
    "共",
)
_SPAN_AFTER = re.compile(
    r"年(?:来|间|多|余|以上|以下|以内|之久|左右|内|后|前|时间|的时间|工龄|教龄|党龄)"
)


def _is_year_not_span(text: str, start: int, after: str) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \u3000")
    return not _SPAN_AFTER.match(after) and not before.endswith(_SPAN_BEFORE)


_SEP_RE = re.compile(_SEP)
_YEAR_LIKE_RANGE = re.compile(_YEAR_LIKE + rf"(?:{_SEP}.+)?")


def _classify(text: str, start: int, end: int, surface: str) -> str:
    after = text[end : end + 6].lstrip(" \u3000")[:4]
    before = text[max(0, start - 5) : start].rstrip(" \u3000")[-3:]
    if "·" in (text[end : end + 1], text[start - 1 : start] if start else ""):
        return "number"  # “x·xx”: a masked date of a speech
    if len(surface) <= 2 and after.startswith("年") and _is_year_not_span(text, start, after):
        return "year"  # ××年工作, xx年度, **年两个文明, *年度: a two-digit year
    parts = _SEP_RE.split(surface)
    if after.startswith("年") and all(len(p) == 4 for p in parts if p):
        return "year"
    if after.startswith("年") and _YEAR_LIKE_RANGE.fullmatch(surface):
        return "year"
    if before.endswith("党的") and after.startswith("大"):
        return "number"
    if before.endswith("第") or "." in surface or "．" in surface:
        return "number"  # an ordinal (第x季度) or a masked decimal (×.×亿元)
    if before.endswith(_NAME_PREFIXES):
        return "name"
    if after.startswith(_NAME_WORDS):
        return "name"
    if len(parts) > 1:
        return "number"
    if _FAMILY_PLACE.match(after):
        return "name"  # X家桥村, X家庄: a village named after a family, not X families
    if after.startswith(_UNIT_WORDS):
        return "number"
    if before.endswith("“") and after.startswith("”") and len(surface) == 1:
        return "number"  # ``“×+×”`` ... ``“×”即``: one term of a numbered formula
    if len(surface) >= 4 and after[:1] in ("的", ",", "，", "。", "；", ";", "、"):
        return "redaction"  # 加快建设xxxxxxxx的现代化: a censored phrase, no suffix or unit
    return "name"


# Three stars before a place or an organisation hide its name (***县, ***农业发展有限公司), not a leader's.
_STARRED_NAME = re.compile(
    r"(?:[省市县区镇乡村旗州盟]|街道|社区)|[^，。,；\n]{0,8}?(?:公司|集团|银行|学校|中学|小学|医院|合作社)"
)
# One or two stars before these hide 党 (**建工作, **员, **风廉政): a censored character.
_CENSORED_NEXT = re.compile(
    r"[建员风委组章徽旗](?![省市县区镇乡村])"
    r"|的[一二三]?十[一二三四五六七八九]?[大届]"  # 贯彻*的十七大: 党的十七大
)


# One masked letter before these hides 党 (镇X委书记, X员, X建工作); XX委 (two letters) is a masked name.
_CENSORED_LETTER_NEXT = re.compile(r"[建员风委](?![省市县区镇乡村会])")


def _stars(text: str, start: int, end: int) -> str | None:
    """The type of one or two stars in running Chinese (``*镇``, ``**同志``, ``**建``), or None: a footnote
    mark (``注*：``), a bullet, or Markdown emphasis (``**一、工作情况**``)."""
    right = text[end : end + 1]
    if right and right in "”’」』" and start and _HAN.match(text[start - 1]):
        return "name"  # “渤海湾**”项目: the end of a quoted name
    if not _HAN.match(right or " "):
        return None  # a masked name stands before its suffix: *镇, *年度, **同志
    line_end = text.find("\n", end)
    if (
        end - start == 2
        and (not start or text[start - 1] in " \t\u3000\n")
        and "**" in text[end : line_end if line_end >= 0 else len(text)]
    ):
        return None  # **bold** at the start of a line
    if (
        start
        and text[start - 1] not in "“‘「《（(、，,：:；;。 \u3000\n"
        and not _HAN.match(text[start - 1])
    ):
        return None
    if _CENSORED_NEXT.match(text, end):
        return "redaction"
    return _classify(text, start, end, text[start:end])


def _matches(text: str) -> Iterator[re.Match]:
    """The matches ``_PATTERN.finditer(text)`` gives, found from the trigger characters (3× faster)."""
    end = 0
    for t in _TRIGGER.finditer(text):
        pos = t.start()
        if pos < end:
            continue
        for candidate in range(max(end, pos - _MAX_LEAD), pos + 1):
            m = _PATTERN.match(text, candidate)
            if m is not None and m.end() > pos:
                yield m
                end = m.end()
                break


def find_placeholders(text: str) -> list[Placeholder]:
    """Every template mask in ``text``, in order, with its type (``number``/``year``/``name``/``redaction``)."""
    found: list[Placeholder] = []
    for m in _matches(text):
        start, end, surface = m.start(), m.end(), m.group()
        if m.lastgroup == "redaction":
            if not _near_cjk(text, start, end):
                continue
            kind = "name" if _STARRED_NAME.match(text, end) else "redaction"
        elif m.lastgroup == "stars":
            kind = _stars(text, start, end)
            if kind is None:
                continue
        elif m.lastgroup == "date":  # 201X/X/XX: the masked parts of a written date
            for i, part in enumerate(re.split(r"[/.\-]", surface)):
                offset = start + sum(len(p) + 1 for p in re.split(r"[/.\-]", surface)[:i])
                if re.search("[xX×]", part):
                    found.append(
                        Placeholder(
                            offset, offset + len(part), part, "year" if i == 0 else "number"
                        )
                    )
            continue
        elif m.lastgroup == "blank":  # ____年: a blank to fill in
            if not _near_cjk(text, start, end):
                continue
            kind = (
                "year"
                if end - start >= 3 and text.startswith("年", end)
                else _classify(text, start, end, surface)
            )
        elif m.lastgroup == "yearlike":
            kind = "year" if text.startswith("年", end) else "number"
        elif m.lastgroup == "mou":
            kind = "name"
        else:
            if not _near_cjk(text, start, end) or _NOT_MASK.match(text, start):
                continue
            if (
                surface == "×"
                and start
                and _HAN.match(text[start - 1])
                and _OPERATOR_AFTER.match(text, end)
                and not text.endswith(_NAME_PREFIXES, 0, start)
            ):
                continue  # “数据要素×”: an operator (“志愿×”: a masked name)
            if (
                len(surface) == 1
                and _CENSORED_LETTER_NEXT.match(text, end)
                and text[max(0, start - 1) : start] not in ("第", "每")
            ):
                kind = "redaction"  # 镇X委, X员: a letter censoring 党
            else:
                kind = _classify(text, start, end, surface)
        found.append(Placeholder(start, end, surface, kind))
    return found
