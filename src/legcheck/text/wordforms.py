"""Word forms the reader treats as one: how the phrases in the knowledge base and the person's
words are normalised before they are compared.

Three mechanisms, each general rather than a list of phrases:

- spaCy's own norms join contractions with and without apostrophes, straight or curly ("can't",
  "cant", "can’t" and "cannot" all read "can not");
- inflections of a word read as one (`word_key`): "twitched", "twitches" and "twitching" share a
  key, "jolted" and "jolts" too, so a phrase written with one inflection matches the others. The
  bare word keeps its own key, because the base form is often another word ("trip" is a journey,
  "trips" a stumble); a few words whose inflections change meaning are kept exact;
- British and American spellings of the same word (`SPELLINGS`) and apostrophe-less forms of
  "i'm", "it's", "he's" (`phrase_variants`) are added to the phrase list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

# inflections that change the meaning ("my leg jumped" is a jerk, "muscle jumping" a twitch; "played
# football" is a recent effort, "plays football" a habit), or turn an everyday word into a finding
EXACT = frozenset({
    "expecting", "expected", "expects", "increasing", "increased", "increases", "stable",
    "being", "things", "thing", "during", "morning", "evening", "nothing", "something",
    "anything", "everything", "feeling", "feelings", "ceiling", "bring", "string", "spring",
    "sings", "wings", "kings", "rings", "sting", "nothing's", "needs", "needed", "seeds",
    "bed", "red", "shed", "used", "uses", "using", "news", "always", "was", "has", "is",
    "his", "this", "yes", "less", "unless", "loss", "pass", "across", "bus", "plus", "thus",
    "us", "its", "does", "goes", "lies", "dies", "ties", "series", "species", "diabetes",
    "herpes", "shingles", "measles", "mumps", "glasses", "clothes", "trousers", "pants",
    "jumping", "jumps", "jumped", "plays", "played", "playing", "stairs", "means", "sometimes",
    "times", "physics", "works", "worked", "working", "ring",
    "chilling", "chilled",  # "chilling on the sofa" is resting, not chills
})
_VOWELS = set("aeiou")


def word_key(word: str) -> str:
    """The key an inflected word is compared by: "twitching", "twitched", "twitches" -> "twitch~";
    words that are not inflected, or too short to tell, are themselves."""
    lower = word.lower()
    if lower in EXACT or not lower.isalpha() or len(lower) < 5:
        return lower
    for suffix in ("ing", "ed", "es", "s"):
        if not lower.endswith(suffix):
            continue
        if suffix == "s" and lower.endswith(("ss", "us", "is", "ous")):
            return lower
        stem = lower[: -len(suffix)]
        if suffix == "es" and not stem.endswith(("ch", "sh", "x", "z", "ss")):
            stem = lower[:-1]  # "tingles" -> "tingle", "jerkes" is no word
        if len(stem) < 3 or not (set(stem) & _VOWELS or "y" in stem):
            return lower
        if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
            stem = stem[:-1]  # "slurring" -> "slur", "tripped" -> "trip"
        return stem.removesuffix("e") + "~"  # "tingling"/"tingled" both -> "tingl~"
    return lower


def use_word_keys(nlp: Any, correct: Callable[[str], str | None] | None = None) -> None:
    """Make every word's NORM (what the matchers compare, see build_pipeline) its word_key, keeping
    spaCy's own norms for contractions ("n't" -> "not") and punctuation; `correct` gives the key
    of the word a misspelt one stands for (text/typos.py), or None."""
    from spacy.attrs import NORM

    spacy_norm: Callable[[str], str] = nlp.vocab.lex_attr_getters[NORM]

    def norm(text: str) -> str:
        spacy_says = spacy_norm(text)
        if spacy_says != text.lower():
            return spacy_says
        if text.lower() in TEXT_SPEAK:
            return word_key(TEXT_SPEAK[text.lower()])
        return (correct(text) if correct else None) or word_key(text)

    nlp.vocab.lex_attr_getters = {**nlp.vocab.lex_attr_getters, NORM: norm}
    for written in NEGATIVE_CONTRACTIONS:
        for form in {written, written.capitalize(), written.upper()}:
            nlp.tokenizer.add_special_case(form, _split_negative(form))
    for lexeme in nlp.vocab:  # words spaCy made before, from its tokenizer exceptions
        lexeme.norm_ = norm(lexeme.orth_)


# text-speak and shorthand, read as the word meant
TEXT_SPEAK = {
    "nite": "night", "nites": "nights", "tonite": "tonight", "tho": "though", "altho": "although",
    "thru": "through", "cuz": "because", "coz": "because", "cos": "because", "bc": "because",
    "bcos": "because", "bcoz": "because", "becuz": "because", "becoz": "because",
    "abt": "about", "b4": "before", "u": "you", "ur": "your", "n": "and", "w/": "with",
    "2day": "today", "tmrw": "tomorrow", "ppl": "people", "hubby": "husband", "wifey": "wife",
    "bf": "boyfriend", "gf": "girlfriend", "dr": "doctor", "gp": "doctor", "v": "very",
    "rly": "really", "realy": "really", "probs": "problems", "prob": "problem",
    "w": "with", "wiv": "with", "nothin": "nothing", "nuthin": "nothing", "nowt": "nothing",
    "summat": "something", "sumthin": "something", "somethin": "something", "lil": "little",
    "sorta": "sort", "kinda": "kind", "gonna": "going", "wanna": "want", "gotta": "got",
    "every1": "everyone", "any1": "anyone", "some1": "someone", "no1": "nobody",
    "nah": "no", "naw": "no", "nope": "no", "yeah": "yes", "yep": "yes", "yup": "yes",
    "nae": "no", "aye": "yes", "aboot": "about", "oot": "out", "doon": "down",  # Scots
}
# negative contractions written without their apostrophe, or misspelt, split as spaCy splits
# "dont": (the part before, its norm)
NEGATIVE_CONTRACTIONS = {
    "dosnt": ("dos", "does"), "dosent": ("dos", "does"), "doesent": ("does", "does"),
    "dint": ("di", "do"), "didint": ("didi", "do"), "havnt": ("hav", "have"),
    "hvnt": ("hv", "have"), "hvent": ("hv", "have"), "dnt": ("d", "do"), "cnt": ("c", "can"),
    "cannt": ("can", "can"), "hasent": ("has", "has"), "wasent": ("was", "was"),
    "isent": ("is", "is"), "didnot": ("did", "do"), "donot": ("do", "do"),
    "do'nt": ("do", "do"), "does'nt": ("does", "does"), "did'nt": ("did", "do"),
    "is'nt": ("is", "is"), "was'nt": ("was", "was"), "have'nt": ("have", "have"),
    "has'nt": ("has", "has"), "could'nt": ("could", "could"), "would'nt": ("would", "would"),
    "are'nt": ("are", "are"), "were'nt": ("were", "were"), "had'nt": ("had", "have"),
    "ca'nt": ("ca", "can"), "wo'nt": ("wo", "will"),
    # Scots: "cannae", "dinnae", "didnae" ("I cannae feel my toes", "it disnae hurt")
    "cannae": ("can", "can"), "canna": ("can", "can"), "dinnae": ("din", "do"),
    "dinna": ("din", "do"), "didnae": ("did", "did"), "disnae": ("dis", "does"),
    "doesnae": ("does", "does"), "wasnae": ("was", "was"), "wisnae": ("wis", "was"),
    "isnae": ("is", "is"), "hasnae": ("has", "has"), "havnae": ("hav", "have"),
    "havenae": ("have", "have"), "couldnae": ("could", "could"), "wouldnae": ("would", "would"),
    "willnae": ("will", "will"), "werenae": ("were", "were"),
}


def _split_negative(written: str) -> list[dict[Any, str]]:
    from spacy.attrs import NORM, ORTH

    before, meant = NEGATIVE_CONTRACTIONS[written.lower()]
    return [{ORTH: written[:len(before)], NORM: meant}, {ORTH: written[len(before):], NORM: "not"}]


# British and American spellings (and a few common variants) of words people use about symptoms
SPELLINGS = {
    "anaemia": "anemia", "anaemic": "anemic", "diarrhoea": "diarrhea", "oesophagus": "esophagus",
    "oedema": "edema", "haemorrhage": "hemorrhage", "anaesthesia": "anesthesia",
    "anaesthetic": "anesthetic", "faeces": "feces", "tumour": "tumor", "colour": "color",
    "behaviour": "behavior", "neighbour": "neighbor", "litre": "liter", "litres": "liters",
    "centre": "center", "fibre": "fiber", "paralysed": "paralyzed", "paralyse": "paralyze",
    "ageing": "aging", "pyjamas": "pajamas", "grey": "gray", "mum": "mom", "mummy": "mommy",
    "tiredness": "tiredness", "realise": "realize", "recognise": "recognize",
    "travelled": "traveled", "travelling": "traveling", "favour": "favor", "odour": "odor",
    "programme": "program", "practise": "practice", "sceptical": "skeptical",
    "disorientated": "disoriented", "whilst": "while", "towards": "toward",
    "haematoma": "hematoma", "paediatric": "pediatric", "oestrogen": "estrogen",
    "fetus": "foetus", "mould": "mold", "plough": "plow", "manoeuvre": "maneuver",
    "hospitalised": "hospitalized", "stabilised": "stabilized", "numbness": "numbness",
}
_SPELLING_BOTH_WAYS = {**SPELLINGS, **{us: uk for uk, us in SPELLINGS.items()}}
_WORD = re.compile(r"[a-z]+")
# apostrophe forms spaCy does not join on its own ("im" is not split like "dont")
_CONTRACTION = re.compile(r"\b(i'm|i've|it's|he's|she's|that's|there's|what's|you're|they're|"
                          r"you've|they've|we've)\b")


# words that strengthen or soften what follows a linking verb: "periods are very heavy", "legs
# feel so weak", "speech is a bit slurred", "heart is still racing"
INTENSIFIERS = ("very", "really", "so", "super", "quite", "pretty", "extremely", "incredibly",
                "a bit", "a little", "slightly", "kind of", "sort of", "kinda", "totally",
                "completely", "still", "now", "always", "also", "too", "more", "a lot",
                "really really", "so so", "v", "rly", "soo", "sooo")
_LINKING = re.compile(r"(?:\b(?:is|are|was|were|am|i'm|im|feel|feels|felt|feeling|seem|seems|"
                      r"look|looks|get|gets|got|getting|go|goes|went|gone|been)|'s|'re) (?=[a-z])"
                      r"(?!(?:not|no|n't|never)\b)")


_IS_AFTER_NOUN = re.compile(r"^((?:my |the |his |her )?[a-z]{3,}) is ")
# a place after a preposition is said with "the" as often as with "my": "numbness in the groin"
_MY_PLACE = re.compile(r"\b(in|around|between|down|on|into|across|under|behind) my\b")


def phrase_variants(phrase: str) -> Iterator[str]:
    """Other ways of writing `phrase`: the other spelling of each word, "i'm" as "im", "in my"
    as "in the" ("numbness in the groin"), "my leg" as "my left leg" and "my right leg", "is"
    after a noun as "'s" ("speech's slurred"), "blurry vision" as "vision is blurry", a word
    that strengthens or softens after its linking verb ("periods are very heavy"), and a word
    that says it goes on between a part and what it does ("hands keep cramping")."""
    lower = phrase.lower().replace("’", "'")
    yield lower
    swapped = _WORD.sub(lambda m: _SPELLING_BOTH_WAYS.get(m.group(0), m.group(0)), lower)
    if swapped != lower:
        yield swapped
    forms = {lower, swapped}
    for form in list(forms):
        bare = _CONTRACTION.sub(lambda m: m.group(0).replace("'", ""), form)
        if bare != form:
            forms.add(bare)
            yield bare
    for form in list(forms):
        the_place = _MY_PLACE.sub(r"\1 the", form)
        if the_place != form:
            forms.add(the_place)
            yield the_place
    for form in list(forms):
        for side in ("left", "right"):  # "pain down my leg": "pain down my left leg"
            sided = _ONE_PART.sub(rf"\1 {side} \2", form)
            if sided != form:
                forms.add(sided)
                yield sided
    for form in list(forms):
        if _REPORTED.search(form):
            continue  # "she says my legs jerk" is not "she says her legs jerk"
        for owner in ("his", "her", "their"):  # "can't keep my legs still": "... his legs still"
            owned = _MY_BODY.sub(rf"{owner} \1", form)
            if owned != form:
                forms.add(owned)
                yield owned
    for form in list(forms):
        short = _IS_AFTER_NOUN.sub(r"\1's ", form, count=1)  # "heart is racing": "heart's racing"
        if short != form:
            forms.add(short)
            yield short
    for form in list(forms):
        for said in _noun_first(form):  # "blurry vision": "vision blurry", "vision is blurry"
            if said not in forms:
                forms.add(said)
                yield said
    for form in forms:
        yield from _intensified(form)
        yield from _ongoing(form)


# the person's own body, which another person has too: "my legs" as "his legs", "her legs"
_MY_BODY = re.compile(r"\bmy (legs?|calf|calves|thighs?|feet|foot|arms?|hands?|body|muscles?|"
                      r"toes?|knees?|shins?|fingers?)\b")


_REPORTED = re.compile(r"\b(?:says?|said|tells?|told|notices?|noticed|complains?)\b")


# one of a pair of parts, which may be named by its side: "my leg", "my left leg"
_ONE_PART = re.compile(r"\b(my|the|his|her) (leg|calf|thigh|foot|arm|hand|knee|shin|hip|ankle|"
                       r"buttock|hamstring|quad|eye|eyelid)\b")


# a describing word before its noun that people also put after it, as a statement: "blurry
# vision" as "vision blurry", "vision is blurry", "vision's blurry"; a closed list, because many
# such pairs turn into other words when swapped ("bad back", "back bad")
NOUN_FIRST = frozenset({"blurry", "blurred", "double", "poor", "difficult", "slurred", "droopy",
                        "drooping", "lopsided", "weak", "numb", "heavy", "low", "high", "dark",
                        "painful", "swollen", "shaky", "wobbly", "tingly", "restless", "fuzzy",
                        "irregular", "racing", "pounding", "crooked", "confused", "jumpy",
                        "twitchy", "fidgety", "stiff"})
_ADJECTIVE_NOUN = re.compile(r"^(?:(my|his|her|the) )?([a-z]+) ([a-z]{4,})$")


def _noun_first(phrase: str) -> Iterator[str]:
    said = _ADJECTIVE_NOUN.match(phrase)
    if said is None or said.group(2) not in NOUN_FIRST:
        return
    owner, adjective, noun = said.groups()
    verb = "are" if noun.endswith("s") and not noun.endswith("ss") else "is"
    subject = f"{owner} {noun}" if owner else noun
    yield f"{subject} {adjective}"
    yield f"{subject} {verb} {adjective}"
    if verb == "is":
        yield f"{subject}'s {adjective}"


# a word that says the action goes on, between a body part and what it does: "hands keep
# cramping", "lips are tingling", "fingers have been curling"
ONGOING = ("keep", "keeps", "kept", "keep on", "are", "is", "were", "was", "have been", "has been",
           "started", "start", "are still", "keep on")
_PART_DOING = re.compile(r"^((?:my |the |his |her )?[a-z]{3,}s?) ([a-z]{3,}ing)$")


def _ongoing(phrase: str) -> Iterator[str]:
    """A two-word "<part> <doing>" phrase with each ONGOING word between ("hands keep cramping")."""
    said = _PART_DOING.match(phrase)
    if said is None or said.group(1).split()[-1] in _NOT_A_PART:
        return
    for word in dict.fromkeys(ONGOING):
        yield f"{said.group(1)} {word} {said.group(2)}"


# first words of two-word phrases that are not a body part doing something
_NOT_A_PART = {"not", "keep", "keeps", "kept", "stop", "stopped", "start", "started", "been",
               "was", "were", "are", "is", "when", "while", "after", "before", "since", "during",
               "still", "always", "just", "also", "and", "but", "from", "with", "without", "any",
               "some", "more", "less", "very", "really", "trouble", "difficulty", "problems",
               "hard", "can't", "cant", "cannot", "won't", "wont", "going", "sudden", "constant"}


def _intensified(phrase: str) -> Iterator[str]:
    """The phrase with each intensifier after its first linking verb, if it has one mid-phrase."""
    link = _LINKING.search(phrase)
    if link is None or link.start() == 0:
        return
    for word in INTENSIFIERS:
        yield f"{phrase[:link.end()]}{word} {phrase[link.end():]}"
