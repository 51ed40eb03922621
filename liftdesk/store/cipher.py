"""The station lock's encryption at rest: SQLCipher files, their data key and who may unwrap it.

One random 256-bit data key encrypts the database (SQLCipher, raw key: no KDF on every open) and
its sealed backups (sealed.py). The key itself is kept only wrapped, in a small JSON sidecar
beside the database (`X.db.keys`), because it must be readable BEFORE the database is open: once
per helper login (AES-256-GCM under a key scrypt derives from the password, bound to the login
name) and once by a printed recovery code. The sidecar also carries the ID-number hash key,
wrapped by the data key (people/privacy.py), so no copy of the database file holds it.

A file is encrypted when its sidecar exists and it does not begin with SQLite's plain header.
Keys unwrapped by a login stay in this process (`remember`), so every connection that opens the
file by its path (workers, backups, the integrity check) is keyed through `connect` here.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import sqlite3
import threading
from datetime import datetime, timezone
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from liftdesk.errors import LiftDeskError, StoreError
from liftdesk.store.locksafe import read_head

KEYS_SUFFIX = ".keys"
FORMAT = "liftdesk-keys-1"
PLAIN_HEADER = b"SQLite format 3\x00"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 15, 8, 1  # ~0.1 s and 32 MB per login: slow for a guesser
RECOVERY_BYTES = 20  # 160 bits, 32 base32 letters on paper
_AAD = b"liftdesk-data-key-v1\x00"


def _share_error_classes() -> None:
    """sqlcipher3 raises its own copies of the DB-API errors; make each also the stdlib's class
    of the same name, so every `except sqlite3.OperationalError` in LiftDesk and in sqlite-utils
    catches an encrypted file's errors exactly like a plain file's."""
    names = ("InterfaceError", "DatabaseError", "DataError", "OperationalError", "IntegrityError",
             "InternalError", "ProgrammingError", "NotSupportedError")  # every error SQLite raises
    for name in names:
        ours, theirs = getattr(sqlcipher, name), getattr(sqlite3, name)
        if not issubclass(ours, theirs):
            ours.__bases__ = ours.__bases__ + (theirs,)


_share_error_classes()


HMAC = "HMAC_SHA256"  # page authentication: SQLCipher 4's cipher and page size, SHA-256's HMAC (recorded in
# the sidecar): with SHA-NI it is ~1.8× SHA-512's speed, so opening, checking and backing up cost ~40 % less


def _configure_library() -> None:
    """Process-wide SQLCipher defaults, for every keyed connection and every ATTACH … KEY: the page
    HMAC above; and no log of a wrong key's failed page on stderr (a wrong key is an answer here)."""
    conn = sqlcipher.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA cipher_default_hmac_algorithm = {HMAC}")
    finally:
        conn.close()


_configure_library()


# ---- the sidecar ---------------------------------------------------------------------------------

def keys_path(db_path: str | Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + KEYS_SUFFIX)


def has_plain_header(path: str | Path) -> bool:
    try:  # read without closing a descriptor SQLite holds: that would drop its locks (locksafe.py)
        return read_head(path, 16) == PLAIN_HEADER
    except OSError:
        return False


def is_encrypted(db_path: str | Path | None) -> bool:
    """The file is a SQLCipher database of ours: its sidecar is there and its header is not plain
    (a sidecar beside a plain file is what a conversion cut short left behind: the file wins)."""
    if db_path is None:
        return False
    db_path = Path(db_path)
    try:
        return keys_path(db_path).is_file() and db_path.is_file() and db_path.stat().st_size > 0 \
            and not has_plain_header(db_path)
    except OSError:
        return False


def read_keys(db_path: str | Path) -> dict:
    try:
        data = json.loads(keys_path(db_path).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or not isinstance(data.get("logins"), dict):
            raise ValueError
        return data
    except FileNotFoundError:
        raise StoreError("cipher.no_keys", path=str(keys_path(db_path))) from None
    except (OSError, ValueError, TypeError, AttributeError):
        raise StoreError("cipher.keys_damaged", path=str(keys_path(db_path))) from None


def write_keys(db_path: str | Path, data: dict) -> Path:
    """Atomically: a temporary file beside it (owner only), flushed, renamed over the old one."""
    target = keys_path(db_path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    return target


def login_names(db_path: str | Path) -> list[str]:
    """Whose password can open the file (the login dialog lists them before anything is open)."""
    return sorted(read_keys(db_path)["logins"])


# ---- wrapping ------------------------------------------------------------------------------------

def key_id(key: bytes) -> str:
    return hashlib.sha256(b"liftdesk-data-key-id\x00" + key).hexdigest()[:16]


def _kek(secret: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(secret.encode("utf-8"))


def wrap(key: bytes, secret: str, label: str) -> dict:
    salt, nonce = os.urandom(16), os.urandom(12)
    ct = AESGCM(_kek(secret, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)).encrypt(nonce, key, _AAD + label.encode("utf-8"))
    return {"kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": salt.hex(), "nonce": nonce.hex(),
            "ct": ct.hex()}


def unwrap(wrapped: dict, secret: str, label: str) -> bytes | None:
    """The data key, or None when SECRET is not the one it was wrapped with."""
    try:
        n, r, p = int(wrapped["n"]), int(wrapped["r"]), int(wrapped["p"])
        if wrapped.get("kdf") != "scrypt" or n > 2 ** 20 or r > 16 or p > 4:
            raise ValueError
        kek = _kek(secret, bytes.fromhex(wrapped["salt"]), n, r, p)
        return AESGCM(kek).decrypt(bytes.fromhex(wrapped["nonce"]), bytes.fromhex(wrapped["ct"]),
                                   _AAD + label.encode("utf-8"))
    except InvalidTag:
        return None
    except (KeyError, ValueError, TypeError):
        raise StoreError("cipher.keys_damaged", path="") from None


def seal_small(key: bytes, data: bytes, label: str) -> dict:
    """A small secret (the ID-number hash key) sealed by the data key itself."""
    nonce = os.urandom(12)
    return {"nonce": nonce.hex(), "ct": AESGCM(key).encrypt(nonce, data, _AAD + label.encode()).hex()}


def open_small(key: bytes, sealed: dict, label: str) -> bytes:
    try:
        return AESGCM(key).decrypt(bytes.fromhex(sealed["nonce"]), bytes.fromhex(sealed["ct"]), _AAD + label.encode())
    except (InvalidTag, KeyError, ValueError, TypeError):
        raise StoreError("cipher.keys_damaged", path="") from None


def new_recovery_code() -> str:
    return base64.b32encode(os.urandom(RECOVERY_BYTES)).decode("ascii")


def normalize_code(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def code_groups(code: str) -> str:
    code = normalize_code(code)
    return " ".join(code[i:i + 4] for i in range(0, len(code), 4))


def new_keys(key: bytes, logins: dict[str, str], code: str, id_key: bytes | None) -> dict:
    """The sidecar of a newly encrypted file: KEY wrapped per login and by CODE."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    data = {"format": FORMAT, "cipher": f"sqlcipher4 raw key, {HMAC}", "key_id": key_id(key), "created_at": now,
            "logins": {name: wrap(key, password, "login:" + name) for name, password in logins.items()},
            "recovery": {"wrap": wrap(key, normalize_code(code), "recovery"), "created_at": now,
                         "code_id": hashlib.sha256(normalize_code(code).encode()).hexdigest()[:8].upper()}}
    if id_key is not None:
        data["id_key"] = seal_small(key, id_key, "id-key")
    return data


# ---- the keys this process holds -----------------------------------------------------------------

_held: dict[str, bytes] = {}
_held_lock = threading.Lock()


def remember(key: bytes) -> None:
    with _held_lock:
        _held[key_id(key)] = key


def forget_all() -> None:
    """Drop every unwrapped key (tests; a process that ends drops them anyway)."""
    with _held_lock:
        _held.clear()


def held_keys() -> list[bytes]:
    with _held_lock:
        return list(_held.values())


def key_for(db_path: str | Path) -> bytes | None:
    """The data key of an encrypted database, when a login in this process has unwrapped it."""
    try:
        wanted = read_keys(db_path).get("key_id")
    except StoreError:
        return None
    with _held_lock:
        return _held.get(wanted)


def unlock(db_path: str | Path, name: str, password: str) -> bytes:
    """A helper's login opens the data key; a wrong name or password is one refusal."""
    data = read_keys(db_path)
    name = (name or "").strip()
    wrapped = data["logins"].get(name)
    key = unwrap(wrapped, password or "", "login:" + name) if wrapped else None
    if wrapped is None:  # the same scrypt cost as a wrong password: no hint which one was wrong
        unwrap(wrap(os.urandom(32), "-", "x"), password or "", "login:-")
    if key is None or key_id(key) != data.get("key_id"):
        raise LiftDeskError("account.bad_login")
    remember(key)
    return key


def unlock_with_code(db_path: str | Path, code: str) -> bytes:
    data = read_keys(db_path)
    recovery = data.get("recovery") or {}
    key = unwrap(recovery["wrap"], normalize_code(code), "recovery") if recovery.get("wrap") else None
    if key is None or key_id(key) != data.get("key_id"):
        raise LiftDeskError("cipher.bad_code")
    remember(key)
    return key


def require_key(db_path: str | Path) -> bytes:
    key = key_for(db_path)
    if key is None:
        raise StoreError("cipher.locked", path=str(db_path))
    return key


# ---- keyed connections ---------------------------------------------------------------------------

def apply_key(conn, key: bytes, schema: str = "main") -> None:
    conn.execute(f"PRAGMA {schema}.key = \"x'{key.hex()}'\"")


def connect(target: str, key: bytes, *, uri: bool = False, timeout: float = 5.0, isolation_level="") -> object:
    """A SQLCipher connection keyed with KEY; checks the key at once (a wrong key, or a file that
    is no database of this key, reads as `file is not a database`)."""
    conn = sqlcipher.connect(target, uri=uri, timeout=timeout, isolation_level=isolation_level,
                             check_same_thread=True)
    try:
        apply_key(conn, key)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def opens_with(path: str | Path, key: bytes) -> bool:
    try:
        connect(str(path), key).close()
        return True
    except sqlite3.DatabaseError:
        return False


def key_opening(path: str | Path) -> bytes | None:
    """Which held key opens PATH (an encrypted file without a sidecar: a staged restore)."""
    for key in held_keys():
        if opens_with(path, key):
            return key
    return None


def is_cipher_connection(conn) -> bool:
    return isinstance(conn, sqlcipher.Connection)


def memory_connection():
    """A SQLCipher-library connection in memory (plain): the other end of a logical copy."""
    return sqlcipher.connect(":memory:", isolation_level=None)


def key_opening_conn(conn) -> bytes:
    """Which held key a keyed connection was opened with (the one whose id its file's sidecar names)."""
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    key = key_for(path) if path else None
    if key is None:
        raise StoreError("cipher.locked", path=str(path))
    return key
