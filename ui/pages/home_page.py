"""The start page: what this database holds, and where to begin."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from liftdesk.places import places
from liftdesk.store import Store


class HomePage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.grid = QGridLayout()
        self.hint = QLabel(self.tr("在左侧逐级展开 街道 → 社区 → 小区 → 楼栋 → 单元，打开一个单元查看和编辑住户；"
                                   "在上方搜索框输入地址、房号、业主姓名（或拼音首字母，如 hqc）或电话查找住户（Ctrl+F）。"
                                   "右键左侧目录可新增、改名或删除。"))
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.grid)
        layout.addWidget(self.hint)
        layout.addStretch()
        self._labels = {
            "streets": self.tr("街道"), "communities": self.tr("社区"), "estates": self.tr("小区"),
            "buildings": self.tr("楼栋"), "units": self.tr("单元"), "lift_projects": self.tr("加梯项目"),
            "households": self.tr("住户"), "people": self.tr("业主"), "helpers": self.tr("帮帮团成员"),
        }
        self.refresh()

    def refresh(self) -> None:
        self.title.setText(self.tr("{district} 加梯工作台").format(district=places.district_name(self.store)))
        while self.grid.count():
            self.grid.takeAt(0).widget().deleteLater()
        for n, (key, value) in enumerate(places.counts(self.store).items()):
            card = QFrame()
            card.setObjectName("card")
            inner = QVBoxLayout(card)
            number = QLabel(f"{value:,}")
            number.setObjectName("cardNumber")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = QLabel(self._labels[key])
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            inner.addWidget(number)
            inner.addWidget(caption)
            self.grid.addWidget(card, n // 3, n % 3)
