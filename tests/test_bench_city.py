"""benchmarks/bench_city.py builds its city right (issue 24): two small demo districts in one file,
the second's streets renamed and joined to the first district, every id kept, the file sound, and
a unit on a renamed street answers `consent`."""

import importlib.util
import json
import sqlite3
import subprocess
import sys

import pytest

from liftdesk.demo import demo

from .conftest import ROOT, SMALL_STREETS


@pytest.fixture
def bench_city(monkeypatch):
    spec = importlib.util.spec_from_file_location("bench_city", ROOT / "benchmarks" / "bench_city.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # importing builds nothing
    table = [row for row in demo.read_street_table() if row.street in SMALL_STREETS]
    monkeypatch.setattr(demo, "read_street_table", lambda: table)  # tiny districts, as the small fixture
    monkeypatch.setattr(demo, "CANDIDATE_UNITS", 20)
    return module


def test_two_districts_combine_into_one_sound_file(bench_city, tmp_path):
    path = bench_city.build_city(tmp_path / "city.db", scale=2)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM district WHERE deleted = 0").fetchone()[0] == 1
        streets = conn.execute("SELECT s.name, s.seq FROM street s JOIN district d ON d.id = s.district_id"
                               " WHERE d.deleted = 0 ORDER BY s.seq").fetchall()
        names = [n for n, _ in streets]
        assert len(names) == 6 and [seq for _, seq in streets] == list(range(1, 7))
        assert sorted(names[:3]) == sorted(SMALL_STREETS)
        assert sorted(names[3:]) == sorted("02区" + s for s in SMALL_STREETS)
        # the added district is another demo (another seed), not a copy: its own people and ids
        persons = conn.execute("SELECT count(*), count(DISTINCT id) FROM person").fetchone()
        assert persons[0] == persons[1] > 0
        first, second = (conn.execute("SELECT group_concat(p.name) FROM (SELECT p.name FROM person p JOIN ownership o"
                                      " ON o.person_id = p.id JOIN household h ON h.id = o.household_id JOIN unit u"
                                      " ON u.id = h.unit_id JOIN building b ON b.id = u.building_id JOIN estate e"
                                      " ON e.id = b.estate_id JOIN community c ON c.id = e.community_id JOIN street s"
                                      " ON s.id = c.street_id WHERE s.seq = ? ORDER BY p.name LIMIT 20) p",
                                      [seq]).fetchone()[0] for seq in (1, 4))
        assert first != second
        # every renamed street's new name is in its history, as any edit's is
        logged = conn.execute("SELECT count(*) FROM change_log WHERE tbl = 'street' AND field = 'name'"
                              " AND new LIKE '02区%'").fetchone()[0]
        assert logged == 3
    finally:
        conn.close()
    unit = bench_city.a_unit_address(path, "02区")
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(path), "consent", unit, "--json"],
                         capture_output=True, text=True, cwd=ROOT, env=bench_city._env(tmp_path))
    assert out.returncode == 0, out.stderr
    answer = json.loads(out.stdout)
    assert answer["address"] == unit and unit.startswith("02区") and answer["criteria"]


def test_the_table_has_a_column_per_scale(bench_city):
    text = bench_city.table({"1×": {"file_mb": 400.0, "search_median": 0.002}, "2×": {"file_mb": 800.0}})
    assert "| file size | 400 MB | 800 MB |" in text
    assert "| search median (core, off the UI thread) | 2 ms | — |" in text


def test_the_table_goes_between_the_marks_of_a_doc(bench_city, tmp_path):
    doc = tmp_path / "doc.md"
    doc.write_text("before\n<!-- city-table -->\nold\n<!-- /city-table -->\nafter\n", encoding="utf-8")
    bench_city.write_table(doc, "| measured | 1× |")
    assert doc.read_text(encoding="utf-8") == "before\n<!-- city-table -->\n| measured | 1× |\n<!-- /city-table -->\nafter\n"
