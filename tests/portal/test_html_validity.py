"""Every public page is valid HTML according to the Nu HTML Checker (vnu-jar from npm)."""

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from news.models import NewsItem
from parks.models import CooperationPlatform, Park
from tests.news.factories import NewsItemFactory
from tests.portal.xss import VECTORS

pytestmark = pytest.mark.django_db

VNU_JAR = Path(__file__).resolve().parents[2] / "var/node/node_modules/vnu-jar/build/dist/vnu.jar"


def vnu_command() -> list[str]:
    java = shutil.which("java")
    if java and VNU_JAR.exists():
        return [java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only"]
    if os.environ.get("CI"):
        pytest.fail("the Nu HTML Checker needs java and vnu-jar (make validator installs it)")
    pytest.skip("java or vnu-jar missing (make validator installs vnu-jar)")


def public_urls() -> list[str]:
    urls = [
        "/",
        "/parks/",
        "/platforms/",
        "/news/",
        "/search/?q=innovation",
        "/search/?q=中以常州创新园",
    ]
    urls += [
        "/news/?park=china-israel-changzhou-innovation-park&year=2019",
        "/he/",
        "/zh-hans/news/",
    ]
    urls += [park.get_absolute_url() for park in Park.objects.published()]
    urls += [p.get_absolute_url() for p in CooperationPlatform.objects.published()]
    urls += [item.get_absolute_url() for item in NewsItem.objects.published()]
    return [*urls, "/no-such-page/"]


def test_public_pages_have_no_html_errors(client, seeds_dir, tmp_path):
    command = vnu_command()
    call_command("import_seeds", str(seeds_dir), stdout=io.StringIO())
    # The sanitiser's output must be valid HTML too: one item carries the whole XSS corpus.
    NewsItemFactory(slug="hostile-corpus", body="\n\n".join(f"Text {v} more." for v in VECTORS))
    files = {}
    for index, url in enumerate(public_urls()):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        path = tmp_path / f"page{index}.html"
        path.write_bytes(response.content)
        files[path.name] = url
    result = subprocess.run(
        command + [str(p) for p in sorted(tmp_path.glob("*.html"))],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{files.get(m.get('url', '').rsplit('/', 1)[-1])}: {m['message']} ({m.get('extract', '')!r})"
        for m in messages
    ]
    assert errors == []
