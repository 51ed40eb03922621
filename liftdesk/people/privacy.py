"""Residents' personal data at rest (个人信息保护法): files only the owner can read, and ID numbers
kept masked unless a station explicitly chooses to keep them whole."""

from __future__ import annotations

import hashlib
import hmac
import os
import sys
from pathlib import Path

from liftdesk.store import cipher, protection

OWNER_ONLY_UMASK = 0o077


def restrict_new_files() -> None:
    """From here on this process creates files 0600 and folders 0700 (databases, their -wal and
    -shm files, backups, exports, logs): a shared station PC's other accounts cannot read them."""
    if sys.platform != "win32":
        os.umask(OWNER_ONLY_UMASK)


def owner_only(path: str | Path) -> None:
    """Narrow one existing file to its owner (for files made before the umask was set)."""
    if sys.platform != "win32":
        try:
            os.chmod(path, 0o600)
        except OSError:
            pass


# ---- ID numbers --------------------------------------------------------------------------------
# A station keeps a resident's ID number masked: the last four characters, for people to read,
# and a keyed hash of the whole number, for matching the same person again (HMAC-SHA256 with a
# random salt of this database, so the hash cannot be looked up in a table of all ID numbers).
# Stored form: "#<16 hex> ****1234". Only when the station explicitly chooses "full" is the whole
# number kept. Every write of person.id_ref goes through `kept_id_ref`.

ID_POLICY_KEY = "id_numbers"        # liftdesk_meta: "masked" (default) or "full"
ID_SALT_KEY = "id_salt"
MASK_MARK = "#"


def normalize_id(raw: str) -> str:
    return "".join((raw or "").split()).upper()


def id_policy(store) -> str:
    return "full" if store.meta(ID_POLICY_KEY, "masked") == "full" else "masked"


def set_id_policy(store, policy: str) -> None:
    """"full" keeps whole ID numbers from now on; "masked" (the default) keeps the last four and a
    hash. Numbers already kept are not changed either way."""
    if policy not in ("masked", "full"):
        raise ValueError(policy)
    store.set_meta(ID_POLICY_KEY, policy)


def _salt(store) -> bytes:
    salt = store.meta(ID_SALT_KEY)
    if salt is None and cipher.is_encrypted(store.path):  # the station lock's file: the key is in its
        kept = protection.id_key_of(store.path)           # sidecar, sealed by the data key (#19)
        if kept is None:
            kept = os.urandom(16)
            protection.put_id_key(store.path, kept)
        return kept
    if salt is None:
        store.db.execute("INSERT OR IGNORE INTO liftdesk_meta (key, value) VALUES (?, ?)",
                         [ID_SALT_KEY, os.urandom(16).hex()])
        salt = store.meta(ID_SALT_KEY)
    return bytes.fromhex(salt)


def is_masked(kept: str) -> bool:
    return (kept or "").startswith(MASK_MARK)


def masked_id_ref(store, raw: str) -> str:
    if is_masked((raw or "").strip()):
        return raw.strip()  # already in the kept form
    number = normalize_id(raw)
    if not number:
        return ""
    digest = hmac.new(_salt(store), number.encode("utf-8"), hashlib.sha256).hexdigest()[:16]
    return f"{MASK_MARK}{digest} ****{number[-4:]}"


def kept_id_ref(store, raw: str) -> str:
    """What the database keeps of an ID number under this station's policy."""
    if is_masked((raw or "").strip()):
        return raw.strip()
    number = normalize_id(raw)
    if not number:
        return ""
    return number if id_policy(store) == "full" else masked_id_ref(store, number)


def id_ref_forms(store, raw: str) -> list[str]:
    """The kept forms one number may have (whole or masked) — for finding the same person."""
    number = normalize_id(raw)
    if not number:
        return []
    if is_masked((raw or "").strip()):
        return [raw.strip()]
    return list(dict.fromkeys([kept_id_ref(store, number), masked_id_ref(store, number), number]))


def display_id_ref(kept: str) -> str:
    """What a form or screen shows: a masked number as ****1234, a whole one as it is."""
    kept = kept or ""
    return kept.split(" ", 1)[1] if is_masked(kept) and " " in kept else kept


def plain_id_key(store) -> bytes | None:
    """The ID-number hash key kept in liftdesk_meta of a plain file (None before the first ID)."""
    salt = store.meta(ID_SALT_KEY)
    return bytes.fromhex(salt) if salt else None


def keep_id_key_in_meta(store, key: bytes) -> None:
    """Back in liftdesk_meta when the file is decrypted again (the same key: hashes keep matching)."""
    store.db.execute("INSERT OR REPLACE INTO liftdesk_meta (key, value) VALUES (?, ?)", [ID_SALT_KEY, key.hex()])
