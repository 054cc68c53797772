"""The term gradebook database end to end, read back with Python's own sqlite3
module: two batches recording into one file at once; a batch killed mid-run,
then run again; a class graded in shards, which only the merge records.

Usage: run_gradebook_db.py MATHLINGS CACHE CLASS WORK"""
import csv
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

mathlings, cache, klass, work = sys.argv[1:5]
problems = []


def check(condition, what):
    if not condition:
        problems.append(what)


def batch(output, *extra, wait=True):
    args = [mathlings, "--cache", cache, "--jobs", "2", "batch", klass, "--output", output, *extra]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if not wait:
        return process
    out, err = process.communicate()
    check(process.returncode == 1, f"{' '.join(args)} exited {process.returncode}:\n{out}\n{err}")
    return out


def query(db, sql, *params):
    with sqlite3.connect(db) as connection:
        return connection.execute(sql, params).fetchall()


def students_of(gradebook_csv):
    with open(gradebook_csv, newline="", encoding="utf-8") as f:
        return {row["student"]: row["status"] for row in csv.DictReader(f)}


shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
class_size = len(students_of(os.path.join(os.path.dirname(klass), "..", "golden", "class", "gradebook.csv")))

# Two batches at once, one file.
term = os.path.join(work, "term.db")
first = batch(os.path.join(work, "a"), "--gradebook", term, wait=False)
second = batch(os.path.join(work, "b"), "--gradebook", term, wait=False)
said = ""
for process in (first, second):
    out, err = process.communicate()
    check(process.returncode == 1, f"a concurrent batch exited {process.returncode}:\n{out}\n{err}")
    said += out
check(query(term, "SELECT COUNT(*), COUNT(finished_at) FROM runs") == [(2, 2)], "both runs recorded and finished")
per_student = query(term, "SELECT student, COUNT(*) FROM gradings GROUP BY student")
check(len(per_student) == class_size, f"{len(per_student)} students in the gradebook, not {class_size}")
check(all(n == 1 for _, n in per_student), f"a student recorded twice for the same hand-in: {per_student}")
check(f"({class_size} new gradings" in said and "(0 new gradings" in said, f"what the batches said:\n{said}")

# Killed mid-run, then run again: nothing half recorded, then everyone.
killed_out = os.path.join(work, "k")
killed_db = os.path.join(killed_out, "gradebook.db")
process = batch(killed_out, wait=False)
results = os.path.join(killed_out, "results")
deadline = time.time() + 120
while time.time() < deadline and not (os.path.isdir(results) and any(n.endswith(".meta") for n in os.listdir(results))):
    time.sleep(0.01)
process.send_signal(signal.SIGKILL)
process.communicate()
check(query(killed_db, "SELECT COUNT(*), COUNT(finished_at) FROM runs") == [(1, 0)], "the killed run began, unfinished")
check(query(killed_db, "SELECT COUNT(*) FROM gradings") == [(0,)], "the killed run recorded gradings")
batch(killed_out)
check(query(killed_db, "SELECT COUNT(*), COUNT(finished_at) FROM runs") == [(2, 1)], "the run again finished")
recorded = dict(query(killed_db, "SELECT student, status FROM gradings"))
check(recorded == students_of(os.path.join(killed_out, "gradebook.csv")),
      f"the gradebook database and gradebook.csv differ:\n{recorded}")

# In shards: no shard opens a gradebook; the merge records the class.
for k in (1, 2):
    batch(os.path.join(work, f"shards/shard-{k}"), "--shard", f"{k}/2")
    check(not os.path.exists(os.path.join(work, f"shards/shard-{k}/gradebook.db")), f"shard {k} wrote a gradebook")
merged = subprocess.run([mathlings, "--cache", cache, "merge", os.path.join(work, "shards"), "--output",
                         os.path.join(work, "merged")], capture_output=True, text=True)
check(merged.returncode == 1, f"merge exited {merged.returncode}: {merged.stdout}{merged.stderr}")
check(query(os.path.join(work, "merged", "gradebook.db"), "SELECT COUNT(*) FROM gradings") == [(class_size,)],
      "the merge did not record the class")
refused = subprocess.run([mathlings, "--cache", cache, "batch", klass, "--output", os.path.join(work, "s"), "--shard",
                          "1/2", "--gradebook", term], capture_output=True, text=True)
check(refused.returncode == 2 and "a shard never records" in refused.stderr,
      f"a shard given --gradebook: exit {refused.returncode}, {refused.stderr}")

for problem in problems:
    print("FAILED:", problem)
sys.exit(1 if problems else 0)
