import asyncio
from concurrent.futures import ThreadPoolExecutor

from solution import current, get, request_context, set_value, submit_with_context


def test_values_are_visible_inside_the_block_and_gone_after():
    before = get("user")
    with request_context(user="ann", request_id=7):
        inside = [get("user"), get("request_id"), current()]
    return [before, inside, get("user"), current()]


def test_nested_blocks_overlay_and_restore():
    seen = []
    with request_context(user="ann", lang="en"):
        with request_context(lang="fr", trace="t1"):
            seen.append(current())
        seen.append(current())
    seen.append(current())
    return seen


def test_a_block_restores_even_when_it_raises():
    with request_context(user="ann"):
        try:
            with request_context(user="eve"):
                raise RuntimeError("boom")
        except RuntimeError:
            pass
        after_error = get("user")
    return [after_error, get("user")]


def test_get_falls_back_to_the_default():
    with request_context(user=None):
        return [get("user", "anon"), get("missing"), get("missing", 0)]


def test_the_block_yields_a_read_only_view_of_its_values():
    with request_context(user="ann") as values:
        try:
            values["user"] = "eve"
            outcome = "changed"
        except TypeError:
            outcome = "TypeError"
        return [outcome, dict(values), get("user")]


def test_current_returns_a_copy():
    with request_context(user="ann"):
        snapshot = current()
        snapshot["user"] = "eve"
        return [get("user"), type(snapshot).__name__]


def test_set_value_lasts_until_the_enclosing_block_exits():
    seen = []
    with request_context(user="ann"):
        set_value("user", "bob")
        set_value("step", 1)
        seen.append(current())
        with request_context(step=2):
            set_value("extra", True)
            seen.append(current())
        seen.append(current())
    seen.append(current())
    return seen


def test_values_survive_await():
    async def handler():
        with request_context(user="ann"):
            await asyncio.sleep(0)
            first = get("user")
            await asyncio.sleep(0)
            return [first, get("user")]

    return asyncio.run(handler())


def test_concurrent_tasks_are_isolated():
    async def handle(user, pauses):
        with request_context(user=user):
            seen = []
            for _ in range(pauses):
                await asyncio.sleep(0)
                seen.append(get("user"))
            set_value("user", user.upper())
            await asyncio.sleep(0)
            seen.append(get("user"))
            return seen

    async def main():
        return await asyncio.gather(handle("ann", 3), handle("bob", 2), handle("cy", 4))

    return asyncio.run(main())


def test_a_child_task_inherits_the_values_but_cannot_change_the_parents():
    async def child():
        inherited = current()
        set_value("user", "child")
        set_value("child_only", 1)
        with request_context(depth=2):
            await asyncio.sleep(0)
        return [inherited, current()]

    async def main():
        with request_context(user="parent", depth=1):
            task = asyncio.create_task(child())
            await asyncio.sleep(0)
            during = current()
            child_saw = await task
            return [child_saw, during, current()]

    return asyncio.run(main())


def test_a_task_created_before_a_change_does_not_see_it():
    async def child(started, proceed):
        started.set()
        await proceed.wait()
        return get("user")

    async def main():
        started, proceed = asyncio.Event(), asyncio.Event()
        with request_context(user="first"):
            task = asyncio.create_task(child(started, proceed))
            await started.wait()
            set_value("user", "second")
            proceed.set()
            return [await task, get("user")]

    return asyncio.run(main())


def test_threads_see_the_values_only_when_submitted_with_context():
    with ThreadPoolExecutor(max_workers=1) as executor, request_context(user="ann"):
        plain = executor.submit(get, "user", "no value").result()
        carried = submit_with_context(executor, get, "user", "no value").result()
    return [plain, carried]


def test_a_thread_changing_values_does_not_affect_the_caller():
    def work():
        set_value("user", "thread")
        with request_context(job=1):
            return current()

    with ThreadPoolExecutor(max_workers=1) as executor, request_context(user="ann"):
        seen_in_thread = submit_with_context(executor, work).result()
        return [seen_in_thread, current()]


def generate(rng, n):
    """Fresh programs of nested blocks, set_value calls, reads, child tasks and failing blocks."""

    def program(depth):
        steps = []
        for _ in range(rng.randint(1, 4)):
            kind = rng.choice(["block", "set", "get", "get", "task", "fail"])
            if depth > 2 and kind in ("block", "task", "fail"):
                kind = "get"
            key = rng.choice("abc")
            if kind in ("block", "fail"):
                values = {rng.choice("abc"): rng.randint(0, 9) for _ in range(rng.randint(0, 2))}
                steps.append([kind, values, program(depth + 1)])
            elif kind == "task":
                steps.append([kind, program(depth + 1)])
            elif kind == "set":
                steps.append([kind, key, rng.randint(10, 99)])
            else:
                steps.append([kind, key])
        return steps

    return [program(0) for _ in range(n)]


def check(case):
    seen = []

    async def run(steps):
        for step in steps:
            kind = step[0]
            if kind == "get":
                seen.append([step[1], get(step[1], "-")])
            elif kind == "set":
                set_value(step[1], step[2])
            elif kind == "task":
                await asyncio.create_task(run(step[1]))
                seen.append(["after task", current()])
            elif kind == "block":
                with request_context(**step[1]):
                    await run(step[2])
                    seen.append(["end of block", current()])
            else:
                try:
                    with request_context(**step[1]):
                        await run(step[2])
                        raise LookupError
                except LookupError:
                    seen.append(["after failure", current()])

    asyncio.run(run(case))
    return [seen, current()]
