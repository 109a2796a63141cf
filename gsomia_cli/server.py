"""A resident server for the command line. ``gsomia serve`` loads the
commands once and listens on a Unix socket; a ``gsomia`` run where
$GSOMIA_SERVER names that socket sends its arguments, environment, working
folder and its own stdin, stdout and stderr (the descriptors themselves)
to the server, which runs the command in a fork of itself and answers
with its exit status. A command then starts in milliseconds instead of the
tenth of a second Python and click take to load. Nothing else changes:
output goes straight to the caller's terminal or pipe, and each command
checks and refreshes the index as it would on its own.

Limits: the server runs the gsomia it loaded (a changed install stops it,
and a caller of another install runs its own); the data files are read by
each command, never by the server, so $GSOMIA_DATA_DIR and edits to them
are seen as without it."""

from __future__ import annotations

import os
import signal
import socket
import sys
from collections.abc import Callable
from pathlib import Path

from gsomia_cli.launch import PACKAGE, REFUSED, SERVED_ENV, decode_request, read_exactly

MAX_REQUEST = 1 << 24  # bytes of arguments and environment a request may hold


class ServerError(Exception):
    """The server cannot start (its socket cannot be made)."""


def default_socket() -> Path:
    """The socket ``gsomia serve`` listens on unless told otherwise: in
    $XDG_RUNTIME_DIR when set (a private folder of the user's), else in
    the cache folder."""
    from gsomia_cli.resources import cache_dir

    runtime = os.environ.get("XDG_RUNTIME_DIR")
    return Path(runtime) / "gsomia.sock" if runtime else cache_dir() / "gsomia.sock"


def serve(path: Path, run: Callable[[list[str]], int], started: Callable[[Path], None] | None = None) -> None:
    """Listen on the Unix socket ``path`` (readable by this user only) and
    run each request's command, ``run(argv)`` returning its exit status, in
    a fork of this process. Returns on SIGINT or SIGTERM, or once the
    installed package changed, removing the socket. Raises ServerError when
    the socket cannot be made."""
    if not hasattr(os, "fork") or not hasattr(socket, "send_fds"):
        raise ServerError("a server needs a Unix system (fork, and open files sent over a Unix socket)")
    stamp = _install_stamp()
    listener = _listen(path)
    if started:
        started(path)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # (the kernel reaps the forks)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        while True:
            try:
                conn, _ = listener.accept()
            except InterruptedError:
                continue
            if _install_stamp() != stamp:
                conn.sendall(REFUSED.to_bytes(4, "big"))
                conn.close()
                print("gsomia: the installed gsomia changed; the server stops (start it again)", file=sys.stderr)
                return
            sys.stdout.flush()
            sys.stderr.flush()
            if os.fork() == 0:
                listener.close()
                _run_request(conn, run)  # (never returns)
            conn.close()
    except KeyboardInterrupt:
        pass
    finally:
        listener.close()
        try:
            path.unlink()
        except OSError:
            pass


def _listen(path: Path) -> socket.socket:
    if len(os.fsencode(path)) > 100:
        raise ServerError(f"{path}: too long for a socket path (at most 100 bytes); choose a shorter --socket")
    path.parent.mkdir(parents=True, exist_ok=True)
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        probe.connect(str(path))
        raise ServerError(f"{path}: a server already listens there")
    except OSError:
        pass  # (none: a socket file left by one that was killed is replaced)
    finally:
        probe.close()
    if path.is_socket():
        path.unlink()
    elif path.exists():
        raise ServerError(f"{path}: exists and is not a socket")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    mask = os.umask(0o177)  # (the socket is this user's alone: it runs commands as this user)
    try:
        listener.bind(str(path))
    except OSError as exc:
        raise ServerError(f"{path}: {exc.strerror or exc}") from None
    finally:
        os.umask(mask)
    listener.listen(64)
    return listener


def _run_request(conn: socket.socket, run: Callable[[list[str]], int]) -> None:
    """In the fork: take on the caller's streams, folder and environment,
    run the command, answer with its status, and end."""
    status = 1
    try:
        for s in (signal.SIGCHLD, signal.SIGTERM):
            signal.signal(s, signal.SIG_DFL)  # (a command waits for its own children: the indexing workers)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        message, fds, _, _ = socket.recv_fds(conn, 1 << 16, 3)
        if len(fds) != 3 or len(message) < 4:
            raise ValueError("a request without its three streams")
        size = int.from_bytes(message[:4], "big")
        if size > MAX_REQUEST:
            raise ValueError("a request too large")
        package, cwd, encodings, argv, env = decode_request(message[4:] + read_exactly(conn, size - len(message) + 4))
        if package != PACKAGE:
            conn.sendall(REFUSED.to_bytes(4, "big"))
            os._exit(0)
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        conn.sendall(os.getpid().to_bytes(4, "big"))
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        os.environ[SERVED_ENV] = "1"
        # The caller's streams, with its encodings (the terminal's or the pipe's; never closed here).
        sys.stdin = open(0, encoding=encodings[0], closefd=False)  # noqa: SIM115
        sys.stdout = open(1, "w", 1 if os.isatty(1) else -1, encoding=encodings[1], closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", 1, encoding=encodings[2], closefd=False)  # noqa: SIM115
        status = run(argv)
    except BaseException:  # noqa: BLE001 - said on the caller's stderr, as a command of its own would
        import traceback

        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        try:
            conn.sendall(status.to_bytes(4, "big", signed=True))
        except OSError:
            pass
        os._exit(0)


def _install_stamp() -> tuple[float, ...]:
    """What changes when gsomia is installed again: its package folder's
    and command modules' modification times."""
    names = ("__init__.py", "cli.py", "server.py")
    stamps = []
    for name in ("", *names):
        try:
            stamps.append(os.stat(os.path.join(PACKAGE, name)).st_mtime)
        except OSError:
            stamps.append(0.0)
    return tuple(stamps)
