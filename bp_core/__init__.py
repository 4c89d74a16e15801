"""bp_core: backpropagation two ways, by hand and by PyTorch autograd, with every gradient checked.

Examples
--------
>>> import bp_core
>>> result = bp_core.train(bp_core.Line(), bp_core.seed_line(), method="manual", learning_rate=0.01, epochs=1000)
>>> result.history.columns.tolist()
['epoch', 'loss', 'w', 'b', 'grad_norm']
"""

from ._validate import (
    MAX_EPOCHS,
    MAX_HISTORY_CELLS,
    MAX_LEARNING_RATE,
    MAX_MULTIPLY_ADDS,
    MAX_SEED,
    ArgumentTypeError,
    check_epochs,
    check_learning_rate,
)
from .activations import ACTIVATIONS
from .budget import (
    DEFAULT_MEMORY_BUDGET_BYTES,
    WorkingSet,
    analytic_tensor_bytes,
    estimate_working_set,
    set_memory_budget,
)
from .by_hand import ManualStep, NetworkValues, manual_step, network_values, params_at
from .checking import (
    GradientReport,
    GradientTable,
    ZeroGradComparison,
    gradient_report,
    gradient_table,
    zero_grad_comparison,
)
from .compare import (
    MIN_TIMED_EPOCHS,
    Comparison,
    MethodMemory,
    compare,
    loss_surface,
    parameter_difference,
    predictions,
    update_step_source,
)
from .contract import Model, check_model, model_from_spec
from .data import Dataset, half_adder, make_dataset, seed_line
from .gradients import GradientCheck, gradcheck_manual, gradient_check, gradients
from .history import RecordPolicy, record_policy
from .isolated import (
    IsolatedMemory,
    MeasurementRoom,
    RSSSpread,
    isolated_measurement_room,
    measure_isolated_memory,
    rss_difference_resolvable,
)
from .lecture_profile import LectureProfile, lecture_memory_profile
from .memory import (
    RSS_RESOLUTION_MIB,
    MemoryMeasurement,
    TensorBytes,
    count_tensor_bytes,
    measure_memory,
    memory_difference_resolvable,
)
from .models import MLP, Line, flatten, scalar_names, unflatten
from .paths import ChainRulePaths, chain_rule_paths
from .presets import PRESETS, Preset
from .runtime import RuntimeMeasurement, measure_runtime
from .stability import StabilityBound, stability_bound
from .sweep import MAX_RUNS, MAX_SWEEP_EPOCHS, MAX_SWEEP_WORK, LineHessian, Sweep, learning_rate_sweep, line_hessian
from .training import DIVERGENCE_FACTOR, TrainResult, first_optimizer_setup_seconds, train

__all__ = [
    "ACTIVATIONS", "DIVERGENCE_FACTOR", "MAX_EPOCHS", "MAX_HISTORY_CELLS", "MAX_LEARNING_RATE", "MAX_MULTIPLY_ADDS",
    "MAX_SEED", "MIN_TIMED_EPOCHS", "PRESETS", "RSS_RESOLUTION_MIB",
    "ArgumentTypeError", "ChainRulePaths", "Comparison", "Dataset", "GradientCheck", "Line", "MLP", "MemoryMeasurement",
    "Model", "Preset", "RuntimeMeasurement", "StabilityBound", "TensorBytes", "TrainResult",
    "chain_rule_paths", "check_epochs", "check_learning_rate", "check_model", "compare", "count_tensor_bytes",
    "first_optimizer_setup_seconds", "flatten",
    "gradcheck_manual", "gradient_check", "gradients", "half_adder", "loss_surface", "make_dataset",
    "LectureProfile", "lecture_memory_profile",
    "measure_memory", "measure_runtime", "memory_difference_resolvable", "model_from_spec", "parameter_difference",
    "predictions",
    "scalar_names", "seed_line", "stability_bound", "train", "unflatten", "update_step_source",
    # issue 8: limits from memory, bounded history, isolated RSS
    "DEFAULT_MEMORY_BUDGET_BYTES", "IsolatedMemory", "MeasurementRoom", "MethodMemory", "RSSSpread", "RecordPolicy",
    "WorkingSet", "analytic_tensor_bytes", "estimate_working_set", "isolated_measurement_room",
    "measure_isolated_memory", "record_policy", "rss_difference_resolvable",
    "set_memory_budget",
]
__all__ += [  # the teaching pages (issue 7)
    "MAX_RUNS", "MAX_SWEEP_EPOCHS", "MAX_SWEEP_WORK", "GradientReport", "GradientTable", "LineHessian", "ManualStep",
    "NetworkValues", "Sweep", "ZeroGradComparison", "gradient_report", "gradient_table", "learning_rate_sweep",
    "line_hessian", "manual_step", "network_values", "params_at", "zero_grad_comparison",
]
