import heapq
from collections import deque


def run(tasks):
    trace = []
    results = {}
    ready = deque(tasks.items())
    sleeping = []
    seq = 0
    tick = 0
    while ready or sleeping:
        if not ready and sleeping and sleeping[0][0] > tick:
            tick = max(tick, sleeping[0][0])
        while sleeping and sleeping[0][0] <= tick:
            entry = heapq.heappop(sleeping)
            ready.append((entry[-2], entry[-1]))
        current = ready
        next_ready = deque()
        while current:
            name, gen = current.popleft()
            try:
                value = next(gen)
            except StopIteration as exc:
                results[name] = exc.value
                trace.append(f"{tick}:{name}:done")
                continue
            except Exception as exc:
                results[name] = f"error: {type(exc).__name__}"
                trace.append(f"{tick}:{name}:error")
                continue
            trace.append(f"{tick}:{name}")
            if value is None:
                next_ready.append((name, gen))
            else:
                heapq.heappush(sleeping, (tick + value, name, gen))
                seq += 1
        ready = next_ready
        tick += 1
    return trace, results
