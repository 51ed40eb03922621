"""The verdict of a unit: each criterion as a bar with its exact fraction and threshold, the
overall verdict, the shortfall and the visit list."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (QButtonGroup, QLabel, QListView, QRadioButton, QVBoxLayout,
                               QWidget)

from liftdesk.consent import FORECAST, LEGAL, Criterion, Verdict
from liftdesk.i18n import t
from liftdesk.units import format_area


class CriterionBar(QWidget):
    """A bar filled to the ratio, with a line at the threshold: green when met, red when not."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.criterion: Criterion | None = None
        self.setMinimumHeight(18)

    def sizeHint(self) -> QSize:
        return QSize(220, 20)

    def set_criterion(self, criterion: Criterion) -> None:
        self.criterion = criterion
        self.update()

    def paintEvent(self, event) -> None:
        if self.criterion is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 2, -1, -2)
        painter.setPen(QPen(QColor("#9aa5b1")))
        painter.setBrush(QColor("#f1f3f5"))
        painter.drawRoundedRect(rect, 3, 3)
        ratio = float(min(self.criterion.ratio, 1))
        fill = QRectF(rect.left(), rect.top(), rect.width() * ratio, rect.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#43a047") if self.criterion.met else QColor("#e53935"))
        painter.drawRoundedRect(fill, 3, 3)
        x = rect.left() + rect.width() * float(self.criterion.threshold)
        painter.setPen(QPen(QColor("#212121"), 2))
        painter.drawLine(int(x), int(rect.top()) - 1, int(x), int(rect.bottom()) + 1)
        painter.end()


class VerdictPanel(QWidget):
    mode_changed = Signal(str)
    visit_requested = Signal(str)  # room

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rule_label = QLabel()
        self.rule_label.setWordWrap(True)
        self.legal = QRadioButton(self.tr("法定（只计签字书面意见）"))
        self.forecast = QRadioButton(self.tr("预测（计入口头意向）"))
        self.legal.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.legal)
        group.addButton(self.forecast)
        self.legal.toggled.connect(lambda on: self.mode_changed.emit(LEGAL if on else FORECAST))
        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("verdict")
        self.verdict_label.setWordWrap(True)
        self.shortfall = QLabel()
        self.shortfall.setWordWrap(True)
        self.flags = QLabel()
        self.flags.setWordWrap(True)
        self.criteria_box = QVBoxLayout()
        self.visit_model = QStringListModel(self)
        self.visit_view = QListView()
        self.visit_view.setModel(self.visit_model)
        self.visit_view.setMaximumHeight(140)
        self.visit_view.activated.connect(lambda index: self.visit_requested.emit(index.data().split()[0]))
        layout = QVBoxLayout(self)
        layout.addWidget(self.rule_label)
        modes = QVBoxLayout()
        modes.addWidget(self.legal)
        modes.addWidget(self.forecast)
        layout.addLayout(modes)
        layout.addWidget(self.verdict_label)
        layout.addLayout(self.criteria_box)
        layout.addWidget(self.shortfall)
        layout.addWidget(self.flags)
        layout.addWidget(QLabel(self.tr("建议走访（按能最快补足差距排序）：")))
        layout.addWidget(self.visit_view)
        layout.addStretch()
        self._rows: list[tuple[QLabel, CriterionBar]] = []
        self.setMaximumWidth(330)

    @property
    def mode(self) -> str:
        return LEGAL if self.legal.isChecked() else FORECAST

    def show_verdict(self, verdict: Verdict) -> None:
        self.verdict = verdict
        self.rule_label.setText(self.tr("规则：{name}").format(name=verdict.rule.name))
        self.rule_label.setToolTip(verdict.rule.summary)
        while len(self._rows) < len(verdict.criteria):
            label, bar = QLabel(), CriterionBar()
            label.setWordWrap(True)
            self.criteria_box.addWidget(label)
            self.criteria_box.addWidget(bar)
            self._rows.append((label, bar))
        for n, (label, bar) in enumerate(self._rows):
            visible = n < len(verdict.criteria)
            label.setVisible(visible)
            bar.setVisible(visible)
            if visible:
                c = verdict.criteria[n]
                unit = " m²" if c.measures_area else self.tr(" 人")
                label.setText(f"{t('criterion.' + c.key)}：{c.fraction}{unit} ≥ {c.threshold_text} "
                              f"{'✓' if c.met else '✗'}")
                bar.set_criterion(c)
        if verdict.passed:
            self.verdict_label.setText(self.tr("已达标"))
            self.verdict_label.setStyleSheet("color: #2e7d32; font-weight: bold;")
        else:
            self.verdict_label.setText(self.tr("未达标"))
            self.verdict_label.setStyleSheet("color: #c62828; font-weight: bold;")
        self.shortfall.setText(verdict.shortfall_text)
        flags = []
        if verdict.rule.no_opposition and verdict.totals["opposing_owners"]:
            flags.append(t("consent.opposition", n=verdict.totals["opposing_owners"]))
        if verdict.conditional:
            flags.append(self.tr("有条件支持：{rooms}").format(rooms="、".join(b.room for b in verdict.conditional)))
        self.flags.setText("\n".join(flags))
        self.visit_model.setStringList([
            self.tr("{room}  {floor}层  {area} m²").format(room=b.room, floor=b.floor, area=format_area(b.area_x100))
            for b in verdict.visit_list] if not verdict.passed else [])
