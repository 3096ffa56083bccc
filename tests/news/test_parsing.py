from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from news.importing.decoding import decode_document
from news.importing.parsing import parse_document
from news.importing.records import BlockKind, DocumentError, DocumentFormat, DocumentKind
from portal.dates import DatePrecision

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
DATA = Path(__file__).resolve().parent / "data"
SHANGHAI = ZoneInfo("Asia/Shanghai")


def parse_seed(prefix):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return parse_document(path.read_text(encoding="utf-8"), name=path.name)


def parse_sample(name):
    return parse_document((DATA / name).read_text(encoding="utf-8"), name=name)


def headings(document):
    return [b.text for b in document.blocks if b.kind == BlockKind.HEADING]


def all_block_text(document):
    return "\n".join(b.text for b in document.blocks)


# The five seeds


def test_park_profile_has_no_title_date_or_warnings():
    document = parse_seed("000")

    assert document.kind == DocumentKind.PROFILE
    assert document.format == DocumentFormat.PARK_PROFILE
    assert (document.title, document.source_title) == ("", "")
    assert document.published is None
    assert document.published_precision is None
    assert (document.channel, document.source_name, document.dateline, document.hotline) == (
        "",
        "",
        "",
        "",
    )
    assert len(document.paragraphs) == 3
    assert headings(document) == []
    assert document.paragraphs[0].startswith("The China Israel Changzhou Innovation Park (CICP)")
    assert document.paragraphs[-1].startswith("Going forward, CICP will enhance")
    assert document.paragraphs[-1].endswith('Transformation and Upgrading."')
    assert "China\u2019s Economic" in document.paragraphs[-1]
    assert document.warnings == ()


def test_scraped_page_title_cut_mid_word_is_completed_from_body():
    document = parse_seed("001")

    assert document.kind == DocumentKind.NEWS
    assert document.format == DocumentFormat.SCRAPED_NEWS_PAGE
    assert document.source_title == (
        "Requirement of the Municipal Committee Secretary upon visit to the China-Israel "
        "Changzhou Innovatio"
    )
    assert document.title == (
        "Requirement of the Municipal Committee Secretary upon visit to the China-Israel "
        "Changzhou Innovation Park"
    )
    assert any(
        w.startswith("title was cut off by the source site; completed from the body as")
        and document.title in w
        for w in document.warnings
    )


def test_scraped_page_metadata_and_body():
    document = parse_seed("001")

    assert document.published == datetime(2019, 11, 24, 16, 36, 14, tzinfo=SHANGHAI)
    assert document.published_precision == DatePrecision.SECOND
    assert document.channel == "Latest News \u203a CIP Dynamic"
    assert document.hotline == "86 0519 86361787"
    assert (document.source_name, document.dateline) == ("", "")
    assert len(document.paragraphs) == 6
    assert headings(document) == []
    assert document.paragraphs[0].startswith("On the afternoon of November 21, Changzhou")
    assert document.paragraphs[-1].startswith("It is reported that in this April")
    for boilerplate in ("Service Hotline", "View count", "Time:", "Latest News", "CIP Dynamic"):
        assert boilerplate not in all_block_text(document)


def test_scraped_page_title_cut_at_word_end_is_completed_to_end_of_name():
    document = parse_seed("002")

    assert document.format == DocumentFormat.SCRAPED_NEWS_PAGE
    assert document.source_title == (
        "Ruan Xiangping, First-Level Inspector of the Department of International Cooperation "
        "of the Chinese"
    )
    assert document.title == (
        "Ruan Xiangping, First-Level Inspector of the Department of International Cooperation "
        "of the Chinese Ministry of Science and Technology"
    )
    assert any("title was cut off by the source site" in w for w in document.warnings)
    assert document.published == datetime(2019, 11, 2, 18, 40, 10, tzinfo=SHANGHAI)
    assert document.published_precision == DatePrecision.SECOND
    assert document.channel == "Latest News \u203a CIP Dynamic"
    assert document.hotline == "86 0519 86361787"
    assert len(document.paragraphs) == 5
    assert headings(document) == []
    assert document.paragraphs[0].startswith("From October 29 to 30, 2019, Ruan Xiangping")
    assert document.paragraphs[-1].startswith("Li Lin, Deputy Mayor")
    assert "Service Hotline" not in all_block_text(document)
    assert "View count" not in all_block_text(document)


def test_magazine_article_drops_trailing_menu_fragments():
    document = parse_seed("003")

    assert document.kind == DocumentKind.NEWS
    assert document.format == DocumentFormat.MAGAZINE_ARTICLE
    assert document.title == document.source_title
    assert document.title == "China-Israel Innovation Hub marks first anniversary"
    assert document.published == datetime(2021, 1, 8, tzinfo=SHANGHAI)
    assert document.published_precision == DatePrecision.DAY
    assert (document.channel, document.source_name, document.dateline, document.hotline) == (
        "",
        "",
        "",
        "",
    )
    assert len(document.paragraphs) == 5
    assert headings(document) == []
    assert document.paragraphs[0].startswith("On the morning of December 3, the China-Israel")
    assert document.paragraphs[-1].startswith("Despite the influence of the COVID-19 epidemic")
    assert "photo gallery" not in all_block_text(document)
    assert "and measures" not in all_block_text(document)
    assert "January 08, 2021" not in all_block_text(document)
    assert document.warnings == ()


def test_press_release_reads_dateline_source_and_date():
    document = parse_seed("004")

    assert document.kind == DocumentKind.NEWS
    assert document.format == DocumentFormat.PRESS_RELEASE
    assert document.published == datetime(2021, 11, 12, tzinfo=SHANGHAI)
    assert document.published_precision == DatePrecision.DAY
    assert document.dateline == "CHANGZHOU, China"
    assert document.source_name == "PR Newswire"
    assert (document.channel, document.hotline) == ("", "")
    assert document.paragraphs[0].startswith(
        "The China-Switzerland Innovation and Entrepreneurship"
    )
    assert document.paragraphs[-1].startswith("An Lei, director of the International Department")
    assert "PRNewswire" not in all_block_text(document)


def test_press_release_keeps_sub_headings_and_derives_title_from_the_first():
    document = parse_seed("004")

    assert headings(document) == [
        "China-Switzerland Innovation and Entrepreneurship Cooperation Launch Conference",
        "Sino-Swiss (Changzhou) Innovation Park",
    ]
    assert len(document.paragraphs) == 3
    assert [b.kind for b in document.blocks] == [
        BlockKind.PARAGRAPH,
        BlockKind.HEADING,
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
    ]
    assert document.source_title == ""
    assert document.title == (
        "China-Switzerland Innovation and Entrepreneurship Cooperation Launch Conference"
    )
    assert document.warnings == ("no title line; title derived from the first sub-heading",)


def test_seed_paragraphs_are_stripped_and_have_single_spaces():
    for prefix in ("000", "001", "002", "003", "004"):
        for block in parse_seed(prefix).blocks:
            assert block.text == block.text.strip()
            assert "  " not in block.text
            assert "\n" not in block.text


# Variants


def test_crlf_document_parses_after_decoding():
    (path,) = SEEDS.glob("003_*.txt")
    data = path.read_bytes().replace(b"\n", b"\r\n")

    text, _ = decode_document(data, name="003.txt", max_bytes=1_000_000)
    document = parse_document(text)

    assert document.title == "China-Israel Innovation Hub marks first anniversary"
    assert document.published == datetime(2021, 1, 8, tzinfo=SHANGHAI)
    assert len(document.paragraphs) == 5


def test_crlf_text_parses_like_lf_text():
    (path,) = SEEDS.glob("001_*.txt")
    text = path.read_text(encoding="utf-8")

    assert parse_document(text.replace("\n", "\r\n")) == parse_document(text)


def test_chinese_labels_give_hotline_channel_and_time():
    document = parse_sample("scraped_page_chinese.txt")

    assert document.format == DocumentFormat.SCRAPED_NEWS_PAGE
    assert document.hotline == "86 0519 86361787"
    assert document.channel == "新闻中心 \u203a 园区动态"
    assert document.title == "中以常州创新园举办2019年度合作项目签约仪式"
    assert document.published == datetime(2019, 11, 24, 16, 36, 14, tzinfo=SHANGHAI)
    assert document.published_precision == DatePrecision.SECOND
    assert len(document.paragraphs) == 2
    assert document.paragraphs[0].startswith("11月21日下午")
    assert document.warnings == ()


def test_chinese_date_line_has_day_precision():
    document = parse_sample("magazine_chinese_date.txt")

    assert document.format == DocumentFormat.MAGAZINE_ARTICLE
    assert document.title == "中以创新合作再上新台阶"
    assert document.published == datetime(2021, 11, 12, tzinfo=SHANGHAI)
    assert document.published_precision == DatePrecision.DAY


def test_time_label_without_time_of_day_has_day_precision():
    document = parse_sample("scraped_page_day_only.txt")

    assert document.format == DocumentFormat.SCRAPED_NEWS_PAGE
    assert document.title == "Park opens new incubator"
    assert document.published == datetime(2020, 1, 5, tzinfo=SHANGHAI)
    assert document.published_precision == DatePrecision.DAY


def test_published_label_with_day_month_year():
    document = parse_sample("magazine_published_label.txt")

    assert document.format == DocumentFormat.MAGAZINE_ARTICLE
    assert document.title == "Park opens new incubator for Israeli startups"
    assert document.published == datetime(2021, 3, 5, tzinfo=SHANGHAI)
    assert len(document.paragraphs) == 2


def test_press_release_with_title_line_keeps_it():
    document = parse_sample("press_release_with_title.txt")

    assert document.format == DocumentFormat.PRESS_RELEASE
    assert document.title == document.source_title == "Sino-Israeli Park Signs Five New Projects"
    assert document.dateline == "BEIJING"
    assert document.source_name == "PR Newswire"
    assert document.published == datetime(2022, 1, 5, tzinfo=SHANGHAI)
    assert document.paragraphs[0].startswith("The park signed five new cooperation projects")
    assert document.warnings == ()


def test_wire_story_without_title_or_year_derives_title_from_first_sentence():
    document = parse_sample("wire_story_without_title.txt")

    assert document.format == DocumentFormat.PRESS_RELEASE
    assert document.source_name == "Xinhua"
    assert document.dateline == "CHANGZHOU"
    assert document.source_title == ""
    assert document.title == (
        "A new international innovation park opened in Changzhou on Wednesday, bringing together "
        "companies from eight\u2026"
    )
    assert len(document.title) <= 110
    assert document.published is None
    assert document.warnings == (
        "no title line; title derived from the first sentence",
        "no publication date found",
    )


def test_news_without_date_is_parsed_with_a_warning():
    document = parse_sample("article_without_date.txt")

    assert document.kind == DocumentKind.NEWS
    assert document.format == DocumentFormat.PLAIN_ARTICLE
    assert document.title == "Park opens new incubator for Israeli startups"
    assert document.published is None
    assert document.published_precision is None
    assert document.warnings == ("no publication date found",)


def test_hard_wrapped_lines_join_and_sentence_ends_split_paragraphs():
    document = parse_sample("profile_hard_wrapped.txt")

    assert document.kind == DocumentKind.PROFILE
    assert document.paragraphs == (
        "The China Israel Changzhou Innovation Park (CICP) is the first innovation demonstration "
        "park in China that was jointly established by the Chinese and Israeli governments.",
        "Over the past eight years, CICP has maintained its leading position in the development "
        "of cooperation systems, models and achievements.",
    )


def test_single_paragraph_profile_parses():
    (path,) = SEEDS.glob("000_*.txt")
    first = path.read_text(encoding="utf-8").split("\n\n")[0]

    document = parse_document(first)

    assert document.kind == DocumentKind.PROFILE
    assert len(document.paragraphs) == 1


def test_title_that_cannot_be_completed_keeps_cut_title_with_ellipsis():
    document = parse_sample("scraped_page_uncompletable_title.txt")

    assert document.source_title == "Park welcomes visiting delegation from the Israel Innovatio"
    assert document.title == "Park welcomes visiting delegation from the Israel Innovatio\u2026"
    assert document.warnings == (
        "title was cut off by the source site and could not be completed from the body"
        " \u2014 please check",
    )


def test_long_title_that_does_not_continue_in_body_is_left_alone():
    document = parse_sample("scraped_page_long_complete_title.txt")

    assert len(document.title) >= 90
    assert document.title == document.source_title
    assert document.warnings == ()


# Not documents


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("hello", id="single-word"),
        pytest.param(
            '{"title": "CICP", "body": "The park is the first of its kind in China."}', id="json"
        ),
        pytest.param(
            'id,name,description\n1,CICP,"The park is the first park of its kind in China."\n',
            id="csv",
        ),
        pytest.param("\n".join(["Latest News", "CIP Dynamic", "Parks", "About us"] * 6), id="list"),
        pytest.param(
            "<html><body><p>The China Israel Changzhou Innovation Park is the first park of its"
            " kind in China.</p></body></html>",
            id="html",
        ),
        pytest.param("China-Israel Innovation Hub marks first anniversary\n", id="title-only"),
        pytest.param(
            "China-Israel Innovation Hub marks first anniversary\n\nJanuary 08, 2021 |\n",
            id="title-and-date",
        ),
    ],
)
def test_text_that_is_not_an_article_or_profile_is_rejected(text):
    with pytest.raises(DocumentError, match="no prose paragraphs found"):
        parse_document(text)


def test_rejection_names_the_file_type():
    with pytest.raises(DocumentError, match=r"\.json file"):
        parse_document('[{"name": "CICP"}]', name="parks.json")


FRAGMENTS = st.sampled_from(
    [
        "Service Hotline:86 0519 86361787",
        "Latest News",
        "Time:2019-11-24 16:36:14View count:",
        "时间\uff1a2019-13-40",
        "January 08, 2021 |",
        " date 2021-11-12 CHANGZHOU, China, Nov. 12, 2021 /PRNewswire/ -- ",
        "BEIJING, Jan. 5 (Xinhua) -- ",
        "The park is the first park of its kind in China, founded by the two governments.",
        "of the Chinese",
        "Innovatio",
        "photo gallery",
        "2021年11月12日",
        "中以常州创新园是中以两国政府共同建立的首个创新示范园区。",
        "<p>",
        '{"',
        "a,b,c\n",
        "\n",
        "\n\n",
        "\r\n",
        " ",
        ".",
    ]
)
DOCUMENT_LIKE = st.lists(st.one_of(FRAGMENTS, st.text(max_size=20)), max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), DOCUMENT_LIKE))
def test_any_text_parses_or_raises_document_error(text):
    try:
        document = parse_document(text)
    except DocumentError:
        return
    assert document.paragraphs
    assert document.published is None or document.published.tzinfo == SHANGHAI
