#!/usr/bin/env bash
# One end-to-end case of `mathlings batch --slurm` on the single-node cluster
# that cluster.sh started (the CTest fixture slurm_cluster).
#
#   run_case.sh class  CLUSTER MATHLINGS CACHE CLASS WORK
#     the class graded by 3 array tasks and merged, --wait: the gradebook, its
#     JSON and every student's feedback equal a batch on this machine, byte
#     for byte.
#   run_case.sh cancel CLUSTER MATHLINGS CACHE CLASS WORK
#     2 tasks followed with --wait; a second submission to the same folder
#     refused while they run; task 2 stopped as soon as it grades and
#     cancelled; the merge job refuses, naming shard 2 and its students, and
#     writes no gradebook; --wait exits 3 and prints the command that grades
#     shard 2 again, which, run as printed, completes the class, every
#     student's row equal to the batch on this machine.
#
# Exits 77 (CTest: skipped) with the reason when the cluster could not start.
set -euo pipefail
mode=$1 cluster=$2 mathlings=$3 cache=$4 class=$5 work=$6

if [ -f "$cluster/unavailable" ]; then
  echo "SKIPPED: no Slurm cluster to grade on: $(cat "$cluster/unavailable")"
  exit 77
fi
[ -f "$cluster/env" ] || { echo "no $cluster/env: did the slurm_cluster fixture run?" >&2; exit 1; }
# shellcheck source=/dev/null
source "$cluster/env"

fail() { echo "FAILED: $*" >&2; exit 1; }
rm -rf "$work"
mkdir -p "$work"

# Small tasks, so that several fit on this node at once.
task_options=(--cpus-per-task 1 --mem 700M --time 15:00)

local_batch() {
  local status=0
  "$mathlings" --cache "$cache" --jobs 2 batch "$class" --output "$work/local" > "$work/local.txt" 2>&1 || status=$?
  [ "$status" -eq 1 ] || fail "the batch on this machine exited $status: $(cat "$work/local.txt")"
}

# The gradebook and each student's feedback, as a batch on this machine wrote them.
same_as_local() {
  local out=$1 f count=0
  for f in gradebook.csv gradebook.json; do
    cmp "$work/local/$f" "$out/$f" || fail "$out/$f differs from the batch on this machine"
  done
  for f in "$work"/local/feedback/*.md; do
    cmp "$f" "$out/feedback/$(basename "$f")" || fail "$(basename "$f") differs from the batch on this machine"
    count=$((count + 1))
  done
  echo "gradebook, gradebook.json and $count feedback files equal the local batch's"
}

show_job() {  # what Slurm says of a job's tasks, for the test's log
  timeout 20 scontrol -o show job "$1" | while read -r line; do
    echo "  $(grep -oE '\b(JobId|ArrayTaskId|JobState|ExitCode)=[^ ]+' <<< "$line" | paste -sd' ')"
  done || true
}

job_ids() {  # "Submitted to Slurm: job 12 grades ..., job 13 merges ..." → "12 13"
  sed -nE 's/^Submitted to Slurm: job ([0-9]+) .*, job ([0-9]+) merges.*/\1 \2/p' "$1"
}

task_state() {  # JobState of array task $1_$2
  timeout 20 scontrol -o show job "$1_$2" 2>/dev/null | sed -nE 's/.* JobState=([A-Z_]+) .*/\1/p' | head -1
}

case $mode in
class)
  local_batch
  status=0
  "$mathlings" --cache "$cache" batch "$class" --output "$work/cluster" --slurm 3 "${task_options[@]}" --wait \
    > "$work/cluster.txt" 2> "$work/progress.txt" || status=$?
  cat "$work/progress.txt" "$work/cluster.txt"
  read -r shards_job merge_job < <(job_ids "$work/cluster.txt")
  [ -n "${merge_job:-}" ] || fail "batch --slurm printed no job ids"
  echo "Slurm's account of jobs $shards_job and $merge_job:"
  show_job "$shards_job"
  show_job "$merge_job"
  [ "$status" -eq 1 ] || fail "batch --slurm --wait exited $status, not 1 as the batch on this machine"
  grep -q "^12 students merged" "$work/cluster.txt" || fail "no merge of 12 students"
  [ -s "$work/cluster/slurm/jobs" ] || fail "the job ids were not recorded in slurm/jobs"
  for k in 1 2 3; do
    [ -f "$work/cluster/shards/shard-$k/shard.json" ] || fail "shard $k wrote no output"
  done
  same_as_local "$work/cluster"
  ;;
cancel)
  local_batch
  "$mathlings" --cache "$cache" batch "$class" --output "$work/cluster" --slurm 2 "${task_options[@]}" --wait \
    > "$work/first.txt" 2> "$work/first-progress.txt" &
  follower=$!
  for _ in $(seq 600); do
    [ -n "$(job_ids "$work/first.txt")" ] && break
    sleep 0.1
  done
  read -r shards_job merge_job < <(job_ids "$work/first.txt")
  [ -n "${merge_job:-}" ] || fail "batch --slurm printed no job ids: $(cat "$work/first.txt" "$work/first-progress.txt")"
  # Stopped (SIGSTOP, scontrol suspend) as soon as it has begun to grade — its
  # shard.json is written then — so that it is cancelled mid-run however fast
  # the machine grades the rest.
  for _ in $(seq 6000); do
    [ -f "$work/cluster/shards/shard-2/shard.json" ] && break
    sleep 0.01
  done
  [ -f "$work/cluster/shards/shard-2/shard.json" ] || fail "task 2 never began to grade"
  state=$(task_state "$shards_job" 2)
  [ "$state" = RUNNING ] || fail "task 2 is $state, not running, when it should be stopped mid-run"
  timeout 20 scontrol suspend "${shards_job}_2"
  if grep -q '"finished": true' "$work/cluster/shards/shard-2/shard.json"; then
    fail "task 2 finished before it could be stopped"
  fi
  # Meanwhile a second submission to the same folder is refused: two tasks must never grade one shard.
  status=0
  "$mathlings" --cache "$cache" batch "$class" --output "$work/cluster" --slurm 2 "${task_options[@]}" \
    > "$work/twice.txt" 2>&1 || status=$?
  if [ "$status" -ne 2 ] || ! grep -q "is still" "$work/twice.txt"; then
    fail "a second submission while the first runs was not refused (exit $status): $(cat "$work/twice.txt")"
  fi
  timeout 20 scancel "${shards_job}_2"
  echo "cancelled task ${shards_job}_2 mid-run"
  status=0
  wait "$follower" || status=$?
  cat "$work/first-progress.txt" "$work/first.txt"
  show_job "$shards_job"
  show_job "$merge_job"
  [ "$(task_state "$shards_job" 2)" = CANCELLED ] || fail "task 2 did not end CANCELLED"
  [ "$status" -eq 3 ] || fail "batch --slurm --wait exited $status, not 3 (the merge refused a class missing a shard)"
  grep -q "shard 2 of 2: did not finish" "$work/first.txt" || fail "the merge did not name shard 2"
  grep -q "^shard 2: CANCELLED" "$work/first.txt" || fail "the cancelled task was not reported"
  [ ! -e "$work/cluster/gradebook.csv" ] || fail "a gradebook was written for a class missing a shard"
  merge_log="$work/cluster/slurm/logs/merge-$merge_job.log"
  grep -q -- "--only-shards <their numbers" "$merge_log" || fail "the merge job's log does not say how to go on"
  # The command it printed, run as printed.
  again=$(grep -A1 "^Grade it again" "$work/first.txt" | tail -1)
  [[ $again == *"--only-shards 2 "*"--wait" ]] || fail "no command to grade shard 2 again: $again"
  status=0
  bash -c "$again" > "$work/again.txt" 2> "$work/progress.txt" || status=$?
  cat "$work/progress.txt" "$work/again.txt"
  read -r again_job again_merge < <(job_ids "$work/again.txt")
  show_job "$again_job"
  show_job "$again_merge"
  [ "$status" -eq 1 ] || fail "the resubmission exited $status, not 1 as the batch on this machine"
  grep -q "grades 1 of the class's 2 shards" "$work/again.txt" || fail "more than shard 2 was submitted again"
  same_as_local "$work/cluster"
  ;;
*)
  echo "unknown case $mode" >&2
  exit 2
  ;;
esac
