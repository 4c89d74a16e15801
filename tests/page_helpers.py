"""Opening one page of the app under AppTest (no Compare run first), and reading what it drew."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "dashboard.py")  # each session's script (app.py: its server)


def open_page(page: str, lang: str = "en") -> AppTest:
    """The whole app (shell, sidebar, navigation) with ``page`` ("pages/x.py") drawn, in ``lang``."""
    at = AppTest.from_file(APP, default_timeout=120)
    if lang != "en":
        at.query_params["lang"] = lang
    return rest_drawn(at.switch_page(page).run())


def rest_drawn(at: AppTest) -> AppTest:
    """After a session's first draw of Compare's results, which leaves the rest of the page to the browser's timer
    (ui.views.screens.compare.rest_soon), the run that timer brings: AppTest keeps no timers, so the whole page is
    drawn by running it again, as the timer's rerun does."""
    if "compare.record" in at.session_state and kept(at, "compare", "rest") == "due":
        at.run()
    return at


def metric(at, label_start: str) -> str:
    for m in at.metric:
        if m.label.startswith(label_start):
            return m.value
    raise AssertionError(f"no metric {label_start!r}: {[m.label for m in at.metric]}")


def texts(at, kind: str) -> list[str]:
    """The values of every element of one kind: 'error', 'warning', 'caption', 'markdown', 'latex', ..."""
    return [element.value for element in getattr(at, kind)]


def record(at, page: str):
    """The page's record (ui.session.state.PageRecord) in the AppTest's session."""
    return at.session_state[f"{page}.record"]


def kept(at, page: str, name: str, model: str | None = None):
    """What ``page`` keeps under ``name`` (for ``model``, when given), as ui.session.state.recall reads it."""
    rec = record(at, page)
    return (rec.kept if model is None else rec.kept_per_model.get(model, {})).get(name)
