import heapq
import itertools
from collections import deque


def run(tasks):
    ready = deque(tasks.items())
    sleeping: list = []
    order = itertools.count()
    trace: list[str] = []
    results: dict = {}
    tick = 0
    while ready or sleeping:
        if not ready:
            tick = sleeping[0][0]
        while sleeping and sleeping[0][0] <= tick:
            _, _, name, task = heapq.heappop(sleeping)
            ready.append((name, task))
        stepping, ready = ready, deque()
        for name, task in stepping:
            try:
                request = next(task)
            except StopIteration as stop:
                trace.append(f"{tick}:{name}:done")
                results[name] = None
                continue
            except Exception as exc:
                trace.append(f"{tick}:{name}:error")
                results[name] = f"error: {type(exc).__name__}"
                continue
            trace.append(f"{tick}:{name}")
            wake = tick + (request if isinstance(request, int) and request > 0 else 1)
            heapq.heappush(sleeping, (wake, next(order), name, task))
        tick += 1
    return trace, results
