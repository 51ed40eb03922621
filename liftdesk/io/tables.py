"""Reading a sheet of rows from .xlsx or .csv, whatever encoding Chinese Excel saved it in."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from ..i18n import ValidationError

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
    except OSError as exc:
        raise ValidationError("import.unreadable", path=str(path), reason=exc.strerror or str(exc)) from None
    if suffix == ".xlsx":
        rows = _xlsx_rows(data, path)
    elif suffix == ".csv":
        text = decode(data, path)
        if "\x00" in text:
            raise ValidationError("import.not_table", path=str(path))
        rows = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
    else:
        raise ValidationError("import.not_table", path=str(path))
    while rows and not any(rows[-1]):
        rows.pop()
    if not rows:
        raise ValidationError("import.empty", path=str(path))
    return rows


def _xlsx_rows(data: bytes, path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ValidationError("import.not_table", path=str(path)) from None
    try:
        sheet = workbook.worksheets[0]
        return [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return repr(value)  # shortest exact text; parse_area refuses more than two decimals
    return str(value).strip()
