"""The gunicorn settings `make serve` runs with, as gunicorn itself reads them."""

import gc

import pytest
from gunicorn.app.wsgiapp import WSGIApplication

from portal import gunicorn_config


@pytest.fixture
def served_config(monkeypatch):
    monkeypatch.setattr("sys.argv", ["gunicorn", "--config", "python:portal.gunicorn_config"])
    return WSGIApplication().cfg


def test_the_app_is_loaded_once_and_frozen_before_the_workers_fork(served_config):
    assert served_config.preload_app
    assert served_config.when_ready is gunicorn_config.when_ready
    assert gc.get_freeze_count() == 0
    try:
        gunicorn_config.when_ready(server=None)
        frozen = gc.get_freeze_count()
    finally:
        gc.unfreeze()
    # Every module, class and function loaded so far: the collector's full passes skip them.
    assert frozen > 10_000


def test_workers_start_with_the_public_templates_compiled(served_config):
    from django.template import engines

    env = engines["jinja2"].env
    env.cache.clear()
    try:
        gunicorn_config.when_ready(server=None)
    finally:
        gc.unfreeze()
    compiled = {name for _, name in env.cache}
    assert {"base.html", "news/newsitem_list.html", "includes/news_card.html"} <= compiled
    assert len(compiled) == len(env.list_templates(extensions=["html"]))


def test_buffered_view_counts_are_written_when_a_worker_exits(served_config):
    assert served_config.worker_exit is gunicorn_config.worker_exit
