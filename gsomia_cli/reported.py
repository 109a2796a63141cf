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
    r"|(?:in|since|during)\s+(?:early\s+|late\s+|mid-)?(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)(?:\s+\d{4})?|in\s+\d{4}|(?:last|this|earlier this)\s+month"
    r"|(?:in|at|during)\s+(?:a|an|the|another|his|her|its|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:conference|briefing|meeting|statement|interview|address|speech|call|session|summit)"
    r"(?:\s+(?:held|hosted|organized|given)\s+[^,\"]{1,40}?(?=,))?"  # ("... held after the summit,")
    r"))+(?=[\s,])"
)
# "BANGKOK-- ", "TOKYO/SEOUL – ", "SEOUL, Nov. 22 (Reuters) - ", "TOKYO (AP) — "
_DATELINE = re.compile(
    r"[A-Z]{3,}[A-Z/ ,.]*?(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*"
    r"(?:\([\w .-]{2,30}\)\s*(?:--|[-–—]\s)|\([\w .,/-]{2,80}\d{4}\)|(?:--|[-–—]\s))\s*"
)  # ("PARIS (Example Wire / Agency - 3rd March, 2021) ")


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
    if word.endswith("'s") and text[at : at + 20].split(None, 1)[0].endswith("ed"):
        return False  # "South Korea's announced": "'s" is "has"
    return word in lex.noun_markers or (word.endswith("'s") and word.lower() not in _CONTRACTIONS)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


# What a reporting verb's clause, and a cue at a clause's end, are read within: more than any
# real sentence, and a bound that keeps a sentence of a thousand verbs from being read a thousand times.
MAX_CLAUSE = 1_000
TAIL_CUE_SPAN = 200
TAIL_COMMAS = 3  # the commas a source named at a clause's end may follow (with an apposition: two)
_STOP = re.compile(r"[,.;]")

_TO_INFINITIVE = re.compile(r"[^.;\"]{1,80}?(?:\bto|\s\"to)\s+\w")  # "urged Tokyo to reconsider", 'urged them "to sit'
_TO = re.compile(r"to\s+\w")
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
        r",\"?\s+(?P<source>[^,\"]{2,60}?)(?:,\s+[^\"]{2,120}?,)?\s+(?:has\s+|had\s+)?"
        r"(?P<verb>" + lex.clause_verb_re.pattern + r")"
        rf"(?:\s+(?:{hearer}))?(?:\s+(?:{trailing})){{0,2}}\s*[.!]?$"
    )  # ("..., Kim You-geun, deputy director of the office, confirmed on Friday.")
    last_words = {phrase.split()[-1].lower() for phrase in (*lex.hearers, *lex.trailing_phrases)}
    return pattern, lex.clause_verb_last_words | last_words


def tail_cue_in(text: str, start: int, end: int) -> re.Match[str] | None:
    """The source and verb that end the clause ``text[start:end]``, if any
    (not after a short aside: "what solutions, if any, the U.S. suggested")."""
    pattern, last_words = _tail_cue()
    clause = text[max(start, end - 40) : end].rstrip(" .!\n")
    if clause[clause.rfind(" ") + 1 :].lower() not in last_words:
        return None  # (a cheap test before the costly pattern)
    # Tried at the last few commas, the leftmost first: ", Kim, a spokesman, said" is Kim's (the
    # source with an apposition), ", 2019) Seoul kept it, Kim said" is not Seoul's.
    lowest = max(start, end - TAIL_CUE_SPAN)
    commas: list[int] = []
    at = text.rfind(",", lowest, end)
    while at >= 0 and len(commas) < TAIL_COMMAS:
        commas.append(at)
        at = text.rfind(",", lowest, at)
    for comma in reversed(commas):
        m = pattern.match(text, comma, end)
        if m is not None:
            return None if _SHORT_ASIDE.search(text, max(start, comma - 30), comma) else m
    return None


def _inverted_tail_in(text: str, start: int, end: int, who: Attributor, lex: Lexicon) -> re.Match[str] | None:
    """The verb and source, in that order, that end the clause
    ``text[start:end]`` ("..., said Kim Min-soo, a deputy director of the
    council."), if any: a verb with no subject before it, and a source with
    no verb of its own ("..., said Seoul would wait" is no such end)."""
    lowest = max(start, end - TAIL_CUE_SPAN)
    if _INVERTED_CHEAP.search(text, lowest, end) is None:
        return None  # (a cheap test before the pattern)
    m = _INVERTED_TAIL.search(text, lowest, end)
    if m is None or who.subject(start, m.start("verb"), resolved=False) is not None:
        return None
    if not lex.auxiliaries.isdisjoint(m.group("source").lower().split()):
        return None
    return m


_INVERTED_CHEAP = re.compile(r", (?:said|says|added|adds|stated|noted|explained|wrote|told) ")
_INVERTED_TAIL = re.compile(
    r",\"?\s+(?P<verb>said|says|added|adds|stated|noted|explained|wrote|told\s+reporters)\s+"
    r"(?P<source>[^,\"]{2,60}?)(?:,\s+[^\"]{2,150}?)?\s*[.!]?$"
)


_SHORT_ASIDE = re.compile(r",\s*(?:if any|if at all|if anything|if so|at least|in turn)\s*$")


def _cue_before_a_clause(text: str, start: int, verbs: list[re.Match[str]], lex: Lexicon) -> re.Match[str] | None:
    """The source and verb (and audience) set off by commas after what was
    said, before a clause of another kind ('..., a senior official said,
    after talks failed.', '..., Kim told reporters, adding that ...'), as
    :func:`_tail_cue_in` gives them; None when there is none."""
    for verb in verbs:
        audience = lex.audience_re.match(text, verb.end())
        end = audience.end() if audience else verb.end()
        if not text.startswith(",", end):
            adverbial = _ADVERBIAL.match(text, end)  # ("Seoul said Friday, just hours before ...")
            end = adverbial.end() if adverbial else end
        if not text.startswith(",", end):
            continue
        following = text[end + 1 : end + 40].split(None, 1)
        if following and (following[0].lower() in lex.not_a_clause or following[0].lower() in lex.participle_cues):
            cue = tail_cue_in(text, start, end)
            if cue:
                return cue
    return None


LATER_VERBS = 3  # the reporting verbs in a reported clause that may begin a clause of their own
JOINT_SPAN = 64  # more than ", although " and a title of four words
# A conjunction that joins another clause, before its subject: ", but ", "; ", " while ".
# (A title may stand between the conjunction and the subject: ", but Japanese Trade Minister Kajiyama".)
_CLAUSE_JOINT = re.compile(
    r"(?:[,;]\s*(?:but|while|whereas|although|though|yet|and)?|\s(?:but|while|whereas))\s+(?:(?:[A-Z][\w.'-]*|of|for)\s+){0,6}$"
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
_QUOTED_JOINTS = (' and "', ' but "')  # ('"stressed that ..." and "appealed for ...,"')


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
    joined = [
        at for at in verb_starts if text.endswith(_JOINTS, s_start, at) or text.endswith(_QUOTED_JOINTS, s_start, at)
    ]
    joined_at = set(joined)
    for verb, at in zip(verbs, verb_starts, strict=True):
        cue = verb.group()
        if (inside_quote(at) and not _opens_its_quotation(text, at)) or after_a_determiner(text, at, lex):
            continue  # "South Korean demands that ...", "the claim that ..." (but: 'Kim "stressed that ...')
        if cue == "saying" and not _AUXILIARY_BEFORE.search(text, max(s_start, at - 12), at):
            continue  # ("has been saying that": a verb; else a participle, read by participle_speech)
        if text[at - 2 : at] in lex.negation_ends and text[max(0, at - 12) : at].endswith(lex.negations):
            continue  # "did not say whether ...", "declined to say": nothing was said
        if cue in lex.leading_cues:
            according.append(verb)
            continue
        if cue.endswith("ing") and _participle_position(text, s_start, at):
            continue  # ("..., urging Seoul to act": a participle, read by participle_speech)
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
        that_at = _whole_word(text, "that", verb.end(), min(clause_end, verb.end() + THAT_REACH))
        that = that_at >= 0
        between = text[verb.end() : that_at] if that else ""
        phrases_only = that and _PHRASES.fullmatch(between) is not None  # "said in a press conference on Monday that"
        if cue in lex.infinitive_verbs:
            that = False  # ("vowed to mend ties and cancel curbs that ...": the infinitive is what was said)
        aside = _ASIDE.fullmatch(between) if that and "," in between else None
        aside_word = aside.group(1).split(None, 1)[0] if aside else ""
        if aside and (aside_word in _ASIDE_WORDS or aside_word not in lex.participle_cues):
            between = ""  # "reported, citing an unnamed official, that ..."
        if that and (
            '"' in between
            or "," in between
            or (len(between.split(None, 6)) > 6 and not phrases_only)
            or (that_at - verb.end() > 60 and not phrases_only)
            or _last_word_is_a_verb(between, lex)
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
        noun_phrase = False
        if that or audience:
            pass
        elif cue in lex.infinitive_verbs:
            if not _TO.match(stripped):
                continue  # "threatened to terminate the pact": the infinitive is what was said
        elif cue in lex.object_verbs and _TO_INFINITIVE.match(stripped) and not _TO_FIRST.match(stripped):
            pass  # "urged Tokyo to reconsider"
        elif cue in lex.noun_verbs and _opens_a_noun_phrase(stripped, lex):
            noun_phrase = True  # "announced its decision to end the pact", "called for its renewal"
        elif cue in lex.object_verbs:
            continue  # "asked not to be named" has no one asked
        elif not _opens_a_clause(stripped, lex):
            continue
        if _OPENS_QUOTE.match(text, offset, clause_end):
            continue  # 'said that "..."' is a direct quote, found as such
        start, end = _trim(text, offset, clause_end)
        if noun_phrase:
            end = _trim(text, start, noun_phrase_end(text, start, end))[1]
        cut = _ACCORDING_TO.search(text, start, end) or tail_cue_in(text, start, end)
        if cut:
            end = cut.start()  # the source named after the clause is not part of what was said
            start, end = _trim(text, start, end)
            end = _closing_mark(text, start, end)
        k = bisect.bisect_left(joined, start + len(" and ")) if joined else 0
        if k < len(joined) and joined[k] < end:  # "... and said ...": the next statement
            start, end = _trim(text, start, joined[k] - len(" and "))
        end = _before_another_subject(text, verbs, verb_starts, start, end, joined_at, who)
        if len(text[start:end].split(None, 2)) < (2 if noun_phrase else 3):
            continue  # ("called for its renewal": a noun phrase of two words says enough)
        who.heard(speaker)
        found.append(make_statement(speaker, "reported", cue, clean, start, end, index))
    # '..., Seoul's defense minister has said.' / '..., the Kyodo news agency reported.': the
    # source at the end reports the whole clause, and any statement inside it too.
    tail = (
        tail_cue_in(text, s_start, s_end)
        or _cue_before_a_clause(text, s_start, verbs, lex)
        or _inverted_tail_in(text, s_start, s_end, who, lex)
    )
    if tail and all(v.end() != tail.end("verb") for v in verbs):
        tail = None  # (its verb is a quotation's cue: '..., "...," he said.')
    if tail and not _OPENS_QUOTE.match(text, s_start, s_end):
        speaker = who.phrase(tail.start("source"), tail.end("source"))
        if speaker:
            found = [f for f in found if f.start < tail.start() or f.cue != tail.group("verb")]  # (not the tail's own)
            # ('... called it "a mistake," Kyodo reported.': the quotation closes in what was said)
            closing = tail.start() + 1 if text.startswith(',"', tail.start()) else tail.start()
            start, end = _trim(text, s_start, closing)
            if closing > tail.start():
                end = closing + 1
            who.heard(speaker)
            # The statements inside what the source says come first when people made them (an
            # outlet relays an official's words), after it when they tell what a state does.
            outer = make_statement(speaker, "reported", tail.group("verb"), clean, start, end, index)
            people = any(f.speaker_role not in ("body", "media") for f in found)
            return [*found, outer] if people else [outer, *found]
    inner = found  # ('X said ..., according to Y': Y reports X's statement)
    found = []
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
    return inner + found


THAT_REACH = 160  # from a reporting verb to its "that", over phrases of time and place
# Phrases of time and place only, between a verb and its "that" ("in a joint press conference
# with U.S. Secretary of State Antony Blinken in Washington on Monday").
_PHRASES = re.compile(
    r"(?:\s+(?:in|at|on|during|after|before|with|from|of|for|by|over|last|this|earlier|later)\b[^,;:\"!?]*?)+\s*"
)
# Verbs whose "that" is their own, after a subject of a clause the reporting verb already
# reports ("said the U.S. hopes that ..."): the clause begins before "that".
_INNER_VERBS = frozenset(
    "hope hopes hoped want wants wanted think thinks thought believe believes believed expect expects expected "
    "fear fears feared feel feels felt know knows knew".split()
)
_AUXILIARY_BEFORE = re.compile(r"\b(?:is|are|was|were|been|be|keeps|kept)\s+$")


def _last_word_is_a_verb(between: str, lex: Lexicon) -> bool:
    """True when the words before a "that" end with a verb of their own."""
    words = between.split()
    return len(words) > 1 and (words[-1].lower() in _INNER_VERBS or words[-1].lower() in lex.clause_verbs)


def _opens_its_quotation(text: str, at: int) -> bool:
    """True when the word at ``at`` is the first of a quotation ('Kim
    "stressed that ..."': the reporter's words about Kim, in quotation marks)."""
    return text[max(0, at - 1) : at] == '"' and (at < 2 or not text[at - 2].isalnum())


# What ends a noun phrase that was said: a clause set off by a comma, a conjunction of time or
# cause, a venue ("in his address"), a semicolon.
_NOUN_PHRASE_END = re.compile(
    r",\"?\s+(?:and\s+)?(?:which|who|whom|whose|where|when|while|as|after|before|because|but|amid|despite|although|though"
    r"|saying|adding|noting|citing|calling|urging|stressing|warning|according|a|an)\b"
    r"|\s(?:after|because|while|amid|before|since|so that|in order to)\s"
    r"|\s(?:in|at|during|over)\s(?:a|an|the|his|her|its|their)\s(?:[\w-]+\s){0,3}?"
    r"(?:conference|briefing|meeting|address|speech|statement|interview|call|session|summit|reports?)\b"
    r"|;"
)
_DETERMINERS = frozenset("the a an its their his her our this these those such no any some every all both".split())


def _closing_mark(text: str, start: int, end: int) -> int:
    """``end``, or past the closing quotation mark just after it when
    ``text[start:end]`` opens a quotation it does not close ('called it "a
    mistake,"' cut before ', Kyodo reported')."""
    if text.count('"', start, end) % 2 == 1:
        close = text.find('"', end, end + 3)
        if close >= 0:
            return close + 1
    return end


def noun_phrase_end(text: str, start: int, end: int) -> int:
    """Where the noun phrase that begins at ``start`` ends, at the latest at ``end``."""
    m = _NOUN_PHRASE_END.search(text, start, end)
    return m.start() if m else end


def _opens_a_noun_phrase(stripped: str, lex: Lexicon) -> bool:
    """True when ``stripped`` (what follows a verb) begins with a determiner or
    a possessive: a noun phrase, not a clause ("its decision", "Seoul's move");
    or with "for" or "against" ("appealed strongly for a change")."""
    words = stripped.split(None, 2)
    if len(words) > 1 and words[0].endswith("ly") and words[1] in ("for", "against"):
        words = words[1:]  # ("strongly for a change")
    first = words[0].lower().rstrip(",;:") if words else ""
    return first in _DETERMINERS or first in ("for", "against") or (first.endswith("'s") and first not in _CONTRACTIONS)


def _participle_position(text: str, start: int, at: int) -> bool:
    """True when the word at ``at`` follows a comma, an ellipsis, or a verb
    directly ("responded saying"): a participle that adds to a clause."""
    before = text[max(start, at - 10) : at].rstrip()
    return before.endswith((",", "...", "\u2026", ", and", ", or"))


@cache
def _nominal() -> re.Pattern[str]:
    """A noun of what someone said, with its owner, before "that": "its
    claims that", "Tokyo's insistence that" (group owner: the possessive
    word; group noun)."""
    nouns = trie_pattern(lexicon().speech_nouns)
    return re.compile(
        rf"(?P<owner>\b(?:its|their|his|her)|[\w.-]+'s)\s+(?:[a-z-]+\s+){{0,2}}?(?P<noun>{nouns})\s+that\s"
    )


NOMINAL_BACK = 300
NOMINAL_REACH = 80  # from the owner ("its", "Tokyo's") to its noun's "that"
_SECOND_WORD = re.compile(r"\S+\s+\S+")
_MAIN_PREDICATE = re.compile(
    r"\s(?:was|were|is|are|has|have|had|will|would)\s"
)  # how far back "its" or "their" may point, to the body that owns the claim


def nominal_speech(clean: str, text: str, sentence: Sentence, index: int, who: Attributor) -> list[Statement]:
    """Return what the nouns of speech of one sentence report ("over its
    claims that Seoul had given in", "Tokyo's insistence that the issues are
    separate"), made by their owner: the speaker whose "'s" it is, or the one
    "its", "their", "his" or "her" points back to."""
    found: list[Statement] = []
    s_start, s_end = sentence.start, sentence.end
    nouns = lexicon().speech_nouns
    that = text.find(" that ", s_start, s_end)
    while that >= 0:
        # (a cheap test first: the word before "that" must be a noun of speech)
        before = text[max(s_start, that - 20) : that].rsplit(None, 1)
        m = (
            _nominal().search(text, max(s_start, that - NOMINAL_REACH), that + 6)
            if before and before[-1] in nouns
            else None
        )
        that = text.find(" that ", that + 5, s_end)
        if m is None:
            continue
        owner = m.group("owner")
        if owner.endswith("'s"):
            speaker = who.owner_at(m.end("owner") - 2)
        else:
            speaker = who.antecedent(m.start(), person=owner in ("his", "her"), back=NOMINAL_BACK)
        if speaker is None:
            continue
        start, end = _trim(text, m.end(), s_end)
        cut = _ACCORDING_TO.search(text, start, end) or tail_cue_in(text, start, end)
        if cut:
            start, end = _trim(text, start, cut.start())
        if not text[s_start : m.start()].strip():  # the subject: "Seoul's claims that X did Y were rejected"
            second = _SECOND_WORD.match(text, start, end)  # (the clause's own subject and verb come first)
            predicate = _MAIN_PREDICATE.search(text, second.end() if second else start, end)
            if predicate is not None:
                end = _trim(text, start, predicate.start())[1]
        if _words_at_least(text, start, end, 3):
            found.append(make_statement(speaker, "reported", m.group("noun"), clean, start, end, index))
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
    return (
        bool(first)
        and first not in lex.not_a_clause
        and first not in lex.participle_cues
        and stripped[0] not in "\"'.,;:"
    )


_THAT = re.compile(r"\s+that\s")
QUOTED_SPAN = 80  # at most this from "quoted" to its "as saying" ("quoted by the Kyodo news agency as saying")


_QUOTING = re.compile(r"\s(?:quoted|cited|quoting|citing)\s")
_PASSIVE = re.compile(r"\s(?:is|was|were|are|been|being)\s+$")


def quoted_as(text: str, start: int, at: int) -> tuple[int, int] | None:
    """For a participle at ``at`` after "as", within the sentence from
    ``start``: where "quoted" (or "cited", "quoting") stands before that "as",
    and where the quoted person's words begin between them ("quoting him as",
    "Kyodo quoted Suga as"), or -1 when the quoted person is the subject ("was
    quoted by Kyodo as"); None when no such verb stands before it."""
    if text[at - 4 : at].lower() != " as ":
        return None
    found = None
    for m in _QUOTING.finditer(text, max(start, at - QUOTED_SPAN), at - 3):
        found = m
    if found is None:
        return None
    verb_at, after = found.start() + 1, found.end()
    passive = _PASSIVE.search(text, max(start, verb_at - 12), verb_at) or text.startswith("by ", after)
    if passive or found.group().strip() in ("quoted", "cited") and text.startswith("as ", after):
        return verb_at, -1
    return verb_at, after


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
    """Return the reported speech of the ``participles`` of one sentence that
    add to a clause: after a comma or an ellipsis ("..., adding that Tokyo's
    stance was unchanged"; "..., citing a breach of trust"; "..., urging Seoul
    to act"), right after a verb ("responded saying ..."), after "with" and
    their subject (", with Pompeo stressing their cooperation"), or opening
    the sentence ("Calling the pact vital, Matsuno said ..."). What was said
    is a "that" clause, the clause after "saying", a participle's noun phrase
    or someone and an infinitive. Who said it: the subject after "with", the
    subject of the main clause after an opening participle, else the subject
    of the nearest clause before it (a clause inside a statement has its own:
    "..., after Japan imposed curbs, citing ..."), else whoever made the
    sentence's last statement before it (of ``made``), else the official, body
    or source the sentence opens with. A reported statement of ``made`` that
    runs over such a participle ends before it, whatever follows the participle."""
    found: list[Statement] = []
    s_start, s_end = sentence.start, sentence.end
    earlier = sorted(made, key=lambda s: s.start)
    passed = 0  # (earlier[:passed] begin before the last break seen)
    last: Statement | None = None  # the last statement with a speaker before that break
    for verb in participles:
        at = verb.start()
        word = verb.group().lower()
        if inside_quote(at):
            continue
        clause_end = min(s_end, verb.end() + MAX_CLAUSE)
        quoted = quoted_as(text, s_start, at)
        if quoted is not None:  # "Suga was quoted by Kyodo as saying that ...", "quoting him as saying"
            found.extend(_quoted_as_saying(clean, text, quoted, verb, s_start, clause_end, index, who))
            continue
        opening = at == s_start  # "Calling the pact vital, Matsuno said ..."
        absolute = _WITH_SUBJECT.search(text, max(s_start, at - 80), at)  # ", with Pompeo stressing"
        brk = _break_before(text, s_start, at)
        if not opening and absolute is None and brk < 0:
            continue
        if brk >= 0 and word in _ASIDE_WORDS and _in_an_aside(text, s_start, brk, verb.end(), s_end, lex):
            continue  # "Yonhap reported, citing an official, that ...": whom a source cites
        cut = brk if brk >= 0 else (absolute.start() if absolute is not None else at)
        closing = text.find('"', cut, at)  # ('..."a strategic decision," adding': the quote goes with it)
        cut_at = closing + 1 if closing >= 0 else cut
        while passed < len(earlier) and earlier[passed].start < cut:
            statement = earlier[passed]
            if statement.kind == "reported" and cut < statement.end:  # what was said ends at the break
                statement.end = max(statement.start, _trim(text, statement.start, cut_at)[1])
                statement.text = clean[statement.start : statement.end]
            if statement.speaker is not None:
                last = statement
            passed += 1
        if found and found[-1].start < cut and found[-1].speaker is not None:
            if last is None or found[-1].start > last.start:
                last = found[-1]
        span = _participle_content(text, verb, word, clause_end, lex)
        if span is None:
            continue
        start, end = span
        if opening:
            main = _main_clause_start(text, verb.end(), s_end)  # (after the comma that ends the phrase)
            if main < 0:
                continue
            end = _trim(text, start, main - 1 if text[main - 1 : main] == "," else main)[1]
            if text.startswith('"', end):
                end += 1
            subject = who.opening_subject(main, s_end, bodies=True)
            if subject is not None and _words_at_least(text, start, end, 2):
                found.append(make_statement(who.resolve(subject), "reported", verb.group(), clean, start, end, index))
            continue
        if not _words_at_least(text, start, end, 2 if word in lex.participle_objects else 3):
            continue
        subject = who.phrase(absolute.end(1) - len(absolute.group(1)), absolute.end(1)) if absolute else None
        if subject is None:
            inner = who.clause_subject(last.start if last is not None else s_start, cut)
            if inner is not None:
                subject = inner
        if subject is not None:
            who.heard(subject)
            found.append(make_statement(subject, "reported", verb.group(), clean, start, end, index))
        elif last is not None:
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
            subject = who.opening_subject(s_start, cut, bodies=True)
            if subject is not None:
                who.heard(subject)
                found.append(make_statement(subject, "reported", verb.group(), clean, start, end, index))
    return found


# ", with Secretary of State Mike Pompeo stressing": "with" and the participle's subject.
_WITH_SUBJECT = re.compile(r"(?:,\s*|\s)with\s+((?:[A-Z][\w.'-]*\s+|of\s+){1,8}?|(?:the|a|an)\s+[^,\"]{1,40}?)\s*$")


def _break_before(text: str, start: int, at: int) -> int:
    """Where the comma, ellipsis or verb before a participle at ``at`` stands
    (a quotation's closing mark may come between: '..."a decision," adding'),
    or -1 when none does."""
    window_start = max(start, at - 10)
    before = text[window_start:at].rstrip(' "')
    if before.endswith((", and", ", or")):  # ("..., citing X, and urging Y")
        before = before[: before.rfind(",") + 1]
    if before.endswith(","):
        return window_start + len(before) - 1
    if before.endswith(("...", "\u2026")):
        return window_start + len(before) - (3 if before.endswith("...") else 1)
    word = _LAST_WORD.search(text, max(start, at - 30), at)
    if word is not None and word.group(1) in _VERBS_BEFORE_PARTICIPLE:  # "responded saying"
        return word.end(1)
    if word is not None and word.group(1) in _CONJUNCTIONS_BEFORE_PARTICIPLE:  # "while calling for"
        return word.start(1) - 1
    return -1


_LAST_WORD = re.compile(r"(\w+)\s+$")
_ASIDE_WORDS = frozenset({"citing", "quoting"})


def _in_an_aside(text: str, start: int, comma: int, after: int, end: int, lex: Lexicon) -> bool:
    """True when the participle phrase after the comma at ``comma`` (whose
    participle ends at ``after``) is an aside naming whom a source cites:
    after a reporting verb ("reported, citing an official, that ..."), or
    before one ("Yonhap, citing an official, said ...")."""
    words = text[max(start, comma - 30) : comma].split()
    if words and words[-1].lower() in lex.clause_verbs:
        return True
    close = text.find(",", after, min(end, after + 120))
    following = text[close + 1 : close + 40].split(None, 1) if close >= 0 else []
    return bool(following) and (following[0].lower() in lex.clause_verbs or following[0] == "that")


_VERBS_BEFORE_PARTICIPLE = frozenset({"responded", "reacted", "replied", "answered", "spoke", "wrote", "tweeted"})
_CONJUNCTIONS_BEFORE_PARTICIPLE = frozenset({"while", "when", "before", "after"})


def _participle_content(
    text: str, verb: re.Match[str], word: str, clause_end: int, lex: Lexicon
) -> tuple[int, int] | None:
    """The span of what a participle says: its "that" clause, the clause
    after "saying", its noun phrase or someone and an infinitive; None when
    it says nothing ("saying little", '..., saying "...": a direct quote)."""
    that = _THAT.match(text, verb.end(), clause_end)
    window = text[verb.end() : min(clause_end, verb.end() + 80)]
    stripped = window.lstrip(" ,")
    if word == "calling" and stripped.startswith(("for ", "on ")):  # "calling for its renewal", "calling on X to"
        stripped = stripped.split(None, 1)[1] if " " in stripped else ""
        word = "calling on" if _TO_INFINITIVE.match(stripped) else "calling"
    offset = verb.end() + len(window) - len(stripped)
    if that:
        offset = that.end()
    elif word in lex.participle_infinitives:
        if not _TO_INFINITIVE.match(stripped) or _TO_FIRST.match(stripped):
            return None  # ("urging Seoul to act": someone, then an infinitive)
    elif word == "saying":
        if not _opens_a_clause(stripped, lex):
            return None
    elif word in lex.participle_objects:
        if not stripped or stripped[0] in ".,;:" or _first_word(stripped) in lex.not_a_clause:
            return None
    else:
        return None
    if _OPENS_QUOTE.match(text, offset, clause_end) and (that or word == "saying"):
        return None  # ', saying "..."' is a direct quote, found as such
    start, end = _trim(text, offset, clause_end)
    if not that and word != "saying":
        end = _trim(text, start, noun_phrase_end(text, start, end))[1]
    return start, end


def _main_clause_start(text: str, at: int, end: int) -> int:
    """Where the main clause begins after an opening participle's phrase
    that begins at ``at``: after its first comma outside quotation marks; -1
    when there is none."""
    inside = False
    for i in range(at, min(end, at + MAX_CLAUSE)):
        char = text[i]
        if char == '"':
            inside = not inside
        elif char == "," and (not inside or text.startswith('"', i + 1)):
            return i + 2 if text.startswith('"', i + 1) else i + 1
    return -1


def _quoted_as_saying(
    clean: str,
    text: str,
    quoted: tuple[int, int],
    verb: re.Match[str],
    s_start: int,
    clause_end: int,
    index: int,
    who: Attributor,
) -> list[Statement]:
    """The statements of "quoted ... as saying": what the quoted person said
    (the subject of "was quoted", the object of "quoting him"), and, when an
    outlet did the quoting, the outlet's report of it."""
    verb_at, object_at = quoted
    that = _THAT.match(text, verb.end(), clause_end)
    offset = that.end() if that else verb.end()
    if text[offset : offset + 4].lstrip(" ,").startswith('"'):
        return []  # 'as saying, "..."' is a direct quote, found as such
    start, end = _trim(text, offset, clause_end)
    if not _words_at_least(text, start, end, 3):
        return []
    cue_word = text[verb_at : text.index(" ", verb_at)]
    out = []
    if object_at < 0:  # "Suga was quoted by Kyodo as saying"
        speaker = who.subject(s_start, verb_at)
    else:  # "reports quoting him as saying", "Kyodo quoted Suga as saying"
        speaker = who.phrase(object_at, verb.start()) or who.pronoun(object_at, verb.start())
        reporter = who.subject(s_start, verb_at)
        if reporter is not None:
            out.append(make_statement(reporter, "reported", cue_word, clean, object_at, end, index))
    if speaker is not None:
        who.heard(speaker)
        cue = {"quoting": "quoted", "citing": "cited"}.get(cue_word.lower(), cue_word.lower()) + " as saying"
        out.insert(0, make_statement(speaker, "reported", cue, clean, start, end, index))
    return out


def _words_at_least(text: str, start: int, end: int, n: int) -> bool:
    """True when ``text[start:end]`` has at least ``n`` words (read no further than needed)."""
    return len(text[start : min(end, start + 200)].split(None, n - 1)) >= n
