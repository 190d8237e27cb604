# ruff: noqa: S103, S108, S606
"""Jail section: The harness: runs inside the confined runner, in the same process as the submission."""

from __future__ import annotations

import io
import math
import os
import sys
import traceback
import types
from collections.abc import Callable
from typing import Any

if __name__ != "__main__":  # imported as a module; joined into the jail text, all of it is above
    from pyprep.judge.jail.prelude import (
        SOLUTION_PATH,
    )


class Unserialisable(Exception):
    pass


# Bumped whenever what an observation looks like changes: stored expectations of an older format are stale.
# 2: a tuple is {"__tuple__": [...]}, no longer the same JSON as a list.
OBSERVATION_FORMAT = 2
_MAX_DEPTH = 64
_MAX_NODES = 100_000


def make_json_safe() -> Callable[[Any], Any]:
    """A converter to JSON-able values that holds its own references to the builtins it uses.

    Built before any submission code runs, so replacing `builtins.type`, `sorted` or `json.dumps` later
    changes nothing here. The submission's objects never get to run their own code either (no __eq__,
    __iter__, __str__...): a list subclass is read with list.__iter__, an int must be exactly int, and
    anything else is refused.
    """
    _type, _issubclass, _sorted, _len = type, issubclass, sorted, len
    _isfinite, _float_repr, _int_repr = math.isfinite, float.__repr__, int.__repr__
    list_iter, tuple_iter, dict_items = list.__iter__, tuple.__iter__, dict.items
    set_iter, frozenset_iter = set.__iter__, frozenset.__iter__
    encode = make_encoder()

    def convert(value: Any) -> Any:
        budget = [_MAX_NODES]

        def walk(item: Any, depth: int) -> Any:
            budget[0] -= 1
            if budget[0] < 0 or depth > _MAX_DEPTH:
                raise Unserialisable("too large")
            kind = _type(item)
            if item is None or kind is bool or kind is int or kind is str:
                return item
            if kind is float:
                return item if _isfinite(item) else {"__float__": _float_repr(item)}
            if _issubclass(kind, list):
                return [walk(element, depth + 1) for element in list_iter(item)]
            if _issubclass(kind, tuple):  # tagged, so a tuple never equals a list (OBSERVATION_FORMAT 2)
                return {"__tuple__": [walk(element, depth + 1) for element in tuple_iter(item)]}
            if _issubclass(kind, dict):
                out: dict[str, Any] = {}
                for key, element in dict_items(item):
                    key_kind = _type(key)
                    if key_kind is str:
                        name = key
                    elif key_kind is bool or key is None:
                        name = "true" if key is True else "false" if key is False else "null"
                    elif key_kind is int:
                        name = _int_repr(key)
                    else:
                        raise Unserialisable(f"dict key {key_kind.__name__}")
                    out[name] = walk(element, depth + 1)
                return out
            if _issubclass(kind, (set, frozenset)):
                iterate = set_iter if _issubclass(kind, set) else frozenset_iter
                items = [walk(element, depth + 1) for element in iterate(item)]
                return _sorted(items, key=encode)
            raise Unserialisable(kind.__name__)

        try:
            return walk(value, 0)
        except ValueError as exc:  # an int too long to print (sys.set_int_max_str_digits)
            raise Unserialisable("int too large") from exc

    del _len
    return convert


def make_encoder() -> Callable[[Any], str]:
    """JSON text for what the converter returns, from references taken now (the C string quoter included)."""
    from _json import encode_basestring_ascii as quote

    _type, _float_repr, _int_repr = type, float.__repr__, int.__repr__
    list_iter, dict_items, join = list.__iter__, dict.items, ",".join

    def encode(value: Any) -> str:
        kind = _type(value)
        if value is None:
            return "null"
        if kind is bool:
            return "true" if value else "false"
        if kind is int:
            return _int_repr(value)
        if kind is float:
            return _float_repr(value)
        if kind is str:
            return quote(value)
        if kind is list:
            return "[" + join([encode(element) for element in list_iter(value)]) + "]"
        if kind is dict:
            return "{" + join([quote(k) + ":" + encode(v) for k, v in dict_items(value)]) + "}"
        raise Unserialisable(kind.__name__)

    return encode


def json_safe(value: Any) -> Any:
    """A JSON-able copy of `value` (see make_json_safe); for the trusted side's own tests."""
    return make_json_safe()(value)


def _safe_str(exc: BaseException) -> str:
    try:
        text = str(exc)
    except BaseException:  # noqa: BLE001 - a submission's exception may refuse even to print itself
        text = "<unprintable>"
    return text[:500]


def describe_error(exc: BaseException) -> str:
    message = _safe_str(exc)
    name = type(exc).__name__
    return f"{name}: {message}" if message else name


def submission_traceback(exc: BaseException) -> str:
    """The traceback as the candidate should see it: their own frames only, the file named solution.py."""
    frames = [frame for frame in traceback.extract_tb(exc.__traceback__) if frame.filename == SOLUTION_PATH]
    lines = []
    if frames:
        lines.append("Traceback (most recent call last):\n")
        lines.extend(traceback.StackSummary.from_list(frames).format())
    try:
        lines.extend(traceback.format_exception_only(type(exc), exc))
    except BaseException:  # noqa: BLE001
        lines.append(describe_error(exc) + "\n")
    return "".join(lines).replace(SOLUTION_PATH, "solution.py")


class OutputLimitExceeded(Exception):
    pass


class _Capture(io.TextIOBase):
    """A test's sys.stdout: keeps the first few thousand characters, counts the rest against the job."""

    def __init__(self, keep: int, on_write: Callable[[int], None]) -> None:
        self._parts: list[str] = []
        self._kept = 0
        self._keep = keep
        self._on_write = on_write

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if type(text) is not str:
            raise TypeError("write() argument must be str")
        self._on_write(len(text))
        if self._kept < self._keep:
            piece = text[: self._keep - self._kept]
            self._parts.append(piece)
            self._kept += len(piece)
        return len(text)

    def value(self) -> str:
        return "".join(self._parts)


def run_job(job: dict[str, Any], emit: Callable[[dict[str, Any]], None], *, stdout_chars: int = 2000) -> None:
    """Run a program, or import a submission and call each test; emit one record per test, then "done".

    Everything the harness relies on after the submission is imported is bound here, before it is.
    """
    limits = job.get("limits") or {}
    output_budget = [int(limits.get("output_bytes", 65536))]
    convert = make_json_safe()
    _callable, _list, _range, _int, _exit, _sys = callable, list, range, int, os._exit, sys
    Random = __import__("random").Random
    capture_class, describe, new_module = _Capture, describe_error, types.ModuleType

    def count_output(size: int) -> None:
        output_budget[0] -= size
        if output_budget[0] < 0:
            emit({"kind": "done", "status": "output_limit", "traceback": ""})
            _exit(0)

    with open(SOLUTION_PATH, "w", encoding="utf-8") as handle:
        handle.write(job["source"])
    sys.path.insert(0, "/tmp")
    sys.stdin = io.TextIOWrapper(io.BytesIO(str(job.get("stdin", "")).encode()), encoding="utf-8")
    tests_source = job.get("tests") or ""
    if not tests_source:
        emit(_run_program(job["source"]))
        return
    try:
        import solution  # noqa: F401 - module-level code runs here; its prints go to the job's stdout
    except MemoryError:
        emit({"kind": "done", "status": "memory_limit", "traceback": ""})
        return
    except BaseException as exc:  # noqa: BLE001 - the submission may raise anything, SystemExit included
        emit({"kind": "done", "status": "runtime_error", "traceback": submission_traceback(exc)})
        return
    module = new_module("judge_tests")
    _sys.modules["judge_tests"] = module
    try:
        # dont_inherit: this module's own `from __future__ import annotations` must not leak into the job.
        code = compile(tests_source, "<tests>", "exec", dont_inherit=True)
        exec(code, module.__dict__)  # noqa: S102 - trusted test code
    except MemoryError:
        emit({"kind": "done", "status": "memory_limit", "traceback": ""})
        return
    except BaseException as exc:  # noqa: BLE001 - e.g. `from solution import f` where f is missing
        emit({"kind": "done", "status": "runtime_error", "traceback": submission_traceback(exc)})
        return
    fixed = job.get("fixed", True) is not False
    names = _list(job.get("test_names") or ()) if fixed else []
    if fixed and not names:
        names = [
            name
            for name, value in _list(module.__dict__.items())
            if name.startswith("test_") and _callable(value)
        ]
    calls: list[tuple[str, Any]] = [(name, module.__dict__.get(name)) for name in names]
    cases = _int(job.get("cases") or 0)
    if cases:
        generate: Any = module.__dict__.get("generate")
        check: Any = module.__dict__.get("check")
        try:
            if not (_callable(generate) and _callable(check)):
                raise LookupError("the tests module has no generate(rng, n) and check(case)")
            produced: Any = generate(Random(_int(job.get("seed") or 0)), cases)
            drawn = _list(produced)
        except BaseException as exc:  # noqa: BLE001 - the submission may have broken what generate uses
            emit(
                {
                    "kind": "done",
                    "status": "runtime_error",
                    "traceback": f"Drawing the test cases failed: {describe(exc)}\n",
                }
            )
            return
        for index in _range(cases):
            case = drawn[index] if index < len(drawn) else None
            calls.append((f"generated case {index + 1}", (lambda case=case: check(case))))
    real_stdout, real_stderr = _sys.stdout, _sys.stderr
    for name, function in calls:
        capture = capture_class(stdout_chars, count_output)
        _sys.stdout = _sys.stderr = capture
        record: dict[str, Any] = {
            "kind": "test",
            "name": name,
            "status": "ok",
            "observation": None,
            "error": "",
        }
        try:
            if not _callable(function):
                raise LookupError(f"no test named {name}")
            value = function()
            _sys.stdout, _sys.stderr = real_stdout, real_stderr
            try:
                record["observation"] = convert(value)
            except Unserialisable as exc:
                record["status"], record["error"] = "error", f"unserialisable {exc}"
        except MemoryError:
            _sys.stdout, _sys.stderr = real_stdout, real_stderr
            emit({"kind": "done", "status": "memory_limit", "traceback": ""})
            return
        except BaseException as exc:  # noqa: BLE001 - a failing test is an observation, not a crash
            _sys.stdout, _sys.stderr = real_stdout, real_stderr
            record["status"], record["error"] = "error", describe(exc)
        record["stdout"] = capture.value()
        emit(record)
    emit({"kind": "done", "status": "ok", "traceback": ""})


def _run_program(source: str) -> dict[str, Any]:
    main = types.ModuleType("__main__")
    main.__file__ = SOLUTION_PATH
    sys.modules["__main__"] = main
    status, text = "ok", ""
    try:
        code = compile(source, SOLUTION_PATH, "exec", dont_inherit=True)
        exec(code, main.__dict__)  # noqa: S102 - this is the sandboxed program
    except SystemExit as exc:
        if exc.code not in (None, 0):
            status, text = "runtime_error", f"SystemExit: {_safe_str(exc)}\n"
    except MemoryError:
        status = "memory_limit"
    except BaseException as exc:  # noqa: BLE001
        status, text = "runtime_error", submission_traceback(exc)
    try:
        import threading

        threading._shutdown()  # type: ignore[attr-defined]  # what the interpreter does at exit: join threads
    except BaseException:  # noqa: BLE001, S110
        pass
    return {"kind": "done", "status": status, "traceback": text}
