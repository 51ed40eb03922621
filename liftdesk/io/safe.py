"""Exports never carry live formulas. A name, note or phone that starts with = + - @ (or a tab or
carriage return) is what spreadsheet programs run as a formula ("CSV injection"): such a cell is
written as text in .xlsx and prefixed with ' in .csv, the form Excel itself shows as plain text."""

from __future__ import annotations

from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(TRIGGERS)


def csv_cell(value: Any) -> Any:
    return "'" + value if formula_like(value) else value


def csv_row(values: list[Any]) -> list[Any]:
    return [csv_cell(v) for v in values]


def text_cells(sheet) -> int:
    """Make every formula-like string of an openpyxl sheet a text cell (also marked with Excel's
    quote prefix, so it stays text when edited). Returns how many cells were changed."""
    changed = 0
    for row in sheet.iter_rows():
        for cell in row:
            if formula_like(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True
                changed += 1
    return changed


def workbook_text_cells(workbook) -> int:
    return sum(text_cells(sheet) for sheet in workbook.worksheets)
