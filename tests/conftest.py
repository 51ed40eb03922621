import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")
# Nothing a test runs may write into the user's home or the checkout: HOME, XDG folders and the
# data folder point into one throwaway folder for the whole run (tests narrow it to tmp_path).
_RUN_HOME = Path(tempfile.mkdtemp(prefix="liftdesk-tests-"))
os.environ["HOME"] = str(_RUN_HOME)
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = str(_RUN_HOME / _var.lower())
os.environ["LIFTDESK_DATA_DIR"] = str(_RUN_HOME / "data")
# hypothesis keeps its example database and caches in ./.hypothesis unless told otherwise.
os.environ["HYPOTHESIS_STORAGE_DIRECTORY"] = str(_RUN_HOME / "hypothesis")
from hypothesis.configuration import set_hypothesis_home_dir  # noqa: E402

set_hypothesis_home_dir(_RUN_HOME / "hypothesis")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from liftdesk.places import registry  # noqa: E402
from liftdesk.i18n import set_language  # noqa: E402
from liftdesk.store import open_store  # noqa: E402

IGNORED_IN_CHECKOUT = (".venv", "__pycache__", ".egg-info")


def checkout_entries(root: Path) -> set[str] | None:
    """Untracked and ignored paths of a git checkout (None outside git), minus venv and caches."""
    try:
        out = subprocess.run(["git", "status", "--porcelain", "--ignored=matching", "--untracked-files=all"],
                             cwd=root, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    return {line[3:] for line in out.stdout.splitlines()
            if line[:2] in ("??", "!!") and not any(part in line for part in IGNORED_IN_CHECKOUT)}


def pytest_sessionstart(session):
    session.config._checkout_before = checkout_entries(ROOT)


def pytest_sessionfinish(session, exitstatus):
    """Fails the run when a test left a new file in the checkout (tests write only to tmp_path)."""
    before = getattr(session.config, "_checkout_before", None)
    after = checkout_entries(ROOT) if before is not None else None
    shutil.rmtree(_RUN_HOME, ignore_errors=True)
    if before is None or after is None:
        return
    new = sorted(after - before)
    if new:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        message = "tests wrote into the checkout: " + ", ".join(new)
        if reporter:
            reporter.write_line(message, red=True)
        else:
            print(message, file=sys.stderr)
        if session.exitstatus == 0:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("LIFTDESK_DATA_DIR", str(tmp_path / "data"))
    set_language("zh")
    yield
    set_language("zh")


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "station.db"


@pytest.fixture
def store(db_path):
    s = open_store(db_path, actor="tester")
    yield s
    s.close()


@pytest.fixture
def unit(store):
    """One 6-floor building with a 6×2 unit: 101 … 602, 60 m² each."""
    district = registry.default_district(store)
    street = registry.add_street(store, district, "长庆街道")
    community = registry.add_community(store, street, "王马社区")
    estate = registry.add_estate(store, community, "遥祥寺巷小区")
    building = registry.add_building(store, estate, "6幢", 6)
    unit_id = registry.add_unit(store, building, "1单元")
    registry.quick_create_households(store, unit_id, 6, 2, "60")
    return unit_id


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    """The full demo district, generated once per test run through the CLI."""
    return _build_demo(tmp_path_factory.mktemp("demo") / "demo.db", [str(ROOT / "main.py")])


def _build_demo(path: Path, program: list[str]) -> Path:
    """`main.py --db PATH demo` in a home of its own (nothing lands in the user's folders)."""
    folder = path.parent
    env = dict(os.environ, HOME=str(folder), LIFTDESK_DATA_DIR=str(folder / "data"))
    subprocess.run([sys.executable, *program, "--db", str(path), "demo"], check=True, capture_output=True,
                   cwd=ROOT, env=env)
    return path


@pytest.fixture
def demo_copy(demo_db, tmp_path):
    """A private copy of the demo database that a test may change."""
    target = tmp_path / "demo.db"
    shutil.copy(demo_db, target)
    return target


SMALL_STREETS = ("半山街道", "康桥街道", "石桥街道")  # 30 lifts; one street with no projects
SMALL_DEMO = f"""
import runpy, sys
from liftdesk.demo import demo
table = [row for row in demo.read_street_table() if row.street in {SMALL_STREETS!r}]
demo.read_street_table = lambda: table  # a small district: the full one is built once per run
demo.CANDIDATE_UNITS = 40
sys.argv = ["main.py"] + sys.argv[1:]
runpy.run_path("main.py", run_name="__main__")
"""


@pytest.fixture(scope="session")
def small_district_db(tmp_path_factory):
    """A small demo district (three streets, 30 lifts), built once per run through the CLI, for
    tests that need "a district" rather than the published figures. Tests only read it."""
    return _build_demo(tmp_path_factory.mktemp("small-district") / "small.db", ["-c", SMALL_DEMO])


@pytest.fixture
def small_district(small_district_db, tmp_path):
    """A private copy of the small district that a test may change."""
    target = tmp_path / "small.db"
    shutil.copy(small_district_db, target)
    return target


def change_count(store) -> int:
    return store.db.execute("SELECT count(*) FROM change_log").fetchone()[0]


@pytest.fixture(autouse=True)
def _no_leftover_windows():
    """Windows and dialogs a test left behind are deleted after it: each one left alive makes every
    later font or style change (init_app) and every event loop slower for the rest of the run."""
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    leftovers = [w for w in app.topLevelWidgets() if w.parent() is None]
    for widget in leftovers:
        widget.hide()
        widget.deleteLater()
    if leftovers:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


NAMED_STREETS = ("长庆街道", "康桥街道")  # the seeds' named places (liftdesk/demo/named.py), and a street with no projects
NAMED_DEMO = f"""
import runpy, sys
from liftdesk.demo import demo
table = [row for row in demo.read_street_table() if row.street in {NAMED_STREETS!r}]
demo.read_street_table = lambda: table
demo.CANDIDATE_UNITS = 60
sys.argv = ["main.py"] + sys.argv[1:]
runpy.run_path("main.py", run_name="__main__")
"""


@pytest.fixture(scope="session")
def named_district_db(tmp_path_factory):
    """The demo's 长庆街道 (王马社区 with 遥祥寺巷小区, 西四苑, 宏盛公寓: the places the docs and error
    messages name) and 康桥街道, built once per run through the CLI in about a second. Read only."""
    return _build_demo(tmp_path_factory.mktemp("named-district") / "named.db", ["-c", NAMED_DEMO])
