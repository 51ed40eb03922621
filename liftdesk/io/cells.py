"""Reading one roster cell as offices write it: floors (3, 3楼, 三层, 一楼), areas (63.5㎡),
positions (同意, √), tick marks, dates (2024/3/1, an Excel serial), rooms carrying their building
and unit (1-2-301, 2单元301, 1幢2单元301), and place names with Chinese numerals (二单元)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from liftdesk.common import dates
from liftdesk.common.units import parse_area
from liftdesk.consent import positions
from liftdesk.errors import ValidationError
from liftdesk.places import registry

# words offices write in an 意见 / 是否同意 column, beyond the position names themselves
OPINION_WORDS = {"是": "support", "√": "support", "✓": "support", "✔": "support", "同意加装": "support",
                 "否": "oppose", "×": "oppose", "✗": "oppose", "不同意加装": "oppose",
                 "有条件同意": "conditional", "附条件同意": "conditional", "条件同意": "conditional",
                 "待定": "none", "未表态": "none", "未答复": "none", "未签": "none"}
TICKED = {"✓", "√", "☑", "✔", "是", "1", "X", "×", "✗", "☒", "V", "Y"}  # compared upper-case
UNTICKED = {"", "否", "0", "□", "☐", "-", "—", "/"}
_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def number(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def chinese_number(text: str) -> int | None:
    """"三" → 3, "十二" → 12, "二十" → 20, "廿一" → 21, "12" → 12; None when it is not a number."""
    text = number(text).replace("廿", "二十")
    if re.fullmatch(r"\d{1,3}", text):
        return int(text)
    if not text or any(c not in _DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return _DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)


def floor_from_room(room: str) -> int | None:
    digits = re.match(r"^(\d+)", room)
    if digits and len(digits.group(1)) >= 3:
        return int(digits.group(1)[:-2])
    return None


def floor(text: str, room: str, max_floors: int | None) -> int:
    """"3", "3楼", "3层", "三层", "一楼", "3F", "3.0"; empty: the floor the room number names."""
    limit = max_floors or registry.MAX_FLOORS
    written = re.sub(r"^第", "", re.sub(r"(层|楼|F)$", "", number(text).upper()))
    if re.fullmatch(r"\d+\.0+", written):
        written = written.split(".")[0]
    value = chinese_number(written) if written else floor_from_room(room)
    key = "floor.invalid" if max_floors else "floor.invalid_any"  # a building to be made has no height yet
    if value is None:
        raise ValidationError(key, value=text or "—", floors=limit)
    if not 1 <= value <= limit:
        raise ValidationError(key, value=value, floors=limit)
    return value


def area(text: str) -> int:
    value = re.sub(r"(m2|㎡|m²|平方米|平米|平方)$", "", number(text).lower()).strip()
    return parse_area(value or text)


def position(text: str) -> str | None:
    word = re.sub(r"\s+", "", number(text))
    if not word:
        return None
    return OPINION_WORDS.get(word) or positions.position_code(word)


def ticked(text: str, column: str) -> bool:
    """Whether a tick column's cell is marked: ✓ √ ☑ 是 1 X x × mark it, empty (or 否, 0, □) does not."""
    mark = re.sub(r"\s+", "", number(text)).upper()
    if mark in TICKED:
        return True
    if mark in UNTICKED:
        return False
    raise ValidationError("import.tick_invalid", column=column, value=text)


def day(text: str) -> str | None:
    value = number(text)
    if not value:
        return None
    match = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?", value)
    if match:
        value = "{}-{:0>2}-{:0>2}".format(*match.groups())
    elif re.fullmatch(r"\d{5}(\.0+)?", value):  # a date Excel kept as a serial number
        value = (date(1899, 12, 30) + timedelta(days=int(float(value)))).isoformat()
    try:
        return dates.past_day(value)
    except ValidationError as exc:
        if exc.key == "date.future":
            raise
        raise ValidationError("import.date_invalid", value=text) from None


_NUM = r"(\d{1,3}|[一二三四五六七八九十两〇零]{1,3})"
_PLACED_ROOM = [
    re.compile(rf"^{_NUM}(?:幢|栋|号楼|号|#)-?{_NUM}单元-?(.+)$"),  # 1幢2单元301
    re.compile(rf"^{_NUM}单元-?(.+)$"),                             # 2单元301
    re.compile(r"^(\d{1,3})[-－—](\d{1,2})[-－—](\d{3,4}.*)$"),    # 1-2-301 (building-unit-room)
    re.compile(r"^(\d{1,2})[-－—](\d{3,4}.*)$"),                   # 2-301 (unit-room)
]


@dataclass(frozen=True)
class PlacedRoom:
    """A room as a building roster writes it: the building and unit it names (None when not)."""
    room: str
    building: int | None = None
    unit: int | None = None


def placed_room(text: str) -> PlacedRoom:
    room = registry.normalise_room(text)
    for n, pattern in enumerate(_PLACED_ROOM):
        match = pattern.match(room)
        if not match:
            continue
        parts = match.groups()
        if n in (0, 2):
            return PlacedRoom(registry.normalise_room(parts[2]), chinese_number(parts[0]), chinese_number(parts[1]))
        return PlacedRoom(registry.normalise_room(parts[1]), None, chinese_number(parts[0]))
    return PlacedRoom(room)


def place_number(name: str, word: str) -> int | None:
    """The number a place's name gives: place_number("2单元", "单元") → 2, ("6幢", "幢") → 6,
    ("二单元", "单元") → 2; a bare "3" is taken as it is."""
    text = number(name)
    words = {"单元": "单元", "幢": "(?:幢|栋|号楼|号|#)"}[word]
    match = re.search(rf"{_NUM}{words}", text)
    if match:
        return chinese_number(match.group(1))
    return chinese_number(text)
