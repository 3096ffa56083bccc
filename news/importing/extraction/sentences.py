"""Split a paragraph into sentences without breaking on "Nov.", "No.", "Mr." or initials."""

import re

_ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "no", "nos", "st", "co", "corp", "inc", "ltd", "jr",
        "sr", "vs", "fig", "approx", "dept", "gov", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "cf", "al",
    }
)  # fmt: skip
# A stop, optional closing quotes, whitespace, then something that can start a sentence;
# or a Chinese full stop, which needs no space after it.
_BOUNDARY = re.compile(
    r"(?<![.!?])[.!?]+[\"\u201d\u2019')]*\s+(?=[\"\u201c\u2018(]?[A-Z0-9])|[\u3002\uff01\uff1f]+"
)
_WORD_BEFORE = re.compile(r"[\w.&]{1,12}$")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Z]")


def split_sentences(text: str) -> tuple[tuple[int, str], ...]:
    """Return (offset, sentence) pairs for the sentences of `text`."""
    spans, start = [], 0
    for match in _BOUNDARY.finditer(text):
        if _after_abbreviation(text, match.start()):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    return tuple(_trimmed(text, a, b) for a, b in spans if text[a:b].strip())


def _after_abbreviation(text: str, stop: int) -> bool:
    if text[stop] != ".":
        return False
    before = _WORD_BEFORE.search(text, max(0, stop - 12), stop)
    if before is None:
        return False
    word = before.group()
    return word.lower() in _ABBREVIATIONS or _INITIALS.fullmatch(word) is not None


def _trimmed(text: str, start: int, end: int) -> tuple[int, str]:
    chunk = text[start:end]
    stripped = chunk.lstrip()
    return start + len(chunk) - len(stripped), stripped.rstrip()
