"""gsomia: index and compare news coverage of the 2019 GSOMIA crisis."""

__version__ = "0.1.0"


def build() -> str:
    """Return how the extraction core is installed: "compiled" (with mypyc,
    see setup.py) or "plain Python". Finds the module without loading it."""
    from importlib.machinery import EXTENSION_SUFFIXES
    from importlib.util import find_spec

    spec = find_spec("gsomia_cli.wordstarts")
    origin = spec.origin if spec and spec.origin else ""
    return "compiled" if origin.endswith(tuple(EXTENSION_SUFFIXES)) else "plain Python"
