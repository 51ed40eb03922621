"""Roster import (房号, 楼层, 面积, 业主, 电话, 居住情况, 意见, 书面 in any order) and export.

Import is check-then-apply: `plan_import` reads and validates every row and writes nothing;
`apply_import` writes the plan in one transaction, and refuses a plan with bad rows unless the
user chose to import only the good ones."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from liftdesk.common import dates
from liftdesk.consent import positions
from liftdesk.history import actions
from liftdesk.people import privacy
from liftdesk.places import household_facts, registry
from liftdesk.people import ownership
from liftdesk.errors import LiftDeskError, ValidationError
from liftdesk.i18n import t
from liftdesk.places.places import resolve, unit_address
from ..store import Store
from ..store.backup import backup_before
from liftdesk.common.units import format_area, parse_area
from . import layout, safe
from .tables import read_rows

STANDARD = ("房号", "楼层", "面积", "业主", "电话", "居住情况", "意见", "书面")
OPTIONAL = ("证件号", "日期")  # ID numbers (evidence of who is who); the date of each row's position
OPTIONAL += ("占用专有部分", "不动产权证号")  # household facts (liftdesk/places/household_facts.py)
COLUMNS = STANDARD + OPTIONAL
REQUIRED = ("房号", "面积")
SYNONYMS = layout.SYNONYMS
YES = {"是", "y", "yes", "true", "1", "√", "✓", "✔", "已签", "已签字", "已签名", "签字", "已签署", "有"}
NO = {"否", "n", "no", "false", "0", "", "未签", "未签字", "未签名", "无", "×", "✗"}
# words offices write in an 意见 / 是否同意 column, beyond the position names themselves
OPINION_WORDS = {"是": "support", "√": "support", "✓": "support", "✔": "support", "同意加装": "support",
                 "否": "oppose", "×": "oppose", "✗": "oppose", "不同意加装": "oppose",
                 "有条件同意": "conditional", "附条件同意": "conditional", "条件同意": "conditional",
                 "待定": "none", "未表态": "none", "未答复": "none", "未签": "none"}
MAX_CELL = layout.MAX_CELL
auto_mapping = layout.auto_mapping


def read_table(path: str | Path) -> layout.Table:
    """The sheet's rows with the header found among the first rows (title and notes skipped)."""
    return layout.locate(read_rows(path))


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
    on_date: str | None = None  # the 日期 column, when the roster has one
    id_refs: tuple[str, ...] = ()  # one per owner, '' when unknown (the 证件号 column)
    facts: tuple = (None, None)  # (占用专有部分, 不动产权证号); None where the roster has no such column


@dataclass
class ImportPlan:
    path: Path
    header: list[str]
    mapping: dict[str, int]
    good: list[RosterRow] = field(default_factory=list)
    bad: list[tuple[int, str]] = field(default_factory=list)
    floors: int = 0  # the highest floor the roster names
    lookalikes: list[Lookalike] = field(default_factory=list)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)  # (line, kind, text): title, 合计 …
    header_line: int = 1

    @property
    def ok(self) -> bool:
        return not self.bad

    def skipped_kinds(self) -> list[str]:
        return list(dict.fromkeys(kind for _, kind, _ in self.skipped))

    def report(self) -> list[str]:
        lines = [t("import.summary", good=len(self.good), bad=len(self.bad))]
        lines += [t("import.bad_row", line=line, reason=reason) for line, reason in self.bad]
        if self.header_line > 1:
            lines.append(t("import.header_at", line=self.header_line))
        lines += [t("import.skipped_row", line=line, kind=kind, text=_short(text)) for line, kind, text in self.skipped]
        lines += [t("import.lookalike", name=x.name, rooms="、".join(x.rooms), n=len(x.rooms))
                  for x in self.lookalikes]
        return lines


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _floor_from_room(room: str) -> int | None:
    digits = re.match(r"^(\d+)", room)
    if digits and len(digits.group(1)) >= 3:
        return int(digits.group(1)[:-2])
    return None


def _number(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _floor(text: str, room: str, max_floors: int | None) -> int:
    limit = max_floors or registry.MAX_FLOORS
    floor_text = re.sub(r"(层|楼|F)$", "", _number(text).upper()) or str(_floor_from_room(room) or "")
    if re.fullmatch(r"\d+\.0+", floor_text):
        floor_text = floor_text.split(".")[0]
    key = "floor.invalid" if max_floors else "floor.invalid_any"  # a building to be made has no height yet
    if not re.fullmatch(r"\d{1,3}", floor_text):
        raise ValidationError(key, value=text or "—", floors=limit)
    floor = int(floor_text)
    if not 1 <= floor <= limit:
        raise ValidationError(key, value=floor, floors=limit)
    return floor


def _area(text: str) -> int:
    value = re.sub(r"(m2|㎡|m²|平方米|平米|平方)$", "", _number(text).lower()).strip()
    return parse_area(value or text)


def _position(text: str) -> str | None:
    word = re.sub(r"\s+", "", _number(text))
    if not word:
        return None
    return OPINION_WORDS.get(word) or positions.position_code(word)


def _date(text: str) -> str | None:
    value = _number(text)
    if not value:
        return None
    match = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?", value)
    if match:
        value = "{}-{:0>2}-{:0>2}".format(*match.groups())
    elif re.fullmatch(r"\d{5}(\.0+)?", value):  # a date Excel kept as a serial number
        value = (date(1899, 12, 30) + timedelta(days=int(float(value)))).isoformat()
    try:
        return dates.past_day(value)
    except ValidationError as exc:
        if exc.key == "date.future":
            raise
        raise ValidationError("import.date_invalid", value=text) from None


def plan_import(path: str | Path, mapping: dict[str, int] | None = None, max_floors: int | None = None) -> ImportPlan:
    """Read and check every row; write nothing. `max_floors` is the building's height (None when
    the building is to be created from the roster)."""
    table = read_table(path)
    header = table.header
    mapping = dict(mapping) if mapping is not None else auto_mapping(header)
    missing = [c for c in REQUIRED if c not in mapping]
    if missing:
        raise ValidationError("import.missing_column", columns="、".join(missing), header="、".join(header))
    plan = ImportPlan(Path(path), header, mapping, skipped=list(table.skipped), header_line=table.header_line)
    seen: dict[str, int] = {}

    def cell(row: list[str], column: str) -> str:
        index = mapping.get(column)
        return row[index].strip() if index is not None and index < len(row) else ""

    for n, row in table.body:
        kind = layout.footer_kind(row, mapping.get("房号"))
        if kind:
            plan.skipped.append((n, kind, " ".join(c for c in row if c)))
            continue
        if not any(cell(row, c) for c in COLUMNS):
            continue  # only a 序号 or a remark: an unused line of a printed form
        errors: list[str] = []  # every problem of the row at once, so one correction pass fixes it

        def check(fn, *args):
            try:
                return fn(*args)
            except ValidationError as exc:
                errors.append(str(exc))
                return None
        for index, text in enumerate(row):
            if len(text) > MAX_CELL:
                name = header[index] if index < len(header) and header[index] else _column_letter(index)
                errors.append(str(ValidationError("import.cell_too_long", column=name, length=len(text),
                                                  limit=MAX_CELL)))
        if errors:  # a runaway cell (a pasted note) says nothing useful about the rest of the row
            plan.bad.append((n, _joined(errors)))
            continue
        room = registry.normalise_room(cell(row, "房号"))
        if not room:
            errors.append(str(ValidationError("room.empty")))
        elif room in seen:
            errors.append(str(ValidationError("import.duplicate_room", room=room, line=seen[room])))
        floor = check(_floor, cell(row, "楼层"), room, max_floors)
        area = check(_area, cell(row, "面积"))
        known = len(errors)
        owners, phones = check(_owners_and_phones, cell(row, "业主"), cell(row, "电话")) or ((), ())
        owners_read = len(errors) == known
        id_refs = check(_id_refs, cell(row, "证件号"), len(owners))
        phone = phones[0] if phones else ""
        occupancy = check(registry.occupancy_code, cell(row, "居住情况") or "自住")
        known = len(errors)
        position = check(_position, cell(row, "意见"))
        position_read = len(errors) == known  # an unreadable position is reported once, as such
        written_text = re.sub(r"\s+", "", cell(row, "书面")).lower()
        if written_text not in YES | NO:
            errors.append(str(ValidationError("import.written_invalid", value=cell(row, "书面"))))
        written = written_text in YES
        if written and position_read and (position is None or position == "none"):
            errors.append(str(ValidationError("import.written_without_position")))
        if written and owners_read and not owners:
            errors.append(str(ValidationError("import.written_without_owner")))
        on_date = check(_date, cell(row, "日期"))
        facts = (check(household_facts.occupied_flag, cell(row, "占用专有部分")) if "占用专有部分" in mapping else None,
                 check(household_facts.check_cert, cell(row, "不动产权证号")) if "不动产权证号" in mapping else None)
        if errors:
            plan.bad.append((n, _joined(errors)))
            continue
        seen[room] = n
        plan.floors = max(plan.floors, floor)
        plan.good.append(RosterRow(n, room, floor, area, owners, phone, occupancy, position, written, phones,
                                   on_date, id_refs, facts))
    if not plan.good and not plan.bad:
        raise ValidationError("import.empty", path=str(path))
    plan.lookalikes = find_lookalikes(plan.good)
    return plan


def _joined(errors: list[str]) -> str:
    """One row's mistakes as one sentence: "楼层“99”无效…；面积…；电话…。"."""
    return "；".join(e.rstrip("。") for e in errors) + "。"


def _owners_and_phones(owners_cell: str, phone_cell: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Owners with their phones: an owner may carry one ("王建国 13811110001、王小明"); the 电话
    column gives the first owner's phone, or one phone per owner in order ("138…、139…")."""
    entries = ownership.parse_owners(owners_cell)
    for name, _ in entries:
        ownership.check_person_name(name)
    column = [ownership.check_phone(p) for p in re.split(r"[、,，/;；\n]", phone_cell or "") if p.strip()]
    if len(column) > max(len(entries), 1):
        raise ValidationError("import.too_many_phones", phones=len(column), owners=len(entries))
    phones = [own or (column[n] if n < len(column) else "") for n, (_, own) in enumerate(entries)]
    return tuple(name for name, _ in entries), tuple(phones)


def _id_refs(text: str, owners: int) -> tuple[str, ...]:
    """The 证件号 column: one ID number per owner, in order, separated like the owners."""
    refs = [r.strip() for r in re.split(r"[、,，/;；\n]", text or "")]  # "、3301…": the second owner's
    while refs and not refs[-1]:
        refs.pop()
    if len(refs) > max(owners, 1):
        raise ValidationError("import.too_many_ids", ids=len(refs), owners=owners)
    return tuple(refs[n] if n < len(refs) else "" for n in range(owners))


@dataclass(frozen=True)
class Lookalike:
    """Owners of several rows with the same name and no phone to prove they are one person."""
    name: str
    rooms: tuple[str, ...]


def find_lookalikes(rows: list[RosterRow]) -> list[Lookalike]:
    seen: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        refs = row.id_refs or ("",) * len(row.owners)
        for name, phone, id_ref in zip(row.owners, row.phones, refs):
            evidence = "id:" + privacy.normalize_id(id_ref) if id_ref else ownership.phone_key(phone)
            seen.setdefault(name, []).append((row.room, evidence))
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
    changed: int = 0  # of the updated households, those where anything changed
    skipped: int = 0  # rows left out: title, notes, 合计, 制表人 … and bad rows when skipped
    skipped_kinds: tuple[str, ...] = ()

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
    each 意见 as a position record (written when 书面 is 是), dated by the 日期 column or `on_date`.
    Importing the same roster again changes nothing: a position is recorded only when it differs
    from the household's current one. `merge` names look-alike owners (see
    `ImportPlan.lookalikes`) the user confirmed to be one person. One named undo step
    ("导入名册（file）")."""
    if plan.bad and not skip_bad:
        raise LiftDeskError("import.has_bad_rows", bad=len(plan.bad))
    merge = set(merge)
    unknown = merge - {x.name for x in plan.lookalikes}
    if unknown:
        raise ValidationError("import.merge_unknown", name="、".join(sorted(unknown)))
    backup_before(store, "import")
    created = updated = recorded = merged = changed = 0
    household_of: dict[str, str] = {}
    with actions.action(store, "action.import_roster", file=plan.path.name) as act:
        unit_id = ensure_unit(store, address, plan.floors) if create else resolve_unit_strict(store, address)
        if act.unit_id is None:
            act.unit_id = unit_id
        floors = registry.building_floors_of_unit(store, unit_id)
        if plan.floors > floors:
            raise ValidationError("floor.invalid", value=plan.floors, floors=floors)
        existing = {registry.normalise_room(r.room): r.id for r in registry.unit_households(store, unit_id)}
        for row in plan.good:
            mark = _log_mark(store)
            area = format_area(row.area_x100)
            household_id = existing.get(row.room)
            is_new = household_id is None
            if not is_new:
                registry.update_household(store, household_id, "floor", row.floor)
                registry.update_household(store, household_id, "area", area)
                registry.update_household(store, household_id, "occupancy", row.occupancy)
                updated += 1
            else:
                household_id = registry.add_household(store, unit_id, row.room, row.floor, area, row.occupancy)
                existing[row.room] = household_id
                created += 1
            household_of[row.room] = household_id
            household_facts.write_facts(store, household_id, *row.facts)
            if row.owners:
                refs = row.id_refs or ("",) * len(row.owners)
                ownership.set_owners(store, household_id, list(zip(row.owners, row.phones, refs)))
            day = row.on_date or on_date
            if row.position and _position_differs(store, household_id, row, day):
                condition = t("import.condition_unspecified") if row.position == "conditional" else ""
                positions.record_position(store, household_id, row.position, on_date=day, condition=condition,
                                          method="written" if row.written else "visit", written=row.written,
                                          reason=t("import.reason", file=plan.path.name), unit_id=unit_id)
                recorded += 1
            if not is_new and _log_mark(store) != mark:
                changed += 1
        for lookalike in plan.lookalikes:
            if lookalike.name in merge:
                merged += _merge_owners(store, lookalike.name, [household_of[r] for r in lookalike.rooms
                                                                 if r in household_of])
    skipped = len(plan.skipped) + (len(plan.bad) if skip_bad else 0)
    kinds = plan.skipped_kinds() + ([t("import.kind_bad")] if skip_bad and plan.bad else [])
    return ImportResult(unit_id, created, updated, recorded, merged, changed, skipped, tuple(kinds))


def _log_mark(store: Store) -> int:
    return store.db.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0]


def _position_differs(store: Store, household_id: str, row: RosterRow, day: str | None) -> bool:
    """Whether the roster says something new about the household: its current record holds another
    position or form, and (for a dated row) no record of that day already says the same."""
    history = positions.history(store, household_id)
    if row.position == "none" and not history:
        return False  # "no answer yet" about a household nobody has asked is no news
    same = lambda r: r.position == row.position and r.written == row.written  # noqa: E731
    if history and same(history[0]):
        return False
    return not (day and any(same(r) and r.on_date == day for r in history))


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
