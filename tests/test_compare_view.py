import pytest

import bp_core
from ui import compare_view as view
from ui.settings import Settings


@pytest.fixture(scope="module")
def network():
    settings = Settings("mlp", 1.0, 200)
    model, data = settings.build()
    return settings, bp_core.compare(model, data, 1.0, 200, measure_memory=False)


def test_every_chart_in_the_mapping_builds_a_titled_spec(network):
    settings, comparison = network
    for kind, build in view.CHARTS.items():
        option = {"loss": True, "parameters": ("W1[0,1]",)}.get(kind)
        if kind == "surface":
            continue  # the line only
        assert build(comparison, "en", option).to_dict()["title"]["text"], kind


def test_headline_reads_the_run(network):
    settings, comparison = network
    top, bottom = view.headline(comparison, settings, "en")
    assert top[0].value == f"{comparison.results['manual'].final_loss:.4g}"
    assert bottom[0].value == "17" and bottom[1].value == "200"


def test_outputs_table_names_each_methods_outputs_in_the_language(network):
    _, comparison = network
    table = view.outputs_table(comparison, "ko")
    assert {"수동 ŷ[0]", "자동 미분 ŷ[1]"} <= set(table.columns)
    assert len(table) == 4


def test_default_parameters_are_all_of_the_lines_and_four_of_the_networks():
    assert view.default_parameters(["w", "b"]) == ["w", "b"]
    names = bp_core.scalar_names(bp_core.MLP().init_params())
    assert view.default_parameters(names) == ["W1[0,1]", "W1[1,1]", "W2[0,0]", "W2[1,0]"]
