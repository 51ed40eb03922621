"""Documents as real offices print them (issue #25), read back with pdftotext/pdfinfo: the notice on
one page with its seal, closing punctuation never starting a line (every kind, long texts), the
agreement's capitals equal to its figures, fields published templates carry, masking of free text,
the minutes' tally, the diary's print runs, no product name."""

import re
import shutil
import subprocess

import pytest

from liftdesk.consent import positions
from liftdesk.documents import generate, linebreak
from liftdesk.documents.capitals import capitals
from liftdesk.money import funding
from liftdesk.people import ownership
from liftdesk.places import district_settings, household_facts, registry
from liftdesk.projects import diary, liftplan, meetings, projects

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

ADDRESS = "长庆街道/王马社区/遥祥寺巷小区/7幢/1单元"
NAMES = ["王建国", "钱小鹏", "李美玲", "张喆", "陈㐀华", "赵丽", "孙强", "周敏", "吴伟", "郑洁", "冯涛", "欧阳明月",
         "黄杞财", "刘秀英"]
CLOSING = "，。、；：！？）》」』】”’％"
LONG = ("在楼梯间北侧加装一部无机房电梯，平层入户（每层停靠）；张建国（电话13812345604）负责联系设计院。"
        "电梯井道采用钢结构玻璃幕墙（基坑深度约 1.5 米），需迁移燃气管道与雨水管；施工期间楼道照明由筹备组负责（见附图）。") * 4


def text_of(path, layout: bool = True) -> str:
    args = ["pdftotext"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pages_of(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def seven_by_two(store, co_owned: bool = False) -> str:
    d = registry.default_district(store)
    street = registry.add_street(store, d, "长庆街道")
    community = registry.add_community(store, street, "王马社区")
    estate = registry.add_estate(store, community, "遥祥寺巷小区")
    unit = registry.add_unit(store, registry.add_building(store, estate, "7幢", 7), "1单元")
    registry.quick_create_households(store, unit, 7, 2, "60")
    for n, row in enumerate(registry.unit_households(store, unit)):
        owners = [(NAMES[n], f"1381234{n:04d}")] + ([("共有人" + NAMES[(n + 3) % 14][-2:], "")] if co_owned else [])
        ownership.set_owners(store, row.id, owners)
    district_settings.update(store, {"office_address": "王马巷 12 号社区服务中心二楼（长庆街道王马社区居民委员会）",
                                     "office_phone": "0571-87001234"})
    return unit


@pytest.fixture
def office(store):
    """A 7 × 2 unit with a project, a long plan, signed forms, a vote meeting with a tenant and a
    proxy, a funding plan (Hangzhou preset), an occupied flat with its certificate number."""
    unit = seven_by_two(store)
    rows = registry.unit_households(store, unit)
    household_facts.set_facts(store, rows[0].id, occupied=True, property_cert="浙（2019）杭州市不动产权第0000101号")
    project = projects.create_project(store, unit)
    liftplan.add_version(store, project, summary=LONG, position="back", design_firm="杭州某建筑设计院（甲级）")
    for row in rows[:10]:
        positions.record_position(store, row.id, "支持", on_date="2026-03-01", written=True, form_no="F")
    meeting = meetings.add_meeting(store, project, "vote", "2026-03-01 19:00", "2026-03-01 20:30", "社区会议室（二楼）",
                                   "业主表决加装方案", ["方案介绍（设计院）", "费用分摊", "表决"], LONG, LONG,
                                   chair="王组长", recorder="李社工")
    for row, choice in zip(rows[:5], ("support", "support", "support", "oppose", "abstain")):
        positions.record_position(store, row.id, choice, on_date="2026-03-01", method="meeting", meeting_id=meeting)
    positions.record_position(store, rows[9].id, "support", on_date="2026-03-01", method="meeting", meeting_id=meeting,
                              respondent="tenant", respondent_name="陈文军")
    for row in rows[:4]:
        meetings.add_attendee(store, meeting, "owner", household_id=row.id)
    meetings.add_attendee(store, meeting, "tenant", household_id=rows[9].id, name="陈文军")
    diary.add_entry(store, project, "2026-03-02", LONG, "王社工")
    funding.save_funding_plan(store, project, total_fen=56_000_000, subsidy_fen=20_000_000, scheme="hangzhou")
    return {"unit": unit, "project": project, "meeting": meeting, "rows": rows}


def print_all(store, office, folder) -> dict:
    out = {}
    for kind in generate.KINDS:
        target = office["meeting"] if kind in generate.MEETING_KINDS else ADDRESS
        out[kind] = generate.print_document(store, kind, target, folder / f"{kind}.pdf", printed_by="王社工").path
    return out


def bad_line_starts(path) -> list[str]:
    """Lines (in reading order, table cells included) that begin with a closing mark."""
    return [line for line in text_of(path, layout=False).splitlines() if line.strip()[:1] in CLOSING
            and line.strip()]


def test_no_line_of_any_document_starts_with_closing_punctuation(store, office, tmp_path):
    done = print_all(store, office, tmp_path)
    assert set(done) == set(generate.KINDS)
    for kind, path in done.items():
        assert bad_line_starts(path) == [], kind


def test_the_line_rule_is_what_keeps_them_out(store, office, tmp_path, monkeypatch):
    """Break it on purpose: reportlab's own wrappers start lines with "。" and "）"."""
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    monkeypatch.setattr(textsplit, "dumbSplit", ORIGINAL_DUMB)
    monkeypatch.setattr(paragraph, "cjkFragSplit", ORIGINAL_CJK)
    done = print_all(store, office, tmp_path)
    assert sum(len(bad_line_starts(p)) for p in done.values()) > 0


def test_break_point_rules():
    text = "李美玲（代签）。“同意”"
    assert linebreak.break_point(text, 0, 7) == 5  # "李美玲（代" / "签）。": never "）" or "。" first
    assert linebreak.break_point("李美玲（签", 0, 4) == 3  # never "（" last
    assert linebreak.break_point("ABC DEFGH", 0, 7) == 4  # a Latin word is kept whole


@pytest.mark.parametrize("co_owned", [False, True])
def test_notice_with_office_address_is_one_page_with_its_seal_for_14_households(store, tmp_path, co_owned):
    seven_by_two(store, co_owned)
    done = generate.print_document(store, "notice", ADDRESS, tmp_path / "n.pdf", )
    assert pages_of(done.path) == 1
    text = re.sub(r"\s+", " ", text_of(done.path))
    for words in ("王马巷 12 号社区服务中心二楼", "0571-87001234", "发布单位", "发布日期", "（盖章）", "702"):
        assert words in text, words


def test_the_notice_masks_free_text_and_caps_the_plan(store, office, tmp_path):
    done = generate.print_document(store, "notice", ADDRESS, tmp_path / "n.pdf")
    flat = re.sub(r"\s+", "", text_of(done.path))
    assert "张建国" not in flat and "13812345604" not in flat and "张*国" in flat and "5604" in flat
    assert "全文见楼道张贴的方案图" in flat and flat.count("钢结构玻璃幕墙") == 1
    assert "占用专有部分的业主同意" not in flat  # the district's rule (民法典 278) does not ask for it
    district_settings.update(store, {"rule": "guangzhou-2025"})
    flat = re.sub(r"\s+", "", text_of(generate.print_document(store, "notice", ADDRESS, tmp_path / "g.pdf").path))
    assert "占用专有部分的业主同意101须本人同意是" in flat and "已达到" in flat  # 101 signed 支持
    positions.record_position(store, office["rows"][0].id, "反对", on_date="2026-03-05", written=True, form_no="F9")
    flat = re.sub(r"\s+", "", text_of(generate.print_document(store, "notice", ADDRESS, tmp_path / "h.pdf").path))
    assert "同意人数（占参与）9/10人≥3/4是" in flat  # 民法典 278 is still met …
    assert "占用专有部分的业主同意101须本人同意否" in flat and "未达到" in flat and "占用专有部分的业主尚未同意" in flat


def test_no_product_name_on_any_document(store, office, tmp_path):
    for kind, path in print_all(store, office, tmp_path).items():
        text = text_of(path)
        assert "LiftDesk" not in text and "加梯工作台" not in text, kind


def _capital_value(text: str) -> int:
    """Hand-written reader of 人民币…元…角…分 (the inverse, to check the printed words)."""
    digits = {c: n for n, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
    units = {"拾": 10, "佰": 100, "仟": 1000}
    body = text.removeprefix("人民币").removesuffix("整")
    yuan_part, _, rest = body.partition("元") if "元" in body else ("", "", body)

    def whole(s: str) -> int:
        total = section = number = 0
        for ch in s:
            if ch in digits:
                number = digits[ch]
            elif ch in units:
                section += (number or 1) * units[ch]
                number = 0
            elif ch == "万":
                total += (section + number) * 10_000
                section = number = 0
            elif ch == "亿":
                total = (total + section + number) * 100_000_000
                section = number = 0
        return total + section + number
    fen = whole(yuan_part) * 100
    jiao = re.search(r"([壹贰叁肆伍陆柒捌玖])角", rest)
    cents = re.search(r"([壹贰叁肆伍陆柒捌玖])分", rest)
    return fen + (digits[jiao.group(1)] * 10 if jiao else 0) + (digits[cents.group(1)] if cents else 0)


@pytest.mark.parametrize("fen, words", [
    (0, "人民币零元整"), (5, "人民币伍分"), (50, "人民币伍角"), (1005, "人民币壹拾元零伍分"),
    (10_000_500, "人民币壹拾万零伍元整"), (56_000_000, "人民币伍拾陆万元整"), (101_000_000, "人民币壹佰零壹万元整"),
    (1_234_567, "人民币壹万贰仟叁佰肆拾伍元陆角柒分"), (10_010_000_000, "人民币壹亿零壹拾万元整")])
def test_capitals_by_hand(fen, words):
    assert capitals(fen) == words and _capital_value(words) == fen


def test_the_agreement_s_capitals_equal_its_figures(store, office, tmp_path):
    done = generate.print_document(store, "cost-agreement", ADDRESS, tmp_path / "a.pdf")
    flat = re.sub(r"\s+", "", text_of(done.path, layout=False))
    pairs = re.findall(r"¥([\d,]+\.\d{2})[（(]?(人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+)", flat)
    assert len(pairs) >= 14 + 14 + 2  # the owners' part, each signature row and the annex, the totals
    for figure, words in pairs:
        assert _capital_value(words) == int(figure.replace(",", "").replace(".", "")), (figure, words)
    table = funding.shares(store, office["project"])
    assert "人民币叁拾陆万元整" in flat  # ¥360,000 = 560,000 − 200,000
    assert sum(s.amount_fen for s in table.shares) == 36_000_000


def test_the_agreement_says_what_is_not_settled_and_what_templates_ask(store, office, tmp_path):
    flat = re.sub(r"\s+", "", text_of(generate.print_document(store, "cost-agreement", ADDRESS,
                                                              tmp_path / "a.pdf").path))
    assert "¥0.00" not in flat.split("附件")[0].replace("¥0.00人民币零元整", "")  # unset figures are 待定
    assert "每年维保费约待定" in flat and "缴款时间与方式：待定" in flat and "30日内" not in flat
    for words in ("签字（或盖章）", "自全体签约业主签字（或盖章）之日起生效", "一式16份", "业主代表（加装申请人）",
                  "附件：费用分摊方案", "补贴未获批准、未到账或少于预计的", "（参考）", "杭政办函"):
        assert words in flat, words


def test_forms_carry_the_fields_published_templates_have(store, office, tmp_path):
    done = print_all(store, office, tmp_path)
    form = re.sub(r"\s+", "", text_of(done["consent-form"]))
    assert pages_of(done["consent-form"]) == 2 and "附页：加梯方案全文" in form and "全文见附页" in form
    assert "（按手印）" in form and "日前交回筹备组；联系人：" in form
    letters = re.sub(r"\s+", "", text_of(done["consent-letters"]))
    for words in ("不动产权证号浙（2019）杭州市不动产权第0000101号", "本户应分摊金额", "对加装电梯：", "对费用分摊方案：",
                  "方案图纸张贴于：", "签名（按手印）", "日前交回筹备组"):
        assert words in letters, words
    assert pages_of(done["consent-letters"]) == 14  # still one page a household
    proxy = re.sub(r"\s+", "", text_of(done["proxy-form"]))
    assert "身份证复印件附后" in proxy and "（签名并按手印）" in proxy


def test_the_proxy_cell_is_wide_enough_for_a_19_character_number(store, office, tmp_path):
    done = generate.print_document(store, "consent-form", ADDRESS, tmp_path / "f.pdf")
    bbox = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(done.path), "-"], capture_output=True,
                          text=True).stdout
    labels = [float(m.group(1)) for m in re.finditer(r'xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" '
                                                       r'yMax="[\d.]+">委托书号<', bbox)]
    assert labels
    right_edge = (210 - 16) * 72 / 25.4  # the table's right edge (A4 less the margin)
    assert right_edge - labels[0] >= 33 * 72 / 25.4  # ≥ 33 mm after the label (was 9.2 mm)


def test_minutes_count_owners_and_list_tenants_apart(store, office, tmp_path):
    done = generate.print_document(store, "minutes", office["meeting"], tmp_path / "m.pdf")
    flat = re.sub(r"\s+", "", text_of(done.path, layout=False))
    assert re.search(r"支持3180\.00", flat)  # 101, 102, 201 (60 m² each): not 502's tenant
    assert "租户、家属的意见（仅供参考，不计入上表）：502租户陈文军：支持" in flat


def test_the_diary_names_who_spoke_and_merges_a_print_run(store, office, tmp_path):
    generate.print_document(store, "consent-letters", ADDRESS, tmp_path / "l.pdf", printed_by="王社工")
    items = diary.timeline(store, office["project"], kinds={"document", "position"})
    docs = [i for i in items if i.kind == "document"]
    assert len(docs) == 1 and re.search(r"书面同意书 14 份（TY-\S+-0001 至 TY-\S+-0014）", docs[0].text)
    assert any(i.text == "502 支持（会议，租户 陈文军）" for i in items)


ORIGINAL_DUMB = None
ORIGINAL_CJK = None


def _originals():
    """reportlab's own wrappers, as they were before linebreak.install() replaced them."""
    import importlib.util
    import sys

    global ORIGINAL_DUMB, ORIGINAL_CJK
    for name in ("reportlab.lib.textsplit", "reportlab.platypus.paragraph"):
        spec = importlib.util.find_spec(name)
        module = importlib.util.module_from_spec(spec)
        sys.modules.setdefault("_pristine_" + name, module)
        spec.loader.exec_module(module)
        if name.endswith("textsplit"):
            ORIGINAL_DUMB = module.dumbSplit
        else:
            ORIGINAL_CJK = module.cjkFragSplit


_originals()


def test_the_district_report_keeps_headings_with_charts_and_numbers_each_print(small_district_db, tmp_path):
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    serials = []
    for n in (1, 2):
        out = tmp_path / f"r{n}.pdf"
        subprocess.run([sys.executable, str(root / "main.py"), "--db", str(small_district_db), "report", "district",
                        "-o", str(out)], check=True, capture_output=True, cwd=tmp_path)
        pages = text_of(out).split("\f")
        for heading in ("各年加装电梯数", "各街道电梯数（含在建）", "进度漏斗（全区）"):
            page = next(p for p in pages if heading in p)
            after = page.split(heading, 1)[1]
            assert re.search(r"\d", after), heading  # its chart's axis is on the same page
        serials.append(re.search(r"编号 (BB-\S+)", pages[0]).group(1))
    assert serials[0] != serials[1]


def test_the_visit_list_names_the_occupied_flat_owner(store, office, tmp_path):
    district_settings.update(store, {"rule": "guangzhou-2025"})
    positions.record_position(store, office["rows"][0].id, "反对", on_date="2026-03-05", written=True, form_no="F9")
    done = generate.print_document(store, "visit-list", ADDRESS, tmp_path / "v.pdf")
    flat = re.sub(r"\s+", "", text_of(done.path))
    assert "101" in flat and "王建国" in flat and "电梯占用其专有部分" in flat


def test_a_report_heading_never_ends_a_page_whatever_the_number_of_streets(tmp_path):
    from liftdesk.reports import report, stats

    years = list(range(2018, 2024))
    for streets in range(10, 26):
        rows = [stats.YearRow(f"第{n}街道", {y: n for y in years}, 1, 6 * n + 1) for n in range(streets)]
        total = stats.YearRow("全区合计", {y: sum(r.by_year[y] for r in rows) for y in years}, streets,
                              sum(r.total for r in rows))
        table = stats.YearTable("handover", years, rows, total)
        funnel = stats.Funnel([r.street for r in rows], {step: {} for step in report.FUNNEL_STEPS})
        path = tmp_path / f"r{streets}.pdf"
        path.write_bytes(report.to_pdf(table, funnel, "测试区"))
        page = next(p for p in text_of(path).split("\f") if "各年加装电梯数" in p)
        assert "2018" in page.split("各年加装电梯数", 1)[1], streets  # the chart's axis follows on its page


def test_sign_in_names_break_between_names_and_walk_in_rows_stay_together():
    from reportlab.lib.units import mm

    from liftdesk.documents import signin
    from liftdesk.documents.fonts import width
    from liftdesk.documents.grid import FormGrid, Group, wrap_chars

    names = "欧阳明月、共有人张喆、李美玲"
    lines = wrap_chars(names, width("欧阳明月、共有", 10), 10)
    assert lines == ["欧阳明月、", "共有人张喆、", "李美玲"]
    groups = [Group({0: f"{n}01", 1: "王建国、共有人张喆"}) for n in range(1, 15)] + \
        [Group({}, blank=True) for _ in range(signin.MIN_BLANK_ROWS)]
    grid = FormGrid(signin.COLUMNS, groups, row_min=11 * mm)
    grid.wrap(178 * mm, 1000 * mm)
    for room in range(15, 22):  # wherever the page ends inside the walk-in rows, they all move
        first, rest = grid.split(178 * mm, grid._header_h + sum(sum(g.heights) for g in groups[:room]) + 1)
        assert not any(g.blank for g in first.groups) and len(rest.groups) == len(groups) - 14


@pytest.mark.parametrize("floors", [5, 6, 8])
def test_notice_of_other_sizes_with_every_flat_co_owned_keeps_its_seal_on_one_page(store, tmp_path, floors):
    d = registry.default_district(store)
    estate = registry.add_estate(store, registry.add_community(store, registry.add_street(store, d, "长庆街道"),
                                                               "王马社区"), "遥祥寺巷小区")
    unit = registry.add_unit(store, registry.add_building(store, estate, "9幢", floors), "1单元")
    registry.quick_create_households(store, unit, floors, 2, "60")
    for n, row in enumerate(registry.unit_households(store, unit)):
        ownership.set_owners(store, row.id, [(NAMES[n % 14] + "某", f"1381234{n:04d}"), ("共有人" + NAMES[(n + 3) % 14], "")])
    district_settings.update(store, {"office_address": "王马巷 12 号社区服务中心二楼（长庆街道王马社区居民委员会）",
                                     "office_phone": "0571-87001234"})
    done = generate.print_document(store, "notice", "长庆街道/王马社区/遥祥寺巷小区/9幢/1单元", tmp_path / "n.pdf")
    assert pages_of(done.path) == 1
    assert "（盖章）" in text_of(done.path)
