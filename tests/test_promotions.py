"""Suspected injected promotion (report/promotions.py) and the DL501 rule that reports it.

Shape-based detection: a brand (Latin letters, digits, a known gambling brand, or two characters
that are no ordinary word) before 体育/娱乐/棋牌/彩票/电子/真人 with a promotion tail or a count
in a list of counts.  Precision matters more than recall (every finding is an error), so most of
this file is legitimate text that must stay quiet: the issue's list, a stress set of 220 sentences
written for these tests (tests/fixtures/spam/legit-sentences.txt), flattened and portal pages.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from disclosure_lint.docs import rule_defaults
from disclosure_lint.packs import load_rules
from disclosure_lint.readers import text as text_reader
from disclosure_lint.report import interpret
from disclosure_lint.report.promotions import SPAM_ALLOW, SPAM_PATTERNS, SPAM_TERMS, find_phrases

from .conftest import NO_SHARED, SHARED, lint, parse, shared_params

SEED = SHARED / "seed/shangtang-2019.txt"
LEGIT = Path(__file__).parent / "fixtures" / "spam" / "legit-sentences.txt"


def _legit() -> list[str]:
    return [ln.strip() for ln in LEGIT.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]


def _dl501(text: str, fmt: str = "markdown", **kw):
    return [d for d in lint(text, select=["DL501"], fmt=fmt, **kw) if d.code == "DL501"]


# -- the fact: phrases, brands, triggers, signals ------------------------------------------------

@pytest.mark.parametrize(("text", "phrase", "brand", "core", "tail", "signal"), [
    ("推进政务公开。星耀娱乐官网。", "星耀娱乐官网", "星耀", "娱乐", "官网", "new-brand"),
    ("访问星耀体育官方网站", "星耀体育官方网站", "星耀", "体育", "官方网站", "new-brand"),
    ("金沙电子", "金沙电子", "金沙", "电子", "", "known-brand"),
    ("永利棋牌app下载", "永利棋牌app下载", "永利", "棋牌", "app下载", "known-brand"),
    ("欢迎光临xyz体育", "xyz体育", "xyz", "体育", "", "latin-brand"),
    ("BOB体育", "BOB体育", "BOB", "体育", "", "latin-brand"),
    ("kok体育登录入口", "kok体育登录入口", "kok", "体育", "登录入口", "latin-brand"),
    ("777娱乐", "777娱乐", "777", "娱乐", "", "digit-brand"),
    ("8868彩票注册送", "8868彩票注册送", "8868", "彩票", "注册送", "digit-brand"),
    ("AG真人平台，", "AG真人平台", "AG", "真人", "平台", "latin-brand"),
    ("鸿运电子注册送88元彩金", "鸿运电子注册送88元彩金", "鸿运", "电子", "注册送88元彩金", "new-brand"),
    ("明珠真人开户", "明珠真人开户", "明珠", "真人", "开户", "new-brand"),
    ("耀星体育（中国）官方网站", "耀星体育（中国）官方网站", "耀星", "体育", "官方网站", "new-brand"),
    ("主动公开政府信息58条，街道星耀体育120条。", "星耀体育", "星耀", "体育", "", "count-list"),
    # a firm's name around the brand is part of the insertion: deleting the brand alone would leave 股份有限 behind
    ("主动公开政府信息58条，街道中国股份有限星耀体育120条。", "中国股份有限星耀体育", "星耀", "体育", "", "firm-name"),
    ("主动公开政府信息58条，金沙体育（中国）股份有限公司120条。", "金沙体育（中国）股份有限公司", "金沙", "体育", "",
     "firm-name"),
    ("欢迎访问金沙体育有限公司官网", "金沙体育有限公司官网", "金沙", "体育", "官网", "firm-name"),
])
def test_phrase_shapes(text, phrase, brand, core, tail, signal):
    found = find_phrases(text, terms=False)
    assert [p.phrase for p in found] == [phrase]
    p = found[0]
    assert (p.brand, p.core, p.tail) == (brand, core, tail)
    assert signal in p.signals
    assert text[p.start:p.end] == phrase


@pytest.mark.parametrize("text", [
    # the issue's list
    "教育体育局", "文化体育和旅游局", "体育场馆", "全民健身体育", "中国体育彩票", "体育彩票公益金", "福利彩票",
    "电子政务", "电子证照", "电子版", "电子邮箱", "政府官方网站", "门户网站", "某某市人民政府官网", "文化娱乐场所",
    "加强社区棋牌室管理", "银行开户", "开户许可", "政务服务APP下载", "“浙里办”APP", "政务服务网统一登录入口",
    "打击非法彩票", "查处网络赌博", "Sports", "WeChat", "体育总局", "彩票管理中心", "电子政务办公室",
    # more of the same families
    "LG电子", "TCL电子官网", "三星电子", "舒华体育股份有限公司", "耐克体育（中国）有限公司", "咪咕体育APP",
    "舒华体育股份有限公司官网", "耐克体育（中国）有限公司官网",  # a new brand's firm name may be a real firm's
    "NBA体育", "CCTV-5体育", "PP体育", "KTV娱乐场所", "VR体育", "5G娱乐", "彩票投注站", "电子商务", "金沙电子商务",
    "皇冠体育场", "宁波体育官网", "连云港体育APP", "2023体育彩票", "第365体育", "China Sports 体育",
    "www.bob365.com体育", "全年发布信息46条，其中教育体育类12条", "发布信息46条，群众体育12条",
    "星耀体育APP直播赛事",  # an app name inside a sentence, no promotion tail closing it
    "企业电子开户", "证券电子开户", "船舶电子导航", "暂停手机彩票投注业务",
])
def test_phrase_quiet(text):
    assert [p.phrase for p in find_phrases(text, terms=False)] == []


def test_phrase_right_after_an_address_is_not_part_of_it():
    # an address ends at the first Chinese character: the phrase run into it is still found (was swallowed by \S+)
    for text, phrase in (("详见www.kyty.com乐博体育官网注册送。", "乐博体育官网注册送"),
                         ("访问http://x.cn/a乐博体育官网。", "乐博体育官网")):
        [p] = find_phrases(text, terms=False)
        assert (p.phrase, text[p.start:p.end], p.start) == (phrase, phrase, text.index(phrase))
    assert find_phrases("访问http://x.cn/kaiyun体育官网。", terms=False) == []  # inside the address


def test_agency_name_is_never_a_brand():
    text = "# 星耀市星耀体育发展中心2023年政府信息公开工作年度报告\n\n可登录星耀体育官网查询。\n"
    assert [p.phrase for p in interpret(parse(text)).promotions] == []
    other = "# 某市体育发展中心2023年政府信息公开工作年度报告\n\n可登录星耀体育官网查询。\n"
    assert [p.phrase for p in interpret(parse(other)).promotions] == ["星耀体育官网"]


def test_report_fact_positions_in_prose_and_cells():
    text = ("# 某区2023年政府信息公开工作年度报告\n\n主动公开政府信息46条，BOB体育官网12条。\n\n"
            "| 信息内容 | 数量 |\n| --- | --- |\n| kok体育平台 | 3 |\n")
    rep = interpret(parse(text))
    got = [(p.phrase, p.block.kind, p.cell is not None, p.text[p.start:p.end]) for p in rep.promotions]
    assert got == [("BOB体育官网", "paragraph", False, "BOB体育官网"), ("kok体育平台", "table", True, "kok体育平台")]
    assert rep.promotions[0].hidden is None
    assert "latin-brand" in rep.promotions[0].signals


def test_rule_file_lists_the_same_terms_as_the_report_fact():
    """DL505 finds terms in hidden text with the fact's built-in list: it must be DL501's default list."""
    options = rule_defaults(next(r for r in load_rules() if r.code == "DL501"))
    assert options["terms"] == list(SPAM_TERMS)
    assert options["patterns"] == list(SPAM_PATTERNS)
    assert options["allow"] == list(SPAM_ALLOW)


# -- DL501: code, position, phrase named ---------------------------------------------------------

def test_dl501_names_phrase_brand_and_trigger_with_position():
    text = "一、总体情况\n\n2023年主动公开政府信息58条，星耀体育120条，政务微博发布信息92条。\n"
    diags = _dl501(text)
    col = text.splitlines()[2].index("星耀") + 1
    assert [(d.line, d.column, d.match, d.severity) for d in diags] == [(3, col, "星耀体育", "error")]
    msg = diags[0].message
    assert "“星耀体育”" in msg and "“星耀”" in msg and "“体育”" in msg and "疑似替换了原文" in msg
    assert diags[0].evidence["brand"] == "星耀" and "count-list" in diags[0].evidence["signals"]


def test_dl501_tail_and_latin_brand_in_text_format():
    text = ("首页 > 政府信息公开 > 年度报告\n发布日期：2023-01-12 浏览次数：\n"
            "本机关主动公开信息120条。欢迎访问kok体育登录入口。\n")
    diags = _dl501(text, fmt="text")
    col = text.splitlines()[2].index("kok") + 1
    assert [(d.line, d.column, d.match) for d in diags] == [(3, col, "kok体育登录入口")]
    assert "字母品牌“kok”" in diags[0].message and "“登录入口”" in diags[0].message


def test_dl501_one_finding_for_term_and_shape_together():
    diags = _dl501("开云体育（中国）官方网站，注册即送888元彩金。")
    assert [d.match for d in diags] == ["开云体育（中国）官方网站", "注册即送888元彩金"]


def test_dl501_ordinary_prefixes_option():
    cfg = {"options": {"DL501": {"ordinary_prefixes": ["星耀"]}}}
    assert _dl501("星耀娱乐官网", config=cfg) == []
    assert _dl501("星耀娱乐官网")


@pytest.mark.skipif(not SEED.is_file(), reason=NO_SHARED)
def test_seed_brand_found_by_shape_alone():
    """The seed with its brand replaced by one that is on no list still fires twice (count in a list of counts)."""
    text = SEED.read_text(encoding="utf-8").replace("华球", "鑫辉")
    diags = _dl501(text, fmt="text")
    assert [(d.line, d.match) for d in diags] == [(8, "中国股份有限鑫辉体育"), (46, "中国股份有限鑫辉体育")]
    assert all("疑似替换了原文" in d.message for d in diags)


# -- legitimate text stays quiet -----------------------------------------------------------------

def test_stress_set_has_enough_sentences():
    assert len(_legit()) >= 200


@pytest.mark.parametrize("sentence", _legit())
def test_stress_set_sentence_quiet(sentence):
    assert [d.match for d in _dl501(sentence)] == []


def test_stress_set_flattened_and_as_table_quiet():
    sentences = _legit()
    flat = " ".join(sentences)  # a scraped page whose line breaks were lost
    assert [d.match for d in _dl501(flat, fmt="text")] == []
    table = "| 序号 | 内容 |\n| --- | --- |\n" + "".join(f"| {i} | {s} |\n" for i, s in enumerate(sentences, 1))
    assert [d.match for d in _dl501(table)] == []


@pytest.mark.parametrize("path", shared_params("corpus/excerpts/*.txt"))
def test_real_excerpts_quiet(path):
    assert [d.match for d in _dl501(path.read_text(encoding="utf-8"), fmt="text")] == []


# -- bounded work --------------------------------------------------------------------------------

def _rand_brands(n: int) -> str:
    rng = random.Random(7)
    cjk = "星耀鸿运鑫辉华球明珠金冠银豹天狐"
    parts = []
    size = 0
    while size < n:
        b = "".join(rng.choice(cjk) for _ in range(2)) if rng.random() < 0.5 else \
            "".join(rng.choice("abcdefghkopxyz0123456789") for _ in range(rng.randint(2, 5)))
        parts.append(b + rng.choice(["体育", "娱乐", "棋牌", "彩票", "电子", "真人"]) +
                     rng.choice(["官网", "APP下载", "", "12条", "注册送", "局", "，"]))
        size += len(parts[-1])
    return "".join(parts)[:n]


@pytest.mark.slow  # a 1 MB input; the hostile suite and test_hostile_text cover the shapes by default
@pytest.mark.parametrize("line", [
    "体育" * 500_000,
    "体育官网" * 250_000,
    "BOB" * 333_333,
    None,  # random brand-like tokens
], ids=["core", "core-tail", "latin", "random"])
def test_one_megabyte_line_is_fast(line):
    text = line if line is not None else _rand_brands(1_000_000)
    doc = text_reader.parse(text, path="big.txt")
    rep = interpret(doc)
    found = rep.promotions
    if line is None:
        assert found  # and it still finds them


# -- the issue's list through the rule, real layouts ---------------------------------------------

@pytest.mark.parametrize("text", [
    "区教育体育局、市文化体育和旅游局完善体育场馆开放和全民健身体育设施信息。",
    "公开中国体育彩票、体育彩票公益金和福利彩票公益金使用情况。",
    "推进电子政务、电子证照应用，报告电子版已发布，联系电子邮箱：xxgk@example.gov.cn。",
    "在政府官方网站、门户网站和某某市人民政府官网同步发布。",
    "检查文化娱乐场所32家，依据《条例》规范社区棋牌室经营。",
    "公开银行开户许可和开户许可证取消后的办理流程。",
    "可通过政务服务APP下载、“浙里办”APP办理，或从政务服务网登录入口进入。",
    "配合公安机关打击非法彩票，查处网络赌博案件5起。",
    "英文版网站设置Sports栏目，并开通WeChat公众号。",
    "国家体育总局、省体育彩票管理中心、市电子政务办公室联合开展检查。",
])
def test_issue_list_quiet_through_dl501(text):
    assert [d.match for d in _dl501(text)] == []
    assert [d.match for d in _dl501(text, fmt="text")] == []


def test_flattened_examples():
    root = Path(__file__).resolve().parent.parent / "examples"
    lines = (root / "clean-2023.md").read_text(encoding="utf-8").splitlines()
    clean = " ".join(ln.strip() for ln in lines if ln.strip())
    assert _dl501(clean, fmt="text") == []
    defective = (root / "defective-2023.md").read_text(encoding="utf-8")
    flat = " ".join(ln.strip() for ln in defective.splitlines() if ln.strip())
    assert [d.match for d in _dl501(defective)] == ["星耀体育官网注册即送888元彩金"]
    assert [d.match for d in _dl501(flat, fmt="text")] == ["星耀体育官网注册即送888元彩金"]


def test_truncated_excerpt_ending_inside_a_phrase():
    text = "发布日期：2023-01-12 浏览次数：\n2022年主动公开政府信息120条，政务微博发布信息92条，星耀体育官"
    assert _dl501(text, fmt="text") == []
    cut = "2022年主动公开政府信息120条，kok体育"
    assert [d.match for d in _dl501(cut, fmt="text")] == ["kok体育"]


# -- described, not promoted: enforcement and warnings over the whole sentence --------------------

@pytest.mark.parametrize(("text", "how"), [
    ("全年捣毁百家乐网络赌博平台12个。", "before"),
    ("破获网络赌博案件12起，涉及“六合彩”“时时彩”等赌博形式。", "offence"),
    ("提醒群众切勿点击“注册送彩金”等诱导链接。", "before"),
    ("不要相信“注册送彩金”之类的诱导链接。", "warning"),
    ("公开曝光了一批以“体育彩票”“棋牌娱乐”为幌子的网络赌博网站和APP。", "warning"),
    ("向群众讲解六合彩、时时彩等非法彩票的危害，防范网络赌博。", "offence"),
    ("涉及“六合彩”等赌博形式。", "offence"),
])
def test_gambling_context_reads_the_whole_sentence(text, how):
    from disclosure_lint.report.gambling_context import Context
    ctx = Context()
    for p in find_phrases(text):
        d = ctx(text, p.start, p.end)
        assert d is not None, p.phrase
    assert how in {ctx(text, p.start, p.end).how for p in find_phrases(text)}


def test_dl501_police_report_quiet_in_every_layout():
    """rt-clean #1: a 公安局 report on its anti-gambling work gives no DL501 (md, flattened text, table cell)."""
    text = ("全年捣毁百家乐网络赌博平台12个。破获网络赌博案件12起，涉及“六合彩”“时时彩”等赌博形式。"
            "提醒群众切勿点击“注册送彩金”等诱导链接。")
    md = f"# 江州市公安局2022年政府信息公开工作年度报告\n\n## 一、总体情况\n\n{text}\n"
    assert _dl501(md) == []
    assert _dl501(" ".join(md.split("\n")), fmt="text") == []
    assert _dl501(f"| 工作 | 情况 |\n| --- | --- |\n| 打击赌博 | {text} |\n") == []


@pytest.mark.parametrize(("text", "match"), [
    # an enforcement word in another clause does not cover an injected brand
    ("公开行政处罚信息120条，查处案件信息35条，华球体育12条。", "华球体育"),
    ("开展打击整治养老诈骗专项行动，发布信息120条，xyz体育45条。", "xyz体育"),
    # gambling named, but promoted: no enforcement, not cited
    ("网上赌博平台开云体育官网，注册送彩金。", "开云体育官网"),
    ("百家乐等你来，注册送彩金。", "百家乐"),
    # a warning in the next sentence does not cover this one
    ("开云体育官网注册送彩金。谨防诈骗。", "开云体育官网注册送彩金"),
])
def test_dl501_context_elsewhere_does_not_cover_spam(text, match):
    assert match in [d.match for d in _dl501(text)]


@pytest.mark.parametrize("text", [
    "全年公开群众体育12条，残疾人体育8条。",
    "公开竞技体育信息15条，龙舟体育5条，武术体育6条，足球体育5条，篮球体育4条，电竞体育4条。",
    "发布退役军人体育活动信息3条，老年人体育活动信息9条。",
])
def test_dl501_sports_and_groups_before_ti_yu_are_no_brand(text):
    """rt-clean #2: 残疾人体育 is not cut into a brand 疾人; a sport or a group of people is no brand."""
    assert _dl501(text) == []
    assert find_phrases(text, terms=False) == []


def test_dl501_brand_after_a_word_still_found():
    diags = _dl501("全年公开群众体育12条，街道星耀体育8条。")
    assert [(d.match, d.column) for d in diags] == [("星耀体育", 15)]


# -- a term that is an ordinary word where it stands (red team c46–c49, c08) ----------------------

@pytest.mark.parametrize("text", [
    "全年公开金银饰品质量抽检结果4期，涉及黄金、铂金、彩金饰品12批次，全部合格。",
    "公开大型游乐设施定期检验信息32条，涉及欢乐谷儿童娱乐城、青溪水上乐园等12家游乐场所。",
    "推行企业开办“一网通办”，对新设立企业实行“注册送章”服务，全年免费刻制印章1862套。",
    "全年通过门户网站公开信息：群众体育12条，竞技体育9条，即开型体育彩票销售信息3条，电脑体育彩票4条。",
    "全年公开行政处罚决定中，涉及青溪区星空体育用品商店、江北市半岛体育文化传播有限公司各1件。",
    # a word ending in 彩 before a name beginning with 金 (a county's account; a season)
    "全年通过“多彩金川”微信公众号累计发布相关工作信息78条。",
    "举办“精彩金秋”主题活动信息公开3次。",
    # the state lottery's market and areas, a purchase of balls: no promotion
    "规范中国体育彩票市场管理，公开中国体育彩票区域销售信息12条。",
    "公开购买球类器材、购买球场维护服务的采购信息3条。",
])
def test_ordinary_words_holding_a_term_are_quiet(text):
    assert [d.match for d in _dl501(text)] == []
    assert [d.match for d in _dl501(text, fmt="text")] == []


@pytest.mark.parametrize(("text", "match"), [
    ("星耀体育官网注册送彩金，详情咨询在线客服。", "星耀体育官网注册送彩金"),
    ("澳门娱乐城官网，注册开户即送彩金。", "娱乐城官网"),  # (the site's tail quoted with it)
    ("儿童娱乐城官网注册即可领取。", "娱乐城官网"),  # a promotion word near: no playground
    ("注册送彩金，首存送888元。", "注册送彩金"),
    ("黄金彩金饰品官网注册开户。", "彩金"),
    ("多彩金城官网注册即送。", "彩金"),  # a promotion word near: no county's name
    ("主动公开政府信息58条，街道星空体育120条。", "星空体育"),
    ("星空体育用品官网注册送。", "星空体育用品官网注册送"),  # two terms a few characters apart: one finding
    ("半岛体育官方网站。", "半岛体育官方网站"),
    ("主动公开政府信息46条，街道华球体育彩票188条。", "华球体育彩票"),
])
def test_the_same_terms_in_a_promotion_still_fire(text, match):
    assert match in [d.match for d in _dl501(text)]


@pytest.mark.parametrize(("text", "matches"), [
    # seen on hijacked pages: a notice's title, a college's name, the core leader's name replaced
    ("根据《沙巴体育娱乐场,中国足彩在线印发年度报告格式的通知》编制。", ["沙巴体育", "足彩在线"]),
    ("坚持以足彩app哪个是正规的新时代中国特色社会主义思想为指导。", ["足彩app哪个是正规的"]),
    ("现编制2020年度qy966千亿国际官方网站信息公开工作年度报告。", ["qy966千亿国际官方网站"]),
    ("全面贯彻落实省、市球迷网政务公开工作有关文件精神。", ["球迷网"]),
    ("省委、省政府欧洲杯足球网:推进政务公开工作。", ["欧洲杯足球网"]),
    ("某某区手机彩票网文化和旅游局2022年政府信息公开工作年度报告", ["手机彩票网"]),
    # a number's brand put in a sentence in place of a word (习近平总书记|关于…, 上级|部门)
    ("深入学习贯彻习近平总书记188体育加强和改进人民信访工作的重要思想。", ["188体育"]),
    ("根据上级188体育认真做好2023年政府信息公开工作年度报告编制工作。", ["188体育"]),
    # a known brand in place of 国务院办公厅, twice, chained by a tail and the next one's number
    ("认真贯彻《188博金宝app_188博金宝体育@关于印发2020年政务公开工作要点的通知》。", ["188博金宝app_188博金宝体育"]),
    # a hijacked page's title tail and contact line (a brand with no 体育/娱乐 after it)
    ("某某委员会2020年政府信息公开工作年度报告-尊龙网平台", ["尊龙网平台"]),
    ("如有疑问请查看尊龙ag旗舰厅的联系方式。", ["尊龙ag旗舰厅"]),
    ("请拨打AG旗舰厅客服热线。", ["AG旗舰厅"]),
    ("某某关区2022年政府信息公开工作年度报告-ab凯发国际登录", ["凯发国际登录"]),
    ("凯发K8官网入口 > 政务公开 > 政务公开年报", ["凯发K8官网入口"]),
    ("一是推进足球彩票_竞彩足球-现金网重点推荐信息公开。", ["足球彩票_竞彩足球-现金网重点推荐"]),
    ("依据《即时比分公报》的要求编制本报告。", ["即时比分"]),
    # the state lottery's name, a country and a company around a brand, a casino with its site, a ball-betting site — each
    # in place of a city's name or a word (real mirrors of city and county reports)
    ("现将中国体育彩票市统计局2019年政府信息公开工作年度报告公布如下。", ["中国体育彩票"]),
    ("《某某县人民政府办公室中国体育彩票app:做好2022年年报编制工作的通知》", ["中国体育彩票app:"]),
    ("英国威廉希尔公司市政府信息公开工作年度报告", ["英国威廉希尔公司"]),
    ("现将澳门特区赌场,澳门博彩业网址交通运输局2019年报告公布如下。", ["澳门特区赌场,澳门博彩业网址"]),
    ("全局买球网站信息总数为1604条。", ["买球网站"]),
    # a lottery-selling site's name in a notice's title, a ball-betting app's for 省、市 (real county bureaus' mirrors)
    ("《某某市人民政府办公厅中国体育彩票_澳客彩票网-游戏平台做好2023年年报编制工作的通知》", ["中国体育彩票_澳客彩票网-游戏平台"]),
    ("按照国家和各级买足球的软件政府信息公开工作的要求编制本报告。", ["买足球的软件"]),
    # a casino town's name in place of a body's (a real county's mirror: …苏州市政府澳门太阳城赌城-【官网娱乐网站】:政务…)
    ("全面贯彻落实国务院、省政府、某某市政府澳门太阳城赌城-【官网娱乐网站】:政务公开工作的决策部署。", ["澳门太阳城赌城"]),
    # a brand with its country tag and login words in place of 新闻 (a real 2011 provincial report's mirror)
    ("(三)开云网页版-开云(中国)官方在线登录发布和政务访谈情况。", ["开云网页版-开云(中国)官方"]),
    # two terms side by side, or a few characters of one run apart: one insertion, one finding
    ("现公布新葡京博彩2024年政府信息公开工作年度报告。", ["新葡京博彩"]),
    ("某某县威廉希尔_威廉博彩app-【中文*官网】政府信息公开工作年度报告。", ["威廉希尔_威廉博彩app"]),
    ("本局体育365网投_365bet365用址_365bet官网提现说维护认真贯彻《条例》。", ["体育365网投_365bet365用址_365bet官网提现说维护"]),
])
def test_injected_names_seen_on_real_pages(text, matches):
    assert [d.match for d in _dl501(text)] == matches


def test_a_new_brand_in_place_of_a_bodys_name_and_its_echoes():
    """盛京棋牌 put in place of 国务院 in several titles: before 办公厅 its shape says so; the same phrase elsewhere is
    the same insertion (a real town's page)."""
    text = ("认真贯彻落实《盛京棋牌办公厅关于印发2021年政务公开工作要点的通知》。\n\n"
            "根据《某某区人民政府办公室盛京棋牌某某区贯彻落实2021年政务公开工作要点的通知》开展工作。\n")
    found = _dl501(text)
    assert [(d.line, d.match) for d in found] == [(1, "盛京棋牌"), (3, "盛京棋牌")]
    assert "后接机关名称" in found[0].message and "与本文别处已认定的植入内容相同" in found[1].message
    # alone, with nothing to say it is a brand, it is not reported
    assert _dl501("根据《某某区人民政府办公室盛京棋牌某某区贯彻落实…的通知》开展工作。") == []


@pytest.mark.parametrize("text", [
    "全市已建成188体育场地，公开建设信息12条。",  # a number's brand before a compound: a thing, not a brand
    "公开国家体育总局办公厅转发的通知3件。",
    "全县365体育健身活动信息均已公开。",
    "本局与凯发电气公司签订运维合同1份。",  # a firm's name (凯发 and no gambling tail)
    "全县设置银行现金网点12个，体育彩票销售点30个。",  # a bank's cash outlets, the state lottery's shops
])
def test_a_number_before_a_core_words_compound_is_no_brand(text):
    assert _dl501(text) == []


def test_a_brand_appended_to_an_anti_gambling_title_is_reported():
    """A hijacked police page: the brand and its promotion words appended to the title by a dash (seen on a real
    city's page). The title's own words (打击…赌博) do not make it a description: it is the title's tail."""
    text = "我市打击治理跨境赌博专项行动成效显著 -凯发app官网开户\n\n发布时间：2022年08月08日\n"
    assert [d.match for d in _dl501(text, fmt="text")] == ["凯发app官网"]
    # the same words inside the sentence, or a table cell after a bar, stay a description
    assert _dl501("我市打击治理跨境赌博专项行动，清理凯发app官网等赌博网站链接。", fmt="text") == []
    assert _dl501("查处网络赌博案件 | 六合彩 | 3\n", fmt="text") == []
    assert _dl501("查处网络赌博案件 - 六合彩 3起\n", fmt="text") == []


@pytest.mark.parametrize("text", [
    "关于加强社区棋牌娱乐场所经营管理的建议：近年来社区内的棋牌娱乐场所不断增加，导致赌博之风盛行。",
    "市文化市场综合执法支队检查棋牌娱乐场所12家。",
    "旅游局会同工务运输局、博彩监察协调局及其他部门组成考察团。",
    "设于博彩旅游区内并与博彩场所相邻的投注中心，订定可支付予博彩中介人的佣金上限，设有博彩桌的地点。",
])
def test_dl501_quiet_on_the_words_of_regulation(text):
    """Premises and a regulator named in a proposal or in government news (real pages gave an error for each)."""
    assert _dl501(text, fmt="text") == []


def test_dl501_spam_written_with_an_allowed_words_neighbour_is_still_reported():
    assert [d.match for d in _dl501("澳门赌场,澳门博彩业网址", fmt="text")] != []
    assert [d.match for d in _dl501("永利棋牌app下载", fmt="text")] != []


@pytest.mark.parametrize(("text", "match"), [
    ("2024年澳门内部资料免费公开，政府信息公开新举措。", "澳门内部资料"),
    ("澳门天天开好彩的背景与政策解读。", "澳门天天开好彩"),
    ("快三、幸运飞艇、双色球预测，注册即送。", "幸运飞艇"),
    ("球盟会官网入口希望以上信息能帮助你。", "球盟会官网入口"),
    ("BB视讯 2024-11-09", "BB视讯"),
    ("BG电子游戏平台-某某县财政局2023年政府信息公开工作年度报告", "BG电子游戏平台"),
    ("bg真人 2024-11-09", "bg真人"),
    ("香港免费图库资料大全 香港免费图库资料大全\n政府信息公开", "香港免费图库资料大全"),
    ("2023年澳门全年资料公开:探索人文、经济与社会发展的全面视角", "澳门全年资料公开"),
    ("金博·体育(中国)官方网站-ios/安卓版/手机APP下载 全民健身模范县", "金博·体育(中国)官方网站"),  # (the brand with the tail)
    ("来源:yabo 编辑:某某 时间:2019-02-27 13:06:53", "来源:yabo"),
    ("2023-11-19来源:GA黄金甲", "GA黄金甲"),
    ("baet3655月11日上午，全民健身活动月启动仪式举行。", "baet365"),
    ("金沙集团186cc成色\n新闻中心", "金沙集团186cc"),
    ("为了更好地供给当局手机彩票平台 办事，便利公家查找手机彩票官网 依法公然确当局信息", "手机彩票平台"),
    ("关于“新澳天天开奖资料查询结果”的彻底解答解释落实的通知", "新澳天天开奖"),
    ("此次“精准四肖期期中特公开”政策的实施", "四肖期期中特"),
    ("全面解答和解释澳门今晚开奖号码的相关定义", "澳门今晚开奖号码"),
    ("当前位置:首页 > c7官网入口(中国)官方网站 > 信息公开专栏 > 政府信息公开年度报告", "c7官网入口(中国)官方网站"),
    ("Powered by 牌九游戏 @2013-2022", "牌九游戏"),
    ("ky开元官网\n关于电子竞技扶持政策的解读", "ky开元官网"),
])
def test_dl501_lottery_tips_and_brands_seen_on_real_spam_pages(text, match):
    """Phrases of real spam pages built around government text (lottery-tip titles, brands as bylines and footers)."""
    assert match in [d.match for d in _dl501(text, fmt="text")]


@pytest.mark.parametrize("text", [
    "内地与澳门开展交流合作，澳门特别行政区政府代表团来访。",
    "开元路街道办事处、开元寺景区管理处公开年度预算。",
    "编印《香港资料汇编》，赴香港开展招商推介活动。",
    "新澳两国签署合作备忘录，新澳资源合作持续深化。",
    "严厉打击非法手机彩票平台，查处利用手机彩票APP网络赌博案件3起。",
    "金沙集团2019年度社会责任报告发布，金沙县2023年政府信息公开工作年度报告。",
    "全澳娛樂場將於今晚11時起暫停所有博彩活動，特區政府經和六間博彩企業協調。",
    "有關修改博彩法公眾諮詢詳情，《娛樂場幸運博彩經營法律制度》公眾諮詢會取消。",
    "启动暨签约仪式於下午假澳门威尼斯人度假村酒店举行。",
    "破获网络赌博案件3起，涉及“幸运飞艇”等赌博形式。",
])
def test_dl501_quiet_near_the_new_phrases(text):
    assert _dl501(text, fmt="text") == []


@pytest.mark.parametrize(("sentence", "inserted"), [
    # real pages: the whole insertion, not the known term alone (its quote and its fix)
    ("该报告根据《条例》和《365bet规则_365bet体育在线网站_beat365手机版客户端ios政府信息公开指南》编制。",
     "365bet规则_365bet体育在线网站_beat365手机版客户端ios"),
    ("2024年，某某区坚持以足彩app哪个是正规的新时代中国特色社会主义思想为指导。", "足彩app哪个是正规的"),
    ("本报告电子版可在“体育365网投_365bet365用址_365bet官网提现说维护人民政府网站”下载。",
     "体育365网投_365bet365用址_365bet官网提现说维护"),
    ("根据《澳门银河官方app下载政府信息公开规定》编制本报告。", "澳门银河官方app下载"),
])
def test_a_known_terms_insertion_is_quoted_whole(sentence, inserted):
    from disclosure_lint.report.spam_extent import term_extent

    text = "某某区人民政府2024年政府信息公开工作年度报告\n一、总体情况\n" + sentence + "\n"
    assert inserted in [d.match for d in lint(text, select=["DL501"], fmt="text")]
    # the report's own words before a chained name are not taken (自治州bat365…_365bet开户)
    t = "根据《自治州bat365官网登录下载_365bet开户娱乐的通知》"
    s = t.index("365bet开户")
    assert t[term_extent(t, s, s + len("365bet开户"))[0]:].startswith("bat365官网登录下载_")
