"""Metadata from a page's own lines: date, source, site, author and an official document's fields.

Dates are ISO ``YYYY-MM-DD``. The source comes from ``来源:`` fields, the author from ``作者:`` fields or
a byline (``西江日报记者 陈明红``), the site from copyright, ``Powered by`` and welcome lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Optional

from reportnlp import codes
from reportnlp.boilerplate.rules import (
    _BROWSER_SEPARATORS,
    _DOMAIN,
    COUNTER_WORDS,
    DATELINE,
    DATELINE_START,
    DOC_NUMBER,
    NUMBERED_TITLE_END,
    PERSON_NAME,
    SITE_IDENTITY,
    SPEAKER_GAP,
    SPEAKER_NAME,
    SPEAKER_OFFICE,
    SPEAKER_TAIL,
    SURNAMES,
    browser_title,
    is_date_line,
    is_meta_line,
)
from reportnlp.types import LineDecision

_NAME = r"[\u4e00-\u9fff·]{2,4}"
_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
_SHORT_DATE = re.compile(r"^(\d{2})-(\d{1,2})-(\d{1,2})\s+\d{1,2}:\d{2}")
# ``发布时间：18-03-0823:16``: a two-digit year under a publication label, the time glued on
_LABELLED_SHORT_DATE = re.compile(
    r"(?:发布|发表)(?:时间|日期)[:：]\s*(\d{2})-(\d{2})-(\d{2})\s*\d{1,2}:\d{2}"
)
# (a field in square brackets ends at its bracket: ``【来源：某某日报】【作者：张三】``)
_SOURCE = re.compile(r"(?:文章|信息|稿件|新闻)?来源于?\s?[:：]\s*([^\s:：|｜,，;；【】\[\]]{2,30})")
_AUTHOR = re.compile(
    r"(?:楼主|作者|撰稿|撰文|文)[:：/]\s*(?:记者|通讯员|特约记者)?\s*(" + _NAME + r")"
)
_OP = re.compile(r"楼主[:：]\s*(" + _NAME + r")")
# a name after a reporter's: not the next credit's word (``记者 张三 通讯员 李四``, ``记者 张三 报道``) nor where
# the reporter writes from (``本报记者 张三 发自北京``, ``记者 张三 北京报道``, ``综合报道``)
_NEXT_NAME = (
    r"(?:\s+(?!通讯员|记者|编辑|摄影|摄像|实习|见习|责任|来源|报道|审核|校对|发自|编译)(?![\u4e00-\u9fff]{1,2}报道)"
    + _NAME
    + r")"
)
_BYLINE = re.compile(
    r"(?:^|\s|[\u4e00-\u9fff（(])记者\s*[:：|｜]?\s*(" + _NAME + _NEXT_NAME + r"{0,3})(?=\s|$|[,，、）)])"
)
# a forum post's header: ``来自: 考编上岸的小土豆``, ``雁回小吏 发布于 2024-03-08 09:17``
_POSTER = re.compile(r"^来自\s*[:：]\s*(\S{2,20})$|^(\S{2,20})\s+(?:发布于|发表于)\s*\d{4}")
_SITE = r"[\u4e00-\u9fff]{2,16}?(?:网|站|报|台|在线|频道|政府|论坛|社区|文库|门户)"
# ``版权所有：吉林省人民政府门户网站 中文域名：…``: the whole name after the label, read before the spaces go
_COPYRIGHT_LABEL = re.compile(
    r"版权所有\s*[:：]\s*([\u4e00-\u9fff]{2,24}(?:门户网站|网站|网))(?=[\s,，。|｜©]|$)"
)
# a government body that owns a portal (``某某市人民政府``, ``…人大常委会``, ``…人民政府办公室``)
_GOV_OWNER = r"[\u4e00-\u9fff]{2,16}?(?:人民政府(?:办公室|办公厅)?|人大常委会|人民代表大会常务委员会(?:办公室)?|政协)"
# the next field of a footer, its spaces gone (``主办：X承办：Y``)
_NEXT_FIELD = r"(?:承办|协办|技术支持|网站标识码|备案|ICP|联系|地址|电话)"
_SITE_PATTERNS = [
    # a 文库 page's share notice (``…由会员分享,可在线阅读,更多相关《…》请在冰豆网上搜索。``, ``请在淘文阁 - 分享文档赚钱的网站上搜索``)
    re.compile(r"由会员分享.{0,80}?请在\s*([\u4e00-\u9fffA-Za-z0-9]{2,12}?)\s*(?:[-–—][^。]{0,24})?上搜索"),
    re.compile(
        r"([\u4e00-\u9fffA-Za-z0-9]{2,12}?(?:网|站|报|台|在线|频道|论坛|社区|文库))\s*(?:、[^\s]{2,12})?版权所有"
    ),
    re.compile(r"版权所有\s*[:：]?\s*[©]?\s*(?:\d{4}(?:[-—–]\d{4})?\s*)?(" + _SITE + ")"),
    # ``版权为 荆楚网 www.cnhubei.com 所有``: the name the rights belong to, with its address (``版权归属X所有``)
    re.compile(r"版权(?:为|归属?)\s*([\u4e00-\u9fff]{2,12}?(?:网|站))\s*(?:[a-z0-9.-]+\.(?:cn|com|net|org)\s*)?所有"),
    re.compile(r"[、\s]?([\u4e00-\u9fff]{2,12}?(?:网|站))版权(?:与|和)?免责"),
    re.compile(r"([\u4e00-\u9fff]{2,10}?(?:网|报|台))(?:股份)?有限(?:责任)?公司.{0,6}版权所有"),
    re.compile(r"([\u4e00-\u9fff]{2,12}?(?:网|论坛|社区))\s*[-–—|]\s*powered\s+by", re.IGNORECASE),
    re.compile(r"powered\s+by\s+([\u4e00-\u9fff]{2,20})", re.IGNORECASE),
    re.compile(r"欢迎(?:您)?访问\s*(" + _SITE + ")"),
    re.compile(r"©\s*(?:\d{4}(?:[-—–]\d{4})?\s*)?([\u4e00-\u9fff]{2,16})\s*版权所有"),
    # (a company's ``网络``, ``湖北荆楚网络科技股份有限公司``, is no site's name)
    re.compile(r"[©]\s*(?:\d{4}(?:[-—–]\d{4})?\s*)?([\u4e00-\u9fff]{2,20}?(?:网(?!络)|站))"),
    # the site a breadcrumb starts from (``您的位置:新文秘网>>…``)
    re.compile(
        r"^(?:您的|您所在的|您当前的|当前)?位置\s*[:：]\s*([\u4e00-\u9fff]{2,12}?(?:网|站|文库))\s*(?:>|»|＞|→|->)"
    ),  # also ``您当前的位置 : 文成新闻网  ->  生活  ->  …``
    # the same without its label (``海外网>>时政>>2013全国两会>>两会要闻``)
    re.compile(r"^([\u4e00-\u9fff]{2,12}?网)\s*(?:>>|»|＞＞)\s*[\u4e00-\u9fff]"),
    # … and with single marks, two of them (``中国西藏网 > 2015全国两会 > 两会镜头``)
    re.compile(r"^([\u4e00-\u9fff]{2,12}?网)\s*[>＞]\s*[\u4e00-\u9fff\d][^>＞]{0,20}[>＞]\s*[\u4e00-\u9fff\d]"),
    # a site's name with its domain (``中央政府门户网站 www.gov.cn 2015-03-13 …``), its home link (``人民网首页``)
    re.compile(r"^([\u4e00-\u9fff]{2,16}(?:网|网站))\s+(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:cn|com|net|org)(?:\s|$)"),
    re.compile(r"^([\u4e00-\u9fff]{2,10}网)首页$"),
    # a repost disclaimer naming the site (``凡本站未注明来源为"中国商讯网"的所有作品,均转载…``)
    re.compile(r"凡本[站网](?:未)?注明(?:来源|出处)[为是:：]?\s*[“\"「]?([\u4e00-\u9fff]{2,12}?网)[”\"」]?"),
    # a name glued to its address (``(新文秘网https://www.wm114.cn省略854字…``)
    re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,10}(?:网|网站|文库))https?://"),
    # a 文库 or 范文 site's editor (``简介:写写帮文库小编为你整理了…``, ``以下是®第一文档网的小编为您整理的…``)
    re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,10}?(?:网|站|文库))的?小编为[你您]"),
    # last: the owner a footer names when it names no site (``主办单位:青阳县人大常委会``)
    # (also ``版权所有:郑州市人民代表大会常务委员会办公室``: an owner, the line holding nothing else)
    re.compile(
        r"^(?:主办单位|版权所有)\s*[:：]\s*([\u4e00-\u9fff]{2,20}?(?:常委会|委员会|政府|办公室|办公厅|局|厅))$"
    ),
    # a government owner before its credit or after the sign, other fields after it (``主办：X 承办：Y``,
    # ``网站主办：X``, ``X 版权所有``, ``X主办 Y承办``, ``Copyright © 2024 X All Rights Reserved``)
    re.compile(r"^(?:网站)?主办(?:单位)?\s*[:：]\s*(" + _GOV_OWNER + r")(?=[\s|｜,，;；]|$|" + _NEXT_FIELD + ")"),
    re.compile(r"(?:^|\s)(" + _GOV_OWNER + r")(?:门户网站)?\s*(?:版权所有|主办(?=[\s|｜]|$))"),
    re.compile(r"©\s*(?:\d{4}(?:[-—–]\d{4})?\s*)?(" + _GOV_OWNER + r")(?=[\s|｜,，A-Za-z]|$|" + _NEXT_FIELD + ")"),
]
# Every pattern of _SITE_PATTERNS needs one of these words, spaced (``版 权 所 有``) or not: the lines holding none
# are not read (tests/test_boilerplate_real.py checks the words against the patterns).
_SITE_HINT = re.compile(
    r"由\s*会\s*员\s*分\s*享|版\s*权|powered|欢\s*迎|©|位\s*置|\.(?:cn|com|net|org)|首\s*页|https?://|小\s*编|主\s*办"
    r"|网\s*(?:>>|»|＞＞|[>＞])|凡\s*本\s*[站网]",
    re.IGNORECASE,
)
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
    >>> iso_date("发布时间：18-03-0823:16"), iso_date("发布时间：10-0812:00")
    ('2018-03-08', None)
    """
    for m in _DATE.finditer(text):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    if m := _SHORT_DATE.match(text) or _LABELLED_SHORT_DATE.search(text):  # ``24-1-30 18:05``
        y, mo, d = 2000 + int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}  # ○: U+25CB typed for 〇
_CN_DATE = re.compile(
    r"([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日"
)


def _cn_number(s: str) -> int:
    """``二十七`` → 27, ``十`` → 10, ``三`` → 3."""
    if "十" in s:
        tens, _, units = s.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)
    return _CN_DIGITS[s]


def cn_date(text: str) -> Optional[str]:
    """A date in Chinese numerals as ``YYYY-MM-DD``.

    >>> cn_date("——二〇二六年一月二十七日")
    '2026-01-27'
    """
    m = _CN_DATE.search(text)
    if not m:
        return None
    y = int("".join(str(_CN_DIGITS[c]) for c in m.group(1)))
    mo, d = _cn_number(m.group(2)), _cn_number(m.group(3))
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None


#: Fields :func:`extract_meta` may give, in the order it returns them.
FIELDS = ("date", "source", "site", "author", "doc_number", "issuer", "written_date", "speech_date")
_SPEECH = re.compile(r"在.{2,40}?(?:会议|大会)上")
_AUTHORS = re.compile(
    r"(?:楼主|作者|撰稿|撰文|报告人|(?:(?<![\u4e00-\u9fff])|(?<=图))文|(?<![\u4e00-\u9fff])记者)(?:[:：/]|(?<=文)\s*[|｜])\s*(?:《[^》]{1,15}》\s*)?"
    r"(?:(?:本报|本台|本网|本刊)?(?:特约|首席|见习)?(?:记者|通讯员))?\s*("  # (``作者：本报记者 X``: X)
    + r"(?<=原文作者[:：])[A-Za-z][A-Za-z0-9_.-]{2,20}|"  # a reposted text's author's handle (``原文作者:Lunamos``)
    + _NAME
    + r"(?:[ 、]+(?!通讯员|记者|编辑|摄影|实习生|责任|来源)"
    + _NAME
    + r"){0,7})(?=$|\s+[\u4e00-\u9fff]{1,6}[:：]|[\s,，）)】\]|｜;；])"
)
_SPEAKER = re.compile(
    r"(?:^|\s)"
    + SPEAKER_TAIL.replace(SPEAKER_NAME + "$", "")  # (its gap kept: ``市长：X``)
    + r"([\u4e00-\u9fff·]{2,10}|(?<=[\s\u3000])[\u4e00-\u9fff](?:[ \u3000]{1,3}[\u4e00-\u9fff]){1,2})$"
)
# a closing byline line of several reporters (``|记者 徐超超 蔡俊``): the whole line, so no word of a sentence
_BYLINE_LINE = re.compile(
    r"^[|｜]?\s*(?:本报)?记者\s*[:：]?\s*(" + _NAME + _NEXT_NAME + r"{1,3})$"
)
# a byline in brackets ending the text (``…作出新的贡献。(记者 王道) |``, ``(文/图 刘玺东 易赛楠)``)
_END_BYLINE = re.compile(
    r"[（(]\s*(?:本报|[\u4e00-\u9fff]{2,12}?(?=记者))?(?:记者|文/图|图/文|文)\s*[:：/]?\s*(" + _NAME + r"(?:\s+" + _NAME + r"){0,3})\s*[）)]\s*[|｜]?\s*$"
)
# a speech header run into its text (``…会议上 上海市市长 龚正 各位代表: 现在,…``): the speaker
# (also with no space: ``…会议上自治区主席 乌云其木格各位代表:本届政府…``)
_SPEAKER_GLUED = re.compile(
    r"(?:会议|大会)上[\s\u3000]*"
    + SPEAKER_TAIL.replace(SPEAKER_GAP + SPEAKER_NAME + "$", "")
    + r"[\s\u3000]*([\u4e00-\u9fff·]{2,5}?)[\s\u3000]*(?:各位代表|各位委员|同志们|同志作)"
)  # (``…会议上北京市市长 殷勇同志作政府工作报告。``: the Beijing 2025 report's Word file)
# a dateline that opens a line its text runs on in (``——2024年1月11日在…第一次会议上自治区主席 …``; without
# its dash before a speaker glued on, ``2025年1月14日在…会议上北京市市长 殷勇同志作政府工作报告。``)
_DATELINE_SPEAKER = re.compile(r"(?:会议|大会)上[\s\u3000]*" + SPEAKER_TAIL)
_DATELINE_GLUED = re.compile(
    r"[—－-]*\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*在[^。，,]{2,50}?(?:会议|大会)上"
)
# a news header: date and time, the author's name, then the source (``2014-03-13 15:22  吴定平 来源:新华网评``)
_DATE_NAME_SOURCE = re.compile(
    r"^\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s+(" + _NAME + r")\s+(?:来源|责任编辑)\s*[:：]"
)
# a wire dateline's byline opening the text (``人民网合肥11月8日电 （记者钱伟）安徽省…``, ``本报讯（记者 X 通讯员 Y）``)
_LEAD_BYLINE = re.compile(
    r"^[^。，,]{0,30}?(?:电|讯)\s*[（(]\s*(?:本报|本网|本台|本刊|[\u4e00-\u9fff]{2,6}报)?(?:首席|特约|见习)?记者\s*[:：]?\s*("
    + _NAME + r"(?:[ 、](?!通讯员|实习生)" + _NAME + r"){0,3})"
    r"(?:/文)?\s*(?:[）)]|\s+通讯员|\s+[\u4e00-\u9fff·]{2,4}/图"  # ``(海峡导报记者 林泓/文 常海军/图 …)``
    r"|\s+[\u4e00-\u9fff]{2,6}报记者)"  # a second paper's reporters (``(湖北日报记者A B 长江日报记者C)``)
)
# a space before a dateline that a headline runs into (``…的意见 中国宁波网讯(记者易鹤)…``)
_GLUED_LEAD = re.compile(r"\s(?=[^\s。，,]{2,20}?[讯电]\s*[（(]\s*(?:本报|本网)?(?:首席|特约|见习)?记者)")
# a reporter's byline opening the text, ``报道:`` closing it (``记者张尚东 通讯员刘珍妮报道:3月5日上午…``)
_LEAD_NAME_FIRST = re.compile(
    r"^[^。，,]{0,20}?讯\s*[（(]\s*([\u4e00-\u9fff]{2,3})\s+(?:见习|实习|特约|首席)?记者\s*[\u4e00-\u9fff]{2,3}"
)
# a reporter's byline in brackets opening the text, no dateline before it (``（记者 张三）2月2日上午,…``, also with a
# correspondent's name after it: ``（记者 张三 通讯员 李四）``), or after the dateline without brackets
# (``本报讯 记者 张三 2月2日…``, ``某某网讯 记者张三报道:…``)
_LEAD_BRACKET = re.compile(
    r"^[（(]\s*(?:本报|本网|本台)?(?:首席|特约|见习)?记者\s*[:：]?\s*(" + _NAME + r"(?:[ 、](?!通讯员|实习生)" + _NAME + r"){0,3})"
    r"(?:\s+(?:通讯员|实习生)[^）)]{1,20})?\s*[）)]"
    r"|^[^。，,（(]{0,20}?讯\s*(?:本报|本网)?记者\s*([\u4e00-\u9fff·]{2,3}?)(?:\s*报道|\s+(?=\d|[\u4e00-\u9fff]))"
)
_LEAD_REPORT = re.compile(
    r"^(?:本报)?记者\s*([\u4e00-\u9fff·]{2,3})(?=\s|通讯员|报道)[^。，,:：]{0,24}?报道\s*[:：]"
)
# a reporter's name alone in brackets closing the text (``…打造人民满意的政府。(范夢民)``)
_END_NAME = re.compile(
    r"[。！？!?”]\s*[（(]\s*([\u4e00-\u9fff]{2,3}(?:\s+[\u4e00-\u9fff]{2,3}){0,3})\s*[）)]\s*$"
)  # also several (``…参加座谈会。 (姚艺迪 曹姗 吴磐)``)
_NOT_NAMES = frozenset({"全文完", "待续", "未完待续", "节选", "摘编", "摘录", "有删节", "有删减", "下同", "略", "原文"})
# a header's date (and time), then the author (``2022年6月21日 通讯组 梁悦``, ``2015-03-06 05:59马思远``)
_DATE_THEN_NAME = re.compile(
    r"^(?:\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*"
    r"(?:[\u4e00-\u9fff]{2,6}\s+)?(" + _NAME + r")$"
)
# a name between a header's fields, after its time or an empty counter and before the next label, its own label
# lost (``发布时间:2008-03-06 08:39:18 访问次数: 王帮海 信息来源:桃源县政府网``)
_HEADER_NAME = re.compile(
    r"(?:(?:浏览|访问|点击|阅读)(?:次数|量|数)?\s*[:：]|(?<!\d)\d{1,2}:\d{2}(?::\d{2})?)\s+([\u4e00-\u9fff]{2,3})"
    r"\s+[\u4e00-\u9fff]{2,6}\s*[:：]"
)
# the site or an office where a header names its poster (``10:00 本站 浏览次数:``), not a person (:data:`_HEADER_NAME`)
_HEADER_NOT_PERSON = re.compile(r"^本|(?:政府|站|办|局|委|厅)$")
_MEDIA_NAME = re.compile(  # a medium's name or a widget's word, not a person's
    r"(?:网|报|社|台|刊|频道|娱乐|财经|新闻|资讯|在线|文库|论坛|社区)$"
    r"|^(?:回复|发表|发布|编辑|阅读|评论|浏览|点击|来源|作者|更新|修改|置顶|收藏|分享|举报|引用|楼主|沙发|打印|关闭|纠错)$"
    r"|^(?:(?:星期|礼拜)[一二三四五六日天]|周[一二三四五六日])$"  # a weekday (``2023年03月29日 星期三``, ``…17:01:33周一``; 周天 is a name)
)
_COLUMN_AUTHOR = re.compile(r"^《[^》]{1,15}》\s*(?:作者|记者)\s+([\u4e00-\u9fff·]{2,4})$")
_BRACKET_BYLINE = re.compile(  # ``（网易财经 张艳）``, ``(通讯员 檀静 许征)``
    r"^[（(][\u4e00-\u9fff]{2,10}\s+([\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4}){0,3})[）)]$"
)
_HANDLE_DATE = re.compile(
    r"^(?!发布于|发表于|回复于|来自|时间|日期)([^\s，。:：]{1,20})\s+(?:发布于|发表于)?\s*\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}"
)
# an outlet named as the author (``作者:东昌府新闻网 发表于:…``): the ``作者`` field's value, as the page gives it
_AUTHOR_MEDIUM = re.compile(
    r"(?:^|\s)作者[:：]\s*([\u4e00-\u9fff]{2,10}(?:网|报|社|台|频道|中心))(?=$|\s)"
    # an office credited for the text and its pictures (``图文:新兴街人大工委办公室``)
    r"|^(?:图文|文图|文/图|图/文)\s*[:：]\s*([\u4e00-\u9fff]{2,14}(?:办公室|工委|委员会|中心|站|所|局|部))$"
)
_TITLE_DATE = re.compile(
    r"(?<=[^\d\s])\s+((?:19|20)\d{2}(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日))(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
)
_LABEL = r"\s*(?:[:：]|[|｜\t])\s*"
_DOC_NUMBER = re.compile(DOC_NUMBER)
_DOC_LABEL = re.compile(r"(?:发文字号|文\s*号)" + _LABEL + "(" + DOC_NUMBER + ")")
_ISSUER_LABEL = re.compile(r"(?:发文机关|发文机构)" + _LABEL + r"([^\s|｜:：]{2,30})")
_WRITTEN_LABEL = re.compile(r"成文日期" + _LABEL + r"(\S.{0,20})")
_ORG_PART = (
    r"[\u4e00-\u9fff（）()]{3,30}(?:政府|办公厅|办公室|委员会|常委会|局|厅|委|部|院|中心|公司|协会|学会|人大|政协|党校|大学|学校|小组)"
)
_ORG = re.compile("^" + _ORG_PART + r"(?:[\s\u3000]+" + _ORG_PART + ")*$")  # joint issuers, space-separated


def is_organisation(line: str) -> bool:
    """*line* (stripped) names an organisation and nothing else, as a sign-off does (joint issuers spaced).

    >>> is_organisation("北京市人民政府办公厅"), is_organisation("中国证券业协会"), is_organisation("截至")
    (True, True, False)
    """
    return len(line) <= 80 and _ORG.match(line) is not None


# ``2026-02-05 13:37 | 湖北日报``: a date, then the source after a bar
_DATE_BAR_SOURCE = re.compile(
    r"^\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*[|｜]\s*([^\s|｜:：]{2,20})$"
)
_HANDLE_ALONE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9_·]{2,16}")
_PUBLISHED_LABEL = re.compile(r"(?:发布|发表)(?:时间|日期|于)")
_ENGINE = re.compile(r"powered\s+by|discuz|phpwind", re.IGNORECASE)
_ORG_NAME = re.compile(r"(?:政府|网|网站|门户|在线)$")
_SLOGAN_MARK = re.compile(r"[◆◇★☆■□●]")
_POSITION_LABEL = re.compile(r"^(?:您的|您所在的|当前)?位置\s*[:：]\s*")


#: An official document's publication mark under its sign-off (``（此件公开发布）``).
_DOC_MARK = re.compile(r"[（(]此件(?:公开发布|主动公开|依申请公开|不予公开|不公开)[）)]")


def _date_of(text: str) -> Optional[str]:
    return iso_date(text) or cn_date(text)


def _meta_texts(decisions: Sequence[LineDecision]) -> list[str]:
    """The metadata lines' texts; a label alone (``• 发文字号:``) is joined with the value on the next line."""
    out: list[str] = []
    pending = ""
    meta, title, blank = codes.META, codes.TITLE, codes.BLANK
    for d in decisions:
        action = d.action
        if action != meta:
            if action == title and is_meta_line(t := d.text.strip()):  # a headline with its date
                out.append(t)
            elif action != blank:
                pending = ""
            continue
        t = d.text.strip()
        if not t:
            continue
        if t[-1] in "?？" and t[-2:-1] in (" ", "\u3000"):
            t = t[:-1].rstrip()  # a glyph a converted document lost (``荣县人民政府县长 郑小清 ?``)
        if pending:
            out[-1] = pending + t
            pending = ""
            continue
        out.append(t)
        if t.endswith((":", "：")):
            pending = t
    return out


def browser_site(decisions: Sequence[LineDecision]) -> Optional[str]:
    """The site's name from the browser-title line (the page's first line): its last segment after ``_``,
    ``|`` or `` - `` (the one before a bare domain), or a first segment that names an organisation
    (``山东省人民政府 公报汇总 政府工作报告``).

    >>> from reportnlp.types import LineDecision as L
    >>> browser_site([L(1, "drop", "browser_title", "吾爱破解 - 52pojie.cn")])
    '吾爱破解'
    """
    lines = (d for d in decisions if d.action != codes.BLANK)
    top = next(lines, None)
    first = top.text.strip() if top else ""
    if first.endswith(("_", "|", "｜")) and (d := next(lines, None)) and d.reason == codes.R_BROWSER_TITLE:
        # a title broken after its separator, its rest read as the browser title (a page as plain text:
        # ``2026年福建省人民政府工作报告_`` over ``政府工作报告_福建省人民政府门户网站``): one title
        first += d.text.strip()
    if first.endswith("。"):
        return None  # a sentence (a 文库 share notice ``…请在淘文阁 - 分享文档赚钱的网站上搜索。``), no title
    texts = [first] if first else []
    i, _headline, site = browser_title(texts, [0] if first else [])
    if i < 0:
        return None
    if site and top is not None and top.action == codes.TITLE and len(_headline) < 8:
        # the title kept whole, a column's short name before its bar (``两会・政协开幕|王沪宁发表全国政协常委会工作报告``,
        # as :func:`~reportnlp.boilerplate.classify.title_text` reads it): no site's name after it
        return None
    if site:
        # the last segment that is a name, not a domain or a forum engine's credit
        parts = [p for p in _BROWSER_SEPARATORS.split(texts[i]) if p][1:]
        names = [p for p in parts if not _DOMAIN.match(p) and not _ENGINE.search(p)]
        if not names and parts and all(_DOMAIN.match(p) for p in parts):
            return _headline  # ``吾爱破解 - 52pojie.cn``: the name, then its domain
        if not names:
            return None
        # a slogan after a mark, dashes left over from a doubled separator (``— 观山文库◆记住我,来上我~``)
        name = _SLOGAN_MARK.split(names[-1].lstrip("—–- "), 1)[0].strip()
        return name if len(name) >= 2 else names[-1]
    first = _POSITION_LABEL.sub("", texts[i]).split(" ")[0]  # ``当前位置:内蒙古区情网  /  数字史志 …``
    if " " in texts[i] and 4 <= len(first) <= 20 and _ORG_NAME.search(first):
        return first
    return None


def _sign_off(decisions: Sequence[LineDecision]) -> Optional[tuple[str, str]]:
    """The last issuer and date of an official text's sign-off (``北京市人民政府办公厅`` / ``2016年5月28日``);
    without an organisation line, a date in Chinese numerals alone (``二○○七年四月十三日``: only a document's
    sign-off writes its date so), with ``""`` for the issuer."""
    blank = codes.BLANK
    filled = [d for d in decisions if d.action != blank]
    # the last 30 non-blank lines of the text (a sign-off ends it: up to the line under its last kept line, not
    # the page's end, which a site's footer may hold hundreds of lines below: html-news 67's
    # ``中国证券业协会`` / ``2015年7月4日``), after the first 40 (a notice signed above the attachment printed
    # under it: ``…印发给你们`` / ``附件:X`` / organ / date / the attachment's text). Only a kept line signs,
    # with its date kept or metadata right under it: nothing further down can.
    end = next((k + 2 for k in range(len(filled) - 1, -1, -1) if filled[k].action == codes.KEEP), 0)
    lines = filled[:end] if end <= 70 else filled[:40] + filled[max(40, end - 30) : end]
    found = None
    for d in lines:
        if d.action == codes.KEEP and len(d.text) <= 20 and _CN_DATE.fullmatch(d.text.strip("（）() ")):
            found = ("", cn_date(d.text)) if cn_date(d.text) else found
    for a, b in zip(lines, lines[1:]):
        # a date alone over the document's publication mark (``2022年5月10日`` / ``(此件主动公开)``)
        if b.text[:3] in ("(此件", "（此件") and a.action == codes.KEEP and len(a.text) <= 20:
            if _DOC_MARK.fullmatch(b.text.strip()) and is_date_line(a.text.strip()):
                if (d := _date_of(a.text)) and (found is None or found[1] != d):
                    found = ("", d)
        # a short organisation line, then a short date line (cheap tests first: most lines are prose)
        if len(b.text) > 24 or len(a.text) > 40 or a.action != codes.KEEP:
            continue
        if b.action not in (codes.KEEP, codes.META):
            continue
        org, date = a.text.strip(), b.text.strip()
        if _ORG.match(org) and (is_date_line(date) or _CN_DATE.fullmatch(date.strip("（）()"))):
            if d := _date_of(date):
                found = (org, d)
    return found


def extract_meta(decisions: Sequence[LineDecision]) -> dict[str, str]:
    """The page's metadata fields (keys absent when the page does not state them):

    - ``date``: the publication date (a ``发布时间``/``时间``/``日期`` field first; a speech's date last);
    - ``source``: the value of ``来源:`` (``本文来源``, ``信息来源`` …);
    - ``site``: the site's name: the browser title's site part, else a copyright, ``Powered by`` or
      welcome line, else the logo line a copyright or source line repeats;
    - ``author``: ``作者:`` (several names kept, space-separated), a byline (``记者 X``, ``（网易财经 X）``),
      a speaker (``北京市市长 殷勇``), a forum poster (``楼主:``, ``X 2015-06-19 11:20``);
    - ``doc_number`` (发文字号: ``吉政明电〔2022〕1号``), ``issuer`` (发文机关, else the sign-off's
      organisation) and ``written_date`` (成文日期, else the sign-off's date) of an official document;
    - ``speech_date``: the date of a speech's dateline (``——2026年1月27日在…会议上``).

    Dates are ``YYYY-MM-DD`` (also from Chinese numerals: ``二〇二六年一月二十七日``). ``decisions`` are the
    line decisions of one page; their ``text`` is the normalised line.

    >>> from reportnlp.types import LineDecision as L
    >>> extract_meta([L(1, "meta", "metadata", "时间:2024-02-09 09:40:02  来源:网友投稿"),
    ...               L(2, "drop", "copyright", "版权所有:上派范文网 2010-2024 未经授权禁止复制")])
    {'date': '2024-02-09', 'source': '网友投稿', 'site': '上派范文网'}
    """
    meta: dict[str, str] = {}
    meta_lines = _meta_texts(decisions)
    # page dates first, a speech's dateline last (stable)
    order = sorted(meta_lines, key=lambda t: (bool(_SPEECH.search(t)), not _PUBLISHED.search(t)))
    for t in order:
        if (
            "date" not in meta
            and not _WRITTEN_LABEL.search(t)
            and not (t[:1] in "—－-（(" and _SPEECH.search(t))  # a speech's dateline dates the speech, not the page
            and (date := _date_of(t))
        ):
            meta["date"] = date
        if "source" not in meta and (m := _SOURCE.search(t) or _DATE_BAR_SOURCE.match(t)):
            src = _STOP.sub("", m.group(1))
            if src == m.group(1) and t[m.end() : m.end() + 1] in (":", "："):
                src = ""  # the next field's label, the source being empty (``信息来源: 关键词:``)
            if src[-1:] in (")", "）") and src.count(src[-1]) > src.count("(" if src[-1] == ")" else "（"):
                src = src[:-1]  # the bracket closing ``(文章来源:财联社)``, not the source's
            if src:
                meta["source"] = src
    if "date" not in meta:  # the headline with the page's date after it (``…研究部署…工作 2019-12-17``)
        row = next((d for d in decisions if d.action == codes.TITLE), None)
        if row is not None and (m := _TITLE_DATE.search(row.text)) and (date := _date_of(m.group(1))):
            meta["date"] = date
    _author(meta_lines, meta)
    if "author" not in meta:
        last = next((d for d in reversed(decisions) if d.action == codes.KEEP), None)
        if last is not None and (m := _END_BYLINE.search(last.text[-40:])):
            meta["author"] = m.group(1)
    if "author" not in meta:
        last = next((d for d in reversed(decisions) if d.action == codes.KEEP), None)
        if last is not None and (m := _END_NAME.search(last.text[-20:])):
            if m.group(1) not in _NOT_NAMES:
                meta["author"] = m.group(1)
    if "author" not in meta:  # the byline opening the text (a deck may stand above it)
        kept = [d for d in decisions[:120] if d.action == codes.KEEP][:6]
        for k, first in enumerate(kept):
            if m := (
                _LEAD_BYLINE.match(first.text[:60])
                or (k < 3 and _LEAD_REPORT.match(first.text[:40]))
                or (k < 3 and _LEAD_NAME_FIRST.match(first.text[:40]))
                or (k < 3 and _LEAD_BRACKET.match(first.text[:40]))
            ):
                meta["author"] = (m.group(1) or m.group(2)).replace("、", " ")
                break
            # the headline glued before the dateline (``…征求各方面对政府工作报告的意见 中国宁波网讯(记者易鹤)今天…``)
            if k == 0 and (g := _GLUED_LEAD.search(first.text, 0, 80)):
                if m := _LEAD_BYLINE.match(first.text[g.end() : g.end() + 60]):
                    meta["author"] = m.group(1).replace("、", " ")
                    break
    if "author" not in meta:
        for d in decisions[:40]:
            if d.action == codes.KEEP and (m := _SPEAKER_GLUED.search(d.text, 0, 200)):
                meta["author"] = m.group(1)
                break
    site = browser_site(decisions)
    # the page's furniture: its dropped and metadata lines (one pass over the page; few lines on a report)
    furniture_actions = (codes.DROP, codes.META)
    loose = [d.text for d in decisions if d.action in furniture_actions] if site is None else []
    if site is None:
        site = next((m.group(1) for t in loose if (m := _COPYRIGHT_LABEL.search(t))), None)
    if site is None:
        furniture = [
            _HAN_SPACES.sub("", t) if " " in t or "\u3000" in t else t
            for t in loose
            if _SITE_HINT.search(t)  # a word every site pattern needs (most lines hold none)
        ]
        for pattern in _SITE_PATTERNS:
            for text in furniture:
                if m := pattern.search(text):
                    site = m.group(1)
                    break
            if site:
                break
    if site is None:  # (read before the spaces between its items go)
        site = next((m.group(1) for t in loose if "位" in t and (m := _OWNER_CRUMB.match(t))), None)
    site = site or _logo(decisions) or _lead_outlet(decisions)
    if site:
        meta["site"] = site
    # an official document's number, issuer and written date
    for t in meta_lines:
        if "doc_number" not in meta and (m := _DOC_LABEL.search(t) or _DOC_NUMBER.fullmatch(t)):
            meta["doc_number"] = re.sub(r"\s+", "", m.group(1) if m.groups() else m.group(0))
        if "issuer" not in meta and (m := _ISSUER_LABEL.search(t)):
            meta["issuer"] = m.group(1)
        if "written_date" not in meta and (m := _WRITTEN_LABEL.search(t)):
            if d := _date_of(m.group(1)):
                meta["written_date"] = d
    if "doc_number" not in meta:  # a title ending with its number (``…的通知(岳办发〔2017〕2号)``)
        row = next((d for d in decisions if d.action == codes.TITLE), None)
        if row is not None and row.text.rstrip().endswith(("号)", "号）")):
            if m := NUMBERED_TITLE_END.fullmatch(row.text.strip()):
                meta["doc_number"] = re.sub(r"\s+", "", m.group(2))
    if sign := _sign_off(decisions):
        if sign[0]:
            meta.setdefault("issuer", sign[0])
        meta.setdefault("written_date", sign[1])
    for d in decisions[:80]:  # a dateline heads its speech
        if d.action not in (codes.KEEP, codes.META) or len(d.text) > 80:
            continue
        t = d.text.strip().lstrip("•●▪").lstrip()  # ``• ——2001年2月16日在…会议上``: a list's item
        if t[:1] not in "（(—－-12〇○零一二?":
            continue
        # as metadata with its speaker on its line (``——2026年1月27日在…会议上 省长 胡玉亭``), not a page's date
        # after a list's dash (``- 2012年04月16日``)
        if d.action == codes.META and not _DATELINE_SPEAKER.search(t):
            continue
        if DATELINE.match(t) or DATELINE_START.match(t):
            if date := _date_of(t):
                meta["speech_date"] = date
                break
    if "speech_date" not in meta:
        for d in decisions[:80]:
            lead = d.text.lstrip()
            if d.action == codes.KEEP and (
                lead[:1] in "—－-" or lead[:1] in "12" and _SPEAKER_GLUED.search(lead, 0, 200)
            ):
                if (m := _DATELINE_GLUED.match(d.text.lstrip(), 0, 120)) and (date := _date_of(m.group(1))):
                    meta["speech_date"] = date
                    break
    return {k: meta[k] for k in FIELDS if k in meta}


def _author(meta_lines: Sequence[str], meta: dict[str, str]) -> None:
    """The author, by the strength of the evidence (see :func:`extract_meta`)."""
    nxt = {
        a: a
        for a, b in zip(meta_lines, meta_lines[1:])
        if _HANDLE_ALONE.fullmatch(a) and _PUBLISHED_LABEL.match(b) and not _date_of(a)
    }
    finders = (
        lambda t: (m := _OP.search(t)) and m.group(1),
        lambda t: (m := _AUTHORS.search(t)) and _without_office(m.group(1)),
        lambda t: (m := _AUTHOR_MEDIUM.search(t)) and (m.group(1) or m.group(2)),
        lambda t: (m := _BYLINE_LINE.match(t)) and m.group(1),
        lambda t: (m := _DATE_NAME_SOURCE.match(t)) and m.group(1),
        lambda t: (m := _BYLINE.search(t)) and m.group(1),
        lambda t: (m := _SPEAKER.search(t)) and re.sub(r"[ \u3000]", "", m.group(1)),  # (``殷 勇``: 殷勇)
        lambda t: (m := _BRACKET_BYLINE.match(t)) and m.group(1),
        lambda t: (m := _COLUMN_AUTHOR.match(t)) and m.group(1),
        lambda t: (m := _POSTER.search(t)) and (m.group(1) or m.group(2)),
        # (a medium's name before the date, ``南宁日报  2020-05-11 10:41:58``, is the outlet, no poster)
        # (a government body's, ``梨树县人民政府 2017-01-10 16:56:00``, is the publisher, no poster)
        lambda t: (
            (m := _HANDLE_DATE.match(t))
            and not _MEDIA_NAME.search(m.group(1))
            and not _HEADER_NOT_PERSON.search(m.group(1))
            and m.group(1)
        ),
        lambda t: (
            (m := _DATE_THEN_NAME.match(t)) and not _MEDIA_NAME.search(m.group(1)) and m.group(1)
        ),
        lambda t: (
            (m := _HEADER_NAME.search(t))
            and _date_of(t)
            and not _MEDIA_NAME.search(m.group(1))
            and not COUNTER_WORDS.search(m.group(1))  # ``16:43:13 次浏览 分类:``: a counter's word, no name
            and not _HEADER_NOT_PERSON.search(m.group(1))  # ``10:00 本站 浏览次数:``, ``10:00 市政府 点击:``
            and m.group(1)
        ),
        # a handle alone right above the publication field (``体育教科书`` / ``发布时间：18-03-08``)
        lambda t: nxt.get(t),
        # a speech header's name alone (习 近 平)
        lambda t: (
            PERSON_NAME.match(t) and not SPEAKER_OFFICE.match(t) and re.sub(r"[\s\u3000]", "", t)
        ),
    )
    for find in finders:
        for t in meta_lines:
            if (value := find(t)) and value not in _NO_AUTHOR:
                meta["author"] = value
                return


def _without_office(names: str) -> str:
    """A credit's names without the office its label puts first (``报告人：省长 王五``: 王五).

    >>> _without_office("省长 王五"), _without_office("何苗 张梦洁"), _without_office("办公室 冯晶玲")
    ('王五', '何苗 张梦洁', '冯晶玲')
    """
    first, _, rest = names.partition(" ")
    return rest.strip() if rest.strip() and (SPEAKER_OFFICE.match(first) or _unit(first)) else names


# a department credited before the writer's name (``作者:办公室 冯晶玲``, ``宣传科 X``): no name
_UNIT = re.compile(r"办公室|[\u4e00-\u9fff]{2,10}(?:办公室|办|科|处|局|部|中心|工委|委员会|站)")
# (a three-character word of a common surname ending in 科 is a person's name, ``张国科``, no department)


def _unit(word: str) -> bool:
    """A department's name, no person's (``宣传科``, ``办公室``; not ``张国科``).

    >>> _unit("宣传科"), _unit("办公室"), _unit("张国科"), _unit("王科")
    (True, True, False, False)
    """
    if not _UNIT.fullmatch(word):
        return False
    return not (len(word) == 3 and word[2] == "科" and word[0] in SURNAMES)


# an author field that names nobody (``作者:会员上传``, ``作者：未知``)
_NO_AUTHOR = frozenset(
    {"未知", "佚名", "匿名", "不详", "会员上传", "网友上传", "用户上传", "网友投稿"}
    # a table of contents' heading and a forum profile's labels, alone on their lines: no name
    | {"目录", "最后登录", "注册时间", "在线时间"}
)


_NAME_LIKE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,24}")


# a portal's breadcrumb whose root is its owner, items spaced (``您所在的位置: 淮安市人大 权威发布 决定决议``)
_OWNER_CRUMB = re.compile(
    r"^(?:您的|您所在的|您当前的|当前)?位置\s*[:：]\s*([\u4e00-\u9fff]{2,12}?(?:人大|人民政府|政府|政协))"
    r"(?:\s*(?:>|»|＞|→|->)|\s+[\u4e00-\u9fff])"
)
# the web outlet a news lead's dateline names (``海曙新闻网讯(记者毛一波)``; a paper's name, ``南宁日报讯``, is the
# print source a site reposts, not the site)
_LEAD_OUTLET = re.compile(r"^([\u4e00-\u9fff]{2,12}?网)讯\s*[（(]")


def _lead_outlet(decisions: Sequence[LineDecision]) -> Optional[str]:
    """The page's own outlet: the one its lead's dateline names (``海曙新闻网讯(记者毛一波)…``) that the page's
    header names too, unlabelled (``2016年01月31日 10:40  海曙新闻网``); under ``来源:`` it is the source a
    repost took the text from, not the site."""
    kept = [d for d in decisions[:120] if d.action == codes.KEEP][:4]
    for d in kept:
        if m := _LEAD_OUTLET.match(d.text.strip()[:30]):
            name = m.group(1)
            if any(
                d2.action == codes.META and name in d2.text and not _SOURCE.search(d2.text)
                for d2 in decisions[:120]
            ):
                return name
            return None
    return None


_WEB_NAME = re.compile(r"[\u4e00-\u9fff]{2,16}(?:门户网站|网站|网)")


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
    if _WEB_NAME.fullmatch(name):
        return name  # a web site's own name heading the page (``河南省人民政府门户网站``, ``三八奇趣网``)
    for d in decisions:
        if d is first or name not in d.text:
            continue
        if d.reason in SITE_IDENTITY or (d.action == codes.META and _SOURCE.search(d.text)):
            return name
    return None
