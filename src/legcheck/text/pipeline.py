"""The spaCy + medspaCy pipeline, built from the knowledge base's phrases and medicines.

The phrases are found by one spaCy PhraseMatcher keyed by label (medspaCy's TargetMatcher keys one
per phrase, which made the pipeline slow to build). Labels: `finding` (a yes/no finding, or a
mention of a number finding), `finding|absent`, `finding=value`, and `medicine=class+class`.
ConText marks each match as negated, uncertain, hypothetical, historical or about a relative, using
medspaCy's rules and ours below."""

from __future__ import annotations

import itertools
import logging
import re
import sys
import types
import warnings
from collections.abc import Mapping, Sequence
from typing import Any

from legcheck.knowledge import KnowledgeBase
from legcheck.text.scope import HEDGE, SOFT_HEDGES
from legcheck.text.typos import Speller
from legcheck.text.wordforms import phrase_variants, use_word_keys

SPANS = "legcheck_phrases"  # the span group the matcher fills
MEANINGS = ";"  # between the meanings of one phrase
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
            "no problem with", "no trouble with", "no difficulty", "lack of", "nor any",
            "no feeling of", "no feelings of", "no sensation of", "no sense of"]
# said after what they deny: "numbness? not at all", "weakness isn't an issue"
NEGATION_AFTER = ["not at all", "none at all", "not a problem", "isn't a problem",
                  "not an issue", "isn't an issue", "is absent", "are absent"]
# said right after what they deny, reaching back only a few words: "numbness hasn't happened",
# "weakness hasn't been an issue", "slurring: not that I've noticed" (and "pain-free", below)
PROBLEM_NOUNS = ["a problem", "an issue", "a concern", "a thing", "an issue for me",
                 "a problem for me"]
DENIED_AFTER = ["not present", "not there", "nowhere to be seen", "none to speak of",
                "never an issue", "never a problem", "not that i've noticed",
                "not that i have noticed", "not something i have", "isn't something i have",
                "is not something i have", "isn't something i've had", "not something i get",
                "isn't something i get", "not something i suffer from",
                "not that ive noticed", "not something i've had", "not something i've noticed",
                "not something i have had", "not something i've experienced",
                # hedged answers: "weakness? not that I know of", "numbness - don't think so"
                "not that i know of", "not that i'm aware of", "not that im aware of",
                "not that i am aware of", "not as far as i know", "not as far as i can tell",
                "not to my knowledge", "none that i know of", "none that i've noticed",
                "none that ive noticed", "don't think so", "dont think so", "i don't think so",
                "i dont think so", "i do not think so", "not so far", "none so far",
                "nothing like that", "nothing of the sort", "nothing of that sort",
                "not one bit", "not in the slightest", "not remotely"]
DENIED_AFTER_SCOPE = 5
# "numbness I haven't had", "weakness, I don't get": a denial closing its clause, after the finding
# it denies; not when more follows ("numbness I haven't had before" is new numbness)
DENIAL_CLOSING = (r"(?<![\w'])(?:(?:i |i've |ive |i have )?(?:do not|don't|dont|haven't|havent|"
                  r"have not|'ve not|not|never|hardly ever|rarely)\s+(?:had|have|get|got|"
                  r"noticed|felt|experienced|seen)|(?:i )?(?:have|had|get|got|'ve got|'ve had)"
                  r" none)(?:\s+(?:any|it|that|them|this|either|at all|"
                  r"so far|yet|really|thankfully|luckily|of (?:it|that|them)))*"
                  r"(?=\s*(?:$|[.,;!?\n)]))")
_CLOSING = re.compile(DENIAL_CLOSING)
# a short "no" answering what was just said: "numbness? no", "weakness - none", "fits: never",
# "weakness: N", "numbness: also no", "speech ❌"
ANSWER_NO = ["no", "nope", "nah", "never", "none", "not", "negative", "nil", "don't", "dont",
             "do", "also", "n", "nada", "zilch", "nothing", "definitely", "absolutely", "i"]
ANSWER = (r"(?:(?:[?:(=]|(?<=\s)[-–—]+)\s*"
          r"(?:(?:also|again|still|definitely|def|absolutely|nah|and|same|that's a|thats a)"
          r"[\s,]+)?"
          r"(?:no|nope|nah|never|none|nil|negative|not at all|not really|n|nada|zilch|absent|"
          r"no way|none whatsoever|none noted|not noticed|never had|not had|not present|"
          r"n/a(?![\w/])|n\.a\.)"
          r"(?:\s+(?:here|for me|so far|yet|whatsoever|at all|thankfully|luckily|really|noted|"
          r"seen|either|though|as far as i know))?"
          r"|\s*[✗✘❌×])"
          r"(?=\s*(?:$|[.,;!?\n)]|never|not at all|at all|not|none|again|either|too))")
# a closing "none" after a comma answers what was just named: "numbness, none"
COMMA_ANSWER = (r",\s*(?:none|nil|nope|nada)(?:\s+(?:at all|whatsoever|really|so far))?"
                r"(?=\s*(?:$|[.;!?\n]))")
# a dash between words ends a statement, unless an answer follows it ("numbness - none")
DASH = (r"(?<=\s)[-–—]+(?=\s)(?!\s*(?:i\s+|i've\s+|ive\s+)?(?:no|nope|nah|never|none|not|n|"
        r"nil|nada|zilch|nothing|also no|absent|\w+n'?t|(?:do|have|has) not)\b)")
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
                   "doesn't feel normal", "don't know", "didn't know", "not much better",
                   # a comparison with the past says the finding is there: "never been this
                   # confused", "never felt so weak"
                   "never been this", "never been so", "never been as", "never felt this",
                   "never felt so", "never felt as", "never had it this", "never had it so",
                   # a comparison with the past is not a past episode: "peeing less than I used to"
                   "than i used to", "than it used to", "than they used to", "than he used to",
                   "than she used to", "than i'm used to", "than im used to",
                   # "stretching did nothing": what did not help, not a denial of what follows
                   "did nothing", "does nothing", "do nothing"]
POSSIBLE = ["scared it could be", "scared it's", "scared its", "scared of", "afraid of",
            "scared it", "scared that", "scared this", "afraid that", "afraid this",
            "frightened it", "frightened of", "worried this", "terrified it", "petrified",
            "what about", "does this mean", "could this mean", "would that mean",
            "afraid it", "worried it", "worried about", "worried that", "worried i", "terrified",
            "fear", "paranoid", "could it be", "could this be", "is it", "is this",
            "what if", "could be", "could have", "in case", "what would it mean",
            "would that mean", "would it mean", "what does it mean if", "if i had", "if i got",
            "ruled out", "rule out", "google", "googled", "read that", "read about",
            "convinced", "think it's", "think its", "sign of", "signs of",
            "symptom of", "symptoms of", "chance of", "risk of"]
HISTORICAL = ["as a child", "as a kid", "when i was young", "when i was a kid", "years ago",
              "in the past", "used to", "once had", "back in", "childhood", "as a teenager",
              "as a toddler", "as a baby", "as an infant", "when i was little",
              "when i was small", "in my teens", "as a teen"]
FAMILY = ["mum has", "mum had", "mom has", "mom had", "dad has", "dad had", "mother has",
          "mother had", "father has", "father had", "brother has", "brother had", "sister has",
          "sister had", "mum's got", "dad's got", "my mum", "my mom", "my mother", "my dad",
          "my father", "my sister", "my brother", "sis", "my sis", "big sis", "little sis",
          "my bro", "big bro", "little bro",
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
# words that start a new statement in a run-on when they follow a phrase straight away
NEW_SUBJECT = {"i", "i'm", "im", "i've", "ive", "i'd", "my", "it's", "its", "his", "her",
               "their", "he's", "she's", "they're", "we"}
BODY_WORDS_BEFORE = ["the", "both", "left", "right", "one", "either", "his", "her", "our"]
BODY_PARTS = ["calf", "calves", "calfs", "leg", "legs", "thigh", "thighs", "foot", "feet", "arm",
              "arms", "shin", "shins", "toe", "toes", "knee", "knees", "hamstring", "hamstrings",
              "quad", "quads", "muscle", "muscles", "eyelid", "bicep", "biceps"]
# ", left calf ..." starts a new statement, unless the list of denied things goes on with "or"
# ("no weakness, leg pain or numbness")
# (not a symptom named by its body part, which goes on with the list: "no weakness, muscle loss")
SYMPTOM_NOUNS = ("loss|wasting|wastage|weakness|pain|pains|ache|aches|cramp|cramps|cramping|"
                 "stiffness|numbness|tingling|problems?|issues?|trouble|swelling")
BODY_CLAUSE = (rf",(?=\s+(?:(?:{'|'.join(BODY_WORDS_BEFORE)})\s+)?(?:{'|'.join(BODY_PARTS)})\b"
               rf"(?!\s+(?:{SYMPTOM_NOUNS})\b))"
               r"(?![^.;!?\n]*\b(?:or|nor)\b)")
TERMINATE = ["but", "however", "although", "though", "except", "yet", "and", "apart from",
             "other than", "so", "which", "whereas", "while", "just", "only", "rather",
             "instead", "more like", "more a", "because", "cos", "plus", "also", "still",
             "besides", "then", "now", "unless", "until", "anyway"]


def _shouted_contractions(nlp: Any) -> None:
    """"DON'T", "CAN'T" split like "don't" ("do" + "n't"), so a shouted denial still denies:
    spaCy's English exceptions cover lower case and a capital first letter only."""
    from spacy.attrs import NORM, ORTH

    for said, tokens in list(nlp.tokenizer.rules.items()):
        shouted = said.upper()
        if "'" not in said or not said.islower() or shouted in nlp.tokenizer.rules:
            continue
        split = [{ORTH: token[ORTH].upper(), NORM: token.get(NORM, token[ORTH].lower())}
                 for token in tokens]
        if "".join(token[ORTH] for token in split) == shouted:
            nlp.tokenizer.add_special_case(shouted, split)


def _plus_between_words(nlp: Any) -> None:
    """"cramps+tired" is two words, as people use "+" for "and"."""
    from spacy.util import compile_infix_regex

    infixes = [*nlp.Defaults.infixes, r"(?<=[a-zA-Z])\+(?=[a-zA-Z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def denied_after() -> list[str]:
    """Denials that follow what they deny: "X hasn't happened", "X isn't a problem"."""
    said = list(DENIED_AFTER)
    for verb in ("has", "have", "is", "are", "was", "were"):
        for no in (f"{verb}n't", f"{verb}nt", f"{verb} not"):
            said += [f"{no} {noun}" for noun in PROBLEM_NOUNS]
            said += [f"{no} been {noun}" for noun in PROBLEM_NOUNS if verb in ("has", "have")]
            said += [f"{no} {done}" for done in ("happened", "occurred", "been noticed",
                                                 "come up", "shown up", "been happening",
                                                 "started", "started yet", "begun", "set in")
                     if verb in ("has", "have")]
    return list(dict.fromkeys(said))


def build_pipeline(kb: KnowledgeBase) -> Any:
    """spaCy's tokenizer, sentencizer and PhraseMatcher (PhraseTargets), medspaCy's ConText."""
    _quiet()
    _import_medspacy()
    import spacy
    from medspacy.context import ConTextRule

    _register_components()
    nlp = spacy.blank("en")
    _shouted_contractions(nlp)
    _plus_between_words(nlp)
    use_word_keys(nlp, Speller(known_words(kb)).correct)
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", ";", "\n", "…"]})
    nlp.add_pipe("legcheck_answers")
    nlp.add_pipe("legcheck_phrases").add(target_phrases(kb))
    nlp.add_pipe("legcheck_run_ons")
    nlp.add_pipe("legcheck_outermost", config={"carries": {
        entry.finding: list(entry.carries) for entry in kb.phrases if entry.carries}})
    context = nlp.add_pipe("medspacy_context", config={
        "rules": None, "phrase_matcher_attr": "NORM", "input_span_type": "group",
        "span_group_name": SPANS})
    context.add(_default_context_rules(nlp, context))
    ours = [*(ConTextRule(w, "NEGATED_EXISTENCE", direction="FORWARD") for w in NEGATION),
            *(ConTextRule(w, "POSSIBLE_EXISTENCE", direction="FORWARD") for w in POSSIBLE),
            *(ConTextRule(w, HEDGE, direction="FORWARD") for w in SOFT_HEDGES),
            *(ConTextRule(w, "HISTORICAL", direction="BIDIRECTIONAL") for w in HISTORICAL),
            *(ConTextRule(w, "FAMILY", direction="FORWARD") for w in FAMILY),
            *(ConTextRule(w, "TERMINATE", direction="TERMINATE") for w in TERMINATE),
            *(ConTextRule(w, "NEGATED_EXISTENCE", direction="BACKWARD") for w in NEGATION_AFTER),
            *(ConTextRule(w, "PSEUDO", direction="PSEUDO") for w in pseudo_negations(kb)),
            ConTextRule("a dash between words", "TERMINATE", direction="TERMINATE",
                        pattern=DASH),
            ConTextRule("an answer: no", "NEGATED_EXISTENCE", direction="BACKWARD",
                        pattern=ANSWER),
            ConTextRule("X, none", "NEGATED_EXISTENCE", direction="BACKWARD", max_scope=3,
                        pattern=COMMA_ANSWER),
            ConTextRule("X I haven't had", "NEGATED_EXISTENCE", direction="BACKWARD",
                        max_scope=DENIED_AFTER_SCOPE, pattern=DENIAL_CLOSING),
            ConTextRule("x-free", "NEGATED_EXISTENCE", direction="BACKWARD", max_scope=2,
                        pattern=[{"TEXT": {"IN": ["-", "–"]}, "OP": "?"}, {"LOWER": "free"}]),
            *(ConTextRule(phrase, "NEGATED_EXISTENCE", direction="BACKWARD",
                          max_scope=DENIED_AFTER_SCOPE) for phrase in denied_after()),
            ConTextRule(", i", "TERMINATE", direction="TERMINATE",
                        pattern=[{"TEXT": ","}, {"LOWER": {"IN": NEW_CLAUSE}}]),
            ConTextRule(", calf", "TERMINATE", direction="TERMINATE", pattern=BODY_CLAUSE),
            ConTextRule("not sure", "POSSIBLE_EXISTENCE", direction="BIDIRECTIONAL")]
    context.add([phrase_rule for rule in ours for phrase_rule in as_phrase_rules(nlp, rule)])
    return nlp


# medspaCy's own ": no" and ": none" deny what comes before the colon even when a list of denials
# follows it ("what I told them: no fever, no rash" denied nothing); ANSWER does their work and
# looks at what follows
REPLACED_DEFAULTS = {": no", ": none"}


def _import_medspacy() -> None:
    """Import medspaCy (which registers its pipeline factories). medspaCy imports QuickUMLS, a UMLS
    concept finder we do not use, only to register it, and QuickUMLS imports NLTK and SciPy: most
    of a second of start-up. A stand-in takes its place while medspaCy loads, and is then removed,
    so that a later `import quickumls` gets the real one."""
    if "medspacy" in sys.modules or "quickumls" in sys.modules:
        import medspacy
        return
    stand_in = types.ModuleType("quickumls")
    stand_in.spacy_component = None  # type: ignore[attr-defined]
    sys.modules["quickumls"] = stand_in
    try:
        import medspacy  # noqa: F401
    finally:
        if sys.modules.get("quickumls") is stand_in:
            del sys.modules["quickumls"]


def _default_context_rules(nlp: Any, context: Any) -> list[Any]:
    from medspacy.context import ConTextRule

    return [phrase_rule for rule in ConTextRule.from_json(context.DEFAULT_RULES_FILEPATH)
            if rule.literal not in REPLACED_DEFAULTS
            for phrase_rule in as_phrase_rules(nlp, rule)]


def as_phrase_rules(nlp: Any, rule: Any) -> list[Any]:
    """A ConText rule whose token pattern only lists words ("was|is|are" "negative|neg"), as one
    rule per phrase it can match: spaCy's PhraseMatcher finds those in one pass, where its token
    Matcher tried every pattern at every word (most of the time spent reading a text). Other
    rules are kept as they are."""
    from medspacy.context import ConTextRule

    phrases = _pattern_phrases(nlp, rule.pattern) if isinstance(rule.pattern, list) else None
    if phrases is None:
        return [rule]
    return [ConTextRule(phrase, rule.category, direction=rule.direction, on_match=rule.on_match,
                        on_modifies=rule.on_modifies, allowed_types=rule.allowed_types,
                        excluded_types=rule.excluded_types, max_scope=rule.max_scope,
                        max_targets=rule.max_targets, terminated_by=rule.terminated_by or None,
                        metadata=rule.metadata)
            for phrase in phrases]


def _pattern_phrases(nlp: Any, pattern: list[dict[str, Any]]) -> list[str] | None:
    """Every phrase a token pattern of LOWER or TEXT words (each may be optional) matches, or None
    for any other pattern. A listed "word" our tokenizer splits ("i've", "risks of") can never
    match one token and is left out, as spaCy's Matcher leaves it out."""
    choices: list[list[str]] = []
    for token in pattern:
        said = {key: value for key, value in token.items() if key != "OP"}
        if token.get("OP", "") not in ("", "?") or len(said) != 1:
            return None
        ((attr, value),) = said.items()
        if attr not in ("LOWER", "TEXT"):
            return None
        if isinstance(value, dict) and set(value) == {"IN"}:
            value = value["IN"]
        words = [value] if isinstance(value, str) else value
        if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
            return None
        words = [word for word in words if len(nlp.make_doc(word)) == 1]
        choices.append([*words, ""] if token.get("OP") == "?" else words)
    phrases = {" ".join(word for word in words if word) for words in itertools.product(*choices)}
    return sorted(phrase for phrase in phrases if phrase)


def known_words(kb: KnowledgeBase) -> set[str]:
    """Every word of the phrases and of our ConText rules: what a misspelt word may stand for."""
    said = [phrase for phrase, _ in target_phrases(kb)]
    said += [*NEGATION, *NEGATION_AFTER, *DENIED_AFTER, *PSEUDO_NEGATION, *POSSIBLE, *HISTORICAL,
             *FAMILY, *TERMINATE, *SOFT_HEDGES]
    return {word for phrase in said for word in re.findall(r"[a-z]+", phrase.lower())}


class PhraseTargets:
    """Every phrase of the knowledge base found in a doc, as a span labelled with its meanings, in
    the span group SPANS. Phrases are compared by NORM (each word's key, with typos mended)."""

    def __init__(self, nlp: Any) -> None:
        from spacy.matcher import PhraseMatcher

        self.tokenizer = nlp.tokenizer
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")

    def add(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Add (phrase, label) pairs; one matcher key per label."""
        by_label: dict[str, list[str]] = {}
        for phrase, label in pairs:
            by_label.setdefault(label, []).append(phrase)
        for label, phrases in by_label.items():
            self.matcher.add(label, list(self.tokenizer.pipe(phrases)))

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens import Span

        found = [Span(doc, start, end, label=key) for key, start, end in self.matcher(doc)]
        doc.spans[SPANS] = [*doc.spans.get(SPANS, []), *found]
        return doc


def _register_components() -> None:
    from spacy.language import Language

    if "legcheck_outermost" in Language.factories:
        return

    @Language.factory("legcheck_phrases")
    def _phrases(nlp: Any, name: str) -> PhraseTargets:
        return PhraseTargets(nlp)

    @Language.factory("legcheck_outermost", default_config={"carries": {}})
    def _outermost(nlp: Any, name: str, carries: dict[str, list[str]]) -> Any:
        def keep_outermost(doc: Any) -> Any:
            doc.spans[SPANS] = outermost(list(doc.spans.get(SPANS, [])), carries)
            return doc
        return keep_outermost

    @Language.component("legcheck_run_ons")
    def _run_ons(doc: Any) -> Any:
        """A new subject straight after a matched phrase, with no punctuation, starts a new
        statement: "no numbness my leg gave way" (the denial does not reach the leg)."""
        for span in doc.spans.get(SPANS, []):
            if span.end < len(doc) and doc[span.end].lower_ in NEW_SUBJECT \
                    and not doc[span.end - 1].is_punct \
                    and not _CLOSING.match(lower_of(doc), doc[span.end].idx):
                doc[span.end].is_sent_start = True  # but "numbness I haven't had" is one
        return doc

    @Language.component("legcheck_answers")
    def _answers(doc: Any) -> Any:
        """An answer after a short question stays in its sentence: "numbness? no", "weakness?
        nope", "any weakness? I don't think so"; not a denial after a real question ("what if
        it is ALS? I don't have any weakness")."""
        for token in doc[:-1]:
            following = doc[token.i + 1]
            if token.text == "?" and following.lower_ in ANSWER_NO and (
                    _short_question(doc, token.i)
                    or UNSURE.match(doc[token.i + 1:token.i + 4].text.lower())):
                following.is_sent_start = False
        return doc


def text_of(doc: Any) -> str:
    """The text a doc was read from, worked out once (spaCy's `doc.text` joins every token on
    each call, and the reader asks for it many times per text)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def lower_of(doc: Any) -> str:
    """The text a doc was read from, in lower case, worked out once; character for character, so
    that a token's offsets index it (a few letters, such as "İ", grow when lowered)."""
    lower = doc.user_data.get(_LOWER)
    if lower is None:
        text = text_of(doc)
        lower = text.lower()
        if len(lower) != len(text):
            lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        doc.user_data[_LOWER] = lower
    return lower


_TEXT, _LOWER = "legcheck.text", "legcheck.lower"


QUESTION_WORDS = {"what", "how", "why", "is", "could", "can", "would", "should", "does", "do",
                  "will", "am", "are", "if", "when", "who", "which", "did", "has", "have"}
SHORT_QUESTION = 4  # words: "any weakness?", "numbness in your legs?"
UNSURE = re.compile(r"(?:not sure|no idea|i'?m not sure|i don'?t know|i dunno|dunno)\b")


def _short_question(doc: Any, mark: int) -> bool:
    """The words before a question mark, back to the last sentence mark, are a short item asked
    about, not a question of the person's own."""
    start = mark
    while start > 0 and doc[start - 1].text not in (".", "!", "?", ";", "\n") \
            and "\n" not in doc[start - 1].text:
        start -= 1
    words = [t for t in doc[start:mark] if not t.is_punct]
    return len(words) <= SHORT_QUESTION and not (words and words[0].lower_ in QUESTION_WORDS)


def matches(doc: Any) -> list[Any]:
    """The phrases found in a read text, in text order (sorted once per text: the reader asks
    for them many times)."""
    if SPANS not in doc.spans:
        return []
    spans = doc.spans[SPANS]
    cached = doc.user_data.get(SPANS)
    if cached is None or cached[0] != len(spans):
        cached = doc.user_data[SPANS] = (len(spans), sorted(spans, key=lambda span: (
            span.start, span.end)))
    return list(cached[1])


def outermost(spans: list[Any], carries: Mapping[str, Sequence[str]] | None = None) -> list[Any]:
    """Matches not inside a longer one: "sudden jerks" hides "jerks", but two phrases that only
    share words ("my leg" and "leg jumped") both stand, each with its own meaning. A statement
    phrase ("no weakness") that a longer phrase carries on ("no weakness or numbness on one
    side") gives way to it. A general finding that a specific phrase carries stands inside it
    ("my legs feel weak": weakness in both legs, and weakness), and so does a time said at the end
    of a phrase of another finding ("kick all night")."""
    kept, seen = [], set()
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if not any(_hides(other, span, carries or {}) for other in spans) \
                and (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            kept.append(span)
    return kept


def _hides(other: Any, span: Any, carries: Mapping[str, Sequence[str]]) -> bool:
    if len(other) <= len(span) or other.end <= span.start or span.end <= other.start:
        return False
    if _value_of_another_finding(span, other) or _carried(span, other, carries):
        return False  # "kick all night": seen by a partner, and all night; "legs feel weak"
    inside = other.start <= span.start and span.end <= other.end
    statement = all("|" in meaning for meaning in meanings(span.label_))
    return inside or (statement and span.start < other.start)


def _carried(span: Any, other: Any, carries: Mapping[str, Sequence[str]]) -> bool:
    """The inner phrase names a general finding the outer, more specific one carries."""
    outer = {carried_id for meaning in meanings(other.label_) if "|" not in meaning
             and "=" not in meaning for carried_id in carries.get(meaning, ())}
    return bool(outer) and all(meaning in outer for meaning in meanings(span.label_))


def _value_of_another_finding(span: Any, other: Any) -> bool:
    """The inner phrase gives a time of a finding the outer one is not about, at its end ("kick
    all night"; not "falling asleep at work").
    A place inside a phrase is part of what the phrase names ("bitten tongue"), not where the
    jerks are."""
    inner = meanings(span.label_)
    outer = {meaning.split("|")[0].split("=")[0] for meaning in meanings(other.label_)}
    return all(meaning.startswith("timing=") for meaning in inner) and "timing" not in outer \
        and span.end == other.end


def pseudo_negations(kb: KnowledgeBase) -> list[str]:
    """PSEUDO_NEGATION and every phrase that names a finding with a negation in it ("can't walk",
    "no strength", "won't stay still"): its "not" is the finding, not a denial of what follows."""
    own = [phrase for phrase, label in target_phrases(kb)
           if any("|" not in meaning for meaning in meanings(label))
           and NEGATING_WORD.search(phrase)]
    return list(dict.fromkeys([*PSEUDO_NEGATION, *own]))


def target_phrases(kb: KnowledgeBase) -> list[tuple[str, str]]:
    """(phrase, label) for every phrase of the knowledge base and its other spellings; a phrase
    with several meanings has their labels joined by ";" ("fits" is loss of awareness, and denied
    also says no known epilepsy); a variant another entry already claims keeps that meaning.
    Worked out once per knowledge base (the pipeline asks three times while it is built)."""
    known = _TARGETS.get(id(kb))
    if known is None or known[0] is not kb:
        known = _TARGETS[id(kb)] = (kb, _target_phrases(kb))
    return list(known[1])


_TARGETS: dict[int, tuple[KnowledgeBase, list[tuple[str, str]]]] = {}


def _target_phrases(kb: KnowledgeBase) -> list[tuple[str, str]]:
    labels: dict[str, list[str]] = {}
    for phrase, label in _knowledge_phrases(kb):
        said = labels.setdefault(phrase.lower(), [])
        if label not in said:
            said.append(label)
    variants: dict[str, list[str]] = {}
    for phrase, said in labels.items():
        for variant in phrase_variants(phrase):
            if variant not in labels:
                variants.setdefault(variant, said)
    return [(phrase, MEANINGS.join(said)) for phrase, said in {**labels, **variants}.items()]


def meanings(label: str) -> list[str]:
    """The meanings one matched phrase carries."""
    return label.split(MEANINGS)


def _knowledge_phrases(kb: KnowledgeBase) -> list[tuple[str, str]]:
    pairs = []
    for entry in kb.phrases:
        pairs += [(phrase, entry.finding) for phrase in entry.present]
        pairs += [(phrase, f"{entry.finding}|absent") for phrase in entry.absent]
        pairs += [(phrase, f"{entry.finding}|topic") for phrase in entry.topics]
        pairs += [(phrase, f"{entry.finding}|denied") for phrase in entry.denied]
        pairs += [(phrase, f"{entry.finding}|nothing") for phrase in entry.other_meaning]
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
