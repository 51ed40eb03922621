"""Runs the command examples of a Markdown document as a user would type them (issue #23 item 4).

Every line of a ```bash (or sh) block is one command, run in order in one throwaway folder, so the
file names the examples use (演示.db, 站.db, -o 表.pdf) are that folder's. `liftdesk …`,
`.venv/bin/liftdesk …` and `./liftdesk.sh cli …` all run this checkout's main.py. What the test puts
in place of the user: the input files (口令.txt, 名册.csv), the values the docs write in capitals
(STATION_ID, the fingerprint "XXXX …", filled from what station-init printed), and a district of two
streets for `demo` (长庆街道 with the named places, 康桥街道) instead of all eighteen. ```text blocks
are syntax, not run."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNNABLE = ("bash", "sh", "shell", "console")
PREFIXES = (("liftdesk",), (".venv/bin/liftdesk",), ("./liftdesk.sh", "cli"))
SETUP = (("./liftdesk.sh", "app"), ("./liftdesk.sh", "test"))  # installs and runs the app/suite: .ci/run runs them
FINGERPRINT = "XXXX XXXX XXXX XXXX XXXX XXXX"
ROSTER = "房号,楼层,面积,业主,电话,意见\n101,1,60.5,王建国,13811110001,支持\n102,1,60.5,李芳,,反对\n"


@dataclass(frozen=True)
class Example:
    doc: str
    line_no: int
    text: str

    def where(self) -> str:
        return f"{self.doc}:{self.line_no}: {self.text}"


def examples(path: Path) -> list[Example]:
    """The lines of the runnable code blocks of a Markdown file, comments and blank lines left out."""
    found, lang = [], None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("```"):
            lang = None if lang is not None else (stripped[3:].strip().lower() or "text")
            continue
        if lang in RUNNABLE and stripped and not stripped.startswith("#"):
            found.append(Example(path.name, n, stripped))
    return found


def blocks_text(path: Path, runnable: bool) -> str:
    """All the text of the runnable (or of the other) code blocks."""
    out, lang = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("```"):
            lang = None if lang is not None else (line.strip()[3:].strip().lower() or "text")
        elif lang is not None and (lang in RUNNABLE) == runnable:
            out.append(line)
    return "\n".join(out)


@dataclass
class Session:
    """One folder and what earlier examples printed that later ones refer to."""
    folder: Path
    values: dict[str, str] = field(default_factory=dict)

    @classmethod
    def start(cls, folder: Path) -> "Session":
        folder.mkdir(parents=True, exist_ok=True)
        secret = folder / "口令.txt"
        secret.write_text("correct horse battery staple", encoding="utf-8")
        secret.chmod(0o600)
        (folder / "名册.csv").write_text(ROSTER, encoding="utf-8")
        return cls(folder)

    def argv(self, example: Example) -> list[str] | None:
        """The command line to run, or None for a setup command; AssertionError for anything else."""
        words = shlex.split(example.text, comments=True)
        if any(tuple(words[:len(s)]) == s for s in SETUP):
            return None
        prefix = next((p for p in PREFIXES if tuple(words[:len(p)]) == p), None)
        assert prefix, f"not a LiftDesk command (put syntax in a ```text block): {example.where()}"
        args = [self.values.get(w, w) for w in words[len(prefix):]]
        missing = [w for w in args if w in ("STATION_ID", FINGERPRINT)]
        assert not missing, f"{missing[0]} is not known yet (run station-init first): {example.where()}"
        return args

    def run(self, example: Example) -> str | None:
        """Runs one example; returns what it printed (None for a setup command)."""
        args = self.argv(example)
        if args is None:
            return None
        code, out, err = (self._in_window if "--screenshot" in args else self._in_process)(args)
        assert code == 0, f"exit {code}: {example.where()}\n{err[-2000:]}"
        self.remember(out + err)
        return out + err

    def _in_process(self, args: list[str]) -> tuple[int, str, str]:
        """main.main(args) as the console script calls it, here in this folder (a process each would
        spend most of the test starting Python)."""
        import main as entry

        out, err = io.StringIO(), io.StringIO()
        with contextlib.chdir(self.folder), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
                _small_demo(args):
            try:
                code = entry.main(args)
            except SystemExit as stop:  # argparse: a misspelt command or option
                code = stop.code
        return code, out.getvalue(), err.getvalue()

    def _in_window(self, args: list[str]) -> tuple[int, str, str]:
        """The app (--screenshot) runs in a process of its own: it makes its own QApplication."""
        data = str(self.folder / ".data")
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "HOME": data,
               "LIFTDESK_DATA_DIR": data, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=self.folder,
                              capture_output=True, text=True, env=env, timeout=120)
        return done.returncode, done.stdout, done.stderr

    def remember(self, output: str) -> None:
        station = re.search(r"编号 ([0-9a-f]+)，密钥指纹 ([0-9A-F]{4}(?: [0-9A-F]{4}){5})", output)
        if station:
            self.values["STATION_ID"], self.values[FINGERPRINT] = station.group(1), station.group(2)


@contextlib.contextmanager
def _small_demo(args: list[str]):
    """`demo` builds the named streets only (a second, not the whole district's twenty)."""
    from liftdesk.demo import demo

    from .conftest import NAMED_STREETS

    if "demo" not in args:
        yield
        return
    saved = demo.read_street_table, demo.CANDIDATE_UNITS
    table = [row for row in saved[0]() if row.street in NAMED_STREETS]
    demo.read_street_table, demo.CANDIDATE_UNITS = (lambda: table), 60
    try:
        yield
    finally:
        demo.read_street_table, demo.CANDIDATE_UNITS = saved


def run_all(path: Path, folder: Path) -> int:
    """Runs every example of `path` in order; returns how many ran."""
    session, ran = Session.start(folder), 0
    for example in examples(path):
        if session.run(example) is not None:
            ran += 1
    return ran
