"""The CLI face: parse arguments, ask the core, print. One module per domain; no business rules here."""
