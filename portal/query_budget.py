"""A time limit for expensive reads, on PostgreSQL and SQLite alike.

A site search that has to rule out every one of 100,000 bodies took PostgreSQL 19 s. Under a
budget the query stops and the page says so, instead of holding a worker until gunicorn kills it.
"""

import time
from contextlib import contextmanager

from django.db import OperationalError, connection, transaction


class OverBudget(Exception):
    """A query ran past its time limit and was stopped."""


@contextmanager
def time_limit(seconds: float):
    """Stop any query in the block that runs past `seconds`, raising OverBudget."""
    if connection.vendor == "postgresql":
        with _postgresql_limit(seconds):
            yield
    elif connection.vendor == "sqlite":
        with _sqlite_limit(seconds):
            yield
    else:
        yield


@contextmanager
def _postgresql_limit(seconds: float):
    with transaction.atomic():  # SET LOCAL lasts until this transaction ends
        with connection.cursor() as cursor:
            # set_config, not SET: SET takes no bound parameters (server-side binding is on).
            milliseconds = str(max(1, round(seconds * 1000)))
            cursor.execute("SELECT set_config('statement_timeout', %s, true)", [milliseconds])
        try:
            yield
        except OperationalError as error:  # the savepoint's rollback undoes the SET LOCAL
            if "statement timeout" not in str(error):
                raise
            raise OverBudget from error
        with connection.cursor() as cursor:  # an enclosing transaction goes on without it
            cursor.execute("SET LOCAL statement_timeout TO DEFAULT")


@contextmanager
def _sqlite_limit(seconds: float):
    connection.ensure_connection()
    deadline = time.monotonic() + seconds
    # SQLite calls this every 10,000 virtual-machine steps; non-zero interrupts the query.
    connection.connection.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
    try:
        yield
    except OperationalError as error:
        if "interrupted" not in str(error):
            raise
        raise OverBudget from error
    finally:
        connection.connection.set_progress_handler(None, 0)
