"""Text as people paste it: zero-width characters from web pages and messaging apps dropped."""

from __future__ import annotations

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def strip_invisible(text: str) -> str:
    """Drop zero-width characters pasted in from web pages and messaging apps."""
    return str(text).translate(_INVISIBLE)
