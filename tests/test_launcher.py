"""The commands people run: the `liftdesk` console script, and ./liftdesk.sh app|cli keeping the
caller's folder for relative paths."""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import subprocess
import sys
import tomllib

from .conftest import ROOT


def test_pyproject_declares_a_liftdesk_console_script_that_resolves():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    module, _, function = scripts["liftdesk"].partition(":")
    assert callable(getattr(importlib.import_module(module), function))


def _ready_venv(tmp_path):
    """A venv the script takes as up to date: its python is this interpreter, its stamp the hash
    liftdesk.sh computes (so the script installs nothing here)."""
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    # a wrapper, not a symlink: a symlinked python outside its venv loses the venv (no pyvenv.cfg
    # beside it) and on Debian falls back to the bare system Python
    wrapper = venv / "bin" / "python"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    version = subprocess.run([sys.executable, "-V"], capture_output=True, text=True).stdout
    text = (ROOT / "pyproject.toml").read_bytes() + b"extras=test\n" + version.encode()
    (venv / ".liftdesk-deps").write_text(hashlib.sha256(text).hexdigest() + "\n")
    return venv


def test_liftdesk_sh_cli_and_app_keep_the_callers_folder(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    env = {"PATH": os.environ["PATH"], "LANG": "C.UTF-8", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
           "PIP_NO_INDEX": "1",  # should the stamp ever not match, pip fails here rather than touch a venv
           "LIFTDESK_DATA_DIR": str(tmp_path / "data"), "LIFTDESK_VENV": str(_ready_venv(tmp_path))}

    def run(*args):
        out = subprocess.run(["bash", str(ROOT / "liftdesk.sh"), *args], cwd=work, env=env, capture_output=True,
                             text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        return out

    run("cli", "--db", "站.db", "init")
    assert (work / "站.db").is_file() and not (ROOT / "站.db").exists()
    assert json.loads(run("cli", "--db", "站.db", "info", "--json").stdout)["streets"] == 0
    run("app", "--db", "站.db", "--screenshot", "shot.png")
    assert (work / "shot.png").stat().st_size > 1000 and not (ROOT / "shot.png").exists()


def test_the_installer_script_needs_nothing_a_stock_inno_setup_6_lacks():
    """Not compiled here (no Windows): what can be checked as text. Chinese wizard text only when
    the compiler has it; both programs installed with a Start-menu entry each; UTF-8 with a BOM."""
    raw = (ROOT / "packaging" / "windows" / "liftdesk.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Inno Setup 6 reads a script without a BOM as ANSI
    lines = raw.decode("utf-8-sig").splitlines()
    languages = [line for line in lines[lines.index("[Languages]") + 1:lines.index("[Tasks]")] if line.strip()]
    chinese = [n for n, line in enumerate(languages) if "ChineseSimplified.isl" in line and line.startswith("Name:")]
    assert chinese and all(languages[n - 1].startswith(("#if FileExists", "#elif FileExists")) for n in chinese)
    assert 'MessagesFile: "compiler:Default.isl"' in languages[-1]
    icons = lines[lines.index("[Icons]") + 1:lines.index("[UninstallDelete]")]
    assert any("{#AppExe}" in line and line.startswith('Name: "{group}') for line in icons)
    assert any("{#CliExe}" in line and line.startswith('Name: "{group}') for line in icons)


def test_the_spec_builds_two_programs_from_one_analysis():
    spec = (ROOT / "packaging" / "liftdesk.spec").read_text(encoding="utf-8")
    assert 'executable("LiftDesk", console=sys.platform != "win32")' in spec
    assert 'executable("liftdesk-cli", console=True)' in spec
    assert "COLLECT(app, cli," in spec
    import main as entry

    assert entry.CLI_EXECUTABLE == "liftdesk-cli"
