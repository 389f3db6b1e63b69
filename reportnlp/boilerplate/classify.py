"""Decide, for every raw line of a page, keep / drop / title / meta, and why.

Two passes, as jusText does: first each line alone (:mod:`.rules`), then in context:

* the **tail zone**: from the first footer line (copyright, ICP, disclaimer, paywall, licence footer,
  related links …) after which no body prose follows, every line is furniture;
* the **head zone**: before the first body line, short unpunctuated lines are navigation;
* the **title**: the best title-like line before the body (repeated on the page, or echoed in a breadcrumb,
  or followed by the metadata line); its later copies are dropped as repeated titles;
* the **corpus**: lines repeated across many documents of one run are dropped unless they read as prose
  (CCNet's idea, see :mod:`reportnlp.boilerplate.corpus`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Optional

from reportnlp import codes
from reportnlp.boilerplate.corpus import line_key
from reportnlp.boilerplate.revise import revise
from reportnlp.boilerplate.rules import (
    CONTINUES,
    COUNTER_WORDS,
    CREDIT_BAR,
    CREDIT_INITIALS,
    DATELINE,
    DATELINE_END,
    DATELINE_START,
    DOC_NUMBER,
    HAN,
    HEADING_START,
    NUMBERED_TITLE_END,
    PERSON_NAME,
    SENTENCE_PUNCT,
    SITE_IDENTITY,
    SPEAKER_OFFICE,
    SPEAKER_TAIL,
    browser_title,
    ends_sentence,
    is_date_line,
    is_heading,
    is_link_list,
    is_long_prose,
    is_meta_line,
    is_prose,
    letter_spaced,
    line_rule,
)
from reportnlp.types import LineDecision, new_decision  # noqa: F401 (used by the doctests)

#: Reasons after which a page's body is over when no prose follows.
FOOTER_REASONS = frozenset(
    {
        codes.R_LICENSE_FOOTER,
        codes.R_COPYRIGHT,
        codes.R_ICP,
        codes.R_POWERED_BY,
        codes.R_DISCLAIMER,
        codes.R_PAYWALL,
        codes.R_RECOMMEND,
        codes.R_RELATED,
        codes.R_CONTACT,
        codes.R_ORGANISER,
    }
)
#: Rules a metadata line overrides ("来源:网络整理 免责声明:…" carries the source).
_META_OVERRIDES = frozenset(
    {
        codes.R_DISCLAIMER,
        codes.R_SHARE,
        codes.R_VISITOR,
        codes.R_SITE_PROMO,
        codes.R_NAV,
        codes.R_COUNTER,  # ``时间：2026-02-02`` is a date, not a counter
        codes.R_UI_CONTROLS,  # ``2015-03-19 09:46:13 回复``
        codes.R_NOISE,  # ``[ 2024-01-15 ]``: a date in brackets, mostly digits and marks
    }
)

#: Rules that short fragments of body text can trip (a subscript 2, a hyperlinked 微信 or place list).
_WEAK_RULES = frozenset(
    {
        codes.R_PAGE_NUMBER,
        codes.R_SHARE,
        codes.R_NAV,
        codes.R_PLACE_LIST,
        codes.R_VISITOR,
        codes.R_UI_CONTROLS,
        codes.R_COUNTER,
        codes.R_SEPARATOR,
        codes.R_MEDIA_PLACEHOLDER,
    }
)


#: Headers of link lists whose items follow on lines of their own.
_LIST_HEADERS = frozenset({codes.R_RECOMMEND, codes.R_RELATED})

_TITLE_WORDS = re.compile(
    r"(?:报告|汇报|总结|讲话|发言|致辞|意见|通知|方案|决定|决议|计划|规划|纲要|情况|工作|行动|活动|公报|办法|措施|调研|心得|体会)"
)

_MASK_OR_SPACE = re.compile(r"[*＊×✕○_\s\u3000]+")


def _unmasked(t: str) -> str:
    """*t* without mask characters and spaces: a template site prints its title once bare (``在县第十八届…``)
    and once masked (``在**县第十八届…``)."""
    return _MASK_OR_SPACE.sub("", t)


def _masked_copy(t: str, bare_title: str) -> bool:
    """*t* is the title once its masks and spaces are gone. Its last character settles most lines: a line
    that ends in a character other than the title's last must end in a mask or a space to be a copy (a
    paragraph's 。 does not), without running the substitution over every paragraph."""
    if t[-1] != bare_title[-1] and not _MASK_OR_SPACE.match(t[-1]):
        return False
    return _unmasked(t) == bare_title


_SPACES = re.compile(r"[\s\u3000]+")
#: A short note in brackets after a heading (``（2026年）``, ``(全文)``).
_NOTE = r"[(（][^()（）]{1,12}[)）]"
# (no leading ``\s*``: tried at every space of a long run, it took time quadratic in the run; the spaces go anyway)
_TRAILING_NOTE = re.compile(_NOTE + r"\s*$")
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]{4,}")


@lru_cache(maxsize=8)
def _title_core(title: str) -> str:
    """The title without its spaces and a closing note in brackets, once per page (not per line)."""
    return _SPACES.sub("", _TRAILING_NOTE.sub("", title))


def _unspaced(t: str) -> str:
    """*t* as its word when it is a heading spaced a letter apart (``政 府 工 作 报 告`` → ``政府工作报告``), else *t*."""
    return "".join(t.split()) if " " in t and letter_spaced(t) else t


def _document_heading(t: str, title: str) -> bool:
    """*t* is the document's own name under a headline that adds its year, place or a note to it: a copy of
    the title, dropped as one (the text path and the HTML path alike; else a second ``clean`` reads it as
    the title).

    >>> _document_heading("政 府 工 作 报 告", "2026年湖南省政府工作报告"), _document_heading("重庆市人民政府工作报告", "重庆市人民政府工作报告（2026年）")
    (True, True)
    >>> _document_heading("工作报告", "2026年政府工作报告的解读"), _document_heading("2026年", "2026年政府工作报告")
    (False, False)
    """
    bare = _SPACES.sub("", t)
    if not _HAN_WORD.fullmatch(bare):
        return False
    return _title_core(title).endswith(bare)


#: What a line that goes on from the line before it opens with (``论联合政府`` / ``的版本包括：``).
_GOES_ON = frozenset("的之和与及、，,。；;：:")


def _continued(texts: Sequence[str], filled: Sequence[int], i: int) -> bool:
    """The next non-blank line after line *i* goes on with *i*'s sentence: *i* is no heading of its own."""
    k = bisect_right(filled, i)
    return k < len(filled) and texts[filled[k]][:1] in _GOES_ON


def _strong_body(line: str) -> bool:
    return is_prose(line, 50) and not is_link_list(line)


def _short_body(line: str) -> bool:
    """A sentence of 20+ characters with two clauses (``不过，近日关于险资护盘传言不断，会议或与险资权益类配置有关。``):
    the body of a page that has no longer paragraph."""
    return (
        len(line) >= 20 and line.endswith(("。", "！", "？")) and len(_CLAUSES.findall(line)) >= 2
    )


_CLAUSES = re.compile(r"[，。；！？]")


_NUMERALS = "一二三四五六七八九十"


def _lone_numerals(texts: list[str], filled: list[int]) -> frozenset[int]:
    """Lines that are a bare Chinese numeral numbering the page's sections in order (``一``, ``二`` …).

    A column's parts are often headed by a numeral alone; the first one stands above the body's first
    prose and would read as a stray navigation label. Only a run that starts at 一 and counts on, with
    prose between each numeral and the next, counts (``一 二 三`` on lines of their own is a pager).

    >>> prose = "自己购车自己雇司机的神州租车今日发起了一个营销活动。"
    >>> sorted(_lone_numerals(["一", prose, "二", prose], [0, 1, 2, 3]))
    [0, 2]
    >>> sorted(_lone_numerals(["一", "二", "三", "刷单是Uber中国的危机？"], [0, 1, 2, 3]))
    []
    """
    found = [i for i in filled if len(texts[i]) == 1 and texts[i] in _NUMERALS]
    if not found:
        return frozenset()
    below = dict(zip(filled, filled[1:]))  # the next non-blank line

    def heads_prose(i: int) -> bool:
        # prose or a sentence right under it (``神州可以说是犯了众怒。``), not only somewhere before the next
        # numeral: the lines between may be dropped, and the numerals of the cleaned text would then stand
        # together, a pager's shape
        return i in below and (is_prose(texts[below[i]], 20) or ends_sentence(texts[below[i]]))

    run: list[int] = []
    for i in found:
        if len(run) == len(_NUMERALS) or texts[i] != _NUMERALS[len(run)]:
            break
        if run and not heads_prose(run[-1]):
            break
        run.append(i)
    if len(run) >= 2 and not heads_prose(run[-1]):
        run.pop()  # the last numeral heads no prose
    return frozenset(run) if len(run) >= 2 else frozenset()


def _clean_spacing(filled: Sequence[int]) -> bool:
    """The non-blank lines stand exactly one blank line apart, as in ``clean``'s output (a page's text seldom
    does: ``区政府…工作 2019-12-17`` / blank / `` `` / blank / ``20191217日,…``).

    >>> _clean_spacing([0, 2, 4]), _clean_spacing([0, 4]), _clean_spacing([0])
    (True, False, True)
    """
    return all(b - a == 2 for a, b in zip(filled, filled[1:]))


def decide_lines(
    lines: Sequence[str],
    *,
    title_hint: Optional[str] = None,
    corpus_counts: Optional[Mapping[int, int]] = None,
    corpus_min_docs: int = 5,
    corpus_keys: Optional[Sequence[int]] = None,
    collect: Optional[list] = None,
    indented: bool = False,
) -> list[LineDecision]:
    """One :class:`LineDecision` per line (1-based), blank lines included with action ``blank``.

    ``lines`` are the normalised lines of one page (same count and order as the raw lines).
    ``title_hint`` is a title known from elsewhere (a JSONL ``title`` field); ``corpus_counts`` maps a
    line's key to the number of documents of the run that contain it; ``corpus_keys`` are the keys of
    ``lines`` (by default the stripped lines themselves). ``indented``: the page's text lines were indented before
    normalising (no cleaned text is). ``collect``: a list that receives
    ``(rows, features, actions, reasons)`` of the decisions (the line-model experiment of
    ``bench/train_lines.py``; features are computed only then).

    >>> [d.action for d in decide_lines(["关于全市理论宣讲工作汇报", "", "时间:2024-02-09 来源:网友投稿",
    ...     "多年来,全市致力形成理论宣讲的最强分贝、最大成效,大胆探索、勇于创新,成效明显,群众满意。",
    ...     "版权所有:上派范文网 2010-2024"])]
    ['title', 'blank', 'meta', 'keep', 'drop']
    """
    n = len(lines)
    texts = [ln.strip() for ln in lines]
    # a page whose text lines are indented is no cleaned text (``clean`` writes none): its first line may be
    # its headline however its lines are spaced (see :func:`_lead_headline`)
    indented = indented or is_indented(lines)
    # A list marker is layout, not text: ``• 政府工作报告`` / ``• ——2001年2月16日在…会议上``, ``- 2012年04月16日``,
    # ``| 市十六届人大一次会议昨开幕 |`` (a table row of one cell); in a run of three or more lines marked
    # alike it marks a menu's items, and stays.
    mark = {
        i: t[0] for i, t in enumerate(texts) if t[:1] in _MARKERS and _unmarked_line(t) != t
    }  # most pages have none: one pass over the first characters
    for i, c in mark.items():
        before = mark.get(i - 1) == c
        after = mark.get(i + 1) == c
        if not (
            (before and (after or mark.get(i - 2) == c)) or (after and mark.get(i + 2) == c)
        ):  # one or two marked lines are text
            texts[i] = _unmarked_line(texts[i])
    # a line's end that is layout too: a table row's empty cells (``北京市十二届人大二次会议今天开幕 | |||||``), and a
    # glyph a converted document lost, printed as `` ?`` (``荣县人民政府县长 郑小清 ?``)
    for i in [i for i, t in enumerate(texts) if t[-1:] in _END_MARKS and t[:1] not in _MARKERS]:
        t = texts[i]
        if t[-1] in "?？":
            if len(t) > 2 and t[-2] in " \u3000":
                texts[i] = t[:-1].rstrip()
        else:
            texts[i] = _unmarked_line(t)
    rule: list[Optional[str]] = [None] * n
    meta = [False] * n
    # Prose (40+ characters with a full stop or two commas) and headings numbered 一、/（一） are read
    # by the rules only where furniture can be: at the page's edges
    # (resolved below while the head and tail are found). In the body it is body, unread: cheaper, and a
    # report paragraph that quotes "仅供参考" is not a disclaimer.
    deferred = [False] * n

    dateline = [
        False
    ] * n  # a speech's own dateline: part of the document (``——2026年1月27日在…会议上``)

    def resolve(i: int) -> None:
        t = texts[i]
        deferred[i] = False
        # the line above, blank lines skipped (a dateline's two halves may stand a blank line apart)
        up = i - 1 if i and texts[i - 1] else (i - 2 if i > 1 and not texts[i - 1] and texts[i - 2] else -1)
        after_dateline = up >= 0 and dateline[up]
        if (t[0] in _DATELINE_INITIALS or after_dateline) and (
            DATELINE.match(t)
            or (DATELINE_START.match(t) or (after_dateline and DATELINE_END.match(t)))
            and not _SPEAKER_TAIL.search(t)
        ):
            dateline[i] = True
            return
        r = line_rule(t)
        # an official document's number (发文字号) is metadata wherever it stands: meta.doc_number
        m = (
            r == codes.R_DOC_NUMBER
            or (is_meta_line(t) and (r is None or r in _META_OVERRIDES))
            or (r == codes.R_SPACED_MENU and t[:1] in CREDIT_INITIALS and bool(CREDIT_BAR.match(t)))
        )  # ``记者 | 徐振鑫 于继镔 李海鑫``: a credit whose names are spaced like a menu
        meta[i] = m
        rule[i] = None if m else r

    filled = [i for i, t in enumerate(texts) if t]  # the non-blank lines
    heading = [False] * n
    lone = _lone_numerals(texts, filled)
    for i in filled:
        t = texts[i]
        heading[i] = is_heading(t) or i in lone
        if (is_long_prose(t) or (len(t) >= 4 and _CN_HEADING.match(t))) and not (
            t.endswith(_CAPTION_ENDS) or t.startswith(_NOTE_STARTS)
        ):
            deferred[i] = True
        else:
            resolve(i)

    # A document whose lines a converter broke into words and numbers (a 文库 page's PDF text: ``XX`` /
    # ``镇`` / ``2023`` / ``年政府工作报告``) is text however short its lines: weak rules do not read it.
    # A bare number after a finished sentence or a heading stays a page or list number (``1.`` / ``3``):
    # the cleaned text joins the fragments into paragraphs, where such a number stands alone again.
    broken = broken_text_runs(texts, filled)
    prev = ""
    for i in filled:
        if i in broken and rule[i] in _WEAK_RULES and not (
            rule[i] == codes.R_PAGE_NUMBER and (ends_sentence(prev) or is_heading(prev))
        ):
            rule[i] = None
        prev = texts[i]
    # A short "rule" hit inside a broken sentence is a piece of that sentence ("广义货币M" / "2" / "和…").
    # Where only the line above runs on into it, the rule comes back if that line is not kept after all
    # (a title: the clean text, cleaned again, has no line above it to run on from).
    run_in_only: dict[int, str] = {}
    for i in filled:
        if (
            rule[i] in _WEAK_RULES
            and 0 < i < n - 1
            and texts[i + 1]
            and (rule[i + 1] is None or texts[i + 1][:1] in CONTINUES)
            and _in_sentence(texts, rule, i, meta)
        ):
            if not _in_sentence(texts, rule, i, meta, runs_in=False):
                run_in_only[i] = rule[i]
            rule[i] = None

    def plain(i: int) -> bool:  # a non-blank line no rule claimed
        return bool(texts[i]) and rule[i] is None and not meta[i]

    # --- tail zone: after the first footer line with no strong body line after it ---------------------
    tail = n
    last_body = -1  # the last strong body line: the body's core ends there
    for i in range(n - 1, -1, -1):
        if deferred[i]:
            resolve(i)
        if plain(i) and _strong_body(texts[i]):
            last_body = i
            break
        if rule[i] in FOOTER_REASONS:
            tail = i
    if last_body < 0:  # no paragraph of 50+ characters: a short news item's sentences end the tail
        tail = n
        for i in range(n - 1, -1, -1):
            if plain(i) and _short_body(texts[i]):
                last_body = i
                break
            if rule[i] in FOOTER_REASONS:
                tail = i
    # --- body start: the first line that reads as prose or a numbered heading --------------------------
    body = tail
    for i in range(tail):
        if deferred[i]:
            resolve(i)
        t = texts[i]
        if plain(i) and (is_prose(t, 40) or heading[i] or t.endswith("。") or i in broken):
            if i == filled[0] and i + 1 < tail and _DATED_HEADLINE.match(t) and not _clean_spacing(filled):
                continue  # the page's first line is its headline with its date (``…研究部署…工作 2019-12-17``)
            body = i
            break
    body, headline = _below_slogan(texts, filled, rule, meta, deferred, heading, body, tail, resolve)
    body = _first_section(texts, filled, rule, meta, body, tail)
    # --- rules read only at the page's edges: inside the body's core, a line of spaced words may be
    # a list of values (富强 民主 文明 …), and a count without a counter's word a figure (粮食 142 万吨)
    core_end = next((i for i in reversed(filled) if plain(i) and is_prose(texts[i], 20)), -1)
    for i in filled:
        if body < i < core_end and (
            rule[i] == codes.R_SPACED_MENU
            or (rule[i] == codes.R_COUNTER and not COUNTER_WORDS.search(texts[i]))
        ):
            rule[i] = None
    # --- header of a speech: dateline, speaker's office and name -------------------------------------
    # and the values of a metadata table whose labels stand on lines of their own (索引号： / 11450…)
    prev_header = False
    prev_label = False
    for i in range(headline, body):  # below a slogan's headline only: above it is the site's header
        t = texts[i]
        if not t:
            continue
        header = (
            plain(i)
            and not t.endswith((":", "："))
            and not dateline[i]
            and bool(
                SPEAKER_OFFICE.match(t)
                or (prev_header and PERSON_NAME.match(t))
                or (prev_label and len(t) <= 40)
            )
        ) or (
            prev_label
            and len(t) <= 40
            and rule[i] in _WEAK_RULES
            and rule[i] != codes.R_MEDIA_PLACEHOLDER  # ``20240122001.jpg`` under ``作者:``: an image's name
        )  # a label's value on its own line
        if header:
            rule[i] = None
        meta[i] = meta[i] or header
        # a post's header with its clock time (``http://www.sina.com.cn 2009年11月09日13:56 新浪娱乐``) heads no
        # speech: the short word under it (``海报``) is no speaker's name
        prev_header = dateline[i] or (meta[i] and (header or not _CLOCK.search(t)))
        prev_label = meta[i] and t.endswith((":", "："))
    # The items under a "相关新闻" / "热门推荐" header: short unpunctuated lines, up to the next prose.
    # (a header in the page head is a menu: the head zone takes it)
    for i in filled:
        if i <= body or rule[i] not in _LIST_HEADERS:
            continue
        items = 0
        for j in range(i + 1, min(n, i + 40)):
            t = texts[j]
            if not t or rule[j] is not None or meta[j]:
                continue
            if deferred[j] or len(t) > 40 or t.endswith("。") or heading[j] or items >= 15:
                break
            rule[j] = codes.R_RELATED_ITEM
            items += 1

    # --- title --------------------------------------------------------------------------------------
    title_lines = _pick_title(
        texts, filled, heading, rule, meta, body, title_hint, has_body=body < tail
    )
    title_text = (
        "".join(texts[i] for i in title_lines) if title_lines else (title_hint or "").strip()
    )

    bare_title = _unmasked(title_text) if title_text else ""  # its masked copies match it bare
    # --- first pass: each line by its rules and its zone -------------------------------------------
    actions = [codes.BLANK] * n
    reasons = [codes.R_BLANK] * n
    for i in filled:
        t = texts[i]
        if i in title_lines:
            action, reason = codes.TITLE, codes.R_TITLE
        elif meta[i]:
            action, reason = codes.META, codes.R_META
        elif rule[i] is not None:
            action, reason = codes.DROP, rule[i]
        elif title_text and (
            t == title_text or (len(t) >= len(bare_title) > 0 and _masked_copy(t, bare_title))
        ):
            action, reason = codes.DROP, codes.R_REPEATED_TITLE  # also a masked copy (在**县… / 在县…)
        elif (
            title_text
            and i < body
            and _document_heading(t, title_text)
            and not _continued(texts, filled, i)
        ):
            action, reason = codes.DROP, codes.R_REPEATED_TITLE  # 政府工作报告 under 2026年X省政府工作报告
        elif title_text and i < body and _browser_title(t, title_text, title_lines, i):
            action, reason = codes.DROP, codes.R_BROWSER_TITLE
        elif i >= tail:
            action, reason = codes.DROP, codes.R_TAIL_ZONE
        elif (
            i < body < tail  # a page with no body prose has no navigation to tell apart
            and not is_prose(t, 20)
            and not heading[i]
            and (
                (title_lines and i < title_lines[0])  # above the title: the site's header
                or (not SENTENCE_PUNCT.search(t) and (len(t) <= 12 or is_link_list(t)))
            )
            and not _in_sentence(texts, rule, i)
        ):
            action, reason = codes.DROP, codes.R_HEAD_ZONE
        elif (
            corpus_counts is not None
            and not is_prose(t, 20)
            and not heading[i]
            and not ends_sentence(t)  # cheap tests first: the line's key is hashed only here
            and corpus_counts.get(corpus_keys[i] if corpus_keys else line_key(t), 0)
            >= corpus_min_docs
            and _standalone(texts, i)
            # inside the body only symbols go ("↑"); a repeated heading such as 结束语 is the genre's
            and (i < body or i > last_body or not HAN.search(t))
        ):
            action, reason = codes.DROP, codes.R_CORPUS_REPEATED
        else:
            action, reason = codes.KEEP, codes.R_BODY
        actions[i], reasons[i] = action, reason
    # --- a site's summary above the text: an AI-written one, or one that repeats the text's opening ------
    _summaries(texts, filled, actions, reasons)
    _headline_part_caption(texts, filled, actions, reasons)
    _caption_series(texts, filled, actions, reasons)
    # --- repeated blocks: a copy of lines the page already holds (the article printed twice) -------
    _repeated_blocks(texts, filled, actions, reasons)
    # --- a table of contents: numbered lines whose headings follow further down ---------------------
    _contents_list(texts, filled, heading, actions, reasons)
    # --- second pass: each line among its neighbours ------------------------------------------------
    revise(texts, filled, heading, actions, reasons, body_lines=broken)
    # --- features of the candidate lines, for the line-model experiment only (bench/train_lines.py) -----
    if collect is not None:  # training data for bench/train_lines.py only: never on clean's path
        from reportnlp.boilerplate.features import PageState, candidates, line_features

        corpus = (
            [
                bool(texts[i])
                and corpus_counts.get(corpus_keys[i] if corpus_keys else line_key(texts[i]), 0)
                >= corpus_min_docs
                for i in range(n)
            ]
            if corpus_counts is not None
            else []
        )
        page = PageState(
            texts, filled, rule, meta, heading, deferred, actions, reasons,
            body, tail, core_end, title_text, corpus, dateline,
        )  # fmt: skip
        rows = candidates(page)
        if rows:
            collect.append((rows, line_features(page, rows), list(actions), list(reasons)))
    first_prose = next(
        (i for i in filled if actions[i] == codes.KEEP and is_prose(texts[i], 20)), n
    )
    for k, i in enumerate(filled):
        if dateline[i] and actions[i] != codes.TITLE:
            actions[i], reasons[i] = codes.KEEP, codes.R_BODY
        # the speech's date in brackets under its dateline and speaker (``——在…会议上`` / ``旗长 X`` /
        # ``(2022年1月5日)``): the dateline's end, part of the document
        elif (
            actions[i] == codes.META
            and 1 <= k
            and texts[i][:1] in "(（"
            and _BRACKET_DATE.fullmatch(texts[i])
            and (
                dateline[filled[k - 1]]  # (the cleaned text: the speaker's line is metadata, gone)
                or _SPEAKER_TAIL.search(texts[filled[k - 1]])
                and any(dateline[j] for j in filled[max(0, k - 4) : k - 1])
            )
        ):
            actions[i], reasons[i] = codes.KEEP, codes.R_BODY
        # a date alone below the text is the document's own (its written date), not the page's
        elif i > first_prose and actions[i] == codes.META and is_date_line(texts[i]):
            actions[i], reasons[i] = codes.KEEP, codes.R_BODY
        # a header's date with a widget's words on its line (``2023-04-25 15:10:15 第一文档网 [ 文档下载 ]``,
        # ``时间:2019-05-14 10:45:55下载本文作者:会员上传``): the page's date, so metadata
        # a name alone right above an article's abstract (``馬東霄`` / ``摘 要 技術技能人才…``): its author
        elif (
            actions[i] in (codes.DROP, codes.KEEP)
            and i < first_prose
            and PERSON_NAME.match(texts[i])
            and (k := bisect_right(filled, i)) < len(filled)
            and _ABSTRACT.match(texts[filled[k]])
        ):
            actions[i], reasons[i] = codes.META, codes.R_META
        elif (
            i < first_prose
            and actions[i] == codes.DROP
            and reasons[i] in _WIDGET_REASONS
            and _DATE_HEAD.match(texts[i])
        ):
            actions[i], reasons[i] = codes.META, codes.R_META
    # --- the title again, among the final decisions, with the browser title as evidence ----------------
    if not title_hint:
        _retitle(texts, filled, heading, dateline, actions, reasons, title_lines, indented)
        _split_heading(texts, filled, actions, reasons, title_lines)
        _top_heading_in_pieces(texts, filled, actions, reasons, title_lines)
        _headline_above(texts, filled, actions, reasons, title_lines)
        _headline_over_deck(texts, filled, actions, reasons, title_lines)
        _heading_under_its_organ(texts, filled, actions, reasons, title_lines)
        _first_copy_titles(texts, filled, actions, reasons)

    # a photo page's captions are its text: where nothing else is kept, they stay (the two captions of a
    # session's opening, ``1月24日,…李强作政府工作报告。 中新社记者 张茵 摄``, and nothing more), kept with
    # their reason: ``clean`` reads it to keep them when it reads the rebuilt paragraphs again
    if codes.KEEP not in actions and codes.R_PHOTO_CAPTION in reasons:
        for i in filled:
            if reasons[i] == codes.R_PHOTO_CAPTION:
                actions[i] = codes.KEEP
    for i, weak in run_in_only.items():
        if actions[i] == codes.KEEP and actions[i - 1] != codes.KEEP:
            actions[i], reasons[i] = codes.DROP, weak

    out: list[LineDecision] = []
    prev_kept = -2
    keep, caption = codes.KEEP, codes.R_PHOTO_CAPTION
    make, add = object.__new__, out.append  # new_decision inlined: a call less for each of a page's lines
    for i in range(n):
        action, reason = actions[i], reasons[i]
        if action == keep:
            if heading[i]:
                reason = codes.R_HEADING
            elif reason == caption:
                pass  # a photo page's caption, kept as its text (above)
            elif prev_kept == i - 1 and not ends_sentence(texts[i - 1]):
                reason = codes.R_CONTINUATION
            prev_kept = i
        decision = make(LineDecision)
        decision.__dict__.update(line=i + 1, action=action, reason=reason, text=lines[i])
        add(decision)
    return out


def title_text(decisions: Sequence[LineDecision]) -> Optional[str]:
    """The page's title as text: its title lines joined; when that is the browser title (the page's first
    line) with the site's name, the headline alone (``海口市…会议开幕[图]_天天快资讯`` gives ``海口市…会议开幕[图]``).

    >>> title_text([new_decision(1, codes.TITLE, codes.R_TITLE, "2026年湖南省政府工作报告-湖南省人民政府门户网站"),
    ...     new_decision(2, codes.KEEP, codes.R_BODY, "各位代表：")])
    '2026年湖南省政府工作报告'
    """
    rows = [d for d in decisions if d.action == codes.TITLE]
    if len(rows) == 1 and (
        ends := [d for d in decisions[rows[0].line : rows[0].line + 4] if d.reason == codes.R_TITLE and d.action == codes.DROP]
    ):
        rows += ends  # a heading's end broken off under its first line (:func:`_heading_under_its_organ`)
    if len(rows) == 1 and (m := _NUMBERED_TITLE.fullmatch(rows[0].text.strip())):
        return m.group(2)  # the title without its document's number (that is ``doc_number``)
    if len(rows) == 1 and rows[0].text.rstrip().endswith(("号)", "号）")):
        if m := NUMBERED_TITLE_END.fullmatch(rows[0].text.strip()):
            return m.group(1)  # ``…的通知(岳办发〔2017〕2号)``: the number is ``doc_number``
    if len(rows) == 1:
        texts = [d.text.strip() for d in decisions]
        b_idx, headline, site = browser_title(texts, [i for i, t in enumerate(texts) if t])
        if site and b_idx == rows[0].line - 1 and len(headline) >= 8:
            return headline
    return "".join(_unmarked_line(d.text.strip()) for d in rows) or None


def _unmarked_line(t: str) -> str:
    """*t* (stripped) without a list marker opening it or the bars of a one-cell table row around it.

    >>> _unmarked_line("• 政府工作报告"), _unmarked_line("| 市十六届人大一次会议昨开幕 | |"), _unmarked_line("-")
    ('政府工作报告', '市十六届人大一次会议昨开幕', '-')
    >>> _unmarked_line("北京市十二届人大二次会议今天开幕 | |||||||||"), _unmarked_line("甲 | 乙 | |")
    ('北京市十二届人大二次会议今天开幕', '甲 | 乙 | |')
    >>> _unmarked_line("市政府召开座谈会 |"), _unmarked_line("两会开启,这些看点值得关注!******")
    ('市政府召开座谈会', '两会开启,这些看点值得关注!')
    """
    if t[:1] in "|｜":
        if len(t) > 2 and t[-1] in "|｜" and len(cells := [c for c in _CELL_BARS.split(t) if c]) == 1:
            return cells[0]
    elif t[:1] in _MARKERS and (m := _LIST_MARKER.match(t)) and m.end() < len(t):
        return t[m.end() :]
    elif t[-1:] in "|｜" and (start := _empty_cells(t)) > 0 and not _BARS.search(t, 0, start):
        return t[:start]  # a one-cell row's empty cells after its text (``…今天开幕 | |||||||||``)
    # a lone bar or a run of asterisks after a headline (``…征求意见和建议 |``, ``…值得关注!******``)
    if (start := _trailing_junk(t)) > 0:
        head = t[:start]
        if not _BARS.search(head):
            return head
    return t


def _trailing_junk(t: str) -> int:
    """Where a lone bar after spaces or a run of two or more asterisks ending *t* starts, or -1.

    (Not a regex search for ``\\s+[|｜]$``: tried from every space of a long run, it took time quadratic in the run.)

    >>> _trailing_junk("市政府召开座谈会 |"), _trailing_junk("值得关注!******"), _trailing_junk("甲|"), _trailing_junk("乙*")
    (8, 5, -1, -1)
    """
    if t[-1:] in "|｜":
        head = t[:-1].rstrip()
        return len(head) if len(head) < len(t) - 1 else -1
    if t[-1:] in "*＊":
        head = t.rstrip("*＊")
        return len(head) if len(t) - len(head) >= 2 else -1
    return -1


def _empty_cells(t: str) -> int:
    """Where the empty cells closing a table row start (two bars or more, spaced or not), else -1. A scan from the
    end: a regular expression searching for them took time quadratic in a long run of empty cells before a last
    filled one (16,000 characters of `` |``: 5 s).

    >>> _empty_cells("北京市十二届人大二次会议今天开幕 | |||||||||"), _empty_cells("甲 | 乙 |"), _empty_cells("甲 | | x |")
    (16, -1, -1)
    """
    i, bars = len(t), 0
    while i and (t[i - 1] in "|｜" or t[i - 1].isspace()):
        i -= 1
        bars += t[i] in "|｜"
    return i if bars >= 2 else -1


def _first_copy_titles(
    texts: Sequence[str], filled: Sequence[int], actions: list[str], reasons: list[str]
) -> None:
    """A one-line title printed twice, at the page's top and again under the site's notices (a 文库
    page: ``2023年镇政府工作报告`` / ``说明:文章内容仅供预览…`` / ``2023年镇政府工作报告``): the headline is the
    first copy when only such notices stand between the two (a browser-title line above a news page's
    menus stays a browser title); the later copy is the repeat."""
    titles = [i for i in filled if actions[i] == codes.TITLE]
    if len(titles) != 1:
        return
    t = titles[0]
    first = next((i for i in filled if i < t and texts[i] == texts[t]), None)
    if first is None:
        # a converted document's first page repeats the page's headline under its page number, spaced
        # (``2021年荣县政府工作报告(全文)`` at the top, ``1 2021 年荣县政府工作报告(全文)`` below): the top line is
        # the headline, the page's copy the repeat
        if (
            filled
            and filled[0] < t
            and texts[t][:1].isdigit()
            and (m := _PAGE_NUMBER.match(texts[t]))
            and len(top := texts[filled[0]]) >= 8
            and _SPACES.sub("", texts[t][m.end() :]) == _SPACES.sub("", top)
        ):
            actions[filled[0]], reasons[filled[0]] = codes.TITLE, codes.R_TITLE
            actions[t], reasons[t] = codes.DROP, codes.R_REPEATED_TITLE
        return
    between = [reasons[i] for i in filled if first < i < t]
    if between and all(r in _NOTICES for r in between) and any(r != codes.R_AMONG_FURNITURE for r in between):
        actions[first], reasons[first] = codes.TITLE, codes.R_TITLE
        actions[t], reasons[t] = codes.DROP, codes.R_REPEATED_TITLE


#: A 文库 or 范文 site's notices between a document's name and its text.
_NOTICES = frozenset(
    {codes.R_PAYWALL, codes.R_SITE_PROMO, codes.R_DISCLAIMER, codes.R_AMONG_FURNITURE}
)


_FRAGMENT_MAX = 40  # characters: a line of a broken document
_FRAGMENT_RUN = 8  # lines
_FRAGMENT_STARTS = frozenset("，,。；;、）)%％")


def broken_text_runs(texts: Sequence[str], filled: Sequence[int]) -> frozenset[int]:
    """The lines of runs that are one text broken into fragments (a PDF's words one a line): 8+
    consecutive non-blank lines, each of at most 40 characters or cut before its sentence's end, that,
    joined, hold 3+ sentence stops, where
    most lines end no sentence and 2+ lines start with punctuation that continues the line before.
    A menu, a list of titles or a comment list (each line its own sentence) is none.

    >>> texts = ["XX", "镇", "2023", "年政府工作报告", "各位代表:", "现在,我代表", "XX",
    ...          "镇人民政府向大会报告工作,请", "予审", "议,并请各位列席人员提出意见。", "增长", "5%", ";",
    ...          "财政收入", "XX", "万元。", "围绕", "XX", "花生、", "莓", "、南岗茶园等特色农业不断扩大。"]
    >>> len(broken_text_runs(texts, range(len(texts))))
    21
    >>> broken_text_runs(["首页", "新闻中心", "政务公开", "办事服务", "互动交流", "专题专栏", "图片新闻",
    ...                   "视频新闻", "联系我们"], range(9))
    frozenset()
    """
    out: set[int] = set()
    run: list[int] = []

    def close() -> None:
        if len(run) < _FRAGMENT_RUN:
            return
        lines = [texts[i] for i in run]
        joined = "".join(lines)
        stops = sum(joined.count(c) for c in "。；;！？")
        ending = sum(ends_sentence(t) for t in lines)
        starts = sum(t[0] in _FRAGMENT_STARTS for t in lines)
        if stops >= 3 and ending * 2 < len(lines) and starts >= 2 and HAN.search(joined):
            out.update(run)

    for i in filled:
        t = texts[i]
        if t and (len(t) <= _FRAGMENT_MAX or not ends_sentence(t)):
            run.append(i)
            continue
        close()
        run = []
    close()
    return frozenset(out)


def _top_heading_in_pieces(
    texts: Sequence[str],
    filled: Sequence[int],
    actions: list[str],
    reasons: list[str],
    title_lines: list[int],
) -> None:
    """A document's heading cut into short pieces that open the page, one a line (``市政府`` / ``五年`` /
    ``工作报告``), its text right under them: the pieces are the document's own lines, kept, and no single
    one of them is the title (the last piece alone was taken for it, the others dropped as a header)."""
    if len(title_lines) != 1 or len(filled) < 4:
        return
    t = title_lines[0]
    k = bisect_right(filled, t) - 1
    if not 1 <= k <= 4 or any(filled[j] != filled[0] + j for j in range(k + 1)):
        return  # the pieces are the page's first lines, with no blank line between
    pieces = [texts[i] for i in filled[: k + 1]]
    if not all(len(p) <= 8 and _HAN_ONLY.fullmatch(p) for p in pieces):
        return
    if not (_REPORT_END.search("".join(pieces)) and _ORGAN_END.search(pieces[0])):
        return  # ``市政府`` … ``工作报告``: an organ's report, not a menu (``首页`` / ``新闻`` / ``工作报告``)
    if actions[filled[k + 1]] != codes.KEEP:
        return
    if not all(actions[i] == codes.DROP and reasons[i] == codes.R_HEAD_ZONE for i in filled[:k]):
        return
    for i in filled[: k + 1]:
        actions[i], reasons[i] = codes.KEEP, codes.R_BODY
    title_lines[:] = []


_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")
_REPORT_END = re.compile(r"(?:工作报告|报告|讲话|决议|决定)$")
_ORGAN_END = re.compile(r"(?:政府|人大|常委会|委员会|省|市|县|区|州|盟|旗|镇|乡)$")
_BLOCK_MIN = 20  # characters: a copy of a shorter line alone may be a refrain (各位代表！)


def _repeated_blocks(
    texts: Sequence[str], filled: Sequence[int], actions: list[str], reasons: list[str]
) -> None:
    """Drop the later copies of kept lines: a run of two or more lines the page already holds, one of them
    20+ characters long (the article printed twice; a title and its opening after ``关闭窗口``). A single
    repeated line is left: an article may quote its own lead, a summary box may repeat a paragraph."""
    first: dict[str, int] = {}
    copy = [False] * len(texts)
    kept, repeated_title, setdefault = (codes.KEEP, codes.TITLE), codes.R_REPEATED_TITLE, first.setdefault
    for i in filled:
        if actions[i] not in kept and reasons[i] != repeated_title:
            continue
        t = texts[i]
        key = _SPACES.sub("", t) if " " in t or "\u3000" in t else t  # other spaces: still a copy
        if setdefault(key, i) != i:
            copy[i] = len(t) >= 4
    k = 0
    while k < len(filled):
        i = filled[k]
        if not copy[i]:
            k += 1
            continue
        run = [i]
        while k + len(run) < len(filled) and copy[filled[k + len(run)]]:
            run.append(filled[k + len(run)])
        if len(run) >= 2 and max(len(texts[j]) for j in run) >= _BLOCK_MIN:
            for j in run:
                if actions[j] == codes.KEEP:
                    actions[j], reasons[j] = codes.DROP, codes.R_REPEATED_BLOCK
        k += len(run)


_CONTENTS_MIN = 3  # numbered lines in a row


_SLOGAN_REACH = 12  # non-blank lines after the first prose line


#: A section's byline in a compilation of columns: an organisation's name and a person's (``民生证券 吴春华``).
_BYLINE = re.compile(r"^[\u4e00-\u9fff]{2,10}[ \u3000]+[\u4e00-\u9fff]{2,4}$")


def _byline_shape(t: str) -> Optional[str]:
    """The shape a compilation's bylines share: the organisation's last two characters (``证券``), else None."""
    return t.split()[0][-2:] if len(t) <= 16 and _BYLINE.match(t) else None


def _first_section(
    texts: Sequence[str],
    filled: Sequence[int],
    rule: Sequence[Optional[str]],
    meta: Sequence[bool],
    body: int,
    tail: int,
) -> int:
    """The body's start at a compilation's first section: where the line right above the body is a byline
    (``民生证券 吴春华``) whose shape two or more lines inside the body repeat (``信达证券 刘景德``, ``西南证券 张刚``),
    it opens the first of those sections, with the short heading above it when each later byline has one too
    (``利好堆积市场或将企稳`` like ``短期反弹一触即发``): they are text, not a title and a header above it.
    (The html-news page 61, ten brokers' forecasts: its cleaned text took its first byline for a title.)"""
    k = bisect_right(filled, body - 1)  # filled[k] is the body's line
    if k == 0 or body >= tail:
        return body
    up = filled[k - 1]
    shape = _byline_shape(texts[up])
    if shape is None or rule[up] is not None or meta[up]:
        return body
    later = [j for j in range(k + 1, len(filled)) if filled[j] < tail and _byline_shape(texts[filled[j]]) == shape]
    if len(later) < 2:
        return body

    def section_heading(i: int) -> bool:
        t = texts[i]
        return rule[i] is None and not meta[i] and 4 <= len(t) <= 30 and not SENTENCE_PUNCT.search(t)

    if k >= 2 and section_heading(filled[k - 2]) and all(section_heading(filled[j - 1]) for j in later):
        return filled[k - 2]
    return up


def _below_slogan(
    texts: Sequence[str],
    filled: Sequence[int],
    rule: Sequence[Optional[str]],
    meta: Sequence[bool],
    deferred: Sequence[bool],
    heading: Sequence[bool],
    body: int,
    tail: int,
    resolve,
) -> tuple[int, int]:
    """The body's start below a site's slogan (``宣传人大制度 交流人大经验;…阿坝依然美丽!``), and the headline's
    index (0 when the body did not move: a speaker's header is read below it only). When the page's first line
    is its first prose and is followed, within a few lines and with only short lines between, by a
    headline-shaped line with a metadata line right under it (``…公文处理办法`` / ``来源:州人大``), the body
    starts after that metadata, at the next prose line or heading. The slogan itself stays text: a cleaned
    text that starts with it is cleaned the same way again."""
    if body >= tail or not filled or body != filled[0]:
        return body, 0
    k = bisect_right(filled, body)
    for m in range(k, min(len(filled), k + _SLOGAN_REACH)):
        j = filled[m]
        if j >= tail or deferred[j] or heading[j] or is_prose(texts[j], 40):
            return body, 0  # prose or a numbered heading: the body it was
        if meta[j]:
            up = filled[m - 1]
            if up == body or rule[up] is not None or meta[up] or not _headline_line(texts[up], 8):
                return body, 0
            for q in filled[m + 1 :]:
                if q >= tail:
                    break
                if deferred[q]:
                    resolve(q)
                if rule[q] is None and not meta[q] and (is_prose(texts[q], 40) or heading[q]):
                    return q, up
            return body, 0
    return body, 0


def _contents_list(
    texts: Sequence[str],
    filled: Sequence[int],
    heading: Sequence[bool],
    actions: list[str],
    reasons: list[str],
) -> None:
    """A table of contents (``1.政府工作报告的水平和性质`` / ``2.西部A市与中部B市的报告对比(第1段)`` / …, with
    ``一、政府工作报告的水平和性质`` further down): three or more kept numbered lines in a row, no blank line
    between, one of which a later heading repeats once its number is gone, are the page's navigation."""
    heads = [i for i in filled if heading[i]]
    # cheap test first: three numbered lines in a row at all (a report's headings stand between paragraphs)
    if not any(c - a == 2 for a, c in zip(heads, heads[2:])):
        return
    k = 0
    while k < len(heads):
        run = [heads[k]]
        while k + len(run) < len(heads) and heads[k + len(run)] == run[-1] + 1:
            run.append(heads[k + len(run)])
        k += len(run)
        if len(run) < _CONTENTS_MIN or any(
            actions[j] != codes.KEEP or len(texts[j]) > 40 for j in run
        ):
            continue
        items = {_unnumbered(texts[j]) for j in run}
        later = (_unnumbered(texts[j]) for j in heads if j > run[-1])
        if any(t in items for t in later if len(t) >= 4):
            for j in run:
                actions[j], reasons[j] = codes.DROP, codes.R_NAV


#: A summary's label: an AI-written summary's (``AI导读:``), a news page's (``内容摘要:``, ``导读:``).
_SUMMARY_LABEL = re.compile(r"^(?:AI\s*(?:导读|摘要|总结|速览)|内容(?:摘要|提要)|摘\s*要|导读)\s*[:：]\s*")
_SENTENCE_END = re.compile(r"[。！？!?]")
#: A news item's lead: its dateline and the reporter in brackets (``西部网讯(记者 彭芬 赵昊) 今天…``).
_NEWS_LEAD = re.compile(r"^[^，。,！!？?\s]{0,30}?[讯电]\s*[（(][^（）()]{0,30}?(?:记者|通讯员)")


def _summaries(
    texts: Sequence[str], filled: Sequence[int], actions: list[str], reasons: list[str]
) -> None:
    """Drop a site's summary: an AI-written one (``AI导读:`` and the paragraph under it) and a labelled
    summary whose first sentence opens a later line of the text (``内容摘要:今天…`` over ``今天…``); an
    abstract that does not repeat the text (a paper's ``摘 要``) stays."""
    if len(filled) > 1 and actions[i := filled[0]] == codes.KEEP and actions[filled[1]] == codes.KEEP:
        # a page's first line, one sentence the lead right under it restates word for word after its byline
        # (``12月30日上午9时,…开幕。`` over ``红网时刻12月30日讯(记者 …)12月30日上午9时,…开幕。凝心聚力…``):
        # a photo's caption or a standfirst, not the text
        t = texts[i]
        if 15 <= len(t) <= 80 and t.endswith("。") and t.count("。") == 1:
            if 0 < texts[filled[1]].find(t, 0, len(t) + 40):
                actions[i], reasons[i] = codes.DROP, codes.R_EDITORIAL
    for k, i in enumerate(filled):
        t = texts[i]
        if t[:1] not in "A内摘导" or not (m := _SUMMARY_LABEL.match(t)):  # cheap test first
            continue
        rest = t[m.end() :]
        if t[:1] == "A":
            if actions[i] == codes.KEEP:
                actions[i], reasons[i] = codes.DROP, codes.R_EDITORIAL
            if not rest and k + 1 < len(filled) and actions[j := filled[k + 1]] == codes.KEEP:
                actions[j], reasons[j] = codes.DROP, codes.R_EDITORIAL
            continue
        first = _SENTENCE_END.split(rest, 1)[0]
        if actions[i] == codes.KEEP and len(first) >= 15:
            # also after the lead's byline (``摘要:24日上午,…`` over ``中国网草原频道1月24日讯(记者 苏文)24日上午,…``)
            if any(
                actions[j] == codes.KEEP and texts[j].find(first, 0, len(first) + 40) >= 0
                for j in filled[k + 1 : k + 15]
            ):
                actions[i], reasons[i] = codes.DROP, codes.R_EDITORIAL
    # one-sentence lines kept between the header (the headline, the date line) and a news lead (``2月20日,…正式
    # 开幕。`` / ``西安市市长…作…报告。`` over ``西部网讯(记者 彭芬 赵昊) 今天…``): the text starts at its
    # dateline, so they are photo captions (with no header above, a first sentence stays unless the lead restates it)
    lead = next(
        (k for k, i in enumerate(filled[:16]) if actions[i] == codes.KEEP and _NEWS_LEAD.match(texts[i])), None
    )
    header = max((k for k in range(lead or 0) if actions[filled[k]] in (codes.TITLE, codes.META)), default=None)
    if lead and header is not None:
        for i in filled[header + 1 : lead]:
            t = texts[i]
            if actions[i] == codes.KEEP and 8 <= len(t) <= 60 and t.endswith("。") and t.count("。") == 1:
                actions[i], reasons[i] = codes.DROP, codes.R_EDITORIAL


def _headline_part_caption(
    texts: Sequence[str], filled: Sequence[int], actions: list[str], reasons: list[str]
) -> None:
    """Drop a photo's caption that repeats one part of a two-part headline as a sentence, right under the
    header and above the text (``定安代表团热议政府工作报告。`` under ``省五届人大一次会议隆重开幕 定安代表团热议政府
    工作报告``); a headline whole restated, or a sentence with no text under it, stays."""
    top = next((k for k, i in enumerate(filled[:12]) if actions[i] == codes.TITLE), None)
    if top is None:
        return
    parts = texts[filled[top]].split()
    k = top + 1
    while k < len(filled) and actions[filled[k]] == codes.META:
        k += 1
    if len(parts) < 2 or k + 1 >= len(filled) or actions[filled[k + 1]] != codes.KEEP:
        return
    t = texts[i := filled[k]]
    if actions[i] == codes.KEEP and t.endswith("。") and t.count("。") == 1 and len(t) >= 7 and t[:-1] in parts:
        actions[i], reasons[i] = codes.DROP, codes.R_PHOTO_CAPTION


#: A caption's dated scene (``1月15日上午,…``).
_DATED_SCENE = re.compile(r"^\d{1,2}月\d{1,2}日")


def _caption_series(
    texts: Sequence[str], filled: Sequence[int], actions: list[str], reasons: list[str]
) -> None:
    """Drop photo captions printed one under another, each opening with the same dated scene (``1月15日上午,广州市
    第十六届人民代表大会第四次会议开幕。代市长孙志洋向大会作政府工作报告`` / ``1月15日上午,广州市第十六届人民代表大会
    第四次会议开幕``): two short lines sharing their first 15 characters or more, one without a closing mark; a
    text's paragraphs do not open alike."""
    for a, b in zip(filled, filled[1:]):
        ta, tb = texts[a], texts[b]
        if len(ta) > 80 or len(tb) > 80 or not _DATED_SCENE.match(ta) or ta[:15] != tb[:15]:
            continue
        if actions[a] == actions[b] == codes.KEEP and (ta[-1] not in "。！？!?”" or tb[-1] not in "。！？!?”"):
            for i in (a, b):
                actions[i], reasons[i] = codes.DROP, codes.R_PHOTO_CAPTION


def _unnumbered(t: str) -> str:
    m = HEADING_START.match(t)
    return t[m.end() :].strip() if m else t


_ABSTRACT = re.compile(r"^[【\[]?(?:内容)?摘\s*要\s*[】\]]?\s*[:：]?")
_WIDGET_REASONS = frozenset({codes.R_PAYWALL, codes.R_UI_CONTROLS, codes.R_SHARE})
#: A date and time opening a line, bare or after a time label (``2023-04-25 15:10:15``, ``时间:2019-05-14``).
_DATE_HEAD = re.compile(
    r"^(?:(?:发布|发表|更新)?(?:时间|日期)\s*[:：]\s*)?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}"
)
#: A speech's greeting (``下午好!``, ``同志们，大家好！``): the text's first words, never its title.
_GREETING = re.compile(
    r"^(?:各位|尊敬的|亲爱的)?[^。]{0,16}(?:上午好|下午好|晚上好|早上好|大家好|你们好|您好)[!！。]?"
    r"[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]{0,3}$"  # an emoji after it (``大家好!👋``)
)
#: A speech's salutation (``各位代表！``, ``同志们！``), never its title either.
_SALUTATION = (
    r"^(?:各位|尊敬的|亲爱的)[^，。]{0,12}(?:代表|同志|委员|来宾|嘉宾|朋友)们?[!！：:，,]?$"
    r"|^[^，。]{0,10}(?:代表|同志|委员|来宾|嘉宾|朋友)们?[!！]$"
)
_SALUTE = re.compile(_SALUTATION + "|" + _GREETING.pattern)
#: Lines that are never a title: a salutation or greeting, a widget's words, a caption, a bare date, a
#: breadcrumb, a 文库 page image's caption (``…_第5页``) or its ``文档简介``.
_NOT_TITLE = re.compile(
    _SALUTATION
    + "|"
    + _GREETING.pattern
    + r"|下载|登录|注册|VIP|请输入|^[•·]|^[（(][^（）()]*[）)]$|摄[）)]?$|^[\[【]\s*(?:摘要|编者按|导读)|^原标?题"
    r"|^[（(]?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[）)]?$|[>»›]\s*\S+\s*[>»›]|_第\d+页$|^(?:文档|内容)?(?:简介|介绍)$"
    r"|^(?:关键词|关键字|标签|tags)\s*[:：]"  # a keyword line (``关键词:;发布会;两会;…``)
    r"|^[^\s，。]{1,20}\s+\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}"  # a poster's or site's name and a time
)


def _retitle(
    texts: Sequence[str],
    filled: Sequence[int],
    heading: Sequence[bool],
    dateline: Sequence[bool],
    actions: list[str],
    reasons: list[str],
    title_lines: list[int],
    indented: bool = False,
) -> None:
    """Choose the title among the lines above the body with evidence: the browser title (the page's first
    line) repeats it, a date, source or speaker line or a dateline follows it, it has a report's title
    words; never a photo caption, a dateline, a date, a summary or a breadcrumb. The first line itself is
    the title only when no other line is (a headline written by a script)."""
    b_idx, headline, site = browser_title(texts, filled)
    b_text = texts[b_idx] if b_idx >= 0 else ""
    if site and actions[b_idx] == codes.DROP and reasons[b_idx] == codes.R_HEAD_ZONE:
        reasons[b_idx] = codes.R_BROWSER_TITLE  # ``headline_site``: say what it is
    segments = (
        {p for p in re.split(r"[\s_｜|]+|\s[-—–]\s", b_text) if len(p) >= 4}
        if site or " " in b_text
        else set()
    )
    if len(headline) < 8:
        headline = ""  # a logo line (``澎湃新闻``), not a browser title: no evidence
    echo_first = (
        bool(headline)
        and not site
        and any(texts[i] == b_text or _sample_copy(texts[i], b_text) for i in filled if i != b_idx)
    )  # the first line is the headline itself, copied further down (a page without a browser title),
    # also under a sample's label (``篇一:乡镇人大会,政府工作报告``)

    def echoes(i: int, t: str) -> bool:
        return bool(headline) and i != b_idx and (t.startswith(headline) or t in headline)

    first_body = next(
        (
            i
            for i in filled
            if actions[i] == codes.KEEP
            and not echoes(i, texts[i])
            and (is_prose(texts[i], 20) or heading[i] or ends_sentence(texts[i]) or dateline[i])
        ),
        None,
    )
    if first_body is None:
        return
    k_body = bisect_right(filled, first_body) - 1
    window = [i for i in filled[max(0, k_body - 25) : k_body] if i != b_idx]
    best: Optional[tuple[tuple[float, int], int]] = None
    evident: set[int] = set()  # candidates with evidence beyond their own shape
    for i in [*window, b_idx] if b_idx >= 0 else window:
        t = texts[i]
        if not 4 <= len(t) <= 120 or heading[i] or dateline[i] or _NOT_TITLE.search(t):
            continue
        if reasons[i] in _NEVER_TITLE or t.endswith(("。", "；", ";", "：", ":", "，")):
            continue
        if len(t) > 40 and "。" in t[:-1]:
            continue  # sentences (a site's summary of the page: ``…开幕…。下面是小编收集整理的…!!``), not a headline
        if (
            len(t) > 40
            and i
            and texts[i - 1]
            and i - 1 != b_idx
            and actions[i] != codes.META  # a headline that shares its line with the date and source
            and _headline_shape(texts[i - 1])
        ):
            continue  # a deck (副题) right under a headline: ``县十六届人大四次会议开幕`` / ``…县长X代表县人民政府…``
        if i == b_idx:
            score = 4.0 if echo_first else 1.0 if site else 0.0
            k = bisect_right(filled, i)
            if k < len(filled) and reasons[filled[k]] == codes.R_PHOTO_CAPTION:
                score += 2  # the first line right above a photo's caption: the headline over its picture
        elif t in segments or (headline and t.startswith(headline)):
            score = 5.0
        elif headline and t in headline and len(t) >= 0.6 * len(headline) and not echo_first:
            score = 4.0 * len(t) / len(headline)
        elif (
            actions[i] == codes.META
            and len(t) >= 8
            and not is_meta_line(t)
            and any(t in texts[j] and _NAME_ROW.search(texts[j]) for j in window if j != i)
        ):
            score = 3.0  # a 政务公开 table's 名称/标题 row names it (the line was read as that label's value)
        else:
            if actions[i] == codes.META or is_meta_line(t):
                continue
            score = 0.0
        k = bisect_right(filled, i)
        after = filled[k : k + 2]
        if any(actions[j] == codes.META or dateline[j] for j in after):
            score += 2
        elif i == filled[0] and i != first_body and _DATED_HEADLINE.match(t) and not _clean_spacing(filled):
            # the page's first line carries the page's date after the headline: a header line (over a body: a
            # page of that line alone is its text, ``clean``'s output of a page whose title was another line)
            score += 2
        elif any(f"《{t}》" in texts[j] for j in after) and texts.index(t) == i:
            score += 2  # the next line names it (a 文库 page: ``X.docx`` / ``《X.docx》由会员分享…``), first copy
        if i != first_body and len(t) >= 8 and t in texts[first_body][:120]:
            score += 2  # the text's first sentence restates it word for word (``…推进大会举行`` / ``4月22日上午,…推进大会举行。``)
        if score > 0:
            evident.add(i)
        score += bool(_TITLE_WORDS.search(t)) + (len(t) >= 8)
        if actions[i] == codes.TITLE:
            score += 0.5  # the rules' choice breaks ties
        key = (score, i if i != b_idx else -1)  # the nearest to the body
        if best is None or key > best[0]:
            best = (key, i)
    if title_lines in ([], filled[:1]) and _lead_headline(
        texts, filled, heading, dateline, actions, first_body, indented
    ):
        # the page's first line is a headline right above its first paragraph (a template, blog or
        # 文库 text with no browser title): the title, also on a page that is all text
        title_lines[:] = [filled[0]]
        actions[filled[0]], reasons[filled[0]] = codes.TITLE, codes.R_TITLE
        return
    all_text = all(actions[i] in (codes.KEEP, codes.TITLE) for i in filled)
    if best is not None and best[1] not in evident and not site and all_text:
        # a page that is all text (no furniture, no metadata: a clean text, cleaned again) and nothing
        # vouches for its first line: no title, so that cleaning twice changes nothing
        for i in title_lines:
            actions[i], reasons[i] = codes.KEEP, codes.R_BODY
        title_lines[:] = []
        return
    if best is None:
        return
    new = best[1]
    new = _headline_over_date(texts, actions, new, window)
    if variant := (not site and bool(headline) and new != b_idx and not _NOT_TITLE.search(b_text)):
        short, long = sorted((texts[new], b_text), key=len)
        extra = long[len(short) :]
        variant = (
            (
                long.startswith(short)
                and 1 <= len(extra) <= 8
                and not extra[0].isspace()
                and extra[0] not in _GLUE_SEPARATORS
            )
            or (long == texts[new] and _sample_copy(long, short))
            # ``篇一:乡镇人大会,政府工作报告`` under ``乡镇人大会,政府工作报告``: a sample's label and the title
            or (
                long == b_text
                and short.startswith("《")
                and bool(_NUMBERED_TITLE.fullmatch(b_text))
                and b_text.endswith(short)
            )
        )  # ``京政办发〔2016〕26号《…的通知》`` over ``《…的通知》``: the document number and its title
    if variant:
        # the first line (a browser title with no site's name) and a variant of it on the page, a few
        # characters glued on (``村民委员会选举办法`` / ``村民委员会选举办法(精选7篇)``, ``…工作报告📜✨``): the
        # first line is the headline, the variant a site's heading for it (a site's name after a
        # separator, ``--人民网``, or a date after a space is not such a variant)
        actions[new], reasons[new] = codes.DROP, codes.R_REPEATED_TITLE
        title_lines[:] = [i for i in title_lines if i != new]
        new = b_idx
    elif [new] == title_lines:
        return
    elif not title_lines and best[0][0] < 4:  # no title by the rules: only strong evidence makes one
        return
    for i in title_lines:
        t = texts[i]
        if dateline[i]:
            actions[i], reasons[i] = codes.KEEP, codes.R_BODY
        elif is_meta_line(t):
            actions[i], reasons[i] = codes.META, codes.R_META
        elif (
            new < i
            and (k := bisect_right(filled, i)) < len(filled)
            and filled[k] == first_body
            and reasons[new] != codes.R_PHOTO_CAPTION
            and any(reasons[j] == codes.R_PHOTO_CAPTION for j in filled if new < j < i)
            and _headline_shape(t)
        ):  # a section's heading under the headline and its photo, right above the text: the text's
            actions[i], reasons[i] = codes.KEEP, codes.R_BODY
        elif i < first_body or not (is_prose(t, 20) or heading[i]):
            actions[i], reasons[i] = codes.DROP, codes.R_HEAD_ZONE
        else:
            actions[i], reasons[i] = codes.KEEP, codes.R_BODY
    title_lines[:] = [new]
    actions[new], reasons[new] = codes.TITLE, codes.R_TITLE
    title = texts[new]
    for i in filled:
        if i != new and texts[i] == title and actions[i] == codes.KEEP:
            actions[i], reasons[i] = codes.DROP, codes.R_REPEATED_TITLE


#: A document's number, then its title in book marks (``京政办发〔2016〕26号《北京市…的通知》``).
_NUMBERED_TITLE = re.compile(r"(" + DOC_NUMBER + r")\s*《(.+)》")
_GLUE_SEPARATORS = frozenset("-_|｜–—·:：,，")
#: A 范文 page's label of one of its samples (``篇一:``, ``范文2：``, ``【篇三】``).
def _sample_copy(t: str, title: str) -> bool:
    """*t* is *title* under a 范文 page's sample label (``篇一:`` + title), also when the title counts its
    samples (``第一篇:内蒙古自治区政府工作报告`` under ``内蒙古自治区政府工作报告(合集五篇)``)."""
    if t[:1] not in "篇范样【第" or len(t) <= 3:
        return False
    m = _SAMPLE_LABEL.match(t)
    if m is None:
        return False
    rest = t[m.end() :]
    return rest == title or (
        len(rest) >= 4 and title.startswith(rest) and bool(_SAMPLE_COUNT.fullmatch(title[len(rest) :]))
    )


_SAMPLE_LABEL = re.compile(
    r"^(?:【\s*)?(?:(?:篇|范文|样本)\s*[一二三四五六七八九十\d]{1,3}|第[一二三四五六七八九十\d]{1,3}篇)"
    r"\s*(?:】)?\s*[:：]?\s*"
)
#: A 范文 title's count of its samples (``(合集五篇)``, ``(精选7篇)``, ``【通用10篇】``).
_SAMPLE_COUNT = re.compile(
    r"\s*[(（【\[]\s*(?:合集|精选|通用|优选|热门|最新|汇编)?\s*[一二三四五六七八九十\d]{1,3}\s*篇\s*[)）】\]]"
)
_HEADLINE_PUNCT = re.compile(r"[，。；！？,;!?：:、]")


def _lead_headline(
    texts: Sequence[str],
    filled: Sequence[int],
    heading: Sequence[bool],
    dateline: Sequence[bool],
    actions: Sequence[str],
    first_body: int,
    indented: bool = False,
) -> bool:
    """The page's first line is a headline written above the text (``2023年乡镇年度工作总结`` /
    ``时光荏苒,转眼间…``): 4–40 characters without a clause's punctuation, no heading, dateline, greeting or
    site name, kept by the rules, and the next non-blank line is the first paragraph (prose), right under
    it or on a page with furniture. A cleaned text never qualifies (its lines are blank-separated and all
    text), so cleaning twice changes nothing."""
    if len(filled) < 2:
        return False
    if filled[1] != first_body and not (
        len(filled) > 2 and filled[2] == first_body and _SALUTE.match(texts[filled[1]])
    ):  # the first paragraph right under it, or under a greeting (``尊敬的各位领导、各位代表,大家好!👋``)
        return False
    if (
        not indented  # (a cleaned text's lines are not indented: ``  一年来,…`` under ``政府工作报告`` is a page)
        and _clean_spacing(filled)  # (two lines or more here: the first two not adjacent)
        and all(actions[j] in (codes.KEEP, codes.TITLE) for j in filled)
    ):
        # a blank line between, on a page of text alone whose every paragraph is one line with one blank
        # line after it: that is how a cleaned text looks, whose first line is a heading the first pass
        # kept under its title (``深圳市…工作指引`` under ``….docx``); taking it now would not be idempotent.
        # A text file whose title alone stands over a blank line (its paragraphs not blank-separated,
        # or by two blank lines) is no cleaned text: its first line is its title.
        return False
    i, body = filled[0], texts[first_body]
    t = texts[i]
    if not (is_prose(body) or ends_sentence(body)) or actions[i] not in (codes.KEEP, codes.TITLE):
        return False
    if _NEWS_LEAD.match(body):
        # right above a news lead (``…开启,这些看点值得关注!`` / ``中新网北京1月11日电(记者 X)…``): the text
        # starts at its dateline, so the line over it is the headline, clause punctuation and all
        head = t.rstrip(" |｜*＊")
        return (
            4 <= len(head) <= 60
            and head[-1:] not in "。；;：:，,"
            and not heading[i]
            and not dateline[i]
            and not _NOT_TITLE.search(head)
            and not is_meta_line(head)
            and t[:1] not in "—－-(（["
        )
    return (
        _headline_line(t, 4)
        and not heading[i]
        and not dateline[i]
        and not is_prose(t, 20)
        and not ends_sentence(t)
        and t[:1] not in "—－-(（["  # a subtitle (``——基于…``), a note
        and not _runs_into(t, body)
    )


def _runs_into(t: str, body: str) -> bool:
    """The first paragraph continues the line (a sentence a scraper broke): not a headline."""
    return body[:1] in CONTINUES or t[-1:] in _DANGLING


def _headline_above(
    texts: Sequence[str],
    filled: Sequence[int],
    actions: list[str],
    reasons: list[str],
    title_lines: list[int],
) -> None:
    """A headline printed over two lines (``县政府召开座谈会`` / ``征求社会各界对政府工作报告的意见``): the
    title was taken on its second line, and the line right above it (no blank line between), a headline's
    shape that only its place above the body dropped and no menu's item (at most one line right above it),
    is the main title; the second line is its subtitle, kept."""
    if len(title_lines) != 1:
        return
    t = title_lines[0]
    k = bisect_right(filled, t) - 1
    if k < 1 or filled[k - 1] != t - 1:
        return
    up = t - 1
    if (
        actions[up] != codes.DROP
        or reasons[up] != codes.R_HEAD_ZONE
        or not _headline_shape(texts[up])
        or _LOGO_NAME.search(texts[up])  # a site's logo over the headline (``某某市人民政府``), no headline's half
    ):
        return
    run = 0  # lines right above it, no blank line between: a menu's items, or a widget's one button
    while k - 2 - run >= 0 and filled[k - 2 - run] == up - 1 - run:
        run += 1
    if run > 1 or len(texts[t]) > 40 or ends_sentence(texts[t]):
        return
    if filled[0] != t and texts[t] in texts[filled[0]]:
        return  # the browser title names the second line: the title, under a kicker (引题)
    actions[up], reasons[up] = codes.TITLE, codes.R_TITLE
    actions[t], reasons[t] = codes.KEEP, codes.R_BODY
    title_lines[:] = [up]


def _headline_over_deck(
    texts: Sequence[str],
    filled: Sequence[int],
    actions: list[str],
    reasons: list[str],
    title_lines: list[int],
) -> None:
    """A newspaper's headline alone between blank lines, its deck (副题) as a block of short lines under it
    (``十四届全国人大二次会议在京开幕`` / ``习近平王沪宁…等在主席台就座`` / ``李强作政府工作报告 赵乐际主持大会``): the
    title was taken on the deck's first line; the headline above it, which only its place above the body
    dropped, is the title, and the deck's line is kept."""
    if len(title_lines) != 1:
        return
    t = title_lines[0]
    k = bisect_right(filled, t) - 1
    if k < 1 or k + 1 >= len(filled) or filled[k + 1] != t + 1:
        return  # the deck is a block: a second line right under the first
    up = filled[k - 1]
    if up == t - 1 or (k >= 2 and filled[k - 2] == up - 1):
        return  # the headline stands alone, a blank line above and under it
    if actions[up] != codes.DROP or reasons[up] != codes.R_HEAD_ZONE:
        return
    if len(texts[up]) < 10 or not _headline_shape(texts[up]) or ends_sentence(texts[t + 1]):
        return
    actions[up], reasons[up] = codes.TITLE, codes.R_TITLE
    actions[t], reasons[t] = codes.KEEP, codes.R_BODY
    title_lines[:] = [up]


#: A session's or an organ's name heading a document's name broken off under it (``上饶市第一届人民代表大会第八次会议`` /
#: ``关于政府工作报告的决议``), and that name.
_ORGAN_LINE = re.compile(
    r"[\u4e00-\u9fff]{4,30}(?:会议|大会|常务委员会|常委会|委员会|人民政府|国务院|办公厅|办公室)"
)
_DOCUMENT_NAME = re.compile(r"关于[^。，,；;：:]{2,60}的(?:决议|决定|报告|意见|通知|通告|公告|办法|规定|批复)")


def _heading_under_its_organ(
    texts: Sequence[str],
    filled: Sequence[int],
    actions: list[str],
    reasons: list[str],
    title_lines: list[int],
) -> None:
    """A document's heading broken over two lines at the page's top, its organ or session first
    (``上饶市第一届人民代表大会第八次会议`` / ``关于政府工作报告的决议``): the title was taken on the second line, the
    first only dropped for its place above the body. The first line is the title, the second its end (dropped
    with the reason ``title``: :func:`title_text` joins them)."""
    if len(title_lines) != 1:
        return
    t = title_lines[0]
    k = bisect_right(filled, t) - 1
    if k != 1 or not _DOCUMENT_NAME.fullmatch(texts[t]):
        return  # the page's first two lines, nothing above them
    up = filled[0]
    if actions[up] != codes.DROP or reasons[up] != codes.R_HEAD_ZONE or not _ORGAN_LINE.fullmatch(texts[up]):
        return
    actions[up], reasons[up] = codes.TITLE, codes.R_TITLE
    actions[t], reasons[t] = codes.DROP, codes.R_TITLE
    title_lines[:] = [up]


def _headline_shape(t: str) -> bool:
    """6–40 characters, no clause punctuation, no space: a headline's line, not a menu's item."""
    return _headline_line(t, 6) and not any(c.isspace() for c in t)


def _headline_line(t: str, shortest: int) -> bool:
    """*shortest*–40 characters without a clause's punctuation, and no greeting, widget, metadata or
    numbered heading: a line a headline may be."""
    return (
        shortest <= len(t) <= 40
        and not _HEADLINE_PUNCT.search(t)
        and not _NOT_TITLE.search(t)
        and not is_meta_line(t)
        and not _CN_HEADING.match(t)
    )


def _split_heading(
    texts: Sequence[str],
    filled: Sequence[int],
    actions: list[str],
    reasons: list[str],
    title_lines: list[int],
) -> None:
    """A document's heading printed over several lines that the browser title holds whole (gov.cn's 公报 page:
    ``全国人民代表大会常务委员会`` / ``关于批准…购买外汇及`` / ``调整…的决议`` under ``<all three>_…_中国政府网``): the
    browser title is the title, and the heading's lines are the document's, kept."""
    if len(title_lines) != 1:
        return
    b_idx, headline, site = browser_title(texts, filled)
    t = title_lines[0]
    if b_idx < 0 or not site or t == b_idx or len(headline) < 8:
        return
    head = _SPACES.sub("", headline)
    joined, pieces = _SPACES.sub("", texts[t]), [t]
    k = bisect_right(filled, t) - 1
    while k > 0 and len(joined) < len(head):
        j = filled[k - 1]
        if j == b_idx:
            break
        longer = _SPACES.sub("", texts[j]) + joined
        if not head.endswith(longer):
            break
        joined, k = longer, k - 1
        pieces.append(j)
    if joined != head or len(pieces) < 2:
        return
    for i in pieces:
        actions[i], reasons[i] = codes.KEEP, codes.R_BODY
    actions[b_idx], reasons[b_idx] = codes.TITLE, codes.R_TITLE
    title_lines[:] = [b_idx]


#: A metadata table's row naming the document (``名称: X``, ``标 题: | X``).
_NAME_ROW = re.compile(r"(?:名\s*称|标\s*题)\s*[:：|｜]")
#: Lines never taken for a title: a rule read them as a widget, a footer, a link or a caption.
_NEVER_TITLE = frozenset(
    {
        codes.R_SHARE,
        codes.R_COPYRIGHT,
        codes.R_ICP,
        codes.R_CONTACT,
        codes.R_BREADCRUMB,
        codes.R_UI_CONTROLS,
        codes.R_COUNTER,
        codes.R_PHOTO_CAPTION,
        codes.R_EDITORIAL,
        codes.R_LOGIN,
        codes.R_VISITOR,
        codes.R_PAGE_NUMBER,
        codes.R_PAGE_MARKER,
        codes.R_SEPARATOR,
        codes.R_MEDIA_PLACEHOLDER,
        codes.R_POWERED_BY,
        codes.R_DISCLAIMER,
        codes.R_PAYWALL,
        codes.R_LICENSE_FOOTER,
    }
)


def _browser_title(t: str, title: str, title_lines: Sequence[int], i: int) -> bool:
    """The title with the site's name around it (``…_公务员吧_百度贴吧``, ``…-清风雁回``) above the body."""
    return (
        len(title) >= 8
        and i not in title_lines
        and title in t
        and len(t) - len(title) <= 30
        and not ends_sentence(t)
    )


#: A list marker opening a line (a bullet, or a dash and a space): read past it, like a browser's list item.
_MARKERS = frozenset("•●▪-–|｜")
_LIST_MARKER = re.compile(r"[•●▪][\s\u3000]*|[-–][\s\u3000]+")
_CELL_BARS = re.compile(r"[\s\u3000]*[|｜][\s\u3000]*")
_BARS = re.compile(r"[|｜]")
_END_MARKS = frozenset("|｜?？")
_PAGE_NUMBER = re.compile(r"\d{1,3}[\s\u3000]+")
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_DATELINE_INITIALS = frozenset("（(—－-12〇○零一二?")  # a dateline's first character (``??``: a lost dash)
_SPEAKER_TAIL = re.compile(SPEAKER_TAIL)
_CAPTION_ENDS = ("摄", "摄）", "摄)", "社发")  # a long line ending so is a photo caption: read by the rules
_NOTE_STARTS = (
    "[摘要",
    "【摘要",
    "[编者按",
    "【编者按",
    "[导读",
    "【导读",
    "原标题",
    "原题",
)  # … or an editorial note
_RUNS_ON = re.compile(r"[\u3400-\u9fffA-Za-z《“（(、，,]$")
_CN_HEADING = re.compile(r"^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十]+[）)])")
_DANGLING = frozenset("的和与及或在对把被从向于将")  # a line ending on one runs on into the next
_INDENTS = frozenset(" \u3000\t")


def is_indented(lines: Iterable[str]) -> bool:
    """A text line of ``lines`` starts with an indent (a page's text; ``clean`` writes none).

    >>> is_indented(["标题", "\u3000\u3000一年来，全省…"]), is_indented(["标题", "", "一年来，全省…"]), is_indented(["  "])
    (True, False, False)
    """
    return any(ln[:1] in _INDENTS and ln.strip() for ln in lines)
#: A site's or an organisation's name, as a logo line gives it.
_LOGO_NAME = re.compile(r"(?:人民政府|政府网|人大常委会|委员会|门户网站|网站|网|频道)$")
#: A document's own generic name (``政府工作报告``, ``关于政府工作报告的决议``), printed under the page's headline.
_DOC_NAME = re.compile(r"(?:关于)?政府工作报告(?:的决议)?")
#: A headline with the page's date after it on one line (``区政府全体会议审议《政府工作报告》…各项工作 2019-12-17``):
#: no sentence's end in it, the date (and time) after a space ending the line.
_DATED_HEADLINE = re.compile(
    r"^[^。！？；;!?\s][^。！？；;!?]{3,59}?\s+(?:19|20)\d{2}(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日)"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)


def _in_sentence(
    texts: Sequence[str],
    rule: Sequence[Optional[str]],
    i: int,
    meta: Sequence[bool] = (),
    runs_in: bool = True,
) -> bool:
    """A piece of a sentence a scraper broke (a hyperlinked term on its own line): the line before runs
    on into it (prose that stops on a character or an opening mark), the line after continues it with
    closing punctuation, or the line itself stops on a word that cannot end a phrase (``1985年的`` /
    ``工资改革，``)."""
    before = texts[i - 1] if i else ""
    after = texts[i + 1] if i + 1 < len(texts) else ""
    runs_in = (
        runs_in
        and bool(before)
        and rule[i - 1] is None
        and not (meta and meta[i - 1])
        and len(before) > 12
        and bool(_RUNS_ON.search(before))
    )
    runs_out = bool(after) and rule[i + 1] is None and texts[i][-1:] in _DANGLING
    return runs_in or runs_out or after[:1] in CONTINUES


def _standalone(texts: Sequence[str], i: int) -> bool:
    """Not a piece of a broken sentence: neither neighbour runs on into or out of this line."""
    before = texts[i - 1] if i else ""
    after = texts[i + 1] if i + 1 < len(texts) else ""
    return not (before and not ends_sentence(before)) and not after


def _pick_title(
    texts: Sequence[str],
    filled: Sequence[int],
    heading: Sequence[bool],
    rule: Sequence[Optional[str]],
    meta: Sequence[bool],
    body: int,
    title_hint: Optional[str],
    has_body: bool = True,
) -> list[int]:
    """Indices of the title line(s) before the body; empty when the page has no title line.

    With a known title, the line equal to it, else the first run of head lines that spells a part of it
    of four characters or more (``政府工作报`` + ``告`` in a title ``2017年…政府工作报告``).
    """
    if title_hint:
        hint = title_hint.strip()
        exact = [i for i, t in enumerate(texts) if t == hint]
        if exact:
            return exact[:1]
        for i in range(min(body, len(texts)) if has_body else 0):
            if not texts[i] or rule[i] is not None or meta[i] or _in_sentence(texts, rule, i):
                continue
            run, spelled = [], ""
            j = i
            while j < body and texts[j] and (spelled + texts[j]) in hint:
                spelled += texts[j]
                run.append(j)
                j += 1
            if len(spelled) >= 4:
                # a headline in two lines with blank lines between, the known title spacing its halves
                # (``决胜全面建成小康社会`` / ``为夺取新时代…伟大胜利`` under ``决胜… 夺取新时代…伟大胜利 (十九大)``):
                # the next line too, where the title holds it whole or but for its first character (为)
                k = bisect_right(filled, run[-1])
                if k < len(filled) and (j := filled[k]) < body and j > run[-1] + 1:
                    t = texts[j]
                    if (
                        rule[j] is None
                        and not meta[j]
                        and len(t) >= 8
                        and (t in hint or t[1:] in hint)
                        and t not in spelled
                    ):
                        run.append(j)
                return run
        return []
    if not has_body:  # a title heads a body; a page of short lines keeps them as text
        return []
    best: Optional[tuple[tuple[int, int], int]] = None
    # a breadcrumb or a link list repeats the title; a copyright or ICP line names the site instead
    furniture = [t for t, r in zip(texts, rule) if r is not None and r not in SITE_IDENTITY]
    # (counted and joined once per page: a scan of every line for each candidate took time quadratic in the
    # lines above the body; a line holds no "\n", so ``t in joined`` is ``any(t in f for f in furniture)``)
    copies, joined = Counter(texts), "\n".join(furniture)
    for i in range(min(body, len(texts))):
        t = texts[i]
        if not t or rule[i] is not None or meta[i] or not 4 <= len(t) <= 80 or heading[i]:
            continue
        if (
            t.endswith(("。", "；", ";", "：", ":"))
            or _GREETING.match(t)
            or is_link_list(t)
            or DATELINE.match(t)
            or DATELINE_START.match(t)
            or _NOT_TITLE.search(t)
        ):
            continue
        k = bisect_right(filled, i)
        if k >= 2 and (DATELINE.match(up := texts[filled[k - 2]]) or DATELINE_START.match(up)):
            continue  # a dateline stands under its title, never above it (a cleaned text opening with one)
        if k >= 2 and len(up) <= 6 and up.endswith((":", "：")):
            continue  # the text under a label (``编者按:`` / ``四川两会时间到, …!``) is the label's, no headline
        t = _unspaced(t)  # a heading spaced a letter apart is read as its word
        echoed = copies[t] > (texts[i] == t) or t in joined  # another line, or furniture, repeats it
        nearby_meta = any(meta[j] for j in filled[k : k + 3])  # the next three non-blank lines
        # a headline the text's first sentence restates word for word (``…推进大会举行`` over
        # ``4月22日上午,全市…推进大会举行。``), not a deck of names under it (``X讲话 Y主持``)
        lead = len(t) >= 8 and body < len(texts) and t in texts[body][:120]
        score = (
            2 * echoed
            + nearby_meta
            + lead
            + bool(_TITLE_WORDS.search(t))
            + (len(t) >= 8)
            + (len(t) >= 15)
        )
        key = (
            score,
            -i if echoed else i,
        )  # echoed: its first copy; otherwise the one nearest the body
        if best is None or key > best[0]:
            best = (key, i)
    if best is None or _text_above(texts, filled, heading, rule, meta, best[1]):
        return []
    # the page's headline over its date line, the document's own heading under it (``政 府 工 作 报 告(2022年)`` /
    # ``发布日期:…`` / ``政府工作报告``): the headline, which is the heading with its bracketed year
    top = best[1]
    # (the last metadata line above it, found once: a scan for each line took time quadratic in the lines)
    last_meta = next((j for j in range(top - 1, -1, -1) if meta[j]), -1)
    for i in range(last_meta):  # a metadata line between the headline and the heading
        t = texts[i]
        if not t or rule[i] is not None or meta[i] or len(t) > 80:
            continue
        if _headline_of(t, texts[top]):
            return [i]
    return [top]


def _text_above(
    texts: Sequence[str],
    filled: Sequence[int],
    heading: Sequence[bool],
    rule: Sequence[Optional[str]],
    meta: Sequence[bool],
    top: int,
) -> bool:
    """The candidate title *top* is a line of a cleaned text, no title: the page is spaced as ``clean`` writes
    its text (:func:`_clean_spacing`), holds no metadata line (``clean`` takes them out), and three lines or
    more stand above *top*, each one the first pass keeps below a title (no rule's, no metadata, no heading,
    no link list; a sentence's punctuation or more than 12 characters). Those lines were kept under the page's
    title, so the line under them is text too; taking it for the title would drop them as the site's header,
    and ``clean`` would not be its own fixed point (govr_24: ``壹号秘书办公文库,公文写作门户网站`` and four more
    lines kept under ``【金刚钻系列】…全文汇编(31篇64万字)``, over ``2023年最新省政府工作报告全文汇编``). One or two
    such lines over a headline are a page's own (a quote and the post's name over its header line, blog_07;
    a kicker over a headline over its date, wnews_38)."""
    k = bisect_right(filled, top) - 1  # the lines above top
    return (
        k >= 3
        and _clean_spacing(filled)
        and not any(meta[i] for i in filled)
        and all(
            rule[i] is None
            and not heading[i]
            and (len(texts[i]) > 12 or SENTENCE_PUNCT.search(texts[i]) is not None)
            and not is_link_list(texts[i])
            for i in filled[:k]
        )
    )


def _headline_of(t: str, heading: str) -> bool:
    """*t*, a line above a date line, is the page's headline for the document's own *heading* below it: the
    heading with its year in brackets (``政府工作报告(2022年)``), spaced a letter apart (``政 府 工 作 报 告``), or
    a headline naming the document (``2024年某某市政府工作报告`` over ``政府工作报告``; a breadcrumb ending with
    that name). One test for the rules' title (:func:`_pick_title`) and the final one
    (:func:`_headline_over_date`)."""
    bare = _unspaced(t)
    return (
        bare != heading
        and bare.startswith(heading)
        and bool(_BRACKET_TAIL.fullmatch(bare[len(heading) :]))
        or bare == heading != t
        or heading in bare != heading
        and bool(_DOC_NAME.fullmatch(heading))
        and _headline_line(bare, 8)
    )


def _headline_over_date(texts: Sequence[str], actions: Sequence[str], new: int, window: Sequence[int]) -> int:
    """The page's headline above its date line rather than the document's own heading below it, where the
    headline is that heading spaced a letter apart or with its year in brackets (``政 府 工 作 报 告(2022年)`` /
    ``发布日期:2022-02-11`` / ``政府工作报告``), or names it (``2024年某某市政府工作报告`` over ``政府工作报告``)."""
    title = texts[new]
    for i in window:
        if i >= new:
            break
        t = texts[i]
        if not t or actions[i] not in (codes.KEEP, codes.DROP, codes.TITLE) or len(t) > 80:
            continue
        if _headline_of(t, title) and any(actions[j] == codes.META for j in range(i + 1, new)):
            return i
    return new


_BRACKET_DATE = re.compile(r"[（(]\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[）)]")
_BRACKET_TAIL = re.compile(r"\s*" + _NOTE)  # (fullmatch: the note is all that follows)
