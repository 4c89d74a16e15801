"""The chain rule page, drawn top to bottom: pages/chain_rule.py runs ``draw()``.

The chain rule on the drawn network: every path from one parameter to the loss, factor by factor. Layout only.
"""

import streamlit as st

import bp_core
from ui.charts.network_graph import parameter_edge, unit_name
from ui.export.notebook import chain_notebook, notebook_bytes
from ui.session import state
from ui.session.presets import LECTURE_NETWORK
from ui.session.shared import language, on_phone
from ui.session.state import key
from ui.texts import render, t
from ui.views import chain_view as view
from ui.views import teaching
from ui.views.derive_view import derive_section
from ui.views.exercises import answered, exercise_box, reveal, revealed
from ui.views.shell import run_app_if_alone
from ui.views.start_view import where_next
from ui.views.tables import blank_nulls, show_table


def draw() -> None:
    """Draw the page, in the learner's language, from its record and bp_core."""
    run_app_if_alone()

    lang = language()
    st.title(t("chain_title", lang))
    st.markdown(t("chain_intro", lang))
    settings = teaching.choose_run("chain", lang, "chain_rule", LECTURE_NETWORK)  # the network first; the line too
    model, data = view.network(settings)
    names = bp_core.models.scalar_names(model.init_params())
    last_epoch = teaching.last_epoch(settings, lang)  # trains the network once per server (progress bar)
    st.caption(t("chain_run", lang, count=len(names), lr=settings.learning_rate, epochs=settings.epochs))

    # ---- the request; a value out of range (kept from an older run, or crafted) is named and replaced
    first = view.first_request(names, data.n_samples)
    WIDGETS = {"parameter": first.parameter, "sample": first.sample, "epoch": first.epoch}
    # each network keeps its own parameter, sample and epoch: XOR and back finds them again (ui.session.state)
    with state.widgets("chain", WIDGETS, model=settings.model):
        last = state.recall("chain", "last", model=settings.model) or first
        request, messages = view.resolve_chain(state.values("chain"), names, data.n_samples, last_epoch, last)
        for message in messages:
            st.error(render(message, lang))
        if messages:  # put valid values back before the widgets are drawn
            for name, value in zip(WIDGETS, (request.parameter, request.sample, request.epoch)):
                state.set_value("chain", name, view.BATCH if value is None and name == "sample" else value)

        examples = view.note_examples(model)  # the note's two worked examples, by its names
        if examples:
            st.markdown(t("chain_note_mapping", lang, w1=examples["w1"],
                          w1_edge=parameter_edge(model, examples["w1"]), w2=examples["w2"],
                          w2_edge=parameter_edge(model, examples["w2"]), outputs=model.sizes[-1]))
        else:  # the note's line, drawn as the one unit it is
            st.markdown(t("chain_line_neuron", lang, n=data.n_samples))
        for column, (note, name) in zip(st.columns(2), examples.items()):
            column.button(t(f"chain_note_{note}", lang, param=name, outputs=model.sizes[-1]),
                          key=key("chain", f"note_{note}"),
                          on_click=state.set_value, args=("chain", "parameter", name), width="stretch")
        left, middle, right = st.columns([1.4, 1.3, 1.3])
        left.selectbox(t("chain_param", lang, count=len(names)), names, key=key("chain", "parameter"),
                       format_func=lambda name: view.parameter_label(model, name, lang))
        middle.selectbox(t("chain_sample", lang), [*range(data.n_samples), view.BATCH], key=key("chain", "sample"),
                         format_func=lambda s: view.sample_label(s, data, lang))
        right.slider(t("chain_epoch", lang), 0, last_epoch, key=key("chain", "epoch"), step=1)
    state.remember("chain", "last", request, model=settings.model)

    # ---- the network with the paths highlighted
    with state.widgets("chain", {"layout": view.LAYOUTS[1 if on_phone() else 0]}):  # a phone starts top to bottom
        layout = st.radio(t("backward_layout", lang), view.LAYOUTS, key=key("chain", "layout"), horizontal=True,
                          format_func=lambda option: t(f"backward_layout_{option}", lang))
    dot, loss = view.graph(request, settings, layout)
    what = (t("chain_batch_mean", lang, n=data.n_samples) if request.sample is None
            else t("chain_one_sample", lang, number=request.sample))
    described = t("chain_graph_caption", lang, what=what, epoch=request.epoch, loss=loss, param=request.parameter,
                  where=parameter_edge(model, request.parameter))
    st.graphviz_chart(dot, width="stretch", alt=described.replace("**", ""))  # the caption, read aloud
    st.caption(described)
    st.caption(t("chain_numbering", lang))

    # ---- your turn first (predict, then reveal): the value asked stays hidden below until answered or shown
    offered = view.offered_exercises(request)  # the whole batch has no single f′ to ask for: only what it asks
    with state.widgets("chain", {"exercise_what": offered[0]}):
        if state.value("chain", "exercise_what") not in offered:
            state.set_value("chain", "exercise_what", offered[0])
        what = st.radio(t("exercise_pick", lang), offered, key=key("chain", "exercise_what"), horizontal=True,
                        format_func=lambda option: t(f"exercise_chain_{option}", lang))
    exercise = view.chain_exercise(request, what, settings)
    exercise_box("chain", exercise, lang, another=lambda: view.another_chain(settings.model, names, data.n_samples,
                                                                             last_epoch))
    asked = None if answered("chain", exercise) or revealed("chain", exercise) else exercise.answer
    if asked is not None and st.button(t("exercise_show", lang), key=key("chain", "show")):
        reveal("chain", exercise)  # shown: not scored
        asked = None
    if asked is not None:
        st.caption(t("exercise_hidden_chain", lang))

    # ---- the paths, factor by factor, and their sum against autograd (the asked value blank until then)
    st.header(view.table_title(model, request.parameter, lang))
    st.markdown(t("chain_mnemonic", lang))
    # asked a factor or a product: the products go blank too, and the sum and autograd's gradient below (each
    # gives the asked value back by a division); asked the sum: the products are what it adds
    derived = what in ("f_prime", "product")
    table, columns = blank_nulls(view.conceal(view.table(request, lang, settings), asked,
                                              t("teach_col_product", lang) if derived else None),
                                 view.table_columns(lang))
    show_table(st, lang, table, hide_index=True, width="stretch", key=key("chain", "paths_table"),
               column_config=columns)
    paths = view.chain_paths(request, settings)
    sum_col, autograd_col, difference_col = st.columns(3)
    samples = data.n_samples if request.sample is None else 1  # the table's rows: every path of every sample shown
    total_hidden = asked is not None  # the sum and the gradient follow from any asked factor, product or sum
    sum_col.metric(t("chain_sum", lang, count=len(paths.paths), paths=len(paths.paths) // samples, samples=samples),
                   "?" if total_hidden else f"{paths.total:.9g}")
    autograd_col.metric(t("chain_autograd", lang), "?" if total_hidden else f"{paths.autograd:.9g}")
    difference_col.metric(t("chain_difference", lang), "?" if total_hidden else f"{paths.total - paths.autograd:.2e}",
                          help=t("chain_difference_help", lang))
    st.caption(t("chain_share_batch", lang, param=request.parameter) if request.sample is None
               else t("chain_share_sample", lang, n=data.n_samples))

    # ---- the activation derivatives on the paths, formula and numbers (one sample: the boxes show its own d and n)
    st.header(t("chain_fprime_title", lang))
    steps = view.derivative_steps(request, settings)
    if not steps:
        st.caption(t("chain_fprime_batch", lang))
    for layer, unit, name, latex, f_value, _ in steps:
        st.markdown(t("chain_fprime_unit", lang, layer=layer, unit=unit_name(model, layer, unit), activation=name))
        if view.same_shown(f_value, asked):
            st.caption(t("exercise_hidden_chain", lang))
        else:
            st.latex(latex)
    # ---- derive it yourself: the path sum written as code, checked against autograd
    derive_section("chain", settings.model, view.derive_problem(request, settings), lang)
    st.download_button(t("nb_download", lang), lambda: notebook_bytes(chain_notebook(
        settings, request.parameter, request.sample, request.epoch, lang)), "backprop_lab_chain_rule.ipynb",
        "application/x-ipynb+json", help=t("nb_download_help", lang), key=key("chain", "notebook"), on_click="ignore")
    where_next("chain_rule", lang)
