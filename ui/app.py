"""Starting the GUI: application, font, translations, settings, logging, crash hook, database."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QLibraryInfo, QLocale, QObject, QSize, Qt, QTimer, QTranslator
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from liftdesk.places import places
from liftdesk.projects import projects
from liftdesk.errors import LiftDeskError
from liftdesk.i18n import set_language, t
from liftdesk.common.logs import setup_logging
from liftdesk.common.paths import default_db_path
from liftdesk.common.resources import resource_path
from liftdesk.common.settings import BY_KEY, Settings, remember_database
from liftdesk.people.privacy import restrict_new_files
from liftdesk.store import open_store
from liftdesk.common.outputs import check_output
from liftdesk.store.backup import protected_paths

from . import messages, qt_noise, screen, tasks
from .lock import StationLock, login_at_start, unlock_at_start
from liftdesk.people import accounts
from liftdesk.store import cipher
from liftdesk.errors import StoreError
from .style import apply_font_size, register_cjk_font

log = logging.getLogger(__name__)
_translators: list[QTranslator] = []


def install_excepthook() -> None:
    def hook(exc_type, exc, tb):
        if isinstance(exc, LiftDeskError):  # expected (another program holds the database…): a message
            log.warning("not done: %s", exc.key)
            if QApplication.instance() is not None:
                messages.error(None, str(exc))
            return
        report = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unexpected error:\n%s", report)
        if QApplication.instance() is not None:
            messages.crash(None, report)

    sys.excepthook = hook


def install_translations(app: QApplication, lang: str) -> None:
    """Chinese is the source language; English comes from our .qm. Qt's own dialogs follow."""
    set_language(lang)
    for tr in _translators:
        app.removeTranslator(tr)
    _translators.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    files = [(resource_path("translations", "liftdesk_en.qm"), None)] if lang == "en" else []
    files.append((Path(qt_dir) / ("qtbase_en.qm" if lang == "en" else "qtbase_zh_CN.qm"), None))
    if lang != "en":  # the file dialog's labels Qt's catalogue lacks ("Look in:", "Files of type:")
        files.append((resource_path("translations", "qtbase_extra_zh_CN.qm"), None))
    for path, _ in files:
        translator = QTranslator(app)
        if path.exists() and translator.load(str(path)):
            app.installTranslator(translator)
            _translators.append(translator)
    QLocale.setDefault(QLocale("en_US" if lang == "en" else "zh_CN"))


def init_app(lang: str, font_size: int) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("LiftDesk")
    install_translations(app, lang)
    apply_font_size(font_size, register_cjk_font())
    screen.install(app)
    return app


def _build_demo(path: Path, progress, cancelled) -> dict:
    from liftdesk.demo import demo  # late: the demo's imports (reportlab) cost the first paint time

    store = open_store(path, actor="demo")
    try:
        if not demo.is_empty(store):  # built before (a cancelled build leaves the file empty)
            return {}
        return demo.generate(store, progress=progress)
    finally:
        store.close()


def build_demo_with_progress(path: Path, echo: bool = False) -> bool:
    """Fill the demo's own file with the demo district, showing progress in a dialog (and, for
    --screenshot, where nobody sees the window, on stderr). True when the demo is there."""
    dialog = QProgressDialog(QApplication.translate("app", "正在生成演示数据（拱墅区）…"),
                             QApplication.translate("app", "取消"), 0, 100)
    dialog.setWindowTitle("LiftDesk")
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    task = tasks.Task(_build_demo, path)
    shown = [-1]

    def step(done: int, total: int) -> None:
        percent = int(done * 100 / max(total, 1))
        dialog.setValue(percent)
        if echo and percent != shown[0]:
            shown[0] = percent
            print(QApplication.translate("app", "正在生成演示数据：{percent}%").format(percent=percent),
                  file=sys.stderr, flush=True)
    task.progress.connect(step)
    dialog.canceled.connect(task.cancel)
    outcome: list[str] = []
    task.failed.connect(outcome.append)
    loop = QEventLoop()
    task.finished.connect(loop.quit)
    task.finished.connect(dialog.reset)
    dialog.show()
    tasks.start(task)
    loop.exec()  # returns when the work has ended, done or cancelled
    if outcome:
        if outcome[0]:
            messages.error(None, outcome[0])
        return False
    return True


def offer_restore_now(path: Path, good: Path):
    """Restore GOOD over the damaged file at PATH (kept beside it); the opened store, or None."""
    from liftdesk.store import backup

    try:
        backup.restore(path, good)
        return open_store(path, actor="gui", create=False)
    except LiftDeskError as again:
        messages.error(None, str(again))
        return None


def offer_restore(path: Path, exc: LiftDeskError):
    """A refused database: say why; when it is damaged and a good backup exists, offer to restore
    it (the damaged file is kept beside it). Returns the opened store, or None."""
    from liftdesk.store import backup

    good = getattr(exc, "backup", None)
    if good is None or not messages.offer_backup(None, str(exc), str(good)):
        if good is None:
            messages.error(None, str(exc))
        return None
    try:
        backup.restore(path, good)
        return open_store(path, actor="gui", create=False)
    except LiftDeskError as again:
        messages.error(None, str(again))
        return None


def _scheduled_check_task(path: Path, progress, cancelled):
    """The day's backup first (its full check, when one is needed, is remembered), then the
    scheduled full check, which then finds nothing to do unless the file changed since."""
    from liftdesk.store import backup, checks

    try:
        backup.backup_if_due(path, "daily")
    except LiftDeskError as exc:
        log.warning("backup failed: %s", exc.key)
    return checks.full_check_if_due(path)


def _run_scheduled_check(path: Path, on_damaged) -> None:
    """The full integrity check when due (daily), off the UI thread; a damaged file is told at once."""
    task = tasks.Task(_scheduled_check_task, path)
    task.succeeded.connect(lambda problems: problems and on_damaged())
    task.failed.connect(lambda message: log.warning("scheduled check failed: %s",
                                                    message.splitlines()[0] if message else ""))
    tasks.start(task)


def start_backup(path: Path, on_damaged=lambda: None) -> QTimer:
    """The day's backup (at most one automatic backup a day) and the scheduled full check, then
    both looked at every hour, in one task off the UI thread; a failed backup is only logged (the
    next hour tries again). Started once the open check has passed, never before the first paint. The timer
    stops when another database is opened."""
    def tick() -> None:
        _run_scheduled_check(path, on_damaged)

    tick()
    timer = QTimer(QApplication.instance())
    timer.setInterval(3600 * 1000)
    timer.timeout.connect(tick)
    timer.start()
    return timer


CHECK_POLL_MS = 100


class OpenCheckWatch(QObject):
    """Waits, without blocking the window, for the open check running in the background
    (`BackgroundCheck`); when it passes, the day's backup and the scheduled check start; when it
    fails, the damaged-file refusal and its backup offer (writes are refused by the store itself)."""

    def __init__(self, workbench: "Workbench", store):
        super().__init__(workbench)
        self.workbench, self.store = workbench, store
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        self.poll()

    def poll(self) -> None:
        if self.workbench.store is not self.store:  # another database was opened meanwhile
            self.timer.stop()
            return
        try:
            if not self.store.db.sound_yet():
                return
        except LiftDeskError as exc:
            self.timer.stop()
            self.workbench.damaged(exc)
            return
        self.timer.stop()
        self.workbench.check_passed()


class Workbench(QObject):
    """The open database and its window. 文件 → 新建/打开/最近打开 open another database in a new
    window that replaces this one; the file opened becomes the one opened on the next start."""

    def __init__(self, settings: Settings, screenshot: bool = False):
        super().__init__(QApplication.instance())
        self.settings, self.screenshot = settings, screenshot
        self.window = None
        self.store = None
        self._backups: QTimer | None = None
        self.check_watch: OpenCheckWatch | None = None
        self.login_cancelled = False  # the last open stopped at the station lock: not an error

    def open(self, path: Path, create: bool = False) -> bool:
        """Open PATH in a new main window (not yet shown); False when it was refused or the
        station lock's login was cancelled (what was open stays open)."""
        from .main_window import MainWindow

        path = Path(path)
        try:
            if self.screenshot and cipher.is_encrypted(path) and cipher.key_for(path) is None:
                raise StoreError("cipher.locked", path=str(path))  # nobody is there to log in
            opened, login = unlock_at_start(path)  # #19: an encrypted file asks for a login before it is read
        except LiftDeskError as exc:  # its keys file missing or damaged: said, nothing opened
            if self.screenshot:
                print(t("cli.error", message=exc), file=sys.stderr)
            else:
                messages.error(None, str(exc))
            return False
        if not opened:
            self.login_cancelled = True
            return False
        try:
            # the check runs in the background: the window paints first, writes wait for it
            store = open_store(path, actor="gui", create=create, defer_check=True)
        except LiftDeskError as exc:
            if self.screenshot:
                print(t("cli.error", message=exc), file=sys.stderr)
                return False
            store = offer_restore(path, exc)
            if store is None:
                return False
        if login is not None and login[0]:
            accounts.login(store, *login)  # the login that unlocked the file is the change log's actor
        elif login is None and not login_at_start(store):  # the station lock: a login before any data shows
            store.close()
            self.login_cancelled = True
            return False
        old_window, old_store = self.window, self.store
        self.store = store
        self.window = MainWindow(store, self.settings)
        self.window.station_lock = StationLock(self.window, store)
        self.window.open_database.connect(self.switch)
        if old_window is not None:
            self.window.show()
            old_window.close()
            old_window.deleteLater()
        if old_store is not None:
            old_store.close()
        if not self.screenshot:
            remember_database(self.settings, path)
            if self._backups is not None:
                self._backups.stop()
                self._backups = None
        self.check_watch = OpenCheckWatch(self, store)
        return True

    def check_passed(self) -> None:
        """The open check passed: the day's backup and the scheduled full check may start."""
        if not self.screenshot and self.store is not None and self.store.path is not None:
            path = self.store.path
            self._backups = start_backup(path, on_damaged=lambda: self._scheduled_check_failed(path))

    def _scheduled_check_failed(self, path: Path) -> None:
        from liftdesk.store.connection import damaged_error

        if self.store is not None and self.store.path == path:
            self.damaged(damaged_error(path))

    def damaged(self, exc: LiftDeskError) -> None:
        """The file failed its check after the window was shown: nothing was written to it (every
        write waits for the check); say so and offer the newest good backup, as at open."""
        if self.screenshot:
            print(t("cli.error", message=exc), file=sys.stderr)
            return
        path = self.store.path
        if self.window is not None:
            self.window.setEnabled(False)
        good = getattr(exc, "backup", None)
        if good is None or not messages.offer_backup(self.window, str(exc), str(good)):
            if good is None:
                messages.error(self.window, str(exc))
            return
        self.store.close()
        self.store = None
        store = offer_restore_now(path, good)
        if store is not None:
            store.close()
            self.open(path)

    def switch(self, path: str) -> None:
        """Another database from the 文件 menu; the current one stays when it cannot be opened."""
        if self.store is not None and self.store.path is not None and Path(path).resolve() == self.store.path.resolve():
            return
        self.open(Path(path))

    def close(self) -> None:
        if self._backups is not None:
            self._backups.stop()
        if self.store is not None:
            self.store.close()
            self.store = None


def first_start(workbench: Workbench) -> bool:
    """No database yet: ask how to begin, until a database is open or the user quits."""
    from .dialogs import database_dialogs as dbd

    while True:
        dialog = dbd.FirstStartDialog()
        if not dialog.exec() or dialog.choice is None:
            return False
        if dialog.choice == dbd.FirstStartDialog.NEW:
            path = default_db_path()
            if workbench.open(path, create=not path.exists()):
                return True
        elif dialog.choice == dbd.FirstStartDialog.OPEN:
            path = dbd.ask_open_path(None)
            if path is not None and workbench.open(path):
                return True
        elif open_demo(workbench):
            return True


def open_demo(workbench: Workbench, echo: bool = False) -> bool:
    """The demo in its own file: built once (with progress), then opened like any database."""
    from .dialogs.database_dialogs import demo_db_path

    path = demo_db_path()
    return build_demo_with_progress(path, echo=echo) and workbench.open(path)


def database_at_start(settings: Settings) -> Path | None:
    """The database opened last, else the default one when it exists (from an earlier version)."""
    last = settings.get("last_db")
    if last and Path(last).is_file():
        return Path(last)
    return default_db_path() if default_db_path().is_file() else None


def screenshot_path(value: str, db_path: Path | None) -> Path:
    """Where --screenshot writes: a .png (given when the name has no extension), in a folder that
    exists, never onto the database or its backups; an existing picture is replaced."""
    target = check_output(value, protected=protected_paths(db_path), suffixes=(".png",), force=True)
    folder = target.expanduser().absolute().parent
    if not folder.is_dir():
        raise LiftDeskError("cli.screenshot.no_folder", folder=str(folder))
    return target


class _FirstPaint(QObject):
    """Saves a PNG of the window right after it first paints, then quits. With a dialog (the
    meeting dialog, the print preview), the dialog is opened over the window and the PNG shows
    the whole screen, so anything off-screen or cut off shows in the picture."""

    def __init__(self, window, out: Path, dialog: QWidget | None = None, size: QSize | None = None):
        super().__init__(window)
        self.window, self.out, self.dialog, self.size, self.done = window, out, dialog, size, False

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self._open_dialog if self.dialog is not None else self._save)
        return False

    def _open_dialog(self) -> None:
        self.dialog.show()
        QTimer.singleShot(300, self._save)  # let the dialog lay out and paint (a PDF renders in a thread)

    def _save(self) -> None:
        if os.environ.get("LIFTDESK_BENCH"):  # lets benchmarks/ time process start → first paint
            print(f"first_paint_epoch={time.time():.6f}", flush=True)
        if self.dialog is None and self.size is None:
            image = self.window.grab()
        else:  # the whole screen: the window where it sits, and the dialog over it
            area = screen.available_geometry(self.window)
            image = QPixmap(self.size or area.size())
            image.fill(QColor("#3c4650"))  # the desktop around the windows
            painter = QPainter(image)
            for w in (self.window, self.dialog):
                if w is not None:
                    painter.drawPixmap(w.geometry().topLeft() - area.topLeft(), w.grab())
                    if not area.contains(w.frameGeometry()):
                        print(f"warning: {type(w).__name__} {w.frameGeometry().getRect()} is not inside the "
                              f"screen {area.getRect()}", file=sys.stderr)
            painter.end()
        if image.save(str(self.out), "PNG") and self.out.is_file() and self.out.stat().st_size > 0:
            print(t("cli.screenshot.saved", path=self.out))
            QApplication.instance().exit(0)
        else:  # never "saved" for a picture that is not there
            print(t("cli.error", message=t("cli.screenshot.failed", path=self.out)), file=sys.stderr)
            QApplication.instance().exit(2)


SCREENSHOT_PAGES = ("first-start", "home", "unit", "search", "bin", "overview", "project", "today", "district",
                    "funnel", "charts", "sync", "sync-conflicts", "district-keys", "station-enrol", "district-recover",
                    "meeting", "preview", "settings", "rule", "receipt", "costs",
                    "position", "backup", "station-lock")


def _unit_with_project(store) -> str | None:
    return next((u.id for u in places.list_units(store) if u.project and u.households), None) \
        or places.first_unit(store)


def show_page(window, page: str | None) -> QWidget | None:
    """Put the window on a page for --screenshot; returns a dialog to show over it, if the page is one."""
    store = window.store
    if not page or page == "home":
        window.show_home()
    elif page == "bin":
        window.show_recycle_bin()
    elif page == "search":
        window.search_box.setText("王")
        window.run_search()
    elif page in ("district", "charts", "funnel", "freshness", "targets"):
        window.show_district()
        window.district_page.tabs.setCurrentIndex({"district": 0, "funnel": 1, "charts": 2, "freshness": 3,
                                                   "targets": 4}[page])
    elif page in ("upkeep", "objections"):  # 使用与维保 of a handed-over lift; a project's objection register
        table = "upkeep_visit" if page == "upkeep" else "objection"
        row = store.db.execute(f"SELECT project_id FROM {table} WHERE deleted = 0 ORDER BY project_id LIMIT 1").fetchone()
        if row is None:
            window.show_home()
        else:
            window.open_project(row[0])
            panel = window.project_page.upkeep if page == "upkeep" else window.project_page.objections
            window.project_page.tabs.setCurrentWidget(panel)
    elif page == "today":
        window.show_today()
    elif page in ("sync", "sync-conflicts"):
        window.show_sync()
        window.sync_page.tabs.setCurrentIndex(1 if page == "sync-conflicts" else 0)
    elif page == "costs":  # 方案与费用 of a handed-over lift (the demo gives those a plan and payments)
        unit_id = next((u.id for u in places.list_units(store) if u.stage in ("handover", "maintenance")),
                       None) or _unit_with_project(store)
        project_id = projects.project_of_unit(store, unit_id) if unit_id else None
        if project_id is None:
            window.show_home()
        else:
            window.open_project(project_id)
            window.project_page.tabs.setCurrentWidget(window.project_page.money)
    elif page in ("project", "meeting"):
        unit_id = _unit_with_project(store)
        project_id = projects.project_of_unit(store, unit_id) if unit_id else None
        if project_id is None:  # nothing to show (and no question to ask while taking a picture)
            window.show_home()
        else:
            window.open_project(project_id)
            if page == "meeting":
                from .dialogs.project_dialogs import MeetingDialog

                window.project_page.tabs.setCurrentIndex(2)
                return MeetingDialog(store, window.project_page.project_id, unit_id, window)
    elif page == "overview":
        street = places.children(store, "district", None)
        if street:
            window.open_overview("street", street[0].id)
    elif page in ("unit", "preview"):
        unit_id = _unit_with_project(store)
        if unit_id:
            window.open_unit(unit_id)
            if page == "preview":
                return _preview_dialog(window, unit_id)
    elif page == "settings":
        from .dialogs.settings_dialog import SettingsDialog

        window.show_home()
        return SettingsDialog(window.settings, window)
    elif page == "rule":
        from .dialogs.rule_dialog import RuleDialog

        window.show_home()
        return RuleDialog(store, window)
    elif page in ("district-keys", "station-enrol", "district-recover"):  # the sync page's enrolment dialogs
        from .dialogs import enrol_dialogs

        window.show_sync()
        return {"district-keys": enrol_dialogs.DistrictKeysDialog, "station-enrol": enrol_dialogs.StationEnrolDialog,
                "district-recover": enrol_dialogs.DistrictRecoverDialog}[page](store, window)
    elif page == "receipt":
        from .dialogs.receipt_dialog import ReceiptDialog

        window.show_home()
        return ReceiptDialog(store, "", window)
    elif page in ("position", "backup", "station-lock"):
        return _guide_dialog(window, page)
    else:  # an address: a unit's page, or the overview of a street, community, estate or building
        kind, record_id = places.resolve(store, page)
        if kind == "unit":
            window.open_unit(record_id)
        else:
            window.open_overview(kind, record_id)
    return None


def _guide_dialog(window, page: str) -> QWidget | None:
    """Dialogs the helper's guide shows: 记录意见 over a unit whose verdict is short (its first
    household without a signed form), 备份与恢复, 站点与隐私 (the station lock)."""
    store = window.store
    if page == "backup":
        from .dialogs.backup_dialog import BackupDialog

        window.show_home()
        return BackupDialog(store, window.settings, window)
    if page == "station-lock":
        from .lock import StationDialog

        window.show_home()
        return StationDialog(store, window)
    from .dialogs.position_dialog import PositionDialog

    row = store.db.execute(
        "SELECT h.id, h.room, h.unit_id FROM household h WHERE h.deleted = 0 AND NOT EXISTS (SELECT 1 FROM position"
        " p WHERE p.household_id = h.id AND p.deleted = 0 AND p.written = 1) AND h.unit_id NOT IN (SELECT unit_id"
        " FROM project WHERE deleted = 0 AND unit_id IS NOT NULL) ORDER BY h.unit_id, h.floor DESC LIMIT 1").fetchone()
    if row is None:
        window.show_home()
        return None
    window.open_unit(row[2])
    return PositionDialog(store, row[0], row[1], row[2], None, "", window)


def _preview_dialog(window, unit_id: str) -> QWidget:
    """The print preview of the unit's consultation form (this records the form as printed, like a print)."""
    import tempfile

    from liftdesk.documents import generate

    from .dialogs.preview_dialog import PreviewDialog

    out = Path(tempfile.mkdtemp(prefix="liftdesk-shot-")) / "consent-form.pdf"
    done = generate.print_document(window.store, "consent-form", str(places.unit_address(window.store, unit_id)), out)
    return PreviewDialog(done.path, done.serial, window)


def parse_size(text: str) -> QSize:
    try:
        width, height = (int(v) for v in text.lower().replace("×", "x").split("x"))
    except ValueError:
        raise LiftDeskError("cli.size.invalid", value=text) from None
    if not (320 <= width <= 10000 and 240 <= height <= 10000):
        raise LiftDeskError("cli.size.invalid", value=text)
    return QSize(width, height)


def build_parser() -> argparse.ArgumentParser:
    """The GUI face's own options (the CLI's commands are liftdesk.cli's)."""
    parser = argparse.ArgumentParser(prog="main.py", description=t("cli.description"))
    parser.add_argument("--db", help="database file / 数据库文件")
    parser.add_argument("--lang", choices=("zh", "en"), help="界面语言 / language")
    parser.add_argument("--screenshot", metavar="OUT.png", help="save a PNG of the main window and exit")
    parser.add_argument("--page", help="page for --screenshot: first-start, home, unit, overview, project, upkeep, "
                        "objections, targets, today, district, funnel, charts, freshness, sync, sync-conflicts, "
                        "district-keys, station-enrol, district-recover, search, bin, meeting, preview, settings, "
                        "rule, receipt, costs, position, backup, station-lock, or an address (a unit's page, or the overview of a "
                        "street/community/estate/building)")
    parser.add_argument("--size", metavar="WxH", help="window size for --screenshot, e.g. 1366x768 / 截图窗口尺寸")
    parser.add_argument("--font-size", type=int, metavar="N", help="font size in pt for --screenshot / 截图字号")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.lang:
        set_language(args.lang)
    restrict_new_files()  # databases, backups and logs: readable by the owner only
    return run_gui(args)


def run_gui(args) -> int:
    if args.screenshot:  # needs no screen: render offscreen unless told otherwise
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    settings = Settings()
    lang = args.lang or settings.get("language")
    try:
        size = parse_size(args.size) if getattr(args, "size", None) else None
    except LiftDeskError as exc:
        print(t("cli.error", message=exc), file=sys.stderr)
        return 2
    if args.screenshot:
        try:
            args.screenshot = str(screenshot_path(args.screenshot, Path(args.db) if args.db else None))
        except LiftDeskError as exc:
            print(t("cli.error", message=exc), file=sys.stderr)
            return 2
    font_size = getattr(args, "font_size", None) or settings.get("font_size")
    sizes = BY_KEY["font_size"].choices
    if font_size not in sizes:
        print(t("cli.error", message=t("cli.font_size.invalid", value=font_size, low=sizes[0], high=sizes[-1])),
              file=sys.stderr)
        return 2
    setup_logging()
    qt_noise.install()
    app = init_app(lang, font_size)
    if size is not None:
        screen.set_screen_size(size)
    install_excepthook()
    if args.screenshot and args.page == "first-start":
        return _screenshot_first_start(app, Path(args.screenshot), size)
    workbench = Workbench(settings, screenshot=bool(args.screenshot))
    if args.db:
        opened = workbench.open(Path(args.db))
    else:
        start = database_at_start(settings)
        if start is not None:
            opened = workbench.open(start)
        elif args.screenshot:  # nobody to ask: the demo, its progress on the terminal
            opened = open_demo(workbench, echo=True)
        else:
            opened = first_start(workbench)
    if not opened:
        return 2 if (args.db or args.screenshot) and not workbench.login_cancelled else 0
    window = workbench.window
    try:
        if args.screenshot:
            if size is not None:
                window.resize(size)
            try:
                dialog = show_page(window, args.page)
            except LiftDeskError as exc:
                print(t("cli.error", message=exc), file=sys.stderr)
                return 2
            window.installEventFilter(_FirstPaint(window, Path(args.screenshot), dialog, size))
            window.show()
            return app.exec()
        window.show()
        return app.exec()
    finally:
        if window.isVisible():  # --screenshot leaves it open: its search thread stops before the store closes
            window.close()
        workbench.close()


def _screenshot_first_start(app: QApplication, out: Path, size: QSize | None) -> int:
    """The first start's question over an empty desktop, for the guide."""
    from .dialogs.database_dialogs import FirstStartDialog

    desktop = QWidget()  # a palette, not a style sheet: a style sheet would reach the dialog too
    palette = desktop.palette()
    palette.setColor(desktop.backgroundRole(), QColor("#3c4650"))
    desktop.setPalette(palette)
    desktop.setAutoFillBackground(True)
    desktop.resize(size or QSize(1366, 768))
    dialog = FirstStartDialog(desktop)
    desktop.installEventFilter(_FirstPaint(desktop, out, dialog, size))
    desktop.show()
    return app.exec()
