"""Import files: read, decode, parse, extract and load each in its own transaction.

A bad file fails alone with a clear message; every other file still imports. A dry run does the
same work inside one transaction that is rolled back, so its report is exactly what a real run
would do.
"""

import hashlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction

from .catalog import database_entries, sync_reference
from .decoding import decode_document
from .extraction import extract
from .loading import LoadedDocument, RawFile, load_document
from .parsing import parse_document
from .records import DocumentError, Gazetteer, ParsedDocument
from .reference import Reference
from .report import DocumentResult, Status

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
SKIPPED_SUFFIXES = {".toml"}


def import_paths(
    paths: Iterable[Path],
    *,
    reference: Reference,
    dry_run: bool = False,
    confirm_figures: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_result: Callable[[DocumentResult, int, int], None] | None = None,
) -> list[DocumentResult]:
    """Import every document under `paths`; return one result per file, in order."""
    files = list(collect_files(paths))
    results = []
    with _rolled_back_if(dry_run):
        notes = _atomic_with_retry(lambda: sync_reference(reference))
        if notes and on_result:
            on_result(
                DocumentResult(path="reference.toml", status=Status.UNCHANGED, warnings=notes),
                0,
                len(files),
            )
        for index, path in enumerate(files, start=1):
            result = import_file(
                path, reference=reference, confirm_figures=confirm_figures, max_bytes=max_bytes
            )
            results.append(result)
            if on_result:
                on_result(result, index, len(files))
    return results


def collect_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Yield the files named, and the files inside the folders named (sorted, hidden ones skipped)."""
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if (
                    child.is_file()
                    and child.suffix not in SKIPPED_SUFFIXES
                    and not any(part.startswith(".") for part in relative)
                ):
                    yield child
        else:
            yield path


def import_file(
    path: Path, *, reference: Reference, confirm_figures: bool, max_bytes: int
) -> DocumentResult:
    """Import one file in its own transaction; never raise for bad input."""
    try:
        raw, parsed = read_document(path, max_bytes=max_bytes)

        def load():
            gazetteer = Gazetteer(database_entries(), reference.metrics, reference.industries)
            extraction = extract(parsed, gazetteer)
            return load_document(
                raw=raw, parsed=parsed, extraction=extraction, confirm_figures=confirm_figures
            )

        loaded = _atomic_with_retry(load)
    except DocumentError as error:
        return DocumentResult(path=str(path), status=Status.FAILED, error=str(error))
    except ValidationError as error:
        return DocumentResult(
            path=str(path), status=Status.FAILED, error=_validation_message(error)
        )
    except DatabaseError as error:
        return DocumentResult(
            path=str(path), status=Status.FAILED, error=f"database error: {error}"
        )
    return _result(path, parsed, loaded)


def read_document(path: Path, *, max_bytes: int) -> tuple[RawFile, ParsedDocument]:
    """Read, decode and parse `path`, checking its size before reading it."""
    try:
        if not path.is_file():
            raise DocumentError("no such file" if not path.exists() else "not a regular file")
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentError(f"file is too large ({_mb(size)}; the limit is {_mb(max_bytes)})")
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError(f"cannot read the file: {error.strerror or error}") from None
    text, warnings = decode_document(data, name=path.name, max_bytes=max_bytes)
    parsed = parse_document(text, name=path.name)
    if warnings:
        parsed = _with_warnings(parsed, warnings)
    raw = RawFile(
        name=path.name, sha256=hashlib.sha256(data).hexdigest(), size=len(data), text=text
    )
    return raw, parsed


def _with_warnings(parsed: ParsedDocument, warnings: tuple[str, ...]) -> ParsedDocument:
    from dataclasses import replace

    return replace(parsed, warnings=tuple(warnings) + parsed.warnings)


def _result(path: Path, parsed: ParsedDocument, loaded: LoadedDocument) -> DocumentResult:
    if loaded.created:
        status = Status.CREATED
    else:
        status = Status.UPDATED if loaded.changed else Status.UNCHANGED
    return DocumentResult(
        path=str(path),
        status=status,
        kind=str(parsed.kind),
        title=parsed.title,
        published=parsed.published.isoformat() if parsed.published else None,
        parks=loaded.parks,
        platforms=loaded.platforms,
        warnings=list(dict.fromkeys(loaded.warnings)),
    )


def _validation_message(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items())
    return " ".join(error.messages)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _atomic_with_retry(work, *, attempts: int = 3):
    """Run `work` in a transaction; again if a concurrent import created the same row first."""
    for attempt in range(attempts):
        try:
            with transaction.atomic():
                return work()
        except IntegrityError:
            if attempt == attempts - 1:
                raise
    return None


@contextmanager
def _rolled_back_if(dry_run: bool):
    if not dry_run:
        yield
        return
    with transaction.atomic():
        yield
        transaction.set_rollback(True)
