"""Values kept per content generation: shared between servers, copied into each process."""

from unittest import mock

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from portal import per_generation
from portal.per_generation import once_per_generation
from tests.parks.factories import ParkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _shared_cache(settings):
    settings.CACHE_IS_SHARED = True


def counting(value="computed"):
    calls = []

    def compute():
        calls.append(1)
        return value

    return compute, calls


def test_a_kept_value_costs_no_cache_read_after_the_first():
    compute, calls = counting()
    once_per_generation("answer", compute)

    with mock.patch.object(cache, "get", wraps=cache.get) as reads:
        assert once_per_generation("answer", compute) == "computed"

    keys_read = [call.args[0] for call in reads.call_args_list]
    assert not any("answer" in key for key in keys_read)  # only the generation itself
    assert len(calls) == 1


def test_another_process_reads_the_shared_value_instead_of_computing():
    compute, calls = counting()
    once_per_generation("answer", compute)
    per_generation.kept.forget()  # as a second server would be

    assert once_per_generation("answer", compute) == "computed"
    assert len(calls) == 1


def test_a_content_write_retires_the_kept_value_in_every_process():
    once_per_generation("answer", lambda: "before")

    ParkFactory()  # any write to content starts a new generation

    assert once_per_generation("answer", lambda: "after") == "after"


def test_none_is_kept_like_any_value():
    compute, calls = counting(value=None)
    once_per_generation("nothing", compute)
    assert once_per_generation("nothing", compute) is None
    assert len(calls) == 1


def test_a_kept_value_lapses_when_its_time_is_up(settings):
    settings.PAGE_CACHE_SECONDS = 60
    once_per_generation("answer", lambda: "old")

    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=61)):
        assert once_per_generation("answer", lambda: "new") == "new"


def test_the_process_forgets_everything_when_it_holds_too_many(monkeypatch):
    monkeypatch.setattr(per_generation.kept, "limit", 3)
    for number in range(3):
        once_per_generation(f"value-{number}", lambda number=number: number)

    once_per_generation("one-more", lambda: "x")

    assert len(per_generation.kept) == 1


def test_a_cache_that_is_down_means_computing_every_time():
    compute, calls = counting()
    with mock.patch.object(cache, "get", side_effect=ConnectionError("down")):
        once_per_generation("answer", compute)
        once_per_generation("answer", compute)
    assert len(calls) == 2
