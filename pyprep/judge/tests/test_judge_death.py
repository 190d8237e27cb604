"""A judge killed mid-job takes its job with it, on every tier: nothing of the job is left running.

The harsh case: the judge and all its trusted helpers are SIGKILLed at once, so no keeper is left to stop the
job. What remains is the kernel's parent-death signal on the job itself (and a cgroup, where there is one).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pyprep.judge.tests.conftest import TIER_IDS, supported_tiers
from pyprep.judge.tests.test_containment import _writable_cgroup2

PROJECT = Path(__file__).resolve().parents[3]

# The judge: one sandbox, one job that tries to outlive it (it clears its own parent-death signal and
# sleeps, which costs no CPU, so no CPU limit would end it), then waits to be killed.
JUDGE = r"""
import sys, threading
from pyprep.judge.protocol import Job, Limits
from pyprep.judge.tests.conftest import start_variant
sandbox = start_variant(sys.argv[1], slots=1)
source = (
    "import ctypes, time\n"
    "ctypes.CDLL(None).prctl(1, 0, 0, 0, 0)\n"  # PR_SET_PDEATHSIG 0
    "time.sleep(60)\n"
)
job = Job(source=source, limits=Limits(cpu_seconds=5, wall_seconds=60))
threading.Thread(target=sandbox.run, args=(job,), daemon=True).start()
print("started", getattr(sandbox, "cgroup", None) or "", flush=True)
threading.Event().wait()
"""

# A subreaper between the test and the judge: whatever the dead judge leaves behind becomes its child,
# so it can list (and then clean up) every survivor, whatever pid namespace or uid it runs in.
LAUNCHER = r"""
import ctypes, json, os, signal, subprocess, sys, time
ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
judge = subprocess.Popen([sys.executable, "-c", sys.argv[1], sys.argv[2]], stdout=subprocess.PIPE, text=True)
line = judge.stdout.readline().split()
cgroup = line[1] if len(line) > 1 else ""
time.sleep(1.5)  # the job is running by now

def tree(root):
    parents = {}
    for name in os.listdir("/proc"):
        try:
            parents[int(name)] = int(open(f"/proc/{name}/stat").read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    found, frontier = [], [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent:
                found.append(pid)
                frontier.append(pid)
    return found

def confined(pid):
    try:
        return "Seccomp:\t2" in open(f"/proc/{pid}/status").read()
    except OSError:
        return True

# The judge and every trusted process of its tree (zygote, keepers, bwrap) die at once, as under the OOM
# killer or a kill of the whole tree: none of them gets to clean up. Only the jobs (under seccomp) are left.
trusted = [pid for pid in tree(judge.pid) if not confined(pid)]
jobs = [pid for pid in tree(judge.pid) if confined(pid)]
for pid in [judge.pid, *trusted]:
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass
judge.wait()

def children():
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            stat = open(f"/proc/{name}/stat").read()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid == os.getpid() and stat.rsplit(")", 1)[1].split()[0] != "Z":
                found.append((int(name), open(f"/proc/{name}/cmdline", "rb").read()[:80].decode(errors="replace")))
        except (OSError, ValueError, IndexError):
            continue
    return found

deadline = time.monotonic() + 3
while children() and time.monotonic() < deadline:
    time.sleep(0.05)
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass
survivors = children()
populated = None
if cgroup:
    populated = "populated 1" in open(os.path.join(cgroup, "cgroup.events")).read()
for pid, _ in survivors:
    os.kill(pid, signal.SIGKILL)
print(json.dumps({"started": line[:1], "jobs": len(jobs), "survivors": survivors, "cgroup_populated": populated}))
"""


@pytest.mark.parametrize("variant", TIER_IDS)
def test_killing_the_judge_mid_job_leaves_nothing_of_the_job_alive(variant: str) -> None:
    reason = supported_tiers()[variant]
    if reason is not None:
        pytest.skip(reason)
    out = subprocess.run(
        [sys.executable, "-c", LAUNCHER, JUDGE, variant],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=PROJECT,
        check=True,
    )
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["started"] == ["started"], out.stderr[-2000:]
    assert report["jobs"] >= 1  # the job was running when its judge died
    assert report["survivors"] == []
    if _writable_cgroup2():
        assert report["cgroup_populated"] is False  # the group was there, and is empty
    else:
        assert report["cgroup_populated"] is None
