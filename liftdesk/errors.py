"""The exception types of the core. An expected error (bad input, a refused file) carries a
catalogue key and its parameters, so it reads in the user's language wherever it is shown."""

from __future__ import annotations

from liftdesk.i18n import t


class LiftDeskError(Exception):
    """An expected error: bad input, a refused file. Its text comes from the catalogue."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params

    def __str__(self) -> str:
        return t(self.key, **self.params)


class ValidationError(LiftDeskError):
    """Input that breaks a rule of the domain; nothing was written."""


class StoreError(LiftDeskError):
    """A database file LiftDesk refuses to open or write."""
