"""Build: the extraction core is compiled with mypyc, which runs extraction
about a quarter faster (README, Benchmarks). Everything else is in
pyproject.toml.

The same modules install as plain Python, and work the same, when the
install is editable (so that an edit takes effect at once), when
GSOMIA_PURE=1 is set, or when no C compiler can build them.
`gsomia --version` says which build is installed."""

from __future__ import annotations

import os
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The modules extraction runs through, article by article, and those compare
# runs through for every article (records unpacked, the comparison). The CLI,
# the corpus loader and the index stay plain Python.
COMPILED = [
    f"gsomia_cli/{name}.py"
    for name in (
        "attribution",
        "claims",
        "compare",
        "coverage",
        "dates",
        "lexicon",
        "normalize",
        "officials",
        "packed",
        "quotemarks",
        "quotes",
        "regexlit",
        "reported",
        "sentences",
        "speakers",
        "statements",
        "textfold",
        "wordstarts",
    )
]


class BuildExtOrPure(build_ext):
    """Compiles the core; should that fail (no C compiler), warns, removes
    what it built and leaves the plain Python modules to do the work."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # noqa: BLE001 - the install goes on as plain Python
            for path in self.get_outputs():
                if os.path.exists(path):
                    os.remove(path)
            print(f"warning: gsomia's extraction core was not compiled ({exc}); it installs as plain Python")


def compiled_modules() -> list:
    """Return the extensions to build: none for an editable install, with
    GSOMIA_PURE=1, or when setup.py only writes metadata."""
    building = {"bdist_wheel", "build", "build_ext", "install"} & set(sys.argv)
    if not building or "editable_wheel" in sys.argv or os.environ.get("GSOMIA_PURE") == "1":
        return []
    from mypyc.build import mypycify

    return mypycify(COMPILED, group_name="gsomia_cli", opt_level="3")


setup(ext_modules=compiled_modules(), cmdclass={"build_ext": BuildExtOrPure})
