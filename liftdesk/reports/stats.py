"""District statistics: the yearly table of lifts by street (as the district publishes it) and the
progress funnel from eligible units to lifts in use. Works on a station's or the merged database."""

from __future__ import annotations

from dataclasses import dataclass, field

from liftdesk.errors import ValidationError
from liftdesk.places.places import UNIT_PATH_SQL
from liftdesk.projects.units import PROJECT_UNITS_SQL
from liftdesk.reports.published import NO_PROJECTS, TOTAL_ROW

BY = ("handover", "start")


@dataclass
class YearRow:
    street: str
    by_year: dict[int, int]
    under_construction: int
    total: int
    note: str = ""

    def as_json(self) -> dict:
        return {"street": self.street, "by_year": {str(y): n for y, n in self.by_year.items()},
                "under_construction": self.under_construction, "total": self.total, "note": self.note}


@dataclass
class YearTable:
    by: str
    years: list[int]
    rows: list[YearRow]
    totals: YearRow

    def as_json(self) -> dict:
        return {"by": self.by, "years": self.years, "rows": [r.as_json() for r in self.rows],
                "totals": self.totals.as_json()}


_PROJECT_DATES = f"""
    SELECT s.id AS street_id, p.id AS project_id,
           (SELECT min(on_date) FROM stage_event e WHERE e.project_id = p.id AND e.deleted = 0
                AND e.stage = 'construction') AS started,
           (SELECT min(on_date) FROM stage_event e WHERE e.project_id = p.id AND e.deleted = 0
                AND e.stage = 'handover') AS handed_over
    {UNIT_PATH_SQL} JOIN ({PROJECT_UNITS_SQL}) pu ON pu.unit_id = u.id JOIN project p ON p.id = pu.project_id
    WHERE u.deleted = 0"""  # one row per lift: a project over several units (四梯连装, 连片) counts each unit


def streets(store) -> list[tuple[str, str]]:
    return store.db.execute("SELECT id, name FROM street WHERE deleted = 0 ORDER BY seq, name").fetchall()


def yearly_table(store, by: str = "handover") -> YearTable:
    """Lifts per year by street. By handover year (default) or start year; 在建 = started and not
    handed over; the total counts every started lift. A street with no lifts is marked 无任务."""
    if by not in BY:
        raise ValidationError("report.by", value=by)
    counts: dict[str, dict[int, int]] = {}
    building: dict[str, int] = {}
    for street_id, _, started, handed in store.db.execute(_PROJECT_DATES):
        if started is None and handed is None:
            continue
        when = handed if by == "handover" else (started or handed)
        if handed is None:
            building[street_id] = building.get(street_id, 0) + 1
            if by == "handover":
                continue
        year = int(when[:4])
        counts.setdefault(street_id, {})[year] = counts.setdefault(street_id, {}).get(year, 0) + 1
    years = sorted({y for c in counts.values() for y in c})
    if years:
        years = list(range(years[0], years[-1] + 1))
    rows = []
    for street_id, name in streets(store):
        by_year = {y: counts.get(street_id, {}).get(y, 0) for y in years}
        uc = building.get(street_id, 0)
        total = sum(by_year.values()) + (uc if by == "handover" else 0)
        rows.append(YearRow(name, by_year, uc, total, "" if total else NO_PROJECTS))
    totals = YearRow(TOTAL_ROW, {y: sum(r.by_year[y] for r in rows) for y in years},
                     sum(r.under_construction for r in rows), sum(r.total for r in rows))
    return YearTable(by, years, rows, totals)


FUNNEL_STEPS = ("eligible", "group", "consent", "permit", "construction", "in_use", "subsidy")
FUNNEL_LABELS = {"eligible": ("符合条件单元", "eligible units"), "group": ("成立筹备组", "preparation groups"),
                 "consent": ("完成意见征询", "consent reached"), "permit": ("取得规划许可", "permits issued"),
                 "construction": ("在建", "under construction"), "in_use": ("交付使用", "in use"),
                 "subsidy": ("补贴到账", "subsidies credited")}


@dataclass
class Funnel:
    """step → street name → ids (unit ids for 'eligible', project ids for the rest)."""
    streets: list[str]
    ids: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def count(self, step: str, street: str | None = None) -> int:
        if street is None:
            return sum(len(v) for v in self.ids[step].values())
        return len(self.ids[step].get(street, []))

    def as_json(self) -> dict:
        return {"steps": list(FUNNEL_STEPS),
                "rows": [{"street": s, **{step: self.count(step, s) for step in FUNNEL_STEPS}} for s in self.streets],
                "totals": {step: self.count(step) for step in FUNNEL_STEPS}}


def funnel(store) -> Funnel:
    """'Consent reached' is a project past its formal consultation (意见征询/签订协议); a unit's own
    consent verdict is on its page and in the consent overview."""
    names = streets(store)
    result = Funnel([n for _, n in names], {step: {} for step in FUNNEL_STEPS})
    street_name = dict(names)
    for street_id, unit_id in store.db.execute(
            f"SELECT s.id, u.id {UNIT_PATH_SQL} WHERE u.deleted = 0 AND u.eligible = 1"):
        result.ids["eligible"].setdefault(street_name[street_id], []).append(unit_id)
    stages: dict[str, set[str]] = {}
    credited: set[str] = set()
    for project_id, stage, details in store.db.execute(
            "SELECT project_id, stage, details FROM stage_event WHERE deleted = 0"):
        stages.setdefault(project_id, set()).add(stage)
        if stage == "subsidy" and '"credited_on"' in details:
            credited.add(project_id)
    grouped = {r[0] for r in store.db.execute("SELECT DISTINCT project_id FROM group_member WHERE deleted = 0")}
    for street_id, project_id, _, _ in store.db.execute(_PROJECT_DATES):
        have = stages.get(project_id, set())
        street = street_name[street_id]
        steps = {
            "group": "group" in have or project_id in grouped,
            "consent": "consultation" in have,
            "permit": "approval" in have,
            "construction": "construction" in have and "handover" not in have,
            "in_use": "handover" in have,
            "subsidy": project_id in credited,
        }
        for step, yes in steps.items():
            if yes:
                result.ids[step].setdefault(street, []).append(project_id)
    return result


@dataclass(frozen=True)
class FunnelItem:
    id: str
    name: str
    address: str
    stage: str | None


FUNNEL_PAGE = 200  # rows of a funnel list shown (and computed) at a time


def funnel_items(store, step: str, ids: list[str], offset: int = 0, limit: int | None = None) -> list[FunnelItem]:
    """What stands behind one funnel figure: units for 'eligible', projects for the other steps;
    only the page shown (LIMIT ids from OFFSET) is looked up: 'all eligible' is thousands of units."""
    from liftdesk.places.places import unit_address, unit_project

    items = []
    for record_id in ids[offset:None if limit is None else offset + limit]:
        if step == "eligible":
            name, stage = unit_project(store, record_id)
            items.append(FunnelItem(record_id, name or "", str(unit_address(store, record_id)), stage))
        else:
            unit_id, name = store.db.execute("SELECT unit_id, name FROM project WHERE id = ?", [record_id]).fetchone()
            stage = unit_project(store, unit_id)[1]
            items.append(FunnelItem(record_id, name, str(unit_address(store, unit_id)), stage))
    return items
