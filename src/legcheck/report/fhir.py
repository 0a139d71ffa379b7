"""The diary as a FHIR R4 Bundle: the person (Patient), each episode and each day's context
(Observation), and each saved check (QuestionnaireResponse with its questions and answers, and a
provisional RiskAssessment with the triage and the ranked conditions).

Built from the lossless diary document (diary/transfer.py), and read back by fhir_read.py into the
same document, so `legcheck import` restores exactly what was exported. Codes (SNOMED CT, HPO,
ICD-10-CM, LOINC) come from the knowledge base; a legcheck coding (system `urn:legcheck:...`)
beside them names what each element is, so nothing depends on a code being unique. Pure."""

from __future__ import annotations

import json
import uuid
from typing import Any

from legcheck.diary.check_result import readable
from legcheck.diary.findings import KIND_FINDINGS
from legcheck.knowledge import KnowledgeBase

FHIR_VERSION = "4.0.1"  # FHIR R4, the one version this module writes and reads
SYSTEMS = {"snomed_ct": "http://snomed.info/sct", "hpo": "http://human-phenotype-ontology.org",
           "icd10cm": "http://hl7.org/fhir/sid/icd-10-cm", "loinc": "http://loinc.org"}
UCUM = "http://unitsofmeasure.org"
LEGCHECK = "urn:legcheck:"
EXTENSION = "urn:legcheck:extension:"
VERSION_TAG = "urn:legcheck:fhir-version"
NAMESPACE = uuid.UUID("5b0e1f8e-7c1a-4a55-9a59-6c8f3f0a2d11")  # for stable urn:uuid fullUrls

# Day fields: the finding whose codes apply (if any), the words, and the unit (UCUM code or None).
DAY_FIELDS: dict[str, tuple[str | None, str, str | None, str]] = {
    "caffeine_cups": ("caffeine_cups_per_day", "caffeinated drinks", None, "cups"),
    "alcohol_units": (None, "alcohol", None, "units"),
    "sleep_hours": ("sleep_hours", "sleep last night", "h", "h"),
    "stress": ("stress_level", "stress (0-10)", None, ""),
    "exercise_minutes": (None, "exercise", "min", "min"),
    "fluids_litres": ("fluids_litres_per_day", "fluids drunk", "L", "L"),
}
EPISODE_PARTS = {"intensity": "intensity (0-10)", "during": "what the person was doing",
                 "duration_seconds": "how long it lasted"}


def bundle(document: dict[str, Any], knowledge: KnowledgeBase) -> dict[str, Any]:
    """The FHIR Bundle (type collection) for a legcheck-diary document."""
    patient = {"resourceType": "Patient", "id": "person",
               "extension": [_text_extension("timezone", document["timezone"])]}
    resources = [patient]
    resources += [_episode(e, knowledge) for e in document["episodes"]]
    resources += [_day(d, knowledge) for d in document["days"]]
    for saved in document.get("checks", []):
        resources += _check(saved, knowledge)
    return {"resourceType": "Bundle", "id": "legcheck-diary",
            "meta": {"tag": [{"system": VERSION_TAG, "code": FHIR_VERSION}]},
            "type": "collection",
            "entry": [{"fullUrl": full_url(r["id"]), "resource": r} for r in resources]}


def dumps(bundle_: dict[str, Any]) -> str:
    return json.dumps(bundle_, indent=2, ensure_ascii=False) + "\n"


def full_url(resource_id: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, resource_id)}"


def _subject() -> dict[str, str]:
    return {"reference": full_url("person")}


def _text_extension(name: str, value: str) -> dict[str, str]:
    return {"url": EXTENSION + name, "valueString": value}


def _codings(codes: dict[str, Any]) -> list[dict[str, str]]:
    """Every code the knowledge base gives, in a fixed order of systems."""
    codings = []
    for system, url in SYSTEMS.items():
        values = codes.get(system, ())
        for code in [values] if isinstance(values, str) else values:
            codings.append({"system": url, "code": code})
    return codings


def _concept(codes: dict[str, Any], text: str) -> dict[str, Any]:
    codings = _codings(codes)
    return ({"coding": codings} if codings else {}) | {"text": text}


def _legcheck(kind: str, code: str, display: str | None = None) -> dict[str, str]:
    coding = {"system": LEGCHECK + kind, "code": code}
    return coding | ({"display": display} if display else {})


def _episode(episode: dict[str, Any], knowledge: KnowledgeBase) -> dict[str, Any]:
    finding = knowledge.findings[KIND_FINDINGS[episode["kind"]]]
    resource: dict[str, Any] = {
        "resourceType": "Observation", "id": f"episode-{episode['id']}",
        "extension": [_text_extension("timezone", episode["timezone"])],
        "identifier": [{"system": LEGCHECK + "episode", "value": str(episode["id"])}],
        "status": "final",
        "code": {"coding": [_legcheck("episode-kind", episode["kind"]),
                            *_codings(finding.codes)],
                 "text": f"leg {episode['kind']}: {finding.label}"},
        "subject": _subject(), "effectiveDateTime": episode["at"]}
    if episode.get("where"):
        resource["bodySite"] = {"text": episode["where"]}
    if episode.get("note"):
        resource["note"] = [{"text": episode["note"]}]
    parts = [_episode_part(name, episode[name]) for name in EPISODE_PARTS
             if episode.get(name) is not None]
    if parts:
        resource["component"] = parts
    return resource


def _episode_part(name: str, value: Any) -> dict[str, Any]:
    part: dict[str, Any] = {"code": {"coding": [_legcheck("episode", name)],
                                     "text": EPISODE_PARTS[name]}}
    if name == "intensity":
        part["valueInteger"] = value
    elif name == "during":
        part["valueString"] = value
    else:
        part["valueQuantity"] = {"value": value, "unit": "s", "system": UCUM, "code": "s"}
    return part


def _day(day: dict[str, Any], knowledge: KnowledgeBase) -> dict[str, Any]:
    parts = [_day_part(name, day[name], knowledge) for name in DAY_FIELDS
             if day.get(name) is not None]
    parts += [{"code": {"coding": [_legcheck("day", "medicine")], "text": "medicine taken"},
               "valueString": medicine} for medicine in day["medicines"]]
    parts += [_symptom(symptom, knowledge) for symptom in day["symptoms"]]
    resource: dict[str, Any] = {
        "resourceType": "Observation", "id": f"day-{day['id']}",
        "identifier": [{"system": LEGCHECK + "day", "value": str(day["id"])}],
        "status": "final",
        "code": {"coding": [_legcheck("day", "context")],
                 "text": "the day's context, as the person logged it"},
        "subject": _subject(), "effectiveDateTime": day["day"]}
    if day.get("note"):
        resource["note"] = [{"text": day["note"]}]
    if parts:
        resource["component"] = parts
    return resource


def _day_part(name: str, value: Any, knowledge: KnowledgeBase) -> dict[str, Any]:
    finding_id, words, ucum, unit = DAY_FIELDS[name]
    codes = knowledge.findings[finding_id].codes if finding_id else {}
    part: dict[str, Any] = {"code": {"coding": [_legcheck("day", name), *_codings(codes)],
                                     "text": words}}
    if name == "stress":
        part["valueInteger"] = value
        return part
    quantity: dict[str, Any] = {"value": value, "unit": unit}
    if ucum:
        quantity |= {"system": UCUM, "code": ucum}
    part["valueQuantity"] = quantity
    return part


def _symptom(symptom: str, knowledge: KnowledgeBase) -> dict[str, Any]:
    finding = knowledge.findings.get(symptom)
    codes = finding.codes if finding else {}
    return {"code": {"coding": [_legcheck("symptom", symptom), *_codings(codes)],
                     "text": finding.label if finding else symptom.replace("_", " ")},
            "valueBoolean": True}


def _check(saved: dict[str, Any], knowledge: KnowledgeBase) -> list[dict[str, Any]]:
    answers_id = f"check-{saved['id']}-answers"
    extension = [_text_extension("timezone", saved["timezone"])]
    answers = {"resourceType": "QuestionnaireResponse", "id": answers_id,
               "extension": extension,
               "identifier": {"system": LEGCHECK + "check", "value": str(saved["id"])},
               "status": "completed", "subject": _subject(), "authored": saved["at"]}
    items = _answer_items(saved, knowledge)
    if items:
        answers["item"] = items
    return [answers, _risk(saved, answers_id)]


def _answer_items(saved: dict[str, Any], knowledge: KnowledgeBase) -> list[dict[str, Any]]:
    items = []
    if saved.get("text") is not None:
        items.append({"linkId": "description", "text": "Your leg jerks in your own words",
                      "answer": [{"valueString": saved["text"]}]})
    for finding_id, value in saved["answers"].items():
        finding = knowledge.findings.get(finding_id)
        item: dict[str, Any] = {"linkId": finding_id}
        if finding:
            item["text"] = finding.question
        if isinstance(value, list):
            item["extension"] = [{"url": EXTENSION + "list", "valueBoolean": True}]
        values = value if isinstance(value, list) else [value]
        if value is not None and values:
            item["answer"] = [_answer_value(v) for v in values]
        items.append(item)
    return items


def _answer_value(value: Any) -> dict[str, Any]:
    if isinstance(value, bool):
        return {"valueBoolean": value}
    if isinstance(value, int):
        return {"valueInteger": value}
    if isinstance(value, float):
        return {"valueDecimal": value}
    return {"valueString": str(value)}


def _risk(saved: dict[str, Any], answers_id: str) -> dict[str, Any]:
    result = saved["result"]
    risk: dict[str, Any] = {
        "resourceType": "RiskAssessment", "id": f"check-{saved['id']}",
        "extension": [_text_extension("timezone", saved["timezone"]),
                      _text_extension("check-result",
                                      json.dumps(result, ensure_ascii=False, sort_keys=True))],
        "identifier": [{"system": LEGCHECK + "check", "value": str(saved["id"])}],
        "status": "preliminary",
        "code": {"text": "Leg jerks check: triage and likely explanations (provisional, not a "
                         "diagnosis)"},
        "subject": _subject(), "occurrenceDateTime": saved["at"],
        "method": {"text": f"legcheck, knowledge base {saved['knowledge_version']}: prior odds "
                           f"times likelihood ratios of the findings; rough estimates"},
        "basis": [{"reference": full_url(answers_id)}]}
    if not readable(result):  # stored before imports were checked: kept whole, not read
        risk["note"] = [{"text": "The saved result of this check could not be read; it is "
                                 "kept as it was in the check-result extension."}]
        return risk
    triage = result["triage"]
    risk["extension"].insert(1, {"url": EXTENSION + "triage-level", "valueCode": triage["level"]})
    return {
        **risk,
        "prediction": [{"outcome": _concept(c.get("codes", {}), c["name"]),
                        "probabilityDecimal": c["likelihood"],
                        "rationale": f"rank {rank}; provisional rough likelihood, not a "
                                     f"diagnosis"}
                       for rank, c in enumerate(result["conditions"], start=1)],
        "mitigation": triage["advice"],
        "note": [{"text": f"Triage (provisional): {triage['level']}. "
                          + " ".join(triage["reasons"])},
                 {"text": result["disclaimer"]}]}
