"""Reading the sheets of a roster file as rows of text: .xlsx, .xls (Excel 97–2003), and text saved
as CSV or "Unicode text" (UTF-8, GB18030 or UTF-16; comma- or tab-separated). A workbook keeps
what the office did to it: which rows are hidden or filtered out, and which cells are merged (a
merged cell's value fills every cell it covers, and each covered cell remembers its anchor)."""

from __future__ import annotations

import csv
import io
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from liftdesk.errors import ValidationError

ENCODINGS = ("utf-8-sig", "gb18030")  # gb18030 is a superset of GBK and GB2312
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass
class Sheet:
    """One sheet: rows of text (0-based), the rows hidden or filtered out, and for each cell a
    merged range covers (other than its anchor) the anchor's (row, column)."""
    name: str
    rows: list[list[str]]
    hidden: frozenset[int] = frozenset()
    merged: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    visible: bool = True

    @property
    def empty(self) -> bool:
        return not any(any(c.strip() for c in row) for row in self.rows)


def decode(data: bytes, path: Path) -> str:
    """UTF-16 when it starts with its byte-order mark (Excel's "Unicode text"), else UTF-8 (with or
    without BOM), then GB18030; refuse what none decodes."""
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ValidationError("import.encoding", path=str(path)) from None
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError("import.encoding", path=str(path))


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ValidationError("import.missing", path=str(path)) from None
    except IsADirectoryError:
        raise ValidationError("import.is_folder", path=str(path)) from None
    except PermissionError:
        raise ValidationError("import.no_permission", path=str(path)) from None
    except OSError as exc:
        raise ValidationError("import.unreadable", path=str(path), reason=exc.strerror or str(exc)) from None


def read_book(path: str | Path) -> list[Sheet]:
    """Every sheet of the file (a text file is one sheet named after the file), trailing empty
    rows dropped. Refuses a file with no data at all."""
    path = Path(path)
    suffix = path.suffix.lower()
    data = _read_bytes(path)
    if suffix == ".xlsx":
        sheets = _xlsx_sheets(data, path)
    elif suffix == ".xls":
        sheets = _xls_sheets(data, path)
    elif suffix in TEXT_SUFFIXES:
        text = decode(data, path)
        if "\x00" in text:
            raise ValidationError("import.not_table", path=str(path))
        sheets = [Sheet(path.stem, _text_rows(text, path))]
    else:
        raise ValidationError("import.not_table", path=str(path))
    for sheet in sheets:
        while sheet.rows and not any(sheet.rows[-1]):
            sheet.rows.pop()
    if all(sheet.empty for sheet in sheets):
        raise ValidationError("import.empty", path=str(path))
    return sheets


def read_rows(path: str | Path) -> list[list[str]]:
    """All rows of the first sheet with data, as text. Row 0 is the header."""
    return next(s for s in read_book(path) if not s.empty).rows


def delimiter(text: str) -> str:
    """Tab when the first lines hold more tabs than commas (Excel's "Unicode text", a .csv saved
    from a tab-separated export), else comma."""
    head = [line for line in text.splitlines()[:20] if line.strip()]
    tabs, commas = sum(line.count("\t") for line in head), sum(line.count(",") for line in head)
    return "\t" if tabs and tabs >= commas else ","


def _text_rows(text: str, path: Path) -> list[list[str]]:
    """Strict CSV: a stray quote that runs over line ends and swallows the following rows is an
    error naming the line it starts on, never one giant cell. A quoted cell may still hold a line
    break (co-owners typed on two lines in Excel) as long as it holds no separated rows."""
    sep = delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    rows: list[list[str]] = []
    start = 1
    try:
        for row in reader:
            for cell in row:
                if ("\n" in cell or "\r" in cell) and sep in cell:
                    raise ValidationError("import.csv_quote", path=path.name, line=start)
            rows.append([cell.strip() for cell in row])
            start = reader.line_num + 1
    except csv.Error:
        raise ValidationError("import.csv_quote", path=path.name, line=start) from None
    return rows


def _fill_merged(rows: list[list[str]], ranges) -> dict[tuple[int, int], tuple[int, int]]:
    """Copy each merged range's anchor value into every cell it covers; returns covered → anchor.
    `ranges` are (first row, last row, first column, last column), 0-based and inclusive."""
    covered: dict[tuple[int, int], tuple[int, int]] = {}
    for r0, r1, c0, c1 in ranges:
        if r0 >= len(rows):
            continue
        value = rows[r0][c0] if c0 < len(rows[r0]) else ""
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            if len(row) <= c1:
                row.extend([""] * (c1 + 1 - len(row)))
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    row[c] = value
                    covered[(r, c)] = (r0, c0)
    return covered


def _xlsx_sheets(data: bytes, path: Path) -> list[Sheet]:
    """Values, not formulas (a 合计 cell's SUM reads as its last computed value, or empty)."""
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
            workbook = load_workbook(io.BytesIO(data), data_only=True)
            sheets = []
            for ws in workbook.worksheets:
                rows = [[_cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
                hidden = frozenset(n - 1 for n, dim in ws.row_dimensions.items() if dim.hidden and n >= 1)
                ranges = [(m.min_row - 1, m.max_row - 1, m.min_col - 1, m.max_col - 1) for m in ws.merged_cells.ranges]
                merged = _fill_merged(rows, ranges)
                sheets.append(Sheet(ws.title, rows, hidden, merged, ws.sheet_state == "visible"))
            workbook.close()
            return sheets
    except Exception:  # noqa: BLE001  (a damaged workbook fails in many ways inside openpyxl and zipfile)
        raise ValidationError("import.not_table", path=str(path)) from None


def _xls_sheets(data: bytes, path: Path) -> list[Sheet]:
    """Excel 97–2003 through xlrd (which reads only .xls since 2.0)."""
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, logfile=io.StringIO())
    except Exception:  # noqa: BLE001  (xlrd raises many kinds for a file that is not a workbook)
        raise ValidationError("import.not_table", path=str(path)) from None
    sheets = []
    for ws in book.sheets():
        rows = [[_xls_text(ws.cell(r, c), book.datemode) for c in range(ws.ncols)] for r in range(ws.nrows)]
        hidden = frozenset(r for r, info in ws.rowinfo_map.items() if info.hidden)
        ranges = [(r0, r1 - 1, c0, c1 - 1) for r0, r1, c0, c1 in ws.merged_cells]
        merged = _fill_merged(rows, ranges)
        sheets.append(Sheet(ws.name, rows, hidden, merged, ws.visibility == 0))
    return sheets


def _xls_text(cell, datemode: int) -> str:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return _cell_text(xlrd.xldate.xldate_as_datetime(cell.value, datemode))
        except (ValueError, OverflowError):
            return _cell_text(cell.value)
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return ""
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return "是" if cell.value else "否"
    return _cell_text(cell.value)


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
