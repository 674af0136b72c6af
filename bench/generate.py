"""Synthetic annual reports for the benchmark (and for tests of the tool on many inputs).

Every report is made up here: fictional agencies (place names that do not exist, combined
with ordinary body names), random but arithmetically consistent statistics tables in the
unified format of the report year (2019 trial format for 2019–2020, 2021 format from 2021 on),
and prose assembled from varied sentences whose numbers agree with the tables.  About a third
of the reports are made *slightly defective* with one or two typical mistakes (half-width
punctuation, a padded or late date, a wrong self-word, a repeated paragraph, a wrong row total,
a stale format citation, a template placeholder).

    python bench/generate.py 300 bench/out          # writes 300 .md files + manifest.json

``generate(n, outdir, seed)`` returns the manifest (file name → facts and injected defects).
No text is copied from real reports.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

from disclosure_lint.report.stats.schema import S3_COLS, labelled_rows

# --------------------------------------------------------------------------- names
CITIES = ("江北市", "临澜市", "岚阳市", "梧川市", "云泽市", "白鹭市", "青岩市", "东禾市")
DISTRICTS = ("青溪区", "桐溪区", "松岭区", "柳湾区", "望川县", "石湖县", "禾丰区", "长汀湾区", "北屿县", "枫桥区")
STREETS = ("柳荫街道办事处", "新桥街道办事处", "鹭岛街道办事处", "荷塘街道办事处")
TOWNS = ("溪口镇人民政府", "云岭镇人民政府", "白石镇人民政府")

# (body name, self word) — the self word is how the body refers to itself in prose.
BODIES = (
    ("市场监督管理局", "我局"),
    ("农业农村局", "我局"),
    ("民政局", "我局"),
    ("自然资源局", "我局"),
    ("交通运输局", "我局"),
    ("住房和城乡建设局", "我局"),
    ("人力资源和社会保障局", "我局"),
    ("文化和旅游局", "我局"),
    ("统计局", "我局"),
    ("卫生健康委员会", "我委"),
    ("发展和改革委员会", "我委"),
    ("人民政府办公室", "我办"),
)

FIELDS = {
    "市场监督管理局": ("市场主体登记", "食品安全抽检", "产品质量监督"),
    "农业农村局": ("惠农补贴发放", "农产品质量安全", "农村土地承包"),
    "民政局": ("社会救助", "养老服务", "社会组织登记"),
    "自然资源局": ("国土空间规划", "土地征收", "不动产登记"),
    "交通运输局": ("道路运输许可", "农村公路建设", "公共交通服务"),
    "住房和城乡建设局": ("保障性住房", "建筑市场监管", "老旧小区改造"),
    "人力资源和社会保障局": ("就业创业扶持", "社会保险待遇", "劳动保障监察"),
    "文化和旅游局": ("公共文化服务", "旅游市场监管", "文物保护"),
    "统计局": ("统计数据发布", "统计执法检查", "经济普查"),
    "卫生健康委员会": ("医疗机构监管", "疾病预防控制", "计划生育奖励扶助"),
    "发展和改革委员会": ("重大项目审批", "价格监测", "粮食储备"),
    "人民政府办公室": ("政策文件发布", "重点工作督查", "政务服务改革"),
    "街道": ("社区服务", "民生救助", "基层治理"),
    "镇": ("乡村建设", "惠农政策", "集体资产管理"),
}

# --------------------------------------------------------------------------- table 三
T3_COLS = tuple(c.label for c in S3_COLS)
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

# (group label, item label) for every result row, from the project's own schema
def _results(version: str) -> list[tuple[str, str]]:
    rows = labelled_rows("s3", version)
    return [r for r in rows if r[0].startswith("（") and not r[0].startswith("（七）")]


RESULTS_2021 = _results("2021")
RESULTS_2019 = _results("2019")

# relative weight of each result row (by group) — most requests are granted or "not held"
_GROUP_WEIGHT = {"（一）": 6.0, "（二）": 1.5, "（三）": 0.25, "（四）": 1.2, "（五）": 0.5, "（六）": 0.4}
_COL_WEIGHT = (1.0, 0.25, 0.02, 0.03, 0.08, 0.05)

T4_GROUPS = ("行政复议", "未经复议直接起诉", "复议后起诉")
T4_COLS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")

DEFECTS = ("ascii-punct", "padded-date", "late-date", "self-word", "repeat-paragraph", "row-total",
           "stale-format", "placeholder", "invalid-date")


@dataclass
class Facts:
    agency: str
    self_word: str
    field_names: tuple[str, ...]
    year: int
    fmt: str  # "2019" or "2021"
    defects: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- numbers
def _poisson(rng: random.Random, lam: float) -> int:
    # Knuth for small lambda, normal approximation for large
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, round(rng.gauss(lam, lam ** 0.5)))
    limit, k, p = pow(2.718281828459045, -lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def make_table3(rng: random.Random, results: list[tuple[str, str]], scale: float):
    """Consistent table 三: returns (new, carried, result rows, total, carry-over), each 7 numbers."""
    rows = []
    for group, _item in results:
        w = _GROUP_WEIGHT[group[:3]]
        if group.startswith(("（三）", "（五）")):
            w *= 0.5
        vals = [_poisson(rng, scale * w * cw) for cw in _COL_WEIGHT]
        rows.append(vals + [sum(vals)])
    total = [sum(r[c] for r in rows) for c in range(7)]
    carry_out6 = [min(t, _poisson(rng, 0.08 * t)) if t else 0 for t in total[:6]]
    carried6 = [_poisson(rng, 0.06 * t) if t else 0 for t in total[:6]]
    # 一 + 二 = 七 + 四  ⇒  一 = 七 + 四 − 二 (never negative)
    new6 = []
    for c in range(6):
        carried6[c] = min(carried6[c], total[c] + carry_out6[c])
        new6.append(total[c] + carry_out6[c] - carried6[c])
    with_total = lambda v: v + [sum(v)]  # noqa: E731
    return with_total(new6), with_total(carried6), rows, total, with_total(carry_out6)


def make_table4(rng: random.Random, scale: float) -> list[list[int]]:
    out = []
    for g in range(3):
        lam = scale * (0.08, 0.05, 0.03)[g]
        vals = [_poisson(rng, lam * w) for w in (1.0, 0.15, 0.3, 0.2)]
        out.append(vals + [sum(vals)])
    return out


# --------------------------------------------------------------------------- rendering
def _md_row(cells) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def render_table3(new, carried, rows, total, carry_out, results) -> list[str]:
    lines = [_md_row([T3_NOTE, "", "", *T3_COLS]), "|---|---|---|" + "---:|" * 7]
    lines.append(_md_row(["一、本年新收政府信息公开申请数量", "", "", *new]))
    lines.append(_md_row(["二、上年结转政府信息公开申请数量", "", "", *carried]))
    prev_group = None
    for i, ((group, item), vals) in enumerate(zip(results, rows)):
        first = "三、本年度办理结果" if i == 0 else ""
        g = group if group != prev_group else ""
        prev_group = group
        lines.append(_md_row([first, g, item, *vals]))
    lines.append(_md_row(["", "（七）总计", "", *total]))
    lines.append(_md_row(["四、结转下年度继续办理", "", "", *carry_out]))
    return lines


def render_table4(t4) -> list[str]:
    head1 = ["行政复议"] * 5 + ["行政诉讼"] * 10
    head2 = ["行政复议"] * 5 + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5
    head3 = list(T4_COLS) * 3
    return [_md_row(head1), "|" + "---|" * 15, _md_row(head2), _md_row(head3),
            _md_row([v for block in t4 for v in block])]


def render_table2(rng: random.Random, fmt: str, scale: float) -> tuple[list[str], dict]:
    facts: dict = {}
    out: list[str] = []
    if fmt == "2021":
        made, repealed = rng.randint(0, 6), rng.randint(0, 3)
        valid = made + rng.randint(repealed, repealed + 30)
        facts.update(made=made, repealed=repealed, valid=valid)
        permits, fines, forced = (rng.randint(0, int(300 * scale)), rng.randint(0, int(60 * scale)),
                                  rng.randint(0, int(8 * scale)))
        fee = rng.choice(("0", "0", "0", f"{rng.uniform(0.5, 80):.2f}"))
        facts.update(permits=permits, fines=fines, forced=forced, fee=fee)
        out += ["第二十条第（一）项", "", _md_row(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]),
                "|---|---:|---:|---:|", _md_row(["规章", 0, 0, 0]),
                _md_row(["行政规范性文件", made, repealed, valid]), ""]
        out += ["第二十条第（五）项", "", _md_row(["信息内容", "本年处理决定数量"]), "|---|---:|",
                _md_row(["行政许可", permits]), ""]
        out += ["第二十条第（六）项", "", _md_row(["信息内容", "本年处理决定数量"]), "|---|---:|",
                _md_row(["行政处罚", fines]), _md_row(["行政强制", forced]), ""]
        out += ["第二十条第（八）项", "", _md_row(["信息内容", "本年收费金额（单位：万元）"]), "|---|---:|",
                _md_row(["行政事业性收费", fee])]
    else:
        made = rng.randint(0, 6)
        published = made
        valid = made + rng.randint(0, 30)
        facts.update(made=made, repealed=0, valid=valid)
        permits_prev = rng.randint(5, 80)
        permits_delta = rng.randint(-3, 3)
        permits = rng.randint(0, int(300 * scale))
        fines = rng.randint(0, int(60 * scale))
        facts.update(permits=permits, fines=fines, forced=0, fee="0")
        out += ["第二十条第（一）项", "", _md_row(["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]),
                "|---|---:|---:|---:|", _md_row(["规章", 0, 0, 0]),
                _md_row(["规范性文件", made, published, valid]), ""]
        out += ["第二十条第（五）项", "", _md_row(["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]),
                "|---|---:|---:|---:|", _md_row(["行政许可", permits_prev, permits_delta, permits]),
                _md_row(["其他对外管理服务事项", 0, 0, 0]), ""]
        out += ["第二十条第（六）项", "", _md_row(["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]),
                "|---|---:|---:|---:|", _md_row(["行政处罚", rng.randint(20, 120), 0, fines]),
                _md_row(["行政强制", rng.randint(0, 10), 0, 0]), ""]
        out += ["第二十条第（八）项", "", _md_row(["信息内容", "上一年项目数量", "本年增/减"]), "|---|---:|---:|",
                _md_row(["行政事业性收费", rng.randint(0, 5), 0]), ""]
        out += ["第二十条第（九）项", "", _md_row(["信息内容", "采购项目数量", "采购总金额"]), "|---|---:|---:|",
                _md_row(["政府集中采购", rng.randint(0, 12), rng.randint(0, 900000)])]
    return out, facts


# --------------------------------------------------------------------------- prose
def _pick(rng: random.Random, *options: str) -> str:
    return rng.choice(options)


def pick_body(rng: random.Random) -> tuple[str, str, tuple[str, ...]]:
    """A fictional body: (name, how it names itself, its fields of work) — for :func:`make_report`'s ``body``."""
    return _agency(rng)


def _agency(rng: random.Random) -> tuple[str, str, tuple[str, ...]]:
    city = rng.choice(CITIES)
    r = rng.random()
    if r < 0.08:
        name = city + rng.choice(DISTRICTS) + rng.choice(STREETS)
        return name, "本街道", FIELDS["街道"]
    if r < 0.14:
        name = city + rng.choice(DISTRICTS) + rng.choice(TOWNS)
        return name, "本镇", FIELDS["镇"]
    body, word = rng.choice(BODIES)
    prefix = city + rng.choice(DISTRICTS) if rng.random() < 0.75 else city
    return prefix + body, word, FIELDS[body]


def make_report(rng: random.Random, defective: bool, body: tuple[str, str, tuple[str, ...]] | None = None,
                year: int | None = None) -> tuple[str, Facts]:
    """One report; ``body`` ((name, self word, fields), from :func:`pick_body`) and ``year`` fix who wrote it
    and when (a body's reports over several years), else both are drawn."""
    agency, self_word, fields = body if body is not None else _agency(rng)
    if year is None:
        year = rng.choice((2019, 2020, 2021, 2022, 2022, 2023, 2023, 2023, 2024))
    fmt = "2019" if year <= 2020 else "2021"
    facts = Facts(agency, self_word, fields, year, fmt)
    if defective:
        pool = [d for d in DEFECTS if not (d == "stale-format" and fmt == "2019")]
        facts.defects = rng.sample(pool, rng.choice((1, 1, 2)))
    d = set(facts.defects)
    scale = rng.choice((0.5, 1.0, 2.0, 4.0, 8.0))
    results = RESULTS_2021 if fmt == "2021" else RESULTS_2019
    new, carried, rows, total, carry_out = make_table3(rng, results, scale)
    t4 = make_table4(rng, scale)
    t2_lines, t2 = render_table2(rng, fmt, scale)
    f1, f2, f3 = fields
    sw = self_word

    def group_sum(prefix: str) -> int:
        return sum(r[6] for (g, _), r in zip(results, rows) if g.startswith(prefix))

    fmt_cite = ("《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）" if fmt == "2021"
                else "《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）")
    if "stale-format" in d:
        fmt_cite = "《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）"
    L: list[str] = [f"# {agency}{year}年政府信息公开工作年度报告", ""]
    L += [
        f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和{fmt_cite}的要求编制，"
        f"由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
        f"存在的主要问题及改进情况、其他需要报告的事项六个部分组成。本报告中所列数据统计期限为{year}年1月1日至12月31日。"
        f"{_pick(rng, '本报告电子版可在门户网站政府信息公开专栏查阅。', '如对本报告有疑问，请与' + agency + '办公室联系。')}",
        "",
        "## 一、总体情况",
        "",
        f"{year}年，{sw}{_pick(rng, '坚持以公开为常态、不公开为例外', '认真贯彻落实《条例》各项要求', '把政府信息公开作为转变工作作风的重要抓手')}，"
        f"围绕{f1}、{f2}和{f3}等重点领域推进政府信息公开，"
        f"{_pick(rng, '公开的及时性和规范性进一步提高。', '全年未发生因公开不当引发的泄密事件。', '群众获取信息的渠道更加便捷。')}",
        "",
        "### （一）主动公开",
        "",
    ]
    n_pub = rng.randint(120, 2400)
    para_active = (f"全年主动公开政府信息{n_pub}条，其中{f1}相关信息{rng.randint(10, n_pub // 3)}条，"
                   f"政策解读{rng.randint(1, 30)}篇。本年制发{'行政规范性文件' if fmt == '2021' else '规范性文件'}"
                   f"{t2['made']}件，现行有效{t2['valid']}件，均按规定在印发后20个工作日内公开。")
    para_active += (f"行政许可办理结果{t2['permits']}件、行政处罚决定{t2['fines']}件均已按规定向社会公开，"
                    f"{_pick(rng, '重点公开了', '持续更新了', '集中梳理了')}{f3}领域的办事指南和政策文件。")
    if "ascii-punct" in d:
        para_active = para_active.replace("，", ",", 1).replace("现行有效", "(现行有效)", 1)
    L += [para_active, ""]
    sec_results = {
        "予以公开": group_sum("（一）"), "部分公开": group_sum("（二）"), "不予公开": group_sum("（三）"),
        "无法提供": group_sum("（四）"), "不予处理": group_sum("（五）"), "其他处理": group_sum("（六）"),
    }
    parts = "，".join(f"{k}{v}件" for k, v in sec_results.items() if v)
    L += ["### （二）依申请公开", "",
          f"本年新收政府信息公开申请{new[6]}件，上年结转{carried[6]}件；全年办结{total[6]}件，"
          f"结转下年度继续办理{carry_out[6]}件。" + (f"在办结的申请中，{parts}。" if parts else "")
          + _pick(rng, "全部申请均在法定期限内答复。", f"申请内容主要涉及{f2}和{f3}。", "未发生逾期答复情况。"),
          ""]
    mgmt = (f"{_pick(rng, '严格执行', '进一步完善')}政府信息公开保密审查制度，坚持先审查、后公开，"
            f"对涉及{f2}的信息实行{_pick(rng, '业务科室初审、法制机构复审', '双人校核、负责同志签发')}，"
            f"全年审查拟公开信息{rng.randint(100, 3000)}条。")
    L += ["### （三）政府信息管理", "", mgmt, ""]
    L += ["### （四）平台建设", "",
          f"以政府门户网站为第一平台，设置{rng.randint(6, 20)}个公开栏目，"
          f"{_pick(rng, '政务新媒体', '微信公众号', '政务服务中心查阅点')}同步发布信息{rng.randint(20, 900)}条，"
          f"{_pick(rng, '做到内容一致、更新及时。', '方便群众就近获取信息。')}", ""]
    supervise = (f"将政府信息公开工作纳入年度考核，组织业务培训{rng.randint(1, 6)}次，"
                 f"开展自查{rng.randint(2, 12)}次，整改问题{rng.randint(0, 15)}个。本年度未发生责任追究情况。")
    if "self-word" in d:
        wrong = "我委" if sw != "我委" else "我局"
        supervise = wrong + supervise
    L += ["### （五）监督保障", "", supervise, ""]
    if "repeat-paragraph" in d:
        L += [mgmt, ""]
    L += ["## 二、主动公开政府信息情况", "", *t2_lines, ""]
    if "row-total" in d:
        i = rng.randrange(len(rows))
        rows = [list(r) for r in rows]
        rows[i][6] += 1
    L += ["## 三、收到和处理政府信息公开申请情况", "", *render_table3(new, carried, rows, total, carry_out, results), ""]
    review, direct, after = t4
    L += ["## 四、政府信息公开行政复议、行政诉讼情况", "",
          f"{year}年，{sw}因政府信息公开工作被申请行政复议{review[4]}件，被提起行政诉讼{direct[4] + after[4]}件。", "",
          *render_table4(t4), ""]
    L += ["## 五、存在的主要问题及改进情况", "",
          f"{year - 1}年度报告提出的{_pick(rng, '解读形式单一', '栏目更新不及时', '答复文书不够规范')}问题已完成整改，"
          f"{_pick(rng, '本年新增图文解读和视频解读。', '本年建立了栏目更新台账，实行每周巡查。', '本年统一了答复文书格式并实行法制审核。')}",
          "",
          f"一是{_pick(rng, '政策解读的形式较为单一，图解和视频解读偏少', '部分栏目更新不够及时，个别信息发布滞后', '依申请公开答复文书的说理还不够充分')}；"
          f"二是{_pick(rng, '基层工作人员业务能力参差不齐', f'{f1}领域信息公开的深度有待提高', '公开信息的可读性和便民性还需提升')}。",
          "",
          f"下一步，{sw}将{_pick(rng, '制定政策解读工作细则，丰富解读形式', '建立栏目更新提醒机制，落实专人维护', '编制答复文书范本，统一答复口径')}，"
          f"并{_pick(rng, '每半年组织一次业务培训', '加强对公开内容的日常检查', '把公开质量纳入科室考核')}。",
          ""]
    fee_text = "（文字描述）" if "placeholder" in d else (
        f"依据《政府信息公开信息处理费管理办法》，{sw}本年度未收取信息处理费。")
    L += ["## 六、其他需要报告的事项", "", fee_text, "",
          f"按照上级年度政务公开工作要点要求，{sw}围绕{f1}等重点领域做好公开，相关任务均已落实。", ""]
    motions, proposals = rng.randint(0, 9), rng.randint(0, 9)
    if motions + proposals:
        L += [f"本年度{sw}承办人大代表建议{motions}件、政协提案{proposals}件，均已按期办结，"
              f"答复全文{motions + proposals}件已按规定公开。", ""]
    else:
        L += [f"本年度{sw}未承办人大代表建议和政协提案。", ""]
    if "invalid-date" in d:
        L += [f"本报告于{year + 1}年2月30日报送。", ""]
    month, day = 1, rng.randint(5, 28)
    if "late-date" in d:
        # departments: after 1月31日 (《条例》第四十九条); townships and street offices: after the
        # default 3月31日 of DL408 (local rules differ)
        township = sw in ("本街道", "本镇")
        month, day = rng.choice(((4, 20), (5, 8)) if township else ((3, 15), (4, 2), (2, 20)))
    date = f"{year + 1}年{month}月{day}日"
    if "padded-date" in d:
        date = f"{year + 1}年{month:02d}月{day:02d}日"
    L += [agency, "", date, ""]
    return "\n".join(L), facts


def generate(n: int, outdir: str | Path, seed: int = 20240118, defective_share: float = 1 / 3) -> dict:
    """Write ``n`` reports to ``outdir`` (old ``*.md`` there are removed); return the manifest."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.md"):
        old.unlink()
    rng = random.Random(seed)
    manifest: dict[str, dict] = {}
    for i in range(n):
        defective = rng.random() < defective_share
        text, facts = make_report(rng, defective)
        name = f"{i:04d}-{facts.year}-{'defective' if facts.defects else 'clean'}.md"
        (out / name).write_text(text, encoding="utf-8")
        manifest[name] = {"agency": facts.agency, "year": facts.year, "format": facts.fmt,
                          "defects": facts.defects}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="生成合成的政府信息公开工作年度报告（用于性能测试）")
    ap.add_argument("n", type=int, nargs="?", default=300, help="报告份数（默认 300）")
    ap.add_argument("outdir", nargs="?", default=str(Path(__file__).parent / "out"), help="输出目录")
    ap.add_argument("--seed", type=int, default=20240118)
    ap.add_argument("--defective-share", type=float, default=1 / 3, help="带缺陷报告的比例（默认 1/3）")
    a = ap.parse_args(argv)
    m = generate(a.n, a.outdir, a.seed, a.defective_share)
    bad = sum(1 for v in m.values() if v["defects"])
    print(f"wrote {len(m)} reports to {a.outdir} ({len(m) - bad} clean, {bad} slightly defective)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
