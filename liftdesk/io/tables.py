"""Reading a sheet of rows from .xlsx or .csv, whatever encoding Chinese Excel saved it in."""

from __future__ import annotations

import csv
import io
import warnings
from datetime import date, datetime, time
from pathlib import Path

from liftdesk.errors import ValidationError

ENCODINGS = ("utf-8-sig", "gb18030")  # gb18030 is a superset of GBK and GB2312


def decode(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM) first, then GB18030; refuse what neither decodes."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError("import.encoding", path=str(path))


def read_rows(path: str | Path) -> list[list[str]]:
    """All rows of the first sheet as text, trailing empty rows dropped. Row 0 is the header."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ValidationError("import.missing", path=str(path)) from None
    except IsADirectoryError:
        raise ValidationError("import.is_folder", path=str(path)) from None
    except PermissionError:
        raise ValidationError("import.no_permission", path=str(path)) from None
    except OSError as exc:
        raise ValidationError("import.unreadable", path=str(path), reason=exc.strerror or str(exc)) from None
    if suffix == ".xlsx":
        rows = _xlsx_rows(data, path)
    elif suffix == ".csv":
        text = decode(data, path)
        if "\x00" in text:
            raise ValidationError("import.not_table", path=str(path))
        rows = _csv_rows(text, path)
    else:
        raise ValidationError("import.not_table", path=str(path))
    while rows and not any(rows[-1]):
        rows.pop()
    if not rows:
        raise ValidationError("import.empty", path=str(path))
    return rows


def _csv_rows(text: str, path: Path) -> list[list[str]]:
    """Strict CSV: a stray quote that runs over line ends and swallows the following rows is an
    error naming the line it starts on, never one giant cell. A quoted cell may still hold a line
    break (co-owners typed on two lines in Excel) as long as it holds no comma-separated rows."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    start = 1
    try:
        for row in reader:
            for cell in row:
                if ("\n" in cell or "\r" in cell) and "," in cell:
                    raise ValidationError("import.csv_quote", path=path.name, line=start)
            rows.append([cell.strip() for cell in row])
            start = reader.line_num + 1
    except csv.Error:
        raise ValidationError("import.csv_quote", path=path.name, line=start) from None
    return rows


def _xlsx_rows(data: bytes, path: Path) -> list[list[str]]:
    """Values, not formulas (a 合计 cell's SUM reads as its last computed value, or empty)."""
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                sheet = workbook.worksheets[0]
                return [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            finally:
                workbook.close()
    except Exception:  # noqa: BLE001  (a damaged workbook fails in many ways inside openpyxl and zipfile)
        raise ValidationError("import.not_table", path=str(path)) from None


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return repr(value)  # shortest exact text; parse_area refuses more than two decimals
    return str(value).strip()
