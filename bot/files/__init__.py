"""Data files to core types: the policy, the catalogue and the demo learners, read from YAML (no Rasa, no database)."""
