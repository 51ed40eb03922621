"""Station ↔ district sync by carried files (see docs/sync.md and README).

crypto: keys, passphrase protection, sign-then-encrypt.  bundle: the .liftsync file format and its
size limits.  enrol: district-init / station-init and key pinning.  merge: the field-version engine
both directions share.  exchange: export and import.  receipts: district → station.  status:
stations, files, freshness, held rows.  conflicts: listing and resolving.  Kept free of imports here
so the message catalogue can load liftdesk.i18n.catalogue.sync without pulling in the rest.
"""
