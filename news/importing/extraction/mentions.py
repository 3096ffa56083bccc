"""Parks and platforms a document names: gazetteer entries, and candidates for new ones."""

from bisect import bisect_left

from ..records import EntityKind, Mention
from .context import Sentence
from .facts import designation_spans
from .names import Candidate, Hit, NameIndex, find_candidates


def known_mentions(sentences: tuple[Sentence, ...]) -> list[tuple[tuple, Mention]]:
    """Return (position, mention) for every park and platform of the gazetteer named."""
    found = []
    for number, sentence in enumerate(sentences):
        for hit in sentence.hits:
            entry = hit.entry
            if entry.kind in (EntityKind.PARK, EntityKind.PLATFORM):
                mention = Mention(
                    kind=entry.kind,
                    name=entry.name,
                    slug=entry.slug,
                    platform_kind=entry.platform_kind,
                    park_slug=entry.park_slug,
                    sentence=sentence.text,
                )
                found.append(((number, hit.start), mention))
    return found


def unknown_mentions(
    sentences: tuple[Sentence, ...], index: NameIndex, primary: str
) -> list[tuple[tuple, Mention]]:
    """Return (position, mention) for names that look like new parks or platforms."""
    designations = [designation_spans(s.text, index) for s in sentences]
    titles = {d.title.lower() for spans in designations for *_, d in spans}
    known = tuple(_padded(name) for name in index.names)
    parks_by_block = _park_positions(sentences)
    found = []
    for number, sentence in enumerate(sentences):
        covered = _Intervals(sentence.hits, designations[number])
        for candidate in find_candidates(sentence.text):
            name = candidate.name
            if covered.overlap(candidate) or name.lower() in titles or _related(name, known):
                continue
            position = sentence.offset + candidate.start
            nearby = parks_by_block.get(sentence.block, [])
            mention = Mention(
                kind=candidate.kind,
                name=name,
                platform_kind=candidate.platform_kind,
                park_slug=_owning_park(candidate, position, nearby, primary),
                sentence=sentence.text,
            )
            found.append(((number, candidate.start), mention))
    return found


class _Intervals:
    """The parts of a sentence taken by known names and designation titles."""

    def __init__(self, hits: tuple[Hit, ...], designations: list[tuple]):
        spans = sorted([(h.start, h.end) for h in hits] + [(a, b) for a, b, _ in designations])
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in spans:
            if self._ends and start < self._ends[-1]:
                self._ends[-1] = max(self._ends[-1], end)
            else:
                self._starts.append(start)
                self._ends.append(end)

    def overlap(self, candidate: Candidate) -> bool:
        before = bisect_left(self._starts, candidate.end) - 1
        return before >= 0 and self._ends[before] > candidate.start


def in_order(found: list[tuple[tuple, Mention]], kind: EntityKind) -> tuple[Mention, ...]:
    """Return the mentions of `kind` once each, in order of first appearance."""
    seen, mentions = set(), []
    for _, mention in sorted(found, key=lambda pair: pair[0]):
        key = mention.slug or mention.name.lower()
        if mention.kind == kind and key not in seen:
            seen.add(key)
            mentions.append(mention)
    return tuple(mentions)


def _related(name: str, excluded: tuple[str, ...]) -> bool:
    name = _padded(name)
    return any(other in name or name in other for other in excluded)


def _padded(name: str) -> str:
    # Spaces around a name make substring tests respect word boundaries.
    return f" {' '.join(name.lower().split())} "


def _park_positions(sentences: tuple[Sentence, ...]) -> dict[int, list[tuple[int, str]]]:
    positions: dict[int, list[tuple[int, str]]] = {}
    for sentence in sentences:
        for hit in sentence.park_hits:
            positions.setdefault(sentence.block, []).append(
                (sentence.offset + hit.start, hit.entry.slug)
            )
    return positions


def _owning_park(
    candidate: Candidate, position: int, nearby: list[tuple[int, str]], primary: str
) -> str:
    # A network spans a region rather than belonging to one park.
    if candidate.kind != EntityKind.PLATFORM or candidate.platform_kind == "network":
        return ""
    # `nearby` is in reading order, so the nearest park is one of the two around `position`.
    after = bisect_left(nearby, (position, ""))
    around = nearby[max(0, after - 1) : after + 1]
    return min(around, key=lambda park: abs(park[0] - position))[1] if around else primary
