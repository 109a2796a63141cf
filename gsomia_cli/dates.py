"""Temporal expressions: found in the text and resolved to ISO values
(YYYY-MM-DD, YYYY-MM or YYYY) against the publication date."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from gsomia_cli.lexicon import alternation, trie_pattern
from gsomia_cli.resources import load_data
from gsomia_cli.wordstarts import Heads, WordStarts, heads_of

FULL_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# Before a bare month: words that make "May" or "March" a month, not a verb.
_MONTH_CONTEXT = re.compile(
    r"(?:in|since|until|by|from|during|early|mid|late|of|till|this|its|the|last|next)[\s-]+$", re.IGNORECASE
)
# Before a bare month: words that tie it to a known, past event ("its August decision").
_DETERMINER = re.compile(r"(?:its|the|his|her|their|this|that)\s+$", re.IGNORECASE)


@dataclass(slots=True)  # many per article: cheap to create
class DateExpr:
    """A date expression in clean text: ``text`` at ``start:end``, ``value``
    its ISO value; ``countdown`` is True for "six days left"-style spans."""

    text: str
    value: str
    start: int
    end: int
    countdown: bool = False
    vague: bool = False  # "at midnight": a day only by the narrative's, which a named day overrides


@dataclass(frozen=True)
class _Grammar:
    pattern: re.Pattern[str]
    starts: Heads  # the words (and digits) a date can begin with
    months: dict[str, int]
    numbers: dict[str, int]
    ordinal_words: dict[str, int]  # "fourth": 4
    event_nouns: re.Pattern[str]  # "its expiration in November": a month ahead
    weekdays: list[str]
    future: re.Pattern[str]
    future_heads: Heads
    past: re.Pattern[str]
    past_heads: Heads
    plain: re.Pattern[str]  # "expire": forward, when no past marker stands before it
    plain_heads: Heads
    ambiguous: frozenset[str]
    units: re.Pattern[str]
    span_words: re.Pattern[str]
    deadline: re.Pattern[str]  # "before ", "until 11:59 p.m. ": just before a weekday
    deadline_words: tuple[str, ...]
    past_auxiliaries: tuple[str, ...]  # "was ", "been ": before a future marker, a plan told in the past


@cache
def _grammar() -> _Grammar:
    data = load_data("language.yaml")["dates"]
    months: dict[str, int] = data["months"]
    # Word lists as tries: the longest word that fits wins, as in a list
    # longest first, but tried in a few steps instead of one per word.
    full_alt = trie_pattern([m.capitalize() for m in FULL_MONTHS])
    short_alt = trie_pattern([m.capitalize() for m in months if m not in FULL_MONTHS])
    ordinal_nouns = trie_pattern(data.get("ordinal_nouns", []))
    number_alt = trie_pattern([*data["numbers"], *(n.capitalize() for n in data["numbers"])]) + r"|\d{1,3}"
    weekday_alt = trie_pattern([w.capitalize() for w in data["weekdays"]])
    ordinal_words = trie_pattern(data.get("ordinal_words", {}))
    # A period only after an abbreviation ("Nov. 23"): after "23 November." it ends the sentence.
    M = rf"(?:(?:{full_alt})(?![\w-])|(?:{short_alt})\.?)"
    pattern = "|".join(
        [
            r"(?P<iso>\b(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})\b)",
            # "November 22 last year", "Nov. 22 of last year"
            rf"(?P<mdrel>\b(?P<mdrel_m>{M})\s+(?P<mdrel_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mdrel_w>last|this|next)\s+year\b)",
            rf"(?P<md>\b(?P<md_m>{M})\s+(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<md_y>\d{{4}})\b)?)",
            rf"(?P<mdw>\b(?P<mdw_m>{full_alt})\s+(?P<mdw_d>{ordinal_words})\b)",  # "July fourth"
            rf"(?P<dm>\b(?P<dm_d>\d{{1,2}})(?:(?:st|nd|rd|th)(?:\s+of)?)?\s+(?P<dm_m>{M})(?:,?\s+(?P<dm_y>\d{{4}})\b)?)",
            rf"(?P<mrel>\b(?P<mrel_m>{M})\s+(?P<mrel_w>last|this|next)\s+year\b)",
            rf"(?P<relm>\b(?P<relm_w>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<relm_m>{M})(?![\w-]))",
            rf"(?P<my>\b(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[\s-]+)?(?P<my_m>{M}),?\s+(?P<my_y>\d{{4}})\b)",
            # "in November of the same year": the year the narrative last gave
            rf"(?P<mys>\b(?P<mys_m>{M})\s+of\s+(?:the\s+same|that)\s+year\b)",
            rf"(?P<mon>\b(?P<mon_m>{full_alt})(?![\w-]))",
            rf"(?P<wd>\b(?P<wd_d>{weekday_alt})(?:'s)?(?![\w-]))",
            r"(?P<yr>(?<![\d$,.#])\b(?P<yr_a>1[89]\d\d|20\d\d)\s*[-–]\s*(?P<yr_b>\d{4}|\d{2})\b(?![-\d]))",
            r"(?P<y>(?<![\d$,.#])\b(?P<y_y>1[89]\d\d|20\d\d)\b(?![-–]?\d|-\w))",
            r"(?P<rely>\b(?P<rely_pre>[Ee]arlier |[Ll]ater )?(?P<rely_w>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<rely_u>year|month|week)\b)",
            r"(?P<dayword>\b(?P<dayword_w>[Yy]esterday|[Tt]oday|[Tt]omorrow)\b)",
            # "at midnight" with no day after it: the end of the narrative's day
            r"(?P<midnight>\b(?:at\s+)?midnight\b(?!\s+(?:on\s|of\s|local|tonight|tomorrow|[A-Z(]|\d)))",
            # The day, month or year the narrative last gave: "that day", "the same year", "this day"
            r"(?P<same>\b(?:(?:[Tt]he\s+same|[Tt]hat(?:\s+same)?)\s+(?P<same_u>day|month|year)|[Tt]his\s+day)\b)",
            # The day before or after it: "the next day", "the previous day", "a day earlier"
            r"(?P<nextday>\b(?:[Tt]he\s+(?P<nextday_w>next|following|previous|preceding)\s+day"
            r"|[Tt]he\s+day\s+(?P<nextday_x>before|after)|[Aa]\s+day\s+(?P<nextday_y>earlier|later))\b)",
            # "three years later", "a day after": counted from the narrative's date
            rf"(?P<rel>\b(?P<rel_n>{number_alt})\s+(?P<rel_u>days?|weeks?|months?|years?)\s+(?P<rel_w>later|earlier|after|before)\b)",
            rf"(?P<inn>\b(?:[Ii]n|[Ww]ithin)\s+(?P<inn_n>{number_alt})\s+(?P<inn_u>days?|weeks?)\b)",
            rf"(?P<left>\b(?P<left_n>{number_alt})\s+(?P<left_u>days?|weeks?)\s+(?P<left_w>left|remaining|to go|ago|from now)\b)",
            rf"(?P<ago>\b(?P<ago_n>{number_alt})\s+(?P<ago_u>months?|years?)\s+ago\b)",
            # "on the 23rd", "the morning of the 21st": a day of the month of publication (not "the
            # 21st century", "the 6th Association of ...")
            r"(?P<ord>(?<=[Tt]he )"
            rf"(?P<ord_d>\d{{1,2}})(?:st|nd|rd|th)\b(?!\s+(?:of\b|[A-Z]|{ordinal_nouns})))",
        ]
    )
    # Markers that begin with a word (all but such as "'ll", which the word
    # edges of the pattern would not let match after a word anyway).
    future = [m.lower() for m in data["future_markers"] if m[:1].isalnum()]
    past = [m.lower() for m in data["past_markers"] if m[:1].isalnum()]
    plain = [m.lower() for m in data.get("plain_forms", [])]
    starters = [
        "last",
        "this",
        "next",
        "earlier",
        "later",
        "yesterday",
        "today",
        "tomorrow",
        "early",
        "mid",
        "late",
        "at",
        "midnight",
    ]
    # Where a date can begin: a month or weekday, a temporal word or a digit;
    # and the one or two words before "days", "weeks" or "ago" ("in six days",
    # "a week left", "three years ago"). Trying the full grammar only there keeps extraction fast.
    starts = Heads(frozenset([*months, *data["weekdays"], *starters]), tuple("0123456789"))
    return _Grammar(
        pattern=re.compile(pattern),
        starts=starts,
        months={k.capitalize(): v for k, v in months.items()},
        numbers=data["numbers"],
        ordinal_words=dict(data.get("ordinal_words", {})),
        event_nouns=re.compile(
            r"\b(?:" + trie_pattern(data.get("event_nouns", [])) + r")\s+(?:\w+\s+){0,2}?(?:in|by|until|before)\s+$",
            re.IGNORECASE,
        ),
        weekdays=[w.capitalize() for w in data["weekdays"]],
        future=alternation(future),  # on lower-cased text: faster
        future_heads=heads_of(future),
        past=alternation(past),
        past_heads=heads_of(past),
        plain=alternation(plain),
        plain_heads=heads_of(plain),
        ambiguous=frozenset(m.capitalize() for m in data["ambiguous_months"]),
        units=re.compile(r"\s*(?:" + "|".join(re.escape(u) for u in data["quantity_units"]) + r")\b", re.IGNORECASE),
        deadline=re.compile(
            r"(?<![\w-])(?:"
            + "|".join(re.escape(w) for w in data.get("deadline_words", []))
            + r")\s+(?:(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?|midnight|noon)\s+(?:on\s+)?)?$",
            re.IGNORECASE,
        ),
        deadline_words=tuple(w.lower() for w in data.get("deadline_words", [])),
        past_auxiliaries=tuple(w.lower() + " " for w in data.get("past_auxiliaries", [])),
        span_words=re.compile(
            r"(?:" + "|".join(re.escape(w) for w in data["span_words"]) + r")\s+(?:\w+\s+){0,3}$", re.IGNORECASE
        ),
    )


class _Markers:
    """Positions of future and past tense markers in one sentence (relative
    to its start), found once."""

    def __init__(self, words: WordStarts, start: int, end: int, g: _Grammar):
        self.words, self.start, self.end, self.g = words, start, end, g
        self._found: tuple[list[int], list[int], list[int], list[int]] | None = None

    def _scan(self) -> tuple[list[int], list[int], list[int], list[int]]:
        # Found on first need only: most sentences with a date never ask.
        if self._found is None:
            low, start, end = self.words.low, self.start, self.end
            future = self.words.finditer(self.g.future, self.g.future_heads, low, start, end)
            past = [m.start() - start for m in self.words.finditer(self.g.past, self.g.past_heads, low, start, end)]
            plain = [m.start() - start for m in self.words.finditer(self.g.plain, self.g.plain_heads, low, start, end)]
            self._found = ([m.start() - start for m in future], [m.end() - start for m in future], past, plain)
        return self._found

    @property
    def future(self) -> list[int]:
        return self._scan()[0]

    @property
    def future_ends(self) -> list[int]:
        return self._scan()[1]

    @property
    def past(self) -> list[int]:
        return self._scan()[2]

    @property
    def plain(self) -> list[int]:
        return self._scan()[3]

    @staticmethod
    def _last_before(positions: list[int], at: int) -> int | None:
        k = bisect.bisect_left(positions, at)  # (positions are sorted)
        return positions[k - 1] if k else None

    @staticmethod
    def _distance(positions: list[int], at: int) -> int | None:
        k = bisect.bisect_left(positions, at)
        near = [abs(positions[i] - at) for i in (k - 1, k) if 0 <= i < len(positions)]
        return min(near) if near else None

    def points_forward(self, at: int) -> bool:
        """True when the tense marker that governs position ``at`` is a future
        one: the nearest marker before it ("announced at 6 p.m. Friday", "is
        to expire on Saturday"), else a plain form before it with no past
        marker before it ("to let it lapse at midnight Friday"), else the
        nearest marker after it."""
        before_future = self._last_before(self.future, at)
        before_past = self._last_before(self.past, at)
        if before_future is not None or before_past is not None:
            return before_past is None or (before_future is not None and before_future > before_past)
        if self._last_before(self.plain, at) is not None:
            return True
        future = self._distance(self.future, at)
        past = self._distance(self.past, at)
        return future is not None and (past is None or future < past)

    def plan_told_in_past(self, at: int) -> bool:
        """True when the last future markers before ``at`` (one, or a run of
        them: "due to expire") follow a past auxiliary ("had been due to
        expire at midnight Friday")."""
        k = bisect.bisect_left(self.future, at) - 1
        if k < 0:
            return False
        while k > 0 and self.future[k] - self.future_ends[k - 1] <= 1:
            k -= 1
        marker = self.start + self.future[k]
        return self.words.low.endswith(self.g.past_auxiliaries, max(self.start, marker - 6), marker)

    def future_just_before(self, at: int) -> bool:
        """True when a future marker ends in the few characters before ``at``."""
        k = bisect.bisect_right(self.future_ends, at)
        return k > 0 and at - self.future_ends[k - 1] <= 25


def _month_value(month: int, pub: dt.date, forward: bool) -> str:
    if forward:
        year = pub.year if month >= pub.month else pub.year + 1
    else:
        year = pub.year if month <= pub.month else pub.year - 1
    return f"{year:04d}-{month:02d}"


def _nearest_year(month: int, day: int, pub: dt.date) -> int:
    best = pub.year
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            if abs((dt.date(year, month, day) - pub).days) < abs((dt.date(best, month, day) - pub).days):
                best = year
        except ValueError:
            continue
    return best


def _deadline_before(sentence: str, at: int, g: _Grammar) -> bool:
    """True when a deadline word stands just before ``at``, with at most a
    time between ("before Saturday", "until 11:59 p.m. Friday")."""
    window = sentence[max(0, at - 30) : at].lower()
    return (
        any(word in window for word in g.deadline_words)
        and g.deadline.search(sentence, max(0, at - 30), at) is not None
    )


def _number(word: str, g: _Grammar) -> int | None:
    return int(word) if word.isdigit() else g.numbers.get(word.lower())


class _Narrative:
    """The time a narrative last set: the day and the year of the last dates
    read ("On the same day", "that day", "three years later" count from
    them); the publication date until a text sets another."""

    def __init__(self, published: dt.date):
        self.day = published
        self.year = published.year

    def read(self, value: str) -> None:
        """Remember the date ``value`` (ISO, to any precision) as the narrative's."""
        if len(value) == 10:
            self.day = dt.date.fromisoformat(value)
        self.year = int(value[:4])


def _value(
    m: re.Match[str], sentence: str, at: int, pub: dt.date, g: _Grammar, marks: _Markers, ref: _Narrative
) -> tuple[str, bool] | None:
    kind = m.lastgroup
    gd = m  # read by group name: cheaper than m.groupdict() of every group
    month = lambda key: g.months[gd[key].rstrip(".").capitalize()]  # noqa: E731
    try:
        if kind == "iso":
            return dt.date(int(gd["iy"]), int(gd["im"]), int(gd["id"])).isoformat(), False
        if kind in ("md", "dm"):
            p = kind + "_"
            mon, day = month(p + "m"), int(gd[p + "d"])
            year = int(gd[p + "y"]) if gd[p + "y"] else _nearest_year(mon, day, pub)
            return dt.date(year, mon, day).isoformat(), False
        if kind == "mdrel":
            delta = {"last": -1, "this": 0, "next": 1}[gd["mdrel_w"]]
            return dt.date(pub.year + delta, month("mdrel_m"), int(gd["mdrel_d"])).isoformat(), False
        if kind == "mdw":
            mon, day = month("mdw_m"), g.ordinal_words[gd["mdw_d"].lower()]
            return dt.date(_nearest_year(mon, day, pub), mon, day).isoformat(), False
        if kind == "ord":
            return _day_of_month(int(gd["ord_d"]), pub, marks, at).isoformat(), False
    except ValueError:
        return None
    if kind == "midnight":
        return ref.day.isoformat(), False
    if kind == "same":
        unit = gd["same_u"] or "day"
        if unit == "day":
            return ref.day.isoformat(), False
        return (f"{ref.year:04d}" if unit == "year" else f"{ref.day.year:04d}-{ref.day.month:02d}"), False
    if kind == "nextday":
        word = gd["nextday_w"] or gd["nextday_x"] or gd["nextday_y"]
        forward = word in ("next", "following", "after", "later")
        return (ref.day + dt.timedelta(days=1 if forward else -1)).isoformat(), False
    if kind == "rel":
        if _ROUGHLY.search(sentence, max(0, at - 16), at):
            return None  # "less than a week before the expiry" names no day
        # "three years later" counts on from the narrative's date; "a day after the talks" (the
        # decision came a day after them) names the talks' day, a day before the narrative's.
        return _counted_from(ref, _number(gd["rel_n"], g), gd["rel_u"], gd["rel_w"] in ("later", "before"))
    if kind == "mys":
        return f"{ref.year:04d}-{month('mys_m'):02d}", False
    if kind == "mrel":
        delta = {"last": -1, "this": 0, "next": 1}[gd["mrel_w"].lower()]
        return f"{pub.year + delta:04d}-{month('mrel_m'):02d}", False
    if kind == "relm":
        word, mon = gd["relm_w"].lower(), month("relm_m")
        if word == "last":
            return f"{pub.year if mon < pub.month else pub.year - 1:04d}-{mon:02d}", False
        if word == "next":
            return f"{pub.year if mon > pub.month else pub.year + 1:04d}-{mon:02d}", False
        return f"{pub.year:04d}-{mon:02d}", False
    if kind == "my":
        return f"{int(gd['my_y']):04d}-{month('my_m'):02d}", False
    if kind == "mon":
        before = sentence[max(0, at - 16) : at]
        if gd["mon_m"] in g.ambiguous and not _MONTH_CONTEXT.search(before):
            return None  # "May" the verb
        given = _year_of_the_sentence(sentence, at, pub)  # ("last year, when ... in July")
        if given is not None:
            return f"{given:04d}-{month('mon_m'):02d}", False
        forward = not _DETERMINER.search(before) and (
            marks.future_just_before(at) or g.event_nouns.search(sentence, max(0, at - 40), at) is not None
        )  # ("beyond its expiration in November")
        return _month_value(month("mon_m"), pub, forward), False
    if kind == "wd":
        target = g.weekdays.index(gd["wd_d"])
        diff = target - pub.weekday()
        if diff == 0:
            return pub.isoformat(), False
        deadline = not gd["wd"].endswith("'s") and _deadline_before(sentence, at, g)
        if deadline or marks.points_forward(at):
            ahead = diff % 7
            if not deadline and ahead > 3 and marks.plan_told_in_past(at):
                return (pub - dt.timedelta(days=7 - ahead)).isoformat(), False  # the nearest: just past
            return (pub + dt.timedelta(days=ahead)).isoformat(), False
        return (pub - dt.timedelta(days=(-diff) % 7)).isoformat(), False
    if kind == "yr":
        return gd["yr_a"], False
    if kind == "y":
        if g.units.match(sentence, m.end() - (m.start() - at)):
            return None
        return gd["y_y"], False
    if kind == "rely":
        unit, word = gd["rely_u"], gd["rely_w"].lower()
        delta = {"last": -1, "this": 0, "next": 1}[word]
        if unit == "year":
            return f"{pub.year + delta:04d}", False
        if unit == "month":
            first = dt.date(pub.year, pub.month, 1)
            shifted = (first - dt.timedelta(days=1)).replace(day=1) if delta < 0 else first
            if delta > 0:
                shifted = (first + dt.timedelta(days=32)).replace(day=1)
            return f"{shifted.year:04d}-{shifted.month:02d}", False
        return None  # "last week" names no day
    if kind == "dayword":
        delta = {"yesterday": -1, "today": 0, "tomorrow": 1}[gd["dayword_w"].lower()]
        return (pub + dt.timedelta(days=delta)).isoformat(), False
    if kind in ("inn", "left"):
        p = kind + "_"
        n = _number(gd[p + "n"], g)
        if n is None or n > 366:
            return None
        if kind == "inn" and g.span_words.search(sentence[max(0, at - 60) : at]):
            return None  # "the lowest in 50 years" is a span
        days = n * (7 if gd[p + "u"].startswith("week") else 1)
        if kind == "left" and gd["left_w"] == "ago":
            days = -days
        return (pub + dt.timedelta(days=days)).isoformat(), True
    if kind == "ago":  # "three years ago", "two months ago": to the precision of the unit
        n = _number(gd["ago_n"], g)
        if n is None or n > 200:
            return None
        if gd["ago_u"].startswith("year"):
            return f"{pub.year - n:04d}", False
        months = pub.year * 12 + pub.month - 1 - n
        return f"{months // 12:04d}-{months % 12 + 1:02d}", False
    return None


_ROUGHLY = re.compile(r"\b(?:less|more|fewer)\s+than\s+$|\b(?:about|nearly|almost|over|under|within|some)\s+$", re.I)


def _counted_from(ref: _Narrative, n: int | None, unit: str, forward: bool) -> tuple[str, bool] | None:
    """The date ``n`` units after (``forward``) or before the narrative's
    ("three years later", "a day after"), to the unit's precision."""
    if n is None or n > 200:
        return None
    sign = 1 if forward else -1
    if unit.startswith("year"):
        return f"{ref.year + sign * n:04d}", False
    if unit.startswith("month"):
        months = ref.day.year * 12 + ref.day.month - 1 + sign * n
        return f"{months // 12:04d}-{months % 12 + 1:02d}", False
    days = n * (7 if unit.startswith("week") else 1)
    return (ref.day + dt.timedelta(days=sign * days)).isoformat(), False


def _day_of_month(day: int, pub: dt.date, marks: _Markers, at: int) -> dt.date:
    """The date a day of the month alone names ("the 16th"): in the month of
    publication, or the month before when it lies ahead of publication and
    the sentence tells of the past (the month after, for a day gone by and a
    sentence about the future)."""
    here = dt.date(pub.year, pub.month, day)  # (raises ValueError for a day the month lacks)
    if here > pub + dt.timedelta(days=1) and not marks.points_forward(at):
        before = pub.replace(day=1) - dt.timedelta(days=1)
        return dt.date(before.year, before.month, day)
    if here < pub - dt.timedelta(days=1) and marks.future_just_before(at):
        after = (pub.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return dt.date(after.year, after.month, day)
    return here


# A year the sentence gives before a bare month: "last year, when ... in July" is July of last year.
_YEAR_BEFORE = re.compile(r"\b(?P<w>[Ll]ast|[Tt]his|[Nn]ext)\s+year\b(?!.*\b(?:[Ll]ast|[Tt]his|[Nn]ext)\s+year\b)")


def _year_of_the_sentence(sentence: str, at: int, pub: dt.date) -> int | None:
    """The year that "last year", "this year" or "next year" earlier in the
    sentence gives a bare month at ``at``; None when it gives none."""
    if "year" not in sentence[:at]:
        return None
    m = _YEAR_BEFORE.search(sentence, 0, at)
    return pub.year + {"last": -1, "this": 0, "next": 1}[m.group("w").lower()] if m else None


_UNITS = Heads(frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years"}))
_AGO = Heads(frozenset({"ago"}))  # ("three years ago": "year" alone is too common to look before)
_COUNTED_AFTER = frozenset({"later", "earlier", "after", "before", "ago"})
_SAME_BEFORE = frozenset({"same", "that", "That"})
_TWO_WORDS_BEFORE = re.compile(r"(?:(\w+)\s+)?(\w+)\s+$")


def _before_units(text: str, units: list[int]) -> list[int]:
    """Where the one or two words before each of ``units`` (where "days",
    "weeks", "months", "years" or "ago" begin) begin; for "month" and "year"
    only where a count or "the same" can make a date of them ("three years
    later", "that year": not "the year", which is everywhere)."""
    out: list[int] = []
    for at in units:
        if text.startswith(("month", "year"), at):
            after = text[at : at + 20].split(None, 2)
            before = text[max(0, at - 8) : at].split()
            counted = len(after) > 1 and after[1].rstrip(".,;:") in _COUNTED_AFTER
            if not counted and not (before and before[-1] in _SAME_BEFORE):
                continue
        m = _TWO_WORDS_BEFORE.search(text, max(0, at - 30), at)
        if m:
            out.extend(m.start(g) for g in (1, 2) if m.start(g) >= 0)
    return out


def _matches(sentence: str, s_start: int, starts: list[int], g: _Grammar):
    """Yield the date expressions of ``sentence`` (at ``s_start`` of the
    text), trying the grammar where a date can begin (``starts``, sorted)."""
    after = 0
    for i in range(bisect.bisect_left(starts, s_start), len(starts)):
        at = starts[i] - s_start
        if at >= len(sentence):
            return
        if at < after:
            continue
        m = g.pattern.match(sentence, at)
        if m:
            yield m
            after = max(m.end(), at + 1)


def find_dates(text: str, sentences: list[tuple[int, int]], published: dt.date, words: WordStarts) -> list[DateExpr]:
    """Return the date expressions in folded ``text`` (whose word starts are
    ``words``), sentence by sentence (``sentences`` are ``(start, end)``
    spans), resolved against ``published``."""
    g = _grammar()
    starts = sorted({*words.at(g.starts), *_before_units(text, words.at(_UNITS) + words.at(_AGO))})
    out: list[DateExpr] = []
    narrative = _Narrative(published)
    for s_start, s_end in sentences:
        k = bisect.bisect_left(starts, s_start)
        if k == len(starts) or starts[k] >= s_end:
            continue  # nowhere a date could begin
        sentence = text[s_start:s_end]
        marks = _Markers(words, s_start, s_end, g)
        for m in _matches(sentence, s_start, starts, g):
            resolved = _value(m, sentence, m.start(), published, g, marks, narrative)
            if resolved is None:
                continue
            value, countdown = resolved
            if not countdown:
                narrative.read(value)
            vague = m.lastgroup == "midnight"
            start, end = s_start + m.start(), s_start + m.end()
            out.append(DateExpr(text[start:end], value, start, end, countdown, vague))
    return out
