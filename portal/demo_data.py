"""A large, realistic demo data set for benchmarks: parks, platforms and ten years of news.

Rows are written with `bulk_create` in batches, links straight into the many-to-many through
tables, so 100,000 items take minutes. Bulk writes send no signals: the caller bumps the
content generation once at the end. Every row is named `Demo …` / `demo-…`, so a second run
refuses rather than colliding.
"""

import datetime as dt
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from news.models import Channel, NewsItem
from news.rendering import render_markdown
from parks.models import CooperationPlatform, Country, Industry, KeyFigure, Park

BATCH = 2000
YEARS = 10
VOCABULARY = """
park innovation cooperation enterprise investment research incubator medical device biotech
talent technology transfer startup venture fund laboratory exhibition delegation agreement
signing ceremony forum summit accelerator industrial cluster manufacturing intelligent robotics
semiconductor water agriculture cleantech digital health platform partner university academy
district government export import supply chain AI 5G of in to a the and for with
"""
WORDS = VOCABULARY.split()
# Park news is often Chinese, unspaced: one item in ten carries a paragraph of these, so searches
# for Chinese words (and their indexes on PostgreSQL) meet Chinese text in the benchmark too.
CHINESE_SENTENCES = (
    "中以常州创新园举办中以创新合作对接会。",
    "以色列医疗器械企业落户园区。",
    "中瑞（常州）国际产业园签约新项目。",
    "园区新增高新技术企业十二家。",
    "人工智能与5G应用示范项目在园区启动。",
    "常州市代表团访问以色列特拉维夫。",
    "中以创新中心举行AI医疗论坛。",
    "江苏省科技厅领导调研创新平台。",
)
CHINESE_SHARE = 0.1
COUNTRIES = {
    "IL": "Israel",
    "CH": "Switzerland",
    "DE": "Germany",
    "FI": "Finland",
    "SG": "Singapore",
}
INDUSTRIES = ("Medical devices", "Biotech", "Clean tech", "Robotics", "Semiconductors", "AgriTech")
CHANNELS = ("Park dynamics", "Investment", "Events", "Policy", "Media coverage", "Talent")

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoSummary:
    parks: int
    platforms: int
    news: int


class DemoDataExists(Exception):
    """Demo rows are already in the database."""


def generate_demo_data(
    *, news: int, parks: int, platforms: int, seed: int = 1, progress: Progress | None = None
) -> DemoSummary:
    """Create `parks` parks, `platforms` platforms and `news` published items with links."""
    if Park.objects.filter(slug__startswith="demo-").exists():
        raise DemoDataExists("Demo data is already present; use a fresh database.")
    rng = random.Random(seed)
    with transaction.atomic():
        park_ids = _create_parks(rng, parks)
        platform_ids = _create_platforms(rng, platforms, park_ids)
    refs = _References(park_ids, platform_ids, _industry_ids(), _channel_ids())
    for done in _create_news(rng, news, refs):
        if progress:
            progress(done, news)
    # Fresh statistics, or the planner misjudges the new rows. VACUUM too on PostgreSQL (it
    # cannot run in a transaction): it marks the pages all-visible, so the deep pages' index
    # walk need not visit the table for every row it skips.
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
    return DemoSummary(parks=len(park_ids), platforms=len(platform_ids), news=news)


@dataclass(frozen=True)
class _References:
    parks: list[int]
    platforms: list[int]
    industries: list[int]
    channels: list[int]


def _text(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[:1].upper() + text[1:]  # not capitalize(): it would lower-case "AI"


def _chinese(rng: random.Random) -> str:
    return "".join(rng.sample(CHINESE_SENTENCES, 3))


def _body(rng: random.Random) -> str:
    """Return 2–4 KB of Markdown: paragraphs up to a random length, a sub-heading midway."""
    target = rng.randint(2_300, 4_000)
    chinese = _chinese(rng) if rng.random() < CHINESE_SHARE else ""
    target = min(target, 4_000 - len(chinese.encode()))
    paragraphs: list[str] = []
    length = 0
    while True:
        paragraph = f"{_text(rng, 12)}. {_text(rng, 14)}."
        if length + len(paragraph) >= target:
            break
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    paragraphs.insert(len(paragraphs) // 2, f"## {_text(rng, 4)}")
    if chinese:
        paragraphs.append(chinese)
    return "\n\n".join(paragraphs)


def _create_parks(rng: random.Random, count: int) -> list[int]:
    countries = [
        Country.objects.get_or_create(code=code, defaults={"name": name})[0]
        for code, name in COUNTRIES.items()
    ]
    parks = Park.objects.bulk_create(
        Park(
            name=f"Demo Innovation Park {n:03}",
            slug=f"demo-park-{n:03}",
            short_name=f"DIP{n}",
            tagline=_text(rng, 6),
            summary=f"{_text(rng, 20)}.",
            profile="\n\n".join(f"{_text(rng, 40)}." for _ in range(4)),
            city="Changzhou",
            province="Jiangsu",
            is_published=True,
        )
        for n in range(1, count + 1)
    )
    through = Park.partner_countries.through
    through.objects.bulk_create(
        through(park_id=park.pk, country_id=rng.choice(countries).pk) for park in parks
    )
    KeyFigure.objects.bulk_create(_figures(rng, parks))
    return [park.pk for park in parks]


def _figures(rng: random.Random, parks: list[Park]) -> Iterator[KeyFigure]:
    for park in parks:
        for year in range(2018, 2024):
            yield KeyFigure(
                park=park,
                metric="enterprises",
                label="Enterprises",
                value=rng.randint(50, 900),
                unit="enterprises",
                as_of=dt.date(year, 12, 31),
                as_of_precision="year",
                status=KeyFigure.Status.CONFIRMED,
            )


def _create_platforms(rng: random.Random, count: int, park_ids: list[int]) -> list[int]:
    kinds = list(CooperationPlatform.Kind)
    platforms = CooperationPlatform.objects.bulk_create(
        CooperationPlatform(
            name=f"Demo Platform {n:04}",
            slug=f"demo-platform-{n:04}",
            kind=rng.choice(kinds),
            park_id=rng.choice(park_ids) if park_ids else None,
            description=f"{_text(rng, 30)}.",
            is_published=True,
            is_featured=n <= 6,
        )
        for n in range(1, count + 1)
    )
    return [platform.pk for platform in platforms]


def _industry_ids() -> list[int]:
    return [
        Industry.objects.get_or_create(
            name=name, defaults={"slug": name.lower().replace(" ", "-")}
        )[0].pk
        for name in INDUSTRIES
    ]


def _channel_ids() -> list[int]:
    return [
        Channel.objects.get_or_create(
            name=f"Demo {name}", defaults={"slug": f"demo-{name.lower().replace(' ', '-')}"}
        )[0].pk
        for name in CHANNELS
    ]


def _create_news(rng: random.Random, count: int, refs: _References) -> Iterator[int]:
    """Insert items batch by batch, each batch with its links, yielding how many are done."""
    now = timezone.now()
    span = dt.timedelta(days=365 * YEARS).total_seconds()
    for start in range(0, count, BATCH):
        with transaction.atomic():
            items = NewsItem.objects.bulk_create(
                _news_item(rng, n, now - dt.timedelta(seconds=rng.uniform(60, span)), refs)
                for n in range(start, min(start + BATCH, count))
            )
            _link(rng, items, refs)
        yield start + len(items)


def _news_item(rng: random.Random, n: int, when: dt.datetime, refs: _References) -> NewsItem:
    title = _text(rng, rng.randint(6, 12))
    body = _body(rng)
    return NewsItem(
        title=title,
        slug=f"demo-{n:06}-{title.lower().replace(' ', '-')[:60]}",
        lead=f"{_text(rng, 25)}.",
        body=body,
        body_html=render_markdown(body),  # bulk_create skips save(), which would render it
        status=NewsItem.Status.PUBLISHED,
        published_at=when,
        event_date=when.date(),
        channel_id=rng.choice(refs.channels),
        source_name="Demo Wire",
        dateline="CHANGZHOU, China",
    )


def _link(rng: random.Random, items: list[NewsItem], refs: _References) -> None:
    """Link each item to 1–3 parks, 0–3 platforms and 1–2 industries via the through tables."""
    links = (
        (NewsItem.parks.through, "park_id", refs.parks, 1, 3),
        (NewsItem.platforms.through, "cooperationplatform_id", refs.platforms, 0, 3),
        (NewsItem.industries.through, "industry_id", refs.industries, 1, 2),
    )
    for through, column, ids, low, high in links:
        rows = [
            through(newsitem_id=item.pk, **{column: target})
            for item in items
            for target in rng.sample(ids, min(len(ids), rng.randint(low, high)))
        ]
        through.objects.bulk_create(rows, batch_size=BATCH)
