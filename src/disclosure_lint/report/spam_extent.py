"""How far a known spam term's insertion reaches (:func:`term_extent`), for :func:`.promotions.find_phrases`.

A known term (``SPAM_TERMS``: 365bet, 足彩app, 澳门银河 …) is rarely inserted alone.  Spam titles chain names with
``_`` and end them with the words of an app's download page, and the finding's quote and its fix (delete what was
inserted) must take all of it, or the report keeps the rest (real pages: ``365bet规则_365bet体育在线网站_beat365
手机版客户端ios`` in place of a body's name, ``体育365网投_365bet365用址_365bet官网提现说维护`` in place of a city's,
``足彩app哪个是正规的`` in place of a leader's name, ``188博金宝app``, ``澳门银河官方app下载``, ``九游会旧版``):

* after the term, the words such pages end with (手机版, 客户端, ios, 官方app下载, 旧版, 提现说维护, 哪个是正规的 …);
* before it, the letters or digits written onto it (``188``博金宝) and the names chained to it with ``_``
  (``体育365网投_``): the run of a spam name's words (letters, digits, 体育, 官网, 赌场 …) before the ``_``.

Nothing of the report's own words is taken: the words after a term and those of a chained name are closed lists, and
a chained name stops at the first mark, space, quote or bracket (and at 16 characters).
"""

from __future__ import annotations

import re

# the words a spam title ends a name with (case-blind app, ios)
# (官网 with what may follow it as promotions.widened_end takes it; not 平台, 网址 or 入口 alone: the sentence's own
# words may follow an insertion that replaced the ones before them)
_TAIL = re.compile(
    r"(?:手机版|客户端|[iI][oO][sS]版?|安卓版?|官方(?:[aA][pP][pP])?下载|官方[aA][pP][pP]|[aA][pP][pP]下载|[aA][pP][pP]"
    r"|(?:亚洲|中国|国际)?(?:官网|官方网站)(?:登录|登陆|首页|入口)?|官方|旧版|新版|提现说维护|提现|哪个是正规的?|哪个正规){1,6}")
# letters or digits written onto the term's start (188博金宝): not the tail of a word, an address or a number
# (a brand's letters, or two or three digits: not a year or a count, 2024欧洲杯)
_HEAD = re.compile(r"(?<![A-Za-z0-9._/@:=%&?#-])(?:[A-Za-z][A-Za-z0-9]{1,7}|[0-9]{2,3})$")
_STOPS = frozenset(" \t\u3000\n，。；、,;：:“”‘’\"'《》〈〉（）()【】[]|<>！？!?")
_CHAIN = 16  # characters of a name chained to the term with _, at most
# the words a chained name is made of (a letter or digit one at a time: no nested repeat to backtrack through)
# — (体育365网投, bat365官网登录下载, 金沙城中心赌场): its longest run of them before the
# _ is taken, not the report's words it was written after (自治州bat365…, 未发生金沙城中心赌场)
_NAME_WORDS = re.compile(
    r"(?:[A-Za-z0-9]|体育|娱乐|网投|网上|赌场|彩票|棋牌|真人|电子|官网|官方|网站|登录|下载|开户|注册|平台|在线|手机版"
    r"|世界杯|专用版|用址|中心|城|金沙|澳门|银河|威尼斯人|老虎机|即时比分|足球|篮球|比分)+$")
_LINKS = 2  # names chained with _ taken before the term, at most (a text of 365bet_365bet_… is not read back whole
#             from each of its terms)


def term_extent(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the insertion around a known term found at ``text[start:end]``."""
    tail = _TAIL.match(text, end)
    if tail is not None:
        end = tail.end()
    if start and text[start - 1].isascii() and text[start - 1].isalnum():
        head = _HEAD.search(text, max(0, start - 9), start)
        if head is not None:
            start = head.start()
    links = 0
    while start > 1 and text[start - 1] == "_" and links < _LINKS:
        links += 1
        k = start - 2
        while k >= 0 and start - 1 - k <= _CHAIN and text[k] not in _STOPS:
            k -= 1
        if start - 1 - k > _CHAIN:
            break  # (no mark in reach: a run of text, not a name of the title)
        name = _NAME_WORDS.search(text, k + 1, start - 1)
        if name is None:
            break  # (nothing of a spam name before the _)
        start = name.start()
    return start, end
