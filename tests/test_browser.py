"""The pages in a real browser: Debian's headless Chromium driven by Playwright. A person
describes twitching, answers the guided check (with back and don't know) and sees the
answer; logs three episodes and sees them and the chart; an
emergency description puts the emergency advice at the top; the check works by keyboard alone;
axe-core finds no serious accessibility problem. Screenshots of the main pages at phone (390 px)
and laptop (1280 px) width go to tests/output/ for a person to look at.

`make test` installs Chromium (apt) and axe-core (npm) first (`make browser`)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
OUTPUT = ROOT / "tests" / "output"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE, LAPTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 900}
TWITCHING = "my left calf has been twitching for three weeks, no weakness, I drink 5 coffees a day"
EMERGENCY = "sudden weakness in my left leg, my face is drooping and my speech is slurred"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="no /usr/bin/chromium: `make browser` installs it")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(database: Path, environment: dict[str, str] | None = None) -> Iterator[str]:
    """`legcheck serve` on `database` in a process of its own, until the caller is done."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "legcheck", "serve", "--port", str(port),
                                "--db", f"sqlite:///{database}"], stderr=subprocess.DEVNULL,
                               env=environment)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{url}/api/v1/health", timeout=2)
                break
            except httpx.TransportError:
                assert process.poll() is None and time.monotonic() < deadline, "did not start"
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`legcheck serve` on a fresh diary, as a person would start it."""
    yield from serve(tmp_path_factory.mktemp("browser") / "diary.sqlite3")


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium) -> Iterator[object]:
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    yield page
    context.close()


def shoot(page, name: str) -> None:
    """Full-page screenshots at phone and laptop width."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for label, size in (("phone", PHONE), ("laptop", LAPTOP)):
        page.set_viewport_size(size)
        page.screenshot(path=str(OUTPUT / f"{name}-{label}.png"), full_page=True)
    page.set_viewport_size(PHONE)


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def describe(page, server: str, text: str, *, questions: bool = False) -> None:
    """Type the description; with `questions`, stop at the first guided question, otherwise
    press "Answer now, without questions"."""
    page.goto(server + "/")
    page.get_by_label("Describe your leg jerks").fill(text)
    if questions:
        page.get_by_role("button", name="Check", exact=True).click()
        page.wait_for_url("**/check/next")
        return
    page.get_by_role("button", name="Answer now, without questions").click()
    page.wait_for_url("**/answer")


def say_no(page) -> None:
    """'None of these' to a screen of warning signs, 'No' to a yes/no question."""
    if page.locator('input[value="none"]').count():
        page.get_by_label("None of these").check()
    else:
        page.get_by_label("No", exact=True).check()


def to_first_checklist(page, steps: int = 40) -> None:
    """Answer no / none of these (don't know to anything else) until a checklist is shown."""
    for _ in range(steps):
        if page.locator("label.none-of-these").count():
            return
        if page.locator('input[value="none"]').count() or page.locator('input[value="no"]').count():
            say_no(page)
            page.get_by_role("button", name="Next").click()
        else:
            page.get_by_role("button", name="Don't know").click()
    raise AssertionError("no checklist question came up")


def tab_to(page, test: str, presses: int = 40) -> None:
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(test):
            return
    raise AssertionError(f"keyboard focus never reached: {test}")


def test_a_person_describes_twitching_and_sees_the_answer(page, server: str) -> None:
    page.goto(server + "/")
    assert no_horizontal_scroll(page)
    shoot(page, "home")
    describe(page, server, TWITCHING, questions=True)
    first = page.locator("legend").inner_text()
    assert page.get_by_text("Warning sign", exact=True).is_visible()
    assert page.get_by_text("Why we ask").is_visible()
    assert no_horizontal_scroll(page)
    shoot(page, "question")
    say_no(page)
    page.get_by_role("button", name="Next").click()
    second = page.locator("legend").inner_text()
    assert second != first and "Question 2" in page.inner_text("main")
    page.get_by_role("button", name="Back").click()
    assert page.locator("legend").inner_text() == first
    say_no(page)  # a yes to a warning sign could end it here
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Don't know").click()
    assert "Question 3" in page.inner_text("main")
    page.get_by_role("button", name="That's all: show my answer").click()
    page.wait_for_url("**/check/next")
    assert page.get_by_role("heading", name="What it most likely is").is_visible()
    assert page.get_by_role("heading", name="Normal or concerning?").is_visible()
    assert "You said no to" in page.inner_text("main")
    assert no_horizontal_scroll(page)
    shoot(page, "answer")


def test_emergency_advice_is_at_the_top(page, server: str) -> None:
    describe(page, server, EMERGENCY, questions=True)  # no questions before the advice
    banner = page.locator("main section").first
    assert "banner level-emergency" in banner.get_attribute("class")
    assert "EMERGENCY: ACT NOW" in banner.inner_text()
    box = banner.bounding_box()
    assert box is not None and box["y"] < PHONE["height"] / 2, "not visible without scrolling"
    shoot(page, "emergency")


def test_three_episodes_in_the_diary_and_the_chart(page, server: str) -> None:
    page.goto(server + "/diary")
    for kind, strength in (("Twitch", "3"), ("Jerk", "5"), ("Cramp", "7")):
        page.get_by_label("How strong").select_option(strength)
        page.get_by_role("button", name=kind, exact=True).click()
        page.wait_for_url("**/diary#entries")
    entries = page.locator("#entries li")
    assert entries.count() == 3
    listed = page.inner_text("#entries")
    assert all(word in listed for word in ("Twitch", "Jerk", "Cramp", "strength 7/10"))
    chart = page.locator("#stats img")
    chart.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('#stats img').complete")
    assert page.evaluate("document.querySelector('#stats img').naturalWidth") > 0
    assert "3 episodes" in page.inner_text("#stats")
    assert no_horizontal_scroll(page)
    shoot(page, "diary")
    page.goto(server + "/report")
    shoot(page, "report")


def test_the_check_works_by_keyboard_alone(page, server: str) -> None:
    page.goto(server + "/")
    tab_to(page, "document.activeElement.id === 'text'")
    page.keyboard.type(TWITCHING)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Check"
    page.keyboard.press("Enter")
    page.wait_for_url("**/check/next")
    first = page.locator("legend").inner_text()
    tab_to(page, "document.activeElement.type === 'radio'")
    if page.evaluate("document.activeElement.value") == "yes":
        page.keyboard.press("ArrowRight")  # from Yes to No, selecting it
    else:
        page.keyboard.press("Space")  # "None of these", the first choice of a screen
    assert page.evaluate("document.activeElement.checked")
    assert page.evaluate("document.activeElement.value") in ("no", "none")
    tab_to(page, "document.activeElement.textContent.trim() === 'Next'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("legend").inner_text() != first
    tab_to(page, "document.activeElement.textContent.trim().startsWith(\"That's all\")")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", name="What to do now").is_visible()


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed: `make browser`")
def test_axe_finds_no_serious_problems(page, server: str) -> None:
    """axe-core's WCAG 2 A/AA rules on each main page; every finding is written to
    tests/output/axe.json, and serious or critical ones fail the test."""
    found = {}
    for name, url in (("home", "/"), ("diary", "/diary"), ("report", "/report")):
        page.goto(server + url)
        found[name] = run_axe(page)
    describe(page, server, EMERGENCY)
    found["answer"] = run_axe(page)
    describe(page, server, TWITCHING, questions=True)
    found["question"] = run_axe(page)
    to_first_checklist(page)
    found["checklist"] = run_axe(page)
    shoot(page, "checklist")
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / "axe.json").write_text(json.dumps(found, indent=2))
    serious = [(name, v["id"], v["help"]) for name, violations in found.items()
               for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == []


def run_axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                       nodes: v.nodes.map(n => n.target.join(' '))}));
    }""")
    return result


@pytest.fixture(scope="module")
def hosted_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Hosted mode on 127.0.0.1: Chromium keeps Secure cookies for a loopback address."""
    import os

    environment = {**os.environ, "LEGCHECK_HOSTED": "1",
                   "LEGCHECK_SECRET_KEY": "browser-test-secret-0123456789"}
    yield from serve(tmp_path_factory.mktemp("hosted") / "hosted.sqlite3", environment)


def test_hosted_sign_up_log_and_delete(page, hosted_server: str) -> None:
    page.goto(hosted_server + "/diary")
    assert page.url.endswith("/login")
    shoot(page, "login")
    assert serious_problems(page) == []
    page.get_by_role("link", name="Create one").click()
    page.get_by_label("Email").fill("ida@example.org")
    page.get_by_label("Password (at least 10 characters)").fill("a long enough password")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/diary")
    page.get_by_role("button", name="Jerk", exact=True).click()
    page.wait_for_url("**/diary#entries")
    assert page.locator("#entries li").count() == 1
    page.get_by_role("link", name="Account").click()
    page.get_by_role("button", name="Create a token").click()
    assert "lc_" in page.inner_text("main")
    shoot(page, "account")
    assert serious_problems(page) == []
    page.get_by_label("Your password, to confirm").fill("a long enough password")
    page.get_by_role("button", name="Delete my account and all its data").click()
    assert "have been deleted" in page.inner_text("main")
    page.goto(hosted_server + "/diary")
    assert page.url.endswith("/login")


def serious_problems(page) -> list[str]:
    if not AXE.exists():
        return []
    return [v["id"] for v in run_axe(page) if v["impact"] in ("serious", "critical")]
