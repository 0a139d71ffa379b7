"""Moving that brings no relief, said in the many ways people say it: "walking around doesn't help
at all", "stretching it makes no difference", "it won't let go no matter how much I stretch",
"wouldn't ease even when we stretched it", "no relief from walking". Each says the finding
`relieved_by_moving` is absent. Not when the sentence goes on to say that some moving does help
("stretching doesn't help but walking does"), nor in a question or a condition ("if walking
doesn't help, ..."), nor for sitting, lying or resting (which are not moving)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from legcheck.text.numbers import Quantity

_MOVE = (r"(?:walk(?:ing|ed|s)?|moving|move|moved|movement|stretch(?:ing|ed|es)?|"
         r"getting up|get(?:ting)? up and walk(?:ing)?|pac(?:ing|ed)|kick(?:ing)? (?:them|it)|"
         r"rubbing (?:and|or) stretching)")
_OBJECT = r"(?:\s+(?:it|them|my legs?|the legs?|the calf|my calf|on it|it out|them out|it off|" \
          r"around|about|round|a bit|more))*"
_NO_HELP = (r"(?:(?:does|do|did|will|would|wo|is|are|was|were|has|have)(?:n'?t| not)|never|"
            r"not)\s+(?:even\s+|really\s+|seem to\s+|actually\s+)*"
            r"(?:help|helps|ease|ease it|relieve|relieve it|do anything|do a thing|work|"
            r"make (?:it|them|any|a|much)(?: any)? (?:better|difference|different)|"
            r"stop it|stop them|sort it|settle it|shift it|make it go(?: away)?)\b"
            r"|makes? (?:no|zero|little) difference|(?:is|are|was) (?:no help|useless|pointless)"
            r"|does nothing|(?:gives?|brings?) (?:me )?(?:no|zero) relief")
# the problem that will not go: "won't let go", "wouldn't ease", "doesn't budge"
_STAYS = (r"(?:wo|would|does|do|did)(?:n'?t| not)\s+(?:let go|ease|ease off|ease up|go|"
          r"go away|budge|shift|stop|settle|release|relax|loosen|improve|get better)")
_DESPITE = (r"(?:no matter (?:how much|what|how long|how hard|if)|even (?:when|if|after|though|"
            r"with)|despite|however much)")
# "doesn't go away when I walk": the plain time words, with the person straight after
_WHEN = r"(?:when|if|while|after|once)"
_WHO = r"(?:i|we|he|she|they|you|my \w+)(?:'ve|'d)?"
_PATTERNS = [
    # "walking around doesn't help at all", "stretching it out makes no difference"
    re.compile(rf"\b(?:even\s+)?{_MOVE}{_OBJECT}\s+(?:{_NO_HELP})"),
    # "it won't let go no matter how much I stretch", "wouldn't ease even when we stretched it"
    re.compile(rf"\b{_STAYS}\b[^.;!?\n]{{0,30}}?\b{_DESPITE}\s+(?:{_WHO}\s+)?(?:\w+\s+){{0,2}}?"
               rf"{_MOVE}\b|\b{_STAYS}\s+{_WHEN}\s+{_WHO}\s+(?:get up and\s+)?{_MOVE}\b"),
    # "no matter how much I walk, it won't ease"
    re.compile(rf"\b{_DESPITE}\s+(?:{_WHO}\s+)?(?:\w+\s+){{0,2}}?{_MOVE}\b[^.;!?\n]{{0,30}}?"
               rf"\b(?:{_STAYS}|{_NO_HELP})"),
    # "it makes no difference if I move", "it doesn't matter if I walk around"
    re.compile(rf"\b(?:makes? no difference|(?:does|do)(?:n'?t| not) (?:help|matter|make (?:a|any) "
               rf"difference)|(?:is|are)(?:n'?t| not) (?:any )?better|no better)\s+(?:even\s+)?"
               rf"(?:if|when|whether|once)\s+{_WHO}\s+(?:get up and\s+)?{_MOVE}\b"),
    # "no relief from walking", "nothing helps, not even walking"
    re.compile(rf"\b(?:no|without any|not any) relief (?:from|with|when|by|if)\s+(?:{_WHO}\s+)?"
               rf"{_MOVE}\b|\bnothing (?:helps|works|eases it|shifts it|budges it|touches it)"
               rf"\W+(?:not even\s+|not\s+)?{_MOVE}\b"),
    # "she cannot stretch it away", "couldn't walk it off"
    re.compile(rf"\b(?:can'?t|cannot|can not|could ?n'?t|unable to)\s+{_MOVE}\s+"
               rf"(?:(?:it|them)\s+)?(?:away|off|out)\b"),
    # a form's answer: "does walking help: no"
    re.compile(rf"\b{_MOVE}(?: about| around| round)? helps?\s*[:?\-–]\s*(?:no|nope|not really|"
               rf"never)\b"),
]
# what takes it back or makes it not a statement: "... but walking does", "if walking doesn't help"
_SOME_MOVING_HELPS = re.compile(rf"\b(?:but|though|although|whereas|while)\b[^.;!?\n]{{0,30}}?"
                                rf"\b{_MOVE}\b[^.;!?\n]{{0,20}}?\b(?:does|do|did|helps?|eases?|"
                                r"works?|better)\b(?!\s*(?:n'?t|not))")
_CONDITION = re.compile(r"\b(?:if|whether|unless|in case)\s+(?:\w+\s+){0,2}$")


# Moving that does bring relief, said either way round: "I have to get up and walk, which helps",
# "as soon as I get up and move they stop", "pacing fixes it", "walking about is the only thing
# that settles it"; "it goes within minutes if I walk it off", "better when walking". Not with a
# denial between ("walking doesn't really help"), and not a stop that eases it ("eases when I
# stop", which says that rest, not moving, brings relief).
_MOVING = (r"(?:walk(?:ing|ed|s)?|pac(?:e|es|ing|ed)|stretch(?:ing|es|ed)?|mov(?:e|es|ing|ed)|"
           r"wander(?:ing|s)? (?:round|around|about)|pull(?:ing)? (?:my |the )?(?:foot|toes) "
           r"(?:up|back|towards)|"
           r"get(?:ting)? up|got up|stand(?:ing)? up|flex(?:ing)?|rub(?:bing)?|kick(?:ing)?|"
           r"potter(?:ing)?|stamp(?:ing)?|march(?:ing)?|jiggl(?:e|ing)|shak(?:e|ing) (?:it|them) "
           r"out|massag(?:e|ing))")
_RELIEF = (r"(?:helps|helped|helping|eases?|eased|easing|relieves?|relieved|(?:brings?|gives?) "
           r"(?:me |some |a bit of )?relief|fix(?:es|ed)|sorts? (?:it|them)|settles? (?:it|them)|"
           r"(?:it|they|that|this) (?:goes|go|stops?|eases?|settles?|disappears?|calms? down)|"
           r"goes(?: away)?|go away|stops?|makes? (?:it|them) (?:better|go)|better|"
           r"calms? (?:it|them)|sorts? (?:me|it|them) out)")
_DENIAL = re.compile(r"\b(?:not|no|never|nothing|nor|without)\b|n't\b|\bdon|\bdoesn|\bwon|"
                     r"\bisn|\bwasn|\bdidn|\bsit(?:ting)?\b|\bsat\b|\blie\b|\blying\b|\brest")
_DENIED_BEFORE = re.compile(r"(?:n't|\bnot|\bnever|\bno|\bnothing)\s*(?:\w+\s*)?$")
_HELPS = [
    # the moving first: "get up and walk, which helps", "pacing fixes it"
    re.compile(rf"\b{_MOVING}\b(?P<between>[^.;!?\n]{{0,50}}?)\b{_RELIEF}\b"),
    # the relief first: "it goes if I walk it off", "better when walking", "eases once I move"
    re.compile(rf"\b(?:goes(?: away| off)?|go away|stops?|eases?(?: off)?|settles?|better|"
               rf"disappears?|relieved|helps)\s+(?P<between>(?:\w+\s+){{0,4}}?)(?:if|when|once|"
               rf"as soon as|whenever|while)\s+(?:i'?m\s+|i\s+|he\s+|she\s+|you\s+)?"
               rf"(?:\w+\s+){{0,2}}?{_MOVING}\b"),
]
# a form's answer: "does walking help: yes"
_FORM_YES = re.compile(rf"\b{_MOVING}(?: about| around| round)? helps?\s*[:?\-–]\s*(?:yes|yeah|yep|"
                       r"a bit|a little|sort of|definitely)\b")
# rest, not moving, that eases it: "my calves cramp when I walk and ease when I stop"
_EASED_BY_STOPPING = re.compile(r"\b(?:eases?|goes|go|stops?|better|settles?)\s+(?:off\s+|away\s+)?"
                                r"(?:when|once|if|as soon as)\s+i\s+(?:stop|rest|sit down)\b"
                                r"(?!\s+(?:and|to)\s+(?:stretch|walk|move|rub))")


def read_relief(text: str, today: date) -> Iterator[Quantity]:
    """relieved_by_moving: True when moving is said to help, False when it is said not to, or
    when stopping eases it (text in lower case)."""
    stopping = _EASED_BY_STOPPING.search(text)
    if stopping:
        yield Quantity("relieved_by_moving", False, stopping.group(0))
        return
    form = _FORM_YES.search(text)
    if form:
        yield Quantity("relieved_by_moving", True, form.group(0))
        return
    for pattern in _HELPS:
        for match in pattern.finditer(text):
            start = max(text.rfind(mark, 0, match.start()) for mark in ".;!?\n")
            if _DENIAL.search(match.group("between")) \
                    or _DENIED_BEFORE.search(text[start + 1:match.start()]):
                continue
            yield Quantity("relieved_by_moving", True, match.group(0).strip())
            return
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start = max(text.rfind(mark, 0, match.start()) for mark in ".;!?\n")
            end = min((i for i in (text.find(mark, match.end()) for mark in ".;!?\n")
                       if i >= 0), default=len(text))
            if _CONDITION.search(text[start + 1:match.start()]) or text[end:end + 1] == "?" \
                    or _SOME_MOVING_HELPS.search(text[match.end():end]):
                continue
            yield Quantity("relieved_by_moving", False, match.group(0).strip())
            return
