import heapq
from collections import deque


def run(tasks):
    trace = []
    results = {}
    heap = []
    order = {}
    for index, (name, gen) in enumerate(tasks.items()):
        order[name] = index
        heapq.heappush(heap, (0, index, name, gen))
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
            delay = value if isinstance(value, int) and value > 0 else 1
            heapq.heappush(heap, (tick + delay, order[name], name, gen))
    return trace, results
