"""Reported speech: "X said (that) ...", "X urged Y to ...", "..., X
said.", "according to X, ...", each attributed by the grammar of news
English."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import cache

from gsomia_cli.attribution import Attributor, Statement, make_statement
from gsomia_cli.lexicon import Lexicon, lexicon, trie_pattern
from gsomia_cli.sentences import Sentence
from gsomia_cli.speakers import SpeakerSpan

# Time and place phrases between a reporting verb and its clause.
_WEEKDAY_OR_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[A-Z][a-z]{2,8}\.?\s+\d{1,2})(?:'s)?"
_ADVERBIAL = re.compile(
    r"(?:\s*,?\s*(?:"
    rf"(?:(?:on|last|this|early|late)\s+)?{_WEEKDAY_OR_DAY}"
    r"|(?:last|this|early|late|on)\s+(?:week|month|year|night|morning|evening|afternoon)"
    r"|yesterday|today|earlier|later|separately|also|again|in a statement|in an interview|in a recent radio interview"
    r"|at a (?:press conference|briefing|news conference)"
    r"))+(?=[\s,])"
)
# "BANGKOK-- ", "TOKYO/SEOUL – ", "SEOUL, Nov. 22 (Reuters) - ", "TOKYO (AP) — "
_DATELINE = re.compile(
    r"[A-Z]{3,}[A-Z/ ,.]*?(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([\w .-]{2,30}\)\s*)?(?:--|[-–—]\s)\s*"
)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    dateline = _DATELINE.match(text, start, end)
    if dateline:
        start = dateline.end()  # "BANGKOK-- ", "TOKYO/SEOUL – "
    while start < end and text[start] in " ,;:\n\"'":
        start += 1
    while end > start and text[end - 1] in " ,;:.\n":
        end -= 1
    return start, end


_OPENS_QUOTE = re.compile(r'\s*"')  # (after white space)
_ACCORDING_TO = re.compile(r",\s+according to\b")


def _whole_word(text: str, word: str, start: int, end: int) -> int:
    """Where ``word`` first stands whole in ``text[start:end]`` (as
    rf"\b{word}\b" would find it in that slice), or -1."""
    at = text.find(word, start, end)
    while at >= 0:
        after = at + len(word)
        if (at == start or not _is_word_char(text[at - 1])) and (after == end or not _is_word_char(text[after])):
            return at
        at = text.find(word, at + 1, end)
    return -1


_ASIDE = re.compile(r"\s*,\s*([a-z][^,\"]{0,60}),\s*")  # ", citing an unnamed official, "
_CONTRACTIONS = frozenset({"it's", "that's", "he's", "she's", "there's", "what's", "who's"})


def after_a_determiner(text: str, at: int, lex: Lexicon) -> bool:
    """True when what begins at ``at`` follows a word that makes it a noun:
    a reporting verb's form ("South Korean demands", "Seoul's claims", "the
    claim"), a quotation (its "white list")."""
    if text[at - 1 : at] != " ":
        return False
    before = text[max(0, at - 30) : at - 1].rsplit(None, 1)
    word = before[-1] if before else ""
    return word in lex.noun_markers or (word.endswith("'s") and word.lower() not in _CONTRACTIONS)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


# What a reporting verb's clause, and a cue at a clause's end, are read within: more than any
# real sentence, and a bound that keeps a sentence of a thousand verbs from being read a thousand times.
MAX_CLAUSE = 1_000
TAIL_CUE_SPAN = 200
_STOP = re.compile(r"[,.;]")

_TO_INFINITIVE = re.compile(r"[^.;\"]{1,80}?\bto\s+\w")  # "urged Tokyo to reconsider"
_TO_FIRST = re.compile(r"(?:not\s+)?to\b")


@cache
def _tail_cue() -> tuple[re.Pattern[str], frozenset[str]]:
    """'..., Kyodo News reported.', '..., an official told Reuters on
    Wednesday.' at the end of a clause (group 1 the source, group 2 the
    verb), and the words such an end can have last."""
    lex = lexicon()
    hearer = trie_pattern(lex.hearers)
    trailing = trie_pattern(lex.trailing_phrases)
    pattern = re.compile(
        r",\"?\s+([^,\"]{2,60}?)\s+(?:has\s+|had\s+)?(" + lex.clause_verb_re.pattern + r")"
        rf"(?:\s+(?:{hearer}))?(?:\s+(?:{trailing})){{0,2}}\s*[.!]?$"
    )
    last_words = {phrase.split()[-1].lower() for phrase in (*lex.hearers, *lex.trailing_phrases)}
    return pattern, lex.clause_verb_last_words | last_words


def tail_cue_in(text: str, start: int, end: int) -> re.Match[str] | None:
    """The source and verb that end the clause ``text[start:end]``, if any."""
    pattern, last_words = _tail_cue()
    clause = text[max(start, end - 40) : end].rstrip(" .!\n")
    if clause[clause.rfind(" ") + 1 :].lower() not in last_words:
        return None  # (a cheap test before the costly pattern)
    return pattern.search(text, max(start, end - TAIL_CUE_SPAN), end)


def _cue_before_a_clause(text: str, start: int, verbs: list[re.Match[str]], lex: Lexicon) -> re.Match[str] | None:
    """The source and verb (and audience) set off by commas after what was
    said, before a clause of another kind ('..., a senior official said,
    after talks failed.', '..., Kim told reporters, adding that ...'), as
    :func:`_tail_cue_in` gives them; None when there is none."""
    for verb in verbs:
        audience = lex.audience_re.match(text, verb.end())
        end = audience.end() if audience else verb.end()
        if not text.startswith(",", end):
            continue
        following = text[end + 1 : end + 40].split(None, 1)
        if following and following[0].lower() in lex.not_a_clause:
            cue = tail_cue_in(text, start, end)
            if cue:
                return cue
    return None


LATER_VERBS = 3  # the reporting verbs in a reported clause that may begin a clause of their own
JOINT_SPAN = 64  # more than ", although " and a title of four words
# A conjunction that joins another clause, before its subject: ", but ", "; ", " while ".
# (A title may stand between the conjunction and the subject: ", but Japanese Trade Minister Kajiyama".)
_CLAUSE_JOINT = re.compile(
    r"(?:[,;]\s*(?:but|while|whereas|although|though|yet|and)?|\s(?:but|while|whereas))\s+(?:[A-Z][\w.'-]*\s+){0,4}$"
)


def _before_another_subject(
    text: str,
    verbs: list[re.Match[str]],
    verb_starts: list[int],
    start: int,
    end: int,
    joined: set[int],
    who: Attributor,
) -> int:
    """Where the clause ``text[start:end]`` ends: before the conjunction that
    joins the clause of another reporting verb (of ``verbs``, which begin at
    ``verb_starts``) with a subject of its own ('X said it would talk, but
    officials in Tokyo insisted ...'); else at ``end``. The first few verbs in
    the clause are enough, and keep a sentence of a thousand verbs linear."""
    first = bisect.bisect_right(verb_starts, start)
    for later in verbs[first : first + LATER_VERBS]:
        if later.start() >= end:
            break
        if later.start() in joined:
            continue
        subject = who.subject(start, later.start())
        if subject is None:
            continue
        joint = _CLAUSE_JOINT.search(text, max(start, subject.start - JOINT_SPAN), subject.start)
        if joint:
            return _trim(text, start, joint.start())[1]
    return end


_JOINTS = (" and ", " but ")  # (one length: where the clause before ends is found from it)


def reported_speech(
    clean: str,
    text: str,
    verbs: list[re.Match[str]],
    sentence: Sentence,
    index: int,
    who: Attributor,
    inside_quote: Callable[[int], bool],
    lex: Lexicon,
) -> list[Statement]:
    """Return the reported speech of one sentence (number ``index``) whose
    reporting verbs are ``verbs`` (those ``inside_quote`` are passed over);
    ``text`` is the folded ``clean`` text, ``who`` the article's attributor."""
    s_start, s_end = sentence.start, sentence.end
    found: list[Statement] = []
    according: list[re.Match[str]] = []
    previous_subject: SpeakerSpan | None = None
    speaker: SpeakerSpan | None
    # Where the verbs joined to the one before by "and" or "but" begin ("... and said ..."), found once.
    verb_starts = [v.start() for v in verbs]
    joined = [at for at in verb_starts if text.endswith(_JOINTS, s_start, at)]
    joined_at = set(joined)
    for verb, at in zip(verbs, verb_starts, strict=True):
        cue = verb.group()
        if inside_quote(at) or after_a_determiner(text, at, lex):
            continue  # "South Korean demands that ...", "the claim that ..."
        if text[at - 2 : at] in lex.negation_ends and text[max(0, at - 12) : at].endswith(lex.negations):
            continue  # "did not say whether ...", "declined to say": nothing was said
        if cue in lex.leading_cues:
            according.append(verb)
            continue
        if found and found[-1].start <= at < found[-1].end:
            continue  # reported within what was said ("He said Tokyo hoped ..."): part of it
        if previous_subject is not None and at in joined_at:
            speaker = previous_subject  # "X urged Seoul to stay and said ...": the same subject
        elif at in joined_at:  # "X visited the U.S. and asked ...": the sentence's subject, not Washington
            speaker = who.opening_subject(s_start, at, bodies=True) or who.subject(s_start, at)
        else:
            speaker = who.subject(s_start, at)
        if speaker is None:
            continue
        previous_subject = speaker
        clause_end = min(s_end, verb.end() + MAX_CLAUSE)
        after = text[verb.end() : clause_end]
        adverbial = _ADVERBIAL.match(after)  # 'said on Friday it would ...'
        if adverbial and cue not in lex.object_verbs:
            after = after[adverbial.end() :]
        stripped = after.lstrip(" ,")
        offset = clause_end - len(stripped)
        that_at = _whole_word(text, "that", verb.end(), min(clause_end, verb.end() + 60))
        that = that_at >= 0
        between = text[verb.end() : that_at] if that else ""
        aside = _ASIDE.fullmatch(between) if that and "," in between else None
        if aside and aside.group(1).split(None, 1)[0] not in lex.participle_cues:
            between = ""  # "reported, citing an unnamed official, that ..."
        if that and (
            '"' in between
            or "," in between
            or len(between.split(None, 6)) > 6
            or (cue in lex.object_verbs and cue not in ("told", "tells") and _first_word(stripped) != "that")
            or not lex.auxiliaries.isdisjoint(between.lower().split())
        ):
            # "urged allies to overcome issues that harm ...", "said, adding that ...",
            # "acknowledged there was little sign that ...": the clause begins before "that".
            that = False
        audience = None
        if cue in ("told", "tells") and not that:
            audience = lex.audience_re.match(text, verb.end(), clause_end)  # "told reporters the pact ..."
            if audience is None:
                continue
        if cue in ("told", "tells") and text[verb.end() : verb.end() + 9] == " reporter":
            cue = "told reporters"
        if that:
            offset = that_at + len("that")
        elif audience:
            after = text[audience.end() : clause_end]
            adverbial = _ADVERBIAL.match(after)
            stripped = after[adverbial.end() if adverbial else 0 :].lstrip()
            if not _opens_a_clause(stripped, lex):
                continue
            offset = clause_end - len(stripped)
        elif cue in lex.object_verbs:
            if not _TO_INFINITIVE.match(stripped) or _TO_FIRST.match(stripped):
                continue  # "asked not to be named" has no one asked
        elif not _opens_a_clause(stripped, lex):
            continue
        if _OPENS_QUOTE.match(text, offset, clause_end):
            continue  # 'said that "..."' is a direct quote, found as such
        start, end = _trim(text, offset, clause_end)
        cut = _ACCORDING_TO.search(text, start, end) or tail_cue_in(text, start, end)
        if cut:
            end = cut.start()  # the source named after the clause is not part of what was said
            start, end = _trim(text, start, end)
        k = bisect.bisect_left(joined, start + len(" and ")) if joined else 0
        if k < len(joined) and joined[k] < end:  # "... and said ...": the next statement
            start, end = _trim(text, start, joined[k] - len(" and "))
        end = _before_another_subject(text, verbs, verb_starts, start, end, joined_at, who)
        if len(text[start:end].split(None, 2)) < 3:
            continue
        who.heard(speaker)
        found.append(make_statement(speaker, "reported", cue, clean, start, end, index))
    if found:
        return found
    # '..., Seoul's defense minister has said.' / '..., the Kyodo news agency reported.'
    tail = tail_cue_in(text, s_start, s_end) or _cue_before_a_clause(text, s_start, verbs, lex)
    if tail and all(v.end() != tail.end(2) for v in verbs):
        tail = None  # (its verb is a quotation's cue: '..., "...," he said.')
    if tail and not _OPENS_QUOTE.match(text, s_start, s_end):
        speaker = who.phrase(tail.start(1), tail.end(1))
        if speaker:
            # ('... called it "a mistake," Kyodo reported.': the quotation closes in what was said)
            closing = tail.start() + 1 if text.startswith(',"', tail.start()) else tail.start()
            start, end = _trim(text, s_start, closing)
            if closing > tail.start():
                end = closing + 1
            who.heard(speaker)
            return [make_statement(speaker, "reported", tail.group(2), clean, start, end, index)]
    for verb in according:
        clause_end = min(s_end, verb.end() + MAX_CLAUSE)
        stop = _STOP.search(text, verb.end(), clause_end)
        speaker = who.phrase(verb.end(), stop.start() if stop else clause_end)
        if speaker is None:
            continue
        if verb.start() - s_start <= MAX_CLAUSE and not text[s_start : verb.start()].strip(" ,"):
            source_end = stop.end() if stop else verb.end()
            if _OPENS_QUOTE.match(text, source_end, s_end):
                continue  # 'According to X, "..."' is a direct quote, found as such
            start, end = _trim(text, source_end, min(s_end, source_end + MAX_CLAUSE))
        else:
            start, end = _trim(text, max(s_start, verb.start() - MAX_CLAUSE), verb.start())
        if len(text[start:end].split(None, 2)) >= 3:
            found.append(make_statement(speaker, "reported", "according to", clean, start, end, index))
    return found


def _first_word(text: str) -> str:
    """The first word of ``text``, lower-cased, without a comma or colon after it ("adding, ...")."""
    words = text.split(None, 1)
    return words[0].lower().rstrip(",;:") if words else ""


def _opens_a_clause(stripped: str, lex: Lexicon) -> bool:
    """True when ``stripped``, what follows a reporting verb, can begin the
    clause it reports: a word that is no preposition, conjunction or
    participle ("said on ...", "said, adding ..."), and no quotation mark."""
    first = _first_word(stripped)
    return bool(first) and first not in lex.not_a_clause and not first.endswith("ing") and stripped[0] not in "\"'.,;:"


_THAT = re.compile(r"\s+that\s")
QUOTED_SPAN = 80  # at most this from "quoted" to its "as saying" ("quoted by the Kyodo news agency as saying")


def quoted_as(text: str, start: int, at: int) -> int | None:
    """Where "quoted" (or "cited") stands before an "as" that ends just
    before ``at`` (its participle), within the sentence from ``start``; else None."""
    if text[at - 4 : at].lower() != " as ":
        return None
    lowest = max(start, at - QUOTED_SPAN)
    quoted = max(text.rfind(" quoted ", lowest, at), text.rfind(" cited ", lowest, at))
    return quoted + 1 if quoted >= 0 else None


def participle_speech(
    clean: str,
    text: str,
    participles: list[re.Match[str]],
    sentence: Sentence,
    index: int,
    made: list[Statement],
    who: Attributor,
    inside_quote: Callable[[int], bool],
    lex: Lexicon,
) -> list[Statement]:
    """Return the reported speech of the ``participles`` of one sentence set
    off by a comma ("..., adding that Tokyo's stance was unchanged"; "...,
    saying it was regrettable"), made by whoever made the sentence's last
    statement before it (of ``made``), else by the official, body or source
    the sentence opens with. A reported statement of ``made`` that runs over such a
    participle ends before its comma, whatever follows the participle."""
    found: list[Statement] = []
    s_start, s_end = sentence.start, sentence.end
    earlier = sorted(made, key=lambda s: s.start)
    passed = 0  # (earlier[:passed] begin before the last comma seen)
    last: Statement | None = None  # the last statement with a speaker before that comma
    for verb in participles:
        at = verb.start()
        if inside_quote(at):
            continue
        clause_end = min(s_end, verb.end() + MAX_CLAUSE)
        quoted = quoted_as(text, s_start, at)
        if quoted is not None:  # "Suga was quoted by Kyodo as saying that ..."
            subject = who.subject(s_start, quoted)
            that = _THAT.match(text, verb.end(), clause_end)
            offset = that.end() if that else verb.end()
            if text[offset : offset + 4].lstrip(" ,").startswith('"'):
                continue  # 'as saying, "..."' is a direct quote, found as such
            start, end = _trim(text, offset, clause_end)
            if subject is not None and _words_at_least(text, start, end, 3):
                who.heard(subject)
                cue = text[quoted : text.index(" ", quoted)] + " as saying"  # "quoted as saying", "cited as saying"
                found.append(make_statement(subject, "reported", cue, clean, start, end, index))
            continue
        comma = text.rfind(",", max(s_start, at - 4), at)
        if comma < 0 or text[comma + 1 : at].strip(' "'):
            continue  # (the comma may end a quotation: '... "a strategic decision," adding that ...')
        closing = text.find('"', comma, at)  # ('..."a strategic decision," adding': the quote goes with it)
        cut = closing + 1 if closing >= 0 else comma
        while passed < len(earlier) and earlier[passed].start < comma:
            statement = earlier[passed]
            if statement.kind == "reported" and comma < statement.end:  # what was said ends at the comma
                statement.end = _trim(text, statement.start, cut)[1]
                statement.text = clean[statement.start : statement.end]
            if statement.speaker is not None:
                last = statement
            passed += 1
        if found and found[-1].start < comma and found[-1].speaker is not None:
            if last is None or found[-1].start > last.start:
                last = found[-1]
        that = _THAT.match(text, verb.end(), clause_end)
        if that:
            offset = that.end()
        elif verb.group() == "saying":
            window = text[verb.end() : min(clause_end, verb.end() + 40)]
            stripped = window.lstrip()
            if not _opens_a_clause(stripped, lex):
                continue
            offset = verb.end() + len(window) - len(stripped)
        else:
            continue
        if _OPENS_QUOTE.match(text, offset, clause_end):
            continue  # ', saying "..."' is a direct quote, found as such
        start, end = _trim(text, offset, clause_end)
        if not _words_at_least(text, start, end, 3):
            continue
        if last is not None:
            found.append(
                Statement(
                    last.speaker,
                    last.speaker_role,
                    "reported",
                    verb.group(),
                    clean[start:end],
                    start,
                    end,
                    index,
                    last.referent,
                )
            )
        else:
            subject = who.opening_subject(s_start, comma, bodies=True)
            if subject is not None:
                who.heard(subject)
                found.append(make_statement(subject, "reported", verb.group(), clean, start, end, index))
    return found


def _words_at_least(text: str, start: int, end: int, n: int) -> bool:
    """True when ``text[start:end]`` has at least ``n`` words (read no further than needed)."""
    return len(text[start : min(end, start + 200)].split(None, n - 1)) >= n
