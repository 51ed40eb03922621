"""pytest-qt: a sale (过户) from the unit page's roster, typed and clicked like a helper would."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from liftdesk.consent import evaluation, positions
from liftdesk.common.settings import Settings
from liftdesk.people import ownership
from liftdesk.places import registry
from ui.app import init_app
from ui.dialogs.household_dialogs import TransferDialog
from ui.main_window import MainWindow


def test_the_household_dialogs_sale_ends_the_previous_owners_position(qtbot, store, unit, tmp_path, monkeypatch):
    init_app("zh", 12)
    rows = registry.unit_households(store, unit)
    hid = rows[11].id  # 602
    ownership.set_owners(store, hid, ["孙强"])
    positions.record_position(store, hid, "反对", on_date="2020-03-01", written=True)
    assert evaluation.unit_verdict(store, unit).totals["opposing_owners"] == 1
    window = MainWindow(store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_unit(unit)
    page = window.unit_page
    page.select_household(hid)

    dialog_day = []

    def exec_(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.owners.setFocus()
        dialog.owners.insert("周敏")  # what an input method commits (QTest cannot type Chinese)
        dialog.day.setFocus()
        qtbot.keyClick(dialog.day, Qt.Key.Key_Home)  # the year
        qtbot.keyClick(dialog.day, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.day, Qt.Key.Key_Down)  # sold two years ago
        dialog_day.append(dialog.day.date().toPython())
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        return dialog.result()
    monkeypatch.setattr(TransferDialog, "exec", exec_)
    page.transfer_action.trigger()
    assert registry.unit_households(store, unit)[11].owners == "周敏"
    sold = dialog_day[0]
    assert sold.year == date.today().year - 2 and ownership.last_transfer(store, hid) == (sold.isoformat(), "孙强")
    assert evaluation.unit_verdict(store, unit).totals["opposing_owners"] == 0
    assert f"602 已过户（{sold.isoformat()}），原业主意见不再计入" in page.summary.text()
    assert [r.position for r in positions.history(store, hid)] == ["oppose"]  # kept in the history
