"""The ``gsomia`` command: run by the resident server (``gsomia serve``)
when $GSOMIA_SERVER names its socket, else here. Loads nothing more before
it knows which: a served command starts in a few milliseconds."""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Run the command line, on the server named by $GSOMIA_SERVER when one answers there."""
    server = os.environ.get("GSOMIA_SERVER")
    if server and not os.environ.get("GSOMIA_SERVED"):
        from gsomia_cli.server import forward

        status = forward(server, sys.argv[1:])
        if status is not None:
            sys.exit(status)
        print(f"gsomia: warning: no gsomia server answers at {server} ($GSOMIA_SERVER); running here", file=sys.stderr)
    from gsomia_cli.cli import main as run

    run()
