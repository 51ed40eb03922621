import json
import os
import subprocess
import sys

import pytest

from liftdesk.demo import demo
from liftdesk.places import places
from liftdesk.reports.published import read_street_table
from liftdesk.projects.stages import CURRENT_STAGE_SQL
from liftdesk.projects.units import PROJECT_UNITS_SQL
from liftdesk.store import open_store

from .conftest import ROOT, SMALL_DEMO, SMALL_STREETS


def cli(*args, check=True):
    """Runs main.py like a user would; HOME and the data folder are the test's own temp folder."""
    data = os.environ["LIFTDESK_DATA_DIR"]
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True,
                         text=True, cwd=ROOT, env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": data,
                                                   "LIFTDESK_DATA_DIR": data, "QT_QPA_PLATFORM": "offscreen"})
    if check:
        assert out.returncode == 0, out.stderr
    return out


@pytest.mark.slow
def test_demo_info_json_reports_the_district(demo_db):
    info = json.loads(cli("--db", demo_db, "info", "--json").stdout)
    assert info["streets"] == 18
    assert info["lift_projects"] == 997  # 1,000 lifts: 宏盛公寓's 四梯连装 is one project over four units
    assert info["units"] >= 6515
    assert info["households"] >= 80000
    assert info["people"] > 0 and info["helpers"] > 0
    assert info["schema_version"] >= 2


@pytest.mark.slow
def test_demo_projects_match_the_published_table_street_by_street(demo_db):
    store = open_store(demo_db)
    rows = store.db.execute(
        f"""SELECT s.name, cs.stage, substr(cs.on_date, 1, 4), count(*)
            FROM ({PROJECT_UNITS_SQL}) pu JOIN project p ON p.id = pu.project_id
            JOIN unit u ON u.id = pu.unit_id JOIN building b ON b.id = u.building_id
            JOIN estate e ON e.id = b.estate_id JOIN community c ON c.id = e.community_id
            JOIN street s ON s.id = c.street_id JOIN ({CURRENT_STAGE_SQL}) cs ON cs.project_id = p.id
            GROUP BY 1, 2, 3""").fetchall()
    got = {(r[0], r[1], int(r[2])): r[3] for r in rows}
    for street in read_street_table():
        for year, n in street.by_year.items():
            assert got.get((street.street, "handover", year), 0) == n, (street.street, year)
        assert sum(v for (s, st, _), v in got.items() if s == street.street and st == "construction") \
            == street.under_construction
    assert [n.name for n in places.children(store, "district", None)] == [r.street for r in read_street_table()]
    store.close()


@pytest.mark.slow
def test_every_written_form_in_the_demo_has_a_number_of_its_own(demo_db):
    store = open_store(demo_db, readonly=True)
    written, distinct = store.db.execute(
        "SELECT count(*), count(DISTINCT form_no) FROM position WHERE written = 1 AND deleted = 0").fetchone()
    store.close()
    assert written > 1000 and distinct == written  # a returned form is found again by its number


@pytest.mark.slow
def test_units_json_lists_addresses_and_projects(demo_db):
    units = json.loads(cli("--db", demo_db, "units", "--under", "潮鸣街道", "--json").stdout)
    assert units and all(u["street"] == "潮鸣街道" for u in units)
    assert sum(1 for u in units if u["lift_project"]) == 184
    one = next(u for u in units if u["lift_project"])
    assert one["address"].count("/") == 4 and one["stage"] in ("handover", "construction")
    assert one["households"] >= 10


def small_demo(monkeypatch):
    """Shrinks the demo to three streets so a test can build it twice in a second or two; the full
    district is built once per run by the `demo_db` fixture."""
    table = [row for row in demo.read_street_table() if row.street in SMALL_STREETS]
    monkeypatch.setattr(demo, "read_street_table", lambda: table)
    monkeypatch.setattr(demo, "CANDIDATE_UNITS", 40)


def test_demo_is_deterministic_for_a_seed(tmp_path, monkeypatch):
    small_demo(monkeypatch)
    a, b, c = (open_store(tmp_path / f"{n}.db") for n in "abc")
    for s, seed in ((a, 7), (b, 7), (c, 8)):
        demo.generate(s, seed=seed)
    query = "SELECT name, phone FROM person ORDER BY name, phone"
    assert a.db.execute(query).fetchall() == b.db.execute(query).fetchall()
    assert a.db.execute(query).fetchall() != c.db.execute(query).fetchall()
    assert places.counts(a) == places.counts(b)
    assert places.counts(a)["streets"] == 3
    for s in (a, b, c):
        s.close()


def test_demo_refuses_a_database_with_data(small_district_db):
    out = cli("--db", small_district_db, "demo", check=False)
    assert out.returncode == 2 and "已有数据" in out.stderr


def test_cli_refuses_a_file_that_is_not_a_database(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("hello")
    out = cli("--db", bad, "info", "--json", check=False)
    assert out.returncode == 2 and "不是 LiftDesk 数据库" in out.stderr
    assert bad.read_text() == "hello"


def test_cli_bad_address_is_a_clear_error(small_district_db):
    out = cli("--db", small_district_db, "units", "--under", "不存在街道", "--json", check=False)
    assert out.returncode == 2 and "不存在" in out.stderr
    out = cli("--lang", "en", "--db", small_district_db, "units", "--under", "不存在街道", check=False)
    assert "was not found" in out.stderr


FIRST_START = SMALL_DEMO


def test_a_screenshot_on_a_fresh_machine_builds_the_demo_in_its_own_file_showing_progress(tmp_path):
    """--screenshot with no database: nobody to ask at the first start, so the demo district is
    built in its own file (progress on stderr), marked as the demo; the real default database is
    never filled with it."""
    shot = tmp_path / "first.png"
    out = subprocess.run([sys.executable, "-c", FIRST_START, "--screenshot", str(shot)], capture_output=True,
                         text=True, cwd=ROOT, env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(tmp_path),
                                                   "LIFTDESK_DATA_DIR": str(tmp_path / "data"),
                                                   "QT_QPA_PLATFORM": "offscreen"}, timeout=300)
    assert out.returncode == 0, out.stderr
    assert shot.stat().st_size > 10_000
    assert "正在生成演示数据：100%" in out.stderr
    assert not (tmp_path / "data" / "liftdesk.db").exists()
    info = json.loads(cli("--db", tmp_path / "data" / "演示数据.db", "info", "--json").stdout)
    assert info["streets"] == 3 and info["lift_projects"] == 30 and info["demo"] is True


def test_screenshot_of_a_unit_page_by_address(small_district_db, tmp_path):
    unit = json.loads(cli("--db", small_district_db, "units", "--under", "半山街道", "--json").stdout)[0]["address"]
    shot = tmp_path / "unit.png"
    cli("--db", small_district_db, "--screenshot", shot, "--page", unit)
    assert shot.stat().st_size > 10_000
    out = cli("--db", small_district_db, "--screenshot", shot, "--page", "半山街道/无此社区/x/1幢/1单元", check=False)
    assert out.returncode == 2 and "不存在" in out.stderr
