"""LiftDesk's desktop face (PySide6). Shows and edits; every rule lives in liftdesk/."""
