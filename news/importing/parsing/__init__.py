"""Parse a decoded source document into a `ParsedDocument`.

`parse_document(text, name=...)` recognises four shapes: a park profile (prose only, no title or
date), a scraped news page (hotline, menu breadcrumb, a title the site may have cut off, a
"Time:" line), a magazine article (title, date line, body, trailing menu fragments) and a press
release ("CITY, Country, Nov. 12, 2021 /PRNewswire/ -- ..."); anything else with a title is a
plain article. Boilerplate is dropped, dates are tz-aware (Asia/Shanghai) with their precision,
and what staff should check is said in `warnings`. Paragraphs are separated by blank lines, or by
single line breaks after a sentence ends; headings need a blank line around them.

Text that is not an article or profile at all raises `DocumentError`; nothing else is raised, on
any input. Every regular expression is compiled once and runs in linear time.
"""

from dataclasses import replace

from ..records import Block, BlockKind, DocumentError, DocumentFormat, DocumentKind, ParsedDocument
from .dates import TIME_ZONE, PressLead, read_press_lead
from .head import PAGE_LABELS, Head, read_head
from .paragraphs import (
    Paragraph,
    blocks,
    is_prose,
    looks_like_data,
    not_a_document,
    paragraphs,
    split_head,
)
from .titles import derived_title, repaired_title

__all__ = ["TIME_ZONE", "parse_document"]

_NO_DATE = "no publication date found"
_SEARCH_BODY = 20_000


def parse_document(text: str, *, name: str = "") -> ParsedDocument:
    """Parse a decoded document into blocks and metadata, or raise DocumentError."""
    if looks_like_data(text):
        raise DocumentError(not_a_document(name))
    head_lines, body = split_head(paragraphs(text))
    head = read_head(head_lines)
    lead = read_press_lead(body[0].text) if body else None
    if lead is not None:
        body = [Paragraph(lead.rest, (lead.rest,)), *body[1:]]
    found = blocks(head.extra, body)
    if not any(b.kind == BlockKind.PARAGRAPH and is_prose(b.text) for b in found):
        raise DocumentError(not_a_document(name))
    return _with_title_and_warnings(_document(head, lead, found))


def _document(head: Head, lead: PressLead | None, found: tuple[Block, ...]) -> ParsedDocument:
    document_format = _format(head, lead)
    date = (lead.date if lead else None) or head.date
    return ParsedDocument(
        kind=(
            DocumentKind.PROFILE
            if document_format == DocumentFormat.PARK_PROFILE
            else DocumentKind.NEWS
        ),
        format=document_format,
        title=head.title,
        source_title=head.title,
        published=date.value if date else None,
        published_precision=date.precision if date else None,
        blocks=found,
        channel=" \u203a ".join(head.menu),
        source_name=lead.source_name if lead else "",
        dateline=lead.dateline if lead else "",
        hotline=head.hotline,
    )


def _format(head: Head, lead: PressLead | None) -> DocumentFormat:
    if lead is not None:
        return DocumentFormat.PRESS_RELEASE
    if head.hotline or head.menu or (head.date and head.date.label in PAGE_LABELS):
        return DocumentFormat.SCRAPED_NEWS_PAGE
    if head.date is not None:
        return DocumentFormat.MAGAZINE_ARTICLE
    if head.title:
        return DocumentFormat.PLAIN_ARTICLE
    return DocumentFormat.PARK_PROFILE


def _with_title_and_warnings(document: ParsedDocument) -> ParsedDocument:
    if document.kind == DocumentKind.PROFILE:
        return document
    title, warning = document.title, ""
    if not title:
        title, source = derived_title(document.blocks)
        warning = f"no title line; title derived from the {source}"
    elif document.format == DocumentFormat.SCRAPED_NEWS_PAGE:
        body = "\n".join(b.text for b in document.blocks)[:_SEARCH_BODY]
        title, warning = repaired_title(title, body)
    warnings = [w for w in (warning, "" if document.published else _NO_DATE) if w]
    return replace(document, title=title, warnings=tuple(warnings))
