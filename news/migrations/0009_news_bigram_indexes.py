from django.db import migrations

from news.search_indexes import add_bigram_indexes, remove_bigram_indexes


class Migration(migrations.Migration):
    """Serve two-character CJK searches from indexes on PostgreSQL (news/search_indexes.py)."""

    dependencies = [("news", "0008_withdrawals")]

    operations = [migrations.RunPython(add_bigram_indexes, remove_bigram_indexes)]
