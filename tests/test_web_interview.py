"""The guided check on the web: POST /api/v1/interview/next (stateless) and the question pages
(one question at a time, warning signs first, why we ask, don't know, back, that's all)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from legcheck.api import default_knowledge, gather
from legcheck.engine.interview import next_question
from legcheck.settings import Settings
from legcheck.web import create_app

TEXT = "my calf has been twitching for a week"
EMERGENCY = "sudden weakness in my left leg, my face is drooping and my speech is slurred"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'diary.sqlite3'}"))
    with TestClient(app) as test_client:
        yield test_client
    app.state.web.engine.dispose()


# ---- the API ------------------------------------------------------------------------------
def test_api_gives_the_engines_next_question(client: TestClient) -> None:
    kb = default_knowledge()
    answers = {"weakness": "no", "rhythmic_jerking": "unknown"}
    step = client.post("/api/v1/interview/next", json={"text": TEXT, "answers": answers,
                                                       "skipped": ["fever"]}).json()
    expected = next_question(kb, gather(TEXT, answers, knowledge=kb).observations, {"fever"})
    assert step == expected.to_dict()
    assert step["finding"] not in ("weakness", "rhythmic_jerking", "fever")


def test_api_screen_yes_asks_its_signs_one_by_one(client: TestClient) -> None:
    screen = client.post("/api/v1/interview/next", json={"text": TEXT}).json()
    assert screen["answer"]["kind"] == "screen" and len(screen["members"]) > 1
    opened = client.post("/api/v1/interview/next",
                         json={"text": TEXT, "skipped": [screen["finding"]]}).json()
    assert opened["finding"] in [member["finding"] for member in screen["members"]]


def test_api_warning_signs_first_and_then_done(client: TestClient) -> None:
    answers: dict[str, str] = {}
    first = client.post("/api/v1/interview/next", json={"text": TEXT}).json()
    assert first["warning_sign"] is True and first["why"]
    step = first
    for _ in range(80):
        if step["done"]:
            break
        if step["answer"]["kind"] in ("screen", "checklist"):  # "none of these": each is a no
            answers.update({member["finding"]: "no" for member in step["members"]})
        else:
            answers[step["finding"]] = "no" if step["answer"]["kind"] == "yes_no" else "unknown"
        step = client.post("/api/v1/interview/next", json={"text": TEXT,
                                                           "answers": answers}).json()
    assert step["done"] is True and step["reason"] in ("settled", "nothing_left")


@pytest.mark.parametrize(("body", "message"), [
    ({"skipped": ["bogus"]}, "skipped: unknown finding, screen or checklist 'bogus'"),
    ({"answers": {"duration_days": "forever"}}, "duration_days takes a number"),
    ({"answers": "weakness"}, "answers: Input should be a valid dictionary"),
])
def test_api_bad_input(client: TestClient, body: dict, message: str) -> None:
    response = client.post("/api/v1/interview/next", json=body)
    assert response.status_code == 422 and message in response.json()["detail"]


# ---- the pages ----------------------------------------------------------------------------
def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)


def state_of(html: str) -> dict[str, list[str]]:
    """The form's hidden state, as the browser would send it back."""
    form: dict[str, list[str]] = {}
    for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html):
        form.setdefault(name, []).append(value)
    return form


def question_of(html: str) -> str:
    return re.search(r'name="finding" value="([^"]+)"', html).group(1)


def no_to(html: str) -> str:
    """'No' to a yes/no question, 'None of these' to a screen of warning signs."""
    return "none" if 'value="none"' in html else "no"


def step(client: TestClient, html: str, action: str, value: str | None = None):
    form = state_of(html)
    form["action"] = [action]
    if value is not None:
        form["value"] = [value]
    return client.post("/check/next", data=form)


def start(client: TestClient, text: str):
    return client.post("/check/next", data={"csrf": csrf_of(client.get("/").text), "text": text})


def test_one_question_at_a_time_with_why_and_choices(client: TestClient) -> None:
    page = start(client, TEXT)
    assert page.status_code == 200
    html = page.text
    assert html.count('name="finding"') == 1 and "Why we ask" in html
    assert "Warning sign" in html
    for button in ("Next", "Don't know", "That's all: show my answer"):
        assert f">{button}</button>" in html
    assert ">Back</button>" not in html  # nothing to go back to yet


def test_screen_none_back_and_dont_know(client: TestClient) -> None:
    first = start(client, TEXT).text
    screen = question_of(first)
    members = re.findall(r'name="member" value="([^"]+)"', first)
    assert screen in default_knowledge().screens and len(members) > 1
    assert "None of these" in first and "ask me each one" in first
    second = step(client, first, "next", "none").text
    assert all(f'name="answer:{m}" value="no"' in second for m in members)
    assert question_of(second) != screen
    back = step(client, second, "back").text
    assert question_of(back) == screen and not any(f'name="answer:{m}"' in back for m in members)
    unknown = step(client, back, "dont_know").text
    assert all(f'name="answer:{m}" value="unknown"' in unknown for m in members)
    assert step(client, back, "next", "maybe").status_code == 422


def test_screen_yes_asks_each_sign(client: TestClient) -> None:
    first = start(client, TEXT).text
    members = re.findall(r'name="member" value="([^"]+)"', first)
    opened = step(client, first, "next", "yes").text
    assert question_of(opened) == members[0] and 'type="radio" name="value" value="yes"' in opened
    after = step(client, opened, "next", "no").text
    assert f'name="answer:{members[0]}" value="no"' in after
    assert question_of(after) != members[0] and 'name="opened" value="' in after


def test_yes_no_answer_and_back(client: TestClient) -> None:
    page = start(client, TEXT).text
    while 'value="none"' in page:  # past the screens
        page = step(client, page, "next", "none").text
    asked = question_of(page)
    answered = step(client, page, "next", no_to(page)).text
    assert f'name="answer:{asked}"' in answered
    back = step(client, answered, "back").text
    assert question_of(back) == asked and f'name="answer:{asked}"' not in back


def test_skipped_question_is_not_asked_again(client: TestClient) -> None:
    first = start(client, TEXT).text
    skipped = question_of(first)
    second = step(client, first, "next").text
    assert question_of(second) != skipped and f'name="asked" value="{skipped}"' in second
    assert f'name="answer:{skipped}"' not in second


def test_a_bad_answer_asks_again_with_the_reason(client: TestClient) -> None:
    page = start(client, TEXT).text
    for _ in range(40):  # answer "no" until a number question comes up
        if 'type="number"' in page:
            break
        page = step(client, page, "next", no_to(page)).text
    assert 'type="number"' in page
    asked = question_of(page)
    again = step(client, page, "next", "99999")
    assert again.status_code == 422 and "Problem:" in again.text
    assert question_of(again.text) == asked


def test_thats_all_shows_the_answer_with_the_answers_given(client: TestClient) -> None:
    first = start(client, TEXT).text
    second = step(client, first, "next", "none").text
    answer = step(client, second, "done").text
    assert "What to do now" in answer and "You said no to:" in answer


def test_the_walk_ends_in_the_answer(client: TestClient) -> None:
    page = start(client, "my legs jerk as I fall asleep, no weakness").text
    for _ in range(80):
        if 'name="finding"' not in page:
            break
        page = step(client, page, "dont_know").text
    assert "What it most likely is" in page


def test_an_emergency_is_answered_at_once(client: TestClient) -> None:
    page = start(client, EMERGENCY).text
    assert 'name="finding"' not in page
    main = page[page.index('<main id="main">'):]
    assert main[main.index("<section"):].startswith('<section class="banner level-emergency"')


def test_the_question_pages_need_the_csrf_token(client: TestClient) -> None:
    client.get("/")
    assert client.post("/check/next", data={"text": TEXT}).status_code == 403


def test_a_checklist_ticks_back_and_none_with_ticks(client: TestClient) -> None:
    kb = default_knowledge()
    page = start(client, TEXT).text
    for _ in range(40):  # past the screens and single questions, to the first checklist
        if question_of(page) in kb.checklists:
            break
        page = step(client, page, "next", no_to(page)).text
    checklist = question_of(page)
    members = re.findall(r'name="member" value="([^"]+)"', page)
    assert checklist in kb.checklists and len(members) > 1
    assert all(f'type="checkbox" name="value" value="{m}"' in page for m in members)
    assert "None of these" in page
    form = state_of(page)
    form.update(action=["next"], value=[members[0], members[-1]])
    ticked = client.post("/check/next", data=form).text
    assert f'name="answer:{members[0]}" value="yes"' in ticked
    assert f'name="answer:{members[-1]}" value="yes"' in ticked
    assert all(f'name="answer:{m}" value="no"' in ticked for m in members[1:-1])
    back = step(client, ticked, "back").text
    assert question_of(back) == checklist
    assert not any(f'name="answer:{m}"' in back for m in members)
    form = state_of(back)
    form.update(action=["next"], value=["none", members[0]])
    both = client.post("/check/next", data=form)
    assert both.status_code == 422 and "not both" in both.text
    none = step(client, back, "next", "none").text
    assert all(f'name="answer:{m}" value="no"' in none for m in members)


def test_api_checklist_is_answered_through_its_members(client: TestClient) -> None:
    kb = default_knowledge()
    answers: dict[str, str] = {}
    step_ = client.post("/api/v1/interview/next", json={"text": TEXT}).json()
    for _ in range(40):
        if step_["done"] or step_["answer"]["kind"] == "checklist":
            break
        kind = step_["answer"]["kind"]
        if kind == "screen":
            answers.update({member["finding"]: "no" for member in step_["members"]})
        else:
            answers[step_["finding"]] = "no" if kind == "yes_no" else "unknown"
        step_ = client.post("/api/v1/interview/next", json={"text": TEXT,
                                                            "answers": answers}).json()
    assert step_["answer"]["kind"] == "checklist" and step_["finding"] in kb.checklists
    members = [member["finding"] for member in step_["members"]]
    assert [c["value"] for c in step_["answer"]["choices"]] == members
    skipped = client.post("/api/v1/interview/next", json={
        "text": TEXT, "answers": answers, "skipped": [step_["finding"]]}).json()
    assert skipped.get("finding") not in (step_["finding"], *members)
    answered = client.post("/api/v1/interview/next", json={
        "text": TEXT, "answers": {**answers, **dict.fromkeys(members, "no")}}).json()
    assert answered.get("finding") not in (step_["finding"], *members)


@pytest.mark.parametrize("action", ["next", "back"])
def test_a_tampered_screen_field_is_ignored(client: TestClient, action: str) -> None:
    first = start(client, TEXT).text
    screen = question_of(first)
    form = state_of(first)
    form.update({f"screen:{screen}": ["nonsense,also_nonsense"], "action": [action],
                 "value": ["none"]})
    if action == "back":
        form["asked"] = [screen]
    response = client.post("/check/next", data=form)
    assert response.status_code == 200 and "nonsense" not in response.text
