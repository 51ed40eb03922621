"""pytest-qt: a tenant's own name typed while editing a saved meeting is kept — in the table of
attendees, through a second edit, and on the printed minutes (pdftotext)."""

import shutil
import subprocess

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from liftdesk.documents import generate
from liftdesk.people import ownership
from liftdesk.places import registry
from liftdesk.projects import meetings, projects
from ui import messages
from ui.app import init_app
from ui.dialogs.project_dialogs import MeetingDialog


def type_text(widget, text: str) -> None:
    """Key presses that carry their text, as an input method delivers Chinese (QTest sends Latin-1 only)."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def saved_meeting(store, unit):
    rows = registry.unit_households(store, unit)
    for n, row in enumerate(rows):
        ownership.set_owners(store, row.id, [f"业主{row.room}"], "")
    project = projects.create_project(store, unit)
    by_room = {r.room: r.id for r in rows}
    meeting = meetings.save_meeting(store, project, None, kind="consult", starts_at="2024-05-01 19:00",
                                    ends_at="2024-05-01 20:30", topic="议加梯方案",
                                    attendees=[(by_room["401"], "owner", ""), (by_room["402"], "owner", "")])
    return project, meeting, by_room


def _edit(qtbot, store, project, unit, meeting, room, role_code, name):
    """Open the saved meeting, pick the room in the list, its role and own name, 设为…, Save."""
    dialog = MeetingDialog(store, project, unit, meeting_id=meeting)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    item = next(dialog.attendees.item(n) for n in range(dialog.attendees.count())
                if dialog.attendees.item(n).data(MeetingDialog.LABEL_ROLE).startswith(room))
    dialog.attendees.scrollToItem(item)
    qtbot.mouseClick(dialog.attendees.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.attendees.visualItemRect(item).center())
    assert dialog.attendees.selectedItems() == [item]
    dialog.role.setFocus()
    while dialog.role.currentData() != role_code:
        qtbot.keyClick(dialog.role, Qt.Key.Key_Down)
    dialog.attendee_name.clear()
    type_text(dialog.attendee_name, name)
    apply_button = next(b for b in dialog.findChildren(type(dialog.box.buttons()[0])) if b.text() == "设为所选住户的到会身份")
    qtbot.mouseClick(apply_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.box.button(dialog.box.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.result() == 1
    return dialog


def test_a_tenants_name_typed_in_an_edit_is_kept_and_printed(qtbot, store, unit, saved_meeting, tmp_path,
                                                             monkeypatch):
    init_app("zh", 12)
    errors = []
    monkeypatch.setattr(messages, "error", lambda parent, text: errors.append(text))
    project, meeting, by_room = saved_meeting
    _edit(qtbot, store, project, unit, meeting, "402", "tenant", "王租客")
    assert errors == []
    present = {(a.room, a.role, a.name) for a in meetings.attendees(store, meeting)}
    assert present == {("401", "owner", "业主401"), ("402", "tenant", "王租客")}
    # a second edit of something else keeps the name; the table shows it again
    dialog = _edit(qtbot, store, project, unit, meeting, "401", "proxy", "李代理")
    present = {(a.room, a.role, a.name) for a in meetings.attendees(store, meeting)}
    assert present == {("401", "proxy", "李代理"), ("402", "tenant", "王租客")}
    again = MeetingDialog(store, project, unit, meeting_id=meeting)
    qtbot.addWidget(again)
    texts = [again.attendees.item(n).text() for n in range(again.attendees.count())]
    assert any(t.startswith("402") and "王租客（租户）" in t for t in texts), texts
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = tmp_path / "纪要.pdf"
    generate.print_document(store, "minutes", meeting, out)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "王租客（402 租户）" in text and "李代理（401 代理人）" in text
    assert "姓名未登记" not in text
    dialog.close()
