"""The district table equals the published seed table, cell by cell, in JSON, CSV and XLSX."""

import csv
import io
import json
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from liftdesk.projects import projects
from liftdesk.places import registry
from liftdesk.reports import stats
from liftdesk.reports import report

from .conftest import ROOT
from .test_cli_and_demo import cli

SEED = ROOT.parent / "shared" / "seed-data" / "gongshu_lifts_by_street_2018_2023.csv"
if not SEED.exists():
    SEED = ROOT / "resources" / "seed" / "gongshu_lifts_by_street_2018_2023.csv"


def seed_rows() -> list[list[str]]:
    with open(SEED, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))[1:]


@pytest.mark.slow
def test_json_equals_the_seed(demo_db):
    data = json.loads(cli("--db", demo_db, "report", "district", "--json").stdout)
    assert data["years"] == [2018, 2019, 2020, 2021, 2022, 2023] and data["by"] == "handover"
    seed = seed_rows()
    for row, expected in zip(data["rows"], seed[:-1]):
        assert row["street"] == expected[1]
        if expected[-1] == "无任务":
            assert row["total"] == 0 and row["note"] == "无任务"
            continue
        assert [row["by_year"][str(y)] for y in data["years"]] == [int(x) for x in expected[2:8]]
        assert [row["under_construction"], row["total"]] == [int(expected[8]), int(expected[9])]
    total = seed[-1]
    assert data["totals"]["street"] == total[1] == "全区合计"
    assert [data["totals"]["by_year"][str(y)] for y in data["years"]] == [int(x) for x in total[2:8]]
    assert [data["totals"]["under_construction"], data["totals"]["total"]] == [70, 1000]


@pytest.mark.slow
def test_csv_equals_the_seed_cell_by_cell(demo_db, tmp_path):
    out = tmp_path / "r.csv"
    cli("--db", demo_db, "report", "district", "-o", out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens it as UTF-8
    got = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert got[0][:2] == ["序号", "街道"] and got[0][-3:] == ["在建", "合计（含在建）", "备注"]
    assert got[1:] == seed_rows()


@pytest.mark.slow
def test_xlsx_equals_the_seed_with_numbers_as_numbers(demo_db, tmp_path):
    out = tmp_path / "r.xlsx"
    cli("--db", demo_db, "report", "district", "-o", out)
    wb = load_workbook(out)
    sheet = wb["年度表"]
    assert sheet.freeze_panes == "C2" and sheet.column_dimensions["B"].width >= 12
    body = [[c.value for c in row] for row in sheet.iter_rows(min_row=2, max_row=20)]
    for got, expected in zip(body, seed_rows()):
        assert [("" if v is None else str(v)) for v in got] == expected
        assert all(isinstance(v, int) for v in got[2:10] if v is not None)
    funnel = wb["进度漏斗"]
    assert funnel["A1"].value == "街道" and funnel.cell(funnel.max_row, 1).value == "全区合计"


@pytest.mark.slow
def test_by_start_year_counts_every_started_lift(demo_db):
    data = json.loads(cli("--db", demo_db, "report", "district", "--by", "start", "--json").stdout)
    assert data["by"] == "start" and data["totals"]["total"] == 1000
    assert sum(data["totals"]["by_year"].values()) == 1000 and data["totals"]["under_construction"] == 70


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
@pytest.mark.slow
def test_pdf_report(demo_db, tmp_path):
    out = tmp_path / "r.pdf"
    cli("--db", demo_db, "report", "district", "-o", out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    for word in ("拱墅区既有住宅加装电梯情况", "全区合计", "无任务", "进度漏斗", "潮鸣街道", "184"):
        assert word in text
    bad = cli("--db", demo_db, "report", "district", "-o", tmp_path / "r.docx", check=False)
    assert bad.returncode == 2 and ".xlsx" in bad.stderr and not (tmp_path / "r.docx").exists()


@pytest.mark.slow
def test_funnel_on_the_demo(demo_db):
    from liftdesk.store import open_store
    store = open_store(demo_db)
    f = stats.funnel(store)
    assert f.count("eligible") == 6515 and f.count("in_use") == 930 and f.count("construction") == 70
    assert f.count("permit") == 1000 and f.count("in_use", "康桥街道") == 0
    assert f.count("in_use", "潮鸣街道") == 167
    store.close()


def test_a_fresh_station_and_a_new_project(store, unit):
    table = stats.yearly_table(store)
    assert table.years == [] and table.rows[0].note == "无任务" and table.totals.total == 0
    project = projects.create_project(store, unit)
    for stage in ("survey", "group", "site_survey", "design", "consultation", "notice", "approval"):
        projects.record_stage(store, project, stage, "2024-01-05",
                              {"permit_no": "P", "permit_date": "2024-01-05"} if stage == "approval" else {})
    projects.record_stage(store, project, "subsidy", "2024-02-01", {"amount_fen": 1, "status": "ok"})
    projects.record_stage(store, project, "pipes", "2024-02-02")
    projects.record_stage(store, project, "construction", "2024-03-01", {"contractor": "X"})
    table = stats.yearly_table(store)
    assert table.rows[0].under_construction == 1 and table.rows[0].total == 1 and table.years == []
    assert stats.yearly_table(store, "start").rows[0].by_year == {2024: 1}
    assert registry.unit_households(store, unit)
    with pytest.raises(Exception):
        report.export(table, stats.funnel(store), "本区", store.path.parent / "x.txt")
