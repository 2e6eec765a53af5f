#!/bin/sh
# Regenerates the expected results of the library unit tests from the
# reference interpreter (lua5.4). Run from anywhere; writes *.cases here.
set -e
cd "$(dirname "$0")"
export LC_ALL=C LANG=C
lua="${LUA:-lua5.4}"
TZ=UTC "$lua" gen.lua math.lua > math.cases
TZ=UTC "$lua" gen.lua table.lua > table.cases
TZ=UTC "$lua" gen.lua utf8.lua > utf8.cases
TZ=UTC "$lua" gen.lua os.lua > os_utc.cases
TZ=America/New_York "$lua" gen.lua os.lua > os_newyork.cases
TZ=Europe/Paris "$lua" gen.lua os.lua > os_paris.cases
wc -l *.cases
