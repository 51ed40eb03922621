"""pytest-qt, driven by clicks and typing: record an inspection on the 使用与维保 tab and see 今日 drop
the overdue entry; register an objection on the 异议 tab and see the move to 审批 refused, then
made with a recorded reason."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from liftdesk.common.settings import Settings
from liftdesk.projects import objections, projects
from liftdesk.upkeep import logbook
from ui import messages
from ui.app import init_app
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, store, tmp_path):
    init_app("zh", 12)
    w = MainWindow(store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


def _click_tab(qtbot, tabs, widget):
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tabs.indexOf(widget)).center())
    assert tabs.currentWidget() is widget


FAILED: list = []


def _in_dialog(qtbot, act):
    """Run ACT on the modal dialog as soon as it is open (a failure inside is reported afterwards,
    and the dialog closed, so the test never hangs on it)."""
    def run():
        dialog = QApplication.activeModalWidget()
        try:
            act(dialog)
            if dialog.isVisible():
                raise AssertionError("the dialog did not close")
        except BaseException as exc:  # noqa: BLE001 - re-raised by _check
            FAILED.append(exc)
            if dialog is not None:
                dialog.reject()
    QTimer.singleShot(0, run)


def _check():
    if FAILED:
        raise FAILED.pop()


def _ime(qtbot, edit, text: str) -> None:
    """Chinese text as an input method commits it (QTest cannot type characters outside Latin-1)."""
    from PySide6.QtGui import QInputMethodEvent

    qtbot.mouseClick(edit.viewport() if hasattr(edit, "viewport") else edit, Qt.MouseButton.LeftButton)
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def _save(qtbot, dialog):
    qtbot.mouseClick(dialog.box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_recording_an_inspection_drops_it_from_today(qtbot, window, store, unit):
    project = projects.start_project(store, unit)
    projects.record_stage(store, project, "survey", "2022-01-10")
    projects.record_stage(store, project, "handover", "2023-03-15", {"handover_on": "2023-03-15", "manager": "王"},
                          reason="补录")
    logbook.record_inspection(store, project, (date.today() - timedelta(days=400)).isoformat(), "passed")
    logbook.record_visit(store, project, (date.today() - timedelta(days=3)).isoformat(), "西奥")
    window.show_today()
    today = window.today_page
    assert [i.ref for i in today.models["upkeep"].items] == ["inspection"]
    assert today.models["upkeep"].items[0].days == 35
    view = today.views["upkeep"]
    cell = view.visualRect(view.model().index(0, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    with qtbot.waitSignal(today.open_project):
        qtbot.keyClick(view, Qt.Key.Key_Return)  # opens the project, as a double-click does
    page = window.project_page
    assert window.pages.currentWidget() is page
    _click_tab(qtbot, page.tabs, page.upkeep)
    assert "年检到期" in page.upkeep.due_label.text()

    def record(dialog):
        qtbot.keyClicks(dialog.certificate, "TSX-2026-0815")
        _save(qtbot, dialog)
    _in_dialog(qtbot, record)
    qtbot.mouseClick(page.upkeep.buttons["inspection"], Qt.MouseButton.LeftButton)
    _check()
    assert page.upkeep.inspection_model.items[0].certificate_no == "TSX-2026-0815"
    assert page.upkeep.due_label.isHidden()
    window.show_today()
    assert today.models["upkeep"].items == []


def test_an_open_objection_refuses_approval_until_a_reason_is_given(qtbot, window, store, unit, monkeypatch):
    errors = []
    monkeypatch.setattr(messages, "error", lambda parent, text: errors.append(text))
    project = projects.start_project(store, unit)
    projects.record_stage(store, project, "survey", "2024-01-10")
    projects.record_stage(store, project, "notice", (date.today() - timedelta(days=3)).isoformat(), reason="补录")
    window.open_project(project)
    page = window.project_page
    _click_tab(qtbot, page.tabs, page.objections)

    def register(dialog):
        _ime(qtbot, dialog.name, "邻楼 张先生")
        _ime(qtbot, dialog.content, "施工噪音影响休息")
        _save(qtbot, dialog)
    _in_dialog(qtbot, register)
    qtbot.mouseClick(page.objections.register_button, Qt.MouseButton.LeftButton)
    _check()
    assert [o.who for o in page.objections.model.items] == ["邻楼 张先生"]
    assert "1 条未办结" in page.objections.notice.text()
    _click_tab(qtbot, page.tabs, page.tabs.widget(0))

    def approve(dialog):
        assert dialog.stage.currentData() == "approval" and not dialog.override.isHidden()
        _ime(qtbot, dialog.detail_edits["permit_no"], "2026拱规许001号")
        qtbot.keyClicks(dialog.detail_edits["permit_date"], date.today().isoformat())
        _save(qtbot, dialog)  # refused: the objection is open
        assert dialog.isVisible()
        qtbot.mouseClick(dialog.box.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    _in_dialog(qtbot, approve)
    qtbot.mouseClick(page.stage_button, Qt.MouseButton.LeftButton)
    _check()
    assert len(errors) == 1 and "1 条异议未办结" in errors[0] and "张先生" in errors[0]
    assert projects.current_stage(store, project) == "notice"

    def approve_with_reason(dialog):
        _ime(qtbot, dialog.detail_edits["permit_no"], "2026拱规许001号")
        qtbot.keyClicks(dialog.detail_edits["permit_date"], date.today().isoformat())
        _ime(qtbot, dialog.override, "街道已书面答复")
        _save(qtbot, dialog)
    _in_dialog(qtbot, approve_with_reason)
    qtbot.mouseClick(page.stage_button, Qt.MouseButton.LeftButton)
    _check()
    assert projects.current_stage(store, project) == "approval"
    assert "街道已书面答复" in objections.register_of(store, project)[0].steps[-1].text


def test_joining_a_second_unit_makes_a_two_lift_project(qtbot, window, store, unit):
    from liftdesk.places import registry

    building = store.db.execute("SELECT building_id FROM unit WHERE id = ?", [unit]).fetchone()[0]
    second = registry.add_unit(store, building, "2单元")
    project = projects.start_project(store, unit)
    window.open_project(project)
    page = window.project_page

    def join(dialog):
        assert dialog.unit.currentData() == second
        _save(qtbot, dialog)
    _in_dialog(qtbot, join)
    qtbot.mouseClick(page.join_button, Qt.MouseButton.LeftButton)
    _check()
    assert "另含 1 个单元：6幢2单元" in page.summary.text()
    assert projects.project_of_unit(store, second) == project
