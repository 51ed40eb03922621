"""The main window: the place tree on the left, pages on the right, search always at hand."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMainWindow, QMenu, QSplitter, QToolBar, QTreeView, QWidget
from shiboken6 import isValid

from liftdesk.history import actions, recycle, undo
from liftdesk.places import places, registry, scope, search
from liftdesk.projects import projects
from liftdesk.errors import LiftDeskError
from liftdesk.common.settings import Settings, recent_databases
from liftdesk.store import Store, files, purpose

from . import messages, tasks
from .busy_wait import WaitIndicator
from .models.place_tree import KindIdRole, PlaceTreeModel
from .style import apply_font_size
from .widgets.page_stack import PageStack


class _LazyPage:
    """A page of the main window, built the first time it is asked for (shown from a menu, the
    tree or a search; named by --screenshot or a test). Only the page shown first is built before
    the window first paints: the others cost start time nobody waits for (issue 24)."""

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, window, owner=None):
        if window is None:
            return self
        page = window._built_pages.get(self.name)
        return page if page is not None else window._build_page(self.name)


class MainWindow(QMainWindow):
    open_database = Signal(str)  # 文件 → 新建/打开/最近打开: the app opens it in a new window

    home = _LazyPage()
    unit_page = _LazyPage()
    search_page = _LazyPage()
    recycle_page = _LazyPage()
    overview_page = _LazyPage()
    project_page = _LazyPage()
    today_page = _LazyPage()
    district_page = _LazyPage()
    teams_page = _LazyPage()
    sync_page = _LazyPage()

    def __init__(self, store: Store, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.settings = store, settings
        self.setWindowTitle(self.title())
        self.resize(1280, 800)

        self.tree_model = PlaceTreeModel(store, self)
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_menu)
        self.tree.activated.connect(self._open_index)
        self.tree.clicked.connect(self._open_index)
        self.tree.installEventFilter(self)  # Delete on a place asks, then moves it to the bin

        self._built_pages: dict[str, QWidget] = {}  # name → page, in the order they were built
        self._painted = False
        self._stale_search_keys = search.many_stale(store)  # filled in the background after the first paint
        self.pages = PageStack()  # pages join it as they are built (_LazyPage)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, False)  # the tree can be narrowed, never lost
        self.splitter.setCollapsible(1, False)
        self._size_tree()
        self.setCentralWidget(self.splitter)

        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("搜索地址、房号、业主姓名（或拼音）、电话（Ctrl+F）"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(self.fontMetrics().averageCharWidth() * 18)
        self.search_box.returnPressed.connect(self.run_search)
        self._search_timer = QTimer(self)  # results follow the typing, after a short pause
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._search_as_typed)
        self.search_box.textEdited.connect(lambda _: self._search_timer.start())
        toolbar = QToolBar(self.tr("工具栏"))
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        self.home_action = self._action(self.tr("首页"), self.show_home, "Ctrl+Home")
        self.today_action = self._action(self.tr("今日"), self.show_today, "Ctrl+T")
        self.receipt_action = self._action(self.tr("录入回执"), self.enter_receipt, "Ctrl+R")
        self.district_action = self._action(self.tr("区级总览"), self.show_district, "Ctrl+D")
        self.undo_action = self._action(self.tr("撤销"), self.undo, "Ctrl+Z")
        self.redo_action = self._action(self.tr("重做"), self.redo, "Ctrl+Shift+Z")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.bin_action = self._action(self.tr("回收站"), self.show_recycle_bin)
        self.teams_action = self._action(self.tr("帮帮团"), self.show_teams)
        self.sync_action = self._action(self.tr("数据同步"), self.show_sync, "Ctrl+Shift+S")
        self.settings_action = self._action(self.tr("设置"), self.open_settings, "Ctrl+,")
        for action in (self.home_action, self.today_action, self.district_action, self.sync_action, self.receipt_action,
                       self.bin_action, self.settings_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addWidget(self.search_box)
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: (self.search_box.setFocus(), self.search_box.selectAll()))
        self.addAction(find)

        menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        self.new_db_action = self._action(self.tr("新建数据库…"), self.new_database, "Ctrl+N")
        self.open_db_action = self._action(self.tr("打开数据库…"), self.choose_database, "Ctrl+O")
        menu.addAction(self.new_db_action)
        menu.addAction(self.open_db_action)
        self.recent_menu = menu.addMenu(self.tr("最近打开"))
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        self.fill_recent_menu()
        self.copy_action = self._action(self.tr("另存副本…"), self.save_copy)
        self.copy_action.setEnabled(store.path is not None)
        menu.addAction(self.copy_action)
        menu.addSeparator()
        menu.addAction(self._action(self.tr("新增街道…"), lambda: self.add_child("district", None)))
        self.rule_action = self._action(self.tr("本区设置（规则、公示期、社区地址、费用方案）…"), self.edit_rule)
        menu.addAction(self.rule_action)
        if store.path is not None:
            self.backup_action = self._action(self.tr("备份与恢复…"), self.open_backups)
            menu.addAction(self.backup_action)
        menu.addSeparator()
        menu.addAction(self._action(self.tr("退出"), self.close, "Ctrl+Q"))
        edit = self.menuBar().addMenu(self.tr("编辑(&E)"))
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.aboutToShow.connect(self.update_undo_texts)
        self.edit_menu = edit
        view = self.menuBar().addMenu(self.tr("查看(&V)"))
        view.addAction(self.home_action)
        view.addAction(self.today_action)
        view.addAction(self.district_action)
        view.addAction(self.sync_action)
        view.addAction(self.bin_action)
        view.addAction(self.teams_action)
        view.addAction(self.settings_action)
        self.statusBar().showMessage(self.tr("就绪"))
        self.wait_indicator = WaitIndicator(self)  # another program writes: "等待中…" with a cancel
        actions.on_change(store, self.update_undo_texts)
        self.pages.currentChanged.connect(lambda _: self.update_undo_texts())
        self.update_undo_texts()

    # ---- the pages, built when first wanted --------------------------------------------------

    def _build_page(self, name: str) -> QWidget:
        page = getattr(self, f"_make_{name}")()
        self._built_pages[name] = page
        self.pages.addWidget(page)
        return page

    def built_pages(self) -> list[str]:
        """The pages built so far (the first-paint test: only the one shown first)."""
        return list(self._built_pages)

    def _showing(self, name: str) -> bool:
        """Is this page the one on screen? (Never builds it to find out.)"""
        page = self._built_pages.get(name)
        return page is not None and self.pages.currentWidget() is page

    def _refresh_home(self) -> None:
        """The start page's counts after a change, when it is on screen; otherwise show_home reads
        them when it is next shown (counting 1.3 M households after every edit would cost 0.4 s at 15×)."""
        if self._showing("home"):
            self.home.refresh()

    def _make_home(self) -> QWidget:
        from .pages.home_page import HomePage

        return HomePage(self.store)

    def _make_unit_page(self) -> QWidget:
        from .pages.unit_page import UnitPage

        page = UnitPage(self.store)
        page.settings = self.settings
        page.open_project.connect(self.open_project_of_unit)
        page.changed.connect(self._refresh_home)
        return page

    def _make_search_page(self) -> QWidget:
        from .pages.search_page import SearchPage

        page = SearchPage(self.store)
        page.runner.keys_progress.connect(self._search_keys_progress)
        page.open_household.connect(self.open_unit)
        return page

    def _make_recycle_page(self) -> QWidget:
        from .pages.recycle_page import RecyclePage

        page = RecyclePage(self.store)
        page.restored.connect(self._after_restore)
        return page

    def _make_overview_page(self) -> QWidget:
        from .pages.overview_page import OverviewPage

        page = OverviewPage(self.store)
        page.open_unit.connect(self.open_unit)
        return page

    def _make_project_page(self) -> QWidget:
        from .pages.project_page import ProjectPage

        page = ProjectPage(self.store)
        page.settings = self.settings
        page.open_unit.connect(self.open_unit)
        return page

    def _make_today_page(self) -> QWidget:
        from .pages.today_page import TodayPage

        page = TodayPage(self.store)
        page.open_project.connect(self.open_project)
        return page

    def _make_district_page(self) -> QWidget:
        from .pages.district_page import DistrictPage

        page = DistrictPage(self.store)
        page.open_project.connect(self.open_project)
        page.open_unit.connect(self.open_unit)
        return page

    def _make_teams_page(self) -> QWidget:
        from .pages.teams_page import TeamsPage

        return TeamsPage(self.store)

    def _make_sync_page(self) -> QWidget:
        from .pages.sync_page import SyncPage

        page = SyncPage(self.store)
        page.data_changed.connect(lambda: (self.reload_tree(), self._refresh_home()))
        page.data_changed.connect(lambda: self.search_page.runner.refresh_keys())  # a merged street's pinyin
        return page

    def showEvent(self, event) -> None:
        if self.pages.currentWidget() is None:  # nothing chosen yet: the start page
            self.show_home()
        super().showEvent(event)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)

    def _after_first_paint(self) -> None:
        """What the start can leave until the window is on screen: the search page, when its
        index has many documents to write (after the index's migration), to write them and say so."""
        if isValid(self) and self._stale_search_keys:
            self.search_page.runner.refresh_keys()

    def title(self) -> str:
        """The file in the title bar (name, then folder), and 演示 first when it is the demo."""
        if self.store.path is None:
            where = self.tr("内存数据库")
        else:
            where = self.tr("{name}（{folder}）").format(name=self.store.path.name, folder=self.store.path.parent)
        if purpose.is_demo(self.store):
            where = self.tr("演示 — {file}").format(file=where)
        return self.tr("LiftDesk 加梯工作台 — {file}").format(file=where)

    # ---- the database file ------------------------------------------------------------------

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        current = self.store.path.resolve() if self.store.path else None
        recent = [p for p in recent_databases(self.settings) if p != current]
        for path in recent:
            action = self.recent_menu.addAction(f"{path.name}  —  {path.parent}")
            action.triggered.connect(lambda _=False, p=str(path): self.open_database.emit(p))
        if not recent:
            self.recent_menu.addAction(self.tr("（无）")).setEnabled(False)

    def new_database(self) -> None:
        from .dialogs.database_dialogs import ask_new_path

        path = ask_new_path(self)
        if path is None:
            return
        try:
            files.create_database(path)
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return
        self.open_database.emit(str(path))

    def choose_database(self) -> None:
        from .dialogs.database_dialogs import ask_open_path

        path = ask_open_path(self)
        if path is not None:
            self.open_database.emit(str(path))

    def save_copy(self) -> None:
        """A consistent copy through SQLite's backup API, on a worker (a large file takes a while)."""
        from .dialogs.database_dialogs import ask_copy_path

        target = ask_copy_path(self, self.store.path)
        if target is None:
            return
        self.copy_task = task = tasks.Task(_copy_database, self.store.path, target)
        task.succeeded.connect(lambda path: messages.info(self, self._copied_text(path)))
        task.failed.connect(lambda message: message and messages.error(self, message.splitlines()[-1]))
        self.statusBar().showMessage(self.tr("正在另存副本…"))
        task.finished.connect(self.statusBar().clearMessage)
        tasks.start(task)

    def _copied_text(self, path) -> str:
        from liftdesk.sync import enrol

        text = self.tr("已另存副本：{path}").format(path=path)
        if enrol.role(self.store) is not None:  # the copy carries this database's keys
            text += "\n" + self.tr("副本带有本库的同步身份和密钥：只作备份保管，不要在另一台电脑上当作工作站或区加梯办使用。")
        return text

    def _size_tree(self) -> None:
        """Keep the tree wide enough for "遥祥寺巷小区"-length names at the current font size."""
        em = self.fontMetrics().horizontalAdvance("中")
        self.tree.setMinimumWidth(em * 7)
        self.splitter.setSizes([em * 11, max(self.width() - em * 11, em * 30)])

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange and hasattr(self, "search_box"):
            self._size_tree()
            self.search_box.setMinimumWidth(self.fontMetrics().averageCharWidth() * 18)
        super().changeEvent(event)

    def _action(self, text: str, slot, shortcut: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    # ---- navigation -------------------------------------------------------------------------

    def show_home(self) -> None:
        home = self._built_pages.get("home")
        if home is None:
            home = self.home  # built just now: its counts are fresh
        else:
            home.refresh()
        self.pages.setCurrentWidget(home)

    def show_today(self) -> None:
        self.today_page.inactive_days = self.settings.get("inactive_days")
        self.today_page.refresh()
        self.pages.setCurrentWidget(self.today_page)

    def open_project(self, project_id: str) -> None:
        self.project_page.show_project(project_id)
        self.pages.setCurrentWidget(self.project_page)

    def open_project_of_unit(self, unit_id: str) -> None:
        project_id = projects.project_of_unit(self.store, unit_id)
        if project_id is None:
            if not messages.confirm(self, self.tr("该单元还没有加梯项目。现在立项吗？")):
                return
            project_id = projects.start_project(self.store, unit_id)
            self._refresh_home()
        self.open_project(project_id)

    def edit_rule(self) -> None:
        from .dialogs.rule_dialog import RuleDialog

        if RuleDialog(self.store, self).exec():
            if self._showing("unit_page") and self.unit_page.unit_id:
                self.unit_page.show_unit(self.unit_page.unit_id)
            elif self._showing("overview_page"):
                self.overview_page.refresh()

    def _current_unit(self) -> str | None:
        if self._showing("unit_page") or self._showing("project_page"):
            return getattr(self.pages.currentWidget(), "unit_id", None)
        return None

    def update_undo_texts(self) -> None:
        """The Edit menu says what Ctrl+Z and Ctrl+Shift+Z will do, naming another unit's place."""
        if not isValid(self):  # a closed window still listening to its store
            return
        unit = self._current_unit()
        for action, nxt, fallback, template in (
                (self.undo_action, actions.next_undo(self.store), self.tr("撤销"), self.tr("撤销：{what}")),
                (self.redo_action, actions.next_redo(self.store), self.tr("重做"), self.tr("重做：{what}"))):
            action.setText(template.format(what=undo.describe(self.store, nxt, unit)) if nxt else fallback)
            action.setEnabled(nxt is not None)

    def undo(self) -> None:
        self._undo_or_redo(undo.undo, self.tr("已撤销：{what}"))

    def redo(self) -> None:
        self._undo_or_redo(undo.redo, self.tr("已重做：{what}"))

    def _undo_or_redo(self, step, done_text: str) -> None:
        unit = self._current_unit()
        try:
            act = step(self.store)
        except LiftDeskError as exc:
            if exc.key == "undo.blocked":
                if messages.confirm(self, str(exc) + "\n\n" + self.tr(
                        "要保留它并跳过这一步，以便继续撤销更早的操作吗？")):
                    undo.skip(self.store)
            else:
                messages.error(self, str(exc))
            self.update_undo_texts()
            return
        self.statusBar().showMessage(done_text.format(what=undo.describe(self.store, act, unit)), 8000)
        self.refresh_pages()

    def refresh_pages(self) -> None:
        """Show the data as it is now on whatever page is open (after undo, redo or a restore)."""
        page = self.pages.currentWidget()
        if self._showing("unit_page") and self.unit_page.unit_id:
            if not self.unit_page.reload():
                self.pages.setCurrentWidget(self.home)
        elif self._showing("project_page") and self.project_page.project_id:
            if self.store.db.execute("SELECT deleted FROM project WHERE id = ?",
                                     [self.project_page.project_id]).fetchone() == (0,):
                self.project_page.refresh()
            else:
                self.pages.setCurrentWidget(self.home)
        elif page is not None and hasattr(page, "refresh") and not self._showing("home"):
            page.refresh()
        self.reload_tree()
        self._refresh_home()  # once, when it is the page on screen
        self.update_undo_texts()

    def reload_tree(self) -> None:
        """Read the tree again (after an edit, undo, redo or restore) and keep what the user had
        open: the expanded places that still exist, and the current one."""
        expanded, stack = [], [QModelIndex()]
        while stack:
            parent = stack.pop()
            for row in range(self.tree_model.rowCount(parent)):
                index = self.tree_model.index(row, 0, parent)
                if self.tree.isExpanded(index):
                    expanded.append(index.data(KindIdRole))
                    stack.append(index)
        current = self.tree.currentIndex().data(KindIdRole) if self.tree.currentIndex().isValid() else None
        self.tree_model.reload()
        for kind, record_id in expanded:  # parents first: the walk above went top-down
            index = self._tree_index(kind, record_id)
            if index.isValid():
                self.tree.expand(index)
        if current:
            index = self._tree_index(*current)
            if index.isValid():
                self.tree.setCurrentIndex(index)

    def _tree_index(self, kind: str, record_id: str) -> QModelIndex:
        try:
            return self.tree_model.index_of(kind, record_id)
        except LiftDeskError:  # gone altogether
            return QModelIndex()

    def show_district(self) -> None:
        self.district_page.refresh()
        self.pages.setCurrentWidget(self.district_page)

    def show_sync(self) -> None:
        self.sync_page.refresh()
        self.pages.setCurrentWidget(self.sync_page)

    def enter_receipt(self) -> None:
        from .dialogs.receipt_dialog import ReceiptDialog

        unit_page = self._built_pages.get("unit_page")
        recorded_by = unit_page.recorded_by if unit_page is not None else self.settings.get("recorded_by")
        dialog = ReceiptDialog(self.store, recorded_by, self)
        if dialog.exec() and dialog.saved:
            self.statusBar().showMessage(self.tr("已录入 {n} 户的书面意见（编号 {serial}）").format(
                n=len(dialog.saved), serial=dialog.document.serial), 8000)
            if dialog.document.unit_id:
                self.open_unit(dialog.document.unit_id)

    def show_teams(self) -> None:
        self.teams_page.refresh()
        self.pages.setCurrentWidget(self.teams_page)

    def show_recycle_bin(self) -> None:
        self.recycle_page.refresh()
        self.pages.setCurrentWidget(self.recycle_page)

    def _search_keys_progress(self, left: int) -> None:
        if left:
            self.statusBar().showMessage(self.tr("正在为搜索整理 {n} 人的姓名拼音…").format(n=f"{left:,}"))
        else:
            self.statusBar().clearMessage()

    def closeEvent(self, event) -> None:
        search_page = self._built_pages.get("search_page")
        if search_page is not None:
            search_page.close_runner()  # its connection closes on its own thread
        super().closeEvent(event)

    def hideEvent(self, event) -> None:
        self._search_timer.stop()  # a closed or locked window searches nothing later
        super().hideEvent(event)

    def _search_as_typed(self) -> None:
        if not self.isVisible():
            return
        query = self.search_box.text().strip()
        if not query or (query.isascii() and len(query) < 2):  # one letter or digit matches too much
            return
        self.search_page.run(query)
        self.pages.setCurrentWidget(self.search_page)  # the cursor stays in the search box

    def run_search(self) -> None:
        self._search_timer.stop()
        query = self.search_box.text().strip()
        if not query:
            return
        self.search_page.run(query, focus_results=True)
        self.pages.setCurrentWidget(self.search_page)

    def _open_index(self, index: QModelIndex) -> None:
        kind, record_id = index.data(KindIdRole)
        if kind == "unit":
            self.open_unit(record_id)
        else:
            self.open_overview(kind, record_id)

    def open_overview(self, kind: str, record_id: str) -> None:
        self.overview_page.show_place(places.place_address(self.store, kind, record_id))
        self.pages.setCurrentWidget(self.overview_page)

    def open_unit(self, unit_id: str, household_id: str | None = None) -> None:
        self.unit_page.show_unit(unit_id, household_id)
        self.pages.setCurrentWidget(self.unit_page)
        index = self.tree_model.index_of("unit", unit_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def _after_restore(self, table: str, record_id: str) -> None:
        if table != "household":
            self.reload_tree()
        self._refresh_home()

    # ---- editing the tree ------------------------------------------------------------------

    def _tree_menu(self, pos) -> None:
        self.place_menu(self.tree.indexAt(pos)).exec(self.tree.viewport().mapToGlobal(pos))

    def place_menu(self, index) -> QMenu:
        """The tree's context menu. On a station, a place outside its scope is read-only here too:
        its actions are greyed out under a line that says why (the core refuses them anyway)."""
        menu = QMenu(self)
        if not index.isValid():
            menu.addAction(self.tr("新增街道…"), lambda: self.add_child("district", None))
            return menu
        kind, record_id = index.data(KindIdRole)
        writable = scope.covers(self.store, kind, record_id)
        if not writable:
            note = menu.addAction(self.tr("不在本站范围“{scope}”内：只能查看").format(
                scope="/".join(scope.station_scope(self.store))))
            note.setEnabled(False)
            menu.addSeparator()
        child = {"street": self.tr("社区"), "community": self.tr("小区"), "estate": self.tr("楼栋"),
                 "building": self.tr("单元")}.get(kind)
        made = []
        if child:
            made.append(menu.addAction(self.tr("新增{child}…").format(child=child),
                                       lambda: self.add_child(kind, record_id)))
        made.append(menu.addAction(self.tr("改名…"), lambda: self.rename(kind, record_id, index.data())))
        made.append(menu.addAction(self.tr("删除（移入回收站）"), lambda: self.delete_place(kind, record_id, index.data())))
        for action in made:
            action.setEnabled(writable)
        return menu

    def add_child(self, kind: str, parent_id: str | None) -> None:
        labels = {"district": self.tr("街道"), "street": self.tr("社区"), "community": self.tr("小区"),
                  "estate": self.tr("楼栋"), "building": self.tr("单元")}
        name, ok = QInputDialog.getText(self, self.tr("新增{what}").format(what=labels[kind]),
                                        self.tr("{what}名称：").format(what=labels[kind]))
        if not ok:
            return
        floors = 0
        if kind == "estate":
            floors, ok = QInputDialog.getInt(self, self.tr("新增楼栋"), self.tr("楼层数："), 6, 1, 60)
            if not ok:
                return
        try:
            place_id = registry.add_place(self.store, kind, parent_id, name, floors)
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return
        self.reload_tree()
        self._refresh_home()
        if registry.CHILD_KIND[kind] == "unit":
            self.open_unit(place_id)

    def rename(self, kind: str, record_id: str, current: str) -> None:
        name, ok = QInputDialog.getText(self, self.tr("改名"), self.tr("新名称："), text=current)
        if not ok:
            return
        try:
            registry.rename_place(self.store, kind, record_id, name)
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return
        self.reload_tree()

    def eventFilter(self, obj, event):
        if obj is self.tree and event.type() == QEvent.Type.KeyPress \
                and QKeySequence(event.keyCombination()).matches(QKeySequence(QKeySequence.StandardKey.Delete)) \
                == QKeySequence.SequenceMatch.ExactMatch:
            self._delete_current_place()
            return True
        return super().eventFilter(obj, event)

    def _delete_current_place(self) -> None:
        index = self.tree.currentIndex()
        if index.isValid():
            kind, record_id = index.data(KindIdRole)
            self.delete_place(kind, record_id, index.data())

    def delete_place(self, kind: str, record_id: str, name: str) -> None:
        n = recycle.households_under(self.store, kind, record_id)
        if not messages.confirm(self, self.tr("将“{name}”及其下 {n} 户移入回收站？这会改变相关单元的同意比例。"
                                              "之后可在回收站恢复，或按 Ctrl+Z 撤销。").format(name=name, n=n)):
            return
        recycle.delete_place(self.store, kind, record_id)
        self.reload_tree()
        self.show_home()

    def open_backups(self) -> None:
        from .dialogs.backup_dialog import BackupDialog

        dialog = BackupDialog(self.store, self.settings, self)
        dialog.restored.connect(self._after_database_restore)
        dialog.exec()

    def _after_database_restore(self, _path: str) -> None:
        """The file's content was replaced under our open connection: show it afresh."""
        self.reload_tree()
        self.show_home()

    def open_settings(self) -> None:
        from .dialogs.settings_dialog import SettingsDialog

        if SettingsDialog(self.settings, self, store=self.store).exec():
            apply_font_size(self.settings.get("font_size"))


def _copy_database(source: Path, target: Path, progress, cancelled) -> Path:
    return files.save_copy(source, target)
