"""Withdrawing an append-only fact without editing it.

A fact (a position, a stage event, a diary entry, an attendance, a printed document, a payment)
is never changed in place. To withdraw one — the user removes an attendee, corrects a diary entry,
or undoes the action that recorded it — a `retraction` record is appended naming the target.
Retractions are facts too, so they merge by plain union at the district, in any order, and a
retraction can itself be retracted (that is how redo brings a fact back).

Truth: a record is *live* when no live retraction targets it.
Cache: the target's `deleted` column (and a retraction's own) holds 1 exactly when it is not live,
so every existing query that reads facts with `deleted = 0` ignores withdrawn ones unchanged.
The cache is written here through records.update with op 'retract' (logged like any change);
after merging retraction rows from elsewhere, call `refresh(store, table, id)` for each target
(or `refresh_all`) to bring the cache in line.
"""

from __future__ import annotations

from liftdesk.store import Store, records

# Append-only tables: undoing their insert appends a retraction instead of a tombstone edit.
FACT_TABLES = ("position", "stage_event", "diary_entry", "attendance", "printed_document", "payment",
               "lift_plan", "cost_agreement", "retraction",
               # after handover (issue 26): upkeep, running costs, objections, units joined to a project
               "upkeep_party", "upkeep_visit", "upkeep_inspection", "upkeep_insurance", "upkeep_fault",
               "running_cost", "running_bill", "running_payment", "objection", "objection_step", "project_unit")


def is_fact(table: str) -> bool:
    return table in FACT_TABLES


def retract(store: Store, table: str, record_id: str, reason: str = "") -> str:
    """Append a retraction of one fact and update the cache. Returns the retraction's id."""
    if not is_fact(table):
        raise ValueError(f"not an append-only table: {table}")
    records.get(store, table, record_id)  # must exist
    rid = records.insert(store, "retraction", {"target_tbl": table, "target_id": record_id,
                                                "action_id": records.current_action(store), "reason": reason})
    refresh(store, table, record_id)
    return rid


def is_live(store: Store, table: str, record_id: str) -> bool:
    return store.db.execute("SELECT 1 FROM retraction WHERE target_tbl = ? AND target_id = ? AND deleted = 0"
                            " LIMIT 1", [table, record_id]).fetchone() is None


def refresh(store: Store, table: str, record_id: str) -> None:
    """Recompute the `deleted` cache of one record from its retractions, and onwards when the
    record is itself a retraction."""
    want = 0 if is_live(store, table, record_id) else 1
    row = store.db.execute(f"SELECT deleted FROM {table} WHERE id = ?", [record_id]).fetchone()
    if row is None or row[0] == want:
        return
    records.update(store, table, record_id, {"deleted": want}, op="retract")
    if table == "retraction":
        target = store.db.execute("SELECT target_tbl, target_id FROM retraction WHERE id = ?", [record_id]).fetchone()
        refresh(store, target[0], target[1])


def refresh_all(store: Store) -> None:
    """Bring every cache in line (after a merge): retractions of retractions first, deepest first."""
    for _ in range(8):  # chains are short (undo/redo pairs); stop when stable
        before = store.db.execute("SELECT total_changes()").fetchone()[0]
        for table, record_id in store.db.execute("SELECT DISTINCT target_tbl, target_id FROM retraction").fetchall():
            if table in store.db.table_names():
                refresh(store, table, record_id)
        if store.db.execute("SELECT total_changes()").fetchone()[0] == before:
            return
