#!/usr/bin/env bash
# Lumbung's benchmark: how close does `lumbung serve` come to what this machine can do?
#
# It builds a fresh 10,000-innovation database, serves it, and runs wrk against two endpoints,
# once against Lumbung and once against nginx serving the very same bytes as static files.
# nginx is the yardstick ("the machine's limit"): the ratio lumbung/nginx says how much the
# server itself costs, independent of how fast the machine is. See bench/README.md.
#
# Environment:
#   BENCH_DURATION  length of each measured wrk run (default 10s; any wrk duration: 30s, 1m)
#   BENCH_WARMUP    length of the unmeasured wrk run before each measured one (default 2s)
#   BENCH_THREADS   passed to `lumbung serve --threads` if set (default: the server's own, one per core)
#   LUMBUNG_BIN     the binary to measure (default build/release/apps/lumbung/lumbung)
#
# Exits non-zero only when the benchmark could not run (missing tool or binary, a server that
# did not start or died under load); a missed target is reported, not an error.
set -euo pipefail
export LC_ALL=C # decimal points, not commas, in every number we print or parse

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${LUMBUNG_BIN:-$root/build/release/apps/lumbung/lumbung}
innovations=10000
list_path='/api/v1/innovations?per_page=20'
out_dir=$root/bench/out

# shellcheck source=bench/common.sh
source "$root/bench/common.sh"

# --- 1. the database -------------------------------------------------------------------------

# Whatever else runs on the machine takes cores from the servers and wrk alike: report it.
read -r load_before _ </proc/loadavg

db="sqlite:$tmp/bench.db"
echo "bench: generating $innovations demo innovations..." >&2
started=$EPOCHREALTIME
if ! "$bin" demo --db "$db" --innovations "$innovations" 2>"$tmp/demo.log"; then
  echo "bench: 'lumbung demo' failed; its output:" >&2
  cat "$tmp/demo.log" >&2
  exit 1
fi
demo_seconds=$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')

# --- 2. lumbung ------------------------------------------------------------------------------

lumbung_port=$(free_port)
serve_args=(serve --db "$db" --listen "127.0.0.1:$lumbung_port" --quiet)
if [[ -n "${BENCH_THREADS:-}" ]]; then serve_args+=(--threads "$BENCH_THREADS"); fi
"$bin" "${serve_args[@]}" >"$tmp/lumbung.log" 2>&1 &
lumbung_pid=$!
pids+=("$lumbung_pid")
lumbung_url="http://127.0.0.1:$lumbung_port"
wait_for "$lumbung_url/healthz" "$lumbung_pid" "$tmp/lumbung.log"
rss_before=$(rss_mb "$lumbung_pid")

# The exact bytes nginx will serve. The directory layout mirrors the URLs so that both servers
# are hit with the same request line (nginx ignores the query string when serving files).
www=$tmp/www
mkdir -p "$www/api/v1"
curl -fsS -o "$www/healthz" "$lumbung_url/healthz" || die "could not fetch /healthz"
curl -fsS -o "$www/api/v1/innovations" "$lumbung_url$list_path" || die "could not fetch $list_path"
healthz_bytes=$(wc -c <"$www/healthz")
list_bytes=$(wc -c <"$www/api/v1/innovations")
# The portal's pages: the catalogue's first 20 results, and the page of the newest published
# innovation. Uncompressed, as wrk asks; nginx gets the same bytes under the same paths.
catalogue_path='/inovasi'
page_id=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])' \
  <"$www/api/v1/innovations") || die "could not read an innovation id from $list_path"
page_path="/inovasi/$page_id"
mkdir -p "$www/inovasi"
curl -fsS -o "$www/catalogue.html" "$lumbung_url$catalogue_path" || die "could not fetch $catalogue_path"
curl -fsS -o "$www/inovasi/$page_id" "$lumbung_url$page_path" || die "could not fetch $page_path"
catalogue_bytes=$(wc -c <"$www/catalogue.html")
page_bytes=$(wc -c <"$www/inovasi/$page_id")

# --- 3. nginx, the yardstick -----------------------------------------------------------------

start_nginx
# Guard against comparing different things: nginx must return byte for byte what Lumbung did.
curl -fsS -o "$tmp/check" "$nginx_url$list_path" || die "could not fetch $list_path from nginx"
cmp -s "$tmp/check" "$www/api/v1/innovations" ||
  die "nginx does not serve the same bytes as Lumbung for $list_path"
curl -fsS -o "$tmp/check" "$nginx_url$catalogue_path" || die "could not fetch $catalogue_path from nginx"
cmp -s "$tmp/check" "$www/catalogue.html" ||
  die "nginx does not serve the same bytes as Lumbung for $catalogue_path"

# --- 4. load ---------------------------------------------------------------------------------

declare -A rps p99 non2xx sockerr
endpoints=(/healthz "$list_path" "$catalogue_path" "$page_path")
# short_name ENDPOINT: healthz, list, catalogue or page, for file names and result keys.
short_name() {
  case $1 in
    /healthz) echo healthz ;;
    "$list_path") echo list ;;
    "$catalogue_path") echo catalogue ;;
    *) echo page ;;
  esac
}
for endpoint in "${endpoints[@]}"; do
  for server in lumbung nginx; do
    url=$lumbung_url
    [[ $server == nginx ]] && url=$nginx_url
    echo "bench: wrk $server $endpoint (${warmup} warm-up + ${duration})..." >&2
    out="$tmp/wrk-$server-$(short_name "$endpoint").txt"
    run_wrk "$url$endpoint" "$out"
    if [[ $server == lumbung ]] && ! kill -0 "$lumbung_pid" 2>/dev/null; then
      echo "bench: lumbung died under load on $endpoint; its log:" >&2
      tail -n 30 "$tmp/lumbung.log" >&2 || true
      cat "$out" >&2
      exit 1
    fi
    read -r r p n s < <(parse_wrk "$out") || die "could not parse wrk's output: $(cat "$out")"
    key="$server $endpoint"
    rps[$key]=$r p99[$key]=$p non2xx[$key]=$n sockerr[$key]=$s
  done
done

# Idle again: let the closed connections be torn down before sampling.
sleep 1
rss_after=$(rss_mb "$lumbung_pid")

# --- 5. report -------------------------------------------------------------------------------

# ratio A B [DECIMALS]: A/B, with two decimals unless told.
ratio() { awk -v a="$1" -v b="$2" -v d="${3:-2}" 'BEGIN { printf "%.*f", d, (b > 0 ? a / b : 0) }'; }
# holds EXPR: "met" if the awk expression is true, else "NOT MET".
holds() { awk "BEGIN { exit !($1) }" && echo "met" || echo "NOT MET"; }
# Requests that failed make requests/s meaningless, so they void the target they belong to.
clean() {
  local key="lumbung $1"
  ((${non2xx[$key]} == 0 && ${sockerr[$key]} == 0))
}

h="/healthz" l="$list_path"
# Three decimals next to the targets, so that a 0.796 that misses 0.8 does not read as 0.80.
healthz_ratio=$(ratio "${rps[lumbung $h]}" "${rps[nginx $h]}" 3)
list_ratio=$(ratio "${rps[lumbung $l]}" "${rps[nginx $l]}" 3)
list_p99=$(awk -v p="${p99[lumbung $l]}" 'BEGIN { printf "%.2f", p }')
c="$catalogue_path" g="$page_path"
catalogue_ratio=$(ratio "${rps[lumbung $c]}" "${rps[nginx $c]}" 3)
catalogue_p99=$(awk -v p="${p99[lumbung $c]}" 'BEGIN { printf "%.2f", p }')
page_ratio=$(ratio "${rps[lumbung $g]}" "${rps[nginx $g]}" 3)
page_p99=$(awk -v p="${p99[lumbung $g]}" 'BEGIN { printf "%.2f", p }')

# Judged on the unrounded numbers, so that 0.796 does not pass as 0.80.
target_healthz=$(holds "${rps[lumbung $h]} >= 0.8 * ${rps[nginx $h]}")
target_list=$(holds "${rps[lumbung $l]} >= 0.5 * ${rps[nginx $l]} && ${p99[lumbung $l]} < 10")
target_rss=$(holds "$rss_before < 40 && $rss_after < 40")
clean "$h" || target_healthz="NOT MET (failed requests)"
clean "$l" || target_list="NOT MET (failed requests)"
target_catalogue=$(holds "${rps[lumbung $c]} >= 0.5 * ${rps[nginx $c]} && ${p99[lumbung $c]} < 10")
target_page=$(holds "${rps[lumbung $g]} >= 0.5 * ${rps[nginx $g]} && ${p99[lumbung $g]} < 10")
clean "$c" || target_catalogue="NOT MET (failed requests)"
clean "$g" || target_page="NOT MET (failed requests)"

model=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
cores=$(nproc)
when=$(date '+%Y-%m-%d %H:%M:%S %Z')

{
  echo "Lumbung benchmark, $when"
  echo "machine: $cores cores, ${model:-unknown CPU}; $(nginx -v 2>&1 | sed 's/^nginx version: //'), $(wrk -v 2>&1 | head -n 1 | awk '{ print $1, $2 }' || true)"
  echo "load: wrk -t$wrk_threads -c$connections -d$duration --latency (after a $warmup warm-up), server and wrk on the same $cores cores"
  echo "machine load average before the run: $load_before (anything else running skews the numbers)"
  echo "database: $innovations innovations, generated by 'lumbung demo' in $demo_seconds s"
  echo "bodies: /healthz $healthz_bytes bytes, $list_path $list_bytes bytes, $catalogue_path $catalogue_bytes bytes, $page_path $page_bytes bytes"
  echo
  printf "%-32s %14s %8s %13s %8s %7s\n" endpoint "lumbung req/s" "p99 ms" "nginx req/s" "p99 ms" ratio
  for endpoint in "${endpoints[@]}"; do
    printf "%-32s %14.0f %8.2f %13.0f %8.2f %7s\n" "$endpoint" \
      "${rps[lumbung $endpoint]}" "${p99[lumbung $endpoint]}" \
      "${rps[nginx $endpoint]}" "${p99[nginx $endpoint]}" \
      "$(ratio "${rps[lumbung $endpoint]}" "${rps[nginx $endpoint]}")"
  done
  echo
  echo "memory: lumbung idle RSS $rss_before MB after startup, $rss_after MB after the load"
  for endpoint in "${endpoints[@]}"; do
    for server in lumbung nginx; do
      key="$server $endpoint"
      if ((${non2xx[$key]} + ${sockerr[$key]} > 0)); then
        echo "errors: $server $endpoint: ${non2xx[$key]} non-2xx/3xx responses, ${sockerr[$key]} socket errors"
      fi
    done
  done
  echo
  echo "targets:"
  echo "  /healthz ratio >= 0.8                      ($healthz_ratio)  $target_healthz"
  echo "  list ratio >= 0.5 and p99 < 10 ms          ($list_ratio, $list_p99 ms)  $target_list"
  echo "  catalogue ratio >= 0.5 and p99 < 10 ms     ($catalogue_ratio, $catalogue_p99 ms)  $target_catalogue"
  echo "  innovation page ratio >= 0.5, p99 < 10 ms  ($page_ratio, $page_p99 ms)  $target_page"
  echo "  idle RSS < 40 MB                           ($rss_before / $rss_after MB)  $target_rss"
} | tee "$tmp/report.txt"

# The same numbers, one key=value a line, for scripts and for comparing runs over time.
mkdir -p "$out_dir"
results=$out_dir/results-$(date '+%Y-%m-%d-%H%M%S').txt
{
  echo "date=$when"
  echo "machine.nproc=$cores"
  echo "machine.model=${model:-unknown}"
  echo "wrk.threads=$wrk_threads"
  echo "wrk.connections=$connections"
  echo "wrk.duration=$duration"
  echo "wrk.warmup=$warmup"
  echo "machine.loadavg_before=$load_before"
  echo "demo.innovations=$innovations"
  echo "demo.seconds=$demo_seconds"
  echo "body.healthz.bytes=$healthz_bytes"
  echo "body.list.bytes=$list_bytes"
  echo "body.catalogue.bytes=$catalogue_bytes"
  echo "body.page.bytes=$page_bytes"
  echo "rss.idle_before_mb=$rss_before"
  echo "rss.idle_after_mb=$rss_after"
  for endpoint in "${endpoints[@]}"; do
    name=$(short_name "$endpoint")
    for server in lumbung nginx; do
      key="$server $endpoint"
      echo "$name.$server.rps=${rps[$key]}"
      echo "$name.$server.p99_ms=${p99[$key]}"
      echo "$name.$server.non2xx=${non2xx[$key]}"
      echo "$name.$server.socket_errors=${sockerr[$key]}"
    done
    echo "$name.ratio=$(ratio "${rps[lumbung $endpoint]}" "${rps[nginx $endpoint]}")"
  done
  echo "target.healthz_ratio_ge_0.8=$target_healthz"
  echo "target.list_ratio_ge_0.5_and_p99_lt_10ms=$target_list"
  echo "target.catalogue_ratio_ge_0.5_and_p99_lt_10ms=$target_catalogue"
  echo "target.page_ratio_ge_0.5_and_p99_lt_10ms=$target_page"
  echo "target.idle_rss_lt_40mb=$target_rss"
} >"$results"
echo
echo "results written to ${results#"$root"/}"
