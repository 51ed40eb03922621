"""A stairwell unit: its households (table and building grid), each household's position history,
and the consent verdict with the visit list. Positions are entered with digits 1–5; a signed
written form with Shift+1–5 and its number."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QMenu, QPushButton,
                               QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget)

from liftdesk.history import recycle
from liftdesk.consent import evaluation, positions
from liftdesk.people import erasure, ownership
from liftdesk.places import places, registry
from liftdesk.errors import LiftDeskError
from liftdesk.i18n import t
from liftdesk.io import roster
from liftdesk.projects.stages import stage_label
from liftdesk.store import Store
from liftdesk.common.units import format_area

from .. import messages
from ..save_paths import ask_save_path
from ..dialogs.household_dialogs import AddHouseholdDialog, HouseholdFactsDialog, QuickCreateDialog
from ..dialogs.position_dialog import KEYS, PositionDialog, SignedFormDialog
from ..models.building_grid import BuildingGridModel
from ..models.households import HouseholdTableModel
from ..models.readonly_table import Column, ReadOnlyTableModel
from ..widgets.delegates import ChoiceDelegate
from ..widgets.filling_layout import FillingLayout
from ..widgets.flow import FlowLayout
from ..widgets.tables import captioned, data_table
from ..widgets.position_legend import PositionLegend
from ..widgets.verdict_panel import VerdictPanel


SHIFTED_DIGITS = {Qt.Key.Key_Exclam: 0, Qt.Key.Key_At: 1, Qt.Key.Key_NumberSign: 2, Qt.Key.Key_Dollar: 3,
                  Qt.Key.Key_Percent: 4}  # what Shift+1…5 sends on a US keyboard


class _DigitKeys(QObject):
    """Digits 1–5 on the roster open the position dialog with that position chosen; Shift+1–5
    records a signed written form of that position (the form number is asked next)."""

    def __init__(self, page: "UnitPage"):
        super().__init__(page)
        self.page = page

    def eventFilter(self, obj, event):
        if event.type() != QEvent.Type.KeyPress:
            return False
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_5 and not mods:
            self.page.record_position(KEYS[key - Qt.Key.Key_1])
            return True
        if mods == Qt.KeyboardModifier.ShiftModifier and (Qt.Key.Key_1 <= key <= Qt.Key.Key_5 or key in SHIFTED_DIGITS):
            self.page.record_signed(KEYS[SHIFTED_DIGITS.get(key, key - Qt.Key.Key_1)])
            return True
        return False


class UnitPage(QWidget):
    changed = Signal()
    position_recorded = Signal(str)  # record id
    open_project = Signal(str)  # unit id

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.unit_id: str | None = None
        self._recorded_by = ""
        self.settings = None  # set by the main window: remembers the recorder and roster column mappings
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.model = HouseholdTableModel(store, self)
        self.model.refused.connect(lambda text: messages.error(self, text))
        self.model.confirm = lambda text: messages.confirm(self, text)
        self.model.changed.connect(self._on_changed)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = data_table(self.proxy, read_only=False)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setItemDelegateForColumn(
            HouseholdTableModel.COLUMNS.index("occupancy"),
            ChoiceDelegate([registry.occupancy_label(c) for c in registry.OCCUPANCY], self.table))
        self.table.installEventFilter(_DigitKeys(self))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_history())

        self.grid_model = BuildingGridModel(store, self)
        self.grid = QTableView()
        self.grid.setModel(self.grid_model)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.activated.connect(self._grid_activated)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)  # no frame around the pages: every pixel of height goes to the rows
        self.tabs.addTab(self.table, self.tr("住户名册"))
        self.tabs.addTab(self.grid, self.tr("楼层视图"))

        self.history_model = ReadOnlyTableModel([
            Column(self.tr("日期"), lambda r: r.on_date),
            Column(self.tr("意见"), lambda r: positions.label(positions.POSITIONS, r.position)
                   + (f"（{r.condition}）" if r.condition else "")),
            Column(self.tr("方式"), lambda r: positions.label(positions.METHODS, r.method)),
            Column(self.tr("答复人"), lambda r: positions.label(positions.RESPONDENTS, r.respondent)
                   + (f" {r.respondent_name}" if r.respondent_name else "")),
            Column(self.tr("书面"), lambda r: (self.tr("是 ") + r.form_no) if r.written else self.tr("否")),
            Column(self.tr("理由/备注"), lambda r: r.reason),
            Column(self.tr("记录人"), lambda r: r.recorded_by),
        ], self)
        self.history = data_table(self.history_model)
        self.history_title = QLabel()
        self.history_tab = captioned(self.history_title, self.history)
        self.tabs.addTab(self.history_tab, self.tr("意见记录"))
        self.spoken_hint = QLabel()
        self.spoken_hint.setWordWrap(True)
        self.spoken_hint.setObjectName("spokenHint")
        self.spoken_hint.setStyleSheet("color: #8a4b00;")
        self.spoken_hint.hide()
        self.legend = PositionLegend()

        self.verdict = VerdictPanel()
        self.verdict.mode_changed.connect(lambda _: self._update_verdict())
        self.verdict.visit_requested.connect(self.select_household)
        self.verdict.print_visits.connect(lambda: self.print_document("visit-list"))

        buttons = FlowLayout()  # one row at 20 pt: the daily buttons; the rest under 更多
        self.position_button = QPushButton(self.tr("记录意见…"))
        self.position_button.setToolTip(self.tr("在名册中选中一户按 1–5 记录意见（1 支持 2 反对 3 弃权 4 未表态 5 有条件）；"
                                                "签字的书面意见按 Shift+1–5，再输入表格编号"))
        self.add_button = QPushButton(self.tr("新增住户"))
        self.import_button = QPushButton(self.tr("导入名册…"))
        self.print_button = QPushButton(self.tr("打印…"))
        menu = QMenu(self.print_button)
        for kind, label in (("consent-form", self.tr("意见征询表")), ("consent-letters", self.tr("书面同意书（每户一页）")),
                            ("notice", self.tr("公示（姓名电话已隐去）")), ("proxy-form", self.tr("授权委托书（空白）")),
                            ("diary", self.tr("电梯日记")), ("visit-list", self.tr("走访清单"))):
            menu.addAction(label, lambda kind=kind: self.print_document(kind))
        self.print_button.setMenu(menu)
        self.project_button = QPushButton(self.tr("项目与日记"))
        self.project_button.clicked.connect(lambda: self.open_project.emit(self.unit_id))
        self.more_button = QPushButton(self.tr("更多…"))
        more = QMenu(self.more_button)
        self.quick_action = more.addAction(self.tr("按楼层批量生成"), self.quick_create)
        self.delete_action = more.addAction(self.tr("删除住户（移入回收站）"), self.delete_selected)
        self.export_action = more.addAction(self.tr("导出名册…"), self.export_roster)
        self.more_button.setMenu(more)
        self.position_button.clicked.connect(lambda: self.record_position(None))
        self.add_button.clicked.connect(self.add_household)
        self.import_button.clicked.connect(self.import_roster)
        for b in (self.position_button, self.print_button, self.project_button, self.add_button, self.import_button,
                  self.more_button):
            buttons.addWidget(b)
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)  # only on the roster, never from the tree
        # 个人信息保护法: a resident who asks to be forgotten (right-click or Ctrl+Shift+Delete).
        self.purge_action = QAction(self.tr("清除个人信息…"), self.table)
        self.purge_action.setShortcut(QKeySequence("Ctrl+Shift+Delete"))
        self.purge_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.purge_action.triggered.connect(self.purge_owners)
        self.table.addAction(self.purge_action)
        self.facts_action = QAction(self.tr("产权信息（占用专有部分、不动产权证号）…"), self.table)
        self.facts_action.triggered.connect(self.edit_facts)
        self.table.addAction(self.facts_action)
        self.transfer_action = QAction(self.tr("过户…"), self.table)  # a sale: the new owners start afresh
        self.transfer_action.triggered.connect(self.transfer_household)
        self.table.addAction(self.transfer_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        # The roster has priority: it fills the page's height (history is a tab beside it, the
        # legend one line under it); the verdict is a side panel that wraps and scrolls on its own,
        # with "what to do next" (the spoken-word hint, 建议走访) at its top. See _fit_to_font for widths.
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(2)
        left_layout.addWidget(self.tabs, 1)
        left_layout.addWidget(self.legend)
        # the spoken-word hint is a next step: it heads the side panel, above the verdict and 建议走访
        self.verdict.widget().layout().insertWidget(0, self.spoken_hint)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.verdict)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, False)
        self._splitter_dragged = False
        self.splitter.splitterMoved.connect(lambda *_: setattr(self, "_splitter_dragged", True))

        layout = FillingLayout(self)  # fills the window: the roster and the side panel scroll inside
        layout.setContentsMargins(6, 2, 2, 2)
        layout.setSpacing(3)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.splitter, 1)
        self._roster_order()
        self._fit_to_font()

    def _roster_order(self) -> None:
        """What a helper reads first comes first: room, owner, current position, phone; then the rest."""
        header = self.table.horizontalHeader()
        for visual, name in enumerate(("room", "owners", "position", "phones", "area", "floor", "occupancy")):
            header.moveSection(header.visualIndex(HouseholdTableModel.COLUMNS.index(name)), visual)

    def _fit_to_font(self, font_changed: bool = False) -> None:
        """Widths from the current type size (again after 设置 changes it): the verdict panel gets
        about 12 characters, never less than its radio buttons need, and what a narrow roster
        leaves; the roster takes the rest. A split the helper dragged stays until the type changes."""
        em = self.fontMetrics().horizontalAdvance("中")
        least = self.verdict.minimumSizeHint().width()
        self.verdict.setMinimumWidth(max(em * 9, least))
        self.verdict.setMaximumWidth(max(em * 20, least))
        if font_changed:
            self._splitter_dragged = False
        if self._splitter_dragged:
            return
        total = max(self.splitter.width(), em * 40)
        header = self.table.horizontalHeader()
        roster = sum(max(header.sectionSizeHint(c), self.table.sizeHintForColumn(c)) for c in range(header.count()))
        roster += self.table.verticalScrollBar().sizeHint().width() + 2 * self.table.frameWidth() + 4
        side = min(max(em * 12, least, total - roster), max(em * 20, least))
        self.splitter.setSizes([total - side, side])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_to_font()

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_to_font(font_changed=True)
        super().changeEvent(event)

    @property
    def recorded_by(self) -> str:
        """Who records positions: remembered between entries (and between sessions) as a setting."""
        return self.settings.get("recorded_by") if self.settings else self._recorded_by

    @recorded_by.setter
    def recorded_by(self, name: str) -> None:
        self._recorded_by = name.strip()
        if self.settings and self.settings.get("recorded_by") != self._recorded_by:
            self.settings.set("recorded_by", self._recorded_by)

    # ---- showing ----------------------------------------------------------------------------

    def show_unit(self, unit_id: str, household_id: str | None = None) -> None:
        self.unit_id = unit_id
        self.title.setText(str(places.unit_address(self.store, unit_id)).replace("/", " / "))
        self.model.load(unit_id)
        self.grid_model.load(unit_id)
        self._update_summary()
        self._update_verdict()
        if household_id:
            self.select_household(household_id)
        elif self.model.rowCount():
            self.table.selectRow(0)
        self._show_history()
        self._fit_to_font()

    def reload(self) -> bool:
        """Show the unit as it is now, keeping the selected household when it is still there.
        False when the unit itself is gone (its creation undone, or deleted)."""
        if self.unit_id is None:
            return False
        if self.store.db.execute("SELECT deleted FROM unit WHERE id = ?", [self.unit_id]).fetchone() != (0,):
            self.unit_id = None
            return False
        current = self.current_household()
        self.show_unit(self.unit_id, current.id if current else None)
        return True

    def select_household(self, household_id: str) -> None:
        row = self.model.row_of(household_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        self.table.setFocus()

    def select_room(self, room: str) -> None:
        household = next((r for r in self.model._rows if r.room == room), None)
        if household:
            self.tabs.setCurrentWidget(self.table)
            self.select_household(household.id)

    def current_household(self):
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def _show_history(self) -> None:
        household = self.current_household()
        if household is None:
            self.history_model.set_items([])
            self.history_title.setText("")
            self.tabs.setTabText(self.tabs.indexOf(self.history_tab), self.tr("意见记录"))
            self.spoken_hint.hide()
            return
        self.history_title.setText(self.tr("{room} 的意见记录（最新在上）").format(room=household.room))
        self.tabs.setTabText(self.tabs.indexOf(self.history_tab), self.tr("{room} 意见记录").format(room=household.room))
        records = positions.history(self.store, household.id)
        self.history_model.set_items(records)
        latest = records[0] if records else None
        if latest is not None and not latest.written:
            words = dict(room=household.room, position=positions.label(positions.POSITIONS, latest.position),
                         how=positions.label(positions.METHODS, latest.method))
            self.spoken_hint.setText(self.tr(
                "{room} 的“{position}”是口头的（{how}），只计入预测。拿到签字表后选中该户按 Shift+1–5，"
                "输入表格编号回车。").format(**words))
            self.spoken_hint.setToolTip(self.tr(
                "{room} 最新的意见“{position}”是口头的（{how}）：只计入预测，不计入法定结论。"
                "拿到签字的书面意见后，在名册中选中该户按 Shift+1–5（1 支持 2 反对 3 弃权 4 未表态 5 有条件），"
                "再输入表格编号并回车。").format(**words))
            self.spoken_hint.show()
        else:
            self.spoken_hint.hide()

    def _update_summary(self) -> None:
        rows = self.model._rows
        total = sum(r.area_x100 for r in rows)
        project, stage = places.unit_project(self.store, self.unit_id)
        text = self.tr("共 {n} 户，总面积 {area} m²").format(n=len(rows), area=format_area(total))
        if project:
            text += self.tr("；加梯项目：{name}（{stage}）").format(name=project, stage=stage_label(stage) or self.tr("未开始"))
        else:
            text += self.tr("；尚未立项加梯")
        for note in ownership.transfer_notes(self.store, self.unit_id):  # "302 已过户（…），原业主意见不再计入"
            text += "；" + note
        self.summary.setText(text)

    def _update_verdict(self) -> None:
        self.verdict.show_verdict(evaluation.unit_verdict(self.store, self.unit_id, mode=self.verdict.mode))

    def _on_changed(self) -> None:
        self._update_summary()
        self._update_verdict()
        self.grid_model.load(self.unit_id)
        self._show_history()  # never the history of a household that is gone
        self.changed.emit()

    def _grid_activated(self, index) -> None:
        household_id = index.data(Qt.ItemDataRole.UserRole)
        if household_id:
            self.tabs.setCurrentWidget(self.table)
            self.select_household(household_id)

    # ---- actions ----------------------------------------------------------------------------

    def record_position(self, preset: str | None) -> None:
        household = self.current_household()
        if household is None:
            return
        self._run_position_dialog(
            PositionDialog(self.store, household.id, household.room, self.unit_id, preset, self.recorded_by, self),
            household.id)

    def record_signed(self, code: str) -> None:
        """A signed written form in two keys and its number: Shift+digit, type the number, Enter."""
        household = self.current_household()
        if household is None:
            return
        self._run_position_dialog(
            SignedFormDialog(self.store, household.id, household.room, self.unit_id, code, self.recorded_by, self),
            household.id)

    def _run_position_dialog(self, dialog, household_id: str) -> None:
        if dialog.exec():
            self.recorded_by = dialog.recorded_by.text()
            self.model.refresh()
            self._on_changed()
            self.select_household(household_id)
            self._show_history()
            self.position_recorded.emit(dialog.record_id)

    def _selected_ids(self) -> list[str]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.row_at(r).id for r in sorted(rows)]

    def add_household(self) -> None:
        dialog = AddHouseholdDialog(self.store, self.unit_id, self)
        if dialog.exec():
            self.model.refresh()
            self._on_changed()
            self.select_household(dialog.household_id)

    def edit_facts(self) -> None:
        household = self.current_household()
        if household is None:
            return
        if HouseholdFactsDialog(self.store, household.id, household.room, self).exec():
            self.model.refresh()
            self._on_changed()

    def quick_create(self) -> None:
        if QuickCreateDialog(self.store, self.unit_id, self).exec():
            self.model.refresh()
            self._on_changed()

    def delete_selected(self) -> None:
        """Asks first, naming what goes; one action, so one Ctrl+Z brings all of them back."""
        ids = self._selected_ids()
        if not ids:
            return
        rooms = [self.model.row_at(self.model.row_of(i)).room for i in ids]
        named = "、".join(rooms[:6]) + ("…" if len(rooms) > 6 else "")
        question = (self.tr("将 {room} 移入回收站？这会改变本单元的同意比例。").format(room=named) if len(ids) == 1 else
                    self.tr("将 {n} 户（{rooms}）移入回收站？这会改变本单元的同意比例。").format(n=len(ids), rooms=named))
        if not messages.confirm(self, question):
            return
        recycle.delete_households(self.store, ids)
        self.model.refresh()
        self._on_changed()
        messages.status(self, self.tr("已将 {n} 户移入回收站，可在回收站恢复或按 Ctrl+Z 撤销。").format(n=len(ids)))

    def purge_owners(self) -> None:
        """Erase the selected household's owners' names, phones and ID numbers, after asking."""
        household = self.current_household()
        if household is None:
            return
        owners = erasure.household_owners(self.store, household.id)
        if not owners:
            messages.error(self, t("purge.no_owner"))
            return
        question = self.tr("清除 {room} 室业主 {names} 的姓名、电话和身份证号？\n"
                           "变更记录里的也一并清除，不能撤销；户数、面积和意见都保留。").format(
            room=household.room, names="、".join(name for _, name in owners))
        if not messages.confirm(self, question):
            return
        try:
            report = erasure.purge_persons(self.store, [pid for pid, _ in owners])
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return
        self.model.refresh()
        self._on_changed()
        self.select_household(household.id)
        messages.status(self, t("purge.done", persons=report.persons, rows=report.log_rows))

    def transfer_household(self) -> None:
        from ..dialogs.household_dialogs import TransferDialog

        household = self.current_household()
        if household is not None and TransferDialog(self.store, household.id, household.room, self).exec():
            self.model.refresh()
            self._on_changed()
            self.select_household(household.id)

    def print_document(self, kind: str) -> None:
        from ..printing import make_and_preview

        make_and_preview(self, self.store, kind, str(places.unit_address(self.store, self.unit_id)), self.recorded_by)

    def import_roster(self) -> None:
        from ..dialogs.import_dialog import ImportRosterDialog

        dialog = ImportRosterDialog(self.store, str(places.unit_address(self.store, self.unit_id)), self,
                                    self.settings)
        if dialog.choose_file() and dialog.exec():
            self.show_unit(self.unit_id)
            self.changed.emit()
            messages.info(self, dialog.summary)

    def export_roster(self) -> None:
        address = places.unit_address(self.store, self.unit_id)
        path = ask_save_path(self, self.store.path, self.tr("导出名册"), f"{address.short}名册.xlsx",
                             self.tr("Excel 工作簿 (*.xlsx)"), (".xlsx",))
        if not path:
            return
        try:
            roster.export_roster(self.store, self.unit_id, path)
        except (LiftDeskError, OSError) as exc:
            messages.error(self, str(exc))
            return
        messages.status(self, self.tr("名册已导出：{path}").format(path=path))
