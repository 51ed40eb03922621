"""Accepting a new station (its key fingerprint shown SSH-style, compared by a person with what the
station reads out over the phone) and giving a station its scope. The rules live in the core
(liftdesk/sync/enrol.py, exchange.accept_station); these dialogs only ask."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)


class AcceptStationDialog(QDialog):
    """Shows the fingerprint the district pinned; the person types what the station reads out."""

    def __init__(self, station: dict, needs_passphrase: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("确认新工作站"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("请打电话给工作站“{name}”（编号 {id}），请对方念出本站密钥指纹，与下面的指纹逐组核对。"
                               "指纹不符时不要接受：文件可能来自冒充者。").format(name=station["name"], id=station["station_id"]))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.fingerprint = QLabel(station["fingerprint"])
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(self.font().pointSizeF() * 1.8)
        font.setBold(True)
        self.fingerprint.setFont(font)
        self.fingerprint.setObjectName("fingerprint")
        layout.addWidget(self.fingerprint)
        scope = "、".join(a for a in station["scope"].split("\n") if a) or self.tr("（未指定：请先指定范围）")
        layout.addWidget(QLabel(self.tr("范围：{scope}；暂存文件 {n} 个").format(scope=scope, n=station.get("pending", 0))))
        form = QFormLayout()
        self.typed = QLineEdit()
        self.typed.setPlaceholderText(self.tr("对方念出的指纹，如 1A2B 3C4D …"))
        form.addRow(self.tr("对方念出的指纹"), self.typed)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        if needs_passphrase:
            form.addRow(self.tr("区密钥口令"), self.passphrase)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("指纹一致，接受"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)


class StationScopeDialog(QDialog):
    """One address a line (街道[/社区/…]); the core refuses one that names no place of the district."""

    def __init__(self, station: dict, parent: QWidget | None = None, choices: list[str] | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("指定工作站范围"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("工作站“{name}”负责的范围，每行一个地址（街道或 街道/社区）。下一份回执会告诉工作站，"
                               "并带去新范围内的数据。").format(name=station["name"]))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.addresses = QPlainTextEdit(station["scope"])
        self.addresses.setTabChangesFocus(True)
        layout.addWidget(self.addresses)
        pick = QHBoxLayout()  # the district's streets and communities, so nobody has to type them
        self.choice = QComboBox()
        self.choice.addItems(choices or [])
        self.add_button = QPushButton(self.tr("加入此地址"))
        self.add_button.clicked.connect(self.add_choice)
        pick.addWidget(self.choice, 1)
        pick.addWidget(self.add_button)
        if choices:
            layout.addLayout(pick)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().horizontalAdvance("中") * 32, self.sizeHint().height())

    def add_choice(self) -> None:
        chosen = self.choice.currentText()
        if chosen and chosen not in self.lines():
            self.addresses.setPlainText("\n".join([*self.lines(), chosen]))

    def lines(self) -> list[str]:
        return [line.strip() for line in self.addresses.toPlainText().splitlines() if line.strip()]


class RevokeStationDialog(QDialog):
    """Asks before a station is revoked, with its fingerprint in view (the one to stop trusting)."""

    def __init__(self, station: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("撤销工作站"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("撤销工作站“{name}”（编号 {id}）？撤销后，它以后送来的文件一律拒收；已收到的数据保留，"
                               "它的待审记录只能拒绝。电脑丢失、被盗或密钥外泄时使用。撤销不能取消：要再用这台电脑，"
                               "只能用空数据库重新登记（新的密钥和指纹）。").format(name=station["name"], id=station["station_id"]))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("要撤销的密钥指纹：")))
        self.fingerprint = QLabel(station["fingerprint"])
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(self.font().pointSizeF() * 1.5)
        font.setBold(True)
        self.fingerprint.setFont(font)
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setObjectName("fingerprint")
        layout.addWidget(self.fingerprint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("撤销该工作站"))
        ok.setAutoDefault(False)
        ok.setDefault(False)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)  # Enter by habit does not revoke
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().horizontalAdvance("中") * 36, self.sizeHint().height())
