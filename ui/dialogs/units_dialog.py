"""Join a further unit to a project (a 四梯连装 platform, a 连片 batch): the units of the same estate
that have no project yet. One core operation, one named undo step."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from liftdesk.places import places
from liftdesk.projects import projects, units
from liftdesk.store import Store

from .project_dialogs import _SaveDialog


def candidate_units(store: Store, project_id: str) -> list[tuple[str, str]]:
    """(unit id, address) of the units in the project's estate that belong to no project."""
    first = units.units_of(store, project_id)[0]
    estate = store.db.execute("SELECT b.estate_id FROM unit u JOIN building b ON b.id = u.building_id WHERE u.id = ?",
                              [first]).fetchone()[0]
    out = []
    for (unit_id,) in store.db.execute(
            "SELECT u.id FROM unit u JOIN building b ON b.id = u.building_id WHERE b.estate_id = ? AND u.deleted = 0"
            " AND b.deleted = 0 ORDER BY b.seq, b.name, u.seq, u.name", [estate]).fetchall():
        if projects.project_of_unit(store, unit_id) is None:
            address = places.unit_address(store, unit_id)
            out.append((unit_id, f"{address.building}{address.unit}"))
    return out


class JoinUnitDialog(_SaveDialog):
    def __init__(self, store: Store, project_id: str, parent: QWidget | None = None):
        super().__init__(self.tr("连装/连片：加入单元"), parent)
        self.store, self.project_id = store, project_id
        self.unit = QComboBox()
        for unit_id, label in candidate_units(store, project_id):
            self.unit.addItem(label, unit_id)
        self.form.addRow(self.tr("单元"), self.unit)

    def save(self) -> None:
        units.add_unit(self.store, self.project_id, self.unit.currentData() or "")
