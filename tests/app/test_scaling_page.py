import pytest
from apptest_helpers import chart_data, chart_specs, chart_title
from page_helpers import kept

from bp_core.measure import scaling
from ui.texts import TEXTS
from ui.views import scaling_view


@pytest.fixture
def page(app):
    def start(lang: str = "en"):
        at = app({"lang": lang} if lang != "en" else None)
        at.switch_page("pages/scaling.py").run()
        assert not at.exception
        return at

    return start


def titles(at) -> list[str]:
    return [chart_title(spec) for spec in chart_specs(at)]


def test_the_shipped_table_is_drawn_at_once_with_its_source_and_the_reading(page):
    at = page()
    assert at.title[0].value == TEXTS["scaling_title"]["en"]
    for key in ("scaling_chart_time", "scaling_chart_memory", "scaling_chart_ratio", "scaling_chart_rss"):
        assert TEXTS[key]["en"] in titles(at)
    shipped = scaling.shipped_table()
    assert any(shipped["machine"].iloc[0] in c.value and "make scaling" in c.value for c in at.caption)
    readings = [m.value for m in at.markdown if "autograd keeps" in m.value]
    assert len(readings) == 2 and any("N = 1,000,000" in r for r in readings)
    time = chart_data(at, TEXTS["scaling_chart_time"]["en"])[0]
    assert time["size"].max() == 1_000_000 and set(time["model"]) == {"line", "2-3-2"}


def test_the_width_axis_draws_the_wide_networks_from_the_table(page):
    at = page()
    at.radio(key="scaling.axis").set_value("width").run()
    assert not at.exception
    memory = chart_data(at, TEXTS["scaling_chart_memory"]["en"])[0]
    assert set(memory["model"]) == {"2-H-2", "2-H-H-H-2"} and memory["size"].max() == 1024


def test_a_live_run_remeasures_here_through_the_servers_queue_and_says_so(page):
    at = page()
    at.select_slider(key="scaling.range_n_samples").set_value((4, 40))
    at.number_input(key="scaling.points").set_value(2)
    at.button(key="scaling.run").click().run()
    assert not at.exception
    request, _ = kept(at, "app", "results")[scaling_view.SCALING_LIVE]  # through the queue: tests/app/test_queue
    assert request == ("n_samples", (4, 40))
    time = chart_data(at, TEXTS["scaling_chart_time"]["en"])[0]
    assert sorted(set(time["size"])) == [4, 40]
    assert TEXTS["scaling_chart_rss"]["en"] not in titles(at)  # no RSS live: it needs fresh processes
    assert any(c.value == TEXTS["scaling_live"]["en"] for c in at.caption)
    at.button(key="scaling.show_shipped").click().run()
    assert chart_data(at, TEXTS["scaling_chart_time"]["en"])[0]["size"].max() == 1_000_000


def test_a_learner_cannot_ask_for_more_than_the_live_caps(page):
    at = page()
    slider = at.select_slider(key="scaling.range_n_samples")
    assert max(slider.options, key=lambda o: int(o.replace(",", ""))) == "100,000"
    assert at.number_input(key="scaling.points").max == scaling_view.LIVE_MAX_POINTS
    asked = scaling_view.live_sizes("n_samples", 10**9, 1, 99)  # whatever reaches the function, it stays capped
    assert max(asked) == 100_000 and min(asked) == 4 and len(asked) <= scaling_view.LIVE_MAX_POINTS


def test_the_page_reads_in_korean(page):
    at = page("ko")
    assert at.title[0].value == TEXTS["scaling_title"]["ko"]
    assert TEXTS["scaling_chart_time"]["ko"] in titles(at)
    assert any("자동 미분은 역전파를 위해" in m.value for m in at.markdown)
