import numpy as np
import pandas as pd
import pytest
import torch

import bp_core
from bp_core import history, training
from bp_core.history import AUTO_SUBSET_ABOVE, HISTORY_VALUE_CAP


def test_auto_records_every_parameter_every_epoch_for_the_lectures_models():
    assert history.record_policy(bp_core.Line(), "auto", 1000) == history.RecordPolicy(("w", "b"), None, 1)
    policy = history.record_policy(bp_core.MLP(), "auto", 10_000)
    assert len(policy.names) == 17 and policy.stride == 1 and policy.index is None


def test_a_width_1024_network_records_a_bounded_subset_not_a_million_numbers_per_epoch():
    model = bp_core.MLP((2, 1024, 1024, 2))
    policy = history.record_policy(model, "auto", 200_000)
    assert sum(p.numel() for p in model.init_params().values()) > AUTO_SUBSET_ABOVE
    assert len(policy.names) <= 4 * 6 and policy.names[:2] == ("W1[0,0]", "W1[0,1]")
    assert policy.rows(200_000) * len(policy.names) <= HISTORY_VALUE_CAP + 2 * len(policy.names)


def test_a_strided_history_keeps_the_loss_every_epoch_and_parameters_at_the_stride_and_the_end():
    result = bp_core.train(bp_core.MLP(), bp_core.half_adder(), "manual", 1.0, 25, record_params=10)
    full = bp_core.train(bp_core.MLP(), bp_core.half_adder(), "manual", 1.0, 25)
    assert result.history.columns.tolist() == ["epoch", "loss", "grad_norm"] and len(result.history) == 26
    np.testing.assert_array_equal(result.history["loss"], full.history["loss"])
    assert result.parameter_history["epoch"].tolist() == [0, 10, 20, 25]
    expected = full.history.set_index("epoch").loc[[0, 10, 20, 25], full.parameter_names].to_numpy()
    np.testing.assert_array_equal(result.parameter_history[full.parameter_names].to_numpy(), expected)
    assert all(torch.equal(result.params[k], full.params[k]) for k in full.params)
    assert result.record_stride == 10 and result.history_bytes < full.history_bytes


@pytest.mark.parametrize("method", ["manual", "autograd"])
def test_a_chosen_subset_is_recorded_every_epoch_under_its_names(method):
    result = bp_core.train(bp_core.MLP(), bp_core.half_adder(), method, 1.0, 30, record_params=["b2[1]", "W1[0,1]"])
    full = bp_core.train(bp_core.MLP(), bp_core.half_adder(), method, 1.0, 30)
    assert result.parameter_names == ["W1[0,1]", "b2[1]"]
    pd.testing.assert_frame_equal(result.history, full.history[["epoch", "loss", "W1[0,1]", "b2[1]", "grad_norm"]])


def test_history_bytes_are_reported():
    result = bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", 0.01, 100)
    assert result.history_bytes == int(result.history.memory_usage(deep=True).sum())


@pytest.mark.parametrize("method", ["manual", "autograd"])
@pytest.mark.parametrize("record", ["all", 3, ["W1[0,0]"]])
def test_divergence_epoch_is_exact_whatever_is_recorded(method, record):
    model = bp_core.MLP(activation="relu", output_activation="identity")
    reference = bp_core.train(model, bp_core.half_adder(), method, 60.0, 400)
    result = bp_core.train(model, bp_core.half_adder(), method, 60.0, 400, record_params=record)
    assert reference.diverged_at is not None
    assert result.diverged_at == reference.diverged_at and result.epochs_run == reference.epochs_run
    np.testing.assert_array_equal(result.history["loss"], reference.history["loss"])
    assert all(torch.equal(result.params[k], reference.params[k]) for k in reference.params)


def test_divergence_inside_a_block_is_found_at_its_exact_epoch():
    """The checks run once per block of epochs; a loss that explodes mid-block must still stop the history there."""
    result = bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", 0.5, 1000)
    losses = result.history["loss"].to_numpy()
    threshold = training.DIVERGENCE_FACTOR * max(losses[0], 1.0)
    assert result.diverged_at == len(losses) - 1 and losses[-1] > threshold and (losses[:-1] <= threshold).all()
    assert 0 < result.diverged_at < 200  # mid-block: the block is 256 epochs long for two parameters


def test_a_non_finite_first_loss_leaves_an_empty_history_and_the_initial_parameters():
    data = ([[1.0], [2.0]], [[1e30], [2e30]])  # (1e30)^2 overflows float32: the very first loss is inf
    result = bp_core.train(bp_core.Line(), data, "manual", 0.01, 10)
    assert result.diverged_at == 0 and result.epochs_run == 0
    assert len(result.history) == 0 and np.isnan(result.final_loss)
    assert result.params["w"].item() == 0.0


@pytest.mark.parametrize("record", ["most", 0, -3, 2.5, True, [], ["W9[0,0]"], ["W1[5,0]"], ["w"], [None], {}])
def test_bad_record_params_are_refused_naming_the_argument(record):
    with pytest.raises(ValueError, match="record_params"):
        bp_core.train(bp_core.MLP(), bp_core.half_adder(), "manual", 1.0, 10, record_params=record)
