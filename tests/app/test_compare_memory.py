from ui.texts import TEXTS


def test_the_memory_section_states_exact_tensor_bytes_and_takes_rss_only_from_isolated_runs(app):
    at = app()
    assert not at.exception
    lines = [m.value for m in at.markdown if "bytes of tensors" in m.value]
    assert len(lines) == 2 and lines[0].startswith("**manual (chain rule)**: 64 bytes")
    assert not any(m.label.startswith("Peak RSS") for m in at.metric)  # no in-process RSS delta per method
    captions = [c.value for c in at.caption]
    assert TEXTS["mem8_tensor_source"]["en"] in captions
    assert any(c.startswith("Source: the shipped scaling-study table") for c in captions)  # line, 4 points: measured
    assert any(c.startswith(("Resolvable", "Not resolvable")) for c in captions)
    assert at.button(key="measure_isolated").label == TEXTS["mem8_measure"]["en"]


def test_the_memory_section_reads_in_korean(app):
    at = app({"lang": "ko"})
    assert any("텐서" in m.value and "바이트" in m.value for m in at.markdown)
    assert TEXTS["mem8_tensor_source"]["ko"] in [c.value for c in at.caption]
