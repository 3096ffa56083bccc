"""Upload limits are checked before anything is parsed: zip bombs and escaping paths are refused."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from news.uploads import UploadLimits, UploadRefused, entry_path, write_uploads

LIMITS = UploadLimits(
    max_files=3,
    max_total_bytes=10_000,
    max_file_bytes=1_000,
    max_zip_entries=4,
    max_zip_bytes=5_000,
    max_zip_ratio=50,
)


def zip_upload(entries: dict[str, bytes], name: str = "docs.zip") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry, data in entries.items():
            archive.writestr(entry, data)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("news/a.txt", True),
        ("a.txt", True),
        ("../a.txt", False),
        ("news/../../a.txt", False),
        ("/etc/passwd", False),
        ("C:/evil.txt", False),
        ("..\\evil.txt", False),
    ],
)
def test_entry_path_refuses_absolute_and_climbing_names(name, safe):
    assert (entry_path(name) is not None) is safe


def test_plain_files_are_written_by_base_name(tmp_path):
    upload = SimpleUploadedFile("../../escape.txt", b"Some text.")
    assert write_uploads([upload], tmp_path, LIMITS) == []
    assert [p.name for p in tmp_path.iterdir()] == ["escape.txt"]


def test_an_oversized_file_fails_alone(tmp_path):
    big = SimpleUploadedFile("big.txt", b"x" * 2_000)
    fine = SimpleUploadedFile("fine.txt", b"Some text.")
    refused = write_uploads([big, fine], tmp_path, LIMITS)
    assert [(r.path, r.status) for r in refused] == [("big.txt", "failed")]
    assert "too large" in refused[0].error
    assert [p.name for p in tmp_path.iterdir()] == ["fine.txt"]


def test_too_many_files_are_refused(tmp_path):
    uploads = [SimpleUploadedFile(f"{n}.txt", b"x") for n in range(4)]
    with pytest.raises(UploadRefused, match="at most 3 files"):
        write_uploads(uploads, tmp_path, LIMITS)


def test_too_many_bytes_in_all_are_refused(tmp_path):
    uploads = [SimpleUploadedFile(f"{n}.zip", b"x" * 4_000) for n in range(3)]
    with pytest.raises(UploadRefused, match="larger than"):
        write_uploads(uploads, tmp_path, LIMITS)


def test_zip_is_extracted_with_its_folders(tmp_path):
    upload = zip_upload({"news/a.txt": b"First.", "b.txt": b"Second.", "empty/": b""})
    assert write_uploads([upload], tmp_path, LIMITS) == []
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.txt")) == [
        "b.txt",
        "news/a.txt",
    ]


def test_zip_bomb_is_refused_before_extracting_anything(tmp_path):
    upload = zip_upload({"bomb.txt": b"\0" * 4_000})
    with pytest.raises(UploadRefused, match="compressed suspiciously well"):
        write_uploads([upload], tmp_path, LIMITS)
    assert list(tmp_path.iterdir()) == []


def test_zip_that_unpacks_too_large_is_refused(tmp_path):
    entries = {f"{n}.txt": bytes(range(256)) * 7 for n in range(4)}  # 7 KB, barely compressible
    with pytest.raises(UploadRefused, match="unpack to more than"):
        write_uploads([zip_upload(entries)], tmp_path, LIMITS)


def test_zip_with_too_many_entries_is_refused(tmp_path):
    entries = {f"{n}.txt": b"x" for n in range(5)}
    with pytest.raises(UploadRefused, match="more than 4 files"):
        write_uploads([zip_upload(entries)], tmp_path, LIMITS)


def test_zip_naming_a_path_outside_is_refused(tmp_path):
    with pytest.raises(UploadRefused, match="outside its folder"):
        write_uploads([zip_upload({"../../evil.txt": b"x"})], tmp_path, LIMITS)
    assert not (Path(tmp_path).parent / "evil.txt").exists()


def test_a_file_that_is_not_a_zip_but_named_so_is_refused(tmp_path):
    with pytest.raises(UploadRefused, match="not a readable zip"):
        write_uploads([SimpleUploadedFile("docs.zip", b"plain text")], tmp_path, LIMITS)
