"""A bed partner who reports stillness denies kicks in sleep (src/legcheck/text/partner.py);
"still" as "yet", a partner who reports kicks, and stillness said without a partner do not."""

from __future__ import annotations

import pytest

from readings import read


@pytest.mark.parametrize("text", [
    "my partner says my legs are totally still all night",
    "My wife sleeps beside me and says I'm completely still, but my calves fizz before bed.",
    "my husband swears I sleep like a log",
    "I don't move at all in my sleep, according to my husband",
    "my legs are still all night, my girlfriend says",
    "hubby says my legs don't kick at night",
])
def test_a_partner_reporting_stillness_denies_kicks(text: str) -> None:
    found = read(text)
    assert found.get("partner_sees_kicks") is False, found
    assert found.get("limb_jerk") is not True, found


@pytest.mark.parametrize("text", [
    "my wife says my legs are still jerking at night",
    "my partner says I kick all night",
    "my partner says I kick but I'm still asleep",
    "I lie still in bed and my legs twitch",
    "my husband says I'm still kicking him",
])
def test_no_stillness_reported(text: str) -> None:
    assert read(text).get("partner_sees_kicks") is not False


@pytest.mark.parametrize("text", [
    "My husband watched me last night. I kicked once as I dozed off but it doesn't happen "
    "again later in the night, he says.",
    "My wife is a light sleeper. My legs don't jerk in my sleep, she says.",
])
def test_stillness_said_first_and_the_partner_after_by_pronoun(text: str) -> None:
    assert read(text).get("partner_sees_kicks") is False


@pytest.mark.parametrize("text", [
    "my husband says my legs kick all night, it doesn't happen in the day, he says",
    "my legs don't jerk in my sleep, he says",  # no partner named: "he" may be anyone
    "my husband says my legs kick all night, but they don't move after 2am in bed, he says",
])
def test_a_pronoun_report_leaves_a_seen_kick_or_an_unnamed_speaker(text: str) -> None:
    assert read(text).get("partner_sees_kicks") is not False


@pytest.mark.parametrize("text", [
    "My girlfriend has filmed my legs jerking about in the night.",
    "Bed partner of ten years has noticed me thrashing every night lately.",
    "My wife complains that my legs jerk and wake her all night.",
    # the writer is the bed partner of the person they write about
    "Asking about my husband: his legs jolt all through his sleep, I lie awake counting.",
    "most nights my wife's legs kick me, she's out cold",
])
def test_a_partner_who_sees_the_kicks(text: str) -> None:
    found = read(text)
    assert found.get("partner_sees_kicks") is True and found.get("limb_jerk") is True, found


@pytest.mark.parametrize(("text", "expect"), [
    ("My boyfriend says he thinks I might kick in my sleep, not sure", None),
    ("My husband says I'm fine once I'm asleep, no kicking at all.", False),
    ("I jerk as I drift off. My partner hasn't mentioned anything else.", None),
    ("My son's legs jerk in his sleep; my husband and I take turns checking", None),
])
def test_a_partner_who_does_not_see_them(text: str, expect: bool | None) -> None:
    assert read(text).get("partner_sees_kicks") is expect
