"""电梯日记: the merged, dated story of one lift, with its stages as milestones."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from .. import diary, projects
from ..stages import stage_label
from ..i18n import LiftDeskError
from ..store import Store
from .context import Document, unit_context
from .fonts import FONT
from .template import esc, paragraph, styles


def build(store: Store, unit_id: str) -> Document:
    ctx = unit_context(store, unit_id, "diary", need_households=False)
    if ctx.project_id is None:
        raise LiftDeskError("project.none", address=str(ctx.address))
    items = diary.timeline(store, ctx.project_id)
    s = styles()
    rows, style = [], [("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#cccccc"))]
    for n, item in enumerate(items):
        milestone = item.kind == "stage"
        text = f"<b>★ {esc(item.text)}</b>" if milestone else esc(item.text)
        if item.author:
            text += f"　<font size=9 color='#666666'>{esc(item.author)}</font>"
        rows.append([Paragraph(item.on_date, s["cell"]), Paragraph(diary.kind_label(item.kind), s["cell"]),
                     Paragraph(text, s["cell"])])
        if milestone:
            style.append(("BACKGROUND", (0, n), (-1, n), colors.HexColor("#eef4e8")))
    stage = projects.current_stage(store, ctx.project_id)
    story = [paragraph(f"{ctx.project_name} 电梯日记", s["title"]),
             paragraph(f"{str(ctx.address).replace('/', ' ')}　当前阶段：{stage_label(stage) if stage else '—'}",
                       s["body"])]
    if rows:
        table = Table(rows, colWidths=[27 * mm, 14 * mm, 134 * mm], repeatRows=0)
        table.setStyle(TableStyle(style))
        story.append(table)
    else:
        story.append(paragraph("（尚无记录）", s["body"]))
    texts = [str(ctx.address), ctx.project_name] + [i.text + i.author for i in items]
    content = {"project": ctx.project_id, "items": [i.ref for i in items]}
    return Document("diary", "电梯日记", ctx.project_line, story, texts, content, unit_id=unit_id,
                    project_id=ctx.project_id)
