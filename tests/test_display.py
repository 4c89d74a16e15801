"""bp_core's results at home in Jupyter (issue 30 D4, in part): ``_repr_html_`` shows each result's key sentence,
built from its numbers, above a compact table; every text escaped."""

import html

import pytest

import bp_core
from bp_core.display import MAX_ROWS, html_card
from bp_core.lecture import note

LINE = bp_core.Line()
MLP = bp_core.MLP((2, 3, 2))


@pytest.fixture(scope="module")
def comparison():
    return bp_core.compare(LINE, bp_core.seed_line(), 0.01, 1000, measure_memory=False)


def test_a_train_result_shows_its_loss_and_the_notes_final_w_and_b(comparison):
    run = comparison.results["manual"]
    card = run._repr_html_()
    assert "loss 41 to" in run.sentence() and f"{run.final_loss:.4g}" in run.sentence()
    assert html.escape(run.sentence()) in card
    assert f"{note.FINAL_W:.6g}" in card and f"{note.FINAL_B:.6g}" in card  # the table's final values


def test_a_comparison_states_both_final_losses_the_difference_and_the_speed(comparison):
    said = comparison.sentence()
    for method, result in comparison.results.items():
        assert f"{result.final_loss:.4g} ({method})" in said
    assert f"{comparison.max_param_difference:.2e}" in said
    assert html.escape(said) in comparison._repr_html_()


def test_the_chain_rule_paths_the_walk_and_the_gradient_check_show_their_sums():
    params, data = MLP.init_params(), bp_core.half_adder()
    paths = bp_core.chain_rule_paths(MLP, params, data, "W1[0,1]", 3)
    assert f"{paths.total:.9g}" in paths._repr_html_() and f"{paths.autograd:.9g}" in paths.sentence()
    walk = bp_core.teaching.backward_walk(MLP, params, data, 3)
    assert f"{walk.loss:.6g}" in walk._repr_html_() and "W1[0,1]" in walk._repr_html_()
    check = bp_core.gradient_check(MLP, params, data)
    passed = int((check.table["verdict"] == "pass").sum())
    assert f"{passed} of {len(check.table)} parameters pass" in check._repr_html_()


def test_a_card_escapes_every_text_and_counts_the_rows_it_leaves_out():
    import pandas as pd

    card = html_card("<script>x</script>", "a & b", pd.DataFrame({"<th>": ["<td>"] * (MAX_ROWS + 5)}))
    assert "<script>" not in card and "&lt;script&gt;" in card and "a &amp; b" in card
    assert "&lt;td&gt;" in card and "<td><td>" not in card
    assert "5 more rows" in card
