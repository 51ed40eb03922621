"""The GUI's way to make documents: one at a time with a preview, or a batch in the background
with a progress bar and cancel (the window stays responsive). A batch covers the units the overview
shows (its filter), and goes to a folder (a file per unit), to one combined PDF, or through one
print dialog to the printer."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFileDialog, QLabel, QProgressDialog,
                               QRadioButton, QVBoxLayout, QWidget)

from liftdesk.documents import generate
from liftdesk.common.document_kinds import KIND_NAMES
from liftdesk.errors import LiftDeskError
from liftdesk.common.paths import data_dir
from liftdesk.store import Store, open_store

from . import messages, tasks
from .dialogs.preview_dialog import PreviewDialog
from .pdf_printer import render_pdf
from .save_paths import ask_save_path, check_save_path

MODES = ("folder", "combined", "printer")


def _tr(text: str) -> str:
    return QCoreApplication.translate("printing", text)


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
        PreviewDialog(done.path, done.serial, parent, db_path=store.path).exec()
    return done


class BatchDialog(QDialog):
    """Where a batch goes: a file per unit, one combined PDF, or the printer (one print dialog)."""

    def __init__(self, kind: str, units: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("批量打印"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("为当前列表中的 {n} 个单元生成{kind}：").format(n=units, kind=KIND_NAMES[kind])))
        self.buttons = {"folder": QRadioButton(self.tr("每个单元一个 PDF，保存到文件夹")),
                        "combined": QRadioButton(self.tr("合并为一个 PDF（一次送印）")),
                        "printer": QRadioButton(self.tr("直接送打印机（只弹出一次打印对话框）"))}
        group = QButtonGroup(self)
        for button in self.buttons.values():
            group.addButton(button)
            layout.addWidget(button)
        self.buttons["combined"].setChecked(True)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def mode(self) -> str:
        return next(m for m, b in self.buttons.items() if b.isChecked())


def _batch(db_path: Path, kind: str, under: str, folder: Path | None, printed_by: str, unit_ids, combined,
           replace, progress, cancelled):
    store = open_store(db_path, actor="gui", defer_check=True)  # checked while the first units render

    def report(done: int, total: int) -> None:
        try:
            progress(done, total)
        except tasks.Cancelled:  # stop between units; what was written is kept and counted
            pass
    try:
        return generate.print_batch(store, kind, under, folder, printed_by, report, cancelled,
                                    unit_ids=unit_ids, combined=combined, replace=replace)
    finally:
        store.close()


def batch_print(parent: QWidget, store: Store, kind: str, under: str, printed_by: str = "",
                folder: str | None = None, unit_ids: list[str] | None = None, mode: str | None = None,
                combined: str | None = None) -> generate.BatchResult | None:
    """MODE folder / combined / printer; asked in a dialog when not given (tests pass it)."""
    if mode is None:
        dialog = BatchDialog(kind, len(unit_ids) if unit_ids is not None else 0, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        mode = dialog.mode()
    stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
    if mode == "folder":
        folder = folder or QFileDialog.getExistingDirectory(parent, _tr("选择保存文件夹"))
        if not folder:
            return None
        target_folder, combined_path = Path(folder), None
        existing = generate.existing_batch_files(store, kind, under, target_folder, unit_ids)
        if existing and not messages.confirm(parent, _tr("文件夹中已有 {n} 个同名文件（如“{name}”）。要替换它们吗？").format(
                n=len(existing), name=existing[0].name)):
            return None
        replace = bool(existing)
    elif mode == "combined":
        if combined is None:
            combined = ask_save_path(parent, store.path, _tr("保存合并的 PDF"), f"{KIND_NAMES[kind]}-{stamp}.pdf",
                                     "PDF (*.pdf)", (".pdf",))
        else:
            combined = check_save_path(parent, store.path, combined, (".pdf",))
        if not combined:
            return None
        target_folder, combined_path, replace = None, str(combined), True
    else:
        target_folder, combined_path = None, str(printed_folder() / f"{KIND_NAMES[kind]}-{stamp}-送印.pdf")
        replace = False
    progress = QProgressDialog(_tr("正在生成{kind}…").format(kind=KIND_NAMES[kind]), _tr("取消"), 0, 100, parent)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    task = tasks.Task(_batch, store.path, kind, under, target_folder, printed_by, unit_ids, combined_path, replace)
    task.progress.connect(lambda done, total: progress.setValue(int(done * 100 / max(total, 1))))
    progress.canceled.connect(task.cancel)
    outcome: dict = {}
    task.succeeded.connect(lambda result: outcome.setdefault("result", result))
    task.failed.connect(lambda text: outcome.setdefault("error", text))
    loop = QEventLoop()
    task.finished.connect(loop.quit)
    progress.show()
    tasks.start(task)
    loop.exec()
    progress.reset()
    if outcome.get("error"):
        messages.error(parent, outcome["error"])
        return None
    result = outcome.get("result")
    if result is None or result.cancelled:  # the files written so far are complete and recorded
        written = len({p.path for p in result.printed}) if result else 0
        messages.info(parent, _tr("已取消。已生成的 {n} 份文件完整可用。").format(n=written))
        return result
    if mode == "printer" and result.combined:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
            messages.info(parent, _tr("未打印。合并的 PDF 已保存：{path}").format(path=result.combined))
            return result
        render_pdf(result.combined, printer)
    messages.info(parent, result.summary())
    return result
