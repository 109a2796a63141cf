"""Who said what: direct quotations and reported speech, each attributed
to a speaker by the grammar of news English (``"...," X said``, ``X said
that ...``, ``..., according to X``), with pronouns and "the minister"
pointing back to the last fitting speaker."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from gsomia_cli.lexicon import Lexicon, lexicon
from gsomia_cli.sentences import Sentence
from gsomia_cli.speakers import SpeakerSpan
from gsomia_cli.wordstarts import WordStarts

MAX_SPEAKER_WORDS = 9
MAX_SUBJECT_GAP = 12  # words between a subject and its reporting verb
SHORT_QUOTE_WORDS = 3  # a quote this short may be a scare quote or a name ("white list")
QUOTE_TAIL_SPAN = 160  # at most this from a closing quotation mark to the verb of "X, (apposition), said"
SHORT_QUOTE_GAP = 10  # ... so its reporting verb must stand within this many words
LOOKBACK = 40  # speaker phrases a pronoun or "the official" may point back over


@dataclass(slots=True)  # many per article: cheap to create
class Statement:
    """A quotation (``kind`` direct) or reported speech (``kind`` reported):
    ``text`` is ``clean[start:end]``; ``speaker`` a canonical name, body or
    source label, or None when the text does not say."""

    speaker: str | None
    speaker_role: str | None
    kind: str
    cue: str | None
    text: str
    start: int
    end: int
    sentence: int  # index into the article's sentences


class _Attributor:
    """Resolves speaker phrases in one article, remembering the last speaker."""

    def __init__(self, text: str, spans: list[SpeakerSpan]):
        self.text = text
        self.spans = spans
        self.starts = [s.start for s in spans]
        self.last_person: SpeakerSpan | None = None

    def within(self, start: int, end: int) -> list[SpeakerSpan]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.spans) and self.spans[i].start < end:
            if self.spans[i].end <= end:
                out.append(self.spans[i])
            i += 1
        return out

    def resolve(self, span: SpeakerSpan) -> SpeakerSpan | None:
        if span.kind == "pronoun" and self.last_person:
            return self.last_person
        if span.kind not in ("pronoun", "anonymous") or span.qualified:
            return span
        k = bisect.bisect_left(self.starts, span.start)
        earlier_spans = self.spans[max(0, k - LOOKBACK) : k]
        if span.kind == "pronoun":
            officials = [s for s in earlier_spans if s.kind == "official"]
            return officials[-1] if officials else None
        antecedents = [e for e in earlier_spans if e.kind == "anonymous" and e.head == span.head]
        if span.label.lower() in (span.head, span.head + "s"):  # bare: "the official", "an official"
            for earlier in reversed(antecedents):
                if earlier.qualified or earlier.label.lower() not in (earlier.head, earlier.head + "s"):
                    label = earlier.label
                    if earlier.qualified:  # "a senior official of X" -> "official of X"
                        label = re.sub(
                            r"^(?:[\w-]+\s+){0,3}?" + earlier.head + r"s?\b", earlier.head, label, count=1, flags=re.I
                        )
                    return SpeakerSpan(span.start, span.end, label, span.role, "anonymous", False, span.head, True)
        # "The NSO official noted ...": with no unnamed source before it, a
        # definite "the ... official" is the official who spoke last.
        definite = self.text[span.start : span.start + 4].lower() == "the " or (
            _DEFINITE_BEFORE.search(self.text, max(0, span.start - 40), span.start) is not None
        )
        if definite and span.head == "official" and not antecedents and self.last_person is not None:
            return self.last_person
        return span

    def phrase(self, start: int, end: int) -> SpeakerSpan | None:
        """The speaker a short phrase names (officials first)."""
        if len(self.text[start:end].split(None, MAX_SPEAKER_WORDS)) > MAX_SPEAKER_WORDS:
            return None
        spans = [s for s in self.within(start, end) if not s.possessive]
        if not spans:
            return self.named(start, end)
        best = min(spans, key=lambda s: (_rank(s), -s.start))
        return self.resolve(best)

    def named(self, start: int, end: int) -> SpeakerSpan | None:
        """A person who is no official but is named where a speaker stands
        ('..." said Park Won-gon, a professor'): the name is the speaker."""
        m = _PERSON_NAME.fullmatch(self.text, start, end)
        if m is None:
            return None
        tokens = m.group("name").split()
        if any(t in lexicon().not_names for t in tokens):
            return None
        span = SpeakerSpan(m.start("name"), m.end("name"), m.group("name"), None, "person", False)
        self.last_person = span
        return span

    def subject(self, start: int, verb_at: int) -> SpeakerSpan | None:
        """The last speaker phrase before a reporting verb at ``verb_at``; an
        official named before an apposition ("Kim, deputy director of the
        office, said") wins over the institution inside it."""
        # Back from the verb to the last phrase that ends before it and is no possessive.
        spans, k = self.spans, bisect.bisect_left(self.starts, verb_at)
        while k > 0 and (spans[k - 1].end > verb_at or spans[k - 1].possessive) and spans[k - 1].start >= start:
            k -= 1
        if k == 0 or spans[k - 1].start < start:
            return None
        last = spans[k - 1]
        if len(self.text[last.end : verb_at].split(None, MAX_SUBJECT_GAP)) > MAX_SUBJECT_GAP:
            return None
        if last.kind != "official" and _APPOSITION_END.fullmatch(self.text, last.end, verb_at):
            for earlier in reversed(self.within(start, last.start)):
                if earlier.kind == "official" and not earlier.possessive and self.text.startswith(",", earlier.end):
                    return self.resolve(earlier)
        return self.resolve(last)

    def apposed(self, start: int, end: int) -> SpeakerSpan | None:
        """The speaker named at the start of ``text[start:end]`` when the
        rest is an apposition closed by a comma, however long ('..." Kim
        You-geun, deputy director of the National Security Office, said'):
        a speaker phrase (no possessive, no pronoun), else a name of two or
        three capitalised words."""
        rest = self.text[start:end].rstrip()
        if not rest.endswith(","):
            return None
        k = bisect.bisect_left(self.starts, start)
        if k < len(self.spans) and not self.text[start : self.spans[k].start].strip():
            first = self.spans[k]
            if first.kind != "pronoun" and not first.possessive and self.text.startswith(",", first.end):
                return self.resolve(first)
            return None
        comma = self.text.find(",", start, end)
        return self.named(start, comma) if comma >= 0 else None

    def heard(self, span: SpeakerSpan | None) -> None:
        if span is not None and span.kind in ("official", "person"):
            self.last_person = span


class _Verbs:
    """Reporting verbs found in an article, looked up by where they begin."""

    def __init__(self, found: list[re.Match[str]]):
        self.found = found
        self.starts = [m.start() for m in found]

    def between(self, start: int, end: int) -> list[re.Match[str]]:
        """The verbs that begin in ``start:end``, in order."""
        return self.found[bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)]


def _rank(span: SpeakerSpan) -> int:
    return {"official": 0, "person": 0, "anonymous": 1, "pronoun": 1, "body": 2}[span.kind]


def _statement(
    span: SpeakerSpan | None, kind: str, cue: str | None, clean: str, start: int, end: int, index: int
) -> Statement:
    speaker = span.label if span else None
    role = span.role if span else None
    return Statement(speaker, role, kind, cue, clean[start:end], start, end, index)


_PERSON_NAME = re.compile(
    r"\s*(?P<name>[A-Z][a-zA-Z'-]+(?:\s+[A-Z][a-zA-Z'-]+){1,2})\s*"  # two or three capitalised words, nothing else
)
_DEFINITE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[\w.-]+\s+){0,2}$")  # "the NSO official"
_APPOSITION_END = re.compile(r"[^\"]{0,60},\s*(?:\w+\s+){0,2}")
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
_DATELINE = re.compile(r"[A-Z]{3,}[A-Z/ ,.]*?\s*(?:--|\s[-–—])\s*")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    dateline = _DATELINE.match(text, start, end)
    if dateline:
        start = dateline.end()  # "BANGKOK-- ", "TOKYO/SEOUL – "
    while start < end and text[start] in " ,;:\n\"'":
        start += 1
    while end > start and text[end - 1] in " ,;:.\n":
        end -= 1
    return start, end


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
    who = _Attributor(text, spans)
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

    for index, sentence in enumerate(sentences):
        if sentence.kind != "body":
            continue
        s_start, s_end = sentence.start, sentence.end
        lo = bisect.bisect_left(quote_starts, s_start)
        hi = bisect.bisect_left(quote_starts, s_end)
        in_sentence = quotes[lo:hi]
        quote_cues: set[int] = set()  # where the verbs that follow and attribute a quote begin
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
            # 1. After the quote: '..." X said' / '..." said X'.
            tail_start = min(q_close + 1, s_end)
            following = direct_verbs.between(tail_start, min(next_open, tail_start + QUOTE_TAIL_SPAN))
            verb = following[0] if following else None
            if verb:
                lead = text[tail_start : verb.start()]
                if lead.strip(" ,.;:!?-"):
                    speaker = who.phrase(tail_start, verb.start()) or who.apposed(tail_start, verb.start())
                else:
                    stop = re.search(r"[,.;:!?\"]", text[verb.end() : next_open])
                    speaker = who.phrase(verb.end(), verb.end() + (stop.start() if stop else next_open - verb.end()))
                cue = verb.group() if speaker else None
                if speaker:
                    quote_cues.add(verb.start())
            # 2. Before the quote: 'X said, "..."', 'X called the decision "...".
            if speaker is None:
                verbs = direct_verbs.between(prev_close, q_open) + clause_verbs.between(prev_close, q_open)
                verbs = [v for v in verbs if not inside_quote(v.start())]
                if verbs:
                    verb = max(verbs, key=lambda v: v.start())
                    short = len(text[c_start:c_end].split(None, SHORT_QUOTE_WORDS)) <= SHORT_QUOTE_WORDS
                    if short and len(text[verb.end() : q_open].split(None, SHORT_QUOTE_GAP)) > SHORT_QUOTE_GAP:
                        verbs = []  # a far-off verb does not make a scare quote a statement
                if verbs:
                    speaker = who.subject(s_start, verb.start())
                    if speaker is None and verb.group() in lex.leading_cues:
                        speaker = who.phrase(verb.end(), q_open)
                    if speaker is not None and speaker.kind == "body":
                        verb, speaker = _person_reporting(who, s_start, verbs, verb, speaker)
                    cue = verb.group().lower() if speaker else None
                elif text[prev_close:q_open].rstrip().endswith(":"):
                    speaker = who.phrase(prev_close, q_open)
                    cue = "said" if speaker else None
            # 3. A quote with no cue continues the previous speaker.
            if speaker is None and previous_quote and sentence.paragraph - previous_quote[1] <= 1:
                prev = previous_quote[0]
                if prev.speaker:
                    statement = Statement(
                        prev.speaker, prev.speaker_role, "direct", prev.cue, clean[c_start:c_end], c_start, c_end, index
                    )
                    out.append(statement)
                    previous_quote = (statement, sentence.paragraph)
                    continue
            # 4. Else a quote left open whose next paragraph opens a quote takes the attribution to come.
            if speaker is None and open_ended and _quote_follows(text, sentences, index):
                statement = _statement(None, "direct", None, clean, c_start, c_end, index)
                out.append(statement)
                waiting.append(statement)
                previous_quote = (statement, sentence.paragraph)
                continue
            if speaker is None and len(text[c_start:c_end].split(None, 3)) <= 3:
                continue  # a scare quote or a title, not a statement
            who.heard(speaker)
            statement = _statement(speaker, "direct", cue, clean, c_start, c_end, index)
            out.append(statement)
            previous_quote = (statement, sentence.paragraph)
            for earlier in waiting:  # the paragraphs of one quotation, attributed at its end
                earlier.speaker, earlier.speaker_role, earlier.cue = statement.speaker, statement.speaker_role, cue
            waiting = []
        # A verb that follows the quote it attributes reports no clause as well
        # ('"...," Kono said in a statement released by the ministry').
        verbs = clause_verbs.between(s_start, s_end)
        if quote_cues:
            verbs = [v for v in verbs if v.start() not in quote_cues]
        if verbs:  # (no reporting verb, no reported speech: not even "..., Kyodo reported.")
            out.extend(_reported(clean, text, verbs, sentence, index, who, inside_quote, lex))
    return out


def _quote_follows(text: str, sentences: list[Sentence], index: int) -> bool:
    """True when the paragraph after that of sentence ``index`` begins with
    a quotation mark (a quotation going on over paragraphs)."""
    paragraph = sentences[index].paragraph
    for sentence in sentences[index + 1 :]:
        if sentence.paragraph != paragraph:
            return sentence.paragraph == paragraph + 1 and text.startswith('"', sentence.start)
    return False


def _person_reporting(
    who: _Attributor, start: int, verbs: list[re.Match[str]], verb: re.Match[str], body: SpeakerSpan
) -> tuple[re.Match[str], SpeakerSpan]:
    """The verb and speaker of a quotation whose nearest cue has a body as
    its subject: a person reporting what the body holds, by an earlier verb
    of the sentence, is who spoke the words ('He said Tokyo hoped Seoul
    would "respond wisely."'); else the body."""
    for earlier in sorted((v for v in verbs if v.start() < verb.start()), key=lambda v: -v.start()):
        speaker = who.subject(start, earlier.start())
        if speaker is not None and speaker.kind in ("official", "person"):
            return earlier, speaker
    return verb, body


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


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


_TO_INFINITIVE = re.compile(r"[^.;\"]{1,80}?\bto\s+\w")  # "urged Tokyo to reconsider"
_TO_FIRST = re.compile(r"(?:not\s+)?to\b")


@cache
def _tail_cue() -> re.Pattern[str]:
    """'..., Kyodo News reported.' at the end of a clause (group 1 the
    source, group 2 the verb)."""
    return re.compile(r",\s+([^,\"]{2,60}?)\s+(?:has\s+|had\s+)?(" + lexicon().clause_verb_re.pattern + r")\s*[.!]?$")


def _tail_cue_in(text: str, start: int, end: int) -> re.Match[str] | None:
    """The source and verb that end the clause ``text[start:end]``, if any."""
    clause = text[max(start, end - 40) : end].rstrip(" .!\n")
    if clause[clause.rfind(" ") + 1 :] not in lexicon().clause_verb_last_words:
        return None  # (a cheap test before the costly pattern)
    return _tail_cue().search(text, start, end)


def _cue_before_a_clause(text: str, start: int, verbs: list[re.Match[str]], lex: Lexicon) -> re.Match[str] | None:
    """The source and verb set off by commas after what was said, before a
    clause of another kind ('..., a senior official said, after talks
    failed.'), as :func:`_tail_cue_in` gives them; None when there is none."""
    for verb in verbs:
        if not text.startswith(",", verb.end()):
            continue
        following = text[verb.end() + 1 : verb.end() + 40].split(None, 1)
        if following and following[0].lower() in lex.not_a_clause:
            cue = _tail_cue_in(text, start, verb.end())
            if cue:
                return cue
    return None


def _reported(
    clean, text, verbs: list[re.Match[str]], sentence: Sentence, index: int, who: _Attributor, inside_quote, lex
) -> list[Statement]:
    """The reported speech of one sentence, whose reporting verbs are ``verbs``."""
    s_start, s_end = sentence.start, sentence.end
    found: list[Statement] = []
    according: list[re.Match[str]] = []
    previous_subject: SpeakerSpan | None = None
    for verb in verbs:
        cue = verb.group()
        if inside_quote(verb.start()):
            continue
        if cue in lex.leading_cues:
            according.append(verb)
            continue
        if previous_subject is not None and text.endswith(" and ", s_start, verb.start()):
            speaker = previous_subject  # "X urged Seoul to stay and said ...": the same subject
        else:
            speaker = who.subject(s_start, verb.start())
        if speaker is None:
            continue
        previous_subject = speaker
        after = text[verb.end() : s_end]
        adverbial = _ADVERBIAL.match(after)  # 'said on Friday it would ...'
        if adverbial and cue not in lex.object_verbs:
            after = after[adverbial.end() :]
        stripped = after.lstrip(" ,")
        first_words = stripped.split(None, 1)
        first = first_words[0].lower().rstrip(",;:") if first_words else ""  # ("adding, ...")
        offset = s_end - len(stripped)
        that_at = _whole_word(text, "that", verb.end(), min(s_end, verb.end() + 60))
        that = that_at >= 0
        between = text[verb.end() : that_at] if that else ""
        if that and (
            '"' in between
            or "," in between
            or len(between.split(None, 6)) > 6
            or (cue in lex.object_verbs and cue not in ("told", "tells") and first != "that")
        ):
            that = False  # "urged allies to overcome issues that harm ...", "said, adding that ..."
        if cue in ("told", "tells") and not that:
            continue
        if cue in ("told", "tells") and text[verb.end() : verb.end() + 9] == " reporter":
            cue = "told reporters"
        if that:
            offset = that_at + len("that")
        elif cue in lex.object_verbs:
            if not _TO_INFINITIVE.match(stripped) or _TO_FIRST.match(stripped):
                continue  # "asked not to be named" has no one asked
        elif not first or first in lex.not_a_clause or first.endswith("ing") or stripped[0] in "\"'.,;:":
            continue
        if _OPENS_QUOTE.match(text, offset, s_end):
            continue  # 'said that "..."' is a direct quote, found as such
        start, end = _trim(text, offset, s_end)
        cut = _ACCORDING_TO.search(text, start, end) or _tail_cue_in(text, start, end)
        if cut:
            end = cut.start()  # the source named after the clause is not part of what was said
            start, end = _trim(text, start, end)
        joined = len(verbs) > 1 and next(
            (v for v in verbs if start < v.start() < end and text.endswith(" and ", start, v.start())), None
        )
        if joined:
            start, end = _trim(text, start, joined.start() - len(" and "))  # "... and said ...": the next statement
        if len(text[start:end].split(None, 2)) < 3:
            continue
        who.heard(speaker)
        found.append(_statement(speaker, "reported", cue, clean, start, end, index))
    if found:
        return found
    # '..., Seoul's defense minister has said.' / '..., the Kyodo news agency reported.'
    tail = _tail_cue_in(text, s_start, s_end) or _cue_before_a_clause(text, s_start, verbs, lex)
    if tail and not _OPENS_QUOTE.match(text, s_start, s_end):
        speaker = who.phrase(tail.start(1), tail.end(1))
        if speaker:
            start, end = _trim(text, s_start, tail.start())
            who.heard(speaker)
            return [_statement(speaker, "reported", tail.group(2), clean, start, end, index)]
    for verb in according:
        stop = re.search(r"[,.;]", text[verb.end() : s_end])
        speaker = who.phrase(verb.end(), verb.end() + (stop.start() if stop else s_end - verb.end()))
        if speaker is None:
            continue
        if text[s_start : verb.start()].strip(" ,").lower() == "":
            after = verb.end() + (stop.end() if stop else 0)
            if _OPENS_QUOTE.match(text, after, s_end):
                continue  # 'According to X, "..."' is a direct quote, found as such
            start, end = _trim(text, after, s_end)
        else:
            start, end = _trim(text, s_start, verb.start())
        if len(text[start:end].split(None, 2)) >= 3:
            found.append(_statement(speaker, "reported", "according to", clean, start, end, index))
    return found
