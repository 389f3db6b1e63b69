"""Quantity (metric) extraction: ``30余场次``, ``1300余人次``, ``近千人``, ``1.3万亿元``, ``增长5%左右``, ``××人``.

Reports argue with numbers: events held, people reached, money spent, growth rates. :func:`find_metrics` finds
each quantity in clean text with one pass of a compiled regular expression (a run of number characters, an
optional range, then a unit or classifier from a list, then an optional qualifier such as ``以上``), reads the
qualifiers just before the number (``累计``, ``近``, ``超过``…) and checks each match against a strict number
grammar: Arabic digits with decimals and thousands groups, Chinese numerals up to 亿 with ``点`` decimals,
``百分之…``, fractions (``三分之二``), template masks ``××``. The fields:

- **value** is the number as written with its magnitude folded in: ``1.3万人`` → 13000, unit ``人``;
  ``10余万字`` → 100000, qualifier ``余``, unit ``字``; ``134.9万亿元`` → 1.349e14, unit ``元``. A percentage
  stays a percentage (``6.5%`` → 6.5, unit ``%``; ``百分之十三`` → 13, unit ``%``), and so does a fraction, a
  share (``三分之二`` → 66.67, unit ``%``). A range (``3至5年``,
  ``6%-7%``) has the first number as its value, both ends as bounds and the qualifier ``至`` whatever the
  separator. A mask (``××人``, ``xx%``) has no value and ``masked`` true.
- **qualifier** is every qualifier of the quantity in text order, joined by ``+``: those just before the number
  (``累计``, ``共计``, ``近``, ``约``, ``超过``, ``突破``, ``达到``…), ``余``/``多`` inside it and ``以上``,
  ``以下``, ``以内``, ``左右``, ``之多`` after the unit (``累计超过300余场`` → ``累计+超过+余``). Only
  qualifiers adjacent to the number count: in ``累计开展300余场次`` the span is ``300余场次``.
- **low/high**: exact by default (``low == high == value``); ``余``, ``多``, ``超过``, ``逾``, ``突破``,
  ``以上``, ``至少`` leave the top open (``high`` None); ``近``, ``不到``, ``不足``, ``以下``, ``以内`` leave
  the bottom open (``low`` None); ``约`` and ``左右`` bind neither (both None). ``达``, ``累计``, ``共``,
  ``高达`` are recorded and keep the bounds exact. ``近`` before a span of time (``近3年``) means "the past 3
  years": it is left out of the span and the qualifier.
- **unit** is the unit or classifier after the number, magnitude removed (``场次``, ``人次``, ``份``,
  ``个月``, ``个百分点``, ``元`` for ``亿元``, ``字`` for ``万字``); None for a bare ``1386万`` (an Arabic
  number with 万 or 亿 is a quantity without a unit; a Chinese one is not: ``十万火急``).
- **thing** (best effort, no segmenter) is the measured or counted thing where the sentence says it: the noun
  phrase right after a classifier up to a predicate word (``16支理论宣讲人才队伍`` → ``理论宣讲人才队伍``), else
  the clause's words before the quantity: the object of a verb (``发放宣传资料2000余份`` → ``宣传资料``,
  ``送水6048吨`` → ``水``), or the subject before a comparison, a source or a verb of change
  (``国内生产总值比上年增长5%`` → ``国内生产总值``, ``农村居民家庭人均纯收入由2090元…`` → its subject,
  ``经济增长预期目标为5%左右`` → ``经济增长预期目标``), without opening time words (``1955年``, ``其中``,
  ``在…中``) and what comes before 的. A clause that names none (``比1954年增长9%``, ``由1997年的5160元``,
  ``为预算数的114.13%``) takes the thing of the quantity before it in the sentence, else the subject of the
  clause before it (asides such as ``由于…`` skipped); ``A、B分别下降18%、13%`` gives A and B in turn.
  Where these rules name nothing, a learned chooser (:mod:`reportnlp.analysers.thing`, weights trained on the
  hand labels) picks among the clause's candidate spans, or leaves None below an even chance;
  ``thing.learned_things`` re-picks every thing with the rules' pick as one feature (opt-in, slower).
- **kind** is ``quantity``, or ``span`` for a span of time that measures no thing (``过去5年``, ``近3年来``,
  ``十年``): typed apart so that a count of metrics need not count them. A duration that a clause measures is a
  quantity (``出关时间缩短至1.5小时``).

Not metrics: dates (``2023年``, ``一九五三年``, ``4月8日``, ``2019-2023年``; 月, 日 and 号 are not units and a
four-digit number before 年 is a year), ordinals (``第三``, ``前3名``, ``周一``), anniversaries (``75周年``),
plans (``五年计划``) and numbered slogans: a single Chinese digit with a classifier (``七个一``, ``三会一课``,
``八项规定``, ``两个维护``, ``一镇一品``) counts only with a qualifier that bounds it (``约三成``, ``超过五年``,
``两年多``; not ``达到一个新水平``, ``突破一批``), a magnitude (``近五万人``, ``三十万``) or a classifier of events
(``两次``, ``七次``, ``两批``; ``增长一倍``, ``翻两番``), a numeral before a formula noun (``十项措施``,
``五次会议``) is no count, a number right after 个
(``两个一百年``) is part of a slogan and a numeral followed by another (``十四五``, ``三大攻坚战``) never reaches
a unit. Products and codes (``2×2``, ``1+N``, ``PM2.5``, ``G20``) are not quantities.

Speed: the regular expression starts with a character class, so the engine skips text without numbers in C,
and its units (like the words that are no units and the object verbs) are a trie (:func:`_alternation`), so a
number's end tries a dozen branches, not 150 words. On the clean State Council corpus (1.1 M characters, 5,600
metrics) the pass takes about 13 ms and :func:`find_metrics` about 0.15 s in all (session 6, the fastest of 7
runs per document on a shared 2-core machine), most of the rest the reading of each metric's thing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from string import ascii_letters

__all__ = ["Metric", "find_metrics"]


@dataclass(frozen=True)
class Metric:
    """One quantity: ``source[start:end] == self.text``; see the module docstring for the fields."""

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    unit: str | None
    masked: bool
    thing: str | None
    kind: str = "quantity"


# --- numbers -------------------------------------------------------------------------------------------

_LATIN = "A-Za-z\u00c0-\u024f"
_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_CHARS = _CN_DIGITS + "十百千万亿"
_MASK_CHARS = "×xX＊"  # the number masks of placeholders.py
# A run of number characters; the grammar below says which runs are numbers.
_RUN_START = f"[0-9{_MASK_CHARS}{_CN_CHARS}]"
# After an Arabic first digit, thousands groups (8,500; 28，049，780): a comma is otherwise a clause break.
_RUN_GROUPS = "(?:(?<=[0-9])[0-9]{0,2}(?:[,，][0-9]{3}){1,6}(?![0-9]))?"
# Bounded: no number is longer, and an unbounded run made every start inside a long run of digits rescan it
# to its end (quadratic: ``'9' * 8000`` took 35 s); bounded, each start costs at most ``_MAX_RUN`` steps.
_MAX_RUN = 32
_RUN_CHAR = f"[0-9.{_MASK_CHARS}{_CN_CHARS}点點余多]{{0,{_MAX_RUN}}}"

_D = "[一二两三四五六七八九]"
_Z = "[零〇]"
# 1..9999 in Chinese numerals (一千零五, 二百一十, 十五, 三).
_CN_SMALL = (
    rf"(?:{_D}千(?:{_Z}?{_D}百)?(?:{_Z}?{_D}?十)?(?:{_Z}?{_D})?"
    rf"|{_D}百(?:{_Z}?{_D}?十)?(?:{_Z}?{_D})?"
    rf"|{_D}?十{_D}?"
    rf"|{_D})"
)
_CN = rf"(?:{_CN_SMALL}(?:亿(?:{_CN_SMALL}万)?{_CN_SMALL}?|万{_CN_SMALL}?)?(?:[点點][{_CN_DIGITS}]+)?)"
# Thousands groups: 8,500, 666,228,000, 6，500万亩 (the 1950s reports group with a Chinese comma).
_AR = r"(?:[0-9]{1,3}(?:[,，][0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
_MASK = r"(?:×+|x+|X+|＊+)"
_MAG = "(?:万亿|千亿|百亿|千万|百万|万万|亿|万|千|百)"
_IN = "[余多]"
_NUMBER = re.compile(
    rf"(?P<ar>{_AR})(?P<in1>{_IN})?(?P<mag>{_MAG})?(?P<in2>{_IN})?"
    rf"|(?P<cn>{_CN})(?P<cin1>{_IN})?(?P<cmag>[万亿]+)?(?P<cin2>{_IN})?"
    rf"|(?P<mask>{_MASK})(?P<min1>{_IN})?(?P<mmag>{_MAG})?(?P<min2>{_IN})?"
    rf"|(?P<bare>[百千万亿])(?P<bmag>[万亿]+)?(?P<bin>{_IN})?"  # 近千, 过百万, 上万: after a qualifier only
)
_PLAIN_AR = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_AR_MAG = re.compile(rf"([0-9]+(?:\.[0-9]+)?)({_IN})?({_MAG})({_IN})?")
_MAG_EXPONENT = {"万": 4, "亿": 8, "千": 3, "百": 2}
_CN_DIGIT_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")}
_CN_DIGIT_VALUE.update({"〇": 0, "两": 2})
_SEP = "[-—–~～至到]"

# --- qualifiers ----------------------------------------------------------------------------------------

LOW, HIGH, APPROX, EXACT = "low", "high", "approx", "exact"
_QUALIFIER_KIND = {
    **dict.fromkeys(
        "超过 超出 超 逾 突破 破 过 上 不少于 不低于 至少 最少 以上 余 多 有余".split(), LOW
    ),
    **dict.fromkeys("近 将近 接近 不到 不足 不超过 不高于 最多 以下 以内 之内".split(), HIGH),
    **dict.fromkeys("约 大约 左右".split(), APPROX),
    **dict.fromkeys("达 达到 高达 多达 累计 共 共计 共有 合计 总计 总共 仅 之多".split(), EXACT),
}


# Qualifiers before the number, read backwards from it; each may take 了 (突破了, 达到了). Guarded so 最近/附近,
# 中共/公共, 表达/传达/下达, 制约/节约, 不仅 are not read as qualifiers.
def _skipping(firsts: str, pattern: str) -> re.Pattern:
    """``pattern`` behind a lookahead of the characters its matches start with (``firsts``): a search then
    skips to them, which a trie or a lookbehind at the start hides from the engine (the same matches, two to
    three times faster; tests/test_metrics.py checks ``firsts`` against the pattern)."""
    return re.compile(rf"(?=[{firsts}])(?:{pattern})")


_PRE_ONE = (
    r"(?:累计|共计|共有|合计|总计|总共|(?<![中公总])共|达到|高达|多达|(?<![发到通表传转抵送直下雷])达"
    r"|超过|超出|(?<!赶)超|逾|突破|将近|接近|(?<![最附临靠逼贴亲将接])近|大约|(?<![制节公条契预签合大])约"
    r"|不到|不足|不超过|不少于|不低于|不高于|至少|最少|最多|(?<!不)仅)了?"
)
_PRE_TAIL = _skipping("累共合总达高多超逾突将接近大约不至最少仅", rf"(?:{_PRE_ONE})+$")
_PRE_PIECE = re.compile(_PRE_ONE)
_PRE_FIRST = frozenset("累共合总达高多超逾突将接近大约不至最少仅")
_PRE_LAST = set("计有共到达过出超逾破近约足少多高于仅了")
_PRE_BARE = "过上破"  # 过万, 上千, 破亿: only before a bare 百/千/万/亿
# ... not after these: 跃上千亿元台阶 (上 is the verb's: a threshold crossed), 突破百亿 (read as 突破), 打破千年
_BARE_NOT_AFTER = {"上": "跃迈站登跨", "破": "突打冲击攻爆"}
_POST = r"(?:以上|以下|以内|之内|左右|之多|有余)"

# --- units ---------------------------------------------------------------------------------------------

_TIME_UNITS = frozenset(
    "年 个月 天 周 小时 个小时 分钟 秒 个工作日 工作日 个多月 个余月 个多小时".split()
)
_RATIO_UNITS = frozenset(
    ("%", "％", "‰", "倍", "成", "番", "个百分点", "百分点", "个千分点", "千分点")
)
_UNITS = (
    # compounds
    "人公里 吨公里 人次 场次 户次 车次 架次 班次 批次 件次 项次 家次 台次 艘次 条次 个百分点 个多百分点 百分点"
    " 个千分点 千分点 个多月 个余月 个月 个多小时 个小时"
    " 个工作日 工作日 平方公里 平方米 平米 立方米 公里 千米 千克 公斤 公顷 千瓦时 千瓦小时 千瓦 兆瓦 千伏 瓩"
    " 标准箱 标准台 周岁 小时 分钟 美元 欧元 港元 日元 英镑 卢布 微克/立方米 毫克/立方米 吨/日 吨/年 公方"
    " 平方公尺 立方公尺 公尺 度 枚 尺"
    # measures
    " % ％ ‰ 元 块 吨 斤 亩 米 克 升 担 倍 成 岁 年 天 周 秒 字 页 卷"
    # classifiers
    " 人 名 位 个 户 家 所 座 栋 幢 间 套 台 辆 艘 架 列 只 头 匹 株 棵 张 本 册 部 篇 首 幅 件 项 条 份"
    " 封 处 类 种 款 批 轮 门 节 课 堂 讲 期 场 次 起 宗 笔 例 单 组 队 班 支 床 集 站 对 番 遍 趟"
).split()
_UNITS_WITH_QUALIFIER = frozenset(u for u in _UNITS if u[:1] == "个" and u[1:2] in ("多", "余"))
_LATIN_UNITS = ("kWh", "kW", "MW", "GW", "kV", "km", "kg")


def _alternation(words: list[str]) -> str:
    """A regex that matches what the alternation of ``words`` longest first matches, as a trie: the words
    that share a first character share one branch, and the words of one character form one class (the engine
    tries a dozen branches at a number's end instead of 150 words). Longest first still: at a position the
    words that match are prefixes of one another, and the trie tries the longer ones first."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branches(node: dict) -> list[str]:
        leaves = [re.escape(ch) for ch in sorted(node) if ch and list(node[ch]) == [""]]
        out = [
            re.escape(ch) + tail(node[ch]) for ch in sorted(node) if ch and list(node[ch]) != [""]
        ]
        if leaves:
            out.append(leaves[0] if len(leaves) == 1 else f"[{''.join(leaves)}]")
        return out

    def tail(node: dict) -> str:
        alts = branches(node)
        inner = alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"
        if "" not in node:
            return inner
        return f"{inner}?" if len(alts) == 1 and len(inner) == 1 else f"(?:{inner})?"

    return f"(?:{'|'.join(branches(tree))})"


_UNIT = "(?:" + _alternation(_UNITS) + "|(?:" + "|".join(_LATIN_UNITS) + f")(?![{_LATIN}]))"
# A unit character that starts another word is no unit: 3年级, 10项目, 75周年, 五年计划, 人才, 部门, 条例.
_NOT_UNIT = (
    "年级 年代 年度 年轻 年龄 年份 年底 年初 年末 年计划 年规划 周年 周边 周围 周期 周末 天然 天气 天下 天津"
    " 天地 天空 元旦 元宵 元素 元首 元年 人才 人大 人社 人工 人类 人生 人文 人心 人事 人居 人身 人物 人均"
    " 人气 人情 人格 人力 人间 人和 人家 人为 名片 名牌 名称 名义 名录 名副 名誉 名胜 名列 位于 位居"
    " 位列 位置 位次 家喻 家庭 家乡 家园 家长 家属 家风 家训 家门 家里 家人 户籍 户口 户外 户晓 所有"
    " 所以 所在 所属 所谓 所得 所需 所述 部门 部署 部分 部位 部长 部委 部队 条例 条件 条款 项目 份额"
    " 本土 本地 本领 本质 本身 本级 本届 本次 期间 期刊 期货 期限 期待 期望 期末 期初 期中 场所 场景 场地"
    " 场馆 场域 次数 次序 次要 次日 台账 台湾 台阶 门户 门口 门槛 门类 门诊 节日 节约 节能 节点"
    " 节庆 节奏 课题 课程 课时 组织 组成 组建 组合 组团 组长 队伍 队员 队长 类型 类似 类别 种植 种类 种子"
    " 种养 种业 种粮 处理 处置 处于 处罚 处分 处长 处级 批示 批准 批复 批评 批发 轮流 轮换 轮训 轮岗 轮值"
    " 起来 起步 起点 起草 起到 起源 起诉 岁月 倍增 成立 成为 成员 成果 成效 成本 成绩 成功 成熟 成长 成就"
    " 成交 成品 成套 成片 成都 成型 首都 首次 首批 首位 首届 首先 首要 首个 首台 集中 集体 集团 集聚 集成"
    " 集约 集市 座谈 间隔 间接 例如 例外 单位 单元 单独 单一 单个 个体 个性 个别 个税 亩产 亩均 米面"
    " 讲话 讲座 讲解 讲述 讲好 讲清 讲究 讲师 班子 班级 班长 头脑 头雁 头等 头部 只是 只有 只要 只能 支持"
    " 支撑 支部 支付 支出 支援 支柱 支队 支书 支行 列入 列为 列车 床位 克服 升级 升学 升值 块头 张贴 架构"
    " 架设 栋梁 套餐 页面 卷入 笔记 笔者 笔头 担当 担任 担心 担负 担保 字号 封闭 封面 封锁 封存 宗旨 宗教"
    " 篇章 篇幅 幅度 款式 款项 堂课 站长 站在 站稳 站位 度过 度假 度日 尺度 尺寸 枚举"
).split()
_NOT_UNIT_RE = re.compile(_alternation(_NOT_UNIT))
_NOT_UNIT_FIRST = frozenset(w[0] for w in _NOT_UNIT)
_NOT_UNIT_SET = frozenset(_NOT_UNIT)
assert {len(w) for w in _NOT_UNIT} <= {2, 3}, (
    "_not_unit_at looks the words up by 3 and 2 characters"
)


def _not_unit_at(text: str, at: int) -> str:
    """``_NOT_UNIT_RE.match(text, at)``'s word ("" if none): the longest word of ``_NOT_UNIT`` at ``at``, found by
    two set lookups (the trie's program is the largest of this module's patterns; tested to give the same)."""
    word = text[at : at + 3]
    if word in _NOT_UNIT_SET:
        return word
    word = word[:2]
    return word if word in _NOT_UNIT_SET else ""


# The one pass. It starts with a character class, so the regex engine skips other text fast. After 百分之 no
# unit follows; otherwise a unit is required, except after 万/亿 (1386万). A number starts where its run of
# number characters starts (or at 百分之): a start inside a run that failed at its first character can only
# fail again, and trying every one made long runs quadratic. The check is a lookbehind after the first
# character, so that the pattern still starts with a character class.
_PATTERN_SOURCE = (
    rf"(?P<n1>{_RUN_START}"
    rf"(?:(?<![0-9{_MASK_CHARS}{_CN_CHARS}].)(?<![0-9{_MASK_CHARS}{_CN_CHARS}][.点點余多].)|(?<=百)(?=分之))"
    rf"(?:(?<=百)(?P<pz>分之))?{_RUN_GROUPS}{_RUN_CHAR})"
    rf"(?(pz)(?P<ppost>{_POST})?"
    rf"|SPACE(?P<pct1>[%％])?(?:(?P<sep>{_SEP})(?P<n2>{_RUN_START}{_RUN_GROUPS}{_RUN_CHAR}))?"
    rf"(?:(?P<unit>{_UNIT})(?P<post>{_POST}|(?<=[年天周时倍])多(?![措举方种样个项元家地次渠管点少数起]))?"
    rf"|(?<=[万亿])|(?<=[万亿]{_IN})))"
)
_PATTERN = re.compile(_PATTERN_SOURCE.replace("SPACE", ""))
# the same with one space allowed before the percent sign (增长速度8 %), for a text that holds " %": the optional
# group costs every other text 5 % of find_metrics' time
_DIGITS_APART = re.compile(r"[0-9] $")
_PATTERN_SPACED = re.compile(_PATTERN_SOURCE.replace("SPACE", "(?:(?<=[0-9]) (?=[%％]))?"))

# --- context -------------------------------------------------------------------------------------------

_BEFORE_AR = set("0123456789.．_×*+/:：~～-" + ascii_letters)
_BEFORE_CN = set(_CN_CHARS + "点點数几第")
_BEFORE_MASK = set("0123456789×" + ascii_letters)
# 前 as "the first N" (前3名, 全国前10), not in a time word (目前, 当前, 此前, 提前, 年前).
_PRE_TIME = set("目当此以之提年月日天眼空面门跟生向从事战史")
_CN_ORDINAL_BEFORE = ("周", "星期", "礼拜", "初", "倒数", "农历")
_YEAR = re.compile(r"[12][0-9]{3}|(?:19|20)[0-9xX×]{2}|[xX×]{4}")
_MONTH_AFTER = re.compile(rf"(?:[0-9]{{1,2}}|[{_CN_DIGITS}十]{{1,3}})月")

# --- the counted thing ---------------------------------------------------------------------------------

_CJK = "\u3400-\u9fff\uf900-\ufaff"
_RIGHT_RUN = re.compile(rf"[{_CJK}A-Za-z]{{1,12}}")
# Verbs after which the counted noun starts (开展宣讲…, 发放宣传资料…, 送水…).
_VERBS = (
    "开展 发放 收集 召开 举办 成立 建成 建设 新建 改建 改造 完成 实现 覆盖 惠及 带动 吸引 投入 投资 帮助"
    " 帮扶 救助 参加 参与 走访 慰问 受理 办理 解决 化解 调解 查处 整改 排查 接待 提供 落实 引进 招引 培育"
    " 创建 打造 开发 推出 推动 新增 发布 印发 出台 制定 修订 录制 制作 拍摄 编印 编写 发表 刊发 征集 收到"
    " 回复 处理 发现 检查 检测 培养 招聘 安置 转移 聘请 选派 派出 种植 栽植 植树 修建 修复 治理 新开 开通"
    " 接入 储备 收购 销售 出口 进口 生产 产出 节约 减免 达成 签订 签约 设立 设置 组建 召集 邀请 创作 录用"
    " 推送 报送 推报 推介 出动 送 捐"
).split()
_VERBS_RE = re.compile("|".join(sorted(_VERBS, key=len, reverse=True)))
# Verbs of change and copulas: the thing is their subject (国内生产总值增长5%, 每组表演者为4人).
_CHANGE = (
    "增长 下降 提高 降低 上涨 下跌 增加 减少 扩大 缩小 提升 回升 回落 上升 增至 降至 提高到 上升至 下降到"
    " 达到 为 是 占 超过 突破"
).split()
# Words that start a predicate rather than continue the noun after a classifier.
_STOP_WORDS = sorted(
    {*_CHANGE}
    | set(
        "参与 参加 开展 进行 实现 完成 获得 受到 得到 覆盖 走 奔 深入 分设 分别 积极 全部 接受 通过 纳入"
        " 入驻 落户 实施 建成 投入 投产 开工 竣工 受益 以上 以下 左右 同步 同时 相继 陆续 先后 正式 张贴"
        " 合计 共计 累计 方面 给 进入 开放 贯通 全线 配备 获 取得 成功 转为 转入 入选 延时 更新 改造 规范化"
        " 率先 加快 加速 稳步 有序 持续 升格 稳定 确权 可以 能够 可能 提供 免费 除险加固 治理 试办".split()
    ),
    key=len,
    reverse=True,
)
_RIGHT_STOP = re.compile(
    r"的|(?<![现存所实内外])在(?![校建押岗职册读])|(?<![行作认成])为|将|把|被|(?<![绝相针])对(?!象)|(?<![方走导意])向|从|(?<![关属])于|已"
    r"|(?<!首)都|也|(?<![人平])均|(?<!公)共|(?<![平同])等|是|(?<![所拥具享])有(?![限效关机色])|和(?!平)|与"
    r"|(?<!普)及(?!时)|(?<![自理])由|拟|即|比(?![例重])|到|(?<![可所])以|" + "|".join(_STOP_WORDS)
)
# The first character of every alternative of _RIGHT_STOP: a run holding none has no stop (one C call instead
# of the pattern's lookbehinds at every position; tests/test_metrics.py checks the set against the pattern).
_STOP_FIRST = frozenset("的在为将把被对向从于已都也均共等是有和与及由拟即比到以") | {
    w[0] for w in _STOP_WORDS
}
# the same as a class: one C scan of a run (a set's isdisjoint makes a string per character)
_STOP_FIRST_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(_STOP_FIRST)) + "]")


@lru_cache(maxsize=4096)
def _cn_value(s: str) -> float:
    """Value of a Chinese numeral (二十五亿七千万, 一百四十一, 三点二, 五万万, 三点五万).

    Total on any string of numeral characters: a magnitude after a decimal (``三点五万``) scales the number,
    any other character is skipped.
    """
    s = s.replace("万万", "亿").replace("點", "点")
    whole, _, frac = s.partition("点")
    scale = 0
    if frac:
        digits = frac.rstrip("万亿")
        scale = sum(_MAG_EXPONENT[c] for c in frac[len(digits) :])
        frac = "".join(c for c in digits if c in _CN_DIGIT_VALUE)
    total = section = number = 0
    for ch in whole:
        if ch in _CN_DIGIT_VALUE:
            number = _CN_DIGIT_VALUE[ch]
        elif ch in "十百千":
            section += (number or 1) * {"十": 10, "百": 100, "千": 1000}[ch]
            number = 0
        elif ch == "万":
            total += (section + number) * 10_000
            section = number = 0
        elif ch == "亿":
            total = (total + section + number) * 100_000_000
            section = number = 0
    if frac:
        digits = "".join(str(_CN_DIGIT_VALUE[c]) for c in frac)
        return float(f"{total + section + number}.{digits}e{scale}")
    return float(total + section + number)


_ONE_DIGIT = {c: float(_CN_DIGIT_VALUE[c]) for c in "一二两三四五六七八九"}


def _mag_exponent(mag: str | None) -> int:
    return sum(_MAG_EXPONENT[ch] for ch in mag) if mag else 0


def _scaled(number: str, mag: str | None) -> float:
    """``number`` times its magnitude, in decimal (2.53亿 is 253000000.0, not 252999999.99999997)."""
    return float(f"{number}e{_mag_exponent(mag)}") if mag else float(number)


class _Number:
    """A run of number characters read by the grammar: value (None if masked), magnitude, 余/多 inside."""

    __slots__ = ("kind", "surface", "mag", "ins", "value")

    def __init__(
        self, kind: str, surface: str, mag: str | None, ins: list[str], value: float | None
    ) -> None:
        self.kind, self.surface, self.mag, self.ins, self.value = kind, surface, mag, ins, value

    @property
    def has_magnitude(self) -> bool:
        return bool(self.mag) or (
            self.kind == "cn" and ("万" in self.surface or "亿" in self.surface)
        )


def _ins(a: str | None, b: str | None) -> tuple[str, ...]:
    """``tuple(q for q in (a, b) if q)`` (a comprehension is a function call in Python 3.11: 4x the time)."""
    return (a, b) if a and b else (a,) if a else (b,) if b else ()


def _read_number(run: str) -> _Number | None:
    if run.isascii() and _PLAIN_AR.fullmatch(run):  # Arabic digits alone, the common case
        return _Number("ar", run, None, [], float(run))
    if run in _ONE_DIGIT:  # 一, 两, 五 (before a classifier): the next commonest
        return _Number("cn", run, None, [], _ONE_DIGIT[run])
    m = _AR_MAG.fullmatch(run)  # the next commonest: 1256万, 3400多万, 1.3万亿
    if m is not None:
        number, in1, mag, in2 = m.groups()
        return _Number("ar", number, mag, list(_ins(in1, in2)), _scaled(number, mag))
    read = _NUMBERS.get(run, _MISS)
    if read is _MISS:
        read = _read_other_number(run)
        if len(_NUMBERS) >= _MEMO_SIZE:
            _NUMBERS.clear()
        _NUMBERS[run] = read
    if read is None:
        return None
    kind, surface, mag, ins, value = read
    return _Number(kind, surface, mag, list(ins), value)  # a list of its own: _read extends it


# the other numbers (Chinese numerals, groups of thousands, masks), memoised: half of them recur in a report
_NUMBERS: dict[str, tuple | None] = {}


def _read_other_number(run: str) -> tuple | None:
    """What :func:`_read_number` reads from a run that is no plain Arabic number, single digit or Arabic number
    with a magnitude: ``(kind, surface, mag, ins, value)``, ``ins`` a tuple."""
    m = _NUMBER.fullmatch(run)
    if m is None:
        return None
    ar, in1, mag, in2, cn, cin1, cmag, cin2, mask, min1, mmag, min2, bare, bmag, bin_ = m.groups()
    if ar is not None:
        value = _scaled(ar.replace(",", "").replace("，", ""), mag)
        return ("ar", ar, mag, _ins(in1, in2), value)
    if cn is not None:
        value = _cn_value(cn + (cmag or ""))
        return ("cn", cn, cmag, _ins(cin1, cin2), value)
    if mask is not None:
        return ("mask", mask, mmag, _ins(min1, min2), None)
    return ("bare", bare, bmag, (bin_,) if bin_ else (), _scaled("1", bare + (bmag or "")))


def _right_noun(text: str, at: int) -> str | None:
    """The noun phrase starting at ``at`` up to a predicate word or the clause end (None if it runs on)."""
    m = _RIGHT_RUN.match(text, at)
    if not m:
        return None
    run = m.group()
    stop = _RIGHT_STOP.search(run) if _STOP_FIRST_RE.search(run) else None
    if stop:
        cut = stop.start()
        if cut >= 3 and run[cut - 1] == "新" and run[cut - 2] not in "创更革刷翻清重":
            cut -= 1  # 5个县级城市新获评: 新 (newly) is the verb's, not the noun's (not 创新, 更新)
        return run[:cut] or None
    return run if not _RIGHT_RUN.match(text, m.end()) else None


_VERB_NOUN = re.compile(r"(?:改造|更新|治理|建成|开工|实施)(?:项目|工程)")
_QUOTED = re.compile(rf"“[{_CJK}A-Za-z0-9+]{{1,10}}”")
# predicates that follow a quoted name (…”事项落地见效, …”上线运行): no part of the noun after it
_AFTER_NAME = re.compile(r"落地|上线|应用|运行|见效|落实|让|使")


def _right_noun_whole(text: str, at: int) -> str | None:
    """:func:`_right_noun`, not cut at a predicate word that starts a noun (600个城乡学校共同体: 共 starts 共同体),
    nor at a verb that qualifies a head noun (20个城中村改造项目); a quoted name opens it (86个“两重”项目)."""
    if text.startswith("“", at):
        quoted = _QUOTED.match(text, at)
        if quoted is None:
            return None
        rest = _right_noun(text, quoted.end())
        if rest is None and _RIGHT_RUN.match(text, quoted.end()):
            return None  # the run goes on: no noun read
        if rest:  # 35项“高效办成一件事”上线运行, 355项“川渝通办”事项落地见效: the name's predicate
            rest = rest[: _AFTER_NAME.search(rest).start()] if _AFTER_NAME.search(rest) else rest
        return quoted.group() + (rest or "")
    noun = _right_noun(text, at)
    if noun is None:
        return None
    end = at + len(noun)
    if text[end : end + 1] in "改更治建开实":
        verb_noun = _VERB_NOUN.match(text, end)
        if verb_noun and not _RIGHT_RUN.match(text, verb_noun.end()):
            return noun + verb_noun.group()
    if text[end : end + 1] not in _RIGHT_FIRSTS:
        return noun
    word = text[end : end + 4] if text[end : end + 4] in _RIGHT_WORDS else text[end : end + 3]
    if word not in _RIGHT_WORDS:
        return noun
    rest = _right_noun(text, end + len(word))
    if rest is None:
        if _RIGHT_RUN.match(text, end + len(word)):
            return noun  # the run goes on: as before
        rest = ""
    return noun + word + (rest if len(rest) <= 4 else "")  # not 任务完成率居全国前列


# --- the clause's subject --------------------------------------------------------------------------------

_SENTENCE_BREAKS = "。！？；;!?\n"
_CLAUSE_BREAKS = "，、：,:"
_MAX_LEFT = 60
# Where a clause's subject ends: a comparison, a source, a copula or verb of change, a plan or an adverb of
# measure (国内生产总值比上年增长, 农村居民家庭人均纯收入由2090元…, 今年赤字率拟按…). Guarded like the
# qualifiers so 发达, 中共, 作为 do not end a subject.
_SUBJECT_END = _skipping(
    "比较由从同年平累分拟将已预共合首连仅按高低快慢占",
    r"(?<!占)比(?![例重])|较(?![大多好快高强为])|由(?!于)|从|(?<![自理])由|同比|(?:年均|平均)(?=增|提|下|减|降|上)|累计|分别|拟|将(?!近)|已|预计"
    r"|(?<![中公总])共(?![同享建体])|合计|首次|连续|仅|按(?!照)|[高低快慢]于|(?<![所])占(?![比用地有据])",
)
# Verbs of change and copulas that end a subject when they stand right before the number (国内生产总值比上年增长,
# 经济增长预期目标为, 课间时长调整到): anywhere else they may be inside the name (经济增长预期目标).
_CHANGE_END = _skipping(
    "增提降下上减突超保稳达高为是占缩延升扩调完实开竣投压削裁追控翻跨迈跃站",
    r"(?:增长|增加|提高|降低|下降|上升|减少|突破|超过|高出|超出|保持|稳定在|稳定|达到|高达|达|(?<![所作成认行])为|是|(?<!所)占"
    # a threshold crossed (地区生产总值跨越5000亿元, 财政收入迈过千亿大关: 过 is read with the number)
    r"|跨越|跨过|跨上|(?<![横飞])跨|迈过|迈上|(?<![豪年老])迈|跃上|站上"
    r"|缩短|延长|降|增|升|提升|扩大|调高|调低|调增|调减|调整|完成|实现|开工|完工|竣工|投产|下降了|增长了|压减|压缩|削减|裁减|追加|控制在|翻)[至到为了在]?"
    r"(?:(?:[0-9]{4}|[一二三四五六七八九〇零]{4})年(?:底|末)?的?)?$",
)


def _thing_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words a thing is not cut inside (``reportnlp/data/thing_words.txt``, from jieba's dictionary): two
    characters that start with an opening's last character (中国, 来华), and nouns that start with a predicate
    word of ``_RIGHT_STOP`` (共同体, 增加值)."""
    path = Path(__file__).resolve().parent.parent / "data" / "thing_words.txt"
    kinds: dict[str, set[str]] = {"opening": set(), "right": set()}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, kind = line.split("\t")
            kinds[kind].add(word)
    return frozenset(kinds["opening"]), frozenset(kinds["right"])


_OPENING_WORDS, _RIGHT_WORDS = _thing_words()
_RIGHT_FIRSTS = frozenset(w[0] for w in _RIGHT_WORDS)
_CHANGE_START = re.compile(r"^(?:占|为|是|达到|达)")
# its first characters: it matches where a string starts with one (two characters for 达到), read without a call
_CHANGE_FIRST = frozenset("占为是达")
# Time words, dates and connectives that open a clause (1955年, 五年来, 其中, 在…中): no part of the thing.
_OPENING_FIRSTS = "截到至0123456789一二三四五六七八九十〇零今去上全当年下前目现其此同另并而但近过这在对关还又也已仍后使“累"
_OPENING = _skipping(
    _OPENING_FIRSTS,
    r"(?:(?:截至|截止|到|至)?(?:[0-9]{4}|[0-9]{2}|[一二三四五六七八九〇零]{4})年(?:底|末|初|以来|来|前|后|间|内|中)?"
    r"|[0-9]{1,2}月(?:份|底|末)?|今年|去年|上年|全年|当年|年内|上半年|下半年|前三季度|目前|当前|现在|其中|此外|同时"
    r"|另外|并且|而且|但是|但|此前|近年来|过去[一二三四五六七八九十]+年|这[一二三四五六七八九十]+年|[一二三四五六七八九十]+年(?:来|间|内|中)"
    r"|一年来|近[0-9一二三四五六七八九十]+年来?|在[^，。在]{1,14}?(?:中|方面|上|里)|对于|关于|并|而|还|又|也|已经|已|仍然|仍|后来|使(?!用)"
    r"|“?(?:十[一二三四五]?|[六七八九])五”?(?:时期|期间|以来|前[一二三四]年)?|累计)+",
)
# a match of _OPENING starts with one of these (its lookahead): a string that does not is read without a call
_OPENING_FIRST = frozenset(_OPENING_FIRSTS)
# Tails of a subject: time words and adverbs between it and the number (人均期望寿命2002年, …五年累计).
_CLOSING_WORDS = (
    "今年 去年 全年 当年 五年内 每年 实际 同比 已经 已 均 都 也 再 又 还 则 共有 有 总共 合计 分别 年均 平均"
    " 首次 继续 进一步 累计 了 每人 每户 每月 每天 每日 人均 可能 可以 能够 竟 没有 不但 仍 要 需要 只要 只 就 必须 力争 一直 努力"
).split()
# Adverbs before a verb of change (入境游客大幅增长, 预算外资金却大幅度增加): closing words too, kept apart so that a run
# is tested for them with one ``endswith`` (their last characters, 度 and 次 among them, end many nouns).
_CLOSING_ADVERBS = tuple("大幅 大幅度 明显 显著 稳步 持续 快速 却 再次".split())
# Matched on the reversed words (a pattern anchored at the end would be tried at every position).
_CLOSING_REVERSED = re.compile(
    r"(?:(?:[底末初])?年(?:[0-9]{4}|[一二三四五六七八九〇零]{4})[到至]?|年[一二三四五六七八九十]+|"
    + "|".join(w[::-1] for w in sorted(_CLOSING_WORDS + list(_CLOSING_ADVERBS), key=len, reverse=True))
    # 在 and 才 after the subject (钢产量在一九五二年是, 年产量才增加到), not in 现在, 存在, 人才 (reversed: the
    # lookahead reads the character before them)
    + "|在(?![现存所实正内外自潜])|才(?![人英天奇口干将帅秀刚方])"
    # 约 (about) after the subject (支出约为1700亿元), not in 节约, 公约, 制约, 预约 …
    + "|约(?![节契公条制简预大合签履违守特婚隐集])"
    # 共 (in all) after the subject, not in 公共
    + "|共(?!公)"
    + ")+"
)


# The last characters of the closing words and of the time words (…年, 年底): a run ending in none has no tail.
_CLOSING_LAST = frozenset(w[-1] for w in _CLOSING_WORDS) | set("年底末初在才约共")


def _strip_closing(run: str) -> str:
    if not run or (run[-1] not in _CLOSING_LAST and not run.endswith(_CLOSING_ADVERBS)):
        return run
    m = _CLOSING_REVERSED.match(run[::-1])
    return run[: len(run) - m.end()] if m else run


# Verbs after which the counted noun starts (more than the classifier rule's: 颁布行政法规, 审议法律议案).
_OBJECT_WORDS = sorted(
    {
        *_VERBS,
        *"颁布 审议 提出 提请 供应 贷放 拨付 废止 认定 评定 获得 获评 建立 培训 组织 举行 新建 改建 扩建"
        " 兴建 引导 转移 吸纳 录取 招收 资助 减免 补贴 收购 完成了 发行 安排 清理 争取 争取到".split(),
    }
)
_OBJECT_VERBS = _skipping(
    "".join(sorted({w[0] for w in _OBJECT_WORDS})), _alternation(_OBJECT_WORDS)
)  # longest first, as a trie
_JOINERS = re.compile(r".*(?:和|与|及|以及|或者|或)(?=..)", re.S)


def _tidy(run: str, low: int = 2, high: int = 14) -> str | None:
    """A candidate thing without its opening time words, its closing adverbs and what comes before 的/和."""
    run = run.strip("、，的了 ")
    if (
        run and (run[-1] in _CLOSING_LAST or run.endswith(_CLOSING_ADVERBS))
    ):  # (= _strip_closing(run), without a call where it keeps run)
        run = _strip_closing(run)
    lead = _OPENING.match(run) if run[:1] in _OPENING_FIRST else None
    if lead:
        run = run[lead.end() :]
    if run[:1] in _CHANGE_FIRST and not run.startswith("占比"):  # (= _CHANGE_START.match(run))
        run = run[2:] if run.startswith("达到") else run[1:]
    run = run[run.rfind("的") + 1 :]
    if len(run) > high:  # 示范区规模以上重点企业技术收入 → 重点企业技术收入
        cut = max(run.rfind("以上"), run.rfind("以下"), run.rfind("方面"))
        if cut >= 0:
            run = run[cut + 2 :]
        elif "等" in run and run[-1] not in "幅速":  # 超长期特别国债等各类中央支持资金 → 各类中央支持资金:
            run = run[run.rfind("等") + 1 :]  # the head after 等 (not …奖补资金等增幅: a change, no head)
    if "和" in run or "与" in run or "及" in run or "或" in run:  # what _JOINERS needs
        joined = _JOINERS.match(run)
        if joined:
            run = run[joined.end() :]
    run = run.strip('、的了“”"')
    return run if low <= len(run) <= high and _HAN_RUN.fullmatch(run) else None


_HAN_RUN = re.compile(rf"[{_CJK}A-Za-z0-9“”（）().、]+")


def _clause_subject(left: str) -> str | None:
    """:func:`_read_subject`, memoised: a pure function of the clause's words, which recur (``比上年增长``,
    ``城镇新增就业``: a third of the clauses of the State Council corpus are seen before)."""
    thing = _SUBJECTS.get(left, _MISS)
    if thing is _MISS:
        if len(_SUBJECTS) >= _MEMO_SIZE:
            _SUBJECTS.clear()
        thing = _SUBJECTS[left] = _read_subject(left)
    return thing


_MISS = object()
_MEMO_SIZE = 20_000
_SUBJECTS: dict[str, str | None] = {}


def clear_caches() -> None:
    """Empty the memos of :func:`_clause_subject` and :func:`_read_number` (for timing a first run; the answers
    do not depend on them)."""
    _SUBJECTS.clear()
    _NUMBERS.clear()


def _read_subject(left: str) -> str | None:
    """The thing a clause's words before a quantity name (None: the clause names none, look further back).

    ``国内生产总值比上年增长`` → 国内生产总值 (before the comparison); ``发放宣传资料`` → 宣传资料 (after the
    verb); ``城镇调查失业率`` → itself; ``比1954年增长``, ``由1997年的``, ``为预算数的`` → None (the subject is
    further back).
    """
    if left.endswith(" "):
        left = left.rstrip(" ")  # 能耗下降 19.1%: a space before the number
    if "（" in left or "(" in left:
        left = _PARENTHESIS.sub("", left)
    if left.endswith(
        _PER
    ):  # 补助标准提高到每人每年240元: a rate per person or year, no part of the thing
        left = _PER_TAIL.sub("", left)
    lead = _OPENING.match(left) if left[:1] in _OPENING_FIRST else None
    if lead:
        if lead.end() == len(left) and left[0] == "在" and left[-1] == "中":
            return _tidy(left[1:-1])  # 在这些反革命分子中，有57.4%…: the whole of the share
        at = lead.end()
        if left[at - 2 : at - 1] == "年" and left[at - 1 : at + 1] in _OPENING_WORDS:
            at -= 1  # 2019年中国…, 1987年来华…: the opening's last character starts a word
        left = left[at:]
    if left.startswith("仅") and len(left) > 2:
        left = left[
            2 if left.startswith("仅仅") else 1 :
        ]  # 仅中央财政当年就增加支出: "only", no subject's end
    if (
        left[-1:] == "的"
        and left.endswith(_YEAR_END_OF)
        and _CHANGE_END.search(left, 0, len(left) - 3)
    ):
        left = left[
            :-3
        ]  # 由年初的400多万人扩大到年末的: the date of the new value, no part of the thing
    if left.startswith(("将", "把")) and not left.startswith("将近"):
        left = left[1:]  # 将制造业企业加计扣除比例提高到: the object of 将 is the thing
    elif "把" in left:
        left = left[left.rfind("把") + 1 :]  # 力争把我国人口控制在: the object of 把 is the thing
    elif "将" in left and _OBJECT_OF_JIANG.search(left):
        # 阶段性将小规模纳税人增值税起征点从月销售额: the object of 将, whose value changes 从…
        left = left[left.rfind("将") + 1 :]
    if not left:
        return None
    if left.endswith("的"):  # 债款支出占本年支出的, 为预算数的, 完成年度计划的: X's share of a base
        base = _BASE_OF.search(left)
        if base:
            if base.start() > 0:
                return _tidy(left[: base.start()])
            share = _SHARE_FROM.match(left)
            # 占农户总数的比例由1954年的11%上升到63%: the share whose value changes is the thing
            return share.group(1) if share else None
    verbs = list(_OBJECT_VERBS.finditer(left))
    if verbs and (
        "出口" in left or "投资" in left or "改造" in left or "本建设" in left or "产总值" in left
    ):  # what _INSIDE_NOUN needs
        verbs = [v for v in verbs if not _INSIDE_NOUN.match(left, v.start() - 1)]
    for verb in reversed(verbs):
        obj = left[verb.end() :].strip("了的")
        if obj in _PURE_VERBS or obj.startswith("占比"):
            continue  # 城镇更新改造惠及: a verb is no object (完成投资 is one); 研发投入占比: a noun's share
        # 开展宣讲, 发放宣传资料, 送水, 完成农村住户清洁取暖改造 (not 国内生产总值比上年…, not 污水处理率)
        if obj and not _SUBJECT_END.search(left, verb.end()) and not _CHANGE_END.search(obj):
            if len(obj) >= len(verb.group()) or verb.start() == 0:
                return _tidy(obj, low=1)
            break
    change = _CHANGE_END.search(left)
    if change is not None:
        left = left[: change.start()]
        if left[-1:] == "连" and change.group()[:1] == "跨":
            left = left[:-1]  # 经济总量连跨5万亿元: 连 (in a row) is no part of the subject
        if left.endswith("时") and not left.endswith(_NOT_WHEN):
            return None  # 今年2月修订计划时减少为: a when-clause, the subject is further back
    if left[-1:] in _TIME_IN_LAST and "在" in left:
        time_in = _TIME_IN.search(left)
        if time_in is not None and time_in.start() >= 2:
            left = left[: time_in.start()]  # 产值在一九五八年一年中间也增长了: a time phrase, no part of the subject
    if (
        verbs
        and left
        and (change is None or verbs[-1].end() > len(left))  # not 地产品出口增长; 企业新增
        and not left[verbs[-1].end() :].strip("了的")
    ):  # 全国公路共修建
        if left in _NOUN_VERBS:
            return left  # 投资近千亿元: a verb that is also the noun of the amount
        left = left[: verbs[-1].start()]
    end = _SUBJECT_END.search(left)
    if end is not None:
        left = left[: end.start()]
    if not left or left[:1] in _CHANGE_FIRST and "的" in left:  # (_CHANGE_START.match(left))
        return (
            None  # 为预算数的, 占农户总数的比例由…: a base of comparison, the thing is further back
        )
    thing = _tidy(left)
    if thing is None and verbs and verbs[0].end() < len(left):
        # 就能够实现原定2000年国民生产总值比1980年翻两番: a subject too long to be one is a verb and its object
        return _tidy(left[verbs[0].end() :])
    return thing


# A time phrase between the subject and the number (生活资料工业的产值在一九五八年一年中间也增长了: before the verb
# of change is cut off, 产值在一九五八年一年中间也 is left).
_TIME_IN = re.compile(
    r"在(?=[^在，、]{0,8}[0-9一二三四五六七八九〇○零十])[^在，、]{1,12}?(?:年|世纪)[^在，、]{0,6}?"
    r"(?:中间|期间|之间|初期|末期|中|内|里)(?:也|都|还|就|已经|曾经)?$"
)
_TIME_IN_LAST = frozenset("间中内里期也都还就经")
# Nouns after a quantity that name a threshold it crosses, not the thing counted (跃上1.4万亿斤新台阶, 百万吨大关).
_THRESHOLD_NOUNS = ("台阶", "大关", "关口")
# Per-person and per-period words right before a quantity (每人每年, 人均, 平均每天).
_PER = ("每人", "每户", "每年", "每月", "每天", "每日", "人均", "平均")
_PER_TAIL = re.compile(r"(?:每人|每户|每年|每月|每天|每日|人均|平均)+$")
# Words ending in 时 that are no when-clause (…时 before a change: 修订计划时减少为).
_NOT_WHEN = tuple(
    "小时 工时 课时 学时 同时 及时 按时 准时 实时 定时 临时 适时 历时 用时 耗时".split()
)
# A verb that is part of a noun: 进出口 (not 出口), 直接投资/资产投资/建设投资 (the amount invested), 适老化改造 (a
# retrofit), 基本建设 (capital construction), 国内/国民生产总值.
_PURE_VERBS = frozenset("惠及 带动 覆盖 帮助 吸引 帮扶 救助 受益 惠及群众".split())
_INSIDE_NOUN = re.compile(r"进出口|[接产设的总]投资|(?<=公)共投资|化改造|本建设|.生产总值")
# Verbs that are the noun of the amount when they stand alone before it (投资近千亿元, 出口增长10.1%).
_NOUN_VERBS = frozenset("投资 出口 进口 销售".split())
# The date of the new value after a verb of change (扩大到年末的1120多万人).
_YEAR_END_OF = ("年末的", "年底的", "年初的")
_BASE_OF = re.compile(r"(?<!所)占|(?<![作成认行])为|是|完成|达到|相当于")
# After an amount of money: the projects or firms of that size (亿元项目, 5000万元以上的重大项目, 10亿元级项目).
_SIZE_CLASS_BARE = re.compile(r"(?:级的?)?(?:重大|重点)?(?:项目|企业)")
_SIZE_CLASS_AFTER = re.compile(r"的?(?:重大|重点)?(?:项目|企业)")
# After a quantity: places or bodies bounded by it (20万人口以上的县, 5000米以上乡镇; not 上市, a share 80%以上的县).
_BOUND_POSTS = frozenset(("以上", "以下"))
_BOUND_OF_BODIES = re.compile(r"口?(?:以上|以下)的?(?:县|城市|乡镇|镇|村|企业|学校|医院)(?![长委])")
_BOUND_AFTER_DE = re.compile(r"的(?:县|城市|乡镇|镇|村|企业|学校|医院|省份|地区)(?![长委])")
_SIZE_CLASS_PLACE = re.compile(r"[县镇](?=[，。、；,;和与的]|$)")
_SHARE_FROM = re.compile(r"占[^，,的]{1,16}的?(比例|比重)(?:由|从)")
_PARENTHESIS = re.compile(r"（[^（）]*）|\([^()]*\)")
_ASIDE = ("由于", "因为", "随着", "为了", "根据", "按照", "经过", "通过", "考虑", "扣除", "剔除")


# The end and thing of the last metric found, and after a span of time (连续4年) those of the quantity before
# it (0, None otherwise): a clause that opens with the span (3年增长58.6%) measures that quantity's thing.
_Prev = tuple[int, "str | None", int, "str | None"]


def _left_thing(text: str, start: int, prev: _Prev) -> str | None:
    """The thing of the quantity at ``start`` from its clause, else from the quantity before it in the same
    sentence (``…增加到…``), else from the clause before it (``现代工业所占的比重，由…``)."""
    lo = max(0, start - _MAX_LEFT)
    m = _LAST_SENTENCE_BREAK.match(text, lo, start)
    sentence = m.end() if m else lo
    prev_end, prev_thing, before_end, before_thing = prev
    m = _LAST_CLAUSE_BREAK.match(text, sentence, start)
    clause = m.end() if m else sentence
    if (
        clause > sentence
        and (text.find("）", clause, start) >= 0 or text.find(")", clause, start) >= 0)
    ):  # 基本建设投资额（包括经济、文教、行政方面的基本建设）共为: the break is inside a parenthesis
        clause = _clause_before_parenthesis(text, sentence, clause, start)
    from_ = max(clause, prev_end) if prev_end > sentence else clause
    if (
        from_ == prev_end > clause
        and text[start - 1] in "到至为成"
        and prev_thing
        and _TO_NEW_VALUE.fullmatch(text, from_, start)
    ):
        return prev_thing  # 从39个拓展到91个: the new value of the same thing
    thing = _clause_subject(text[from_:start])
    if thing is not None:
        return thing
    if from_ > clause and not prev_thing and text[from_ - 1] in _SPAN_LAST:
        # 棉花产量连续4年占全国九成以上: a span of time inside the clause does not end its subject
        span = _SPAN_AT_END.search(text, clause, from_)
        rest = text[from_:start]
        if rest[:1] in "来间内中":
            rest = rest[1:]  # 在十七年间平均每年增长
        if (
            span is not None
            and span.start() > clause
            and rest[:1] not in "前后"  # not 相当于5年前
            and not text.endswith(
                ("提前", "提早", "推迟", "延后"), clause, span.start()
            )  # 提前3个月实现100%交付
        ):
            thing = _clause_subject(text[clause : span.start()] + rest)
            if thing is not None and not _DIGITS.search(thing):
                return thing
    if clause >= 2 and text[clause - 2] in "）)" and text[clause - 1] in "，,":
        # 能源消耗总量（按…计算），比上年降低了100万吨: the clause before the parenthesis names the subject
        opening = text.rfind("（" if text[clause - 2] == "）" else "(", sentence, clause - 2)
        if opening > sentence:
            m = _LAST_CLAUSE_BREAK.match(text, sentence, opening)
            begin = m.end() if m else sentence
            if prev_end <= begin:
                thing = _clause_subject(text[begin : clause - 1])
                if thing is not None:
                    return thing
    if prev_end > sentence and prev_thing:
        return prev_thing
    if before_end > sentence and before_thing and from_ > clause:
        # 财政收入达到1350亿元，3年增长58.6%: a span of time opens the clause, the thing is the quantity's before it
        span = _SPAN_AT_END.search(text, clause, from_)
        change = _CHANGE_END.search(text, from_, start)
        if (
            span is not None
            and span.start() == clause
            and before_end < clause
            and change
            and change.start() == from_
        ):
            return before_thing  # (the clause is the span and a verb of change: 5年提升)
    # the clause before, when it holds no quantity of its own
    before = clause - 1
    while before > sentence and prev_end <= before:
        m = _LAST_CLAUSE_BREAK.match(text, sentence, before)
        begin = m.end() if m else sentence
        if not text.startswith(_ASIDE, begin):  # 由于不合理运输的减少: an aside, look further back
            return _clause_subject(text[begin:before])
        before = begin - 1
    return None


def _clause_before_parenthesis(text: str, sentence: int, clause: int, start: int) -> int:
    """Where the clause starts when a parenthesis closed before ``start`` opened before the clause break at
    ``clause``: the start of the clause that holds its opening (``clause`` when none does)."""
    for opening, closing in (("（", "）"), ("(", ")")):
        close = text.find(closing, clause, start)
        if close < 0 or text.find(opening, clause, close) >= 0:
            continue
        at = text.rfind(opening, sentence, clause)
        if at > sentence and text.find(closing, at, clause) < 0:
            m = _LAST_CLAUSE_BREAK.match(text, sentence, at)
            return m.end() if m else sentence
    return clause


# the last characters of the units of time (a span of time before a quantity: 连续4年, 近三个月, 十天)
_SPAN_LAST = frozenset("年月天周时")
_SPAN_AT_END = re.compile(
    rf"(?:连续|最近|近|过去|(?<!提)前|头)?[0-9.{_CN_CHARS}]+[多余]?个?(?:年|月|天|周|小时)$"
)
_DIGITS = re.compile(f"[0-9{_CN_DIGITS}]")
_LAST_SENTENCE_BREAK = re.compile(rf".*[{_SENTENCE_BREAKS}]", re.S)
_LAST_CLAUSE_BREAK = re.compile(rf".*[{_CLAUSE_BREAKS}]", re.S)
_JOINED_AFTER = re.compile(rf"分别[^{_SENTENCE_BREAKS}，,]{{0,40}}?[、和及与]")
_BREAK_IN = re.compile(rf"[{_SENTENCE_BREAKS}，,]")
_LAST_PHRASE_BREAK = re.compile(r".*[，：,:]", re.S)  # a clause break that is no 、 of a list


def _thing(
    text: str,
    start: int,
    end: int,
    unit: str | None,
    has_mag: bool,
    prev: _Prev,
    respectively: bool = True,
) -> str | None:
    """The counted thing named right after a classifier or by the clause before the quantity (best effort);
    ``respectively``: False when the text holds no 分别 (no subject of a list to read)."""
    if unit == "人" and text.startswith(("口", "民"), end):
        return "人" + text[end]  # 14亿人口, 六亿多人民
    if (
        unit not in _TIME_OR_RATIO_UNITS
        and (unit is not None or has_mag)
        and not (start and text.startswith(_FROM, start - 1) and _CHANGE_AFTER.match(text, end))
    ):
        noun = _right_noun_whole(text, end + (unit is not None and text.startswith("的", end)))
        if noun and len(noun) >= 3 and noun[-1] == "中" and noun[-2:] not in _ZHONG_NOUNS:
            noun = noun[:-1]  # 在本年的45种主要工业产品中: in the products (not 综合高中, 初中)
        if noun and len(noun) >= 5 and noun.endswith("率"):
            noun = noun[:-3]  # 203个国考断面优良率: the count is of 国考断面, not of a rate
        if noun and noun.endswith(_THRESHOLD_NOUNS):
            noun = None  # 粮食产量跃上1.4万亿斤新台阶, 突破百万吨大关: a threshold, the thing is on the left
        if noun and noun[0] in _PRE_FIRST:
            pre = _PRE_PIECE.match(noun)
            if pre and _DIGITS.match(noun, pre.end()):
                noun = None  # 煤产量曾经两次接近三亿吨: a quantity follows, not the thing counted
        if noun and (len(noun) >= 2 or unit in ("个", "名", "位", "支", "家", "所", "座", "户")):
            return noun
    elif unit in ("%", "‰") and (
        text.startswith("的", end) or text.endswith(_POST_WORDS, start, end)
    ):
        noun = _right_noun(text, end + text.startswith("的", end))  # 5%的企业, 50%以上村卫生室
        if noun and len(noun) >= 2:  # not 74%以上用于民生
            return noun
    # a span of time (过去5年, 近3年来) has no thing, unless a clause measures it (出关时间缩短至1.5小时): the
    # cheap test first
    span = unit in _TIME_UNITS
    if span and not _DURATION_OF.search(text, max(0, start - 6), start):
        return None
    thing = (respectively and _respectively(text, start)) or _left_thing(text, start, prev)
    if thing is None and not span and LEARNED_CHOOSER:
        # the rules name no thing: the learned chooser picks among the clause's candidates (thing.py)
        best = _chooser()(text, start, end, unit, prev[0])
        thing = best.text if best is not None else None
    return None if span and not thing else thing


def _chooser():  # thing.py imports this module: imported at the first use, then kept
    global _CHOOSE
    if _CHOOSE is None:
        from reportnlp.analysers.thing import choose as _CHOOSE
    return _CHOOSE


_CHOOSE = None
_POST_WORDS = ("以上", "以下")
# Where the rules name no thing, the learned chooser of thing.py picks one (False: the rules alone, as
# bench/train_thing.py reads them to train and cross-validate the chooser).
LEARNED_CHOOSER = True
_TIME_OR_RATIO_UNITS = _TIME_UNITS | _RATIO_UNITS
# A quantity right after these and before a verb of change is the old value (监管事项从39个拓展到91个, 市属重点国企由
# 51家整合为33家): the thing is on its left (not 由一千五百名工人组成).
_FROM = ("从", "由")
_OBJECT_OF_JIANG = re.compile(r"将(?!近)[^将从由]{2,}[从由]")
_TO_NEW_VALUE = re.compile(rf"[{_CJK}]{{1,3}}[到至为成]")
_CHANGE_AFTER = re.compile(r"增|减|降|提|扩|拓|缩|升|发展|整合|调整|变|到|至|上调|下调")
# Nouns that end in 中 (the 中 of the others is "in": 工业产品中).
_ZHONG_NOUNS = frozenset("高中 初中 集中 其中 途中 空中 华中 关中 县中 市中 心中".split())
# Classifiers of events: a single Chinese digit with one is a count (两次, 七次, 两批, 三轮), not a slogan.
_EVENT_UNITS = frozenset("次 批 轮 场 遍 趟 届 番".split())
_CHANGE_BEFORE = re.compile(r"(?:增长|增加|提高|扩大|翻|增|长|高出|超出|多出)了?$")
# A numeral and classifier that name a numbered slogan or a list (十项措施, 八项规定, 两个维护, 三大…).
_FORMULA_AFTER = re.compile(
    r"(?:措施|举措|行动|规定|原则|主张|要求|任务|工程|基本点|代表|意识|自信|维护|全面|机制|制度|战略|方针|纪律"
    r"|注意|服务|承诺|攻坚|清单|计划|会议|全会|大会|会|产业|(?:民生)?实事)"
)
_THRESHOLD = re.compile(r"[内外]")
_QUOTED_TERM_END = re.compile(rf"[{_CJK}]{{0,6}}[”’」]")
_HAN_DIGITS = set(_CN_DIGITS + "十百千万亿")


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _is_han_digit_after(text: str, end: int) -> bool:
    return end < len(text) and text[end] in _HAN_DIGITS


_RESPECTIVELY = re.compile(r"分别(?:增长|下降|增加|减少|提高|降低|为|达到|达|占|是)?[了到至为]?")


def _respectively(text: str, start: int) -> str | None:
    """``事故起数、死亡人数分别下降18%、13%``: the j-th quantity after 分别 measures the j-th subject before it."""
    if text.find("分别", max(0, start - 60), start) < 0:
        return None
    window = text[max(0, start - 60) : start]
    matches = list(_RESPECTIVELY.finditer(window))
    if not matches:
        return None
    m = matches[-1]
    between = window[m.end() :]
    if any(c in between for c in _SENTENCE_BREAKS + "，,"):
        return None
    j = len(_BETWEEN_QUANTITIES.findall(between))  # 下降9.66%和13.14%: 和 counts like 、
    head = window[: m.start()]
    for i in range(len(head) - 1, -1, -1):
        if head[i] in _SENTENCE_BREAKS + "，,：:":
            head = head[i + 1 :]
            break
    subjects = head.split("、")
    if len(subjects) == 1 and len(_JOIN_TWO.findall(head)) == 1:
        subjects = _JOIN_TWO.split(head)  # 对外直接投资和对外工程承包营业额分别达…
    return _tidy(subjects[j]) if j < len(subjects) and len(subjects) > 1 else None


_BETWEEN_QUANTITIES = re.compile(r"、|和|及|与")
_LIST_CLAUSE = re.compile(r"[^，。；：！？,;:!?\n“”‘’（）()《》的]{1,80}$")
_LIST_ITEM = re.compile(r"[\u3400-\u9fff]{1,10}")
# What a counted list names: places, bodies, trades, works (四个地区, 六个部, 三个单位, 四个大型水库); not the parts of
# an argument or a formula (三个方面, 三个层次, 四个现代化, 三座大山, 三项基本准则).
_LISTED_THINGS = re.compile(
    r"[\u3400-\u9fff]{0,4}?(?:地区|特区|自治区|省份|省市|省|市|县|城市|国家|大区|流域|口岸|港口|行业|部门|部|单位"
    r"|企业|公司|工厂|水库|机场|铁路|电站)"
)


def _counts_a_list(text: str, start: int, n: float) -> bool:
    """``福建两省的深圳、珠海、汕头、厦门四个地区``: the numeral counts the ``、`` list just before it (as many items,
    three or more, the last one joined by 、, 和, 及 or 与; the list starts after 的), so it is a count, not a
    numbered slogan (``四个全面``). A pair is left out: ``国内国际两个市场``, ``中央和地方两个积极性`` are formulas."""
    clause = _LIST_CLAUSE.search(text, max(0, start - 80), start)
    if clause is None or "、" not in clause.group():
        return False
    items = clause.group().split("、")
    last = _JOIN_TWO.split(items[-1])
    if len(last) == 2:
        items[-1:] = last
    return len(items) == n >= 3 and all(_LIST_ITEM.fullmatch(item) for item in items[1:])


_LIST_UNITS = frozenset("个 家 所 座 部 处 条".split())


def _counts_listed_things(text: str, start: int, end: int, unit: str | None, n: float) -> bool:
    """A count of the places or bodies listed before it: ``深圳、珠海、汕头、厦门四个地区``."""
    return (
        unit in _LIST_UNITS
        and bool(_LISTED_THINGS.match(text, end))
        and _counts_a_list(text, start, n)
    )


_JOIN_TWO = re.compile(r"和|与|及")


# A span of time is a measured quantity after these (出关时间缩短至1.5小时, 课间时长调整到15分钟).
_DURATION_OF = re.compile(
    r"(?:时间|时长|年限|天数|工期|寿命|周期|用时|耗时|缩短|延长|减少|增加|调整|提高|降低)[至到为了]?$"
)


def _not_a_quantity(text: str, start: int, kind: str, unit: str | None) -> bool:
    """Context before a number with no qualifier: 第三, 前3名, 周一, 两个一百年, 2×2, PM2.5, 一九五三."""
    if start == 0:
        return False
    prev = text[start - 1]
    if prev in ("第", "个"):
        return True
    if prev == "前" and unit not in _TIME_UNITS and (start < 2 or text[start - 2] not in _PRE_TIME):
        return True
    if kind == "ar":
        return prev in _BEFORE_AR
    if kind == "mask":
        return prev in _BEFORE_MASK
    return prev in _BEFORE_CN or text.endswith(_CN_ORDINAL_BEFORE, max(0, start - 2), start)


def _read(
    text: str,
    m: re.Match,
    groups: tuple,
    floor: int,
    prev: _Prev,
    respectively: bool = True,
) -> Metric | None:
    """The metric of one match, or None; qualifiers are read back to ``floor`` (the end of the previous one);
    ``respectively``: whether the text holds 分别 (see :func:`_thing`)."""
    run, pz, ppost, pct1, sep, n2, unit, post = groups
    start, end = m.span()
    pct = pz is not None
    if pct:
        first = _read_number(run[3:])
        if first is None or first.kind in ("mask", "bare"):
            return None
        unit, post, sep, second = "%", ppost, None, None
    else:
        first = _read_number(run)
        if first is None:
            return None
        second = None
        if sep is not None:
            second = _read_number(n2)
            if second is None or second.kind == "bare":
                return None
            if first.mag is None and pct1 is None and second.mag:
                # 10至15万人: the magnitude of the second number applies to the first.
                if first.value is not None:
                    first.value = float(f"{first.value!r}e{_mag_exponent(second.mag)}")
    fkind = first.kind  # (read a dozen times below)
    crossed = False  # 跃上千亿元台阶, 跨上万亿元台阶: 上 is the verb's (a threshold crossed), the number bare
    if (
        fkind == "bare"
        and start
        and text[start - 1] in _PRE_BARE
        and not (crossed := start >= 2 and text[start - 2] in _BARE_NOT_AFTER.get(text[start - 1], ""))
    ):
        pres_start = start - 1
        pieces = [(text[start - 1], start - 1, start)]
    else:
        pres_start = start
        pieces = []
        if start and text[start - 1] in _PRE_LAST:
            tail = _PRE_TAIL.search(text, max(floor, start - 12), start)
            if tail:
                pres_start = tail.start()
                pieces = [
                    (p.group().removesuffix("了"), p.start(), p.end())
                    for p in _PRE_PIECE.finditer(text, tail.start(), start)
                ]
    pres = [p[0] for p in pieces] if pieces else []
    if not pres:
        if (
            fkind == "bare"
            and not (first.surface in "百千" and first.mag and unit)
            and not (crossed and unit and text[start - 1] == "上")
        ) or _not_a_quantity(text, start, fkind, unit):
            return None  # a bare 千 needs a qualifier (近千, 上千人); 百万名 is a quantity
    masked = fkind == "mask" or (second is not None and second.kind == "mask")

    if unit is not None and not pct and unit[0] in _NOT_UNIT_FIRST:
        unit_at = m.start("unit")
        word = _not_unit_at(text, unit_at)
        if len(word) > len(unit) and word.startswith(unit):
            if fkind == "cn" or sep or not first.mag or not set(first.mag) & {"万", "亿"}:
                return None
            unit, post = None, None  # 10万个体工商户: the quantity without its unit
            end = unit_at
    if unit == "对" and end < len(text) and _is_han(text[end]):
        return None  # 对 before a word is a preposition (3对口…), a unit only before punctuation (40对，)
    if unit is None and not pct:
        if sep is not None or (
            fkind == "cn" and not (first.has_magnitude and len(first.surface.rstrip("万亿")) >= 2)
        ):
            return None  # 十万火急, 千家万户: a Chinese numeral needs a unit, unless a long one (三十万)
        if fkind == "cn" and end < len(text) and text[end] in "”」’":
            return None  # “不负十四亿”: inside a slogan
    if (
        fkind in ("cn", "bare")
        and not pres
        and unit is not None
        and (unit == "字" or (_FORMULA_AFTER.match(text, end) and (first.value or 0) <= 12))
    ):
        return None  # 红十字, 十项措施, 三大攻坚战: a name or a numbered slogan, not a count
    if not pres and unit is not None and fkind == "ar" and _THRESHOLD.match(text, end):
        return None  # 50米内换乘: a distance or time within which, not a measured quantity
    if (
        unit == "元"
        and text.startswith(("项", "企", "级", "的", "重"), end)
        and (_SIZE_CLASS_AFTER if post in ("以上", "以下") else _SIZE_CLASS_BARE).match(text, end)
    ):
        return None  # 新上亿元项目57个, 10亿元级项目: a size class of the projects counted, not an amount
    if unit == "元" and text.startswith(("县", "镇"), end) and _SIZE_CLASS_PLACE.match(text, end):
        return None  # 惠州博罗成为生产总值超千亿元县: a size class of the county, not an amount
    if (
        pres
        and pres[-1] in ("超", "超过", "逾")
        and unit not in ("%", "‰")
        and text.startswith("的", end)
        and _BOUND_AFTER_DE.match(text, end)
    ):
        return None  # 全国唯一出生人口超百万的省份: a bound of the places counted (as 20万人口以上的县)
    if (
        (post in _BOUND_POSTS or (unit == "人" and text.startswith("口以", end)))
        and unit is not None
        and unit not in ("%", "‰")
        and _BOUND_OF_BODIES.match(text, end - (len(post) if post else 0))
    ):
        return None  # 覆盖20万人口以上的县, 海拔5000米以上乡镇: a bound of the places counted, not a quantity
    if (
        unit in ("岁", "周岁")
        and post in ("以下", "以上")
        and end < len(text)
        and _is_han(text[end])
    ):
        return None  # 3岁以下婴幼儿: an age bound of the counted people, not a measured quantity
    if fkind == "cn" and not pres and start and text[start - 1] in "“‘「":
        if _QUOTED_TERM_END.match(text, end):
            return None  # “十个新优势”, “三个十大”: a numbered slogan in quotes, not a count
    ins = first.ins  # a list of this call's own (_read_number makes one per number)
    if second is not None:
        ins += second.ins
    if unit in _UNITS_WITH_QUALIFIER:  # 3个多月, 2个多百分点
        ins.append(unit[1])
        unit = "个" + unit[2:]
    if unit == "年" and not ins and not first.mag:
        if second is None and (fkind in ("ar", "mask") and _YEAR.fullmatch(first.surface)):
            return None  # 2023年, 202x年
        if second is not None and all(_YEAR.fullmatch(n.surface) for n in (first, second)):
            return None  # 2019-2023年, xxxx—xxxx年
        if _MONTH_AFTER.match(text, end):
            return None  # 23年3月
    if (
        fkind == "cn"
        and second is None
        and not pct
        and first.value is not None
        and first.value < 10
        and "点" not in first.surface
        and "點" not in first.surface
        and not first.has_magnitude
    ):
        # A single Chinese digit with a classifier is an enumeration or a slogan (七个一, 三会一课, 八项规定,
        # 一个时期) unless a qualifier bounds it (约三成, 超过五年, 两年多); 达到一个新水平, 突破一批 are not
        # quantities either: 一 with a classifier needs 余/多/以上… to count. A count of the places or bodies listed
        # just before it is one (深圳、珠海、汕头、厦门四个地区).
        bounded = ins or post or any(_QUALIFIER_KIND[p] != EXACT for p in pres)
        counted = first.value >= 2 and not _is_han_digit_after(text, end)
        counted = counted and (
            unit in _EVENT_UNITS or _counts_listed_things(text, start, end, unit, first.value)
        )
        doubled = (unit in _RATIO_UNITS or unit == "番") and _CHANGE_BEFORE.search(
            text, max(0, start - 4), start
        )
        if not (bounded or counted or doubled):
            return None  # (两次, 七次, 两批 are counts of events; 增长一倍, 翻两番 are quantities)
        if (
            first.value == 1
            and not (ins or post)
            and unit not in _TIME_UNITS
            and unit not in _RATIO_UNITS
            and unit != "番"
        ):
            return None
    if second is not None and not masked and second.value < first.value:  # type: ignore[operator]
        return None  # 5-3 is no range

    # 近 before a span of time is "the past N" (近3年, 近五年来): not a qualifier, not in the span.
    if unit in _TIME_UNITS and "近" in pres:
        if pres[0] == "近":
            pres_start = pieces[1][1] if len(pieces) > 1 else start
        pres = [p for p in pres if p != "近"]
    start = pres_start
    if pres or ins or post or sep is not None:
        qualifiers = pres + (["至"] if sep is not None else []) + ins + ([post] if post else [])
    else:
        qualifiers = pres  # none (the common case)
    if masked:
        value = low = high = None
    else:
        value = low = first.value
        high = second.value if second is not None else first.value
        for q in qualifiers:
            kind = _QUALIFIER_KIND.get(q)
            if kind == LOW:
                high = None
            elif kind == HIGH:
                low = None
            elif kind == APPROX:
                low = high = None
    if unit == "％":
        unit = "%"
    thing = _thing(
        text, start, end, unit, fkind == "ar" and first.has_magnitude, prev, respectively
    )
    qualifier = "+".join(qualifiers) if qualifiers else None
    kind = "span" if unit in _TIME_UNITS and thing is None else "quantity"
    # Metric(...) without the frozen dataclass's object.__setattr__ per field (3x faster), its dict set whole
    # in the fields' order (no keyword dict built and copied by update)
    metric = _new(Metric)
    _set(
        metric,
        "__dict__",
        {
            "start": start,
            "end": end,
            "text": text[start:end],
            "value": value,
            "low": low,
            "high": high,
            "qualifier": qualifier,
            "unit": unit,
            "masked": masked,
            "thing": thing,
            "kind": kind,
        },
    )
    return metric


_new = object.__new__
_set = object.__setattr__


_GROUPS = tuple(
    _PATTERN.groupindex[g] for g in ("n1", "pz", "ppost", "pct1", "sep", "n2", "unit", "post")
)
# they are all the pattern's groups, in order: find_metrics reads them with ``m.groups()`` (one call, no
# argument tuple: cheaper than ``m.group(*_GROUPS)`` on 12,000 matches of the State Council corpus)
assert _GROUPS == tuple(range(1, _PATTERN.groups + 1)), "find_metrics reads m.groups()"


# units after which a single Chinese digit is read in full (find_metrics' fast exit skips the others)
_COUNTED_UNITS = _UNITS_WITH_QUALIFIER | _EVENT_UNITS | _RATIO_UNITS


def find_metrics(text: str) -> list[Metric]:
    """Every quantity in ``text``, in order and non-overlapping (see the module docstring).

    >>> [(m.text, m.value, m.qualifier, m.unit, m.thing) for m in find_metrics("宣讲队已开展宣讲30余场次，受众1.3万人。")]
    [('30余场次', 30.0, '余', '场次', '宣讲'), ('1.3万人', 13000.0, None, '人', '受众')]
    >>> [(m.text, m.low, m.high) for m in find_metrics("累计发放近千份，增长5%以上")]
    [('近千份', None, 1000.0), ('5%以上', 5.0, None)]
    """
    found: list[Metric] = []
    floor = 0
    prev: _Prev = (0, None, 0, None)
    # (32 of the 72 State Council reports hold no 分别: then no window before a quantity is searched for it)
    respectively = "分别" in text
    spaced = " %" in text or " ％" in text
    for m in (_PATTERN_SPACED if spaced else _PATTERN).finditer(text):
        if spaced and _DIGITS_APART.match(text, max(0, m.start() - 2), m.start()):
            continue  # 5 6 %, 1 9 9 7 年: digits printed apart, their last one alone is no number
        groups = m.groups()  # (= m.group(*_GROUPS))
        run, _, _, _, sep, _, unit, post = groups
        # Fast exits for the commonest non-quantities: 一个, 五年 with no qualifier around; 1956年, 一九五六年.
        if len(run) == 1:
            if (
                run in _CN_DIGITS
                and post is None
                and sep is None
                # 3个多月; 两次, 七次 (counts of events); 增长一倍 (the change before makes it a quantity)
                and unit not in _COUNTED_UNITS
                and not (  # 深圳、珠海、汕头、厦门四个地区: a count of the list before it, read in full
                    unit in _LIST_UNITS
                    and _LISTED_THINGS.match(text, m.end())
                    and text.find("、", max(0, m.start() - 80), m.start()) >= 0
                )
            ):
                start = m.start()
                if not start or text[start - 1] not in _PRE_LAST:
                    continue
        elif unit == "年" and len(run) == 4 and (run.isdigit() or not run.strip(_CN_DIGITS)):
            continue
        metric = _read(text, m, groups, floor, prev, respectively)
        if (
            metric is not None and metric.start >= floor
        ):  # a qualifier read backwards never overlaps
            found.append(metric)
            floor = metric.end
            if metric.kind == "quantity":
                prev = (floor, metric.thing, 0, None)
            else:  # a span of time: the quantity before it is kept for a clause that opens with it
                prev = (floor, metric.thing, prev[0], prev[1])
    if "分之" in text:
        found = _with_fractions(text, found, respectively)
    if respectively and found:
        _things_of_earlier_quantities(text, found)
    return found


# A fraction in Chinese numerals (三分之二, 四分之一以上), not 百分之 (read by the pattern) nor inside a longer numeral.
_FRACTION = re.compile(
    r"(?<![百千万亿零〇一二三四五六七八九十两几])([一二三四五六七八九十两]{1,3})分之([一二三四五六七八九十]{1,3})"
    r"(以上|以下|左右)?"
)


def _with_fractions(text: str, found: list[Metric], respectively: bool) -> list[Metric]:
    """``found`` with the fractions of ``text`` that no quantity covers, in order: a share, value in percent
    (``三分之二的公园`` → 66.67, unit ``%``, thing ``公园``; ``减少三分之一以上``); not ``四分之一世纪``, ``最后四分之一时间``
    (spans of time)."""
    out = list(found)
    at = text.find("分之")
    while at >= 0:  # (a scan for 分之 in C: the pattern alone would be tried at every character)
        f = _FRACTION.search(text, max(0, at - 3), at + 10) if at and text[at - 1] != "百" else None
        at = text.find("分之", at + 2)
        if f is None:
            continue
        start, end = f.span()
        den, num = _cn_value(f.group(1)), _cn_value(f.group(2))
        if text.startswith(("世纪", "时间"), end) or not den or num > den:
            continue
        pres: list[str] = []
        if start and text[start - 1] in _PRE_LAST:
            tail = _PRE_TAIL.search(text, max(0, start - 12), start)
            if tail:
                pres = [p.group().removesuffix("了") for p in _PRE_PIECE.finditer(text, tail.start(), start)]
                start = tail.start()
        if any(m.start < end and start < m.end for m in out):
            continue
        before = [m for m in out if m.end <= start and m.kind == "quantity"]
        prev: _Prev = (before[-1].end, before[-1].thing, 0, None) if before else (0, None, 0, None)
        value = low = high = 100 * num / den
        qualifiers = pres + ([f.group(3)] if f.group(3) else [])
        for q in qualifiers:
            kind = _QUALIFIER_KIND.get(q)
            if kind == LOW:
                high = None
            elif kind == HIGH:
                low = None
            elif kind == APPROX:
                low = high = None
        metric = Metric(
            start,
            end,
            text[start:end],
            value,
            low,
            high,
            "+".join(qualifiers) or None,
            "%",
            False,
            _thing(text, start, end, "%", False, prev, respectively),
        )
        out.insert(bisect_right([m.start for m in out], start), metric)
    return out


def _things_of_earlier_quantities(text: str, found: list[Metric]) -> None:
    """``新建改造城市道路4767公里，更新改造地下管网1.8万公里，较“十三五”时期分别增长4.8%、50%``: where the clause of
    分别 names no list of subjects, the j-th of the k quantities after it measures the thing of the j-th of the k
    quantities of the sentence's clauses before it (exactly k, each with a thing, or the last k when a clause break
    parts them from the sentence's earlier ones; in place)."""
    quantities: list[Metric] = []
    starts: list[int] = []
    for m in _JOINED_AFTER.finditer(
        text
    ):  # 分别 and a joiner in its clause (two quantities need one)
        if not quantities:
            quantities = [x for x in found if x.kind == "quantity"]
            starts = [x.start for x in quantities]
        _list_after(text, m.start(), quantities, starts)


def _list_after(text: str, at: int, quantities: list[Metric], starts: list[int]) -> None:
    """:func:`_things_of_earlier_quantities` for the 分别 at ``at``."""
    k = bisect_right(starts, at)
    if k == len(quantities):
        return
    first = quantities[k]
    if _BREAK_IN.search(text, at, first.start):
        return  # the list after 分别 starts in its clause
    items = [first]
    for m in quantities[k + 1 :]:  # the list after 分别: quantities joined by 、, 和, 及, 与
        if text[items[-1].end : m.start] not in ("、", "和", "及", "与", "，"):
            break
        items.append(m)
    if len(items) < 2:
        return
    m = _LAST_SENTENCE_BREAK.match(text, max(0, at - 160), at)
    sentence = m.end() if m else max(0, at - 160)
    m = _LAST_PHRASE_BREAK.match(text, sentence, at)
    clause = m.end() if m else sentence
    head = text[clause:at]
    if "、" in head or _JOIN_TWO.search(head):
        return  # 事故起数、死亡人数分别…: _respectively reads the list
    before = quantities[bisect_left(starts, sentence) : k]
    if len(before) > len(items) and _BREAK_IN.search(
        text, before[-len(items) - 1].end, before[-len(items)].start
    ):  # 经济总量跃上千亿元台阶，…生产总值1097亿元、…税费收入144.8亿元，较2015年分别增长: the clause(s) just before
        before = before[-len(items) :]
    if len(before) != len(items) or before and before[-1].end > clause:
        return
    if head and _clause_subject(head) is not None:
        return  # 城乡居民人均可支配收入分别增长: the clause names its subject
    if all(x.thing for x in before):
        for m, x in zip(items, before):
            m.__dict__["thing"] = x.thing
