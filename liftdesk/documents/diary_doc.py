"""电梯日记: the merged, dated story of one lift, with its stages as milestones."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from liftdesk.projects import diary, projects
from liftdesk.errors import LiftDeskError
from liftdesk.projects.stages import stage_label
from ..store import Store
from .context import Document, unit_context
from .fonts import FONT
from .template import GRID, HEADER_FILL, esc, fitted, paragraph, styles

WIDTHS = [26 * mm, 18 * mm, 134 * mm]


def build(store: Store, unit_id: str) -> Document:
    ctx = unit_context(store, unit_id, "diary", need_households=False)
    if ctx.project_id is None:
        raise LiftDeskError("project.none", address=str(ctx.address))
    items = diary.timeline(store, ctx.project_id)
    s = styles()
    rows = [[Paragraph(h, s["head"]) for h in ("日期", "类别", "记事")]]
    style = [("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL), ("LINEBELOW", (0, 0), (-1, 0), 0.8, GRID),
             ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.HexColor("#cccccc"))]
    for n, item in enumerate(items, 1):
        milestone = item.kind == "stage"
        text = f"★ {item.text}" if milestone else item.text
        if item.author:
            text += f"　（{item.author}）"
        rows.append([Paragraph(esc(item.on_date), s["cell"]), Paragraph(esc(diary.kind_label(item.kind)), s["cell"]),
                     fitted(text, WIDTHS[2] - 12, s["cell"], 170 * mm)])
        if milestone:
            style.append(("BACKGROUND", (0, n), (-1, n), colors.HexColor("#eef4e8")))
    stage = projects.current_stage(store, ctx.project_id)
    story = [paragraph("电梯日记", s["title"]),
             paragraph(f"{ctx.project_name}　{str(ctx.address).replace('/', ' ')}", s["body"]),
             paragraph(f"当前阶段：{stage_label(stage) if stage else '—'}　共 {len(items)} 条", s["body"])]
    if items:
        table = Table(rows, colWidths=WIDTHS, repeatRows=1)
        table.setStyle(TableStyle(style))
        story.append(table)
    else:
        story.append(paragraph("（尚无记录）", s["body"]))
    texts = ctx.texts() + [(f"{ctx.short} {i.on_date}", i.text + i.author) for i in items]
    content = {"project": ctx.project_id, "items": [i.ref for i in items]}
    return Document("diary", "电梯日记", ctx.project_line, story, texts, content, unit_id=unit_id,
                    project_id=ctx.project_id)
