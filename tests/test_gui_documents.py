"""pytest-qt: preview and print, batch printing with progress and cancel, and 录入回执."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from liftdesk.consent import positions
from liftdesk.places import registry
from liftdesk.people import ownership
from liftdesk.documents import generate
from liftdesk.common.settings import Settings
from ui import messages, printing
from ui.app import init_app
from ui.dialogs import receipt_dialog
from ui.dialogs.preview_dialog import PreviewDialog
from ui.main_window import MainWindow

ADDRESS = "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元"


@pytest.fixture
def window(qtbot, store, unit, tmp_path, monkeypatch):
    init_app("zh", 12)
    rows = registry.unit_households(store, unit)
    for n, row in enumerate(rows):
        ownership.set_owners(store, row.id, [f"业主{n}"], "")
        if n < 6:  # 6 of 12 signed: participation 1/2 — not passing yet
            positions.record_position(store, row.id, "支持", on_date="2024-03-01", written=True, form_no="F0")
    shown = {"errors": [], "info": []}
    monkeypatch.setattr(messages, "error", lambda parent, text: shown["errors"].append(text))
    monkeypatch.setattr(messages, "info", lambda parent, text: shown["info"].append(text))
    w = MainWindow(store, Settings(tmp_path / "settings.json"))
    w.shown = shown
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_receipt_entry_records_signed_positions_and_changes_the_verdict(qtbot, window, store, unit, monkeypatch):
    window.open_unit(unit)
    previews = []
    monkeypatch.setattr(PreviewDialog, "exec", lambda self: previews.append(self.document.pageCount()))
    window.unit_page.print_document("consent-form")  # print the form from the unit page
    assert previews and previews[0] >= 1
    serial = store.db.execute("SELECT serial FROM printed_document").fetchone()[0]
    assert not window.unit_page.verdict.verdict.passed

    def drive(dialog):
        dialog.show()
        qtbot.keyClicks(dialog.serial, serial)  # what a QR scanner types, then Enter
        qtbot.keyClick(dialog.serial, Qt.Key.Key_Return)
        assert dialog.model.rowCount() == 12
        dialog.table.setCurrentIndex(dialog.model.index(6, 0))  # 401 and onwards had not signed
        for key in (Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_0):
            qtbot.keyClick(dialog.table, key)
        assert sum(1 for c in dialog.model.choices.values() if c) == 5
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result()
    monkeypatch.setattr(receipt_dialog.ReceiptDialog, "exec", drive)
    window.receipt_action.trigger()
    assert window.shown["errors"] == []
    assert "已录入 5 户" in window.statusBar().currentMessage()
    rows = registry.unit_households(store, unit)
    recs = [positions.history(store, r.id)[0] for r in rows[6:11]]
    assert [r.position for r in recs] == ["support", "support", "support", "oppose", "abstain"]
    assert all(r.written and r.form_no == serial for r in recs)
    assert positions.history(store, rows[11].id) == []  # 0 cleared it
    assert window.pages.currentWidget() is window.unit_page
    assert window.unit_page.verdict.verdict.passed  # 9 of 11 participants agree now


def test_receipt_with_an_unknown_serial_says_so(qtbot, window, store):
    dialog = receipt_dialog.ReceiptDialog(store, parent=window)
    qtbot.keyClicks(dialog.serial, "YJ-000000-ZZZZ-0001")
    qtbot.keyClick(dialog.serial, Qt.Key.Key_Return)
    assert "找不到编号" in window.shown["errors"][0] and not dialog.save_button.isEnabled()


def test_preview_prints_every_page(qtbot, window, store, unit, tmp_path):
    done = generate.print_document(store, "consent-letters", ADDRESS, tmp_path / "letters.pdf")
    dialog = PreviewDialog(done.path, done.serial, window)
    qtbot.addWidget(dialog)
    assert dialog.document.pageCount() == 12 and done.serial in dialog.info.text()
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # stands in for the system printer
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.render_to(printer) == 12
    assert (tmp_path / "printed.pdf").stat().st_size > 10_000


def test_batch_print_runs_in_the_background_and_can_be_cancelled(qtbot, window, store, unit, tmp_path):
    building = store.db.execute("SELECT id FROM building").fetchone()[0]
    for name in ("2单元", "3单元"):
        registry.quick_create_households(store, registry.add_unit(store, building, name), 6, 2)
    registry.add_unit(store, building, "4单元")  # no households: skipped, not an error
    window.open_overview("street", store.db.execute("SELECT id FROM street").fetchone()[0])
    result = window.overview_page.batch_print("consent-form", folder=str(tmp_path / "out"), mode="folder")
    assert len(result.printed) == 3 and len(result.skipped) == 1
    assert sorted(p.name for p in (tmp_path / "out").glob("*.pdf")) == sorted(p.path.name for p in result.printed)
    assert "跳过 1 份" in window.shown["info"][-1]


def test_cancel_leaves_only_complete_files(qtbot, window, store, unit, tmp_path, monkeypatch):
    real = printing.tasks.Task.cancelled
    monkeypatch.setattr(printing.tasks.Task, "cancelled", lambda self: True)  # as if Cancel was pressed at once
    result = printing.batch_print(window, store, "consent-form", "长庆街道", folder=str(tmp_path / "c"), mode="folder")
    monkeypatch.setattr(printing.tasks.Task, "cancelled", real)
    assert result.cancelled and result.printed == [] and "已取消" in window.shown["info"][-1]
    assert not (tmp_path / "c").exists() or not list((tmp_path / "c").iterdir())


def _three_units(store):
    building = store.db.execute("SELECT id FROM building").fetchone()[0]
    units = []
    for name in ("2单元", "3单元"):
        units.append(registry.add_unit(store, building, name))
        registry.quick_create_households(store, units[-1], 6, 2)
    opposed = registry.unit_households(store, units[0])[0]
    positions.record_position(store, opposed.id, "反对", on_date="2024-03-01", written=True, form_no="F9")
    return units


def _pages(path) -> int:
    import subprocess

    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_batch_print_follows_the_overview_filter_into_one_combined_pdf(qtbot, window, store, unit, tmp_path):
    units = _three_units(store)
    window.open_overview("street", store.db.execute("SELECT id FROM street").fetchone()[0])
    page = window.overview_page
    page.filter.setFocus()
    for _ in range(3):  # 全部单元 → 已达标 → 差 1–2 户 → 有反对
        qtbot.keyClick(page.filter, Qt.Key.Key_Down)
    assert page.filter.currentData() == "opposed" and page.proxy.rowCount() == 1
    result = page.batch_print("consent-form", mode="combined", combined=str(tmp_path / "street.pdf"))
    assert [p.path for p in result.printed] == [tmp_path / "street.pdf"] and _pages(tmp_path / "street.pdf") == 1
    assert store.db.execute("SELECT unit_id FROM printed_document").fetchall() == [(units[0],)]
    assert "已生成 1 份" in window.shown["info"][-1]


def test_batch_print_goes_to_the_printer_through_one_print_dialog(qtbot, window, store, unit, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog

    _three_units(store)
    dialogs = []

    class OneDialog:  # stands in for the system print dialog: the printer writes a PDF
        def __init__(self, printer, parent=None):
            dialogs.append(printer)
            printer.setResolution(30)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(tmp_path / "printer.pdf"))

        def exec(self):
            return QDialog.DialogCode.Accepted
    monkeypatch.setattr(printing, "QPrintDialog", OneDialog)
    window.open_overview("street", store.db.execute("SELECT id FROM street").fetchone()[0])
    result = window.overview_page.batch_print("consent-form", mode="printer")
    assert len(dialogs) == 1 and len(result.printed) == 3
    assert _pages(tmp_path / "printer.pdf") == 3


def test_cancel_message_counts_the_files_really_written(qtbot, window, store, unit, tmp_path, monkeypatch):
    _three_units(store)
    asked = []

    def cancelled(self):  # Cancel pressed while the third unit was about to start
        asked.append(1)
        if len(asked) >= 3:
            self.cancel()  # what the progress dialog's Cancel button does
        return self._cancelled
    monkeypatch.setattr(printing.tasks.Task, "cancelled", cancelled)
    result = printing.batch_print(window, store, "consent-form", "长庆街道", folder=str(tmp_path / "c"), mode="folder")
    assert result.cancelled and len(result.printed) == 2
    assert len(list((tmp_path / "c").glob("*.pdf"))) == 2
    assert "已生成的 2 份" in window.shown["info"][-1]
    assert store.db.execute("SELECT count(*) FROM printed_document").fetchone()[0] == 2


def test_meeting_dialog_stores_chair_recorder_and_a_tenants_own_name(qtbot, window, store, unit, tmp_path):
    from PySide6.QtWidgets import QDialogButtonBox

    from liftdesk.projects import meetings, projects
    from ui.dialogs.project_dialogs import MeetingDialog

    project = projects.create_project(store, unit)
    dialog = MeetingDialog(store, project, unit, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.chair.setText("王组长")  # Chinese comes from the input method, not key presses
    dialog.recorder.setText("李社工")
    item = dialog.attendees.item(1)  # 102
    qtbot.mouseClick(dialog.attendees.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.attendees.visualItemRect(item).center())
    dialog.role.setFocus()
    qtbot.keyClick(dialog.role, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.role, Qt.Key.Key_Down)  # 业主 → 代理人 → 租户
    assert dialog.role.currentData() == "tenant"
    dialog.attendee_name.setText("陈文军")
    apply = next(b for b in dialog.findChildren(type(dialog.box.button(QDialogButtonBox.StandardButton.Save)))
                 if b.text() == "设为所选住户的到会身份")
    qtbot.mouseClick(apply, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert window.shown["errors"] == []
    m = meetings.get_meeting(store, dialog.meeting_id)
    assert (m.chair, m.recorder) == ("王组长", "李社工")
    people = meetings.attendees(store, dialog.meeting_id)
    assert [(a.room, a.name, a.role) for a in people] == [("102", "陈文军", "tenant")]
    done = generate.print_document(store, "minutes", dialog.meeting_id, tmp_path / "m.pdf")
    import subprocess

    text = subprocess.run(["pdftotext", str(done.path), "-"], capture_output=True, text=True).stdout
    assert "陈文军（102 租户）" in text and "王组长" in text and "李社工" in text and "业主1" not in text


def _many_units(store, count: int = 13) -> None:
    building = store.db.execute("SELECT id FROM building").fetchone()[0]
    for n in range(2, 2 + count):
        registry.quick_create_households(store, registry.add_unit(store, building, f"{n}单元"), 3, 2)


def test_a_street_batch_from_the_overview_renders_on_workers_and_cancels_cleanly(qtbot, window, store, unit, tmp_path,
                                                                                 monkeypatch):
    """The GUI's batch forks its render workers from the task's thread; a cancel stops them, and
    every file written is complete and recorded."""
    from liftdesk.documents import parallel

    _many_units(store)
    monkeypatch.setenv("LIFTDESK_PRINT_WORKERS", "2")
    forks = []
    fork_round = parallel._fork_round
    monkeypatch.setattr(parallel, "_fork_round", lambda *a: forks.append(1) or fork_round(*a))
    window.open_overview("street", store.db.execute("SELECT id FROM street").fetchone()[0])
    result = window.overview_page.batch_print("consent-form", folder=str(tmp_path / "all"), mode="folder")
    assert forks and len(result.printed) == 14 and not result.cancelled
    assert len(list((tmp_path / "all").glob("*.pdf"))) == 14 and window.shown["errors"] == []
    assert store.db.execute("SELECT count(*) FROM printed_document").fetchone()[0] == 14

    asked = []

    def cancelled(self):  # Cancel pressed while the workers are busy
        asked.append(1)
        if len(asked) >= 4:
            self.cancel()
        return self._cancelled
    monkeypatch.setattr(printing.tasks.Task, "cancelled", cancelled)
    result = window.overview_page.batch_print("consent-form", folder=str(tmp_path / "some"), mode="folder")
    files = list((tmp_path / "some").glob("*.pdf"))
    assert result.cancelled and 0 < len(files) == len(result.printed) < 14
    assert store.db.execute("SELECT count(*) FROM printed_document").fetchone()[0] == 14 + len(files)
    assert f"已生成的 {len(files)} 份" in window.shown["info"][-1]


def test_no_cycle_collection_in_a_worker_while_a_task_runs(qtbot):
    """A worker that collects the GUI's Qt objects crashes the app (seen once in a batch): while a
    task runs the collector is off, and it runs again on the main thread afterwards."""
    import gc
    import threading

    from ui import tasks

    seen = {}

    def work(progress, cancelled):
        seen["enabled_in_worker"] = gc.isenabled()
        return threading.get_ident()

    task = tasks.Task(work)
    collected_on = []
    gc.callbacks.append(lambda phase, info: collected_on.append(threading.get_ident()) if phase == "start" else None)
    try:
        with qtbot.waitSignal(task.succeeded, timeout=5000) as blocker:
            tasks.start(task)
        qtbot.waitUntil(lambda: gc.isenabled(), timeout=5000)
    finally:
        gc.callbacks.pop()
    assert seen["enabled_in_worker"] is False
    assert blocker.args[0] != threading.get_ident()
    assert collected_on and set(collected_on) == {threading.get_ident()}
