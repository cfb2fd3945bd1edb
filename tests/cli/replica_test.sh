#!/usr/bin/env bash
# Scale-out as it runs: the run's PostgreSQL server as primary, a streaming replica of it made
# with pg_basebackup, and two app servers reading from the replica. A write through one server
# is read through the other at once, even while the replica has stopped replaying; a client
# that did not write reads from the replica.
# Usage: replica_test.sh PATH/TO/lumbung POSTGRES_STATE
set -uo pipefail
lumbung=$1
state=$2
work=$(mktemp -d)
replica_folder=""
pids=()
bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_server=()
if [[ $(id -u) -eq 0 ]]; then as_server=(runuser -u postgres --); fi
primary_server=$(sed -n 1p "$state")
name="lumbung_replica_$$"
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  if [[ -n "$replica_folder" ]]; then
    "${as_server[@]}" "$bindir/pg_ctl" -D "$replica_folder/data" -m immediate -s stop 2>/dev/null
    rm -rf "$replica_folder"
  fi
  psql -q "$primary_server" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null 2>&1
  psql -q "$primary_server" -c "SELECT pg_drop_replication_slot('$name') FROM pg_replication_slots WHERE slot_name = '$name'" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
passed=0
failed=0
check() {  # check DESCRIPTION -- COMMAND...
  local what=$1
  shift 2
  if "$@" >"$work/out" 2>&1; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $what"
    sed 's/^/  | /' "$work/out" | head -20
    [[ -f "$replica_folder/server.log" ]] && grep -E "FATAL|DETAIL" "$replica_folder/server.log" | head -5
  fi
}
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
wait_for() {  # wait_for URL
  for _ in $(seq 1 100); do
    curl -sf -o /dev/null "$1" && return 0
    sleep 0.1
  done
  return 1
}

# The primary: a database with the demo region and an admin.
psql -q "$primary_server" -c "CREATE DATABASE $name" >/dev/null || exit 1
primary="${primary_server%/*}/$name"
check "migrate the primary" -- "$lumbung" migrate --db "$primary"
check "demo on the primary" -- "$lumbung" demo --db "$primary"
echo "replica-test-password" >"$work/password"
check "an admin" -- "$lumbung" user add --db "$primary" --username admin --role admin \
  --password-file "$work/password"

# The replica: a base backup of the primary that streams what the primary writes next, through
# a replication slot made before the backup starts, so that the primary keeps every WAL segment
# the replica still needs while other tests write to the same server.
replica_folder=$(mktemp -d /tmp/lumbung-replica.XXXXXX)
chmod 700 "$replica_folder"
if [[ $(id -u) -eq 0 ]]; then chown postgres: "$replica_folder"; fi
primary_port=${primary_server##*:}
primary_port=${primary_port%%/*}
# The slot reserves WAL from the moment it is made (immediately_reserve); pg_basebackup -C would
# make it only once the backup's own streaming starts, after the checkpoint it copies from.
check "the replication slot" -- psql -q "$primary_server" \
  -c "SELECT pg_create_physical_replication_slot('$name', true)"
check "pg_basebackup" -- "${as_server[@]}" "$bindir/pg_basebackup" -h 127.0.0.1 -p "$primary_port" \
  -U postgres -D "$replica_folder/data" -R -X stream -S "$name"
replica_port=$(free_port)
check "the replica starts" -- "${as_server[@]}" "$bindir/pg_ctl" -D "$replica_folder/data" \
  -l "$replica_folder/server.log" -w -s \
  -o "-p $replica_port -k $replica_folder -c listen_addresses=127.0.0.1 -c hot_standby=on -c max_connections=200" start
replica="postgresql://postgres@127.0.0.1:$replica_port/$name"
check "the replica is in recovery" -- \
  bash -c "[[ \$(psql -tA '$replica' -c 'SELECT pg_is_in_recovery()') == t ]]"

# Two app servers, each writing to the primary and reading from the replica.
port_a=$(free_port)
port_b=$(free_port)
"$lumbung" serve --db "$primary" --db-replica "$replica" --listen "127.0.0.1:$port_a" --quiet \
  2>"$work/a.log" &
pids+=($!)
"$lumbung" serve --db "$primary" --db-replica "$replica" --listen "127.0.0.1:$port_b" --quiet \
  2>"$work/b.log" &
pids+=($!)
a="http://127.0.0.1:$port_a"
b="http://127.0.0.1:$port_b"
check "server A answers" -- wait_for "$a/healthz"
check "server B answers" -- wait_for "$b/healthz"

# Sign in through A; the replica then stops replaying, so that only the primary has what
# comes next.
curl -s -c "$work/jar" -H 'Content-Type: application/json' \
  -d '{"username": "admin", "password": "replica-test-password"}' "$a/api/v1/session" >"$work/session.json"
csrf=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["csrf_token"])' "$work/session.json")
check "signed in through A" -- test -n "$csrf"
check "the replica pauses" -- psql -q "$replica" -c "SELECT pg_wal_replay_pause()"

# Write through A, read through B at once with the same browser.
check "a new agency through A" -- curl -sS --fail-with-body -o "$work/agency.json" -b "$work/jar" \
  -c "$work/jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"name": "Dinas Uji Replika"}' "$a/api/v1/regions/9971/agencies"
id=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["id"])' "$work/agency.json")
check "the writer's cookie carries the primary's position" -- grep -q lumbung_seen "$work/jar"
check "B shows the writer its own write" -- curl -sf -o /dev/null -b "$work/jar" "$b/api/v1/agencies/$id"
# A reader who wrote nothing reads from the replica, which has not replayed the write yet.
check "B serves others from the replica" -- \
  bash -c "[[ \$(curl -s -o /dev/null -w '%{http_code}' '$b/api/v1/agencies/$id') == 404 ]]"
check "the replica resumes" -- psql -q "$replica" -c "SELECT pg_wal_replay_resume()"
check "once replayed, everyone sees it" -- bash -c "for i in \$(seq 1 50); do
  curl -sf -o /dev/null '$b/api/v1/agencies/$id' && exit 0; sleep 0.1; done; exit 1"
check "and A too" -- curl -sf -o /dev/null "$a/api/v1/agencies/$id"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
