"""Exports never carry live formulas: a cell starting with = + - @ is text in .xlsx and prefixed
with ' in .csv (roster export and the district report)."""

import csv
import io

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from liftdesk.places import registry
from liftdesk.people import ownership
from liftdesk.reports import stats
from liftdesk.reports import report
from liftdesk.io import roster, safe

EVIL = ['=HYPERLINK("http://x.example","点我")', "+1+1", "-2+3", "@SUM(A1:A3)", "=cmd|' /C calc'!A0"]
PLACE_EVIL = [name.replace("/", "") for name in EVIL]  # a place name cannot hold "/" (addresses)


def test_the_roster_export_writes_formula_like_cells_as_text(tmp_path, store, unit):
    rows = registry.unit_households(store, unit)
    for row, name in zip(rows, EVIL):
        ownership.set_owners(store, row.id, [name])
    ownership.set_owner_phone(store, rows[0].id, "+86 138 1234 5678")
    path = roster.export_roster(store, unit, tmp_path / "out.xlsx")
    sheet = load_workbook(path).active
    cells = [sheet.cell(row=n, column=4) for n in range(2, 2 + len(EVIL))]
    assert [c.value for c in cells] == EVIL
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)
    assert sheet.cell(row=2, column=5).data_type == "s" and sheet.cell(row=2, column=5).quotePrefix
    assert not any(c.data_type == "f" for r in sheet.iter_rows() for c in r)
    assert sheet.cell(row=2, column=3).data_type == "n"  # numbers stay numbers
    again = roster.plan_import(path)  # and the file imports back, names as typed
    assert again.ok and [r.owners[0] for r in again.good[1:4]] == EVIL[1:4]


def test_the_district_report_writes_formula_like_cells_safely(store, unit):
    district = registry.default_district(store)
    for name in PLACE_EVIL:
        registry.add_street(store, district, name)
    table, funnel = stats.yearly_table(store), stats.funnel(store)
    lines = list(csv.reader(io.StringIO(report.to_csv(table).decode("utf-8-sig"))))
    streets = [line[1] for line in lines[1:-1]]
    assert ["'" + name for name in PLACE_EVIL] == [s for s in streets if s.startswith("'")]
    assert "长庆街道" in streets and lines[-1][1] == "全区合计"
    workbook = load_workbook(io.BytesIO(report.to_xlsx(table, funnel, "=1+1区")))
    cells = [c for sheet in workbook.worksheets for r in sheet.iter_rows() for c in r]
    assert not any(c.data_type == "f" for c in cells)
    evil = [c for c in cells if isinstance(c.value, str) and c.value in PLACE_EVIL]
    assert len(evil) == 2 * len(PLACE_EVIL) and all(c.quotePrefix for c in evil)  # the year table and the funnel


@given(st.text(max_size=20))
def test_a_csv_cell_never_starts_a_formula(text):
    cell = safe.csv_cell(text)
    assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r")
    assert cell in (text, "'" + text)
