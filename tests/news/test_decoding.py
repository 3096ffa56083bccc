import codecs

import pytest

from news.importing.decoding import decode_document
from news.importing.records import DocumentError

MB = 1024 * 1024
SENTENCE = "中以常州创新园是中以两国政府共同建立的首个创新示范园区。"


def decode(data, name="document.txt", max_bytes=5 * MB):
    return decode_document(data, name=name, max_bytes=max_bytes)


def test_plain_utf8_decodes_without_warnings():
    assert decode(SENTENCE.encode("utf-8")) == (SENTENCE, ())


@pytest.mark.parametrize("data", [b"", b" \n\t\r\n "], ids=["empty", "whitespace"])
def test_empty_file_is_rejected(data):
    with pytest.raises(DocumentError, match=r"^file is empty$"):
        decode(data)


def test_utf16_file_of_spaces_is_rejected_as_empty():
    with pytest.raises(DocumentError, match=r"^file is empty$"):
        decode("   \n ".encode("utf-16"))


def test_oversized_file_is_rejected_with_both_sizes():
    with pytest.raises(DocumentError) as error:
        decode(b"a" * int(5.2 * MB), max_bytes=5 * MB)

    assert str(error.value) == "file is too large (5.2 MB; the limit is 5 MB)"


def test_file_just_over_the_limit_does_not_read_as_the_limit():
    with pytest.raises(DocumentError) as error:
        decode(b"a" * (5 * MB + 50), max_bytes=5 * MB)

    assert str(error.value) == "file is too large (5.1 MB; the limit is 5 MB)"


def test_file_at_the_limit_is_accepted():
    text, _ = decode(b"a" * 1000, max_bytes=1000)

    assert len(text) == 1000


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "GZIP archive"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
    ],
)
def test_known_binary_formats_are_named(data, kind):
    with pytest.raises(DocumentError) as error:
        decode(data)

    assert str(error.value) == f"binary file (looks like a {kind}), not a text document"


def test_word_document_is_named_from_its_extension():
    with pytest.raises(DocumentError, match=r"looks like a Word document"):
        decode(b"PK\x03\x04\x14\x00\x06\x00", name="profile.docx")


def test_nul_bytes_mean_binary():
    with pytest.raises(DocumentError, match=r"^binary file \(contains NUL bytes\)"):
        decode(b"Park news\x00\x01\x02 more text")


def test_many_control_characters_mean_binary():
    with pytest.raises(DocumentError, match=r"^binary file \(many control characters\)"):
        decode(bytes(range(1, 32)) * 10 + b"some text")


def test_utf8_byte_order_mark_is_removed_silently():
    assert decode(codecs.BOM_UTF8 + b"Park news") == ("Park news", ())


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_byte_order_mark_decodes(encoding):
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    data = bom + f"Park news\n{SENTENCE}".encode(encoding)

    assert decode(data) == (f"Park news\n{SENTENCE}", ())


def test_utf16_byte_order_mark_with_broken_text_is_rejected():
    with pytest.raises(DocumentError, match="UTF-16 byte-order mark but is not valid UTF-16"):
        decode(codecs.BOM_UTF16_LE + b"P\x00a\x00r")


@pytest.mark.parametrize("encoding", ["gbk", "gb2312", "gb18030"])
def test_chinese_legacy_encodings_decode_as_gb18030_with_a_warning(encoding):
    data = f"中以常州创新园\n\n{SENTENCE} CIP 2019年".encode(encoding)

    text, warnings = decode(data)

    assert text == f"中以常州创新园\n\n{SENTENCE} CIP 2019年"
    assert warnings == ("decoded as GB18030 (not UTF-8)",)


@pytest.mark.parametrize(
    "text",
    [
        "Zürich café, São Paulo and Málaga.",
        "Müller visited the Ölpreis naïve exhibition in Zürich.",
    ],
)
def test_latin1_text_is_not_mistaken_for_gb18030(text):
    with pytest.raises(DocumentError) as error:
        decode(text.encode("latin-1"))

    assert str(error.value) == "cannot decode: not UTF-8 or GB18030 text"


def test_line_endings_are_normalised():
    text, _ = decode(b"one\r\ntwo\rthree\nfour")

    assert text == "one\ntwo\nthree\nfour"


def test_zero_width_characters_are_removed_and_text_is_nfc():
    text, _ = decode("Cafe\u0301 in\u200b Chang\ufeffzhou".encode())

    assert text == "Caf\u00e9 in Changzhou"
