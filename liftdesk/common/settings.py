"""User settings, declared once (key, default, type, labels), kept as JSON in the data folder.
Per machine, not per database: a helper's font size follows them to any file they open."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from liftdesk.i18n import language
from liftdesk.common.paths import data_dir

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    type: type
    zh: str
    en: str
    choices: tuple = ()

    @property
    def label(self) -> str:
        return self.en if language() == "en" else self.zh


SETTINGS: tuple[Setting, ...] = (
    Setting("language", "zh", str, "界面语言", "Language", ("zh", "en")),
    Setting("font_size", 12, int, "字号（磅）", "Font size (pt)", tuple(range(9, 25))),
    Setting("inactive_days", 30, int, "多少天无进展算停滞", "Days without activity before a project counts as idle"),
    Setting("last_db", "", str, "上次打开的数据库", "Last database opened"),
    Setting("recorded_by", "", str, "记录人（录入意见时默认填写）", "Recorder (filled in when recording positions)"),
    Setting("roster_mappings", {}, dict, "名册列对应（按表头记住）", "Roster column mappings, remembered by header"),
    Setting("notice_office_address", "", str, "受理异议的社区办公地址（印在公示上）",
            "Community office address for objections (printed on notices)"),
    Setting("notice_office_phone", "", str, "受理异议的社区电话（印在公示上）",
            "Community office phone for objections (printed on notices)"),
    Setting("backup_dir2", "", str, "第二个备份文件夹（如U盘）", "Second backup folder (e.g. a USB stick)"),
    Setting("backup_keep", 10, int, "保留最近备份的份数", "Recent backups to keep"),
    Setting("recent_dbs", [], list, "最近打开的数据库", "Databases opened recently"),
    Setting("backup_max_mb", 2048, int, "备份文件夹的总大小上限（MB）", "Total size of the backups folder at most (MB)"),
)
BY_KEY = {s.key: s for s in SETTINGS}


class Settings:
    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else data_dir() / "settings.json"
        self._values: dict[str, Any] = {}
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(raw, dict):
                self._values = raw
        except FileNotFoundError:
            pass
        except (OSError, ValueError):
            log.warning("settings file unreadable; using defaults")

    def get(self, key: str) -> Any:
        setting = BY_KEY[key]
        value = self._values.get(key, setting.default)
        try:
            value = setting.type(value)
        except (TypeError, ValueError):
            return setting.default
        if setting.choices and value not in setting.choices:
            return setting.default
        return value

    def set(self, key: str, value: Any) -> None:
        setting = BY_KEY[key]
        self._values[key] = setting.type(value)
        self._save()

    def _save(self) -> None:
        """Write to a temp file and rename: a crash never leaves half a settings file."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(self._values, fh, ensure_ascii=False, indent=2)
        os.replace(tmp, self.path)


RECENT_KEEP = 8


def remember_database(settings: Settings, path: str | Path) -> None:
    """The database just opened becomes the one opened next time, first in 最近打开."""
    path = str(Path(path).resolve())
    recent = [p for p in settings.get("recent_dbs") if isinstance(p, str) and p != path]
    settings.set("recent_dbs", [path] + recent[:RECENT_KEEP - 1])
    settings.set("last_db", path)


def recent_databases(settings: Settings) -> list[Path]:
    """Recently opened databases that are still there, newest first."""
    return [Path(p) for p in settings.get("recent_dbs") if isinstance(p, str) and Path(p).is_file()]
