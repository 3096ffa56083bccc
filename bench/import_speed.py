"""Import a few thousand generated documents into a scratch database and print documents per second.

Usage: .venv/bin/python bench/import_speed.py [--documents 2000] [--database-url URL]
Without --database-url it uses a fresh SQLite file in a temporary folder.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PARKS = [
    "China-Israel Changzhou Innovation Park",
    "CIIH (Shanghai)",
    "Sino-Swiss (Changzhou) Innovation Park",
]
PLATFORMS = [
    "Israel Center",
    "CIP TEC",
    "Jiangsu China-Israel Industrial Technology Research Institute",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September"]


def scraped_page(n: int, rng: random.Random) -> str:
    park, platform = rng.choice(PARKS), rng.choice(PLATFORMS)
    body = "\n\n".join(
        f"On the morning of {rng.choice(MONTHS)} {rng.randint(1, 28)}, delegation {n}-{p} visited the {park} "
        f"and the {platform}, and {rng.randint(2, 90)} additional WOFEs and China-Israel cooperative "
        f"enterprises settled in the park, working on smart manufacturing and life sciences."
        for p in range(rng.randint(3, 8))
    )
    return (
        "Service Hotline:86 0519 86361787\nLatest News\nLatest News\nCIP Dynamic\n"
        f"Delegation {n} visits the {park} to study cooperation\n"
        f"Time:20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} 10:{n % 60:02d}:00View count:\n\n"
        f"{body}\n"
    )


def press_release(n: int, rng: random.Random) -> str:
    park = rng.choice(PARKS)
    return (
        f" date 2021-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} CHANGZHOU, China, Nov. 12, 2021 /PRNewswire/ -- "
        f"Conference {n} was held at the {park} on October 21 to strengthen cooperation.\n\n"
        f"Conference {n} on innovation\n\n"
        f"The {park} now hosts some {rng.randint(100, 900)},000 square meters of the approximately "
        f"900,000 square meters allocated to the park, with intelligent equipment and medical devices.\n"
    )


def generate(folder: Path, count: int) -> None:
    rng = random.Random(2026)
    for n in range(count):
        make = scraped_page if n % 3 else press_release
        (folder / f"doc_{n:05d}.txt").write_text(make(n, rng), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="parkwire-bench-"))
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{scratch / 'bench.sqlite3'}"
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", "bench-only")
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.base"
    import django

    django.setup()
    from django.core.management import call_command

    from news.importing.pipeline import import_paths
    from news.importing.reference import load_reference
    from news.importing.report import Status

    call_command("migrate", verbosity=0)
    documents = scratch / "documents"
    documents.mkdir()
    generate(documents, args.documents)
    reference = load_reference(ROOT / "seeds" / "reference.toml")
    for label in ("first import", "re-import (unchanged)"):
        started = time.perf_counter()
        results = import_paths([documents], reference=reference)
        elapsed = time.perf_counter() - started
        counts = {s: sum(r.status == s for r in results) for s in Status}
        print(
            f"{label:<24} {len(results):>6} documents in {elapsed:7.2f} s = {len(results) / elapsed:8.1f} documents/s"
            f"  ({', '.join(f'{v} {k}' for k, v in counts.items() if v)})"
        )


if __name__ == "__main__":
    main()
