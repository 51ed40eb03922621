"""The station's recovery sheet (#19): the recovery code of its encrypted database, to print and
lock away. Unlike the district's sheet, the code alone opens the file: the PDF is for printing
only and should be deleted once printed (the dialog that saves it says so)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from .template import PageInfo, grid_table, paragraph, render, styles, write_atomic


def write_sheet(code_groups: str, code_id: str, database: str, path: str | Path) -> Path:
    s = styles()
    mono = ParagraphStyle("mono", fontName="Courier-Bold", fontSize=16, leading=24)
    info = PageInfo(title="数据库恢复单", project_line="工作站数据库恢复单", serial=f"DATA-{code_id}",
                    printed_on=date.today().isoformat())
    rows = [["数据库", database], ["恢复单编号", code_id], ["生成日期", date.today().isoformat()]]
    story = [paragraph("工作站数据库恢复单", s["title"]),
             paragraph("本站已开启站点锁，数据库文件和备份均已加密。所有工作人员都忘记密码时，在登录窗口勾选"
                       "“忘记密码：用打印的恢复码打开”，输入下方恢复码即可打开。凭此码可读取全部居民信息："
                       "请签名后锁入保险柜，不要拍照或存在电脑上。", s["body"]),
             grid_table([[paragraph(a, s["cell"]), paragraph(b, s["cell"])] for a, b in rows], [30 * mm, 140 * mm],
                        header_rows=0, zebra=False),
             Spacer(1, 6 * mm), paragraph("恢复码", s["heading"])]
    words = code_groups.split()
    story += [Paragraph(" ".join(words[i:i + 4]), mono) for i in range(0, len(words), 4)]
    story += [Spacer(1, 8 * mm), paragraph("保管人签名：____________________    日期：______________", s["body"])]
    data, _ = render(info, story)
    return write_atomic(path, data)
