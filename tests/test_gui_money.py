"""方案与费用 driven as a helper would: pick a scheme with the keyboard, type a payment into the dialog."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from liftdesk.money import funding
from liftdesk.projects import projects
from ui.pages.money_panel import MoneyPanel


def _shares(panel):
    return {s.flat.room: s.amount_fen for s in panel.share_model.items}


def test_scheme_change_updates_shares_and_chart_and_a_payment_lowers_what_is_owed(qtbot, store, unit):
    project = projects.create_project(store, unit)
    funding.save_funding_plan(store, project, total_fen=56_000_000, subsidy_fen=20_000_000, scheme="area")
    panel = MoneyPanel(store)
    qtbot.addWidget(panel)
    panel.show_project(project, unit)
    panel.resize(1200, 900)
    panel.show()
    assert _shares(panel)["101"] == 3_000_000
    chart_before = list(panel.chart.values)

    panel.scheme.setFocus()
    # area → beijing-2022 is the next entry (alphabetical ids): one Down key chooses it
    qtbot.keyClick(panel.scheme, Qt.Key.Key_Down)
    assert panel.scheme.currentData() == "beijing-2022"
    assert funding.funding_plan(store, project).scheme == "beijing-2022"
    assert _shares(panel)["101"] == 0 and _shares(panel)["601"] == 6_061_225
    assert panel.chart.values != chart_before and panel.chart.values[-1] == 2 * 6_061_225 // 100

    row = next(n for n, b in enumerate(panel.balance_model.items) if b.room == "601")
    panel.balance_view.selectRow(row)
    owed_before = panel.balance_model.items[row].outstanding_fen

    def fill():
        dialog = QApplication.activeModalWidget()
        qtbot.keyClicks(dialog.amount, "10000.50")
        qtbot.keyClicks(dialog.receipt, "SK-001")
        qtbot.mouseClick(dialog.box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(panel.pay_button, Qt.MouseButton.LeftButton)
    after = next(b for b in panel.balance_model.items if b.room == "601")
    assert after.outstanding_fen == owed_before - 1_000_050
    assert "SK-001" in [p.receipt_no for p in panel.payment_model.items]
    assert "已缴 ¥10,000.50" in panel.totals.text()
