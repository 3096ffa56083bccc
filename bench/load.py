"""Serve the portal with `make serve` on loopback and print requests/s, latency and SQL per page.

Usage: .venv/bin/python bench/load.py [--seconds 10] [--passes 3] [--connections 16] [--soak 60]
Reads DATABASE_URL and REDIS_URL like the app; PAGE_CACHE=off measures every page uncached.
Fill the database first: manage.py generate_demo_data --news 100000 --parks 50 --platforms 300.
Needs wrk (Debian's package; installed when missing and run as root). Figures, not pass/fail.
"""

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.production"
# One client at thousands of requests a second: rate limits off (empty), or it measures them.
os.environ.setdefault("API_ANON_RATE", "")


def ensure_wrk() -> str:
    if not shutil.which("wrk") and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False)
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    return shutil.which("wrk")


def start_server(port: int) -> subprocess.Popen:
    """Start `make serve` in its own process group and wait until /readyz answers 200."""
    server = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"PORT={port}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    for _ in range(600):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2):
                return server
        except OSError:
            time.sleep(0.5)
    stop_server(server)
    sys.exit("make serve did not become ready")


def stop_server(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=60)


def wrk(url: str, *, seconds: int, connections: int, script: str | None = None, env=None) -> dict:
    """Run wrk against `url`; return req/s, p50 and p99 in ms, non-2xx/3xx and socket errors."""
    command = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "--latency",
        url,
    ]
    if script:
        command[1:1] = ["-s", script]
    output = subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "p50": to_ms(re.search(r"50%\s+([\d.]+\w+)", output)[1]),
        "p99": to_ms(re.search(r"99%\s+([\d.]+\w+)", output)[1]),
        "requests": int(re.search(r"(\d+) requests in", output)[1]),
        "non_2xx": int(m[1]) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", output)) else 0,
        "errors": sum(map(int, errors.groups())) if errors else 0,
    }


def to_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def measure(paths, *, port: int, seconds: int, connections: int, page_cache: bool) -> list:
    """Measure each page, and the static file between pages: on a shared VM the ceiling
    itself drifted by a third within one run, so each page is also compared with the static
    file measured just before and just after it ("÷ near")."""
    from bench.targets import queries_per_request

    static_url = f"http://127.0.0.1:{port}{paths[-1][1]}"
    probe = max(2, seconds // 2)
    rows, near = [], wrk(static_url, seconds=probe, connections=connections)["rps"]
    # The static file first and last: the ceiling is the better of the two (workers recycle).
    for label, path in [(f"{paths[-1][0]} (first)", paths[-1][1]), *paths]:
        url = f"http://127.0.0.1:{port}{path}"
        wrk(url, seconds=1, connections=connections)  # warm caches and connections
        result = wrk(url, seconds=seconds, connections=connections)
        result.update(label=label, queries=queries_per_request(path, page_cache=page_cache))
        time.sleep(3)  # let requests queued by a slow page drain before the next one
        after = wrk(static_url, seconds=probe, connections=connections)["rps"]
        result["near_static"] = (near + after) / 2
        near = after
        rows.append(result)
    return rows


def with_ratios(rows: list) -> list:
    """Give each row of one pass its ratios to the pass's best static file and to the static
    file measured beside it."""
    static_rps = max(rows[0]["rps"], rows[-1]["rps"])
    return [
        {**row, "of_static": row["rps"] / static_rps, "of_near": row["rps"] / row["near_static"]}
        for row in rows
    ]


def summarize(passes: list[list]) -> list:
    """One row per page over several passes: the median of each figure, the range of ÷ near,
    and every error. On a VM whose speed drifts by a third within minutes, a page measured
    once can land in a slow or a fast spell; the median of passes taken in turn does not."""
    rows = []
    for measured in zip(*passes, strict=True):
        row = {key: statistics.median(r[key] for r in measured) for key in _MEDIANS}
        row.update(
            label=measured[0]["label"],
            queries=measured[0]["queries"],
            errors=sum(r["errors"] + r["non_2xx"] for r in measured),
            near_range=(min(r["of_near"] for r in measured), max(r["of_near"] for r in measured)),
        )
        rows.append(row)
    return rows


_MEDIANS = ("rps", "of_static", "of_near", "p50", "p99")


def print_table(rows: list, *, page_cache: bool, passes: int) -> None:
    """Print one pass's rows, or the rows `summarize` made of several (with ÷ near's range)."""
    ranged = passes > 1
    title = f"page cache {'on' if page_cache else 'off'}"
    print(f"\n{title}, median of {passes} passes" if ranged else f"\n{title}")
    range_header = f"{'÷ near range':>16}" if ranged else ""
    print(
        f"{'page':<18}{'req/s':>9}{'÷ static':>10}{'÷ near':>9}{range_header}"
        f"{'p50 ms':>9}{'p99 ms':>9}{'SQL':>5}{'errors':>8}"
    )
    for row in rows:
        low, high = row.get("near_range", (0, 0))
        spread = f"{f'{low:.1%}–{high:.1%}':>16}" if ranged else ""
        errors = row["errors"] if ranged else row["errors"] + row["non_2xx"]
        print(
            f"{row['label']:<18}{row['rps']:>9.0f}{row['of_static']:>10.1%}"
            f"{row['of_near']:>9.1%}{spread}"
            f"{row['p50']:>9.1f}{row['p99']:>9.1f}{row['queries']:>5}{errors:>8}"
        )
    print("÷ static: the run's best static file; ÷ near: the static file just before and after")


def soak(paths, *, port: int, seconds: int) -> None:
    env = {**os.environ, "PATHS": "\n".join(path for _, path in paths)}
    script = str(ROOT / "bench" / "rotate.lua")
    result = wrk(
        f"http://127.0.0.1:{port}/", seconds=seconds, connections=64, script=script, env=env
    )
    print(
        f"\nsoak: {seconds} s, 64 connections, all pages in turn: {result['requests']:,} requests, "
        f"{result['rps']:.0f}/s, p99 {result['p99']:.1f} ms, "
        f"socket errors {result['errors']}, non-2xx/3xx {result['non_2xx']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="Seconds per page.")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--soak", type=int, default=0, help="Then all pages at 64 connections.")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--passes", type=int, default=1, help="Measure every page this many times, in turn."
    )
    parser.add_argument(
        "--only", action="append", default=[], help="Measure pages whose label has this text."
    )
    args = parser.parse_args()
    ensure_wrk()
    import django

    django.setup()
    import logging

    from django.conf import settings

    logging.getLogger("portal.request").setLevel(logging.WARNING)  # the server logs; not us

    from bench.targets import bench_paths
    from news.models import NewsItem

    print(
        f"{NewsItem.objects.published().count():,} published items on "
        f"{settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}, "
        f"cache {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}, {os.cpu_count()} CPUs"
    )
    server = start_server(args.port)  # collects the static files first
    try:
        paths = bench_paths()
        if args.only:  # the static file stays: it is the ceiling every ratio needs
            paths = [p for p in paths[:-1] if any(o in p[0] for o in args.only)] + paths[-1:]
        passes = [
            with_ratios(
                measure(
                    paths,
                    port=args.port,
                    seconds=args.seconds,
                    connections=args.connections,
                    page_cache=settings.PAGE_CACHE,
                )
            )
            for _ in range(args.passes)
        ]
        rows = passes[0] if args.passes == 1 else summarize(passes)
        print_table(rows, page_cache=settings.PAGE_CACHE, passes=args.passes)
        if args.soak:
            soak(paths, port=args.port, seconds=args.soak)
    finally:
        stop_server(server)


if __name__ == "__main__":
    main()
