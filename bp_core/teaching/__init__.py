"""The teaching tools: the chain rule path by path, the backward pass walked unit by unit, one step by hand, a nudged
weight, gradients checked three ways, a gradient formula written by the learner, the learning
rate's stability bound and sweep, the line's loss surface. Each module is public with its own ``__all__``."""

from . import by_hand, checking, derive, gradient_methods, nudging, paths, stability, surface, sweep, walk
from .by_hand import *  # noqa: F403
from .checking import *  # noqa: F403
from .derive import *  # noqa: F403
from .gradient_methods import *  # noqa: F403
from .nudging import *  # noqa: F403
from .paths import *  # noqa: F403
from .stability import *  # noqa: F403
from .surface import *  # noqa: F403
from .sweep import *  # noqa: F403
from .walk import *  # noqa: F403

__all__ = [*by_hand.__all__, *checking.__all__, *derive.__all__, *gradient_methods.__all__, *nudging.__all__,
           *paths.__all__, *stability.__all__, *surface.__all__, *sweep.__all__, *walk.__all__]
