"""Helper teams (帮帮团) and their members: add, edit and delete, each one undoable action."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QSplitter, QVBoxLayout, QWidget)

from liftdesk.people import teams
from liftdesk.errors import ValidationError
from liftdesk.i18n import language
from liftdesk.store import Store

from .. import messages
from ..models.readonly_table import Column, ObjectRole, ReadOnlyTableModel
from ..widgets.tables import captioned, data_table


def role_label(code: str) -> str:
    zh, en = teams.HELPER_ROLES.get(code, (code, code))
    return en if language() == "en" else zh


class _FormDialog(QDialog):
    """A small form; OK runs `save`, a refusal keeps what was typed."""

    def __init__(self, title: str, save, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._save = save
        self.form = QFormLayout()
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self._try)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(box)

    def _try(self) -> None:
        try:
            self._save(self)
        except ValidationError as exc:
            messages.error(self, str(exc))
            return
        self.accept()


class TeamsPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        title = QLabel(self.tr("帮帮团与成员"))
        title.setObjectName("pageTitle")
        self.team_model = ReadOnlyTableModel([
            Column(self.tr("名称"), lambda t: t.name), Column(self.tr("类型"), lambda t: t.kind),
            Column(self.tr("成员数"), lambda t: t.members, align_right=True)], self)
        self.team_view = data_table(self.team_model)
        self.team_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_helpers())
        self.helper_model = ReadOnlyTableModel([
            Column(self.tr("姓名"), lambda h: h.name), Column(self.tr("电话"), lambda h: h.phone),
            Column(self.tr("身份"), lambda h: role_label(h.role))], self)
        self.helper_view = data_table(self.helper_model)
        self.helper_view.activated.connect(lambda _: self.edit_helper())
        self.team_view.activated.connect(lambda _: self.edit_team())

        self.add_team_button = QPushButton(self.tr("新增帮帮团…"))
        self.edit_team_button = QPushButton(self.tr("修改…"))
        self.delete_team_button = QPushButton(self.tr("删除帮帮团"))
        self.add_helper_button = QPushButton(self.tr("新增成员…"))
        self.edit_helper_button = QPushButton(self.tr("修改成员…"))
        self.delete_helper_button = QPushButton(self.tr("删除成员"))
        for button, slot in ((self.add_team_button, self.add_team), (self.edit_team_button, self.edit_team),
                             (self.delete_team_button, self.delete_team), (self.add_helper_button, self.add_helper),
                             (self.edit_helper_button, self.edit_helper),
                             (self.delete_helper_button, self.delete_helper)):
            button.clicked.connect(slot)
        self.helpers_title = QLabel(self.tr("成员"))

        left, right = QWidget(), QWidget()
        ll, rl = QVBoxLayout(left), QVBoxLayout(right)
        row = QHBoxLayout()
        for b in (self.add_team_button, self.edit_team_button, self.delete_team_button):
            row.addWidget(b)
        row.addStretch()
        ll.addLayout(row)
        ll.addWidget(captioned(QLabel(self.tr("帮帮团")), self.team_view))
        row = QHBoxLayout()
        for b in (self.add_helper_button, self.edit_helper_button, self.delete_helper_button):
            row.addWidget(b)
        row.addStretch()
        rl.addLayout(row)
        rl.addWidget(captioned(self.helpers_title, self.helper_view))
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)

    # ---- showing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        current = self.current_team()
        self.team_model.set_items(teams.teams(self.store))
        row = next((n for n, t in enumerate(self.team_model.items) if current and t.id == current.id), 0)
        if self.team_model.items:
            self.team_view.selectRow(row)
        self._show_helpers()

    def current_team(self):
        index = self.team_view.currentIndex()
        return index.data(ObjectRole) if index.isValid() else None

    def current_helper(self):
        index = self.helper_view.currentIndex()
        return index.data(ObjectRole) if index.isValid() else None

    def _show_helpers(self) -> None:
        team = self.current_team()
        self.helper_model.set_items(teams.helpers(self.store, team.id) if team else [])
        self.helpers_title.setText(self.tr("{team} 的成员").format(team=team.name) if team else self.tr("成员"))

    # ---- editing ----------------------------------------------------------------------------

    def _team_dialog(self, team=None) -> bool:
        def save(dialog):
            name, kind = dialog.name.text(), dialog.kind.currentText()
            if team is None:
                teams.add_team(self.store, name, kind)
            else:
                teams.update_team(self.store, team.id, name, kind)

        dialog = _FormDialog(self.tr("修改帮帮团") if team else self.tr("新增帮帮团"), save, self)
        dialog.name = QLineEdit(team.name if team else "")
        dialog.kind = QComboBox()
        dialog.kind.setEditable(True)
        dialog.kind.addItems(["帮帮团", "电梯助建服务队", "电梯加装服务驿站"])
        if team:
            dialog.kind.setCurrentText(team.kind)
        dialog.form.addRow(self.tr("名称"), dialog.name)
        dialog.form.addRow(self.tr("类型"), dialog.kind)
        if dialog.exec():
            self.refresh()
            return True
        return False

    def add_team(self) -> None:
        self._team_dialog()

    def edit_team(self) -> None:
        team = self.current_team()
        if team:
            self._team_dialog(team)

    def delete_team(self) -> None:
        team = self.current_team()
        if team is None or not messages.confirm(self, self.tr("删除帮帮团“{name}”及其 {n} 名成员？可按 Ctrl+Z 撤销。").format(
                name=team.name, n=team.members)):
            return
        teams.delete_team(self.store, team.id)
        self.refresh()

    def _helper_dialog(self, helper=None) -> None:
        team = self.current_team()
        if team is None:
            return

        def save(dialog):
            name, phone, role = dialog.name.text(), dialog.phone.text(), dialog.role.currentData()
            if helper is None:
                teams.add_helper(self.store, team.id, name, phone, role)
            else:
                teams.update_helper(self.store, helper.id, name, phone, role)

        dialog = _FormDialog(self.tr("修改成员") if helper else self.tr("新增成员"), save, self)
        dialog.name = QLineEdit(helper.name if helper else "")
        dialog.phone = QLineEdit(helper.phone if helper else "")
        dialog.role = QComboBox()
        for code in teams.HELPER_ROLES:
            dialog.role.addItem(role_label(code), code)
        dialog.role.setCurrentIndex(dialog.role.findData(helper.role if helper else "volunteer"))
        dialog.form.addRow(self.tr("姓名"), dialog.name)
        dialog.form.addRow(self.tr("电话"), dialog.phone)
        dialog.form.addRow(self.tr("身份"), dialog.role)
        if dialog.exec():
            self.refresh()

    def add_helper(self) -> None:
        self._helper_dialog()

    def edit_helper(self) -> None:
        helper = self.current_helper()
        if helper:
            self._helper_dialog(helper)

    def delete_helper(self) -> None:
        helper = self.current_helper()
        if helper is None or not messages.confirm(self, self.tr("删除成员“{name}”？可按 Ctrl+Z 撤销。").format(name=helper.name)):
            return
        teams.delete_helper(self.store, helper.id)
        self.refresh()
