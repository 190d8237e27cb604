import heapq
from collections import deque


def run(tasks):
    trace = []
    results = {}
    heap = []
    seq = 0
    for name, gen in tasks.items():
        heapq.heappush(heap, (0, seq, name, gen))
        seq += 1
    while heap:
        tick = heap[0][0]
        while heap and heap[0][0] == tick:
            _, _, name, gen = heapq.heappop(heap)
            try:
                value = next(gen)
            except StopIteration as stop:
                results[name] = stop.value
                trace.append(f"{tick}:{name}:done")
                continue
            except Exception as exc:
                results[name] = f"error: {type(exc).__name__}"
                trace.append(f"{tick}:{name}:error")
                continue
            trace.append(f"{tick}:{name}")
            delay = 1 if value is None else value
            heapq.heappush(heap, (tick + delay, seq, name, gen))
            seq += 1
    return trace, results
