"""Issue 19, item 7: keys and passphrases. district-recover never silently replaces another district
key; a passphrase is typed at a prompt that does not echo, or read from a file only its owner can
read (a 0644 file is refused, and the message says why)."""

from __future__ import annotations

import getpass

from liftdesk.store import open_store
from liftdesk.sync import enrol

from tests.sync_helpers import PASSPHRASE, cli, snapshot


def _pw(tmp_path, name: str, text: str, mode: int = 0o600):
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    path.chmod(mode)
    return path


def _district(tmp_path, capsys, name: str):
    db, key = tmp_path / f"{name}.db", tmp_path / f"{name}.key"
    pw = _pw(tmp_path, f"{name}.pw", PASSPHRASE)
    code, out, err = cli(capsys, db, "district-init", "--passphrase-file", str(pw), "--public-key-out", str(key))
    assert code == 0, err
    s = open_store(db)
    code_text = enrol.recovery_code(enrol.district_public(s), __import__("json").loads(s.meta("sync.district_locked")))
    s.close()
    (tmp_path / f"{name}.code").write_text(code_text, encoding="utf-8")
    return db, pw


def test_a_readable_passphrase_file_is_refused(tmp_path, capsys):
    db = tmp_path / "d.db"
    open_store(db).close()
    pw = _pw(tmp_path, "pass.txt", PASSPHRASE, 0o644)
    code, _, err = cli(capsys, db, "district-init", "--passphrase-file", str(pw), "--public-key-out",
                       str(tmp_path / "k.key"))
    assert code == 2 and "0644" in err and "chmod 600" in err and "别的用户也能读取" in err
    s = open_store(db)
    assert enrol.role(s) is None
    s.close()


def test_passphrase_at_a_prompt(tmp_path, capsys, monkeypatch):
    typed = iter([PASSPHRASE, PASSPHRASE])
    prompts = []
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": prompts.append(prompt) or next(typed))
    db = tmp_path / "d.db"
    code, _, err = cli(capsys, db, "district-init", "--public-key-out", str(tmp_path / "k.key"))
    assert code == 0, err
    assert len(prompts) == 2 and "口令" in prompts[0]        # asked twice, confirmed
    s = open_store(db)
    assert enrol.district_keys(s, PASSPHRASE)               # the typed passphrase locks the key
    s.close()
    typed = iter(["one passphrase", "another one"])
    code, _, err = cli(capsys, tmp_path / "e.db", "district-init", "--public-key-out", str(tmp_path / "e.key"))
    assert code == 2 and "不一致" in err


def test_district_recover_refuses_another_key_without_replace(tmp_path, capsys):
    a, pw = _district(tmp_path, capsys, "a")
    b, _ = _district(tmp_path, capsys, "b")
    s = open_store(a)
    before, fp_a = snapshot(s), enrol.district_public(s).fingerprint
    s.close()
    code, _, err = cli(capsys, a, "district-recover", str(tmp_path / "b.code"), "--passphrase-file", str(pw))
    assert code == 2 and "--replace" in err and "未作任何修改" in err
    s = open_store(a)
    assert snapshot(s) == before
    s.close()
    # the same key again is fine (a restored database), and --replace replaces with a warning
    assert cli(capsys, a, "district-recover", str(tmp_path / "a.code"), "--passphrase-file", str(pw))[0] == 0
    code, out, err = cli(capsys, a, "district-recover", str(tmp_path / "b.code"), "--passphrase-file", str(pw),
                         "--replace")
    assert code == 0 and "警告" in err and fp_a in err
    s = open_store(a)
    assert enrol.district_public(s).fingerprint != fp_a
    s.close()
