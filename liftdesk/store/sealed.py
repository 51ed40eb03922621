"""Sealed backups: an encrypted database's backups are never written in the clear.

A sealed file is a plain SQLite image, compressed (zstandard) and then encrypted with the
database's data key (AES-256-GCM in 1 MiB chunks, each bound to the header, its number and
whether it is the last, so a cut, reordered or swapped chunk is refused):

    LDSEAL01 | header length (4 bytes) | header JSON | chunks: length (4 bytes) + ciphertext …

The plain image is made in memory (a logical copy of every table into an in-memory SQLite and its
`serialize()`), never on disk. Opening one needs a login that unwrapped the same data key.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import struct
from pathlib import Path
from typing import BinaryIO, Iterator

import zstandard
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from liftdesk.errors import StoreError
from . import cipher
from .locksafe import read_head

MAGIC = b"LDSEAL01"
CHUNK = 1 << 20
ZSTD_LEVEL = 3
_LEN = struct.Struct(">I")


def is_sealed(path: str | Path) -> bool:
    try:  # perhaps a database this process has open: read without dropping its locks (locksafe.py)
        return read_head(path, len(MAGIC)) == MAGIC
    except OSError:
        return False


# ---- a plain image of a database, in memory ------------------------------------------------------

def _objects(conn) -> list[tuple[str, str, str]]:
    return conn.execute("SELECT type, name, sql FROM main.sqlite_master WHERE sql IS NOT NULL"
                        " AND name NOT LIKE 'sqlite_%' ORDER BY rowid").fetchall()


def _kinds(conn) -> dict[str, str]:
    """table, virtual or shadow (the tables an FTS index keeps its data in) per table name."""
    return {r[1]: r[2] for r in conn.execute("PRAGMA main.table_list") if r[0] == "main"}


def copy_content(src, dst) -> None:
    """Every table (rowids kept), index, view and trigger of SRC's main schema into DST's empty
    main schema, in one transaction of DST. SRC and DST may come from different SQLite libraries
    (the stdlib's and SQLCipher's), which SQLite's backup API cannot join."""
    objects, kinds = _objects(src), _kinds(src)
    dst.execute("BEGIN")
    try:
        for kind, name, sql in objects:
            if kind == "table" and kinds.get(name) != "shadow":
                dst.execute(sql)  # a virtual table makes its own shadow tables
        for kind, name, sql in objects:
            if kind != "table" or kinds.get(name) == "virtual":
                continue
            if kinds.get(name) == "shadow":
                dst.execute(f'DELETE FROM main."{name}"')
            columns = [r[1] for r in src.execute(f'PRAGMA main.table_xinfo("{name}")') if r[6] in (0, 1)]
            rowid = "WITHOUT ROWID" not in sql.upper()
            names = (["rowid"] if rowid else []) + [f'"{c}"' for c in columns]
            select = f'SELECT {", ".join(names)} FROM main."{name}"'
            insert = f'INSERT INTO main."{name}" ({", ".join(names)}) VALUES ({", ".join("?" * len(names))})'
            dst.executemany(insert, src.execute(select))  # streamed row by row, in C on both sides
        if src.execute("SELECT 1 FROM main.sqlite_master WHERE name = 'sqlite_sequence'").fetchone():
            dst.execute("DELETE FROM main.sqlite_sequence")
            dst.executemany("INSERT INTO main.sqlite_sequence (name, seq) VALUES (?, ?)",
                            src.execute("SELECT name, seq FROM main.sqlite_sequence").fetchall())
        for wanted in ("index", "view", "trigger"):
            for kind, _name, sql in objects:
                if kind == wanted:
                    dst.execute(sql)
        for pragma in ("user_version", "application_id"):
            dst.execute(f"PRAGMA main.{pragma} = {int(src.execute(f'PRAGMA main.{pragma}').fetchone()[0])}")
        dst.execute("COMMIT")
    except BaseException:
        if dst.in_transaction:
            dst.execute("ROLLBACK")
        raise


def plain_memory_copy(conn) -> sqlite3.Connection:
    """A stdlib in-memory database holding what CONN (any library, keyed or not) holds."""
    memory = sqlite3.connect(":memory:", isolation_level=None)
    copy_content(conn, memory)
    memory.isolation_level = ""  # as any other connection of ours: sqlite-utils' own transactions
    return memory


def plain_image(conn) -> bytes:
    memory = plain_memory_copy(conn)
    try:
        return memory.serialize()
    finally:
        memory.close()


def image_connection(image: bytes) -> sqlite3.Connection:
    """A stdlib in-memory database from a plain image (an unsealed backup), for reading or copying."""
    memory = sqlite3.connect(":memory:", isolation_level=None)
    memory.deserialize(image)
    return memory


# ---- sealing --------------------------------------------------------------------------------------

def _nonce(prefix: bytes, number: int) -> bytes:
    return prefix + struct.pack(">I", number)


def _aad(header: bytes, number: int, last: bool) -> bytes:
    return header + struct.pack(">I?", number, last)


def _chunks(reader: BinaryIO) -> Iterator[tuple[bytes, bool]]:
    current = reader.read(CHUNK)
    while True:
        following = reader.read(CHUNK)
        yield current, not following
        if not following:
            return
        current = following


def seal_stream(plain: BinaryIO, out: BinaryIO, key: bytes) -> None:
    prefix = os.urandom(8)
    header = json.dumps({"v": 1, "key_id": cipher.key_id(key), "zstd": ZSTD_LEVEL, "chunk": CHUNK,
                         "nonce": prefix.hex()}, separators=(",", ":")).encode()
    out.write(MAGIC + _LEN.pack(len(header)) + header)
    aead = AESGCM(key)
    compressed = zstandard.ZstdCompressor(level=ZSTD_LEVEL, threads=-1).stream_reader(plain, read_size=CHUNK)
    for number, (chunk, last) in enumerate(_chunks(compressed)):
        sealed = aead.encrypt(_nonce(prefix, number), chunk, _aad(header, number, last))
        out.write(_LEN.pack(len(sealed)) + sealed)


def _read_header(fh: BinaryIO, path: Path) -> tuple[bytes, dict]:
    if fh.read(len(MAGIC)) != MAGIC:
        raise StoreError("backup.bad", path=str(path))
    try:
        (length,) = _LEN.unpack(fh.read(4))
        if length > 4096:
            raise ValueError
        header = fh.read(length)
        return header, json.loads(header)
    except (struct.error, ValueError):
        raise StoreError("backup.bad", path=str(path)) from None


def sealed_key_id(path: str | Path) -> str | None:
    try:
        with open(path, "rb") as fh:
            return _read_header(fh, Path(path))[1].get("key_id")
    except (OSError, StoreError):
        return None


def unseal_stream(fh: BinaryIO, out: BinaryIO, path: Path) -> None:
    """Decrypt and decompress a sealed file into OUT; refuse a file no held key opens, or one
    whose chunks were cut, reordered or changed."""
    header, info = _read_header(fh, path)
    key = next((k for k in cipher.held_keys() if cipher.key_id(k) == info.get("key_id")), None)
    if key is None:
        raise StoreError("cipher.sealed_locked", path=str(path))
    aead, prefix = AESGCM(key), bytes.fromhex(info["nonce"])
    writer = zstandard.ZstdDecompressor().stream_writer(out, closefd=False)
    number, last = 0, False
    while not last:
        raw = fh.read(4)
        if len(raw) < 4:
            raise StoreError("backup.bad", path=str(path))
        (length,) = _LEN.unpack(raw)
        sealed = fh.read(length)
        for last in (False, True):
            try:
                chunk = aead.decrypt(_nonce(prefix, number), sealed, _aad(header, number, last))
                break
            except InvalidTag:
                chunk = None
        if chunk is None:
            raise StoreError("backup.bad", path=str(path))
        writer.write(chunk)
        number += 1
    if fh.read(1):
        raise StoreError("backup.bad", path=str(path))
    writer.flush()


def _write_atomic(target: Path, fill) -> Path:
    target = Path(target)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            fill(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def seal_connection(conn, target: Path, key: bytes) -> Path:
    """A sealed backup of what CONN holds (one read transaction: one snapshot)."""
    image = plain_image(conn)
    return _write_atomic(target, lambda out: seal_stream(io.BytesIO(image), out, key))


ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


def seal_file(plain_path: Path, target: Path, key: bytes) -> Path:
    """A plain backup file sealed at TARGET (which may be PLAIN_PATH itself: replaced atomically).
    A compressed plain backup (`.db.zst`) is sealed as the image it holds, so it opens like any other."""
    with open(plain_path, "rb") as plain:
        compressed = plain.read(len(ZSTD_MAGIC)) == ZSTD_MAGIC
        plain.seek(0)
        source = zstandard.ZstdDecompressor().stream_reader(plain) if compressed else plain
        return _write_atomic(target, lambda out: seal_stream(source, out, key))


def unseal_image(path: Path) -> bytes:
    out = io.BytesIO()
    with open(path, "rb") as fh:
        unseal_stream(fh, out, Path(path))
    return out.getvalue()


def unseal_file(path: Path, target: Path) -> Path:
    """A sealed backup back to a plain SQLite file (only when the lock is turned off)."""
    def fill(out: BinaryIO) -> None:
        if not str(target).endswith(".zst"):
            unseal_stream(fh, out, Path(path))
            return
        writer = zstandard.ZstdCompressor(level=ZSTD_LEVEL).stream_writer(out, closefd=False)
        unseal_stream(fh, writer, Path(path))  # a `.db.zst` backup stays compressed once unsealed
        writer.flush(zstandard.FLUSH_FRAME)
        writer.close()

    with open(path, "rb") as fh:
        return _write_atomic(target, fill)


def open_sealed(path: Path) -> sqlite3.Connection:
    """A sealed backup as a read-only, in-memory stdlib connection."""
    try:
        return image_connection(unseal_image(path))
    except (zstandard.ZstdError, sqlite3.DatabaseError):
        raise StoreError("backup.bad", path=str(path)) from None


def restore_into_file(sealed_path: Path, target: Path, key: bytes) -> Path:
    """A sealed backup as a new SQLCipher file at TARGET keyed with KEY (a staged restore)."""
    memory = open_sealed(sealed_path)
    try:
        tmp = Path(target).with_name(f".{Path(target).name}.{os.getpid()}.part")
        tmp.unlink(missing_ok=True)
        conn = cipher.connect(str(tmp), key, isolation_level=None)
        try:
            copy_content(memory, conn)
        finally:
            conn.close()
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
        return Path(target)
    finally:
        memory.close()


# ---- the hooks store/backup.py calls (#19) --------------------------------------------------------

def handles(source) -> bool:
    """A copy backup.copy_database must not make with a plain page copy: of an encrypted database
    (sealed), of a sealed backup (its bytes), of a keyed staged restore (keyed like it)."""
    if cipher.is_cipher_connection(source):
        return True
    if not isinstance(source, (str, Path)) or cipher.has_plain_header(source):
        return False
    return cipher.is_encrypted(source) or is_sealed(source) or \
        (bool(cipher.held_keys()) and cipher.key_opening(source) is not None)


def copy_encrypted(source, target: Path, check: bool = True) -> Path:
    from .sqlite_file import check_integrity, connect_ro

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not cipher.is_cipher_connection(source) and is_sealed(source):
        with open(source, "rb") as fh:
            return _write_atomic(target, lambda out: out.write(fh.read()))
    conn = source if cipher.is_cipher_connection(source) else connect_ro(Path(source))
    try:
        if check and check_integrity(conn, full=True):
            raise StoreError("backup.source_damaged", path=str(source))
        if cipher.is_cipher_connection(source) or cipher.is_encrypted(source):
            return seal_connection(conn, target, cipher.require_key(source) if not
                                   cipher.is_cipher_connection(source) else cipher.key_opening_conn(conn))
        key = cipher.key_opening(source)  # a staged restore: a keyed copy, same key

        def fill_keyed(tmp: Path) -> None:
            dst = cipher.connect(str(tmp), key)
            try:
                conn.backup(dst)
            finally:
                dst.close()
        tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
        tmp.unlink(missing_ok=True)
        fill_keyed(tmp)
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
        return target
    finally:
        if conn is not source:
            conn.close()


def restoring(backup_path: Path, folder: Path, then):
    """A sealed backup opened (after a login) into a keyed private copy in FOLDER, handed to THEN
    (backup.restore on that copy), removed afterwards."""
    key_id = sealed_key_id(backup_path)
    key = next((k for k in cipher.held_keys() if cipher.key_id(k) == key_id), None)
    if key is None:
        raise StoreError("cipher.sealed_locked", path=str(backup_path))
    folder.mkdir(parents=True, exist_ok=True)
    staged = folder / f".unsealed-{os.getpid()}.part"
    try:
        restore_into_file(backup_path, staged, key)
        return then(staged)
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            staged.with_name(staged.name + suffix).unlink(missing_ok=True)
