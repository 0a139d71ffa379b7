"""The spaCy + medspaCy pipeline, built from the knowledge base's phrases and medicines.

TargetMatcher labels: `finding` (a yes/no finding, or a mention of a number finding),
`finding|absent`, `finding=value`, and `medicine=class+class`. ConText marks each match as negated,
uncertain, hypothetical, historical or about a relative, using medspaCy's rules and ours below."""

from __future__ import annotations

import logging
import re
import warnings
from typing import Any

from legcheck.knowledge import KnowledgeBase
from legcheck.text.wordforms import phrase_variants, use_word_keys

NEGATING_WORD = re.compile(r"\b(?:no|not|never|without|nothing|none|cannot)\b|n'?t\b")
# Our additions to ConText's rules, for how people write about themselves (not clinical notes).
NEGATION = ["don't have", "dont have", "do not have", "haven't had", "havent had", "haven't got",
            "havent got", "not had", "never had", "no sign of", "no signs of", "not noticed",
            "haven't noticed", "havent noticed", "not experiencing", "nothing like", "zero",
            "none", "nope", "no real", "not any", "without any", "free of", "not", "no",
            "never", "without", "nor", "neither", "isn't", "isnt", "aren't", "arent", "doesn't",
            "doesnt", "don't", "dont", "didn't", "didnt", "can't say", "cant say", "wasn't",
            "wasnt", "not really", "no more", "nothing", "nothing feels", "no part of",
            "none of", "free from", "absence of", "nobody", "no one", "noone", "not a single",
            "no-one", "not once", "haven't ever", "havent ever", "haven't", "hasn't", "hadn't",
            "weren't", "not even", "never once", "no issues with", "no problems with",
            "no problem with", "no trouble with", "no difficulty", "lack of", "nor any"]
# said after what they deny: "numbness? not at all", "weakness isn't an issue"
NEGATION_AFTER = ["not at all", "none at all", "not a problem", "isn't a problem",
                  "not an issue", "isn't an issue", "is absent", "are absent"]
# negation words that deny nothing after them: "not only", "without warning", "can't sleep",
# "it won't stop" (phrases of the knowledge base that carry their own "no" are added to these)
PSEUDO_NEGATION = ["not only", "not just", "without trying", "without warning", "without fail",
                   "without reason", "for no reason", "no reason", "no idea", "no matter",
                   "not sure why", "no doubt", "not long ago", "not until", "no different",
                   "can't stop", "won't stop", "wouldn't stop", "couldn't stop", "doesn't stop",
                   "don't stop", "didn't stop", "never stops", "won't quit", "won't go away",
                   "doesn't go away", "didn't go away", "won't settle", "can't sleep",
                   "can't get to sleep", "couldn't sleep", "can't relax", "can't get comfortable",
                   "can't help", "not helping", "no end", "never ending", "never-ending",
                   "not the only", "nothing else", "not a big deal", "not normal",
                   "doesn't feel normal", "don't know", "didn't know", "not much better"]
POSSIBLE = ["scared it could be", "scared it's", "scared its", "scared of", "afraid of",
            "afraid it", "worried it", "worried about", "worried that", "worried i", "terrified",
            "fear", "paranoid", "could it be", "could this be", "is it", "is this",
            "what if", "might be", "could be", "might have", "could have", "in case",
            "ruled out", "rule out", "google", "googled", "read that", "read about",
            "convinced", "think i have", "think it's", "think its", "sign of", "signs of",
            "symptom of", "symptoms of", "chance of", "risk of", "maybe"]
HISTORICAL = ["as a child", "as a kid", "when i was young", "when i was a kid", "years ago",
              "in the past", "used to", "once had", "back in", "childhood", "as a teenager"]
FAMILY = ["my mum", "my mom", "my mother", "my dad", "my father", "my sister", "my brother",
          "my aunt", "my uncle", "my grandma", "my grandmother", "my grandad", "my grandfather",
          "my cousin", "my son", "my daughter", "my husband", "my wife", "my partner",
          "my boyfriend", "my girlfriend", "runs in the family", "family history", "my family",
          "my neighbour", "my neighbor", "my friend", "a friend", "my colleague", "my coworker",
          "my co-worker", "my flatmate", "my roommate", "my mate", "my nan", "my nana",
          "my granny", "my grandpa", "my grandparents", "my parents", "in my family"]
# after a comma, these start a new statement rather than continue a list of denied symptoms:
# "no weakness, calves twitch", "never lost control of my bladder, it's just my thigh"
NEW_CLAUSE = ["i", "i'm", "im", "i've", "ive", "my", "it", "it's", "its", "they", "they're",
              "this", "these", "there", "there's", "he", "she", "his", "her", "we", "which"]
BODY_WORDS_BEFORE = ["the", "both", "left", "right", "one", "either", "his", "her", "our"]
BODY_PARTS = ["calf", "calves", "calfs", "leg", "legs", "thigh", "thighs", "foot", "feet", "arm",
              "arms", "shin", "shins", "toe", "toes", "knee", "knees", "hamstring", "hamstrings",
              "quad", "quads", "muscle", "muscles", "eyelid", "bicep", "biceps"]
TERMINATE = ["but", "however", "although", "though", "except", "yet", "and", "apart from",
             "other than", "so", "which", "whereas", "while", "just", "only", "rather",
             "instead", "more like", "more a", "because", "cos", "plus", "also", "still",
             "besides", "then", "now", "unless", "until", "anyway"]


def build_pipeline(kb: KnowledgeBase) -> Any:
    """spaCy's tokenizer and sentencizer, medspaCy's TargetMatcher and ConText."""
    _quiet()
    import medspacy  # noqa: F401 - registers the medspacy_* pipeline factories
    import spacy
    from medspacy.context import ConTextRule
    from medspacy.ner import TargetRule

    nlp = spacy.blank("en")
    use_word_keys(nlp)
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", ";", "\n", "…"]})
    matcher = nlp.add_pipe("medspacy_target_matcher", config={"phrase_matcher_attr": "NORM"})
    matcher.add([TargetRule(phrase, label) for phrase, label in target_phrases(kb)])
    context = nlp.add_pipe("medspacy_context", config={
        "rules": "default", "phrase_matcher_attr": "NORM"})
    ours = [*(ConTextRule(w, "NEGATED_EXISTENCE", direction="FORWARD") for w in NEGATION),
            *(ConTextRule(w, "POSSIBLE_EXISTENCE", direction="FORWARD") for w in POSSIBLE),
            *(ConTextRule(w, "HISTORICAL", direction="BIDIRECTIONAL") for w in HISTORICAL),
            *(ConTextRule(w, "FAMILY", direction="FORWARD") for w in FAMILY),
            *(ConTextRule(w, "TERMINATE", direction="TERMINATE") for w in TERMINATE),
            *(ConTextRule(w, "NEGATED_EXISTENCE", direction="BACKWARD") for w in NEGATION_AFTER),
            *(ConTextRule(w, "PSEUDO", direction="PSEUDO") for w in pseudo_negations(kb)),
            ConTextRule("a dash between words", "TERMINATE", direction="TERMINATE",
                        pattern=r"(?<=\s)[-–—]+(?=\s)"),
            ConTextRule(", i", "TERMINATE", direction="TERMINATE",
                        pattern=[{"TEXT": ","}, {"LOWER": {"IN": NEW_CLAUSE}}]),
            ConTextRule(", calf", "TERMINATE", direction="TERMINATE",
                        pattern=[{"TEXT": ","}, {"LOWER": {"IN": BODY_WORDS_BEFORE}, "OP": "?"},
                                 {"LOWER": {"IN": BODY_PARTS}}]),
            ConTextRule("not sure", "POSSIBLE_EXISTENCE", direction="BIDIRECTIONAL")]
    context.add(ours)
    return nlp


def pseudo_negations(kb: KnowledgeBase) -> list[str]:
    """PSEUDO_NEGATION and every phrase that names a finding with a negation in it ("can't walk",
    "no strength", "won't stay still"): its "not" is the finding, not a denial of what follows."""
    own = [phrase for phrase, label in target_phrases(kb)
           if "|" not in label and NEGATING_WORD.search(phrase)]
    return list(dict.fromkeys([*PSEUDO_NEGATION, *own]))


def target_phrases(kb: KnowledgeBase) -> list[tuple[str, str]]:
    """(phrase, label) for every phrase of the knowledge base and its other spellings; a variant
    another entry already claims keeps that entry's meaning."""
    pairs = _knowledge_phrases(kb)
    claimed = {phrase.lower() for phrase, _ in pairs}
    variants = {}
    for phrase, label in pairs:
        for variant in phrase_variants(phrase):
            if variant not in claimed:
                variants.setdefault(variant, label)
    return pairs + list(variants.items())


def _knowledge_phrases(kb: KnowledgeBase) -> list[tuple[str, str]]:
    pairs = []
    for entry in kb.phrases:
        pairs += [(phrase, entry.finding) for phrase in entry.present]
        pairs += [(phrase, f"{entry.finding}|absent") for phrase in entry.absent]
        pairs += [(phrase, f"{entry.finding}|topic") for phrase in entry.topics]
        pairs += [(phrase, f"{entry.finding}={value}")
                  for value, phrases in entry.values.items() for phrase in phrases]
    for medicine in kb.medicines:
        label = "medicine=" + "+".join(medicine.classes)
        pairs += [(name, label) for name in (medicine.name, *medicine.also)]
    return pairs


def _quiet() -> None:
    """The NLP libraries print nothing: no logging, no warnings."""
    for name in ("medspacy", "PyRuSH", "spacy", "quickumls"):
        logging.getLogger(name).setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", module=r"(spacy|medspacy|thinc|PyRuSH)(\..*)?")
    try:
        from loguru import logger

        logger.remove()
    except ImportError:
        pass
