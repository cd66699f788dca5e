"""Build the spaCy pipeline Rasa's SpacyNLP loads: a blank English model plus a catalogue entity ruler."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, cast

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler

from bot.nlp.names import ruler_patterns
from bot.rules.model import Course

PIPELINE_NAME = "ibers_en"


def build_pipeline(courses: Iterable[Course]) -> Language:
    """A blank English pipeline whose entity ruler knows every course, set and count."""
    nlp = spacy.blank("en")
    nlp.meta["name"] = PIPELINE_NAME
    nlp.meta["description"] = "Blank English tokenizer with an entity ruler generated from the course catalogue."
    ruler = cast(EntityRuler, nlp.add_pipe("entity_ruler", config={"validate": True}))
    ruler.add_patterns(ruler_patterns(courses))
    return nlp


def save_pipeline(courses: Iterable[Course], output: Path) -> Path:
    """Build the pipeline and write it where config.yml's SpacyNLP expects it."""
    output.parent.mkdir(parents=True, exist_ok=True)
    build_pipeline(courses).to_disk(output)
    return output
