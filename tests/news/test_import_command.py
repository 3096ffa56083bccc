"""The import_seeds command: idempotency, staff edits, dry runs, reports and bad input."""

import io
import json
import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError

from news.models import NewsItem, SourceDocument
from parks.models import CooperationPlatform, KeyFigure, Park

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command("import_seeds", *map(str, args), stdout=out, stderr=out)
    return out.getvalue()


def snapshot():
    return {
        "news": sorted(NewsItem.objects.values_list("slug", "title", "updated_at")),
        "parks": sorted(Park.objects.values_list("slug", "updated_at")),
        "platforms": sorted(CooperationPlatform.objects.values_list("slug", "updated_at")),
        "figures": sorted(KeyFigure.objects.values_list("pk", "value", "updated_at")),
        "documents": sorted(SourceDocument.objects.values_list("name", "updated_at")),
    }


@pytest.fixture
def seeds_copy(tmp_path, seeds_dir):
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_dir, folder)
    (folder / "reference.toml").unlink()
    return folder


def test_first_run_reports_every_document_created(seeds_dir):
    output = run(seeds_dir)
    assert output.count(" created ") == 5
    assert "5 documents: 5 created, 0 updated, 0 unchanged, 0 failed." in output
    assert "[1/5]" in output and "[5/5]" in output


def test_second_run_changes_nothing_and_says_so(seeds_dir):
    run(seeds_dir)
    before = snapshot()
    output = run(seeds_dir)
    assert "Nothing changed: all 5 documents are up to date." in output
    assert snapshot() == before


def test_changed_file_updates_what_it_produced(seeds_copy):
    run(seeds_copy)
    path = next(seeds_copy.glob("003_*"))
    path.write_text(
        path.read_text().replace("marks first anniversary", "marks its first anniversary")
    )
    output = run(seeds_copy)
    assert "1 updated" in output and "4 unchanged" in output
    assert NewsItem.objects.filter(
        title="China-Israel Innovation Hub marks its first anniversary"
    ).exists()
    assert NewsItem.objects.count() == 4


def test_staff_edits_survive_reimport_and_conflicts_are_reported(seeds_copy):
    run(seeds_copy)
    item = NewsItem.objects.get(source_document__name__startswith="003")
    slug = item.slug
    item.title = "Staff headline"
    item.save()
    path = next(seeds_copy.glob("003_*"))
    path.write_text(path.read_text().replace("marks first anniversary", "turns one"))
    output = run(seeds_copy)
    item.refresh_from_db()
    assert item.title == "Staff headline"
    assert item.slug == slug
    assert "kept the title edited by staff" in output and "turns one" in output


def test_staff_unpublishing_a_reference_park_survives_reimport(seeds_dir):
    run(seeds_dir)
    Park.objects.filter(slug="china-israel-innovation-hub-shanghai").update(is_published=False)
    run(seeds_dir)
    assert not Park.objects.get(slug="china-israel-innovation-hub-shanghai").is_published


def test_dry_run_writes_nothing_but_reports_what_would_happen(seeds_dir):
    output = run(seeds_dir, "--dry-run")
    assert "5 created" in output and "Dry run: nothing was written." in output
    assert NewsItem.objects.count() == 0 and Park.objects.count() == 0
    assert SourceDocument.objects.count() == 0


def test_json_report_has_one_object_per_document(seeds_dir):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_seeds", str(seeds_dir), "--report", "json", stdout=out, stderr=err)
    reports = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(reports) == 5
    for report in reports:
        assert set(report) == {
            "path",
            "status",
            "kind",
            "title",
            "published",
            "parks",
            "platforms",
            "warnings",
            "error",
        }
        assert report["status"] == "created" and report["error"] is None
    profile = next(r for r in reports if r["kind"] == "profile")
    assert profile["published"] is None and profile["parks"] == [
        "China-Israel Changzhou Innovation Park"
    ]
    release = next(r for r in reports if r["path"].endswith("004_ceb984b574406793.txt"))
    assert release["published"] == "2021-11-12T00:00:00+08:00"
    assert "Sino-Swiss (Changzhou) Innovation Park" in release["parks"]
    assert "5 documents" in err.getvalue()


@pytest.fixture
def bad_files(seeds_copy):
    (seeds_copy / "empty.txt").write_bytes(b"")
    (seeds_copy / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (seeds_copy / "huge.txt").write_bytes(b"word " * (1024 * 1024 + 10))
    (seeds_copy / "data.txt").write_text('{"id": 1, "name": "not a document"}\n')
    return seeds_copy


def test_bad_files_fail_alone_with_clear_messages(bad_files):
    out = io.StringIO()
    with pytest.raises(CommandError, match="4 of 9 documents failed"):
        call_command(
            "import_seeds", str(bad_files), "--report", "json", stdout=out, stderr=io.StringIO()
        )
    reports = {r["path"].rsplit("/", 1)[1]: r for r in map(json.loads, out.getvalue().splitlines())}
    assert reports["empty.txt"]["error"] == "file is empty"
    assert "binary" in reports["image.txt"]["error"]
    assert "too large" in reports["huge.txt"]["error"]
    assert "does not look like" in reports["data.txt"]["error"]
    assert all(
        reports[name]["status"] == "failed"
        for name in ("empty.txt", "image.txt", "huge.txt", "data.txt")
    )
    assert NewsItem.objects.count() == 4 and SourceDocument.objects.count() == 5


def test_encodings_and_line_endings_import_alike(seeds_copy, tmp_path):
    text = next(seeds_copy.glob("003_*")).read_text()
    folder = tmp_path / "variants"
    folder.mkdir()
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode())
    (folder / "crlf.txt").write_bytes(
        text.replace("\n", "\r\n").replace("Hub marks", "Hub (CRLF) marks").encode()
    )
    chinese = "中以常州创新园举行年度工作会议\n\n2021年11月12日\n\n中以常州创新园是中以两国政府共同建设的首个创新合作示范园区。今年新增以色列企业十家。\n"
    (folder / "gbk.txt").write_bytes(chinese.encode("gb18030"))
    output = run(folder)
    assert "3 created" in output and "0 failed" in output
    assert NewsItem.objects.filter(
        title="China-Israel Innovation Hub marks first anniversary"
    ).exists()
    assert NewsItem.objects.filter(
        title="China-Israel Innovation Hub (CRLF) marks first anniversary"
    ).exists()
    gbk = SourceDocument.objects.get(name="gbk.txt")
    assert "中以常州创新园" in gbk.raw_text
    assert any("GB18030" in w for w in gbk.warnings)


def test_missing_path_fails_with_a_message(tmp_path):
    with pytest.raises(CommandError, match="1 of 1 documents failed"):
        run(tmp_path / "nope.txt")


def test_bad_reference_file_is_a_clear_error(tmp_path, seeds_dir):
    bad = tmp_path / "reference.toml"
    bad.write_text("[[park]\nname = ")
    with pytest.raises(CommandError, match="not valid TOML"):
        run(seeds_dir, "--reference", bad)


def test_a_failure_while_loading_leaves_nothing_half_written(seeds_copy, monkeypatch):
    from news.importing import loading

    def explode(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(loading, "_load_figures", explode)
    with pytest.raises(CommandError, match="5 of 5 documents failed"):
        run(seeds_copy)
    assert SourceDocument.objects.count() == 0
    assert NewsItem.objects.count() == 0 and CooperationPlatform.objects.drafts().count() == 0


def test_a_document_with_two_values_for_one_series_keeps_the_first_and_stays_idempotent(tmp_path):
    text = (
        "Park news\n\nTime:2020-01-05 10:00:00\n\n"
        "This year 12 additional WOFEs settled in the China-Israel Changzhou Innovation Park.\n\n"
        "Later, 30 additional WOFEs settled in the China-Israel Changzhou Innovation Park.\n"
    )
    (tmp_path / "two.txt").write_text(text)
    first = run(tmp_path)
    assert "kept 12, ignored 30" in first
    assert "Nothing changed" in run(tmp_path)
    figure = KeyFigure.objects.get(source_document__name="two.txt")
    assert figure.value == 12
