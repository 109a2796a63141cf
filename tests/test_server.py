"""The resident server (`gsomia serve`): a served command gives what the
same command gives on its own (output, errors, exit status, input, folder,
environment), a missing server is said and worked around, and the server
cleans up after itself."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import entry, write_corpus

PACT = "Seoul said on Friday it would let the pact expire on Nov. 23, Defense Minister Lee Ha-na said.\n"
COMMAND = [sys.executable, "-c", "import sys; sys.argv[0] = 'gsomia'; from gsomia_cli.launch import main; main()"]


@pytest.fixture
def served(tmp_path):
    """A server on a socket in ``tmp_path``, and the environment of a shell it serves."""
    corpus = write_corpus(
        tmp_path / "corpus",
        entry("only", "outlet: The Only Post\npublished: 2019-11-20\nfile: only.txt"),
        {"only.txt": PACT},
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("GSOMIA_")}
    env |= {"GSOMIA_CACHE_DIR": str(tmp_path / "cache"), "GSOMIA_INDEX": str(corpus)}
    socket_path = tmp_path / "s.sock"
    server = subprocess.Popen([*COMMAND, "serve", "--socket", str(socket_path)], env=env, stderr=subprocess.PIPE)
    for _ in range(200):
        if socket_path.is_socket():
            break
        time.sleep(0.05)
    assert socket_path.is_socket(), server.stderr.read() if server.poll() is not None else "no socket"
    yield server, env | {"GSOMIA_SERVER": str(socket_path)}, env, tmp_path
    if server.poll() is None:
        server.terminate()
        server.wait(timeout=10)


def gsomia(env, *args, **kwargs):
    return subprocess.run([*COMMAND, *args], env=env, capture_output=True, text=True, timeout=60, **kwargs)


def same(a, b):
    return (a.stdout, a.stderr, a.returncode) == (b.stdout, b.stderr, b.returncode)


def test_a_served_command_gives_what_it_gives_on_its_own(served):
    _, via_server, alone, _ = served
    for args in (
        ["search", "pact"],
        ["search", "pact", "--json"],
        ["search", "nowhere-to-be-found"],  # exit 1, said on stderr
        ["search", "--limit", "0", "pact"],  # a usage error: exit 2
        ["quotes", "--article", "only", "--json"],
        ["articles"],
        ["--version"],
    ):
        on_server, on_its_own = gsomia(via_server, *args), gsomia(alone, *args)
        assert same(on_server, on_its_own), args
    assert gsomia(via_server, "search", "nowhere-to-be-found").returncode == 1
    assert gsomia(via_server, "search", "--limit", "0", "pact").returncode == 2


def test_a_served_command_reads_the_callers_input_folder_and_environment(served):
    _, via_server, _, tmp_path = served
    added = gsomia(
        via_server, "--index", "corpus/INDEX.md", "add", "-", "--outlet", "Wire", "--published", "2019-11-21",
        input="Tokyo said the pact would lapse at midnight.\n", cwd=tmp_path,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert added.stdout == "added wire-2019-11-21 (-) to corpus/INDEX.md\n"  # (the caller's folder)
    found = gsomia(via_server | {"GSOMIA_INDEX": str(tmp_path / "corpus" / "INDEX.md")}, "search", "midnight", "--json")
    assert '"article": "wire-2019-11-21"' in found.stdout
    elsewhere = gsomia(via_server | {"GSOMIA_INDEX": str(tmp_path / "nowhere" / "INDEX.md")}, "articles")
    assert elsewhere.returncode == 1 and "nowhere" in elsewhere.stderr


def test_no_server_at_the_socket_is_said_and_the_command_runs_here(served, tmp_path):
    _, via_server, alone, _ = served
    missing = via_server | {"GSOMIA_SERVER": str(tmp_path / "missing.sock")}
    result = gsomia(missing, "search", "pact")
    assert result.stderr.startswith(f"gsomia: warning: no gsomia server answers at {tmp_path / 'missing.sock'}")
    assert result.stdout == gsomia(alone, "search", "pact").stdout and result.returncode == 0


def test_a_caller_of_another_install_runs_its_own(served):
    from gsomia_cli.launch import forward

    _, via_server, _, _ = served
    assert forward(via_server["GSOMIA_SERVER"], ["--version"], package="/elsewhere/gsomia_cli") is None


def test_serve_cannot_run_through_a_server_and_a_second_one_is_refused(served):
    server, via_server, alone, tmp_path = served
    nested = gsomia(via_server, "serve", "--socket", str(tmp_path / "other.sock"))
    assert nested.returncode == 1 and "cannot run through a server" in nested.stderr
    second = gsomia(alone, "serve", "--socket", via_server["GSOMIA_SERVER"])
    assert second.returncode == 1 and "a server already listens there" in second.stderr


def test_the_server_stops_on_sigterm_and_removes_its_socket(served):
    server, via_server, _, _ = served
    server.send_signal(signal.SIGTERM)
    assert server.wait(timeout=10) == 0
    assert not os.path.exists(via_server["GSOMIA_SERVER"])


def test_ctrl_c_reaches_the_served_command(served, tmp_path):
    _, via_server, _, _ = served
    never_read, never_written = os.pipe()  # `add -` waits for input that never comes
    caller = subprocess.Popen(
        [*COMMAND, "add", "-", "--outlet", "Wire", "--published", "2019-11-21"],
        env=via_server, stdin=never_read, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    time.sleep(1.5)
    caller.send_signal(signal.SIGINT)  # (Ctrl-C on the caller must end the command on the server)
    _, stderr = caller.communicate(timeout=20)
    os.close(never_read)
    os.close(never_written)
    assert caller.returncode == 1 and "Aborted!" in stderr


def test_loading_the_commands_for_the_server_reads_no_data_file():
    code = (
        "import importlib\nfrom gsomia_cli.cli import SERVED_MODULES\nfrom gsomia_cli.resources import load_data\n"
        "for name in SERVED_MODULES:\n    importlib.import_module(name)\nprint(load_data.cache_info().currsize)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout == "0\n"


def test_a_request_carries_arguments_and_environment_byte_for_byte(monkeypatch, tmp_path):
    from gsomia_cli.launch import decode_request, encode_request

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GSOMIA_ODD", "a=b\nc")
    monkeypatch.setitem(os.environb, b"GSOMIA_BYTES", b"caf\xe9")  # (not UTF-8)
    argv = ["search", "", "--outlet", "Yonhap=News", "é\tx", "-"]
    message = encode_request("/the/package", argv)
    assert int.from_bytes(message[:4], "big") == len(message) - 4
    package, cwd, encodings, decoded, env = decode_request(message[4:])
    assert (package, cwd, decoded) == ("/the/package", str(tmp_path), argv)
    assert len(encodings) == 3
    assert env["GSOMIA_ODD"] == "a=b\nc" and os.fsencode(env["GSOMIA_BYTES"]) == b"caf\xe9"
