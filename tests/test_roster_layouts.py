"""Rosters as offices keep them: title and notes above the header, a 序号 column, footer rows
(合计 with a SUM formula, 制表人, 审核, blank rows), office header names, rooms as Excel numbers or
full-width text; strict CSV; re-importing changes nothing."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from liftdesk.consent import positions
from liftdesk.places import registry
from liftdesk.people import ownership
from liftdesk.errors import LiftDeskError, ValidationError
from liftdesk.io import roster
from liftdesk.store import open_store

from .conftest import change_count
from .test_cli_and_demo import cli

ADDRESS = "西村街道/西湾社区/西湾东小区/西湾东1号/1单元"
OFFICE_HEADER = ["序号", "房号", "所在楼层", "建筑面积（㎡）", "产权人", "联系电话", "居住状态", "是否同意", "是否签字"]


def office_xlsx(path, extra_rows=()):
    """The roster as a street office keeps it in Excel."""
    wb = Workbook()
    ws = wb.active
    ws.append(["西湾东1号 加装电梯业主意见统计表（2024年3月）"])
    ws.merge_cells("A1:I1")
    ws.append(["社区：西湾社区", None, None, "填报日期：2024-03-15"])
    ws.append(OFFICE_HEADER)
    ws.append([1, 101, 1, 63.5, "黄杞财", "13812345678", "自住", "不同意", "是"])
    ws.append([2, 102.0, 1, 72.35, "李美玲、王建国 13900001111", None, "自住", "同意", "是"])
    ws.append([3, "２０１", 2, "63.50㎡", "张伟", None, "出租", "同意", "√"])
    ws.append([4, " 202室\u200b", 2, 72.35, "王芳", None, "自住", None, None])
    for row in extra_rows:
        ws.append(row)
    ws.append(["合计", None, None, "=SUM(D4:D7)"])
    ws.append([])
    ws.append(["制表人：黄杞财", None, None, None])
    ws.append(["审核：李主任"])
    ws.append([5])  # a numbered line of the printed form left empty
    wb.save(path)
    return path


def test_an_office_xlsx_imports_with_no_mapping_and_names_what_it_skipped(tmp_path):
    plan = roster.plan_import(office_xlsx(tmp_path / "r.xlsx"))
    assert plan.ok and plan.header_line == 3
    assert plan.mapping == {"房号": 1, "楼层": 2, "面积": 3, "业主": 4, "电话": 5, "居住情况": 6, "意见": 7, "书面": 8}
    assert [(r.line, r.room, r.floor, r.area_x100, r.position, r.written) for r in plan.good] == [
        (4, "101", 1, 6350, "oppose", True), (5, "102", 1, 7235, "support", True),
        (6, "201", 2, 6350, "support", True), (7, "202", 2, 7235, None, False)]
    assert plan.good[1].owners == ("李美玲", "王建国") and plan.good[1].phones == ("", "13900001111")
    assert [(line, kind) for line, kind, _ in plan.skipped] == [(1, "标题"), (2, "说明"), (8, "合计"), (10, "制表人"),
                                                              (11, "审核")]
    report = "\n".join(plan.report())
    assert "表头在第 3 行" in report and "跳过第 8 行（合计）" in report and "跳过第 1 行（标题）：西湾东1号" in report


def test_the_cli_prints_the_summary_and_a_second_import_changes_nothing(tmp_path):
    db, src = tmp_path / "s.db", office_xlsx(tmp_path / "r.xlsx")
    out = cli("--db", db, "import-roster", src, "--unit", ADDRESS, "--create")
    assert "新增 4 户，更新 0 户，记录意见 3 条" in out.stdout
    assert "已导入 4 户：新增 4、更新 0、跳过 5 行（标题、说明、合计、制表人、审核）" in out.stdout
    store = open_store(db)
    before = change_count(store)
    store.close()
    again = cli("--db", db, "import-roster", src, "--unit", ADDRESS)
    assert "已导入 4 户：新增 0、更新 0、未变 4、跳过 5 行" in again.stdout and "记录意见 0 条" in again.stdout
    store = open_store(db)
    assert change_count(store) == before
    store.close()
    verdict = json.loads(cli("--db", db, "consent", ADDRESS, "--json").stdout)
    assert verdict["totals"]["total_owners"] == 4


def test_a_changed_position_is_recorded_once_and_dated_by_the_date_column(tmp_path, store):
    header = ["房号", "面积", "业主", "意见", "书面", "日期"]
    first = _csv(tmp_path / "a.csv", [header, ["101", "60", "甲", "反对", "是", "2024/3/1"],
                                      ["102", "60", "乙", "支持", "是", "2024年3月2日"]])
    roster.apply_import(store, roster.plan_import(first), ADDRESS, create=True)
    second = _csv(tmp_path / "b.csv", [header, ["101", "60", "甲", "支持", "是", "2024-04-01"],
                                       ["102", "60", "乙", "支持", "是", "2024-04-01"]])
    result = roster.apply_import(store, roster.plan_import(second), ADDRESS)
    assert (result.created, result.updated, result.changed, result.positions) == (0, 2, 1, 1)
    unit = roster.resolve_unit_strict(store, ADDRESS)
    a, b = registry.unit_households(store, unit)
    assert [(r.on_date, r.position) for r in positions.history(store, a.id)] == [("2024-04-01", "support"),
                                                                                ("2024-03-01", "oppose")]
    assert [r.on_date for r in positions.history(store, b.id)] == ["2024-03-02"]
    # the older roster again: its records are already there, nothing is added
    before = change_count(store)
    assert roster.apply_import(store, roster.plan_import(first), ADDRESS).positions == 0
    assert change_count(store) == before


def _csv(path, rows, encoding="utf-8"):
    path.write_bytes(("\r\n".join(",".join(r) for r in rows) + "\r\n").encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig"])
def test_a_csv_with_title_notes_and_footers(tmp_path, encoding):
    rows = [["西湾东1号 加装电梯业主意见统计表", "", "", ""], ["社区：西湾社区 填报日期：2024-03-15", "", "", ""],
            ["序号", "房号", "产权面积", "产权人"], ["1", "101", "63.5", "黄杞财"], ["2", "１０２", "72.35", "李美玲"],
            ["", "", "", ""], ["合计", "", "135.85", ""], ["制表人：黄杞财", "", "", ""]]
    plan = roster.plan_import(_csv(tmp_path / "r.csv", rows, encoding))
    assert [r.room for r in plan.good] == ["101", "102"] and plan.ok
    assert plan.skipped_kinds() == ["标题", "说明", "合计", "制表人"]


@pytest.mark.parametrize("text", ["１０１", " 101 ", "101室", "101号", "\u200b101", "101.0", "１０１室"])
def test_rooms_are_normalised_wherever_households_are_made(store, unit, text):
    assert registry.normalise_room(text) == "101"
    with pytest.raises(ValidationError, match="已有房号"):
        registry.add_household(store, unit, text, 1, "60")
    assert registry.household_by_room(store, unit, text) == registry.unit_households(store, unit)[0].id


def test_a_full_width_room_updates_the_household_instead_of_adding_one(tmp_path, store, unit):
    address = "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元"
    src = _csv(tmp_path / "r.csv", [["房号", "面积"], ["１０１", "61"], ["102室", "62"]])
    result = roster.apply_import(store, roster.plan_import(src), address)
    assert (result.created, result.updated, result.changed) == (0, 2, 2)
    assert len(registry.unit_households(store, unit)) == 12


def test_a_stray_quote_is_an_error_naming_its_line(tmp_path):
    rows = "房号,面积,业主\r\n101,60,黄杞财\r\n102,60,\"李美玲\r\n201,60,张伟\r\n202,60,王芳\r\n"
    src = tmp_path / "r.csv"
    src.write_bytes(rows.encode("gbk"))
    with pytest.raises(ValidationError, match="第 3 行有一个没有配对的引号"):
        roster.plan_import(src)
    src.write_bytes(rows.replace("王芳", "王芳\"").encode("utf-8"))  # closed again two lines later
    with pytest.raises(ValidationError, match="第 3 行"):
        roster.plan_import(src)
    src.write_bytes((rows + "301,60,赵\"x\r\n").encode("utf-8"))
    with pytest.raises(ValidationError, match="第 3 行"):
        roster.plan_import(src)
    src.write_bytes('房号,面积,业主\r\n101,60,"王建国\n王小明"\r\n'.encode("utf-8"))  # a cell on two lines is fine
    assert roster.plan_import(src).good[0].owners == ("王建国", "王小明")


def test_overlong_cells_are_bad_rows_with_a_reason(tmp_path):
    src = _csv(tmp_path / "r.csv", [["房号", "面积", "业主", "备注"], ["101", "60", "王" * 51, ""],
                                    ["102", "60", "李娜", "很长" * 600], ["201", "60", "张伟", ""]])
    plan = roster.plan_import(src)
    assert [r.room for r in plan.good] == ["201"]
    assert [line for line, _ in plan.bad] == [2, 3]
    assert "姓名过长（51 个字" in plan.bad[0][1] and "“备注”列内容过长（1200 字" in plan.bad[1][1]


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
CELLS = st.text(alphabet=st.sampled_from(list('0123456789.,"\r\n 　室号一王芳、合计制表房号面积楼层业主电话意见书面是否支持反对\u200b１')),
                max_size=12)


@FUZZ
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_random_bytes_give_a_clear_error_or_a_plan(tmp_path, data, suffix):
    path = tmp_path / f"f{suffix}"
    path.write_bytes(data)
    try:
        roster.plan_import(path)
    except LiftDeskError as exc:
        assert str(exc)


@FUZZ
@given(rows=st.lists(st.lists(CELLS, min_size=1, max_size=6), min_size=1, max_size=8),
       header=st.sampled_from([["房号", "面积"], ["房号", "面积", "业主", "意见", "书面"], ["序号", "房号", "楼层", "面积"]]))
def test_random_csv_text_gives_a_clear_error_or_a_valid_import(tmp_path, rows, header):
    path = tmp_path / "r.csv"
    path.write_bytes("\n".join(",".join(r) for r in [header] + rows).encode("utf-8"))
    try:
        plan = roster.plan_import(path)
    except LiftDeskError as exc:
        assert str(exc)
        return
    store = open_store(tmp_path / f"{len(list(tmp_path.iterdir()))}.db")
    try:
        result = roster.apply_import(store, plan, ADDRESS, create=True, skip_bad=True)
        assert result.households == len(plan.good)
        unit = roster.resolve_unit_strict(store, ADDRESS)
        assert sorted(h.room for h in registry.unit_households(store, unit)) == sorted(r.room for r in plan.good)
    except LiftDeskError as exc:  # e.g. a floor above the building made from the roster
        assert str(exc)
    finally:
        store.close()


def test_an_exported_roster_imports_back_without_changing_anything(tmp_path, store, unit):
    address = "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元"
    rows = registry.unit_households(store, unit)
    ownership.set_owners(store, rows[0].id, ["李美玲", "王建国 13922220002"])  # only the co-owner has a phone
    ownership.set_owners(store, rows[1].id, ["黄杞财 13812345678", "王小明"])
    positions.record_position(store, rows[0].id, "支持", on_date="2024-03-01", written=True)
    positions.record_position(store, rows[1].id, "反对", on_date="2024-03-02", respondent="family")
    path = roster.export_roster(store, unit, tmp_path / "out.xlsx")
    before = change_count(store)
    result = roster.apply_import(store, roster.plan_import(path), address)
    assert (result.updated, result.changed, result.positions) == (12, 0, 0)
    assert change_count(store) == before
    first = registry.unit_households(store, unit)[0]
    assert (first.owners, first.phones) == ("李美玲、王建国", "13922220002")


def test_a_missing_file_or_a_folder_is_named_in_chinese(tmp_path):
    from liftdesk.errors import ValidationError
    from liftdesk.io import tables

    for target, words in ((tmp_path / "nope.xlsx", "找不到文件"), (tmp_path, "是文件夹")):
        with pytest.raises(ValidationError) as err:
            tables.read_rows(target)
        assert words in str(err.value) and "No such" not in str(err.value)


def test_a_row_with_several_mistakes_names_every_one(tmp_path):
    """One correction pass fixes a row: every column's problem is reported, not only the first."""
    src = _csv(tmp_path / "r.csv", [["房号", "楼层", "面积", "业主", "电话", "意见", "日期"],
                                    ["101", "99", "六十", "王芳", "123", "好的", "2024-13-40"],
                                    ["102", "1", "60", "李娜", "13812345678", "同意", "2024-03-01"]])
    plan = roster.plan_import(src)
    assert [r.room for r in plan.good] == ["102"] and [line for line, _ in plan.bad] == [2]
    message = plan.bad[0][1]
    for part in ("楼层“99”", "面积", "电话“123”", "意见“好的”", "2024-13-40"):
        assert part in message, part
    assert "该楼共" not in message  # the building is made from the roster: it has no height yet
    assert "1 到 60 之间的整数" in message
