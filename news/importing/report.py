"""Per-document import results, as a readable line or as one JSON object."""

from dataclasses import asdict, dataclass, field
from enum import StrEnum


class Status(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    FAILED = "failed"


@dataclass
class DocumentResult:
    path: str
    status: Status
    kind: str | None = None
    title: str = ""
    published: str | None = None
    parks: list[str] = field(default_factory=list)
    platforms: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    def as_json(self) -> dict:
        return {**asdict(self), "status": str(self.status)}

    def as_line(self, index: int, total: int) -> str:
        width = len(str(total))
        label = self.error if self.error else (self.title or "(profile)")
        return f"[{index:>{width}}/{total}] {self.status:<9} {self.kind or '-':<7} {self.path}: {label}"


def summarize(results: list[DocumentResult], *, dry_run: bool) -> str:
    """Return a one-line summary of a whole import."""
    documents = results
    counts = {status: sum(r.status == status for r in documents) for status in Status}
    if documents and counts[Status.UNCHANGED] == len(documents):
        line = f"Nothing changed: all {len(documents)} documents are up to date."
    else:
        line = f"{len(documents)} documents: " + ", ".join(f"{counts[s]} {s}" for s in Status) + "."
    return line + (" Dry run: nothing was written." if dry_run else "")
