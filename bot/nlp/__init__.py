"""Language helpers: the catalogue-driven spaCy pipeline, course-name resolution and number parsing."""
