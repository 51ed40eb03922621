"""Keys and the two constructions LiftDesk trusts from `cryptography`.

- Passphrase protection: scrypt (n=2^15, r=8, p=1) derives an AES-256-GCM key; the salt and
  parameters are stored beside the ciphertext so they can be raised later.
- Sealing a file to a recipient: an ephemeral X25519 key agreement, HKDF-SHA256 bound to both
  public keys, AES-256-GCM with the clear header as associated data. Ed25519 signs the manifest
  (which carries the payload checksums) before encryption; the manifest names the recipient, so a
  signed inner file re-sealed to another recipient is refused (no surreptitious forwarding).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from liftdesk.errors import LiftDeskError

RAW = serialization.Encoding.Raw
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 15, 8, 1
HKDF_INFO = b"liftdesk-sync-v1 seal"
SIGN_CONTEXT = b"liftdesk-sync-v1 manifest\x00"


def raw_private(key) -> bytes:
    return key.private_bytes(RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption())


def raw_public(key) -> bytes:
    return key.public_bytes(RAW, serialization.PublicFormat.Raw)


def fingerprint(public: bytes) -> str:
    """SSH-like, but in hex groups a person can read aloud over the phone."""
    digest = hashlib.sha256(public).hexdigest()[:24].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 24, 4))


def key_id(box_public: bytes, sign_public: bytes) -> str:
    return hashlib.sha256(b"liftdesk-district-key\x00" + box_public + sign_public).hexdigest()[:16]


# --- passphrase protection -------------------------------------------------------------------

def _scrypt(passphrase: bytes, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase)


def lock(secret: bytes, passphrase: str) -> dict:
    salt, nonce = os.urandom(16), os.urandom(12)
    key = _scrypt(passphrase.encode("utf-8"), salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    ct = AESGCM(key).encrypt(nonce, secret, b"liftdesk-district-secret")
    return {"kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": salt.hex(),
            "nonce": nonce.hex(), "ct": ct.hex()}


def unlock(locked: dict, passphrase: str) -> bytes:
    try:
        n, r, p = int(locked["n"]), int(locked["r"]), int(locked["p"])
        if locked.get("kdf") != "scrypt" or n > 2 ** 20 or r > 16 or p > 4:
            raise ValueError
        key = _scrypt(passphrase.encode("utf-8"), bytes.fromhex(locked["salt"]), n, r, p)
        return AESGCM(key).decrypt(bytes.fromhex(locked["nonce"]), bytes.fromhex(locked["ct"]),
                                   b"liftdesk-district-secret")
    except InvalidTag:
        raise LiftDeskError("sync.bad_passphrase") from None
    except (KeyError, ValueError, TypeError):
        raise LiftDeskError("sync.key_damaged") from None


# --- keys ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class KeyPair:
    """An X25519 key to open sealed files and an Ed25519 key to sign them (public parts may be
    known without the private ones)."""

    box_public: bytes
    sign_public: bytes
    box_private: bytes | None = None
    sign_private: bytes | None = None

    @classmethod
    def generate(cls) -> "KeyPair":
        box, sign = X25519PrivateKey.generate(), Ed25519PrivateKey.generate()
        return cls(raw_public(box.public_key()), raw_public(sign.public_key()), raw_private(box), raw_private(sign))

    @property
    def key_id(self) -> str:
        return key_id(self.box_public, self.sign_public)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public)

    def sign(self, manifest_bytes: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.sign_private).sign(SIGN_CONTEXT + manifest_bytes)


def verify(sign_public: bytes, signature: bytes, manifest_bytes: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(sign_public).verify(signature, SIGN_CONTEXT + manifest_bytes)
        return True
    except (InvalidSignature, ValueError):
        return False


def _derive(shared: bytes, epk: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=epk + recipient, info=HKDF_INFO).derive(shared)


def seal_key(recipient_box_public: bytes) -> tuple[bytes, bytes]:
    """(ephemeral public key, AES key) for a new sealed file."""
    eph = X25519PrivateKey.generate()
    shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient_box_public))
    epk = raw_public(eph.public_key())
    return epk, _derive(shared, epk, recipient_box_public)


def open_key(box_private: bytes, epk: bytes) -> bytes:
    priv = X25519PrivateKey.from_private_bytes(box_private)
    shared = priv.exchange(X25519PublicKey.from_public_bytes(epk))
    return _derive(shared, epk, raw_public(priv.public_key()))


def encrypt(key: bytes, nonce: bytes, data: bytes, aad: bytes) -> bytes:
    return AESGCM(key).encrypt(nonce, data, aad)


def decrypt(key: bytes, nonce: bytes, data: bytes, aad: bytes) -> bytes:
    try:
        return AESGCM(key).decrypt(nonce, data, aad)
    except InvalidTag:
        raise LiftDeskError("sync.damaged") from None
