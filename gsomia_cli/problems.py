"""What is wrong with a corpus: a problem found at a line of a file, and
the error that stops a command with every problem found (kept apart from
corpus.py so that a command on a fresh index can report one without
loading the corpus reader)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """A problem found in the corpus, reported as ``path:line: message``."""

    path: str
    line: int
    message: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        label = "warning: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}: {label}{self.message}"


class CorpusError(Exception):
    """Raised when a corpus cannot be loaded; ``problems`` says why."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
