"""The Jinja2 environment's shortcuts give exactly what Django's own functions give."""

import pytest
from django.template import defaultfilters, engines
from django.test import RequestFactory
from django.utils import translation
from django.utils.safestring import mark_safe
from hypothesis import given
from hypothesis import strategies as st

from portal.jinja_env import page_translations, short_truncatechars, short_truncatewords

# Words, runs of mixed whitespace, combining accents and characters NFC composes.
TEXT = st.lists(st.sampled_from(["a", "é", "e\u0301", "字", " ", "\n", "\t", "\u0301"])).map(
    "".join
)
LENGTH = st.integers(min_value=-1, max_value=12)


@given(text=TEXT, length=LENGTH)
def test_truncatewords_gives_what_django_gives(text, length):
    assert short_truncatewords(text, length) == defaultfilters.truncatewords(text, length)


@given(text=TEXT, length=LENGTH)
def test_truncatechars_gives_what_django_gives(text, length):
    assert short_truncatechars(text, length) == defaultfilters.truncatechars(text, length)


@pytest.mark.parametrize("length", ["2", "two"])
def test_a_length_given_as_text_keeps_django_s_handling(length):
    text = "one two three"
    assert short_truncatewords(text, length) == defaultfilters.truncatewords(text, length)
    assert short_truncatechars(text, length) == defaultfilters.truncatechars(text, length)


def test_safe_text_keeps_django_s_handling():
    safe = mark_safe("<b>short</b>")
    assert short_truncatechars(safe, 50) == defaultfilters.truncatechars(safe, 50)
    assert short_truncatewords(safe, 5) == defaultfilters.truncatewords(safe, 5)
    assert hasattr(short_truncatewords(safe, 5), "__html__")


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Latest news"), ("zh-hans", "最新动态"), ("he", "חדשות אחרונות")],
)
def test_a_page_translates_its_messages_in_its_language(language, expected):
    template = engines["jinja2"].from_string('{{ _("Latest news") }}|{{ gettext("Latest news") }}')
    with translation.override(language):
        html = template.render({}, request=RequestFactory().get("/"))

    assert html == f"{expected}|{expected}"


def test_the_empty_message_stays_empty_not_the_catalogue_header():
    with translation.override("zh-hans"):
        page_gettext = page_translations(None)["_"]

    assert page_gettext("") == ""
    assert page_gettext("Latest news") == "最新动态"


def test_with_translations_deactivated_pages_keep_django_s_gettext():
    with translation.override(None):
        assert page_translations(None) == {}
