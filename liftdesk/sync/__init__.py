"""Station ↔ district sync by carried files (see docs/sync.md and README).

crypto: keys, passphrase protection, sign-then-encrypt envelopes.  bundle: the .liftsync file
format with its size limits.  enrol: district-init / station-init and key pinning.
merge: the field-version engine both directions share.  exchange: export, import, receipts.
conflicts: listing and resolving.  Kept free of imports here so the message catalogue can load
liftdesk.sync.messages without pulling in the rest.
"""
