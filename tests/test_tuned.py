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
    wide_x = torch.randn(257, 2, generator=generator)  # wide enough for the vectorised kernels' main loops
    yield "a 2-40-33-3 relu network with identity outputs", bp_core.MLP((2, 40, 33, 3), "relu", "identity", 2), \
        bp_core.make_dataset(wide_x, torch.randn(257, 3, generator=generator)), 0.05, 60
    yield "a 2-64-2 sigmoid network on 257 rows", bp_core.MLP((2, 64, 2), seed=4), \
        bp_core.make_dataset(wide_x, torch.rand(257, 2, generator=generator)), 0.5, 60
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


@pytest.mark.parametrize("name", sorted(bp_core.activations.ACTIVATIONS))
def test_an_activations_backward_from_n_alone_is_dl_dn_times_its_derivative(name):
    activation = bp_core.activations.ACTIVATIONS[name]
    generator = torch.Generator().manual_seed(1)
    d = torch.randn(50, 4, generator=generator, dtype=torch.float64) * 3
    d[0, 0] = 0.0  # ReLU's kink: off, as torch has it
    grad_n = torch.randn(50, 4, generator=generator, dtype=torch.float64)
    n = activation.forward(d)
    torch.testing.assert_close(activation.backward(grad_n, n), grad_n * activation.derivative(d, n))
    d_autograd = d.clone().requires_grad_(True)
    activation.forward(d_autograd).backward(grad_n)
    torch.testing.assert_close(activation.backward(grad_n, n), d_autograd.grad)


@pytest.mark.parametrize("family, sizes", [("line", (1, 1)), ("2-3-2", (2, 3, 2)), ("2-H-2", (2, 256, 2)),
                                           ("2-H-H-H-2", (2, 32, 32, 32, 2)), ("relu", (3, 5, 4))])
@pytest.mark.parametrize("n_samples", [4, 1000])
def test_the_hand_derived_backward_keeps_no_more_than_autograd(family, sizes, n_samples):
    model = bp_core.Line() if family == "line" else bp_core.MLP(sizes, "relu" if family == "relu" else "sigmoid")
    data = bp_core.make_dataset(torch.rand(n_samples, model.in_features), torch.rand(n_samples, model.out_features))
    kept = {m: bp_core.measure.count_tensor_bytes(model, data, m) for m in ("manual", "autograd")}
    for method, counted in kept.items():
        assert counted == bp_core.budget.analytic_tensor_bytes(model, n_samples, method)
    assert kept["manual"].saved_for_backward_bytes <= kept["autograd"].saved_for_backward_bytes


def test_the_first_set_up_says_whether_it_imported_torch_dynamo_in_a_fresh_process_and_after_an_earlier_import():
    """A fresh interpreter's first autograd run imports torch._dynamo in its set-up (the first torch.optim.SGD); one
    that imported it before (as the dashboard's server does when it starts) does not, and the set-up says which."""
    import subprocess
    import sys

    program = ("import sys, bp_core\n"
               "from bp_core import training\n"
               "before = training.first_optimizer_setup_imported_dynamo()\n"
               "{preload}"
               "bp_core.train(bp_core.Line(), bp_core.seed_line(), 'autograd', 0.01, 3)\n"
               "print(before, training.first_optimizer_setup_imported_dynamo(), 'torch._dynamo' in sys.modules,\n"
               "      training.first_optimizer_setup_seconds() > 0)\n")
    printed = [subprocess.run([sys.executable, "-c", program.format(preload=preload)], capture_output=True, text=True,
                              check=True, timeout=120).stdout.split()
               for preload in ("", "import torch._dynamo\n")]
    assert printed == [["None", "True", "True", "True"], ["None", "False", "True", "True"]]
