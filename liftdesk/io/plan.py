"""Reading and checking a roster, writing nothing: which sheet, where the header is, what each
column means, and every row as a household (or a bad row with every reason at once)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from liftdesk.errors import ValidationError
from liftdesk.i18n import t
from liftdesk.people import ownership, privacy
from liftdesk.places import household_facts, registry

from . import cells, layout
from .tables import Sheet, read_book

STANDARD = ("房号", "楼层", "面积", "业主", "电话", "居住情况", "意见", "书面")
OPTIONAL = ("证件号", "日期", "测绘面积", "合同面积") + tuple(layout.TICK_COLUMNS)
OPTIONAL += ("占用专有部分", "不动产权证号")  # household facts (liftdesk/places/household_facts.py)
COLUMNS = STANDARD + OPTIONAL
REQUIRED = ("房号", "面积")  # 面积: any of the law's three (产权, 测绘, 合同)
YES = {"是", "y", "yes", "true", "1", "√", "✓", "✔", "已签", "已签字", "已签名", "签字", "已签署", "有"}
NO = {"否", "n", "no", "false", "0", "", "未签", "未签字", "未签名", "无", "×", "✗"}
MAX_CELL = layout.MAX_CELL
_SEPARATORS = r"[、,，/;；\n]|或"


@dataclass(frozen=True)
class Target:
    """Where the roster goes: a unit (its name) or a whole building (unit None). Rooms that name
    their unit are checked against it, or routed by it."""
    building: str = ""
    unit: str | None = None

    @property
    def is_building(self) -> bool:
        return self.unit is None


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
    area_source: str = ""  # "" for the registered area (产权面积), else 测绘面积 or 合同面积
    other_phones: tuple[str, ...] = ()  # the first owner's further phones (the first is the contact)
    unit: int | None = None  # the unit the room names (1-2-301 → 2), None when it names none
    owner_from: int | None = None  # the line whose owner cell is merged over this row's
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
    sheet: str = ""
    ignored_sheets: tuple[str, ...] = ()
    hidden: list[tuple[int, str]] = field(default_factory=list)  # rows hidden or filtered out, left out
    splits: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # "王建国和李美玲" → its names
    target: Target | None = None

    @property
    def ok(self) -> bool:
        return not self.bad

    def skipped_kinds(self) -> list[str]:
        return list(dict.fromkeys(kind for _, kind, _ in self.skipped))

    def report(self) -> list[str]:
        lines = [t("import.summary", good=len(self.good), bad=len(self.bad))]
        if self.ignored_sheets:
            lines.append(t("import.sheet_taken", sheet=self.sheet, ignored="、".join(self.ignored_sheets)))
        lines += [t("import.bad_row", line=line, reason=reason) for line, reason in self.bad]
        if self.header_line > 1:
            lines.append(t("import.header_at", line=self.header_line))
        lines += [t("import.skipped_row", line=line, kind=kind, text=_short(text)) for line, kind, text in self.skipped]
        if self.hidden:
            lines.append(t("import.hidden_rows", n=len(self.hidden), lines="、".join(str(n) for n, _ in self.hidden)))
        lines += [t("import.split_owners", cell=cell, names="、".join(names)) for cell, names in self.splits]
        if "书面" not in self.mapping and any(r.position for r in self.good):
            lines.append(t("import.no_written_column"))
        lines += [t("import.lookalike", name=x.name, rooms="、".join(x.rooms), n=len(x.rooms))
                  for x in self.lookalikes]
        return lines


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def choose_sheet(sheets: list[Sheet], name: str | None, unit: str | None) -> tuple[Sheet, tuple[str, ...]]:
    """The sheet to import and the other sheets with data, ignored. A named sheet is taken; one
    sheet with data is taken; of several, the one named like the target unit ("2单元" for 2单元)."""
    if name is not None:
        found = [s for s in sheets if s.name.strip() == name.strip()]
        if not found:
            raise ValidationError("import.sheet_missing", sheet=name, sheets="、".join(s.name for s in sheets))
        return found[0], ()
    candidates = [s for s in sheets if not s.empty and s.visible] or [s for s in sheets if not s.empty]
    if len(candidates) == 1:
        return candidates[0], ()
    wanted = cells.place_number(unit, "单元") if unit else None
    named = [s for s in candidates if wanted is not None and sheet_unit(s.name) == wanted]
    if len(named) != 1:
        raise ValidationError("import.sheet_choose", sheets="、".join(s.name for s in candidates))
    return named[0], tuple(s.name for s in candidates if s is not named[0])


def sheet_unit(name: str) -> int | None:
    """The unit a sheet's name gives ("2单元", "6幢2单元", "二单元"), or None."""
    match = re.search(r"(\d{1,2}|[一二三四五六七八九十两]{1,3})\s*单元", cells.number(name))
    return cells.chinese_number(match.group(1)) if match else None


def read_table(path: str | Path, sheet: str | None = None, unit: str | None = None,
               include_hidden: bool = False) -> tuple[layout.Table, Sheet, tuple[str, ...]]:
    """The chosen sheet's rows with the header found among the first rows (title and notes skipped)."""
    chosen, ignored = choose_sheet(read_book(path), sheet, unit)
    return layout.locate(chosen.rows, chosen.hidden, include_hidden, chosen.merged), chosen, ignored


def auto_mapping(header: list[str]) -> dict[str, int]:
    return layout.auto_mapping(header)


def plan_import(path: str | Path, mapping: dict[str, int] | None = None, max_floors: int | None = None, *,
                sheet: str | None = None, target: Target | None = None, include_hidden: bool = False) -> ImportPlan:
    """Read and check every row; write nothing. `max_floors` is the building's height (None when
    the building is to be created from the roster); `target` is where the rows go (rooms naming
    another unit are bad rows)."""
    table, chosen, ignored = read_table(path, sheet, target.unit if target else None, include_hidden)
    header = table.header
    mapping = dict(mapping) if mapping is not None else auto_mapping(header)
    missing = [c for c in REQUIRED if c not in mapping and not (c == "面积" and set(layout.AREA_COLUMNS) & set(mapping))]
    if missing:
        raise ValidationError("import.missing_column", columns="、".join(missing), header="、".join(h for h in header if h))
    plan = ImportPlan(Path(path), header, mapping, skipped=list(table.skipped), header_line=table.header_line,
                      sheet=chosen.name, ignored_sheets=ignored, hidden=list(table.hidden), target=target)
    seen: dict[str, int] = {}
    checker = _RowChecker(plan, table, max_floors)
    for n, row in table.body:
        kind = layout.footer_kind(row, mapping.get("房号"))
        if kind:
            plan.skipped.append((n, kind, layout.row_text(row)))
            continue
        if not any(checker.cell(row, c) for c in COLUMNS):
            continue  # only a 序号 or a remark: an unused line of a printed form
        result = checker.check(n, row, seen)
        if isinstance(result, str):
            plan.bad.append((n, result))
            continue
        plan.floors = max(plan.floors, result.floor)
        plan.good.append(result)
    if not plan.good and not plan.bad:
        raise ValidationError("import.empty", path=str(path))
    plan.lookalikes = find_lookalikes(plan.good)
    return plan


class _RowChecker:
    """Every check of one row, collecting all its problems so one correction pass fixes it."""

    def __init__(self, plan: ImportPlan, table: layout.Table, max_floors: int | None):
        self.plan, self.table, self.max_floors = plan, table, max_floors
        self.mapping, self.header = plan.mapping, plan.header

    def cell(self, row: list[str], column: str) -> str:
        index = self.mapping.get(column)
        return row[index].strip() if index is not None and index < len(row) else ""

    def check(self, n: int, row: list[str], seen: dict[str, int]) -> RosterRow | str:
        errors: list[str] = []

        def check(fn, *args):
            try:
                return fn(*args)
            except ValidationError as exc:
                errors.append(str(exc))
                return None
        for index, text in enumerate(row):
            if len(text) > MAX_CELL:
                name = self.header[index] if index < len(self.header) and self.header[index] else _column_letter(index)
                errors.append(str(ValidationError("import.cell_too_long", column=name, length=len(text), limit=MAX_CELL)))
        if errors:  # a runaway cell (a pasted note) says nothing useful about the rest of the row
            return _joined(errors)
        cell = lambda column: self.cell(row, column)  # noqa: E731
        placed = cells.placed_room(cell("房号"))
        room = placed.room
        by_unit = self.plan.target is not None and self.plan.target.is_building and placed.unit is not None
        key = f"{placed.unit}/{room}" if by_unit else room  # a building roster has a 101 in every unit
        if not room:
            errors.append(str(ValidationError("room.empty")))
        elif key in seen:
            errors.append(str(ValidationError("import.duplicate_room", room=cell("房号"), line=seen[key])))
        check(self._check_place, placed, cell("房号"))
        floor = check(cells.floor, cell("楼层"), room, self.max_floors)
        area, source = check(self._area, row) or (None, "")
        known = len(errors)
        owners, phones, more = check(self._owners_and_phones, cell("业主"), cell("电话")) or ((), (), ())
        owners_read = len(errors) == known
        id_refs = check(_id_refs, cell("证件号"), len(owners))
        occupancy = check(registry.occupancy_code, cell("居住情况") or "自住")
        known = len(errors)
        position = check(self._position, row)
        position_read = len(errors) == known  # an unreadable position is reported once, as such
        written_text = re.sub(r"\s+", "", cell("书面")).lower()
        if written_text not in YES | NO:
            errors.append(str(ValidationError("import.written_invalid", value=cell("书面"))))
        written = written_text in YES
        if written and position_read and (position is None or position == "none"):
            errors.append(str(ValidationError("import.written_without_position")))
        if written and owners_read and not owners:
            errors.append(str(ValidationError("import.written_without_owner")))
        on_date = check(cells.day, cell("日期"))
        facts = (check(household_facts.occupied_flag, cell("占用专有部分")) if "占用专有部分" in self.mapping else None,
                 check(household_facts.check_cert, cell("不动产权证号")) if "不动产权证号" in self.mapping else None)
        if errors:
            return _joined(errors)
        if owners and cell("业主") and len(owners) > len(re.split(ownership.OWNER_SEPARATORS, cell("业主"))):
            self.plan.splits.append((cell("业主"), owners))
        seen[key] = n
        anchor = self.table.merged.get((n, self.mapping["业主"])) if "业主" in self.mapping else None
        return RosterRow(n, room, floor, area, owners, phones[0] if phones else "", occupancy, position, written,
                         phones, on_date, id_refs, source, more, placed.unit,
                         anchor[0] if anchor and anchor[0] != n else None, facts)

    def _check_place(self, placed: cells.PlacedRoom, typed: str) -> None:
        target = self.plan.target
        if target is None:
            return
        building = cells.place_number(target.building, "幢") if target.building else None
        if placed.building is not None and building is not None and placed.building != building:
            raise ValidationError("import.room_other_building", room=typed, building=target.building)
        if target.is_building:
            if placed.unit is None:
                raise ValidationError("import.room_without_unit", room=typed)
        elif placed.unit is not None and placed.unit != cells.place_number(target.unit, "单元"):
            raise ValidationError("import.room_other_unit", room=typed, unit=target.unit)

    def _area(self, row: list[str]) -> tuple[int, str]:
        """The first of 产权面积, 测绘面积, 合同面积 the row fills (the law's order), and its source
        ("" for the registered area, the usual case)."""
        for column in layout.AREA_COLUMNS:
            text = self.cell(row, column)
            if text:
                return cells.area(text), "" if column == "面积" else column
        return cells.area(""), ""

    def _position(self, row: list[str]) -> str | None:
        """The 意见 column, or the one tick column marked; two ticks, or a tick that disagrees with
        the 意见 column, are a bad row."""
        said = cells.position(self.cell(row, "意见"))
        marked = [code for column, code in layout.TICK_COLUMNS.items()
                  if column in self.mapping and cells.ticked(self.cell(row, column), self.header[self.mapping[column]])]
        if len(marked) > 1:
            raise ValidationError("import.two_ticks", columns="、".join(
                self.header[self.mapping[c]] for c, code in layout.TICK_COLUMNS.items() if code in marked))
        if marked and said not in (None, marked[0]):
            raise ValidationError("import.tick_disagrees", said=self.cell(row, "意见"))
        return marked[0] if marked else said

    @staticmethod
    def _owners_and_phones(owners_cell: str, phone_cell: str):
        """Owners with their phones: an owner may carry one ("王建国 13811110001、王小明"); the 电话
        column gives the first owner's phone, or one phone per owner in order ("138…、139…"); with one
        owner, every phone of the column is theirs (the first is the contact)."""
        entries = ownership.parse_owners(owners_cell)
        for name, _ in entries:
            ownership.check_person_name(name)
        column = [ownership.check_phone(p) for p in _phone_parts(phone_cell)]
        more: tuple[str, ...] = ()
        if len(entries) <= 1 and len(column) > 1:
            column, more = column[:1], tuple(column[1:])
        if len(column) > max(len(entries), 1):
            raise ValidationError("import.too_many_phones", phones=len(column), owners=len(entries))
        phones = [own or (column[n] if n < len(column) else "") for n, (_, own) in enumerate(entries)]
        return tuple(name for name, _ in entries), tuple(phones), more


def _phone_parts(text: str) -> list[str]:
    """"138…、139…", "138… / 139…", "138… 139…" (two mobiles with a space) → each phone."""
    parts = [p.strip() for p in re.split(_SEPARATORS, text or "") if p.strip()]
    out = []
    for part in parts:
        words = part.split()
        if len(words) > 1 and all(re.fullmatch(r"1[3-9]\d{9}", w) for w in words):
            out += words
        else:
            out.append(part)
    return out


def _joined(errors: list[str]) -> str:
    """One row's mistakes as one sentence: "楼层“99”无效…；面积…；电话…。"."""
    return "；".join(e.rstrip("。") for e in errors) + "。"


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
    """A name on several rows without evidence. Rows whose owner cell is one merged cell are one
    person already (the office wrote the name once over both rows)."""
    lines = {r.line: r for r in rows}
    seen: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        anchor = lines.get(row.owner_from) if row.owner_from else None
        refs = row.id_refs or ("",) * len(row.owners)
        for name, phone, id_ref in zip(row.owners, row.phones, refs):
            if anchor is not None and name in anchor.owners:
                continue  # the merged cell's anchor row stands for it
            evidence = "id:" + privacy.normalize_id(id_ref) if id_ref else ownership.phone_key(phone)
            seen.setdefault(name, []).append((row.room, evidence))
    out = []
    for name, entries in seen.items():
        rooms = tuple(dict.fromkeys(room for room, _ in entries))
        if len(rooms) > 1 and any(not phone for _, phone in entries):
            out.append(Lookalike(name, rooms))
    return out
