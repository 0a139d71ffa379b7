"""The FHIR R4 export: what the bundle holds, that fhir.resources and the official R4 JSON schema
accept it, and that export -> import into an empty diary -> export is byte for byte the same
(once the ids, which an import gives anew, are counted from 1)."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bench.report import typical_store
from legcheck.cli import app
from legcheck.diary.database import connect
from legcheck.diary.store import DiaryStore
from legcheck.diary.transfer import export_document, export_json, import_document
from legcheck.errors import InputError
from legcheck.report.fhir import FHIR_VERSION, SYSTEMS, bundle, dumps
from legcheck.report.fhir_read import document_from_bundle

VALIDATOR = Path(__file__).resolve().parents[1] / "tools" / "fhir-validate"


@pytest.fixture(scope="module")
def typical(tmp_path_factory: pytest.TempPathFactory) -> DiaryStore:
    folder = tmp_path_factory.mktemp("fhir")
    store = typical_store(f"sqlite:///{folder / 'typical.sqlite3'}", datetime.now(UTC).date())
    store.add_episode(_episode_with_everything())
    return store


def _episode_with_everything():
    from legcheck.diary.entries import EpisodeIn

    return EpisodeIn(kind="cramp", at=datetime.now(UTC) - timedelta(hours=3), where="left-calf",
                     intensity=8, during="sleep", duration_seconds=42.5,
                     note="woke me; \"hard\" knot")


@pytest.fixture(scope="module")
def exported(typical: DiaryStore, kb) -> dict:
    return bundle(export_document(typical), kb)


def _resources(exported: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in exported["entry"] if e["resource"]["resourceType"] == kind]


def test_round_trip_is_byte_identical(typical: DiaryStore, exported: dict, kb,
                                      tmp_path: Path) -> None:
    text = dumps(exported)
    empty = DiaryStore(connect(f"sqlite:///{tmp_path / 'empty.sqlite3'}"), profile="me",
                       timezone_name="UTC")
    import_document(empty, document_from_bundle(json.loads(text)))
    # the import gives new ids (1, 2, ... in the order of the file, in an empty diary)
    assert dumps(bundle(export_document(empty), kb)) == dumps(
        bundle(renumbered(export_document(typical)), kb))
    assert renumbered(json.loads(export_json(empty))) \
        == renumbered(json.loads(export_json(typical)))  # nothing lost


def renumbered(document: dict) -> dict:
    """The export with each list's ids counted 1, 2, 3... as an import into an empty diary
    gives them."""
    return {key: [{**entry, "id": number} for number, entry in enumerate(value, start=1)]
            if key in ("episodes", "days", "checks") else value
            for key, value in document.items()}


def test_bundle_holds_patient_episodes_days_and_checks(typical: DiaryStore,
                                                       exported: dict) -> None:
    assert exported["type"] == "collection"
    assert len(_resources(exported, "Patient")) == 1
    observations = _resources(exported, "Observation")
    assert len(observations) == len(typical.episodes()) + len(typical.days())
    assert len(_resources(exported, "QuestionnaireResponse")) == 2
    assert len(_resources(exported, "RiskAssessment")) == 2
    urls = [entry["fullUrl"] for entry in exported["entry"]]
    assert len(set(urls)) == len(urls)
    assert all(url.startswith("urn:uuid:") for url in urls)


def test_episode_codes_and_parts(exported: dict) -> None:
    cramp = next(o for o in _resources(exported, "Observation")
                 if o.get("note", [{}])[0].get("text", "").startswith("woke me"))
    codes = {(c["system"], c["code"]) for c in cramp["code"]["coding"]}
    assert (SYSTEMS["snomed_ct"], "55300003") in codes  # the knowledge base's code for cramp
    assert (SYSTEMS["hpo"], "HP:0003394") in codes
    parts = {c["code"]["coding"][0]["code"]: c for c in cramp["component"]}
    assert parts["intensity"]["valueInteger"] == 8
    assert parts["duration_seconds"]["valueQuantity"] == {
        "value": 42.5, "unit": "s", "system": "http://unitsofmeasure.org", "code": "s"}
    assert cramp["bodySite"] == {"text": "left-calf"}


def test_day_context_uses_loinc_for_sleep_and_codes_symptoms(exported: dict) -> None:
    days = [o for o in _resources(exported, "Observation") if o["id"].startswith("day-")]
    sleep = [part for day in days for part in day["component"]
             if part["code"]["coding"][0]["code"] == "sleep_hours"]
    assert sleep and all({"system": SYSTEMS["loinc"], "code": "93832-4"}
                         in part["code"]["coding"] for part in sleep)
    symptom = next(part for day in days for part in day["component"]
                   if part["code"]["coding"][0]["system"] == "urn:legcheck:symptom")
    assert symptom["valueBoolean"] is True and len(symptom["code"]["coding"]) >= 1


def test_risk_assessment_is_provisional_and_ranked(exported: dict) -> None:
    for risk in _resources(exported, "RiskAssessment"):
        assert risk["status"] == "preliminary"
        likelihoods = [p["probabilityDecimal"] for p in risk["prediction"]]
        assert likelihoods == sorted(likelihoods, reverse=True) and len(likelihoods) == 19
        assert all("not a diagnosis" in p["rationale"] for p in risk["prediction"])
        assert "Triage (provisional)" in risk["note"][0]["text"]
    later = _resources(exported, "RiskAssessment")[-1]
    top = later["prediction"][0]["outcome"]
    assert top["text"].startswith("Restless legs")
    assert {"system": SYSTEMS["icd10cm"], "code": "G25.81"} in top["coding"]


def test_questionnaire_response_holds_the_answers(exported: dict, kb) -> None:
    later = _resources(exported, "QuestionnaireResponse")[-1]
    items = {item["linkId"]: item for item in later["item"]}
    assert items["urge_to_move"]["answer"] == [{"valueString": "yes"}]
    assert items["urge_to_move"]["text"] == kb.findings["urge_to_move"].question
    assert items["duration_days"]["answer"] == [{"valueInteger": 55}]


def test_fhir_resources_accepts_every_resource(exported: dict) -> None:
    """fhir.resources 8 has no R4 (4.0.1) models; its R4B ones have the same shape for these."""
    from fhir.resources.R4B.bundle import Bundle

    parsed = Bundle.model_validate(exported)
    assert len(parsed.entry) == len(exported["entry"])
    assert parsed.entry[-1].resource.get_resource_type() == "RiskAssessment"


@pytest.mark.skipif(shutil.which("node") is None or not (VALIDATOR / "node_modules").exists(),
                    reason="node and tools/fhir-validate (installed by `make test`) are needed")
def test_official_r4_json_schema_accepts_the_bundle_and_rejects_a_broken_one(
        exported: dict, tmp_path: Path) -> None:
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(dumps(exported))
    broken = json.loads(dumps(exported))
    broken["entry"][1]["resource"]["status"] = 5
    bad.write_text(json.dumps(broken))
    run = [shutil.which("node"), str(VALIDATOR / "validate.js")]
    ok = subprocess.run([*run, str(good)], capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stdout
    failed = subprocess.run([*run, str(bad)], capture_output=True, text=True, check=False)
    assert failed.returncode == 1 and "bad.json" in failed.stdout


def test_import_rejects_a_foreign_or_broken_bundle_and_writes_nothing(runner,
                                                                      tmp_path: Path) -> None:
    db = ["--db", f"sqlite:///{tmp_path / 'diary.sqlite3'}"]
    foreign = tmp_path / "foreign.json"
    foreign.write_text(json.dumps({"resourceType": "Bundle", "type": "collection"}))
    result = runner.invoke(app, ["import", str(foreign), *db])
    assert result.exit_code == 2 and FHIR_VERSION in result.stderr
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "Observation", "id": 5}}]}))
    result = runner.invoke(app, ["import", str(broken), *db])
    assert result.exit_code == 2 and "not a valid FHIR bundle" in result.stderr
    assert "Traceback" not in result.output
    assert json.loads(runner.invoke(app, ["export", *db]).stdout)["episodes"] == []


def test_a_legcheck_bundle_missing_its_own_element_is_refused(exported: dict) -> None:
    damaged = json.loads(dumps(exported))
    for entry in damaged["entry"]:
        entry["resource"].pop("extension", None)
    with pytest.raises(InputError, match="missing a legcheck element"):
        document_from_bundle(damaged)


def test_cli_export_import_export_is_identical(runner, tmp_path: Path) -> None:
    db = ["--db", f"sqlite:///{tmp_path / 'a.sqlite3'}"]
    other = ["--db", f"sqlite:///{tmp_path / 'b.sqlite3'}"]
    runner.invoke(app, ["log", "jerk", "--during", "falling-asleep", "--intensity", "4", *db])
    runner.invoke(app, ["day", "--sleep", "5.5", "--medicine", "sertraline", *db])
    out = tmp_path / "bundle.json"
    assert runner.invoke(app, ["export", "--format", "fhir", "--out", str(out), *db]).exit_code == 0
    assert runner.invoke(app, ["import", str(out), *other]).stdout.startswith("Imported 1")
    again = runner.invoke(app, ["export", "--format", "fhir", *other])
    assert again.stdout == out.read_text()


def _meta_null(bundle: dict) -> None:
    bundle["meta"] = None


def _entry_without_resource(bundle: dict) -> None:
    bundle["entry"].append({"fullUrl": "urn:uuid:0b2c1a4e-0000-4000-8000-000000000001"})


def _answers_without_identifier(bundle: dict) -> None:
    bundle["entry"].append({"resource": {"resourceType": "QuestionnaireResponse",
                                         "status": "completed"}})


@pytest.mark.parametrize(("damage", "message"), [
    (_meta_null, "not written by legcheck"),
    (_entry_without_resource, "missing a legcheck element"),
    (_answers_without_identifier, "missing a legcheck element"),
])
def test_a_damaged_bundle_is_one_clear_error(exported: dict, damage, message: str) -> None:
    damaged = json.loads(dumps(exported))
    damage(damaged)
    with pytest.raises(InputError, match=message):
        document_from_bundle(damaged)
