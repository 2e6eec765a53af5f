#!/usr/bin/env bash
# Installs (Debian's postgresql package, as root) and starts a local PostgreSQL
# for the tests of the PostgreSQL session store, and creates the role and the
# database they use. Idempotent: run it as often as you like.
#
#   eval "$(tests/pg/start.sh)"    # exports LUAHOST_TEST_PG
#
# Prints `export LUAHOST_TEST_PG=postgresql://luahost:luahost@127.0.0.1:5432/luahost`
# on stdout once the server answers; everything else goes to stderr. Exits
# non-zero (printing nothing on stdout) when PostgreSQL cannot be installed or
# started; the tests then skip, saying that LUAHOST_TEST_PG is not set.
set -uo pipefail
say() { echo "pg: $*" >&2; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi; }

uri() { echo "export LUAHOST_TEST_PG=postgresql://luahost:luahost@127.0.0.1:$1/luahost"; }
# already set up (a server that answers as luahost on 5432): nothing to do, no root needed
if command -v psql >/dev/null 2>&1 &&
   [ "$(PGPASSWORD=luahost PGCONNECT_TIMEOUT=3 psql -h 127.0.0.1 -p 5432 -U luahost -d luahost -tAc 'SELECT 1' 2>/dev/null)" = 1 ]; then
  uri 5432
  exit 0
fi
if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing postgresql"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1 ||
      { apt-get update -qq >/dev/null 2>&1; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1; } ||
      { say "could not install postgresql"; exit 1; }
  else
    say "postgresql is not installed (needs root and apt-get to install it)"; exit 1
  fi
fi
# the newest installed cluster (Debian creates "<version> main" with the package)
read -r version cluster port status _ < <(pg_lsclusters -h | sort -V | tail -1)
if [ -z "${version:-}" ]; then
  say "no PostgreSQL cluster (pg_createcluster <version> main creates one)"; exit 1
fi
if [ "$status" != online ]; then
  say "starting PostgreSQL $version/$cluster on port $port"
  if [ "$(id -u)" = 0 ]; then
    pg_ctlcluster "$version" "$cluster" start >&2 || service postgresql start >&2 ||
      { say "could not start PostgreSQL"; exit 1; }
  else
    sudo -n pg_ctlcluster "$version" "$cluster" start >&2 || { say "could not start PostgreSQL (needs root)"; exit 1; }
  fi
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$port" || { say "PostgreSQL does not answer on 127.0.0.1:$port"; exit 1; }
# the role (password authentication on 127.0.0.1: Debian's pg_hba.conf uses scram-sha-256 for host lines)
# and its database; CREATEDB lets the tests make a scratch database of their own
as_postgres psql -q -p "$port" -v ON_ERROR_STOP=1 >&2 <<'SQL' || { say "could not create the role luahost"; exit 1; }
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'luahost') THEN
    CREATE ROLE luahost LOGIN CREATEDB PASSWORD 'luahost';
  END IF;
END $$;
SQL
if [ "$(as_postgres psql -p "$port" -tAc "SELECT 1 FROM pg_database WHERE datname = 'luahost'")" != 1 ]; then
  as_postgres createdb -p "$port" -O luahost luahost >&2 || { say "could not create the database luahost"; exit 1; }
fi
uri "$port"
