"""The shape of the knowledge files, validated strictly: an unknown key is an error.

Cross-references between files (a condition naming a finding, an advice item naming a source) are
checked in `validate.py`; this module checks each file on its own.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

TriageLevel = Literal["self_care", "routine", "urgent", "emergency"]
TRIAGE_ORDER: tuple[str, ...] = ("self_care", "routine", "urgent", "emergency")

Identifier = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
SourceId = Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    id: SourceId
    title: str
    url: str = Field(pattern=r"^https?://")
    publisher: str | None = None
    note: str | None = None


class Choice(Strict):
    value: Identifier
    label: str


class Finding(Strict):
    """Something a person can report: a yes/no, a number or a choice."""

    id: Identifier
    label: str
    question: str
    why: str
    group: Identifier
    type: Literal["boolean", "number", "choice"]
    warning_sign: bool = False
    unit: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[Choice, ...] = ()
    multiple: bool = False
    codes: dict[str, str] = Field(default_factory=dict)
    code_sources: tuple[SourceId, ...] = ()  # where a code was checked, when not in `sources`
    sources: tuple[SourceId, ...] = ()

    @model_validator(mode="after")
    def _type_fields_agree(self) -> Finding:
        if self.type == "choice" and not self.choices:
            raise ValueError("a choice finding needs choices")
        if self.type != "choice" and (self.choices or self.multiple):
            raise ValueError("only a choice finding may have choices or multiple")
        if self.type == "number" and (self.minimum is None or self.maximum is None):
            raise ValueError("a number finding needs minimum and maximum")
        if self.type != "number" and (self.minimum is not None or self.maximum is not None):
            raise ValueError("only a number finding may have minimum or maximum")
        return self

    def choice_values(self) -> tuple[str, ...]:
        return tuple(choice.value for choice in self.choices)


class Screen(Strict):
    """A grouped screening question over a few warning signs of one theme (screens.yaml): "none
    of these" answers every member as no; "yes" leads to asking the members one by one."""

    id: Identifier
    question: str
    why: str
    findings: tuple[Identifier, ...] = Field(min_length=1)
    sources: tuple[SourceId, ...] = ()


class Checklist(Strict):
    """A tick-all-that-apply question over related yes/no findings that are not warning signs
    (checklists.yaml): each ticked member is yes, each one left unticked is no."""

    id: Identifier
    question: str
    why: str
    findings: tuple[Identifier, ...] = Field(min_length=2)
    sources: tuple[SourceId, ...] = ()


class Test(Strict):
    """A test of one finding; three-valued: true, false or unknown (the finding was not given).

    With no operator, a boolean finding is tested for being present. `unknown_as` lets a rule
    treat a missing answer as true or false on purpose (a cautious default for a warning sign).
    """

    finding: Identifier
    is_: Literal["present", "absent"] | None = Field(default=None, alias="is")
    equals: str | None = None
    in_: tuple[str, ...] | None = Field(default=None, alias="in")
    at_least: float | None = None
    below: float | None = None
    unknown_as: bool | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _one_kind_of_test(self) -> Test:
        kinds = [self.is_ is not None, self.equals is not None, self.in_ is not None,
                 self.at_least is not None or self.below is not None]
        if sum(kinds) > 1:
            raise ValueError("use one of is, equals, in, or at_least/below")
        return self


class FactorTest(Strict):
    """True when the contributing factor was found (or, with `any_factor`, any factor)."""

    factor: Identifier | None = None
    any_factor: bool | None = None

    @model_validator(mode="after")
    def _one(self) -> FactorTest:
        if (self.factor is None) == (self.any_factor is None):
            raise ValueError("give exactly one of factor or any_factor")
        return self


class All(Strict):
    all: tuple[Expression, ...] = Field(min_length=1)


class Any_(Strict):
    any: tuple[Expression, ...] = Field(min_length=1)


class Not(Strict):
    not_: Expression = Field(alias="not")
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


Expression = All | Any_ | Not | Test | FactorTest
All.model_rebuild()
Any_.model_rebuild()
Not.model_rebuild()


class Band(Strict):
    """A range of a number finding, from `at_least` (inclusive) to `below` (exclusive)."""

    at_least: float | None = None
    below: float | None = None
    ratio: float = Field(gt=0)


class Evidence(Strict):
    """How much one finding changes the odds of a condition, and the source for it."""

    finding: Identifier
    present: float | None = Field(default=None, gt=0)
    absent: float | None = Field(default=None, gt=0)
    values: dict[str, float] = Field(default_factory=dict)
    bands: tuple[Band, ...] = ()
    source: SourceId
    note: str | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Evidence:
        boolean = self.present is not None or self.absent is not None
        kinds = [boolean, bool(self.values), bool(self.bands)]
        if sum(kinds) != 1:
            raise ValueError("give present/absent ratios, or values, or bands (exactly one kind)")
        if any(ratio <= 0 for ratio in self.values.values()):
            raise ValueError("every ratio must be above 0")
        return self


class UnexplainedWarningSigns(Strict):
    """For a benign explanation: each present warning sign that its own evidence does not name
    makes it less likely to be the whole story (benign causes are diagnoses of exclusion)."""

    ratio: float = Field(gt=0, lt=1)
    source: SourceId
    note: str


class Codes(Strict):
    icd10cm: tuple[str, ...] = ()
    snomed_ct: tuple[str, ...] = ()
    hpo: tuple[str, ...] = ()
    note: str | None = None


class Condition(Strict):
    id: Identifier
    name: str
    summary: str
    prior: float = Field(gt=0, lt=1)
    prior_basis: str
    triage_level: TriageLevel
    likely_threshold: float = Field(gt=0, lt=1)
    codes: Codes
    evidence: tuple[Evidence, ...] = Field(min_length=1)
    unexplained_warning_signs: UnexplainedWarningSigns | None = None
    advice: tuple[Identifier, ...] = ()
    questions_for_doctor: tuple[str, ...] = ()
    sources: tuple[SourceId, ...] = Field(min_length=1)


class Advice(Strict):
    id: Identifier
    text: str
    sources: tuple[SourceId, ...] = Field(min_length=1)


class Signal(Strict):
    """One way the answers point at a contributing factor; `evidence` may name {finding_id}."""

    when: Expression
    evidence: str


class Factor(Strict):
    id: Identifier
    name: str
    summary: str
    signals: tuple[Signal, ...] = Field(min_length=1)
    advice: tuple[Identifier, ...] = ()
    sources: tuple[SourceId, ...] = Field(min_length=1)


class RedFlag(Strict):
    """A warning-sign rule: when `when` holds, the triage is at least `level`."""

    id: Identifier
    name: str
    level: TriageLevel
    when: Expression
    reason: str
    suggests: tuple[Identifier, ...] = ()
    sources: tuple[SourceId, ...] = Field(min_length=1)


class PatternRule(Strict):
    when: Expression
    judgement: Literal["normal", "concerning"]
    reason: str
    sources: tuple[SourceId, ...] = Field(min_length=1)


class PatternRow(Strict):
    id: Literal["frequency", "intensity", "causes", "associated_symptoms"]
    label: str
    normal: str
    concerning: str
    rules: tuple[PatternRule, ...] = Field(min_length=1)


class LevelText(Strict):
    level: TriageLevel
    label: str
    headline: str
    action: str
    advice: str
    sources: tuple[SourceId, ...] = Field(min_length=1)


class Phrases(Strict):
    """How people say a finding in their own words: lay terms, spellings, misspellings, slang.

    `present` phrases mark a yes/no finding as present (negation then makes it absent), or for a
    number finding mention it (negated, "no coffee", it is 0); `absent` phrases say a yes/no
    finding is absent outright ("I can walk fine"); `topics` name the body function behind a
    yes/no finding ("balance", "bladder") and count only when called normal ("my balance is fine")
    or denied a problem ("no problems with my bladder"); `denied` phrases say nothing said plainly
    but, denied, make the finding absent ("no fits": no known epilepsy, whatever else "fits"
    means); `values` name a choice. `about: family` counts a phrase only when it is said of a
    relative ("my mum had ALS"). One stated fact may set several findings: a phrase may be an
    `absent`, `topics` or `denied` phrase of several findings, besides one `present` or `values`
    meaning. `other_meaning` phrases hold the finding's words but mean something else ("hay
    fever", "put my mind at rest"): they hide those words and say nothing. `carries` lists the
    more general findings that a present phrase of this one also states when it holds their own
    words: "my legs feel weak" is weakness in both legs, and
    weakness."""

    finding: Identifier
    present: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    denied: tuple[str, ...] = ()
    other_meaning: tuple[str, ...] = ()
    values: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    about: Literal["self", "family"] = "self"
    carries: tuple[Identifier, ...] = ()


class Medicine(Strict):
    """A medicine's names (generic and brand) and the classes of `medicine_change` it belongs to."""

    name: str
    also: tuple[str, ...] = ()
    classes: tuple[Identifier, ...] = Field(min_length=1)
    sources: tuple[SourceId, ...] = ()


class Manifest(Strict):
    version: str
    title: str
    disclaimer: str
    reviewed: str | None = None
