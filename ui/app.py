"""Starting the GUI: application, font, translations, settings, logging, crash hook, database."""

from __future__ import annotations

import logging
import os
import sys
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QLibraryInfo, QLocale, QObject, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QProgressDialog

from liftdesk import demo, places
from liftdesk.i18n import LiftDeskError, set_language, t
from liftdesk.logs import setup_logging
from liftdesk.paths import default_db_path
from liftdesk.resources import resource_path
from liftdesk.settings import Settings
from liftdesk.store import open_store

from . import messages, tasks
from .lock import StationLock, login_at_start
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
    return app


def _build_demo(path: Path, progress, cancelled) -> dict:
    store = open_store(path, actor="demo")
    try:
        return demo.generate(store, progress=progress)
    finally:
        store.close()


def build_demo_with_progress(path: Path) -> None:
    """First start: fill the new default database with the demo district, showing progress."""
    dialog = QProgressDialog(QApplication.translate("app", "正在生成演示数据（拱墅区）…"),
                             QApplication.translate("app", "取消"), 0, 100)
    dialog.setWindowTitle("LiftDesk")
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    task = tasks.Task(_build_demo, path)
    task.progress.connect(lambda done, total: dialog.setValue(int(done * 100 / max(total, 1))))
    dialog.canceled.connect(task.cancel)
    outcome: list[str] = []
    task.failed.connect(outcome.append)
    loop = QEventLoop()
    task.finished.connect(loop.quit)
    task.finished.connect(dialog.reset)
    dialog.show()
    tasks.start(task)
    loop.exec()  # returns when the work has ended, done or cancelled
    if outcome and outcome[0]:
        messages.error(None, outcome[0])


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


def _backup_task(path: Path, progress, cancelled):
    from liftdesk.store import backup

    return backup.make_backup(path, "start")


def _daily_task(path: Path, progress, cancelled):
    from liftdesk.store import backup

    return backup.backup_if_due(path, "daily")


def _run_backup(fn, path: Path) -> None:
    task = tasks.Task(fn, path)
    task.failed.connect(lambda message: log.warning("backup failed: %s", message.splitlines()[0] if message else ""))
    tasks.start(task)


def start_backup(path: Path) -> None:
    """A backup on start, then the daily one checked every hour; off the UI thread, a failure is
    only logged (the next one tries again)."""
    _run_backup(_backup_task, path)
    timer = QTimer(QApplication.instance())
    timer.setInterval(3600 * 1000)
    timer.timeout.connect(lambda: _run_backup(_daily_task, path))
    timer.start()


class _FirstPaint(QObject):
    """Saves a PNG of the window right after it first paints, then quits."""

    def __init__(self, window, out: Path):
        super().__init__(window)
        self.window, self.out, self.done = window, out, False

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self._save)
        return False

    def _save(self) -> None:
        if os.environ.get("LIFTDESK_BENCH"):  # lets benchmarks/ time process start → first paint
            print(f"first_paint_epoch={time.time():.6f}", flush=True)
        self.window.grab().save(str(self.out))
        print(t("cli.screenshot.saved", path=self.out))
        QApplication.instance().quit()


def show_page(window, page: str | None) -> None:
    if not page or page == "home":
        window.show_home()
    elif page == "bin":
        window.show_recycle_bin()
    elif page == "search":
        window.search_box.setText("王")
        window.run_search()
    elif page in ("district", "charts", "funnel", "freshness"):
        window.show_district()
        window.district_page.tabs.setCurrentIndex({"district": 0, "funnel": 1, "charts": 2, "freshness": 3}[page])
    elif page == "today":
        window.show_today()
    elif page in ("sync", "sync-conflicts"):
        window.show_sync()
        window.sync_page.tabs.setCurrentIndex(1 if page == "sync-conflicts" else 0)
    elif page == "project":
        unit_id = places.first_unit(window.store)
        if unit_id:
            window.open_project_of_unit(unit_id)
    elif page == "overview":
        street = places.children(window.store, "district", None)
        if street:
            window.open_overview("street", street[0].id)
    elif page == "unit":
        unit_id = places.first_unit(window.store)
        if unit_id:
            window.open_unit(unit_id)
    else:
        window.open_unit(places.resolve_unit(window.store, page))


def run_gui(args) -> int:
    from .main_window import MainWindow

    if args.screenshot:  # needs no screen: render offscreen unless told otherwise
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    settings = Settings()
    lang = args.lang or settings.get("language")
    setup_logging()
    app = init_app(lang, settings.get("font_size"))
    install_excepthook()
    path = Path(args.db) if args.db else default_db_path()
    first_start = not args.db and not path.exists()
    try:
        if first_start:
            open_store(path).close()
            build_demo_with_progress(path)
        store = open_store(path, actor="gui", create=first_start or not args.db)
    except LiftDeskError as exc:
        if args.screenshot:
            print(t("cli.error", message=exc), file=sys.stderr)
            return 2
        store = offer_restore(path, exc)
        if store is None:
            return 2
    if not login_at_start(store):  # the station lock: a login before any resident's data shows
        store.close()
        return 0
    if not args.screenshot:
        start_backup(path)
    window = MainWindow(store, settings)
    window.station_lock = StationLock(window, store)
    try:
        if args.screenshot:
            try:
                show_page(window, args.page)
            except LiftDeskError as exc:
                print(t("cli.error", message=exc), file=sys.stderr)
                return 2
            window.installEventFilter(_FirstPaint(window, Path(args.screenshot)))
            window.show()
            return app.exec()
        window.show()
        return app.exec()
    finally:
        store.close()
