"""Staff import documents from the admin and see the importer's per-document report."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from news.models import NewsItem, SourceDocument
from parks.models import KeyFigure

pytestmark = pytest.mark.django_db

URL = "admin:news_import"


def upload(path) -> SimpleUploadedFile:
    return SimpleUploadedFile(path.name, path.read_bytes(), content_type="text/plain")


def seed_zip(seeds_dir) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(seeds_dir.glob("*.txt")):
            archive.write(path, f"seeds/{path.name}")
    return SimpleUploadedFile("seeds.zip", buffer.getvalue(), content_type="application/zip")


def post(client, files, **extra):
    return client.post(reverse(URL), {"files": files, **extra})


def test_import_page_opens_for_publishers_and_is_linked(client, publisher):
    client.force_login(publisher)
    assert client.get(reverse(URL)).status_code == 200
    index = client.get(reverse("admin:index")).content.decode()
    documents = client.get(reverse("admin:news_sourcedocument_changelist")).content.decode()
    assert reverse(URL) in index and reverse(URL) in documents


def test_editors_cannot_import(client, editor, seeds_dir):
    client.force_login(editor)
    assert post(client, [upload(seeds_dir / "001_96e823c6f9e3f443.txt")]).status_code == 403
    assert not SourceDocument.objects.exists()


def test_uploaded_files_are_imported_with_a_report(client, publisher, seeds_dir):
    client.force_login(publisher)
    files = [upload(path) for path in sorted(seeds_dir.glob("*.txt"))]
    response = post(client, files)
    page = response.content.decode()
    assert response.status_code == 200
    assert "5 documents: 5 created" in page
    assert "001_96e823c6f9e3f443.txt" in page and "cut off by the source site" in page
    assert SourceDocument.objects.count() == 5


def test_figures_imported_from_the_admin_wait_for_confirmation(client, publisher, seeds_dir):
    client.force_login(publisher)
    post(client, [seed_zip(seeds_dir)])
    assert KeyFigure.objects.exists()
    assert not KeyFigure.objects.exclude(status=KeyFigure.Status.PENDING).exists()


def test_imports_from_the_admin_are_recorded_as_the_staff_member(client, publisher, seeds_dir):
    client.force_login(publisher)
    post(client, [upload(seeds_dir / "001_96e823c6f9e3f443.txt")])
    record = NewsItem.objects.get().history.earliest()
    assert record.history_user == publisher
    assert record.history_change_reason == "import: 001_96e823c6f9e3f443.txt"


def test_a_zip_of_documents_is_imported(client, publisher, seeds_dir):
    client.force_login(publisher)
    page = post(client, [seed_zip(seeds_dir)]).content.decode()
    assert "seeds/004_ceb984b574406793.txt" in page
    assert SourceDocument.objects.count() == 5


def test_dry_run_writes_nothing(client, publisher, seeds_dir):
    client.force_login(publisher)
    page = post(client, [seed_zip(seeds_dir)], dry_run="on").content.decode()
    assert "Dry run: nothing was written." in page
    assert not SourceDocument.objects.exists()


def test_a_bad_file_among_good_ones_fails_alone(client, publisher, seeds_dir, settings):
    settings.PARKWIRE = {**settings.PARKWIRE, "MAX_DOCUMENT_BYTES": 20_000}
    client.force_login(publisher)
    files = [
        upload(seeds_dir / "001_96e823c6f9e3f443.txt"),
        SimpleUploadedFile("empty.txt", b""),
        SimpleUploadedFile("huge.txt", b"word " * 5_000),
        SimpleUploadedFile("picture.txt", b"\x89PNG\r\n\x1a\n" + bytes(200)),
    ]
    page = post(client, files).content.decode()
    assert "file is empty" in page
    assert "too large" in page
    assert "binary" in page
    assert SourceDocument.objects.count() == 1


def test_a_zip_bomb_is_refused_and_nothing_imported(client, publisher):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.txt", b"a" * (20 * 1024 * 1024))
    client.force_login(publisher)
    response = post(client, [SimpleUploadedFile("bomb.zip", buffer.getvalue())])
    assert response.status_code == 200
    assert "compressed suspiciously well" in response.content.decode()
    assert not SourceDocument.objects.exists()


def test_an_oversized_upload_is_refused_before_parsing(client, publisher, settings):
    settings.PARKWIRE = {**settings.PARKWIRE, "MAX_UPLOAD_BYTES": 1_000}
    client.force_login(publisher)
    files = [SimpleUploadedFile(f"{n}.txt", b"x" * 600) for n in range(2)]
    page = post(client, files).content.decode()
    assert "larger than" in page
    assert not SourceDocument.objects.exists()


def test_an_empty_form_asks_for_files(client, publisher):
    client.force_login(publisher)
    response = client.post(reverse(URL), {})
    assert response.status_code == 200
    assert "Choose at least one file." in response.content.decode()
