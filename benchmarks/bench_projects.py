"""Project figures: opening the diary of a project with 500 events (core timeline and the GUI
page), and Today over the demo district. Prints; asserts nothing.

    python benchmarks/bench_projects.py --db demo.db
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from liftdesk.projects import diary, meetings, projects, today
from liftdesk.places import places, registry
from liftdesk.consent import positions  # noqa: E402
from liftdesk.store import open_store  # noqa: E402


def busy_project(store) -> str:
    """A unit whose project has 500 diary events of every kind."""
    unit = places.first_unit(store, with_project=False)
    building = store.db.execute("SELECT building_id FROM unit WHERE id = ?", [unit]).fetchone()[0]
    unit = registry.add_unit(store, building, "基准单元")
    registry.quick_create_households(store, unit, 5, 2)
    households = registry.unit_households(store, unit)
    project = projects.create_project(store, unit)
    start = date.today() - timedelta(days=600)
    with store.db.atomic():
        projects.record_stage(store, project, "survey", start.isoformat())
        for n in range(200):
            diary.add_entry(store, project, (start + timedelta(days=n * 2)).isoformat(), f"第 {n} 次走访记录", "王社工")
        for n in range(200):
            positions.record_position(store, households[n % 10].id, ("支持", "反对", "弃权")[n % 3],
                                      on_date=(start + timedelta(days=n * 3)).isoformat())
        for n in range(99):
            day = start + timedelta(days=n * 6)
            m = meetings.add_meeting(store, project, "consult", f"{day} 19:00", f"{day} 20:00", topic=f"协商 {n}")
            for h in households[:6]:
                meetings.add_attendee(store, m, "owner", household_id=h.id)
    return project


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    copy = tmp / "bench.db"
    shutil.copy(args.db, copy)
    store = open_store(copy)
    project = busy_project(store)
    events = len(diary.timeline(store, project))
    runs = []
    for _ in range(20):
        t0 = time.perf_counter()
        diary.timeline(store, project)
        runs.append(time.perf_counter() - t0)
    print(f"diary timeline, {events} events (core)       {statistics.median(runs) * 1000:8.1f} ms   goal ≤ 100 ms")

    from PySide6.QtWidgets import QApplication

    from ui.app import init_app
    from ui.pages.project_page import ProjectPage

    init_app("zh", 12)
    page = ProjectPage(store)
    page.resize(1000, 700)
    page.show()
    page.tabs.setCurrentIndex(3)
    runs = []
    for _ in range(10):
        t0 = time.perf_counter()
        page.show_project(project)
        QApplication.processEvents()
        runs.append(time.perf_counter() - t0)
    print(f"project page with its diary, {events} events (GUI) {statistics.median(runs) * 1000:6.1f} ms   goal ≤ 100 ms")

    runs = []
    for _ in range(10):
        t0 = time.perf_counter()
        result = today.compute(store)
        runs.append(time.perf_counter() - t0)
    print(f"Today over the demo district                 {statistics.median(runs) * 1000:8.1f} ms   goal ≤ 300 ms"
          f"   ({len(result.idle)} idle, {len(result.waiting)} waiting)")
    store.close()
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
