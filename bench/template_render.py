"""Time Django's template engine and Jinja2 rendering 20 news cards, without the project or a database.

Usage: PYTHONPATH=<a folder holding Django and Jinja2> python bench/template_render.py
Compares interpreters (an optimised build against pyenv's, say) on the Python-bound work that
limits uncached pages, in both engines the project uses (Jinja2 for visitors' pages, Django's
for the admin): runs under any Python that Django 5.2 or newer supports. Figures only.
"""

import datetime as dt
import time

import django
from django.conf import settings

CARD = (
    '<article class="news-card"><h3 dir="auto"><a href="/news/{{ item.slug }}/">{{ item.title }}'
    '</a></h3><p class="meta"><time datetime="{{ item.when|date:"c" }}">{{ item.when|date:"j F Y" }}'
    "</time>{% for park in item.parks %}{% if forloop.first %}<span>·</span> {% endif %}"
    '<a class="tag" href="/parks/{{ park.slug }}/">{{ park.short_name|default:park.name }}</a>'
    '{% endfor %}</p>{% if item.lead %}<p class="lead">{{ item.lead|truncatewords:40 }}</p>'
    "{% endif %}</article>"
)
LIST = '{% for item in items %}<li>{% include "card.html" %}</li>{% endfor %}'
# The same card in Jinja2, as templates/jinja2/includes/news_card.html writes it.
JINJA_CARD = (
    '{% macro card(item) %}<article class="news-card"><h3 dir="auto"><a href="/news/{{ item.slug }}/">'
    '{{ item.title }}</a></h3><p class="meta"><time datetime="{{ item.when|date("c") }}">'
    '{{ item.when|date("j F Y") }}</time>{% for park in item.parks %}{% if loop.first %}'
    '<span>·</span> {% endif %}<a class="tag" href="/parks/{{ park.slug }}/">'
    "{{ park.short_name or park.name }}</a>{% endfor %}</p>{% if item.lead %}"
    '<p class="lead">{{ item.lead|truncatewords(40) }}</p>{% endif %}</article>{% endmacro %}'
)
JINJA_LIST = (
    '{% from "card.html" import card %}{% for item in items %}<li>{{ card(item) }}</li>{% endfor %}'
)


class Park:
    def __init__(self, number: int):
        self.slug, self.name, self.short_name = f"park-{number}", f"Park {number} & Co", ""


class Item:
    def __init__(self, number: int):
        self.slug, self.title = f"item-{number}", f"News <item> number {number} about parks"
        self.when = dt.datetime(2025, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=number)
        self.parks = [Park(number), Park(number + 1)]
        self.lead = "A lead paragraph with a good number of words in it, " * 5


def main() -> None:
    loader = ("django.template.loaders.locmem.Loader", {"card.html": CARD, "list.html": LIST})
    settings.configure(
        TEMPLATES=[
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "OPTIONS": {"loaders": [loader]},
            }
        ],
        USE_TZ=True,
    )
    django.setup()
    import jinja2
    from django.template.defaultfilters import date, truncatewords
    from django.template.loader import get_template

    items = [Item(n) for n in range(20)]
    print(
        f"Django: {best_time(get_template('list.html').render, {'items': items}):.2f} ms per 20-card render"
    )
    env = jinja2.Environment(
        autoescape=True,
        loader=jinja2.DictLoader({"card.html": JINJA_CARD, "list.html": JINJA_LIST}),
    )
    env.filters.update(date=date, truncatewords=truncatewords)
    print(
        f"Jinja2: {best_time(env.get_template('list.html').render, {'items': items}):.2f} ms per 20-card render"
    )


def best_time(render, context: dict) -> float:
    """Return the fastest of five rounds of 100 renders, in ms per render."""
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(100):
            render(context)
        best = min(best, (time.perf_counter() - started) / 100)
    return best * 1000


if __name__ == "__main__":
    main()
