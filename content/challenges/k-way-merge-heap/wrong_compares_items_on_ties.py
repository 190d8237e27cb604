import heapq


def merge_sorted(iterables, key=None):
    """Lazily merge sorted iterables; equal keys keep the order of the iterables they came from."""
    key = key or (lambda item: item)
    heap = []
    for order, iterable in enumerate(iterables):
        iterator = iter(iterable)
        for item in iterator:
            # (key, which input, item, iterator): the input's position breaks ties, so items are never compared
            heap.append((key(item), item, order, iterator))
            break
    heapq.heapify(heap)
    while heap:
        _, item, order, iterator = heap[0]
        yield item
        for following in iterator:
            heapq.heapreplace(heap, (key(following), following, order, iterator))
            break
        else:
            heapq.heappop(heap)
