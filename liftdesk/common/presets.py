"""Presets shipped as JSON files under resources/ (consent rules, cost-sharing schemes): which
there are, and one read by id. A district picks one; an id that is not there is named with the
choices, and a file that is not JSON is named with its path."""

from __future__ import annotations

import json
from pathlib import Path

from liftdesk.common.resources import resource_path
from liftdesk.errors import LiftDeskError, ValidationError
from liftdesk.i18n import language


def available(folder: str) -> list[str]:
    return sorted(p.stem for p in resource_path(folder).glob("*.json"))


def read(folder: str, preset_id: str, unknown_key: str, malformed_key: str) -> tuple[dict, Path]:
    """The preset's JSON and its path. UNKNOWN_KEY names the choices (value, choices);
    MALFORMED_KEY a file that cannot be read as JSON (path, reason)."""
    choices = available(folder)
    if preset_id not in choices:
        raise ValidationError(unknown_key, value=preset_id, choices="、".join(choices))
    path = resource_path(folder, f"{preset_id}.json")
    try:
        return json.loads(path.read_text(encoding="utf-8")), path
    except (OSError, ValueError) as exc:
        raise LiftDeskError(malformed_key, path=str(path), reason=str(exc)) from None


class Named:
    """A preset's name and summary in the user's language (Chinese where it has no other)."""

    names: dict
    summaries: dict

    @property
    def name(self) -> str:
        return self.names.get(language(), self.names["zh"])

    @property
    def summary(self) -> str:
        return self.summaries.get(language(), self.summaries["zh"])
