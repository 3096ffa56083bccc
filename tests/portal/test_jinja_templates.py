"""The public pages' Jinja2 templates: their messages reach `makemessages`, and they render."""

import ast
import re
from pathlib import Path

import pytest
from django.template import engines
from django.utils.translation.template import templatize

JINJA_DIR = Path(__file__).resolve().parents[2] / "templates" / "jinja2"
TEMPLATES = sorted(JINJA_DIR.rglob("*.html"))
# What templatize turns a `_("…")` it recognised into, in the Python source xgettext reads.
EXTRACTED = re.compile(r"""\b(?:_|gettext)\(((?:"(?:[^"\\]|\\.)*")|(?:'(?:[^'\\]|\\.)*'))\)""")


def jinja_env():
    return engines["jinja2"].env


def test_there_are_public_templates_to_check():
    assert len(TEMPLATES) >= 20


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(JINJA_DIR)))
def test_every_message_in_a_template_reaches_makemessages(path):
    """Django's makemessages reads Jinja2 templates as Django ones: a message written any
    other way than `_("…")` at the start of `{{ }}` or inside `{% set %}` would never be
    offered to translators."""
    source = path.read_text()
    in_template = {message for _, _, message in jinja_env().extract_translations(source)}
    extracted = {ast.literal_eval(literal) for literal in EXTRACTED.findall(templatize(source))}
    assert in_template - extracted == set()


def test_a_message_makemessages_cannot_read_is_caught():
    """The check above can fail: a Jinja2 `{% trans %}` block is invisible to makemessages."""
    source = "{% trans %}Hidden from translators{% endtrans %} {{ _('Seen') }}"
    in_template = {message for _, _, message in jinja_env().extract_translations(source)}
    extracted = {ast.literal_eval(literal) for literal in EXTRACTED.findall(templatize(source))}
    assert in_template - extracted == {"Hidden from translators"}


def test_placeholders_in_messages_are_escaped_but_the_message_is_not():
    """`_("…")|safe|format(…)` behaves as `{% blocktranslate %}`: values escaped, text kept."""
    template = jinja_env().from_string('{{ _("Document: %(name)s")|safe|format(name=name) }}')
    assert template.render(name="<b>&</b>") == "Document: &lt;b&gt;&amp;&lt;/b&gt;"


def test_missing_values_print_nothing_as_in_django_templates():
    template = jinja_env().from_string("[{{ park.hotline }}{{ nothing.at.all }}]")
    assert template.render() == "[]"


def test_plural_messages_follow_the_active_language(settings):
    from django.utils import translation

    from portal.jinja_env import news_item_count, view_count

    assert news_item_count(1) == "1 item"
    assert view_count(3) == "3 views"
    with translation.override("he"):
        assert news_item_count(1) != "1 item"


def test_url_reverses_routes_in_the_active_language():
    from django.utils import translation

    template = jinja_env().from_string(
        "{{ url('news:item-list') }} {{ url('news:item-detail', 'a-b') }}"
    )

    assert template.render() == "/news/ /news/a-b/"
    with translation.override("zh-hans"):
        assert template.render() == "/zh-hans/news/ /zh-hans/news/a-b/"
    assert template.render() == "/news/ /news/a-b/"
