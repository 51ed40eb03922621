"""The GUI's way to make documents: one at a time with a preview, or a batch in the background
with a progress bar and cancel (the window stays responsive)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from liftdesk.documents import generate
from liftdesk.documents.context import KIND_NAMES
from liftdesk.i18n import LiftDeskError, t
from liftdesk.paths import data_dir
from liftdesk.store import Store, open_store

from . import messages, tasks
from .dialogs.preview_dialog import PreviewDialog


def printed_folder() -> Path:
    folder = data_dir() / "printed"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def make_and_preview(parent: QWidget, store: Store, kind: str, target: str, printed_by: str = "",
                     show: bool = True) -> generate.Printed | None:
    out = printed_folder() / f"{KIND_NAMES[kind]}-{datetime.now():%Y%m%d-%H%M%S-%f}.pdf"
    try:
        done = generate.print_document(store, kind, target, out, printed_by)
    except LiftDeskError as exc:
        messages.error(parent, str(exc))
        return None
    if show:
        PreviewDialog(done.path, done.serial, parent).exec()
    return done


def _batch(db_path: Path, kind: str, under: str, folder: Path, printed_by: str, progress, cancelled):
    store = open_store(db_path, actor="gui")
    try:
        return generate.print_batch(store, kind, under, folder, printed_by, progress, cancelled)
    finally:
        store.close()


def batch_print(parent: QWidget, store: Store, kind: str, under: str, printed_by: str = "",
                folder: str | None = None) -> generate.BatchResult | None:
    folder = folder or QFileDialog.getExistingDirectory(parent, QCoreApplication.translate("printing", "选择保存文件夹"))
    if not folder:
        return None
    dialog = QProgressDialog(QCoreApplication.translate("printing", "正在生成 {kind}…").format(kind=KIND_NAMES[kind]), QCoreApplication.translate("printing", "取消"), 0, 100, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    task = tasks.Task(_batch, store.path, kind, under, Path(folder), printed_by)
    task.progress.connect(lambda done, total: dialog.setValue(int(done * 100 / max(total, 1))))
    dialog.canceled.connect(task.cancel)
    outcome: dict = {}
    task.succeeded.connect(lambda result: outcome.setdefault("result", result))
    task.failed.connect(lambda text: outcome.setdefault("error", text))
    loop = QEventLoop()
    task.finished.connect(loop.quit)
    dialog.show()
    tasks.start(task)
    loop.exec()
    dialog.reset()
    if outcome.get("error"):
        messages.error(parent, outcome["error"])
        return None
    result = outcome.get("result")
    if result is None or result.cancelled:  # the files written so far are complete
        messages.info(parent, QCoreApplication.translate("printing", "已取消。已生成的 {n} 份文件完整可用。").format(n=len(result.printed) if result else 0))
        return result
    messages.info(parent, t("document.batch", done=len(result.printed), skipped=len(result.skipped),
                            pages=result.pages, seconds=result.seconds))
    return result
