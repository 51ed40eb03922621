"""The helper's guide's screenshots of dialogs: `--page position|backup|station-lock` (issue #23 item 6)."""

import shutil

import pytest

from liftdesk.common.settings import Settings
from liftdesk.store import open_store
from ui import messages
from ui.app import init_app, show_page
from ui.dialogs.backup_dialog import BackupDialog
from ui.dialogs.position_dialog import PositionDialog
from ui.lock import StationDialog
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, named_district_db, tmp_path, monkeypatch):
    init_app("zh", 12)
    monkeypatch.setattr(messages, "error", lambda parent, text: pytest.fail(text))
    shutil.copy(named_district_db, tmp_path / "named.db")
    store = open_store(tmp_path / "named.db")
    w = MainWindow(store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(w)
    yield w
    store.close()


def test_guide_dialogs_open_over_the_window(window):
    assert isinstance(show_page(window, "backup"), BackupDialog)
    assert isinstance(show_page(window, "station-lock"), StationDialog)
    dialog = show_page(window, "position")
    assert isinstance(dialog, PositionDialog)
    unit = window.unit_page.unit_id
    assert unit == dialog.unit_id and window.pages.currentWidget() is window.unit_page
    written = window.store.db.execute("SELECT count(*) FROM position WHERE household_id = ? AND written = 1",
                                      [dialog.household_id]).fetchone()[0]
    project = window.store.db.execute("SELECT count(*) FROM project WHERE unit_id = ?", [unit]).fetchone()[0]
    assert written == 0 and project == 0  # a household still to win over, in a unit not yet started
