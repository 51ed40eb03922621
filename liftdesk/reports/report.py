"""The district report as .xlsx (Chinese headers, widths, frozen header, numbers as numbers,
totals), .csv (UTF-8 with BOM, so Excel opens it), or PDF (the documents machinery, with charts)."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

from liftdesk.documents.template import write_atomic
from liftdesk.errors import ValidationError
from liftdesk.io import safe
from liftdesk.reports.stats import FUNNEL_LABELS, FUNNEL_STEPS, Funnel, YearTable

BASIS = {"handover": "按交付年份", "start": "按开工年份"}


def header(table: YearTable) -> list[str]:
    return ["序号", "街道"] + [f"{y}年" for y in table.years] + ["在建", "合计（含在建）", "备注"]


def rows(table: YearTable) -> list[list]:
    """Data rows then the 全区合计 row; a street with no lifts has empty cells and 无任务, as published."""
    out = []
    for n, r in enumerate(table.rows, start=1):
        if r.note:
            out.append([n, r.street] + [None] * (len(table.years) + 2) + [r.note])
        else:
            out.append([n, r.street] + [r.by_year[y] for y in table.years] + [r.under_construction, r.total, ""])
    t = table.totals
    out.append([None, t.street] + [t.by_year[y] for y in table.years] + [t.under_construction, t.total, ""])
    return out


def to_csv(table: YearTable) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(safe.csv_row(header(table)))
    for row in rows(table):
        writer.writerow(safe.csv_row(["" if v is None else v for v in row]))
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(table: YearTable, funnel: Funnel, district: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    sheet = wb.active
    sheet.title = "年度表"
    sheet.append(header(table))
    for row in rows(table):
        sheet.append(row)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="E8EDF3")
    for cell in sheet[1]:
        cell.font, cell.fill, cell.alignment = bold, fill, Alignment(horizontal="center")
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    widths = [6, 14] + [9] * len(table.years) + [8, 14, 10]
    for n, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = width
    sheet.freeze_panes = "C2"
    sheet.append([])
    sheet.append([f"{district}既有住宅加装电梯情况（{BASIS[table.by]}统计，生成于 {date.today().isoformat()}）"])

    steps = wb.create_sheet("进度漏斗")
    steps.append(["街道"] + [FUNNEL_LABELS[s][0] for s in FUNNEL_STEPS])
    for street in funnel.streets:
        steps.append([street] + [funnel.count(s, street) for s in FUNNEL_STEPS])
    steps.append(["全区合计"] + [funnel.count(s) for s in FUNNEL_STEPS])
    for cell in steps[1]:
        cell.font, cell.fill = bold, fill
    for cell in steps[steps.max_row]:
        cell.font = bold
    steps.column_dimensions["A"].width = 14
    for n in range(2, len(FUNNEL_STEPS) + 2):
        steps.column_dimensions[get_column_letter(n)].width = 13
    steps.freeze_panes = "B2"
    safe.workbook_text_cells(wb)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def to_pdf(table: YearTable, funnel: Funnel, district: str) -> bytes:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    from liftdesk.documents.charts import bar_chart
    from liftdesk.documents.template import PageInfo, grid_table, paragraph, render, styles

    s = styles()
    cells = lambda texts: [Paragraph(str(x), s["cell"]) for x in texts]  # noqa: E731  (wrapping header cells)
    data = [cells(header(table)[1:])] + [[("" if v is None else v) for v in r[1:]] for r in rows(table)]
    n_cols = len(data[0])
    widths = [22 * mm] + [(175 - 38) * mm / (n_cols - 2)] * (n_cols - 2) + [16 * mm]
    story = [paragraph(f"{district}既有住宅加装电梯情况", s["title"]),
             paragraph(f"单位：台；{BASIS[table.by]}统计；在建 = 已开工未交付。", s["small"]), Spacer(1, 2 * mm),
             grid_table(data, widths), Spacer(1, 5 * mm),
             paragraph("各年加装电梯数", s["heading"]),
             bar_chart([str(y) for y in table.years], [table.totals.by_year[y] for y in table.years]),
             Spacer(1, 4 * mm),  # every heading keeps with its chart (template styles): no forced page
             paragraph("各街道电梯数（含在建）", s["heading"]),
             bar_chart([r.street.removesuffix("街道") for r in table.rows], [r.total for r in table.rows],
                       height=70 * mm),
             Spacer(1, 4 * mm), paragraph("进度漏斗（全区）", s["heading"]),
             bar_chart([FUNNEL_LABELS[x][0] for x in FUNNEL_STEPS], [funnel.count(x) for x in FUNNEL_STEPS],
                       height=60 * mm),
             Spacer(1, 3 * mm),
             grid_table([cells(["街道"] + [FUNNEL_LABELS[x][0] for x in FUNNEL_STEPS])]
                        + [[st] + [funnel.count(x, st) for x in FUNNEL_STEPS] for st in funnel.streets]
                        + [["全区合计"] + [funnel.count(x) for x in FUNNEL_STEPS]],
                        [24 * mm] + [151 * mm / len(FUNNEL_STEPS)] * len(FUNNEL_STEPS))]
    now = datetime.now()
    serial = f"BB-{now:%y%m%d-%H%M%S}-{now.microsecond // 1000:03d}"  # each print its own number
    data_pdf, _ = render(PageInfo(f"{district}加装电梯统计", f"{district} 加装电梯统计报表", serial,
                                  date.today().isoformat()), story)
    return data_pdf


def export(table: YearTable, funnel: Funnel, district: str, path: str | Path) -> Path:
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        data = to_csv(table)
    elif suffix == ".xlsx":
        data = to_xlsx(table, funnel, district)
    elif suffix == ".pdf":
        data = to_pdf(table, funnel, district)
    else:
        raise ValidationError("report.format", value=Path(path).name)
    return write_atomic(path, data)
