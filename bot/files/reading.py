"""Reading a YAML data file, with I/O and syntax problems reported as the caller's own error type."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import yaml


def read_yaml(source: Path, error: Callable[[str], Exception], what: str) -> Any:
    """The parsed document; `error(message)` is raised when the file cannot be read or is not valid YAML."""
    try:
        with source.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except OSError as exc:
        raise error(f"cannot read {what} file {source}: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise error(f"{source.name}: not valid YAML: {exc}") from exc
