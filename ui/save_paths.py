"""The GUI's save dialogs, all through the core's one output-path guard (liftdesk.common.outputs):
a chosen name never replaces the database, its WAL files or its backups, a device or a folder;
a name without an extension gets the right one and a wrong one is refused; an existing file is
replaced only when the person says so (asked here, once, in our own words)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from liftdesk.common.outputs import check_output
from liftdesk.errors import LiftDeskError
from liftdesk.store.backup import protected_paths

from . import messages


def _tr(text: str) -> str:
    return QCoreApplication.translate("save_paths", text)


def check_save_path(parent: QWidget | None, db_path: Path | None, path: str | Path,
                    suffixes: tuple[str, ...]) -> Path | None:
    """The file to write for PATH, or None after telling why not (or when replacing was declined)."""
    try:
        target = check_output(path, protected=protected_paths(db_path), suffixes=suffixes, force=True)
    except LiftDeskError as exc:
        messages.error(parent, str(exc))
        return None
    if target.exists() and not messages.confirm(parent, _tr("“{path}”已存在。要替换它吗？").format(path=target)):
        return None
    return target


def ask_save_path(parent: QWidget | None, db_path: Path | None, title: str, default_name: str, name_filter: str,
                  suffixes: tuple[str, ...]) -> Path | None:
    """A save dialog whose answer has passed the guard; None when cancelled or refused."""
    path, _ = QFileDialog.getSaveFileName(parent, title, default_name, name_filter,
                                          options=QFileDialog.Option.DontConfirmOverwrite)
    if not path:
        return None
    return check_save_path(parent, db_path, path, suffixes)
