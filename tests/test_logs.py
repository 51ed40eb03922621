"""The log file: rotating, in the data folder, owner-only, and never a resident's name or phone."""

import stat
import sys

import pytest
from hypothesis import given, strategies as st
from PySide6.QtCore import Qt

from liftdesk.people import erasure
from liftdesk.common import logs
from liftdesk.places import registry
from liftdesk.common.settings import Settings
from ui import messages
from ui.app import init_app
from ui.main_window import MainWindow

from PySide6.QtWidgets import QLineEdit
from shiboken6 import isValid

from .test_gui import _edit_cell

NAME, PHONE, NEW_PHONE = "司马晴川", "13912340000", "13955556666"


def test_redact_masks_phones_and_id_numbers_but_not_ids_or_counts():
    text = "phone 13912345678, +86 139-1234-5678, id 33010519500101123X, tel 0571-88881234"
    out = logs.redact(text)
    for secret in ("13912345678", "139-1234-5678", "33010519500101123X", "88881234"):
        assert secret not in out
    assert logs.redact("insert person: 12 change(s) 0192f0a1-7b2c") == "insert person: 12 change(s) 0192f0a1-7b2c"


def _type_cjk(qtbot, table, row, column, text):
    """F2, then the text as an input method delivers it (QTest cannot key in CJK), then Enter."""
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, column))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()][0]
    editor.selectAll()
    editor.insert(text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not isValid(editor) or not editor.isVisible())


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True), st.text(alphabet="abc 中文:=,", max_size=12),
       st.text(alphabet="abc 中文:=,", max_size=12))
def test_any_mobile_number_inside_a_message_is_masked(phone, before, after):
    assert phone not in logs.redact(before + phone + after)


@pytest.fixture
def logged(tmp_path):
    path = logs.setup_logging(tmp_path / "logs")
    yield path
    logs.close_logging(tmp_path / "logs")


def test_gui_actions_leave_a_log_without_the_residents_data(qtbot, store, unit, tmp_path, logged, monkeypatch):
    monkeypatch.setattr(messages, "confirm", lambda parent, text: True)
    monkeypatch.setattr(messages, "error", lambda parent, text: pytest.fail(text))
    init_app("zh", 12)
    household = registry.unit_households(store, unit)[0]
    w = MainWindow(store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.open_unit(unit)
    page = w.unit_page
    owners = page.model.COLUMNS.index("owners")
    _type_cjk(qtbot, page.table, 0, owners, NAME)                         # a new owner, typed in
    _edit_cell(qtbot, page.table, 0, page.model.COLUMNS.index("phones"), PHONE)
    assert registry.unit_households(store, unit)[0].owners == NAME
    w.search_box.setFocus()
    w.search_box.insert(NAME)                                            # searched by name and phone
    qtbot.keyClick(w.search_box, Qt.Key.Key_Return)
    w.search_box.clear()
    qtbot.keyClicks(w.search_box, PHONE[-4:])
    qtbot.keyClick(w.search_box, Qt.Key.Key_Return)
    w.open_unit(unit)
    _edit_cell(qtbot, page.table, 0, page.model.COLUMNS.index("phones"), NEW_PHONE)
    page.select_household(household.id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)                  # 清除个人信息
    assert registry.unit_households(store, unit)[0].owners == erasure.PURGED_NAME

    for handler in __import__("logging").getLogger().handlers:
        handler.flush()
    text = logged.read_text(encoding="utf-8")
    assert "insert person" in text and "update person" in text and "purged personal data" in text
    for secret in (NAME, PHONE, NEW_PHONE, PHONE[-4:] + " ", "司马"):
        assert secret not in text, secret
    if sys.platform != "win32":
        assert stat.S_IMODE(logged.stat().st_mode) == 0o600


def test_the_log_rotates(tmp_path, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    path = logs.setup_logging(tmp_path)
    try:
        for n in range(200):
            __import__("logging").getLogger("liftdesk.test").info("line %d of the rotation test", n)
    finally:
        logs.close_logging(tmp_path)
    rotated = sorted(p.name for p in tmp_path.iterdir())
    assert rotated == ["liftdesk.log", "liftdesk.log.1", "liftdesk.log.2", "liftdesk.log.3"]
    assert path.stat().st_size <= 2000
