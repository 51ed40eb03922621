"""Who is who: the district's key pair (private part behind a passphrase), a station's identity,
and the district's list of stations pinned on their first file (like SSH's known_hosts)."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path

from liftdesk.errors import LiftDeskError
from ..store import Store
from liftdesk.store import purpose
from liftdesk.places import places

from . import crypto
from .ledger import write_atomic

KEYFILE_TAG = "liftdesk-district-key"


@dataclass(frozen=True)
class DistrictKey:
    """What a station installs: the district's public keys."""

    name: str
    key_id: str
    box_public: bytes
    sign_public: bytes
    station_id: str

    def as_json(self) -> dict:
        return {KEYFILE_TAG: 1, "name": self.name, "key_id": self.key_id, "box": self.box_public.hex(),
                "sign": self.sign_public.hex(), "station_id": self.station_id}

    @classmethod
    def from_json(cls, data: object) -> "DistrictKey":
        try:
            if not isinstance(data, dict) or data.get(KEYFILE_TAG) != 1:
                raise ValueError
            box, sign = bytes.fromhex(data["box"]), bytes.fromhex(data["sign"])
            if len(box) != 32 or len(sign) != 32 or crypto.key_id(box, sign) != data["key_id"]:
                raise ValueError
            return cls(str(data["name"]), data["key_id"], box, sign, str(data["station_id"]))
        except (KeyError, ValueError, TypeError):
            raise LiftDeskError("sync.bad_keyfile") from None

    @property
    def fingerprint(self) -> str:
        return crypto.fingerprint(self.sign_public)


def role(store: Store) -> str | None:
    return store.meta("sync.role")


def _enrolled(store: Store) -> LiftDeskError:
    from liftdesk.i18n import language
    names = {"district": ("区加梯办", "the district office"), "station": ("工作站", "a station")}
    zh, en = names.get(role(store), (role(store), role(store)))
    return LiftDeskError("sync.already_enrolled", role=en if language() == "en" else zh)


def district_init(store: Store, passphrase: str) -> tuple[DistrictKey, str]:
    """Make the district's keys. Returns the public key and the recovery code (the private keys
    locked by the passphrase), which goes on the printed recovery sheet."""
    if role(store):
        raise _enrolled(store)
    if len(passphrase) < 8:
        raise LiftDeskError("sync.passphrase_short")
    pair = crypto.KeyPair.generate()
    locked = crypto.lock(pair.box_private + pair.sign_private, passphrase)
    public = DistrictKey(places.district_name(store), pair.key_id, pair.box_public, pair.sign_public, store.station_id)
    with store.db.atomic():
        store.set_meta("sync.role", "district")
        store.set_meta("sync.district_public", json.dumps(public.as_json()))
        store.set_meta("sync.district_locked", json.dumps(locked))
        # Receipts are signed without the passphrase; the key that opens bundles is the one locked.
        store.set_meta("sync.district_sign", pair.sign_private.hex())
    return public, recovery_code(public, locked)


RECOVERY_MAGIC = b"LDK1"


def recovery_code(public: DistrictKey, locked: dict) -> str:
    """Compact binary, base32 (no lower case, no 0/1 confusion): the locked private keys with their
    scrypt parameters, the public keys, the district's name and station id (~330 characters)."""
    import struct
    blob = (RECOVERY_MAGIC + struct.pack(">BBB", locked["n"].bit_length() - 1, locked["r"], locked["p"])
            + bytes.fromhex(locked["salt"]) + bytes.fromhex(locked["nonce"]) + bytes.fromhex(locked["ct"])
            + public.box_public + public.sign_public + f"{public.name}\x00{public.station_id}".encode("utf-8"))
    return base64.b32encode(blob).decode().rstrip("=")


def _parse_recovery(code: str) -> tuple[DistrictKey, dict]:
    import struct
    clean = "".join(code.split()).upper()
    blob = base64.b32decode(clean + "=" * (-len(clean) % 8))
    if blob[:4] != RECOVERY_MAGIC or len(blob) < 4 + 3 + 16 + 12 + 80 + 64:
        raise ValueError
    n_log2, r, p = struct.unpack(">BBB", blob[4:7])
    salt, nonce, ct = blob[7:23], blob[23:35], blob[35:115]
    box, sign = blob[115:147], blob[147:179]
    name, station_id = blob[179:].decode("utf-8").split("\x00", 1)
    public = DistrictKey(name, crypto.key_id(box, sign), box, sign, station_id)
    locked = {"kdf": "scrypt", "n": 1 << n_log2, "r": r, "p": p, "salt": salt.hex(), "nonce": nonce.hex(),
              "ct": ct.hex()}
    return public, locked


def district_recover(store: Store, code: str, passphrase: str, replace: bool = False,
                     warn=None) -> DistrictKey:
    """Reinstall the district keys from a recovery sheet onto a new or restored database. A
    different district key already here is replaced only when asked (`replace`), with a warning:
    every station would have to be enrolled again."""
    try:
        public, locked = _parse_recovery(code)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise LiftDeskError("sync.bad_recovery") from None
    secret = crypto.unlock(locked, passphrase)
    if role(store) not in (None, "district"):
        raise _enrolled(store)
    if role(store) == "district":
        current = district_public(store)
        if current.key_id != public.key_id:
            if not replace:
                raise LiftDeskError("sync.recover_other_key", old=current.fingerprint, new=public.fingerprint)
            if warn:
                warn(current.fingerprint, public.fingerprint)
    with store.db.atomic():
        store.set_meta("sync.role", "district")
        store.set_meta("sync.district_public", json.dumps(public.as_json()))
        store.set_meta("sync.district_locked", json.dumps(locked))
        store.set_meta("sync.district_sign", secret[32:].hex())
    return public


def district_public(store: Store) -> DistrictKey:
    if role(store) != "district":
        raise LiftDeskError("sync.not_district")
    return DistrictKey.from_json(json.loads(store.meta("sync.district_public")))


def district_keys(store: Store, passphrase: str) -> crypto.KeyPair:
    """The district's full key pair; the passphrase opens the locked private keys."""
    public = district_public(store)
    secret = crypto.unlock(json.loads(store.meta("sync.district_locked")), passphrase)
    return crypto.KeyPair(public.box_public, public.sign_public, secret[:32], secret[32:])


def district_signer(store: Store) -> crypto.KeyPair:
    public = district_public(store)
    return crypto.KeyPair(public.box_public, public.sign_public, None, bytes.fromhex(store.meta("sync.district_sign")))


def write_keyfile(public: DistrictKey, path: str | Path) -> Path:
    return write_atomic(path, (json.dumps(public.as_json(), ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def read_keyfile(path: str | Path) -> DistrictKey:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LiftDeskError("sync.file_missing", path=str(path)) from None
    except (OSError, ValueError, UnicodeDecodeError):
        raise LiftDeskError("sync.bad_keyfile") from None
    return DistrictKey.from_json(data)


# --- stations ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class StationIdentity:
    station_id: str
    name: str
    scope: str
    keys: crypto.KeyPair
    district: DistrictKey

    def manifest(self) -> dict:
        return {"id": self.station_id, "name": self.name, "scope": self.scope,
                "sign_key": self.keys.sign_public.hex(), "box_key": self.keys.box_public.hex()}


PLACE_LEVELS = (("street", None), ("community", "street_id"), ("estate", "community_id"),
                ("building", "estate_id"), ("unit", "building_id"))


def has_places(store: Store) -> bool:
    return store.db.execute("SELECT 1 FROM street WHERE deleted = 0 LIMIT 1").fetchone() is not None


def scope_exists(store: Store, scope: str) -> bool:
    """Whether 街道[/社区/…] names places this database has (walked top-down by name)."""
    parts = [p for p in (scope or "").split("/") if p]
    if len(parts) > len(PLACE_LEVELS):
        return False
    parents: list[str] | None = None
    for (table, fk), name in zip(PLACE_LEVELS, parts):
        sql, params = f"SELECT id FROM {table} WHERE deleted = 0 AND name = ?", [name]
        if parents is not None:
            sql += f" AND {fk} IN ({', '.join('?' for _ in parents)})"
            params += parents
        parents = [r[0] for r in store.db.execute(sql, params)]
        if not parents:
            return False
    return True


ENROL_CHECKED = ("street", "community", "estate", "building", "unit", "household", "person")


def check_empty_for_station(store: Store, district: DistrictKey) -> None:
    """A station starts from what the district sends it: a database holding places or people it
    made itself (the demo, a roster typed before enrolling) can never sync, and a copy of the
    district's own database would speak with the district's id."""
    if store.station_id == district.station_id:
        raise LiftDeskError("sync.station_is_district")
    for table in ENROL_CHECKED:
        if store.db.execute(f"SELECT 1 FROM {table} WHERE station_id = ? LIMIT 1", [store.station_id]).fetchone():
            raise LiftDeskError("sync.station_not_empty")


def station_init(store: Store, name: str, district: DistrictKey, scope: str = "") -> StationIdentity:
    purpose.refuse_demo(store)  # the demo's made-up streets would be refused by the district for ever
    if role(store):
        raise _enrolled(store)
    check_empty_for_station(store, district)
    name = (name or "").strip()
    if not name:
        raise LiftDeskError("name.empty", what="工作站")
    scope = "/".join(p.strip() for p in (scope or "").strip().strip("/").split("/") if p.strip())
    if scope and has_places(store) and not scope_exists(store, scope):
        raise LiftDeskError("sync.scope_unknown", scope=scope)
    pair = crypto.KeyPair.generate()
    with store.db.atomic():
        store.set_meta("sync.role", "station")
        store.set_meta("sync.station_name", name)
        store.set_meta("sync.scope", scope)
        store.set_meta("sync.station_keys", json.dumps({"box": pair.box_private.hex(), "sign": pair.sign_private.hex()}))
        store.set_meta("sync.district_public", json.dumps(district.as_json()))
        from .epoch import begin
        begin(store)
    return station_identity(store)


def station_identity(store: Store) -> StationIdentity:
    if role(store) != "station":
        raise LiftDeskError("sync.not_station")
    secret = json.loads(store.meta("sync.station_keys"))
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    box, sign = bytes.fromhex(secret["box"]), bytes.fromhex(secret["sign"])
    pair = crypto.KeyPair(crypto.raw_public(X25519PrivateKey.from_private_bytes(box).public_key()),
                          crypto.raw_public(Ed25519PrivateKey.from_private_bytes(sign).public_key()), box, sign)
    district = DistrictKey.from_json(json.loads(store.meta("sync.district_public")))
    return StationIdentity(store.station_id, store.meta("sync.station_name", ""), store.meta("sync.scope", ""),
                           pair, district)


@dataclass(frozen=True)
class PinnedStation:
    station_id: str
    name: str
    scope: str
    sign_key: str
    box_key: str
    fingerprint: str
    pinned_at: str
    revoked: bool
    district_hlc_seen: str
    accepted: bool = True
    epoch: str = ""
    epoch_base_hlc: str = ""


def pinned(store: Store, station_id: str) -> PinnedStation | None:
    row = store.db.execute("SELECT station_id, name, scope, sign_key, box_key, fingerprint, pinned_at, revoked,"
                           " district_hlc_seen, accepted, epoch, epoch_base_hlc FROM sync_station"
                           " WHERE station_id = ?", [station_id]).fetchone()
    return PinnedStation(*row[:7], bool(row[7]), row[8], bool(row[9]), row[10], row[11]) if row else None


def check_station(store: Store, station: dict) -> tuple[PinnedStation | None, str]:
    """(the pinned record or None when first seen, fingerprint); refuses changed or revoked keys."""
    fp = crypto.fingerprint(bytes.fromhex(station["sign_key"]))
    known = pinned(store, station["id"])
    if known is None:
        return None, fp
    if known.revoked:
        raise LiftDeskError("sync.station_revoked", name=known.name, station=known.station_id)
    if known.sign_key != station["sign_key"] or known.box_key != station["box_key"]:
        raise LiftDeskError("sync.station_key_changed", name=known.name, station=known.station_id,
                            pinned=known.fingerprint, found=fp)
    return known, fp


def pin(store: Store, station: dict, fp: str, accepted: bool = True) -> None:
    store.db.execute("INSERT OR IGNORE INTO sync_station (station_id, name, scope, sign_key, box_key, fingerprint,"
                     " pinned_at, accepted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     [station["id"], station["name"], station["scope"], station["sign_key"], station["box_key"], fp,
                      store.clock.now_iso(), 1 if accepted else 0])


def _fp_key(text: str) -> str:
    return "".join(c for c in (text or "").upper() if c in "0123456789ABCDEF")


def accept(store: Store, known: PinnedStation, fingerprint: str) -> None:
    """Accept a station whose key fingerprint a person compared (read out over the phone); its scope
    must name places the district has (set it with station-scope first)."""
    if known.revoked:
        raise LiftDeskError("sync.station_revoked", name=known.name, station=known.station_id)
    if _fp_key(fingerprint) != _fp_key(known.fingerprint):
        raise LiftDeskError("sync.fingerprint_mismatch", station=known.station_id, value=fingerprint)
    scopes = [a for a in known.scope.split("\n") if a]
    if not scopes or not all(scope_exists(store, a) for a in scopes):
        raise LiftDeskError("sync.accept_needs_scope", station=known.station_id, scope=known.scope or "全区")
    with store.db.atomic():
        store.db.execute("UPDATE sync_station SET accepted = 1 WHERE station_id = ?", [known.station_id])


def normalise_address(address: str) -> str:
    return "/".join(p.strip() for p in (address or "").strip().strip("/").split("/") if p.strip())


def set_scope(store: Store, station_id: str, addresses: list[str]) -> str:
    """The district decides what a station answers for: one or more addresses (街道[/社区…]), each
    naming a place the district has. The next receipt tells the station, with the data of any
    place newly in its scope."""
    if role(store) != "district":
        raise LiftDeskError("sync.not_district")
    known = pinned(store, station_id)
    if known is None:
        raise LiftDeskError("sync.unknown_station", station=station_id)
    wanted = [normalise_address(a) for a in addresses if normalise_address(a)]
    if not wanted:
        raise LiftDeskError("sync.scope_unknown", scope="")
    for address in wanted:
        if not scope_exists(store, address):
            raise LiftDeskError("sync.scope_unknown", scope=address)
    text = "\n".join(dict.fromkeys(wanted))
    with store.db.atomic():
        store.db.execute("UPDATE sync_station SET scope = ?, district_hlc_seen = '' WHERE station_id = ?",
                         [text, station_id])
    return text


def revoke(store: Store, station_id: str) -> None:
    """From now on every file of this station is refused (a lost or stolen PC, a key given away);
    what it sent before stays. Its held rows can then only be rejected."""
    if role(store) != "district":
        raise LiftDeskError("sync.not_district")
    known = pinned(store, station_id)
    if known is None:
        raise LiftDeskError("sync.unknown_station", station=station_id)
    if known.revoked:
        raise LiftDeskError("sync.revoke_already", name=known.name, station=station_id)
    with store.db.atomic():
        store.db.execute("UPDATE sync_station SET revoked = 1 WHERE station_id = ?", [station_id])
