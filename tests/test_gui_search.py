"""Search off the UI thread (issue 24): while a slow query runs, keys land in the box at once; only
the latest query's results ever show; a long list comes a page at a time."""

import threading
import time

import pytest
from PySide6.QtCore import Qt

from liftdesk.common.settings import Settings
from liftdesk.people import ownership
from liftdesk.places import registry, search
from ui.app import init_app
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, store, unit, tmp_path):
    init_app("zh", 12)
    rows = registry.unit_households(store, unit)
    ownership.set_owners(store, rows[2].id, ["黄杞财"], "13812345678")
    ownership.set_owners(store, rows[11].id, ["王芳"], "13900001111")
    w = MainWindow(store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def test_typing_goes_on_while_a_slow_query_runs_and_only_the_latest_results_show(qtbot, window, monkeypatch):
    real = search.search_households
    entered, release = threading.Event(), threading.Event()

    def slow_first(store, query, *args, **kwargs):
        if query == "hqc":  # the first query is slow on purpose: it waits until the test lets it go
            entered.set()
            release.wait(10)
        return real(store, query, *args, **kwargs)

    monkeypatch.setattr(search, "search_households", slow_first)
    page = window.search_page
    titles = []
    page.shown.connect(lambda: titles.append(page.title.text()))
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search_box, "hqc")
    qtbot.waitUntil(entered.is_set, timeout=5000)  # the slow query is running on the search thread
    started = time.perf_counter()
    window.search_box.clear()
    qtbot.keyClicks(window.search_box, "wf")  # the user goes on typing while it runs
    typed = time.perf_counter() - started
    assert window.search_box.text() == "wf" and typed < 1.0  # the keys landed at once
    qtbot.wait(400)  # the pause after typing: the second query is asked for
    assert not release.is_set() and titles == []  # the slow one still runs; nothing shown yet
    release.set()
    qtbot.waitUntil(lambda: bool(titles), timeout=5000)
    qtbot.wait(300)  # time for a stale result to arrive, if it were going to be shown
    assert titles == ["“wf”：找到 1 户"]  # never the slow query's list
    assert page.table.model().index(0, 6).data() == "王芳"
    assert window.search_box.hasFocus()


def test_a_long_list_comes_a_page_at_a_time(qtbot, window, store, unit, monkeypatch):
    monkeypatch.setattr(search, "LIMIT", 5)
    page = window.search_page
    window.search_box.setText("遥祥寺巷")
    with qtbot.waitSignal(page.shown):
        qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert page.table.model().rowCount() == 5 and page.more_button.isVisible()
    with qtbot.waitSignal(page.shown):
        qtbot.mouseClick(page.more_button, Qt.MouseButton.LeftButton)
    assert page.table.model().rowCount() == 10
    with qtbot.waitSignal(page.shown):
        qtbot.mouseClick(page.more_button, Qt.MouseButton.LeftButton)
    assert page.table.model().rowCount() == 12 and not page.more_button.isVisible()
    assert "找到 12 户" in page.title.text()


def test_new_peoples_pinyin_is_written_in_the_background_in_steps(qtbot, window, store, unit, monkeypatch):
    """As after a sync import that brings a street: many people without search documents; the
    search thread writes them a step at a time, and their pinyin finds them."""
    from liftdesk.store import records
    from ui import search_runner

    monkeypatch.setattr(search_runner, "STEP", 3)
    monkeypatch.setattr(search, "BATCH", 2)
    rows = registry.unit_households(store, unit)
    ownership.set_owners(store, rows[7].id, ["单雄信"], "")
    with store.db.atomic():
        for n in range(10):
            records.insert(store, "person", {"name": f"路人{n}", "phone": ""})
    assert store.db.execute("SELECT count(*) FROM person_search_stale").fetchone()[0] >= 11
    left = []
    window.search_page.runner.keys_progress.connect(left.append)
    window.search_page.runner.refresh_keys()
    qtbot.waitUntil(lambda: left[-1:] == [0], timeout=10000)
    assert len(left) > 2 and left == sorted(left, reverse=True)  # in steps, fewer left each time
    assert store.db.execute("SELECT count(*) FROM person_search_stale").fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM search_doc WHERE full = 'luren1|luoren1'"
                            ).fetchone()[0] == 1
    assert [h.room for h in search.search_households(store, "sxx", refresh=False)] == ["402"]


def test_a_late_result_does_not_take_the_focus_from_another_page(qtbot, window, unit, monkeypatch):
    real = search.search_households
    release = threading.Event()
    monkeypatch.setattr(search, "search_households",
                        lambda store, query, *a, **k: (release.wait(10), real(store, query, *a, **k))[1])
    page = window.search_page
    window.search_box.setText("hqc")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)  # Enter: the list would take the focus
    window.open_unit(unit)  # the user moves on before the results come
    window.unit_page.table.setFocus()
    with qtbot.waitSignal(page.shown):
        release.set()
    assert window.unit_page.table.hasFocus() and not page.table.hasFocus()


def test_a_failing_search_says_so_in_the_title(qtbot, window, monkeypatch):
    import sqlite3

    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(search, "search_households", broken)
    window.search_box.setText("hqc")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "搜索出错" in window.search_page.title.text(), timeout=5000)
    assert "disk I/O error" in window.search_page.title.text()
