"""User actions: what one undo step reverses.

    with actions.action(store, "action.delete_households", n=12, unit_id=unit) as act:
        ...  # every records.* write in here is one transaction, tagged with act.id

The block is one transaction; every change-log row written inside carries the action's id;
on success the action joins this station's undo stack (table `user_action`) and a new action
clears the redo stack. Each core operation that changes data opens its own block, named with a
catalogue key; nested blocks join the outer action (a roster import that records positions is one
step). A block that wrote nothing leaves no action behind. The label is a catalogue key
plus parameters, so the Edit menu reads in the user's current language.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterator

from liftdesk.errors import LiftDeskError
from liftdesk.i18n import t
from liftdesk.store import Store

DO, UNDO, REDO = "do", "undo", "redo"
DONE, UNDONE, DROPPED, SKIPPED = "done", "undone", "dropped", "skipped"


@dataclass
class Action:
    id: str
    label_key: str
    label_params: dict = field(default_factory=dict)
    unit_id: str | None = None
    kind: str = DO
    target: str | None = None
    state: str = DONE
    seq: int = 0
    at: str = ""

    @property
    def label(self) -> str:
        return t(self.label_key, **self.label_params)


def on_change(store: Store, callback: Callable[[], None]) -> None:
    """Call `callback` after every committed action, undo and redo (the GUI's Edit menu)."""
    store.actions.listeners.append(callback)


def notify(store: Store) -> None:
    for callback in list(store.actions.listeners):
        callback()


@contextmanager
def action(store: Store, label_key: str, *, unit_id: str | None = None, action_kind: str = DO,
           action_target: str | None = None, **label_params: object) -> Iterator[Action]:
    """`unit_id`: the unit the action is about (named in the menu when another is on screen);
    `action_kind`/`action_target`: set by undo and redo only; the rest are the label's fields.
    Core operations open their own; one that calls others is still one step (the outer names it)."""
    if store.actions.locked:  # a dialog left open behind the station lock saves nothing
        raise LiftDeskError("station.locked")
    outer = store.actions.current
    if outer is not None:
        if outer.unit_id is None:
            outer.unit_id = unit_id
        yield outer
        return
    act = Action(store.ids.new(), label_key, dict(label_params), unit_id, action_kind, action_target)
    store.actions.current = act
    try:
        with store.db.atomic():
            yield act
            wrote = store.db.execute("SELECT 1 FROM change_log WHERE action_id = ? LIMIT 1", [act.id]).fetchone()
            if wrote:
                _record(store, act)
    finally:
        store.actions.current = None
    if wrote:
        notify(store)


def _record(store: Store, act: Action) -> None:
    act.seq = store.db.execute("SELECT coalesce(max(seq), 0) + 1 FROM user_action").fetchone()[0]
    act.at = store.clock.now_iso()
    if act.kind == DO:  # a new action makes the undone ones unreachable: the redo stack is cleared
        store.db.execute("UPDATE user_action SET state = ? WHERE station_id = ? AND kind = ? AND state = ?",
                         [DROPPED, store.station_id, DO, UNDONE])
    store.db.execute(
        "INSERT INTO user_action (id, seq, kind, label_key, label_params, unit_id, target, state, at, station_id,"
        " actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [act.id, act.seq, act.kind, act.label_key, json.dumps(act.label_params, ensure_ascii=False, default=str),
         act.unit_id, act.target, act.state, act.at, store.station_id, store.actor])


_COLUMNS = "id, label_key, label_params, unit_id, kind, target, state, seq, at"


def _from_row(row: tuple) -> Action:
    values = list(row)
    values[2] = json.loads(values[2] or "{}")
    return Action(*values)


def get(store: Store, action_id: str) -> Action | None:
    row = store.db.execute(f"SELECT {_COLUMNS} FROM user_action WHERE id = ?", [action_id]).fetchone()
    return _from_row(row) if row else None


def next_undo(store: Store) -> Action | None:
    """The latest action of this station still in effect."""
    row = store.db.execute(
        f"SELECT {_COLUMNS} FROM user_action WHERE station_id = ? AND kind = ? AND state = ? ORDER BY seq DESC LIMIT 1",
        [store.station_id, DO, DONE]).fetchone()
    return _from_row(row) if row else None


def next_redo(store: Store) -> Action | None:
    """The earliest undone action after the latest one in effect (undone actions form a suffix)."""
    row = store.db.execute(
        f"SELECT {_COLUMNS} FROM user_action WHERE station_id = ? AND kind = ? AND state = ? ORDER BY seq LIMIT 1",
        [store.station_id, DO, UNDONE]).fetchone()
    return _from_row(row) if row else None


def set_state(store: Store, action_id: str, state: str) -> None:
    store.db.execute("UPDATE user_action SET state = ? WHERE id = ?", [state, action_id])
