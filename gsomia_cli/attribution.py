"""Statements and who made them: the record of a quotation or reported
speech, and the resolution of a speaker phrase ("the minister", "he", "a
senior official of the ministry") to an official, body or source, with the
last speaker remembered."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from gsomia_cli.lexicon import lexicon
from gsomia_cli.speakers import SpeakerSpan

MAX_SPEAKER_WORDS = 9
MAX_SUBJECT_GAP = 12  # words between a subject and its reporting verb
MAX_ASIDE_GAP = 20  # ... when they are an aside between commas ("Motegi, speaking in Nagoya on ..., told")
LOOKBACK = 40  # speaker phrases a pronoun or "the official" may point back over
OPENING_SPAN = 200  # at most this from a sentence's start to the official it opens with
QUIET_BACK = 5  # sentences back to the official a "he" may be
APPOSITION_BACK = 200  # at most this from an official to the institution in their apposition


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
    referent: str | None = None  # who held the office a speaker's title names, on the article's date


def make_statement(
    span: SpeakerSpan | None, kind: str, cue: str | None, clean: str, start: int, end: int, index: int
) -> Statement:
    """Return the statement ``clean[start:end]`` of sentence ``index``, made
    by the speaker ``span`` names (None: the text does not say)."""
    speaker = span.label if span else None
    role = span.role if span else None
    return Statement(speaker, role, kind, cue, clean[start:end], start, end, index, span.referent if span else None)


def _rank(span: SpeakerSpan) -> int:
    return _RANKS[span.kind]


_PEOPLE = ("official", "person", "role")
_DOCUMENTS = frozenset({"statement", "communique", "readout", "release"})  # what a body issues
ISSUER_BACK = 400  # from a document's phrase back to who issued it
_ISSUED = re.compile(
    r"\b(?:issued|released|published|put out|sent out)\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|communique|readout)"
)  # who "he" or "she" may be
_RANKS = {"official": 0, "person": 0, "role": 0, "group": 0, "anonymous": 1, "pronoun": 1, "body": 2, "media": 2}


_PERSON_NAME = re.compile(
    r"\s*(?P<name>[A-Z][a-zA-Z'-]+(?:\s+[A-Z][a-zA-Z'-]+){1,2})\s*"  # two or three capitalised words, nothing else
)
_DEFINITE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[\w.-]+\s+){0,2}$")  # "the NSO official"
_APPOSITION_END = re.compile(r"[^\"]{0,60},\s*(?:\w+\s+){0,2}")
# "In Tokyo, Prime Minister ": a short phrase set off by a comma, then capitalised words (a title).
_LEAD = re.compile(r"\s*(?:[^,\"]{1,40},\s*)?(?:(?:[A-Z][\w.'-]*|of|for|and)\s+){0,8}")  # ("Secretary of State")
_NAME_AT_END = re.compile(r"(?<![\w'-])[A-Z][a-zA-Z'-]+(?:\s+[A-Z][a-zA-Z'-]+){1,2}$")
# A phrase after the head of a subject: prepositions, and words with no punctuation.
_AFTER_HEAD = re.compile(r"\s+(?:of|in|at|from|for|with|on|under|close to)\s(?:[^,;:\"()!?]{0,80}\s)?")
_AND = re.compile(r",?\s+and\s+(?:[A-Z][\w.'-]*\s+|of\s+|for\s+)*")  # (a title may follow: "and Prime Minister ")
# A person named right before a verb, with a phrase after the name: "Park Min-ho of Korea University said".
_NAME_AND_PHRASE = re.compile(
    r"(?<![\w'-])(?P<name>[A-Z][a-zA-Z'-]+(?:\s+[A-Z][a-zA-Z'-]+){1,2})"
    r"(?:\s+(?:of|at|from|in|with)\s(?:[^,;:\"()!?]{0,80}\s)?|\s+)(?:has\s+|had\s+)?$"
)
_TITLE_WORDS = re.compile(r"(?:[A-Z][\w.'-]*\s+|of\s+|for\s+|and\s+)*")  # "U.S. Secretary of State "


def _phrase_after_head(text: str, head: SpeakerSpan, after: SpeakerSpan) -> bool:
    """True when ``after`` stands in a phrase that follows ``head`` and
    modifies it ("Kim of the council in Seoul"): ``head`` is no possessive or
    pronoun, and only prepositions and words without punctuation stand between."""
    if head.possessive or head.kind == "pronoun":
        return False
    if after.kind == "media" and head.head in ("report", "reports"):
        return False  # "reports in the Mainichi": the outlet reports
    return _AFTER_HEAD.fullmatch(text, head.end, after.start) is not None


# A finite verb right after a phrase (no auxiliary or adverb: "has also been"), its clause
# closed by a comma before the reporting verb: the phrase is that verb's subject.
_OWN_VERB = re.compile(
    r"\s+(?!(?:has|have|had|is|are|was|were|been|will|would|also|since|long|repeatedly|already)\b)"
    r"(?:[a-z]{2,}ed|[a-z]{3,}s)\b[^\n]*,\s*$"
)  # ("Japan created a change in ties, said Kim": the reporting verb follows a comma)
_RELATIVE_AFTER = re.compile(r",\s*(?:which|who)\s")
_OBJECT_PRONOUN = re.compile(r"\s*(him|her|them)\b")
# A conjunction that opens an adverbial clause, before its subject.
_SUBORDINATOR = re.compile(
    r"\b(?:after|because|when|while|since|before|although|though|once|until|as)\s+(?:the\s+)?$", re.IGNORECASE
)
# A finite verb after a subject: an auxiliary, or a past or present form of a verb.
_FINITE_AFTER = re.compile(
    r"\s+(?:has|have|had|is|are|was|were|will|would|can|could|may|might|must|should|did|does|do"
    r"|[a-z]{2,}ed|[a-z]{2,}s|said|told|made|put|gave|took|met|saw|sent|kept|held|left|went|came)\b"
)
_MODIFIERS = re.compile(r"\s*(?:[A-Za-z][\w-]*\s+){0,2}")  # before a body that opens a sentence
_LOWER_WORD = re.compile(
    r"\s+(?:\"[a-z]+\"\s+)?([a-z]+)\b"
)  # (an adverb in quotation marks: 'Japan "strongly" protests')
_DESCRIBES = re.compile(r"\s*(?:an?|the|[a-z][\w-]*)\s[^,\"]*$")  # "a deputy adviser to President "


LEAD_NAMED_WITHIN = 500  # characters from a lead's unnamed source to the official who names it


def _lead_source_named_later(text: str, spans: list[SpeakerSpan]) -> dict[int, SpeakerSpan]:
    """The official who an article's lead source is, when the lead describes
    them and the next lines name them (wire copy: "A senior U.S. official on
    Saturday urged Seoul to ... / ..., David Stilwell, U.S. assistant secretary
    of state, said"): the first speaker phrase of the article that is no
    body or outlet, a singular
    source opening its sentence with "A" or "An" and a country ("U.S."), and
    the first official named after it, of that country, within a few lines,
    with no other official between. By the source's start; empty when the
    lead is no such source."""
    first = next((k for k, span in enumerate(spans) if span.kind not in ("body", "media")), None)
    if first is None or spans[first].kind != "anonymous" or spans[first].head.endswith("s"):
        return {}
    lead = spans[first]
    if not text.startswith(("A ", "An "), lead.start) or (lead.start and not text[lead.start - 1].isspace()):
        return {}
    country_of = lexicon().country_of
    countries = {country_of[w] for w in lead.label.replace(",", " ").split() if w in country_of}
    if len(countries) != 1:
        return {}
    for span in spans[first + 1 :]:
        if span.start - lead.end > LEAD_NAMED_WITHIN:
            break
        if span.kind == "official":
            return {lead.start: span} if span.country in countries else {}
    return {}


class Attributor:
    """Resolves speaker phrases in one article, remembering the last speaker."""

    def __init__(self, text: str, spans: list[SpeakerSpan]):
        self.text = text
        self.spans = spans
        self.starts = [s.start for s in spans]
        self.last_person: SpeakerSpan | None = None
        self.quiet: list[tuple[int, int]] = []  # the sentences that reported nothing since then
        self.aside_re = lexicon().source_aside_re  # ", citing " (looked up once, not at every subject)
        self.relative_re = lexicon().relative_re
        self.named_later = _lead_source_named_later(text, spans)

    def within(self, start: int, end: int) -> list[SpeakerSpan]:
        """Return the speaker spans that lie wholly in ``start:end``, in order."""
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.spans) and self.spans[i].start < end:
            if self.spans[i].end <= end:
                out.append(self.spans[i])
            i += 1
        return out

    def resolve(self, span: SpeakerSpan) -> SpeakerSpan | None:
        """Return the speaker ``span`` names: for a pronoun the official a
        sentence since the last statement opened with, or else the last
        person who spoke, else the last official named before it (None when
        there is none); for a bare "the official" the source described before
        it, or the official who spoke last; else the span itself."""
        if span.kind == "pronoun":
            subject = self.last_subject()
            if subject or self.last_person:
                return subject or self.last_person
        if span.kind == "anonymous" and span.start in self.named_later:
            return self.named_later[span.start]  # ("A senior U.S. official ... David Stilwell, ... said")
        if span.kind == "anonymous" and span.head in _DOCUMENTS and not span.qualified:
            return self._issuer(span)  # "The statement said ...": who issued it
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
                    elif span.label.lower() == span.head:  # "an official" of "Japanese officials": "Japanese official"
                        label = re.sub(rf"\b{earlier.head}s\b", earlier.head, label, count=1, flags=re.I)
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
        """The speaker a short phrase names (officials first); a relative
        clause in it ("a diplomat who spoke on condition of anonymity") is
        no part of it."""
        relative = self.relative_re.search(self.text, start, end)
        if relative is not None:
            end = relative.start()
        if len(self.text[start:end].split(None, MAX_SPEAKER_WORDS)) > MAX_SPEAKER_WORDS:
            return None
        spans = [s for s in self.within(start, end) if not s.possessive]
        if not spans:
            return self.named(start, end)
        if len(spans) == 2:  # '..." Yoon and Kishida said'
            group = self._named_together(start, bisect.bisect_left(self.starts, spans[1].start))
            if group is not None:
                return group
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

    def subject(self, start: int, verb_at: int, resolved: bool = True) -> SpeakerSpan | None:
        """The last speaker phrase before a reporting verb at ``verb_at``; an
        official named before an apposition ("Kim, deputy director of the
        office, said") wins over the institution inside it. Resolved (see
        :meth:`resolve`) unless ``resolved`` is False."""
        span = self._subject(start, verb_at)
        return self.resolve(span) if resolved and span is not None else span

    def _subject(self, start: int, verb_at: int) -> SpeakerSpan | None:
        # Back from the verb to the last phrase that ends before it and is no possessive.
        spans, k = self.spans, bisect.bisect_left(self.starts, verb_at)
        while k > 0 and (spans[k - 1].end > verb_at or spans[k - 1].possessive) and spans[k - 1].start >= start:
            k -= 1
        if k == 0 or spans[k - 1].start < start:
            return self._named_subject(start, verb_at)
        # "Observers in Washington said", "Kim of the security council in Seoul said": the head
        # of the phrase speaks, not a place or body in a phrase after it.
        j = k - 1
        while j > 0 and spans[j - 1].start >= start and _phrase_after_head(self.text, spans[j - 1], spans[j]):
            j -= 1
        last = spans[j]
        group = self._named_together(start, j)
        if group is not None:
            return group
        if last.kind in ("body", "media"):  # "Park Min-ho of Korea University in Seoul said"
            named = self._named_subject(start, verb_at)
            if named is not None and named.end <= last.start:
                return named
        aside = (  # (a cheap test first: every aside word ends in "ing")
            self.aside_re.search(self.text, max(start, last.start - 16), last.start)
            if self.text.endswith("ing ", 0, last.start)
            else None
        )
        if aside is not None and self.text.startswith(",", last.end):
            # "Yonhap, citing a presidential official, said": who cites, not whom it cites.
            j = bisect.bisect_left(self.starts, aside.start())
            if j > 0 and spans[j - 1].start >= start and not spans[j - 1].possessive:
                last = spans[j - 1]
        gap = self.text[last.end : verb_at].strip()
        if gap.endswith(",") and _OWN_VERB.match(self.text, last.end, verb_at):
            return None  # "Japan created a change, said Kim": Japan is the subject of "created"
        limit = MAX_ASIDE_GAP if gap.startswith(",") and gap.endswith(",") else MAX_SUBJECT_GAP
        if len(gap.split(None, limit)) > limit:
            return None
        if _RELATIVE_AFTER.match(self.text, last.end, verb_at):
            return last  # "Washington, which has put pressure on ...": the relative's antecedent
        if _APPOSITION_END.fullmatch(self.text, last.end, verb_at):
            for earlier in reversed(self.within(max(start, last.start - APPOSITION_BACK), last.start)):
                if earlier.kind == "official" and not earlier.possessive and self.text.startswith(",", earlier.end):
                    # An official in the apposition ("Kim, an aide to President Moon, said")
                    # is not its subject: the one named before it, when it describes them.
                    if last.kind != "official" or _DESCRIBES.match(self.text, earlier.end + 1, last.start):
                        return earlier
            return self._described(max(start, last.start - APPOSITION_BACK), last.start) or last
        return last

    def _named_subject(self, start: int, verb_at: int) -> SpeakerSpan | None:
        """A person who is no official named just before the verb at
        ``verb_at``, perhaps with a phrase after the name ("Park Min-ho of
        Korea University said"); else None."""
        lowest = max(start, verb_at - 140)
        last = self.text[lowest:verb_at].split()
        while last and last[-1] in ("has", "had"):
            last.pop()
        if not last or not last[-1][:1].isupper():
            return None  # (a name, or a phrase after one, ends with a capitalised word: a cheap test first)
        m = _NAME_AND_PHRASE.search(self.text, lowest, verb_at)
        if m is None:
            return None
        return self.named(m.start("name"), m.end("name"))

    def _named_together(self, start: int, k: int) -> SpeakerSpan | None:
        """The group that the k-th speaker span closes when it and the one
        before are people named together as a subject ("Yoon and Kishida
        stressed", "Japanese Prime Minister Abe and President Moon agreed"):
        joined by "and", with nothing but a title before the first since
        ``start`` or the last comma; else None."""
        last = self.spans[k]
        if k == 0 or last.kind not in _PEOPLE:
            return None
        first = self.spans[k - 1]
        if first.start < start or first.kind not in _PEOPLE or first.possessive:
            return None
        if not _AND.fullmatch(self.text, first.end, last.start):
            return None
        lead = self.text[max(start, self.text.rfind(",", start, first.start) + 1) : first.start].lstrip()
        if lead and not _TITLE_WORDS.fullmatch(lead):
            return None
        label = f"{first.label} and {last.label}"
        return SpeakerSpan(first.start, last.end, label, None, "group", last.possessive)

    def _described(self, start: int, end: int) -> SpeakerSpan | None:
        """The speaker an apposition that ends at ``end`` describes ("Leif-Eric
        Easley, a professor at Ewha Womans University in Seoul, said"): a
        body, source or name of two or three capitalised words before its
        comma; None when there is no such apposition."""
        comma = self.text.rfind(",", start, end)
        if comma < 0 or not _DESCRIBES.match(self.text, comma + 1, end):
            return None
        before = self.within(start, comma)
        if before and before[-1].end == comma and before[-1].kind != "pronoun" and not before[-1].possessive:
            return before[-1]
        name = _NAME_AT_END.search(self.text, max(start, comma - 60), comma)
        return self.named(name.start(), comma) if name else None

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

    def opening_subject(self, start: int, end: int, bodies: bool = False) -> SpeakerSpan | None:
        """The official that the sentence ``text[start:end]`` opens with as
        its subject ("In Tokyo, Prime Minister Abe welcomed the decision."):
        its first official, with at most a short phrase set off by a comma
        and a title before it, and a lower-case word other than "and" or "or"
        after it; when ``bodies``, else a body or source that begins the
        sentence ("Japan's trade ministry criticized ..."); else None."""
        end = min(end, start + OPENING_SPAN)
        k = bisect.bisect_left(self.starts, start)
        first_k = k
        while k < len(self.spans) and self.spans[k].start < end and self.spans[k].kind not in _PEOPLE:
            k += 1  # (past "In Tokyo, ")
        if k < len(self.spans) and self.spans[k].start < end and not self.spans[k].possessive:
            first = self.spans[k]
            if _LEAD.fullmatch(self.text, start, first.start) and self._verb_follows(first, end):
                return first
        if not bodies or first_k == len(self.spans) or self.spans[first_k].start >= end:
            return None
        first = self.spans[first_k]
        if first.kind in ("body", "media", "anonymous") and not first.possessive:
            # ("Security experts were unhappy": a word or two may modify a body)
            if _MODIFIERS.fullmatch(self.text, start, first.start) and self._verb_follows(first, end):
                return first
        return None

    def _verb_follows(self, span: SpeakerSpan, end: int) -> bool:
        verb = _LOWER_WORD.match(self.text, span.end, end)
        return verb is not None and verb.group(1) not in ("and", "or")

    def heard(self, span: SpeakerSpan | None) -> None:
        """Remember ``span`` as the last person who spoke (a body or source is no person)."""
        if span is not None and span.kind in _PEOPLE:
            self.last_person = span
            self.quiet = []

    def _issuer(self, document: SpeakerSpan) -> SpeakerSpan | None:
        """Who issued the statement a document's phrase names ("The ministry
        issued a statement. The statement said ..."): the subject of the last
        "issued a statement" before it; None when the text says no one did."""
        lowest = max(0, document.start - ISSUER_BACK)
        found = list(_ISSUED.finditer(self.text, lowest, document.start))
        if not found:
            return None
        issued = found[-1]
        return self.subject(max(lowest, self.text.rfind(". ", lowest, issued.start()) + 1), issued.start())

    def pronoun(self, start: int, end: int) -> SpeakerSpan | None:
        """Who an object pronoun ("him", "her", "them") that ``text[start:end]``
        begins with stands for (see :meth:`resolve`); else None."""
        m = _OBJECT_PRONOUN.match(self.text, start, end)
        if m is None:
            return None
        return self.resolve(SpeakerSpan(m.start(), m.end(), m.group(), None, "pronoun", False))

    def clause_subject(self, start: int, end: int) -> SpeakerSpan | None:
        """The subject of the last adverbial clause between ``start`` and
        ``end``: the last speaker phrase there after a conjunction such as
        "after" or "because" and before a finite verb ("..., after Japan
        imposed curbs, citing ..."); resolved; None when there is none."""
        k = bisect.bisect_left(self.starts, end)
        while k > 0 and self.spans[k - 1].start >= start:
            span = self.spans[k - 1]
            k -= 1
            if span.possessive or span.end > end:
                continue
            if not _FINITE_AFTER.match(self.text, span.end, end):
                continue
            if _SUBORDINATOR.search(self.text, max(start, span.start - 16), span.start):
                return self.resolve(span)
            return None  # (the last clause's subject: no clause of its own)
        return None

    def owner_at(self, apostrophe: int) -> SpeakerSpan | None:
        """The speaker whose possessive "'s" begins at ``apostrophe`` ("Tokyo's
        claims"), resolved; None when no speaker phrase ends there."""
        k = bisect.bisect_left(self.starts, apostrophe) - 1
        if k >= 0 and self.spans[k].end == apostrophe:
            return self.resolve(self.spans[k])
        return None

    def antecedent(self, at: int, person: bool, back: int) -> SpeakerSpan | None:
        """What "its"/"their" (a body or source) or "his"/"her" (``person``) at
        ``at`` points back to: the last such speaker phrase within ``back``
        characters before it; None when there is none."""
        k = bisect.bisect_left(self.starts, at)
        while k > 0 and self.spans[k - 1].start >= at - back:
            span = self.spans[k - 1]
            k -= 1
            if span.possessive and span.end + 2 >= at:
                continue
            if (span.kind in _PEOPLE) == person and span.kind != "pronoun":
                return self.resolve(span)
        return None

    def subject_just_before(self, start: int) -> SpeakerSpan | None:
        """The speaker the sentence just before ``start`` opens with as its
        subject (an official, body or source), when that sentence reported
        nothing ("Security experts were unhappy."); else None."""
        if not self.quiet:
            return None
        q_start, q_end = self.quiet[-1]
        if self.text[q_end:start].strip():
            return None  # (not the sentence just before)
        subject = self.opening_subject(q_start, q_end, bodies=True)
        return self.resolve(subject) if subject is not None else None

    def reported_nothing(self, start: int, end: int) -> None:
        """Remember that the sentence ``text[start:end]`` reported nothing: the
        official it opens with may be who a "he" to come is."""
        self.quiet.append((start, end))

    def last_subject(self) -> SpeakerSpan | None:
        """The official that the last sentence to open with one, of the last
        few that reported nothing since the last statement, opens with."""
        for start, end in reversed(self.quiet[-QUIET_BACK:]):  # (looked for only when a pronoun asks: seldom)
            subject = self.opening_subject(start, end)
            if subject is not None:
                return subject
        return None
