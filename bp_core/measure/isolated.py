"""Peak RSS per method measured the way it can be trusted: each run in a fresh Python process, repeated.

A peak-RSS delta measured inside a shared process (a Streamlit server) holds whatever else that process allocated
meanwhile, and an allocator keeps freed pages, so one method's run can hide the next one's. Here every run gets its
own process (``bp_core.measure.memory.measure_memory``: the two methods side by side, ``repeats`` rounds), and a
difference between the methods counts as resolvable only when the repeats' ranges do not overlap and the medians
differ by at least ``RSS_RESOLUTION_MIB`` (``rss_difference_resolvable``, the one verdict on an RSS difference).
Each process costs about ``PROBE_PROCESS_MIB`` (Python + torch): ``isolated_measurement_room`` says whether this
machine has that memory to spare now.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from ..contract import Model, check_model
from ..cost import check_seconds, training_seconds
from ..data import as_dataset
from ..limits import (
    METHODS,
    ArgumentTypeError,
    check_epochs,
    check_int_range,
    check_learning_rate,
    check_real,
    shown,
)
from ..training import train
from .memory import RSS_RESOLUTION_MIB, measure_memory

__all__ = ["MIN_REPEATS", "PROBE_PROCESS_MIB", "PROBE_START_SECONDS", "isolated_measurement_room", "IsolatedMemory",
           "measure_isolated_memory", "MeasurementRoom", "rss_difference_resolvable", "RSSSpread"]

PROBE_PROCESS_MIB = 300.0
"""Resident memory of one fresh measuring process (Python, torch, one small run), with a margin; seen ~250 MiB."""

PROBE_START_SECONDS = 2.5
"""What a fresh probe process takes to start here before it trains (importing torch and bp_core: 2.2 s measured),
counted in each round's time by ``measure_isolated_memory``."""
MIN_REPEATS = 3


@dataclass(frozen=True)
class RSSSpread:
    """Peak RSS Δ of one method over repeated fresh-process runs, in MiB."""

    method: str
    samples_mib: tuple[float, ...]

    def __post_init__(self) -> None:
        if not isinstance(self.method, str):
            raise ArgumentTypeError(f"method must be a str (the method's name), got {shown(self.method)}")
        if not isinstance(self.samples_mib, tuple) or not self.samples_mib:
            raise ArgumentTypeError(f"samples_mib must be a non-empty tuple of MiB figures, got "
                                    f"{shown(self.samples_mib)}")
        for i, value in enumerate(self.samples_mib):  # a peak RSS delta may be negative (memory given back)
            check_real(f"samples_mib[{i}]", value)

    @property
    def median_mib(self) -> float:
        return float(statistics.median(self.samples_mib))

    @property
    def low_mib(self) -> float:
        return float(min(self.samples_mib))

    @property
    def high_mib(self) -> float:
        return float(max(self.samples_mib))


def rss_difference_resolvable(a: RSSSpread, b: RSSSpread, resolution_mib: float = RSS_RESOLUTION_MIB) -> bool:
    """True only when the ranges of the repeats do not overlap and the medians differ by >= ``resolution_mib``.

    Single runs (one sample each, as ``measure_memory`` gives) are judged the same way: apart by ``resolution_mib``.

    Examples
    --------
    >>> rss_difference_resolvable(RSSSpread("manual", (1.0, 1.2, 1.1)), RSSSpread("autograd", (9.0, 9.5, 9.2)))
    True
    >>> rss_difference_resolvable(RSSSpread("manual", (1.0, 5.0, 1.1)), RSSSpread("autograd", (4.0, 9.5, 9.2)))
    False
    """
    for name, spread in (("a", a), ("b", b)):
        if not isinstance(spread, RSSSpread):
            raise ArgumentTypeError(f"{name} must be a bp_core.measure.RSSSpread, got {shown(spread)}")
    resolution_mib = check_real("resolution_mib", resolution_mib, 0.0)
    apart = a.high_mib < b.low_mib or b.high_mib < a.low_mib
    return apart and abs(a.median_mib - b.median_mib) >= resolution_mib


@dataclass(frozen=True)
class IsolatedMemory:
    """Both methods' peak RSS Δ from fresh processes, with what was measured."""

    rss: dict[str, RSSSpread]
    repeats: int
    epochs: int
    n_samples: int

    @property
    def resolvable(self) -> bool:
        return rss_difference_resolvable(self.rss["manual"], self.rss["autograd"])


@dataclass(frozen=True)
class MeasurementRoom:
    """Whether this machine can start the measuring processes now."""

    allowed: bool
    available_mib: float
    needed_mib: float


def isolated_measurement_room(processes: int = len(METHODS)) -> MeasurementRoom:
    """Available memory (psutil) against ``processes`` x PROBE_PROCESS_MIB plus the same again as a margin."""
    import psutil

    processes = check_int_range("processes", processes, 1, 64)
    available = psutil.virtual_memory().available / 2**20
    needed = 2 * processes * PROBE_PROCESS_MIB
    return MeasurementRoom(available >= needed, float(available), float(needed))


def measure_isolated_memory(model: Model, data: object, learning_rate: float, epochs: int, *,
                            repeats: int = MIN_REPEATS) -> IsolatedMemory:
    """Peak RSS Δ of each method over ``repeats`` rounds of ``measure_memory`` (each run in its own fresh process,
    two at a time), for a verdict on the difference (``IsolatedMemory.resolvable``).

    Raises ``MemoryError`` when ``isolated_measurement_room()`` says the machine lacks the memory.

    Examples
    --------
    >>> import bp_core
    >>> m = bp_core.measure.measure_isolated_memory(bp_core.Line(), bp_core.seed_line(), 0.01, 100)  # doctest: +SKIP
    >>> len(m.rss["manual"].samples_mib)  # doctest: +SKIP
    3
    """
    model = check_model(model)
    dataset = as_dataset(data, model.in_features, model.out_features)
    learning_rate, epochs = check_learning_rate(learning_rate), check_epochs(epochs)
    repeats = check_int_range("repeats", repeats, MIN_REPEATS, 20)
    for method in METHODS:
        train(model, dataset, method, learning_rate, 1)  # every argument checked before a process starts
    each_round = PROBE_START_SECONDS + max(training_seconds(model, dataset.n_samples, epochs, m) for m in METHODS)
    check_seconds("repeats", repeats * each_round,
                  f"{repeats} rounds of fresh processes (about {PROBE_START_SECONDS:g} s to start each) running both "
                  f"methods side by side for {epochs} epochs", "fewer repeats or epochs")
    room = isolated_measurement_room()
    if not room.allowed:
        raise MemoryError(f"measuring in fresh processes needs about {room.needed_mib:.0f} MiB free, "
                          f"{room.available_mib:.0f} MiB are available")
    samples: dict[str, list[float]] = {method: [] for method in METHODS}
    for _ in range(repeats):
        for method, measured in measure_memory(model, dataset, METHODS, learning_rate, epochs).items():
            samples[method].append(measured.peak_rss_delta_mib)
    rss = {method: RSSSpread(method, tuple(values)) for method, values in samples.items()}
    return IsolatedMemory(rss, repeats, epochs, dataset.n_samples)
