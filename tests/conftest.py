from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SEEDS_INDEX = ROOT / "seeds" / "INDEX.md"


@pytest.fixture(scope="session")
def seeds():
    from gsomia_cli.corpus import load_corpus

    return load_corpus(SEEDS_INDEX)


@pytest.fixture
def run(monkeypatch, tmp_path):
    """Run the CLI on the seed corpus (or ``--index`` given) with stderr apart."""
    from gsomia_cli.cli import main

    monkeypatch.setenv("GSOMIA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("GSOMIA_INDEX", raising=False)

    def invoke(*args: str, index: Path | str | None = SEEDS_INDEX, input: str | None = None):
        argv = (["--index", str(index)] if index else []) + list(args)
        return CliRunner().invoke(main, argv, input=input, catch_exceptions=False)

    return invoke


def write_corpus(folder: Path, entries: str, files: dict[str, str | bytes] | None = None) -> Path:
    """Write an INDEX.md with ``entries`` and article ``files`` under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in (files or {}).items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    index = folder / "INDEX.md"
    index.write_text(entries, encoding="utf-8")
    return index


def entry(article_id: str, body: str) -> str:
    return f"## {article_id}\n\n```yaml\n{body.strip()}\n```\n\n"
