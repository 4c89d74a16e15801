"""Measurement: time per epoch, memory (exact tensor bytes; peak RSS in fresh processes), the scaling study and the
lecture's memory_profiler tables. Each module is public with its own ``__all__``."""

from . import isolated, lecture_example, lecture_profile, memory, runtime, scaling
from .isolated import *  # noqa: F403
from .lecture_example import *  # noqa: F403
from .lecture_profile import *  # noqa: F403
from .memory import *  # noqa: F403
from .runtime import *  # noqa: F403
from .scaling import *  # noqa: F403

__all__ = [*isolated.__all__, *lecture_example.__all__, *lecture_profile.__all__, *memory.__all__, *runtime.__all__,
           *scaling.__all__]
