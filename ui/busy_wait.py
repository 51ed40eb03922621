"""While another program writes to the database, a write from the window waits (up to 2 minutes,
see liftdesk.store.sqlite_file.begin_immediate) instead of failing: the status bar says so, with
a button that stops waiting. The rest of the window is disabled meanwhile, so nothing else starts
a write while this one waits; a write from a background task just waits."""

from __future__ import annotations

import threading

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QMainWindow, QPushButton, QWidget

from liftdesk.store.sqlite_file import on_wait


class WaitIndicator(QWidget):
    """The status bar's "另一程序正在写入数据库，等待中…" and its cancel button."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window_ = window
        self.label = QLabel(self.tr("另一程序正在写入数据库，等待中…"))
        self.cancel_button = QPushButton(self.tr("取消等待"))
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.cancel_button)
        window.statusBar().addPermanentWidget(self)
        self.hide()
        self.cancelled = False
        self.waiting = False
        self.stop_listening = on_wait(self.heard)
        self.destroyed.connect(lambda *_: self.stop_listening())

    def cancel(self) -> None:
        self.cancelled = True

    def heard(self, waited: float | None) -> bool | None:
        """Called by a waiting writer on each slice of its wait (None: the wait is over)."""
        if threading.current_thread() is not threading.main_thread():
            return None
        try:
            return self._heard(waited)
        except RuntimeError:  # the window is gone
            self.stop_listening()
            return None

    def _heard(self, waited: float | None) -> bool | None:
        if waited is None:
            self._end()
            return None
        if not self.waiting:
            self.waiting, self.cancelled = True, False
            for part in (self.window_.centralWidget(), self.window_.menuBar()):
                if part is not None:
                    part.setEnabled(False)
            self.show()
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        return False if self.cancelled else None

    def _end(self) -> None:
        if not self.waiting:
            return
        self.waiting = False
        for part in (self.window_.centralWidget(), self.window_.menuBar()):
            if part is not None:
                part.setEnabled(True)
        self.hide()
