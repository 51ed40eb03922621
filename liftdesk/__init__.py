"""LiftDesk core: plain Python over a local SQLite store. Never imports Qt."""

__version__ = "0.1.0"
