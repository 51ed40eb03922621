"""tools/screenshot_dialogs.py draws issue 23's dialogs at 1366×768; at 20 pt nothing in them is
narrower or lower than its text needs and every dialog is on the screen (the folder is the test's)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from ui import screen
from ui.style import apply_font_size

ROOT = Path(__file__).resolve().parent.parent


def test_every_dialog_fits_a_1366x768_screen_at_20pt(tmp_path, qapp):
    spec = importlib.util.spec_from_file_location("screenshot_dialogs", ROOT / "tools" / "screenshot_dialogs.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    data = tool.make_data(tmp_path)
    out = tmp_path / "shots"
    out.mkdir()
    try:
        assert tool.shots(tmp_path, data, out, 20) == []
    finally:  # the screen and the type size as the other tests expect them
        screen.set_screen_size(None)
        apply_font_size(12)
    names = sorted(p.name for p in out.glob("*.png"))
    assert len(names) == 13 and "held-rows-1366x768-20pt.png" in names and "revoke-station-1366x768-20pt.png" in names
    assert "unlock-1366x768-20pt.png" in names and "recovery-code-1366x768-20pt.png" in names
