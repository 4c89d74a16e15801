import re

import pytest
from e2e.conftest import SCREENSHOT_HEIGHT, save_screenshot, wait_for_charts, wait_until_drawn
from lecture_golden import SHOWN_W

from ui.texts import t

pytestmark = pytest.mark.e2e

ERROR_MARKERS = ("Traceback", "Error:", "KeyError", "ValueError", "StreamlitAPIException")


def metric_value(page, label_start: str) -> str:
    metric = page.locator('[data-testid="stMetric"]', has_text=label_start).first
    return metric.locator('[data-testid="stMetricValue"]').inner_text().strip()


def assert_no_error_on_page(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    text = page.locator('[data-testid="stMain"]').inner_text()
    assert not any(marker in text for marker in ERROR_MARKERS), text[:500]


def test_moving_the_learning_rate_and_training_changes_the_results(server_url, app_page):
    app_page.goto(f"{server_url}/compare")
    wait_until_drawn(app_page)
    assert metric_value(app_page, "Final w") == SHOWN_W
    assert_no_error_on_page(app_page)

    slider = app_page.locator(".st-key-compare-lr").get_by_role("slider")
    slider.focus()
    slider.press("ArrowRight")  # 0.01 -> 0.015, the next log-spaced value
    assert "\n0.015\n" in app_page.locator(".st-key-compare-lr").inner_text()
    assert metric_value(app_page, "Final w") == SHOWN_W  # a form: nothing retrains until Train is pressed
    app_page.locator(".st-key-compare-train").get_by_role("button").click()
    app_page.wait_for_function(
        """(shown) => [...document.querySelectorAll('[data-testid="stMetric"]')]
                 .some(m => m.innerText.includes('Final w') && !m.innerText.includes(shown))""",
        arg=SHOWN_W, timeout=90_000)
    wait_until_drawn(app_page)
    assert metric_value(app_page, "Final w") != SHOWN_W
    assert "lr=0.015" in app_page.url
    assert_no_error_on_page(app_page)
    save_screenshot(app_page, "compare-en-after-lr-change", 1366)


def test_a_diverging_run_is_explained_without_a_traceback(server_url, app_page):
    app_page.goto(f"{server_url}/compare?lr=0.2")
    wait_until_drawn(app_page)
    alerts = app_page.locator('[data-testid="stAlert"]').all_inner_texts()
    assert any("above the stability bound" in a for a in alerts)
    assert any("Training diverged" in a for a in alerts)
    assert app_page.locator('[data-testid="stException"]').count() == 0
    save_screenshot(app_page, "compare-en-diverged", 1366)


def test_opening_the_code_behind_the_numbers_shows_both_plain_loops(server_url, app_page):
    """The expander's listings are drawn when it opens (not with every run): a click shows them."""
    app_page.goto(f"{server_url}/compare")
    wait_until_drawn(app_page)
    code = app_page.locator('.st-key-compare-code_open [data-testid="stCode"]')
    assert code.count() == 0
    app_page.locator(".st-key-compare-code_open summary").click()
    code.first.wait_for(timeout=60_000)
    wait_until_drawn(app_page)
    listings = code.all_inner_texts()
    assert any("loss.backward()" in c for c in listings) and any("def manual_packed" in c for c in listings)
    assert_no_error_on_page(app_page)
    save_screenshot(app_page, "compare-en-code-open", 1366)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_screenshots_in_both_languages_at_projector_width(server_url, app_page, lang):
    app_page.goto(f"{server_url}/compare?lang={lang}")
    wait_until_drawn(app_page)
    title = app_page.locator("h1").first.inner_text()
    assert title == ("Backpropagation two ways" if lang == "en" else "역전파, 두 가지 방법")
    assert_no_error_on_page(app_page)
    path = save_screenshot(app_page, f"compare-{lang}-1920", 1920)  # 1366 px: the every-page test below
    assert path.stat().st_size > 50_000


@pytest.mark.parametrize(("locale", "query", "title"), [("ko-KR", "", "강의로 배우는 역전파"),
                                                       ("ko-KR", "?lang=en", "Backpropagation, from the lecture"),
                                                       ("en-US", "", "Backpropagation, from the lecture")])
def test_a_first_visit_opens_in_the_browsers_language_and_a_links_lang_wins(server_url, chromium_browser, locale,
                                                                            query, title):
    context = chromium_browser.new_context(locale=locale, viewport={"width": 1366, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{server_url}/{query}")
        page.wait_for_function("(t) => document.querySelector('h1')?.innerText === t", arg=title, timeout=90_000)
        assert_no_error_on_page(page)
    finally:
        context.close()


def test_switching_to_korean_in_the_sidebar_relabels_the_page(server_url, app_page):
    app_page.goto(f"{server_url}/compare")
    wait_until_drawn(app_page)
    switch_language(app_page, "compare", "ko")  # the Korean heading, the URL's lang=ko
    wait_until_drawn(app_page)
    assert app_page.locator(".st-key-compare-train").inner_text().strip() == "학습"
    # another page from the navigation (Streamlit clears the URL's parameters), then a reload, as a phone does when
    # it brings back a tab it evicted: still Korean
    app_page.locator('[data-testid="stSidebarNav"] a', has_text="용어집").click()
    app_page.wait_for_function("() => document.querySelector('h1')?.innerText === '용어집'", timeout=60_000)
    app_page.wait_for_function("() => location.search.includes('lang=ko')", timeout=30_000)
    app_page.reload()
    app_page.wait_for_function("() => document.querySelector('h1')?.innerText === '용어집'", timeout=60_000)


PAGES = {  # url path: (English title, Korean title)
    "": ("Backpropagation, from the lecture", "강의로 배우는 역전파"),
    "compare": ("Backpropagation two ways", "역전파, 두 가지 방법"),
    "chain_rule": ("The chain rule, path by path", "연쇄 법칙, 경로별로 보기"),
    "step_by_hand": ("One step by hand", "학습 한 단계, 직접 계산"),
    "backward": ("The backward pass, step by step", "역전파, 한 단계씩"),
    "lecture_example": ("The extra example: the note's two programs, run here",
                        "추가 예제: 강의의 두 프로그램을 여기서 실행"),
    "gradient_check": ("Gradient check", "그래디언트 검증"),
    "learning_rate": ("The learning rate and the stability bound", "학습률과 안정성 한계"),
    "scaling": (t("scaling_title", "en"), t("scaling_title", "ko")),
    "glossary": ("Glossary", "용어집"),
}


NO_METRICS = {"": '[data-testid="stPageLink"]', "glossary": '[data-testid="stHeading"]',
              "lecture_example": '[data-testid="stCode"]', "step_by_hand": '[data-testid="stDataFrame"]',
              "scaling": '[data-testid="stHeading"]'}
"""Pages without headline metrics (the step page hides its numbers until the learner answers), and what shows they
are drawn."""


def open_drawn(page, url: str, path: str, lang: str) -> None:
    """Open a page's URL and wait until its first run has drawn it (its metrics or NO_METRICS' element, its heading in
    ``lang``, the script done, the charts laid out)."""
    page.goto(url)
    if path in NO_METRICS:
        page.wait_for_selector(NO_METRICS[path], timeout=90_000)
    else:
        wait_until_drawn(page)
    title = PAGES[path][0 if lang == "en" else 1]
    page.wait_for_function("(t) => document.querySelector('h1')?.innerText === t", arg=title, timeout=60_000)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=90_000)
    if path in ("chain_rule", "backward"):
        page.wait_for_selector('[data-testid="stGraphVizChart"] svg', timeout=60_000)
    wait_for_charts(page)  # Vega draws its marks after the run


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_extra_example_runs_the_notes_programs_here_and_sets_the_figures_side_by_side(server_url, app_page, lang):
    app_page.goto(f"{server_url}/lecture_example?lang={lang}")
    app_page.wait_for_selector('[data-testid="stCode"]', timeout=90_000)
    figures = ["0.8926", "1.1261", "dw = 2 * x.t().mm(predictions - y) / x.size(0)",
               "optimizer = torch.optim.SGD([w, b], lr=learning_rate)"]
    # all of them, not one: 1.1261 is also in a sentence drawn before the note's table (a race seen in a full run)
    app_page.wait_for_function("(figures) => figures.every(f => document.body.innerText.includes(f))", arg=figures,
                               timeout=60_000)
    body = app_page.locator("body").inner_text()
    assert all(figure in body for figure in figures)
    app_page.locator(".st-key-example-run button").first.click()
    app_page.wait_for_function("() => document.body.innerText.includes('2000')", timeout=120_000)
    app_page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000)
    assert_no_error_on_page(app_page)
    path = save_screenshot(app_page, f"example-{lang}-after-run-1366", 1366, height=4200)
    assert path.stat().st_size > 30_000


@pytest.mark.parametrize(("width", "layout"), [(1366, "LR"), (390, "TB")])
def test_the_backward_walk_at_its_start_middle_and_end_is_saved_as_screenshots(server_url, app_page, width, layout):
    app_page.set_viewport_size({"width": width, "height": SCREENSHOT_HEIGHT})
    app_page.goto(f"{server_url}/backward")
    app_page.wait_for_selector('[data-testid="stGraphVizChart"] svg', timeout=90_000)
    if layout == "TB":
        app_page.get_by_text("top to bottom (phones)").click()
        app_page.wait_for_selector('[data-testid="stDataFrame"]', timeout=60_000)  # the phone layout's unit table
    drawn, done = [], 0
    for stage, presses in (("start", 0), ("middle", 5), ("end", 7)):
        for _ in range(presses):  # each press waits for the walk to show its next step, not for a fixed time
            done += 1
            app_page.locator(".st-key-backward-next button").first.click()
            app_page.get_by_text(f"Step {done} of").first.wait_for(timeout=60_000)
        app_page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000)
        assert_no_error_on_page(app_page)
        drawn.append(save_screenshot(app_page, f"backward-{stage}-{width}", width))
    svg = app_page.locator('[data-testid="stGraphVizChart"] svg').first.inner_html()
    assert svg.count("∂L/∂") >= 7  # every unit and input carries a derivative at the end
    assert all(path.stat().st_size > 20_000 for path in drawn)


PHONE_AGENT = ("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
               "Version/18.0 Mobile/15E148 Safari/604.1")


OVERFLOW = """() => {
  // every element of the page's own content whose right edge passes the screen, unless a scroller inside the
  // content holds it (a table, a formula's horizontal scroller); the page's own scrolling does not count. Streamlit's
  // slider keeps an invisible native <input type="range"> per thumb that reaches past the track's end: its chrome
  const held = (el) => {
    for (let a = el.parentElement; a && a.getAttribute('data-testid') !== 'stMainBlockContainer'; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (['auto', 'scroll'].includes(style.overflowX) && a.scrollWidth > a.clientWidth - 1) return true;
    }
    return false;
  };
  const found = [];
  for (const el of document.querySelectorAll('[data-testid="stMainBlockContainer"] *')) {
    const box = el.getBoundingClientRect();
    if (el.matches('[data-testid="stSlider"] input[type="range"]')) continue;
    if (box.width > 0 && box.right > window.innerWidth + 1 && !held(el)) {
      found.push(`${el.getAttribute('data-testid') || el.tagName} right=${Math.round(box.right)} ` +
                 (el.innerText || el.textContent || el.getAttribute('aria-label') || '').slice(0, 60));
    }
  }
  return found;
}"""


CHROME = {
    ("list", '[data-testid="stSidebarNavItems"]'):
        "Streamlit's grouped navigation puts each section's header and its own <ul> straight inside the outer <ul>",
    ("listitem", '[data-testid="stSidebarNavItems"]'):
        "the same markup: each page's <li> sits in a section <div>, not in a list",
}
"""The axe-core violations inside Streamlit's own chrome, by rule and element, with the upstream reason: the only
serious or critical ones allowed (seen with Streamlit 1.67)."""


def axe_findings(page) -> list[str]:
    """Every serious or critical axe-core violation on ``page`` outside CHROME, and any heading out of order (a
    moderate rule, held too: issue 29 asks for headings in order), as 'rule: element'."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"resultTypes": ["violations"]}).response
    found = []
    for violation in results["violations"]:
        if violation["impact"] not in ("serious", "critical") and violation["id"] != "heading-order":
            continue
        for node in violation["nodes"]:
            target = node["target"][0]
            inside = [where for (rule, where) in CHROME if rule == violation["id"] and page.evaluate(
                "([t, w]) => !!document.querySelector(t)?.closest(w)", [target, where])]
            if not inside:
                found.append(f"{violation['id']}: {node.get('html', target)[:100]}")
    return found


def visit(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("h1", timeout=90_000)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=90_000)
    wait_for_charts(page)  # Vega draws its marks after the run


def mid_walk(page) -> None:
    """The backward page three steps into its walk (the exercise box and a step's formula on screen)."""
    for _ in range(3):
        page.locator(".st-key-backward-next button").click()
        page.wait_for_timeout(300)
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000)


@pytest.fixture(scope="module")
def shared_contexts(chromium_browser):
    """One browser context per screen (a laptop at 1366 px, a phone at 390 px with a phone's User-Agent) for this
    module's per-page tests: each test opens its own tab (a new Streamlit session), and the tabs share the context's
    cache, so Streamlit's frontend is fetched and compiled once per screen rather than once per page (a fresh context
    per test made the per-page tests as costly as the loops they replaced)."""
    made = {"laptop": chromium_browser.new_context(viewport={"width": 1366, "height": SCREENSHOT_HEIGHT}),
            "phone": chromium_browser.new_context(user_agent=PHONE_AGENT, viewport={"width": 390, "height": 2400})}
    yield made
    for context in made.values():
        context.close()


LANGUAGE_NAMES = {"en": "English", "ko": "한국어"}
"""How the sidebar's language radio names each language."""


def switch_language(page, path: str, lang: str) -> None:
    """Choose ``lang`` in the sidebar's language radio as a learner would (on a phone the folded sidebar is opened
    first and folded again after) and wait until ``path`` is drawn again in it: a rerun of the same session, not a
    new tab."""
    folded = page.locator('[data-testid="stExpandSidebarButton"]')
    on_phone = folded.count() > 0 and folded.is_visible()
    if on_phone:
        folded.click()
    page.locator(".st-key-app-lang").get_by_text(LANGUAGE_NAMES[lang]).click()
    title = PAGES[path][0 if lang == "en" else 1]
    page.wait_for_function("(t) => document.querySelector('h1')?.innerText === t", arg=title, timeout=60_000)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=90_000)
    if on_phone:
        page.locator('[data-testid="stSidebarCollapseButton"] button').click()
        page.wait_for_function("() => document.querySelector('[data-testid=stSidebar]')?.getBoundingClientRect()"
                               ".right <= 0", timeout=30_000)  # folded and slid out of the screen
    if path in ("chain_rule", "backward"):
        page.wait_for_selector('[data-testid="stGraphVizChart"] svg', timeout=60_000)
    wait_for_charts(page)
    assert f"lang={lang}" in page.url


def step_numbers(page) -> list[str]:
    """The numbers in the walk's progress line (its words change with the language, its step and count do not)."""
    return sorted(re.findall(r"\d+", walk_position(page)))


@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_at_1366_px_draws_in_both_languages_axe_finds_nothing_and_is_saved(server_url, shared_contexts,
                                                                                       path):
    """A laptop or projector (1366 px), each page opened in English and then switched to Korean in the sidebar, in
    one tab: in each language its heading in that language, no error, a screenshot, and axe-core finds no serious or
    critical violation outside Streamlit's chrome (CHROME), with the walk three steps in on the backward page (issue
    29 D2), where the switch keeps the learner's step."""
    page = shared_contexts["laptop"].new_page()
    try:
        open_drawn(page, f"{server_url}/{path}?lang=en", path, "en")
        for lang in ("en", "ko"):
            if lang == "ko":
                walked = step_numbers(page) if path == "backward" else []
                switch_language(page, path, "ko")
                assert (step_numbers(page) if path == "backward" else []) == walked
            assert_no_error_on_page(page)
            path_png = save_screenshot(page, f"page-{path or 'start'}-{lang}-1366", 1366)
            assert path_png.stat().st_size > 30_000
            if path == "backward" and lang == "en":
                mid_walk(page)
            assert axe_findings(page) == []
    finally:
        page.close()


@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_at_390_px_fits_the_screen_in_both_languages_axe_finds_nothing_and_is_saved(server_url,
                                                                                                shared_contexts, path):
    """On a phone (390 px, a phone's User-Agent), each page opened in English and then switched to Korean in the
    folded sidebar, in one tab: in each language nothing on the page runs past the screen (chart legends stack below,
    chart titles wrap, formulas and tables scroll inside their own box: issue 29 D1). The right edges are measured
    after each run; the Compare page's Train sits on the page, not in the folded sidebar. axe-core finds no serious
    or critical violation outside Streamlit's chrome (CHROME), the walk mid-way too; a screenshot is kept. The graph
    pages start top to bottom there (taller than wide); a wide screen starts left to right (the walk's own
    screenshots) and the learner can switch either way."""
    page = shared_contexts["phone"].new_page()
    try:
        open_drawn(page, f"{server_url}/{path}?lang=en", path, "en")
        for lang in ("en", "ko"):
            if lang == "ko":
                switch_language(page, path, "ko")
            assert page.evaluate(OVERFLOW) == []
            if path in ("chain_rule", "backward"):  # a phone's User-Agent starts the network top to bottom
                box = page.locator('[data-testid="stGraphVizChart"] svg').first.bounding_box()
                assert box is not None and box["height"] > box["width"], box
            if path == "compare":
                train = page.locator('[data-testid="stMainBlockContainer"] .st-key-compare-train')
                assert train.count() == 1 and train.is_visible()
            save_screenshot(page, f"page-{path or 'start'}-{lang}-390", 390, 2400)
            if path == "backward" and lang == "en":
                mid_walk(page)
            assert axe_findings(page) == []
    finally:
        page.close()


def test_the_width_and_axe_checks_find_what_is_planted(server_url, shared_contexts):
    """The two page checks above can fail: an 800 px block planted on a phone's page is found, and so is an image
    without alt text planted in the heading."""
    page = shared_contexts["phone"].new_page()
    try:
        visit(page, f"{server_url}/glossary")
        assert page.evaluate(OVERFLOW) == [] and axe_findings(page) == []
        planted = "() => { const d = document.createElement('div'); d.style.width = '800px'; d.innerText = 'wide';" \
                  " document.querySelector('[data-testid=\"stMainBlockContainer\"]').appendChild(d); }"
        page.evaluate(planted)
        assert any(line.startswith("DIV right=") for line in page.evaluate(OVERFLOW))
        page.evaluate("() => document.querySelector('h1').appendChild(document.createElement('img'))")
        assert any(line.startswith("image-alt") for line in axe_findings(page))
    finally:
        page.close()


def tab_to(page, selector: str, most: int = 80) -> None:
    """Press Tab until the focus is inside ``selector`` (at most ``most`` presses), as a keyboard user would."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => !!document.activeElement?.closest(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def focus_visible(page) -> bool:
    """Whether focus shows: the focused element or one of its three nearest containers draws differently (outline,
    box shadow or border) focused than blurred, once the transition has run; the focus is given back after."""
    styles = """(e) => { const chain = [];
        for (let x = e, i = 0; x && i < 4; x = x.parentElement, i++) {
            const s = getComputedStyle(x);
            chain.push([s.outlineStyle, s.outlineWidth, s.boxShadow, s.borderColor].join());
        }
        return chain; }"""
    page.wait_for_timeout(400)
    element = page.evaluate_handle("() => document.activeElement")
    focused = page.evaluate(styles, element)
    page.evaluate("(e) => e.blur()", element)
    page.wait_for_timeout(400)
    blurred = page.evaluate(styles, element)
    page.evaluate("(e) => e.focus()", element)
    return focused != blurred


def walk_position(page) -> str:
    return page.locator('[data-testid="stProgress"]').first.inner_text()


def test_the_walk_the_exercise_and_the_nudge_by_keyboard_alone(server_url, app_page):
    """Tab, Enter and Space only (issue 29 D4): Next by Enter and by Space, Previous, the exercise's answer typed and
    checked, the nudge's size moved with the arrow keys; each focused control shows a focus ring."""
    page = app_page
    page.set_viewport_size({"width": 1366, "height": 1400})
    visit(page, f"{server_url}/backward")
    assert walk_position(page).startswith("Step 0 of")
    tab_to(page, ".st-key-backward-next")
    assert focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('[data-testid=\"stProgress\"]').innerText"
                           ".startsWith('Step 1 of')", timeout=30_000)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=30_000)
    page.locator(".st-key-backward-next button").focus()
    page.keyboard.press("Space")
    page.wait_for_function("() => document.querySelector('[data-testid=\"stProgress\"]').innerText"
                           ".startsWith('Step 2 of')", timeout=30_000)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=30_000)
    page.locator(".st-key-backward-next button").focus()
    page.keyboard.press("Shift+Tab")  # back to Previous
    assert page.evaluate("() => !!document.activeElement.closest('.st-key-backward-previous')")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('[data-testid=\"stProgress\"]').innerText"
                           ".startsWith('Step 1 of')", timeout=30_000)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=30_000)
    tab_to(page, ".st-key-backward-answer")
    assert focus_visible(page)
    page.keyboard.type("0.5")
    page.keyboard.press("Enter")  # Streamlit takes a text input's value on Enter
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=30_000)
    tab_to(page, ".st-key-backward-check")
    page.keyboard.press("Enter")
    page.wait_for_selector('[data-testid="stAlert"]:has-text("0.5")', timeout=30_000)  # its verdict on 0.5
    tab_to(page, ".st-key-backward-nudge_eps")
    before = page.locator(".st-key-backward-nudge_eps input[type='range']").get_attribute("aria-valuetext")
    page.keyboard.press("ArrowRight")
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=30_000)
    page.wait_for_timeout(500)
    after = page.locator(".st-key-backward-nudge_eps input[type='range']").get_attribute("aria-valuetext")
    assert before != after
    assert_no_error_on_page(page)


def test_the_folded_points_table_opens_keeps_an_edit_across_a_fold_and_trains_it_once(server_url, app_page):
    """Issue 31, item 4: the grid is drawn only while its expander is open; an edit trained before folding it is
    still the one trained after opening it again and training (applied once, not lost)."""
    from playwright.sync_api import expect

    import bp_core

    app_page.goto(f"{server_url}/compare")
    wait_until_drawn(app_page)
    box = app_page.locator(".st-key-compare-points_open")
    assert box.locator('[data-testid="stDataFrame"]').count() == 0  # folded: the grid is not sent
    box.locator("summary").click()
    grid = box.locator('[data-testid="stDataFrame"]')
    grid.wait_for(timeout=60_000)
    wait_until_drawn(app_page)
    # the grid's accessible table (Glide's hidden <td id="glide-cell-COLUMN-ROW">) says what each cell holds; the
    # keyboard moves from its first cell to the fourth row's y and opens that cell's editor
    y4 = box.locator("#glide-cell-2-3")
    expect(y4).to_have_text("9.0", timeout=30_000)
    box.locator("#glide-cell-1-0").focus()
    for key in ("ArrowDown", "ArrowDown", "ArrowDown", "ArrowRight", "Enter"):
        app_page.keyboard.press(key)
    cell = app_page.locator("textarea.gdg-input")
    expect(cell).to_have_value("9.0", timeout=10_000)  # the right cell's editor
    cell.fill("10")
    app_page.keyboard.press("Enter")
    expect(cell).to_have_count(0, timeout=10_000)
    expect(y4).to_have_text("10", timeout=10_000)  # the edit is in the grid before Train is pressed
    edited = bp_core.train(bp_core.Line(), ([[1.0], [2.0], [3.0], [4.0]], [[3.0], [5.0], [7.0], [10.0]]), "manual",
                           0.01, 1000).params["w"].item()
    shown = f"{edited:.6f}"

    def train_and_see_it() -> None:
        app_page.locator(".st-key-compare-train").get_by_role("button").click()
        app_page.wait_for_function(
            """(shown) => [...document.querySelectorAll('[data-testid="stMetric"]')]
                     .some(m => m.innerText.includes('Final w') && m.innerText.includes(shown))""",
            arg=shown, timeout=90_000)
        wait_until_drawn(app_page)

    train_and_see_it()
    box.locator("summary").click()  # fold: the run keeps the edited points
    app_page.wait_for_function("() => !document.querySelector('.st-key-compare-points_open [data-testid=stDataFrame]')",
                               timeout=60_000)
    wait_until_drawn(app_page)
    assert metric_value(app_page, "Final w") == shown
    box.locator("summary").click()  # open again: the table starts from what was typed
    grid.wait_for(timeout=60_000)
    wait_until_drawn(app_page)
    train_and_see_it()
    assert t("data_points_open", "en", n=4) in box.locator("summary").inner_text()  # still four points in use
    assert_no_error_on_page(app_page)


ORDER_STAMPS = """(() => {
  const seen = window.__seen = {};
  const look = () => {
    for (const [name, selector] of [['metric', '[data-testid="stMetric"]'], ['waiting', '.st-key-compare-rest_pending'],
                                    ['chart', '[data-testid="stVegaLiteChart"]'],
                                    ['settings', '.st-key-compare-train']]) {
      if (!(name in seen) && document.querySelector(selector)) seen[name] = performance.now();
    }
  };
  new MutationObserver(look).observe(document, {subtree: true, childList: true});
})()"""
"""Stamps the page's own clock when the first metric, the waiting marker, the first chart and the settings form's Train
button enter the page."""


def test_a_new_tab_draws_the_numbers_then_the_rest_by_itself(server_url, app_page):
    """Issue 31, item 4: a session's first view of Compare puts the metrics on the page before any chart and, on a
    laptop, before the sidebar's settings (the order, read in the page), says the rest follows, and the browser's
    timer brings the whole page with no press; the timer then ends (no run follows)."""
    app_page.add_init_script(ORDER_STAMPS)
    app_page.goto(f"{server_url}/compare")
    wait_until_drawn(app_page)
    wait_for_charts(app_page)
    seen = app_page.evaluate("window.__seen")
    assert seen["metric"] < seen["chart"] and seen["metric"] < seen["settings"] and "waiting" in seen, seen
    assert app_page.locator('[data-testid="stVegaLiteChart"]').count() == 6
    assert app_page.locator('[data-testid="stDownloadButton"]').count() == 3
    assert app_page.locator(".st-key-compare-rest_pending").count() == 0
    runs = app_page.evaluate("""() => new Promise(done => {
      let started = 0;
      const app = document.querySelector('[data-testid="stApp"]');
      const watch = new MutationObserver(() => { if (app.dataset.testScriptState === 'running') started += 1; });
      watch.observe(app, {attributes: true});
      setTimeout(() => { watch.disconnect(); done(started); }, 2000);
    })""")
    assert runs == 0  # the timer ended with the run that drew the rest
    assert_no_error_on_page(app_page)
