#!/usr/bin/env bash
# Fuzzing of TXNG's parsers with libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer.
#
#   ./fuzz.sh gs1 SECONDS   builds the targets of fuzz/ with clang in ./build-fuzz, seeds each
#                           one's corpus from the inputs of the GS1 conformance vectors (in a
#                           temporary folder) and runs each target for SECONDS seconds.
#
# Prints the runs executed per target. Exits non-zero on any crash, leak, UB
# report, failed round-trip property, timeout (a single input taking over
# FUZZ_TIMEOUT seconds, default 10) or memory over FUZZ_RSS_MB (default
# 2048); the reproducer is kept in build-fuzz/artifacts/ and its path printed.
# Environment: TXNG_CONFORMANCE_DIR (default ../shared/conformance), FUZZ_MAX_LEN (default 4096).
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD

usage() {
  echo "usage: ./fuzz.sh gs1 SECONDS" >&2
  exit 2
}
[[ $# -eq 2 && "$1" == "gs1" && "$2" =~ ^[1-9][0-9]*$ ]] || usage
seconds=$2
timeout_s="${FUZZ_TIMEOUT:-10}"
rss_mb="${FUZZ_RSS_MB:-2048}"
max_len="${FUZZ_MAX_LEN:-4096}"
vectors="${TXNG_CONFORMANCE_DIR:-$root/../shared/conformance}/gs1-syntax/vectors.tsv"
[[ -f "$vectors" ]] || { echo "error: $vectors not found (set TXNG_CONFORMANCE_DIR)" >&2; exit 1; }

# The same ccache settings as scripts/build, so clones share the cache.
export CCACHE_BASEDIR="$root"
export CCACHE_NOHASHDIR=true
export CCACHE_SLOPPINESS="${CCACHE_SLOPPINESS:-file_macro,time_macros}"

build=build-fuzz
if [[ ! -f $build/build.ninja ]]; then
  CC=clang CXX=clang++ cmake -S . -B $build -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS="-O1" -DTXNG_FUZZ=ON -DTXNG_WERROR=ON >/dev/null
fi

# Per target, separated by spaces: the seeds' kinds in vectors.tsv (a Perl regex), whether the
# target takes an options byte before its data (1 or 0), and its dictionary (- for none).
targets=(
  "digital_link ^(digital-link-parse|digital-link-ignored|data-string-set) 1 digital_link.dict"
  "digital_link_generate ^(digital-link-generate|ai-bracketed|ai-validate) 1 element_string.dict"
  "bracketed ^(ai-bracketed|ai-validate|ai-error-markup) 1 element_string.dict"
  "gs1_data ^(ai-element-string|data-|hri-from-data|ai-bracketed-set) 1 element_string.dict"
  "scan_data ^scan-data- 1 element_string.dict"
  "epc_uri ^epc 0 epc_uri.dict"
  "uri_escape ^uri- 0 -"
)
ninja -C $build -j "$(nproc)" $(for t in "${targets[@]}"; do echo "${t%% *}_fuzz"; done)

work=$(mktemp -d /tmp/txng-fuzz.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p $build/artifacts

# Writes the decoded `input` cells of the rows whose kind matches $1 into
# folder $3, one file each, prefixed with a zero options byte when $2 is 1.
seed() {
  perl -e '
    my ($kinds, $prefix, $dir) = @ARGV[0, 1, 2];
    open(my $in, "<", $ARGV[3]) or die "$ARGV[3]: $!";
    my $n = 0;
    while (my $line = <$in>) {
      next if $line =~ /^#/;
      chomp $line;
      my ($kind, $input) = split /\t/, $line, -1;
      next if $kind eq "kind" || $kind !~ /$kinds/ || $input eq "";
      $input =~ s/\\(\\|x([0-9A-Fa-f]{2}))/defined $2 ? chr(hex $2) : "\\"/ge;
      open(my $out, ">:raw", sprintf("%s/seed-%05d", $dir, $n++)) or die $!;
      print $out ($prefix ? "\0" : ""), $input;
      close $out;
    }' "$1" "$2" "$3" "$vectors"
}

failed=0
printf '%-24s %12s  %s\n' target runs result
for t in "${targets[@]}"; do
  read -r name kinds prefix dict <<<"$t"
  corpus="$work/$name"
  mkdir -p "$corpus"
  seed "$kinds" "$prefix" "$corpus"
  if [[ -f fuzz/$name.seeds ]]; then
    n=0
    while IFS= read -r line; do
      printf '%s' "$line" >"$corpus/own-$((n++))"
    done <"fuzz/$name.seeds"
  fi
  args=(-max_total_time="$seconds" -timeout="$timeout_s" -rss_limit_mb="$rss_mb"
    -max_len="$max_len" -print_final_stats=1 -artifact_prefix="$build/artifacts/$name-")
  [[ "$dict" != - ]] && args+=(-dict="fuzz/$dict")
  log="$work/$name.log"
  status=0
  "$build/fuzz/${name}_fuzz" "${args[@]}" "$corpus" >"$log" 2>&1 || status=$?
  runs=$(awk '/stat::number_of_executed_units:/ {print $2}' "$log" | tail -1)
  if [[ $status -eq 0 ]]; then
    printf '%-24s %12s  %s\n' "$name" "${runs:-?}" ok
  else
    failed=1
    printf '%-24s %12s  %s\n' "$name" "${runs:-?}" "FAILED (exit $status)"
    grep -a -E -A1 'ERROR: |runtime error:|SUMMARY:|property failed' "$log" | grep -a -v '^ *#' |
      grep -a -v '^--$' | head -12 | sed 's/^/    /'
    reproducer=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    echo "    reproducer: ${reproducer:-none written; log follows}"
    [[ -n "$reproducer" ]] && echo "    rerun: $build/fuzz/${name}_fuzz $reproducer"
    [[ -z "$reproducer" ]] && tail -40 "$log" | sed 's/^/    /'
  fi
done
exit $failed
