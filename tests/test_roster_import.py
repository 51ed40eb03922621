"""Roster import end to end through the CLI, and the consent verdict it leads to."""

import json

import pytest
from openpyxl import Workbook, load_workbook

from liftdesk.consent import positions
from liftdesk.places import registry
from liftdesk.people import ownership
from liftdesk.errors import ValidationError
from liftdesk.io import roster
from liftdesk.store import open_store

from .test_cli_and_demo import cli

ADDRESS = "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元"
HEADER = ["业主", "房号", "面积", "电话", "居住情况", "意见", "书面", "楼层"]  # any order
ROWS = [
    ["黄杞财", "101", "63.50", "13812345678", "自住", "反对", "是", "1"],
    ["李美玲、王建国", "102", "72.35", "13900001111", "自住", "支持", "是", "1"],
    ["张伟", "201", "63.50", "", "出租", "支持", "是", "2"],
    ["黄杞财", "202", "72.35", "13812345678", "自住", "支持", "是", "2"],  # one owner, two flats
    ["赵丽华", "301", "63.50", "", "自住", "弃权", "是", "3"],
    ["孙强", "302", "72.35", "", "空置", "", "否", "3"],
]


def write_csv(path, rows, encoding, newline="\r\n"):
    text = newline.join(",".join(r) for r in rows) + newline
    path.write_bytes(text.encode(encoding))
    return path


def test_a_gbk_csv_saved_by_excel_imports_and_creates_the_unit(tmp_path):
    db = tmp_path / "s.db"
    src = write_csv(tmp_path / "名册.csv", [HEADER] + ROWS, "gbk")
    out = cli("--db", db, "import-roster", src, "--unit", ADDRESS, "--create")
    assert "新增 6 户" in out.stdout and "记录意见 5 条" in out.stdout
    store = open_store(db)
    rows = registry.unit_households(store, roster.resolve_unit_strict(store, ADDRESS))
    assert [(r.room, r.area_x100, r.owners) for r in rows][:2] == [("101", 6350, "黄杞财"), ("102", 7235, "李美玲、王建国")]
    assert store.db.execute("SELECT floors FROM building").fetchone()[0] == 3
    assert store.db.execute("SELECT count(*) FROM person WHERE name = '黄杞财'").fetchone()[0] == 1
    history = positions.history(store, rows[0].id)
    assert history[0].position == "oppose" and history[0].written
    store.close()
    verdict = json.loads(cli("--db", db, "consent", ADDRESS, "--json").stdout)
    # owners: 黄杞财 (101 反对 + 202 支持: conflicting forms), 李/王 (one vote), 张伟, 赵丽华, 孙强 → 5
    # participating: all but 302 = 335.20 m², 4 owners; agreeing: 102 + 201 = 135.85 m², 2 owners
    # (the conflict participates and does not agree, whatever order the forms were recorded in)
    assert verdict["totals"]["total_owners"] == 5
    assert [c["fraction"] for c in verdict["criteria"]] == ["335.20/407.55", "4/5", "135.85/335.20", "2/4"]
    assert [c["threshold"] for c in verdict["criteria"]] == ["2/3", "2/3", "3/4", "3/4"]
    assert [c["met"] for c in verdict["criteria"]] == [True, True, False, False]
    assert verdict["passed"] is False
    assert verdict["conflicts"][0]["text"] == "黄杞财：101 反对、202 支持，需核实"
    # settling 黄杞财's forms as 支持 alone passes (3/4 owners, 271.70/335.20 m²); 赵丽华 or 孙强 cannot
    assert verdict["visit_list"] == ["202", "101"]
    assert verdict["shortfall"]["text"] == "还差 1 位业主签字同意（202、101 黄杞财），共 135.85 m²"
    assert verdict["shortfall"]["voters"] == 1 and verdict["shortfall"]["kind"] == "agree"


def test_utf8_bom_csv_and_xlsx_import_the_same(tmp_path):
    bom = write_csv(tmp_path / "r.csv", [HEADER] + ROWS, "utf-8-sig", "\n")
    wb = Workbook()
    for row in [HEADER] + ROWS:
        wb.active.append([float(c) if c.replace(".", "").isdigit() and "." in c else c for c in row])
    xlsx = tmp_path / "r.xlsx"
    wb.save(xlsx)
    plans = [roster.plan_import(p) for p in (bom, xlsx)]
    assert [r.area_x100 for r in plans[0].good] == [r.area_x100 for r in plans[1].good] == [6350, 7235] * 3
    assert plans[0].ok and plans[1].ok


def test_a_malformed_roster_lists_every_bad_row_and_writes_nothing(tmp_path):
    db = tmp_path / "s.db"
    bad = [HEADER] + ROWS[:2] + [
        ["甲", "102", "50", "", "自住", "支持", "否", "1"],      # duplicate room
        ["乙", "103", "-3", "", "自住", "", "否", "1"],          # negative area
        ["丙", "104", "abc", "", "自住", "", "否", "1"],         # non-numeric area
        ["丁", "901", "60", "", "自住", "", "否", "9"],          # floor outside the building
        ["戊", "303", "60", "", "自住", "随便", "否", "3"],      # unknown position
        ["", "", "60", "", "", "", "", ""],                       # missing room
    ]
    src = write_csv(tmp_path / "bad.csv", bad, "gbk")
    cli("--db", db, "import-roster", write_csv(tmp_path / "ok.csv", [HEADER] + ROWS, "gbk"), "--unit", ADDRESS,
        "--create")  # the building now exists with 3 floors
    before = json.loads(cli("--db", db, "info", "--json").stdout)
    out = cli("--db", db, "import-roster", src, "--unit", ADDRESS, check=False)
    assert out.returncode == 2
    for line, word in [(4, "重复"), (5, "面积"), (6, "面积"), (7, "楼层"), (8, "无法识别"), (9, "房号不能为空")]:
        assert f"第 {line} 行：" in out.stdout and word in out.stdout.split(f"第 {line} 行：")[1].splitlines()[0]
    assert "未导入任何数据" in out.stderr
    assert json.loads(cli("--db", db, "info", "--json").stdout) == before
    dry = cli("--db", db, "import-roster", src, "--unit", ADDRESS, "--dry-run", check=False)
    assert "试运行" in dry.stdout and json.loads(cli("--db", db, "info", "--json").stdout) == before
    ok = cli("--db", db, "import-roster", src, "--unit", ADDRESS, "--skip-bad")
    assert "新增 0 户，更新 0 户" in ok.stdout and "未变 2" in ok.stdout  # the good rows were already there


@pytest.mark.parametrize("name,content,message", [
    ("r.xlsx", b"PK\x03\x04 not really a workbook", "不是可导入的表格"),
    ("r.pdf", b"%PDF-1.4", "不是可导入的表格"),
    ("r.csv", b"\x80\x80,\xff\n101,60\n", "无法识别"),  # neither UTF-8, UTF-16 (no mark) nor GB18030
    ("r.csv", "姓名,电话\n张三,1380000\n".encode("gbk"), "缺少必需的列：房号、面积"),
    ("r.csv", b"", "没有数据"),
])
def test_files_that_are_not_rosters_are_refused(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ValidationError, match=message):
        roster.plan_import(path)


def test_import_into_a_missing_unit_without_create_is_refused(tmp_path):
    src = write_csv(tmp_path / "r.csv", [HEADER] + ROWS, "gbk")
    out = cli("--db", tmp_path / "s.db", "import-roster", src, "--unit", ADDRESS, check=False)
    assert out.returncode == 2 and "不存在" in out.stderr


def test_export_roster_with_current_positions(tmp_path, store, unit):
    h = registry.unit_households(store, unit)[0]
    ownership.set_owners(store, h.id, ["黄杞财"], "13812345678")
    positions.record_position(store, h.id, "支持", on_date="2024-01-02", written=True, form_no="F1")
    path = roster.export_roster(store, unit, tmp_path / "out.xlsx")
    sheet = load_workbook(path).active
    assert [c.value for c in sheet[1]][:8] == list(roster.STANDARD)
    assert [c.value for c in sheet[2]][:8] == ["101", 1, 60.0, "黄杞财", "13812345678", "自住", "支持", "是"]
    assert sheet.freeze_panes == "A2"
    again = roster.plan_import(path)  # an exported roster imports back
    assert again.ok and len(again.good) == 12


def test_consent_cli_exit_status_and_errors(small_district_db):
    units = json.loads(cli("--db", small_district_db, "units", "--under", "半山街道", "--json").stdout)
    project = next(u for u in units if u["lift_project"])
    verdict = json.loads(cli("--db", small_district_db, "consent", project["address"], "--json").stdout)
    assert verdict["passed"] is True and verdict["rule"] == "civil-code-278"
    candidate = next(u for u in units if not u["lift_project"])
    out = cli("--db", small_district_db, "consent", candidate["address"], "--rule", "beijing-2020", "--json")
    assert json.loads(out.stdout)["rule"] == "beijing-2020"
    bad = cli("--db", small_district_db, "consent", "半山街道/无此社区/a/1幢/1单元", "--json", check=False)
    assert bad.returncode == 2
    bad = cli("--db", small_district_db, "consent", project["address"], "--rule", "nope", check=False)
    assert bad.returncode != 0
