"""The stable contract of DESIGN.md: names that tests outside this repository rely on.

Extend these, never rename or remove an entry.
"""

from __future__ import annotations

TRIAGE_LEVELS: tuple[str, ...] = ("self_care", "routine", "urgent", "emergency")

CONDITION_IDS: tuple[str, ...] = (
    "benign_fasciculations", "hypnic_jerks", "restless_legs", "periodic_limb_movements",
    "muscle_cramps", "electrolyte_imbalance", "medication_or_substance", "serotonin_syndrome",
    "peripheral_neuropathy", "nerve_root_compression", "cauda_equina_syndrome",
    "guillain_barre_syndrome", "motor_neuron_disease", "multiple_sclerosis", "seizure", "stroke",
    "neurodegenerative_myoclonus", "metabolic_myoclonus", "hyperthyroidism",
)

FACTOR_IDS: tuple[str, ...] = (
    "stress_anxiety", "dehydration", "caffeine", "alcohol", "exercise", "sleep_deprivation",
    "medication", "nicotine", "pregnancy", "iron_deficiency",
)

PATTERN_ROWS: tuple[str, ...] = ("frequency", "intensity", "causes", "associated_symptoms")
