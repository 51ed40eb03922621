"""What importing a checked roster would change, household by household, in words — read, never
written: `preview` for `import-roster --dry-run` and the import dialog, and the one rule both it
and the import follow for positions: **a record never goes backwards**. A roster row without a
date never supersedes a record the flat already has; a dated row older than the current record
is kept as history, not made current."""

from __future__ import annotations

from dataclasses import dataclass, field

from liftdesk.common.units import format_area
from liftdesk.consent import positions
from liftdesk.consent.positions import POSITIONS, PositionRecord, label
from liftdesk.i18n import t
from liftdesk.people import ownership
from liftdesk.places import registry
from liftdesk.store import Store

from .plan import ImportPlan, RosterRow

RECORD, HISTORY, KEEP, SAME = "record", "history", "keep", "same"


@dataclass(frozen=True)
class PositionStep:
    """What a row's 意见 does to the flat: RECORD (becomes current), HISTORY (an older dated form,
    kept behind the current one), KEEP (undated, the flat's own record stays), SAME (nothing new)."""
    kind: str
    on_date: str | None = None
    note: str = ""

    @property
    def writes(self) -> bool:
        return self.kind in (RECORD, HISTORY)


def _said(position: str, written: bool) -> str:
    return t("import.said_written" if written else "import.said_spoken", position=label(POSITIONS, position))


def position_step(history: list[PositionRecord], row: RosterRow, default_day: str | None) -> PositionStep:
    """The rule, given the flat's live records (newest first) and the row."""
    if row.position is None:
        return PositionStep(SAME)
    day = row.on_date or default_day
    same = lambda r: r.position == row.position and r.written == row.written  # noqa: E731
    if not history:
        return PositionStep(SAME) if row.position == "none" else PositionStep(RECORD, day)
    current = history[0]
    if same(current) or (day and any(same(r) and r.on_date == day for r in history)):
        return PositionStep(SAME)
    roster_says = label(POSITIONS, row.position)
    app_says = t("import.current_written" if current.written else "import.current_spoken",
                 position=label(POSITIONS, current.position))
    if day is None:
        return PositionStep(KEEP, None, t("import.kept_newer", room=row.room, roster=roster_says,
                                          date=current.on_date, current=app_says))
    if day < current.on_date:
        return PositionStep(HISTORY, day, t("import.kept_as_history", room=row.room, roster=roster_says, day=day,
                                            date=current.on_date, current=app_says))
    return PositionStep(RECORD, day)


def id_notes(store: Store, row: RosterRow) -> list[str]:
    """An ID number that proves a person already kept under another name: the import takes that
    person (the evidence wins), and says so instead of dropping the typed name silently."""
    notes = []
    for name, id_ref in zip(row.owners, row.id_refs):
        person_id = ownership.find_person(store, name, "", id_ref) if id_ref else None
        kept = store.db.execute("SELECT name FROM person WHERE id = ?", [person_id]).fetchone() if person_id else None
        if kept and kept[0] != name:
            notes.append(t("import.id_other_name", room=row.room, typed=name, kept=kept[0]))
    return notes


def is_sale(old_owners: list[str], new_owners: tuple[str, ...]) -> bool:
    """Another owner altogether (no name in common) is a sale; an added or dropped co-owner is not."""
    return bool(old_owners) and bool(new_owners) and not set(old_owners) & set(new_owners)


@dataclass
class HouseholdChange:
    room: str
    unit: str  # the unit's name (a building import routes rows to several)
    kind: str  # "new", "changed", "same"
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # (what, old, new)
    step: PositionStep = PositionStep(SAME)
    position: str = ""  # the position to record, in words
    sale: bool = False

    def words(self) -> str:
        """"101（新增）：面积 63.50 m²；业主 黄杞财；记录意见 书面反对" — one line for a person to read."""
        parts = [f"{what} {old} → {new}" if old else f"{what} {new}" for what, old, new in self.fields]
        if self.sale:
            parts.append(t("import.change_sale"))
        if self.step.kind == RECORD:
            parts.append(t("import.change_position", position=self.position))
        elif self.step.kind == HISTORY:
            parts.append(t("import.change_history", position=self.position, day=self.step.on_date))
        elif self.step.kind == KEEP:
            parts.append(t("import.change_kept"))
        where = f"{self.unit} {self.room}" if self.unit else self.room
        return t(f"import.change_{self.kind}", room=where, what="；".join(parts) or t("import.change_nothing"))


@dataclass
class Preview:
    households: list[HouseholdChange]
    absent: dict[str, list[str]]  # unit name → its rooms the roster does not name
    notes: list[str]

    def lines(self, plan: ImportPlan) -> list[str]:
        out = [h.words() for h in self.households if h.kind != "same" or h.step.kind != SAME]
        same = sum(1 for h in self.households if h.kind == "same" and h.step.kind == SAME)
        if same:
            out.append(t("import.change_unchanged", n=same))
        out += self.notes
        for unit, rooms in self.absent.items():
            if rooms:
                out.append(t("import.absent", rooms="、".join(rooms), unit=unit))
        out += [t("import.bad_row_skipped", line=line, reason=reason) for line, reason in plan.bad]
        out += [t("import.hidden_row_skipped", line=line, text=text) for line, text in plan.hidden]
        return out


def source_words(source: str) -> str:
    """"" is the registered area (产权面积), the first in the law's order."""
    return source or t("import.area_registered")


def _owners_text(names) -> str:
    return "、".join(names) or "—"


def household_change(store: Store, household_id: str | None, row: RosterRow, unit: str,
                     default_day: str | None) -> HouseholdChange:
    """What the row does to one household (None: a new one)."""
    change = HouseholdChange(row.room, unit, "new" if household_id is None else "same")
    history = positions.live_history(store, household_id) if household_id else []
    if household_id is None:
        change.fields.append((t("import.field_area"), "", f"{format_area(row.area_x100)} m²"))
        if row.owners:
            change.fields.append((t("import.field_owners"), "", _owners_text(row.owners)))
    else:
        old = store.db.execute("SELECT floor, area_x100, occupancy, area_source FROM household WHERE id = ?",
                               [household_id]).fetchone()
        for what, before, after in (
                (t("import.field_floor"), str(old[0]), str(row.floor)),
                (t("import.field_area"), f"{format_area(old[1])} m²", f"{format_area(row.area_x100)} m²"),
                (t("import.field_occupancy"), registry.occupancy_label(old[2]), registry.occupancy_label(row.occupancy))):
            if before != after:
                change.fields.append((what, before, after))
        owners = [name for name, _ in ownership.household_owners(store, household_id)]
        if row.owners and list(row.owners) != owners:
            change.fields.append((t("import.field_owners"), "、".join(owners), _owners_text(row.owners)))
            change.sale = is_sale(owners, row.owners)
            if change.sale:
                history = []  # the buyers start with no position
        if old[3] != row.area_source:
            change.fields.append((t("import.field_area_source"), source_words(old[3]), source_words(row.area_source)))
        change.kind = "changed" if change.fields else "same"
    if household_id is None and row.area_source:
        change.fields.append((t("import.field_area_source"), "", row.area_source))
    change.step = position_step(history, row, default_day)
    if row.position is not None:
        change.position = _said(row.position, row.written)
    return change


def preview(store: Store | None, plan: ImportPlan, rows_by_unit: dict[str, tuple[str | None, list[RosterRow]]],
            default_day: str | None) -> Preview:
    """Every household the import would touch; `rows_by_unit` maps a unit's name to its id (None:
    to be made) and its rows. `store` None: nothing exists yet."""
    households, absent, notes = [], {}, []
    for unit_name, (unit_id, rows) in rows_by_unit.items():
        existing = {}
        if store is not None and unit_id is not None:
            existing = {registry.normalise_room(h.room): h.id for h in registry.unit_households(store, unit_id)}
        shown = unit_name if plan.target and plan.target.is_building else ""
        for row in rows:
            change = household_change(store, existing.get(row.room), row, shown, default_day)
            households.append(change)
            if change.step.note:
                notes.append(change.step.note)
            if store is not None:
                notes += id_notes(store, row)
        named = {row.room for row in rows}
        absent[unit_name] = [room for room in existing if room not in named]
    return Preview(households, absent, notes)
