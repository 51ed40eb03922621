"""The recycle bin: deleted places, households and people stay as tombstones and can come back."""

from __future__ import annotations

from dataclasses import dataclass

from liftdesk.errors import ValidationError
from liftdesk.history import actions
from liftdesk.i18n import t
from liftdesk.places.places import PARENT_COLUMN
from liftdesk.store import Store, changelog, records

BIN_TABLES = ("street", "community", "estate", "building", "unit", "household")
_PARENT_TABLE = {"street": "district", "community": "street", "estate": "community", "building": "estate",
                 "unit": "building", "household": "unit"}


@dataclass(frozen=True)
class BinItem:
    table: str
    id: str
    label: str
    deleted_at: str

    @property
    def kind_label(self) -> str:
        return t(f"kind.{self.table}")


def _label(store: Store, table: str, record_id: str) -> str:
    names = []
    current_table, current_id = table, record_id
    while current_table in _PARENT_TABLE:
        row = records.get(store, current_table, current_id)
        names.append(row["room"] if current_table == "household" else row["name"])
        parent_col = "unit_id" if current_table == "household" else PARENT_COLUMN[current_table]
        current_table, current_id = _PARENT_TABLE[current_table], row[parent_col]
    return "/".join(reversed(names))


def delete(store: Store, table: str, record_id: str) -> None:
    if table not in BIN_TABLES:
        raise ValueError(table)
    records.set_deleted(store, table, record_id, True)


def delete_place(store: Store, kind: str, record_id: str) -> None:
    """Move a place (and so everything under it) to the bin as one named undo step."""
    name = records.get(store, kind, record_id)["name"]
    with actions.action(store, "action.delete_place", kind=t(f"kind.{kind}"), name=name,
                        unit_id=record_id if kind == "unit" else None):
        delete(store, kind, record_id)


def delete_households(store: Store, household_ids: list[str]) -> None:
    """Move households to the bin together: one step, so one Ctrl+Z brings all of them back."""
    if not household_ids:
        return
    unit_id = records.get(store, "household", household_ids[0])["unit_id"]
    with actions.action(store, "action.delete_households", unit_id=unit_id, n=len(household_ids)):
        for household_id in household_ids:
            delete(store, "household", household_id)


def restore_items(store: Store, items: list[tuple[str, str]]) -> None:
    """Bring (table, id) items back from the bin as one named step: all of them, or none."""
    if not items:
        return
    with actions.action(store, "action.restore", n=len(items), unit_id=unit_of(store, *items[0])):
        for table, record_id in items:
            restore(store, table, record_id)


def unit_of(store: Store, table: str, record_id: str) -> str | None:
    """The unit a bin item is (or lies in), for the menu's place name; None above a unit."""
    if table == "unit":
        return record_id
    if table == "household":
        return records.get(store, "household", record_id)["unit_id"]
    return None


def _uninserted(store: Store, table: str, record_id: str) -> bool:
    row = store.db.execute("SELECT op FROM change_log WHERE tbl = ? AND record_key = ? AND +record_id = ?"
                           " AND field = 'deleted' ORDER BY seq DESC LIMIT 1",
                           [table, changelog.key(record_id), record_id]).fetchone()
    return row is not None and row[0] == "uninsert"


def list_deleted(store: Store) -> list[BinItem]:
    items = []
    for table in BIN_TABLES:
        for record_id, updated in store.db.execute(
                f"SELECT id, updated_at FROM {table} WHERE deleted = 1 ORDER BY updated_at DESC").fetchall():
            if _uninserted(store, table, record_id):
                continue  # its creation was undone: it never existed for the user
            items.append(BinItem(table, record_id, _label(store, table, record_id), updated))
    items.sort(key=lambda i: i.deleted_at, reverse=True)
    return items


def restore(store: Store, table: str, record_id: str, op: str = "restore") -> None:
    """Bring a record back, unless its parent is itself deleted or its room number was reused."""
    check_restorable(store, table, record_id)
    records.update(store, table, record_id, {"deleted": 0}, op=op)


def check_restorable(store: Store, table: str, record_id: str) -> None:
    """Raise when bringing the record back would break a rule: its parent is in the bin, or a
    live sibling now has its room number or name (undo checks the same before a restore)."""
    row = records.get(store, table, record_id)
    parent_table = _PARENT_TABLE[table]
    parent_col = "unit_id" if table == "household" else PARENT_COLUMN[table]
    parent = records.get(store, parent_table, row[parent_col])
    if parent["deleted"]:
        raise ValidationError("parent.deleted", what=t(f"kind.{parent_table}"))
    if table == "household":
        clash = store.db.execute("SELECT 1 FROM household WHERE unit_id = ? AND room = ? AND deleted = 0",
                                 [row["unit_id"], row["room"]]).fetchone()
        if clash:
            raise ValidationError("room.duplicate", room=row["room"])
    else:
        clash = store.db.execute(f"SELECT 1 FROM {table} WHERE {parent_col} = ? AND name = ? AND deleted = 0"
                                 " AND id != ?", [row[parent_col], row["name"], record_id]).fetchone()
        if clash:
            raise ValidationError("name.duplicate", parent=parent.get("name", ""), name=row["name"],
                                  what=t(f"kind.{table}"))


_ALIAS = {"street": "s", "community": "c", "estate": "e", "building": "b", "unit": "u"}


def households_under(store: Store, kind: str, record_id: str) -> int:
    """How many live households a deletion of this place takes with it (named in the question)."""
    from liftdesk.places.places import UNIT_PATH_SQL

    return store.db.execute(
        f"SELECT count(*) {UNIT_PATH_SQL} JOIN household h ON h.unit_id = u.id AND h.deleted = 0"
        f" WHERE u.deleted = 0 AND {_ALIAS[kind]}.id = ?", [record_id]).fetchone()[0]
