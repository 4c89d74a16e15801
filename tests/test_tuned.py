"""The tuned loops that ``train`` runs compute what the plain loops a learner reads compute, bit for bit."""

import pytest
import torch

import bp_core
from bp_core.training import autograd_loop, by_hand_loop, update_step_source

PLAIN = {"manual": by_hand_loop, "autograd": autograd_loop}


def problems():
    generator = torch.Generator().manual_seed(3)
    x7 = torch.randn(7, 1, generator=generator)  # 7 rows: no power of two hides a rounding difference
    yield "the lecture's line", bp_core.Line(), bp_core.seed_line(), 0.01, 300
    yield "a line on 7 random points", bp_core.Line(), bp_core.make_dataset(x7, 3 * x7 - 1), 0.05, 200
    yield "the 2-3-2 network", bp_core.MLP(), bp_core.half_adder(), 1.0, 200
    x = torch.randn(9, 3, generator=generator)
    y = torch.rand(9, 2, generator=generator)
    for activation in ("tanh", "relu"):
        yield f"a 3-4-4-2 {activation} network", bp_core.MLP((3, 4, 4, 2), activation, "sigmoid", 5), \
            bp_core.make_dataset(x, y), 0.3, 150
    yield "the 2-3-2 network in float64", bp_core.MLP(), bp_core.half_adder().to(torch.float64), 0.5, 100


@pytest.mark.parametrize("method", ["manual", "autograd"])
@pytest.mark.parametrize("name, model, data, learning_rate, epochs", list(problems()),
                         ids=[p[0] for p in problems()])
def test_train_equals_the_plain_loop_bit_for_bit(name, model, data, learning_rate, epochs, method):
    tuned = bp_core.train(model, data, method, learning_rate, epochs, record_params="all")
    plain = PLAIN[method](model, data, learning_rate, epochs)
    assert tuned.diverged_at is None
    assert tuned.history["loss"].tolist()[:epochs] == plain.losses
    rows = torch.stack([theta.reshape(-1) for theta in plain.thetas]).double().numpy()
    assert (tuned.history[tuned.parameter_names].to_numpy() == rows).all()


def test_the_plain_loops_give_the_lectures_printed_w_and_b():
    for method in ("manual", "autograd"):
        plain = PLAIN[method](bp_core.Line(), bp_core.seed_line(), 0.01, 1000)
        w, b = plain.thetas[-1].reshape(-1).tolist()
        assert f"{w:.4f} {b:.4f}" == "2.0049 0.9857"
        assert f"{plain.losses[99]:.4f}" == "0.0076"  # the note's "Epoch [100/1000]" is the 100th forward pass


def test_the_code_shown_to_a_learner_is_the_plain_loop_and_the_tuned_one_only_on_request():
    for method in ("manual", "autograd"):
        for model in (bp_core.Line(), bp_core.MLP()):
            shown = update_step_source(model, method)
            for trick in ("backward(one)", "criterion.forward", "numpy", "recorder", "out="):
                assert trick not in shown
            tuned = update_step_source(model, method, tuned=True)
            assert "recorder" in tuned
    assert "loss.backward()" in update_step_source(bp_core.Line(), "autograd")
    assert "optimizer.zero_grad()" in update_step_source(bp_core.Line(), "autograd")
    assert "def manual_packed" in update_step_source(bp_core.Line(), "manual")
