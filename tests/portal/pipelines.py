"""Count PostgreSQL pipelines: each is one round trip for the queries sent in it."""

from django.db import connection


def count_pipelines(monkeypatch) -> list:
    """Return a list that gains an entry each time the connection enters a pipeline."""
    connection.ensure_connection()
    entered = []
    pipeline = type(connection.connection).pipeline

    def counting_pipeline(self):
        entered.append(self)
        return pipeline(self)

    monkeypatch.setattr(type(connection.connection), "pipeline", counting_pipeline)
    return entered
