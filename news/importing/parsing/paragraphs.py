"""Split text into paragraphs, the head lines and the body blocks, and tell prose from titles,
menus, lists, markup and data."""

import itertools
import re
from dataclasses import dataclass

from ..records import Block, BlockKind
from .head import MAX_HEAD_LINE, MAX_HEAD_LINES, SPACES, date_line, hotline

_NOT_A_DOCUMENT = "no prose paragraphs found: this does not look like an article or profile"

_MAX_TRAILING_JUNK = 80
_MAX_HEADING = 150

_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_CJK = "\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_SENTENCE_END = re.compile(
    "[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019\u00bb)\uff09\u300d\u300f]*$"
)
_INNER_SENTENCE_END = re.compile("[.!?\u3002\uff01\uff1f][\"'\u201d\u2019)]*\\s")
_MARKUP = re.compile(r"<[A-Za-z/!?][^<>]{0,200}>")
_DATA_SEPARATOR = re.compile(r",(?=[^\s\d])|;(?=\S)|\|")
# A CSV/TSV header row: three or more short fields, separated without spaces.
_TABLE_HEADER = re.compile(
    r"\s*[^\n,;|\t]{1,40}([,;|\t])(?! )[^\n,;|\t]{0,40}(?:\1(?! )[^\n,;|\t]{0,40})+\r?\n"
)
# JSON, HTML or XML rather than text: `{"`, `[{`, `[1`, `<p>`, `<!DOCTYPE`.
_DATA_START = re.compile(r"\s*(?:[\[{]\s*[\"'{\[\]}\d]|<[!?A-Za-z/])")


@dataclass(frozen=True)
class Paragraph:
    text: str
    lines: tuple[str, ...]


def looks_like_data(text: str) -> bool:
    """Tell JSON, HTML, XML and CSV/TSV tables from text, by how they start."""
    return bool(_DATA_START.match(text) or _TABLE_HEADER.match(text))


def not_a_document(name: str) -> str:
    """Return the error for a file that is not an article or profile, naming its type."""
    dot = name.rfind(".")
    suffix = name[dot:].lower() if dot > 0 else ""
    if suffix in {".json", ".csv", ".tsv", ".html", ".htm", ".xml"}:
        return f"{_NOT_A_DOCUMENT} (it is a {suffix} file)"
    return _NOT_A_DOCUMENT


def paragraphs(text: str) -> list[Paragraph]:
    """Split into paragraphs at blank lines and after lines that end a sentence."""
    found: list[Paragraph] = []
    lines: list[str] = []
    ended = False
    for raw in text.splitlines():
        line = _clean_line(raw)
        alone = bool(line) and _stands_alone(line)
        if lines and (not line or ended or alone):
            found.append(Paragraph(_join(lines), tuple(lines)))
            lines = []
        if line:
            lines.append(line)
            ended = alone or _ends_sentence(line)
    if lines:
        found.append(Paragraph(_join(lines), tuple(lines)))
    return found


def _clean_line(line: str) -> str:
    return SPACES.sub(" ", _CONTROLS.sub("", line)).strip()


def _stands_alone(line: str) -> bool:
    """Tell header lines that sources put right next to the title or body."""
    return len(line) <= MAX_HEAD_LINE and (hotline(line) is not None or date_line(line) is not None)


def _join(lines: list[str]) -> str:
    parts = [lines[0]]
    for previous, line in itertools.pairwise(lines):
        # Chinese has no spaces between words, so a wrapped line joins directly.
        if not (_CJK_CHAR.match(previous[-1]) and _CJK_CHAR.match(line)):
            parts.append(" ")
        parts.append(line)
    return "".join(parts)


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def is_prose(text: str) -> bool:
    """Tell sentences written for readers from titles, menus, lists, markup and data."""
    if _MARKUP.search(text):
        return False
    words = len(_LETTER_WORD.findall(text)) + len(_CJK_CHAR.findall(text)) // 2
    if words < 8 or len(_DATA_SEPARATOR.findall(text)) * 8 > max(words, 24):
        return False
    if _ends_sentence(text):
        return True
    return words >= 40 and len(_INNER_SENTENCE_END.findall(text)) >= 2


def split_head(found: list[Paragraph]) -> tuple[list[str], list[Paragraph]]:
    """Take the short non-prose lines before the first prose paragraph as the header."""
    head: list[str] = []
    for index, paragraph in enumerate(found):
        if (
            is_prose(paragraph.text)
            or any(len(line) > MAX_HEAD_LINE for line in paragraph.lines)
            or len(head) + len(paragraph.lines) > MAX_HEAD_LINES
        ):
            return head, found[index:]
        head.extend(paragraph.lines)
    return head, []


def blocks(extra: tuple[str, ...], body: list[Paragraph]) -> tuple[Block, ...]:
    """Return the head's leftover lines and the body as headings and paragraphs."""
    texts = [*extra, *(p.text for p in body)]
    while texts and len(texts[-1]) <= _MAX_TRAILING_JUNK and not _ends_sentence(texts[-1]):
        texts.pop()  # menu fragments after the article ("photo gallery")
    return tuple(Block(_block_kind(text), text) for text in texts if text)


def _block_kind(text: str) -> BlockKind:
    heading = len(text) <= _MAX_HEADING and not (
        _ends_sentence(text) or text[-1] in ",;:\uff0c\uff1b\uff1a"
    )
    return BlockKind.HEADING if heading else BlockKind.PARAGRAPH
