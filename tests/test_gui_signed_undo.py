"""pytest-qt: signed forms are undo steps like spoken positions, keyed as a helper would —
1 on 201 (spoken), Shift+1 on 201, Shift+2 on 202; the Edit menu names the latest one and
Ctrl+Z takes back exactly that one. No error box on a bad entry: the dialog's own message."""

import pytest
from PySide6.QtCore import Qt

from liftdesk.consent import positions
from liftdesk.places import registry
from liftdesk.people import ownership
from liftdesk.common.settings import Settings
from ui import messages
from ui.app import init_app
from ui.dialogs import position_dialog
from ui.main_window import MainWindow

SHIFT, CTRL = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def shown(monkeypatch):
    """Every message box text, by kind; the crash box (程序出错) must never be among them."""
    seen = {"error": [], "info": []}
    monkeypatch.setattr(messages, "error", lambda parent, text: seen["error"].append(text))
    monkeypatch.setattr(messages, "info", lambda parent, text: seen["info"].append(text))
    return seen


@pytest.fixture
def window(qtbot, store, unit, tmp_path, shown):
    init_app("zh", 12)
    for n, row in enumerate(registry.unit_households(store, unit)):
        ownership.set_owners(store, row.id, [f"业主{n}"], "")
    w = MainWindow(store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.open_unit(unit)
    return w


def keyed(monkeypatch, qtbot, dialog_class, keys):
    """Let the real dialog open and run `keys(dialog)` (typing, Enter); returns what exec returns."""
    def exec_(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        keys(dialog)
        result = dialog.result()
        dialog.close()
        return result
    monkeypatch.setattr(dialog_class, "exec", exec_)


def current(store, page, room):
    household = next(r for r in page.model._rows if r.room == room)
    latest = positions.history(store, household.id)
    return (latest[0].position, latest[0].written) if latest else None


def test_spoken_then_two_signed_forms_are_three_undo_steps(qtbot, window, store, monkeypatch, shown):
    page = window.unit_page
    keyed(monkeypatch, qtbot, position_dialog.PositionDialog,
          lambda d: qtbot.keyClick(d, Qt.Key.Key_Return))
    page.select_room("201")
    qtbot.keyClick(page.table, Qt.Key.Key_1)
    number = iter(["S-1", "S-2"])
    keyed(monkeypatch, qtbot, position_dialog.SignedFormDialog,
          lambda d: (qtbot.keyClicks(d.form_no, next(number)), qtbot.keyClick(d.form_no, Qt.Key.Key_Return)))
    qtbot.keyClick(page.table, Qt.Key.Key_1, SHIFT)
    page.select_room("202")
    qtbot.keyClick(page.table, Qt.Key.Key_2, SHIFT)
    assert shown["error"] == []
    assert current(store, page, "201") == ("support", True) and current(store, page, "202") == ("oppose", True)
    window.update_undo_texts()
    assert window.undo_action.text() == "撤销：记录 202 的签字书面意见（反对）"
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert current(store, page, "202") is None and current(store, page, "201") == ("support", True)
    assert window.undo_action.text() == "撤销：记录 201 的签字书面意见（支持）"
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert current(store, page, "201") == ("support", False)
    assert window.undo_action.text() == "撤销：记录 201 的意见"
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL, )
    assert current(store, page, "201") is None
    for _ in range(3):
        qtbot.keyClick(window, Qt.Key.Key_Y, CTRL)
    assert current(store, page, "201") == ("support", True) and current(store, page, "202") == ("oppose", True)
    assert shown["error"] == []
