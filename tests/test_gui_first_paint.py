"""The start's first paint (issue 24): only the page shown first is built before the window paints,
the start imports no other page and no heavy module, and every page is still reached from the
keyboard and the menus, built when first shown."""

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QMenu

from liftdesk.common.settings import Settings
from ui import messages
from ui.app import init_app
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


class _PagesAtFirstPaint(QObject):
    """Notes which pages the window had built when it first painted."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window, self.built = window, None

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and self.built is None:
            self.built = self.window.built_pages()
        return False


@pytest.fixture
def window(qtbot, store, unit, tmp_path, monkeypatch):
    init_app("zh", 12)
    monkeypatch.setattr(messages, "confirm", lambda parent, text: True)  # 现在立项吗？ yes
    w = MainWindow(store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(w)
    watch = _PagesAtFirstPaint(w)
    w.installEventFilter(watch)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: watch.built is not None)
    w.built_at_first_paint = watch.built
    return w


def test_only_the_start_page_is_built_before_the_first_paint(window):
    assert window.built_at_first_paint == ["home"]
    assert window.pages.currentWidget() is window.home


def _through_menu(qtbot, window, menu_key, item: str) -> None:
    """Alt+letter opens the menu bar's menu; arrow keys walk to ITEM; Enter chooses it."""
    qtbot.keyClick(window, menu_key, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert item in texts
    for _ in range(len(texts)):
        if menu.activeAction() is not None and menu.activeAction().text() == item:
            break
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")  # the menus, offscreen
def test_every_page_is_reached_from_the_keyboard_and_built_when_first_shown(qtbot, window):
    shown = window.pages.currentWidget

    def reach(name: str, press) -> None:
        assert name not in window.built_pages()
        press()
        qtbot.waitUntil(lambda: name in window.built_pages() and shown() is getattr(window, name))

    reach("today_page", lambda: qtbot.keyClick(window, Qt.Key.Key_T, CTRL))
    reach("district_page", lambda: qtbot.keyClick(window, Qt.Key.Key_D, CTRL))
    reach("sync_page", lambda: qtbot.keyClick(window, Qt.Key.Key_S, CTRL | SHIFT))
    reach("recycle_page", lambda: _through_menu(qtbot, window, Qt.Key.Key_V, "回收站"))
    reach("teams_page", lambda: _through_menu(qtbot, window, Qt.Key.Key_V, "帮帮团"))

    def search() -> None:
        qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
        qtbot.keyClicks(window.search_box, "602")
        qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    reach("search_page", search)

    def tree_to(depth: int) -> None:  # the tree from the keyboard: Right opens a place, Down steps in
        window.tree.setFocus()
        window.tree.setCurrentIndex(window.tree_model.index(0, 0))
        for _ in range(depth):
            qtbot.keyClick(window.tree, Qt.Key.Key_Right)
            qtbot.waitUntil(lambda: window.tree_model.rowCount(window.tree.currentIndex()) > 0)
            qtbot.keyClick(window.tree, Qt.Key.Key_Down)
        qtbot.keyClick(window.tree, Qt.Key.Key_Return)
    reach("overview_page", lambda: tree_to(0))
    reach("unit_page", lambda: tree_to(4))

    def project() -> None:
        window.unit_page.project_button.setFocus()
        qtbot.keyClick(window.unit_page.project_button, Qt.Key.Key_Space)
    reach("project_page", project)

    qtbot.keyClick(window, Qt.Key.Key_Home, CTRL)
    assert shown() is window.home
    assert sorted(window.built_pages()) == sorted(name for name in vars(MainWindow)
                                                  if type(vars(MainWindow)[name]).__name__ == "_LazyPage")


NOT_AT_START = ("reportlab", "openpyxl", "pypinyin", "ui.dialogs", "liftdesk.documents", "liftdesk.reports",
                "liftdesk.io", "liftdesk.consent", "liftdesk.money", "liftdesk.sync", "liftdesk.demo")
LIST_MODULES = """
import atexit, runpy, sys
atexit.register(lambda: print("MODULES " + " ".join(sorted(sys.modules))))
sys.argv = ["main.py"] + sys.argv[1:]
runpy.run_path("main.py", run_name="__main__")
"""


def test_the_start_imports_no_other_page_and_no_heavy_module(store, unit, db_path, tmp_path):
    """The whole start, in a process of its own (--screenshot quits right after the first paint)."""
    out = subprocess.run([sys.executable, "-c", LIST_MODULES, "--db", str(db_path), "--screenshot",
                          str(tmp_path / "shot.png")], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    modules = next(line for line in out.stdout.splitlines() if line.startswith("MODULES ")).split()[1:]
    assert "ui.main_window" in modules and "ui.pages.home_page" in modules
    pages = [m for m in modules if m.startswith("ui.pages.") and m != "ui.pages.home_page"]
    assert pages == [], f"pages imported before they are shown: {pages}"
    heavy = [m for m in modules if m.startswith(NOT_AT_START)]
    assert heavy == [], f"imported at start, though the first window needs none of them: {heavy}"
