"""The shortcuts of the prose-sum reader and the portal scan find what the full tests find (bench/same_findings.py
compares whole runs; these pin the conditions each shortcut relies on, on random texts made of the words that
matter)."""

from __future__ import annotations

import random
import re

import pytest

from disclosure_lint import page_lines
from disclosure_lint.report import prose_reading
from disclosure_lint.report import prose_sums as ps

_WORDS = [
    "约", "近", "逾", "超过", "超", "不足", "不到", "将近", "大约", "接近", "上百", "数", "十", "三", "一", "百", "千", "零",
    "1", "5", "12", "2023", "年", "-", "—", "–", "~", "～", "至", "到", " ", "\n", "\u3000", "件", "条", "个", "项", "篇",
    "份", "起", "宗", "例", "次", "以上", "，", "。", "；", "%", ".", ",", "０", "５", "第", "申请", "公开", "予以公开",
    "同比", "增加", "上半年", "季度", "截至", "9月", "前三个月", "上年", "上年结转", "去年", "以前年度", "近三年",
    "建议", "提案", "留言", "12345", "热线", "结转", "其中", "部分公开", "自然人", "法人", "上年度结转", "3月份",
]


def _texts(n: int, longest: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_WORDS) for _ in range(rnd.randint(0, longest))) for _ in range(n)]


def test_every_figure_holds_a_unit():
    for t in _texts(20000, 8, 1):
        if ps._FIG.search(t):
            assert ps._ANY_UNIT.search(t), t
    for m in ps._FIG.finditer("".join(_WORDS)):
        assert ps._ANY_UNIT.search(m.group(0))


def test_a_name_without_a_flag_passes_every_test():
    tests = (ps._DIGIT, ps._CHANGE, ps._PART_YEAR, ps._APPROX_CLAUSE, ps._PAST, ps._OFF_TOPIC)
    for t in _texts(30000, 6, 2):
        found = any(p.search(t) for p in tests)
        assert found == (ps._NAME_FLAGS.search(t) is not None), t


@pytest.mark.parametrize("arabic", [True, False])
def test_a_range_or_an_approximation_ends_in_one_of_the_characters(arabic):
    for t in _texts(30000, 4, 3):
        before = t[-6:]
        if prose_reading.RANGE_BEFORE.search(before) or prose_reading.approximate_before(before, arabic):
            assert before.rstrip()[-1:] in ps._BEFORE_LAST, before


def test_fig_ok_on_the_edges():
    # 约 before a final newline still makes the number approximate ($ matches before it)
    for sent in ["约\n50件", "约 50件", "5-10件", "5 至 10件", "申请数15件", "数十件", "共50件以上", "共50件", "逾\n\n3件",
                 "不到 \n5件"]:
        r = ps._Reader.__new__(ps._Reader)
        r.sent = sent
        f = next(ps._FIG.finditer(sent))
        before = sent[max(0, f.start() - 6):f.start()]
        slow = not (prose_reading.RANGE_BEFORE.search(before)
                    or prose_reading.approximate_before(before, bool(f.group("num")))) \
            and not prose_reading.BAD_AFTER.match(sent, f.end()) and ps._number(f) is not None
        assert r._fig_ok(f) == slow, sent


def test_chrome_or_navigation_is_both_tests():
    rnd = random.Random(4)
    words = ["首页", "|", " ", "　", "政务动态", "今日要闻", "无障碍浏览", "。", "，", "一、", "（一）", "1.", "长者模式",
             ">", "当前位置：", "简体", "\n", "某某市人民政府办公室关于印发", "报告", "、", "2023"]
    for _ in range(20000):
        t = "".join(rnd.choice(words) for _ in range(rnd.randint(0, 7)))
        assert page_lines.chrome_or_navigation(t) == (page_lines.is_chrome(t) or page_lines.is_navigation(t)), t


def test_name_flags_hold_no_group_names():
    assert re.compile(ps._NAME_FLAGS.pattern).groupindex == {}


def test_a_figure_made_fast_is_the_dataclass_one():
    from disclosure_lint.model import Block
    b = Block(index=3, kind="paragraph", text="办结申请56件")
    fast = ps._figure(b, 0, 7, 4, 56, "件", "handled")
    slow = ps.Figure(b, 0, 7, 4, 56, "件", "handled")
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow) and vars(fast) == vars(slow)
    assert fast.text == "办结申请56件" and fast.label == "handled"
    with pytest.raises(AttributeError):
        fast.number = 1  # type: ignore[misc]


def test_the_window_keyword_is_kept_as_found():
    # the kept answer is the one a first reading gives, whatever was read before (a pure function of the window)
    windows = ["被申请行政复议", "全年共办结", "本年新收政府信息公开申请", "较上年增加办结", "约办结", "行政复议案件",
               "上年结转", "收到", "依申请公开", "主动公开政府信息", "", "办结申请，", "共受理建议办理"]
    ps._WINDOW_KW.clear()
    first = [ps._window_keyword(w) for w in windows]
    again = [ps._window_keyword(w) for w in reversed(windows)][::-1]
    assert first == again
    for w, got in zip(windows, first):
        kw = None
        for kw in ps._TOTAL_KW.finditer(w):  # noqa: B007
            pass
        if kw is None or not ps._TOTAL_GAP.match(w[kw.end():]):
            assert got is None
            continue
        masked = w[:kw.start()] + "　" * (kw.end() - kw.start()) + w[kw.end():]
        assert got == (None if ps._NOT_TOTAL.search(masked) else (kw.lastgroup, kw.start(), kw.end())), w


def test_the_window_memo_is_bounded():
    ps._WINDOW_KW.clear()
    for k in range(ps._WINDOW_KW.limit + 10):
        ps._window_keyword(f"办结{k}")
    assert len(ps._WINDOW_KW) <= ps._WINDOW_KW.limit


def test_bad_after_never_matches_after_the_start():
    # ^ without MULTILINE matches at the start of the string only, whatever pos: the check _fig_ok dropped never held
    for t in _texts(5000, 6, 6):
        for pos in range(1, len(t) + 1):
            assert prose_reading.BAD_AFTER.match(t, pos) is None
    assert prose_reading.BAD_AFTER.match("共50件以上", 4) is None and prose_reading.BAD_AFTER.match("以上")
