#!/bin/sh
# The build-speed benchmark: factsite vs Hugo on the peers' corpus. See docs/performance.md.
# Needs python3, Maven, Java 17, /usr/bin/time (Debian: time) and hugo (Debian: hugo).
exec python3 "$(dirname "$0")/run.py" "$@"
