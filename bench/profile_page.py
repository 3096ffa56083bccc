"""Time one address in-process, uncached, and print where the time goes (cProfile).

Usage: .venv/bin/python bench/profile_page.py /news/ [--repeat 50] [--top 25] [--sort tottime] [--cold]
Reads DATABASE_URL and REDIS_URL like the app; production settings with the page cache off.
Figures, not pass/fail: the per-request time includes the test client's own overhead. The
count of Python function calls per request does not vary with the machine's load, so it shows
small changes that a shared VM's timings hide.
"""

import argparse
import cProfile
import logging
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.production"
os.environ.setdefault("API_ANON_RATE", "")
os.environ["PAGE_CACHE"] = "off"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", default="tottime")
    parser.add_argument("--profile", action="store_true", help="print the cProfile table too")
    parser.add_argument(
        "--cold",
        action="store_true",
        help="start a new content generation before each request, as after an edit or for a "
        "query nobody asked before: totals and filter options are computed afresh",
    )
    args = parser.parse_args()

    import django

    django.setup()
    logging.disable(logging.INFO)  # the JSON request log would drown the figures
    from django.test import Client

    from portal.cache_invalidation import bump_generation
    from portal.per_generation import kept

    def forget_derived_values() -> None:
        if args.cold:
            bump_generation()
            kept.forget()

    client = Client(HTTP_HOST="127.0.0.1")
    for path in args.paths:
        status = client.get(path).status_code  # warm up: templates, URL resolver, connections
        elapsed = 0.0
        for _ in range(args.repeat):
            forget_derived_values()
            started = time.perf_counter()
            client.get(path)
            elapsed += time.perf_counter() - started
        elapsed = elapsed / args.repeat * 1000
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.repeat):
            forget_derived_values()  # inside the profile: a few calls, counted honestly
            client.get(path)
        profiler.disable()
        stats = pstats.Stats(profiler)
        calls = round(stats.total_calls / args.repeat)
        print(
            f"{path}: {status}, {elapsed:.1f} ms per request, "
            f"{calls:,} Python function calls per request ({args.repeat} requests)"
        )
        if args.profile:
            stats.sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
