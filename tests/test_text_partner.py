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
