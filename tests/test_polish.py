"""Checks helpers asked for: phone numbers, room numbers against floors (core rule, GUI question),
the overview in the tree's order, English labels that read right on screen."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from liftdesk.places import places, registry
from liftdesk.people import ownership
from liftdesk.errors import ValidationError
from liftdesk.common.settings import Settings
from ui import messages
from ui.app import init_app, install_translations
from ui.main_window import MainWindow


@pytest.mark.parametrize("phone", ["13812345678", "138 1234 5678", "+86 138 1234 5678", "0571-87654321",
                                   "(0571) 8765 4321", "010-12345678", "87654321", "400-123-4567", ""])
def test_good_phones_are_kept(store, unit, phone):
    household = registry.unit_households(store, unit)[0].id
    ownership.set_owners(store, household, ["王芳"], phone)
    assert registry.unit_households(store, unit)[0].phones == phone.strip()


@pytest.mark.parametrize("phone", ["1381234567", "138123456789", "23812345678", "5678", "0571-1234", "123456",
                                   "123", "110", "12345"])  # a service number is nobody's own phone
def test_bad_phones_are_refused_in_chinese(store, unit, phone):
    household = registry.unit_households(store, unit)[0].id
    with pytest.raises(ValidationError, match="11 位手机号"):
        ownership.set_owners(store, household, ["王芳"], phone)
    assert registry.unit_households(store, unit)[0].owners == ""


def test_room_numbers_that_name_another_floor_raise_a_question():
    assert registry.floor_of_room("701") == 7 and registry.floor_of_room("1203") == 12
    assert registry.floor_of_room("2-501") == 5 and registry.floor_of_room("A") is None
    assert registry.room_floor_doubt("701", 7, 7) is None
    assert "通常在 7 层" in registry.room_floor_doubt("701", 1, 6) and "只有 6 层" in registry.room_floor_doubt("701", 1, 6)
    assert "填写的是 2 层" in registry.room_floor_doubt("101", 2, 6)
    assert registry.room_floor_doubt("东户", 1, 6) is None


def test_add_household_asks_before_saving_701_on_floor_1(qtbot, store, unit, tmp_path, monkeypatch):
    init_app("zh", 12)
    asked = []
    answers = iter([False, True])
    monkeypatch.setattr(messages, "confirm", lambda parent, text: asked.append(text) or next(answers))
    monkeypatch.setattr(messages, "error", lambda parent, text: pytest.fail(text))
    from ui.dialogs.household_dialogs import AddHouseholdDialog

    dialog = AddHouseholdDialog(store, unit, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.room.setFocus()
    qtbot.keyClicks(dialog.room, "701")
    qtbot.keyClicks(dialog.area, "60")
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # "no": nothing saved, the dialog stays
    assert len(asked) == 1 and "701" in asked[0] and dialog.isVisible()
    assert len(registry.unit_households(store, unit)) == 12
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # "yes": saved as typed
    assert [h.floor for h in registry.unit_households(store, unit) if h.room == "701"] == [1]


def test_overview_lists_units_in_the_tree_order(store, unit):
    building = store.db.execute("SELECT estate_id FROM building").fetchone()[0]
    for name in ("10幢", "2幢"):
        registry.add_unit(store, registry.add_building(store, building, name, 6), "1单元")
    listed = [u.address.building for u in places.list_units(store, "长庆街道")]
    tree = [n.name for n in places.children(store, "estate", building)]
    assert listed == tree == ["2幢", "6幢", "10幢"]


def test_english_button_has_no_stray_mnemonic(qtbot, store, unit, tmp_path):
    init_app("en", 12)
    try:
        w = MainWindow(store, Settings(tmp_path / "s.json"))
        qtbot.addWidget(w)
        text = w.unit_page.project_button.text()
        assert "&" not in text.replace("&&", ""), text
    finally:
        install_translations(QApplication.instance(), "zh")


def test_street_overview_page_shows_the_tree_order(qtbot, store, unit, tmp_path):
    init_app("zh", 12)
    estate = store.db.execute("SELECT estate_id FROM building").fetchone()[0]
    for name in ("10幢", "2幢"):
        registry.add_unit(store, registry.add_building(store, estate, name, 6), "1单元")
    w = MainWindow(store, Settings(tmp_path / "s.json"))
    qtbot.addWidget(w)
    w.open_overview("street", store.db.execute("SELECT id FROM street").fetchone()[0])
    table = w.overview_page.table
    assert [table.model().index(r, 2).data() for r in range(table.model().rowCount())] == ["2幢", "6幢", "10幢"]


def test_screenshot_size_and_font_size_options(tmp_path, store, unit):
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    from .conftest import ROOT

    from liftdesk.projects import projects

    projects.create_project(store, unit)
    store.close()
    db = tmp_path / "station.db"
    out = tmp_path / "unit.png"
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "--screenshot", str(out),
                          "--page", "meeting", "--size", "1366x768", "--font-size", "16"],
                         capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "not inside the screen" not in run.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)
    bad = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "--screenshot", str(out),
                          "--size", "13x7"], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert bad.returncode == 2 and "宽x高" in bad.stderr
