"""The recycle bin: deleted places, households and people stay as tombstones and can come back."""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import ValidationError, t
from .places import PARENT_COLUMN
from .store import Store, records

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


def list_deleted(store: Store) -> list[BinItem]:
    items = []
    for table in BIN_TABLES:
        for record_id, updated in store.db.execute(
                f"SELECT id, updated_at FROM {table} WHERE deleted = 1 ORDER BY updated_at DESC").fetchall():
            items.append(BinItem(table, record_id, _label(store, table, record_id), updated))
    items.sort(key=lambda i: i.deleted_at, reverse=True)
    return items


def restore(store: Store, table: str, record_id: str, op: str = "restore") -> None:
    """Bring a record back, unless its parent is itself deleted or its room number was reused."""
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
    records.update(store, table, record_id, {"deleted": 0}, op=op)
