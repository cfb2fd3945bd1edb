#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, on a free port of 127.0.0.1.
#   postgres.sh start STATE   initdb into a new temporary folder, start the server, and write
#                             its URL (line 1) and folder (line 2) into the file STATE
#   postgres.sh stop STATE    stop that server and remove its folder and STATE
# initdb refuses to run as root, so as root the server runs as the user postgres, which
# Debian's postgresql package creates. fsync is off, as nothing here outlives the test run,
# unless LUMBUNG_POSTGRES_DURABLE=1 (the benchmarks, whose figures must include it).
set -euo pipefail
action=${1:?start or stop}
state=${2:?the state file}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
  echo "postgres.sh: PostgreSQL's server is not installed: run scripts/install-deps.sh" >&2
  exit 1
fi
as_server=()
if [[ $(id -u) -eq 0 ]]; then as_server=(runuser -u postgres --); fi

case "$action" in
  start)
    folder=$(mktemp -d /tmp/lumbung-postgres.XXXXXX)
    chmod 700 "$folder"
    if [[ $(id -u) -eq 0 ]]; then chown postgres: "$folder"; fi
    "${as_server[@]}" "$bindir/initdb" -D "$folder/data" -U postgres -A trust -E UTF8 \
      --locale=C.UTF-8 >"$folder/initdb.log" 2>&1 ||
      { cat "$folder/initdb.log" >&2; exit 1; }
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    options="-p $port -k $folder -c listen_addresses=127.0.0.1 -c max_connections=200"
    if [[ "${LUMBUNG_POSTGRES_DURABLE:-0}" != 1 ]]; then
      options+=" -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
    fi
    "${as_server[@]}" "$bindir/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -s -o "$options" \
      start || { cat "$folder/server.log" >&2; exit 1; }
    printf 'postgresql://postgres@127.0.0.1:%s/postgres\n%s\n' "$port" "$folder" >"$state"
    ;;
  stop)
    [[ -f "$state" ]] || exit 0
    folder=$(sed -n 2p "$state")
    if [[ -d "$folder/data" ]]; then
      "${as_server[@]}" "$bindir/pg_ctl" -D "$folder/data" -m immediate -s stop || true
      rm -rf "$folder"
    fi
    rm -f "$state"
    ;;
  *)
    echo "postgres.sh: start or stop, not '$action'" >&2
    exit 2
    ;;
esac
