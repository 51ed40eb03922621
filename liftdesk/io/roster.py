"""Roster import (房号, 楼层, 面积, 业主, 电话, 居住情况, 意见, 书面 in any order, tick columns, several
sheets, building rosters) and export.

Import is check-then-apply: `plan_import` (liftdesk/io/plan.py) reads and validates every row and
writes nothing; `preview` says what would change; `apply_import` writes the plan in one
transaction, and refuses a plan with bad rows unless the user chose to import only the good ones.
Positions follow liftdesk/io/changes.py: a record never goes backwards."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from liftdesk.consent import positions
from liftdesk.errors import LiftDeskError, ValidationError
from liftdesk.history import actions
from liftdesk.i18n import t
from liftdesk.people import ownership
from liftdesk.places import household_facts, registry
from liftdesk.places.places import resolve, unit_address
from liftdesk.common.units import format_area
from ..store import Store
from ..store.backup import backup_before
from . import cells, changes, layout, safe
from .plan import (COLUMNS, OPTIONAL, REQUIRED, STANDARD, ImportPlan, Lookalike, RosterRow, Target,  # noqa: F401
                   auto_mapping, find_lookalikes, plan_import, read_table, sheet_unit)
from .tables import read_book

SYNONYMS = layout.SYNONYMS
MAX_CELL = layout.MAX_CELL


def target_of(address: str) -> Target:
    """The target an address names: a unit (5 parts) or a whole building (4 parts)."""
    parts = [p.strip() for p in address.strip().strip("/").split("/")]
    if len(parts) == 5 and all(parts):
        return Target(parts[3], parts[4])
    if len(parts) == 4 and all(parts):
        return Target(parts[3], None)
    raise ValidationError("address.invalid", address=address)


def unit_name_for(number: int, names: list[str]) -> str:
    """The existing unit named with this number ("2单元" for 2), or the name to make."""
    return next((n for n in names if cells.place_number(n, "单元") == number), f"{number}单元")


def route(store: Store | None, plan: ImportPlan, address: str) -> dict[str, tuple[str | None, list[RosterRow]]]:
    """The rows by the unit they go to: unit name → (its id, None when it is to be made; rows)."""
    target = plan.target or target_of(address)
    place_id = None
    if store is not None:
        try:
            _, place_id = resolve(store, address)
        except ValidationError:
            place_id = None
    if not target.is_building:
        number = cells.place_number(target.unit, "单元")
        strays = [r for r in plan.good if r.unit is not None and number is not None and r.unit != number]
        if strays:  # a plan checked for no target, applied to one unit: never mix another unit's rows in
            raise ValidationError("import.room_other_unit", room=f"{strays[0].unit}-{strays[0].room}", unit=target.unit)
        return {target.unit: (place_id, list(plan.good))}
    units = [] if place_id is None else store.db.execute(
        "SELECT name, id FROM unit WHERE building_id = ? AND deleted = 0", [place_id]).fetchall()
    ids = dict(units)
    out: dict[str, tuple[str | None, list[RosterRow]]] = {}
    for row in plan.good:
        if row.unit is None:
            raise ValidationError("import.room_without_unit", room=row.room)
        name = unit_name_for(row.unit, list(ids))
        out.setdefault(name, (ids.get(name), []))[1].append(row)
    return out


def preview(store: Store | None, plan: ImportPlan, address: str, on_date: str | None = None) -> changes.Preview:
    """What `apply_import` would change, household by household; writes nothing."""
    return changes.preview(store, plan, route(store, plan, address), on_date)


@dataclass(frozen=True)
class ImportResult:
    unit_id: str
    created: int
    updated: int
    positions: int
    merged: int = 0  # look-alike owners merged into one person
    changed: int = 0  # of the updated households, those where anything changed
    skipped: int = 0  # rows left out: title, notes, 合计, 制表人 … and bad rows when skipped
    skipped_kinds: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # roster positions not made current (a record never goes backwards)
    absent: tuple[str, ...] = ()  # "名册中没有：601、602，未作改动"
    sales: int = 0

    @property
    def households(self) -> int:
        return self.created + self.updated

    def summary(self) -> str:
        """"已导入 12 户：新增 10、更新 2、跳过 3 行（标题、合计、制表人）"."""
        text = t("import.result", households=self.households, created=self.created, updated=self.changed)
        if self.updated - self.changed:
            text += t("import.result_unchanged", n=self.updated - self.changed)
        if self.skipped:
            text += t("import.result_skipped", n=self.skipped, kinds="、".join(self.skipped_kinds))
        return text

    def lines(self) -> list[str]:
        """The summary, then each kept record and each household the roster did not name."""
        return [self.summary(), *self.notes, *self.absent]


def ensure_unit(store: Store, address: str, floors: int) -> str:
    """Find the unit at `address`, creating missing places (the building with `floors` floors)."""
    parts = [p.strip() for p in address.strip().strip("/").split("/")]
    if len(parts) != 5 or not all(parts):
        raise ValidationError("address.invalid", address=address)
    parent_id = registry.default_district(store)
    adders = (registry.add_street, registry.add_community, registry.add_estate,
              lambda s, p, n: registry.add_building(s, p, n, max(floors, 1)), registry.add_unit)
    for depth, (name, add) in enumerate(zip(parts, adders), start=1):
        try:
            _, parent_id = resolve(store, "/".join(parts[:depth]))
        except ValidationError:
            parent_id = add(store, parent_id, name)
    return parent_id


def apply_import(store: Store, plan: ImportPlan, address: str, create: bool = False,
                 skip_bad: bool = False, on_date: str | None = None,
                 merge: Iterable[str] = ()) -> ImportResult:
    """Write a checked plan in one transaction: households (new or updated by room), owners (another
    owner altogether is a sale, 过户), and each 意见 as a position record (written when 书面 is 是),
    dated by the 日期 column or `on_date` — never made current over a newer record (see
    liftdesk/io/changes.py). A building address routes rows to the units their rooms name.
    `merge` names look-alike owners the user confirmed to be one person. One named undo step
    ("导入名册（file）")."""
    if plan.bad and not skip_bad:
        raise LiftDeskError("import.has_bad_rows", bad=len(plan.bad))
    merge = set(merge)
    unknown = merge - {x.name for x in plan.lookalikes}
    if unknown:
        raise ValidationError("import.merge_unknown", name="、".join(sorted(unknown)))
    if plan.target is None:
        plan.target = target_of(address)
    backup_before(store, "import")
    counts = {"created": 0, "updated": 0, "recorded": 0, "changed": 0, "sales": 0}
    household_of: dict[int, str] = {}
    notes: list[str] = []
    absent: list[str] = []
    building = "/".join(address.strip().strip("/").split("/")[:4])
    with actions.action(store, "action.import_roster", file=plan.path.name) as act:
        for unit_name, (unit_id, rows) in route(store, plan, address).items():
            unit_address_text = address if not plan.target.is_building else f"{building}/{unit_name}"
            if unit_id is None:
                if not create:
                    resolve_unit_strict(store, unit_address_text)  # raises: the unit does not exist
                unit_id = ensure_unit(store, unit_address_text, plan.floors)
            if act.unit_id is None:
                act.unit_id = unit_id
            floors = registry.building_floors_of_unit(store, unit_id)
            highest = max((r.floor for r in rows), default=0)
            if highest > floors:
                raise ValidationError("floor.invalid", value=highest, floors=floors)
            named = _apply_unit(store, plan, unit_id, rows, on_date, counts, household_of, notes)
            left = [h.room for h in registry.unit_households(store, unit_id) if h.room not in named]
            if left:
                absent.append(t("import.absent", rooms="、".join(left), unit=unit_name))
        for lookalike in plan.lookalikes:
            if lookalike.name in merge:
                counts["merged"] = counts.get("merged", 0) + _merge_owners(
                    store, lookalike.name, [household_of[r.line] for r in plan.good if r.room in lookalike.rooms
                                            and r.line in household_of])
        for row in plan.good:  # one merged owner cell over several rows: one person
            if row.owner_from in household_of and row.line in household_of:
                for name in row.owners:
                    _merge_owners(store, name, [household_of[row.owner_from], household_of[row.line]])
    skipped = len(plan.skipped) + len(plan.hidden) + (len(plan.bad) if skip_bad else 0)
    kinds = plan.skipped_kinds() + ([t("import.kind_hidden")] if plan.hidden else []) + \
        ([t("import.kind_bad")] if skip_bad and plan.bad else [])
    return ImportResult(act.unit_id, counts["created"], counts["updated"], counts["recorded"], counts.get("merged", 0),
                        counts["changed"], skipped, tuple(kinds), tuple(notes), tuple(absent), counts["sales"])


def plan_sheets(store: Store, path: str | Path, address: str, include_hidden: bool = False,
                create: bool = False) -> list[tuple[str, ImportPlan]]:
    """`--all-sheets`: each sheet with data checked as the roster of the unit its name gives ("2单元"),
    under the building of `address` (a building's or a unit's); nothing is written."""
    building = "/".join(address.strip().strip("/").split("/")[:4])
    try:
        _, building_id = resolve(store, building)
        names, floors = registry.unit_names(store, building_id), registry.building_floors(store, building_id)
    except ValidationError:
        if not create:
            raise
        names, floors = [], None
    out = []
    for sheet in read_book(path):
        if sheet.empty:
            continue
        number = sheet_unit(sheet.name)
        if number is None:
            raise ValidationError("import.sheet_no_unit", sheet=sheet.name)
        unit_address_text = f"{building}/{unit_name_for(number, names)}"
        out.append((unit_address_text, plan_import(path, max_floors=floors, sheet=sheet.name,
                                                   target=target_of(unit_address_text),
                                                   include_hidden=include_hidden)))
    highest = max((plan.floors for _, plan in out), default=0)
    for _, plan in out:
        plan.floors = highest  # a building made from the workbook is as high as its highest sheet
    return out


def apply_sheets(store: Store, plans: list[tuple[str, ImportPlan]], create: bool = False, skip_bad: bool = False,
                 on_date: str | None = None, merge: Iterable[str] = ()) -> list[ImportResult]:
    """Every sheet's plan into its unit, in one transaction and one undo step."""
    if not plans:
        return []
    bad = sum(len(plan.bad) for _, plan in plans)
    if bad and not skip_bad:
        raise LiftDeskError("import.has_bad_rows", bad=bad)
    with actions.action(store, "action.import_roster", file=plans[0][1].path.name):
        return [apply_import(store, plan, address, create=create, skip_bad=skip_bad, on_date=on_date,
                             merge=set(merge) & {x.name for x in plan.lookalikes}) for address, plan in plans]


def _apply_unit(store: Store, plan: ImportPlan, unit_id: str, rows: list[RosterRow], on_date: str | None,
                counts: dict, household_of: dict[int, str], notes: list[str]) -> set[str]:
    """One unit's rows; returns the rooms named."""
    existing = {registry.normalise_room(r.room): r.id for r in registry.unit_households(store, unit_id)}
    for row in rows:
        mark = _log_mark(store)
        area = format_area(row.area_x100)
        household_id = existing.get(row.room)
        is_new = household_id is None
        if not is_new:
            registry.update_household(store, household_id, "floor", row.floor)
            registry.update_household(store, household_id, "area", area)
            registry.update_household(store, household_id, "occupancy", row.occupancy)
            counts["updated"] += 1
        else:
            household_id = registry.add_household(store, unit_id, row.room, row.floor, area, row.occupancy)
            existing[row.room] = household_id
            counts["created"] += 1
        household_of[row.line] = household_id
        registry.set_area_source(store, household_id, row.area_source)
        household_facts.write_facts(store, household_id, *row.facts)
        if row.owners:
            notes += changes.id_notes(store, row)
            refs = row.id_refs or ("",) * len(row.owners)
            owners = list(zip(row.owners, row.phones, refs))
            previous = [name for name, _ in ownership.household_owners(store, household_id)]
            if changes.is_sale(previous, row.owners):
                ownership.transfer(store, household_id, owners, row.on_date or on_date or _today(),
                                   reason=t("import.reason", file=plan.path.name))
                counts["sales"] += 1
            else:
                ownership.set_owners(store, household_id, owners)
            if row.other_phones:
                ownership.set_other_phones(store, household_id, row.other_phones)
        step = changes.position_step(positions.live_history(store, household_id), row, on_date)
        if step.note:
            notes.append(step.note)
        if step.writes:
            condition = t("import.condition_unspecified") if row.position == "conditional" else ""
            positions.record_position(store, household_id, row.position, on_date=step.on_date, condition=condition,
                                      method="roster" if step.on_date is None else "written" if row.written else "visit",
                                      written=row.written,
                                      reason=t("import.reason", file=plan.path.name), unit_id=unit_id)
            counts["recorded"] += 1
        if not is_new and _log_mark(store) != mark:
            counts["changed"] += 1
    return set(existing) & {row.room for row in rows}


def _today() -> str:
    from datetime import date

    return date.today().isoformat()


def _log_mark(store: Store) -> int:
    return store.db.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0]


def _merge_owners(store: Store, name: str, household_ids: list[str]) -> int:
    """Make the owners called `name` of these households one person; returns persons merged away."""
    if not household_ids:
        return 0
    marks = ",".join("?" * len(household_ids))
    people = [r[0] for r in store.db.execute(
        f"SELECT DISTINCT p.id FROM ownership o JOIN person p ON p.id = o.person_id"
        f" WHERE o.household_id IN ({marks}) AND o.deleted = 0 AND p.deleted = 0 AND p.name = ? ORDER BY p.id",
        household_ids + [name]).fetchall()]
    for other in people[1:]:
        ownership.merge_persons(store, people[0], other)
    return max(len(people) - 1, 0)


def resolve_unit_strict(store: Store, address: str) -> str:
    kind, place_id = resolve(store, address)
    if kind != "unit":
        raise ValidationError("address.invalid", address=address)
    return place_id


def export_roster(store: Store, unit_id: str, path: str | Path) -> Path:
    """The unit's roster with current positions, as .xlsx with Chinese headers. The 电话 column is
    the first owner's; a co-owner's phone follows the name ("李美玲、王建国 139…"), so the file
    imports back without moving a phone to another person."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    address = unit_address(store, unit_id)
    current = {}
    for h in registry.unit_households(store, unit_id):
        history = positions.live_history(store, h.id)
        current[h.id] = history[0] if history else None
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = address.unit
    sheet.append(list(STANDARD) + ["最近记录日期"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for h in registry.unit_households(store, unit_id):
        rec = current[h.id]
        owners = ownership.household_owners(store, h.id)
        cell = "、".join([owners[0][0]] + [f"{name} {phone}".strip() for name, phone in owners[1:]]) if owners else ""
        sheet.append([h.room, h.floor, float(format_area(h.area_x100)), cell, owners[0][1] if owners else "",
                      registry.occupancy_label(h.occupancy),
                      positions.label(positions.POSITIONS, rec.position) if rec else "未表态",
                      "是" if rec and rec.written else "否", rec.on_date if rec else ""])
        sheet.cell(row=sheet.max_row, column=3).number_format = "0.00"
    for letter, width in zip("ABCDEFGHI", (8, 6, 10, 18, 16, 10, 12, 6, 12)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    safe.workbook_text_cells(workbook)
    target = Path(path)
    tmp = target.with_name(f".{target.name}.part")
    workbook.save(tmp)
    tmp.replace(target)
    return target
