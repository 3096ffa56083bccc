"""Read a document into sentences, each knowing the gazetteer names it contains and the park
it is about."""

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property

from ..records import BlockKind, EntityKind, ParsedDocument
from .names import Hit, NameIndex
from .sentences import split_sentences


@dataclass(frozen=True)
class Sentence:
    text: str
    block: int  # index of the block the sentence is in
    offset: int  # where the sentence starts in its block
    heading: bool
    hits: tuple[Hit, ...]
    park: str = ""  # slug of the park the sentence is about, resolved from context

    @cached_property
    def park_hits(self) -> tuple[Hit, ...]:
        return tuple(h for h in self.hits if h.entry.kind == EntityKind.PARK)

    @cached_property
    def _park_starts(self) -> tuple[int, ...]:
        return tuple(h.start for h in self.park_hits)

    @cached_property
    def _hit_starts(self) -> tuple[int, ...]:
        return tuple(h.start for h in self.hits)

    def overlaps_name(self, start: int, end: int) -> bool:
        """Say whether [start, end) overlaps a gazetteer name."""
        before = bisect_left(self._hit_starts, end) - 1
        return before >= 0 and self.hits[before].end > start

    def without(self, kind: EntityKind) -> str:
        """Return the text with the names of `kind` blanked out, offsets unchanged."""
        pieces, start = [], 0
        for hit in self.hits:
            if hit.entry.kind == kind:
                pieces += [self.text[start : hit.start], " " * (hit.end - hit.start)]
                start = hit.end
        return "".join([*pieces, self.text[start:]])

    def park_before(self, position: int) -> str:
        """Return the park named nearest before `position`, else the sentence's park."""
        before = bisect_left(self._park_starts, position)
        return self.park_hits[before - 1].entry.slug if before else self.park


def read_sentences(document: ParsedDocument, index: NameIndex) -> tuple[Sentence, ...]:
    """Return the document's sentences with their names and parks resolved."""
    sentences = tuple(
        Sentence(text, number, offset, block.kind == BlockKind.HEADING, index.find(text))
        for number, block in enumerate(document.blocks)
        for offset, text in split_sentences(block.text or "")
    )
    return _with_parks(sentences, primary_park(sentences))


def primary_park(sentences: tuple[Sentence, ...]) -> str:
    """Return the park mentioned most often; on a tie, the one mentioned first."""
    counts = Counter(h.entry.slug for s in sentences for h in s.park_hits)
    return max(counts, key=counts.__getitem__, default="")


def _with_parks(sentences: tuple[Sentence, ...], primary: str) -> tuple[Sentence, ...]:
    # A sentence is about the park it names; otherwise about its section's park (a heading
    # naming a park), the park named last earlier in its paragraph, or the primary park.
    resolved, section, earlier, block = [], "", "", -1
    for sentence in sentences:
        named = sentence.park_hits[0].entry.slug if sentence.park_hits else ""
        if sentence.block != block:
            block, earlier = sentence.block, ""
            if sentence.heading:
                section = named
        park = named or section or earlier or primary
        if sentence.park_hits:
            earlier = sentence.park_hits[-1].entry.slug
        resolved.append(replace(sentence, park=park))
    return tuple(resolved)
