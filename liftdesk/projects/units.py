"""Projects that cover several units: a 四梯连装 platform (four lifts, one project) or a 连片 batch
across an estate. The project keeps its first unit (`project.unit_id`); the others are joined by
append-only `project_unit` facts. Consent is still judged per unit; the stages, meetings, diary,
plan and money are the project's, shared by every unit; the district counts one lift per unit."""

from __future__ import annotations

from liftdesk.errors import ValidationError
from liftdesk.history import actions
from liftdesk.places.places import unit_address
from liftdesk.store import Store, records


def extra_units(store: Store, project_id: str) -> list[str]:
    return [r[0] for r in store.db.execute(
        "SELECT pu.unit_id FROM project_unit pu JOIN unit u ON u.id = pu.unit_id WHERE pu.project_id = ?"
        " AND pu.deleted = 0 AND u.deleted = 0 ORDER BY u.seq, u.name", [project_id])]


def units_of(store: Store, project_id: str) -> list[str]:
    """Every unit the project covers, its first unit first."""
    row = store.db.execute("SELECT unit_id FROM project WHERE id = ?", [project_id]).fetchone()
    if row is None:
        raise ValidationError("record.not_found", table="project", id=project_id)
    return ([row[0]] if row[0] else []) + extra_units(store, project_id)


def joined_project(store: Store, unit_id: str) -> str | None:
    """The project a unit was joined to as a further unit, or None."""
    row = store.db.execute("SELECT pu.project_id FROM project_unit pu JOIN project p ON p.id = pu.project_id"
                           " WHERE pu.unit_id = ? AND pu.deleted = 0 AND p.deleted = 0 LIMIT 1", [unit_id]).fetchone()
    return row[0] if row else None


def _street(store: Store, unit_id: str) -> str:
    return unit_address(store, unit_id).street


def add_unit(store: Store, project_id: str, unit_id: str) -> str:
    """Join a further unit of the same street to the project (one undo step)."""
    units = units_of(store, project_id)
    if unit_id in units:
        raise ValidationError("project_unit.already")
    taken = store.db.execute("SELECT 1 FROM project WHERE unit_id = ? AND deleted = 0", [unit_id]).fetchone()
    if taken or joined_project(store, unit_id):
        raise ValidationError("project.exists")
    if units and _street(store, unit_id) != _street(store, units[0]):
        raise ValidationError("project_unit.other_street")
    with actions.action(store, "action.project_unit", unit_id=units[0] if units else unit_id,
                        unit=str(unit_address(store, unit_id))):
        return records.insert(store, "project_unit", {"project_id": project_id, "unit_id": unit_id})


def household_ids(store: Store, project_id: str) -> set[str]:
    units = units_of(store, project_id)
    marks = ", ".join("?" for _ in units)
    return {r[0] for r in store.db.execute(
        f"SELECT id FROM household WHERE unit_id IN ({marks}) AND deleted = 0", units)} if units else set()


# Every (project, unit) pair, a project's first unit and its joined units alike: one lift each.
PROJECT_UNITS_SQL = """SELECT id AS project_id, unit_id FROM project WHERE deleted = 0 AND unit_id IS NOT NULL
    UNION ALL SELECT pu.project_id, pu.unit_id FROM project_unit pu JOIN project p ON p.id = pu.project_id
    WHERE pu.deleted = 0 AND p.deleted = 0"""
