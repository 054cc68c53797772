#!/usr/bin/env bash
# Prints the figures the README quotes. Run after ./setup.sh:
#   scripts/benchmark.sh            everything (about 15 minutes on 2 cores)
#   scripts/benchmark.sh --quick    edit → verdict for three exercises only
# 1. Edit → verdict for every exercise of the course: a one-line change to a
#    correct file, then `mathlings check ID` with a warm cache, median of 5;
#    the worst exercise named, and timed again with g++ alone (no clang fast
#    path) for comparison. Lesson 01's elimination is also compiled
#    alone without the precompiled header, for comparison.
# 2. Grading a full correct lesson-01 submission and a full correct
#    18-exercise one: wall time and peak memory, cold cache and warm.
# 3. Save-to-verdict latency in `mathlings watch` (a one-line change to a
#    lesson-01 and a lesson-04 exercise, median of 5), typed through a
#    pseudo-terminal by build/pty_driver.
# 4. The sandbox's cost per learner process, against a plain fork/exec.
# Works on a scratch copy of the course, so the repository is not touched.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mathlings=$root/build/grader/mathlings
[ -x "$mathlings" ] || { echo "benchmark: build first (./setup.sh)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
course=$work/course
cache=$work/cache
mkdir -p "$course"
cp -r "$root"/{course.yaml,include,lessons,exercises,solutions,specs} "$course"/
cp -r "$root"/solutions/. "$course"/exercises/  # every exercise correct
quick=false
[ "${1:-}" = --quick ] && quick=true

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f\n", b - a}'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(g++ --version | head -1)"

# Warm-up: every lesson's precompiled header, the bindings, the reference runners.
"$mathlings" --course "$course" --cache "$cache" check >/dev/null || true

if $quick; then
  ids=(01-linear-algebra/elimination 04-statistics/t_tests 04-statistics/regression_inference)
else
  mapfile -t ids < <(cd "$course/exercises" && find . -name '*.cpp' | sed 's|^\./||; s|\.cpp$||' | sort)
fi
worst_id="" worst=0
for id in "${ids[@]}"; do
  file=$course/exercises/$id.cpp
  times=()
  for i in 1 2 3 4 5; do
    echo "// edit $i $(now)" >>"$file"  # a real change: the file must be compiled again
    start=$(now)
    "$mathlings" --course "$course" --cache "$cache" check "$id" >/dev/null ||
      { echo "benchmark: $id no longer passes" >&2; exit 1; }
    times+=("$(seconds "$start" "$(now)")")
  done
  m=$(printf '%s\n' "${times[@]}" | median)
  printf 'edit → verdict %-36s %6.2f s (median of 5)   [runs: %s]\n' "$id" "$m" "${times[*]}"
  if awk -v a="$m" -v b="$worst" 'BEGIN {exit !(a > b)}'; then worst=$m worst_id=$id; fi
done
echo "edit → verdict, worst exercise: $worst_id, $worst s"
file=$course/exercises/$worst_id.cpp
times=()
for i in 1 2 3; do
  echo "// g++ edit $i $(now)" >>"$file"
  start=$(now)
  MATHLINGS_NO_FAST_COMPILER=1 "$mathlings" --course "$course" --cache "$cache" check "$worst_id" >/dev/null
  times+=("$(seconds "$start" "$(now)")")
done
echo "  for comparison, $worst_id compiled by g++ alone (MATHLINGS_NO_FAST_COMPILER=1, median of 3):" \
  "$(printf '%s\n' "${times[@]}" | median) s"
$quick && exit 0

file=$course/exercises/01-linear-algebra/elimination.cpp
eigen=$(dirname "$(find /usr/include/eigen3 -maxdepth 1 -name Eigen -print -quit)")
plain=()
for i in 1 2 3; do
  start=$(now)
  g++ -std=c++20 -O1 -I"$course/include" -isystem "$eigen" -c "$file" -o "$work/plain.o"
  plain+=("$(seconds "$start" "$(now)")")
done
echo "  for comparison, compiling that file alone without the precompiled header (median of 3): $(printf '%s\n' "${plain[@]}" | median) s"

# Exit status 1 is expected for the lesson-01 submission: the other lessons are not attempted.
grade() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$mathlings" --cache "$work/$2" grade "$1" --format json >/dev/null || true
  # (time writes "Command exited with non-zero status 1" first when it did)
  read -r wall rss < <(tail -n 1 "$work/time")
  echo "${wall} s wall, peak memory $((rss / 1024)) MiB"
}
mkdir -p "$work/lesson-01"
cp -r "$root/tests/fixtures/submissions/all-correct/01-linear-algebra" "$work/lesson-01/"
echo "grade a full correct lesson-01 submission, cold cache: $(grade "$work/lesson-01" cache-01)"
echo "grade a full correct lesson-01 submission, warm cache: $(grade "$work/lesson-01" cache-01)"
echo "grade a full correct 18-exercise submission, cold cache: $(grade "$root/tests/fixtures/submissions/all-correct" cache-all)"
echo "grade a full correct 18-exercise submission, warm cache: $(grade "$root/tests/fixtures/submissions/all-correct" cache-all)"
# watch: wait for its first verdict, then save a one-line change five times
# and time each new verdict ("check #N") from the save.
watch_latency() {
  local id=$1 steps=("expect=check #1")
  for i in 1 2 3 4 5; do
    steps+=(clock "append=$course/exercises/$id.cpp:// edit $i" "expect=check #$((i + 1))" "lap=save-to-verdict")
  done
  NO_COLOR=1 "$root/build/pty_driver" --timeout 120 "${steps[@]}" send=q "expect=Bye." -- \
    "$mathlings" --course "$course" --cache "$cache" watch "$id" | awk '/save-to-verdict/ {print $2}'
}
for id in 01-linear-algebra/elimination 04-statistics/t_tests; do
  mapfile -t laps < <(watch_latency "$id")
  echo "watch, save to verdict for $id (median of 5): $(printf '%s\n' "${laps[@]}" | median) s   [runs: ${laps[*]}]"
done
"$root/build/sandbox_overhead"
