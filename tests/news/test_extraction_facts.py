"""Profile facts about parks, each attributed to the park its sentence or section is about."""

from datetime import datetime

from news.importing.extraction import extract
from news.importing.records import Designation
from portal.dates import PartialDate

from .test_extraction import CICP, CIIH, SHANGHAI, SINO_SWISS, document, extract_seed, gazetteer

TORCH = (
    "Torch High Technology Industry Development Center of the Ministry of Science and Technology"
)
CIETC = (
    "International Economic and Technical Cooperation Center of the Ministry of Industry and "
    "Information Technology"
)


def _facts(number, park):
    (facts,) = [f for f in extract_seed(number).facts if f.park_slug == park]
    return facts


def test_seeds_state_facts_only_about_their_own_park():
    assert [[f.park_slug for f in extract_seed(n).facts] for n in range(5)] == [
        [CICP],
        [CICP],
        [CICP],
        [CIIH],
        [SINO_SWISS],
    ]


def test_profile_states_founding_sponsors_focus_and_positioning_of_cicp():
    facts = _facts(0, CICP)
    assert facts.established == PartialDate.of(2015, 1)
    assert facts.established_sentence.startswith("In January 2015, then Chinese Vice-Premier")
    assert facts.sponsors == ("Government of China", "Government of Israel")
    assert facts.sponsors_sentence.endswith("by the Chinese and Israeli governments.")
    assert facts.focus_industries == (
        "life-sciences",
        "intelligent-manufacturing",
        "new-materials",
        "modern-agriculture",
    )
    assert facts.focus_sentence.startswith("It has gathered a total of 188")
    assert facts.positioning == "Pilot of China-Israel Innovation Cooperation"
    assert (facts.opened, facts.notable_companies) == (None, ())


def test_profile_states_two_designations_with_who_awarded_them():
    sentence = _facts(0, CICP).designations[0].sentence
    assert sentence.startswith("The CICP was awarded as a National Medical Device")
    assert _facts(0, CICP).designations == (
        Designation(
            "National Medical Device International Innovation Park",
            "the Chinese Ministry of Science and Technology",
            sentence,
        ),
        Designation(
            "Demonstration Area for China-Israel High-tech Industry Cooperation",
            "the National Development and Reform Commission",
            sentence,
        ),
    )


def test_news_repeats_positioning_and_sponsors_of_cicp():
    assert _facts(1, CICP).positioning == "Pilot of China-Israel Innovation Cooperation"
    assert _facts(2, CICP).sponsors == ("Government of China", "Government of Israel")


def test_first_anniversary_on_an_event_day_dates_the_founding_of_the_hub():
    facts = _facts(3, CIIH)
    assert facts.established == PartialDate.of(2019, 12, 3)
    assert facts.established_sentence.startswith("On the morning of December 3")


def test_hub_is_one_of_the_specialized_zones_and_names_its_companies_and_focus():
    facts = _facts(3, CIIH)
    assert [(d.title, d.awarded_by) for d in facts.designations] == [
        ("One of the 26 specialized industrial zones in Shanghai", "")
    ]
    assert facts.notable_companies == (
        "CSA GCR",
        "Angeek Cyber Security",
        "360 Vision",
        "Redstone Data",
        "Shanghai Tower",
    )
    assert facts.focus_industries == ("life-sciences", "ai-and-robotics", "information-technology")


def test_press_release_profile_section_describes_the_sino_swiss_park():
    facts = _facts(4, SINO_SWISS)
    assert facts.established == PartialDate.of(2018)
    assert facts.opened == PartialDate.of(2019)
    assert facts.opened_sentence.startswith("Since its opening in 2019")
    assert facts.sponsors == (TORCH, CIETC, "Changzhou Municipal Government")
    assert [(d.title, d.awarded_by) for d in facts.designations] == [
        ("Provincial-level international cooperation park", "")
    ]
    assert facts.notable_companies == ("Medela", "SID", "COTESA", "Lanz Manufaktur", "Leoni")
    assert facts.focus_industries == (
        "life-sciences",
        "medical-devices",
        "intelligent-manufacturing",
        "new-materials",
    )
    assert facts.focus_sentence.startswith("The park is committed to serving")


def test_the_park_in_a_later_sentence_is_the_one_named_earlier_in_the_paragraph():
    extraction = extract(
        document(["CICP hosted a forum. CIIH (Shanghai) signed. It was established in 2019."]),
        gazetteer(),
    )
    assert [(f.park_slug, f.established) for f in extraction.facts] == [
        (CIIH, PartialDate.of(2019))
    ]


def test_anniversary_without_a_year_before_publication_falls_in_the_previous_year():
    published = datetime(2021, 3, 1, tzinfo=SHANGHAI)
    text = "On May 5, CICP celebrated the second anniversary of its establishment."
    extraction = extract(document([text], published=published), gazetteer())
    assert extraction.facts[0].established == PartialDate.of(2018, 5, 5)
