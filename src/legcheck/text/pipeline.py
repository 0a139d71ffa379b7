"""The spaCy + medspaCy pipeline, built from the knowledge base's phrases and medicines.

TargetMatcher labels: `finding` (a yes/no finding, or a mention of a number finding),
`finding|absent`, `finding=value`, and `medicine=class+class`. ConText marks each match as negated,
uncertain, hypothetical, historical or about a relative, using medspaCy's rules and ours below."""

from __future__ import annotations

import logging
import warnings
from typing import Any

from legcheck.knowledge import KnowledgeBase

# Our additions to ConText's rules, for how people write about themselves (not clinical notes).
NEGATION = ["don't have", "dont have", "do not have", "haven't had", "havent had", "haven't got",
            "havent got", "not had", "never had", "no sign of", "no signs of", "not noticed",
            "haven't noticed", "havent noticed", "not experiencing", "nothing like", "zero",
            "none", "nope", "no real", "not any", "without any", "free of", "not", "no",
            "never", "without", "nor", "neither", "isn't", "isnt", "aren't", "arent", "doesn't",
            "doesnt", "don't", "dont", "didn't", "didnt", "can't say", "cant say", "wasn't",
            "wasnt", "not really", "no more", "nothing", "nothing feels", "no part of",
            "none of", "free from", "absence of", "nobody", "no one", "noone", "not a single",
            "no-one", "not once", "haven't ever", "havent ever"]
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
TERMINATE = ["but", "however", "although", "though", "except", "yet", "and", "apart from",
             "other than", "so", "which", "whereas", "while", "just", "only"]


def build_pipeline(kb: KnowledgeBase) -> Any:
    """spaCy's tokenizer and sentencizer, medspaCy's TargetMatcher and ConText."""
    _quiet()
    import medspacy  # noqa: F401 - registers the medspacy_* pipeline factories
    import spacy
    from medspacy.context import ConTextRule
    from medspacy.ner import TargetRule

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", ";", "\n", "…"]})
    matcher = nlp.add_pipe("medspacy_target_matcher")
    matcher.add([TargetRule(phrase, label) for phrase, label in target_phrases(kb)])
    context = nlp.add_pipe("medspacy_context", config={"rules": "default"})
    ours = [*(ConTextRule(w, "NEGATED_EXISTENCE", direction="FORWARD") for w in NEGATION),
            *(ConTextRule(w, "POSSIBLE_EXISTENCE", direction="FORWARD") for w in POSSIBLE),
            *(ConTextRule(w, "HISTORICAL", direction="BIDIRECTIONAL") for w in HISTORICAL),
            *(ConTextRule(w, "FAMILY", direction="FORWARD") for w in FAMILY),
            *(ConTextRule(w, "TERMINATE", direction="TERMINATE") for w in TERMINATE),
            ConTextRule(", i", "TERMINATE", direction="TERMINATE",
                        pattern=[{"TEXT": ","}, {"LOWER": {"IN": ["i", "i'm", "my", "it"]}}]),
            ConTextRule("not sure", "POSSIBLE_EXISTENCE", direction="BIDIRECTIONAL")]
    context.add(ours)
    return nlp


def target_phrases(kb: KnowledgeBase) -> list[tuple[str, str]]:
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
