#!/usr/bin/env bash
# Prints the batch figures the README quotes: 40 synthetic lesson-01
# submissions (10 correct, 10 partly wrong, 10 untouched stubs, 10 with a
# compile error) graded with `batch --jobs 2` from a cold cache, twice — with
# the files of each kind alike, and with every written file different, as
# real students' are — against the naive way: per submission a CMake
# configure and build of the learner's files with a GoogleTest file, then
# running it. Run after ./setup.sh; takes a few minutes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mathlings=$root/build/grader/mathlings
[ -x "$mathlings" ] || { echo "benchmark-batch: build first (./setup.sh)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fixtures=$root/tests/fixtures/submissions
lesson=01-linear-algebra

# make_class DIR UNIQUE: 10 of each kind; with UNIQUE=1 every written file
# gets a line of its own (students' files differ), with 0 the files of a kind
# are identical (the issue's synthetic mix; untouched stubs are always alike).
make_class() {
  local class=$1 unique=$2
  for i in $(seq -w 1 40); do
    local student=$class/student$i/$lesson kind=$(( (10#$i - 1) / 10 ))
    mkdir -p "$student"
    case $kind in
      0) cp "$fixtures/all-correct/$lesson/"*.cpp "$student/" ;;
      1) cp "$fixtures/all-correct/$lesson/"*.cpp "$student/"; cp "$fixtures/partly-wrong/$lesson/"*.cpp "$student/" ;;
      2) cp "$root/exercises/$lesson/"*.cpp "$student/" ;;
      3) cp "$fixtures/all-correct/$lesson/"*.cpp "$student/"; cp "$fixtures/compile-error/$lesson/elimination.cpp" "$student/" ;;
    esac
    if [ "$unique" = 1 ] && [ $kind -ne 2 ]; then
      for f in "$student"/*.cpp; do echo "// student $i" >>"$f"; done
    fi
  done
}
make_class "$work/mix" 0
make_class "$work/unique" 1

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", b - a}'; }

run_batch() {  # prints the wall seconds; a cold cache each time
  local start rss seconds
  start=$(now)
  /usr/bin/time -f "%M" -o "$work/rss" "$mathlings" --cache "$work/cache-$1" --jobs 2 batch "$work/$1" \
    --output "$work/out-$1" >/dev/null 2>&1 || true
  seconds=$(seconds "$start" "$(now)")
  rss=$(tail -n 1 "$work/rss")
  echo "batch of 40 lesson-01 submissions ($2), --jobs 2, cold cache: ${seconds} s wall," \
    "$(awk -v s="$seconds" 'BEGIN {printf "%.0f", 40 * 60 / s}') submissions/min, peak memory $((rss / 1024)) MiB" \
    >"$work/report-$1"
  echo "$seconds"
}
mix_seconds=$(run_batch mix "the issue's mix: the files of a kind alike")
cat "$work/report-mix"
unique_seconds=$(run_batch unique "every written file different")
cat "$work/report-unique"

start=$(now)
for dir in "$work/unique"/*/; do
  build=$work/naive/$(basename "$dir")
  cmake -S "$root/scripts/naive" -B "$build" -G Ninja -DSUBMISSION="$dir" -DCOURSE_INCLUDE="$root/include" \
    -DCMAKE_BUILD_TYPE=Release >/dev/null 2>&1 || continue
  cmake --build "$build" -j 2 >/dev/null 2>&1 || continue  # a compile error fails the whole submission
  timeout 60 "$build/tests" >/dev/null 2>&1 || true
done
naive_seconds=$(seconds "$start" "$(now)")
echo "the same 40 the naive way (CMake configure + build with GoogleTest + run, per submission): ${naive_seconds} s wall"
ratio() { awk -v b="$1" -v n="$naive_seconds" 'BEGIN {printf "%.1f", n / b}'; }
echo "batch is $(ratio "$mix_seconds")× faster on the issue's mix, $(ratio "$unique_seconds")× when every file differs"
