"""Content-safety rules: DL501 injected spam, DL502 placeholders, DL503 ID numbers, DL504 mobiles."""

from __future__ import annotations

import json

import pytest

from disclosure_lint.kinds.content_safety import id_checksum_ok, mask_id, mask_mobile

from .conftest import NO_SHARED, SHARED, lint, shared_params

SEED = (SHARED / "seed/shangtang-2019.txt")
EXCERPTS = (SHARED / "corpus/excerpts")

# Example numbers from GB 11643-1999 (public test values, not real people).
VALID_ID = "11010519491231002X"
VALID_ID_2 = "440524188001010014"


def _codes(diags, code):
    return [d for d in diags if d.code == code]


# -- DL501 injected-spam -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "政务微博发布信息35条，华球体育官方平台41条。",
    "开云体育（中国）官方网站欢迎您。",
    "乐鱼体育官网注册送彩金。",
    "OB体育APP下载",
    "AG真人平台，百家乐在线玩。",
    "澳门新葡京娱乐场",
    "BET365 在线投注",
    "365bet网上娱乐_365BETAPP官网人民政府合作交流办公室",  # brands a mirror site's title carried
    "beat365官方网站大全_旧版彩票下载",
    "太阳城集团官网",
    "六合彩开奖结果查询",
    # seen injected into real portal pages (written anew here)
    "三、收到和处理飞禽走兽老虎机申请情况",
    "某某省德赢VWIN信息公开办公室",
    "365体育直播,365体育备用网址",
    "老虎机游戏平台官网",
    "《国务院办公厅政府信息与政务公开办公室中国足彩网政府信息公开工作年度报告有关事项的通知》",
    "坚持以雷速体育,雷速直播新时代中国特色社会主义思想为指导",
    "召开2024欧洲杯在哪投注、接受媒体访谈",
    "《某某ibet国际平台,ibet国际集团印发某某格式的通知》",
    "在伟德app官网下载苹果版安装信息公开发布平台上发布信息",
    "UedBet体育城市管理综合执法局全年公开信息",
    "通过香港六宝典资料免费网站集群子网站公开",
    "(二)188比分直播:方面",
    "《中华人民共和国澳门赌场推荐条例》",
    "其中工作动态73条、金沙城中心赌场_澳门金沙官网1条、部门文件等111条。",  # a chain of spam phrases: no description
    "开云手机官网入口·(中国)官方网站卫生健康局2020年度政府信息公开工作报告",
    # for a county's or a school's name (real pages, written anew)
    "召开hth在线官网 工作会议，部署全年任务。",
    "某某开云线上(中国)官方网站信息公开年度报告",
    "本镇澳门和记娱乐场、菠菜导航网工作制度已修订。",
    "依据《某某省足球比分网,即时比分规定》开展工作。",  # for 信息公开, ten times on one page
])
def test_dl501_fires_on_spam(text):
    diags = _codes(lint(text, select=["DL501"]), "DL501")
    assert diags, text
    assert diags[0].severity == "error"
    assert "赌博" in diags[0].message
    assert diags[0].evidence["actual"] == diags[0].match


@pytest.mark.parametrize("text", [
    "区教育体育局会同文化体育部门完善体育场馆开放信息。",
    "公开体育彩票公益金使用情况，做好体育彩票销售管理。",
    "某市某区教育体育局2022年政府信息公开工作年度报告",
    "全市共有体育投注站120个。",
    "社区老年活动中心开设棋牌娱乐室。",
    "配合公安机关开展打击非法六合彩专项行动。",
    "查处网络赌场案件3起。",
    "依托智慧体育APP和全民健身体育平台公开场馆预约信息。",
    "太阳城社区开展政务公开进社区活动。",
    "舒华体育股份有限公司捐赠健身器材。",
    "通过咪咕体育APP直播全运会赛事。",
    "建设文化娱乐平台和休闲娱乐平台。",
    "组织365天全民健身打卡活动，开设beat节奏体育课。",
    "依法查处非法老虎机游戏场所3家，收缴老虎机12台。",
    "做好欧洲杯赛事期间的安全保障工作，打击世界杯期间的非法投注。",
    "配合公安机关打击赴澳门赌场参赌的违法行为。",
    "公开全县足球联赛比分直播信息。",
    "加强对澳门特区娱乐场所的宣传，配合打击赴澳门葡京娱乐场参赌的违法行为。",
])
def test_dl501_quiet_on_ordinary_words(text):
    assert _codes(lint(text, select=["DL501"]), "DL501") == []


def test_dl501_reports_each_occurrence_once():
    diags = _codes(lint("开云体育官网，注册即送888元彩金。", select=["DL501"]), "DL501")
    assert [d.match for d in diags] == ["开云体育官网", "注册即送888元彩金"]
    # two names of one site side by side, one comma apart (a real mirror put 立博平台,立博官网 in place of 政务公开 ten
    # times): one insertion, one finding each time
    diags = _codes(lint("开云体育官网、开云体育（中国）官方网站", select=["DL501"]), "DL501")
    assert [d.match for d in diags] == ["开云体育官网、开云体育（中国）官方网站"]
    diags = _codes(lint("深入推进立博平台,立博官网工作。全面落实立博平台,立博官网要求。", select=["DL501"]), "DL501")
    assert [d.match for d in diags] == ["立博平台,立博官网"] * 2
    # (a real mirror: 利博官网 in place of a district's name, in its title and byline; 利博 alone may be a company's name)
    diags = _codes(lint("利博官网2021年政府信息公开工作年度报告\n\n利博科技有限公司申请公开1件。", select=["DL501"]), "DL501")
    assert [d.match for d in diags] == ["利博官网"]
    # one name put in two places with the report's own word between (a real mirror: 赣州市人民政府办公厅印发赣州市… with
    # both names replaced): two insertions, the report's 印发 not quoted; a site word between stays one
    diags = _codes(lint("按照《中国体育彩票印发中国体育彩票市2019年政务公开工作实施方案的通知》要求。", select=["DL501"]), "DL501")
    assert [d.match for d in diags] == ["中国体育彩票", "中国体育彩票"]
    diags = _codes(lint("皇冠体育,皇冠体育平台皇冠体育,皇冠体育平台区人民政府办公室", select=["DL501"]), "DL501")
    assert len(diags) == 1
    # names of two sites one comma apart, a Latin brand before its Chinese one, a lottery name chained to a site with _
    # (real mirrors, written anew): each one insertion, quoted whole
    for text, quote in [("认真落实英国威廉希尔公司,十大博彩公司全面推进政务公开。", "英国威廉希尔公司,十大博彩公司"),
                        ("分类Betway必威体育:部门文件", "Betway必威体育"),
                        ("某某市人民政府办公厅中国体育彩票_澳客彩票网-游戏平台做好2023年工作", "中国体育彩票_澳客彩票网-游戏平台")]:
        assert [d.match for d in _codes(lint(text, select=["DL501"]), "DL501")] == [quote]


def test_dl501_in_markdown_table_cell_has_pointer():
    text = """\
    # 2023年某局政府信息公开工作年度报告

    ## 二、主动公开政府信息情况

    | 信息内容 | 本年制发件数 |
    | --- | --- |
    | 华球体育 | 0 |
    """
    diags = _codes(lint(text, select=["DL501"]), "DL501")
    assert len(diags) == 1
    d = diags[0]
    assert d.match == "华球体育"
    assert d.line == 7 and d.column == 3
    assert (d.pointer or "").endswith("二、主动公开政府信息情况 › 表格第2行第1列")


def test_dl501_in_text_format():
    text = "本年度主动公开政府信息57条，华球体育63条。\n政务微信发布信息80条。\n"
    diags = _codes(lint(text, select=["DL501"], fmt="text"), "DL501")
    assert [(d.line, d.match) for d in diags] == [(1, "华球体育")]


def test_dl501_allow_and_terms_options():
    cfg = {"options": {"DL501": {"allow": ["华球体育馆"], "terms": ["华球体育", "某某彩"]}}}
    assert _codes(lint("新建华球体育馆一座。", select=["DL501"], config=cfg), "DL501") == []
    assert _codes(lint("某某彩开奖", select=["DL501"], config=cfg), "DL501")
    assert _codes(lint("百家乐", select=["DL501"], config=cfg), "DL501") == []  # list replaced


def test_dl501_brand_patterns_can_be_disabled():
    cfg = {"options": {"DL501": {"brand_patterns": False}}}
    assert _codes(lint("OB体育APP下载", select=["DL501"], config=cfg), "DL501") == []


@pytest.mark.skipif(not SEED.is_file(), reason=NO_SHARED)
def test_dl501_fires_twice_on_seed():
    diags = _codes(lint(SEED.read_text(encoding="utf-8"), select=["DL501"], fmt="text"), "DL501")
    # the firm-name fragment glued before the brand is part of what was inserted (deleted with it)
    assert [d.match for d in diags] == ["中国股份有限华球体育", "中国股份有限华球体育"]
    assert all("连同公司名称的字样" in d.message for d in diags)
    assert len({d.fingerprint for d in diags}) == 2


# -- DL502 template-placeholder ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "match"), [
    ("XX街道2023年政府信息公开工作年度报告", "XX"),
    ("本局共收到XXX件申请。", "XXX"),
    ("xx镇人民政府", "xx"),
    ("全年主动公开政府信息×××条。", "×××"),
    ("行政规范性文件＊＊件", "＊＊"),
    ("○○镇人民政府", "○○"),
    ("本机关□□□□年度", "□□□□"),
    ("联系电话：【填写联系电话】", "【填写联系电话】"),
    ("一、总体情况（文字描述）", "（文字描述）"),
    ("（文字描述，收取信息处理费情况在此处报告。）", "（文字描述，收取信息处理费情况在此处报告。）"),
    ("（填写本机关名称）", "（填写本机关名称）"),
    ("请在此处填写本机关名称", "此处填写"),
    ("人大代表建议和政协提案办理结果公开情况：此处填写", "此处填写"),
    ("此处填写。", "此处填写"),
    ("统计期限为20XX年1月1日至12月31日", "20XX年"),
    ("落款日期：20XX年X月X日", "20XX年X月X日"),
    ("202X年度报告", "202X年"),
    ("资金××万元", "××"),
    ("联系电话：0571-XXXXXXXX", "XXXXXXXX"),
    ("本年度共收到申请20XX件。", "20XX"),
    ("全年主动公开政府信息1XX条。", "1XX"),
    ("申请公开“XX小区消防验收情况”。小区名称已作脱敏处理。", "XX"),  # the masking said in another sentence
    # the template's instruction to fill in the figure, left after it (a real county bureau's 2024 report)
    ("全年累计主动公开政府信息 86条（请根据实际情况填写），其中", "（请根据实际情况填写）"),
    ("全年累计主动公开政府信息 86条(请根据实际情况填写),其中", "(请根据实际情况填写)"),
    ("办理结果（按本机关实际填报）。", "（按本机关实际填报）"),
])
def test_dl502_fires(text, match):
    diags = _codes(lint(text, select=["DL502"]), "DL502")
    assert [d.match for d in diags] == [match]
    assert diags[0].severity == "error"
    assert diags[0].evidence["actual"] == match


@pytest.mark.parametrize("text", [
    "**本机关**全年主动公开政府信息120条，***特别说明***。",
    "在门户网站开设依申请公开栏目，公众可在此填写申请信息并查询办理进度。",  # a sentence about a form
    "本年度收取信息处理费情况已在此处填写完毕。",
    "详见 https://www.example.gov.cn/xxgk/xx/index.html 和 www.xx.gov.cn。",
    "在xxgk专栏发布信息。",
    "XXI世纪初；XX世纪九十年代。",
    "Super Bowl XX was played.",
    "二○○九年以来本局持续推进政务公开。",
    "申请人张××多次提出申请，王＊＊已撤回。",
    "勾选□是或□否；面积为3×4米。",
    "X射线机、X光检查。",
    "申请人可通过网上申请（填写在线申请表）提出。",
    "【填报说明】请按表格填写。",
    "王某某申请公开的内容为“XX小区消防验收情况”（小区名称已作脱敏处理）。",
    "申请人申请公开××路拓宽工程征收补偿信息（道路名称已隐去）。",
    "依据GB/T 2XX标准；型号A20XX件；申请2X件（X为待定位数的说明）。",
    "[填写说明](https://www.example.gov.cn/sm.html)",
    "申请人根据实际情况填写申请表（根据需要填写联系方式）。",  # a sentence about a form
])
def test_dl502_quiet(text):
    assert _codes(lint(text, select=["DL502"]), "DL502") == []


def test_dl502_masked_name_followed_by_body_word_still_fires():
    assert _codes(lint("王××局", select=["DL502"]), "DL502")
    cfg = {"options": {"DL502": {"exempt_masked_names": False}}}
    assert _codes(lint("申请人张××提出申请", select=["DL502"], config=cfg), "DL502")


def test_dl502_letters_option():
    cfg = {"options": {"DL502": {"letters": False}}}
    assert _codes(lint("XX街道", select=["DL502"], config=cfg), "DL502") == []
    assert _codes(lint("××街道", select=["DL502"], config=cfg), "DL502")


def test_dl502_table_cells_markdown_and_text():
    md = """\
    | 信息内容 | 本年制发件数 |
    | --- | --- |
    | 规章 | XX |
    """
    diags = _codes(lint(md, select=["DL502"]), "DL502")
    assert [(d.line, d.match) for d in diags] == [(3, "XX")]
    txt = "信息内容 | 本年制发件数 |\n规章 | ×× |\n行政规范性文件 | 3 |\n"
    diags = _codes(lint(txt, select=["DL502"], fmt="text"), "DL502")
    assert [(d.line, d.match) for d in diags] == [(2, "××")]


# -- DL503 resident-id-number --------------------------------------------------------------------

def test_checksum_and_mask_helpers():
    assert id_checksum_ok(VALID_ID)
    assert id_checksum_ok(VALID_ID.lower())
    assert id_checksum_ok(VALID_ID_2)
    assert not id_checksum_ok("110105194912310021")
    assert not id_checksum_ok("1101051949123100")
    assert mask_id(VALID_ID) == "110105********002X"
    assert mask_mobile("138-1234-5678") == "138****5678"


def test_dl503_fires_masked_everywhere():
    diags = _codes(lint(f"申请人王某（身份证号{VALID_ID}）申请公开征收补偿信息。", select=["DL503"]), "DL503")
    assert len(diags) == 1
    d = diags[0]
    assert d.severity == "error"
    assert d.match == "110105********002X"
    assert "110105********002X" in d.message
    dumped = json.dumps({"m": d.message, "match": d.match, "ev": d.evidence, "fp": d.fingerprint,
                         "fix": [e.replacement for e in d.fix.edits] if d.fix else []}, ensure_ascii=False)
    assert VALID_ID not in dumped and "19491231" not in dumped
    assert d.fix is not None and d.fix.applicability == "unsafe"
    assert d.fix.edits[0].replacement == "110105********002X"


def test_dl503_lowercase_x_is_masked_uppercase():
    diags = _codes(lint(f"证件号{VALID_ID.lower()}", select=["DL503"]), "DL503")
    assert [d.match for d in diags] == ["110105********002X"]


@pytest.mark.parametrize("text", [
    "申请人王某（身份证号110105194912310021）",  # bad check digit
    "申请人王某（身份证号110105********002X）",  # already masked
    f"编号9{VALID_ID}",  # inside a longer run
    "统一社会信用代码11370900004341363J。",
    "文号：20230111000000000000。",
])
def test_dl503_quiet(text):
    assert _codes(lint(text, select=["DL503"]), "DL503") == []


def test_dl503_in_table_cell_text_format():
    txt = f"申请人 | 证件号码 |\n李某 | {VALID_ID_2} |\n"
    diags = _codes(lint(txt, select=["DL503"], fmt="text"), "DL503")
    assert [(d.line, d.match) for d in diags] == [(2, "440524********0014")]
    assert diags[0].fix is None  # no fix inside table cells
    assert VALID_ID_2 not in json.dumps(diags[0].evidence, ensure_ascii=False)


# -- DL504 mobile-number -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "如有疑问请联系经办人，手机13812345678。",
    "联系电话：138-1234-5678",
    "电话：+86 138 1234 5678",
    "座机0571-88888888，手机19912345678",
])
def test_dl504_fires_masked(text):
    diags = _codes(lint(text, select=["DL504"]), "DL504")
    assert len(diags) == 1
    d = diags[0]
    assert d.severity == "warning"
    assert d.match.startswith(("138****", "199****")) and len(d.match) == 11
    assert d.match in d.message
    raw = "".join(ch for ch in text if ch.isdigit())[-11:]
    assert raw not in json.dumps({"m": d.message, "ev": d.evidence}, ensure_ascii=False)


@pytest.mark.parametrize("text", [
    "联系电话：0576-87654321。",
    "电话0571-12345678，传真0571-12345679。",
    "编号213812345678",
    "138123456789",
    "1381234567",
    "全年采购总金额13800000000元。",
    # a flattened table's cells run together (seen on real pages): an amount with its decimals, cells after a label
    "政府集中采购13575394432.52元三、收到和处理",
    "一、本年新收政府信息公开申请数量15130000154二、上年结转",
    "3.其他1000001（七）总计14710000148四、结转下年度",
    "详见 http://www.example.gov.cn/art/13812345678.html",
    f"身份证号{VALID_ID}",
])
def test_dl504_quiet(text):
    assert _codes(lint(text, select=["DL504"]), "DL504") == []


def test_dl504_allow_option():
    cfg = {"options": {"DL504": {"allow": ["138-1234-5678"]}}}
    assert _codes(lint("办公手机13812345678", select=["DL504"], config=cfg), "DL504") == []
    assert _codes(lint("办公手机13812345679", select=["DL504"], config=cfg), "DL504")


def test_dl504_text_format_line_and_column():
    diags = _codes(lint("第一行\n联系人手机：13912345678\n", select=["DL504"], fmt="text"), "DL504")
    assert [(d.line, d.column, d.match) for d in diags] == [(2, 7, "139****5678")]


# -- real pages --------------------------------------------------------------------------------

@pytest.mark.parametrize("path", shared_params("corpus/excerpts/*.txt", "seed/shangtang-2019.txt"))
def test_no_false_positives_on_real_pages(path):
    diags = lint(path.read_text(encoding="utf-8"), select=["DL502", "DL503", "DL504"], fmt="text")
    assert diags == []
    spam = _codes(lint(path.read_text(encoding="utf-8"), select=["DL501"], fmt="text"), "DL501")
    assert all(d.match == "中国股份有限华球体育" for d in spam)
    assert bool(spam) == (path == SEED)


def test_dl502_ignores_html_attributes_but_not_html_text():
    diags = _codes(lint('<div class="xx-nav" id="xx">XX镇</div>\n', select=["DL502"]), "DL502")
    assert [d.match for d in diags] == ["XX"]


def test_dl502_stars_and_bracketed_notes_left_for_numbers_and_names():
    from .conftest import lint

    page = "全年发布**条重点项目推进信息，公示率***%。\n****年度新收依申请公开申请数*件。\n"
    assert [d.match for d in lint(page, fmt="text", select=["DL502"])] == ["**", "***", "****"]
    assert [d.match for d in lint("及时更新《[具体地名]镇人民政府政府信息公开指南》，可在门户网站(具体网址)查阅。",
                                  select=["DL502"])] == ["[具体地名]", "(具体网址)"]
    # Markdown's bold is markup, not a blank
    assert lint("根据**条例**规定，全年主动公开政府信息**120**条，**一百二十**条。", select=["DL502"]) == []


_MASKED = ("某地/某市-2026-01-19 00:00:00\n一、总体情况\n全年发布**条重点项目推进信息，全年线上办理**件事项。\n"
           "****年度新收依申请公开申请数*件。\n政府采购中标结果公示率***%。\n*.线下平台：完善宣传栏*个。\n")


def test_dl502_digits_a_reposting_site_masked_are_one_warning():
    """Not one digit in the text, every count a run of stars, and even a list's number (*.线下平台): a reposting site
    masked the digits (a real page on a procurement site) — one warning that says so, not an error at each."""
    from .conftest import lint

    [d] = lint(_MASKED, fmt="text", select=["DL502"])
    assert d.severity == "warning" and (d.line, d.match) == (3, "**")
    assert "报告中的数字都显示为星号，例如“**”，共4处" in d.message and "转载网站遮挡了数字" in d.message
    # a digit in the report's own text: the stars are blanks left in it, each an error
    filled = _MASKED.replace("宣传栏*个", "宣传栏12个")
    assert [x.severity for x in lint(filled, fmt="text", select=["DL502"])] == ["error"] * 4
    # no list numbered by stars: blanks too (a template's 全年发布**条, ****年度)
    plain = _MASKED.replace("*.线下平台", "线下平台")
    assert {x.severity for x in lint(plain, fmt="text", select=["DL502"])} == {"error"}


def test_dl502_the_formats_note_on_part_one_copied_in_its_second_half():
    # the format's note on what part 一 reports, its first words lost (主要本机关贯彻落实…情况进行综述，主要包括…)
    text = ("一、总体情况\n主要本机关贯彻落实《中华人民共和国政府信息公开条例》情况进行综述，主要包括主动公开、依申请公开、"
            "政府信息管理、平台建设、监督保障等方面的内容。\n")
    diags = _codes(lint(text, select=["DL502"]), "DL502")
    assert len(diags) == 1 and diags[0].match.endswith("情况进行综述")
    # a clerk's own summary sentence of the same words is the report's
    own = "一、总体情况\n本报告对本机关贯彻落实《条例》情况进行综述，全年主动公开政府信息120条。\n"
    assert _codes(lint(own, select=["DL502"]), "DL502") == []


def test_a_pattern_that_reads_further_than_a_term_wins():
    # a traditional mirror's 澳門賭場推薦: the term 澳門賭場 is a part of the pattern's match, which is reported whole
    found = lint("# 某某局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n2023年，澳門賭場推薦本局推进政务公开。\n",
                 select=["DL501"])
    assert [d.match for d in found] == ["澳門賭場推薦"]


@pytest.mark.parametrize(("text", "match"), [
    # brands seen on real mirrors in place of a word, with no 体育/娱乐 after them
    ("根据《中华人民共和国和记AG信息公开条例》要求，编制本报告。", "和记AG"),
    ("芙蓉区龙8国际门户网站设有政府信息公开专栏。", "龙8国际"),
    ("认真落实立博平台要求，推进政府信息公开。", "立博平台"),
    ("63365_下载必发365网站_如何打开mobile365科学技术厅2020年政府信息公开工作年度报告", "必发365网站_如何打开mobile365"),
    ("本报告电子版可在mobile.28365-365(http://www.example.com)下载。", "28365-365"),
    ("坚持以918博天堂新时代中国特色社会主义思想为指导，推进政务公开。", "918博天堂"),
    ("sunbet申搏\n某某区2022年政府信息公开工作年度报告", "sunbet申搏"),
])
def test_dl501_brands_seen_without_a_core_word(text, match):
    assert [d.match for d in _codes(lint(text, select=["DL501"]), "DL501")] == [match]


@pytest.mark.parametrize("text", [
    "和记黄埔港口集团有限公司参与码头建设。",
    "立博中学开展信息公开宣传。",
    "依托政务服务平台建设，推进政务公开。",
])
def test_dl501_quiet_on_the_new_brands_ordinary_neighbours(text):
    assert _codes(lint(text, select=["DL501"]), "DL501") == []


def test_dl501_a_spam_titles_run_joined_by_underscores_is_one_finding():
    """A real mirror put a betting site's title in place of a province's name: two terms and the words between them,
    joined by _, are one insertion (was two errors)."""
    text = "根据《中华人民共和国政府信息公开条例》、365bet亚洲官方网站_365电竞比分_beat365官方网站正规政府有关要求，编制本报告。"
    diags = _codes(lint(text, select=["DL501"]), "DL501")
    assert len(diags) == 1 and diags[0].match.startswith("365bet") and "beat365" in diags[0].match


def test_dl501_two_insertions_are_not_joined_over_the_reports_own_words():
    """A real mirror: 健全政务足球比分网,即时比分制度和政务足球比分网,即时比分保密审查制度 — the finding joined 即时比分 and
    足球比分网 over the report's own 制度和政务, and deleting it would take those words too."""
    text = "健全即时比分制度和政务足球比分网审查制度。"
    assert [d.match for d in _codes(lint(text, select=["DL501"]), "DL501")] == ["即时比分", "足球比分网"]
    # a site's words between two terms still make one insertion
    assert [d.match for d in _codes(lint("星空体育用品官网注册送。", select=["DL501"]), "DL501")] == ["星空体育用品官网注册送"]


# -- DL506: pornographic search-engine spam -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "match"), [
    ("国务院办公厅关于印发某某管理办法的通知|成人毛片无码一区二区三区\n", "成人毛片无码一区二区三区"),
    ("国产人妻无码一区二区三区_亚洲AV毛片一区无码_丰满美妇\n某某县2023年政府信息公开工作年度报告\n",
     "国产人妻无码一区二区三区_亚洲AV毛片一区无码"),
    ("天天av影院免费看,99久久精品无码\n", "av影院免费看,99久久精品无码"),
    # the title lines of real mirrored government pages
    ("亚洲欧美小说色综合小说一区_欧美日韩国产高清_久久91亚洲精品中文字幕奶水\n", "久久91亚洲精品"),
    ("日韩高清亚洲日韩精品一区二区_亚洲成a人片在线观看无码_婷婷五月天\n", "在线观看无码_婷婷五月"),
    ("中文字幕一区二区精品区_亚洲欧洲成人精品av97_成人自拍视频在线\n", "成人精品av"),
    ("一区二区三区成人_色婷婷av一区二区三区软件\n", "一区二区三区成人_色婷婷av一区二区三区"),
    ("免费菠萝视频app下载\n信息公开\n", "菠萝视频app"),
])
def test_dl506_one_finding_per_chain(text, match):
    diags = _codes(lint(text, select=["DL506"], fmt="text"), "DL506")
    assert [d.match for d in diags] == [match]
    assert diags[0].severity == "error" and "色情" in diags[0].message and "第十五条" in diags[0].message


@pytest.mark.parametrize("text", [
    "全年开展“扫黄打非”专项行动，查处淫秽色情网站12个，清理色情低俗信息3200余条，收缴黄色光盘150张。",
    "建成精品课程12门，为视频节目添加中文字幕；采购AV综合布线系统，JAVA电影票务平台上线。",
    "全县一区一策推进整治，长久坚持夫妻共同申报，午夜道路巡查；扫码关注二维码。",
    "坚持久久为功，打造精品工程；免费观看文艺演出12场，建设精品AV教室（音视频）3间，2023年久久1次。",
    "联系人：王婷婷；全区划分为一区二区三区三个片区，AV设备网址见附件。",
    "拍摄徐闻菠萝视频12条，助农直播带货。",
])
def test_dl506_quiet_on_ordinary_text(text):
    assert _codes(lint(text, select=["DL506"], fmt="text"), "DL506") == []


def test_dl506_checks_a_web_page_that_is_not_a_report(tmp_path):
    """As DL501: a page found in a directory that is no report is still checked for injected spam (its title may be
    the injection's)."""
    from disclosure_lint.api import check_paths

    page = tmp_path / "news.html"
    page.write_text("<html><head><title>某某单位新闻</title></head><body><p>国产人妻无码一区二区三区</p>"
                    "<p>某某单位开展植树活动。</p></body></html>", encoding="utf-8")
    (res,) = check_paths([str(tmp_path)]).files
    assert res.skipped is None and [d.code for d in res.diagnostics] == ["DL506"]


def test_injected_phrases_gate_skips_blocks_without_its_characters():
    """The kind's ``gate``: a block holding none of its characters is not searched (speed), the others are."""
    from disclosure_lint.config import Config
    from disclosure_lint.engine import prepare, run
    from disclosure_lint.packs import load_rules
    from disclosure_lint.report import Overrides, interpret

    from .conftest import parse

    rules = load_rules()
    dl506 = next(r for r in rules if r.code == "DL506")
    assert dl506.spec.options["gate"]
    rep = interpret(parse("某某单位开展植树活动。\n\n国产人妻无码一区二区三区\n", "text"), Overrides())
    found = run(rep, prepare(rules, Config(select=["DL506"])))
    assert [(d.line, d.match) for d in found] == [(3, "国产人妻无码一区二区三区")]


def test_dl506_reads_what_only_search_engines_read(tmp_path):
    """Porn spam in a page's <title> (and its metas, hidden elements): reported at the title, with its pointer."""
    from disclosure_lint.api import check_paths

    page = tmp_path / "p.html"
    page.write_text("<html><head><title>国产人妻无码一区二区三区_某某单位新闻</title>"
                    "<meta name=\"keywords\" content=\"精品久久,政务公开\"></head>"
                    "<body><p>某某单位开展植树活动。</p></body></html>", encoding="utf-8")
    (res,) = check_paths([str(tmp_path)]).files
    found = [(d.code, d.match, d.pointer) for d in res.diagnostics]
    assert ("DL506", "国产人妻无码一区二区三区", "<title>") in found
    assert any(code == "DL506" and match == "精品久久" for code, match, _ in found)
    page.write_text("<html><head><title>某某单位新闻</title></head><body><p>某某单位开展植树活动。</p></body></html>",
                    encoding="utf-8")
    (res,) = check_paths([str(tmp_path)]).files
    assert res.skipped is not None and not res.diagnostics


def test_dl504_the_bodys_own_contact_number_is_a_note():
    """Real townships give a mobile number as the report's contact (请与某某乡人民政府联系（…电话：152…）): info, with a
    note; a person's number (经办人, 联系人) or a bare 联系电话 stays a warning."""
    body = lint("如对本报告有疑问，请与白石乡人民政府联系（地址：白沙县白石乡，邮编：860700，电话：15289042234）。", select=["DL504"])
    assert [(d.severity, d.evidence.get("contact")) for d in body] == [("info", True)]
    assert "这是报告写明的联系电话" in body[0].message and "15289042234" not in body[0].message
    for text in ("请与白石局办公室联系，联系人：张三，电话：13812345678。", "如有疑问请联系经办人张某，手机13812345678。",
                 "联系电话：138-1234-5678。"):
        assert [d.severity for d in lint(text, select=["DL504"])] == ["warning"], text


def test_dl501_quotes_the_brand_before_a_sites_generic_tail():
    """A real mirror's header 金博·体育(中国)官方网站-ios/安卓版: the finding quotes the brand with the tail; where a term
    took the brand already (365bet(中国)官方网站), nothing of the sentence before it is taken."""
    (d,) = _codes(lint("金博·体育(中国)官方网站-ios/安卓版/手机APP下载\n\n全国全民健身活动在日照举行。", select=["DL501"]), "DL501")
    assert d.match == "金博·体育(中国)官方网站"
    (d,) = _codes(lint("根据条例要求，现公布365bet(中国)官方网站2022年政府信息公开工作年度报告。", select=["DL501"]), "DL501")
    assert d.match == "365bet(中国)官方网站"


def test_dl501_quotes_the_whole_insertion_put_in_place_of_a_name():
    """Real hijacked pages (2020, 2021, 2022 reports): a betting phrase with its year put where 新闻发布会 was, a casino's
    name with its brand where the province was, a brand's pair of phrases ending in 网址 where the city was. The
    finding quotes the whole insertion, so that deleting it leaves no part of it."""
    cases = [("全年发布政策文件解读9篇，举办2024欧洲杯在哪投注3次。", "2024欧洲杯在哪投注"),
             ("2022年，美高梅娛樂城办公厅坚持以人民为中心。", "美高梅娛樂城"),
             ("2021年，365体育直播,365体育备用网址自然资源和规划局按照要求编制了本报告。", "365体育直播,365体育备用网址"),
             ("根据《国务院办公厅政府信息与政务公开办公室欧洲五大联赛:印发<…格式>的通知》编制。", "欧洲五大联赛:"),
             ("bet365亚洲官网 住房和城乡建设局2023年政府信息公开工作年度报告", "bet365亚洲官网")]
    for text, quoted in cases:
        (d,) = _codes(lint(text, select=["DL501"]), "DL501")
        assert d.match == quoted, text
    # a year that is part of a number, or a year with 年, is not taken
    (d,) = _codes(lint("共计12024欧洲杯在哪投注。", select=["DL501"]), "DL501")
    assert d.match == "欧洲杯在哪投注"


@pytest.mark.parametrize(("text", "quoted"), [
    # a content farm's copy puts its brand where the city's name goes, throughout the page (real mirrors, written anew)
    ("一、总体情况\n2024年，在区委、区政府的正确领导下，某某博彩官网区人民政府某某街道办事处认真贯彻落实《条例》。\n", "博彩官网区"),
    ("如对本报告有任何疑问，请与365bet(中国)官方网站 2024年政府信息公开工作年度报告编制组联系。\n", "365bet(中国)官方网站 2024年政府"),
])
def test_a_promotion_in_the_place_of_the_bodys_place_name_is_said_to_be_a_copys(text, quoted):
    found = lint(text, ["DL501"], "text")
    assert found and all(f"推广词写在了机关名称或地名的位置上：“{quoted}”" in d.message for d in found), found


def test_a_promotion_beside_the_reports_words_is_not_said_to_be_a_copys():
    # an attack on the body's own site adds its text beside the report's: no sign of a copy
    found = lint("一、总体情况\n2024年，本局主动公开政府信息52条。百家乐注册送彩金，点击进入。\n", ["DL501"], "text")
    assert found and not any("转存的痕迹" in d.message for d in found)
