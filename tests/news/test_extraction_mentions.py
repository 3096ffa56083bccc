"""Parks and platforms named in a document: gazetteer entries and candidates for new ones."""

import pytest

from news.importing.extraction import extract
from news.importing.records import EntityKind

from .test_extraction import CICP, CIIH, SINO_SWISS, document, extract_seed, gazetteer


def _platforms(extraction):
    return [(m.slug, m.name, m.platform_kind, m.park_slug) for m in extraction.platforms]


def _extract_text(*paragraphs):
    return extract(document(paragraphs), gazetteer())


@pytest.mark.parametrize(
    ("number", "parks"),
    [(0, [CICP]), (1, [CICP]), (2, [CICP]), (3, [CIIH]), (4, [SINO_SWISS])],
)
def test_each_seed_names_its_known_parks_once(number, parks):
    mentions = extract_seed(number).parks
    assert [m.slug for m in mentions] == parks
    assert all(m.kind == EntityKind.PARK and m.known for m in mentions)


def test_mentions_carry_the_canonical_name_and_a_sentence():
    park = extract_seed(0).parks[0]
    assert park.name == "China-Israel Changzhou Innovation Park"
    assert park.sentence.startswith("The China Israel Changzhou Innovation Park (CICP) is")


def test_profile_names_three_known_platforms_in_order():
    assert _platforms(extract_seed(0)) == [
        (
            "jiangsu-china-israel-industrial-technology-research-institute",
            "Jiangsu China-Israel Industrial Technology Research Institute",
            "research_institute",
            CICP,
        ),
        (
            "israel-jiangsu-innovation-center",
            "Israel Jiangsu Innovation Center",
            "innovation_center",
            CICP,
        ),
        (
            "cip-tec",
            "CIP TEC (China-Israel International Technology Cooperation & Investment Center)",
            "investment_center",
            CICP,
        ),
    ]


def test_seed_001_names_the_israel_center_before_the_institute_and_innovation_center():
    assert [m.slug for m in extract_seed(1).platforms] == [
        "israel-center",
        "jiangsu-china-israel-industrial-technology-research-institute",
        "israel-jiangsu-innovation-center",
    ]


def test_seed_002_finds_two_unknown_platforms_of_the_park_it_visits():
    assert _platforms(extract_seed(2)) == [
        ("israel-center", "Israel Center", "exhibition_hall", CICP),
        ("", "Guochuang NEV Energy and Information Innovation Center", "innovation_center", CICP),
        ("", "Natali Remote ECG Monitoring Center", "other", CICP),
    ]


def test_seed_003_finds_a_regional_network_without_a_park_and_a_center_of_the_hub():
    assert _platforms(extract_seed(3)) == [
        ("", "Yangtze River Delta China-Israel Innovation Network", "network", ""),
        ("", "International Digital Security and Ecological Operation Center", "other", CIIH),
    ]


def test_seed_004_names_no_platform():
    assert extract_seed(4).platforms == ()


@pytest.mark.parametrize("number", range(5))
def test_organisations_designations_and_districts_are_not_platforms(number):
    names = " | ".join(m.name for m in extract_seed(number).parks + extract_seed(number).platforms)
    for wrong in (
        "Torch",
        "International Economic and Technical Cooperation",
        "National Medical Device",
        "Hi-Tech District",
        "High-tech Zone",
        "Israel Innovation Authority",
        "Department of International Cooperation",
        "Shanghai Digital Innovation Conference",
        "Innovation System Construction Plan",
    ):
        assert wrong not in names


def test_longest_name_wins_so_cip_tec_is_the_platform_not_the_park():
    extraction = _extract_text("The CIP TEC hosted investors.")
    assert extraction.parks == ()
    assert [m.slug for m in extraction.platforms] == ["cip-tec"]


def test_israel_jiangsu_center_and_israel_center_are_different_platforms():
    extraction = _extract_text("The Israel Jiangsu Center and the Israel Center opened.")
    assert [m.slug for m in extraction.platforms] == [
        "israel-jiangsu-innovation-center",
        "israel-center",
    ]


def test_china_israel_innovation_park_and_hub_are_different_parks():
    extraction = _extract_text(
        "The China-Israel Innovation Park met the China-Israel Innovation Hub."
    )
    assert [m.slug for m in extraction.parks] == [CICP, CIIH]


def test_names_match_case_sensitively():
    assert _extract_text("The israel center and the cicp were closed.").platforms == ()


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Haifa Robotics Laboratory", "laboratory"),
        ("Sino-Israel Startup Incubator", "incubator"),
        ("Changzhou Medical Research Institute", "research_institute"),
        ("Wujin Robot Public Service Platform", "public_service_platform"),
        ("Israel Technology Exhibition Hall", "exhibition_hall"),
        ("Haifa Water Innovation Centre", "innovation_center"),
    ],
)
def test_platform_kind_is_guessed_from_the_last_words(name, kind):
    (platform,) = _extract_text(f"CICP opened the {name} in May.").platforms
    assert (platform.slug, platform.name, platform.platform_kind, platform.park_slug) == (
        "",
        name,
        kind,
        CICP,
    )


def test_unknown_park_is_reported_without_a_slug():
    extraction = _extract_text("Delegates from the Sino-German Industrial Park visited CICP.")
    assert [(m.slug, m.name) for m in extraction.parks] == [
        ("", "Sino-German Industrial Park"),
        (CICP, "China-Israel Changzhou Innovation Park"),
    ]


def test_unknown_platform_belongs_to_the_nearest_park_in_its_paragraph():
    extraction = _extract_text(
        "CIIH (Shanghai) signed with CICP, which opened the Haifa Robotics Laboratory."
    )
    assert extraction.platforms[0].park_slug == CICP
