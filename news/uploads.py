"""Uploaded documents to files on disk for the importer, with every limit checked before parsing.

An upload as a whole is refused (`UploadRefused`) when it has too many files, too many bytes, or a
zip that is a bomb (too many entries, too much uncompressed data, a suspicious compression ratio)
or names a path outside its folder. A single oversized or unreadable file fails alone: it becomes a
failed `DocumentResult` and the other files are still imported.
"""

import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.utils.translation import gettext as _

from news.importing.report import DocumentResult, Status

CHUNK = 64 * 1024


class UploadRefused(Exception):
    """The whole upload breaks a limit; nothing was written."""


@dataclass(frozen=True)
class UploadLimits:
    max_files: int
    max_total_bytes: int
    max_file_bytes: int
    max_zip_entries: int
    max_zip_bytes: int
    max_zip_ratio: int

    @classmethod
    def from_settings(cls) -> "UploadLimits":
        config = settings.PARKWIRE
        return cls(
            max_files=config["MAX_UPLOAD_FILES"],
            max_total_bytes=config["MAX_UPLOAD_BYTES"],
            max_file_bytes=config["MAX_DOCUMENT_BYTES"],
            max_zip_entries=config["MAX_ZIP_ENTRIES"],
            max_zip_bytes=config["MAX_ZIP_UNCOMPRESSED_BYTES"],
            max_zip_ratio=config["MAX_ZIP_RATIO"],
        )


def check_upload(files, limits: UploadLimits) -> None:
    """Refuse an upload with too many files or too many bytes in all."""
    if not files:
        raise UploadRefused(_("Choose at least one file."))
    if len(files) > limits.max_files:
        raise UploadRefused(_("Upload at most %d files at once.") % limits.max_files)
    if sum(upload.size for upload in files) > limits.max_total_bytes:
        raise UploadRefused(_("The upload is larger than %s in all.") % _mb(limits.max_total_bytes))


def write_uploads(files, directory: Path, limits: UploadLimits) -> list[DocumentResult]:
    """Write uploaded files (and the documents inside uploaded zips) under `directory`.

    Return a failed result for each file refused on its own.
    """
    check_upload(files, limits)
    archives = [upload for upload in files if _is_zip(upload)]
    for archive in archives:
        check_zip(archive, limits)
    refused: list[DocumentResult] = []
    for upload in files:
        if upload in archives:
            refused += extract_zip(upload, directory, limits)
        else:
            refused += _write_one(upload, directory / safe_name(upload.name), limits)
    return refused


def check_zip(upload, limits: UploadLimits) -> None:
    """Refuse a zip bomb or a zip naming paths outside its folder, before extracting anything."""
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise UploadRefused(
            _("%(name)s is not a readable zip file (%(error)s).")
            % {"name": upload.name, "error": error}
        ) from None
    if len(entries) > limits.max_zip_entries:
        raise UploadRefused(
            _("%(name)s holds more than %(limit)d files.")
            % {"name": upload.name, "limit": limits.max_zip_entries}
        )
    if sum(entry.file_size for entry in entries) > limits.max_zip_bytes:
        raise UploadRefused(
            _("%(name)s would unpack to more than %(limit)s.")
            % {"name": upload.name, "limit": _mb(limits.max_zip_bytes)}
        )
    for entry in entries:
        if entry.file_size > limits.max_zip_ratio * max(entry.compress_size, 1):
            raise UploadRefused(_("%s is compressed suspiciously well.") % upload.name)
        if entry_path(entry.filename) is None:
            raise UploadRefused(
                _("%(name)s names a path outside its folder: %(entry)s")
                % {"name": upload.name, "entry": entry.filename}
            )


def entry_path(name: str) -> PurePosixPath | None:
    """Return a zip entry's relative path, or None when it is absolute or climbs out with `..`."""
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or ":" in name or not path.parts:
        return None
    return path


def extract_zip(upload, directory: Path, limits: UploadLimits) -> list[DocumentResult]:
    """Extract a checked zip's files; refuse alone any entry over the per-file limit."""
    refused = []
    with zipfile.ZipFile(upload) as archive:
        for entry in archive.infolist():
            if entry.is_dir():
                continue
            target = directory / Path(*entry_path(entry.filename).parts)
            if entry.file_size > limits.max_file_bytes:
                refused.append(_too_large(entry.filename, entry.file_size, limits))
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(entry) as source:
                _copy(source, target, limit=entry.file_size)
    return refused


def safe_name(name: str) -> str:
    """Return the base name of an uploaded file, never a path."""
    base = PurePosixPath(name.replace("\\", "/")).name
    return base if base not in ("", ".", "..") else "upload.txt"


def _write_one(upload, target: Path, limits: UploadLimits) -> list[DocumentResult]:
    if upload.size > limits.max_file_bytes:
        return [_too_large(upload.name, upload.size, limits)]
    if target.exists():
        return [_failed(upload.name, _("another uploaded file has the same name"))]
    with target.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return []


def _copy(source, target: Path, *, limit: int) -> None:
    """Copy at most `limit` bytes: a zip entry that lies about its size is cut off, not trusted."""
    written = 0
    with target.open("wb") as out:
        while written <= limit and (chunk := source.read(CHUNK)):
            out.write(chunk[: limit - written + 1])
            written += len(chunk)
    if written > limit:
        target.unlink()
        raise UploadRefused(_("A zip entry is larger than it claims: %s") % target.name)


def _is_zip(upload) -> bool:
    return upload.name.lower().endswith(".zip") or zipfile.is_zipfile(upload)


def _too_large(name: str, size: int, limits: UploadLimits) -> DocumentResult:
    message = _("file is too large (%(size)s; the limit is %(limit)s)") % {
        "size": _mb(size),
        "limit": _mb(limits.max_file_bytes),
    }
    return _failed(name, message)


def _failed(name: str, error: str) -> DocumentResult:
    return DocumentResult(path=name, status=Status.FAILED, error=error)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
