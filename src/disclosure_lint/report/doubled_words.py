"""Which doubled words inside a sentence are slips: 认真贯彻贯彻落实, 进一步加强加强, 工作工作取得.

Chinese writers do not write one word twice in a row.  A word doubled inside a sentence (no punctuation
or function character beside it) is correct in only two ways:

1. a reduplication of a verb or an adjective (研究研究, 商量商量, 雪白雪白) — spoken style;
2. the first copy ends one noun phrase and the second begins another that starts with the same word,
   two noun phrases side by side: 基层党组织|组织生活会, 政务公开|公开栏, 公开工作|工作人员,
   项目推进|推进会.  The second copy then begins a *noun compound* (组织生活, 公开栏, 工作人员, 推进会).

A verb, an adverb, a preposition or a conjunction cannot do either: 贯彻, 加强, 按照, 进一步 twice
in a row is always a slip; a noun only when what follows the second copy makes no compound with it
(工作|工作取得: 工作取得 is no word).  So the words of :data:`WORDS` — the verbs, adverbs, prepositions
and nouns that reports use most, none of which reduplicates — are listed each with the noun compounds
that may begin at its second copy (公开 → 公开栏, 公开课, 公开目录 …; 工作 → 工作人员, 工作要点 …).  A
listed word doubled inside a sentence is a slip unless one of its compounds follows.  Also not taken:

* a copy after 的 (效率的提高|提高了: a noun, then the verb), or after a degree or negation word
  (更加及时|及时回应, 还不完善|完善…: an adjective that ends a clause whose comma was left out — a
  defect, but not a doubled word, and removing the copy would be the wrong fix);
* a verb reduplicated in speech: after 再, 好好, 去, 帮 … (再完善完善, 去落实落实), or inside direct
  speech (群众说：“……研究研究……”);
* words not in the list: a doubled word is then taken only next to punctuation or a function
  character (:mod:`.writing`).

The list was tried on the real reports of the corpus, the examples, the red team's clean reports and
a set of sentences with legitimate doubles (``tests/fixtures/writing/doubled-legit.txt``): a miss is
acceptable, a false report is not.
"""

from __future__ import annotations

import re

_VERBS = """
贯彻 加强 按照 完善 认真 切实 不断 深入 严格 依法 坚持 围绕 根据 依照 开展 做好 抓好 健全 强化 优化 推动 召开
印发 进行 建立 确保 加大 加快 深化 扎实 大力 统筹 逐步 稳步 有序 全力 继续 始终 一直 已经 正在 进一步 同时
以及 并且 而且 对于 关于 为了 按时 其中 共计 累计 全部 均已 主要 全面 持续 积极 及时 有效 主动 着力 努力 促进
提升 提高 制定 通过 落实 推进 贯彻落实 认真贯彻 进一步加强 收到 接到 受理 答复 办理
""".split()

# Noun compounds that may begin at the second copy (X·AB | AB·Y: two noun phrases side by side).
_TAILS: dict[str, str] = {
    "加强": "版 针",
    "积极": "性 分子",
    "持续": "性",
    "全面": "性",
    "及时": "率 性",
    "有效": "期 性 率",
    "主动": "性 权",
    "着力": "点",
    "努力": "方向",
    "促进": "会 剂",
    "提升": "班 行动",
    "提高": "班",
    "完成": "率 情况 时限 时间 进度 数 量 值 度 期限 目标 质量",
    "制定": "者 主体",
    "通过": "率",
    "根据": "地",
    "落实": "情况 机制 台账 清单 措施",
    "推进": "会 组 情况 机制 办 表 图 计划 方案",
    "改进": "措施 方向 意见 建议 计划 空间 方法 工作 举措",
    "收到": "日 日期 时间 之日",
    # a place's 街道 written twice (某某街道街道认真…): a slip, unless the second begins its office's name
    "街道": "办事处 办 党工委 工委 党委 社区 居委会 干部 层面 一级 综治 综合 网格",
    "接到": "日 日期 时间 之日",
    "受理": "情况 范围 条件 窗口 机制 单位 部门 机关 流程 程序 时间 日期 通知 回执 登记 平台 渠道 方式 量 率 数 点 处 中心 编号 号",
    "答复": "书 文书 期限 时限 情况 率 内容 方式 格式 意见 机制 流程 程序 时间 日期 告知书 文件 材料 件",
    "办理": "情况 结果 期限 时限 流程 程序 机制 工作 过程 时间 质量 率 进度 状态 部门 单位 人 人员 时长 指南 事项 件",
    "公开": """
        栏 课 信 日 周 月 年报 目录 指南 平台 专栏 专区 专版 专页 网 方式 内容 范围 时限 期限 渠道 形式 属性 审查
        工作 申请 事项 信息 率 招聘 招标 选拔 遴选 竞聘 竞选 征求 征集 发布 透明 查阅 场所 制度 机制 标准 规范 要点
        清单 件 数 比例 电话 承诺 听证 质量 意见 版 点 区 处 科 室 员 人员 队伍 机构 领导 考核 评议 评估 监督 情况
        程度 水平 报告 条例 办法 规定 细则 格式 模板 文件 资料 材料 政策 决定 答复 告知 载体 类别 分类 职责 义务
        原则 要求 任务 重点 领域 目标 事宜 窗口 大厅 场景 模式 路径 流程 程序 审核 审批 拍卖 出让 挂牌 竞价 竞争
        曝光 道歉 宣判 审判 庭审 讲话 表态 征询 咨询 解答 回应 答疑 课堂 示范 试点 标准化 规范化 化 性 度 权 栏目
        主体 义务人 服务 系统 数据 台账 统计 通报 公示 公告 考评 测评 指数 成效 经验 亮点
        """,
    "工作": """
        人员 机构 要点 日 组 站 室 会 方案 制度 机制 情况 报告 总结 计划 任务 经费 量 者 部署 职责 专班 台账 流程
        规则 规范 指南 小组 队 岗位 单位 部门 年度 重点 动态 作风 目标 举措 措施 成效 进展 领域 内容 要求 体系 格局
        水平 质量 效率 能力 实际 中 上 时间 时 例会 会议 汇报 调度 督查 考核 协调 衔接 安排 职能 规划 思路 原则
        纪律 环境 条件 场所 地点 经验 亮点 特色 短板 不足 问题 困难 压力 强度 态度 状态 关系 网络 平台 系统 群
        简报 专报 专栏 通知 文件 细则 办法 意见 标准 模式 方法 手段 路径 载体 抓手 力度 进度 节奏 责任 分工 人 处
        科 法 证 服 餐 照 队伍 班子 层面 主线 主题 重心 职位 全局 大局 布局 推进 落实 开展 联系 联络 交流 对接 步骤
        方向 需要 需求 成果 业绩 绩效 实绩 日志 记录 档案 底稿 清单 表 习惯 作用 职务 流 站点 群众 对象 范围 模板
        """,
}
# the format's own terms for the two ways of disclosure take the compounds of 公开 (主动公开|主动公开目录)
_TAILS["主动公开"] = _TAILS["依申请公开"] = _TAILS["公开"]
WORDS: dict[str, frozenset[str]] = {w: frozenset() for w in _VERBS}
WORDS.update({w: frozenset(t.split()) for w, t in _TAILS.items()})
_VERB_ONLY = frozenset(w for w, tails in WORDS.items() if not tails and len(w) == 2)  # (坚持, 贯彻, 按照 …)
_TAIL_LENGTHS = {w: sorted({len(t) for t in tails}) for w, tails in WORDS.items()}

# Before the first copy: it is a noun (的) or an adjective ending a clause (更加及时|及时回应), or 通过
# means "passed" (审议通过|通过门户网站公开: a comma left out).
_NOMINAL = frozenset("的之")
_PREDICATE = frozenset({"不", "未", "没", "较", "更", "很", "最", "太", "欠", "尚", "渐", "愈", "越", "够", "十分", "非常", "比较",
              "较为", "更加", "更为", "日益", "日趋", "愈加", "相对", "特别", "极为", "相当"})
# Before a verb reduplicated in speech (再完善完善, 好好研究研究, 去落实落实, 帮我们推进推进).
_REDUPLICATION = frozenset({"再", "好好", "去", "帮", "给", "让", "请", "一起", "咱们", "多", "得"})
_PRE: dict[str, tuple[str, ...]] = {
    "通过": ("审议", "审核", "表决", "验收", "评审", "考核", "审查", "审批", "认证", "检测", "审定", "会议", "测试", "鉴定",
           "评估", "核查", "备案"),
}


# what ends a body's name before its 政府 (人民政府, 市政府, 各级政府, 地方政府, 当地政府)
_GOVERNMENT_BEFORE = frozenset("民市县区镇乡州省旗盟级方地")

# a place's name (某某县, 某某旗, 某某镇, 某某街道): written twice in a row, a slip wherever it stands
# (two characters before the suffix at least: 盐城市|城市管理局 is a place, then a body whose name starts with 城市)
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,6}(?:省|市|县|区|旗|州|盟|镇|乡|街道|苏木)")


def slip(text: str, i: int, j: int, word: str) -> bool:
    """Is ``text[i:j]`` — ``word`` twice, inside a sentence — a slip rather than two words?"""
    if word == "政府":  # 处理政府政府信息: a slip, unless the first copy ends a body's name (某某县人民政府|政府信息公开指南)
        # (… and only before 信息: 主动公开政府政府情况 is a title whose 信息 was typed as 政府, no copy to delete)
        # (… or a government's name with 政府 twice before its office: 某某区人民政府政府办公室)
        return (i > 0 and text[i - 1] not in _GOVERNMENT_BEFORE and text.startswith("信息", j)) or (
            text[max(0, i - 2):i] == "人民" and text.startswith("办公", j))
    tails = WORDS.get(word)
    if tails is None:
        # a place named twice (某某旗某某旗人民政府), or words of four characters or more (深入学习深入学习贯彻): a
        # copy that long is no two words run together, as 予以公开|公开方式 is
        # (… or three led by a listed verb with no compounds: 坚持以坚持以习近平…, 按照上按照上级)
        return _PLACE.fullmatch(word) is not None or (
            (len(word) >= 4 or (len(word) == 3 and word[:2] in _VERB_ONLY)) and not (i and text[i - 1] in _NOMINAL))
    if any(text[j:j + n] in tails for n in _TAIL_LENGTHS[word]):
        return False  # X·AB | AB·Y: two noun phrases (政务公开|公开栏)
    if i and text[i - 1] in _NOMINAL:
        return False
    before = text[max(0, i - 2):i]
    if before[-1:] in _PREDICATE or before in _PREDICATE:
        return False
    return before not in _PRE.get(word, ())


def nominal(text: str, i: int) -> bool:
    """Is the copy at ``text[i]`` a noun after 的 (效率的提高|提高了: the noun, then the verb)?"""
    return i > 0 and text[i - 1] in _NOMINAL


def spoken(text: str, i: int, j: int, word: str) -> bool:
    """Is ``text[i:j]`` a word reduplicated in speech: after 再, 好好, 帮 … (再商量商量), inside direct speech
    (群众说：“……研究研究……”), or in the slogan form AB AB 再 AB (学习学习再学习)?"""
    before = text[max(0, i - 2):i]
    if before[-1:] in _REDUPLICATION or before in _REDUPLICATION:
        return True
    if text.startswith("再" + word, j):
        return True
    return _in_speech(text, i)


def _in_speech(text: str, i: int) -> bool:
    """Is ``text[i]`` inside direct speech (：“…” or 说“…”), where verbs reduplicate (落实落实, 推进推进)?"""
    open_ = text.rfind("“", max(0, i - 120), i)
    if open_ < 0 or "”" in text[open_:i]:
        return False
    return open_ > 0 and text[open_ - 1] in "：:说道讲问答称"
