"""What a regular expression's matches must begin with, read from its
source: used to try a pattern only where it can match."""

from __future__ import annotations


def leading_literal(term: str) -> str:
    """Return the text that every match of regular expression ``term`` begins
    with ('' when it begins with a class, a group or an escape sequence)."""
    if has_top_level_alternative(term):
        return ""
    out: list[str] = []
    i = 0
    while i < len(term):
        if term[i] == "\\" and i + 1 < len(term) and not term[i + 1].isalnum():
            char, step = term[i + 1], 2
        elif term[i].isalnum() or term[i] in " '-,":
            char, step = term[i], 1
        else:
            break
        quantifier = term[i + step : i + step + 1]
        if quantifier in ("?", "*", "{"):
            break
        out.append(char)
        if quantifier == "+":
            break
        i += step
    return "".join(out)


def has_top_level_alternative(term: str) -> bool:
    """True when ``term`` has a "|" outside any group."""
    depth, i = 0, 0
    while i < len(term):
        ch = term[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a character class: skip to its end
            i = term.find("]", i + 2)
            if i < 0:
                return True  # malformed: claim nothing
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
        i += 1
    return False


def leading_group(term: str) -> tuple[list[str], str] | None:
    """The alternatives of the group ``term`` begins with, and the rest of
    ``term`` after the group; None when it begins with no plain group."""
    if not term.startswith("(") or term.startswith(("(?=", "(?!", "(?<", "(?P")):
        return None
    inner = 3 if term.startswith("(?:") else 1
    if term[inner : inner + 1] == "?":
        return None  # a flag or another special group
    depth, i, cuts = 0, 0, [inner - 1]
    while i < len(term):
        ch = term[i]
        if ch == "\\":
            i += 1
        elif ch == "[":  # a character class: skip to its end
            i = term.find("]", i + 2)
            if i < 0:
                return None
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                cuts.append(i)
                return [term[a + 1 : b] for a, b in zip(cuts, cuts[1:], strict=False)], term[i + 1 :]
        elif ch == "|" and depth == 1:
            cuts.append(i)
        i += 1
    return None
