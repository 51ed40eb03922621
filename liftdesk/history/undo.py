"""Undo and redo of whole user actions (see liftdesk/history/actions.py and docs/undo.md).

Undo reverses every change-log row of the latest action of this station, newest first, inside a
new action of kind 'undo' (so the reversal is itself logged, tagged and synced):
  field change (update, delete, restore, ...) → the old value back;
  insert of an editable record               → a tombstone (op 'uninsert': not in the bin);
  insert of an append-only fact              → a retraction record (liftdesk/history/retractions.py).
Redo reverses the undo's own rows the same way. Before each step the record must still hold the
value the action left; if a later change (another station, a command outside the undo stack)
changed it, or bringing a record back would duplicate a room number or a name, nothing is
changed and the error says why. Rows with op 'retract' are caches derived from retractions and
are never reversed directly.
"""

from __future__ import annotations

import sqlite3

from liftdesk.history import actions, recycle, retractions
from liftdesk.places import registry
from liftdesk.history.actions import Action
from liftdesk.errors import LiftDeskError
from liftdesk.i18n import t
from liftdesk.places.places import PARENT_COLUMN
from liftdesk.store import Store, records, schema
from liftdesk.store.records import Change


class Blocked(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def changes_of(store: Store, action_id: str) -> list[Change]:
    rows = store.db.execute(f"SELECT {records.LOG_SELECT} FROM change_log WHERE action_id = ? ORDER BY seq",
                            [action_id]).fetchall()
    return [Change(*r) for r in rows]


def _typed(store: Store, table: str, field: str, text: str | None, _types: dict = {}):
    """The log keeps text; INTEGER columns get their number back (declared types cached per run)."""
    if text is None:
        return None
    if table not in _types:
        _types[table] = {row[1]: row[2] for row in store.db.execute(f"PRAGMA table_info({table})")}
    return int(text) if _types[table].get(field, "").upper() == "INTEGER" else text


def record_label(store: Store, table: str, record_id: str) -> str:
    """A short name of a record for messages: 住户 602, 单元“1单元”, 会议“…”."""
    try:
        row = records.get(store, table, record_id)
    except LiftDeskError:
        return _kind(table)
    if table == "household":
        return t("undo.record.household", room=row["room"])
    for key in ("name", "topic", "text"):
        if row.get(key):
            text = str(row[key])
            return t("undo.record.named", kind=_kind(table), name=text[:20] + ("…" if len(text) > 20 else ""))
    return _kind(table)


def _kind(table: str) -> str:
    text = t("kind." + table)
    return table if text == "kind." + table else text


def _field_label(field: str) -> str:
    text = t("undo.field." + field)
    return field if text == "undo.field." + field else text


def _check_value(store: Store, table: str, record_id: str, field: str, value) -> None:
    """Writing an old value back must not break a rule a later change relies on."""
    if field == "deleted" and value == 0 and table in recycle.BIN_TABLES:
        recycle.check_restorable(store, table, record_id)
    elif field == "name" and table in recycle.BIN_TABLES and table != "household":
        row = records.get(store, table, record_id)
        parent_col = PARENT_COLUMN[table]
        if store.db.execute(f"SELECT 1 FROM {table} WHERE {parent_col} = ? AND name = ? AND deleted = 0 AND id != ?",
                            [row[parent_col], value, record_id]).fetchone():
            raise Blocked(t("undo.name_taken", name=value))
    elif field == "room" and table == "household":
        unit_id = records.get(store, table, record_id)["unit_id"]
        if store.db.execute("SELECT 1 FROM household WHERE unit_id = ? AND room = ? AND deleted = 0 AND id != ?",
                            [unit_id, value, record_id]).fetchone():
            raise Blocked(t("room.duplicate", room=value))
    elif field == "name" and table in registry.PLACE_KINDS:
        registry.check_restorable_name(store, table, record_id, value)  # two places, one address


# Facts computed from a record when they were made (the cost agreement prints every share under the
# plan's scheme and amounts): taking back a change made before such a fact would leave what the
# paper says each household owes at odds with the plan on screen. table → (fact table, shared column)
SNAPSHOT_OF = {"funding_plan": ("cost_agreement", "project_id")}


def _check_no_snapshot_later(store: Store, ch: Change) -> None:
    if ch.table not in SNAPSHOT_OF or ch.field in (None, "deleted"):
        return
    fact, column = SNAPSHOT_OF[ch.table]
    key = store.db.execute(f"SELECT {column} FROM {ch.table} WHERE id = ?", [ch.record_id]).fetchone()
    later = store.db.execute(
        f"SELECT f.serial FROM change_log c JOIN {fact} f ON f.id = c.record_id WHERE c.tbl = ? AND c.op = 'insert'"
        f" AND c.seq > ? AND f.deleted = 0 AND f.{column} = ? ORDER BY c.seq DESC LIMIT 1",
        [fact, ch.seq, key[0] if key else None]).fetchone()
    if later:
        raise Blocked(t("undo.snapshot_later", serial=later[0] or "—"))


def _check_no_dependents(store: Store, table: str, record_id: str) -> None:
    """Taking back a record's creation must not orphan what a later action hung on it (a signed
    form on a household a roster import created): the action's own dependents are reversed first,
    newest first, so any live one left was made by another action."""
    for child, columns in schema.referencing(table):
        for column in columns:
            row = store.db.execute(f"SELECT id FROM {child} WHERE {column} = ? AND deleted = 0 LIMIT 1",
                                   [record_id]).fetchone()
            if row:
                raise Blocked(t("undo.depended_on", record=record_label(store, table, record_id),
                                dependent=_kind(child)))


def _reverse(store: Store, changes: list[Change], op: str) -> None:
    for ch in reversed(changes):
        if ch.op == "retract":
            continue
        try:
            current = records.get(store, ch.table, ch.record_id)
        except LiftDeskError:
            raise Blocked(t("undo.gone_later", record=ch.table)) from None
        if ch.op == "insert":
            if current["deleted"]:
                raise Blocked(t("undo.gone_later", record=record_label(store, ch.table, ch.record_id)))
            if retractions.is_fact(ch.table):
                retractions.retract(store, ch.table, ch.record_id, reason=op)
            else:
                _check_no_dependents(store, ch.table, ch.record_id)
                records.update(store, ch.table, ch.record_id, {"deleted": 1}, op="uninsert")
            continue
        if records.text(current.get(ch.field)) != ch.new:
            key = "undo.revived_later" if ch.field == "deleted" else "undo.changed_later"
            raise Blocked(t(key, record=record_label(store, ch.table, ch.record_id), field=_field_label(ch.field)))
        value = _typed(store, ch.table, ch.field, ch.old)
        _check_no_snapshot_later(store, ch)
        try:
            _check_value(store, ch.table, ch.record_id, ch.field, value)
        except LiftDeskError as exc:
            raise Blocked(str(exc)) from None
        records.update(store, ch.table, ch.record_id, {ch.field: value}, op=op)


def _run(store: Store, act: Action, kind: str, changes: list[Change], new_state: str) -> None:
    try:
        with actions.action(store, act.label_key, action_kind=kind, action_target=act.id, unit_id=act.unit_id,
                            **act.label_params):
            _reverse(store, changes, kind)
            actions.set_state(store, act.id, new_state)
    except Blocked as exc:
        raise LiftDeskError(f"{kind}.blocked", what=act.label, reason=exc.reason) from None
    except sqlite3.IntegrityError as exc:  # a rule of the schema a later change relies on: refuse, never crash
        raise LiftDeskError(f"{kind}.blocked", what=act.label, reason=t("undo.integrity", reason=str(exc))) from None


def undo(store: Store) -> Action:
    """Reverse the latest action of this station in one transaction; returns it."""
    act = actions.next_undo(store)
    if act is None:
        raise LiftDeskError("undo.nothing")
    _run(store, act, actions.UNDO, changes_of(store, act.id), actions.UNDONE)
    return act


def redo(store: Store) -> Action:
    """Apply again the action undone last; returns it."""
    act = actions.next_redo(store)
    if act is None:
        raise LiftDeskError("redo.nothing")
    row = store.db.execute("SELECT id FROM user_action WHERE kind = ? AND target = ? ORDER BY seq DESC LIMIT 1",
                           [actions.UNDO, act.id]).fetchone()
    _run(store, act, actions.REDO, changes_of(store, row[0]), actions.DONE)
    return act


def skip(store: Store) -> Action | None:
    """Leave the latest action as it is and take it off the undo stack (after a refusal the user
    accepted), so earlier actions can still be undone; each of those is checked in turn."""
    act = actions.next_undo(store)
    if act is not None:
        actions.set_state(store, act.id, actions.SKIPPED)
        actions.notify(store)
    return act


def describe(store: Store, act: Action | None, current_unit: str | None = None) -> str:
    """The action's label, naming its place when that is not the unit the user is looking at."""
    if act is None:
        return ""
    if act.unit_id and act.unit_id != current_unit:
        from liftdesk.places.places import unit_address

        try:
            place = unit_address(store, act.unit_id).short
        except LiftDeskError:  # the unit itself may be gone; the label still stands
            return act.label
        return t("undo.elsewhere", what=act.label, place=place)
    return act.label
