"""What a user did: named actions, undo and redo, retractions of facts, the recycle bin."""
