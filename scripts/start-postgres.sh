#!/usr/bin/env bash
# Start the Debian PostgreSQL cluster and make sure the test role and database exist (idempotent).
#
# For CI and developers on Debian 12, run as root. It installs nothing: the CI script installs the
# `postgresql` package first. Everything it says goes to stderr; stdout carries only an export line, so use:
#
#     eval "$(scripts/start-postgres.sh)"
#
# which sets BOT_TEST_PG_URL=postgresql+psycopg2://botci:...@127.0.0.1:5432/botci for the store tests.
# Override with PG_ROLE / PG_PASSWORD / PG_DATABASE / PG_PORT if needed.
set -euo pipefail

PG_ROLE="${PG_ROLE:-botci}"
PG_PASSWORD="${PG_PASSWORD:-botci}"
PG_DATABASE="${PG_DATABASE:-botci}"
PG_PORT="${PG_PORT:-5432}"
PG_HOST=127.0.0.1

log() { echo "start-postgres: $*" >&2; }
die() { log "$*"; exit 1; }

command -v pg_lsclusters >/dev/null 2>&1 || die "PostgreSQL is not installed (apt-get install -y postgresql)"

as_postgres() {
    # Run a command as the postgres OS user (runuser when root, else sudo).
    # (from /, which the postgres user can always enter)
    if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else (cd / && sudo -u postgres "$@"); fi
}

psql_admin() {
    # Run one SQL statement as the postgres superuser over the local socket; print bare values.
    as_postgres psql --no-psqlrc -p "$PG_PORT" -v ON_ERROR_STOP=1 -qtAc "$1"
}

cluster_line() {
    # The first cluster on our port, as "version name status".
    pg_lsclusters --no-header | awk -v port="$PG_PORT" '$3 == port {print $1, $2, $4; exit}'
}

ensure_cluster() {
    # Create a cluster if the package made none, then start it if it is down.
    local line
    line="$(cluster_line)"
    if [ -z "$line" ]; then
        local version
        version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
        [ -n "$version" ] || die "no PostgreSQL server version found under /usr/lib/postgresql"
        log "creating cluster $version/main on port $PG_PORT"
        pg_createcluster "$version" main --port "$PG_PORT" >&2
        line="$(cluster_line)"
    fi
    set -- $line
    if [ "$3" != "online" ]; then
        log "starting cluster $1/$2"
        pg_ctlcluster "$1" "$2" start >&2
    fi
}

wait_ready() {
    # Wait up to 30 s for the server to accept TCP connections.
    for _ in $(seq 1 60); do
        if pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then return 0; fi
        sleep 0.5
    done
    die "PostgreSQL did not become ready on $PG_HOST:$PG_PORT"
}

ensure_role_and_database() {
    # Create (or re-password) the role and create its database if missing.
    if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = '$PG_ROLE'")" = 1 ]; then
        psql_admin "ALTER ROLE \"$PG_ROLE\" WITH LOGIN PASSWORD '$PG_PASSWORD'" >&2
    else
        log "creating role $PG_ROLE"
        psql_admin "CREATE ROLE \"$PG_ROLE\" WITH LOGIN PASSWORD '$PG_PASSWORD'" >&2
    fi
    if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'")" != 1 ]; then
        log "creating database $PG_DATABASE"
        psql_admin "CREATE DATABASE \"$PG_DATABASE\" OWNER \"$PG_ROLE\"" >&2
    fi
}

ensure_cluster
wait_ready
ensure_role_and_database
log "ready: $PG_ROLE@$PG_HOST:$PG_PORT/$PG_DATABASE"
echo "export BOT_TEST_PG_URL=postgresql+psycopg2://$PG_ROLE:$PG_PASSWORD@$PG_HOST:$PG_PORT/$PG_DATABASE"
