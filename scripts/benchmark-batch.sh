#!/usr/bin/env bash
# Prints the batch figures the README quotes: 40 synthetic submissions (10
# correct, 10 partly wrong, 10 untouched stubs, 10 with a compile error)
# graded with `batch --jobs 2` from a cold cache, against the naive way: per
# submission a CMake configure and build of the learner's files with a
# hand-written GoogleTest file per lesson (scripts/naive/), then running it.
# Three classes: lesson 01 with the files of each kind alike; lesson 01 with
# every written file different, as real students' are; and the whole course
# (every lesson of course.yaml), every written file different — there the
# partly wrong and compile-error students are correct but for lesson 01, the
# only lesson those fixtures cover. Run after ./setup.sh; the lesson-01 lines
# take a few minutes, the whole course roughly half an hour more (its naive
# way compiles 18 learner files and four GoogleTest files per submission).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mathlings=$root/build/grader/mathlings
[ -x "$mathlings" ] || { echo "benchmark-batch: build first (./setup.sh)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fixtures=$root/tests/fixtures/submissions
lesson=01-linear-algebra
# The course's lessons, in order, from its manifest: the whole-course class
# covers what batch grades, and the naive project builds a test per lesson.
mapfile -t course_lessons < <(sed -n 's/^  - id: *//p' "$root/course.yaml")
[ ${#course_lessons[@]} -gt 0 ] || { echo "benchmark-batch: no lessons in course.yaml" >&2; exit 2; }

# make_class DIR UNIQUE LESSON...: 10 of each kind, each student with a folder
# per LESSON; with UNIQUE=1 every written file gets a line of its own
# (students' files differ), with 0 the files of a kind are identical (the
# issue's synthetic mix; untouched stubs are always alike). The partly wrong
# and compile-error fixtures are lesson 01's: in other lessons those students
# hand in correct files.
make_class() {
  local class=$1 unique=$2
  shift 2
  for i in $(seq -w 1 40); do
    local kind=$(( (10#$i - 1) / 10 )) one student
    for one in "$@"; do
      student=$class/student$i/$one
      mkdir -p "$student"
      case $kind in
        0) cp "$fixtures/all-correct/$one/"*.cpp "$student/" ;;
        1) cp "$fixtures/all-correct/$one/"*.cpp "$student/"
           if [ "$one" = "$lesson" ]; then cp "$fixtures/partly-wrong/$one/"*.cpp "$student/"; fi ;;
        2) cp "$root/exercises/$one/"*.cpp "$student/" ;;
        3) cp "$fixtures/all-correct/$one/"*.cpp "$student/"
           if [ "$one" = "$lesson" ]; then cp "$fixtures/compile-error/$one/elimination.cpp" "$student/"; fi ;;
      esac
      if [ "$unique" = 1 ] && [ $kind -ne 2 ]; then
        for f in "$student"/*.cpp; do echo "// student $i" >>"$f"; done
      fi
    done
  done
}
make_class "$work/mix" 0 "$lesson"
make_class "$work/unique" 1 "$lesson"
make_class "$work/course" 1 "${course_lessons[@]}"

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", b - a}'; }

run_batch() {  # CLASS LABEL WHAT: prints the wall seconds; a cold cache each time
  local start rss seconds
  start=$(now)
  /usr/bin/time -f "%M" -o "$work/rss" "$mathlings" --cache "$work/cache-$1" --jobs 2 batch "$work/$1" \
    --output "$work/out-$1" >/dev/null 2>&1 || true
  seconds=$(seconds "$start" "$(now)")
  rss=$(tail -n 1 "$work/rss")
  echo "batch of 40 $3 submissions ($2), --jobs 2, cold cache: ${seconds} s wall," \
    "$(awk -v s="$seconds" 'BEGIN {printf "%.0f", 40 * 60 / s}') submissions/min, peak memory $((rss / 1024)) MiB" \
    >"$work/report-$1"
  echo "$seconds"
}

# run_naive CLASS LESSONS (a ;-list for CMake): prints the wall seconds of
# configuring, building and running every student's naive project.
run_naive() {
  local start dir build
  start=$(now)
  for dir in "$work/$1"/*/; do
    build=$work/naive-$1/$(basename "$dir")
    cmake -S "$root/scripts/naive" -B "$build" -G Ninja -DSUBMISSION="$dir" -DLESSONS="$2" \
      -DCOURSE_INCLUDE="$root/include" -DCMAKE_BUILD_TYPE=Release >/dev/null 2>&1 || continue
    cmake --build "$build" -j 2 >/dev/null 2>&1 || continue  # a compile error fails the whole submission
    timeout 60 "$build/tests" >/dev/null 2>&1 || true
  done
  seconds "$start" "$(now)"
}
ratio() { awk -v b="$1" -v n="$2" 'BEGIN {printf "%.1f", n / b}'; }  # BATCH NAIVE

mix_seconds=$(run_batch mix "the issue's mix: the files of a kind alike" lesson-01)
cat "$work/report-mix"
unique_seconds=$(run_batch unique "every written file different" lesson-01)
cat "$work/report-unique"
naive_seconds=$(run_naive unique "$lesson")
echo "the same 40 the naive way (CMake configure + build with GoogleTest + run, per submission): ${naive_seconds} s wall"
echo "batch is $(ratio "$mix_seconds" "$naive_seconds")× faster on the issue's mix," \
  "$(ratio "$unique_seconds" "$naive_seconds")× when every file differs"

course_seconds=$(run_batch course "every written file different" whole-course)
cat "$work/report-course"
naive_course_seconds=$(run_naive course "$(IFS=';'; echo "${course_lessons[*]}")")
echo "the same 40 whole-course submissions the naive way (CMake configure + build with a GoogleTest file" \
  "per lesson + run, per submission): ${naive_course_seconds} s wall"
echo "whole course, every file different: batch is $(ratio "$course_seconds" "$naive_course_seconds")× faster than naive"
