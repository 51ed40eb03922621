"""The .liftsync file: one format for station bundles and district receipts.

    b"LIFTSYNC" | u32 n | u32 ~n | sha256(header JSON) | header JSON (n bytes) | body | sha256(all before)

The length is stored twice and the header and the whole file carry their own checksums, so any
damage (a flipped byte, a cut-off copy) is named as such before a single field of the header is
believed: only an intact file can be "for another district". The header is clear text (no personal data: format, kind, recipient key id, the ephemeral key,
nonce and the manifest) and is the AES-GCM associated data, so any change to it is detected. The
body is AES-GCM(signature ‖ zlib payload); `--plaintext` leaves it unencrypted but still signed.
There are no archive entries and no names are ever used as paths. Sizes are capped before
anything is inflated.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import zlib
from dataclasses import dataclass
from typing import Callable

from liftdesk.errors import LiftDeskError
from liftdesk.store.validation import json_depth_ok
from . import crypto

MAGIC = b"LIFTSYNC"
# 2: ids may be the 16-character kind (liftdesk/store/ids.py), which a program of format 1 would
# refuse row by row; it now says plainly that it has to be upgraded. Format 1 files still read.
FORMAT = 2
MAX_HEADER = 1 << 20
MAX_FILE = 1 << 30
MAX_RAW = 1 << 28          # 256 MiB of JSON: far above a whole district
MAX_RATIO = 200            # zlib on this JSON gives 5-15×; a bomb gives 1000×
MAX_DEPTH = 6              # {"changes": [[…, [bases]]]}: checked before parsing, never a RecursionError
SIG_LEN = 64
DIGEST = 32
PREFIX = len(MAGIC) + 8 + DIGEST


def canonical(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass
class Opened:
    manifest: dict
    payload: dict
    sealed: bool
    sha256: str


def pack(kind: str, manifest: dict, payload: dict, signer: crypto.KeyPair,
         recipient_box: bytes | None, recipient_id: str, sealed: bool = True) -> bytes:
    raw = canonical(payload)
    compressed = zlib.compress(raw, 6)
    manifest = dict(manifest, format=FORMAT, kind=kind, raw_size=len(raw),
                    raw_sha256=hashlib.sha256(raw).hexdigest(), compressed_size=len(compressed),
                    compressed_sha256=hashlib.sha256(compressed).hexdigest())
    inner = signer.sign(canonical(manifest)) + compressed
    header = {"format": FORMAT, "kind": kind, "recipient": recipient_id, "sealed": sealed, "manifest": manifest}
    if sealed:
        epk, key = crypto.seal_key(recipient_box)
        nonce = os.urandom(12)
        header.update(epk=epk.hex(), nonce=nonce.hex())
        head = _head(header, len(inner) + 16)
        return finish(head, crypto.encrypt(key, nonce, inner, head))
    return finish(_head(header, len(inner)), inner)


def _head(header: dict, body_size: int | None = None) -> bytes:
    if body_size is not None:
        header = dict(header, body_size=body_size)
    data = canonical(header)
    n = len(data)
    return MAGIC + struct.pack(">II", n, n ^ 0xFFFFFFFF) + hashlib.sha256(data).digest() + data


def finish(head: bytes, body: bytes) -> bytes:
    """The whole file: header, body and the checksum over both."""
    data = head + body
    return data + hashlib.sha256(data).digest()


def read_header(data: bytes) -> tuple[dict, bytes, bytes]:
    """(header, header bytes as AAD, body). Refuses what is not ours, cut off, damaged or newer —
    integrity first, so a damaged file is never mistaken for someone else's."""
    if len(data) > MAX_FILE:
        raise LiftDeskError("sync.too_large")
    if len(data) < len(MAGIC) and MAGIC.startswith(data) and data:
        raise LiftDeskError("sync.truncated")
    if data[:len(MAGIC)] != MAGIC:
        near = len(data) >= len(MAGIC) and sum(a != b for a, b in zip(data, MAGIC)) == 1
        raise LiftDeskError("sync.damaged" if near else "sync.not_a_file")
    if len(data) < PREFIX:
        raise LiftDeskError("sync.truncated")
    size, check = struct.unpack(">II", data[len(MAGIC):len(MAGIC) + 8])
    if size ^ 0xFFFFFFFF != check or size > MAX_HEADER:
        raise LiftDeskError("sync.damaged")
    end = PREFIX + size
    if end > len(data):
        raise LiftDeskError("sync.truncated")
    raw_header = data[PREFIX:end]
    if hashlib.sha256(raw_header).digest() != data[PREFIX - DIGEST:PREFIX]:
        raise LiftDeskError("sync.damaged")
    try:
        text = raw_header.decode("utf-8")
        if not json_depth_ok(text, MAX_DEPTH):
            raise ValueError
        header = json.loads(text)
        fmt = header["format"]
        body_size = header.get("body_size")
        if not isinstance(header, dict) or not isinstance(fmt, int) or not isinstance(header["manifest"], dict):
            raise ValueError
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError, RecursionError):
        raise LiftDeskError("sync.damaged") from None
    if fmt > FORMAT or header["manifest"].get("format", FORMAT) != fmt:
        raise LiftDeskError("sync.newer_format", found=fmt, supported=FORMAT)
    if fmt < 1 or not isinstance(body_size, int) or body_size < 0:
        raise LiftDeskError("sync.damaged")
    total = end + body_size + DIGEST
    if len(data) < total:
        raise LiftDeskError("sync.truncated")
    if len(data) > total or hashlib.sha256(data[:-DIGEST]).digest() != data[-DIGEST:]:
        raise LiftDeskError("sync.damaged")
    return header, data[:end], data[end:-DIGEST]


def open_file(data: bytes, kind: str, my_id: str, my_box_private: bytes | None,
              signer_key: Callable[[dict], bytes], allow_plaintext: bool = True,
              wrong_recipient: str = "sync.other_district") -> Opened:
    header, head, body = read_header(data)
    if header.get("kind") != kind:
        from liftdesk.i18n import t
        kind_key = {"bundle": "sync.kind_bundle", "receipt": "sync.kind_receipt"}.get(header.get("kind"), "sync.kind_other")
        raise LiftDeskError("sync.wrong_kind", kind=t(kind_key))
    if header.get("recipient") != my_id:
        raise LiftDeskError(wrong_recipient)
    sealed = header.get("sealed") is not False
    if sealed:
        try:
            epk, nonce = bytes.fromhex(header["epk"]), bytes.fromhex(header["nonce"])
            if len(epk) != 32 or len(nonce) != 12:
                raise ValueError
            key = crypto.open_key(my_box_private, epk)
        except (KeyError, ValueError, TypeError):
            raise LiftDeskError("sync.damaged") from None
        inner = crypto.decrypt(key, nonce, body, head)
    elif not allow_plaintext:
        raise LiftDeskError("sync.plaintext_refused")
    else:
        inner = body
    if len(inner) < SIG_LEN:
        raise LiftDeskError("sync.truncated")
    manifest = header["manifest"]
    signature, compressed = inner[:SIG_LEN], inner[SIG_LEN:]
    if not crypto.verify(signer_key(manifest), signature, canonical(manifest)):
        raise LiftDeskError("sync.bad_signature")
    payload = _inflate(manifest, compressed)
    return Opened(manifest, payload, sealed, hashlib.sha256(data).hexdigest())


def _inflate(manifest: dict, compressed: bytes) -> dict:
    try:
        raw_size, csize = int(manifest["raw_size"]), int(manifest["compressed_size"])
        compressed_sha, raw_sha = str(manifest["compressed_sha256"]), str(manifest["raw_sha256"])
    except (KeyError, ValueError, TypeError):
        raise LiftDeskError("sync.damaged") from None
    if csize != len(compressed):
        raise LiftDeskError("sync.truncated" if len(compressed) < csize else "sync.damaged")
    if hashlib.sha256(compressed).hexdigest() != compressed_sha:
        raise LiftDeskError("sync.checksum")
    if raw_size < 0 or raw_size > MAX_RAW or raw_size > max(csize, 1024) * MAX_RATIO:
        raise LiftDeskError("sync.too_large")
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(compressed, raw_size + 1)   # never more than declared (+1 to notice)
    except zlib.error:
        raise LiftDeskError("sync.damaged") from None
    if len(raw) > raw_size or inflater.unconsumed_tail:
        raise LiftDeskError("sync.too_large")
    if len(raw) != raw_size or not inflater.eof or hashlib.sha256(raw).hexdigest() != raw_sha:
        raise LiftDeskError("sync.checksum")
    try:
        text = raw.decode("utf-8")
        if not json_depth_ok(text, MAX_DEPTH):
            raise ValueError
        payload = json.loads(text)
        if not isinstance(payload, dict):
            raise ValueError
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise LiftDeskError("sync.damaged") from None
    return payload
