"""Gunicorn settings for `make serve`, each overridable from the environment."""

import gc
import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# Django is CPU-bound; 2 * cores + 1 keeps cores busy while a worker waits on the database.
workers = int(os.environ.get("GUNICORN_WORKERS") or min(2 * multiprocessing.cpu_count() + 1, 12))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Load Django once in the master and fork workers from it: a recycled worker is ready at once
# instead of spending a second of CPU importing the project while requests queue behind it.
preload_app = True
# Recycle workers now and then, so a slow leak never grows without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10
accesslog = None  # portal.request_log writes one JSON line per request instead
errorlog = "-"
wsgi_app = "portal.wsgi:application"


def when_ready(server):
    """Compile the public templates, then hide the preloaded app from the garbage collector,
    before the workers fork from it.

    The collector's full passes otherwise walk Django's ~135,000 long-lived objects every few
    dozen requests (0.9 ms a request on the news index); frozen objects are never walked, and
    workers keep sharing those memory pages with the master instead of copying them.
    """
    from portal.jinja_env import compile_public_templates

    compile_public_templates()
    gc.collect()
    gc.freeze()


def worker_exit(server, worker):
    """Write this worker's buffered view counts before it goes."""
    from news.view_counts import flush_view_counts

    flush_view_counts()
