"""The same arithmetic as bp_core.training's plain loops, tuned for speed: the loops ``train`` runs and the recorder
that fills their history. Held to the plain loops bit for bit by tests/test_tuned.py; a learner reads the plain ones."""

from . import loops, recorder
from .loops import *  # noqa: F403
from .recorder import *  # noqa: F403

__all__ = [*loops.__all__, *recorder.__all__]
