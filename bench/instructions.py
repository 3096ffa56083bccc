"""Count the CPU instructions one request to each address costs, in-process, under callgrind.

Usage: .venv/bin/python bench/instructions.py /parks/some-park/ /news/ [--requests 30]
Reads DATABASE_URL and REDIS_URL like the app, production settings; PAGE_CACHE=off counts
uncached pages. Needs valgrind (Debian's package).

Timings on a shared VM move by 20 % from one run to the next; instruction counts repeat
within about 1 %, so they show a change of a few per cent that load tests cannot. They
count the app's process only (not the database server's), and instructions are not time:
a cache miss or a system call costs more than its count says.
"""

import argparse
import io
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.production"
os.environ.setdefault("API_ANON_RATE", "")
INSIDE = "PARKWIRE_UNDER_CALLGRIND"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--requests", type=int, default=30, help="Requests counted per address.")
    args = parser.parse_args()
    if os.environ.get(INSIDE):
        count_inside(args.paths, args.requests)
    else:
        run_under_callgrind(args.paths, args.requests)


def run_under_callgrind(paths: list[str], requests: int) -> None:
    if not shutil.which("valgrind"):
        sys.exit("valgrind is needed: apt-get install valgrind")
    with tempfile.TemporaryDirectory() as folder:
        command = [
            *("valgrind", "--tool=callgrind", "--instr-atstart=no"),
            f"--callgrind-out-file={folder}/out.%p",
            *(sys.executable, __file__, *paths, "--requests", str(requests)),
        ]
        run = subprocess.run(command, env={**os.environ, INSIDE: "1"}, capture_output=True)
        if run.returncode:
            sys.exit(run.stderr.decode(errors="replace")[-2000:])
        dumps = sorted(Path(folder).glob("out.*.*"), key=lambda dump: int(dump.suffix[1:]))
        if len(dumps) != len(paths):
            sys.exit(f"callgrind wrote {len(dumps)} counts for {len(paths)} addresses")
        for path, dump in zip(paths, dumps, strict=True):
            total = int(re.search(r"^(?:summary|totals): (\d+)", dump.read_text(), re.M)[1])
            print(f"{path}: {total // requests:,} instructions per request")


def count_inside(paths: list[str], requests: int) -> None:
    """Warm each address up uninstrumented, then count `requests` requests and dump."""
    import django

    django.setup()
    logging.disable(logging.INFO)  # the JSON request log is the same for every page
    from django.core.handlers.wsgi import WSGIHandler

    app = WSGIHandler()

    def control(*options: str) -> None:
        command = ["callgrind_control", *options, str(os.getpid())]
        subprocess.run(command, capture_output=True, check=True)

    for path in paths:
        for _ in range(20):
            get(app, path)
        control("--instr=on")
        control("--zero")
        for _ in range(requests):
            get(app, path)
        control("--dump")
        control("--instr=off")


def get(app, path: str) -> None:
    address, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": address,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.input": io.BytesIO(),
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
    }
    response = app(environ, lambda status, headers, exc_info=None: None)
    b"".join(response)
    response.close()


if __name__ == "__main__":
    main()
