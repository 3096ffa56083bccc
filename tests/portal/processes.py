"""The environment for running the project in a subprocess against its own SQLite file."""

import os
from pathlib import Path


def sqlite_environment(database: Path, **overrides: str) -> dict[str, str]:
    """Return this process's environment, pointed at `database` with the base settings."""
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "portal.settings.base",
        "SECRET_KEY": "subprocess-test",
        "DEBUG": "false",
        **overrides,
    }
