"""Station ↔ district sync by carried files (see docs/sync.md and README).

crypto: keys, passphrase protection, sign-then-encrypt.  bundle: the .liftsync file format and its
size limits.  enrol: district-init / station-init and key pinning.  merge: the field-version engine
both directions share.  planning: what a file's changes do here.  ledger: files, ranges and the
backup before a merge.  exchange: export and import.  receipts: district → station.  status:
stations, files, freshness, held rows.  conflicts: listing and resolving.  The commands are in
liftdesk/cli/sync.py, the messages in liftdesk/i18n/catalogue/sync.py.
"""
