#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter: $PYTHON, a working python3.10, or pyenv's 3.10.
set -u
is_310() { [ -n "$1" ] && "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' >/dev/null 2>&1; }

if [ -n "${PYTHON:-}" ]; then
  if is_310 "$PYTHON"; then echo "$PYTHON"; exit 0; fi
  echo "error: PYTHON=$PYTHON is not a working Python 3.10 interpreter." >&2
  exit 1
fi
if is_310 python3.10; then command -v python3.10; exit 0; fi
if command -v pyenv >/dev/null 2>&1; then
  for candidate in "$(pyenv root)"/versions/3.10.*/bin/python3.10; do
    if is_310 "$candidate"; then echo "$candidate"; exit 0; fi
  done
fi
for candidate in "$HOME"/.pyenv/versions/3.10.*/bin/python3.10 /usr/local/bin/python3.10 /usr/bin/python3.10; do
  if is_310 "$candidate"; then echo "$candidate"; exit 0; fi
done
cat >&2 <<'MSG'
error: this project needs Python 3.10 (Rasa Open Source 3.6 supports Python < 3.11).
Install it, for example with pyenv:   pyenv install 3.10.13
or on Debian/Ubuntu:                  apt-get install python3.10 python3.10-venv
then run make again, or point at it:  make run PYTHON=/path/to/python3.10
MSG
exit 1
