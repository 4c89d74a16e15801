"""The backward page, drawn top to bottom: pages/backward.py runs ``draw()``.

The backward pass walked on the drawn network, step by step, each step's formula with its numbers; the next value
as an exercise; a nudged parameter against its gradient. Layout only.
"""

import streamlit as st

from bp_core.cost import layer_widths
from ui.export.notebook import backward_notebook, notebook_bytes
from ui.session import state
from ui.session.presets import LECTURE_NETWORK
from ui.session.shared import language, on_phone
from ui.session.state import key
from ui.texts import t
from ui.views import backward_view as view
from ui.views import teaching
from ui.views.chain_view import sample_label
from ui.views.exercises import exercise_box
from ui.views.shell import run_app_if_alone
from ui.views.start_view import page_link, where_next
from ui.views.tables import show_table


def draw() -> None:
    """Draw the page, in the learner's language, from its record and bp_core."""
    run_app_if_alone()

    lang = language()
    st.title(t("backward_title", lang))
    st.markdown(t("backward_intro", lang))
    settings = teaching.choose_run("backward", lang, "backward", LECTURE_NETWORK)  # the 2-3-2 network first
    model, data = settings.build()
    last_epoch = teaching.last_epoch(settings, lang)

    # ---- which walk: sample (or the whole batch), epoch, layout
    samples = [*range(data.n_samples), view.BATCH]
    WIDGETS = {"sample": data.n_samples - 1, "epoch": 0, "layout": view.LAYOUTS[1 if on_phone() else 0], "play": False}
    with state.widgets("backward", WIDGETS, model=settings.model):  # each model keeps its own sample and epoch
        if state.value("backward", "sample") not in samples:  # crafted
            state.set_value("backward", "sample", data.n_samples - 1)
        if not 0 <= state.value("backward", "epoch") <= last_epoch:
            state.set_value("backward", "epoch", 0)
        left, middle, right = st.columns([1.2, 1.6, 1.2])
        # each sample by its x and y: what the first exercise needs
        chosen = left.selectbox(t("backward_sample", lang), samples, key=key("backward", "sample"),
                                format_func=lambda s: t("backward_whole_batch", lang, n=data.n_samples)
                                if s == view.BATCH else sample_label(s, data, lang))
        epoch = middle.slider(t("backward_epoch", lang), 0, last_epoch, key=key("backward", "epoch"))
        layout = right.radio(t("backward_layout", lang), view.LAYOUTS, key=key("backward", "layout"), horizontal=True,
                             format_func=lambda option: t(f"backward_layout_{option}", lang))
        sample = None if chosen == view.BATCH else int(chosen)
        walk = view.walk_at(settings, sample, epoch)
        ident, last = view.walk_id(settings, sample, epoch), len(walk.steps)
        done = view.position(ident, last)
        if state.value("backward", "play") and done >= last:  # played to the end: stop
            state.set_value("backward", "play", False)
        columns = st.columns([1, 1, 1, 1.2, 2.5], vertical_alignment="center")
        for column, action in zip(columns, ("previous", "next", "reset")):
            column.button(t(f"backward_{action}", lang), key=key("backward", action), on_click=view.move,
                          args=(ident, action, last), width="stretch")
        playing = columns[3].toggle(t("backward_play", lang), key=key("backward", "play"))
    columns[4].progress(done / last, text=t("backward_position", lang, done=done, total=last))
    st.caption(t("backward_sizes", lang, n=data.n_samples, k=data.y.shape[1], terms=data.y.numel()))
    if playing:
        view.play(ident, last)
    left_behind = view.restarted(ident, view.WalkPlace(settings.model, sample, epoch, done))
    if left_behind is not None:  # another sample or epoch is another walk: say so, and that the old place is kept
        changed = ("both" if left_behind.sample != sample and left_behind.epoch != epoch
                   else "sample" if left_behind.sample != sample else "epoch")
        where = (t("backward_whole_batch", lang, n=data.n_samples) if left_behind.sample is None
                 else t("backward_sample_label", lang, number=left_behind.sample))
        st.info(t("backward_restarted", lang, what=t(f"backward_what_{changed}", lang), where=where,
                  epoch=left_behind.epoch, done=left_behind.done))

    # ---- the graph, and what this step computes
    st.graphviz_chart(view.walk_dot(walk, view.parameter_values(settings, epoch), done, layout, lang), width="stretch",
                      alt=t("backward_graph_alt", lang, sizes="-".join(map(str, layer_widths(model))), done=done,
                            total=last, epoch=epoch, what=view.loss_label(walk, lang), loss=walk.loss))
    if layout == "TB":  # the compact graph's other figures, readable on a phone
        show_table(st, lang, view.unit_table(walk, done, lang), hide_index=True, width="stretch",
                   key=key("backward", "units"))
    if sample is None:
        st.caption(t("backward_batch_note", lang, n=data.n_samples))
    if done == 0:
        st.info(t("backward_forward_only", lang, what=view.loss_label(walk, lang), loss=walk.loss))
    else:
        current = walk.steps[done - 1]
        st.markdown(view.step_caption(walk, current, lang))
        for line in view.step_latex(walk, current):
            st.latex(line)
    exercise = view.next_exercise(walk, done, ident)
    if exercise is not None:
        exercise_box("backward", exercise, lang,
                     another=lambda: view.another_walk(settings.model, data.n_samples, last_epoch))
    else:
        table = view.gradient_table(walk, lang)
        st.success(t("walk_done", lang, difference=float(table.iloc[:, 3].abs().max())))
        said = t("walk_table_alt", lang, count=len(table), difference=float(table.iloc[:, 3].abs().max()))
        show_table(st, lang, table, said, hide_index=True, width="stretch", key=key("backward", "gradients"),
                   column_config=view.number_columns(table))

    # ---- nudge a parameter
    st.header(t("nudge_title", lang))
    st.markdown(t("nudge_intro", lang))
    names = list(walk.autograd)
    with state.widgets("backward", {"nudge_param": names[0], "nudge_eps": view.NUDGES[3]}, model=settings.model):
        if state.value("backward", "nudge_param") not in names:  # crafted
            state.set_value("backward", "nudge_param", names[0])
        left, right = st.columns([1, 2])
        parameter = left.selectbox(t("nudge_param", lang), names, key=key("backward", "nudge_param"))
        epsilon = right.select_slider(t("nudge_epsilon", lang), view.NUDGES, key=key("backward", "nudge_eps"),
                                      format_func=lambda e: f"{e:+g}")
    nudged = view.nudge_at(settings, epoch, parameter, epsilon)
    for column, (label, value) in zip(st.columns(4), view.nudge_metrics(nudged, lang)):
        column.metric(label, value)
    st.markdown(t("nudge_digits", lang, epsilon=nudged.epsilon, change=nudged.change, param=parameter,
                  gradient=nudged.gradient, predicted=nudged.predicted, digits=nudged.agreeing_digits))
    page_link("check", t("nudge_check_link", lang))
    st.download_button(t("nb_download", lang), lambda: notebook_bytes(backward_notebook(
        settings, sample, epoch, parameter, epsilon, lang)), "backprop_lab_backward.ipynb", "application/x-ipynb+json",
        help=t("nb_download_help", lang), key=key("backward", "notebook"), on_click="ignore")
    where_next("backward", lang)
