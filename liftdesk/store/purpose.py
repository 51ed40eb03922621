"""What a database file is for: a district's real work, or the demo to look around in.

The demo is marked inside the file (a meta row), not by its name, so a renamed or copied demo is
still the demo: it is shown as such and refused where only real work belongs (enrolling it as a
sync station would carry made-up streets to a district)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from liftdesk.errors import LiftDeskError

if TYPE_CHECKING:  # only for annotations
    from liftdesk.store.connection import Store

PURPOSE_KEY = "purpose"
DEMO = "demo"


def mark_demo(store: Store) -> None:
    """Called by the demo builder, inside its own transaction."""
    store.set_meta(PURPOSE_KEY, DEMO)


def is_demo(store: Store) -> bool:
    return store.meta(PURPOSE_KEY) == DEMO


def refuse_demo(store: Store) -> None:
    """Only an empty (or real) database may become a sync station."""
    if is_demo(store):
        raise LiftDeskError("db.demo_not_enrollable")
