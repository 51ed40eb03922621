"""What every stored row must satisfy, whoever wrote it: one check per table, run by `records` on
every local insert and edit and by sync on every row of a file before anything is applied. The
domain's own checks (a floor the building has, a room not yet taken) come first where people
type; this is the floor under both paths, so a merged value can never be one a local write refuses
(text in a number column, 1e300 m², a name with "/" or an RTL mark, a 40 MB name, a path as id)."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date, datetime
from typing import Any

from liftdesk.common.units import MAX_AREA_X100
from liftdesk.errors import ValidationError
from liftdesk.i18n import t
from .ids import is_id


INT_RE = re.compile(r"^-?\d{1,19}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_INT = 2 ** 53           # beyond this a number is no count, money or floor LiftDesk keeps
MAX_TEXT = 100_000          # minutes and diary entries; anything longer is not typed by a person
MAX_JSON = 1 << 20          # bytes of one JSON value, checked before it is parsed
MAX_JSON_DEPTH = 20
PLACE_NAME_MAX = 60
PERSON_NAME_MAX = 50
SHORT_NAME_MAX = 100
PLACE_TABLES = ("district", "street", "community", "estate", "building", "unit")
FLOOR_RANGE = (-5, 200)
FLOORS_RANGE = (1, 200)
# Columns that hold a JSON document, and columns that hold a date or a moment.
JSON_COLUMNS = {"details", "agenda", "attachments", "household_ids", "coefficients", "scheme_json", "shares_json"}
DATE_COLUMNS = {"on_date", "from_date", "to_date", "due_date", "done_on", "paid_on", "subsidy_applied_on",
                "subsidy_approved_on", "subsidy_credited_on"}
MOMENT_COLUMNS = {"starts_at", "ends_at", "created_at", "updated_at"}
# Names of people copied onto records (may be empty), and a person's own name (may not).
NAME_COPY_COLUMNS = {("position", "respondent_name"), ("attendance", "name"), ("group_member", "name"),
                     ("helper", "name")}


def _fail(field: str, reason: str, value: Any) -> ValidationError:
    shown = repr(value) if not isinstance(value, str) else value
    shown = shown if len(shown) <= 40 else shown[:40] + "…"
    shown = shown.encode("unicode_escape").decode("ascii") if any(
        unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in shown) else shown
    return ValidationError("row.invalid", field=field, reason=t(f"row.reason.{reason}"), value=shown)


def bad_name_char(name: str) -> str | None:
    """The first character a name may not hold: "/" or "\\" (names are joined into addresses and
    file names), a control, format (RTL override, zero-width) or line-separator character."""
    for char in name:
        if char in "/\\" or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"):
            return char
    return None


def _brackets(text: str) -> str:
    return "".join(re.findall(r"[\[\]{}]", text))


def json_depth_ok(text: str, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether JSON text nests no deeper than `limit`, found without parsing it (strings removed
    first), so a 1,000-deep document never reaches the recursive parser."""
    depth = 0
    for token in _brackets(re.sub(r'"(?:[^"\\]|\\.)*"', "", text)):
        depth += 1 if token in "[{" else -1
        if depth > limit:
            return False
    return True


def loads_capped(text: str, max_bytes: int = MAX_JSON, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """json.loads after the size and depth checks; ValueError for anything refused."""
    if not isinstance(text, str) or len(text) > max_bytes or not json_depth_ok(text, max_depth):
        raise ValueError("json too large or too deep")
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("json too deep") from None


# --- one value -----------------------------------------------------------------------------------

def _integer(field: str, value: Any, low: int = -MAX_INT, high: int = MAX_INT) -> None:
    if type(value) is not int:
        raise _fail(field, "not_int", value)
    if not low <= value <= high:
        raise _fail(field, "out_of_range", value)


def _text(field: str, value: Any, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise _fail(field, "not_text", value)
    if len(value) > limit:
        raise _fail(field, "too_long", f"{len(value)}")
    return value


def _name(field: str, value: Any, limit: int, empty_ok: bool = False, place: bool = True) -> None:
    """A place name never holds "/" or "\\" (addresses, file names); a person's may (as typed)."""
    name = _text(field, value, limit)
    if not name.strip() and not empty_ok:
        raise _fail(field, "empty", value)
    bad = bad_name_char(name if place else name.replace("/", "").replace("\\", ""))
    if bad:
        raise _fail(field, "bad_char", value)


def _uuid(field: str, value: Any) -> None:
    if not is_id(value):
        raise _fail(field, "bad_id", value)


def _date(field: str, value: Any) -> None:
    _text(field, value, 10)
    if value == "":
        return
    try:
        if not DATE_RE.match(value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise _fail(field, "bad_date", value) from None


def _moment(field: str, value: Any) -> None:
    _text(field, value, 40)
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise _fail(field, "bad_date", value) from None


def _json(field: str, value: Any) -> Any:
    _text(field, value, MAX_JSON)
    if value == "":
        return None
    try:
        return loads_capped(value)
    except ValueError:
        raise _fail(field, "bad_json", value[:40]) from None


def _attachments(field: str, value: Any) -> None:
    """Plan attachments are paths relative to the database's files folder: never absolute, never "..". """
    names = _json(field, value)
    if names is None:
        return
    if not isinstance(names, list):
        raise _fail(field, "bad_json", value)
    for name in names:
        parts = name.replace("\\", "/").split("/") if isinstance(name, str) else None
        if not parts or name.startswith(("/", "\\")) or ":" in name or any(p in ("", ".", "..") for p in parts) \
                or any(bad_name_char(p) for p in parts):
            raise _fail(field, "bad_path", name)


# --- one field of one table ----------------------------------------------------------------------

def check_field(table: str, field: str, value: Any, declared: str = "", notnull: bool = False) -> None:
    """Refuse a value of TABLE.FIELD that no write may store. `declared` is the column's SQL type
    (INTEGER/TEXT) and `notnull` its constraint, from the database itself."""
    label = f"{table}.{field}"
    if value is None:
        if notnull:
            raise _fail(label, "empty", value)
        return
    if field == "id" or (field.endswith("_id") and field != "station_id"):
        _uuid(label, value)
    elif table in PLACE_TABLES and field == "name":
        _name(label, value, PLACE_NAME_MAX)
    elif table == "household" and field == "room":
        _text(label, value, 20)
        if not value.strip() or any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in value):
            raise _fail(label, "bad_char", value)
    elif table == "person" and field == "name":
        _name(label, value, PERSON_NAME_MAX, place=False)
    elif table == "person" and field in ("phone", "id_ref"):
        _name(label, value, 120, empty_ok=True, place=False)
    elif (table, field) in NAME_COPY_COLUMNS:
        _name(label, value, SHORT_NAME_MAX, empty_ok=True, place=False)
    elif table == "household" and field == "area_x100":
        _integer(label, value, 1, MAX_AREA_X100)
    elif table == "household" and field == "floor":
        _integer(label, value, *FLOOR_RANGE)
    elif table == "building" and field == "floors":
        _integer(label, value, *FLOORS_RANGE)
    elif field == "deleted":
        _integer(label, value, 0, 1)
    elif table == "lift_plan" and field == "attachments":
        _attachments(label, value)
    elif field in JSON_COLUMNS:
        _json(label, value)
    elif field in DATE_COLUMNS:
        _date(label, value)
    elif field in MOMENT_COLUMNS:
        _moment(label, value)
    elif declared.upper().startswith("INT"):
        _integer(label, value)
    else:
        _text(label, value)


def column_types(db, table: str) -> dict[str, tuple[str, bool]]:
    """{column: (declared type, not null)} as the database has them (other helpers add columns)."""
    return {r[1]: ((r[2] or "").upper(), bool(r[3]) and r[4] is None)
            for r in db.execute(f"PRAGMA table_info({table})").fetchall()}


def check_row(table: str, values: dict[str, Any], types: dict[str, tuple[str, bool]]) -> None:
    """The one check of TABLE's rows: every given value (an insert's, or an edit's fields)."""
    for field, value in values.items():
        declared, notnull = types.get(field, ("", False))
        check_field(table, field, value, declared, notnull)


def stored_value(text: str | None, declared: str) -> Any:
    """A travelling edit's value (change-log text) as the column holds it: an INTEGER column's
    digits become a number; anything else in such a column stays text and is refused."""
    if text is not None and declared.upper().startswith("INT") and INT_RE.match(text):
        return int(text)
    return text

