"""Turn an uploaded file's bytes into clean text, or say plainly why it cannot be imported.

`decode_document(data, name=..., max_bytes=...)` returns `(text, warnings)`. The text is NFC,
has only "\\n" line endings and no byte-order marks or zero-width spaces. Encodings are tried in a
fixed order: a UTF-8 or UTF-16 byte-order mark, plain UTF-8, then GB18030 (a superset of GBK and
GB2312). Every failure is a `DocumentError` whose message is shown to staff as is.
"""

import codecs
import math
import re
import unicodedata

from .records import DocumentError

# Leading bytes of the binary files staff are most likely to upload by mistake.
_MAGIC_NUMBERS = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "GZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Word or Excel file"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
)
# Office Open XML files are ZIP archives; the file name says which kind.
_ZIP_KINDS = {".docx": "Word document", ".xlsx": "Excel workbook", ".pptx": "PowerPoint file"}

_SAMPLE_BYTES = 64 * 1024
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.05
# After a GB18030 decode: controls, private use, unassigned and replacement characters.
_UNUSUAL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd\U000f0000-\U0010ffff]")
_CJK_CLASS = "[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]"
_CJK = re.compile(_CJK_CLASS)
# Accented Latin-1 letters read as GB18030 become lone Chinese characters amid Latin text;
# real Chinese writing comes in runs.
_LONE_CJK = re.compile(f"(?<!{_CJK_CLASS}){_CJK_CLASS}(?!{_CJK_CLASS})")
_MAX_LONE_CJK_SHARE = 0.25
_MAX_UNUSUAL_SHARE = 0.01

_LINE_BREAK = re.compile(r"\r\n?")
# Zero-width joiners stay: they change how some scripts and emoji render.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u180e]")


def decode_document(data: bytes, *, name: str, max_bytes: int) -> tuple[str, tuple[str, ...]]:
    """Decode an uploaded text file into clean text, with warnings for staff."""
    if len(data) > max_bytes:
        size = _size(len(data), round_up=True)
        raise DocumentError(f"file is too large ({size}; the limit is {_size(max_bytes)})")
    if not data.strip():
        raise DocumentError("file is empty")
    _reject_binary(data, name=name)
    text, warnings = _decode(data)
    text = _clean(text)
    if not text.strip():
        raise DocumentError("file is empty")
    return text, warnings


def _size(n: int, *, round_up: bool = False) -> str:
    """Say "5.2 MB"; a size just over a limit is rounded up so it never reads as the limit."""
    unit, scale = ("KB", 1024) if n < 1024 * 1024 else ("MB", 1024 * 1024)
    tenths = math.ceil(n * 10 / scale) if round_up else round(n * 10 / scale)
    return f"{tenths // 10} {unit}" if tenths % 10 == 0 else f"{tenths / 10:.1f} {unit}"


def _reject_binary(data: bytes, *, name: str) -> None:
    for magic, kind in _MAGIC_NUMBERS:
        if data.startswith(magic):
            if kind == "ZIP archive":
                kind = _ZIP_KINDS.get(_suffix(name), kind)
            raise DocumentError(f"binary file (looks like a {kind}), not a text document")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return  # UTF-16 text is full of NUL bytes
    sample = data[:_SAMPLE_BYTES]
    if b"\x00" in sample:
        raise DocumentError("binary file (contains NUL bytes), not a text document")
    if len(_CONTROL_BYTES.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise DocumentError("binary file (many control characters), not a text document")


def _suffix(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot >= 0 else ""


def _decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data, "utf-8-sig", "UTF-8"), ()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", "UTF-16"), ()
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise DocumentError("cannot decode: not UTF-8 or GB18030 text") from None
    if not _plausible_chinese(text):
        raise DocumentError("cannot decode: not UTF-8 or GB18030 text") from None
    return text, ("decoded as GB18030 (not UTF-8)",)


def _strict(data: bytes, codec: str, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise DocumentError(
            f"cannot decode: the file has a {label} byte-order mark but is not valid {label}"
        ) from None


def _plausible_chinese(text: str) -> bool:
    """Tell real GB18030 text from other 8-bit text that merely happens to decode."""
    if len(_UNUSUAL.findall(text)) > _MAX_UNUSUAL_SHARE * len(text):
        return False
    cjk = len(_CJK.findall(text))
    return cjk > 0 and len(_LONE_CJK.findall(text)) < _MAX_LONE_CJK_SHARE * cjk


def _clean(text: str) -> str:
    text = _LINE_BREAK.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text)
