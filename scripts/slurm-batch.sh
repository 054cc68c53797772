#!/usr/bin/env bash
# Grades a large class on a Slurm cluster: each task of a job array grades one
# shard of the class; a last step merges the shards into one gradebook.
#
#   sbatch --array=1-8 scripts/slurm-batch.sh SUBMISSIONS OUT
#   # when the array is done:
#   build/grader/mathlings merge OUT/shard-* --output OUT/merged
#
# Shards are stable (a student's shard depends on their name only), and each
# task resumes: re-submitting the array re-grades only what changed. Outside
# Slurm, SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT can be set by hand.
#SBATCH --job-name=mathlings-batch
#SBATCH --cpus-per-task=2
#SBATCH --mem=8G
#SBATCH --time=02:00:00
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: sbatch --array=1-N $0 SUBMISSIONS OUT" >&2; exit 2; }
submissions=$1
out=$2
task=${SLURM_ARRAY_TASK_ID:?run as a Slurm job array (sbatch --array=1-N)}
tasks=${SLURM_ARRAY_TASK_COUNT:?run as a Slurm job array (sbatch --array=1-N)}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mathlings=${MATHLINGS:-$here/../build/grader/mathlings}
status=0
"$mathlings" --jobs "${SLURM_CPUS_PER_TASK:-2}" --cache "${MATHLINGS_CACHE:-${TMPDIR:-/tmp}/mathlings-cache-$task}" \
  batch "$submissions" --shard "$task/$tasks" --output "$out/shard-$task" || status=$?
# 1 only means some student could not be graded: their row says why.
[ "$status" -le 1 ]
