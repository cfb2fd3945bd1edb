#!/usr/bin/env bash
# Lumbung on deadline day (see bench/README.md): 200 operators, each signed in with a session
# of their own, create drafts, save them section by section and submit them, as fast as the
# server answers, for 60 s, while a few citizens list, filter and search the catalogue. Run
# once on SQLite and once on PostgreSQL (a durable throwaway server: fsync on). Afterwards the
# server is stopped and lumbung-deadline-bench verify reads the database itself: every write the
# server acknowledged must be there exactly as acknowledged.
#
# Environment:
#   BENCH_SECONDS    length of the load (default 60)
#   BENCH_OPERATORS  concurrent operators (default 200)
#   BENCH_READERS    concurrent catalogue readers (default 8)
#   BENCH_PAUSES_MS  the phases: each operator's pause before each request, in ms (default
#                    "1000,0": a person working briskly, then everyone flat out)
#   BENCH_BACKENDS   which databases, in order (default "sqlite postgresql")
#   BENCH_INNOVATIONS innovations in the demo region before the load (default: the demo's own)
#   BENCH_NATIONAL=1 PostgreSQL only, on the national installation: 546 regions and 1,004,640
#                    innovations (lumbung-deadline-bench national), the readers going round
#                    every region
#   BENCH_THREADS    passed to `lumbung serve --threads` if set (default: the server's own)
#   LUMBUNG_BIN, LUMBUNG_DEADLINE_BENCH  the binaries (default: the release build's)
#
# Exits non-zero when the benchmark could not run, or when a write was lost.
set -euo pipefail
export LC_ALL=C

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${LUMBUNG_BIN:-$root/build/release/apps/lumbung/lumbung}
driver=${LUMBUNG_DEADLINE_BENCH:-$root/build/release/bench/lumbung-deadline-bench}
seconds=${BENCH_SECONDS:-60}
operators=${BENCH_OPERATORS:-200}
readers=${BENCH_READERS:-8}
pauses=${BENCH_PAUSES_MS:-1000,0}
backends=${BENCH_BACKENDS:-sqlite postgresql}
innovations=${BENCH_INNOVATIONS:-}
national=${BENCH_NATIONAL:-0}
out_dir=$root/bench/out
region=9971

# shellcheck source=bench/common.sh
source "$root/bench/common.sh"
[[ -x "$driver" ]] || die "no binary at $driver; build the release preset first (make bench)"

postgres_state=$tmp/postgres.state
stop_postgres() { "$root/tests/support/postgres.sh" stop "$postgres_state" || true; }
# set +e: the subshell that hands cleanup the status exits non-zero on purpose.
trap 'status=$?; set +e; stop_postgres; (exit $status); cleanup' EXIT

printf '%s\n' "tenggat-$RANDOM-$RANDOM-sandi" >"$tmp/password"
declare -A report corpora

for backend in $backends; do
  case $backend in
    sqlite) url="sqlite:$tmp/deadline.db" ;;
    postgresql)
      echo "bench: starting a durable PostgreSQL server..." >&2
      LUMBUNG_POSTGRES_DURABLE=1 "$root/tests/support/postgres.sh" start "$postgres_state" ||
        die "could not start PostgreSQL"
      url=$(sed -n 1p "$postgres_state")
      ;;
    *) die "unknown backend '$backend' in BENCH_BACKENDS (sqlite or postgresql)" ;;
  esac

  read_regions=()
  if ((national)); then
    [[ $backend == postgresql ]] || die "BENCH_NATIONAL runs on PostgreSQL only: BENCH_BACKENDS=postgresql"
    echo "bench: $backend: building the national installation (several minutes)..." >&2
    started=$EPOCHREALTIME
    "$driver" national --db "$url" >"$tmp/national.log" 2>&1 || die "building it failed: $(tail -n 5 "$tmp/national.log")"
    corpus="$(tail -n 1 "$tmp/national.log"), built in $(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }') s"
    read_regions=(--read-regions all)
  else
    echo "bench: $backend: the demo region${innovations:+ with $innovations innovations}..." >&2
    demo_args=(demo --db "$url")
    [[ -n "$innovations" ]] && demo_args+=(--innovations "$innovations")
    "$bin" "${demo_args[@]}" >"$tmp/demo.log" 2>&1 || die "lumbung demo failed: $(tail -n 5 "$tmp/demo.log")"
    corpus="the demo region, $(grep -o '[0-9]* innovations' "$tmp/demo.log" | head -n 1)"
  fi
  "$bin" user add --db "$url" --username tenggat-admin --role admin \
    --password-file "$tmp/password" >/dev/null || die "could not add the region admin"

  corpora[$backend]=$corpus
  lumbung_port=$(free_port)
  serve_args=(serve --db "$url" --listen "127.0.0.1:$lumbung_port" --quiet)
  if [[ -n "${BENCH_THREADS:-}" ]]; then serve_args+=(--threads "$BENCH_THREADS"); fi
  "$bin" "${serve_args[@]}" >"$tmp/lumbung-$backend.log" 2>&1 &
  lumbung_pid=$!
  pids+=("$lumbung_pid")
  wait_for "http://127.0.0.1:$lumbung_port/healthz" "$lumbung_pid" "$tmp/lumbung-$backend.log"
  # Measured as the server serves once it has read its search index into memory, which a
  # national installation takes a few minutes to do after a start.
  wait_for_search_memory "$tmp/lumbung-$backend.log" "$lumbung_pid" 1800
  memory_rss=$(rss_mb "$lumbung_pid")
  corpora[$backend]+="; $(grep -o 'search index read into memory in [0-9.]* s' "$tmp/lumbung-$backend.log")"

  echo "bench: $backend: $operators operators and $readers readers for $seconds s..." >&2
  "$driver" run --url "http://127.0.0.1:$lumbung_port" --region "$region" --admin tenggat-admin \
    --password-file "$tmp/password" --ledger "$tmp/ledger-$backend.tsv" \
    --operators "$operators" --readers "$readers" --seconds "$seconds" --pauses-ms "$pauses" "${read_regions[@]}" >"$tmp/run-$backend.json" ||
    die "the load driver failed on $backend"
  kill -0 "$lumbung_pid" 2>/dev/null || die "lumbung died under the load on $backend: $(tail -n 20 "$tmp/lumbung-$backend.log")"
  rss=$(rss_mb "$lumbung_pid")

  # Stopped first: what verify reads is what survived the server, not what it still holds.
  kill -TERM "$lumbung_pid"
  wait "$lumbung_pid" || true
  unset 'pids[-1]'
  "$driver" verify --db "$url" --ledger "$tmp/ledger-$backend.tsv" --region "$region" \
    >"$tmp/verify-$backend.json" 2>"$tmp/verify-$backend.log" || true

  report[$backend]=$(python3 - "$tmp/run-$backend.json" "$tmp/verify-$backend.json" "$backend" "$rss" "$memory_rss" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))
verify = json.load(open(sys.argv[2]))
backend, rss, memory_rss = sys.argv[3], sys.argv[4], sys.argv[5]
for phase in run["phases"]:
    k, w = phase["kinds"], phase["writes"]
    pace = f"{phase['pause_ms'] / 1000:g} s pause" if phase["pause_ms"] else "no pause"
    print(f"| {backend} | {pace} | {w['requests']:,} ({w['per_second']:.0f}/s) | {w['p50_ms']:.1f} "
          f"| {w['p99_ms']:.1f} | {k['submit']['requests']:,} | {k['list']['p99_ms']:.1f} "
          f"| {k['filter']['p99_ms']:.1f} | {k['search']['p99_ms']:.1f} | {phase['failures']} |")
    if phase["first_errors"]:
        print("first errors: " + "; ".join(e[:200] for e in phase["first_errors"][:3]), file=sys.stderr)
print(f"| {backend} | checked afterwards | {verify['acknowledged']:,} drafts as acknowledged, "
      f"{verify['lost_or_different']} lost or different, {verify['unacknowledged_in_database']} "
      f"unacknowledged | | | | | | | server RSS {memory_rss} MB with the search index read, {rss} MB after |")
PY
)
  cat "$tmp/verify-$backend.log" >&2
  mkdir -p "$out_dir"
  cp "$tmp/run-$backend.json" "$out_dir/deadline-$backend-run.json"
  cp "$tmp/verify-$backend.json" "$out_dir/deadline-$backend-verify.json"

  if [[ $backend == postgresql ]]; then stop_postgres; fi
done

model=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
when=$(date '+%Y-%m-%d %H:%M:%S %Z')
{
  echo "Lumbung deadline benchmark, $when"
  echo "machine: $(nproc) cores, ${model:-unknown CPU}; server, database and load driver on the same cores"
  echo "load: $operators operators (create, open, 4 saves, submit) + $readers readers (list, filter, search with facets), $seconds s per phase"
  for backend in $backends; do echo "$backend: ${corpora[$backend]}${BENCH_THREADS:+; serve --threads $BENCH_THREADS}"; done
  echo
  echo "| database | operators | writes acknowledged | write p50 ms | write p99 ms | submitted | list p99 ms | filter p99 ms | search p99 ms | failed requests |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  for backend in $backends; do echo "${report[$backend]}"; done
} | tee "$tmp/report.txt"

mkdir -p "$out_dir"
cp "$tmp/report.txt" "$out_dir/deadline-$(date '+%Y-%m-%d-%H%M%S').md"
for backend in $backends; do
  python3 -c 'import json,sys; v=json.load(open(sys.argv[1])); sys.exit(v["lost_or_different"] != 0)' \
    "$tmp/verify-$backend.json" || die "$backend lost or changed acknowledged writes"
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(any(p["failures"] for p in r["phases"]))' \
    "$tmp/run-$backend.json" || echo "bench: $backend: some requests failed (see 'failed requests')" >&2
done
