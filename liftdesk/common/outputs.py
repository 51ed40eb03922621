"""The one guard every file LiftDesk writes at a person's request passes first (a CLI `-o`, a
GUI save dialog): a typed path must never replace the database, its WAL files or its backups, a
device, a folder, or an existing file nobody agreed to replace, and a PDF is never written under
a `.png` name. The caller says what may not be touched (`store.backup.protected_paths`), which
extensions the file takes, and whether replacing was agreed (`--force`, or the dialog asked)."""

from __future__ import annotations

import errno
import os
import shutil
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from liftdesk.errors import LiftDeskError, ValidationError

FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG)
MIN_NEED = 1 << 20  # say at least 1 MB: a write that failed needs room for more than its own bytes


@dataclass(frozen=True)
class Protected:
    """What an output may never land on: files (the database and its -wal/-shm/-journal) and
    folders (the backups), compared after symlinks are followed and, for files, by inode too."""

    files: tuple[Path, ...] = ()
    folders: tuple[Path, ...] = field(default_factory=tuple)


def _resolved(path: Path) -> Path:
    try:
        return path.expanduser().resolve()
    except (OSError, RuntimeError):  # a symlink loop: compare the path as typed
        return path.expanduser().absolute()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _hits(target: Path, protected: Protected) -> bool:
    real = _resolved(target)
    for item in protected.files:
        if real == _resolved(item) or (target.exists() and _same_file(target, item)):
            return True
    for folder in protected.folders:
        home = _resolved(folder)
        if real == home or home in real.parents:
            return True
    return False


def _suffix_text(suffixes: Iterable[str]) -> str:
    return "、".join(suffixes)


def check_output(path: str | Path, *, protected: Protected = Protected(), suffixes: tuple[str, ...] = (),
                 force: bool = False) -> Path:
    """The file to write for PATH, or a refusal in words (nothing has been written). A name with
    no extension gets SUFFIXES[0]; a different extension is refused. FORCE: replacing an existing
    regular file was agreed."""
    text = str(path).strip()
    if not text:
        raise ValidationError("output.empty")
    target = Path(text).expanduser()
    if _hits(target, protected):
        raise ValidationError("output.protected", path=str(target))
    if suffixes:
        suffix = target.suffix.lower()
        if not suffix and not (target.exists() or target.is_symlink()):  # a name typed bare: give it one
            target = target.with_name(target.name + suffixes[0])
        elif not suffix and not target.is_file():
            pass  # a device, a folder: refused below in their own words
        elif suffix not in suffixes:
            raise ValidationError("output.suffix", path=str(target), suffixes=_suffix_text(suffixes))
    if _hits(target, protected):
        raise ValidationError("output.protected", path=str(target))
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    except NotADirectoryError:
        _check_parent(target)
        raise
    except OSError as exc:
        raise ValidationError("output.unusable", path=str(target), reason=exc.strerror or str(exc)) from None
    if mode is not None:
        if stat.S_ISDIR(mode):
            raise ValidationError("output.is_folder", path=str(target))
        if not stat.S_ISREG(mode):
            raise ValidationError("output.not_regular", path=str(target))
        if not force:
            raise ValidationError("output.exists", path=str(target))
    _check_parent(target)
    return target


def check_output_folder(path: str | Path, *, protected: Protected = Protected(),
                        file_suffixes: tuple[str, ...] = ()) -> Path:
    """A folder a batch writes its files into (made when missing). A name ending in one of the
    batch's FILE_SUFFIXES (`b.pdf`) was meant as a file: refused rather than made a folder."""
    text = str(path).strip()
    if not text:
        raise ValidationError("output.empty")
    folder = Path(text).expanduser()
    if _hits(folder, protected):
        raise ValidationError("output.protected", path=str(folder))
    if folder.exists():
        if not folder.is_dir():
            raise ValidationError("output.folder_is_file", path=str(folder))
        return folder
    if folder.suffix.lower() in file_suffixes:
        raise ValidationError("output.folder_wanted", path=str(folder))
    _check_parent(folder)
    return folder


def _check_parent(target: Path) -> None:
    """A parent that exists must be a folder (`a.pdf/b.pdf` where a.pdf is a file)."""
    for parent in _resolved(target).parents:
        if parent.exists():
            if not parent.is_dir():
                raise ValidationError("output.parent_not_folder", path=str(parent))
            return


def check_batch_files(folder: Path, names: Iterable[str], *, protected: Protected = Protected(),
                      force: bool = False) -> None:
    """Before a batch writes anything: none of its files may replace what is protected, a folder, a
    device or (unless FORCE) an existing file."""
    for name in names:
        target = folder / name
        if _hits(target, protected):
            raise ValidationError("output.protected", path=str(target))
        if target.is_symlink() or target.exists():
            if target.is_dir():
                raise ValidationError("output.is_folder", path=str(target))
            if not target.is_file():
                raise ValidationError("output.not_regular", path=str(target))
            if not force:
                raise ValidationError("output.exists", path=str(target))


def human_size(n: int) -> str:
    """Bytes as a person reads them: 3.2 MB, 1.1 GB."""
    size = float(max(0, n))
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


def free_space(folder: Path) -> int | None:
    for candidate in (Path(folder), *Path(folder).parents):
        try:
            return shutil.disk_usage(candidate).free
        except OSError:
            continue
    return None


def write_error(exc: OSError, folder: Path, needed: int) -> LiftDeskError:
    """An OS error on writing into FOLDER as a message a person can act on: a full disk names the
    folder, the room needed and the room left; anything else the folder and the system's reason."""
    if exc.errno in FULL:
        free = free_space(folder)
        return LiftDeskError("output.disk_full", folder=str(folder), need=human_size(max(needed, MIN_NEED)),
                             free="?" if free is None else human_size(free))
    return LiftDeskError("output.cannot_write", folder=str(folder), reason=exc.strerror or str(exc))
