"""The words of gambling spam (:mod:`.promotions`): the known terms and patterns that DL501 lists by default (its
options ``terms``, ``patterns`` and ``allow``), the brand roots of gambling sites, and the words that make a phrase
ordinary (文化体育, 福利彩票; a province or a city before a core word; the tokens that are no brand: VR, 5G, KTV).
Add a term seen injected on a real page here, with a comment on where it was seen."""

from __future__ import annotations

SPAM_TERMS = (
    "博彩", "娱乐城", "百家乐", "真人娱乐", "真人视讯", "体育投注", "网上赌场", "在线赌场", "网络赌场",
    "六合彩", "时时彩", "北京赛车pk10", "棋牌娱乐", "华球体育", "开云体育", "皇冠体育", "皇冠娱乐",
    "澳门新葡京", "新葡京", "威尼斯人娱乐", "澳门威尼斯人", "亚博体育", "华体会", "乐鱼体育", "九游会",
    "雷竞技", "半岛体育", "星空体育", "必威体育", "米乐体育", "爱游戏体育", "bet365", "365bet", "beat365",
    "注册送彩金", "送彩金", "彩金", "注册送", "首存送", "在线投注", "澳门银河", "真人真钱", "威廉希尔", "官方娱乐平台",
    "永利皇宫", "澳门永利", "新濠天地", "新濠影汇", "澳门金沙", "上葡京",  # casinos named without 体育/娱乐
    "飞禽走兽老虎机", "德赢vwin", "vwin德赢", "德赢体育", "365体育直播", "西甲直播", "365体育备用", "365体育官网", "足彩网",  # seen injected
    "365体育备用网址", "美高梅娱乐城", "美高梅娛樂城", "美高梅娱乐", "美高梅娛樂",  # seen injected for a city's and a province's name (…网址自然资源和规划局, 美高梅娛樂城办公厅)
    "雷速体育", "雷速直播", "澳门赌场", "uedbet", "伟德app", "伟德官网", "伟德体育", "六宝典", "manbetx",
    "沙巴体育", "足彩在线", "足彩app", "千亿国际", "球迷网", "欧洲杯足球网", "手机彩票网", "博金宝", "金宝博",  # seen injected (a title's notice, 习近平, a college's name)
    "hth官网", "hth在线", "hth体育", "hth登录", "菠菜导航", "足球比分网", "即时比分",  # seen injected for a county's name (hth: 华体会; 菠菜: 博彩)
    "澳客彩票网",  # seen injected in a notice's title (…办公厅中国体育彩票_澳客彩票网-游戏平台做好…)
    "betway",  # a betting brand before its Chinese name (分类Betway必威体育:部门, a real city bureau's mirror)
    "博天堂", "sunbet", "申搏",  # seen injected (以918博天堂新时代中国特色社会主义思想为指导; a line sunbet申搏 atop a page)
    "娛樂城", "百家樂", "真人真錢", "真人視訊", "體育投注", "網上賭場", "線上賭場", "永利皇宮", "澳門永利",
    "新濠影匯", "澳門金沙", "澳門賭場",  # traditional characters (mirror sites)
    # seen on real spam pages around government text: an illegal lottery game, a betting brand, a live-casino brand,
    # a gambling game's site (幸运飞艇 / 新闻中心; 球盟会官网入口; BB视讯 as a byline; Powered by 牌九游戏; ky开元官网)
    "幸运飞艇", "球盟会", "bb视讯", "牌九游戏", "开元棋牌",
    "bg视讯", "bg真人", "bg电子游戏平台", "ga黄金甲", "baet365",  # BG, a live-casino brand (bg电子游戏平台 before a county bureau's page title)
)  # a term that is an ordinary word where it stands (彩金饰品, 注册送章 …) is not one: see :func:`ordinary_term`
SPAM_PATTERNS = (r"太阳城(?:娱乐|集团|申博|官网|网上|在线|亚洲|国际娱乐|赌城)",
                 r"欧洲五大联赛[:：]?",  # seen injected for 关于 and for a province's name (…办公室欧洲五大联赛:印发<…>的通知)
                 # 澳门太阳城赌城 in place of a body's name, 澳门特区赌场,澳门博彩业网址 (real county mirrors)
                 r"澳门[\u4e00-\u9fff]{0,4}赌[城场](?:[,，、]?澳门[\u4e00-\u9fff]{0,6}?(?:网址|官网|网站))?",
                 r"澳[門门]賭場推[薦荐]",  # (a traditional mirror's tail to the term 澳門賭場)
                 r"英国威廉希尔(?:公司)?",  # in place of a city's name (英国威廉希尔公司市政府…)
                 # the lottery-tip sites' phrases, the titles of search-engine spam (2024年澳门内部资料免费公开,
                 # 澳门天天开好彩, 澳门最精准…: real pages posing as policy explainers), and a Latin-led brand (ky开元官网)
                 r"(?:澳门|香港)(?:\d{2,4}年?)?(?:全年)?(?:免费)?(?:图库)?(?:内部资料|天天开好彩|资料大全|正版资料|精准资料"
                 r"|最精准|(?:今晚)?开奖(?:结果|记录|直播|号码)|全年资料(?:公开|大全)?)|一码一肖|一肖一码|全年内部资料免费公开"
                 r"|二肖期期(?:中特)?|三肖期期(?:中特)?|四肖期期(?:中特)?|五肖期期(?:中特)?|六肖期期(?:中特)?|期期中特",  # (精准四肖期期中特公开 in a lottery-tip page's title)
                 # (新澳天天开奖资料查询结果 in a fake notice's title; not 新澳 for New Zealand and Australia: 新澳两国)
                 r"新澳门?(?:天天|今晚|今期|最新|精准|免费|正版)?(?:开奖|开好彩|内部资料|资料(?:大全|查询|免费|公开))",
                 # (香港免费图库资料大全 twice above a region's office's report; c7官网入口(中国)官方网站 for a column's name)
                 r"官网入口[（(]中国[）)]官方网站", r"（中国[）)]官方(?:网站|入口)", r"\(中国[）)]官方(?:网站|入口)",  # (金博·体育(中国)官方网站-…APP下载)
                 r"(?:来源|作者|编辑)[:：][ \t]?[Yy]abo(?![A-Za-z])",  # a betting brand's byline (来源:yabo) on a reposted opinion
                 r"金沙(?:集团|国际|娱乐|平台)\d{2,5}[A-Za-z]{2,3}(?![A-Za-z])",  # 金沙集团186cc atop a city's sports news
                 # in place of 政府信息公开 in a spun copy of a sports bureau's guide (not 打击非法手机彩票平台: enforcement)
                 r"手机彩票(?:官网|平台|[Aa][Pp][Pp])",
                 r"[Kk][Yy](?<![A-Za-z][Kk][Yy])开元(?:官网|棋牌|平台|娱乐|[Aa][Pp][Pp])?",  # (no . : see promotions._ONE_LINE)
                 # the state lottery's name in place of a city's or a word (中国体育彩票市统计局, 中国体育彩票印发…, …app:):
                 # not 中国体育彩票市场, 区域, 销售 …
                 # (… or chained to a betting site's name: 中国体育彩票_澳客彩票网-游戏平台 in place of 关于)
                 r"中国体育彩票(?=市(?!场)|县|区(?!域)|印发|关于|[Aa][Pp][Pp]|_)(?:[Aa][Pp][Pp][:：]?)?",
                 r"澳客彩票网-游戏平台",
                 # a ranking of gambling companies (英国威廉希尔公司,十大博彩公司 in place of a city's name)
                 r"(?:十大|正规|知名|靠谱)博彩(?:公司|网站|平台|网址)",
                 r"买球(?:网站|平台|网|[Aa][Pp][Pp])",  # 买球网站 in place of 政府信息公开 (a real city bureau's mirror)
                 r"买(?:足球|篮球)的?(?:软件|网站|平台|[Aa][Pp][Pp])",  # 买足球的软件 for 省、市 (a real county bureau's mirror)
                 r"老虎机(?:游戏|平台|官网|下载|在线|网址|娱乐|app)",
                 r"(?:注册|首存|充值)[就即]?送\s?\d{1,6}\s?元?彩金",
                 r"(?:欧洲杯|世界杯|亚洲杯|欧冠)(?:在哪|哪里|怎么|如何)(?:投注|下注|买球)",  # 2024欧洲杯在哪投注
                 r"ibet国际(?:平台|集团|娱乐|官网)",
                 r"\d{2,4}比分直播",  # 188比分直播: a betting site's score page put in a sentence
                 # (开云网页版-开云(中国)官方在线登录 in place of 新闻: the brand, its country tag and its login words)
                 r"开云(?:[（(]中国[）)])?(?:网页版|手机|官网|官方|入口|app|APP|娱乐|平台|集团|棋牌|线上|在线)",
                 r"澳门[\u4e00-\u9fff]{0,4}娱乐场(?![所馆地])",  # 澳门和记娱乐场 for a town's name (not 娱乐场所)
                 # a title's tail and a contact line on a hijacked page (…年度报告-尊龙网平台, 尊龙ag旗舰厅的联系方式)
                 r"尊龙(?:凯时|网平台|网|官网|平台|[Aa][Gg](?:旗舰厅)?)", r"[Aa][Gg]旗舰厅",
                 r"[Bb][Oo][Bb](?:最新|综合)?(?:官网|官方网站|登录入口|登录|入口)",  # bob最新官网 before a title
                 # a hijacked page's title and breadcrumb (…年度报告-pa凯发国际登录, 凯发k8官网登录入口; not 凯发电气)
                 r"凯发(?:[Kk]8|国际)?(?:官网|官方网站|登录|登陆|入口|[Aa][Pp][Pp]|娱乐|平台){1,3}|凯发[Kk]8",
                 # a betting site's name chained in place of a word (足球彩票_竞彩足球-现金网重点推荐; not 现金网点)
                 *(lead + r"[_\-—](?:(?:足球彩票|竞彩足球|体育彩票)[_\-—]){0,2}现金网(?:重点推荐|推荐)?"
                   for lead in ("足球彩票", "竞彩足球", "体育彩票")),
                 r"现金网(?:重点推荐|投注|开户|官网|平台|娱乐)",
                 # seen on mirrors in place of a province's, a district's or a word (63365_下载必发365网站_如何打开mobile365
                 # 科学技术厅; 芙蓉区龙8国际门户网站; 《中华人民共和国和记AG信息公开条例》; 立博平台,立博官网 for 政务公开)
                 r"必发365|[Mm]obile365|28365-?365|503-365", r"龙8(?:国际|官网|娱乐|平台|[Aa][Pp][Pp]|手机版?|登录)",
                 r"和记(?:[Aa][Gg]|娱乐|怡情|官网)",
                 # a gambling brand that is no ordinary word, with a site's word and no 体育/娱乐 (立博官网, 必威官方网站; 利博官网 in
                 # place of a district's name on a real mirror)
                 r"(?:立博|利博|必威|九游|乐鱼|亚博|博鱼|天博|米乐|明升|伟德|金宝博|乐天堂|博狗|德赢|博金宝|尊龙|腾博)"
                 r"(?:官网(?:登录入口|入口|登录)?|官方网站|官方入口|登录入口|登陆入口|[Aa][Pp][Pp]下载|平台(?!建设|管理|运行|运营|上))")
# Ordinary phrases that hold a term (a lottery shop, a card room for the elderly; the premises a proposal or a
# regulator's report is about: 加强社区棋牌娱乐场所经营管理; the gaming regulator and its words in Macao's government
# news: 博彩监察协调局, 博彩中介人 — seen on real pages).  Never a phrase that spam writes (博彩业网址, 博彩平台).
SPAM_ALLOW = ("体育投注站", "棋牌娱乐室", "棋牌娱乐活动", "棋牌娱乐场所", "棋牌娱乐场", "棋牌娱乐馆",
              "博彩监察", "博彩监管", "博彩中介人", "博彩业政策", "博彩旅游区", "博彩场所", "博彩桌",
              # a venue of official events in Macao (签约仪式於澳门威尼斯人度假村酒店举行: Macao government news)
              "威尼斯人度假村", "威尼斯人酒店", "威尼斯人剧场", "威尼斯人劇場", "威尼斯人会展", "威尼斯人會展")

# Brand roots of gambling sites: with a core word and a closed phrase they are enough.
KNOWN_BRANDS = (
    "华球", "开云", "乐鱼", "星空", "半岛", "必威", "米乐", "亚博", "九游", "华体", "博鱼", "天博", "万博",
    "沙巴", "欧宝", "宝博", "鸭脖", "腾博", "凯发", "尊龙", "新宝", "千亿", "明升", "利记", "优德", "伟德",
    "立博", "金宝博", "乐天堂", "金沙", "永利", "葡京", "新葡京", "威尼斯人", "太阳城", "皇冠", "新濠",
    "美高梅", "巴黎人", "伦敦人", "爱游戏", "雷竞技", "博狗", "亿博", "博彩", "德赢", "博金宝",
)

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
