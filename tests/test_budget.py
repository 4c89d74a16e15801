import itertools

import pytest
import torch

import bp_core
from bp_core import budget, history, measure


def test_the_library_accepts_more_rows_and_wider_layers_than_the_dashboard_allows():
    x = torch.rand(20_000, 2)
    result = bp_core.train(bp_core.MLP((2, 100, 2)), (x, torch.rand(20_000, 2)), "manual", 0.1, 2)
    assert result.epochs_run == 2


def test_a_run_beyond_the_memory_budget_is_refused_naming_the_data_and_the_estimate():
    with pytest.raises(ValueError, match=r"data is too large .* estimated [\d.]+ MiB .* budget of 1 MiB"):
        bp_core.train(bp_core.Line(), (torch.rand(100_000, 1), torch.rand(100_000, 1)), "manual", 0.01, 2,
                      memory_budget_bytes=1024**2)


def test_a_model_too_wide_for_the_budget_is_refused_naming_the_model_before_anything_is_allocated():
    huge = bp_core.MLP((2, 200_000, 200_000, 2))  # 4e10 parameters: only shapes exist
    with pytest.raises(ValueError, match="model is too large .*memory_budget_bytes"):
        bp_core.train(huge, bp_core.half_adder(), "autograd", 0.01, 2)


def test_the_budget_can_be_raised_for_the_process_and_set_back():
    data = (torch.rand(100_000, 1), torch.rand(100_000, 1))
    old = budget.set_memory_budget(1024**2)
    try:
        with pytest.raises(ValueError, match="budget"):
            bp_core.train(bp_core.Line(), data, "manual", 0.01, 2)
        assert bp_core.train(bp_core.Line(), data, "manual", 0.01, 2, memory_budget_bytes=2**30).epochs_run == 2
    finally:
        budget.set_memory_budget(old)
    assert budget.memory_budget_bytes() == budget.DEFAULT_MEMORY_BUDGET_BYTES


@pytest.mark.parametrize("bad", [0, -1, 1.5, "lots", True, float("nan")])
def test_a_bad_budget_is_refused_naming_it(bad):
    with pytest.raises(ValueError, match="memory_budget_bytes"):
        bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", 0.01, 2, memory_budget_bytes=bad)
    with pytest.raises(ValueError, match="budget_bytes"):
        budget.set_memory_budget(bad)


def test_the_working_set_estimate_adds_its_categories_and_grows_with_rows():
    policy = history.record_policy(bp_core.Line(), "auto", 100)
    small = budget.estimate_working_set(bp_core.Line(), 10, "autograd", 100, policy)
    large = budget.estimate_working_set(bp_core.Line(), 10_000, "autograd", 100, policy)
    assert small.total_bytes == (small.data_bytes + small.tensor_bytes.total_bytes + small.temporaries_bytes
                                 + small.history_bytes)
    assert large.data_bytes == 1000 * small.data_bytes and large.history_bytes == small.history_bytes


@pytest.mark.parametrize(("sizes", "activation", "output"), list(itertools.product(
    [(2, 3, 2), (2, 2), (3, 7, 5, 4, 2)], ["sigmoid", "relu", "tanh"], ["sigmoid", "identity"])))
@pytest.mark.parametrize("method", ["manual", "autograd"])
def test_the_analytic_tensor_bytes_equal_the_bytes_counted_from_the_tensors(sizes, activation, output, method):
    model = bp_core.MLP(sizes, activation, output)
    for n in (1, 4, 10):
        data = (torch.rand(n, sizes[0]), torch.rand(n, sizes[-1]))
        assert budget.analytic_tensor_bytes(model, n, method) == measure.count_tensor_bytes(model, data, method)


@pytest.mark.parametrize("method", ["manual", "autograd"])
def test_the_lines_analytic_tensor_bytes_equal_the_counted_ones(method):
    for n in (1, 4, 1000):
        data = (torch.rand(n, 1), torch.rand(n, 1))
        assert budget.analytic_tensor_bytes(bp_core.Line(), n, method) == measure.count_tensor_bytes(
            bp_core.Line(), data, method)


def test_cuda_without_a_gpu_is_refused_naming_the_device():
    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    with pytest.raises(ValueError, match="device"):
        bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", 0.01, 2, device="cuda")


@pytest.mark.parametrize("device", ["tpu", 3, None, "gpu"])
def test_an_unknown_device_is_refused_naming_it(device):
    with pytest.raises(ValueError, match="device"):
        bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", 0.01, 2, device=device)


def test_results_record_the_device_they_ran_on():
    assert bp_core.train(bp_core.Line(), bp_core.seed_line(), "autograd", 0.01, 2, device="cpu").device == "cpu"
