"""The lecture's two training loops (AI Deep Dive ch. 4), as references for the benchmarks.

They live once, in bp_core/lecture_profile.py (which also runs them under memory_profiler), copied as written; only
two things differ from the note: the code sits in functions so it can be timed, and ``print`` goes to the stream
the caller passes (the benchmark passes an in-memory one).
"""

from bp_core.measure.lecture_profile import lecture_autograd, lecture_manual

__all__ = ["lecture_autograd", "lecture_manual"]
