import os
import re
import subprocess
import sys
from pathlib import Path

from django.core.management.utils import get_random_secret_key

ROOT = Path(__file__).resolve().parents[2]


def documented_environment() -> dict[str, str]:
    """Return the variables of the ```env block in docs/deployment.md."""
    text = (ROOT / "docs" / "deployment.md").read_text()
    block = re.search(r"```env\n(.*?)```", text, re.DOTALL)[1]
    return dict(line.split("=", 1) for line in block.splitlines() if line.strip())


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "portal.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_the_documented_environment(tmp_path):
    env = documented_environment()
    env["SECRET_KEY"] = get_random_secret_key()
    # The documented services need not exist for the check; a local database does.
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", REDIS_URL="")

    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_zero_configuration_keeps_a_generated_secret_key_private_and_stable(tmp_path):
    env = {"PARKWIRE_VAR_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path / 'db'}"}
    show = "from django.conf import settings; print(settings.SECRET_KEY, settings.DEBUG)"

    first = run_manage("shell", "-c", show, env=env)
    second = run_manage("shell", "-c", show, env=env)

    key_file = tmp_path / "secret_key"
    assert first.stdout.splitlines()[-1] == second.stdout.splitlines()[-1]
    assert first.stdout.splitlines()[-1] == f"{key_file.read_text()} False"
    assert len(key_file.read_text()) >= 50
    assert key_file.stat().st_mode & 0o077 == 0
