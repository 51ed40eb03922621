"""The store declares its own state: the action being written and the station's scope are objects
it owns; nothing else can hang attributes on it (round two set `current_action`,
`action_listeners` and `_scope_cache` from other modules)."""

import pytest

from liftdesk.history import actions
from liftdesk.places import registry
from liftdesk.store.connection import ActionState, StationScope


def test_a_store_takes_no_attribute_it_does_not_declare(store):
    for name in ("current_action", "action_listeners", "_scope_cache"):
        with pytest.raises(AttributeError):
            setattr(store, name, None)
    assert isinstance(store.actions, ActionState) and isinstance(store.scope, StationScope)


def test_the_action_being_written_lives_on_the_stores_action_state(store):
    heard = []
    actions.on_change(store, lambda: heard.append(store.actions.current_id))
    with actions.action(store, "action.add_place", kind="街道", name="长庆街道") as act:
        assert store.actions.current is act
        registry.add_street(store, registry.default_district(store), "长庆街道")
    assert store.actions.current is None and heard == [None]
    tagged = store.db.execute("SELECT DISTINCT action_id FROM change_log WHERE tbl = 'street'").fetchall()
    assert tagged == [(act.id,)]


def test_the_scope_is_read_once_and_forgotten_when_enrolment_changes(store):
    calls = []
    meta = type(store).meta

    def counting(self, key, default=None):
        calls.append(key)
        return meta(self, key, default)

    store.set_meta("sync.role", "station")
    store.set_meta("sync.scope", "长庆街道")
    type(store).meta = counting
    try:
        assert store.scope.names(store) == ("长庆街道",)
        assert store.scope.names(store) == ("长庆街道",)
        assert len(calls) == 2  # role and scope, once
        meta(store, "sync.scope")  # unchanged
        store.set_meta("sync.scope", "长庆街道/王马社区")
        assert store.scope.names(store) == ("长庆街道", "王马社区")
    finally:
        type(store).meta = meta
