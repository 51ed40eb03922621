"""pytest-qt: importing an office roster from the unit page, with real clicks, ends with a summary."""

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from liftdesk.places import registry
from liftdesk.common.settings import Settings
from ui import messages
from ui.app import init_app
from ui.dialogs.import_dialog import ImportRosterDialog
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, store, unit, tmp_path):
    init_app("zh", 12)
    w = MainWindow(store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _roster(path):
    wb = Workbook()
    ws = wb.active
    ws.append(["遥祥寺巷小区6幢1单元 加装电梯业主意见统计表（2024年3月）"])
    ws.merge_cells("A1:H1")
    ws.append(["社区：王马社区", None, None, "填报日期：2024-03-15"])
    ws.append(["序号", "房号", "所在楼层", "产权面积", "产权人", "联系电话", "是否同意", "签字确认"])
    ws.append([1, 101.0, 1, 63.5, "黄杞财", "13812345678", "同意", "是"])
    ws.append([2, "１０２", 1, 60, "李美玲", None, "不同意", "是"])
    ws.append([3, "103室", 1, 58.2, "王芳", None, None, None])
    ws.append([4, 203, 2, 58.2, "王芳", None, "同意", None])
    ws.append(["合计", None, None, "=SUM(D4:D7)"])
    ws.append([None])
    ws.append(["制表人：张伟"])
    ws.append(["审核：李主任"])
    wb.save(path)
    return path


def test_import_from_the_unit_page_ends_with_a_summary(qtbot, window, store, unit, tmp_path, monkeypatch):
    src = _roster(tmp_path / "名册.xlsx")
    shown, errors = [], []
    monkeypatch.setattr(messages, "info", lambda parent, text: shown.append(text))
    monkeypatch.setattr(messages, "error", lambda parent, text: errors.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(src), ""))
    seen = {}

    def exec_(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        seen["report"] = dialog.report.toPlainText()
        seen["mapping"] = dialog.combos["面积"].currentText()
        box = dialog.merge_checks["王芳"]
        assert box.isVisible() and "103、203" in box.text()
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # one 王芳, they know
        assert box.isChecked()
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        return dialog.result()
    monkeypatch.setattr(ImportRosterDialog, "exec", exec_)

    window.open_unit(unit)
    qtbot.mouseClick(window.unit_page.import_button, Qt.MouseButton.LeftButton)
    assert not errors
    assert seen["mapping"] == "产权面积"
    assert "表头在第 3 行" in seen["report"] and "跳过第 8 行（合计）" in seen["report"]
    assert shown == ["已导入 4 户：新增 2、更新 2、跳过 5 行（标题、说明、合计、制表人、审核）\n"
                     "名册中没有：201、202、301、302、401、402、501、502、601、602，未作改动（1单元）。"]
    rows = {r.room: r for r in registry.unit_households(store, unit)}
    assert len(rows) == 14 and rows["102"].area_x100 == 6000 and rows["101"].area_x100 == 6350
    assert rows["103"].owners == rows["203"].owners == "王芳"
    assert store.db.execute("SELECT count(*) FROM person WHERE name = '王芳' AND deleted = 0").fetchone()[0] == 1
    assert window.unit_page.model.rowCount() == 14


def _two_sheets(path):
    wb = Workbook()
    one = wb.active
    one.title = "1单元"
    one.append(["房号", "所在楼层", "建筑面积（㎡）", "产权人", "同意", "不同意", "签字确认"])
    for n in range(1, 10):
        room = f"{(n + 1) // 2}0{2 - n % 2}"
        one.append([room, room[0], 63.5, f"业主{n}", "✓" if n % 3 else None, None if n % 3 else "√", "是"])
    one.row_dimensions[3].hidden = True  # 102 hidden
    two = wb.create_sheet("2单元")
    two.append(["房号", "面积", "业主"])
    two.append(["101", 70, "别的单元"])
    wb.save(path)
    return path


def test_the_dialog_takes_the_units_sheet_and_shows_each_change_before_importing(qtbot, store, unit, tmp_path):
    init_app("zh", 20)
    from PySide6.QtCore import QSize
    from ui import screen
    screen.set_screen_size(QSize(1366, 768))
    try:
        dialog = ImportRosterDialog(store, "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元")
        qtbot.addWidget(dialog)
        assert dialog.load_file(_two_sheets(tmp_path / "r.xlsx"))
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.sheet_combo.isVisible() and dialog.sheet_combo.currentText() == "1单元"
        # at 20 pt on 1366×768: the dialog fits, a combo shows a whole office header, 8+ preview rows
        assert dialog.frameGeometry().height() <= 768 and dialog.width() <= 1366
        combo = dialog.combos["面积"]
        assert combo.currentText() == "建筑面积（㎡）"
        assert combo.width() >= combo.fontMetrics().horizontalAdvance("建筑面积（㎡）")
        qtbot.mouseClick(dialog.tabs.tabBar(), Qt.MouseButton.LeftButton,
                         pos=dialog.tabs.tabBar().tabRect(0).center())
        rows = dialog.preview.verticalHeader()
        assert dialog.preview.viewport().height() >= 8 * rows.defaultSectionSize()
        assert dialog.preview_model.rowCount() == 8  # 102 is hidden in Excel
        lines = [dialog.changes_model.items[n] for n in range(dialog.changes_model.rowCount())]
        assert lines[0] == "101（更改）：面积 60.00 m² → 63.50 m²；业主 业主1；记录意见 书面支持"
        assert any(line.startswith("201（更改）") and "书面反对" in line for line in lines)
        assert "名册中没有：102、502、601、602，未作改动（1单元）。" in lines
        assert "跳过隐藏行 1 行（第 3 行" in dialog.report.toPlainText()
        qtbot.mouseClick(dialog.hidden_check, Qt.MouseButton.LeftButton,
                         pos=QPoint(8, dialog.hidden_check.height() // 2))
        assert dialog.preview_model.rowCount() == 9
        assert dialog.plan and [r.room for r in dialog.plan.good][:2] == ["101", "102"]
        # the other sheet, chosen with the keyboard
        dialog.sheet_combo.setFocus()
        qtbot.keyClick(dialog.sheet_combo, Qt.Key.Key_Down)
        assert dialog.sheet_combo.currentText() == "2单元" and [r.owners for r in dialog.plan.good] == [("别的单元",)]
        qtbot.keyClick(dialog.sheet_combo, Qt.Key.Key_Up)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == 1
        rows = {h.room: h for h in registry.unit_households(store, unit)}
        assert rows["101"].owners == "业主1" and rows["102"].owners == "业主2"
    finally:
        screen.set_screen_size(None)


def test_the_unit_page_shows_where_an_area_came_from(qtbot, window, store, unit, tmp_path):
    from liftdesk.io import roster

    src = tmp_path / "r.csv"
    src.write_text("房号,产权面积,合同面积\n101,,65.20\n102,61,70\n", encoding="utf-8")
    roster.apply_import(store, roster.plan_import(src), "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元")
    window.open_unit(unit)
    model = window.unit_page.model
    area = model.COLUMNS.index("area")
    tips = {model.row_at(n).room: model.index(n, area).data(Qt.ItemDataRole.ToolTipRole) for n in range(2)}
    assert tips == {"101": "面积来源：合同面积", "102": None}
    assert model.index(0, area).data() == "65.20"
