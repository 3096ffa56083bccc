import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Each process waits for the same instant, then asks for the key, as workers starting together do.
RACE = """
import sys, time
from pathlib import Path
from portal.secret_key import stored_secret_key
start = float(sys.argv[2])
time.sleep(max(0.0, start - time.time()))
print(stored_secret_key(Path(sys.argv[1])))
"""


def test_processes_starting_together_on_a_fresh_machine_share_one_whole_key(tmp_path):
    for attempt in range(5):
        var_dir = tmp_path / str(attempt)
        start = str(time.time() + 0.8)  # time enough for every interpreter to start
        racers = [
            subprocess.Popen(
                [sys.executable, "-c", RACE, str(var_dir), start],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(8)
        ]
        results = [racer.communicate(timeout=60) for racer in racers]

        assert [racer.returncode for racer in racers] == [0] * 8, [err for _, err in results]
        keys = {out.strip() for out, _ in results}
        assert keys == {(var_dir / "secret_key").read_text()}
        assert len(keys.pop()) >= 50
        assert [p.name for p in var_dir.iterdir()] == ["secret_key"]  # no drafts left behind
        assert (var_dir / "secret_key").stat().st_mode & 0o077 == 0
