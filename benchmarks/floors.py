"""Floors for the trainers' benchmark: the lecture's manual arithmetic without torch, and the memory-bandwidth floor.

``numpy_manual`` and ``python_manual`` run the lecture's hand-derived loop (1000 epochs of y = 2x + 1 on four points,
float32 for NumPy, float64 for plain Python) so the per-operation cost of torch can be read against them.
``copy_floor_seconds`` is the time to read and write a tensor of a given size once (a torch copy), timed with
torch.utils.benchmark.Timer: no training epoch that must read its data can be faster than reading it.
"""

import numpy as np
import torch
from torch.utils.benchmark import Timer


def numpy_manual(epochs=1000, lr=0.01):
    x = np.array([[1.0], [2.0], [3.0], [4.0]], dtype=np.float32)
    y = np.array([[3.0], [5.0], [7.0], [9.0]], dtype=np.float32)
    w = np.zeros((1, 1), dtype=np.float32)
    b = np.zeros((1, 1), dtype=np.float32)
    lr32 = np.float32(lr)
    for _ in range(epochs):
        pred = x @ w + b
        loss = np.mean((pred - y) ** 2)  # noqa: F841  (computed, as the lecture does)
        dw = 2 * x.T @ (pred - y) / len(x)
        db = 2 * np.sum(pred - y) / len(x)
        w -= lr32 * dw
        b -= lr32 * db
    return w, b


def python_manual(epochs=1000, lr=0.01):
    xs, ys = [1.0, 2.0, 3.0, 4.0], [3.0, 5.0, 7.0, 9.0]
    n = len(xs)
    w = b = 0.0
    for _ in range(epochs):
        errors = [w * x + b - y for x, y in zip(xs, ys)]
        loss = sum(e * e for e in errors) / n  # noqa: F841
        dw = 2 * sum(e * x for e, x in zip(errors, xs)) / n
        db = 2 * sum(errors) / n
        w -= lr * dw
        b -= lr * db
    return w, b


def copy_floor_seconds(numel: int, min_run_time: float = 0.5) -> float:
    """Median seconds of one ``dst.copy_(src)`` of ``numel`` float32 values (reads and writes them once)."""
    src = torch.rand(numel)
    dst = torch.empty_like(src)
    timer = Timer(stmt="dst.copy_(src)", globals={"src": src, "dst": dst}, num_threads=torch.get_num_threads())
    return timer.blocked_autorange(min_run_time=min_run_time).median
