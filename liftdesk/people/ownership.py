"""Persons and who owns which household (the person and ownership tables): names and phones as
people write them, the one way a person is written (an ID number kept masked), co-owners set from
a roster cell, and look-alike persons merged. Households themselves are places
(liftdesk/places/registry.py)."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from liftdesk.common import text
from liftdesk.common.dates import past_day
from liftdesk.errors import ValidationError
from liftdesk.i18n import t
from liftdesk.people import privacy
from liftdesk.store import Store, records


_PHONE = re.compile(r"^[0-9+\- ()（）]*$")
_PHONE_DIGITS = re.compile(r"^(?:1[3-9]\d{9}"  # a mobile: 13812345678
                           r"|0[1-9]\d{8,10}"  # a line with its area code: 0571 87654321
                           r"|[48]00\d{7}"  # 400 / 800 service lines
                           r"|[2-9]\d{6,7})$")  # a local line: 87654321 (a person's phone is never 110 or 123)
_PHONE_ABROAD = re.compile(r"^(?:1[3-9]\d{9}|[1-9]\d{8,10})$")  # after +86: area codes lose their 0


def check_phone(value: str) -> str:
    """A Chinese mobile or fixed-line number (spaces, hyphens, brackets and +86 allowed), or none."""
    phone = unicodedata.normalize("NFKC", text.strip_invisible(value or "")).strip()
    if not phone:
        return phone
    digits = re.sub(r"[\s\-()（）]", "", phone)
    pattern = _PHONE_DIGITS
    if digits.startswith(("+86", "0086")):
        digits, pattern = (digits[3:] if digits.startswith("+") else digits[4:]), _PHONE_ABROAD
    if not _PHONE.match(phone) or not pattern.match(digits):
        raise ValidationError("phone.invalid", value=value)
    return phone


def owner_names(typed: object) -> list[str]:
    """Owner names typed in one field: separated by "、", "," or "，"; blanks dropped."""
    return [n for n in str(typed or "").replace("，", "、").replace(",", "、").split("、") if n.strip()]


MAX_NAME = 50
# "王建国 13811110001", "王建国（13811110001）", "王建国:138-1111-0001": a name carrying its own phone.
_INLINE_PHONE = re.compile(r"^(?P<name>[^0-9+]+?)\s*[(（:：]?\s*(?P<phone>\+?\d[\d\- ]{4,}\d)\s*[)）]?$")
OWNER_SEPARATORS = r"[、,，/;；\n]"


def check_person_name(value: str) -> str:
    name = (value or "").strip()
    if not name:
        raise ValidationError("name.empty", what=t("kind.person"))
    if len(name) > MAX_NAME:
        raise ValidationError("person.name_too_long", length=len(name), limit=MAX_NAME)
    return name


def phone_key(phone: str) -> str:
    """What two phones are compared by: the digits, so "138-1234 5678" is "13812345678"."""
    return re.sub(r"[^0-9+]", "", phone or "")


def split_owner(entry: str) -> tuple[str, str]:
    """One owner entry of a roster cell → (name, phone); the phone is '' when the entry has none."""
    written = (entry or "").strip()
    match = _INLINE_PHONE.match(written)
    if match:
        return match.group("name").strip(), check_phone(match.group("phone"))
    return written, ""


JOINING_WORDS = "和及与"  # "王建国和李美玲", "刘芳及丈夫黄涛", "张伟与王芳"
RELATIONS = ("丈夫", "妻子", "爱人", "配偶", "之妻", "之夫", "儿子", "女儿", "之子", "之女", "夫", "妻")


def _without_relation(name: str) -> str:
    for word in RELATIONS:
        if name.startswith(word) and len(name) - len(word) >= 2:
            return name[len(word):]
    return name


def split_joined(entry: str) -> list[str]:
    """Co-owners joined by 和 / 及 / 与 ("王建国和李美玲" → 王建国、李美玲; "刘芳及丈夫黄涛" → 刘芳、
    黄涛). A joining word splits only where both sides are names of two characters or more, so 张和平
    and 和珅 stay whole."""
    text = entry.strip()
    inline = _INLINE_PHONE.match(text)
    if inline:  # "张伟与王芳 13811112222": the phone stays with the name it follows
        names = split_joined(inline.group("name"))
        return names[:-1] + [f"{names[-1]} {inline.group('phone')}"]
    parts, start = [], 0
    for n, char in enumerate(text):
        if char in JOINING_WORDS and n - start >= 2 and len(_without_relation(text[n + 1:].strip())) >= 2:
            parts.append(text[start:n].strip())
            start = n + 1
    parts.append(text[start:].strip())
    names = [_without_relation(p) for p in parts]
    return [text] if any(len(p) < 2 for p in names) else names


def parse_owners(cell: str) -> list[tuple[str, str]]:
    """A roster's owners cell ("王建国 13811110001、王小明", "王建国和李美玲") → [(name, phone), ...]."""
    entries = [e for e in re.split(OWNER_SEPARATORS, cell or "") if e.strip()]
    return [split_owner(name) for e in entries for name in split_joined(e)]


def add_person(store: Store, name: str, phone: str = "", id_ref: str = "") -> str:
    """The one way a person is written: the ID number is kept masked unless the station keeps
    whole numbers (`privacy.kept_id_ref`)."""
    return records.insert(store, "person", {"name": check_person_name(name), "phone": check_phone(phone),
                                            "id_ref": privacy.kept_id_ref(store, id_ref)})


def find_person(store: Store, name: str, phone: str = "", id_ref: str = "") -> str | None:
    """The person these details prove, or None. Evidence is the same ID reference, or the same
    name with the same non-empty phone; a name alone proves nothing (two 王芳 are two people)."""
    forms = privacy.id_ref_forms(store, id_ref)
    if forms:
        row = store.db.execute(f"SELECT id FROM person WHERE id_ref IN ({', '.join('?' * len(forms))})"
                               " AND deleted = 0 ORDER BY id LIMIT 1", forms).fetchone()
        if row:
            return row[0]
    key = phone_key(phone)
    if not key:
        return None
    rows = store.db.execute(
        "SELECT id, phone, id_ref FROM person WHERE name = ? AND phone != '' AND deleted = 0 ORDER BY id",
        [name.strip()]).fetchall()
    for person_id, their_phone, their_ref in rows:
        if phone_key(their_phone) == key and (not id_ref or not their_ref):
            return person_id
    return None


def find_or_add_person(store: Store, name: str, phone: str = "", id_ref: str = "") -> str:
    """The person proved by these details (see `find_person`), or a new one."""
    name, phone = check_person_name(name), check_phone(phone)
    return find_person(store, name, phone, id_ref) or add_person(store, name, phone, id_ref)


def add_owner(store: Store, household_id: str, person_id: str, role: str = "owner", signer: bool = False) -> str:
    return records.insert(store, "ownership", {"household_id": household_id, "person_id": person_id,
                                               "role": role, "signer": 1 if signer else 0})


def _owner_entries(owners: Iterable, phone: str) -> list[tuple[str, str, str]]:
    entries = []
    for item in owners:
        if isinstance(item, tuple):
            name, own_phone, id_ref = (tuple(item) + ("", ""))[:3]
        else:
            (name, own_phone), id_ref = split_owner(str(item or "")), ""
        name = (name or "").strip()
        if name:
            entries.append((check_person_name(name), check_phone(own_phone), (id_ref or "").strip()))
    if entries and not entries[0][1] and phone:
        entries[0] = (entries[0][0], check_phone(phone), entries[0][2])
    return entries


def _keep_or_find(store: Store, kept: tuple, name: str, phone: str, id_ref: str) -> str:
    """The household already has an owner called `name`: that is the person, unless the new
    details prove another one (an ID reference or phone held by another person record, or an ID
    reference different from the one kept). Details the person lacks are filled in."""
    _, person_id, _, their_phone, their_ref, _, _ = kept
    if id_ref:
        forms = privacy.id_ref_forms(store, id_ref)
        if their_ref and their_ref not in forms:
            return find_or_add_person(store, name, phone, id_ref)
        proved = find_person(store, name, "", id_ref)
        if proved and proved != person_id:
            return proved
        if not their_ref:
            records.update(store, "person", person_id, {"id_ref": privacy.kept_id_ref(store, id_ref)})
    if phone and phone_key(phone) != phone_key(their_phone):
        proved = find_person(store, name, phone)
        if proved and proved != person_id:
            return proved
        records.update(store, "person", person_id, {"phone": phone})
    return person_id


def set_owners(store: Store, household_id: str, owners: Iterable, phone: str = "") -> None:
    """Set a household's owners, in order (the first signs for co-owners who share one vote).

    `owners` are names, "name phone" entries, or (name, phone[, id_ref]) tuples; `phone` is the
    first owner's phone when the entry carries none. A name the household already has keeps its
    person (the household is the evidence); any other name is a person found on evidence or a new
    one. Setting the same owners again writes nothing."""
    entries = _owner_entries(owners, phone)
    with store.db.atomic():
        current = store.db.execute(
            "SELECT o.id, o.person_id, p.name, p.phone, p.id_ref, o.role, o.signer FROM ownership o"
            " JOIN person p ON p.id = o.person_id WHERE o.household_id = ? AND o.deleted = 0"
            " ORDER BY o.signer DESC, o.role DESC, o.id", [household_id]).fetchall()
        by_name: dict[str, list[tuple]] = {}
        for row in current:
            by_name.setdefault(row[2], []).append(row)
        wanted = []  # (person_id, role, signer)
        for n, (name, own_phone, id_ref) in enumerate(entries):
            kept = by_name.get(name)
            if kept:
                person_id = _keep_or_find(store, kept.pop(0), name, own_phone, id_ref)
            else:
                person_id = find_or_add_person(store, name, own_phone, id_ref)
            wanted.append((person_id, "owner" if n == 0 else "co-owner", 1 if n == 0 else 0))
        if [(r[1], r[5], r[6]) for r in current] == wanted:
            return
        for row in current:
            records.set_deleted(store, "ownership", row[0], True)
        for person_id, role, signer in wanted:
            add_owner(store, household_id, person_id, role, signer=bool(signer))


def household_owners(store: Store, household_id: str) -> list[tuple[str, str]]:
    """(name, phone) of a household's owners, the signer first."""
    return [tuple(r) for r in store.db.execute(
        "SELECT p.name, p.phone FROM ownership o JOIN person p ON p.id = o.person_id"
        " WHERE o.household_id = ? AND o.deleted = 0 ORDER BY o.signer DESC, o.role DESC, o.id",
        [household_id]).fetchall()]


def merge_persons(store: Store, keep_id: str, other_id: str) -> int:
    """Record that two person records are one person: `other`'s ownerships move to `keep`, which
    takes over a phone or ID reference it lacks; `other` is tombstoned. Returns ownerships moved."""
    if keep_id == other_id:
        return 0
    with store.db.atomic():
        keep, other = records.get(store, "person", keep_id), records.get(store, "person", other_id)
        if keep["deleted"] or other["deleted"]:
            raise ValidationError("record.not_found", table="person", id=other_id if other["deleted"] else keep_id)
        fill = {k: other[k] for k in ("phone", "id_ref") if not keep[k] and other[k]}
        if fill:
            records.update(store, "person", keep_id, fill)
        moved = store.db.execute("SELECT id FROM ownership WHERE person_id = ? AND deleted = 0",
                                 [other_id]).fetchall()
        for (ownership_id,) in moved:
            records.update(store, "ownership", ownership_id, {"person_id": keep_id})
        records.set_deleted(store, "person", other_id, True)
    return len(moved)


def set_owner_phone(store: Store, household_id: str, phone: str) -> None:
    """The phone belongs to the household's signing owner (the person, across their flats)."""
    phone = check_phone(phone)
    row = store.db.execute(
        "SELECT person_id FROM ownership WHERE household_id = ? AND deleted = 0 ORDER BY signer DESC, role DESC"
        " LIMIT 1", [household_id]).fetchone()
    if row is None:
        raise ValidationError("owner.missing")
    records.update(store, "person", row[0], {"phone": phone})


def set_other_phones(store: Store, household_id: str, phones: Iterable[str]) -> None:
    """The signing owner's further phone numbers (the person.phone is the one to call first)."""
    value = "、".join(check_phone(p) for p in phones if p.strip())
    row = store.db.execute(
        "SELECT p.id, p.other_phones FROM ownership o JOIN person p ON p.id = o.person_id WHERE o.household_id = ?"
        " AND o.deleted = 0 ORDER BY o.signer DESC, o.role DESC LIMIT 1", [household_id]).fetchone()
    if row is not None and row[1] != value:
        records.update(store, "person", row[0], {"other_phones": value})


# A position is the previous owners' when it is dated before a sale of the flat, or was entered
# before the sale was (its HLC is older: until then, whoever signed was taken for the owner).
ENDED_SQL = ("EXISTS (SELECT 1 FROM ownership_transfer x WHERE x.household_id = {p}.household_id AND x.deleted = 0"
             " AND ({p}.on_date < x.on_date OR {p}.hlc < x.hlc))")


def transfer(store: Store, household_id: str, owners: Iterable, on_date: str, reason: str = "",
             phone: str = "") -> str:
    """A sale (过户): the flat passes to `owners` on `on_date`. The previous owners' positions stay in
    the history but no longer count; the new owners start with none. Not a named step of its own:
    callers (the household dialog's 过户, a roster import) name it."""
    day = past_day(on_date)
    entries = _owner_entries(owners, phone)
    if not entries:
        raise ValidationError("transfer.no_owner")
    previous = [name for name, _ in household_owners(store, household_id)]
    if previous and {e[0] for e in entries} == set(previous):
        raise ValidationError("transfer.same_owners", names="、".join(previous))
    with store.db.atomic():
        transfer_id = records.insert(store, "ownership_transfer", {
            "household_id": household_id, "on_date": day, "previous": "、".join(previous), "reason": reason.strip()})
        current = store.db.execute("SELECT id FROM ownership WHERE household_id = ? AND deleted = 0",
                                   [household_id]).fetchall()
        for (ownership_id,) in current:  # the buyers are new people, even if one shares a name
            records.set_deleted(store, "ownership", ownership_id, True)
        for n, (name, own_phone, id_ref) in enumerate(entries):
            person_id = find_or_add_person(store, name, own_phone, id_ref)
            add_owner(store, household_id, person_id, "owner" if n == 0 else "co-owner", signer=n == 0)
    return transfer_id


def last_transfer(store: Store, household_id: str) -> tuple[str, str] | None:
    """(date, previous owners) of the flat's latest sale, or None."""
    row = store.db.execute("SELECT on_date, previous FROM ownership_transfer WHERE household_id = ? AND deleted = 0"
                           " ORDER BY on_date DESC, hlc DESC LIMIT 1", [household_id]).fetchone()
    return (row[0], row[1]) if row else None


def transfer_notes(store: Store, unit_id: str) -> list[str]:
    """"302 已过户（2026-11-02），原业主意见不再计入" for each sold flat of the unit with earlier positions."""
    rows = store.db.execute(
        "SELECT h.room, max(x.on_date) FROM ownership_transfer x JOIN household h ON h.id = x.household_id"
        " WHERE h.unit_id = ? AND h.deleted = 0 AND x.deleted = 0 GROUP BY h.id ORDER BY h.floor, h.room",
        [unit_id]).fetchall()
    return [t("transfer.note", room=room, date=day) for room, day in rows]


def transfer_household(store: Store, household_id: str, owners: Iterable, on_date: str, reason: str = "") -> str:
    """The household dialog's 过户: a sale as one named undo step ("302 过户")."""
    from liftdesk.history import actions

    household = records.get(store, "household", household_id)
    with actions.action(store, "action.transfer", unit_id=household["unit_id"], room=household["room"]):
        return transfer(store, household_id, owners, on_date, reason)
