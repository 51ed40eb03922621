"""走访清单 PDF: one unit, or every unit of a community that is 差 1–2 户, read back with pdftotext."""

import subprocess

import pytest

from liftdesk.consent import positions
from liftdesk.places import registry
from liftdesk.people import ownership
from liftdesk.documents import generate
from liftdesk.errors import LiftDeskError

from .test_cli_and_demo import cli

ADDRESS = "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元"


def _text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _roster(store, unit, signed):
    """12 owners with phones; `signed`: 'S'/'O'/'N' per household, in room order."""
    rows = registry.unit_households(store, unit)
    for n, (row, code) in enumerate(zip(rows, signed)):
        ownership.set_owners(store, row.id, [f"业主{n:02d}"], f"1380000{n:04d}")
        if code != "N":
            positions.record_position(store, row.id, {"S": "支持", "O": "反对"}[code], on_date="2024-03-01",
                                      written=True, form_no=f"F{n}")
    return rows


def test_one_units_visit_list(store, unit, tmp_path):
    rows = _roster(store, unit, "SSSSSOOONNNN")  # 8 vote, 5 agree: 5/8 < 3/4 → one opposer (6/8)
    positions.record_position(store, rows[9].id, "支持", method="phone", on_date="2024-04-01")
    done = generate.print_document(store, "visit-list", ADDRESS, tmp_path / "v.pdf")
    text = _text(done.path)
    assert done.serial.startswith("ZF-") and done.pages == 1
    assert "加装电梯走访清单" in text and "还差 1 位业主签字同意" in text
    assert "同意人数（占参与） 5 / 8 人，需达 3/4（6 人），还差 1 人" in text
    # the opposers are 302, 401, 402 (equal odds and area): the first by room is listed, with phone
    assert "302" in text and "业主05" in text and "13800000005" in text and "已签反对" in text


def test_every_close_unit_of_a_community(store, unit, tmp_path):
    _roster(store, unit, "SSSSSOOONNNN")  # 1 short
    building = store.db.execute("SELECT id FROM building").fetchone()[0]
    far = registry.add_unit(store, building, "2单元")
    registry.quick_create_households(store, far, 6, 2, "60")  # nobody asked: 8 short, not listed
    done = generate.print_document(store, "visit-list", "长庆街道/王马社区", tmp_path / "c.pdf")
    text = _text(done.path)
    assert "6幢1单元" in text and "6幢2单元" not in text
    street = store.db.execute("SELECT id FROM street").fetchone()[0]
    other = registry.add_community(store, street, "大关社区")
    estate = registry.add_estate(store, other, "东一小区")
    lone = registry.add_unit(store, registry.add_building(store, estate, "1幢", 6), "1单元")
    registry.quick_create_households(store, lone, 6, 2, "60")
    with pytest.raises(LiftDeskError, match="没有差 1–2 户的单元"):
        generate.build(store, "visit-list", "长庆街道/大关社区")


def test_the_cli_prints_a_visit_list(tmp_path):
    from .test_roster_import import HEADER, ROWS, write_csv

    db = tmp_path / "s.db"
    cli("--db", db, "import-roster", write_csv(tmp_path / "r.csv", [HEADER] + ROWS, "gbk"), "--unit",
        "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元", "--create")
    out = cli("--db", db, "print", "visit-list", "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元", "-o", tmp_path / "v.pdf")
    assert "ZF-" in out.stdout
    text = _text(tmp_path / "v.pdf")
    assert "黄杞财" in text and "13812345678" in text and "需核实" in text
    bad = cli("--db", db, "print", "visit-list", "长庆街道/无此社区", "-o", tmp_path / "none.pdf", check=False)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and not (tmp_path / "none.pdf").exists()
