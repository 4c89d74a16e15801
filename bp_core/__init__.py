"""bp_core: backpropagation two ways, by hand and by PyTorch autograd, with every gradient checked.

The front door holds what a notebook user reaches for: the lecture's models, data and presets, ``train`` and
``compare``, gradients three ways, the chain rule path by path and the stability bound. Everything else is public in
its module: the lecture's core at the top (``data``, ``models``, ``contract``, ``presets``, ``activations``,
``training``, ``history``, ``budget``, ``limits``, ``comparison``), the lecture's two programs in ``bp_core.lecture``,
and one subpackage per job: ``bp_core.teaching``, ``bp_core.measure`` and ``bp_core.tuned``.

Examples
--------
>>> import bp_core
>>> result = bp_core.train(bp_core.Line(), bp_core.seed_line(), method="manual", learning_rate=0.01, epochs=1000)
>>> result.history.columns.tolist()
['epoch', 'loss', 'w', 'b', 'grad_norm']
"""

from . import measure as measure  # the subpackages, by job
from . import teaching as teaching
from . import tuned as tuned
from .comparison import Comparison, compare
from .contract import Model
from .data import Dataset, half_adder, make_dataset, seed_line
from .limits import ArgumentTypeError
from .models import MLP, Line
from .presets import PRESETS, Preset
from .teaching.checking import gradient_check
from .teaching.gradient_methods import gradients
from .teaching.paths import chain_rule_paths
from .teaching.stability import stability_bound
from .training import TrainResult, train

__all__ = [
    "MLP", "PRESETS", "ArgumentTypeError", "Comparison", "Dataset", "Line", "Model", "Preset", "TrainResult",
    "chain_rule_paths", "compare", "gradient_check", "gradients", "half_adder", "make_dataset", "seed_line",
    "stability_bound", "train",
]
