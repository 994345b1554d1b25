"""Sentence splitting that survives abbreviations common in business news."""

from __future__ import annotations

import re

from tracker.extract.dates import MONTH_NAMES
from tracker.extract.roles import HONORIFIC_ABBREVIATIONS

# A full stop after these does not end a sentence ("Safe Superintelligence Inc. with ...").
_ABBREV = {
    "inc",
    "corp",
    "co",
    "ltd",
    "llc",
    *HONORIFIC_ABBREVIATIONS,
    "sr",
    "jr",
    "st",
    "no",
    "vs",
    "u.s",
    "u.k",
    "e.g",
    "i.e",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "gen",
    "gov",
    "sen",
    "rep",
    "mt",
    "ft",
    "approx",
}


def is_fragment(sentence: str) -> bool:
    """A headline or label: no terminal punctuation."""
    return not re.search(r"[.!?][\"”’')]*$", sentence.strip())


_BOUNDARY = re.compile(r"([.!?][\"”’')]*)\s+(?=[\"“‘(]?[A-Z0-9])")


# "SAN FRANCISCO, March 12 (Reuters) - ", "SANTA CLARA, Calif. -- ", "OMAHA, Neb., Feb. 12 — ",
# "SAN JOSE, Calif., March 4, 2025 /PRNewswire/ -- "
_DATELINE = re.compile(
    r"^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'’/-]{2,40}(?:,\s*(?:[A-Z][A-Za-z.]*(?:\s+\d{1,2})?|\d{4}|\d{1,2}\s+[A-Z][a-z]+\.?(?:\s+\d{4})?)){0,3}"
    # "(Reuters) - ", "/PRNewswire/ -- ", "--(BUSINESS WIRE)--": a wire's name glues to its dashes
    r"(?:\s*[-–—]*\s*(?:\([^)]{1,40}\)|/[^/\s][^/]{0,30}/)\s*[-–—]+\s*|\s*[-–—]+\s+|:\s+)"
)

# "Stockholm, 14 March 2025 – ", "Mumbai, August 12, 2025: ": a press release's dateline in title case,
# known by the date it must carry
_TITLE_DATELINE = re.compile(
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}(?:, [A-Z][\w.]+(?: [A-Z][\w.]+){0,2}){0,2},\s*"
    r"(?:\d{1,2}\s+(?P<m1>[A-Z][a-z]+)\.?,?\s+\d{4}|(?P<m2>[A-Z][a-z]+)\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?)"
    r"(?:\s*\([^)]{1,40}\))?\s*(?:[-–—]+|:)\s+"
)

_MONTH_PREFIXES = frozenset(name[:3] for name in MONTH_NAMES)


def _strip_dateline(text: str) -> str:
    text = _DATELINE.sub("", text, count=1)
    m = _TITLE_DATELINE.match(text)
    if m and (m.group("m1") or m.group("m2") or "").lower()[:3] in _MONTH_PREFIXES:
        return text[m.end() :]
    return text


# Hard-wrapped text (an email, a terminal paste) has no line this long; article text from a
# page or feed does: there, every line is a paragraph, a headline or a dateline.
_PARAGRAPH_LINES = 150
_TERMINAL = re.compile(r"[.!?:][\"'”’)]?$")


def paragraphs(text: str) -> list[str]:
    """Blank lines always end a paragraph; single line breaks do when lines are paragraphs
    (so a headline never runs into the first sentence), not when the text is hard-wrapped."""
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # a short article (a headline, then paragraphs of a sentence or two) has short lines too; every
    # line after the headline ends a sentence there, which hard wrapping almost never does
    per_line = len(lines) > 1 and all(_TERMINAL.search(line) for line in lines[1:])
    if per_line or any(len(line) > _PARAGRAPH_LINES for line in text.splitlines()):
        return [line for b in blocks for line in b.splitlines() if line.strip()]
    return blocks


def split_sentences(text: str) -> list[str]:
    """Sentences of every paragraph, in order."""
    return [sentence for block in paragraphs(text) for sentence in _split_paragraph(block)]


def _split_paragraph(text: str) -> list[str]:
    """Split on terminal punctuation followed by a capital, unless the period ends an abbreviation."""
    text = re.sub(r"\s+", " ", text).strip()
    # wire datelines ("SAN FRANCISCO, March 12 (Reuters) - ") are not part of the first sentence
    text = _strip_dateline(text)
    if not text:
        return []
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        before = text[start : m.start()]
        word = re.search(r"([A-Za-z.]+)$", before)
        if m.group(1).startswith(".") and word:
            w = word.group(1).lower().rstrip(".")
            # single initials ("J. Smith") and known abbreviations do not end sentences
            glued = word.start(1) > 0 and not before[word.start(1) - 1].isspace()
            # an initial stands alone ("J. Smith"); a letter glued to a word ends it ("DALL·E. Murati")
            initials = re.fullmatch(r"[a-z](?:\.[a-z])+", w) is not None  # "A.G. Lafley", "C.C. Wei"
            # "said on X. Kovac joined": a one-letter name after a preposition ends the sentence
            medium = re.search(r"\b(?:on|at|in|via|to|from)\s+\S$", before) is not None
            if w in _ABBREV or initials or (len(w) == 1 and w.isalpha() and not glued and not medium):
                continue
        out.append(text[start : m.end(1)].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out
