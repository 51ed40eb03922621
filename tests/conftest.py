import os
import shutil
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from liftdesk import registry  # noqa: E402
from liftdesk.i18n import set_language  # noqa: E402
from liftdesk.store import open_store  # noqa: E402


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
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(path), "demo"], check=True,
                   capture_output=True, cwd=ROOT)
    return path


@pytest.fixture
def demo_copy(demo_db, tmp_path):
    """A private copy of the demo database that a test may change."""
    target = tmp_path / "demo.db"
    shutil.copy(demo_db, target)
    return target


def change_count(store) -> int:
    return store.db.execute("SELECT count(*) FROM change_log").fetchone()[0]
