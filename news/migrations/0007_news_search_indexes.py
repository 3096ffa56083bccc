from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

from news.search_indexes import add_news_search_indexes, remove_news_search_indexes


class Migration(migrations.Migration):
    """Index news search on PostgreSQL (news/search_indexes.py); nothing to do on SQLite."""

    dependencies = [("news", "0006_stored_body_html_and_changed_at")]

    operations = [
        TrigramExtension(),  # skipped on databases other than PostgreSQL
        migrations.RunPython(add_news_search_indexes, remove_news_search_indexes),
    ]
