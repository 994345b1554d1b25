"""When a move happened, with the precision the article gives (day, month or year)."""

from __future__ import annotations

import datetime as dt
import re

MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, start=1)}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.I)
_IN_MONTH = re.compile(rf"\b(?:in|by|at the (?:start|end) of)\s+({_MONTH_RE})\b(?:\s+(\d{{4}}))?", re.I)
_WEEKDAY = re.compile(r"\bon\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


_FUTURE = re.compile(
    r"\b(?:will|to|plans?|planning|expected|set to|is (?:leaving|joining|stepping|retiring)|"
    r"takes? over|effective|next|upcoming)\b",
    re.I,
)
_PAST = re.compile(r"\b(?:left|joined|resigned|retired|departed|quit|was|were|had|last|ago|earlier)\b", re.I)


YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _nearest_year(month: int, day: int, published: dt.date, tense: int = 0) -> dt.date:
    """Articles name dates without a year: take the one nearest publication, on the side the tense points to.

    ``tense`` is +1 for future ("will retire in March"), -1 for past ("left in March"), 0 for unknown.
    """
    best: dt.date | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            continue
        if tense > 0 and cand < published - dt.timedelta(days=31):
            continue
        if tense < 0 and cand > published + dt.timedelta(days=1):
            continue
        if best is None or abs((cand - published).days) < abs((best - published).days):
            best = cand
    return best or published


def _month_shift(published: dt.date, delta: int) -> str:
    idx = published.year * 12 + published.month - 1 + delta
    return f"{idx // 12:04d}-{idx % 12 + 1:02d}"


def find_date(text: str, published: dt.date | None) -> tuple[str | None, bool] | None:
    """The date stated in ``text`` as (iso, approximate), or None when it states none."""
    low = text.lower()
    tense = 1 if _FUTURE.search(text) else (-1 if _PAST.search(text) else 0)
    if published is not None:
        m = _MONTH_DAY.search(text)
        if m:
            month = _MONTHS[m.group(1).lower()[:3]]
            day = int(m.group(2))
            if m.group(3):
                try:
                    return dt.date(int(m.group(3)), month, day).isoformat(), False
                except ValueError:
                    return None
            if 1 <= day <= 31:
                return _nearest_year(month, day, published, tense).isoformat(), False
        m2 = _IN_MONTH.search(text)
        if m2:
            month = _MONTHS[m2.group(1).lower()[:3]]
            if m2.group(2):
                return f"{int(m2.group(2)):04d}-{month:02d}", True
            cand = _nearest_year(month, 15, published, tense)
            return f"{cand.year:04d}-{month:02d}", True
        if re.search(r"\blast month\b", low):
            return _month_shift(published, -1), True
        if re.search(r"\b(?:earlier|later|this|end of the|end of this) month\b", low):
            return _month_shift(published, 0), True
        if re.search(r"\bnext month\b", low):
            return _month_shift(published, 1), True
        if re.search(r"\blast week\b", low):
            return (published - dt.timedelta(days=7)).isoformat(), True
        if re.search(r"\b(?:earlier|this) week\b", low):
            return published.isoformat(), True
        if re.search(r"\blast year\b", low):
            return f"{published.year - 1:04d}", True
        if re.search(r"\bnext year\b", low):
            return f"{published.year + 1:04d}", True
        if re.search(r"\b(?:later|earlier|end of) this year\b", low):
            return f"{published.year:04d}", True
        if re.search(r"\b(?:yesterday)\b", low):
            return (published - dt.timedelta(days=1)).isoformat(), False
        if re.search(r"\b(?:today|effective immediately|immediately)\b", low):
            return published.isoformat(), False
        w = _WEEKDAY.search(text)
        if w:
            target = WEEKDAYS.index(w.group(1).lower())
            back = (published.weekday() - target) % 7
            return (published - dt.timedelta(days=back)).isoformat(), False
    m3 = re.search(r"\bin\s+(?:(?:early|mid|late|mid-)\s*)?((?:19|20)\d{2})\b", text)
    if m3:
        return m3.group(1), True
    return None


def move_date(clause: str, sentence: str, published: dt.date | None) -> tuple[str | None, bool]:
    """Prefer a date in the move's own clause, then the sentence, then the publication date."""
    found = find_date(clause, published)
    if found is None and clause != sentence:
        # another clause's date belongs to another event ("who left X in January, has joined Y"),
        # except a trailing "effective March 18" / "as of July 1" that dates the whole sentence
        eff = re.search(r"\b(?:effective|as of|starting|beginning)\b[^,;]*", sentence, re.I)
        if eff:
            found = find_date(eff.group(0), published)
    if found is not None:
        return found
    if published is not None:
        return published.isoformat(), True
    return None, True
