"""Data files to core types: the policy, the catalogue and the demo learners, read from YAML (no Rasa, no database)."""

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]  # bot/, where the data files ship
POLICY_FILE = PACKAGE / "policy.yaml"
CATALOGUE_FILE = PACKAGE / "data" / "catalogue.yaml"
DEMO_LEARNERS_FILE = PACKAGE / "data" / "demo_learners.yaml"
SOURCES_FILE = PACKAGE / "data" / "sources.yaml"
