"""Settings: language and font size (large type for older helpers)."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton,
                               QSpinBox, QWidget)

from liftdesk.common.settings import BY_KEY, Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None, store=None):
        super().__init__(parent)
        self.settings, self.store = settings, store
        self.setWindowTitle(self.tr("设置"))
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # at 20 pt a long label goes above its field
        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(settings.get("language")))
        self.font_size = QSpinBox()
        sizes = BY_KEY["font_size"].choices
        self.font_size.setRange(sizes[0], sizes[-1])
        self.font_size.setValue(settings.get("font_size"))
        self.font_size.setSuffix(self.tr(" 磅"))
        self.inactive_days = QSpinBox()
        self.inactive_days.setRange(1, 365)
        self.inactive_days.setValue(settings.get("inactive_days"))
        form.addRow(self.tr("界面语言（重启后生效）"), self.language)
        form.addRow(self.tr("字号"), self.font_size)
        form.addRow(self.tr("多少天无进展算停滞"), self.inactive_days)
        self.office_address = QLineEdit(settings.get("notice_office_address"))
        self.office_phone = QLineEdit(settings.get("notice_office_phone"))
        form.addRow(self.tr("公示：受理异议的社区地址"), self.office_address)
        form.addRow(self.tr("公示：受理异议的社区电话"), self.office_phone)
        if store is not None:  # per database: the station lock, logins, whole ID numbers or not
            self.station_button = QPushButton(self.tr("站点锁与隐私…"))
            self.station_button.setAutoDefault(False)
            self.station_button.clicked.connect(self.open_station)
            form.addRow(self.tr("站点"), self.station_button)
            # #19: said plainly, what the database file itself reveals to whoever has it
            self.protection = QLabel()
            self.protection.setObjectName("protectionNote")
            self.protection.setWordWrap(True)
            form.addRow(self.protection)
            self._show_protection()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        em = self.fontMetrics().horizontalAdvance("中")
        for field in (self.office_address, self.office_phone):
            field.setMinimumWidth(em * 16)  # an address is read whole, not through a slot
        self.resize(em * 34, self.sizeHint().height())

    def open_station(self) -> None:
        from ..lock import StationDialog

        if StationDialog(self.store, self).exec():
            lock = getattr(self.parent(), "station_lock", None)
            if lock is not None:
                lock.refresh()
        self._show_protection()

    def _show_protection(self) -> None:
        from liftdesk.people import accounts

        from ..lock import protection_note

        self.protection.setText(protection_note(self.store, accounts.lock_settings(self.store).enabled))

    def accept(self) -> None:
        self.settings.set("language", self.language.currentData())
        self.settings.set("font_size", self.font_size.value())
        self.settings.set("inactive_days", self.inactive_days.value())
        self.settings.set("notice_office_address", self.office_address.text().strip())
        self.settings.set("notice_office_phone", self.office_phone.text().strip())
        super().accept()
