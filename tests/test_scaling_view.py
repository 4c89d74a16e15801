from bp_core.measure import scaling
from ui.views import scaling_view


def test_each_reading_quotes_its_ratios_from_the_table_and_says_which_way_they_run():
    table = scaling.shipped_table()
    assert table is not None
    rows = table[table["axis"] == "n_samples"]
    readings = scaling_view.reading(table, "n_samples", "en")
    assert len(readings) == rows["model"].nunique() == 2
    for (model, part), text in zip(rows.groupby("model", sort=False), readings, strict=True):
        largest = part[part["size"] == part["size"].max()].set_index("method")
        manual, auto = largest.loc["manual"], largest.loc["autograd"]
        saved = manual["saved_for_backward_bytes"] / auto["saved_for_backward_bytes"]
        time = auto["seconds_per_epoch_median"] / manual["seconds_per_epoch_median"]
        assert text.startswith(f"{model} at ")
        assert f"manual / autograd = {saved:.2f}." in text and f"autograd / manual = {time:.2f}." in text
    korean = scaling_view.reading(table, "n_samples", "ko")
    assert all("직접 미분 / 자동 미분 = " in text and "자동 미분 / 직접 미분 = " in text for text in korean)
