# Helpers the benchmark scripts share: sourced by bench/run.sh and bench/search.sh, which set
# root and bin first. Sets the load every run applies, creates the temp dir ($tmp) that holds
# everything a run writes, and stops every process the script started ($pids) on exit.

# The load: wrk with 64 connections on 2 threads, BENCH_DURATION measured after BENCH_WARMUP.
duration=${BENCH_DURATION:-10s}
warmup=${BENCH_WARMUP:-2s}
# wrk reads a bare number as seconds; say so in the report.
[[ $duration =~ ^[0-9]+$ ]] && duration+=s
[[ $warmup =~ ^[0-9]+$ ]] && warmup+=s
connections=64
wrk_threads=2

die() {
  echo "bench: $*" >&2
  exit 1
}

# --- preconditions ---------------------------------------------------------------------------

for tool in curl wrk nginx python3 awk; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is missing; run ./scripts/install-deps.sh (or make bench)"
done
if [[ ! -x "$bin" ]]; then
  die "no binary at $bin
Build it first:  cmake --preset release && cmake --build --preset release   (or: make bench)"
fi

# --- temp dir and cleanup --------------------------------------------------------------------

# Everything (database, nginx config, bodies, logs, wrk output) lives here and is removed on exit.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lumbung-bench.XXXXXX")
pids=() # every background process we start, so that none outlives the script

cleanup() {
  local status=$? pid
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  # Give them a moment to shut down cleanly (nginx waits for its workers), then insist.
  for _ in $(seq 50); do
    local alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A port the kernel just handed out and released; fixed ports may be taken by something else.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Polls URL until it answers 2xx, for at most 15 s; fails early if process PID has exited.
wait_for() {
  local url=$1 pid=$2 log=$3
  for _ in $(seq 300); do
    if curl -fsS -o /dev/null --max-time 1 "$url" 2>/dev/null; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "bench: the server exited before answering $url; its log:" >&2
      tail -n 30 "$log" >&2 || true
      exit 1
    fi
    sleep 0.05
  done
  echo "bench: $url did not answer within 15 s; the server's log:" >&2
  tail -n 30 "$log" >&2 || true
  exit 1
}

# Waits until the server whose log is LOG has read its search index into memory (it says so in
# its log), for at most SECONDS; fails if process PID has exited. Prints the line that says so.
wait_for_search_memory() {
  local log=$1 pid=$2 seconds=$3
  for _ in $(seq $((seconds * 10))); do
    if grep -q "search index read into memory" "$log"; then
      grep "search index read into memory" "$log" >&2
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || die "lumbung exited: $(tail -n 20 "$log")"
    sleep 0.1
  done
  die "lumbung did not read its search index into memory within $seconds s"
}

# Resident memory of PID in MB (VmRSS is in kB).
rss_mb() {
  awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"
}

# Reads wrk --latency output and prints: requests/s, p99 in ms, non-2xx/3xx count, socket errors.
parse_wrk() {
  awk '
    /^Requests\/sec:/ { rps = $2 }
    $1 == "99%" {
      match($2, /[a-z]+$/)
      value = substr($2, 1, RSTART - 1); unit = substr($2, RSTART)
      scale["us"] = 0.001; scale["ms"] = 1; scale["s"] = 1000; scale["m"] = 60000; scale["h"] = 3600000
      p99 = value * scale[unit]
    }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ { gsub(",", ""); sockerr = $4 + $6 + $8 + $10 }
    END {
      if (rps == "" || p99 == "") exit 1
      printf "%.2f %.3f %d %d\n", rps, p99, non2xx, sockerr
    }' "$1"
}

# Waits for background child PID, which cleanup kills if we are interrupted meanwhile. (bash
# runs a trap only once a foreground child has finished, but interrupts `wait` at once.)
wait_child() {
  pids+=("$1")
  wait "$1"
  unset 'pids[-1]'
}

# Runs an unmeasured warm-up (caches, connection pools, CPU frequency), then the measured run.
run_wrk() {
  local url=$1 out=$2
  wrk -t"$wrk_threads" -c"$connections" -d"$warmup" "$url" >/dev/null &
  wait_child $!
  wrk -t"$wrk_threads" -c"$connections" -d"$duration" --latency "$url" >"$out" &
  wait_child $!
}

# Starts nginx, the yardstick, serving $www on a free port (not $lumbung_port) with
# bench/nginx.conf.template; sets nginx_pid and nginx_url. $www must hold a file "healthz".
start_nginx() {
  nginx_port=$(free_port)
  while [[ "$nginx_port" == "$lumbung_port" ]]; do nginx_port=$(free_port); done
  mkdir -p "$tmp/nginx"
  # nginx creates its temp directories at startup, by default under /var/lib/nginx: keep them
  # here, but only name those of modules this nginx was built with (unknown directives are fatal).
  temp_paths="client_body_temp_path $tmp/nginx/body;"
  for module in proxy fastcgi uwsgi scgi; do
    if ! nginx -V 2>&1 | grep -q -- "--without-http_${module}_module"; then
      temp_paths+=" ${module}_temp_path $tmp/nginx/$module;"
    fi
  done
  # Run as root, nginx would hand the workers to www-data, which cannot read our 0700 temp dir.
  user_line=""
  if [[ $(id -u) -eq 0 ]]; then user_line="user root;"; fi
  sed -e "s|@TMP@|$tmp|g" -e "s|@WWW@|$www|g" -e "s|@PORT@|$nginx_port|g" \
    -e "s|@USER@|$user_line|" -e "s|@TEMP_PATHS@|$temp_paths|" \
    "$root/bench/nginx.conf.template" >"$tmp/nginx.conf"
  nginx -p "$tmp/nginx" -e "$tmp/nginx-error.log" -c "$tmp/nginx.conf" -t >/dev/null 2>"$tmp/nginx-test.log" ||
    die "nginx rejected the generated config: $(cat "$tmp/nginx-test.log")"
  nginx -p "$tmp/nginx" -e "$tmp/nginx-error.log" -c "$tmp/nginx.conf" >"$tmp/nginx.out" 2>&1 &
  nginx_pid=$!
  pids+=("$nginx_pid")
  nginx_url="http://127.0.0.1:$nginx_port"
  wait_for "$nginx_url/healthz" "$nginx_pid" "$tmp/nginx-error.log"
}
