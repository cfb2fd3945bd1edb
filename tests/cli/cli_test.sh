#!/usr/bin/env bash
# Runs the lumbung binary as a user would and checks exit statuses and what it prints.
# Usage: cli_test.sh PATH/TO/lumbung SHARED_DATA_FOLDER POSTGRES_STATE
# POSTGRES_STATE: the file where tests/support/postgres.sh wrote the run's server's URL.
set -uo pipefail
lumbung=$1
shared=${2:-}
postgres_state=${3:-}
work=$(mktemp -d)
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
db="sqlite:$work/lumbung.db"
passed=0
failed=0

# expect STATUS DESCRIPTION -- COMMAND...: runs the command and compares its exit status.
expect() {
  local want=$1 what=$2
  shift 3
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [[ $got -eq $want ]]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $what: exit $got, expected $want"
    sed 's/^/  | /' "$work/out" "$work/err" | head -20
  fi
}

# contains FILE TEXT DESCRIPTION
contains() {
  if grep -qF -- "$2" "$1"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $3: '$2' not found in:"
    sed 's/^/  | /' "$1" | head -20
  fi
}

expect 2 "no command" -- "$lumbung"
expect 0 "top-level help" -- "$lumbung" --help
contains "$work/out" "serve" "help lists serve"
for command in serve migrate import export demo; do
  expect 0 "$command --help" -- "$lumbung" "$command" --help
  contains "$work/out" "--db" "$command --help mentions --db"
done
expect 2 "unknown command" -- "$lumbung" frobnicate
contains "$work/err" "frobnicate" "unknown command is named"
expect 2 "unknown option" -- "$lumbung" migrate --colour red
contains "$work/err" "--colour" "unknown option is named"
expect 2 "option without value" -- "$lumbung" migrate --db
expect 1 "unknown database URL" -- "$lumbung" migrate --db mysql://x
expect 0 "migrate" -- "$lumbung" migrate --db "$db"
contains "$work/out" "schema version" "migrate prints the version"
expect 0 "migrate --reindex" -- "$lumbung" migrate --db "$db" --reindex
contains "$work/out" "search index built again" "migrate --reindex says it rebuilt the index"
expect 2 "bad listen" -- "$lumbung" serve --db "$db" --listen nowhere
expect 2 "bad port" -- "$lumbung" serve --db "$db" --listen 127.0.0.1:99999
expect 2 "import without region" -- "$lumbung" import innovations "$work/x.jsonl" --db "$db"
expect 1 "import of a missing file" -- "$lumbung" import regions "$work/missing.csv" --db "$db"
expect 2 "export with a bad format" -- "$lumbung" export innovations --region 9971 --format xml --db "$db"
expect 2 "demo with a bad count" -- "$lumbung" demo --innovations many --db "$db"
expect 0 "demo" -- "$lumbung" demo --db "$db"
expect 0 "demo again changes nothing" -- "$lumbung" demo --db "$db"
contains "$work/err" "already" "second demo says it is there"
expect 0 "migrate --reindex with records" -- "$lumbung" migrate --db "$db" --reindex

# Export to a file, then check it parses as JSON lines.
expect 0 "export jsonl to a file" -- "$lumbung" export innovations --region 9971 --out "$work/demo.jsonl" --db "$db"
if python3 -c "import json,sys; [json.loads(l) for l in open(sys.argv[1])]" "$work/demo.jsonl"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  echo "FAIL: exported JSONL does not parse"
fi

# The server starts on a free port, logs one line per request, and stops on SIGTERM.
"$lumbung" serve --db "$db" --listen 127.0.0.1:0 2>"$work/serve.log" &
server_pid=$!
port=""
for _ in $(seq 1 100); do
  port=$(sed -n 's/.*http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/serve.log" | head -1)
  [[ -n "$port" ]] && break
  sleep 0.05
done
if [[ -n "$port" ]] && curl -sf "http://127.0.0.1:$port/api/v1/innovations?per_page=2" >"$work/list.json"; then
  passed=$((passed + 1))
  contains "$work/list.json" '"total"' "list answers"
else
  failed=$((failed + 1))
  echo "FAIL: the server did not answer"
  cat "$work/serve.log"
fi
kill -TERM "$server_pid"
wait "$server_pid"
status=$?
server_pid=""
if [[ $status -eq 0 ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: serve exited $status on SIGTERM"; fi
contains "$work/serve.log" "GET /api/v1/innovations?per_page=2 200" "one log line per request"

# Accounts: the password never comes from an argument, a weak one is refused, and a new
# account can sign in.
expect 2 "user add without a role" -- "$lumbung" user add --username sari --db "$db"
expect 2 "user add with a password argument" -- "$lumbung" user add --username admin --role admin --password hunter2 --db "$db"
printf 'pendek\n' >"$work/weak"
expect 2 "a weak password is refused" -- "$lumbung" user add --username admin --role admin --password-file "$work/weak" --db "$db"
printf 'kopi-tubruk-pagi\n' >"$work/password"
expect 0 "user add admin" -- "$lumbung" user add --username admin --role admin --password-file "$work/password" --db "$db"
expect 0 "user add from stdin" -- sh -c "printf 'teh-manis-sore-hari\n' | '$lumbung' user add --username tim --role region_admin --region 9971 --password-stdin --db '$db'"
expect 2 "a region role needs its region" -- "$lumbung" user add --username x1 --role region_admin --region 0000 --password-file "$work/password" --db "$db"
expect 0 "user list" -- "$lumbung" user list --db "$db"
contains "$work/out" "region_admin@9971" "the list shows scoped roles"
expect 0 "token create" -- "$lumbung" token create --user tim --scope write --db "$db"
expect 0 "user disable" -- "$lumbung" user disable --username tim --db "$db"
expect 1 "the last admin cannot be disabled" -- "$lumbung" user disable --username admin --db "$db"
contains "$work/err" "last active admin" "the refusal says why"

# The audit trail verifies, and a changed entry is found.
expect 0 "audit verify" -- "$lumbung" audit verify --db "$db"
contains "$work/out" "audit chain intact" "the chain is whole"
python3 - "$work/lumbung.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
# Someone with the file in hand drops the guard and edits history.
db.execute("DROP TRIGGER audit_log_no_update")
db.execute("UPDATE audit_log SET actor_name = 'nobody' WHERE id = 5")
db.commit()
PY
expect 1 "audit verify finds the changed entry" -- "$lumbung" audit verify --db "$db"
contains "$work/out" "BROKEN at entry 5" "the first broken entry is named"

# A database from the future is refused.
python3 - "$work/lumbung.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO schema_migrations (version, name) VALUES (999, 'future')")
db.commit()
PY
expect 1 "serve refuses an unknown schema" -- "$lumbung" serve --db "$db" --listen 127.0.0.1:0
contains "$work/err" "newer than this program" "the refusal says why"

# Moving the installation to PostgreSQL and back: every row arrives, and the region exports
# alike from all three databases.
source_db="sqlite:$work/source.db"
expect 0 "demo to copy" -- "$lumbung" demo --db "$source_db"
expect 2 "copy without a target" -- "$lumbung" copy --from "$source_db"
expect 2 "copy onto itself" -- "$lumbung" copy --from "$source_db" --to "$source_db"
if [[ -f "$postgres_state" ]]; then
  server=$(sed -n 1p "$postgres_state")
  target_name="lumbung_cli_$$"
  target="${server%/*}/$target_name"
  psql -q "$server" -c "CREATE DATABASE $target_name" >/dev/null
  expect 0 "copy to PostgreSQL" -- "$lumbung" copy --from "$source_db" --to "$target"
  contains "$work/out" "innovations" "copy names each table"
  contains "$work/out" "verified" "copy verifies each table"
  expect 1 "copy into a database that holds data" -- "$lumbung" copy --from "$source_db" --to "$target"
  contains "$work/err" "already holds data" "copy says why it refused"
  expect 0 "audit chain on PostgreSQL" -- "$lumbung" audit verify --db "$target"
  expect 0 "copy back to SQLite" -- "$lumbung" copy --from "$target" --to "sqlite:$work/back.db"
  expect 0 "export from SQLite" -- "$lumbung" export innovations --region 9971 --out "$work/a.jsonl" --db "$source_db"
  expect 0 "export from PostgreSQL" -- "$lumbung" export innovations --region 9971 --out "$work/b.jsonl" --db "$target"
  expect 0 "export from the copy back" -- "$lumbung" export innovations --region 9971 --out "$work/c.jsonl" --db "sqlite:$work/back.db"
  expect 0 "PostgreSQL exports what SQLite held" -- cmp "$work/a.jsonl" "$work/b.jsonl"
  expect 0 "the copy back exports the same" -- cmp "$work/a.jsonl" "$work/c.jsonl"
  psql -q "$server" -c "DROP DATABASE $target_name WITH (FORCE)" >/dev/null
else
  echo "skipped: no PostgreSQL server for the copy checks (run through ctest, which starts one)"
fi

# The real data, where this checkout has it beside it.
if [[ -f "$shared/regions-2018.csv" && -f "$shared/lan-innovations-2018.jsonl" ]]; then
  real="sqlite:$work/real.db"
  expect 0 "import regions" -- "$lumbung" import regions "$shared/regions-2018.csv" --db "$real"
  expect 0 "import innovations dry run" -- "$lumbung" import innovations --region 3578 --dry-run "$shared/lan-innovations-2018.jsonl" --db "$real"
  contains "$work/out" "nothing written: 200 created" "dry run reports 200"
  expect 0 "import innovations" -- "$lumbung" import innovations --region 3578 "$shared/lan-innovations-2018.jsonl" --db "$real"
  expect 0 "import again" -- "$lumbung" import innovations --region 3578 "$shared/lan-innovations-2018.jsonl" --db "$real"
  contains "$work/out" "0 created, 0 updated, 200 unchanged" "second import creates nothing"
else
  echo "skipped: ../shared/data/ is absent (a clone on its own); the real-data import checks need it"
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
