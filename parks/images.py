"""Checks on uploaded pictures: the real format (read by Pillow, not the extension), size and pixels.

Only the header is read before the pixel count is checked, so a decompression bomb is refused
before any pixel is decoded.
"""

import uuid
import warnings
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}


def validate_image_upload(file) -> None:
    """Refuse files that are not JPEG, PNG or WebP, or that are too large in bytes or pixels."""
    limits = settings.PARKWIRE
    if file.size > limits["MAX_IMAGE_BYTES"]:
        raise ValidationError(
            _("The file is too large (%(size)s MB; the limit is %(limit)s MB)."),
            params={"size": _mb(file.size), "limit": _mb(limits["MAX_IMAGE_BYTES"])},
            code="too_large",
        )
    image_format, (width, height) = read_header(file)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            _("Upload a JPEG, PNG or WebP picture (this file is %(format)s)."),
            params={"format": image_format or _("not a picture")},
            code="format",
        )
    if width * height > limits["MAX_IMAGE_PIXELS"]:
        raise ValidationError(
            _("The picture has too many pixels (%(width)s by %(height)s)."),
            params={"width": width, "height": height},
            code="too_many_pixels",
        )


def read_header(file) -> tuple[str, tuple[int, int]]:
    """Return the real format and size of `file`, reading no pixel data."""
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                return image.format or "", image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("The picture has too many pixels."), code="too_many_pixels"
        ) from None
    except (UnidentifiedImageError, OSError, ValueError):
        raise ValidationError(
            _("Upload a JPEG, PNG or WebP picture (this file is not a picture)."), code="format"
        ) from None
    finally:
        file.seek(0)


def photo_upload_to(instance, filename: str) -> str:
    """Store uploads under a random name, so a visitor cannot guess or overwrite another's file."""
    suffix = PurePath(filename).suffix.lower()[:6]
    return f"photos/{instance._meta.model_name}/{uuid.uuid4().hex}{suffix}"


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"
