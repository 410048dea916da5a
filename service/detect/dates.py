"""When an event happened: an explicit date in its sentence, or one relative to the publication date."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_MONTH = (
    r"(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
MONTH_PATTERN = _MONTH  # a month's name or abbreviation, as one group

_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:\s*[–-]\s*\d{{1,2}})?\s+{_MONTH}(?:,?\s+(\d{{4}}))?", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?!\d)(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?", re.I)


def is_month_name(word: str) -> bool:
    """ "June", "Sept.": a month's capitalised name or abbreviation."""
    return word[:1].isupper() and word.rstrip(".").lower() in _MONTHS


def names_a_day(text: str) -> bool:
    """ "on August 5, 2024", "on 5 August": a day of a month, not only a month ("in June 2014")."""
    return bool(_DAY_MONTH_YEAR.search(text) or _MONTH_DAY_YEAR.search(text))


_WEEKDAY_NAME = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def names_a_weekday(text: str) -> bool:
    """ "on Friday": the day of the week a news story dates its own events by."""
    return bool(_WEEKDAY_NAME.search(text))


# "by Nov. 15", "by 20 November", "by the end of December": a day set for something to be done
_BY_A_DAY = re.compile(
    rf"\bby (?:\d{{1,2}} (?i:{_MONTH})(?!\w)|(?i:{_MONTH}) \d{{1,2}}\b|the end of (?i:{_MONTH})(?!\w))"
)


def sets_a_deadline(text: str) -> bool:
    return bool(_BY_A_DAY.search(text))


_WEEKDAY = re.compile(
    r"\b(?:on|late|early|last|this)?\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I
)
_RELATIVE = {
    "yesterday": 1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "last night": 1,
    "overnight": 0,
    "last week": 7,
    "earlier this week": 3,
    "last month": 30,
    "last year": 365,
}
_LAST_YEAR = re.compile(r"\blast year\b", re.I)
# "following last month's attack" dates the attack, not the clause's event
_RELATIVE_RE = re.compile(r"\b(" + "|".join(sorted(_RELATIVE, key=len, reverse=True)) + r")\b(?!['’]s)", re.I)


# "two weeks ago", "10 days ago", "a year ago"
_AGO_COUNTS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "a few": 3, "several": 4,
}
_AGO_UNITS = {"day": 1, "week": 7, "month": 30, "year": 365}
_AGO = re.compile(
    r"\b(a few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) "
    r"(day|week|month|year)s? ago\b",
    re.I,
)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def shift(day: dt.date, days: int) -> dt.date:
    """`day` moved by `days`, held within the calendar (a publication date of 0001-01-01 must not raise)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.min if days < 0 else dt.date.max


def _year_for(month: int, day: int, published: dt.date | None, explicit: str | None) -> int | None:
    if explicit:
        return int(explicit)
    if published is None:
        return None
    # A month after the publication month belongs to the year before ("on 20 December" read in January).
    year = published.year
    candidate = _safe_date(year, month, day)
    if candidate and candidate > shift(published, 2):
        year -= 1
    return year


def days_named(sentence: str) -> frozenset[tuple[int, int]]:
    """The calendar days a sentence names, as (month, day): "on 10 September", "September 19"."""
    days = {
        (_MONTHS[m.group(2).lower().rstrip(".")], int(m.group(1))) for m in _DAY_MONTH_YEAR.finditer(sentence)
    }
    days |= {
        (_MONTHS[m.group(1).lower().rstrip(".")], int(m.group(2))) for m in _MONTH_DAY_YEAR.finditer(sentence)
    }
    return frozenset(days)


def resolve_event_date(sentence: str, published: dt.date | None, *, ahead: bool = False) -> dt.date | None:
    """The date the sentence gives for its event, else the publication date (news reports the recent).
    `ahead`: the sentence tells what is still to come ("is due to arrive in April", read in March), so a month
    later in the year than the publication's is the next one of that name, not last year's, and the news is the
    announcement, dated when it was published. An earlier month dates the announcement ("said in January it
    would send")."""
    for pattern, order in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy")):
        m = next((m for m in pattern.finditer(sentence) if not _DEADLINE.search(sentence[: m.start()])), None)
        if not m:
            continue
        if order == "dmy":
            day, month, year = int(m.group(1)), _MONTHS[m.group(2).lower().rstrip(".")], m.group(3)
        else:
            month, day, year = _MONTHS[m.group(1).lower().rstrip(".")], int(m.group(2)), m.group(3)
        if year is None and published is not None and _LAST_YEAR.search(sentence):
            year = str(published.year - 1)  # "in June last year"
        y = _year_for(month, day, published, year)
        if ahead and year is None and published is not None and y is not None and y < published.year:
            return published  # "would begin pulling out on May 25", read on May 21: still to come
        if y is not None and (d := _safe_date(y, month, day)):
            return d
    if published is None:
        return None
    if m := _WEEKDAY.search(sentence):
        target = _WEEKDAYS[m.group(1).lower()]
        back = (published.weekday() - target) % 7
        return shift(published, -back)
    if m := _RELATIVE_RE.search(sentence):
        return shift(published, -_RELATIVE[m.group(1).lower()])
    if m := _AGO.search(sentence):
        count = _AGO_COUNTS.get(m.group(1).lower()) or int(m.group(1))
        return shift(published, -count * _AGO_UNITS[m.group(2).lower()])
    if m := _IN_MONTH.search(sentence):
        if ahead and not m.group("year") and _MONTHS[m.group("month").lower()] > published.month:
            return published
        end = _month_end(_MONTHS[m.group("month").lower()], m.group("year"), published)
        part = (m.group("part") or "").strip().lower()
        if (
            part in ("early", "the start of", "the beginning of") or part.startswith("the first")
        ) and end.day > 10:
            end = end.replace(day=10)  # "in early April": by the tenth at the latest
        elif part in ("mid-", "the middle of") and end.day > 20:
            end = end.replace(day=20)
        return end
    return published


# "leave the country by the end of January", "until March 31": a deadline set, not when the event happened;
# "ahead of joint drills due to start on Feb. 10": when something else is to happen
_DEADLINE = re.compile(
    r"\b(?:(?:by|until|before|no later than)\s+(?:the\s+(?:end|middle|start)\s+of\s+)?|"
    r"(?:due|scheduled|set|expected) to \w+ on\s+|scheduled for\s+)$",
    re.I,
)

# "in October", "since early March 2023", "at the end of September", "in a March attack": a month with no day;
# its last day (its tenth, said "early"), the latest the event can be
_IN_MONTH = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Ss]ince|[Aa]t(?= the (?:end|middle|start|beginning) of)) "
    r"(?:(?:an?|the|its|their) (?=(?:early |late |mid-)?[A-Z][a-z]+(?: \d{4})? (?!\d)))?"
    r"(?P<part>early |late |mid-|the end of |the middle of |the start of |the beginning of |"
    r"the (?:first|second|third|fourth|last|final) (?:week|days|half|weeks) of )?"
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:,? (?P<year>\d{4}))?\b(?![ ,]*\d)"
)


def _month_end(month: int, explicit: str | None, published: dt.date) -> dt.date:
    year = int(explicit) if explicit else published.year
    if not explicit and month > published.month:
        year -= 1  # "in October", read in May: last October
    end = _safe_date(year + month // 12, month % 12 + 1, 1)
    last = shift(end, -1) if end else published
    return min(last, published)
