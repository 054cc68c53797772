"""The term gradebook database end to end, read back with Python's own sqlite3
module: two batches recording into one file at once; a batch killed mid-run,
then run again; a class graded in shards, which only the merge records; two
assignments of a term.yaml graded into one file, each with its own columns
and history.

Usage: run_gradebook_db.py MATHLINGS CACHE CLASS WORK COURSE"""
import csv
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

mathlings, cache, klass, work, course = sys.argv[1:6]
problems = []


def check(condition, what):
    if not condition:
        problems.append(what)


def batch(output, *extra, wait=True, cache_dir=None):
    args = [mathlings, "--cache", cache_dir or cache, "--jobs", "2", "batch", klass, "--output", output, *extra]
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
if problems:  # what follows reads their outputs: say why they are not there
    for problem in problems:
        print("FAILED:", problem)
    sys.exit(1)
check(query(term, "SELECT COUNT(*), COUNT(finished_at) FROM runs") == [(2, 2)], "both runs recorded and finished")
per_student = query(term, "SELECT student, COUNT(*) FROM gradings GROUP BY student")
check(len(per_student) == class_size, f"{len(per_student)} students in the gradebook, not {class_size}")
check(all(n == 1 for _, n in per_student), f"a student recorded twice for the same hand-in: {per_student}")
check(f"({class_size} new gradings" in said and "(0 new gradings" in said, f"what the batches said:\n{said}")

# Killed mid-run, then run again: nothing half recorded, then everyone.
killed_out = os.path.join(work, "k")
killed_db = os.path.join(killed_out, "gradebook.db")
# With a cache of its own, cold, the batch is surely still compiling when its first row (an unreadable
# hand-in's) is written, however fast the machine; the run again uses the warm one.
process = batch(killed_out, wait=False, cache_dir=os.path.join(work, "cold-cache"))
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

# A term of two assignments: the course as it is, with a term.yaml beside it.
term_course = os.path.join(work, "course")
os.makedirs(term_course)
for part in ("course.yaml", ".clang-format", "include", "lessons", "exercises", "solutions", "specs"):
    os.symlink(os.path.join(course, part), os.path.join(term_course, part))
with open(os.path.join(term_course, "term.yaml"), "w", encoding="utf-8") as f:
    f.write("assignments:\n"
            "  - id: elimination\n    title: Elimination\n"
            "    exercises: [01-linear-algebra/elimination, 01-linear-algebra/row_echelon]\n"
            "    due: 2026-10-05T23:59+02:00\n"
            "  - id: bayes\n    exercises: [03-probability/bayes]\n    due: 2026-11-02T23:59+01:00\n")
term_db = os.path.join(work, "term-of-two.db")
for assignment, columns in (("elimination", ["01-linear-algebra/elimination", "01-linear-algebra/row_echelon"]),
                            ("bayes", ["03-probability/bayes"])):
    out = os.path.join(work, "term-" + assignment)
    batch(out, "--assignment", assignment, "--gradebook", term_db, "--course", term_course)
    with open(os.path.join(out, "gradebook.csv"), newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    graded_columns = [c for c in header[12:] if not c.endswith(" status") and c != "message"]  # after the late columns
    check(graded_columns == columns, f"{assignment}'s gradebook has the columns {graded_columns}, not {columns}")
    # Each exercise's verdict as when the whole course was graded (batch "a" above).
    with open(os.path.join(work, "a", "gradebook.csv"), newline="", encoding="utf-8") as f:
        whole = {row["student"]: row for row in csv.DictReader(f)}
    with open(os.path.join(out, "gradebook.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for column in columns:
                for key in (column, column + " status"):
                    check(row[key] == whole[row["student"]][key],
                          f"{assignment}: {row['student']}'s {key} is {row[key]!r}, "
                          f"{whole[row['student']][key]!r} when the whole course was graded")
    check(query(term_db, "SELECT COUNT(*) FROM gradings WHERE assignment = ?", assignment) == [(class_size,)],
          f"{assignment}: not every student recorded")
    check(query(term_db, "SELECT COUNT(*) FROM runs WHERE assignment = ?", assignment) == [(1,)],
          f"{assignment}: its run not recorded")

# A student's history, read back by the command.
history = subprocess.run([mathlings, "gradebook", "history", "alice", "--gradebook", term_db], capture_output=True,
                         text=True)
check(history.returncode == 0 and history.stdout.startswith(f"alice: 2 gradings in {term_db}, oldest first")
      and "elimination" in history.stdout and "bayes" in history.stdout,
      f"gradebook history alice: exit {history.returncode}\n{history.stdout}{history.stderr}")
unknown = subprocess.run([mathlings, "gradebook", "history", "alicia", "--gradebook", term_db], capture_output=True,
                         text=True)
check(unknown.returncode == 2 and "no grading of 'alicia'" in unknown.stderr and "alice" in unknown.stderr,
      f"gradebook history alicia: exit {unknown.returncode}\n{unknown.stderr}")

for problem in problems:
    print("FAILED:", problem)
sys.exit(1 if problems else 0)
