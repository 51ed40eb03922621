"""Dialogs that add households: one at a time, or a whole unit from floors × rooms."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox,
                               QWidget)

from liftdesk.places import household_facts, registry
from liftdesk.errors import LiftDeskError
from liftdesk.store import Store

from .. import messages


class _FormDialog(QDialog):
    """A form whose OK runs `apply()`; a refusal keeps the dialog open with the user's input."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.form.addRow(self.buttons)

    def apply(self) -> bool | None:  # pragma: no cover - overridden
        """Save; False keeps the dialog open (the user answered no to a question)."""
        raise NotImplementedError

    def _try_accept(self) -> None:
        try:
            if self.apply() is False:
                return
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return
        self.accept()


class AddHouseholdDialog(_FormDialog):
    def __init__(self, store: Store, unit_id: str, parent: QWidget | None = None):
        super().__init__(self.tr("新增住户"), parent)
        self.store, self.unit_id = store, unit_id
        floors = registry.building_floors_of_unit(store, unit_id)
        self.room = QLineEdit()
        self.floor = QSpinBox()
        self.floor.setRange(1, floors)
        self.area = QLineEdit()
        self.area.setPlaceholderText(self.tr("例如 63.50"))
        self.occupancy = QComboBox()
        for code in registry.OCCUPANCY:
            self.occupancy.addItem(registry.occupancy_label(code), code)
        self.owners = QLineEdit()
        self.owners.setPlaceholderText(self.tr("共有人用“、”分隔"))
        self.phone = QLineEdit()
        self.occupied = QCheckBox(self.tr("电梯占用本户专有部分（须本户业主同意）"))
        self.property_cert = QLineEdit()
        self.property_cert.setPlaceholderText(self.tr("选填"))
        self.form.addRow(self.tr("房号"), self.room)
        self.form.addRow(self.tr("楼层"), self.floor)
        self.form.addRow(self.tr("面积（m²）"), self.area)
        self.form.addRow(self.tr("居住情况"), self.occupancy)
        self.form.addRow(self.tr("业主"), self.owners)
        self.form.addRow(self.tr("电话"), self.phone)
        self.form.addRow(self.tr("不动产权证号"), self.property_cert)
        self.form.addRow("", self.occupied)
        self.finish_layout()
        self.household_id: str | None = None

    def apply(self) -> bool | None:
        doubt = registry.room_floor_doubt(self.room.text(), self.floor.value(),
                                          registry.building_floors_of_unit(self.store, self.unit_id))
        if doubt and not messages.confirm(self, doubt):
            return False
        self.household_id = household_facts.create_household(
            self.store, self.unit_id, self.room.text(), self.floor.value(), self.area.text(),
            self.occupancy.currentData(), owners=self.owners.text(), phone=self.phone.text(),
            occupied=self.occupied.isChecked(), property_cert=self.property_cert.text())


class HouseholdFactsDialog(_FormDialog):
    """占用专有部分 and 不动产权证号 of an existing household (right-click on the roster)."""

    def __init__(self, store: Store, household_id: str, room: str, parent: QWidget | None = None):
        super().__init__(self.tr("%1 的产权信息").replace("%1", room), parent)
        self.store, self.household_id = store, household_id
        facts = household_facts.facts(store, household_id)
        self.property_cert = QLineEdit(facts.property_cert)
        self.property_cert.setPlaceholderText(self.tr("选填"))
        self.occupied = QCheckBox(self.tr("电梯占用本户专有部分（须本户业主同意）"))
        self.occupied.setChecked(facts.occupied)
        self.form.addRow(self.tr("不动产权证号"), self.property_cert)
        self.form.addRow("", self.occupied)
        self.finish_layout()

    def apply(self) -> None:
        household_facts.set_facts(self.store, self.household_id, occupied=self.occupied.isChecked(),
                                  property_cert=self.property_cert.text())


class QuickCreateDialog(_FormDialog):
    def __init__(self, store: Store, unit_id: str, parent: QWidget | None = None):
        super().__init__(self.tr("按楼层批量生成住户"), parent)
        self.store, self.unit_id = store, unit_id
        floors = registry.building_floors_of_unit(store, unit_id)
        self.floors = QSpinBox()
        self.floors.setRange(1, floors)
        self.floors.setValue(floors)
        self.rooms = QSpinBox()
        self.rooms.setRange(1, 20)
        self.rooms.setValue(2)
        self.area = QLineEdit("60.00")
        self.form.addRow(self.tr("楼层数"), self.floors)
        self.form.addRow(self.tr("每层户数"), self.rooms)
        self.form.addRow(self.tr("默认面积（m²，之后可逐户修改）"), self.area)
        self.finish_layout()

    def apply(self) -> None:
        registry.generate_households(self.store, self.unit_id, self.floors.value(), self.rooms.value(),
                                     self.area.text())
