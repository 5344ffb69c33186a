#!/usr/bin/env bash
# Benchmarks, each beside a floor measured in the same run.
#
#   ./bench.sh http     wrk (64 connections, 30 s each) on txng's /healthz and on a
#                       public product page of the demo province, and on nginx
#                       serving static files of the same sizes: requests/s and p99.
#   ./bench.sh scan     the consumer scan page (DESIGN §7): the demo province plus
#                       BENCH_SCAN_EVENTS (default 1000000) events of a generated chain
#                       (bench/trace_chain.h, bulk), then wrk on the Digital Link page of an
#                       approved lot, answered from the public page cache, again with
#                       the cache off (--public-cache-mb 0), and on nginx serving the same
#                       bytes as a static file.
#   ./bench.sh gs1      Google Benchmark (bench/gs1_benchmark, Release build in
#                       ./build-bench), one thread: Digital Link parse with full
#                       validation, bracketed element string parse, Digital Link
#                       generation, and a floor that copies and scans the same URIs.
#   ./bench.sh capture  bench/epcis_benchmark (Release, ./build-bench): EPCIS capture
#                       through Store::CaptureEvents in documents of 1,000 events on
#                       SQLite (a file in a temp dir) and PostgreSQL (scripts/pgtest
#                       in a temp dir), each beside a floor: raw prepared-statement
#                       inserts of the same rows through the same driver; and beside
#                       what the engine alone does: rows of the same shape made by
#                       INSERT … SELECT over a generated series, no client values.
#   ./bench.sh query    loads BENCH_QUERY_EVENTS (default 1000000) events of the capture
#                       benchmark's generator per backend (bulk rows of capture's shape,
#                       or BENCH_QUERY_LOAD=capture), then p50/p99 of MATCH_epc and of
#                       EQ_bizStep + a one-week eventTime window (BENCH_QUERIES, 2000).
#                       First, per backend, BENCH_QUERY_CHECK_EVENTS (20000; 0 skips it)
#                       events are loaded both through capture and in bulk, and the
#                       answers to BENCH_QUERIES of each query must be the same on both.
#   ./bench.sh trace    bench/trace_benchmark (Release, ./build-bench): loads a generated
#                       six-tier cashew chain of BENCH_TRACE_EVENTS (default 1000000)
#                       events per backend (bench/trace_chain.h; bulk rows of capture's
#                       shape, or BENCH_TRACE_LOAD=capture), then p50/p99 of trace::Trace
#                       (both directions, and backward) from BENCH_TRACE_ROOTS (1000)
#                       random raw lots, kernel lots and pallets, beside the backward
#                       trace as one recursive SQL query, and the recall impact (forward
#                       from raw lots). BENCH_TRACE_PARAMS: more PARAM=VALUE of the chain.
#                       First, per backend, a chain of BENCH_TRACE_CHECK_EVENTS (20000; 0
#                       skips it) is loaded both through capture and in bulk, and every
#                       lot's and pallet's trace must be the same on both.
#
# Environment: BENCH_DURATION (default 30s), BENCH_CONNECTIONS (64),
# TXNG_THREADS (txng worker threads, default 2 = the cores of the reference machine);
# for gs1, BENCH_MIN_TIME (seconds per repetition, default 2; 3 repetitions);
# for capture, BENCH_EVENTS (default 100000); for capture and query, BENCH_BACKENDS
# (default "SQLite PostgreSQL") and BENCH_PG_PORT (default: a free port).
# Prints a Markdown table for docs/BENCHMARKS.md. Loopback only; bounded in time.
set -euo pipefail
cd "$(dirname "$0")"

what="${1:-}"
case "$what" in
  http | scan | gs1 | capture | query | trace) ;;
  *)
    echo "usage: ./bench.sh http|scan|gs1|capture|query|trace" >&2
    exit 2
    ;;
esac

# Builds a Release target of build-bench (configured with -DTXNG_BENCH=ON).
build_bench() {
  scripts/install-deps
  # The same ccache settings as scripts/build.
  export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
  export CCACHE_SLOPPINESS="${CCACHE_SLOPPINESS:-file_macro,time_macros}"
  if [[ ! -f build-bench/build.ninja ]]; then
    cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DTXNG_BENCH=ON >/dev/null
  fi
  ninja -C build-bench -j "$(nproc)" "$1" >&2
}

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')

if [[ "$what" == "capture" || "$what" == "query" ]]; then
  build_bench epcis_benchmark
  bin=build-bench/bench/epcis_benchmark
  work=$(mktemp -d /tmp/txng-bench-epcis.XXXXXX)
  chmod 755 "$work"  # the PostgreSQL server runs as user postgres
  cleanup() {
    scripts/pgtest stop "$work/pg" >/dev/null 2>&1 || true
    rm -rf "$work"
  }
  trap cleanup EXIT
  pg=$(scripts/pgtest start "$work/pg" ${BENCH_PG_PORT:-})
  psql -q "$pg" -c "CREATE DATABASE bench_floor" -c "CREATE DATABASE bench_engine" >/dev/null
  pg_floor="${pg%/postgres}/bench_floor"
  pg_engine="${pg%/postgres}/bench_engine"
  # Prints the value after `key` on the line of $out that starts with `prefix`.
  field() { awk -v p="$1" -v k="$2" '$1 " " $2 == p { for (i = 1; i < NF; i++) if ($i == k) print $(i + 1) }' "$work/out"; }
  if [[ "$what" == "capture" ]]; then
    events="${BENCH_EVENTS:-100000}"
    echo "# $(date -u +%Y-%m-%d) · $(nproc) cores · $cpu · $events events in documents of 1,000 · PostgreSQL 15 (scripts/pgtest: fsync=off)"
    echo
    echo "| backend | capture events/s | floor events/s (raw prepared inserts) | capture time / floor time | engine alone events/s (INSERT … SELECT) | capture events per client CPU-s | floor events per client CPU-s | hash IDs (untimed) events/s |"
    echo "|---|---|---|---|---|---|---|---|"
    for backend in ${BENCH_BACKENDS:-SQLite PostgreSQL}; do
      if [[ $backend == SQLite ]]; then
        "$bin" capture "sqlite:$work/capture.db" "sqlite:$work/floor.db" "sqlite:$work/engine.db" \
          "$events" >"$work/out"
      else
        "$bin" capture "$pg" "$pg_floor" "$pg_engine" "$events" >"$work/out"
      fi
      c=$(field "capture events" events_per_s)
      f=$(field "floor events" events_per_s)
      e=$(field "engine events" events_per_s)
      cc=$(field "capture events" events_per_cpu_s)
      fc=$(field "floor events" events_per_cpu_s)
      h=$(awk '$1 == "hash" { printf "%.0f", $3 / $5 }' "$work/out")
      ratio=$(awk -v c="$c" -v f="$f" 'BEGIN { printf "%.1f×", f / c }')
      echo "| $backend | $c | $f | $ratio | $e | $cc | $fc | $h |"
    done
  else
    events="${BENCH_QUERY_EVENTS:-1000000}"
    queries="${BENCH_QUERIES:-2000}"
    echo "# $(date -u +%Y-%m-%d) · $(nproc) cores · $cpu · $events events · $queries queries each · PostgreSQL 15 (scripts/pgtest: fsync=off)"
    echo
    loadmode="${BENCH_QUERY_LOAD:-bulk}"
    check="${BENCH_QUERY_CHECK_EVENTS:-20000}"
    echo "| backend | events | load | load events/s | capture = bulk ($check events, queries alike) | query | p50 ms | p99 ms | events per answer |"
    echo "|---|---|---|---|---|---|---|---|---|"
    for backend in ${BENCH_BACKENDS:-SQLite PostgreSQL}; do
      agree="–"
      if [[ $check -gt 0 ]]; then
        if [[ $backend == SQLite ]]; then
          "$bin" check "sqlite:$work/check-capture.db" "sqlite:$work/check-bulk.db" "$check" "$queries" >"$work/out"
        else
          psql -q "$pg" -c "CREATE DATABASE bench_check" >/dev/null
          "$bin" check "$pg_floor" "${pg%/postgres}/bench_check" "$check" "$queries" >"$work/out"
          psql -q "$pg" -c "DROP DATABASE bench_floor" -c "DROP DATABASE bench_check" \
            -c "CREATE DATABASE bench_floor" >/dev/null
        fi
        agree=$(awk '$1 == "check" { print $7 "/" $5 }' "$work/out")
        rm -f "$work/check-"*.db*
      fi
      if [[ $backend == SQLite ]]; then
        "$bin" query "sqlite:$work/query.db" "$events" "$queries" "$loadmode" >"$work/out"
      else
        "$bin" query "$pg" "$events" "$queries" "$loadmode" >"$work/out"
      fi
      load=$(field "load_$loadmode events" events_per_s)
      awk -v b="$backend" -v n="$events" -v m="$loadmode" -v l="$load" -v a="$agree" '$1 == "query" {
        print "| " b " | " n " | " m " | " l " | " a " | " $2 " | " $6 " | " $8 " | " $10 " |" }' "$work/out"
      rm -f "$work/query.db"*
    done
  fi
  exit 0
fi

if [[ "$what" == "trace" ]]; then
  build_bench trace_benchmark
  bin=build-bench/bench/trace_benchmark
  work=$(mktemp -d /tmp/txng-bench-trace.XXXXXX)
  chmod 755 "$work"  # the PostgreSQL server runs as user postgres
  cleanup() {
    scripts/pgtest stop "$work/pg" >/dev/null 2>&1 || true
    rm -rf "$work"
  }
  trap cleanup EXIT
  events="${BENCH_TRACE_EVENTS:-1000000}"
  roots="${BENCH_TRACE_ROOTS:-1000}"
  load="${BENCH_TRACE_LOAD:-bulk}"
  backends="${BENCH_BACKENDS:-SQLite PostgreSQL}"
  read -r -a params <<<"events=$events ${BENCH_TRACE_PARAMS:-}"
  # The value after `key` on the line of $work/out-$backend whose first
  # words are `prefix`.
  field() { awk -v p="$2" -v k="$3" 'index($0, p " ") == 1 { for (i = 1; i < NF; i++) if ($i == k) print $(i + 1) }' "$work/out-$1"; }
  check_events="${BENCH_TRACE_CHECK_EVENTS:-20000}"
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  for backend in $backends; do
    echo "check roots 0 identical 0" >"$work/check-$backend"
    if [[ $check_events != 0 ]]; then
      if [[ $backend == SQLite ]]; then
        "$bin" check "sqlite:$work/check-capture.db" "sqlite:$work/check-bulk.db" \
          "events=$check_events" ${BENCH_TRACE_PARAMS:-} >"$work/check-$backend"
        rm -f "$work/check-"*.db*
      else
        pg=$(scripts/pgtest start "$work/pg" ${BENCH_PG_PORT:-})
        psql -q "$pg" -c "CREATE DATABASE check_capture" -c "CREATE DATABASE check_bulk" >/dev/null
        "$bin" check "${pg%/postgres}/check_capture" "${pg%/postgres}/check_bulk" \
          "events=$check_events" ${BENCH_TRACE_PARAMS:-} >"$work/check-$backend"
        scripts/pgtest stop "$work/pg" >/dev/null
      fi
    fi
    if [[ $backend == SQLite ]]; then
      "$bin" run "sqlite:$work/trace.db" "$roots" "$load" "${params[@]}" >"$work/out-$backend"
      rm -f "$work/trace.db"*
    else
      pg=$(scripts/pgtest start "$work/pg" ${BENCH_PG_PORT:-})
      "$bin" run "$pg" "$roots" "$load" "${params[@]}" >"$work/out-$backend"
      scripts/pgtest stop "$work/pg" >/dev/null
    fi
  done
  echo "# $(date -u +%Y-%m-%d) · $(nproc) cores · $cpu · $events events (${params[*]}) · $roots roots · load average (1/5/15 min) $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after · PostgreSQL 15 (scripts/pgtest: fsync=off)"
  echo
  echo "| backend | events | load | load events/s | epcis_event_epcs rows | epcis_event_quantities rows | epcis_event_links rows | EventsNaming calls per trace | floor = trace upstream | capture = bulk ($check_events events) |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  for backend in $backends; do
    same=$(awk '$1 == "check" { print $5 "/" $3 }' "$work/check-$backend")
    echo "| $backend | $(field "$backend" "load events" events) | $(field "$backend" "load events" mode) | $(field "$backend" "load events" events_per_s) | $(field "$backend" rows epcis_event_epcs) | $(field "$backend" rows epcis_event_quantities) | $(field "$backend" rows epcis_event_links) | $(field "$backend" source_calls events_naming_per_trace) | $(field "$backend" floor_check same)/$(field "$backend" floor_check roots) | $same |"
  done
  echo
  echo "| backend | what | roots | p50 ms | p99 ms | max ms | client CPU p50 ms | client CPU p99 ms | nodes per answer | events per answer |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  for backend in $backends; do
    awk -v b="$backend" '
      $1 == "trace_both" || ($1 == "trace_backward" && $2 == "all") ||
      ($1 == "floor_sql_backward" && $2 == "all") || $1 == "recall_forward" ||
      $1 == "empty_transaction" {
        if ($1 == "trace_both") what = "Trace both ways, " $2 " roots"
        else if ($1 == "trace_backward") what = "Trace backward, all roots"
        else if ($1 == "floor_sql_backward") what = "floor: backward as one recursive SQL query (identifiers only)"
        else if ($1 == "recall_forward") what = "recall impact: Trace forward from a raw lot"
        else what = "an empty read transaction (BEGIN, SELECT 1, COMMIT)"
        ev = $1 == "floor_sql_backward" || $1 == "empty_transaction" ? "–" : $18
        if ($1 == "empty_transaction") $16 = "–"
        print "| " b " | " what " | " $4 " | " $6 " | " $8 " | " $10 " | " $12 " | " $14 " | " $16 " | " ev " |"
      }' "$work/out-$backend"
  done
  echo
  echo "| backend | FSMA export, events of 2025-01-01..2025-02-28 | rows | cut at 100,000 | build s | CSV s | XLSX s | CSV bytes | XLSX bytes |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for backend in $backends; do
    echo "| $backend | ExportFsma by date range, then written | $(field "$backend" export_fsma rows) | $(field "$backend" export_fsma truncated) | $(field "$backend" export_fsma build_s) | $(field "$backend" export_fsma csv_s) | $(field "$backend" export_fsma xlsx_s) | $(field "$backend" export_fsma csv_bytes) | $(field "$backend" export_fsma xlsx_bytes) |"
  done
  exit 0
fi

if [[ "$what" == "gs1" ]]; then
  build_bench gs1_benchmark
  out=$(mktemp /tmp/txng-bench-gs1.XXXXXX.json)
  trap 'rm -f "$out"' EXIT
  build-bench/bench/gs1_benchmark --benchmark_min_time="${BENCH_MIN_TIME:-2}" \
    --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
    --benchmark_format=json >"$out"
  echo "# $(date -u +%Y-%m-%d) · $(nproc) cores · $cpu · 1 thread · median of 3 × ${BENCH_MIN_TIME:-2} s"
  echo
  echo "| what | items/s | ns/item | floor ns / ns |"
  echo "|---|---|---|---|"
  jq -r '
    [.benchmarks[] | select(.aggregate_name == "median")] as $m
    | ($m[] | select(.run_name == "BM_FloorCopyAndScan") | 1e9 / .items_per_second) as $floor
    | $m[] | (1e9 / .items_per_second) as $ns
    | "| \(.run_name | sub("^BM_"; "")) | \(.items_per_second | floor) | \($ns * 10 | round / 10) | \($floor / $ns * 100 | round)% |"
  ' "$out"
  exit 0
fi

scripts/install-deps --bench
scripts/build txng

duration="${BENCH_DURATION:-30s}"
conns="${BENCH_CONNECTIONS:-64}"
threads="${TXNG_THREADS:-2}"
txng=./build/src/cli/txng
work=$(mktemp -d /tmp/txng-bench.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A loopback port nobody listens on.
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 40000))
    ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && { echo "$p"; return; }
  done
}

# txng with the demo province on SQLite (and, for scan, a million more events).
echo "bench-password" | "$txng" --db "sqlite:$work/txng.db" demo --password-stdin >/dev/null
if [[ "$what" == "scan" ]]; then
  scan_events="${BENCH_SCAN_EVENTS:-1000000}"
  build_bench trace_benchmark
  build-bench/bench/trace_benchmark load "sqlite:$work/txng.db" "events=$scan_events" >&2
fi
# Starts txng serve with extra flags; sets PORT.
serve() {
  PORT=$(free_port)
  "$txng" --db "sqlite:$work/txng.db" serve --listen "127.0.0.1:$PORT" --threads "$threads" \
    --no-access-log "$@" >>"$work/txng.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
}
serve
port=$PORT
if [[ "$what" == "scan" ]]; then
  serve --public-cache-mb 0
  uncached_port=$PORT
  # The newest approved lot's Digital Link, as its QR code holds it.
  curl -sf "http://127.0.0.1:$port/api/v1/lots?limit=1&status=approved" >"$work/lot.json"
  gtin=$(curl -sf "http://127.0.0.1:$port/api/v1/products/$(jq -r '.items[0].productId' "$work/lot.json")" |
    jq -r .gtin)
  page="/01/$gtin/10/$(jq -r '.items[0].lotCode | @uri' "$work/lot.json")"
else
  gtin=$(curl -sf "http://127.0.0.1:$port/api/v1/products?limit=1&status=approved" |
    grep -o '"gtin":"[0-9]*"' | head -1 | cut -d'"' -f4)
  page="/01/$gtin"
fi

# nginx serving files of the same sizes as the two txng answers.
curl -sf "http://127.0.0.1:$port/healthz" >"$work/healthz.json"
curl -sf "http://127.0.0.1:$port$page" >"$work/product.html"
[[ -s "$work/product.html" ]] || { echo "error: $page answered nothing" >&2; exit 1; }
mkdir -p "$work/www"
chmod 755 "$work"  # nginx workers run as www-data
cp "$work/healthz.json" "$work/www/healthz.json"
cp "$work/product.html" "$work/www/product.html"
nport=$(free_port)
cat >"$work/nginx.conf" <<NGINX
worker_processes $threads;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  include /etc/nginx/mime.types;
  client_body_temp_path $work/nginx-tmp;
  proxy_temp_path $work/nginx-tmp;
  fastcgi_temp_path $work/nginx-tmp;
  uwsgi_temp_path $work/nginx-tmp;
  scgi_temp_path $work/nginx-tmp;
  server { listen 127.0.0.1:$nport; root $work/www; }
}
NGINX
mkdir -p "$work/nginx-tmp"
nginx -c "$work/nginx.conf" -p "$work" &
pids+=($!)
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nport/healthz.json" >/dev/null && break; sleep 0.1; done

# One wrk run; sets RPS and P99. Fails the script on any non-2xx answer.
measure() {
  wrk -t2 -c"$conns" -d"$duration" --latency "$1" >"$work/wrk.txt"
  if grep -q "Non-2xx" "$work/wrk.txt"; then
    echo "error: $1 answered non-2xx responses" >&2
    cat "$work/wrk.txt" >&2
    exit 1
  fi
  RPS=$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.txt")
  P99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
}

echo "# $(date -u +%Y-%m-%d) · $(nproc) cores · $cpu · wrk -t2 -c$conns -d$duration · txng --threads $threads"
if [[ "$what" == "scan" ]]; then
  echo
  echo "events in the database: $(sqlite3 "$work/txng.db" 'SELECT COUNT(*) FROM epcis_events')"
fi
echo
echo "| what | bytes | txng req/s | txng p99 | nginx (same size, static) req/s | nginx p99 | txng / nginx |"
echo "|---|---|---|---|---|---|---|"
pairs=("/healthz healthz.json $port" "$page product.html $port")
if [[ "$what" == "scan" ]]; then
  pairs=("$page product.html $port" "$page product.html $uncached_port")
fi
for pair in "${pairs[@]}"; do
  read -r path file at <<<"$pair"
  measure "http://127.0.0.1:$at$path"
  t_rps=$RPS t_p99=$P99
  measure "http://127.0.0.1:$nport/$file"
  n_rps=$RPS n_p99=$P99
  bytes=$(stat -c %s "$work/www/$file")
  ratio=$(awk -v a="$t_rps" -v b="$n_rps" 'BEGIN { printf "%.0f%%", 100 * a / b }')
  label="GET $path"
  [[ "$what" == "scan" && $at == "$port" ]] && label="$label (public cache)"
  [[ "$what" == "scan" && $at != "$port" ]] && label="$label (cache off)"
  echo "| \`$label\` | $bytes | $t_rps | $t_p99 | $n_rps | $n_p99 | $ratio |"
done
