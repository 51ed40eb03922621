import pytest

from liftdesk import recycle, registry, undo
from liftdesk.i18n import LiftDeskError


def test_undo_steps_back_through_edits_and_deletions(store, unit):
    rows = registry.unit_households(store, unit)
    with pytest.raises(LiftDeskError, match="没有可撤销"):
        undo.undo_last(store)
    registry.update_household(store, rows[0].id, "area", "72.35")
    registry.update_household(store, rows[0].id, "floor", "2")
    recycle.delete(store, "household", rows[1].id)
    undo.undo_last(store)  # the deletion
    assert rows[1].id in {r.id for r in registry.unit_households(store, unit)}
    undo.undo_last(store)  # the floor
    assert registry.unit_households(store, unit)[0].floor == 1
    undo.undo_last(store)  # the area
    assert registry.unit_households(store, unit)[0].area_x100 == 6000
    ops = [r[0] for r in store.db.execute("SELECT op FROM change_log WHERE op = 'undo'")]
    assert len(ops) == 3  # every undo is itself in the audit trail
    with pytest.raises(LiftDeskError):
        undo.undo_last(store)


def test_undo_of_a_deletion_respects_a_reused_room(store, unit):
    rows = registry.unit_households(store, unit)
    recycle.delete(store, "household", rows[0].id)
    registry.add_household(store, unit, "101", 1, "50")
    with pytest.raises(LiftDeskError, match="已有房号"):
        undo.undo_last(store)
