"""Suspected injected promotion (gambling spam) in the report's text: a report fact.

Attackers who get into a portal insert gambling promotion into published pages.  They replace a
word or a count of the report with a brand (``…主动公开政府信息58条，街道…华球体育120条``), or add
``<brand>体育官网``, ``<brand>娱乐APP下载``, ``注册送彩金``.  The brands are ever new, so a word
list cannot keep up; the *shape* of the phrase can::

    brand  +  core word(s)                     +  ending
    华球       体育 / 娱乐 / 棋牌 / 彩票 / 电子 / 真人   官网 官方网站 APP(下载) 登录入口 注册送 彩金
    BOB        (chained: 体育彩票, 真人娱乐 …)         投注 开户 网址 …   |  a count (120条)  |  nothing

A phrase is listed only when its brand is plainly a brand, because every finding is an error:

========================================  ===================================================
brand                                      ending needed
========================================  ===================================================
Latin letters or digits (BOB, kok, xyz,    any ending that closes the phrase: a tail, a count,
777, 8868), not an ordinary token (VR,     punctuation, a space, the end of the text; never a
5G, KTV, NBA, CCTV, WeChat, Sports …) and  compound (``BOB体育馆`` is a building, ``LG电子``
not part of a URL or of English text        needs a promotion tail: firms are named 电子)
a known gambling brand root (金沙, 永利,    the same
开云, 葡京 …)
two Chinese characters that are not an     a promotion tail (官网, 官方网站, APP, 登录入口,
ordinary word (文化, 教育, 全民, 智慧,      注册送, 彩金, 投注, 开户, 网址 …); or a count where
咪咕 …, a sport: 足球, 龙舟, 电竞 …), a     the same sentence already lists a count before it
province, part of the agency name, not     (the replaced-count shape of the seed report)
a group of people (X人: 军人, 残疾人),
not the end of a word cut in the middle
(残|疾人: 残疾 is a word), and hold no
function, verb, place or agency
character (的 和 市 县 局 办 …)
========================================  ===================================================

The core word must end the phrase or be followed by a tail or count: ``体育局``, ``体育场馆``,
``彩票管理中心``, ``电子政务``, ``娱乐场所`` and ``棋牌室`` are compounds and never a phrase.
``电子`` is weak (``LG电子``, ``三星电子`` are firms; 电子开户, 电子投注, 电子导航 are ordinary): it
needs a known root or a tail that only gambling uses after it (注册送, 彩金, 登录入口).

Known gambling terms (:data:`SPAM_TERMS`, e.g. 百家乐, 开云体育, 注册送彩金) are listed as well, unless the term is an
ordinary word where it stands (彩金饰品, 儿童娱乐城, 注册送章, 星空体育用品商店: :func:`ordinary_term`).
Enforcement context (打击非法彩票, 查处网络赌博) is *not* judged here: the kinds decide
that with their configurable exemptions.  Every scan is linear in the text: one pass of one
regular expression for core words and one for terms, with fixed-size windows around each hit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Block, Cell
from .alternation import holding, trie
from .hidden import HiddenElement, covering
from .writing import SENTENCE_END


def _caseless_app(word: str) -> str:
    """A tail word as a regex: ``app`` in any case and not followed by a letter (APP, App; not Apple)."""
    return re.escape(word).replace("app", "[Aa][Pp][Pp](?![A-Za-z])")


# -- lexicon ----------------------------------------------------------------------------------

SPAM_TERMS = (
    "博彩", "娱乐城", "百家乐", "真人娱乐", "真人视讯", "体育投注", "网上赌场", "在线赌场", "网络赌场",
    "六合彩", "时时彩", "北京赛车pk10", "棋牌娱乐", "华球体育", "开云体育", "皇冠体育", "皇冠娱乐",
    "澳门新葡京", "新葡京", "威尼斯人娱乐", "澳门威尼斯人", "亚博体育", "华体会", "乐鱼体育", "九游会",
    "雷竞技", "半岛体育", "星空体育", "必威体育", "米乐体育", "爱游戏体育", "bet365", "365bet", "beat365",
    "注册送彩金", "送彩金", "彩金", "注册送", "首存送", "在线投注", "澳门银河", "真人真钱", "威廉希尔", "官方娱乐平台",
    "永利皇宫", "澳门永利", "新濠天地", "新濠影汇", "澳门金沙", "上葡京",  # casinos named without 体育/娱乐
    "飞禽走兽老虎机", "德赢vwin", "vwin德赢", "德赢体育", "365体育直播", "365体育备用", "365体育官网", "足彩网",  # seen injected
    "雷速体育", "雷速直播", "澳门赌场", "uedbet", "伟德app", "伟德官网", "伟德体育", "六宝典", "manbetx",
    "沙巴体育", "足彩在线", "足彩app", "千亿国际", "球迷网", "欧洲杯足球网", "手机彩票网", "博金宝", "金宝博",  # seen injected (a title's notice, 习近平, a college's name)
    "hth官网", "hth在线", "hth体育", "hth登录", "菠菜导航", "足球比分网",  # seen injected for a county's name (hth: 华体会; 菠菜: 博彩)
    "娛樂城", "百家樂", "真人真錢", "真人視訊", "體育投注", "網上賭場", "線上賭場", "永利皇宮", "澳門永利",
    "新濠影匯", "澳門金沙", "澳門賭場",  # traditional characters (mirror sites)
)  # a term that is an ordinary word where it stands (彩金饰品, 注册送章 …) is not one: see :func:`ordinary_term`
SPAM_PATTERNS = (r"太阳城(?:娱乐|集团|申博|官网|网上|在线|亚洲|国际娱乐)",
                 r"老虎机(?:游戏|平台|官网|下载|在线|网址|娱乐|app)",
                 r"(?:注册|首存|充值)[就即]?送\s?\d{1,6}\s?元?彩金",
                 r"(?:欧洲杯|世界杯|亚洲杯|欧冠)(?:在哪|哪里|怎么|如何)(?:投注|下注|买球)",  # 2024欧洲杯在哪投注
                 r"ibet国际(?:平台|集团|娱乐|官网)",
                 r"\d{2,4}比分直播",  # 188比分直播: a betting site's score page put in a sentence
                 r"开云(?:手机|官网|官方|入口|app|APP|娱乐|平台|集团|棋牌|线上|在线)",
                 r"澳门[\u4e00-\u9fff]{0,4}娱乐场(?![所馆地])",  # 澳门和记娱乐场 for a town's name (not 娱乐场所)
                 # a title's tail and a contact line on a hijacked page (…年度报告-尊龙网平台, 尊龙ag旗舰厅的联系方式)
                 r"尊龙(?:凯时|网平台|网|官网|平台|[Aa][Gg](?:旗舰厅)?)", r"[Aa][Gg]旗舰厅",
                 r"[Bb][Oo][Bb](?:最新|综合)?(?:官网|官方网站|登录入口|登录|入口)")  # bob最新官网 before a title
# Ordinary phrases that hold a term (a lottery shop, a card room for the elderly).
SPAM_ALLOW = ("体育投注站", "棋牌娱乐室", "棋牌娱乐活动")

# Brand roots of gambling sites: with a core word and a closed phrase they are enough.
KNOWN_BRANDS = (
    "华球", "开云", "乐鱼", "星空", "半岛", "必威", "米乐", "亚博", "九游", "华体", "博鱼", "天博", "万博",
    "沙巴", "欧宝", "宝博", "鸭脖", "腾博", "凯发", "尊龙", "新宝", "千亿", "明升", "利记", "优德", "伟德",
    "立博", "金宝博", "乐天堂", "金沙", "永利", "葡京", "新葡京", "威尼斯人", "太阳城", "皇冠", "新濠",
    "美高梅", "巴黎人", "伦敦人", "爱游戏", "雷竞技", "博狗", "亿博", "博彩", "德赢", "博金宝",
)

_CORE = ("体育", "娱乐", "棋牌", "彩票", "电子", "真人")
_CORE_RUN = re.compile(r"(?:体育|娱乐|棋牌|彩票|电子|真人)+")

# Words that, right before a core word, make an ordinary phrase (文化体育, 福利彩票, 咪咕体育 …).
ORDINARY = frozenset("""
文化 教育 智慧 全民 群众 竞技 公共 社区 校园 学校 少年 儿童 休闲 健身 广播 电视 新闻 大众 数字 网络
老年 职工 农民 民族 传统 青年 妇女 残疾 特殊 国家 中国 全国 省级 市级 县级 区级 乡村 城市 旅游 文旅
咪咕 腾讯 新浪 搜狐 网易 央视 五星 奇艺 优酷 虎扑 赛事 直播 乐视 抖音 快手 百度 头条 懂球 悦动 咕咚
冰雪 户外 水上 山地 航空 海洋 民俗 军事 职业 业余 家庭 幼儿 学生 高校 大学 中学 小学 基础 大型 国际
亚洲 世界 奥运 亚运 全运 冬季 夏季 卫生 医疗 康复 智能 线上 线下 掌上 指尖 阳光 快乐 健康 平安 美丽
幸福 和谐 绿色 生态 低碳 体教 体卫 文体 康养 餐饮 购物 影视 演艺 游艺 歌舞 互动 亲子 益智 综合 商业
夜间 消费 象棋 围棋 福利 即开 电话 销售 购买 发行 私彩 光电 微电 信息 工业 汽车 家用 船舶 电力
无线 量子 生物 医药 科技 科学 农业 林业 水利 交通 能源 环境 安全 消防 应急 质量 标准 计量 金融 经济
政务 财政 审计 统计 税务 司法 法治 民政 人社 人事 劳动 就业 社保 医保 档案 图书 出版 广电 新媒 融媒
传媒 宣传 思政 党建 工会 团委 妇联 残联 红色 乡土 民间 非遗 户籍 纸质 书面 音像 声像 视频 网上 在线
大中 中小 青少 中老 老少 男女 学龄 适龄 高端 低端 中端 现代 当代 古代 近代 未来 东西 南北 城乡 区域
手机 电脑 企业 证券 银行 个人 客户 账户 远程 自助 移动 官方 政府 机关 趣味 特色 精品 品牌 时尚 户籍 居民 市民 农村
干部 员工 民警 警察 公安 武警 部队 兵团 铁路 煤矿 矿工 村民 女子 男子 残障 聋哑 盲人 单位 行业 系统 老干
""".split()) | frozenset("""
足球 篮球 排球 乒乓 羽毛 网球 田径 游泳 射击 射箭 举重 拳击 摔跤 柔道 跆拳 击剑 体操 滑雪 滑冰 冰球 棒球 垒球
手球 曲棍 橄榄 台球 桌球 保龄 马术 自行 骑行 徒步 登山 攀岩 健美 瑜伽 太极 气功 舞龙 舞狮 拔河 跳绳 毽球 门球
龙舟 武术 电竞 赛艇 皮划 帆船 冲浪 潜水 跳水 长跑 极限 轮滑 滑板 街舞 健步 定向 飞盘 桥牌 棋类 球类 航模 运动
竞赛 比赛 体质 体能 赛车 马拉 匹克 冰壶 雪橇 高尔 射艺 毽子 空竹 秧歌 广场 健身
""".split()) | frozenset("""
北京 天津 河北 山西 蒙古 辽宁 吉林 龙江 上海 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 广西
海南 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆 香港 澳门 台湾 京津 长三 珠三 粤港 港澳 两岸
""".split())
# Prefecture-level places (a county report may name its city: 宁波体育官网, 连云港体育APP).
PLACES = frozenset("""
石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾
吕梁 呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 兴安 锡林郭勒 阿拉善 沈阳 大连 鞍山 抚顺
本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛 长春 吉林 四平 辽源 通化 白山 松原 白城 延边 哈尔滨 齐齐哈尔
鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化 大兴安岭 南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城
扬州 镇江 泰州 宿迁 杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵
安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城 福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 南昌 景德镇 萍乡 九江
新余 鹰潭 赣州 吉安 宜春 抚州 上饶 济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽
郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 济源 武汉 黄石 十堰
宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施 仙桃 潜江 天门 神农架 长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界
益阳 郴州 永州 怀化 娄底 湘西 广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞
中山 潮州 揭阳 云浮 南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左 海口 三亚 三沙 儋州
成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 阿坝 甘孜 凉山 贵阳
六盘水 遵义 安顺 毕节 铜仁 黔西南 黔东南 黔南 昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 楚雄 红河 文山 西双版纳 大理
德宏 怒江 迪庆 拉萨 日喀则 昌都 林芝 山南 那曲 阿里 西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛 兰州 嘉峪关
金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 临夏 甘南 西宁 海东 海北 黄南 果洛 玉树 海西 银川 石嘴山 吴忠
固原 中卫 乌鲁木齐 克拉玛依 吐鲁番 哈密 昌吉 博尔塔拉 巴音郭楞 阿克苏 克孜勒苏 喀什 和田 伊犁 塔城 阿勒泰 石河子
""".split())
# Characters that no brand in front of a core word holds: function words, common verbs, numerals,
# place and agency suffixes (全市体育, 本局电子, 销售彩票, 推进体育, 开展群众…).
NOT_BRAND_CHARS = frozenset(
    "的了和与及或等在对为于向从把被将是有个各全本该此其以之也都并而且就所由按经已未不无非要会能可进行展加强"
    "推动促做好化型式性级类项条件次场省市县区州盟旗镇乡村街道组局委办厅院部处科站所队校园馆社司厂室台网年月"
    "日号一二三四五六七八九十百千万亿两几多少上下内外中前后新老我你他她它们这那啥谁某该每诸另其"
    "买卖售购发布建设管理服务保障提升完善落实开展组织举办参加参与支持鼓励引导规范监督检查指导培训宣传"
)
# Latin or digit tokens that are not brands (VR体育, 5G娱乐, KTV娱乐, CCTV5体育, PP体育 …).
ORDINARY_ASCII = frozenset("""
vr ar mr xr ai 5g 4g 3g it tv cctv cctv5 cctv-5 pptv iptv btv cntv nba cba fifa led lcd app ktv esports e
pp qq cbd etc ic pc gps dj mv ps ok diy pk tcl lg sony
sports sport china wechat weibo weixin online game games live music video club city smart digital
news media mobile cloud data internet web net www com cn gov keep
bilibili douyin toutiao tiktok youku iqiyi migu tencent sina sohu netease hupu letv
3d 4d 5d ip ott cgtn smg espn wcba cuba cubal f1 ufc cfa mtv dv imax hd h5 o2o kpl lpl
""".split())

# Phrase endings after the core word(s).  Definite tails close the phrase whatever follows; the others
# only when the phrase ends there (投注站, 开户行, 注册资本, 平台建设 are compounds).
_DEFINITE = frozenset({"官方网站", "官方平台", "官方入口", "官方下载", "官方版", "官方app", "官网", "下载地址",
                       "app下载", "登录入口", "登陆入口", "注册送", "注册就送", "注册即送", "彩金", "网址",
                       "手机版", "网页版", "电脑版", "客户端", "导航"})
_WEAK = frozenset({"app", "投注", "开户", "注册", "登录", "登陆", "入口", "下载", "平台", "在线", "网站", "首页",
                   "主页"})
_TAIL_WORDS = sorted(_DEFINITE | _WEAK, key=lambda w: (-len(w), w))  # longest first: 注册送 before 注册
_TAIL_ALT = "|".join(_caseless_app(w) for w in _TAIL_WORDS)
_TAILS = re.compile(rf"(?:\s?(?:{_TAIL_ALT})){{1,4}}")
_CHINA = re.compile(r"\s?[（(]\s*中国\s*[）)]")
# A firm's name around the brand, as gambling sites style themselves (华球体育（中国）股份有限公司; 中国股份有限华球体育
# where the insertion cut and turned it): part of what was inserted, to be deleted with it — no report's own firm is
# named 股份有限 straight before another name without its 公司.
_FIRM_AFTER = re.compile(r"\s?(?:股份)?有限(?:责任)?公司")
_FIRM_BEFORE = re.compile(r"(?:[（(]\s*中国\s*[）)]|中国)?股份有限(?:责任)?\Z")
# Tails that gambling sites use and firms or apps of legitimate bodies do not.
_GAMBLING_TAILS = frozenset({"注册送", "注册就送", "注册即送", "彩金", "投注", "开户", "登录入口", "登陆入口", "网址",
                             "导航"})
# ... and of them those that never follow 电子 in ordinary text (电子开户, 电子投注, 电子导航 do).
_ELECTRONIC_TAILS = frozenset({"注册送", "注册就送", "注册即送", "彩金", "登录入口", "登陆入口"})
# Tails that make a promotion of any core word with a new (Chinese) brand.
_PROMO_TAILS = _GAMBLING_TAILS | frozenset({"官方网站", "官方平台", "官方入口", "官方下载", "官方版", "官方app", "官网",
                                             "下载地址", "app下载", "app", "手机版", "网页版", "电脑版", "客户端"})
_BONUS = re.compile(r"\s?\d{1,6}\s?元?(?:彩金)?|彩金")
_COUNT_AFTER = re.compile(r"\s?\d{1,7}\s?(?:条|篇|件|期|个|项)")
_COUNT = re.compile(r"\d{1,7}\s?(?:条|篇|件|期|个|项)")
_LATIN_BEFORE = re.compile(r"(?<![A-Za-z0-9_.\-/@:=%&?#])(?P<b>[A-Za-z0-9]{2,12})(?P<sp>\s?)$")
_ENGLISH_BEFORE = re.compile(r"[A-Za-z]{2,}\s$")
_PLACE_BEFORE = re.compile("(?:" + "|".join(sorted(PLACES, key=lambda w: (-len(w), w))) + ")$")
_KNOWN_BEFORE = re.compile("(?:" + "|".join(sorted(map(re.escape, KNOWN_BRANDS), key=lambda w: (-len(w), w))) + ")$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# A web address or an e-mail address in Chinese text: it ends at a space or at the first Chinese character or
# full-width mark (``详见www.example.com开云体育官网``: the phrase after it is not part of the address).
_WEB = (r"(?:https?|ftp)://[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’《》<>\"]+"
        r"|www\.[A-Za-z0-9.-]+[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef<>\"]*")
_EMAIL = r"[\w.+-]+@[\w-]+\.[\w.-]+"
URL = re.compile(f"{_WEB}|{_EMAIL}")
# ``\w`` matches Chinese: tried from every character of a long run, the e-mail pattern scans the run again each
# time (quadratic — 80,000 characters took a minute).  Searching, an address starts only where its run of
# [\w.+-] starts; :func:`url_spans` tries the plain pattern at the end of the address before, so the
# spans are those of ``URL.finditer``.
_URL_SEARCH = re.compile(f"{_WEB}|(?<![\\w.+-]){_EMAIL}")


def url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the web and e-mail addresses in ``text`` — those of ``URL.finditer(text)``, in linear time."""
    if "://" not in text and "www." not in text and "@" not in text:
        return []
    out: list[tuple[int, int]] = []
    pos = 0
    while pos <= len(text):
        m = URL.match(text, pos) if out and pos == out[-1][1] else None  # right after an address
        if m is None or m.end() == m.start():
            m = _URL_SEARCH.search(text, pos)
            if m is None:
                break
        out.append(m.span())
        pos = m.end()
    return out


_YEAR = re.compile(r"(?:19|20)\d\d")


def _caseless(term: str) -> str:
    out = []
    for ch in term:
        out.append(f"[{ch.lower()}{ch.upper()}]" if ch.isascii() and ch.isalpha() else re.escape(ch))
    return "".join(out)


def term_pattern(terms: Iterable[str], patterns: Iterable[str] = ()) -> str | None:
    """One regular expression (its source) for a term list (ASCII case ignored) and extra patterns; None when
    both are empty.  Rule DL501 compiles it through :func:`..userregex.compile_pattern` (user patterns)."""
    alts = [_caseless(t) for t in sorted({t for t in terms if t}, key=lambda w: (-len(w), w))]
    alts += [f"(?:{p})" for p in patterns if p]
    return "|".join(alts) if alts else None


def term_regex(terms: Iterable[str], patterns: Iterable[str] = ()) -> re.Pattern[str] | None:
    """:func:`term_pattern` compiled (the tool's own lists)."""
    source = term_pattern(terms, patterns)
    return re.compile(source) if source is not None else None


_TERMS = term_regex(SPAM_TERMS, SPAM_PATTERNS)
_ALLOW = re.compile("|".join(map(re.escape, SPAM_ALLOW)))

# -- a term that is an ordinary word where it stands ----------------------------------------------
# A few terms are also ordinary words: 彩金 is an alloy (黄金、铂金、彩金饰品), 娱乐城 a playground
# (欢乐谷儿童娱乐城), 注册送 a registration slogan (注册送章: a new firm gets its seals for free), and a brand of
# the list is also a registered firm's name (星空体育用品商店, 半岛体育文化传播有限公司).  What follows (or, for
# 娱乐城, what precedes) says so; a promotion word near the term says it is a promotion after all.
_ORDINARY_AFTER = (
    (re.compile(r"(?:^|[^送])彩金$"), re.compile(r"\s?(?:饰品|首饰|珠宝|制品|产品|戒指|项链|手镯|手链|耳环|耳饰|耳钉|吊坠|摆件|工艺品)")),
    (re.compile(r"^注册送$"), re.compile(r"(?:印章|公章|刻章|章|营业执照|执照|证照|照|税控|发票|上门)")),
    (re.compile(r"(?:体育|娱乐|娛樂|體育)$"),
     re.compile(r"(?:用品|器材|服饰|服装|文化|科技|发展|传播|健身|培训|俱乐部|有限|股份|商店|商行|经营部|门市部|工作室|"
                r"公司|中心|场馆|馆|产业|设施|设备|运动)")),
    (re.compile(r"^(?:娱乐城|娛樂城)$"), re.compile(r"(?:有限|股份|公司|商店|经营部)")),
)
_ORDINARY_BEFORE = (
    # a word ending in 彩 before a name beginning with 金 (“多彩金平”: 多彩 + 金平, a county's account; 精彩金秋)
    (re.compile(r"^彩金$"), re.compile(r"(?:多|五|光|色|精|出|异|喝|水|油|溢|云|重|华|文|剪|风)$")),
    (re.compile(r"^(?:娱乐城|娛樂城)$"),
     re.compile(r"(?:儿童|少儿|幼儿|亲子|青少年|家庭|室内|水上|电玩|动漫|游乐|欢乐|游艺|社区|商场|广场|乐园)$")),
)
# Words of a promotion near a term (on either side, 20 characters): the term is a promotion after all.
_PROMO_NEAR = re.compile(r"官网|官方网站|网址|注册|开户|彩金|投注|下注|首存|充值|返水|下载|[Aa][Pp][Pp]|登录|登陆|入口|"
                         r"客服|平台|博彩|赌")
_NEAR = 20


def ordinary_term(text: str, start: int, end: int) -> bool:
    """Is the term ``text[start:end]`` (a match of the term list) an ordinary word where it stands: 彩金饰品,
    儿童娱乐城, 注册送章, 星空体育用品商店 — with no promotion word within 20 characters of it?"""
    term = text[start:end]
    if not any(t.search(term) and a.match(text, end) for t, a in _ORDINARY_AFTER) and not any(
            t.search(term) and b.search(text, max(0, start - 4), start) for t, b in _ORDINARY_BEFORE):
        return False
    near = text[max(0, start - _NEAR):start] + "\n" + text[end:end + _NEAR]
    return _PROMO_NEAR.search(near) is None


def has_spam_term(text: str) -> bool:
    """Does ``text`` hold a term of the list where it is no ordinary word (a name a hijacked page put in place of the
    body's: 美高梅娛樂城办公厅, 欧洲杯在哪投注#办公厅)?"""
    if _TERMS is None:
        return False
    return any(not ordinary_term(text, m.start(), m.end()) and not _ALLOW.search(text, max(0, m.start() - 4), m.end() + 4)
               for m in _TERMS.finditer(text))


# -- the fact ---------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class Phrase:
    """A suspected promotion phrase in one text: ``text[start:end]``."""

    start: int
    end: int
    phrase: str
    brand: str | None  # BOB, 华球, 金沙 … (None for a known term such as 百家乐)
    trigger: str  # what follows the brand as written: 体育, 娱乐官网, 棋牌app下载; or the known term
    signals: tuple[str, ...]  # latin-brand digit-brand known-brand new-brand term tail:… count-after count-list (中国)
    #                           firm-name
    core: str = ""  # the core word(s): 体育, 真人娱乐
    tail: str = ""  # the promotion tail as written: 官网, APP下载, 官方网站 ("" when none)


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class Promotion:
    """A suspected insertion in the report: where it is, what it says and why it is suspected."""

    block: Block  # the block (for hidden HTML content: the hidden element's own block)
    cell: Cell | None  # the table cell holding it, if any
    start: int  # offsets in ``cell.text`` when ``cell`` is set, else in ``block.text``
    end: int
    phrase: str
    brand: str | None
    trigger: str
    signals: tuple[str, ...]
    core: str = ""
    tail: str = ""
    hidden: HiddenElement | None = None  # the hidden HTML element holding it

    @property
    def text(self) -> str:
        return self.cell.text if self.cell is not None else self.block.text


# -- finding phrases in one text ----------------------------------------------------------------


def _closes(text: str, i: int) -> bool:
    """Does the phrase end at ``i`` (end of text, a space, punctuation, a digit or a Latin letter)?"""
    if i >= len(text):
        return True
    ch = text[i]
    return not _CJK.match(ch)


def _latin_brand(text: str, s: int, urls) -> tuple[str, int, str] | None:
    """(brand, start, signal) for a Latin/digit token right before ``s`` (one space allowed)."""
    m = _LATIN_BEFORE.search(text, max(0, s - 14), s)
    if m is None:
        return None
    b = m.group("b")
    bs = m.start("b")
    if any(a <= bs < z for a, z in urls):
        return None
    low = b.lower()
    if low in ORDINARY_ASCII or low.rstrip("0123456789-") in ORDINARY_ASCII:
        return None
    if b.isdigit():
        if len(b) < 3 or (len(b) == 4 and _YEAR.fullmatch(b)) or (bs and text[bs - 1] in "第约近共计"):
            return None
        return b, bs, "digit-brand"
    if b.isalpha() and (_ENGLISH_BEFORE.search(text, max(0, bs - 24), bs) or (m.group("sp") and len(b) >= 5)):
        return None  # English text (China Sports …), not a brand
    return b, bs, "latin-brand"


def _digit_before(text: str, s: int) -> bool:
    """A digit right before ``s``, or before the one space there (what a number's brand needs; a cheap test first)."""
    return s > 0 and (text[s - 1].isdigit() or (text[s - 1] == " " and s > 1 and text[s - 2].isdigit()))


def _digit_brand(text: str, s: int, urls) -> bool:
    """Is the token right before ``s`` a number's brand (188, 365: three digits or more, no year, no 第/约/共计)?"""
    lat = _latin_brand(text, s, urls)
    return lat is not None and lat[2] == "digit-brand"


# what makes a compound with the core word after it (188体育场, 365体育馆, …体育彩票): a thing, not a brand's name
_CORE_COMPOUND = re.compile(r"场|馆|局|中心|公园|设施|产业|事业|运动|活动|器材|用品|彩票|课|赛|健身|项目|工作|教育|总局|委员会"
                            r"|学院|学校|协会|科|处|股|组|队|俱乐部|文化|旅游|频道|新闻|大学|类|方面|领域|社会|社团|人口|消费|培训")
_BODY_AFTER = re.compile(r"办公厅|人民政府|关于印发")


def _cjk_brand(text: str, s: int, ordinary: frozenset[str]) -> str | None:
    """The two Chinese characters before ``s`` when they may be a brand (not an ordinary word)."""
    if s < 2:
        return None
    cand = text[s - 2:s]
    if not (_CJK.match(cand[0]) and _CJK.match(cand[1])):
        return None
    if cand in ORDINARY or cand in ordinary or cand[0] in NOT_BRAND_CHARS or cand[1] in NOT_BRAND_CHARS:
        return None
    if cand[1] == "人":
        return None  # a group of people (残疾人, 军人, 工人, 老年人体育), never a brand
    if s >= 3 and _CJK.match(text[s - 3]) and (text[s - 3:s - 1] in ORDINARY or text[s - 3:s - 1] in ordinary):
        return None  # cut in the middle of a word: 残|疾人 (残疾 is a word), so 疾人 is no brand
    if _PLACE_BEFORE.search(text, max(0, s - 5), s):
        return None
    return cand


def _count_before(text: str, s: int) -> bool:
    """Does the sentence already list a count (46条, 12篇) before ``s``?"""
    window = text[max(0, s - 80):s]
    cut = max(window.rfind(ch) for ch in SENTENCE_END)
    if cut >= 0:
        window = window[cut + 1:]
    return _COUNT.search(window) is not None


def _tail_words(tail: str) -> list[str]:
    """The words of a matched tail run, lower-cased (APP下载 → app下载)."""
    words = []
    t = tail.replace(" ", "").lower()
    i = 0
    while i < len(t):
        w = next((w for w in _TAIL_WORDS if t.startswith(w, i)), None)
        if w is None:  # pragma: no cover - the regex matched only tail words
            break
        words.append(w)
        i += len(w)
    return words


def find_phrases(text: str, ordinary: frozenset[str] = frozenset(), terms: bool = True) -> list[Phrase]:
    """Suspected promotion phrases in ``text`` (see the module docstring), in text order, not overlapping.

    ``ordinary``: more words that are not brands (the agency's own name, words a user allows).
    ``terms``: also list the known terms of :data:`SPAM_TERMS`.
    """
    found: list[Phrase] = []
    if terms and _TERMS is not None:
        allowed = None
        for m in _TERMS.finditer(text):
            if allowed is None:
                allowed = [a.span() for a in _ALLOW.finditer(text)]
            if not any(a < m.end() and m.start() < z for a, z in allowed) and not ordinary_term(text, *m.span()):
                found.append(Phrase(m.start(), m.end(), m.group(0), None, m.group(0), ("term",)))
    urls = None
    for m in _CORE_RUN.finditer(text):
        if urls is None:
            urls = url_spans(text)
        p = _shape(text, m, ordinary, urls)
        if p is not None:
            found.append(p)
    return _merge(text, found)


def _shape(text: str, m: re.Match[str], ordinary: frozenset[str], urls) -> Phrase | None:
    """The phrase around one run of core words ``m``, or None when it is not a promotion."""
    s, e = m.span()
    core = m.group(0)
    if any(a <= s < z for a, z in urls):
        return None
    end = e
    china = _CHINA.match(text, end)
    if china:
        end = china.end()
    firm = _FIRM_AFTER.match(text, end)
    known = _KNOWN_BEFORE.search(text, max(0, s - 4), s)
    if firm and known:  # a gambling brand's firm name (a new brand's may be a real firm's: 舒华体育股份有限公司)
        end = firm.end()
    else:
        firm = None
    t = _TAILS.match(text, end)
    tails = _tail_words(t.group(0)) if t else []
    stop = t.end() if t else end
    if tails and not any(w in _DEFINITE for w in tails) and not _closes(text, stop):
        tails, stop = [], end  # 投注站, 开户行, 注册资本, 平台建设: a compound, not a tail
    if tails and tails[-1].endswith("送"):
        bonus = _BONUS.match(text, stop)  # 注册即送888元彩金
        if bonus:
            stop = bonus.end()
    count = None if tails else _COUNT_AFTER.match(text, end)
    # a government's name right after it (《盛京棋牌办公厅…》, …棋牌人民政府): the phrase took the place of 国务院 in a title
    body_after = None if tails or count is not None else _BODY_AFTER.match(text, end)
    if not tails and count is None and body_after is None and not _closes(text, end) and not (
            not known and _digit_before(text, s) and _digit_brand(text, s, urls) and not _CORE_COMPOUND.match(text, end)):
        return None  # 体育局, 彩票管理中心, 电子政务, 娱乐场所, 棋牌室 (188体育加强…: a number's brand in a sentence)
    promo = any(w in _PROMO_TAILS for w in tails)
    electronic_ok = any(w in _ELECTRONIC_TAILS for w in tails)
    signals: list[str] = []
    k = known
    lat = None if k else _latin_brand(text, s, urls)
    brand: str | None
    if k:
        brand, bs = k.group(0), k.start()
        signals.append("known-brand")
    elif lat:
        brand, bs, kind = lat
        if core == "电子" and not electronic_ok:
            return None  # LG电子, TCL电子官网: firms
        signals.append(kind)
    else:
        brand = _cjk_brand(text, s, ordinary)
        if brand is None or (core == "电子" and not electronic_ok):
            return None
        if not promo and body_after is None and (count is None or not _count_before(text, s - 2)):
            return None
        bs = s - 2
        signals.append("new-brand")
    if body_after is not None:
        signals.append("body-after")
    if tails:
        signals.append("tail:" + "+".join(tails))
    if count is not None:
        signals.append("count-after")
        if _count_before(text, bs):
            signals.append("count-list")
    if china:
        signals.append("(中国)")
    cut = _FIRM_BEFORE.search(text, max(0, bs - 12), bs)
    if cut:
        bs = cut.start()
    if firm or cut:
        signals.append("firm-name")
    tail_text = text[end:stop].strip() if tails else ""
    return Phrase(bs, stop, text[bs:stop], brand, text[s:stop].strip(), tuple(signals), core, tail_text)


# between two phrases of a spam title: one insertion (uedbet体育_uedbet官网; 188博金宝app_188博金宝体育: a tail and
# the next brand's number around the _)
_CHAIN_GAP = re.compile(r"(?:[A-Za-z]{1,8})?[ \t]?_[ \t]?\d{0,4}")


def _merge(text: str, found: list[Phrase]) -> list[Phrase]:
    """Overlapping phrases become one — and phrases a spam title chains with _ (uedbet体育_uedbet官网: one
    insertion) —: the union of the spans, brand and trigger of the longer, all signals."""
    if len(found) < 2:
        return found
    found.sort(key=lambda p: (p.start, -p.end))
    out: list[Phrase] = []
    for p in found:
        if out and (p.start < out[-1].end or _CHAIN_GAP.fullmatch(text, out[-1].end, p.start)):
            q = out[-1]
            main = q if (q.end - q.start) >= (p.end - p.start) else p
            end = max(q.end, p.end)
            shape = q if q.core else p
            out[-1] = Phrase(q.start, end, text[q.start:end], main.brand or q.brand or p.brand, main.trigger,
                             tuple(dict.fromkeys(q.signals + p.signals)), shape.core, shape.tail)
            continue
        out.append(p)
    return out


# -- the report ----------------------------------------------------------------------------------

def _gate_branches() -> list[str]:
    """The branches of :data:`TERMS_PATTERN` (the terms and the patterns of the tool's own lists), each led by
    one literal character, so that a search skips ahead by the set of those characters: a term led by a
    letter (bet365, any case) is its last character and a look-behind; a pattern led by a choice of words is
    one branch per word.  A text holds a match of these iff it holds one of :data:`TERMS_PATTERN`."""
    out = []
    for term in sorted({t for t in SPAM_TERMS if t}, key=lambda w: (-len(w), w)):
        if term[0].isascii() and term[0].isalpha() and not (term[-1].isascii() and term[-1].isalpha()):
            out.append(re.escape(term[-1]) + f"(?<={_caseless(term)})")
        else:
            out.append(_caseless(term))
    for pattern in SPAM_PATTERNS:
        lead = re.match(r"\(\?:((?:[^()|\\]+\|)+[^()|\\]+)\)(?![?*+{])", pattern)
        out += [w + pattern[lead.end():] for w in lead.group(1).split("|")] if lead else [pattern]
    return out


def _ascii_lower(word: str) -> str:
    return "".join(c.lower() if c.isascii() else c for c in word)


def _top_level_choice(pattern: str) -> bool:
    """Does ``pattern`` hold a ``|`` outside every group (a choice of the whole pattern)?"""
    depth, escaped = 0, False
    for c in pattern:
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
    return False


def _block_gate_branches() -> list[str]:
    """The branches of a regex that finds something in exactly the texts in which ``_CORE | TERMS_PATTERN`` does,
    each a fixed word that holds no whitespace (a match never runs from one line into the next):

    * a word that holds another one (开云体育 holds 体育, 注册送彩金 holds 彩金; ASCII case ignored) is left out:
      wherever it is, the other one is;
    * a pattern that ends in a word kept, outside any choice (``(?:注册|首存|充值)…送\\s?\\d{1,6}\\s?元?彩金`` ends in
      彩金), is left out for the same reason (the only patterns that hold whitespace);
    * a word led by an ASCII letter is its last character and a look-behind (as in :data:`TERMS_GATE`)."""
    words: dict[str, str] = {}
    for w in [*_CORE, *SPAM_TERMS]:
        if w:
            words.setdefault(_ascii_lower(w), w)
    kept = [w for low, w in words.items() if not any(other != low and other in low for other in words)]
    out = []
    for term in sorted(kept, key=lambda w: (-len(w), w)):
        if term[0].isascii() and term[0].isalpha() and not (term[-1].isascii() and term[-1].isalpha()):
            out.append(re.escape(term[-1]) + f"(?<={_caseless(term)})")
        else:
            out.append(_caseless(term))
    for pattern in SPAM_PATTERNS:
        if not _top_level_choice(pattern) and any(pattern.endswith(re.escape(w)) for w in kept if w.isalpha()):
            continue
        lead = re.match(r"\(\?:((?:[^()|\\]+\|)+[^()|\\]+)\)(?![?*+{])", pattern)
        out += [w + pattern[lead.end():] for w in lead.group(1).split("|")] if lead else [pattern]
    return out


# the source of _TERMS (DL501's default), and a regex that finds something in the same texts, fast (a gate)
TERMS_PATTERN = term_pattern(SPAM_TERMS, SPAM_PATTERNS)
TERMS_GATE = re.compile("|".join(_gate_branches()))
# whether a block may hold a promotion at all (only blocks with a core word or a term are read): finds something
# in the same texts as ``_CORE | TERMS_GATE`` (tests/test_fast_paths.py, tests/test_fast_paths_t4_scan.py)
_GATE_BRANCHES = _block_gate_branches()
_GATE = re.compile(trie(_GATE_BRANCHES))  # a tree of the words: see .alternation
# no branch can match a newline (what :func:`gate_blocks`' one search over the joined texts needs); a pattern
# added to SPAM_PATTERNS that might is searched block by block
_ONE_LINE = not any(x in b for b in _GATE_BRANCHES for x in ("\\s", "\\S", "\\D", "\\W", "\\n", "[^", "."))


def _own_words(report) -> frozenset[str]:
    """Two-character pieces of the agency's name and the title: never a brand (杭州体育…)."""
    words: set[str] = set()
    for name in (report.agency.name, report.title):
        if name:
            words.update(name[i:i + 2] for i in range(len(name) - 1))
    return frozenset(words)


def gate_blocks(blocks: list[Block]) -> list[Block]:
    """The blocks with text in which :data:`_GATE` finds something: a core word or a match of :data:`TERMS_GATE`
    (so also every block in which TERMS_GATE finds something)."""
    # one search over the texts joined by newlines (no match of _GATE holds one, see _ONE_LINE)
    if not _ONE_LINE:  # pragma: no cover - the tool's own lists hold no such pattern
        return [b for b in blocks if b.text and _GATE.search(b.text) is not None]
    return [blocks[k] for k in holding([b.text for b in blocks], _GATE.search)]


def find(report) -> list[Promotion]:
    """Every suspected promotion in the report: prose blocks, table cells and hidden HTML content."""
    ordinary = _own_words(report)
    hidden = report.hidden
    out: list[Promotion] = []
    for block in report.spam_blocks:
        if block.kind == "table" and block.table is not None:
            segs = [(c, c.text) for c in block.table.cells() if c.text and _GATE.search(c.text)]
        else:
            segs = [(None, block.text)]
        for cell, text in segs:
            for p in find_phrases(text, ordinary):
                where = cell if cell is not None else block
                if hidden and covering(hidden, where, p.start) is not None:
                    continue  # listed below, with the hidden element that holds it
                out.append(_promotion(block, cell, text, p))
    for h in hidden:
        text = h.block.text
        found = find_phrases(text, ordinary)
        for k in h.links:  # link texts run together (<a>金沙电子</a><a>永利棋牌</a>): each is a phrase of its own
            if k.end > k.start:
                found += [Phrase(p.start + k.start, p.end + k.start, p.phrase, p.brand, p.trigger, p.signals, p.core,
                                 p.tail) for p in find_phrases(text[k.start:k.end], ordinary)]
        for p in _merge(text, found) if h.links else found:
            out.append(_promotion(h.block, None, text, p, hidden=h))
    return out + _echoes(report, out)


def _echoes(report, found: list[Promotion]) -> list[Promotion]:
    """The same new brand's phrase elsewhere in the prose, where its shape alone says nothing (盛京棋牌 put in place of
    国务院 in four titles, one of them before 办公厅): one insertion repeated by the hijacker, each a finding."""
    phrases = {p.phrase for p in found if "new-brand" in p.signals and p.brand and p.phrase == p.brand + p.core}
    if not phrases:
        return []
    taken = {(id(p.block), p.start) for p in found if p.cell is None}
    out = []
    for block in report.spam_blocks:
        if block.kind == "table":
            continue
        for phrase in phrases:
            at = block.text.find(phrase)
            while at >= 0:
                if (id(block), at) not in taken:
                    out.append(Promotion(block=block, cell=None, start=at, end=at + len(phrase), phrase=phrase,
                                         brand=phrase[:2], trigger=phrase[2:], signals=("new-brand", "same-phrase"),
                                         core=phrase[2:], tail=""))
                at = block.text.find(phrase, at + len(phrase))
    return out


def _promotion(block, cell, text, p: Phrase, hidden=None) -> Promotion:
    return Promotion(block=block, cell=cell, start=p.start, end=p.end, phrase=text[p.start:p.end], brand=p.brand,
                     trigger=p.trigger, signals=p.signals, core=p.core, tail=p.tail, hidden=hidden)
