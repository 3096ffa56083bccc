"""Read a document's head: the hotline, the menu breadcrumb (its channel), the title and the
date line, from the short lines before the body."""

import re
from dataclasses import dataclass

from .dates import Date, match_date

MAX_HEAD_LINES = 12
MAX_HEAD_LINE = 300

SPACES = re.compile(r"\s+")
_HOTLINE = re.compile(
    r"(?i:(?:service\s*)?hot\s*line|(?:服务|咨询)?热线(?:电话)?)"
    r"\s*[:\uff1a]?\s*(?P<number>\+?\d[\d ()\-]{4,30}\d)"
)
_MENU_SEPARATOR = re.compile(r"\s*[>\u203a»]\s*")
_DATE_LABEL = re.compile(
    r"(?i)(?P<label>time|date|published(?:\s+on)?|posted(?:\s+on)?|updated|release\s+time"
    r"|发布时间|发布日期|时间|日期)\s*[:\uff1a]?\s*"
)
# Labels the scraped news site puts before its dates.
PAGE_LABELS = {"time", "release time", "发布时间", "时间"}
_DATE_TAIL = re.compile(
    r"(?i)[\s|·•/,\-\u2013—]*"
    r"(?:(?:view\s*count|views|hits|浏览(?:次数|量)?|阅读(?:量|次数)?|点击(?:数|量)?)\s*[:\uff1a]?\s*\d*)?"
    r"[\s|·•]*"
)


@dataclass(frozen=True)
class Head:
    title: str = ""
    menu: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    hotline: str = ""
    date: Date | None = None


def hotline(line: str) -> str | None:
    """Return the number of a "Hotline: ..." line, or None for any other line."""
    match = _HOTLINE.match(line)
    return SPACES.sub(" ", match["number"]) if match else None


def date_line(line: str) -> Date | None:
    """Read a line that is only a date, perhaps labelled ("Time:") and with a view count."""
    if len(line) > MAX_HEAD_LINE:
        return None
    label = _DATE_LABEL.match(line)
    start = label.end() if label else 0
    date, end = match_date(line, start)
    if date is None or not _DATE_TAIL.fullmatch(line, end):
        return None
    name = SPACES.sub(" ", label["label"].lower()) if label else ""
    return Date(date.value, date.precision, name)


def read_head(lines: list[str]) -> Head:
    """Tell the hotline, menu, title, date and leftover lines of the head apart."""
    number = next((h for h in map(hotline, lines) if h is not None), "")
    lines = [line for line in lines if hotline(line) is None]
    dated = next(((i, d) for i, d in enumerate(map(date_line, lines)) if d is not None), None)
    if dated is not None:
        index, date = dated
        before, after = lines[:index], lines[index + 1 :]
        if before:
            return Head(before[-1], _menu(before[:-1]), tuple(after), number, date)
        return Head(after[0] if after else "", (), tuple(after[1:]), number, date)
    if number and lines:
        return Head(lines[-1], _menu(lines[:-1]), (), number)
    return Head(lines[0] if lines else "", (), tuple(lines[1:]), number)


def _menu(lines: list[str]) -> tuple[str, ...]:
    """Return the breadcrumb with consecutive repeats collapsed ("Latest News", "Latest News")."""
    items: list[str] = []
    for line in lines:
        for item in _MENU_SEPARATOR.split(line):
            if item and (not items or items[-1] != item):
                items.append(item)
    return tuple(items)
