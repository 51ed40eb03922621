"""What every command of the CLI shares: printing JSON, finding a unit's project, reporting an
expected error in the user's language."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from liftdesk.common.outputs import check_output, check_output_folder
from liftdesk.store.backup import protected_paths

from liftdesk.errors import LiftDeskError
from liftdesk.i18n import t
from liftdesk.places import places
from liftdesk.projects import projects


def emit(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def project_at(store, address: str) -> tuple[str, str]:
    """The unit at ADDRESS and its lift project; an error in words when it has none."""
    unit_id = places.resolve_unit(store, address)
    project_id = projects.project_of_unit(store, unit_id)
    if project_id is None:
        raise LiftDeskError("project.none", address=address)
    return unit_id, project_id


def print_error(error: object) -> None:
    print(t("cli.error", message=error), file=sys.stderr)


def guarded(command) -> int:
    """Run a command that opens no store itself; an expected error is a message and exit code 2."""
    try:
        return command()
    except LiftDeskError as exc:
        print_error(exc)
        return 2


def output_file(db_path: Path | None, value: str, suffixes: tuple[str, ...], force: bool = False) -> Path:
    """The file a command may write for `-o VALUE`: never the database, its WAL or backups, a
    device, a folder, an existing file without --force or a wrong extension (see common.outputs)."""
    return check_output(value, protected=protected_paths(db_path), suffixes=suffixes, force=force)


def output_folder(db_path: Path | None, value: str, file_suffixes: tuple[str, ...]) -> Path:
    """The folder a batch writes into (`--all -o FOLDER`)."""
    return check_output_folder(value, protected=protected_paths(db_path), file_suffixes=file_suffixes)


def add_force(parser) -> None:
    parser.add_argument("--force", action="store_true", help="replace an existing file / 覆盖已有文件")
