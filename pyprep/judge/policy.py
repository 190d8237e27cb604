"""Sandbox policy: the seccomp allow-list (compiled once to BPF) and the fixed numbers every tier shares."""

from __future__ import annotations

import errno
import os
import secrets
import tempfile

# One unprivileged uid per concurrent slot, outside any range Debian hands to real users.
SLOT_UID_BASE = 64200
# Open files for the submission; asyncio's self-pipe and a ThreadPoolExecutor fit easily.
NOFILE = 64
# Threads count against RLIMIT_NPROC; a thread bomb stops here (fork is refused outright by seccomp).
NPROC = 64
# Inodes on the job's tmpfs: "1 GiB as many small files" hits this before it costs the host much memory.
TMPFS_INODES = 2048
# How much of a test's own printing comes back per test.
TEST_STDOUT_CHARS = 2000

CLONE_THREAD = 0x00010000
PR_SET_PDEATHSIG = 1

# What a Python program needs to compute, use threads and asyncio, and write scratch files. Everything else
# (socket, connect, fork/vfork/execve, ptrace, mount, unshare, setns, bpf, io_uring, keyctl, perf, ...) is
# answered EPERM. socketpair stays because asyncio's event loop makes one for its self-pipe; without
# socket() nothing can reach a network, and the network namespace the jobs share is empty anyway. Without
# bind, connect and setsockopt no job socket ever gets an address, so jobs cannot reach each other there.
ALLOWED_SYSCALLS: tuple[str, ...] = (
    # memory
    "brk", "mmap", "munmap", "mremap", "mprotect", "madvise", "mincore", "membarrier",
    # files and descriptors
    "read", "write", "readv", "writev", "pread64", "pwrite64", "preadv", "pwritev", "preadv2", "pwritev2",
    "open", "openat", "close", "close_range", "lseek", "dup", "dup2", "dup3", "fcntl", "flock", "ioctl",
    "stat", "fstat", "lstat", "newfstatat", "statx", "statfs", "fstatfs", "access", "faccessat",
    "faccessat2", "getdents", "getdents64", "getcwd", "chdir", "fchdir", "mkdir", "mkdirat", "rmdir",
    "unlink", "unlinkat", "rename", "renameat", "renameat2", "link", "linkat", "symlink", "symlinkat",
    "readlink", "readlinkat", "chmod", "fchmod", "fchmodat", "umask", "truncate", "ftruncate", "fsync",
    "fdatasync", "fallocate", "fadvise64", "utimensat", "sendfile", "copy_file_range", "pipe", "pipe2",
    "select", "pselect6", "poll", "ppoll", "epoll_create", "epoll_create1", "epoll_ctl", "epoll_wait",
    "epoll_pwait", "epoll_pwait2", "eventfd2",
    # the local ends of a socketpair. Not setsockopt: SO_PASSCRED or SO_PASSPIDFD would let a send autobind a
    # socket to an abstract name in the network namespace, which the jobs of a sandbox share (docs/judge.md).
    "sendto", "recvfrom", "sendmsg", "recvmsg", "shutdown", "getsockopt", "getsockname", "getpeername",
    # threads, signals, time
    "futex", "set_robust_list", "get_robust_list", "set_tid_address", "rseq", "sched_yield",
    "sched_getaffinity", "sched_getparam", "sched_getscheduler", "getcpu", "rt_sigaction",
    "rt_sigprocmask", "rt_sigreturn", "rt_sigpending", "rt_sigsuspend", "rt_sigtimedwait", "sigaltstack",
    "kill", "tkill", "tgkill", "pause", "alarm", "setitimer", "getitimer", "nanosleep", "clock_nanosleep",
    "clock_gettime", "clock_getres", "gettimeofday", "time", "times", "restart_syscall",
    # identity and limits (read-only, or harmless to lower)
    "getpid", "getppid", "gettid", "getuid", "geteuid", "getgid", "getegid", "getgroups", "getresuid",
    "getresgid", "getpgrp", "getpgid", "getsid", "getrlimit", "prlimit64", "getrusage", "getpriority",
    "uname", "sysinfo", "getrandom", "capget", "arch_prctl", "wait4", "waitid",
    "exit", "exit_group",
)  # fmt: skip


def build_filter_bpf() -> bytes:
    """Compile the allow-list to raw BPF once; every tier loads these bytes with a bare prctl()."""
    import pyseccomp as seccomp  # imported late: ~40 ms, and only the trusted side needs it

    filt = seccomp.SyscallFilter(defaction=seccomp.ERRNO(errno.EPERM))
    # x32 and i386 entry points would bypass a table written for x86_64: kill those outright.
    filt.set_attr(seccomp.Attr.ACT_BADARCH, seccomp.KILL_PROCESS)
    for name in ALLOWED_SYSCALLS:
        try:
            filt.add_rule(seccomp.ALLOW, name)
        except (OSError, RuntimeError, ValueError):
            continue  # a syscall this architecture does not have
    filt.add_rule(seccomp.ALLOW, "clone", seccomp.Arg(0, seccomp.MASKED_EQ, CLONE_THREAD, CLONE_THREAD))
    filt.add_rule(seccomp.ALLOW, "socketpair", seccomp.Arg(0, seccomp.EQ, 1))  # AF_UNIX only
    # prctl, except clearing the parent-death signal: that is what kills a job whose keeper is gone.
    filt.add_rule(seccomp.ALLOW, "prctl", seccomp.Arg(0, seccomp.NE, PR_SET_PDEATHSIG))
    # glibc falls back from clone3 to clone on ENOSYS, where the flags can be checked.
    filt.add_rule(seccomp.ERRNO(errno.ENOSYS), "clone3")
    with tempfile.TemporaryFile() as handle:
        filt.export_bpf(handle)
        handle.seek(0)
        data = handle.read()
    if not data or len(data) % 8:
        raise RuntimeError("libseccomp exported an empty or malformed BPF program")
    return data


SLOT_UID_BLOCK = 64
SLOT_UID_BLOCKS = 4096  # uids 64200 .. 326343: no distribution hands these to real users


def slot_uid_block(slots: int) -> int:
    """First uid of a fresh block of `slots` uids, chosen at random so that judges on one host differ."""
    if slots > SLOT_UID_BLOCK:
        raise ValueError(f"at most {SLOT_UID_BLOCK} slots")
    while True:
        base = SLOT_UID_BASE + SLOT_UID_BLOCK * secrets.randbelow(SLOT_UID_BLOCKS)
        if not base <= 65534 < base + SLOT_UID_BLOCK:  # keep clear of nobody (65534) and (uid_t)-1 16-bit
            return base


def running_as_root() -> bool:
    return os.geteuid() == 0
