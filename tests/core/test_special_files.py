"""Special files given where a file is expected: refused at once, or read within the limit.

``bounded_read.read_bytes`` is what every reader of a user's file goes
through (experiment files, datasets, CIFAR batches). Each case runs in a
child with a timeout and a memory limit — a blocking open or an endless
read would fail the test instead of hanging it — and must end in one
``FileRefused`` line saying what the file is, or in the bytes of an
ordinary file.
"""

import os
import socket

import pytest

from tests import bounded

READ = ("import sys\nfrom optim_core.bounded_read import FileRefused, read_bytes\n"
        "try:\n    data = read_bytes(sys.argv[1], int(sys.argv[2]))\n"
        "except FileRefused as e:\n    print(e, file=sys.stderr)\n    sys.exit(2)\n"
        "print(len(data))\n")


def fifo(t):
    os.mkfifo(t / "pipe")
    return t / "pipe"


def link(t, to, name="link"):
    (t / name).symlink_to(to)
    return t / name


def unix_socket(t):
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(t / "sock"))
    s.close()
    return t / "sock"


def sparse(t, size):
    with open(t / "big", "wb") as f:
        f.truncate(size)
    return t / "big"


LIMIT = 1000
REFUSED = [  # (id, make(tmp) -> path, words)
    ("a FIFO with no writer", fifo, "named pipe"),
    ("/dev/zero", lambda t: "/dev/zero", "character device"),
    ("/dev/urandom", lambda t: "/dev/urandom", "character device"),
    ("/dev/null", lambda t: "/dev/null", "character device"),
    ("a link to /dev/zero", lambda t: link(t, "/dev/zero"), "character device"),
    ("a link to a FIFO", lambda t: link(t, fifo(t)), "named pipe"),
    ("a link to itself", lambda t: link(t, t / "loop", "loop"), "cannot be read"),
    ("a socket", unix_socket, "cannot be read"),
    ("a folder", lambda t: t, "it is a folder"),
    ("missing", lambda t: t / "gone", "no such file"),
    ("a name of 300 characters", lambda t: t / ("x" * 300), "File name too long"),
    ("one byte over the limit", lambda t: sparse(t, LIMIT + 1), "is 1,001 bytes; at most 1,000"),
    ("/proc file longer than it says", lambda t: "/proc/self/maps", "holds more than 1,000"),
]


@pytest.mark.parametrize("make,words", [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_special_files_are_refused_with_one_line(tmp_path, make, words):
    path = make(tmp_path)
    done = bounded.python(READ, path, LIMIT, timeout=20, memory=1 << 30)
    assert done.returncode == 2, (done.returncode, done.stderr)
    bounded.assert_one_line(done.stderr, words)


@pytest.mark.parametrize("make,size", [
    (lambda t: sparse(t, LIMIT), LIMIT),
    (lambda t: link(t, sparse(t, 10)), 10),
    (lambda t: "/proc/self/stat", None),  # stat says 0 bytes; the read finds the real size
], ids=["exactly the limit", "a link to a file", "a /proc file under the limit"])
def test_ordinary_files_are_read_whole(tmp_path, make, size):
    done = bounded.python(READ, make(tmp_path), LIMIT, timeout=20, memory=1 << 30)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == size if size is not None else 0 < int(done.stdout) <= LIMIT
