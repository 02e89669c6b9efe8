"""Temporary files beside a target, for writes that replace it in one rename.

``temp_path(target)`` names ``.<name>.<pid>-<random>.part<suffix>`` (or
``….tmp``) in the
target's folder (same file system, so ``os.replace`` is atomic; the suffix
kept because ffmpeg picks its container from it). The process id in the
name lets the next save of the same target remove what a killed save left
(``remove_stale``): a temporary whose process is gone. ``write_target``
resolves a symbolic link, so a save writes through the link to its file
instead of replacing the link with a file.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
from pathlib import Path

_NAME = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)-[0-9a-f]{8}\.(part.*|tmp)")


def write_target(path: str | os.PathLike) -> Path:
    """The file a save of ``path`` writes: the link's target for a symbolic link
    (also a dangling one, which the save then creates), else ``path``."""
    path = Path(path)
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def temp_path(target: Path, suffix: str | None = None) -> Path:
    """A fresh name beside ``target`` ending in ``suffix`` (default
    ``.part<target's suffix>``); nothing is created."""
    suffix = f".part{target.suffix}" if suffix is None else suffix
    name = f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}{suffix}"
    return target.with_name(name)


def remove_stale(target: Path) -> list[Path]:
    """Delete temporaries of ``target`` left by processes that no longer run;
    returns what was removed. Others' live temporaries are left alone."""
    removed = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in entries:
        m = _NAME.fullmatch(entry.name)
        if m is None or m["name"] != target.name or _running(int(m["pid"])):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(path)
        except OSError:
            continue
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True  # this process's own temporaries are in use
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def target_mode(target: Path, umask: int, is_dir: bool = False) -> int:
    """The mode a new file at ``target`` gets: the existing file's (a save keeps
    it), else 0666 (0777 for a folder) less ``umask``."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return (0o777 if is_dir else 0o666) & ~umask
