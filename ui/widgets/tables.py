"""How every data table in LiftDesk looks and behaves: whole rows, no row numbers, columns fitted
to their content, read-only unless a page says otherwise."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget


def data_table(model, rows: bool = True, read_only: bool = True, stretch_all: bool = False) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows if rows
                              else QAbstractItemView.SelectionBehavior.SelectItems)
    if read_only:
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch if stretch_all else QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


def captioned(caption: QWidget, body: QWidget) -> QWidget:
    """A caption (usually a QLabel) directly above a table, with no margins of its own."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(caption)
    layout.addWidget(body)
    return box
