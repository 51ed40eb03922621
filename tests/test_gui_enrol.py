"""pytest-qt, real clicks: the district's keys set up in the app (passphrase twice, the recovery
sheet through the print dialog), a station enrolled from the key file showing its id and
fingerprint, and the demo refused as a station."""

from __future__ import annotations

import re
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QToolBar

from liftdesk.common.settings import Settings
from liftdesk.places import registry
from liftdesk.store import open_store, purpose
from liftdesk.sync import enrol
from ui import messages
from ui.app import init_app
from ui.dialogs import enrol_dialogs
from ui.main_window import MainWindow

from .sync_helpers import PASSPHRASE


@pytest.fixture
def opened(tmp_path):
    """Stores the test opens, closed after its windows (list this fixture before qtbot)."""
    stores = []

    def open_(name: str):
        stores.append(open_store(tmp_path / name))
        return stores[-1]
    yield open_
    for store in stores:
        store.close()


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(messages, "error", lambda parent, text: shown.append(text))
    return shown


def open_sync_page(qtbot, store, tmp_path):
    init_app("zh", 12)
    window = MainWindow(store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.mouseClick(window.findChild(QToolBar).widgetForAction(window.sync_action), Qt.MouseButton.LeftButton)
    return window, window.sync_page


def run_dialog(monkeypatch, qtbot, cls, steps):
    """Let the page's dialog open for real and go through STEPS as a person would."""
    seen = {}

    def exec_(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        steps(dialog)
        seen["dialog"] = dialog
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
        return dialog.result()
    monkeypatch.setattr(cls, "exec", exec_)
    return seen


class PrintToPdf:
    """The system print dialog, answered 打印 with a PDF printer (what a test can read back)."""
    target = None

    def __init__(self, printer: QPrinter, parent=None):
        self.printer = printer

    def exec(self):
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(str(PrintToPdf.target))
        return QDialog.DialogCode.Accepted


def test_the_district_sets_up_its_keys_in_the_app(opened, qtbot, tmp_path, monkeypatch, errors):
    store = opened("district.db")
    _, page = open_sync_page(qtbot, store, tmp_path)
    assert page.district_keys_button.isVisible() and not page.import_button.isVisible()
    keyfile = tmp_path / "拱墅区-区公钥.key"
    PrintToPdf.target = tmp_path / "printed.pdf"
    monkeypatch.setattr(enrol_dialogs, "QPrintDialog", PrintToPdf)

    def steps(dialog):
        dialog.keyfile_edit.setText(str(keyfile))
        qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
        qtbot.keyClicks(dialog.again, PASSPHRASE + "x")  # a slip of the finger
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        assert errors == ["两次输入的口令不一致，请重新输入。"] and enrol.role(store) is None
        qtbot.keyClicks(dialog.again, PASSPHRASE)
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        assert dialog.print_button.isVisible()
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    seen = run_dialog(monkeypatch, qtbot, enrol_dialogs.DistrictKeysDialog, steps)
    qtbot.mouseClick(page.district_keys_button, Qt.MouseButton.LeftButton)
    assert errors == ["两次输入的口令不一致，请重新输入。"]
    public = enrol.district_public(store)
    assert enrol.read_keyfile(keyfile).fingerprint == public.fingerprint
    assert public.fingerprint in seen["dialog"].result_label.text()
    assert seen["dialog"].sheet.exists()
    text = subprocess.run(["pdftotext", str(seen["dialog"].sheet), "-"], capture_output=True, text=True).stdout
    assert "恢复单" in text and public.fingerprint in text.replace("\n", " ")
    pages = subprocess.run(["pdfinfo", str(PrintToPdf.target)], capture_output=True, text=True).stdout
    assert re.search(r"Pages:\s+1\n", pages)  # the sheet went through the print dialog to the printer
    assert page.import_button.isVisible() and not page.district_keys_button.isVisible()
    assert enrol.district_keys(store, PASSPHRASE)  # the passphrase typed twice is the one that opens it


def _keyfile(tmp_path):
    district = open_store(tmp_path / "district.db")
    try:
        public, _ = enrol.district_init(district, PASSPHRASE)
    finally:
        district.close()
    return enrol.write_keyfile(public, tmp_path / "district.key"), public


def test_a_station_enrols_from_the_key_file_and_shows_its_id_and_fingerprint(opened, qtbot, tmp_path, monkeypatch,
                                                                            errors):
    keyfile, public = _keyfile(tmp_path)
    store = opened("station.db")
    street = registry.add_street(store, registry.default_district(store), "潮鸣街道")
    registry.add_community(store, street, "小河社区")
    _, page = open_sync_page(qtbot, store, tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(keyfile), ""))

    def steps(dialog):
        assert [dialog.scope.itemText(i) for i in range(dialog.scope.count())] == ["", "潮鸣街道", "潮鸣街道/小河社区"]
        qtbot.keyClicks(dialog.name, "CM-1")  # QTest types ASCII only; Chinese comes from an input method
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
        assert public.fingerprint in dialog.district_label.text()
        qtbot.keyClick(dialog.scope, Qt.Key.Key_Down)  # the first street in the list
        assert dialog.scope.currentText() == "潮鸣街道"
        qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    seen = run_dialog(monkeypatch, qtbot, enrol_dialogs.StationEnrolDialog, steps)
    qtbot.mouseClick(page.station_enrol_button, Qt.MouseButton.LeftButton)
    assert errors == []
    me = enrol.station_identity(store)
    shown = seen["dialog"].result_label.text()
    assert me.station_id in shown and me.keys.fingerprint in shown and me.scope == "潮鸣街道"
    assert page.export_button.isVisible() and me.keys.fingerprint in page.role_label.text()


def test_the_demo_is_refused_as_a_station_in_the_app_too(opened, qtbot, tmp_path, monkeypatch, errors):
    keyfile, _ = _keyfile(tmp_path)
    store = opened("demo.db")
    purpose.mark_demo(store)
    _, page = open_sync_page(qtbot, store, tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(keyfile), ""))

    def steps(dialog):
        qtbot.keyClicks(dialog.name, "demo-1")
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    run_dialog(monkeypatch, qtbot, enrol_dialogs.StationEnrolDialog, steps)
    qtbot.mouseClick(page.station_enrol_button, Qt.MouseButton.LeftButton)
    assert errors == ["请用空数据库登记工作站；演示数据不能同步。"]
    assert enrol.role(store) is None


def test_the_district_takes_its_key_back_from_the_recovery_sheet(opened, qtbot, tmp_path, monkeypatch, errors):
    old = opened("old-district.db")
    public, code = enrol.district_init(old, PASSPHRASE)
    store = opened("new-district.db")
    _, page = open_sync_page(qtbot, store, tmp_path)
    assert page.district_recover_button.isVisible()

    def steps(dialog):
        qtbot.keyClicks(dialog.code, " ".join(code[i:i + 6] for i in range(0, len(code), 6)))  # as printed
        qtbot.keyClicks(dialog.passphrase, "wrong passphrase")
        qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
        assert len(errors) == 1 and errors[0].startswith("口令不对") and enrol.role(store) is None
        dialog.passphrase.clear()
        qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
        qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
        assert public.fingerprint in dialog.result_label.text()
    run_dialog(monkeypatch, qtbot, enrol_dialogs.DistrictRecoverDialog, steps)
    qtbot.mouseClick(page.district_recover_button, Qt.MouseButton.LeftButton)
    assert enrol.district_public(store).fingerprint == public.fingerprint
    assert enrol.district_keys(store, PASSPHRASE)
    assert page.import_button.isVisible() and not page.district_recover_button.isVisible()
