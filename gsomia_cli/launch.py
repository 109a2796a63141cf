"""The ``gsomia`` command: run by the resident server (``gsomia serve``,
server.py) when $GSOMIA_SERVER names its socket, else here. This module is
the caller's side, and loads only ``socket`` before it knows which: a
served command starts in a few milliseconds.

A request is one message: its length (4 bytes), then NUL-separated fields
(a command line and an environment hold no NUL): the caller's package
folder, working folder, the encodings of its three streams, the number of
arguments, the arguments, and the environment's ``NAME=value`` entries,
each as the bytes the system gave. The three streams travel with it, as
open files. The server answers with the pid of the process that runs the
command (0: it will not), then, once it ends, its exit status."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import socket

PACKAGE = os.path.dirname(os.path.abspath(__file__))
REFUSED = 0  # what the server sends instead of a pid when it will not run the command
SERVED_ENV = "GSOMIA_SERVED"  # set in a served command's environment (so that it never forwards again)


def main() -> None:
    """Run the command line, on the server named by $GSOMIA_SERVER when one answers there."""
    server = os.environ.get("GSOMIA_SERVER")
    if server and not os.environ.get(SERVED_ENV):
        status = forward(server, sys.argv[1:])
        if status is not None:
            sys.exit(status)
        print(f"gsomia: warning: no gsomia server answers at {server} ($GSOMIA_SERVER); running here", file=sys.stderr)
    from gsomia_cli.cli import main as run

    run()


def forward(path: str, argv: list[str], package: str = PACKAGE) -> int | None:
    """Run the command ``argv`` on the server at ``path`` with this
    process's environment, folder and standard streams; return its exit
    status, or None when no server answers or it will not run the command
    (another install's server, or one whose install changed): the caller
    then runs the command itself. Ctrl-C (and SIGTERM) reach the command."""
    import socket

    if not hasattr(socket, "send_fds"):
        return None  # (not a Unix system: no server can run)
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        conn.connect(path)
        message = encode_request(package, argv)
        sent = socket.send_fds(conn, [message], [0, 1, 2])
        conn.sendall(message[sent:])
        pid = int.from_bytes(read_exactly(conn, 4) or b"\0\0\0\0", "big")
    except OSError:
        conn.close()
        return None
    if pid == REFUSED:
        conn.close()
        return None
    import signal

    def stop(signum: int, _frame: object) -> None:
        try:
            os.kill(pid, signum)  # (the command ends as it would on its own, and says so)
        except OSError:
            pass

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        status = read_exactly(conn, 4)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        conn.close()
    if len(status) < 4:
        print("gsomia: the server ended the command without its exit status", file=sys.stderr)
        return 1
    return int.from_bytes(status, "big", signed=True)


def encode_request(package: str, argv: list[str]) -> bytes:
    """The request for ``argv`` from this process (see the module's docstring), length first."""
    encodings = [getattr(stream, "encoding", None) or "utf-8" for stream in (sys.stdin, sys.stdout, sys.stderr)]
    fields = [package, os.getcwd(), *encodings, str(len(argv)), *argv]
    body = b"\0".join([*map(os.fsencode, fields), *(os.fsencode(k) + b"=" + v for k, v in os.environb.items())])
    return len(body).to_bytes(4, "big") + body


def decode_request(body: bytes) -> tuple[str, str, list[str], list[str], dict[str, str]]:
    """The package folder, working folder, stream encodings, arguments and
    environment of a request's body (after its length)."""
    parts = [os.fsdecode(p) for p in body.split(b"\0")]
    package, cwd, encodings, count = parts[0], parts[1], parts[2:5], int(parts[5])
    argv, entries = parts[6 : 6 + count], parts[6 + count :]
    env = dict(entry.split("=", 1) for entry in entries if "=" in entry)
    return package, cwd, encodings, argv, env


def read_exactly(conn: socket.socket, size: int) -> bytes:
    """``size`` bytes from the socket ``conn``, or fewer when it closes first."""
    chunks, got = [], 0
    while got < size:
        chunk = conn.recv(size - got)
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)
