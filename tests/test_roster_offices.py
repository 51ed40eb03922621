"""Rosters as offices really keep them (issue 21): each case is a real file made here, checked
against households, owners, areas and positions computed by hand."""

from datetime import date

import pytest
from openpyxl import Workbook

from liftdesk.consent import evaluation, positions
from liftdesk.errors import ValidationError
from liftdesk.io import roster
from liftdesk.places import registry
from liftdesk.store import open_store

from .test_cli_and_demo import cli

ADDRESS = "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元"
TODAY = date.today().isoformat()


def xlsx(path, rows, build=None):
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    if build:
        build(wb, ws)
    wb.save(path)
    return path


def text_file(path, rows, encoding="utf-8", sep=","):
    path.write_bytes(("\r\n".join(sep.join(r) for r in rows) + "\r\n").encode(encoding))
    return path


def households(store, address=ADDRESS):
    unit = roster.resolve_unit_strict(store, address)
    return {h.room: h for h in registry.unit_households(store, unit)}


def current(store, household_id):
    return [(r.position, r.written) for r in positions.live_history(store, household_id)[:1]]


# ---- 1. a record never goes backwards ------------------------------------------------------

SIX = [["房号", "楼层", "面积", "业主", "意见", "书面"],
       ["101", "1", "60", "甲", "支持", "是"], ["102", "1", "60", "乙", "弃权", "是"],
       ["201", "2", "60", "丙", "支持", "是"], ["202", "2", "60", "丁", "支持", "是"],
       ["301", "3", "60", "戊", "支持", "是"], ["302", "3", "60", "己", "反对", "是"]]


def test_reimporting_an_undated_roster_never_undoes_a_newer_signed_form(tmp_path, store):
    src = text_file(tmp_path / "r.csv", SIX)
    roster.apply_import(store, roster.plan_import(src), ADDRESS, create=True)
    unit = roster.resolve_unit_strict(store, ADDRESS)
    # 6 owners take part (360 m²), 4 agree: 4/6 < 3/4 → not passed
    assert not evaluation.unit_verdict(store, unit).passed
    rows = households(store)
    positions.record_position(store, rows["102"].id, "支持", written=True)  # 102 signs 支持 in the app
    verdict = evaluation.unit_verdict(store, unit)
    assert verdict.passed and [c.fraction for c in verdict.criteria][2:] == ["300.00/360.00", "5/6"]
    dry = roster.preview(store, roster.plan_import(src), ADDRESS).lines(roster.plan_import(src))
    note = f"102：名册为弃权，但 {TODAY} 已签书面支持，保留后者"
    assert any(line.startswith(note) for line in dry)
    result = roster.apply_import(store, roster.plan_import(src), ADDRESS)
    assert result.positions == 0 and any(n.startswith(note) for n in result.notes)
    assert current(store, rows["102"].id) == [("support", True)]
    verdict = evaluation.unit_verdict(store, unit)
    assert verdict.passed and [c.fraction for c in verdict.criteria][2:] == ["300.00/360.00", "5/6"]


def test_an_older_dated_row_is_kept_as_history_not_made_current(tmp_path, store):
    header = ["房号", "面积", "业主", "意见", "书面", "日期"]
    roster.apply_import(store, roster.plan_import(text_file(tmp_path / "a.csv", [
        header, ["101", "60", "甲", "支持", "是", "2024-04-01"]])), ADDRESS, create=True)
    older = text_file(tmp_path / "b.csv", [header, ["101", "60", "甲", "反对", "是", "2024-03-01"]])
    result = roster.apply_import(store, roster.plan_import(older), ADDRESS)
    h = households(store)["101"]
    assert [(r.on_date, r.position) for r in positions.history(store, h.id)] == [
        ("2024-04-01", "support"), ("2024-03-01", "oppose")]
    assert result.notes == ("101：名册为反对（2024-03-01），早于 2024-04-01 的签书面支持，仅存入历史",)
    newer = text_file(tmp_path / "c.csv", [header, ["101", "60", "甲", "反对", "是", "2024-05-01"]])
    roster.apply_import(store, roster.plan_import(newer), ADDRESS)
    assert current(store, h.id) == [("oppose", True)]  # a newer dated row does become current


def test_an_undated_roster_with_a_date_given_supersedes_an_older_record(tmp_path, store):
    src = text_file(tmp_path / "r.csv", [["房号", "面积", "业主", "意见", "书面"], ["101", "60", "甲", "反对", "是"]])
    roster.apply_import(store, roster.plan_import(src), ADDRESS, create=True, on_date="2024-01-01")
    h = households(store)["101"]
    positions.record_position(store, h.id, "支持", written=True, on_date="2024-02-01")
    assert roster.apply_import(store, roster.plan_import(src), ADDRESS).positions == 0
    assert current(store, h.id) == [("support", True)]
    assert roster.apply_import(store, roster.plan_import(src), ADDRESS, on_date="2024-03-01").positions == 1
    assert current(store, h.id) == [("oppose", True)]


# ---- 2. tick columns ---------------------------------------------------------------------------

@pytest.mark.parametrize("mark", ["✓", "√", "☑", "是", "1", "X", "x", "×"])
def test_tick_columns_import_as_positions(tmp_path, mark):
    src = xlsx(tmp_path / "r.xlsx", [
        ["房号", "面积", "业主", "同意", "不同意", "弃权", "有条件", "签字确认"],
        ["101", 60, "甲", mark, None, None, None, "是"],
        ["102", 60, "乙", None, mark, None, None, "是"],
        ["201", 60, "丙", None, None, mark, None, "否"],
        ["202", 60, "丁", None, None, None, mark, "否"],
        ["301", 60, "戊", None, None, None, None, None]])
    plan = roster.plan_import(src)
    assert plan.ok
    assert [(r.room, r.position, r.written) for r in plan.good] == [
        ("101", "support", True), ("102", "oppose", True), ("201", "abstain", False),
        ("202", "conditional", False), ("301", None, False)]


def test_a_wps_two_row_header_with_ticks_under_a_merged_opinion(tmp_path, store):
    def merge(wb, ws):
        ws.merge_cells("D1:F1")
        for col in "ABCG":
            ws.merge_cells(f"{col}1:{col}2")
    src = xlsx(tmp_path / "r.xlsx", [
        ["房号", "面积", "业主", "意见", None, None, "签字"],
        [None, None, None, "同意", "不同意", "弃权", None],
        ["101", 60, "甲", "✓", None, None, "是"],
        ["102", 72.5, "乙", None, "√", None, "是"],
        ["201", 60, "丙", None, None, "✓", "是"],
        ["202", 60, "丁", None, None, None, None]], merge)
    plan = roster.plan_import(src)
    assert plan.ok and plan.header_line == 2 and not plan.skipped
    assert [(r.room, r.area_x100, r.position, r.written) for r in plan.good] == [
        ("101", 6000, "support", True), ("102", 7250, "oppose", True), ("201", 6000, "abstain", True),
        ("202", 6000, None, False)]
    result = roster.apply_import(store, plan, ADDRESS, create=True)
    assert result.positions == 3


def test_two_ticks_in_one_row_or_an_unknown_mark_is_a_bad_row(tmp_path):
    src = xlsx(tmp_path / "r.xlsx", [["房号", "面积", "同意", "不同意", "弃权"],
                                     ["101", 60, "✓", "✓", None], ["102", 60, "好", None, None],
                                     ["201", 60, None, None, "√"]])
    plan = roster.plan_import(src)
    assert [r.room for r in plan.good] == ["201"]
    assert [line for line, _ in plan.bad] == [2, 3]
    assert "同一行勾选了多个意见（同意、不同意）" in plan.bad[0][1]
    assert "勾选列“同意”中的“好”无法识别" in plan.bad[1][1]


# ---- 3. sheets -----------------------------------------------------------------------------------

def _two_unit_book(path):
    wb = Workbook()
    one = wb.active
    one.title = "1单元"
    for row in [["房号", "面积", "业主", "意见", "书面"], ["101", 60, "甲", "支持", "是"], ["102", 60, "乙", "反对", "是"]]:
        one.append(row)
    two = wb.create_sheet("2单元")
    for row in [["房号", "面积", "业主", "意见", "书面"], ["101", 61, "丙", "弃权", "是"],
                ["102", 62, "丁", "支持", "是"], ["201", 63, "戊", None, None]]:
        two.append(row)
    wb.create_sheet("Sheet3")  # an empty default sheet
    wb.save(path)
    return path


def test_a_workbook_takes_the_sheet_named_like_the_target_unit(tmp_path):
    src = _two_unit_book(tmp_path / "r.xlsx")
    plan = roster.plan_import(src, target=roster.Target("6幢", "2单元"))
    assert plan.sheet == "2单元" and plan.ignored_sheets == ("1单元",)
    assert [(r.room, r.area_x100, r.owners) for r in plan.good] == [
        ("101", 6100, ("丙",)), ("102", 6200, ("丁",)), ("201", 6300, ("戊",))]
    assert "导入工作表“2单元”，忽略：1单元。" in plan.report()
    assert [r.owners for r in roster.plan_import(src, sheet="1单元").good] == [("甲",), ("乙",)]
    with pytest.raises(ValidationError, match="请用 --sheet 指定"):
        roster.plan_import(src, target=roster.Target("6幢", "3单元"))
    with pytest.raises(ValidationError, match="没有名为“5单元”的工作表"):
        roster.plan_import(src, sheet="5单元")


def test_the_cli_takes_sheet_and_all_sheets(tmp_path):
    src = _two_unit_book(tmp_path / "r.xlsx")
    building = ADDRESS.rsplit("/", 1)[0]
    out = cli("--db", tmp_path / "a.db", "import-roster", src, "--unit", building + "/2单元", "--sheet", "1单元",
              "--create")
    assert "新增 2 户" in out.stdout
    store = open_store(tmp_path / "a.db")
    assert {r: h.owners for r, h in households(store, building + "/2单元").items()} == {"101": "甲", "102": "乙"}
    store.close()
    db = tmp_path / "b.db"
    out = cli("--db", db, "import-roster", src, "--unit", building, "--all-sheets", "--create")
    assert "工作表“1单元” → 1单元" in out.stdout and "工作表“2单元” → 2单元" in out.stdout
    store = open_store(db)
    try:
        one, two = households(store, building + "/1单元"), households(store, building + "/2单元")
        assert {r: h.owners for r, h in one.items()} == {"101": "甲", "102": "乙"}
        assert {r: (h.owners, h.area_x100) for r, h in two.items()} == {
            "101": ("丙", 6100), "102": ("丁", 6200), "201": ("戊", 6300)}
        assert store.db.execute("SELECT floors FROM building").fetchone()[0] == 2  # the highest sheet's
    finally:
        store.close()


# ---- 4. hidden and filtered rows -----------------------------------------------------------------

def test_hidden_and_filtered_rows_are_skipped_and_listed(tmp_path):
    def hide(wb, ws):
        ws.auto_filter.ref = "A1:E7"
        for n in (3, 5, 6):  # 102 hidden by hand; 1-2-… rows filtered out
            ws.row_dimensions[n].hidden = True
    src = xlsx(tmp_path / "r.xlsx", [
        ["房号", "面积", "业主", "意见", "书面"], ["101", 60, "甲", "支持", "是"],
        ["102", 60, "旧业主", "反对", "是"], ["201", 60, "丙", "支持", "是"],
        ["202", 60, "丁", "反对", "是"], ["301", 60, "戊", "反对", "是"], ["302", 60, "己", None, None]], hide)
    plan = roster.plan_import(src)
    assert [r.room for r in plan.good] == ["101", "201", "302"]
    assert [line for line, _ in plan.hidden] == [3, 5, 6]
    assert "跳过隐藏行 3 行（第 3、5、6 行" in "\n".join(plan.report())
    everything = roster.plan_import(src, include_hidden=True)
    assert [r.room for r in everything.good] == ["101", "102", "201", "202", "301", "302"] and not everything.hidden


def test_the_cli_skips_hidden_rows_unless_asked(tmp_path):
    def hide(wb, ws):
        ws.row_dimensions[3].hidden = True
    src = xlsx(tmp_path / "r.xlsx", [["房号", "面积"], ["101", 60], ["102", 60]], hide)
    out = cli("--db", tmp_path / "a.db", "import-roster", src, "--unit", ADDRESS, "--create")
    assert "新增 1 户" in out.stdout and "跳过隐藏行 1 行" in out.stdout
    out = cli("--db", tmp_path / "b.db", "import-roster", src, "--unit", ADDRESS, "--create", "--include-hidden")
    assert "新增 2 户" in out.stdout


# ---- 5. merged cells ---------------------------------------------------------------------------

def test_a_merged_owner_cell_fills_every_row_it_covers_and_is_one_person(tmp_path, store):
    def merge(wb, ws):
        ws.merge_cells("C4:C5")  # 刘芳 owns 201 and 202
        ws.merge_cells("D4:D5")  # one phone
        ws.merge_cells("E6:E7")  # 301 and 302 both 支持
        ws.merge_cells("B6:B7")  # one area over two rows
    src = xlsx(tmp_path / "r.xlsx", [
        ["房号", "面积", "业主", "电话", "意见", "书面"],
        ["101", 60, "甲", None, "支持", "是"], ["102", 60, "乙", None, "支持", "是"],
        ["201", 60, "刘芳", None, "支持", "是"], ["202", 60, None, None, "支持", "是"],
        ["301", 70, "丙", None, "支持", "是"], ["302", None, "丁", None, None, "是"]], merge)
    plan = roster.plan_import(src)
    assert plan.ok and not plan.lookalikes
    assert [(r.room, r.owners, r.area_x100, r.position) for r in plan.good] == [
        ("101", ("甲",), 6000, "support"), ("102", ("乙",), 6000, "support"),
        ("201", ("刘芳",), 6000, "support"), ("202", ("刘芳",), 6000, "support"),
        ("301", ("丙",), 7000, "support"), ("302", ("丁",), 7000, "support")]
    roster.apply_import(store, plan, ADDRESS, create=True)
    verdict = evaluation.unit_verdict(store, roster.resolve_unit_strict(store, ADDRESS))
    assert verdict.totals["total_owners"] == 5  # 甲 乙 刘芳 丙 丁: 刘芳 once for two flats
    assert verdict.totals["total_area"] == 38000


# ---- 6. co-owner separators --------------------------------------------------------------------

def test_co_owners_joined_by_words_are_split_and_listed(tmp_path, store):
    src = text_file(tmp_path / "r.csv", [
        ["房号", "面积", "业主", "意见", "书面"], ["101", "60", "王建国和李美玲", "支持", "是"],
        ["102", "60", "王建国、李美玲", "支持", "是"], ["201", "60", "刘芳及丈夫黄涛", "反对", "是"],
        ["202", "60", "张伟与王芳", "支持", "是"], ["301", "60", "张和平", "支持", "是"]])
    plan = roster.plan_import(src)
    assert [r.owners for r in plan.good] == [("王建国", "李美玲"), ("王建国", "李美玲"), ("刘芳", "黄涛"),
                                             ("张伟", "王芳"), ("张和平",)]
    report = plan.report()
    for line in ("共有人已分开：王建国和李美玲 → 王建国、李美玲（请核对）", "共有人已分开：刘芳及丈夫黄涛 → 刘芳、黄涛（请核对）",
                 "共有人已分开：张伟与王芳 → 张伟、王芳（请核对）"):
        assert line in report
    assert {x.name for x in plan.lookalikes} == {"王建国", "李美玲"}
    roster.apply_import(store, plan, ADDRESS, create=True, merge=["王建国", "李美玲"])
    verdict = evaluation.unit_verdict(store, roster.resolve_unit_strict(store, ADDRESS))
    # voters: {王建国, 李美玲} (101 + 102), {刘芳, 黄涛}, {张伟, 王芳}, 张和平 → 4
    assert verdict.totals["total_owners"] == 4 and verdict.totals["agreeing_owners"] == 3


# ---- 7. building rosters -----------------------------------------------------------------------

BUILDING = ADDRESS.rsplit("/", 1)[0]


def _building(store):
    unit = registry.add_unit
    district = registry.default_district(store)
    street = registry.add_street(store, district, "长庆街道")
    estate = registry.add_estate(store, registry.add_community(store, street, "王马社区"), "遥祥寺巷小区")
    building = registry.add_building(store, estate, "6幢", 6)
    return unit(store, building, "1单元"), unit(store, building, "2单元")


def test_a_building_roster_routes_rooms_to_their_units(tmp_path, store):
    one, two = _building(store)
    src = text_file(tmp_path / "r.csv", [
        ["房号", "面积", "业主", "意见", "书面"], ["6-1-101", "60", "甲", "支持", "是"], ["1单元102", "61", "乙", "", ""],
        ["6幢2单元101", "62", "丙", "反对", "是"], ["2-102", "63", "丁", "", ""], ["6-2-201", "64", "戊", "", ""]])
    plan = roster.plan_import(src, target=roster.target_of(BUILDING))
    assert plan.ok and [(r.room, r.unit) for r in plan.good] == [
        ("101", 1), ("102", 1), ("101", 2), ("102", 2), ("201", 2)]
    result = roster.apply_import(store, plan, BUILDING)
    assert (result.created, result.positions) == (5, 2)
    assert {h.room: h.area_x100 for h in registry.unit_households(store, one)} == {"101": 6000, "102": 6100}
    assert {h.room: h.area_x100 for h in registry.unit_households(store, two)} == {
        "101": 6200, "102": 6300, "201": 6400}


def test_rooms_naming_another_unit_are_refused_when_importing_into_one_unit(tmp_path, store):
    one, _ = _building(store)
    src = text_file(tmp_path / "r.csv", [["房号", "面积"], ["6-1-101", "60"], ["6-2-101", "60"], ["102", "60"],
                                         ["7-1-201", "60"]])
    plan = roster.plan_import(src, target=roster.target_of(ADDRESS))
    assert [r.room for r in plan.good] == ["101", "102"]
    assert [line for line, _ in plan.bad] == [3, 5]
    assert "房号“6-2-101”属于另一个单元，不是 1单元" in plan.bad[0][1]
    assert "房号“7-1-201”属于另一幢楼，不是 6幢" in plan.bad[1][1]
    building_plan = roster.plan_import(src, target=roster.target_of(BUILDING))
    assert [line for line, _ in building_plan.bad] == [4, 5]  # 102 names no unit; 7-1-201 another building
    assert "导入整幢楼时房号须带单元" in building_plan.bad[0][1]


# ---- 8. formats --------------------------------------------------------------------------------

def test_an_xls_workbook_with_hidden_rows_and_merged_cells(tmp_path, store):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("1单元")
    rows = [["房号", "楼层", "产权面积", "业主", "意见", "书面"],
            ["101", "一楼", 63.5, "黄杞财", "同意", "是"], ["102", "一楼", 72.35, "李美玲", "不同意", "是"],
            ["201", "二层", 63.5, "刘芳", "同意", "是"], ["202", "二层", 72.35, None, "同意", "是"]]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None and not (r == 3 and c == 3):
                ws.write(r, c, value)
    ws.write_merge(3, 4, 3, 3, "刘芳")  # 刘芳 over 201 and 202
    ws.row(2).hidden = True  # 102 hidden
    path = tmp_path / "名册.xls"
    book.save(str(path))
    plan = roster.plan_import(path)
    assert [(r.room, r.floor, r.area_x100, r.owners, r.position) for r in plan.good] == [
        ("101", 1, 6350, ("黄杞财",), "support"), ("201", 2, 6350, ("刘芳",), "support"),
        ("202", 2, 7235, ("刘芳",), "support")]
    assert [line for line, _ in plan.hidden] == [3]


@pytest.mark.parametrize("encoding,sep,name", [("utf-16", "\t", "名册.txt"), ("utf-8", "\t", "名册.csv"),
                                               ("utf-8-sig", "\t", "名册.tsv"), ("gb18030", "\t", "名册.txt")])
def test_unicode_text_and_tab_separated_files(tmp_path, encoding, sep, name):
    src = text_file(tmp_path / name, [["房号", "楼层", "面积", "业主", "电话"],
                                      ["101", "一楼", "63.50", "王建国,李美玲", "13811110001"],
                                      ["1201", "十二层", "60", "张伟", ""]], encoding, sep)
    plan = roster.plan_import(src, max_floors=12)
    assert [(r.room, r.floor, r.area_x100, r.owners) for r in plan.good] == [
        ("101", 1, 6350, ("王建国", "李美玲")), ("1201", 12, 6000, ("张伟",))]


@pytest.mark.parametrize("typed,floor", [("一楼", 1), ("二层", 2), ("3楼", 3), ("第四层", 4), ("十层", 10), ("５F", 5),
                                         ("", 6)])
def test_floors_in_chinese_numerals(tmp_path, typed, floor):
    src = text_file(tmp_path / "r.csv", [["房号", "楼层", "面积"], ["602", typed, "60"]])
    assert roster.plan_import(src, max_floors=10).good[0].floor == floor


def test_several_phones_for_one_owner_are_kept_and_the_first_is_the_contact(tmp_path, store):
    src = text_file(tmp_path / "r.csv", [["房号", "面积", "业主", "电话"],
                                         ["101", "60", "黄杞财", "13812345678/13900001111"],
                                         ["102", "60", "李美玲", "13922220002 13933330003"],
                                         ["201", "60", "王建国、王小明", "13811110001、13811110002"]])
    plan = roster.plan_import(src)
    assert [(r.phones, r.other_phones) for r in plan.good] == [
        (("13812345678",), ("13900001111",)), (("13922220002",), ("13933330003",)),
        (("13811110001", "13811110002"), ())]
    roster.apply_import(store, plan, ADDRESS, create=True)
    rows = households(store)
    assert rows["101"].phones == "13812345678"
    assert store.db.execute("SELECT other_phones FROM person WHERE name = '黄杞财'").fetchone()[0] == "13900001111"


def test_area_is_taken_in_the_laws_order_and_its_source_kept(tmp_path, store):
    src = xlsx(tmp_path / "r.xlsx", [["房号", "合同面积", "产权面积", "测绘面积"],
                                     ["101", 70, 63.5, 64], ["102", 72, None, 71.8], ["201", 65.2, None, None],
                                     ["202", None, None, None]])
    plan = roster.plan_import(src)
    assert [(r.room, r.area_x100, r.area_source) for r in plan.good] == [
        ("101", 6350, ""), ("102", 7180, "测绘面积"), ("201", 6520, "合同面积")]
    assert [line for line, _ in plan.bad] == [5]
    roster.apply_import(store, plan, ADDRESS, create=True, skip_bad=True)
    rows = households(store)
    assert [registry.area_source(store, rows[r].id) for r in ("101", "102", "201")] == ["", "测绘面积", "合同面积"]
    # a flat with only a contract area is no longer refused; the preview names the source
    lines = roster.preview(store, plan, ADDRESS).lines(plan)
    assert "另有 3 户没有变化。" in lines


# ---- 11. the dry run says what would change ----------------------------------------------------

def test_dry_run_shows_what_would_change_household_by_household(tmp_path):
    db = tmp_path / "s.db"
    header = ["房号", "楼层", "面积", "业主", "意见", "书面"]
    first = text_file(tmp_path / "a.csv", [header, ["101", "1", "60", "黄杞财", "反对", "是"],
                                           ["102", "1", "60", "李美玲", "", ""], ["601", "6", "60", "张伟", "", ""],
                                           ["602", "6", "60", "赵丽华", "", ""]])
    cli("--db", db, "import-roster", first, "--unit", ADDRESS, "--create")
    second = text_file(tmp_path / "b.csv", [header, ["101", "1", "60", "孙强", "支持", "是"],
                                            ["102", "1", "61.5", "李美玲", "支持", "否"], ["201", "2", "60", "周敏", "", ""],
                                            ["202", "9", "60", "错", "", ""]])
    before = cli("--db", db, "info", "--json").stdout
    out = cli("--db", db, "import-roster", second, "--unit", ADDRESS, "--dry-run", check=False).stdout
    assert "101（更改）：业主 黄杞财 → 孙强；过户：原业主意见不再计入；记录意见 书面支持" in out
    assert "102（更改）：面积 60.00 m² → 61.50 m²；记录意见 口头支持" in out
    assert "201（新增）：面积 60.00 m²；业主 周敏" in out
    assert "名册中没有：601、602，未作改动（1单元）。" in out
    assert "不导入第 5 行：楼层“9”无效" in out
    assert cli("--db", db, "info", "--json").stdout == before


def test_an_id_number_of_a_person_kept_under_another_name_is_said(tmp_path, store):
    header = ["房号", "面积", "业主", "证件号"]
    ref = "330102198001011234"
    roster.apply_import(store, roster.plan_import(text_file(tmp_path / "a.csv", [header, ["101", "60", "王建国", ref]])),
                        ADDRESS, create=True)
    again = roster.plan_import(text_file(tmp_path / "b.csv", [header, ["101", "60", "王建囯", ref]]))
    note = "101：证件号与已登记的“王建国”相同，名册写作“王建囯”，按已登记的人记录，请核对姓名。"
    assert note in roster.preview(store, again, ADDRESS).lines(again)
    assert note in roster.apply_import(store, again, ADDRESS).notes
    assert households(store)["101"].owners == "王建国"


def test_a_roster_without_a_written_column_says_positions_are_spoken(tmp_path):
    plan = roster.plan_import(text_file(tmp_path / "r.csv", [["房号", "面积", "意见"], ["101", "60", "支持"]]))
    assert plan.good[0].written is False
    assert "名册没有“书面”（签字）列：意见都按口头意见记录，不计入书面表决。" in plan.report()


def test_a_plan_checked_without_a_target_never_mixes_units(tmp_path, store):
    one, _ = _building(store)
    src = text_file(tmp_path / "r.csv", [["房号", "面积"], ["6-1-101", "60"], ["6-2-102", "60"]])
    plan = roster.plan_import(src)  # no target given: rows keep the unit they name
    assert plan.ok
    with pytest.raises(ValidationError, match="属于另一个单元"):
        roster.apply_import(store, plan, ADDRESS)
    with pytest.raises(ValidationError, match="须带单元"):
        roster.apply_import(store, roster.plan_import(text_file(tmp_path / "s.csv", [["房号", "面积"], ["101", "60"]])),
                            BUILDING)
    assert registry.unit_households(store, one) == []
