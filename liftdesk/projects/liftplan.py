"""The lift plan (加梯方案) of a project, in versions. A version is never edited: a change is a new
version that says what changed and why, and whether the change is material (a material change means
forms signed for an older version must be confirmed again)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from dataclasses import dataclass
from pathlib import Path

from liftdesk.common.dates import past_day
from liftdesk.errors import ValidationError
from liftdesk.history import actions
from liftdesk.i18n import t
from liftdesk.projects.projects import project_unit
from liftdesk.store import Store, records
from liftdesk.common.units import format_fen

POSITIONS = ("front", "back", "gable")  # 楼前 / 楼后 / 山墙侧
ENTRIES = ("flat", "half")  # 平层入户 / 半层入户
MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class PlanVersion:
    id: str
    project_id: str
    version: int
    position: str
    entry: str
    load_kg: int
    stops: int
    design_firm: str
    maker: str
    summary: str
    estimate_fen: int
    change_note: str
    material: bool
    attachments: list
    on_date: str
    recorded_by: str

    @property
    def position_label(self) -> str:
        return t(f"plan.position.{self.position}") if self.position else ""

    @property
    def entry_label(self) -> str:
        return t(f"plan.entry.{self.entry}") if self.entry else ""

    @property
    def line(self) -> str:
        """One line for a form: what residents are asked to agree to."""
        parts = [p for p in (self.position_label, self.entry_label,
                             f"{self.load_kg} kg" if self.load_kg else "",
                             t("plan.stops", stops=self.stops) if self.stops else "",
                             t("plan.estimate", amount=format_fen(self.estimate_fen)) if self.estimate_fen else "")
                 if p]
        text = "，".join(parts)
        return f"{self.summary}（{text}）" if self.summary and text else (self.summary or text)

    @property
    def label(self) -> str:
        return t("plan.version", version=self.version)

    def as_json(self) -> dict:
        return {"version": self.version, "position": self.position, "entry": self.entry, "load_kg": self.load_kg,
                "stops": self.stops, "design_firm": self.design_firm, "maker": self.maker, "summary": self.summary,
                "estimate_fen": self.estimate_fen, "change_note": self.change_note, "material": self.material,
                "attachments": self.attachments, "date": self.on_date, "recorded_by": self.recorded_by,
                "line": self.line}


_COLUMNS = ("id, project_id, version, position, entry, load_kg, stops, design_firm, maker, summary, estimate_fen,"
            " change_note, material, attachments, on_date, recorded_by")


def _plan(row) -> PlanVersion:
    values = list(row)
    values[12] = bool(values[12])
    values[13] = json.loads(values[13] or "[]")
    return PlanVersion(*values)


def versions(store: Store, project_id: str) -> list[PlanVersion]:
    """Oldest first."""
    rows = store.db.execute(f"SELECT {_COLUMNS} FROM lift_plan WHERE project_id = ? AND deleted = 0"
                            " ORDER BY version", [project_id]).fetchall()
    return [_plan(r) for r in rows]


def current(store: Store, project_id: str) -> PlanVersion | None:
    row = store.db.execute(f"SELECT {_COLUMNS} FROM lift_plan WHERE project_id = ? AND deleted = 0"
                           " ORDER BY version DESC LIMIT 1", [project_id]).fetchone()
    return _plan(row) if row else None


def valid_from(store: Store, project_id: str) -> int | None:
    """The oldest version whose signed forms still count: the latest material change (or version 1)."""
    row = store.db.execute("SELECT max(version) FROM lift_plan WHERE project_id = ? AND deleted = 0"
                           " AND (material = 1 OR version = (SELECT min(version) FROM lift_plan"
                           " WHERE project_id = ? AND deleted = 0))", [project_id, project_id]).fetchone()
    return row[0] if row else None


def attachments_dir(store: Store, project_id: str) -> Path:
    """Drawings are kept as files beside the database, one folder per project."""
    if store.path is None:
        raise ValidationError("plan.attachments_need_file")
    return store.path.parent / f"{store.path.stem}-files" / "plans" / project_id


def add_version(store: Store, project_id: str, *, summary: str, position: str = "", entry: str = "",
                load_kg: int | str = 0, stops: int | str = 0, design_firm: str = "", maker: str = "",
                estimate_fen: int = 0, change_note: str = "", material: bool = False, on_date: str | None = None,
                version: int | None = None, attachments: list[str | Path] = (), recorded_by: str = "") -> str:
    """Record a new plan version, one named undo step. The first version needs no change note;
    every later one does."""
    project_unit(store, project_id)
    previous = current(store, project_id)
    number = (previous.version + 1 if previous else 1) if version is None else int(version)
    if previous is not None and number <= previous.version:
        raise ValidationError("plan.version_old", version=number, current=previous.version)
    if number < 1:
        raise ValidationError("plan.version_old", version=number, current=0)
    summary = (summary or "").strip()
    if not summary:
        raise ValidationError("plan.summary_missing")
    if previous is not None and not (change_note or "").strip():
        raise ValidationError("plan.change_note_missing")
    if position and position not in POSITIONS:
        raise ValidationError("plan.bad_choice", value=position)
    if entry and entry not in ENTRIES:
        raise ValidationError("plan.bad_choice", value=entry)
    try:
        load, stop_count = int(load_kg or 0), int(stops or 0)
    except (TypeError, ValueError):
        raise ValidationError("plan.bad_number", value=f"{load_kg} / {stops}") from None
    if not 0 <= load <= 5000 or not 0 <= stop_count <= 60:
        raise ValidationError("plan.bad_number", value=f"{load_kg} / {stops}")
    if not isinstance(estimate_fen, int) or estimate_fen < 0:
        raise ValidationError("money.negative", value=estimate_fen)
    files = [Path(p) for p in attachments]
    for f in files:
        if not f.is_file():
            raise ValidationError("plan.attachment_missing", path=str(f))
        if f.stat().st_size > MAX_ATTACHMENT_BYTES:
            raise ValidationError("plan.attachment_large", path=str(f))
    names = []
    if files:
        folder = attachments_dir(store, project_id) / f"v{number}"
        folder.mkdir(parents=True, exist_ok=True)
        for f in files:
            target = folder / f.name
            shutil.copy2(f, target)
            names.append(str(target.relative_to(folder.parent.parent)))
    day = past_day(on_date) if on_date else date.today().isoformat()
    with actions.action(store, "action.plan_version", unit_id=project_unit(store, project_id)):
        return records.insert(store, "lift_plan", {
            "project_id": project_id, "version": number, "position": position, "entry": entry, "load_kg": load,
            "stops": stop_count, "design_firm": design_firm.strip(), "maker": maker.strip(), "summary": summary,
            "estimate_fen": estimate_fen, "change_note": (change_note or "").strip(),
            "material": 1 if material else 0, "attachments": json.dumps(names, ensure_ascii=False), "on_date": day,
            "recorded_by": recorded_by.strip()})


# A written form counts only for the plan it was signed for, until a later version changes the plan
# materially. Positions store the version they were signed for (NULL: signed before any plan was kept,
# which is older than every version: a material change voids it too).
STALE_SQL = ("CASE WHEN p.written = 1 THEN coalesce(p.plan_version, 0) < coalesce(("
             "SELECT max(lp.version) FROM lift_plan lp JOIN project pr ON pr.id = lp.project_id"
             " JOIN household hh ON hh.unit_id = pr.unit_id WHERE hh.id = p.household_id AND lp.material = 1"
             " AND lp.deleted = 0 AND pr.deleted = 0), 0) ELSE 0 END")


def version_for_household(store: Store, household_id: str) -> int | None:
    """The current plan version of the project whose lift serves this household (None: no plan)."""
    row = store.db.execute(
        "SELECT max(lp.version) FROM lift_plan lp JOIN project pr ON pr.id = lp.project_id"
        " JOIN household h ON h.unit_id = pr.unit_id WHERE h.id = ? AND lp.deleted = 0 AND pr.deleted = 0",
        [household_id]).fetchone()
    return row[0] if row else None


@dataclass(frozen=True)
class StaleForms:
    """Households whose latest signed form is for a plan version a material change has replaced."""
    rooms: list[str]
    versions: list[int]

    def __bool__(self) -> bool:
        return bool(self.rooms)

    @property
    def text(self) -> str:
        if not self.rooms:
            return ""
        if self.versions == [0]:
            return t("plan.older_forms_unplanned", count=len(self.rooms))
        return t("plan.older_forms", count=len(self.rooms),
                 versions="、".join(str(v) if v else t("plan.before_any") for v in self.versions))

    def as_json(self) -> dict:
        return {"households": len(self.rooms), "rooms": self.rooms, "versions": self.versions, "text": self.text}


def stale_forms(store: Store, where: str, params: list) -> StaleForms:
    """`where` over household h, as the consent engine scopes a verdict."""
    rows = store.db.execute(
        f"SELECT h.room, p.plan_version, p.on_date || p.hlc, {STALE_SQL} FROM position p"
        f" JOIN household h ON h.id = p.household_id WHERE p.deleted = 0 AND p.written = 1 AND h.deleted = 0"
        f" AND p.respondent IN ('owner', 'co-owner', 'proxy') AND {where}", params).fetchall()
    latest: dict[str, tuple] = {}
    for room, version, stamp, stale in rows:
        if room not in latest or stamp > latest[room][1]:
            latest[room] = (version, stamp, stale)
    stale = sorted((room, v[0] or 0) for room, v in latest.items() if v[2])  # 0: before any plan was kept
    return StaleForms([r for r, _ in stale], sorted({v for _, v in stale}))
