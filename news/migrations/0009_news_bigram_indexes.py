"""Two-character CJK searches served from indexes on PostgreSQL; superseded by 0010.

Kept as it ran, self-contained, so a database can migrate through it (and back to it).
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import migrations
from django.db.models import Func, TextField

FUNCTION = "parkwire_cjk_bigrams"
FIELDS = ("title", "lead", "body")
CJK_CLASS = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u3040-\\u30ff\\uac00-\\ud7af"
CREATE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}(value text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS $$
  SELECT coalesce(array_agg(DISTINCT substr(run[1], i, 2)), '{{}}')
  FROM regexp_matches(value, '[{CJK_CLASS}]{{2,}}', 'g') AS run,
       generate_series(1, char_length(run[1]) - 1) AS i
$$
"""


def bigram_indexes() -> list[GinIndex]:
    bigrams = ArrayField(TextField())
    return [
        GinIndex(Func(field, function=FUNCTION, output_field=bigrams), name=f"news_search_{field}_bigrams")
        for field in FIELDS
    ]


def add_bigram_indexes(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_FUNCTION)
        model = apps.get_model("news", "NewsItem")
        for index in bigram_indexes():
            schema_editor.add_index(model, index)


def remove_bigram_indexes(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        model = apps.get_model("news", "NewsItem")
        for index in bigram_indexes():
            schema_editor.remove_index(model, index)
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}(text)")


class Migration(migrations.Migration):
    dependencies = [("news", "0008_withdrawals")]

    operations = [migrations.RunPython(add_bigram_indexes, remove_bigram_indexes)]
