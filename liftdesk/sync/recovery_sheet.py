"""The district key's recovery sheet: a page to print and lock away. It carries the private keys
still locked by the passphrase (useless without it), as a QR code and as text to type back in
with `district-recover`, plus the fingerprint stations can compare."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ..documents.template import PageInfo, _draw_qr, grid_table, paragraph, qr_modules, render, styles, write_atomic
from .enrol import DistrictKey


class _Qr(Flowable):
    def __init__(self, text: str, size: float):
        super().__init__()
        self.modules, self.size = qr_modules(text), size

    def wrap(self, avail_w, avail_h):
        return self.size, self.size

    def draw(self):
        _draw_qr(self.canv, self.modules, 0, 0, self.size)


def code_lines(code: str, group: int = 6, per_line: int = 8) -> list[str]:
    groups = [code[i:i + group] for i in range(0, len(code), group)]
    return [" ".join(groups[i:i + per_line]) for i in range(0, len(groups), per_line)]


def write_sheet(public: DistrictKey, code: str, path: str | Path) -> Path:
    s = styles()
    mono = ParagraphStyle("mono", fontName="Courier", fontSize=9.5, leading=12.5)
    info = PageInfo(title="区密钥恢复单", project_line=f"{public.name} 区加梯办 — 同步密钥恢复单",
                    serial=f"KEY-{public.key_id[:8].upper()}", printed_on=date.today().isoformat())
    rows = [["区", public.name or "—"], ["密钥编号", public.key_id], ["密钥指纹", public.fingerprint],
            ["生成日期", date.today().isoformat()]]
    story = [paragraph("区加梯办同步密钥恢复单", s["title"]),
             paragraph("请打印本页，签名后锁入保险柜。本页上的私钥仍由口令保护：没有口令无法使用；"
                       "口令请另行保管，不要写在本页上。电脑损坏或重装后，用 district-recover 命令"
                       "输入下方恢复码和口令即可恢复，已登记的工作站无需重新登记。", s["body"]),
             grid_table([[paragraph(a, s["cell"]), paragraph(b, s["cell"])] for a, b in rows], [30 * mm, 140 * mm],
                        header_rows=0, zebra=False),
             Spacer(1, 4 * mm), paragraph("恢复码（二维码与文字内容相同）", s["heading"]),
             _Qr(code, 60 * mm), Spacer(1, 3 * mm)]
    story += [Paragraph(line, mono) for line in code_lines(code)]
    story += [Spacer(1, 6 * mm), paragraph("保管人签名：____________________    日期：______________", s["body"])]
    data, _ = render(info, story)
    return write_atomic(path, data)
