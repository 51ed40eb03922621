"""The station lock: optional logins (off by default) so that a shared station PC asks for a
password before it shows residents' data, locks itself after some idle minutes, and the change
log's `actor` names the helper who made each change. Passwords are kept as scrypt hashes."""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
from dataclasses import dataclass
from datetime import datetime, timezone

from liftdesk.errors import LiftDeskError, ValidationError
from liftdesk.store import Store, cipher, protection

from . import privacy

log = logging.getLogger(__name__)

LOCK_KEY = "lock_enabled"
IDLE_KEY = "lock_idle_minutes"
DEFAULT_IDLE_MINUTES = 10
MIN_PASSWORD = 6
MAX_NAME = 32
# scrypt cost N=2**15, r=8, p=1: about 0.1 s and 32 MB per check — fine for a few logins a day,
# slow for someone guessing from a copied database file.
SCRYPT_N, SCRYPT_R, SCRYPT_P, SCRYPT_LEN = 2 ** 15, 8, 1, 32


@dataclass(frozen=True)
class LockSettings:
    enabled: bool
    idle_minutes: int


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P,
                            dklen=SCRYPT_LEN, maxmem=64 * 1024 * 1024)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        expected = bytes.fromhex(digest)
        got = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(expected), maxmem=64 * 1024 * 1024)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


def _clean_name(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > MAX_NAME or any(ord(c) < 32 for c in name):
        raise ValidationError("account.bad_name")
    return name


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise ValidationError("account.short_password", n=MIN_PASSWORD)


def names(store: Store) -> list[str]:
    return [r[0] for r in store.db.execute("SELECT name FROM account ORDER BY name")]


def add_account(store: Store, name: str, password: str) -> str:
    name = _clean_name(name)
    _check_password(password)
    with store.db.atomic():
        if store.db.execute("SELECT 1 FROM account WHERE name = ?", [name]).fetchone():
            raise ValidationError("account.exists", name=name)
        store.db.execute("INSERT INTO account (name, pw_hash, created_at) VALUES (?, ?, ?)",
                         [name, hash_password(password), datetime.now(timezone.utc).isoformat(timespec="seconds")])
    if cipher.is_encrypted(store.path):  # the file's data key, wrapped for the new login too
        protection.set_login(store.path, name, password)
    log.info("station login added")
    return name


def set_password(store: Store, name: str, password: str) -> None:
    _check_password(password)
    if not store.db.execute("SELECT 1 FROM account WHERE name = ?", [name]).fetchone():
        raise ValidationError("account.bad_login")
    with store.db.atomic():
        store.db.execute("UPDATE account SET pw_hash = ? WHERE name = ?", [hash_password(password), name])
    if cipher.is_encrypted(store.path):
        protection.set_login(store.path, name, password)  # rewrapped: the old password opens nothing
    log.info("station login password changed")


def remove_account(store: Store, name: str) -> None:
    with store.db.atomic():
        if lock_settings(store).enabled and len(names(store)) <= 1:
            raise ValidationError("account.last")
        store.db.execute("DELETE FROM account WHERE name = ?", [name])
    if cipher.is_encrypted(store.path):
        protection.drop_login(store.path, name)
    log.info("station login removed")


def login(store: Store, name: str, password: str) -> str:
    """Check a login; on success the store's changes are recorded under this name."""
    row = store.db.execute("SELECT name, pw_hash FROM account WHERE name = ?", [(name or "").strip()]).fetchone()
    # A missing name costs the same time as a wrong password: no hint which one was wrong.
    ok = check_password(password or "", row[1] if row else hash_password("-"))
    if not row or not ok:
        log.warning("station login refused")
        raise LiftDeskError("account.bad_login")
    if not store.readonly:  # a read-only command (CLI) logs in without writing
        with store.db.atomic():
            store.db.execute("UPDATE account SET last_login = ? WHERE name = ?",
                             [datetime.now(timezone.utc).isoformat(timespec="seconds"), row[0]])
    store.actor = row[0]
    store.actions.locked = False
    log.info("station login accepted")
    return row[0]


def lock_station(store: Store) -> None:
    """The station lock comes on screen: until the next login, every change is refused."""
    store.actions.locked = True
    log.info("station locked")


def lock_settings(store: Store) -> LockSettings:
    try:
        minutes = int(store.meta(IDLE_KEY, str(DEFAULT_IDLE_MINUTES)))
    except ValueError:
        minutes = DEFAULT_IDLE_MINUTES
    return LockSettings(store.meta(LOCK_KEY, "0") == "1", max(1, minutes))


def set_lock(store: Store, enabled: bool, idle_minutes: int = DEFAULT_IDLE_MINUTES,
             passwords: dict[str, str] | None = None) -> str | None:
    """Turn the station lock on (needs at least one login) or off; set the idle minutes.

    A database file is encrypted while the lock is on (#19): turning it on needs the password of
    every login (each one wraps the data key) and returns the new recovery code to print, which is
    kept nowhere else; turning it off decrypts the file (after a login: the key is held)."""
    if enabled and not names(store):
        raise ValidationError("account.none")
    if not 1 <= int(idle_minutes) <= 240:
        raise ValidationError("account.bad_idle")
    encrypted = cipher.is_encrypted(store.path)
    code = None
    if enabled and store.path is not None and not encrypted:
        code = protection.encrypt_store(store, _checked_passwords(store, passwords or {}), privacy.plain_id_key(store))
    elif not enabled and encrypted:
        kept = protection.decrypt_store(store)
        if kept is not None:
            privacy.keep_id_key_in_meta(store, kept)
    with store.db.atomic():
        store.set_meta(LOCK_KEY, "1" if enabled else "0")
        store.set_meta(IDLE_KEY, str(int(idle_minutes)))
    log.info("station lock %s, idle %d min", "on" if enabled else "off", int(idle_minutes))
    return code


def _checked_passwords(store: Store, passwords: dict[str, str]) -> dict[str, str]:
    """Every login's password, each checked against its hash: a login left out could never open
    the encrypted file."""
    wanted = {}
    missing = []
    for name in names(store):
        stored = store.db.execute("SELECT pw_hash FROM account WHERE name = ?", [name]).fetchone()[0]
        if name in passwords and check_password(passwords[name], stored):
            wanted[name] = passwords[name]
        else:
            missing.append(name)
    if missing:
        raise ValidationError("cipher.passwords_needed", names="、".join(missing))
    return wanted
