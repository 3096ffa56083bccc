"""Titles: complete one the scraped site cut off, from the body, or derive one for a document
that has none."""

import re

from ..records import Block, BlockKind

_MAX_DERIVED_TITLE = 110
_LONG_TITLE = 90  # the scraped site cuts titles at 99 characters

_LAST_WORD = re.compile(r"\w+$")
_WORD = re.compile(r"\w+")
_PHRASE_BOUNDARY = re.compile('[,.;:()\\[\\]!?"“”\uff0c。\uff1b\uff1a\uff08\uff09、]')
# "partner" is not a cut-off "partners": a complete title may say what the body puts in plural.
_INFLECTIONS = {"", "s", "es", "d", "ed", "ing"}
_NAME_LINKS = {"of", "and", "the", "for", "on", "in", "&", "de", "du", "la", "von", "van"}
_MAX_COMPLETION_WORDS = 12
_FIRST_SENTENCE = re.compile(
    "[^\n]+?(?<!\\b[A-Z][a-z])(?<!\\b[A-Z])[.!?\u3002\uff01\uff1f](?=\\s|$)"
)


def derived_title(blocks: tuple[Block, ...]) -> tuple[str, str]:
    """Return a title for a document without one, and where it came from."""
    heading = next((b.text for b in blocks if b.kind == BlockKind.HEADING), "")
    if heading:
        return heading, "first sub-heading"
    first = next(b.text for b in blocks if b.kind == BlockKind.PARAGRAPH)
    match = _FIRST_SENTENCE.match(first[: _MAX_DERIVED_TITLE * 4])
    sentence = match.group() if match else first
    return _shorten(sentence.rstrip(".。"), _MAX_DERIVED_TITLE), "first sentence"


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-\u2013—") + "…"


def repaired_title(title: str, body: str) -> tuple[str, str]:
    """Complete a title the source site cut off, from the body; return it and a warning."""
    last = _LAST_WORD.search(title)
    if last is None:
        return title, ""
    partial = last.group()
    words = set(_WORD.findall(body))
    mid_word = partial not in words and any(
        w.startswith(partial) and w[len(partial) :] not in _INFLECTIONS for w in words
    )
    if not mid_word and len(title) < _LONG_TITLE:
        return title, ""
    match = _continuation(title, body, mid_word)
    if match is None:
        if not mid_word:
            return title, ""
        return title + "…", (
            "title was cut off by the source site and could not be completed from the body"
            " — please check"
        )
    completed = _completed(title, match, mid_word)
    if completed is None:
        completed = title + "…"
    return completed, (
        f"title was cut off by the source site; completed from the body as '{completed}'"
        " — please check"
    )


def _continuation(title: str, body: str, mid_word: bool) -> re.Match[str] | None:
    """Find where the title's last words continue in the body, longest anchor first."""
    tokens = title.split()
    shortest = min(len(tokens), 3)
    for count in range(min(len(tokens), 8), shortest - 1, -1):
        anchor = r"\s+".join(map(re.escape, tokens[-count:]))
        ending = r"(?P<rest>\w+)" if mid_word else r"(?P<rest>)(?=\s+\w)"
        match = re.search(r"(?<!\w)" + anchor + ending, body)
        if match:
            return match
    return None


def _completed(title: str, match: re.Match[str], mid_word: bool) -> str | None:
    following = match.string[match.end() : match.end() + 300]
    boundary = _PHRASE_BOUNDARY.search(following)
    words = (following[: boundary.start()] if boundary else following).split()
    capitalised = title.split()[-1] if mid_word else (words[0] if words else "")
    if capitalised[:1].isupper():
        run = _name_run(words)
        if len(run) < len(words) or boundary:
            words = run
        else:
            return None
    elif boundary is None or len(words) > _MAX_COMPLETION_WORDS:
        return None
    return " ".join([title + match["rest"], *words])


def _name_run(words: list[str]) -> list[str]:
    """Return the leading capitalised name ("Ministry of Science and Technology")."""
    run: list[str] = []
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if not (word[:1].isupper() or (word in _NAME_LINKS and following[:1].isupper())):
            break
        run.append(word)
    return run[:_MAX_COMPLETION_WORDS]
