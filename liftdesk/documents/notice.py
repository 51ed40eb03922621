"""公示: the consent statistics of a unit for public display. Names and phones are masked; the
period starts on the next working day and is counted in Chinese working days (public holidays and
adjusted workdays from the maintained `holidays` package); where and how to object names the
community office's address and phone from the settings; room is left for the official seal."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from liftdesk.consent import evaluation, positions
from liftdesk.i18n import t
from liftdesk.places import district_settings
from ..store import Store
from .context import Document, unit_context
from .fonts import draw_text
from .masking import capped, mask_names, mask_phone, mask_text
from .template import MARGIN, PAGE_H, PAGE_W, grid_table, paragraph, styles

WORKING_DAYS = 10


@lru_cache(maxsize=8)
def _calendar(first_year: int):
    import holidays  # ~0.1 s to build a calendar: only when a notice is made

    return holidays.country_holidays("CN", years=range(first_year, first_year + 3))


def is_working_day(day: date) -> bool:
    return _calendar(day.year).is_working_day(day)


def next_working_day(after: date) -> date:
    day = after + timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def notice_period(printed_on: date, days: int = WORKING_DAYS, kind: str = "working") -> tuple[date, date]:
    """Working days: from the next working day after PRINTED_ON, DAYS working days (the first
    counts). Calendar days (Jinan's 15 日): from the day after PRINTED_ON, DAYS days, holidays included."""
    if kind == "calendar":
        return printed_on + timedelta(days=1), printed_on + timedelta(days=days)
    start = next_working_day(printed_on)
    end, left = start, days - 1
    while left:
        end = next_working_day(end)
        left -= 1
    return start, end


def working_days_after(start: date, days: int) -> date:
    """Kept for callers counting from a given day: the DAYS-th working day after START."""
    day = start
    for _ in range(days):
        day = next_working_day(day)
    return day


class SealBox(Flowable):
    """The issuer's lines on the right, with a dashed circle where the official seal goes."""

    def __init__(self, lines: list[str], size: float = 12):
        super().__init__()
        self.lines, self.size = lines, size

    def wrap(self, avail_w, avail_h):
        self.width, self.height = avail_w, max(30 * mm, len(self.lines) * self.size * 1.6 + 6 * mm)
        return self.width, self.height

    def draw(self):
        c = self.canv
        c.setStrokeColor(colors.HexColor("#b03030"))
        c.setDash(3, 2)
        c.setLineWidth(0.8)
        cx, cy, r = self.width - 40 * mm, self.height / 2 + 2 * mm, 13 * mm
        c.circle(cx, cy, r, stroke=1, fill=0)
        c.setDash()
        c.setFillColor(colors.HexColor("#b03030"))
        draw_text(c, cx, cy - r - 4 * mm + 1, "（盖章）", 9, anchor="centre")
        c.setFillColor(colors.black)
        y = self.height - 6 * mm
        for line in self.lines:
            draw_text(c, self.width - 2 * mm, y, line, self.size, anchor="right")
            y -= self.size * 1.6


def _office(store: Store) -> tuple[str, str]:
    """The district's office (its settings); a machine that set one before districts had it keeps it."""
    from liftdesk.common.settings import Settings

    district = district_settings.read(store)
    if district.office_address or district.office_phone:
        return district.office_address, district.office_phone
    settings = Settings()
    return settings.get("notice_office_address"), settings.get("notice_office_phone")


def period_words(start: date, end: date, days: int, kind: str) -> str:
    if kind == "calendar":
        return f"{start.isoformat()} 至 {end.isoformat()}（{days} 日，自发布次日起算，节假日计入）"
    return (f"{start.isoformat()} 至 {end.isoformat()}（{days} 个工作日，自公示次一工作日起算，"
            f"法定节假日不计，调休上班日计入）")


PLAN_LIMIT = 120  # characters of the plan summary on the notice; the drawing in the stairwell has the rest
SINGLE_COLUMN_MAX = 12  # more households than this (7 floors × 2): two to a table row, so text, table and seal share a page


def fits_one_page(story: list) -> bool:
    """Whether STORY fits the body frame of one page (template.render's frame, its 6 pt padding)."""
    width, height = PAGE_W - 2 * MARGIN - 12, PAGE_H - 2 * MARGIN - 14 * mm - 12
    used = 0.0
    for flowable in story:
        for part in getattr(flowable, "_content", None) or [flowable]:  # a KeepTogether: its parts
            used += part.wrap(width, height)[1] + part.getSpaceBefore() + part.getSpaceAfter()
    return used <= height


def _households_table(ctx, current: dict, compact: bool):
    cells = []
    for h in ctx.households:
        phones = "、".join(mask_phone(p) for p in h.phones.split("、") if p.strip())
        cells.append([h.room, mask_names(h.owners), phones,
                      positions.label(positions.POSITIONS, current.get(h.id, "none"))])
    head = ["房号", "业主", "联系电话", "意见"]
    if not compact:
        return grid_table([head] + cells, [25 * mm, 55 * mm, 55 * mm, 43 * mm], padding=1.8)
    half = (len(cells) + 1) // 2
    left, right = cells[:half], cells[half:] + [[""] * 4] * (half - len(cells[half:]))
    rows = [head + head] + [lc + rc for lc, rc in zip(left, right)]
    widths = [10 * mm, 37 * mm, 28 * mm, 14 * mm] * 2
    return grid_table(rows, widths, padding=1.4)


def build(store: Store, unit_id: str, printed_on: date | None = None, days: int | None = None,
          office: tuple[str, str] | None = None) -> Document:
    ctx = unit_context(store, unit_id, "notice")
    s = styles()
    verdict = evaluation.unit_verdict(store, unit_id)
    current = {b.household_id: b.position for b in evaluation.load_ballots(
        store, "h.unit_id = ?", [unit_id], evaluation.LEGAL, evaluation.district_rule(store).written_only).get(unit_id, [])}
    printed_on = printed_on or date.today()
    district = district_settings.read(store)
    kind = district.notice_day_kind if days is None else "working"
    days = district.notice_days if days is None else days
    start, end = notice_period(printed_on, days, kind)
    address, phone = office if office is not None else _office(store)
    a = ctx.address
    names = [o.name for owners in ctx.owners.values() for o in owners]
    plan = mask_text(capped(ctx.plan, PLAN_LIMIT, "……（全文见楼道张贴的方案图）"), names) if ctx.plan else ""
    story = [paragraph(f"关于{a.estate}{a.building}{a.unit}加装电梯的公示", s["title"]),
             paragraph(f"根据《民法典》第二百七十八条及本市既有住宅加装电梯有关规定，{a.estate}{a.building}{a.unit}"
                       f"业主拟加装电梯。现将有关情况公示如下：", s["body"]),
             paragraph(f"一、项目：{mask_text(ctx.project_name, names)}。方案概要：{plan or '详见楼道张贴的设计方案图'}。",
                       s["body"]),
             paragraph(f"二、业主意见征询结果（按{ctx.rule_name}统计，仅计签字书面意见）：", s["body"])]
    rows = [["统计项", "数值", "要求", "是否达到"]]
    for c in verdict.criteria:
        unit = " m²" if c.measures_area else " 人"
        rows.append([t(f"criterion.{c.key}"), f"{c.fraction}{unit}", f"≥ {c.threshold_text}", "是" if c.met else "否"])
    if verdict.rule.require_agreement:  # Guangzhou 2025: the owner of a flat the lift occupies agrees himself
        occupied = [b for b in evaluation.load_ballots(store, "h.unit_id = ?", [unit_id], evaluation.LEGAL,
                                                       True).get(unit_id, []) if b.occupied]
        rooms = "、".join(b.room for b in occupied) or "无"
        rows.append(["占用专有部分的业主同意", rooms, "须本人同意", "否" if verdict.unmet else "是"])
    where = f"{a.community}居民委员会（社区办公室）"
    if address:
        where += f"（地址：{address}"
        where += f"，电话：{phone}）" if phone else "）"
    elif phone:
        where += f"（电话：{phone}）"

    def rest(compact: bool) -> list:
        return [grid_table(rows, [62 * mm, 56 * mm, 30 * mm, 30 * mm], padding=1.4 if compact else 1.8),
                Spacer(1, 1 * mm),
                paragraph(f"结论：{'已达到' if verdict.passed else '未达到'}法定同意比例"
                          f"{'' if verdict.passed or not verdict.unmet else '（占用专有部分的业主尚未同意）'}。",
                          s["body"]),
                paragraph("三、各户意见（姓名、电话已作隐私处理）：", s["body"]),
                _households_table(ctx, current, compact),
                KeepTogether([  # the period, where to object and the seal never part
                    Spacer(1, 2 * mm),
                    paragraph(f"四、公示期：{period_words(start, end, days, kind)}。", s["body"]),
                    paragraph(f"五、如有异议，请在公示期内署名并写明理由，以书面形式向{where}提出；"
                              f"由街道、社区组织协调处理。逾期未提出的，视为无异议。", s["body"]),
                    SealBox([f"发布单位：{a.street}{a.community}居民委员会",
                             f"{a.estate}{a.building}{a.unit}加装电梯筹备组", f"发布日期：{printed_on.isoformat()}"])])]
    single = story + rest(False)
    fits = len(ctx.households) <= SINGLE_COLUMN_MAX and fits_one_page(single)
    story = single if fits else story + rest(True)  # else two households a row: one page up to 7 × 2 and more
    texts = ctx.texts() + [(str(a), address), (str(a), phone), (str(a), plan)]
    content = {"unit": str(a), "period": [start.isoformat(), end.isoformat()], "verdict": verdict.as_json()}
    return Document("notice", "加装电梯公示", ctx.project_line, story, texts, content,
                    unit_id=unit_id, project_id=ctx.project_id, household_ids=[h.id for h in ctx.households])
