"""Screenshots of the dialogs a station and the district meet without a terminal (issue 23): the
first start, 新建/打开数据库, 设置区密钥, 登记为工作站 (before and after), 确认新工作站, 指定范围,
待审记录, 撤销工作站 and 从恢复单恢复区密钥, each over its window on a 1366×768 screen at 16 pt and
20 pt. The data is made on the spot in a temporary folder: a district with two streets, one accepted
station whose second file arrived after its street was handed elsewhere (three rows held), and one
station waiting to be accepted. Prints a warning for any widget narrower or lower than it needs.

    python tools/screenshot_dialogs.py [OUT_FOLDER]      (default docs/screens/dialogs/)
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ["LIFTDESK_DATA_DIR"] = tempfile.mkdtemp()  # settings and key files never touch the user's
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QFileDialog, QLabel, QLineEdit, QTreeView,  # noqa: E402
                               QWidget)

from liftdesk.common.settings import Settings  # noqa: E402
from liftdesk.people import ownership  # noqa: E402
from liftdesk.places import registry  # noqa: E402
from liftdesk.store import open_store  # noqa: E402
from liftdesk.sync import enrol, exchange, receipts, status  # noqa: E402
from ui import screen  # noqa: E402
from ui.app import init_app  # noqa: E402

SIZE = QSize(1366, 768)
FONT_SIZES = (16, 20)
PASSPHRASE = "示例口令-correct horse"
DESKTOP = QColor("#3c4650")


def _district(path: Path) -> str:
    """Two streets; 6幢/1单元 of 遥祥寺巷小区 with twelve households of 60 m²."""
    s = open_store(path, actor="区加梯办")
    try:
        d = registry.default_district(s)
        street = registry.add_street(s, d, "长庆街道")
        estate = registry.add_estate(s, registry.add_community(s, street, "王马社区"), "遥祥寺巷小区")
        unit = registry.add_unit(s, registry.add_building(s, estate, "6幢", 6), "1单元")
        registry.quick_create_households(s, unit, 6, 2, "60")
        registry.add_community(s, registry.add_street(s, d, "米市巷街道"), "大塘社区")
        return unit
    finally:
        s.close()


def make_data(folder: Path) -> dict:
    """The databases the dialogs are shown over (see the module's docstring)."""
    unit = _district(folder / "district.db")
    district = open_store(folder / "district.db", actor="区加梯办")
    public, code = enrol.district_init(district, PASSPHRASE)
    keys = enrol.district_keys(district, PASSPHRASE)
    keyfile = enrol.write_keyfile(public, folder / "拱墅区-区公钥.key")
    cq = open_store(folder / "cq.db", actor="长庆站")
    enrol.station_init(cq, "长庆街道工作站", public)
    exchange.import_bundle(district, exchange.export_bundle(cq).data, keys)
    enrol.set_scope(district, cq.station_id, ["长庆街道"])
    exchange.accept_station(district, cq.station_id, enrol.station_identity(cq).keys.fingerprint, keys)
    receipts.apply_receipt(cq, receipts.make_receipt(district, cq.station_id)[0])
    homes = {h.room: h.id for h in registry.unit_households(cq, unit)}
    registry.update_household(cq, homes["302"], "area", "86.5")
    ownership.set_owners(cq, homes["302"], ["王芳"], phone="13812341234")
    enrol.set_scope(district, cq.station_id, ["米市巷街道"])   # handed elsewhere before file 2 came
    exchange.import_bundle(district, exchange.export_bundle(cq).data, keys)
    cq.close()
    mx = open_store(folder / "mx.db", actor="米市巷站")
    enrol.station_init(mx, "米市巷街道工作站", public)
    exchange.import_bundle(district, exchange.export_bundle(mx).data, keys)
    mx.close()
    district.close()
    return {"keyfile": keyfile, "code": code}


def _stations(store) -> dict:
    return {s["name"]: s for s in status.stations(store)}


def clipped(root: QWidget) -> list[str]:
    """Visible labels, buttons and fields smaller than their text needs (a word-wrapped label may be
    narrower, not lower)."""
    found = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) or not isinstance(w, (QLabel, QAbstractButton, QLineEdit)):
            continue
        if isinstance(w, QLineEdit) and isinstance(w.parentWidget(), QComboBox):
            continue  # sized by its combo box, which is checked by the layout
        need = w.minimumSizeHint() if isinstance(w, QLabel) and w.wordWrap() else w.sizeHint()
        if isinstance(w, QLabel) and w.wordWrap():
            need = QSize(need.width(), w.heightForWidth(w.width()))
        if w.width() < need.width() - 1 or w.height() < need.height() - 1:
            text = w.text() if hasattr(w, "text") else ""
            found.append(f"{type(w).__name__} “{text[:30]}” {w.width()}×{w.height()} < {need.width()}×{need.height()}")
    return found


def save(out: Path, window: QWidget | None, dialog: QWidget) -> list[str]:
    """The desktop, the window where it sits and the dialog over it, as on the screen."""
    dialog.show()
    for _ in range(5):
        QApplication.processEvents()
    image = QPixmap(SIZE)
    image.fill(DESKTOP)
    painter = QPainter(image)
    problems = []
    for w in (window, dialog):
        if w is None:
            continue
        painter.drawPixmap(w.geometry().topLeft(), w.grab())
        if w.frameGeometry().right() >= SIZE.width() or w.frameGeometry().bottom() >= SIZE.height() \
                or w.frameGeometry().left() < 0 or w.frameGeometry().top() < 0:
            problems.append(f"{type(w).__name__} {w.frameGeometry().getRect()} is not inside the screen")
    painter.end()
    image.save(str(out), "PNG")
    return problems + clipped(dialog)


def shots(folder: Path, data: dict, out: Path, pt: int) -> list[str]:
    from ui.dialogs import enrol_dialogs
    from ui.dialogs.database_dialogs import FirstStartDialog, _filter
    from ui.dialogs.held_dialog import HeldRowsDialog
    from ui.dialogs.station_dialogs import AcceptStationDialog, RevokeStationDialog, StationScopeDialog
    from ui.main_window import MainWindow

    init_app("zh", pt)
    screen.set_screen_size(SIZE)
    report = []

    def shot(name: str, window, dialog) -> None:
        problems = save(out / f"{name}-1366x768-{pt}pt.png", window, dialog)
        report.extend(f"{name} {pt}pt: {p}" for p in problems)
        dialog.close()
        dialog.deleteLater()

    desktop = QWidget()
    desktop.resize(SIZE)
    shot("first-start", None, FirstStartDialog(desktop))
    files = folder / "数据库"   # what a helper's folder holds (Qt's own dialog here; Windows shows its native one)
    files.mkdir(exist_ok=True)
    for name in ("区加梯办.db", "长庆街道工作站.db"):
        shutil.copy(folder / "district.db", files / name)
    for name, title, mode in (("new-database", "新建数据库", QFileDialog.AcceptMode.AcceptSave),
                              ("open-database", "打开数据库", QFileDialog.AcceptMode.AcceptOpen)):
        dialog = QFileDialog(None, QApplication.translate("databases", title), str(files), _filter())
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(mode)
        dialog.selectFile("新数据库.db" if mode == QFileDialog.AcceptMode.AcceptSave else "区加梯办.db")
        dialog.resize(dialog.fontMetrics().horizontalAdvance("中") * 40, dialog.fontMetrics().height() * 22)
        dialog.show()
        for _ in range(20):   # the folder is read in a thread
            QApplication.processEvents()
            time.sleep(0.02)
        view = dialog.findChild(QTreeView)
        for column in range(view.model().columnCount()):
            view.resizeColumnToContents(column)
        shot(name, None, dialog)

    def window_on(path: Path):
        store = open_store(path, actor="截图")
        window = MainWindow(store, Settings(folder / "settings.json"))
        window.resize(SIZE)
        window.move(0, 0)
        window.show_sync()
        window.show()
        QApplication.processEvents()
        return store, window

    blank = folder / f"blank-{pt}.db"
    store, window = window_on(blank)
    shot("district-keys", window, enrol_dialogs.DistrictKeysDialog(store, window))
    shot("district-recover", window, enrol_dialogs.DistrictRecoverDialog(store, window))
    dialog = enrol_dialogs.StationEnrolDialog(store, window)
    dialog.set_keyfile(str(data["keyfile"]))
    shot("station-enrol", window, dialog)
    dialog = enrol_dialogs.StationEnrolDialog(store, window)
    dialog.name.setText("潮鸣街道工作站")
    dialog.set_keyfile(str(data["keyfile"]))
    dialog.enrol()   # enrols this throwaway file: the id and fingerprint to read out
    window.sync_page.refresh()
    shot("station-enrolled", window, dialog)
    window.close()
    store.close()

    store, window = window_on(folder / "district.db")
    window.sync_page.tabs.setCurrentIndex(2)
    stations = _stations(store)
    shot("accept-station", window, AcceptStationDialog(stations["米市巷街道工作站"], True, window))
    shot("station-scope", window, StationScopeDialog(stations["长庆街道工作站"], window,
                                                     enrol_dialogs.scope_choices(store)))
    shot("held-rows", window, HeldRowsDialog(store, window))
    shot("revoke-station", window, RevokeStationDialog(stations["长庆街道工作站"], window))
    window.close()
    store.close()

    # the station lock (#19): the login before an encrypted file is read, the recovery code shown once
    from liftdesk.people import accounts
    from liftdesk.store import cipher
    from ui.lock import RecoveryCodeDialog, UnlockDialog

    locked = folder / f"站点锁-{pt}.db"
    store = open_store(locked, actor="截图")
    logins = {"王红": "secret-1", "李明": "secret-2"}
    for name, password in logins.items():
        accounts.add_account(store, name, password)
    code = accounts.set_lock(store, True, 10, logins)
    store.close()
    code_id = json.loads(cipher.keys_path(locked).read_text(encoding="utf-8"))["recovery"]["code_id"]
    cipher.forget_all()
    shot("unlock", None, UnlockDialog(locked, desktop))
    shot("recovery-code", None, RecoveryCodeDialog(code, code_id, str(locked), desktop))
    return report


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screens" / "dialogs"
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="liftdesk-dialogs-"))
    data = make_data(folder)
    report = []
    for pt in FONT_SIZES:
        report += shots(folder, data, out, pt)
    for line in report:
        print("warning:", line, file=sys.stderr)
    print(f"{len(list(out.glob('*.png')))} screenshots in {out}")
    return 1 if report else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
