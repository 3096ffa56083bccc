"""Fresh query-planner statistics on SQLite after migrations change its tables.

SQLite's ALTER TABLE cannot make most schema changes, so Django rebuilds the table (copy,
drop, rename), and dropping a table drops its statistics. Without them the planner misjudges
the listings: after a migration added one column to news items (100,000 of them), page 2,000
of the news index served 62 requests a second instead of 121 and the sync list 75 instead of
147, until the next ANALYZE, which took 0.2 s (bench/RESULTS.md). PostgreSQL adds a column in
place and keeps them.
"""

from django.db import connections


def refresh_after_migrate(sender, using: str, plan=None, **kwargs) -> None:
    """After a `migrate` that applied anything on SQLite, gather statistics again."""
    connection = connections[using]
    if not plan or connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
