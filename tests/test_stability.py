import numpy as np
import pytest
import torch

import bp_core


def test_line_hessian_is_the_closed_form_and_the_bound_is_two_over_lambda_max():
    bound = bp_core.stability_bound(bp_core.Line(), None, bp_core.seed_line())
    assert bound.hessian.tolist() == [[15.0, 5.0], [5.0, 2.0]]  # (2/N) [[sum x^2, sum x], [sum x, N]]
    lambda_max = (17 + np.sqrt(13**2 + 4 * 25)) / 2  # largest root of l^2 - 17 l + 5
    assert bound.lambda_max == pytest.approx(lambda_max, rel=1e-12)
    assert bound.lambda_max == pytest.approx(16.70, abs=0.005)
    assert bound.learning_rate_bound == pytest.approx(2 / lambda_max, rel=1e-12)
    assert bound.learning_rate_bound == pytest.approx(0.1198, abs=5e-5)


def test_line_hessian_does_not_depend_on_the_parameters():
    params = {"w": torch.tensor([[3.0]]), "b": torch.tensor([[-2.0]])}
    bound = bp_core.stability_bound(bp_core.Line(), params, bp_core.seed_line())
    assert bound.hessian.tolist() == [[15.0, 5.0], [5.0, 2.0]]


@pytest.mark.parametrize("method", ["manual", "autograd"])
def test_training_just_below_the_bound_converges_and_just_above_diverges(method):
    bound = bp_core.stability_bound(bp_core.Line(), None, bp_core.seed_line()).learning_rate_bound
    below = bp_core.train(bp_core.Line(), bp_core.seed_line(), method, bound * 0.98, 5000)
    above = bp_core.train(bp_core.Line(), bp_core.seed_line(), method, bound * 1.02, 5000)
    assert below.diverged_at is None and below.final_loss < 1e-6
    assert above.diverged_at is not None


def test_network_hessian_is_symmetric_and_matches_finite_differences_of_the_gradient():
    mlp = bp_core.MLP()
    params = mlp.init_params(torch.float64)
    bound = bp_core.stability_bound(mlp, params, bp_core.half_adder())
    assert bound.hessian.shape == (17, 17)
    torch.testing.assert_close(bound.hessian, bound.hessian.T)
    theta = bp_core.flatten(params)
    eps = 1e-5
    for i in (0, 8, 16):
        step = torch.zeros_like(theta)
        step[i] = eps
        up = bp_core.gradients(mlp, bp_core.unflatten(theta + step, params), bp_core.half_adder(), "manual")
        down = bp_core.gradients(mlp, bp_core.unflatten(theta - step, params), bp_core.half_adder(), "manual")
        column = (bp_core.flatten(up) - bp_core.flatten(down)) / (2 * eps)
        torch.testing.assert_close(bound.hessian[:, i], column, rtol=1e-5, atol=1e-8)
