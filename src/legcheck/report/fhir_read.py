"""Read a legcheck FHIR R4 Bundle (report/fhir.py) back into the diary document that
diary/transfer.py imports, so an export -> import -> export round trip is exact.

Only what legcheck wrote is read: the legcheck codings and extensions name every element. Any
other bundle gets one clear error, never a half import."""

from __future__ import annotations

import json
from typing import Any

from legcheck.diary.transfer import FORMAT, VERSION
from legcheck.errors import InputError
from legcheck.report.fhir import (
    DAY_FIELDS,
    EXTENSION,
    FHIR_VERSION,
    LEGCHECK,
    VERSION_TAG,
)


def document_from_bundle(bundle: dict[str, Any]) -> dict[str, Any]:
    """The legcheck-diary document held in a bundle; InputError when it is not one of ours."""
    _validate(bundle)
    tags = (bundle.get("meta") or {}).get("tag") or []
    if not any(isinstance(t, dict) and t.get("system") == VERSION_TAG
               and t.get("code") == FHIR_VERSION for t in tags):
        raise InputError(f"the FHIR bundle was not written by legcheck for FHIR {FHIR_VERSION}")
    try:  # past this point every element is one legcheck wrote, or the bundle is refused
        resources = [entry["resource"] for entry in bundle.get("entry") or []]
        by_type: dict[str, list[dict[str, Any]]] = {}
        for resource in resources:
            by_type.setdefault(resource["resourceType"], []).append(resource)
        patients = by_type.get("Patient", [])
        answers = {r["identifier"]["value"]: r for r in by_type.get("QuestionnaireResponse", [])}
        observations = by_type.get("Observation", [])
        return {"format": FORMAT, "version": VERSION,
                "timezone": _extension(patients[0], "timezone") if patients else "UTC",
                "episodes": [_episode(o) for o in observations if _kind(o) == "episode-kind"],
                "days": [_day(o) for o in observations if _kind(o) == "day"],
                "checks": [_check(r, answers) for r in by_type.get("RiskAssessment", [])]}
    except (KeyError, IndexError, TypeError, ValueError, AttributeError, StopIteration) as error:
        raise InputError(f"the FHIR bundle is missing a legcheck element ({error})") from None


def _validate(bundle: dict[str, Any]) -> None:
    """Check the bundle's structure with fhir.resources (its R4B models: the same shape as R4
    for every resource legcheck writes)."""
    from fhir.resources.R4B.bundle import Bundle
    from pydantic import ValidationError

    try:
        Bundle.model_validate(bundle)
    except ValidationError as error:
        detail = error.errors()[0]
        where = ".".join(str(part) for part in detail["loc"])
        raise InputError(f"the file is not a valid FHIR bundle: {where}: {detail['msg']}") \
            from None


def _kind(observation: dict[str, Any]) -> str | None:
    first = observation["code"]["coding"][0]
    system = first.get("system", "")
    if not system.startswith(LEGCHECK):
        return None
    return system.removeprefix(LEGCHECK)


def _extension(resource: dict[str, Any], name: str) -> Any:
    for extension in resource.get("extension", []):
        if extension["url"] == EXTENSION + name:
            return next(v for k, v in extension.items() if k.startswith("value"))
    raise KeyError(f"extension {name} on {resource.get('id')}")


def _legcheck_code(concept: dict[str, Any], kind: str) -> str:
    return next(c["code"] for c in concept["coding"] if c.get("system") == LEGCHECK + kind)


def _identifier(resource: dict[str, Any]) -> int:
    identifier = resource["identifier"]
    return int((identifier[0] if isinstance(identifier, list) else identifier)["value"])


def _episode(observation: dict[str, Any]) -> dict[str, Any]:
    parts = {_legcheck_code(p["code"], "episode"): _value(p)
             for p in observation.get("component", [])}
    return {"id": _identifier(observation), "at": observation["effectiveDateTime"],
            "kind": _legcheck_code(observation["code"], "episode-kind"),
            "where": observation.get("bodySite", {}).get("text"),
            "intensity": parts.get("intensity"), "during": parts.get("during"),
            "duration_seconds": parts.get("duration_seconds"),
            "note": _note(observation), "timezone": _extension(observation, "timezone")}


def _day(observation: dict[str, Any]) -> dict[str, Any]:
    day: dict[str, Any] = {"id": _identifier(observation), "day": observation["effectiveDateTime"]}
    day |= dict.fromkeys(DAY_FIELDS)
    day |= {"medicines": [], "symptoms": [], "note": _note(observation)}
    for part in observation.get("component", []):
        codings = {c["system"]: c["code"] for c in part["code"]["coding"]}
        if LEGCHECK + "symptom" in codings:
            day["symptoms"].append(codings[LEGCHECK + "symptom"])
        elif codings.get(LEGCHECK + "day") == "medicine":
            day["medicines"].append(part["valueString"])
        else:
            day[codings[LEGCHECK + "day"]] = _value(part)
    return day


def _value(part: dict[str, Any]) -> Any:
    if "valueQuantity" in part:
        return part["valueQuantity"]["value"]
    return next(v for k, v in part.items() if k.startswith("value"))


def _note(resource: dict[str, Any]) -> str | None:
    notes = resource.get("note")
    return notes[0]["text"] if notes else None


def _check(risk: dict[str, Any], answers: dict[str, dict[str, Any]]) -> dict[str, Any]:
    check_id = _identifier(risk)
    result = json.loads(_extension(risk, "check-result"))
    response = answers[str(check_id)]
    text, given = None, {}
    for item in response.get("item", []):
        values = [next(v for k, v in a.items() if k.startswith("value"))
                  for a in item.get("answer", [])]
        if item["linkId"] == "description":
            text = values[0]
            continue
        listed = any(e["url"] == EXTENSION + "list" for e in item.get("extension", []))
        given[item["linkId"]] = values if listed else (values[0] if values else None)
    return {"id": check_id, "at": risk["occurrenceDateTime"],
            "timezone": _extension(risk, "timezone"),
            "knowledge_version": result.get("knowledge_version") if isinstance(result, dict)
            else None,  # an odd result is refused by the import, with the reason
            "text": text, "answers": given,
            "result": result}
