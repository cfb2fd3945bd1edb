#!/usr/bin/env bash
# Lumbung's search benchmark, at national scale (see bench/README.md):
#   1. lumbung-search-bench generates 100,000 innovations whose words all come from the real
#      LAN records in ../shared/data, builds the full-text index, and times searches with
#      facets and likeness checks in process;
#   2. `lumbung serve` answers the search API for the same searches, in rotation, at 64
#      connections, against nginx serving a search answer of the same size as a static file.
#
# Environment: BENCH_DURATION, BENCH_WARMUP, LUMBUNG_BIN as for bench/run.sh;
#   BENCH_INNOVATIONS (default 100000); LUMBUNG_SHARED_DATA (default ../shared/data).
# Without the real data it says so and exits 0: the data is not distributed with Lumbung.
set -euo pipefail
export LC_ALL=C

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${LUMBUNG_BIN:-$root/build/release/apps/lumbung/lumbung}
search_bench=${LUMBUNG_SEARCH_BENCH:-$root/build/release/bench/lumbung-search-bench}
data=${LUMBUNG_SHARED_DATA:-$root/../shared/data}/lan-innovations-2018.jsonl
innovations=${BENCH_INNOVATIONS:-100000}
out_dir=$root/bench/out

if [[ ! -f "$data" ]]; then
  echo "bench/search.sh: skipped: $data is absent; the corpus is made from the real LAN records" >&2
  exit 0
fi
# shellcheck source=bench/common.sh
source "$root/bench/common.sh"
[[ -x "$search_bench" ]] || die "no binary at $search_bench; build the release preset first"

# --- 1. in process ---------------------------------------------------------------------------

echo "bench: generating $innovations innovations and measuring in process..." >&2
"$search_bench" --data "$data" --db "$tmp/search.db" --innovations "$innovations" \
  --queries 400 --queries-out "$tmp/queries.txt" >"$tmp/in-process.txt" ||
  die "lumbung-search-bench failed"

# --- 2. over HTTP ----------------------------------------------------------------------------

lumbung_port=$(free_port)
"$bin" serve --db "sqlite:$tmp/search.db" --listen "127.0.0.1:$lumbung_port" --quiet \
  >"$tmp/lumbung.log" 2>&1 &
lumbung_pid=$!
pids+=("$lumbung_pid")
lumbung_url="http://127.0.0.1:$lumbung_port"
wait_for "$lumbung_url/healthz" "$lumbung_pid" "$tmp/lumbung.log"
# Measured once the server has read its search index into memory, as it serves after starting.
wait_for_search_memory "$tmp/lumbung.log" "$lumbung_pid" 120

# The searches as request paths; wrk takes them in turn (bench/search.lua).
python3 - "$tmp/queries.txt" "$tmp/paths.txt" <<'PY'
import sys, urllib.parse
with open(sys.argv[1]) as queries, open(sys.argv[2], "w") as paths:
    for q in queries:
        q = q.rstrip("\n")
        if q:
            paths.write("/api/v1/innovations?facets=true&q=" + urllib.parse.quote(q) + "\n")
PY
first_path=$(head -n 1 "$tmp/paths.txt")
www=$tmp/www
mkdir -p "$www/api/v1"
curl -fsS -o "$www/healthz" "$lumbung_url/healthz" || die "could not fetch /healthz"
curl -fsS -o "$www/api/v1/innovations" "$lumbung_url$first_path" || die "could not fetch $first_path"
body_bytes=$(wc -c <"$www/api/v1/innovations")
start_nginx

declare -A rps p99 non2xx sockerr
for server in lumbung nginx; do
  url=$lumbung_url
  [[ $server == nginx ]] && url=$nginx_url
  echo "bench: wrk $server searches (${warmup} warm-up + ${duration})..." >&2
  wrk -t"$wrk_threads" -c"$connections" -d"$warmup" -s "$root/bench/search.lua" "$url" \
    -- "$tmp/paths.txt" >/dev/null &
  wait_child $!
  wrk -t"$wrk_threads" -c"$connections" -d"$duration" --latency -s "$root/bench/search.lua" \
    "$url" -- "$tmp/paths.txt" >"$tmp/wrk-$server.txt" &
  wait_child $!
  kill -0 "$lumbung_pid" 2>/dev/null || die "lumbung died under load: $(tail -n 20 "$tmp/lumbung.log")"
  read -r r p n s < <(parse_wrk "$tmp/wrk-$server.txt") || die "could not parse wrk's output"
  rps[$server]=$r p99[$server]=$p non2xx[$server]=$n sockerr[$server]=$s
done

ratio=$(awk -v a="${rps[lumbung]}" -v b="${rps[nginx]}" 'BEGIN { printf "%.3f", a / b }')
met=$(awk -v r="$ratio" 'BEGIN { print (r >= 0.3) ? "met" : "NOT MET" }')
((non2xx[lumbung] + sockerr[lumbung] == 0)) || met="NOT MET (failed requests)"
when=$(date '+%Y-%m-%d %H:%M:%S %Z')
{
  echo "Lumbung search benchmark, $when ($(nproc) cores)"
  grep -v '=' "$tmp/in-process.txt"
  echo "search API, $(wc -l <"$tmp/paths.txt") searches with facets in rotation, wrk -t$wrk_threads -c$connections -d$duration:"
  printf "  lumbung %.0f req/s (p99 %.2f ms), nginx %.0f req/s (p99 %.2f ms) for a %d-byte answer: ratio %s (target >= 0.3) %s\n" \
    "${rps[lumbung]}" "${p99[lumbung]}" "${rps[nginx]}" "${p99[nginx]}" "$body_bytes" "$ratio" "$met"
  for server in lumbung nginx; do
    if ((non2xx[$server] + sockerr[$server] > 0)); then
      echo "  errors: $server: ${non2xx[$server]} non-2xx/3xx responses, ${sockerr[$server]} socket errors (wrk gives up on a request after 2 s)"
    fi
  done
} | tee "$tmp/report.txt"
mkdir -p "$out_dir"
results=$out_dir/search-$(date '+%Y-%m-%d-%H%M%S').txt
{
  echo "date=$when"
  grep '=' "$tmp/in-process.txt"
  echo "api.lumbung.non2xx=${non2xx[lumbung]}"
  echo "api.lumbung.socket_errors=${sockerr[lumbung]}"
  echo "api.lumbung.rps=${rps[lumbung]}"
  echo "api.lumbung.p99_ms=${p99[lumbung]}"
  echo "api.nginx.rps=${rps[nginx]}"
  echo "api.nginx.p99_ms=${p99[nginx]}"
  echo "api.ratio=$ratio"
  echo "api.body_bytes=$body_bytes"
} >"$results"
echo "results written to ${results#"$root"/}"
