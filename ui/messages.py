"""The one place that builds message boxes, so tests can patch them and wording stays consistent."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def error(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("messages", "操作未完成"), message)


def info(parent: QWidget | None, message: str) -> None:
    QMessageBox.information(parent, QCoreApplication.translate("messages", "提示"), message)


def confirm(parent: QWidget | None, message: str) -> bool:
    return QMessageBox.question(parent, QCoreApplication.translate("messages", "请确认"), message) == QMessageBox.StandardButton.Yes


def offer_backup(parent: QWidget | None, message: str, backup: str) -> bool:
    """A damaged database: the reason, and a button to restore the newest good backup."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("messages", "数据库已损坏"))
    box.setText(message)
    restore = box.addButton(QCoreApplication.translate("messages", "恢复此备份"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("messages", "关闭"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


def crash(parent: QWidget | None, report: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("messages", "程序出错"))
    box.setDetailedText(report)
    box.setText(QCoreApplication.translate("messages", "LiftDesk 遇到意外错误。已保存的数据不受影响。\n请点击“{button}”，复制报告发给维护人员。").format(
        button=details_button_text()))
    box.exec()


_QT_DETAILS = ("QMessageBox", "Show Details...")  # Qt's own string, translated by qtbase_*.qm


def details_button_text() -> str:
    """The words on QMessageBox's own details button, in the language Qt's translation gives it."""
    return QCoreApplication.translate(*_QT_DETAILS).rstrip(".…").strip()


def status(widget: QWidget, text: str, msecs: int = 8000) -> None:
    """A passing note in the main window's status bar, from any page inside it."""
    window = widget.window()
    if hasattr(window, "statusBar"):
        window.statusBar().showMessage(text, msecs)
