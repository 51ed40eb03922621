"""The verdict of a unit: each criterion in words and as a bar, the overall verdict, what is
missing, and whom to visit (name, phone, where they stand, why)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (QButtonGroup, QFrame, QLabel, QListView, QPushButton, QRadioButton, QScrollArea,
                               QSizePolicy, QVBoxLayout, QWidget)

from liftdesk.consent.evaluation import FORECAST, LEGAL, Criterion, Verdict
from liftdesk.i18n import t


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


class VerdictPanel(QScrollArea):
    """Scrolls rather than squeezes: at large type the wrapped labels keep their full height."""
    mode_changed = Signal(str)
    visit_requested = Signal(str)  # household id
    print_visits = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        self.setWidget(body)
        self.rule_label = self._wrapping()
        self.legal = QRadioButton(self.tr("法定（只计签字）"))
        self.legal.setToolTip(self.tr("法定结论只计签字的书面意见"))
        self.forecast = QRadioButton(self.tr("预测（含口头）"))
        self.forecast.setToolTip(self.tr("预测也计入口头意向"))
        self.legal.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.legal)
        group.addButton(self.forecast)
        self.legal.toggled.connect(lambda on: self.mode_changed.emit(LEGAL if on else FORECAST))
        self.verdict_label = self._wrapping()
        self.verdict_label.setObjectName("verdict")
        self.shortfall = self._wrapping()
        self.flags = self._wrapping()
        self.criteria_box = QVBoxLayout()
        self.visit_title = self._wrapping(self.tr("建议走访（最可能签字的在前）："))
        self.visit_title.setToolTip(self.tr("建议走访：最少人数，最可能签字的在前，按楼层从高到低"))
        self.visit_model = QStringListModel(self)
        self.visit_ids: list[str] = []
        self.visit_view = QListView()
        self.visit_view.setModel(self.visit_model)
        self.visit_view.setWordWrap(True)
        self.visit_view.setUniformItemSizes(False)
        self.visit_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.visit_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.visit_view.activated.connect(self._visit_activated)
        self.print_button = QPushButton(self.tr("打印走访清单…"))
        self.print_button.clicked.connect(self.print_visits.emit)
        # what to do next first (the verdict, what is missing, whom to visit), the criteria in detail after
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.shortfall)
        layout.addWidget(self.flags)
        layout.addWidget(self.visit_title)
        layout.addWidget(self.visit_view)
        layout.addWidget(self.print_button)
        layout.addWidget(self.rule_label)
        layout.addWidget(self.legal)
        layout.addWidget(self.forecast)
        layout.addLayout(self.criteria_box)
        layout.addStretch()
        self._rows: list[tuple[QLabel, CriterionBar]] = []
        self.setMinimumWidth(260)
        self.setMaximumWidth(420)

    @staticmethod
    def _wrapping(text: str = "") -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        return label

    @property
    def mode(self) -> str:
        return LEGAL if self.legal.isChecked() else FORECAST

    def _visit_activated(self, index) -> None:
        if 0 <= index.row() < len(self.visit_ids):
            self.visit_requested.emit(self.visit_ids[index.row()])

    def show_verdict(self, verdict: Verdict) -> None:
        self.verdict = verdict
        self.rule_label.setText(self.tr("规则：{name}").format(name=verdict.rule.name))
        self.rule_label.setToolTip(verdict.rule.summary)
        while len(self._rows) < len(verdict.criteria):
            label, bar = self._wrapping(), CriterionBar()
            self.criteria_box.addWidget(label)
            self.criteria_box.addWidget(bar)
            self._rows.append((label, bar))
        for n, (label, bar) in enumerate(self._rows):
            visible = n < len(verdict.criteria)
            label.setVisible(visible)
            bar.setVisible(visible)
            if visible:
                c = verdict.criteria[n]
                label.setText(f"{'✓' if c.met else '✗'} {c.words}")
                bar.set_criterion(c)
        if verdict.passed:
            self.verdict_label.setText(self.tr("已达标"))
            self.verdict_label.setStyleSheet("color: #2e7d32; font-weight: bold;")
        else:
            self.verdict_label.setText(self.tr("未达标"))
            self.verdict_label.setStyleSheet("color: #c62828; font-weight: bold;")
        self.shortfall.setText(verdict.shortfall_text)
        flags = [verdict.conflict_text(c) for c in verdict.conflicts]
        if verdict.rule.no_opposition and verdict.totals["opposing_owners"]:
            flags.append(t("consent.opposition", n=verdict.totals["opposing_owners"]))
        if verdict.conditional:
            flags.append(self.tr("有条件支持：{rooms}").format(rooms="、".join(b.label for b in verdict.conditional)))
        if verdict.depends_on_conditional:
            flags.append(t("consent.depends_on_conditional"))
        if verdict.hearsay:
            flags.append(t("consent.non_owner_word", rooms="、".join(b.label for b in verdict.hearsay)))
        self.flags.setText("\n".join(flags))
        self.flags.setVisible(bool(flags))
        visits = [] if verdict.passed else verdict.visits
        self.visit_ids = [v.flats[0].household_id if v.flats else "" for v in visits]
        self.visit_model.setStringList([self._visit_text(verdict, v) for v in visits])
        for widget in (self.visit_title, self.visit_view, self.print_button):
            widget.setVisible(bool(visits))
        lines = self.fontMetrics().lineSpacing()
        # two visits (about three wrapped lines each) in view; the list scrolls for the rest
        self.visit_view.setMinimumHeight(min(len(visits), 2) * lines * 3 + lines // 2)
        self.visit_view.setMaximumHeight(max(len(visits), 1) * lines * 5)

    @staticmethod
    def _visit_text(verdict: Verdict, visit) -> str:
        head = "  ".join(x for x in (verdict.who(visit), verdict.phone(visit.voter)) if x)
        return f"{head}\n{verdict.position_text(visit.voter)} · {verdict.reason(visit)}"
