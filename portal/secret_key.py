"""A SECRET_KEY for zero-configuration runs, generated once and kept in var/."""

import contextlib
import os
import tempfile
from pathlib import Path

from django.core.management.utils import get_random_secret_key


def stored_secret_key(var_dir: Path) -> str:
    """Return the key kept in var_dir/secret_key, creating it (owner-readable only) on first use.

    Several processes start at once on a fresh machine (gunicorn workers, `make serve` beside a
    management command), so the key is written aside and linked into place: the first link wins
    and every process reads that one whole key, never a half-written or a second one.
    """
    path = var_dir / "secret_key"
    if not path.exists():
        var_dir.mkdir(parents=True, exist_ok=True)
        descriptor, draft = tempfile.mkstemp(dir=var_dir, prefix=".secret_key.")  # mode 0600
        try:
            with os.fdopen(descriptor, "w") as file:
                file.write(get_random_secret_key())
            with contextlib.suppress(FileExistsError):  # another process linked its key first
                os.link(draft, path)
        finally:
            os.unlink(draft)
    return path.read_text().strip()
