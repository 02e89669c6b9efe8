"""Reading a user's file safely: regular files only, never more than a stated limit.

``read_bytes(path, limit)`` opens without blocking (a FIFO with no writer
would hang ``open``), refuses anything that is not a regular file once it is
open (FIFOs, sockets, ``/dev/zero``, ``/dev/urandom`` — also behind a
symbolic link), and counts the bytes while reading: ``stat`` says 0 bytes for
``/proc`` files and devices, so a size check alone proves nothing.
Problems raise ``FileRefused`` (a ``ValueError``) with a message that does
not repeat the path; callers prefix it with the file they were asked to read.
"""

from __future__ import annotations

import os
import stat

_CHUNK = 1 << 20

# What a refusal says (the GUI translates these templates where it shows them).
NO_SUCH_FILE = "no such file"
A_FOLDER = "cannot be read: it is a folder, not a file"
CANNOT_READ = "cannot be read ({reason})"
NOT_REGULAR = "is not a regular file (it is {kind}); only ordinary files are read"
TOO_LARGE = "is {size} bytes; at most {limit} are read"
GREW = "holds more than {limit} bytes; at most {limit} are read"
#: A named pipe, a character device, a block device, a socket, anything else.
KINDS = ("a named pipe", "a character device", "a block device", "a socket",
         "not an ordinary file")
TEMPLATES = (CANNOT_READ, NOT_REGULAR, TOO_LARGE, GREW)
FIXED = (NO_SUCH_FILE, A_FOLDER, *KINDS)


class FileRefused(ValueError):
    """A file optviz will not read; the message says why (without the path)."""


def open_regular(path: str | os.PathLike) -> int:
    """A read-only descriptor of the regular file at ``path`` (symbolic links
    followed), opened without blocking; ``FileRefused`` for anything else."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FileRefused(NO_SUCH_FILE) from None
    except IsADirectoryError:
        raise FileRefused(A_FOLDER) from None
    except OSError as e:
        raise FileRefused(CANNOT_READ.format(reason=e.strerror or e)) from None
    mode = os.fstat(fd).st_mode
    if stat.S_ISDIR(mode):
        os.close(fd)
        raise FileRefused(A_FOLDER)
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise FileRefused(NOT_REGULAR.format(kind=_kind(mode)))
    return fd


def read_bytes(path: str | os.PathLike, limit: int) -> bytes:
    """The whole regular file at ``path``, at most ``limit`` bytes (counted while
    reading, so a file that grows or lies about its size is cut off too)."""
    fd = open_regular(path)
    try:
        size = os.fstat(fd).st_size
        if size > limit:
            raise FileRefused(TOO_LARGE.format(size=f"{size:,}", limit=f"{limit:,}"))
        parts, total = [], 0
        while chunk := _read(fd, min(_CHUNK, limit + 1 - total)):
            parts.append(chunk)
            total += len(chunk)
            if total > limit:
                raise FileRefused(GREW.format(limit=f"{limit:,}"))
        return b"".join(parts)
    finally:
        os.close(fd)


def _read(fd: int, n: int) -> bytes:
    try:
        return os.read(fd, n)
    except OSError as e:
        raise FileRefused(CANNOT_READ.format(reason=e.strerror or e)) from None


def _kind(mode: int) -> str:
    for test, name in zip((stat.S_ISFIFO, stat.S_ISCHR, stat.S_ISBLK, stat.S_ISSOCK),
                          KINDS, strict=False):
        if test(mode):
            return name
    return KINDS[-1]
