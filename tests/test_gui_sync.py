"""The 数据同步 page driven like a person would: menu shortcut, buttons, dialogs patched."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QToolBar

from liftdesk.consent import positions
from liftdesk.places import registry
from liftdesk.common.settings import Settings
from liftdesk.sync import status
from ui import messages
from ui.app import init_app, install_translations
from ui.main_window import MainWindow

from tests.sync_helpers import PASSPHRASE, World


@pytest.fixture
def world(tmp_path):
    w = World(tmp_path)
    s = w.add_station("长庆站")
    h = w.ids["households"]
    registry.update_household(s, h[0], "area", "61.5")
    registry.update_household(w.district, h[0], "area", "62.25")
    positions.record_position(s, h[1], "支持")
    yield w
    w.close()


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(messages, "error", lambda parent, text: shown.append(text))
    return shown


def _window(qtbot, store, tmp_path):
    app = init_app("zh", 12)
    w = MainWindow(store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return app, w


def test_station_exports_and_district_imports_with_preview(qtbot, world, tmp_path, monkeypatch, errors):
    app, sw = _window(qtbot, world.stations["长庆站"], tmp_path)
    qtbot.mouseClick(sw.findChild(QToolBar).widgetForAction(sw.sync_action), Qt.MouseButton.LeftButton)
    page = sw.sync_page
    assert sw.pages.currentWidget() is page and page.export_button.isVisible()
    target = tmp_path / "第2号.liftsync"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(page.task_done, timeout=20000):
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert target.exists() and not errors
    assert page.history_model.rowCount() >= 2
    sw.close()

    app, dw = _window(qtbot, world.district, tmp_path)
    dw.show_sync()
    page = dw.sync_page
    assert page.import_button.isVisible() and not page.export_button.isVisible()
    shown = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (PASSPHRASE, True))
    monkeypatch.setattr(messages, "confirm", lambda parent, text: shown.append(text) or True)
    with qtbot.waitSignal(page.data_changed, timeout=30000):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.progress.isHidden(), timeout=10000)
    assert not errors
    assert "新增 1，更新 0，冲突 1，待审 0，拒绝 0" in shown[0] and "指纹" in shown[0]
    assert page.last_result.counts.conflicts == 1
    assert page.conflict_model.rowCount() == 1
    assert page.tabs.tabText(1) == "冲突（1）"
    install_translations(app, "zh")


def test_conflict_side_by_side_keep_theirs_and_manual(qtbot, world, tmp_path, monkeypatch, errors):
    world.deliver(world.export("长庆站"))
    hid = world.ids["households"][0]
    app, w = _window(qtbot, world.district, tmp_path)
    w.show_sync()
    page = w.sync_page
    page.tabs.setCurrentIndex(1)
    assert page.mine_value.text() == "62.25 m²" and page.theirs_value.text() == "61.50 m²"
    qtbot.mouseClick(page.keep_theirs, Qt.MouseButton.LeftButton)
    assert world.district.db.execute("SELECT area_x100 FROM household WHERE id = ?", [hid]).fetchone()[0] == 6150
    assert page.conflict_model.rowCount() == 0 and not page.keep_mine.isEnabled()

    # a second round: the district edits again, the station too → resolve by typing a value
    s = world.stations["长庆站"]
    world.send_receipt("长庆站")
    registry.update_household(s, hid, "area", "60")
    registry.update_household(world.district, hid, "area", "64")
    world.deliver(world.export("长庆站"))
    page.refresh()
    assert page.conflict_model.rowCount() == 1
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("63.5", True))
    qtbot.mouseClick(page.keep_manual, Qt.MouseButton.LeftButton)
    assert not errors
    assert world.district.db.execute("SELECT area_x100 FROM household WHERE id = ?", [hid]).fetchone()[0] == 6350
    install_translations(app, "zh")


def test_district_overview_shows_freshness(qtbot, world, tmp_path):
    world.deliver(world.export("长庆站"))
    world.district.db.execute("UPDATE sync_file SET at = '2020-01-01T00:00:00.000Z'")  # long silent
    app, w = _window(qtbot, world.district, tmp_path)
    toolbar = w.findChild(QToolBar)
    qtbot.mouseClick(toolbar.widgetForAction(w.district_action), Qt.MouseButton.LeftButton)
    assert w.pages.currentWidget() is w.district_page
    page = w.district_page
    page.tabs.setCurrentIndex(3)
    model = page.freshness_model
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    r = rows["长庆街道"]
    assert model.index(r, 2).data().startswith("最后收到：") and "天前" in model.index(r, 2).data()
    assert model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(rows["米市巷街道"], 2).data() == "尚无工作站"
    assert model.index(rows["米市巷街道"], 0).data(Qt.ItemDataRole.BackgroundRole) is None
    fresh = status.freshness(world.district)
    assert [f.stale for f in fresh if f.street == "长庆街道"] == [True]
    install_translations(app, "zh")


def test_import_with_wrong_passphrase_shows_the_reason(qtbot, world, tmp_path, monkeypatch, errors):
    target = tmp_path / "b.liftsync"
    target.write_bytes(world.export("长庆站"))
    app, w = _window(qtbot, world.district, tmp_path)
    w.show_sync()
    page = w.sync_page
    before = page.history_model.rowCount()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("wrong passphrase", True))
    with qtbot.waitSignal(page.task_done, timeout=30000):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert errors and "口令不对" in errors[0] and "Traceback" not in errors[0]
    assert page.history_model.rowCount() == before  # nothing imported
    install_translations(app, "zh")


def test_a_stations_tree_offers_no_edits_outside_its_scope(qtbot, tmp_path):
    """Seeded with the whole district, a station sees every place but may change only its own:
    the tree's menu greys the rest out and says why."""
    import shutil

    from liftdesk.store import open_store
    from liftdesk.sync import enrol
    from tests.sync_helpers import district_with_street

    district_with_street(tmp_path / "district.db")
    shutil.copy(tmp_path / "district.db", tmp_path / "station.db")
    from tests.sync_helpers import fresh_identity
    fresh_identity(tmp_path / "station.db")
    d = open_store(tmp_path / "district.db")
    public, _ = enrol.district_init(d, PASSPHRASE)
    d.close()
    s = open_store(tmp_path / "station.db")
    enrol.station_init(s, "王马站", public, "长庆街道/王马社区")
    _, w = _window(qtbot, s, tmp_path)
    model = w.tree.model()

    def menu_of(name):
        found = model.match(model.index(0, 0), Qt.ItemDataRole.DisplayRole, name, 1,
                            Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly)
        assert found, name
        actions = [a for a in w.place_menu(found[0]).actions() if not a.isSeparator()]
        return {a.text(): a.isEnabled() for a in actions}

    w.tree.expandAll()
    other = menu_of("米市巷街道")
    assert not any(enabled for text, enabled in other.items()) and any("不在本站范围" in t for t in other)
    assert not any(menu_of("长庆街道").values())  # above the scope: read-only too
    own = menu_of("王马社区")
    assert own == {"新增小区…": True, "改名…": True, "删除（移入回收站）": True}
    s.close()
