"""Line rules: does one line, read alone, look like site boilerplate or metadata?

Each rule is a reason code and a pattern over the normalised (simplified, half-width) line. They describe
*kinds* of web furniture (share widgets, copyright and ICP lines, paywall tails, link lists …), not the
strings of any one site. :func:`line_rule` returns the first reason that fires, or ``None``.

The context-dependent decisions (title, repeated title, head and tail zones, corpus repetition) live in
:mod:`reportnlp.boilerplate.classify`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Callable, Optional

from reportnlp import codes

try:  # the parser behind ``re``: read a pattern's first characters (first_chars)
    from re import _constants as _sre_constants
    from re import _parser as _sre_parse
except ImportError:  # Python 3.10
    import sre_constants as _sre_constants
    import sre_parse as _sre_parse

_C = r"[:：]"  # either colon

#: Sentence punctuation: a line with none of it and few characters reads as furniture, not prose.
SENTENCE_PUNCT = re.compile(r"[，。；！？：,;!?:]")
#: Punctuation of running prose (colons excluded: titles use them, ``慈利县东岳观镇:“三微”活动…``).
PROSE_PUNCT = re.compile(r"[，。；！？,;!?]")
_STOPS = "。！？；!?;…"
_CLOSERS = "”’」』）)"  # may follow a full stop
#: Characters a line opens with when it continues the line before (a broken sentence).
CONTINUES = frozenset("，。、；：！？）》”’」』,.;:!?)")
#: Rules of lines that name the site or the organisation behind it, not the page.
SITE_IDENTITY = frozenset(
    {codes.R_COPYRIGHT, codes.R_ICP, codes.R_ORGANISER, codes.R_CONTACT, codes.R_POWERED_BY}
)


def ends_sentence(line: str) -> bool:
    """The line ends a sentence: a full stop (closing quotes and brackets may follow it) or a colon.

    Looks at the line's end only (a ``re`` search for ``…$`` would try every position of a long line).

    >>> ends_sentence("现将有关情况汇报如下："), ends_sentence("（“六进”）。”"), ends_sentence("大力弘扬")
    (True, True, False)
    """
    if line.endswith(("：", ":")):
        return True
    core = line.rstrip(_CLOSERS)
    return bool(core) and core[-1] in _STOPS


#: Numbered heading at the start of a line: 一、 （一） (一) 1. 1、 "01 " （1） 第一章 第一， 一是 重点一
HEADING_START = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.、．](?!\d)|0[1-9]\s"
    r"|[（(]\d{1,2}[）)]|第[一二三四五六七八九十百\d]+[章节部分条篇，,、]|[一二三四五六七八九十]是"
    r"|重点[一二三四五六七八九十])"
)

# Rules over the whole line. Order matters: the first that fires gives the reason. (reason, pattern, max
# length of a line it may fire on: long prose that merely mentions 版权 is not a copyright line.)
_RULES: list[tuple[str, str, int]] = [
    (
        codes.R_LICENSE_FOOTER,
        r"本作品(?:是|在|来自|属于)|公有领域|public domain|维基文库|wikisource|著作权法|^(?:true|false)$",
        200,
    ),
    (
        codes.R_PAYWALL,
        r"预览(?:阅读)?已结束|(?:阅读|查看|展开)全文|剩余\d*.{0,6}未读|余下全文|试读已结束|开通(?:VIP|会员)|下载(?:本文|文档|全文)|扫码(?:联系|下载|获取|阅读)|付费(?:阅读|下载)|全文(?:下载|阅读)|文档下载|免费阅读已结束|阅读已结束|立即下载|还剩\s*\d+\s*页|继续阅读|本文档为【|文档(?:页数|格式|贡献者)|所需积分|需要金币|金币\s+立即|相似文档|内容提供方|由会员分享|可在线阅读"
        r"|省略\d+字|会员可(?:完整|全文)阅读|当前仅显示\d+字|全文共\d+字|仅部分预览|文档侵犯(?:您|你)的权益|(?:文章|文档)内容仅供预览"
        r"|此处隐藏\d+个?字|(?:VIP)?会员可见|部分内容(?:阅读|预览)",
        120,
    ),
    (
        codes.R_ICP,
        r"ICP\s*(?:备|证|许可)|[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川贵云陕甘青藏宁新蒙]ICP|公网安备|网站标识码|备案(?:号|编号|序号)",
        300,
    ),
    (
        codes.R_POWERED_BY,
        r"powered\s+by|produced\s+by\s+\S|技术支持"
        + _C
        + r"|技术支持\s|建议(?:您)?使用.{0,20}浏览器|分辨率|网站(?:建设|制作|维护)"
        + _C,
        200,
    ),
    (
        codes.R_COPYRIGHT,
        r"版权所有|版权归|copyright|©|\(c\)\s*\d{4}|all rights reserved|未经(?:书面)?(?:授权|许可|同意)[，,]?\s*(?:禁止|不得|严禁|任何)|禁止(?:复制|转载|建立镜像)|转载请(?:注明|附上|保留)|不得转载",
        260,
    ),
    (
        codes.R_DISCLAIMER,
        r"免责声明|版权(?:与|和)免责|本(?:网|站)(?:转载|注明|发布|所载|刊载|未注明)|不代表本(?:网|站)|(?:观点)?仅代表作者(?:本人)?(?:观点)?|信息发布平台|如有侵权|侵权(?:请)?(?:联系|删除)|(?:联系|通知)(?:我们|本站|本网)(?:及时)?删除",
        400,
    ),
    (codes.R_DISCLAIMER, r"仅限学习(?:交流|分享)|仅供(?:学习|参考|交流)", 60),
    (
        codes.R_SITE_PROMO,
        r"小编|为大家(?:整理|收集|精心)|供大家(?:参考|借鉴|阅读)|欢迎(?:您)?(?:访问|光临|阅读|下载|关注)|希望(?:对|能)(?:你|您|大家)有所帮助|更多(?:精彩|内容|范文).{0,10}(?:请|敬请|关注|访问)|关注(?:我们|本站|公众号)|(?:微信)?公众号"
        + _C,
        160,
    ),
    (
        codes.R_VISITOR,
        r"您是第\s*\d*\s*位|访问(?:量|人数|次数)|浏览(?:次数|量)|阅读(?:次数|量)"
        + _C
        + r"?|点击(?:数|量|率)"
        + _C
        + r"?|在线人数|预计阅读时长|阅读时长|^本文共计?\s*\d+\s*个?字|需浏览\s*\d+\s*分钟|^共\s*\d+\s*字[，,\s]",
        80,
    ),
    (
        codes.R_SHARE,
        r"^(?:分享到|分享至|分享|转发|收藏|点赞|打印|关闭|返回|评论)(?:[:：\-\s]|$)|^收藏《[^》]{1,60}》[)）]?$|^(?:微信|微博|QQ|QQ空间|朋友圈|新浪微博|腾讯微博|豆瓣|抖音|今日头条)$|分享到[:：\-]|^(?!.*[。！？]).*(?:扫一扫|扫描二维码|二维码)|打印本页|关闭窗口|【(?:打印|关闭|字体|大|中|小)】|字[体号]"
        + _C
        + r"?\s*(?:[\[【(（]?\s*[大中小]|A[+-]?(?:\s|$))|^[xX×✕✖]$",
        60,
    ),
    (
        codes.R_BREADCRUMB,
        r"当前位置|您的位置|你的位置|现在位置|所在位置|^\s*[您你]?所在的位置\s*[:：]|^首页\s*[>＞»›/]|^[^。，]{0,40}\s[>＞»›]\s[^。，]{0,80}[>＞»›]"
        r"|^(?:[^\s>＞»›→。，]{1,12}\s*(?:>>|>|＞|»|›|→)\s*){2,}[^\s>＞»›→。，]{0,12}$",
        200,
    ),
    (
        codes.R_RECOMMEND,
        r"^(?:推荐访问|推荐阅读|热门推荐|热门文章|精彩推荐|猜你喜欢|延伸阅读|热点推荐|(?:作者)?最新文章|作者(?:其他|其它|更多)文章|相关日志|热门标签|随机推荐|点击排行|本周热门|最新推荐|你可能(?:还)?(?:喜欢|感兴趣)|相关(?:推荐|阅读|搜索|链接|新闻|专题|标签|稿件|报道|解读|文件|话题|问题|视频|文档)|为你推荐|特别推荐|往期(?:推荐|回顾|精选))(?:[:：\s>»]|$)|^(?:标签|关键词|热词|热门标签|tags)\s*[:：]?\s*(?:$|\S+(?:\s+\S+)+$)|^(?:关键词|關鍵詞|关键字|關鍵字)[\s:：]+[^。]{1,80}[;；][^。]*$|中[图圖]分[类類][号號]|文[献獻][标標][识識][码碼]|^.{0,6}(?:热议榜|热榜|排行榜|热搜榜)$|^(?:上一篇|下一篇|上一页|下一页|上一条|下一条|返回(?:列表|顶部|首页)|更多)(?:[:：>»\s]|$)",
        300,
    ),
    (codes.R_RELATED, r"^相关(?:文章|内容|范文|文档|资料)(?:推荐|列表)?[:：]?", 200),
    (
        codes.R_CONTACT,
        r"^(?:联系人|联系电话|电话|传真|邮箱|e-?mail|地址|邮编|客服|投稿邮箱|联系我们|举报电话|违法和不良信息举报)"
        + _C
        + r"?|\(电话"
        + _C,
        120,
    ),
    (
        codes.R_ORGANISER,
        r"^(?:主办单位|承办单位|主办|承办|协办|运营|运维|维护单位|版权单位|出品)" + _C
        # a publication's masthead line (``人民日报出版社主管 人民周刊杂志社主办``)
        + r"|^[^，。\s]{2,20}主管[\s\u3000]*[^，。\s]{2,20}主办$",
        80,
    ),
    (
        codes.R_POWERED_BY,
        r"processed in [\d.]+ second|\d+ queries|gmt[+-]\d+,|建议(?:您)?使用.{0,20}浏览器",
        400,
    ),
    (
        codes.R_UI_CONTROLS,  # a portal's exit warning and rating widgets
        r"即将离开.{0,30}(?:网站|门户|页面)|是否继续[?？]?$|^(?:放弃|继续访问|评价建议|我要评价)$"
        r"|^字号\s*[:：]\s*T\s*T$",  # a font-size widget of two letters T (large and small)
        80,
    ),
    (
        codes.R_FORUM,
        r"^本帖最后由.{1,30}编辑$|^(?:来自.{0,16}客户端)?\s*\d+\s*楼(?:\s|$)|^(?:沙发|板凳|地板|楼主|板凳|藤椅)$"
        r"|(?:(?:主题|帖子|贴子|积分|精华|威望|金钱|关注|粉丝|查看|回复)\s*[:：]?\s*[\d,]+\s*[|｜]?\s*){2,}$"
        r"|会员$|^(?:级别|等级|头衔|UID)\s*[:：]|人赞同了该(?:回答|文章)|采纳率|(?:已被|由)提问者(?:采纳|推荐)|^还有\d+条(?:回复|评论)|^其他\s*\d*\s*条?回答|^提问者采纳$|当前(?:离线|在线)$|^(?:阅读|回复|查看)\s*[:：]\s*\d+\s+(?:回复|阅读)|^本帖被.{1,20}设置为|此帖被.{1,30}编辑|^引用第\d+楼",
        60,
    ),
    (
        codes.R_LOGIN,
        r"(?:^|\s)(?:登录|注册|立即注册|快速登录)(?:\s|$|[|｜])|登录.{0,8}(?:账号|后才可以|后发言|后回复)|请登录|下载.{0,10}(?:APP|app|客户端)|APP下载|客户端下载"
        r"|请输入(?:搜索)?(?:内容|关键词|关键字)|^请输入搜索$|^(?:请)?选择.{0,6}(?:类型|符号|栏目|分类|范围)$|^找回密码$|^(?:快捷|站内|热门)搜索[:：]|请输入(?:你|您)的|马上注册|注册(?:账号|会员)|遵守.{0,12}(?:协议|公约|规则|底线)|打开.{1,8}(?:查看|体验|阅读)|使用.{1,8}APP|只需一步|快速开始|发表回复|回帖后跳转|注册或登[录陆]后|登[录陆]后(?:显示|可见|查看)|需要?先?登[录陆][!！)）]|(?:链接|图片|内容)隐藏",
        60,
    ),
    (
        codes.R_PHOTO_CAPTION,  # a photo's credit (``…记者 刘尚文 摄``) or a speech photo's line
        # (also right after a title's closing mark: ``…作《政府工作报告》丁志平摄``)
        r"(?:^|[\s\u3000（(/：:。》”])[\u4e00-\u9fff·]{2,5}\s*/?\s*(?<!拍)摄[）)]?$|记者\s*[\u4e00-\u9fff·]{2,5}\s*摄(?!影)"
        # ``X作政府工作报告。`` under a photo; a sentence reporting the act (``…代表区人民政府向大会作…``) is text
        r"|^(?![^。，,]*代表[^。，,]*向)[^。，,]{1,24}作(?:政府)?工作报告。$|^[（(]?(?:图|图片|摄影)\s*[:：/]\s*[\u4e00-\u9fff·]{2,5}[）)]?$"
        # a photo's caption of a few words naming the scene (``活动现场``, ``大会开幕式``, ``蓉城代表团``), not numbered
        r"|^(?![一二三四五六七八九十]+、|\d+[.、]|第)[\u4e00-\u9fff·]{0,20}"
        r"(?:现场|会场|主会场|分会场|开幕式|闭幕式|代表团|合影)$"
        # ``图为…摄`` and a file photo's note (``(资料图片)``, ``(相关资料图)``; traditional script is normalised)
        r"|^图为.{4,150}摄[）)]?$|^[（(](?:相关)?(?:资料)?(?:图片|图)[）)]$"
        # a scene's sentence and what the photo shows (``1月24日,…在长春开幕。图为大会主席台。``)
        r"|^[^。！？]{4,60}。图为[^。！？]{2,30}。$"
        # a photographer's credit spelt 摄影 after its outlet (``…作政府工作报告。人民画报 徐讯摄影``)
        r"|[\s\u3000][\u4e00-\u9fff·]{2,4}摄影[）)]?$"
        # a news agency's photo under its caption (``…李强作政府工作报告。新华社发``, ``… 中新社发``)
        r"|(?:^|[\s\u3000（(。])(?:新华社|中新社|[\u4e00-\u9fff]{2,4}通讯社)\s*(?:记者\s*[\u4e00-\u9fff·]{2,5}\s*)?发[）)]?$",
        200,
    ),
    (
        codes.R_MEDIA_PLACEHOLDER,  # an image's file name where the image was (``image.png``)
        r"^[^。，；]{0,60}\.(?:png|jpe?g|gif|webp|bmp|svg)$",
        80,
    ),
    (
        codes.R_REPLY_THREAD,  # a reply list or a blog index under the post
        r"^#?\s*re\s*[:：].{1,80}\d{4}-\d{1,2}-\d{1,2}|^【[^】]{1,24}】\s*\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}\s+\d+\s*字"
        r"|由\s*\S{1,24}\s*张贴\s*@\s*\d{4}|\[\d+/\d+\]$",
        160,
    ),
    (
        codes.R_EDITORIAL,  # a summary or the original title printed above the article
        r"^[\[【]\s*(?:摘要|编者按|导读|核心提示)\s*[:：\]】]|^原标?题\s*[:：]|^AI\s*(?:导读|摘要|总结|速览)\s*[:：]",
        400,
    ),
    (
        codes.R_MEDIA_PLACEHOLDER,
        r"^\+\d{1,3}$|^(?:点击(?:图片)?查看(?:大图|原图|高清大图)?|查看大图|点击播放|广告|推广|图片|视频|音频|图片来源[:：].{0,20}|(?:上|下)一张|\[?(?:图片|视频)\]?)$",
        24,
    ),
    (
        codes.R_ATTACHMENT,
        r"^(?:相关)?附件(?:下载[:：]|[:：]?\s*$)|^[^。，]{1,60}\.(?:docx?|pdf|xlsx?|wps|pptx?|zip|rar|txt|ofd)$",
        80,
    ),
    (
        codes.R_NAV,  # a link's label alone in brackets (``【全文链接】``, ``【人大开幕会报告实录】``)
        r"^【[^】]{0,12}(?:链接|实录)】$",
        20,
    ),
    (
        codes.R_BROWSER_TITLE,
        r"^[^。，]{4,60}\s*[_｜|-]\s*[\u4e00-\u9fff]{2,15}(?:网|政府|门户网站|门户|官网|平台|论坛|社区)$",
        80,
    ),
    (
        codes.R_NAV,
        r"^(?:今天是[:：]?\s*)?\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天]",
        40,
    ),
    (
        codes.R_PAGE_MARKER,  # spelled out: never a piece of a sentence, unlike a bare number
        r"^(?:第\s*\d+\s*页(?:\s*/\s*共\s*\d+\s*页)?|共\s*\d+\s*页)$"
        # a newspaper's edition line (``《内蒙古日报》(2017年1月17日) 01版``)
        r"|^《[^》]{2,15}》\s*[（(]\s*\d{4}年\d{1,2}月\d{1,2}日\s*[）)]\s*[A-Z]?\d{1,3}\s*版$",
        40,
    ),
    (
        codes.R_PAGE_NUMBER,
        r"^(?:[1-9]\d{0,2}|\d+\s*/\s*\d+|[<«‹]?\s*\d{1,3}(?:\s+\d{1,3}){1,}\s*[>»›]?|\d{1,2}[.、])$|^(?:首页|尾页)(?:\s|$)",
        40,
    ),
]


def split_anchored(pattern: str, flags: int = 0) -> tuple[Optional[Callable], Optional[Callable]]:
    """A pattern compiled as two: the ``match`` of its top-level alternatives anchored at ``^`` (tried
    at position 0 only) and the ``search`` of the others. ``re`` tries an anchored alternative of an
    alternation at every position of a search; split, a line is scanned once less for each rule. Either
    is ``None`` when the pattern has no such alternative; a line matches when one of them does.

    >>> head, rest = split_anchored(r"^(?:分享|收藏)$|分享到[:：]")
    >>> bool(head("收藏")), bool(rest("文末分享到：")), bool(head("文末分享到："))
    (True, True, False)
    """
    alternatives = _top_level_alternatives(pattern)
    head = [a[1:] for a in alternatives if a.startswith("^")]
    rest = [a for a in alternatives if not a.startswith("^")]
    return (
        re.compile("|".join(head), flags).match if head else None,
        _prefiltered_search("|".join(rest), flags) if rest else None,
    )


def _prefiltered_search(pattern: str, flags: int) -> Callable:
    """``re.compile(pattern, flags).search``, behind a search for the characters a match can start with.

    ``re`` scans for a lone character class at C speed but tries an alternation such as
    ``免责声明|版权(?:与|和)免责|本(?:网|站)转载`` at every position; most lines hold none of its first
    characters, so the class answers for them (the rules take a third of the time).
    """
    chars = first_chars(pattern, flags)
    if chars is None:
        # a match may start anywhere (``(?:^|\s)登录``): the alternatives with first characters are searched
        # together as above, each other one behind the characters it needs (``登``), the rest plainly
        alternatives = _top_level_alternatives(pattern)
        firsts = [a for a in alternatives if first_chars(a, flags) is not None]
        together = first_chars("|".join(firsts), flags) if len(firsts) > 1 else None
        searches = [_behind(together, "|".join(firsts), flags)] if together else []
        plain = []
        for a in alternatives:
            if together and a in firsts:
                continue
            needed = needed_chars(a, flags)
            if needed is None:
                plain.append(a)
            else:
                searches.append(_behind(needed, a, flags))
        if plain:
            searches.append(re.compile("|".join(plain), flags).search)
        if len(searches) == 1:
            return searches[0]
        return _either(searches)
    return _behind(chars, pattern, flags)


def indexed_search(pattern: str) -> Callable:
    """A ``search`` for a match of one of *pattern*'s top-level alternatives (no flags), the alternatives
    tried only on a line that holds one of the characters each needs (:func:`first_chars`,
    :func:`needed_chars`); the match found is the first alternative's that matches.

    >>> search = indexed_search(r"(?:^|\\s)登录|来源[:：]|\\d+楼")
    >>> bool(search("请 登录")), bool(search("稿件来源：新华社")), bool(search("3楼")), search("政府工作报告")
    (True, True, True, None)
    """
    alternatives = _top_level_alternatives(pattern)
    searches = [re.compile(a).search for a in alternatives]
    always, by_char = 0, {}
    for k, a in enumerate(alternatives):
        chars = first_chars(a) or needed_chars(a)
        if not chars:
            always |= 1 << k
        for c in chars or ():
            by_char[c] = by_char.get(c, 0) | 1 << k
    find = re.compile("[" + "".join(re.escape(c) for c in sorted(by_char)) + "]").findall

    def search(line: str) -> Optional[re.Match]:
        tried = always
        for c in set(find(line)):
            tried |= by_char[c]
        while tried:  # lowest bit first: the alternatives in order
            bit = tried & -tried
            tried ^= bit
            m = searches[bit.bit_length() - 1](line)
            if m:
                return m
        return None

    return search


def _either(searches: list[Callable]) -> Callable:
    """A search that finds a match where one of *searches* does."""

    def search(line: str) -> Optional[re.Match]:
        for one in searches:
            m = one(line)
            if m:
                return m
        return None

    return search


def _behind(chars: set[str], pattern: str, flags: int) -> Callable:
    """A search for *pattern*, tried only on a line that holds one of *chars*, and compiled on the first
    such line: a run whose lines hold none never compiles it (``re`` builds each ``[\u4e00-\u9fff]`` class
    one character at a time, about 1 ms; most of a process's start-up was compiling the rules)."""
    present = re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]", flags).search
    search: Optional[Callable] = None

    def searched(line: str) -> Optional[re.Match]:
        nonlocal search
        if not present(line):
            return None
        if search is None:
            search = re.compile(pattern, flags).search
        return search(line)

    return searched


def needed_chars(pattern: str, flags: int = 0, limit: int = 300) -> Optional[set[str]]:
    """Characters one of which every match of *pattern* holds (a prefilter like :func:`first_chars` where
    a match's start is open: ``(?:^|\\s)(?:登录|注册)`` needs 登 or 注), or ``None``.

    >>> sorted(needed_chars(r"(?:^|\\s)(?:登录|注册)|记者\\s*\\S{2}摄")), needed_chars(r"\\d+|x")
    (['注', '登', '记'], None)
    """
    try:
        tree = _sre_parse.parse(pattern, flags)
    except re.error:
        return None
    return _needed(list(tree), limit)


def _needed(items: list, limit: int) -> Optional[set[str]]:
    """Needed characters of a parsed sequence: the first characters of one item that cannot be empty."""
    c = _sre_constants
    for op, av in items:
        if op is c.BRANCH:
            out: Optional[set[str]] = set()
            for branch in av[1]:
                sub = _needed(list(branch), limit)
                if sub is None or out is None:
                    out = None
                    break
                out |= sub
            chars = out if out and len(out) <= limit else None
        elif op is c.SUBPATTERN:
            chars = _needed(list(av[-1]), limit)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            chars = _needed(list(av[2]), limit) if av[0] >= 1 else None
        else:
            chars, nullable = _first([(op, av)], limit)
            chars = None if nullable else chars
        if chars:
            return chars
    return None


def first_chars(pattern: str, flags: int = 0, limit: int = 300) -> Optional[set[str]]:
    """The characters a match of *pattern* can start with, or ``None`` when it could start with any (or
    with more than *limit*, or match the empty string). Case variants are left to *flags*.

    >>> sorted(first_chars(r"免责声明|版权(?:与|和)免责|(?:观点)?仅代表"))
    ['仅', '免', '版', '观']
    >>> first_chars(r"\\d+ queries|.{0,3}x") is None
    True
    """
    try:
        tree = _sre_parse.parse(pattern, flags)
    except re.error:
        return None
    chars, nullable = _first(list(tree), limit)
    return None if chars is None or nullable else chars


def _first(items: list, limit: int) -> tuple[Optional[set[str]], bool]:
    """First characters of a parsed sequence, and whether it can match the empty string."""
    c = _sre_constants
    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            chars, nullable = {chr(av)}, False
        elif op is c.IN:
            chars, nullable = set(), False
            for kind, value in av:
                if kind is c.LITERAL:
                    chars.add(chr(value))
                elif kind is c.RANGE and value[1] - value[0] < limit:
                    chars.update(map(chr, range(value[0], value[1] + 1)))
                else:  # NEGATE, CATEGORY (\d, \s, …), a wide range
                    return None, True
        elif op is c.BRANCH:
            chars, nullable = set(), False
            for branch in av[1]:
                sub, sub_nullable = _first(list(branch), limit)
                if sub is None:
                    return None, True
                chars |= sub
                nullable = nullable or sub_nullable
        elif op is c.SUBPATTERN:
            chars, nullable = _first(list(av[-1]), limit)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            chars, nullable = _first(list(av[2]), limit)
            nullable = nullable or av[0] == 0
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero width: the next item gives the character
            chars, nullable = set(), True
        else:  # ANY, NOT_LITERAL, GROUPREF, …
            return None, True
        if chars is None or len(out | chars) > limit:
            return None, True
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _top_level_alternatives(pattern: str) -> list[str]:
    """``a|(b|c)|[|]`` → ``["a", "(b|c)", "[|]"]``: split at bars outside groups and classes."""
    out, start, depth, in_class, i = [], 0, 0, False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":  # "[]...]": a literal ] first
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


_COMPILED = [
    (reason, *split_anchored(pat, re.IGNORECASE), maxlen) for reason, pat, maxlen in _RULES
]


def _rule_index(rules: Sequence[tuple[str, str, int]], heads: bool, at_start: bool) -> tuple[int, dict[str, int]]:
    """Which rules' anchored alternatives (*heads*) or other alternatives can match a line, as bit masks of
    rule positions. *at_start*: for each character, the rules with a head that can start with it (none for
    the other alternatives); else for each character, the rules with an alternative (a head without first
    characters) that needs it. Also the mask of the rules with an alternative that needs no character:
    tried on every line."""
    always = 0
    by_char: dict[str, int] = {}
    for k, (_, pattern, _) in enumerate(rules):
        for a in _top_level_alternatives(pattern):
            if a.startswith("^") != heads:
                continue
            firsts = first_chars(a, re.IGNORECASE)
            if heads and (firsts is not None) != at_start:
                continue
            chars = firsts if at_start else firsts or needed_chars(a, re.IGNORECASE)
            if not chars:
                always |= 1 << k
            else:
                for c in chars:
                    by_char[c] = by_char.get(c, 0) | 1 << k
    return always, by_char


def _char_class(chars: Sequence[str]) -> re.Pattern:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]", re.IGNORECASE)


_, _HEADS_FIRST = _rule_index(_RULES, heads=True, at_start=True)
_HEADS_ALWAYS, _HEADS_ANY = _rule_index(_RULES, heads=True, at_start=False)
_RESTS_ALWAYS, _RESTS_ANY = _rule_index(_RULES, heads=False, at_start=False)
#: for each character of a line, the masks of the rules whose heads / other alternatives it lets match
_ANY = {c: (_HEADS_ANY.get(c, 0), _RESTS_ANY.get(c, 0)) for c in {*_HEADS_ANY, *_RESTS_ANY}}
#: the index's characters at a line's start / in a line, as the rules read them (``P`` for ``p``)
_FIRST_CHAR = _char_class(list(_HEADS_FIRST)).match
_ANY_CHARS = _char_class(list(_ANY)).findall


def _tried_with(index: dict[str, int], c: str) -> int:
    """The rules of *index* a line holding *c* can fire (a case variant: those of each character it matches)."""
    tried = index.get(c)
    if tried is None:
        tried = 0
        for k, mask in list(index.items()):
            if re.fullmatch(re.escape(k), c, re.IGNORECASE):
                tried |= mask
        index[c] = tried
    return tried


def _any_variant(c: str) -> tuple[int, int]:
    """``_ANY[c]`` of a case variant of its characters."""
    _ANY[c] = both = (_tried_with(_HEADS_ANY, c), _tried_with(_RESTS_ANY, c))
    return both

#: A speaker's name: two to four characters, five after a space (``乌云其木格``), two or three spaced apart
#: after a space (``北京市市长 殷 勇``), or a transcribed name with its dot (``艾尔肯·吐尼亚孜``),
#: not a clause (``区长在代表会上工作汇报`` is a headline).
SPEAKER_NAME = (
    r"(?:[\u4e00-\u9fff]{2,4}|(?<=[\s\u3000])[\u4e00-\u9fff]{5}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff·]{1,10}"
    r"|(?<=[\s\u3000])[\u4e00-\u9fff](?:[ \u3000]{1,3}[\u4e00-\u9fff]){1,2}"  # spaced to the column (``殷 勇``)
    r"|XX|xx|××|＊＊|\*\*)"  # a template's placeholder for the name (``镇长 XX``)
)
#: Between a speaker's office and name: spaces, or a colon (``市长：X``).
SPEAKER_GAP = r"[\s\u3000]*(?:[:：][\s\u3000]*)?"
#: What follows an office in a portal's menu, not a name (``省长信箱``: the governor's mailbox, a link on every
#: portal; ``市长热线``, ``县长之窗``).
_OFFICE_SERVICE = r"(?![\s\u3000:：]*(?:信箱|邮箱|热线|留言|之窗|专栏|公开电话))"
#: A speaker's office and name ending a line (``北京市市长 殷勇``, ``自治区主席艾尔肯·吐尼亚孜``).
SPEAKER_TAIL = (
    r"(?:[\u4e00-\u9fff]{0,14}(?:省|市|县|区|州|盟|旗|镇|乡|政府|自治区))?"
    r"(?:副?(?:代理|代)?(?:总理|省长|市长|县长|区长|州长|盟长|旗长|镇长|乡长|自治区主席|主席)"  # (``代理县长 X``)
    r"|[\u4e00-\u9fff]{1,8}(?:局|厅)副?(?:局长|厅长))"
    r"(?:[(（][\u4e00-\u9fff]{1,6}[)）])?" + _OFFICE_SERVICE + SPEAKER_GAP + SPEAKER_NAME + "$"
)
#: An official document's number (发文字号): ``吉政明电〔2022〕1号``, ``滬府發(fā)〔2017〕92號``.
DOC_NUMBER = (
    r"[\u4e00-\u9fff]{1,12}(?:[(（][a-z]{1,6}[)）])?\s*[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]"
    r"\s*第?\s*\d{1,5}\s*[号號]"
)
#: A title that ends with its document's number in brackets (``…的通知(岳办发〔2017〕2号)``).
NUMBERED_TITLE_END = re.compile(r"(.{4,}?)\s*[（(]\s*(" + DOC_NUMBER + r")\s*[）)]")
#: A credit label, a spaced bar, then names (``记者 | 徐振鑫 于继镔 李海鑫``, ``编辑 | 李念辉``).
CREDIT_BAR = re.compile(
    r"^(?:作者|记者|编辑|责任编辑|责编|审核|校对|摄影|监制|统筹|来源)\s+[|｜]\s*[\u4e00-\u9fff·]{2,4}"
    r"(?:\s+[\u4e00-\u9fff·]{2,4})*$"
)
CREDIT_INITIALS = frozenset("作记编责审校摄监统来")
#: Lines that carry metadata: a source, a publication date, an author or a byline.
META_LINE_PATTERN = (
    # a label may have a space before its colon (``来源 : 南方日报``, a Word report's source line)
    r"(?:^|\s|\d|[▌■●◆|｜【\[])(?:本文|文章|信息|稿件|新闻)?来源于?\s?"
    + _C
    # (``发布于`` as a label or before a date or a forum's day: ``该文刊发于《求是》…`` is a sentence)
    + r"|(?:发布|发表|更新|录入|上传|提交|刊发|发稿)(?:(?:时间|日期)"
    + _C
    + r"?|于(?=\s*[:：]|\s*(?:\d|昨天|前天|今天|刚刚)))"
    + r"|(?:^|\s|[【\[])(?:时间|日期)"  # (also in brackets: ``【时间：2024-02-02】``)
    + _C
    # (also after a widget's word in brackets: ``【纠错】编辑:周婵``)
    + r"|(?:^|\s|[（(【\[]|(?<=^【[\u4e00-\u9fff]{2}】))(?:原文作者|原作者|作者|报告人|撰稿|撰文|责任编辑|责编|编辑|主编|美编|审核|初审|复审|终审|审签|签发|监制|统筹|校对|审校|摄影|通讯员|记者|解读机关|解读人|发布机构|来源)"
    + r"(?:\s?[:：]|[｜|])"
    + r"|^[（(]作者系"
    + r"|^(?:来自.{0,16}客户端)?\s*\d+\s*楼\s*\d{4}[-/]|^(?:发表于|回复于|回复日期|发帖时间)\s*[:：]?\s*\d{4}[-/]"
    # a metadata table's row, label then colon, bar or tab (``| 索引号 | 0000…/2024-00012 |``)
    + r"|^[|｜•·]?\s*(?:索\s*引\s*号|主题分类|主\s*题\s*词|发文机关|发文机构|发文字号|文\s*号|成文日期|生成日期|发布日期|发布机构"
    + r"|发文日期|生效时间|废止时间|有\s*效\s*期|施行日期"
    + r"|标\s*题|信息名称|有\s*效\s*性|信息来源|公开方式|公开范围|体裁分类|组配分类|服务对象|信息分类)"
    + r"\s*(?:[:：]|[|｜\t])"
    + r"|^[^，。]{0,15}(?:记者|通讯员|特约撰稿人)\s*[\u4e00-\u9fff·]{2,4}(?:\s|$)"
    + r"|^[（(][^（）()，。]{0,20}(?:记者|通讯员)[\s\u4e00-\u9fff·]{2,20}[）)]$"
    # a credit label, a spaced bar, the names (``记者 | 徐振鑫 于继镔``, ``编辑 | 李念辉``, ``审核 | 李学成``)
    + r"|" + CREDIT_BAR.pattern
    + r"|IP\s*属地\s*[:：]?\s*[\u4e00-\u9fff]{2,10}$|^来自\s*\S{1,16}客户端$|^来自\s*[:：]\s*\S{1,20}$"
    + r"|^(?:文|图|文/图|图/文|图文|文图)\s*[/|:：]\s*[\u4e00-\u9fff]{2,4}"
    # a source in brackets alone (``(文章来源:财联社)``); labels left empty (``出版:更新:``, ``作者简介:``)
    + r"|^[（(](?:本文|文章|信息|稿件|新闻)?来源于?[:：][^（）()]{1,30}[）)]$"
    + r"|^(?:(?:出版|更新|发布|发表)(?:时间|日期)?[:：]\s*){2,}$|^作者简介[:：]$"
    # a column's author (``《棱镜》作者 周纯``)
    + r"|^《[^》]{1,15}》\s*(?:作者|记者)\s+[\u4e00-\u9fff·]{2,4}$"
    # a speech's speaker: office, then name (``北京市市长 殷勇``, ``…会议上 省长 胡玉亭``)
    + r"|(?:^|\s)"
    + SPEAKER_TAIL
    # a document number alone (``京政办发〔2016〕26号``); a poster's handle and the post's time
    + r"|^"
    + DOC_NUMBER
    + r"$"
    + r"|^[^\s，。]{1,20}\s+\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s+[^，。]{0,12})?$"
    # a byline in brackets (``（网易财经 张艳）``); a newspaper's name in brackets under a reposted headline
    + r"|^[（(][\u4e00-\u9fff]{2,10}(?:\s+[\u4e00-\u9fff·]{2,4}){1,4}[）)]$"
    + r"|^[（(][\u4e00-\u9fff]{2,8}(?:日报|晚报|早报|时报|商报)[）)]$"
    # an e-paper's header: the paper, the date, the page (``河南日报 2024年01月29日 第01版``)
    + r"|^(?:[\u4e00-\u9fff]{2,10}报\s*)?(?:19|20)\d{2}\s*[-年.]\s*\d{1,2}\s*[-月.]\s*\d{1,2}\s*日?\s*(?:星期.\s*)?"
    + r"第\s*[A-Z]?\d{1,3}\s*版"
)
_META_HEAD = split_anchored(META_LINE_PATTERN)[0]
# the alternatives a match may start anywhere in, each tried only on a line with a character it needs
_META_REST = indexed_search(
    "|".join(a for a in _top_level_alternatives(META_LINE_PATTERN) if not a.startswith("^"))
)
#: Header lines of a speech or resolution: its dateline and its speaker (office, then name).
DATELINE = re.compile(
    r"^[（(]?(?:[—－-]+|\?\?)?\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}|[〇○零一二三四五六七八九]{4}\s*年"
    r"\s*[一二三四五六七八九十]{1,2}\s*月\s*[一二三四五六七八九十]{1,3})\s*日.{0,50}?"
    r"(?:上|通过|发表|讲话|报告|会议)[）)]?$"
    r"|^(?:[—－]+|-{2,})\s*在.{2,50}?上的?(?:报告|讲话|发言|致辞|工作报告)?$"  # (``-------在…上的``: typed dashes)
    r"|^(?:19|20)\d{2}\s*年\s+月\s+日$"  # a template's dateline, month and day left blank (``2014年 月 日``)
)
#: The start of a dateline broken over two lines (``——2026年1月27日在山东省第十四届`` /
#: ``人民代表大会第四次会议上``), and the end that completes it.
DATELINE_START = re.compile(
    r"^[（(]?[—－-]+\s*(?:(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年.{1,8}?|(?:19|20)\d{2}[01]\d[0-3]\d)日"
    r"\s*(?:在[^。，]{1,40})?$"  # (``——20201229日在…``: a page that lost the date's 年 and 月)
    r"|^[（(]?(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年.{1,8}?日\s*在[^。，]{1,30}(?:届|次)$"
)
DATELINE_END = re.compile(
    r"^[^。，]{0,40}(?:会议|大会|会)上(?:的(?:报告|讲话))?[）)]?$"
    r"|^第[一二三四五六七八九十\d]{1,3}次(?:全体)?会议$"  # (``…人民代表大会`` / ``第六次会议``: its 上 lost)
    r"|^(?:报告|讲话|发言|致辞)$"  # its last word broken off (``-------在**乡第**届…会议上的`` / ``讲话``)
)
SPEAKER_OFFICE = re.compile(
    r"^[\u4e00-\u9fff]{0,10}(?:总理|副总理|主席|副主席|委员长|总书记|书记|副书记|省长|市长|县长|区长|镇长|乡长|主任|部长|局长|厅长)$"
)
#: Common Chinese surnames, most frequent first (a person's name in a credit or a leak: ``王明书记``).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范石廖贾夏韦付傅方邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤温康施"
    "牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿焦俞左柳甘祝舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝"
    "辛靳管柴蒙鲍喻祁蒲滕屈饶艾尤穆卓缪褚娄窦戚岑冷晏席卫柏瞿佟臧闵苟邬卞姬仇栾隋刁巫寇桑郎甄丛虞敖巩"
    "佘池麻苑迟邝"
)
PERSON_NAME = re.compile(r"^[\u4e00-\u9fff](?:[\s\u3000]*[\u4e00-\u9fff]){1,3}$")
_CAPTION_CREDIT = re.compile(r"摄[）)]?$|摄[）)]")  # a photo caption credits its photographer
#: A date (and time) opening a line: ``2024-01-15 20:41:07``, ``24-1-30 18:05``, ``01-19 ·``,
#: ``2024年02月21日 19:30``, ``（2024年1月12日）``.
_DATE_LED = re.compile(
    r"^(?:[（(]|[\[【]\s*)?(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}(?:日(?=\d{1,2}:\d{2})|日?(?!\d))"  # (``…18日17:01:33周一``)
    r"|(?:\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}-\d{1,2}(?=\s|$))(?!\d))(?:[）)]|\s*[\]】])?"
    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"  # (also in square brackets, spaced: ``[ 2024-01-15 ]``)
)


def is_date_line(line: str) -> bool:
    """A document's date alone, written out as an official text dates itself: ``2024年3月1日``,
    ``（2024年1月12日）`` (a post's header carries a time: ``2024-03-09 16:40``).

    >>> is_date_line("（2024年1月12日）"), is_date_line("2024-03-09 16:40"), is_date_line("2024年3月1日 云岚")
    (True, False, False)
    """
    return _WRITTEN_DATE.fullmatch(line) is not None


_WRITTEN_DATE = re.compile(  # also in Chinese numerals, as a sign-off writes it (``二○○七年四月十三日``)
    r"[（(]?(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}"
    r"|[〇○零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,2}\s*月\s*[一二三四五六七八九十]{1,3})\s*日[）)]?"
)
_DATE_TRAILING = re.compile(
    r"(?<![\d-])(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)\s*\d{1,2}:\d{2}(?::\d{2})?$"
)


#: Words of page controls and site menus. A short line made of nothing else is furniture.
UI_WORDS = (
    "分享到 分享 转发 收藏 点赞 在看 打赏 举报 回复 引用 支持 反对 评论 关注 取消关注 私信 发消息 加好友 "
    "只看楼主 只看该作者 看贴 楼主 复制链接 高级模式 使用道具 电梯直达 倒序浏览 阅读模式 顶 踩 赞 "
    "打印 打印本页 关闭 关闭窗口 返回 返回顶部 返回首页 返回列表 纠错 我要纠错 我要留言 留言 "
    "登录 注册 退出 搜索 首页 设为首页 加入收藏 收藏本站 手机版 移动版 电脑版 无障碍 适老化 适老化服务 长者模式 "
    "简体 繁体 简体版 繁体版 English 网站地图 联系我们 关于我们 网站声明 隐私政策 使用帮助 帮助中心 "
    "友情链接 广告服务 意见反馈 政府网站找错 视力保护色 字号 字体 大 中 小 默认 "
    "显示全部 写回答 邀请回答 添加评论 关注问题 关注者 被浏览 收起 喜欢 查看全部 个回答 条评论 好问题 追问 追答 "
    "我有更好的答案 邀请更新 快速回复 顶端 已赞过 已踩过 智能问答 语音播报 视频加载中 发送 "
    "分享让更多人看到 我也说一句 我来说两句 发表评论 查看评论 微信 微博 QQ QQ空间 朋友圈 新浪微博 腾讯微博 抖音 今日头条 上一篇 下一篇 上一页 下一页 更多 "
    "看帖 发帖 发新帖 回帖 吧主推荐 精品 图片 视频 回应 我来回应 最赞回应 推荐 转载 申请转载 加入小组 关注他 关注她 关注TA "
    "反馈 写评论 写留言 最新 最热 热门 按热度 按时间 提交 提交回答 我来回答 我要回答 最佳回答 最佳答案 有用 没用 "
    "听全文 听新闻 原创 END 上一版 下一版 版面导航 标题导航 往期回顾 PDF下载 下载本版PDF 查看更多 展开 展开全文 收起全文 阅读原文 "
    "切换模式 写文章 客服 在线客服 取消 确定 赞同 反对 编辑 编辑本段 "
    # a government portal's menu, its items often glued into one line (政策原文政务服务新闻发布会政策解读)
    "政策原文 政务服务 新闻发布会 政策解读 媒体解读 图片解读 视频解读 图解 政务公开 政府信息公开 信息公开 "
    "互动交流 政民互动 办事服务 数据发布 数据开放 要闻动态 新闻中心 公示公告 通知公告 领导信息 机构职能 "
    "政策文件 规划计划 人事信息 在线访谈 征集调查 意见征集 领导信箱 网上调查 专题专栏 走进 今日 要闻 "
    # a widget's label alone (a newspaper site's ``阅读提示`` box above the article)
    "阅读提示 温馨提示 友情提示"
).split()
_UI_LINE = re.compile(
    r"^(?:" + "|".join(sorted(map(re.escape, UI_WORDS), key=len, reverse=True)) + r")+$"
)
_UI_INITIALS = frozenset(w[0] for w in UI_WORDS)
_UI_NOISE = re.compile(r"[\s|｜丨·•/\\\[\]【】()（）<>《》:：+\-—,，、。!！?？#＃*＋]+|\d+")
_UI_NOISE_LEAD = re.compile(f"(?:{_UI_NOISE.pattern})*").match  # the noise a line opens with


def is_ui_line(line: str) -> bool:
    """A short line made only of page-control and menu words (with counts and separators).

    >>> is_ui_line("回复(2)  |  举报  |  只看楼主")
    True
    >>> is_ui_line("回复群众关切")
    False
    """
    if len(line) > 60:
        return False
    if "年" in line:
        line = _TODAY.sub("", line)
    elif line[_UI_NOISE_LEAD(line).end() :][:1] not in _UI_INITIALS:
        return False  # the first character left by the noise's removal is no word's: no sub needed
    core = _UI_NOISE.sub("", line)
    # the first character decides most lines before the alternation of every word is tried
    return bool(core) and core[0] in _UI_INITIALS and bool(_UI_LINE.match(core))


#: A Chinese character (CJK unified ideographs and extension A).
HAN = re.compile(r"[\u3400-\u9fff]")
# a decimal figure or tab-separated cells (a statistics table row); "01" alone (a WeChat heading number)
_TABLE_CELLS = re.compile(r"\d\.\d|\t|^0\d$")
_CLAUSE_PUNCT = re.compile(r"[，。；！？;!?]|,(?!\d{3})")  # not a thousands separator


def is_counter(line: str) -> bool:
    """A short line of numbers and at most four Chinese characters: a counter, a score or a stats bar.

    >>> is_counter("浏览 2,318 次"), is_counter("👍 有用(34) 👎 没用(1)"), is_counter("36 1908 5217")
    (True, True, True)
    >>> is_counter("新增学位9600个"), is_counter("（1）"), is_counter("2024-01-15 20:41")
    (False, False, False)
    >>> is_counter("粮食\t万吨\t142.6\t1.3"), is_counter("01"), is_counter("201*年10月16日")
    (False, False, False)
    """
    return (
        len(line) <= 24
        and _DIGIT.search(line) is not None
        and not _TABLE_CELLS.search(line)
        and len(HAN.findall(line)) <= 4
        and not _CLAUSE_PUNCT.search(line)
        and not HEADING_START.match(line)
        and not _DATE_LED.match(line)
        and not _MASKED_DATE.match(line)
    )


#: A template's sign-off date with its year masked (``201*年10月16日``, ``20XX年1月5日``): a date, kept as
#: the real one is (its sign-off reads no date from it).
_MASKED_DATE = re.compile(r"\d{2}[\d*＊xX×]{2}年\d{1,2}月\d{1,2}日$")


_TODAY = re.compile(
    r"(?:今天是)?[:：]?\s*\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天]"
)
# or a table's bar left alone, or ``?`` where a page's icon or space was lost to the encoding
_SEPARATOR_LINE = re.compile(r"^(?:[-=*_~·•—–─━＝＿～.…#+\s]{3,}|[|｜¦]+|\?+)$")


# An official document number alone on its line: 城南政发〔2024〕3号, 国办发[2023]12号
_DOC_NUMBER = re.compile(
    r"\s*[\u4e00-\u9fff]{1,12}\s*[〔［\[【(（]\s*(?:19|20)\d{2}\s*[〕］\]】)）]\s*第?\s*\d{1,5}\s*号\s*$"
)


def _plain_rest(pattern: str) -> Optional[Callable]:
    """The plain ``search`` of a rule's unanchored alternatives when they all have first characters: the
    index tries them only on a line that holds one, so their prefilter would only look again."""
    rest = "|".join(a for a in _top_level_alternatives(pattern) if not a.startswith("^"))
    return re.compile(rest, re.IGNORECASE).search if rest and first_chars(rest, re.IGNORECASE) else None


_INDEXED = [
    (reason, head, _plain_rest(pattern) or rest, maxlen)
    for (reason, head, rest, maxlen), (_, pattern, _) in zip(_COMPILED, _RULES)
]


def _first_rule(line: str) -> Optional[str]:
    """The first of the pattern rules (``_RULES``) that *line* fires, or ``None``."""
    n = len(line)
    # only the rules whose characters the line holds (a head's first at its start): most lines hold a few
    first = _FIRST_CHAR(line)
    heads = _HEADS_ALWAYS | _tried_with(_HEADS_FIRST, first[0]) if first else _HEADS_ALWAYS
    rests = _RESTS_ALWAYS
    chars = _ANY_CHARS(line)
    if chars:
        get = _ANY.get
        for c in set(chars):
            h, r = get(c) or _any_variant(c)
            heads |= h
            rests |= r
    tried = heads | rests
    while tried:  # the rules in order: lowest bit first
        bit = tried & -tried
        tried ^= bit
        reason, head, rest, maxlen = _INDEXED[bit.bit_length() - 1]
        if n <= maxlen and ((heads & bit and head(line)) or (rests & bit and rest(line))):
            return reason
    return None


@lru_cache(maxsize=1 << 16)  # furniture repeats across the pages of a site: read each line once
def line_rule(line: str) -> Optional[str]:
    """The reason a line reads as boilerplate on its own, or ``None``.

    >>> line_rule("粤ICP备09102757号| 网络出版服务许可证")
    'icp_licence'
    >>> line_rule("推荐访问:关于全市理论宣讲工作汇报 宣讲 工作汇报 全市")
    'recommended_links'
    >>> line_rule("已组建102人的专家学者队伍,129人的领导干部队伍和228人的百姓队伍。") is None
    True
    >>> line_rule("城南政发〔2024〕3号"), line_rule("根据城南政发〔2024〕3号文件精神") is None
    ('document_number', True)
    """
    reason = _first_rule(line)
    if reason is not None:
        return reason
    if _DOC_NUMBER.match(line):  # wherever it stands: else a second clean would drop it (issue 15)
        return codes.R_DOC_NUMBER
    if is_ui_line(line):
        return codes.R_UI_CONTROLS
    if is_counter(line):
        return codes.R_COUNTER
    if _SEPARATOR_LINE.match(line):
        return codes.R_SEPARATOR
    if is_noise(line):
        return codes.R_NOISE
    if is_link_list(line):
        return codes.R_NAV
    if is_spaced_menu(line):
        return codes.R_SPACED_MENU
    if is_place_list(line):
        return codes.R_PLACE_LIST
    return None


@lru_cache(maxsize=1 << 16)
def is_meta_line(line: str) -> bool:
    """A short line that carries a date, source, author or byline rather than body text.

    >>> is_meta_line("时间:2024-02-09 09:40:02  来源:网友投稿")
    True
    >>> is_meta_line("记者还了解到,《“六进”行动》提出,要加强组织领导。")
    False
    >>> is_meta_line("2024-01-15 21:03:55 云岚"), is_meta_line("1-2 月份，工业增加值增长5%")
    (True, False)
    >>> is_meta_line("热心网友 2023-12-21 09:30")
    True
    >>> is_meta_line("http://www.sina.com.cn 2009年11月09日13:56 新浪娱乐"), is_meta_line("江门台 2022年03月06日")
    (True, True)
    """
    if len(line) > 120 or line.count("。") > 1 or _CAPTION_CREDIT.search(line):
        return False
    if line[-1:] in "?？" and _INTERVIEW_QUESTION.match(line):
        return False  # an interviewer's question (``记者:请问今年的《报告》是从什么时候开始起草的?…``) is text
    # a news item's first sentence after its byline (``本报讯(记者 X 通讯员 Y)2月2日下午,…开幕。``) is text
    if ("讯" in line or "电" in line) and _LEAD_BYLINE_TEXT.match(line):
        return False
    if _META_HEAD(line) or _META_REST(line):
        return True
    if line[:4] in ("http", "www.") and (u := _URL_DATE.match(line)):
        # the page's address, its date and time, the medium (``http://www.sina.com.cn 2009年11月09日13:56 新浪娱乐``)
        return len(line) - u.end() <= 30 and not SENTENCE_PUNCT.search(line, u.end())
    if _MEDIUM_DATE.match(line):  # a medium's name and the day (``江门台 2022年03月06日``)
        return True
    # a date and time, then at most a place, a device or a name: a post's or a comment's header
    m = _DATE_LED.match(line)
    if m:
        return len(line) - m.end() <= 30 and not SENTENCE_PUNCT.search(line, m.end())
    # a name, then a date and time: the same header the other way round
    m = _DATE_TRAILING.search(line) if ":" in line else None  # the time's colon
    return bool(m) and m.start() <= 30 and not _CLAUSE_PUNCT.search(line, 0, m.start())


_INTERVIEW_QUESTION = re.compile(r"^(?:本报)?(?:记者|主持人)\s*[:：].{8,}[?？]$")
_URL_DATE = re.compile(
    r"(?:https?://)?[a-z0-9-]+(?:\.[a-z0-9-]+)+/?\s+\d{4}(?:年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2}\s)\s*\d{1,2}:\d{2}",
    re.IGNORECASE,
)
_MEDIUM_DATE = re.compile(
    r"^[\u4e00-\u9fff]{2,10}(?:网|报|台|社|频道)\s+(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2})$"
)
_LEAD_BYLINE_TEXT = re.compile(
    r"^[^，。,]{0,24}?[讯电]\s*[（(][^（）()]{2,40}[）)]\s*[^\s（）()].{8,}[。！？”]$"
)
_DIGIT = re.compile(r"\d")
_SEPARATORS = re.compile(r"\s*[|｜丨¦]\s*|\s{2,}|\s+[/·•]\s+")


_ASCII_PUNCT = re.compile(r"[!-/:-@\[-`{-~]")


def is_noise(line: str) -> bool:
    """Scrambled characters a site mixes into its text against copying: no Chinese, short, and a quarter or
    more ASCII punctuation.

    >>> is_noise("4 }, y8 a' J1 j6 s! o% x# o"), is_noise("GDP增长5.2%"), is_noise("http://a.cn")
    (True, False, False)
    """
    if len(line) > 60 or HAN.search(line) or "://" in line:
        return False
    core = line.replace(" ", "")
    return len(core) >= 4 and len(_ASCII_PUNCT.findall(core)) >= max(3, len(core) / 4)


def is_link_list(line: str) -> bool:
    """Three or more short items separated by bars or wide spaces, with no sentence punctuation: a menu.

    >>> is_link_list("关于我们| 广告服务| 版权声明| 联系我们| 友情链接")
    True
    """
    if len(line) > 300 or SENTENCE_PUNCT.search(line.replace("、", "")):
        return False
    items = [p for p in _SEPARATORS.split(line) if p]
    return len(items) >= 3 and all(2 <= len(p) <= 16 for p in items)


def is_spaced_menu(line: str) -> bool:
    """Five or more short words one space apart (the width step makes wide spaces one), none with a
    digit or punctuation: a menu, as Chinese prose does not space its words. Read only at a page's
    edges (:mod:`reportnlp.boilerplate.classify`): inside the body it may be a list of values.

    >>> is_spaced_menu("首页 滚动 时政 国际 社会 财经"), is_spaced_menu("指标 2023年 2024年 增长 百分比")
    (True, False)
    >>> is_spaced_menu("政 府 工 作 报 告")
    False
    """
    if len(line) > 120 or SENTENCE_PUNCT.search(line) or (line[:1] in "|｜" and line[-1:] in "|｜"):
        return False  # a table's row (``| 姓名 | 张三 |``) is not a menu
    words = line.split(" ")
    if len(words) < 5 or letter_spaced(line):
        return False  # a heading spaced a letter apart (``政 府 工 作 报 告``) is one word, not a menu
    if _CREDIT_FIRST.match(line):
        return False  # a credit line's names (``本报记者 刘晓波 李铮 实习生 王五``, ``■ 记者 X 通讯员 Y``)
    return all(0 < len(w) <= 12 and not _DIGIT.search(w) for w in words)


#: A line opening with a reporter's credit and a name (``本报记者 刘晓波 …``, ``■ 记者 刘晓波 通讯员 李四``).
_CREDIT_FIRST = re.compile(r"^[■□●◆▲▶\s]*[^\s，。]{0,10}(?:记者|通讯员)\s+[\u4e00-\u9fff·]{2,4}(?:\s|$)")


def letter_spaced(line: str) -> bool:
    """A heading printed with a space between its characters: four or more Han characters standing
    alone, the last word may carry a bracket's tail (``政 府 工 作 报 告(2022年)``).

    >>> letter_spaced("政 府 工 作 报 告"), letter_spaced("政 府 工 作 报 告(2022年)"), letter_spaced("首页 滚动 时政")
    (True, True, False)
    """
    words = line.split()
    if len(words) < 4 or len(line) > 60:
        return False
    head = words[:-1] if len(words[-1]) > 1 and words[-1][1:2] in "(（" else words
    return len(head) >= 4 and all(len(w) == 1 and HAN.match(w) for w in head)


#: Words of a counter: a count inside a page's body without one is a figure, not furniture.
COUNTER_WORDS = re.compile(
    r"浏览|阅读|点击|访问|赞|踩|评论|回复|回应|转发|分享|收藏|关注|粉丝|帖子|主题|积分|有用|没用|在看|下载|播放|人气|热度"
)


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """China's province-, prefecture- and county-level names (2022 and 1980–2022 revisions)."""
    text = resources.files("reportnlp.data").joinpath("place_names.txt").read_text(encoding="utf-8")
    return frozenset(text.split())


_PLACE_SPLIT = re.compile(r"[|｜丨、，,\s]+")
_PLACE_SUFFIX = re.compile(r"(?:省|市|县|区|旗|州|盟|镇|乡|自治县|自治州|特别行政区)$")


def is_place_list(line: str) -> bool:
    """Five or more items of which most are place names: an SEO list of places, not prose.

    >>> is_place_list("十堰市| 墨玉县| 高平市| 阜康市| 措美县| 卢龙县| 浙江省")
    True
    """
    if SENTENCE_PUNCT.search(line.replace("，", "").replace(",", "")) and "|" not in line:
        return False
    items = [p for p in _PLACE_SPLIT.split(line) if p]
    if len(items) < 5:
        return False
    names = place_names()
    hits = sum(1 for p in items if p in names or (len(p) <= 8 and _PLACE_SUFFIX.search(p)))
    return hits >= 0.6 * len(items)


def is_heading(line: str) -> bool:
    """A numbered heading or a short unpunctuated line that starts a section.

    >>> is_heading("（一）着眼“培根铸魂”,筑牢理想信念之基")
    True
    """
    return bool(HEADING_START.match(line))


LONG_PROSE = 40  # characters


def is_long_prose(line: str) -> bool:
    """Longer than 40 characters with a full stop or two commas: read as body prose, not furniture, away
    from a page's edges (the line rules are not run on it there).

    >>> is_long_prose("多年来,全市致力形成理论宣讲的最强分贝、最大成效。大胆探索、勇于创新,成效明显,群众满意。")
    True
    """
    return len(line) > LONG_PROSE and (
        "。" in line or "！" in line or "？" in line or line.count("，") >= 2
    )


def is_prose(line: str, min_len: int = 40) -> bool:
    """Reads as body prose: long enough and has sentence punctuation."""
    return len(line) >= min_len and bool(PROSE_PUNCT.search(line))


# (spaces before a separator are matched from the first of them only: tried from each space of a long run, the
# search took time quadratic in the run, 6 s for 16,000 spaces)
_BROWSER_SEPARATORS = re.compile(
    r"(?:(?<!\s)\s+)?[_｜|]\s*|(?:(?<!\s)\s+)?-{2,}\s*|(?<!\s)\s+[-—–]\s+|(?<=[\u4e00-\u9fff）)])-(?=[\u4e00-\u9fff])"
)


def browser_title(texts: Sequence[str], filled: Sequence[int]) -> tuple[int, str, str]:
    """The page's first line read as a browser title: (index, headline part, site part). The site part is
    the last segment after ``_``, ``|`` or `` - `` (``埃洛普离职：微软卧底成弃儿？_网易财经``); empty when the
    line has no separator.

    >>> browser_title(["2026年湖南省政府工作报告-湖南省人民政府门户网站"], [0])
    (0, '2026年湖南省政府工作报告', '湖南省人民政府门户网站')
    >>> browser_title(["棱镜|数据业大整顿：爬虫与现金贷共生共荣，用户信息几元不等_财经_腾讯网"], [0])[2]
    '腾讯网'
    """
    if not filled:
        return -1, "", ""
    i = filled[0]
    t = texts[i]
    parts = [p for p in _BROWSER_SEPARATORS.split(t) if p]
    # a headline first, then at most four short segments (a menu's items are all short)
    if (
        2 <= len(parts) <= 5
        and (
            len(parts[0]) >= 6
            or _DOMAIN.match(parts[-1])
            # a column's short name glued before the headline (``棱镜|数据业大整顿：…_财经_腾讯网``)
            or (len(parts) >= 3 and len(parts[0]) >= 2 and len(parts[1]) >= 12 and t[len(parts[0])] in "|｜")
        )
        and 2 <= len(parts[-1]) <= 30
        and not is_ui_line(parts[-1])
        and (_DOMAIN.match(parts[-1]) or not _DIGIT.search(parts[-1][:4]))
    ):
        return i, parts[0], parts[-1]
    return i, t, ""


_DOMAIN = re.compile(r"^[\w.-]+\.[a-z]{2,6}$", re.IGNORECASE)
