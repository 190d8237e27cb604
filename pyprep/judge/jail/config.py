"""Jail section: what the judge sends the jail, as declared types (JSON on the wire, checked by mypy on both
sides: the trusted `zygote.py` builds these, the jail sections read them)."""

from __future__ import annotations

from typing import Any, TypedDict


class JailConfig(TypedDict):
    """Sent once to a new zygote: everything about the tier that does not change from job to job."""

    mode: str  # "fork" (forkserver), "bwrap" or "none"
    bpf: str  # the seccomp program, base64
    uid_base: int  # first slot uid (root mode)
    slots: int
    userns: bool  # the keeper adds CLONE_NEWUSER (the judge is not root, or runs the zygote as another uid)
    ro_binds: list[str]  # read-only binds into the job's root: the stdlib and system libraries
    symlinks: list[tuple[str, str]]  # (link, destination), e.g. /lib -> usr/lib
    devices: list[str]
    inodes: int  # of the job's tmpfs
    nofile: int
    nproc: int
    stdout_chars: int  # of each test's printing kept
    drop_to_slot: bool  # bwrap/none launcher: setuid to the slot uid before exec
    exec_env: dict[str, str]
    exec_prefix: list[str]  # bwrap/none: the command line that starts a runner
    baseline_kb: int  # address space of a fresh runner, under the memory budget


class ZygoteState(JailConfig, total=False):
    """The configuration as the zygote holds it, with what it adds itself."""

    root: str  # the empty directory a forkserver keeper mounts the job's tmpfs on
    bpf_bytes: bytes
    job_ids: tuple[int, int]  # forkserver: the uid and gid a job's user namespace maps its uid 0 to


class JobRequest(TypedDict):
    """Sent per job, with the job's four descriptors; never the job itself (that goes down the job pipe)."""

    slot: int
    limits: dict[str, Any]  # protocol.Limits as a dict
    nonce: str  # frames the job's result records
