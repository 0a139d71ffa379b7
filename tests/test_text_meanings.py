"""One stated fact setting several findings, answers after a question, how far a denied list
reaches, and matches that share words."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from legcheck.api import default_knowledge
from legcheck.text.pipeline import meanings, outermost, target_phrases
from readings import read


@pytest.mark.parametrize(("text", "expect", "absent_ids"), [
    ("Otherwise healthy, no fits.", {"known_epilepsy": False}, []),
    ("I've never had a fit.", {"known_epilepsy": False, "loss_of_awareness": False}, []),
    ("I had a fit yesterday.", {"loss_of_awareness": True}, ["known_epilepsy"]),
    ("Peeing normally.", {"reduced_urine": False, "bladder_bowel_change": False}, []),
    ("Legs feel heavy but I can still do everything.",
     {"weakness": False, "trouble_walking": False}, []),
])
def test_one_fact_sets_several_findings(text: str, expect: dict, absent_ids: list) -> None:
    found = read(text)
    assert {fid: found.get(fid) for fid in expect} == expect
    assert not set(absent_ids) & set(found)


def test_a_phrase_keeps_all_its_meanings() -> None:
    labels = dict(target_phrases(default_knowledge()))
    assert set(meanings(labels["seizures"])) == {"loss_of_awareness", "known_epilepsy|denied"}
    assert len(meanings(labels["jerks"])) == 1


@pytest.mark.parametrize(("text", "expect"), [
    ("Numbness? not at all.", {"numbness_tingling": False}),
    ("Weakness? nope, never.", {"weakness": False}),
    ("Any weakness? No, but my calf twitches.", {"weakness": False, "visible_flicker": True}),
    ("Numbness - no. Calf twitching.", {"numbness_tingling": False, "visible_flicker": True}),
    ("Numbness: none", {"numbness_tingling": False}),
    ("Weakness? No. Numbness? Yes, a bit.", {"weakness": False, "numbness_tingling": True}),
    ("Calf twitching - no weakness", {"visible_flicker": True, "weakness": False}),
])
def test_an_answer_denies_what_was_asked(text: str, expect: dict) -> None:
    found = read(text)
    assert {fid: found.get(fid) for fid in expect} == expect


@pytest.mark.parametrize(("text", "expect"), [
    ("No weakness, leg pain or numbness.", {"weakness": False, "numbness_tingling": False}),
    ("No weakness, leg pain, or numbness.", {"weakness": False, "numbness_tingling": False}),
    ("No weakness, left calf twitching.", {"weakness": False, "visible_flicker": True}),
    ("Never had numbness, calves twitch a lot.",
     {"numbness_tingling": False, "visible_flicker": True}),
])
def test_how_far_a_denied_list_reaches(text: str, expect: dict) -> None:
    found = read(text)
    assert {fid: found.get(fid) for fid in expect} == expect


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label_: str = "limb_jerk"

    def __len__(self) -> int:
        return self.end - self.start


def test_only_matches_inside_longer_ones_are_hidden() -> None:
    crossing, inner, outer, other = Span(0, 2), Span(3, 4), Span(2, 5), Span(1, 3)
    assert outermost([crossing, inner, outer, other]) == [crossing, other, outer]
    assert outermost([Span(0, 2), Span(0, 2)]) == [Span(0, 2)]
    statement = Span(0, 2, "weakness|absent")
    assert outermost([statement, Span(1, 6, "one_sided_weakness")]) == [Span(1, 6,
                                                                          "one_sided_weakness")]


def test_a_longer_phrase_carries_a_denial_on() -> None:
    found = read("No weakness or numbness on one side.")
    assert found.get("one_sided_weakness") is False
    assert "weakness" not in found


def test_two_phrases_sharing_a_word_both_count() -> None:
    found = read("My leg jumped last night.")
    assert found.get("limb_jerk") is True
    assert found.get("location") == "one_leg"


def _vocabulary(*entries: dict) -> list[str]:
    from types import SimpleNamespace

    from legcheck.knowledge import schema
    from legcheck.knowledge.validate import _vocabulary_problems

    kb = default_knowledge()
    fake = SimpleNamespace(findings=kb.findings, medicines=(),
                           phrases=[schema.Phrases.model_validate(e) for e in entries])
    return list(_vocabulary_problems(fake))


def test_a_phrase_names_one_thing_present_but_may_state_several() -> None:
    assert _vocabulary({"finding": "weakness", "absent": ["all good"]},
                       {"finding": "trouble_walking", "absent": ["all good"]},
                       {"finding": "known_epilepsy", "denied": ["fits"]},
                       {"finding": "loss_of_awareness", "present": ["fits"]}) == []
    assert _vocabulary({"finding": "weakness", "present": ["wobbly"]},
                       {"finding": "trouble_walking", "present": ["wobbly"]}) == [
        "phrases.yaml: trouble_walking: 'wobbly' already means weakness=present"]
    assert _vocabulary({"finding": "weakness", "present": ["strong"], "absent": ["strong"]}) == [
        "phrases.yaml: weakness: 'strong' already means weakness=present"]
    assert _vocabulary({"finding": "age", "denied": ["years"]}) == [
        "phrases.yaml: age: absent, denied phrases and topics are for yes/no findings"]


def test_a_specific_phrase_carries_the_general_finding() -> None:
    found = read("my legs feel weak")
    assert found.get("weakness_both_legs") is True and found.get("weakness") is True
    assert read("both legs are numb").get("numbness_tingling") is True
    assert read("my left arm and leg went weak").get("weakness") is True
    # denied, the specific phrase denies only itself: one-sided numbness, not all numbness
    found = read("No weakness or numbness on one side.")
    assert found.get("one_sided_weakness") is False and "numbness_tingling" not in found


def test_a_carried_finding_is_kept_apart_from_a_plain_containment() -> None:
    carries = {"weakness_both_legs": ["weakness"]}
    outer, inner = Span(0, 3, "weakness_both_legs"), Span(2, 3, "weakness")
    assert outermost([outer, inner], carries) == [outer, inner]
    assert outermost([outer, inner]) == [outer]
    assert outermost([Span(0, 3, "limb_jerk"), Span(2, 3, "sudden_onset")], carries) == [
        Span(0, 3, "limb_jerk")]


def test_falling_asleep_is_not_falling_over() -> None:
    assert "trouble_walking" not in read("I keep falling asleep at work")


@pytest.mark.parametrize("text", [
    "my calf twitches and I'm struggling to breathe lying down",
    "my feet tingle when I sit cross-legged, and my calves twitch",
    "calves jerk, and I get palpitations when lying down",
])
def test_a_rest_phrase_after_another_symptom_times_that_symptom(text: str) -> None:
    found = read(text)
    assert "worse_at_rest" not in found and found.get("timing") != "at_rest", found


@pytest.mark.parametrize("text", [
    "my legs jerk when I'm lying down",
    "restless legs when I sit",
    "numb feet, and my legs twitch when I sit",
    "rhythmic jerking lying down",
])
def test_a_rest_phrase_after_a_movement_times_the_movement(text: str) -> None:
    assert read(text).get("worse_at_rest") is True


@pytest.mark.parametrize(("text", "location"), [
    ("back pain shooting down my right leg, and the calf twitches", "one_spot"),
    ("weakness in my arms and legs, my left calf twitches", "one_spot"),
    ("it's a tight painful knot in my calf", "one_spot"),
    ("my right leg jerks", "one_leg"),
    ("my legs and arms twitch", "several_body_parts"),
])
def test_location_is_where_the_movements_are(text: str, location: str) -> None:
    assert read(text).get("location") == location


@pytest.mark.parametrize("text", ["antihistamines every spring for my hay fever; calves twitch",
                                  "hayfever is bad this year and my thighs flicker"])
def test_words_of_a_finding_that_mean_something_else_say_nothing(text: str) -> None:
    assert "fever" not in read(text)


def test_a_finding_beside_words_that_mean_something_else_is_still_read() -> None:
    assert read("hay fever as usual, but now a fever of 38.6 too")["fever"] is True


@pytest.mark.parametrize(("text", "expected", "absent"), [
    ("my left hand went numb for ten minutes", {"one_sided_weakness": True},
     ["numbness_tingling"]),
    ("tingly lips and fingers when I panic", {"tingling_around_mouth": True},
     ["numbness_tingling"]),
    ("both hands tingle at night", {}, ["numbness_tingling", "one_sided_weakness"]),
    ("my toes and the sole of my foot are numb", {"numbness_tingling": True},
     ["one_sided_weakness"]),
    ("numb down the right side of my body", {"one_sided_weakness": True}, []),
])
def test_where_a_numbness_is_decides_what_it_states(text: str, expected: dict[str, object],
                                                     absent: list[str]) -> None:
    _reads_as(text, expected, absent)


@pytest.mark.parametrize("text", ["hypnic jerks most nights", "sleep starts, loads of them"])
def test_the_name_of_a_sleep_jerk_names_a_jerk(text: str) -> None:
    found = read(text)
    assert found["limb_jerk"] is True and found["timing"] == "falling_asleep"


def test_a_denied_sleep_jerk_is_no_jerk() -> None:
    assert "limb_jerk" not in read("no hypnic jerks, just a twitchy calf")


@pytest.mark.parametrize("text", ["weakness: n/a, calf twitching", "numbness - n/a"])
def test_not_applicable_answers_no(text: str) -> None:
    found = read(text)
    assert found.get("weakness", found.get("numbness_tingling")) is False, found


@pytest.mark.parametrize(("text", "expected"), [
    ("smoked cannabis every night for years, gave it up on Friday, legs jerking since",
     ["recreational_drug"]),
    ("came off citalopram last week after taking it for years", ["ssri_snri"]),
    ("been taking the St John's wort for about ten days and now my calves twitch",
     ["other_serotonergic"]),
])
def test_a_medicine_stopped_or_taken_for_days_is_a_change(text: str, expected: list[str]) -> None:
    assert read(text)["medicine_change"] == expected


def test_a_medicine_held_for_years_is_still_no_change() -> None:
    assert "medicine_change" not in read("on citalopram for years, calves twitch")


def test_smoking_cannabis_is_not_nicotine() -> None:
    assert "nicotine" not in read("I smoke weed at weekends, my thighs flicker")


def test_restless_in_oneself_is_agitation_not_the_urge_to_move() -> None:
    found = read("sweaty and restless and can't settle since the new tablets")
    assert found.get("agitation") is True and "urge_to_move" not in found


@pytest.mark.parametrize("text", ["I keep checking my calves for wasting",
                                  "looking for any weakness every morning, calf twitching"])
def test_looking_for_a_sign_is_not_having_it(text: str) -> None:
    found = read(text)
    assert "muscle_wasting" not in found and "weakness" not in found, found


def test_a_describing_word_after_legs_reads_like_before_them() -> None:
    assert read("legs jumpy at bedtime")["limb_jerk"] is True


@pytest.mark.parametrize("text", ["I DON'T have any weakness, calves twitch",
                                  "I CAN'T say I've had any weakness, calves twitch"])
def test_a_shouted_denial_still_denies(text: str) -> None:
    assert read(text)["weakness"] is False


def test_a_symptom_named_by_its_body_part_goes_on_with_a_denied_list() -> None:
    found = read("no weakness, muscle loss, leg pain, cramps. thighs flicker")
    assert found["weakness"] is False and found["muscle_wasting"] is False
    assert found["painful_cramp"] is False and found["visible_flicker"] is True


@pytest.mark.parametrize(("text", "expected", "absent"), [
    ("sciatica on the left, no numbness around my bum", {"saddle_numbness": False},
     ["numbness_tingling"]),
    ("numb round my backside since lunch", {"saddle_numbness": True}, ["numbness_tingling"]),
])
def test_a_numbness_around_the_bottom_is_saddle_numbness(text: str, expected: dict[str, object],
                                                         absent: list[str]) -> None:
    _reads_as(text, expected, absent)


def test_a_friends_partner_is_someone_else() -> None:
    assert "urge_to_move" not in read("my friend's wife has restless legs; I get calf twitches")


def test_no_family_history_needs_no_relative() -> None:
    assert read("no family history of anything, calf twitching")[
        "family_history_neuromuscular"] is False


def test_a_what_if_question_states_nothing_but_what_follows_it_does() -> None:
    found = read("What if I had cramps and weakness, would that be bad? I do have twitching")
    assert "weakness" not in found and "painful_cramp" not in found
    assert found["visible_flicker"] is True


def test_a_temperature_given_as_running_a_number_is_a_fever() -> None:
    assert read("my dad is running 39.1 and his legs jerk")["fever"] is True


@pytest.mark.parametrize(("text", "finding_id", "value"), [
    ("Pain: no. Twitching: yes, calves", "painful_cramp", False),
    ("his hands shake and his legs jerk", "shivering", True),
    ("peeing loads since the water tablet, calves cramp", "reduced_urine", False),
    ("one calf has got skinnier than the other and it twitches", "muscle_wasting", True),
    ("keep dropping things, forearms twitching", "weakness", True),
])
def test_everyday_words_for_findings(text: str, finding_id: str, value: object) -> None:
    assert read(text).get(finding_id) == value


@pytest.mark.parametrize("text", ["what I told the nurse: no fever, no rash. calves twitch",
                                  "summary: no weakness, no numbness; thighs flicker"])
def test_a_list_of_denials_after_a_colon_is_denied(text: str) -> None:
    found = read(text)
    assert found.get("fever", found.get("weakness")) is False, found


def test_a_parents_brother_or_sister_is_not_a_close_relative() -> None:
    assert "family_history_neuromuscular" not in read("my mum's brother had MND; my calf twitches")


def test_a_parent_named_without_my_is_still_family() -> None:
    assert read("Dad had motor neurone disease. My calves twitch.")[
        "family_history_neuromuscular"] is True


def test_a_plus_between_words_joins_two_findings() -> None:
    found = read("cramps+tired all day")
    assert found["painful_cramp"] is True and found["daytime_sleepiness"] is True


def test_a_text_about_a_pet_states_nothing_about_the_person() -> None:
    assert read("our dog kicks and twitches in his sleep, normal?") == {}
    assert read("my dog woke me and my calf twitches")["visible_flicker"] is True


@pytest.mark.parametrize(("text", "one_sided"), [
    ("my left leg went totally numb for a few minutes this morning", True),
    ("the left side of my face feels numb", True),
    ("my face feels numb on the right", True),
    ("sciatica with numbness down my right leg", False),
    ("numbness down the back of my left leg into the foot", False),
])
def test_a_whole_side_going_numb_is_one_sided_but_a_trapped_nerve_is_not(
        text: str, one_sided: bool) -> None:
    assert ("one_sided_weakness" in read(text)) is one_sided


@pytest.mark.parametrize(("text", "jerk"), [
    ("both legs keep twitching and jumping tonight", True),
    ("legs twitch and jump when I lie down", True),
    ("my leg muscles are jumping", False),
    ("my legs don't jump, it's just a flicker", False),
])
def test_legs_that_jump_are_jerks_but_muscles_that_jump_are_twitches(text: str,
                                                                    jerk: bool) -> None:
    assert (read(text).get("limb_jerk") is True) is jerk


@pytest.mark.parametrize(("text", "finding_id"), [
    ("her ferritin was checked last month and was fine", "low_iron"),
    ("kidneys tested in the spring and normal", "kidney_disease"),
    ("kidneys fine last time they checked", "kidney_disease"),
])
def test_a_function_checked_and_found_normal_is_denied(text: str, finding_id: str) -> None:
    assert read(text)[finding_id] is False


def test_a_sign_that_has_not_started_is_denied() -> None:
    assert read("numbness hasn't started, only twitching")["numbness_tingling"] is False


@pytest.mark.parametrize(("text", "over_ten"), [
    ("arch of my foot cramps when I point my toes, lasts seconds", False),
    ("calf cramps most nights; each one lasts a while but less than ten minutes", False),
    ("cramp in my calf at 3am. Maybe three minutes long.", False),
    ("thigh cramps, I walk about and it goes within a few minutes", False),
    ("cramp in my thigh that lasted a good 20 minutes", True),
])
def test_how_long_a_cramp_lasts(text: str, over_ten: bool) -> None:
    assert read(text)["cramp_over_10_minutes"] is over_ten


def test_the_length_of_a_match_is_not_a_cramps() -> None:
    assert "cramp_over_10_minutes" not in read("a 90 minute game yesterday, calves cramped after")


def _reads_as(text: str, expected: dict[str, object], absent: list[str]) -> None:
    found = read(text)
    for finding_id, value in expected.items():
        assert found.get(finding_id) == value, found
    for finding_id in absent:
        assert finding_id not in found, found
