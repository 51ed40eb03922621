"""Finds bundled resources, also inside a frozen (PyInstaller) build."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    return resource_root().joinpath(*parts)


CJK_FONT_FILE = "wqy-zenhei.ttc"
CJK_FONT_FAMILY = "WenQuanYi Zen Hei"


def cjk_font_path() -> Path:
    return resource_path("fonts", CJK_FONT_FILE)
