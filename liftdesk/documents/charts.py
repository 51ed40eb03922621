"""Bar charts for PDF reports (reportlab graphics), in the bundled CJK font."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from .fonts import FONT, register


def bar_chart(labels: list[str], values: list[int], width: float = 175 * mm, height: float = 65 * mm) -> Drawing:
    register()
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 14 * mm
    chart.width, chart.height = width - 16 * mm, height - 20 * mm
    chart.data = [values or [0]]
    chart.bars[0].fillColor = colors.HexColor("#1f5f9e")
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = FONT
    chart.categoryAxis.categoryNames = labels or [""]
    chart.categoryAxis.labels.fontName = FONT
    crowded = len(labels) > 10 or sum(len(x) for x in labels) > 30
    chart.categoryAxis.labels.fontSize = 8 if crowded else 9
    chart.categoryAxis.labels.angle = 25 if crowded else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if crowded else "n"
    chart.categoryAxis.labels.dy = -4 if crowded else -2
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7.5
    chart.barLabels.nudge = 6
    drawing.add(chart)
    if not values:
        drawing.add(String(width / 2, height / 2, "（无数据）", fontName=FONT, textAnchor="middle"))
    return drawing
