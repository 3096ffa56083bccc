"""Key figures: number, metric, qualifier, change and the date they hold."""

from datetime import date
from decimal import Decimal

import pytest

from news.importing.extraction import extract
from news.importing.records import DocumentKind, FigureChange, FigureQualifier
from portal.dates import DatePrecision

from .test_extraction import CICP, CIIH, SINO_SWISS, document, extract_seed, gazetteer

ADDED, TOTAL = FigureChange.ADDED, FigureChange.TOTAL
EXACT, MORE_THAN = FigureQualifier.EXACT, FigureQualifier.MORE_THAN
UP_TO, ABOUT = FigureQualifier.UP_TO, FigureQualifier.APPROXIMATELY


def _figures(number):
    return [
        (f.park_slug, f.metric, f.value, f.qualifier, f.change, f.as_of, f.as_of_precision)
        for f in extract_seed(number).figures
    ]


def test_profile_figures_hold_eight_years_after_the_founding():
    as_of = (date(2023, 1, 1), DatePrecision.YEAR)
    assert _figures(0) == [
        (CICP, "israeli-and-joint-enterprises", Decimal(188), EXACT, TOTAL, *as_of),
        (CICP, "binational-projects", Decimal(46), EXACT, TOTAL, *as_of),
    ]
    assert extract_seed(0).warnings == (
        "as-of date of figures inferred as 2023 (established January 2015 + eight years)",
    )


def test_seed_001_separates_additions_of_the_year_from_totals():
    as_of = (date(2019, 11, 24), DatePrecision.DAY)
    assert _figures(1) == [
        (CICP, "declared-projects", Decimal(17), EXACT, ADDED, *as_of),
        (CICP, "israeli-and-joint-enterprises", Decimal(10), EXACT, ADDED, *as_of),
        (CICP, "binational-projects", Decimal(4), EXACT, ADDED, *as_of),
        (CICP, "israeli-and-joint-enterprises", Decimal(90), UP_TO, TOTAL, *as_of),
        (CICP, "binational-projects", Decimal(24), EXACT, TOTAL, *as_of),
    ]


def test_seed_002_states_no_figure():
    assert _figures(2) == []


def test_seed_003_counts_the_hubs_intellectual_property():
    as_of = (date(2021, 1, 8), DatePrecision.DAY)
    assert _figures(3) == [
        (CIIH, "cooperative-entities", Decimal(32), EXACT, TOTAL, *as_of),
        (CIIH, "intellectual-properties", Decimal(100), MORE_THAN, TOTAL, *as_of),
        (CIIH, "trademarks", Decimal(37), EXACT, TOTAL, *as_of),
        (CIIH, "utility-model-patents", Decimal(22), EXACT, TOTAL, *as_of),
        (CIIH, "software-registrations", Decimal(68), EXACT, TOTAL, *as_of),
        (CIIH, "inventions", Decimal(19), EXACT, TOTAL, *as_of),
        (CIIH, "further-utility-model-patents", Decimal(5), EXACT, TOTAL, *as_of),
        (CIIH, "design-patents", Decimal(1), EXACT, TOTAL, *as_of),
        (CIIH, "design-patent-applications", Decimal(1), EXACT, TOTAL, *as_of),
        (CIIH, "patent-applications-in-preparation", Decimal(10), EXACT, ADDED, *as_of),
    ]


def test_seed_004_reads_land_areas_with_thousands_separators():
    as_of = (date(2021, 11, 12), DatePrecision.DAY)
    assert _figures(4) == [
        (SINO_SWISS, "land-occupied", Decimal(270000), ABOUT, TOTAL, *as_of),
        (SINO_SWISS, "land-allocated", Decimal(670000), ABOUT, TOTAL, *as_of),
    ]


def test_figures_carry_unit_label_and_sentence():
    figure = extract_seed(4).figures[0]
    assert (figure.unit, figure.label) == ("m²", "Land occupied by factories and production lines")
    assert figure.sentence.startswith("To date, working factories")


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2019 WOFEs settled in CICP.",
        "On November 21 WOFEs settled in CICP.",
        "CICP saw the 2nd WOFEs meeting.",
        "CIIH (Shanghai) signed with 360 Group and 360 Vision.",
        "CIIH (Shanghai) became one of the 26 specialized industrial zones in Shanghai.",
        "Over the past eight years, CICP grew.",
    ],
)
def test_years_dates_ordinals_and_other_numbers_are_not_figures(sentence):
    assert extract(document([sentence]), gazetteer()).figures == ()


@pytest.mark.parametrize(
    ("phrase", "qualifier", "change"),
    [
        ("over 12 WOFEs", MORE_THAN, TOTAL),
        ("approximately 12 WOFEs", ABOUT, TOTAL),
        ("around 12 WOFEs", ABOUT, TOTAL),
        ("a total of 12 WOFEs", EXACT, TOTAL),
        ("twelve new WOFEs", EXACT, ADDED),
        ("another 12 WOFEs", EXACT, ADDED),
    ],
)
def test_qualifier_and_change_are_read_around_the_number(phrase, qualifier, change):
    (figure,) = extract(document([f"CICP welcomed {phrase}."]), gazetteer()).figures
    assert (figure.value, figure.qualifier, figure.change) == (Decimal(12), qualifier, change)


def test_figure_of_an_undated_profile_without_founding_has_no_date_and_a_warning():
    profile = document(["CICP has 12 WOFEs."], kind=DocumentKind.PROFILE)
    extraction = extract(profile, gazetteer())
    assert extraction.figures[0].as_of is None
    assert extraction.warnings == (
        "Figure '12 Israeli and China-Israel cooperative enterprises' has no as-of date.",
    )


def test_figure_belongs_to_the_park_named_nearest_before_it():
    extraction = extract(
        document(["CIIH (Shanghai) has 3 WOFEs and CICP has 12 WOFEs."]), gazetteer()
    )
    assert [(f.park_slug, f.value) for f in extraction.figures] == [
        (CIIH, Decimal(3)),
        (CICP, Decimal(12)),
    ]
