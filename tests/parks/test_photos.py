"""Pictures: checked by their real format, size and pixels; resized; shown with alt text."""

import io
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from news.models import NewsImage
from parks.images import validate_image_upload
from parks.models import ParkPhoto
from parks.renditions import make_renditions
from tests.news.factories import NewsItemFactory
from tests.parks.factories import ParkFactory

pytestmark = pytest.mark.django_db


def picture(name="photo.jpg", *, fmt="JPEG", size=(1600, 900), mode="RGB") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new(mode, size, "teal").save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


@pytest.mark.parametrize(("fmt", "mode"), [("JPEG", "RGB"), ("PNG", "RGBA"), ("WEBP", "RGB")])
def test_jpeg_png_and_webp_are_accepted(fmt, mode):
    validate_image_upload(picture(f"p.{fmt.lower()}", fmt=fmt, mode=mode))


@pytest.mark.parametrize("fmt", ["GIF", "BMP", "TIFF"])
def test_other_formats_are_refused_even_with_a_jpeg_name(fmt):
    with pytest.raises(ValidationError, match="JPEG, PNG or WebP"):
        validate_image_upload(picture("disguised.jpg", fmt=fmt))


def test_a_text_file_named_jpg_is_refused():
    with pytest.raises(ValidationError, match="not a picture"):
        validate_image_upload(SimpleUploadedFile("evil.jpg", b"<script>alert(1)</script>"))


def test_a_file_over_ten_megabytes_is_refused():
    big = SimpleUploadedFile("big.jpg", b"\xff\xd8" + bytes(10 * 1024 * 1024 + 1))
    with pytest.raises(ValidationError, match="too large"):
        validate_image_upload(big)


def test_too_many_pixels_are_refused_before_decoding(settings):
    settings.PARKWIRE = {**settings.PARKWIRE, "MAX_IMAGE_PIXELS": 1000 * 1000}
    with pytest.raises(ValidationError, match="too many pixels"):
        validate_image_upload(picture(size=(1200, 1000)))


def test_a_decompression_bomb_is_refused_from_its_header():
    # A valid PNG header claiming 100,000 by 100,000 pixels: refused before any pixel is decoded.
    png = picture(fmt="PNG", size=(10, 10)).read()
    ihdr = b"IHDR" + (100_000).to_bytes(4, "big") * 2 + png[24:29]
    bomb = png[:12] + ihdr + zlib.crc32(ihdr).to_bytes(4, "big") + png[33:]
    with pytest.raises(ValidationError, match="too many pixels"):
        validate_image_upload(SimpleUploadedFile("bomb.png", bomb))


def test_alt_text_is_required():
    photo = ParkPhoto(park=ParkFactory(), image=picture(), alt_text="")
    with pytest.raises(ValidationError) as error:
        photo.full_clean()
    assert "alt_text" in error.value.message_dict


def test_renditions_are_webp_at_two_widths(media_root):
    photo = ParkPhoto.objects.create(park=ParkFactory(), image=picture(), alt_text="The lobby")
    renditions = make_renditions(photo)
    assert [(r["width"], r["height"]) for r in renditions] == [(400, 225), (1200, 675)]
    with Image.open(media_root / renditions[0]["name"]) as image:
        assert (image.format, image.size) == ("WEBP", (400, 225))
    photo.refresh_from_db()
    assert photo.renditions == renditions


def test_a_small_picture_is_never_enlarged(media_root):
    photo = ParkPhoto.objects.create(
        park=ParkFactory(), image=picture(size=(300, 200)), alt_text="Small"
    )
    assert [r["width"] for r in make_renditions(photo)] == [300]


def test_park_page_shows_a_lazy_gallery_with_alt_text_and_sizes(client, media_root):
    park = ParkFactory()
    photo = ParkPhoto.objects.create(park=park, image=picture(), alt_text="Incubator <lobby>")
    make_renditions(photo)
    page = client.get(park.get_absolute_url()).content.decode()
    assert 'alt="Incubator &lt;lobby&gt;"' in page
    assert 'loading="lazy"' in page and 'width="1200" height="675"' in page
    assert "400w" in page and "1200w" in page


def test_news_page_shows_its_images(client, media_root):
    item = NewsItemFactory()
    NewsImage.objects.create(
        item=item, image=picture(), alt_text="Signing ceremony", caption="At the park"
    )
    page = client.get(item.get_absolute_url()).content.decode()
    assert 'alt="Signing ceremony"' in page and "At the park" in page


def test_admin_inline_upload_validates_and_makes_renditions(client, publisher, media_root):
    park = ParkFactory()
    client.force_login(publisher)
    url = reverse("admin:parks_park_change", args=[park.pk])
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value not in (None, [])}
    data |= {
        "name": park.name,
        "slug": park.slug,
        "aliases": "",
        "designations-TOTAL_FORMS": "0",
        "designations-INITIAL_FORMS": "0",
        "key_figures-TOTAL_FORMS": "0",
        "key_figures-INITIAL_FORMS": "0",
        "photos-TOTAL_FORMS": "2",
        "photos-INITIAL_FORMS": "0",
        "photos-0-image": picture(),
        "photos-0-alt_text": "The lobby",
        "photos-0-order": "0",
        "photos-1-image": SimpleUploadedFile("fake.png", b"GIF89a not really"),
        "photos-1-alt_text": "Fake",
        "photos-1-order": "1",
    }
    refused = client.post(url, data)
    assert refused.status_code == 200 and not ParkPhoto.objects.exists()
    data |= {"photos-TOTAL_FORMS": "1"}
    data.pop("photos-1-image"), data.pop("photos-1-alt_text"), data.pop("photos-1-order")
    data["photos-0-image"] = picture()
    assert client.post(url, data).status_code == 302
    photo = ParkPhoto.objects.get()
    assert [r["width"] for r in photo.renditions] == [400, 1200]
