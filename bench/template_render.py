"""Time Django's template engine rendering 20 news cards, without the project or a database.

Usage: PYTHONPATH=<a folder holding Django> python bench/template_render.py
Compares interpreters (an optimised build against pyenv's, say) on the Python-bound work that
limits uncached pages: runs under any Python that Django 5.2 or newer supports. Figures only.
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
    from django.template.loader import get_template

    template, items = get_template("list.html"), [Item(n) for n in range(20)]
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(100):
            template.render({"items": items})
        best = min(best, (time.perf_counter() - started) / 100)
    print(f"{best * 1000:.2f} ms per 20-card render")


if __name__ == "__main__":
    main()
