"""The bundled fonts, embedded in every PDF: WenQuanYi Zen Hei for the text, and Hanazono Mincho B
as a per-character fallback for rare name characters (CJK Extension B and beyond, e.g. 𠀀 U+20000).
The fallback is loaded only when a document needs it. Text no bundled font can draw is reported
with where it occurs, never dropped."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from liftdesk.errors import LiftDeskError
from liftdesk.common.resources import cjk_font_path, resource_path

FONT = "LiftDeskCJK"
FALLBACK = "LiftDeskCJKB"
FALLBACK_FILE = "HanaMinB.ttf"


_plain_cmap = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname, subset):
    """reportlab writes a character beyond the BMP (𠀀 U+20000) into the ToUnicode map as <20000>,
    which is not UTF-16: viewers then cannot copy or search the name. Write the UTF-16BE pair."""
    text = _plain_cmap(fontname, [v if v <= 0xFFFF else 0 for v in subset])
    for i, v in enumerate(subset):
        if v > 0xFFFF:
            text = text.replace(f"<{i:02X}> <0000>", f"<{i:02X}> <{chr(v).encode('utf-16-be').hex().upper()}>", 1)
    return text


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


class MissingGlyph(LiftDeskError):
    """A character no bundled font has; `where` names the room and person (or the field)."""

    def __init__(self, where: str, chars: list[str]):
        names = "、".join(f"“{ch}”（U+{ord(ch):04X} {unicodedata.name(ch, '?')}）" for ch in chars)
        super().__init__("document.missing_glyph", where=where or "—", chars=names)
        self.where, self.chars = where, chars


def _share_tables(font: TTFont) -> None:
    """reportlab copies a table out of the font file each time it makes a subset; the glyph table of
    a CJK font is megabytes, so one copy per PDF dominated a batch. Tables are immutable bytes: keep
    each one after its first read. A made subset is kept too (see `seed`): a batch's PDFs share
    their first subset, so it is built once, not once per file."""
    face = font.face
    face.get_table = lru_cache(maxsize=None)(face.get_table)
    make = face.makeSubset
    made = face.subsets_made = lru_cache(maxsize=32)(lambda codes: make(list(codes)))
    face.makeSubset = lambda subset: made(tuple(subset))


# ---- one first subset for a batch ----------------------------------------------------------------
# reportlab numbers a document's characters in order of first use, 256 to a subset, and embeds each
# subset as a font of its own. Every PDF of a batch starts with the same printed labels but reaches
# names and addresses at different points, so each file's first subset differed and was built and
# compressed anew. The first document of a kind teaches its first subset's characters; every later
# one of that kind is given them first, so its first subset is byte-identical and comes from cache.
_SEEDS: dict[str, tuple[int, ...]] = {}


def seed(doc, kind: str) -> None:
    """Before drawing: give DOC (a canvas's PDF document) the first subset learnt for KIND."""
    codes = _SEEDS.get(kind)
    if codes:
        pdfmetrics.getFont(FONT).splitString("".join(map(chr, codes)), doc)


def learn(doc, kind: str) -> None:
    """After drawing, before saving: the first document of KIND teaches its first subset."""
    if kind in _SEEDS:
        return
    font = pdfmetrics.getFont(FONT)
    state = font.state.get(doc)
    if state is None or len(state.subsets) < 2:  # a first subset not yet full differs file by file
        return
    _SEEDS[kind] = tuple(code for n, code in enumerate(state.subsets[0]) if n and not 32 <= n < 127 and code)


@lru_cache(maxsize=1)
def register() -> frozenset[int]:
    """Register the main font once per process; returns the code points it covers."""
    font = TTFont(FONT, str(cjk_font_path()), subfontIndex=0)
    _share_tables(font)
    pdfmetrics.registerFont(font)
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(FONT, bold, italic, FONT)
    return frozenset(font.face.charToGlyph)


@lru_cache(maxsize=1)
def fallback() -> frozenset[int]:
    """Register the fallback font (≈ 0.3 s, so only when a character needs it)."""
    font = TTFont(FALLBACK, str(resource_path("fonts", FALLBACK_FILE)))
    _share_tables(font)
    pdfmetrics.registerFont(font)
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(FALLBACK, bold, italic, FALLBACK)
    return frozenset(font.face.charToGlyph)


def _font_of(ch: str, main: frozenset[int]) -> str | None:
    code = ord(ch)
    if code in main or ch.isspace():
        return FONT
    if code in fallback():
        return FALLBACK
    return None


@lru_cache(maxsize=65536)
def runs(text: str) -> tuple[tuple[str, str], ...]:
    """(font, text) runs: the main font wherever it can draw, the fallback for the rest."""
    main = register()
    if all(ord(ch) in main for ch in text):
        return ((FONT, text),) if text else ()
    out: list[tuple[str, str]] = []
    for ch in text:
        font = _font_of(ch, main) or FONT
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + ch)
        else:
            out.append((font, ch))
    return tuple(out)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def markup(text: object) -> str:
    """Paragraph markup for data: escaped, with runs of rare characters in the fallback font."""
    value = str(text if text is not None else "")
    parts = runs(value)
    if len(parts) <= 1 and (not parts or parts[0][0] == FONT):
        return _esc(value)
    return "".join(_esc(t) if f == FONT else f'<font name="{f}">{_esc(t)}</font>' for f, t in parts)


@lru_cache(maxsize=65536)
def width(text: str, size: float) -> float:
    return sum(stringWidth(t, f, size) for f, t in runs(text))


def draw_text(canvas, x: float, y: float, text: str, size: float, anchor: str = "left") -> float:
    """Draw one line with per-run fonts; anchor left, right or centre. Returns the width drawn."""
    parts = runs(text)
    if len(parts) == 1 and anchor == "left":
        canvas.setFont(FONT if parts[0][0] == FONT else parts[0][0], size)
        canvas.drawString(x, y, text)
        return width(text, size)
    total = width(text, size)
    if anchor == "right":
        x -= total
    elif anchor == "centre":
        x -= total / 2
    for font, part in parts:
        canvas.setFont(font, size)
        canvas.drawString(x, y, part)
        x += stringWidth(part, font, size)
    return total


class TextBatch:
    """Many short strings (a form's cells) as one PDF text object instead of one each: a page of a
    street's batch draws some sixty, and each text object costs more than its string. Text is drawn
    in the fill colour current at `close()`."""

    def __init__(self, canvas):
        self.canvas = canvas
        self.text = canvas.beginText()
        self._font: tuple[str, float] | None = None

    def draw(self, x: float, y: float, text: str, size: float, anchor: str = "left") -> float:
        total = width(text, size)
        if anchor == "right":
            x -= total
        elif anchor == "centre":
            x -= total / 2
        t = self.text
        for font, part in runs(text):
            if self._font != (font, size):
                t.setFont(font, size)
                self._font = (font, size)
            t.setTextOrigin(x, y)
            t.textOut(part)
            x += stringWidth(part, font, size)
        return total

    def close(self) -> None:
        self.canvas.drawText(self.text)


def missing_characters(texts) -> list[str]:
    main = register()
    missing = []
    for text in texts:
        for ch in str(text):
            if ord(ch) not in main and not ch.isspace() and _font_of(ch, main) is None and ch not in missing:
                missing.append(ch)
    return missing


def check_coverage(texts) -> None:
    """TEXTS: strings, or (where, string) pairs so that a refusal names the room and person."""
    main = register()
    for item in texts:
        where, text = item if isinstance(item, tuple) else ("", item)
        text = str(text or "")
        if all(ord(ch) in main for ch in text):
            continue
        missing = missing_characters([text])
        if missing:
            raise MissingGlyph(where, missing)
