"""pytest-qt: dialogs at large type on a 1366×768 screen — the meeting dialog shows 6+ attendee
rows at 20 pt with its buttons in view, the stage dialog's reason placeholder is whole, the
settings fields are wide enough to read; Qt's own file dialog speaks Chinese."""

import re

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QFileDialog, QLabel, QLineEdit

from liftdesk.common.settings import Settings
from liftdesk.people import ownership
from liftdesk.places import registry
from liftdesk.projects import projects
from ui import screen
from ui.app import init_app
from ui.dialogs.project_dialogs import MeetingDialog, StageDialog
from ui.dialogs.settings_dialog import SettingsDialog


@pytest.fixture
def at_20pt(qtbot):
    init_app("zh", 20)
    screen.set_screen_size(QSize(1366, 768))
    yield
    screen.set_screen_size(None)
    init_app("zh", 12)


def _show(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _inside(dialog, widget) -> bool:
    rect = QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())
    return dialog.rect().contains(rect)


def test_the_meeting_dialog_shows_six_attendee_rows_at_20_pt(qtbot, store, unit, at_20pt):
    for row in registry.unit_households(store, unit):
        ownership.set_owners(store, row.id, [f"业主{row.room}"], "")
    project = projects.create_project(store, unit)
    dialog = _show(qtbot, MeetingDialog(store, project, unit))
    assert dialog.width() <= 1366 and dialog.height() <= 768
    view = dialog.attendees
    whole = [n for n in range(view.count())
             if view.viewport().rect().contains(view.visualItemRect(view.item(n)))]
    assert len(whole) >= 6
    assert _inside(dialog, view) and _inside(dialog, dialog.box.button(dialog.box.StandardButton.Save))
    for text, owner, due in dialog.followups:  # the follow-ups on their tab, not below the fold
        dialog.sections.setCurrentIndex(1)
        assert _inside(dialog, text) and _inside(dialog, due) and text.isVisible()


def test_the_stage_reason_placeholder_is_whole_at_20_pt(qtbot, store, unit, at_20pt):
    project = projects.create_project(store, unit)
    dialog = _show(qtbot, StageDialog(store, project))
    reason = dialog.reason
    needed = reason.fontMetrics().horizontalAdvance(reason.placeholderText())
    assert reason.width() - 2 * reason.fontMetrics().horizontalAdvance(" ") >= needed
    assert _inside(dialog, reason)


def test_the_settings_fields_are_readable_at_20_pt(qtbot, tmp_path, at_20pt):
    dialog = _show(qtbot, SettingsDialog(Settings(tmp_path / "s.json")))
    em = dialog.fontMetrics().horizontalAdvance("中")
    for field in dialog.findChildren(QLineEdit):
        if field.isVisible():
            assert field.width() >= em * 12 and _inside(dialog, field)
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.text():
            assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width() + 1, label.text()


def test_qts_file_dialog_speaks_chinese(qtbot):
    init_app("zh", 12)
    dialog = QFileDialog(None, "导出名册")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    _show(qtbot, dialog)
    texts = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
    texts += [t for b in dialog.findChildren(QAbstractButton) if b.isVisible() for t in (b.text(), b.toolTip())]
    texts += [c.itemText(i) for c in dialog.findChildren(QComboBox) if c.isVisible() and not c.isEditable()
              for i in range(c.count())]
    assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts
    english = [t for t in texts if re.search("[A-Za-z]{2,}", t.replace("&", "")) and "/" not in t]
    assert english == []
    dialog.reject()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
