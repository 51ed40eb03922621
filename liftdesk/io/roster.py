"""Roster import (房号, 楼层, 面积, 业主, 电话, 居住情况, 意见, 书面 in any order) and export.

Import is check-then-apply: `plan_import` reads and validates every row and writes nothing;
`apply_import` writes the plan in one transaction, and refuses a plan with bad rows unless the
user chose to import only the good ones."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .. import positions, registry
from ..i18n import LiftDeskError, ValidationError, t
from ..places import resolve, unit_address
from ..store import Store
from ..units import format_area, parse_area
from .tables import read_rows

STANDARD = ("房号", "楼层", "面积", "业主", "电话", "居住情况", "意见", "书面")
REQUIRED = ("房号", "面积")
SYNONYMS = {
    "房号": ("房号", "室号", "户号", "门牌号", "房间号", "room"),
    "楼层": ("楼层", "层", "所在楼层", "floor"),
    "面积": ("面积", "专有面积", "建筑面积", "产权面积", "面积(m²)", "面积（m²）", "面积(㎡)", "面积（㎡）", "area"),
    "业主": ("业主", "产权人", "业主姓名", "姓名", "产权人/共有人", "owner", "owners"),
    "电话": ("电话", "联系电话", "手机", "手机号", "phone"),
    "居住情况": ("居住情况", "居住状态", "使用情况", "occupancy"),
    "意见": ("意见", "态度", "表态", "position"),
    "书面": ("书面", "是否书面", "已签字", "书面同意", "written"),
}
YES = {"是", "y", "yes", "true", "1", "√", "✓", "已签"}
NO = {"否", "n", "no", "false", "0", "", "未签"}


def auto_mapping(header: list[str]) -> dict[str, int]:
    """Standard column → index in the file, by name or a common synonym."""
    normal = [re.sub(r"\s+", "", h).lower() for h in header]
    mapping = {}
    for column, names in SYNONYMS.items():
        for n, h in enumerate(normal):
            if h in {x.lower() for x in names} and n not in mapping.values():
                mapping[column] = n
                break
    return mapping


@dataclass(frozen=True)
class RosterRow:
    line: int  # row number as the user sees it in Excel (header = 1)
    room: str
    floor: int
    area_x100: int
    owners: tuple[str, ...]
    phone: str
    occupancy: str
    position: str | None
    written: bool
    phones: tuple[str, ...] = ()  # one per owner, '' when unknown


@dataclass
class ImportPlan:
    path: Path
    header: list[str]
    mapping: dict[str, int]
    good: list[RosterRow] = field(default_factory=list)
    bad: list[tuple[int, str]] = field(default_factory=list)
    floors: int = 0  # the highest floor the roster names
    lookalikes: list[Lookalike] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.bad

    def report(self) -> list[str]:
        lines = [t("import.summary", good=len(self.good), bad=len(self.bad))]
        lines += [t("import.bad_row", line=line, reason=reason) for line, reason in self.bad]
        lines += [t("import.lookalike", name=x.name, rooms="、".join(x.rooms), n=len(x.rooms))
                  for x in self.lookalikes]
        return lines


def _floor_from_room(room: str) -> int | None:
    digits = re.match(r"^(\d+)", room)
    if digits and len(digits.group(1)) >= 3:
        return int(digits.group(1)[:-2])
    return None


def plan_import(path: str | Path, mapping: dict[str, int] | None = None, max_floors: int | None = None) -> ImportPlan:
    """Read and check every row; write nothing. `max_floors` is the building's height (None when
    the building is to be created from the roster)."""
    rows = read_rows(path)
    header, body = rows[0], rows[1:]
    mapping = dict(mapping) if mapping is not None else auto_mapping(header)
    missing = [c for c in REQUIRED if c not in mapping]
    if missing:
        raise ValidationError("import.missing_column", columns="、".join(missing), header="、".join(header))
    plan = ImportPlan(Path(path), header, mapping)
    seen: dict[str, int] = {}

    def cell(row: list[str], column: str) -> str:
        index = mapping.get(column)
        return row[index].strip() if index is not None and index < len(row) else ""

    for n, row in enumerate(body, start=2):
        if not any(c.strip() for c in row):
            continue
        try:
            room = cell(row, "房号")
            if not room:
                raise ValidationError("room.empty")
            if room in seen:
                raise ValidationError("import.duplicate_room", room=room, line=seen[room])
            floor_text = cell(row, "楼层") or str(_floor_from_room(room) or "")
            try:
                floor = int(floor_text)
            except ValueError:
                raise ValidationError("floor.invalid", value=floor_text or "—", floors=max_floors or 60) from None
            if not 1 <= floor <= (max_floors or registry.MAX_FLOORS):
                raise ValidationError("floor.invalid", value=floor, floors=max_floors or registry.MAX_FLOORS)
            area = parse_area(cell(row, "面积"))
            owners, phones = _owners_and_phones(cell(row, "业主"), cell(row, "电话"))
            phone = phones[0] if phones else ""
            occupancy = registry.occupancy_code(cell(row, "居住情况") or "自住")
            opinion = cell(row, "意见")
            position = positions.position_code(opinion) if opinion else None
            written_text = cell(row, "书面").lower()
            if written_text not in YES | NO:
                raise ValidationError("import.written_invalid", value=cell(row, "书面"))
            written = written_text in YES
            if written and (position is None or position == "none"):
                raise ValidationError("import.written_without_position")
            if written and not owners:
                raise ValidationError("import.written_without_owner")
        except ValidationError as exc:
            plan.bad.append((n, str(exc)))
            continue
        seen[room] = n
        plan.floors = max(plan.floors, floor)
        plan.good.append(RosterRow(n, room, floor, area, owners, phone, occupancy, position, written, phones))
    if not plan.good and not plan.bad:
        raise ValidationError("import.empty", path=str(path))
    plan.lookalikes = find_lookalikes(plan.good)
    return plan


def _owners_and_phones(owners_cell: str, phone_cell: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Owners with their phones: an owner may carry one ("王建国 13811110001、王小明"); the 电话
    column gives the first owner's phone, or one phone per owner in order ("138…、139…")."""
    entries = registry.parse_owners(owners_cell)
    for name, _ in entries:
        registry._person_name(name)
    column = [registry._phone(p) for p in re.split(r"[、,，/;；\n]", phone_cell or "") if p.strip()]
    if len(column) > max(len(entries), 1):
        raise ValidationError("import.too_many_phones", phones=len(column), owners=len(entries))
    phones = [own or (column[n] if n < len(column) else "") for n, (_, own) in enumerate(entries)]
    return tuple(name for name, _ in entries), tuple(phones)


@dataclass(frozen=True)
class Lookalike:
    """Owners of several rows with the same name and no phone to prove they are one person."""
    name: str
    rooms: tuple[str, ...]


def find_lookalikes(rows: list[RosterRow]) -> list[Lookalike]:
    seen: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        for name, phone in zip(row.owners, row.phones):
            seen.setdefault(name, []).append((row.room, registry.phone_key(phone)))
    out = []
    for name, entries in seen.items():
        rooms = tuple(dict.fromkeys(room for room, _ in entries))
        if len(rooms) > 1 and any(not phone for _, phone in entries):
            out.append(Lookalike(name, rooms))
    return out


@dataclass(frozen=True)
class ImportResult:
    unit_id: str
    created: int
    updated: int
    positions: int
    merged: int = 0  # look-alike owners merged into one person


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
    """Write a checked plan in one transaction: households (new or updated by room), owners, and
    each 意见 as the household's first position record (written when 书面 is 是). `merge` names
    look-alike owners (see `ImportPlan.lookalikes`) the user confirmed to be one person."""
    if plan.bad and not skip_bad:
        raise LiftDeskError("import.has_bad_rows", bad=len(plan.bad))
    merge = set(merge)
    unknown = merge - {x.name for x in plan.lookalikes}
    if unknown:
        raise ValidationError("import.merge_unknown", name="、".join(sorted(unknown)))
    created = updated = recorded = merged = 0
    household_of: dict[str, str] = {}
    with store.db.atomic():
        unit_id = ensure_unit(store, address, plan.floors) if create else resolve_unit_strict(store, address)
        floors = registry.building_floors_of_unit(store, unit_id)
        if plan.floors > floors:
            raise ValidationError("floor.invalid", value=plan.floors, floors=floors)
        existing = {r.room: r for r in registry.unit_households(store, unit_id)}
        for row in plan.good:
            area = format_area(row.area_x100)
            if row.room in existing:
                household_id = existing[row.room].id
                registry.update_household(store, household_id, "floor", row.floor)
                registry.update_household(store, household_id, "area", area)
                registry.update_household(store, household_id, "occupancy", row.occupancy)
                updated += 1
            else:
                household_id = registry.add_household(store, unit_id, row.room, row.floor, area, row.occupancy)
                created += 1
            household_of[row.room] = household_id
            if row.owners:
                registry.set_owners(store, household_id, list(zip(row.owners, row.phones)))
            if row.position:
                condition = t("import.condition_unspecified") if row.position == "conditional" else ""
                positions.record_position(store, household_id, row.position, on_date=on_date, condition=condition,
                                          method="written" if row.written else "visit", written=row.written,
                                          reason=t("import.reason", file=plan.path.name), unit_id=unit_id)
                recorded += 1
        for lookalike in plan.lookalikes:
            if lookalike.name in merge:
                merged += _merge_owners(store, lookalike.name, [household_of[r] for r in lookalike.rooms
                                                                 if r in household_of])
    return ImportResult(unit_id, created, updated, recorded, merged)


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
        registry.merge_persons(store, people[0], other)
    return max(len(people) - 1, 0)


def resolve_unit_strict(store: Store, address: str) -> str:
    kind, place_id = resolve(store, address)
    if kind != "unit":
        raise ValidationError("address.invalid", address=address)
    return place_id


def export_roster(store: Store, unit_id: str, path: str | Path) -> Path:
    """The unit's roster with current positions, as .xlsx with Chinese headers."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    address = unit_address(store, unit_id)
    current = {}
    for h in registry.unit_households(store, unit_id):
        history = positions.history(store, h.id)
        current[h.id] = history[0] if history else None
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = address.unit
    sheet.append(list(STANDARD) + ["最近记录日期"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for h in registry.unit_households(store, unit_id):
        rec = current[h.id]
        sheet.append([h.room, h.floor, float(format_area(h.area_x100)), h.owners, h.phones,
                      registry.occupancy_label(h.occupancy),
                      positions.label(positions.POSITIONS, rec.position) if rec else "未表态",
                      "是" if rec and rec.written else "否", rec.on_date if rec else ""])
        sheet.cell(row=sheet.max_row, column=3).number_format = "0.00"
    for letter, width in zip("ABCDEFGHI", (8, 6, 10, 18, 16, 10, 12, 6, 12)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    target = Path(path)
    tmp = target.with_name(f".{target.name}.part")
    workbook.save(tmp)
    tmp.replace(target)
    return target
