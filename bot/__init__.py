"""IBERS Distance Learning microcredentials enquiry assistant."""
