"""The suite's own guards: nothing written into the checkout, no test pointing HOME at it."""

import os
import subprocess

from .conftest import ROOT, checkout_entries


def test_checkout_guard_sees_a_new_file_but_not_venv_or_caches(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("*.db\n.local/\n")
    before = checkout_entries(tmp_path)
    assert before == {".gitignore"}
    for junk in (".venv/bin/python", "pkg/__pycache__/x.pyc", "liftdesk.egg-info/PKG-INFO"):
        (tmp_path / junk).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / junk).write_text("x")
    assert checkout_entries(tmp_path) == before
    (tmp_path / "station.db").write_text("x")                          # ignored, still reported
    (tmp_path / ".local" / "share").mkdir(parents=True)
    (tmp_path / ".local" / "share" / "liftdesk.log").write_text("x")
    assert checkout_entries(tmp_path) - before == {"station.db", ".local/"}


def test_the_run_has_a_throwaway_home_outside_the_checkout():
    for var in ("HOME", "LIFTDESK_DATA_DIR", "XDG_DATA_HOME"):
        assert not os.path.realpath(os.environ[var]).startswith(str(ROOT.resolve())), var


def test_resources_are_found_from_source_and_in_a_frozen_build(tmp_path, monkeypatch):
    from liftdesk.common import resources

    assert resources.resource_root() == ROOT / "resources"
    assert resources.cjk_font_path().exists() and resources.resource_path("rules", "civil-code-278.json").exists()
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)  # what PyInstaller sets
    assert resources.resource_root() == tmp_path / "resources"
    assert resources.cjk_font_path() == tmp_path / "resources" / "fonts" / resources.CJK_FONT_FILE


def test_the_frozen_build_bundles_every_resource_folder():
    spec = (ROOT / "packaging" / "liftdesk.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "resources"), "resources")' in spec  # the whole folder, as resource_root expects


def test_ci_runs_exactly_the_readme_test_command_and_the_script_parses():
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert [line for line in run.splitlines() if line and not line.startswith("#")][-1] == "exec ./liftdesk.sh test"
    assert "./liftdesk.sh test" in (ROOT / "README.md").read_text(encoding="utf-8")
    for script in ("liftdesk.sh", "packaging/build.sh"):
        assert subprocess.run(["bash", "-n", str(ROOT / script)]).returncode == 0, script
    text = (ROOT / "liftdesk.sh").read_text(encoding="utf-8")
    assert "pip install" in text and '"$VENV/bin/python" -m pip' in text  # only ever into the venv
    assert "--user" not in text and "--break-system-packages" not in text
