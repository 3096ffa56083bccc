from importlib import import_module

from django.db import migrations

from news.search_indexes import add_key_indexes, remove_key_indexes

bigrams = import_module("news.migrations.0009_news_bigram_indexes")


class Migration(migrations.Migration):
    """Serve one- and two-character searches from indexes on PostgreSQL (news/search_indexes.py).

    The short search keys cover 0009's pairs of CJK characters, so its indexes go.
    """

    dependencies = [("news", "0009_news_bigram_indexes")]

    operations = [
        migrations.RunPython(add_key_indexes, remove_key_indexes),
        migrations.RunPython(bigrams.remove_bigram_indexes, bigrams.add_bigram_indexes),
    ]
