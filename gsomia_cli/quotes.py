"""Who said what: direct quotations, each attributed to a speaker by the
grammar of news English (``"...," X said``, ``X said, "..."``), a quote
with no cue of its own continuing the last speaker; and the reported speech
of every sentence (:mod:`reported`)."""

from __future__ import annotations

import bisect
import re

from gsomia_cli.attribution import Attributor, Statement, make_statement
from gsomia_cli.lexicon import Lexicon, lexicon
from gsomia_cli.reported import (
    after_a_determiner,
    nominal_speech,
    participle_speech,
    quoted_as,
    reported_speech,
    tail_cue_in,
)
from gsomia_cli.sentences import Sentence
from gsomia_cli.speakers import SpeakerSpan
from gsomia_cli.wordstarts import WordStarts

SHORT_QUOTE_WORDS = 3  # a quote this short may be a scare quote or a name ("white list")
QUOTE_TAIL_SPAN = 160  # at most this from a closing quotation mark to the verb of "X, (apposition), said"
SHORT_QUOTE_GAP = 10  # ... so its reporting verb must stand within this many words


class _Verbs:
    """Reporting verbs found in an article, looked up by where they begin."""

    def __init__(self, found: list[re.Match[str]]):
        self.found = found
        self.starts = [m.start() for m in found]

    def between(self, start: int, end: int) -> list[re.Match[str]]:
        """The verbs that begin in ``start:end``, in order."""
        return self.found[bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)]


_CONJUNCTIONS = ("and", "but", "or")
_JOINED_QUOTES = re.compile(
    r",?\s+(?:and|or)\s+|,\s+"
)  # '"stressed that ..." and "appealed for ...," the ministry said'


def find_statements(
    clean: str,
    text: str,
    sentences: list[Sentence],
    quotes: list[tuple[int, int]],
    spans: list[SpeakerSpan],
    words: WordStarts,
) -> list[Statement]:
    """Return the direct quotes and reported speech of one article, in text
    order. ``text`` is the folded clean text, ``quotes`` the sorted spans
    ``(open, close)`` of quotation marks in clean-text offsets."""
    lex = lexicon()
    who = Attributor(text, spans)
    out: list[Statement] = []
    quote_starts = [q[0] for q in quotes]
    previous_quote: tuple[Statement, int] | None = None  # and its paragraph
    waiting: list[Statement] = []  # quotes left open, waiting for the attribution of the quote that goes on

    def inside_quote(pos: int) -> bool:
        k = bisect.bisect_right(quote_starts, pos) - 1
        return k >= 0 and quotes[k][0] < pos < quotes[k][1]

    # The reporting verbs of every body sentence, found in one pass.
    body = [(s.start, s.end) for s in sentences if s.kind == "body"]
    direct_verbs = _Verbs(words.finditer_in(lex.direct_verb_re, lex.direct_verb_heads, text, body))
    clause_verbs = _Verbs(words.finditer_in(lex.clause_verb_re, lex.clause_verb_heads, text, body))
    participles = _Verbs(words.finditer_in(lex.participle_re, lex.participle_heads, text, body))
    next_participle = 0  # (the participles before it lie in sentences read already)

    for index, sentence in enumerate(sentences):
        if sentence.kind != "body":
            continue
        s_start, s_end = sentence.start, sentence.end
        lo = bisect.bisect_left(quote_starts, s_start)
        hi = bisect.bisect_left(quote_starts, s_end)
        in_sentence = quotes[lo:hi]
        quote_cues: set[int] = set()  # where the verbs that follow and attribute a quote begin
        unattributed: list[tuple[int, int]] = []  # short quotes no cue attributed
        made = len(out)  # (the sentence's statements are out[made:])
        # Direct quotes.
        for n, (q_open, q_close) in enumerate(in_sentence):
            if waiting and previous_quote and sentence.paragraph > previous_quote[1] + 1:
                waiting = []  # (the quotation did not go on in the next paragraph)
            # A quote left open at the end of its paragraph runs to that end ("...\n\n"...," he said).
            open_ended = not text.startswith('"', q_close)
            c_start, c_end = q_open + 1, q_close if open_ended else min(q_close, s_end)
            while c_start < c_end and text[c_start].isspace():
                c_start += 1
            while c_end > c_start and (text[c_end - 1].isspace() or text[c_end - 1] == ","):
                c_end -= 1
            if not text[c_start : c_start + 1].isalpha() and not any(ch.isalpha() for ch in text[c_start:c_end]):
                continue  # no letter: no statement
            next_open = in_sentence[n + 1][0] if n + 1 < len(in_sentence) else s_end
            prev_close = in_sentence[n - 1][1] + 1 if n else s_start
            speaker, cue = None, None
            cue_after = False  # (the cue follows the quotation)
            # 1. After the quote: '..." X said' / '..." said X'.
            tail_start = min(q_close + 1, s_end)
            following = direct_verbs.between(tail_start, min(next_open, tail_start + QUOTE_TAIL_SPAN))
            verb = next((v for v in following if not _in_relative_clause(text, tail_start, v.start(), lex)), None)
            if verb:
                lead = text[tail_start : verb.start()].strip(" ,.;:!?-").split()
                if not lead:  # '..." said X'
                    stop = re.search(r"[,.;:!?\"]", text[verb.end() : next_open])
                    speaker = who.phrase(verb.end(), verb.end() + (stop.start() if stop else next_open - verb.end()))
                elif lead[0] not in lex.not_a_clause and lead[-1] not in _CONJUNCTIONS:  # '..." X said'
                    # (not '..." by Seoul but stressed that': that subject stands before the quote)
                    speaker = who.phrase(tail_start, verb.start()) or who.apposed(tail_start, verb.start())
                cue = verb.group() if speaker else None
                if speaker:
                    quote_cues.add(verb.start())
                    cue_after = True
            framed = None  # an outlet's cue after the quote: it reports the words of a cue before
            if speaker is not None and speaker.kind == "media" and verb is not None:
                framed, speaker, cue = (speaker, cue, verb.start()), None, None
                quote_cues.discard(framed[2])
            if speaker is None and not open_ended and n + 1 == len(in_sentence):
                # '"..." when North Korea fired a missile on Oct. 2, Stilwell said.': the source
                # named at the sentence's end speaks the last quotation of the sentence.
                tail = tail_cue_in(text, tail_start, s_end)
                if tail is not None:
                    speaker = who.phrase(tail.start("source"), tail.end("source"))
                    cue = tail.group("verb") if speaker else None
                    if speaker:
                        quote_cues.add(tail.start("verb"))
            # 2. Before the quote: 'X said, "..."', 'X called the decision "...".
            if speaker is None:
                verbs = direct_verbs.between(prev_close, q_open) + clause_verbs.between(prev_close, q_open)
                verbs = [v for v in verbs if not inside_quote(v.start())]
                if verbs:
                    verb = max(verbs, key=lambda v: v.start())
                    short = len(text[c_start:c_end].split(None, SHORT_QUOTE_WORDS)) <= SHORT_QUOTE_WORDS
                    if short and len(text[verb.end() : q_open].split(None, SHORT_QUOTE_GAP)) > SHORT_QUOTE_GAP:
                        verbs = []  # a far-off verb does not make a scare quote a statement
                if verbs and verb is not None:
                    verb, speaker = _cue_before(who, text, s_start, verbs, verb, q_open, lex)
                    if speaker is not None and short and _is_a_term(text, c_start, c_end, lex):
                        speaker = None  # ('said it stays off its "white list"': the name of a thing)
                    cue = verb.group().lower() if speaker else None
                elif text[prev_close:q_open].rstrip().endswith(":"):
                    speaker = who.phrase(prev_close, q_open)
                    cue = "said" if speaker else None
            if speaker is None and framed is not None:  # ('"...," Kyodo reported': no cue before)
                speaker, cue = framed[0], framed[1]
                quote_cues.add(framed[2])
            # 3. A quote with no cue that opens its sentence is the words of the subject of the
            # sentence before, when that one reported nothing ('Moon met his aides on Tuesday.
            # "We will wait," ...'), else it continues the previous speaker.
            opens_sentence = not text[prev_close:q_open].strip()
            joined = n + 1 < len(in_sentence) and _JOINED_QUOTES.fullmatch(text, q_close + 1, next_open) is not None
            pending = joined or open_ended and _quote_follows(text, sentences, index)  # (attributed later: step 4)
            if speaker is None and opens_sentence and not pending and not _cue_follows(direct_verbs, q_close, s_end):
                speaker = who.subject_just_before(s_start)
            if speaker is None and previous_quote and sentence.paragraph - previous_quote[1] <= 1 and opens_sentence:
                prev = previous_quote[0]
                if prev.speaker:
                    statement = Statement(
                        prev.speaker,
                        prev.speaker_role,
                        "direct",
                        prev.cue,
                        clean[c_start:c_end],
                        c_start,
                        c_end,
                        index,
                        prev.referent,
                    )
                    out.append(statement)
                    previous_quote = (statement, sentence.paragraph)
                    continue
            # 4. Else a quote left open whose next paragraph opens a quote, or joined by "and" to
            # the next quote of its sentence, takes the attribution to come.
            if speaker is None and pending:
                statement = make_statement(None, "direct", None, clean, c_start, c_end, index)
                out.append(statement)
                waiting.append(statement)
                previous_quote = (statement, sentence.paragraph)
                continue
            if speaker is None and len(text[c_start:c_end].split(None, 3)) <= 3:
                unattributed.append((c_start, c_end))
                continue  # a scare quote or a title, unless it stands in what someone reports (below)
            who.heard(speaker)
            statement = make_statement(speaker, "direct", cue, clean, c_start, c_end, index)
            out.append(statement)
            previous_quote = (statement, sentence.paragraph)
            if (
                cue_after
                and n == 0
                and _words_of_the_reporter(text, s_start, q_open, direct_verbs, clause_verbs, participles)
            ):
                # 'The pact is "one of the issues that play into their hands," he said.': the
                # sentence before the cue is what was said, the quotation a part of it.
                end = min(q_close + 1, s_end)
                out.append(make_statement(speaker, "reported", cue, clean, s_start, end, index))
            for earlier in waiting:  # the paragraphs of one quotation, attributed at its end
                earlier.speaker, earlier.speaker_role, earlier.cue = statement.speaker, statement.speaker_role, cue
                earlier.referent = statement.referent
            waiting = []
        # A verb that follows the quote it attributes reports no clause as well
        # ('"...," Kono said in a statement released by the ministry').
        verbs = clause_verbs.between(s_start, s_end)
        if quote_cues:
            verbs = [v for v in verbs if v.start() not in quote_cues]
        if verbs:  # (no reporting verb, no reported speech: not even "..., Kyodo reported.")
            out.extend(reported_speech(clean, text, verbs, sentence, index, who, inside_quote, lex))
        if text.find(" that ", s_start, s_end) >= 0:  # "its claims that ...", "Tokyo's insistence that ..."
            out.extend(nominal_speech(clean, text, sentence, index, who))
        while next_participle < len(participles.starts) and participles.starts[next_participle] < s_start:
            next_participle += 1
        if next_participle < len(participles.starts) and participles.starts[next_participle] < s_end:
            following = participles.between(s_start, s_end)  # "..., adding that ..."
            added = participle_speech(clean, text, following, sentence, index, out[made:], who, inside_quote, lex)
            # A statement inside what a participle says is part of it ("responded saying Tokyo
            # protested the move"), and one cut before a participle may say nothing now
            # ("criticized Japan, saying ...").
            out[made:] = [
                s
                for s in out[made:]
                if s.kind == "direct"
                or (len(s.text.split(None, 1)) > 1 and not any(p.start < s.start and s.end <= p.end for p in added))
            ]
            out.extend(added)
        if unattributed:
            out.extend(_quoted_in_reports(clean, text, unattributed, out[made:], index, lex))
        if len(out) == made and not quote_cues:  # (a scare quote alone says nothing)
            who.reported_nothing(s_start, s_end)  # (its subject may be who "he" is next)
    return out


def _quoted_in_reports(
    clean: str, text: str, quotes: list[tuple[int, int]], statements: list[Statement], index: int, lex: Lexicon
) -> list[Statement]:
    """The short quotations ``quotes`` (start, end) of sentence ``index`` that
    no cue attributed, given to the speaker whose reported clause holds them
    ('Suga told reporters on Saturday that Japan hopes Seoul will "respond
    wisely"'); one in no one's clause, or after a determiner (a term: 'from
    its "white list"'), stays out."""
    out = []
    for start, end in quotes:
        if _is_a_term(text, start, end, lex):
            continue
        for s in statements:
            if s.kind == "reported" and s.speaker and s.start <= start and end <= s.end:
                out.append(
                    Statement(
                        s.speaker, s.speaker_role, "direct", s.cue, clean[start:end], start, end, index, s.referent
                    )
                )
                break
    return out


def _words_of_the_reporter(text: str, start: int, q_open: int, *verbs: _Verbs) -> bool:
    """True when the sentence begins with words of the reporter's own before
    its first quotation (two or more, with no reporting verb, participle or
    colon): the quotation is part of a sentence that reports what was said."""
    lead = text[start:q_open]
    if ":" in lead or len(lead.split(None, 2)) < 2:
        return False
    return not any(_cue_follows(v, start, q_open) for v in verbs)


def _cue_follows(verbs: _Verbs, at: int, end: int) -> bool:
    """True when a reporting verb of ``verbs`` stands between ``at`` and ``end``."""
    return bisect.bisect_left(verbs.starts, at) < bisect.bisect_left(verbs.starts, end)


# Determiners that make the quoted words the name of a thing ('its "white list"'); not "a" or
# "an", which make them someone's judgement ('a "grave" change').
_TERM_DETERMINERS = frozenset("the its their his her our this these those such so-called".split())
_PREPOSITIONS = frozenset("on off from to in of into onto with for at by".split())
# Words after a quotation that show it is no noun modifier ('a "grave" change', 'their "vital" ties').
_AFTER_A_HEAD = frozenset(
    "that which who of in on at to for from with by and or as is was are were has have had will would . , ; : "
    "soon again now yet anymore either too also later first".split()
)


def _is_a_term(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """True when the short quotation ``text[start:end]`` names a thing rather
    than quotes someone's words: a definite determiner or possessive before
    it ('from its "white list"', 'the trade "white list" that ...'), and no
    noun after it that it describes ('their "incredibly important"
    cooperation' is someone's judgement)."""
    before = text[max(0, start - 40) : start - 1].split()
    word = before[-1].lower() if before else ""
    if len(before) > 2 and word.isalpha() and word.islower() and word not in _TERM_DETERMINERS:
        # ('off the trade "white list"': a preposition, a determiner and a modifier; not 'called
        # the decision "regrettable"', where the quotation says what the decision is)
        word = before[-2].lower() if before[-3].lower() in _PREPOSITIONS else ""
    if word not in _TERM_DETERMINERS and not (word.endswith("'s") and after_a_determiner(text, start - 1, lex)):
        return False  # ("a", "an", or no determiner)
    after = text[end : end + 30].lstrip(' "').split(None, 1)
    following = after[0].lower().rstrip(".,;:!?") or "." if after else "."
    return (
        following in _AFTER_A_HEAD
        or following.endswith("ly")
        or not following[:1].isalpha()
        or not following[:1].islower()
    )


def _in_relative_clause(text: str, start: int, at: int, lex: Lexicon) -> bool:
    """True when the verb at ``at`` is in a relative clause still open since
    ``start`` ('..." an official, who asked not to be named, told ...')."""
    relative = lex.relative_re.search(text, start, at)
    return relative is not None and "," not in text[relative.end() : at]


def _quote_follows(text: str, sentences: list[Sentence], index: int) -> bool:
    """True when the paragraph after that of sentence ``index`` begins with
    a quotation mark (a quotation going on over paragraphs)."""
    paragraph = sentences[index].paragraph
    for sentence in sentences[index + 1 :]:
        if sentence.paragraph != paragraph:
            return sentence.paragraph == paragraph + 1 and text.startswith('"', sentence.start)
    return False


def _cue_before(
    who: Attributor,
    text: str,
    start: int,
    verbs: list[re.Match[str]],
    verb: re.Match[str],
    q_open: int,
    lex: Lexicon,
) -> tuple[re.Match[str], SpeakerSpan | None]:
    """The verb and speaker of a quotation that follows its cue ``verb`` (the
    last of the sentence's ``verbs`` before it): 'X said, "..."'."""
    at = verb.start()
    quoted = quoted_as(text, start, at)  # "X was quoted by Kyodo as saying, ...", "quoting him as saying"
    if quoted is not None and quoted[1] >= 0:
        return verb, who.phrase(quoted[1], at) or who.pronoun(quoted[1], at)
    subject = who.subject(start, at if quoted is None else quoted[0], resolved=False)
    if verb.group() in lex.participle_cues and text[max(0, at - 4) : at].rstrip().endswith(","):
        # "Moon criticized Japan, saying: ...": the sentence's subject, not its object
        subject = who.opening_subject(start, at, bodies=True) or subject
    if subject is None:
        return verb, (who.phrase(verb.end(), q_open) if verb.group() in lex.leading_cues else None)
    resolved = who.resolve(subject)
    if subject.kind in ("body", "media", "pronoun"):
        # A person who reports what a body holds, or what "he" did, spoke the words
        # (by the nearer cue when "he" is that person).
        earlier, person = _person_reporting(who, start, verbs, verb)
        if person is not None and not (resolved is not None and resolved.label == person.label):
            return earlier, person
    return verb, resolved


def _person_reporting(
    who: Attributor, start: int, verbs: list[re.Match[str]], verb: re.Match[str]
) -> tuple[re.Match[str], SpeakerSpan | None]:
    """The earlier verb of the sentence, and its subject, by which a person
    reports the clause that holds the cue ``verb`` ('He said Tokyo hoped
    Seoul would "respond wisely."', 'The minister told reporters he had asked
    for a "wise decision."'); else ``verb`` and None."""
    for earlier in sorted((v for v in verbs if v.start() < verb.start()), key=lambda v: -v.start()):
        speaker = who.subject(start, earlier.start())
        if speaker is not None and speaker.kind in ("official", "person"):
            return earlier, speaker
    return verb, None
