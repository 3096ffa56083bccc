"""Resized WebP renditions of uploaded pictures, written through the picture's storage.

Called after a picture is saved (by the admin), never from `save()`: it reads and writes files.
"""

from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

WIDTHS = (400, 1200)
QUALITY = 82


def make_renditions(photo, *, widths: tuple[int, ...] = WIDTHS) -> list[dict]:
    """Write one WebP per width (never wider than the original); record them on `photo`."""
    storage = photo.image.storage
    with photo.image.open("rb") as file, Image.open(file) as original:
        image = _upright_rgb(original)
    renditions = []
    for width in sorted({min(width, image.width) for width in widths}):
        height = round(image.height * width / image.width)
        name = f"renditions/{photo._meta.model_name}/{photo.pk}/{width}w.webp"
        if storage.exists(name):
            storage.delete(name)
        saved = storage.save(name, ContentFile(_webp(image, width, height)))
        renditions.append({"name": saved, "width": width, "height": height})
    type(photo).objects.filter(pk=photo.pk).update(renditions=renditions)
    photo.renditions = renditions
    return renditions


def _upright_rgb(image: Image.Image) -> Image.Image:
    """Apply the EXIF orientation and keep transparency only where the picture has it."""
    upright = ImageOps.exif_transpose(image)
    has_alpha = upright.mode in ("RGBA", "LA") or "transparency" in upright.info
    return upright.convert("RGBA" if has_alpha else "RGB")


def _webp(image: Image.Image, width: int, height: int) -> bytes:
    buffer = BytesIO()
    image.resize((width, height), Image.Resampling.LANCZOS).save(
        buffer, format="WEBP", quality=QUALITY
    )
    return buffer.getvalue()
