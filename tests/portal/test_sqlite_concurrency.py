"""Eight processes writing to one SQLite file at once (an import during admin edits): no lock errors."""

import multiprocessing
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.portal.processes import sqlite_environment

ROOT = Path(__file__).resolve().parents[2]
WORKERS = 8
ROUNDS = 15


def _worker(database: str, seeds: str, number: int, errors) -> None:
    os.environ.update(sqlite_environment(Path(database)))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import OperationalError, transaction

    from news.importing.pipeline import import_paths
    from news.importing.reference import load_reference
    from parks.models import Park

    try:
        if number % 2:
            results = import_paths(
                [Path(seeds)], reference=load_reference(Path(seeds) / "reference.toml")
            )
            errors.extend([r.error for r in results if r.error])
        for round_number in range(ROUNDS):
            with transaction.atomic():
                park = Park.objects.order_by("?").first()
                if park:
                    Park.objects.filter(pk=park.pk).update(summary=f"edit {number}-{round_number}")
    except OperationalError as error:
        errors.append(str(error))


@pytest.mark.django_db
def test_eight_writers_never_see_database_is_locked(tmp_path, seeds_dir):
    database = tmp_path / "concurrency.sqlite3"
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=sqlite_environment(database),
        check=True,
    )
    for number in range(WORKERS):
        folder = tmp_path / f"seeds{number}"
        shutil.copytree(seeds_dir, folder)
        for document in folder.glob("0*.txt"):
            document.rename(folder / f"w{number}_{document.name}")
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        errors = manager.list()
        processes = [
            context.Process(
                target=_worker, args=(str(database), str(tmp_path / f"seeds{n}"), n, errors)
            )
            for n in range(WORKERS)
        ]
        for process in processes:
            process.start()
        for process in processes:
            process.join(timeout=300)
        assert [p.exitcode for p in processes] == [0] * WORKERS
        assert list(errors) == []
