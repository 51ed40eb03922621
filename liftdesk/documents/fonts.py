"""The bundled CJK font, embedded in every PDF; text it cannot draw is reported, never dropped."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..i18n import LiftDeskError
from ..resources import cjk_font_path

FONT = "LiftDeskCJK"


@lru_cache(maxsize=1)
def register() -> frozenset[int]:
    """Register the font once; returns the code points it covers."""
    font = TTFont(FONT, str(cjk_font_path()), subfontIndex=0)
    pdfmetrics.registerFont(font)
    return frozenset(font.face.charToGlyph)


def missing_characters(texts) -> list[str]:
    covered = register()
    missing = []
    for text in texts:
        for ch in str(text):
            if ord(ch) not in covered and not ch.isspace() and ch not in missing:
                missing.append(ch)
    return missing


def check_coverage(texts) -> None:
    missing = missing_characters(texts)
    if missing:
        names = "、".join(f"“{ch}”（U+{ord(ch):04X} {unicodedata.name(ch, '?')}）" for ch in missing)
        raise LiftDeskError("document.missing_glyph", chars=names)
