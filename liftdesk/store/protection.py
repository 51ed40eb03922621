"""Turning a store's file into an encrypted one and back (the station lock on or off), and keeping
its sidecar's wrapped keys in step with the logins. cipher.py holds the keys, sealed.py the backup
format; this module moves whole files.

Encrypting: the open connection is checkpointed and closed, SQLCipher's `sqlcipher_export` writes
an encrypted copy beside the file, the sidecar is written, the copy replaces the file (one
rename) and the plain -wal/-shm go; every backup in the backup folders is sealed in place (the
plain ones are replaced, so no plain copy stays there). Decrypting is the same in reverse, after a
login: the file, then its backups unsealed, the sidecar removed last. A run cut short leaves
either the old file or the new one, never a half-written one (see cipher.is_encrypted).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from liftdesk.errors import StoreError
from . import backup, cipher, sealed

log = logging.getLogger(__name__)


def _checkpoint_and_close(store) -> None:
    if store.db.conn.in_transaction:
        raise StoreError("db.busy")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.db.close()


def _reopen(store) -> None:
    from .connection import open_store  # the one place a file is opened (and keyed)

    fresh = open_store(store.path, actor=store.actor, create=False)
    store.db = fresh.db
    store.scope.forget()


def _drop_sides(path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _export(source, target: Path, target_key: str) -> None:
    """SOURCE (an open SQLCipher-library connection) exported whole into a new file TARGET."""
    target.unlink(missing_ok=True)
    source.execute("ATTACH DATABASE ? AS converted KEY ?", [str(target), target_key])
    try:
        # a new file nobody else sees until it is renamed: no journal, no sync per statement (the
        # export runs one statement per table and index); synced once, whole, below
        source.execute("PRAGMA converted.journal_mode = OFF")
        source.execute("PRAGMA converted.synchronous = OFF")
        source.execute("SELECT sqlcipher_export('converted')")
        version = source.execute("PRAGMA main.user_version").fetchone()[0]
        source.execute(f"PRAGMA converted.user_version = {int(version)}")
    finally:
        source.execute("DETACH DATABASE converted")
    os.chmod(target, 0o600)
    with open(target, "rb") as fh:
        os.fsync(fh.fileno())


def _backups(path: Path) -> list[Path]:
    """Every copy of the file LiftDesk keeps: its backups (both folders) and damaged files set aside."""
    aside = [p for p in path.parent.glob(path.name + ".damaged-*") if p.is_file()]
    return [b.path for b in backup.list_backups(path)] + aside


def encrypt_store(store, logins: dict[str, str], id_key: bytes | None) -> str:
    """Encrypt STORE's file with a new data key wrapped for LOGINS (name → password) and by a new
    recovery code, which is returned (to print: it is kept nowhere else). ID_KEY, the ID-number
    hash key, moves from liftdesk_meta into the sidecar."""
    path = Path(store.path)
    if cipher.is_encrypted(path):
        raise StoreError("cipher.already", path=str(path))
    key, code = os.urandom(32), cipher.new_recovery_code()
    keys = cipher.new_keys(key, logins, code, id_key)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.encrypting")
    _checkpoint_and_close(store)
    try:
        source = cipher.sqlcipher.connect(str(path), isolation_level=None)
        try:
            source.execute("DELETE FROM liftdesk_meta WHERE key = 'id_salt'")  # only ever in the sidecar now
            _export(source, tmp, f"x'{key.hex()}'")
            source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            source.close()
        cipher.write_keys(path, keys)  # first: a sidecar beside a plain file is harmless
        os.replace(tmp, path)
        _drop_sides(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        cipher.remember(key)
        _reopen(store)
    for plain in _backups(path):
        if not sealed.is_sealed(plain):
            sealed.seal_file(plain, plain, key)  # replaced in place: the plain bytes are gone
    log.info("database encrypted")
    return code


def decrypt_store(store) -> bytes | None:
    """Back to a plain file (the lock turned off, after a login); returns the ID-number hash key
    for liftdesk_meta."""
    path = Path(store.path)
    key = cipher.require_key(path)
    id_key = id_key_of(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.decrypting")
    _checkpoint_and_close(store)
    try:
        source = cipher.connect(str(path), key, isolation_level=None)
        try:
            _export(source, tmp, "")
        finally:
            source.close()
        os.replace(tmp, path)
        _drop_sides(path)
        for backup_file in _backups(path):
            if sealed.is_sealed(backup_file) and sealed.sealed_key_id(backup_file) == cipher.key_id(key):
                sealed.unseal_file(backup_file, backup_file)  # one sealed by another key stays sealed
        cipher.keys_path(path).unlink()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        _reopen(store)
    log.info("database decrypted")
    return id_key


def set_login(db_path: Path, name: str, password: str) -> None:
    """Wrap the data key for NAME's (new) password; needs the key unwrapped by a login first."""
    key = cipher.require_key(db_path)
    keys = cipher.read_keys(db_path)
    keys["logins"][name] = cipher.wrap(key, password, "login:" + name)
    cipher.write_keys(db_path, keys)


def drop_login(db_path: Path, name: str) -> None:
    keys = cipher.read_keys(db_path)
    if keys["logins"].pop(name, None) is not None:
        cipher.write_keys(db_path, keys)


def recovery_info(db_path: Path) -> dict:
    """When the recovery code was made and its short id (printed on the sheet), never the code."""
    recovery = cipher.read_keys(db_path).get("recovery") or {}
    return {"created_at": recovery.get("created_at", ""), "code_id": recovery.get("code_id", "")}


_id_keys: dict[str, bytes] = {}


def id_key_of(db_path: Path) -> bytes | None:
    """The ID-number hash key kept in the sidecar, opened with the held data key."""
    key = cipher.require_key(db_path)
    if cipher.key_id(key) in _id_keys:
        return _id_keys[cipher.key_id(key)]
    sealed_key = cipher.read_keys(db_path).get("id_key")
    if sealed_key is None:
        return None
    value = cipher.open_small(key, sealed_key, "id-key")
    _id_keys[cipher.key_id(key)] = value
    return value


def put_id_key(db_path: Path, id_key: bytes) -> None:
    key = cipher.require_key(db_path)
    keys = cipher.read_keys(db_path)
    keys["id_key"] = cipher.seal_small(key, id_key, "id-key")
    cipher.write_keys(db_path, keys)
    _id_keys[cipher.key_id(key)] = id_key
