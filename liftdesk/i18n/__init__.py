"""The core's message catalogue: every user-facing string of the CLI and of core errors.

Chinese first; English where the user chose it. The GUI uses Qt's tr() for its own text and
shows core errors through this catalogue, so one error reads the same in both faces.
"""

from __future__ import annotations

from liftdesk.i18n.catalogue import (cli, common, consent, documents, history, io, money, people, places,
                                     projects, store, sync, upkeep)

DOMAINS = (store, common, places, people, consent, projects, money, documents, io, history, sync, cli, upkeep)
from liftdesk.i18n.catalogue import protection  # noqa: E402  (#19: data at rest)
DOMAINS += (protection,)


def _merged() -> dict[str, dict[str, str]]:
    """One catalogue from the domains' parts; a key defined twice is a mistake caught at import."""
    merged: dict[str, dict[str, str]] = {}
    for part in DOMAINS:
        twice = merged.keys() & part.MESSAGES.keys()
        if twice:
            raise RuntimeError(f"catalogue keys defined twice: {sorted(twice)}")
        merged.update(part.MESSAGES)
    return merged


MESSAGES = _merged()
_lang = "zh"


def set_language(lang: str) -> None:
    global _lang
    _lang = "en" if lang == "en" else "zh"


def language() -> str:
    return _lang


def t(key: str, **params: object) -> str:
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    text = entry.get(_lang) or entry["zh"]
    return text.format(**params) if params else text
