"""The local store: opening, migrations, ids, clocks and the change log."""

from .connection import Store, open_store
from .records import get, insert, insert_many, set_deleted, update

__all__ = ["Store", "open_store", "get", "insert", "insert_many", "set_deleted", "update"]
