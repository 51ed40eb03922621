"""pytest-qt, real clicks: the first start → 新建空数据库 → places → a roster imported → a
position recorded; 文件 → 最近打开 and 另存副本; the demo named in the title bar."""

from __future__ import annotations

import sqlite3
from argparse import Namespace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu

from liftdesk.common.paths import default_db_path
from liftdesk.common.settings import Settings
from liftdesk.consent import positions
from liftdesk.places import registry
from liftdesk.store import files, open_store, purpose
from ui import app as ui_app, messages
from ui.dialogs import position_dialog
from ui.dialogs.database_dialogs import FirstStartDialog
from ui.dialogs.import_dialog import ImportRosterDialog

from .test_gui_import import _roster

# menus opened offscreen: the platform cannot raise them or grab the keyboard (harmless there)
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")


@pytest.fixture
def quiet(monkeypatch):
    """No backups on worker threads behind the test's back; messages collected, not shown."""
    said = {"info": [], "error": []}
    monkeypatch.setattr(ui_app, "start_backup", lambda path, **kw: None)
    monkeypatch.setattr(messages, "info", lambda parent, text: said["info"].append(text))
    monkeypatch.setattr(messages, "error", lambda parent, text: said["error"].append(text))
    return said


@pytest.fixture
def workbench(qtbot, quiet):
    ui_app.init_app("zh", 12)
    bench = ui_app.Workbench(Settings())
    yield bench
    if bench.window is not None:
        bench.window.close()
    bench.close()


def click_menu(qtbot, menu: QMenu, text: str) -> None:
    """Open MENU and click the entry whose text starts with TEXT, as a mouse would."""
    menu.popup(QPoint(10, 10))
    qtbot.waitExposed(menu)
    action = next((a for a in menu.actions() if a.text().startswith(text)), None)
    assert action is not None, [a.text() for a in menu.actions()]
    assert action.isEnabled(), text
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def file_menu(window) -> QMenu:
    return next(a.menu() for a in window.menuBar().actions() if a.text().startswith("文件"))


def choose_at_first_start(monkeypatch, qtbot, button: str) -> None:
    def exec_(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.mouseClick(getattr(dialog, button), Qt.MouseButton.LeftButton)
        return dialog.result()
    monkeypatch.setattr(FirstStartDialog, "exec", exec_)


def answers(monkeypatch, *texts: str, floors: int = 6) -> None:
    queue = list(texts)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (queue.pop(0), True))
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (floors, True))


def test_first_start_new_empty_database_then_a_roster_then_a_position(qtbot, workbench, quiet, monkeypatch, tmp_path):
    choose_at_first_start(monkeypatch, qtbot, "new_button")
    assert ui_app.database_at_start(workbench.settings) is None  # nothing yet: the question is asked
    assert ui_app.first_start(workbench)
    window = workbench.window
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert workbench.store.path == default_db_path()
    assert "liftdesk.db" in window.windowTitle() and "演示" not in window.windowTitle()
    assert workbench.store.db.execute("SELECT count(*) FROM street").fetchone() == (0,)  # empty: no demo
    assert ui_app.database_at_start(Settings()) == default_db_path().resolve()  # opened again next time

    # places, through the menus a helper uses: 文件 → 新增街道…, then the tree's context menu
    answers(monkeypatch, "长庆街道", "王马社区", "遥祥寺巷小区", "6幢", "1单元")
    click_menu(qtbot, file_menu(window), "新增街道")
    for child in ("新增社区", "新增小区", "新增楼栋", "新增单元"):
        tree = window.tree
        index = tree.model().index(0, 0)
        while True:  # the deepest place made so far (the tree loads children when asked)
            if tree.model().canFetchMore(index):
                tree.model().fetchMore(index)
            if not tree.model().rowCount(index):
                break
            index = tree.model().index(0, 0, index)
        click_menu(qtbot, window.place_menu(index), child)
    assert window.pages.currentWidget() is window.unit_page
    unit_id = window.unit_page.unit_id

    # the roster, through the import dialog as it is
    src = _roster(tmp_path / "名册.xlsx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(src), ""))

    def import_exec(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        return dialog.result()
    monkeypatch.setattr(ImportRosterDialog, "exec", import_exec)
    qtbot.mouseClick(window.unit_page.import_button, Qt.MouseButton.LeftButton)
    assert quiet["error"] == [] and quiet["info"] and quiet["info"][0].startswith("已导入")
    rooms = {h.room: h for h in registry.unit_households(workbench.store, unit_id)}
    assert {"101", "102", "103", "203"} <= set(rooms)

    # a position, by the keyboard on the unit's table
    def position_exec(dialog):
        dialog.show()
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
        return dialog.result()
    monkeypatch.setattr(position_dialog.PositionDialog, "exec", position_exec)
    page = window.unit_page
    assert positions.history(workbench.store, rooms["103"].id) == []  # 103室 gave no view on the roster
    page.select_room("103")
    qtbot.keyClick(page.table, Qt.Key.Key_1)
    assert quiet["error"] == []
    assert [p.position for p in positions.history(workbench.store, rooms["103"].id)] == ["support"]


def test_recent_databases_and_a_copy_from_the_file_menu(qtbot, workbench, quiet, monkeypatch, tmp_path):
    first = files.create_database(tmp_path / "甲.db")
    second = files.create_database(tmp_path / "乙.db")
    assert workbench.open(second) and workbench.open(first)
    window = workbench.window
    window.show()
    qtbot.waitExposed(window)
    assert "甲.db" in window.windowTitle()
    # 最近打开 lists the other one; a click opens it in a new window, the old one goes
    assert any(a.menu() is window.recent_menu for a in file_menu(window).actions())
    click_menu(qtbot, window.recent_menu, "乙.db")  # the submenu, opened where the mouse points
    assert [a.text().split("  —  ")[0] for a in window.recent_menu.actions()] == ["乙.db"]
    assert workbench.window is not window and "乙.db" in workbench.window.windowTitle()
    window = workbench.window
    qtbot.waitExposed(window)
    assert workbench.store.path == second

    # 另存副本…: a checked copy beside it, made on a worker
    registry.add_street(workbench.store, registry.default_district(workbench.store), "米市巷街道")
    target = tmp_path / "乙-副本.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    click_menu(qtbot, file_menu(window), "另存副本")
    qtbot.waitUntil(lambda: bool(quiet["info"] or quiet["error"]), timeout=10_000)
    assert quiet["error"] == [] and str(target) in quiet["info"][0]
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("SELECT name FROM street WHERE deleted = 0").fetchall() == [("米市巷街道",)]
    finally:
        conn.close()
    # a second copy to the same name is refused, nothing overwritten
    click_menu(qtbot, file_menu(window), "另存副本")
    qtbot.waitUntil(lambda: bool(quiet["error"]), timeout=10_000)
    assert "已存在" in quiet["error"][0]


def test_the_demo_is_named_in_the_title_bar(qtbot, workbench, tmp_path):
    path = tmp_path / "演示.db"
    store = open_store(path)
    purpose.mark_demo(store)
    store.close()
    assert workbench.open(path)
    qtbot.addWidget(workbench.window)
    assert "演示 — 演示.db" in workbench.window.windowTitle()


def test_a_refused_file_keeps_the_open_database(qtbot, workbench, quiet, tmp_path):
    good = files.create_database(tmp_path / "good.db")
    assert workbench.open(good)
    window = workbench.window
    qtbot.addWidget(window)
    bad = tmp_path / "bad.db"
    bad.write_text("not a database")
    workbench.switch(str(bad))
    assert workbench.window is window and workbench.store.path == good
    assert quiet["error"] and "bad.db" in quiet["error"][0]


def test_parse_args_of_the_gui_know_the_first_start_page():
    assert "first-start" in ui_app.SCREENSHOT_PAGES
    assert isinstance(ui_app.build_parser().parse_args(["--page", "first-start"]), Namespace)


def test_a_copy_of_an_enrolled_database_says_it_carries_the_keys(qtbot, workbench, quiet, monkeypatch, tmp_path):
    from liftdesk.sync import enrol

    from .sync_helpers import PASSPHRASE

    path = files.create_database(tmp_path / "district.db")
    store = open_store(path)
    enrol.district_init(store, PASSPHRASE)
    store.close()
    assert workbench.open(path)
    window = workbench.window
    window.show()
    qtbot.waitExposed(window)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "copy.db"), ""))
    click_menu(qtbot, file_menu(window), "另存副本")
    qtbot.waitUntil(lambda: bool(quiet["info"] or quiet["error"]), timeout=10_000)
    assert quiet["error"] == [] and "同步身份和密钥" in quiet["info"][0]


def test_first_start_demo_is_built_in_its_own_file_with_progress_and_named_in_the_title(
        qtbot, workbench, quiet, monkeypatch):
    from PySide6.QtWidgets import QProgressDialog

    from liftdesk.demo import demo
    from ui.dialogs.database_dialogs import demo_db_path

    table = [row for row in demo.read_street_table() if row.street == "半山街道"]
    monkeypatch.setattr(demo, "read_street_table", lambda: table)  # one street: seconds, not a minute
    monkeypatch.setattr(demo, "CANDIDATE_UNITS", 5)
    shown = []
    monkeypatch.setattr(QProgressDialog, "setValue", lambda self, value: shown.append((self.isVisible(), value)))
    choose_at_first_start(monkeypatch, qtbot, "demo_button")
    assert ui_app.first_start(workbench)
    qtbot.addWidget(workbench.window)
    assert workbench.store.path == demo_db_path() and not default_db_path().exists()
    assert purpose.is_demo(workbench.store) and "演示" in workbench.window.windowTitle()
    assert shown and all(visible for visible, _ in shown) and shown[-1][1] == 100
