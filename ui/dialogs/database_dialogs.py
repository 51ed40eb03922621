"""Choosing the database: the first start's three ways in (a new empty file for real work, an
existing file, or the demo in a file of its own) and the file dialogs of 文件 → 新建/打开/另存副本.
The files themselves are made and copied by the core (liftdesk/store/files.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from liftdesk.common.paths import data_dir, default_db_path

DEMO_FILE = "演示数据.db"


def demo_db_path() -> Path:
    """The demo lives in a file of its own beside the real one, never in it."""
    return data_dir() / DEMO_FILE


def _filter() -> str:
    return QCoreApplication.translate("databases", "LiftDesk 数据库 (*.db);;所有文件 (*)")


class FirstStartDialog(QDialog):
    """No database yet: start real work, open a file from elsewhere, or look around in the demo."""

    NEW, OPEN, DEMO = "new", "open", "demo"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.choice: str | None = None
        self.setWindowTitle(self.tr("欢迎使用 LiftDesk 加梯工作台"))
        layout = QVBoxLayout(self)
        layout.setSpacing(self.fontMetrics().height() // 2)
        intro = QLabel(self.tr("还没有数据库。请选择："))
        layout.addWidget(intro)
        self.new_button = self._choice(layout, self.tr("新建空数据库（正式使用）"), self.NEW, self.tr(
            "登记真实的小区、住户和意见。文件保存在：{path}").format(path=default_db_path()))
        self.open_button = self._choice(layout, self.tr("打开已有数据库…"), self.OPEN, self.tr(
            "打开以前用过的或别人拷来的数据库文件（.db）。"))
        self.demo_button = self._choice(layout, self.tr("查看演示数据"), self.DEMO, self.tr(
            "一个虚构的区（拱墅区）供熟悉软件，约需一分钟生成。它单独保存，标题栏标有“演示”，不能登记为同步工作站。"))
        layout.addStretch(1)
        self.quit_button = QPushButton(self.tr("退出"))
        self.quit_button.clicked.connect(self.reject)
        layout.addWidget(self.quit_button, 0, Qt.AlignmentFlag.AlignRight)
        self.new_button.setDefault(True)
        self.new_button.setFocus()

    def _choice(self, layout: QVBoxLayout, text: str, choice: str, note: str) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(self.fontMetrics().height() * 2 + 8)
        button.clicked.connect(lambda: self._chosen(choice))
        explanation = QLabel(note)
        explanation.setWordWrap(True)
        explanation.setContentsMargins(self.fontMetrics().height(), 0, 0, 0)
        explanation.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 28)
        layout.addWidget(button)
        layout.addWidget(explanation)
        return button

    def _chosen(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def ask_new_path(parent: QWidget | None) -> Path | None:
    """Where a new database goes; an existing file is refused by the core, so Qt need not ask."""
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("databases", "新建数据库"), str(data_dir() / "新数据库.db"), _filter(),
        options=QFileDialog.Option.DontConfirmOverwrite)
    return _with_suffix(path)


def ask_open_path(parent: QWidget | None) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("databases", "打开数据库"),
                                          str(data_dir()), _filter())
    return Path(path) if path else None


def ask_copy_path(parent: QWidget | None, current: Path) -> Path | None:
    suggested = current.with_name(f"{current.stem}-副本-{date.today():%Y%m%d}.db")
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("databases", "另存副本"),
                                          str(suggested), _filter(), options=QFileDialog.Option.DontConfirmOverwrite)
    return _with_suffix(path)


def _with_suffix(path: str) -> Path | None:
    if not path:
        return None
    chosen = Path(path)
    return chosen if chosen.suffix else chosen.with_suffix(".db")
