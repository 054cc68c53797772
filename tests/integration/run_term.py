"""A term end to end (tests/fixtures/term): two assignments of the course,
each graded from a download of the class with its deadline and late policy.
The students hand in on time (the roster's time), late by a cloned
repository's commit, within an extension (an archive's time), so late the
penalty's cap applies (their files' times), within the grace period, or not
at all. The class graded in shards and merged gives the same gradebook. A
spec fixed mid-term is regraded with its reason. The term's grades are
exported for Canvas and Moodle, from rosters whose names start with = + - @,
read back with Python's csv module. Each gradebook and export is compared
whole with its golden file; the term gradebook database is read back with
Python's sqlite3.

Usage: run_term.py MATHLINGS CACHE FIXTURES GOLDEN WORK COURSE
With UPDATE_GOLDEN=1 in the environment, the golden files are written instead."""
import csv
import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import sys

import jsonschema

mathlings, cache, fixtures, golden, work, course = (os.path.abspath(a) for a in sys.argv[1:7])
update = os.environ.get("UPDATE_GOLDEN") == "1"
problems = []


def check(condition, what):
    if not condition:
        problems.append(what)


def epoch(moment):
    return datetime.datetime.fromisoformat(moment).timestamp()


def touch_all(path, moment):
    """Sets the modification time of `path` and of every file under it."""
    when = epoch(moment)
    for folder, _, files in os.walk(path):
        for name in files:
            os.utime(os.path.join(folder, name), (when, when))
    os.utime(path, (when, when))


def committed(folder, moment):
    """Makes `folder` a git repository whose one commit was made at `moment`."""
    env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_DATE=moment,
               GIT_COMMITTER_DATE=moment, GIT_AUTHOR_NAME="Bob", GIT_AUTHOR_EMAIL="bob@example.org",
               GIT_COMMITTER_NAME="Bob", GIT_COMMITTER_EMAIL="bob@example.org")
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "solutions"]):
        subprocess.run(["git", "-C", folder, *args], env=env, check=True)


def mathlings_run(*args, expect, cwd=None):
    """`expect`: the exit status, or a tuple of those that will do."""
    process = subprocess.run([mathlings, "--cache", cache, *args], capture_output=True, text=True, cwd=cwd)
    check(process.returncode in (expect if isinstance(expect, tuple) else (expect,)),
          f"mathlings {' '.join(args)} exited {process.returncode}, not {expect}:\n{process.stdout}{process.stderr}")
    return process.stdout


def compare_golden(produced, name):
    expected = os.path.join(golden, name)
    with open(produced, encoding="utf-8") as f:
        text = f.read()
    if update:
        os.makedirs(os.path.dirname(expected), exist_ok=True)
        with open(expected, "w", encoding="utf-8") as f:
            f.write(text)
        return
    with open(expected, encoding="utf-8") as f:
        check(text == f.read(), f"{produced} differs from {expected}:\n{text}")


def valid_gradebook(output):
    with open(os.path.join(course, "docs", "schemas", "gradebook.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    with open(os.path.join(output, "gradebook.json"), encoding="utf-8") as f:
        try:
            jsonschema.validate(json.load(f), schema, cls=jsonschema.Draft202012Validator)
        except jsonschema.ValidationError as e:
            check(False, f"{output}/gradebook.json against its schema: {e.message} at {list(e.absolute_path)}")


def query(db, sql, *params):
    with sqlite3.connect(db) as connection:
        return connection.execute(sql, params).fetchall()


if shutil.which("git") is None:
    print("SKIPPED: no git on the PATH to make a student's cloned repository (apt-get install git)")
    sys.exit(77)

shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
klass = os.path.join(fixtures, "class")
term = os.path.join(fixtures, "term")

# The course with the term's term.yaml beside it.
term_course = os.path.join(work, "course")
os.makedirs(term_course)
for part in ("course.yaml", ".clang-format", "include", "lessons", "exercises", "solutions"):
    os.symlink(os.path.join(course, part), os.path.join(term_course, part))
shutil.copytree(os.path.join(course, "specs"), os.path.join(term_course, "specs"))  # one is fixed below
shutil.copy(os.path.join(term, "term.yaml"), term_course)
database = os.path.join(work, "term.db")

# Linear algebra, due 2026-10-05T23:59+02:00: 15 minutes' grace, 10 % a day, at most 30 %; carol has until the 8th.
download = os.path.join(work, "linear-algebra")
shutil.copytree(os.path.join(klass, "alice"), os.path.join(download, "alice"))  # the roster: 22:10, on time
bob = os.path.join(download, "bob", "01-linear-algebra")
os.makedirs(bob)
shutil.copy(os.path.join(klass, "alice", "01-linear-algebra", "elimination.cpp"), bob)
committed(os.path.join(download, "bob"), "2026-10-06T01:15:30+02:00")  # 76.5 minutes late: a day begun
touch_all(os.path.join(download, "bob"), "2026-10-01T12:00:00+02:00")  # the commit, not the files, counts
shutil.copy(os.path.join(klass, "carol.zip"), download)
touch_all(os.path.join(download, "carol.zip"), "2026-10-08T12:00:00+02:00")  # within her extension
shutil.copytree(os.path.join(klass, "alice", "01-linear-algebra"), os.path.join(download, "dave", "01-linear-algebra"))
touch_all(os.path.join(download, "dave"), "2026-10-09T10:00:00+02:00")  # 4 days begun: 40 %, capped at 30 %
shutil.copy(os.path.join(klass, "frank.tar.gz"), download)  # the roster: 00:10, within the grace period
# erin is on the roster and hands in nothing.
# ROOT and the output relative, as the README writes them: the repository is still found.
said = mathlings_run("--course", term_course, "batch", "linear-algebra", "--assignment", "linear-algebra", "--roster",
                     os.path.join(term, "roster.csv"), "--output", "out-linear-algebra", "--gradebook", database,
                     expect=1, cwd=work)
compare_golden(os.path.join(work, "out-linear-algebra", "gradebook.csv"), "linear-algebra.csv")
valid_gradebook(os.path.join(work, "out-linear-algebra"))
late = {student: (minutes, penalty, score, before, source) for student, minutes, penalty, score, before, source in
        query(database, "SELECT student, minutes_late, penalty, score, score_before_penalty, handed_in_from "
                        "FROM gradings WHERE assignment = 'linear-algebra'")}
check(late == {"alice": (0, 0.0, 30.0, 30.0, "roster"), "bob": (77, 0.1, 9.0, 10.0, "commit"),
               "carol": (0, 0.0, 21.0, 21.0, "files"), "dave": (4921, 0.3, 21.0, 30.0, "files"),
               "erin": (None, None, 0.0, None, None), "frank": (0, 0.0, 26.0, 26.0, "roster")},
      f"the database's late columns: {late}")
check("2 handed in after the due time and its grace: bob, dave" in said, f"what batch said:\n{said}")
# dave handed in alice's files: the similarity report pairs them, passages shown. (The fixture class's files are
# all variations of the reference solution, so it pairs others too: that is what they are.)
with open(os.path.join(work, "out-linear-algebra", "report.html"), encoding="utf-8") as f:
    report = f.read()
check("<code>01-linear-algebra/determinant</code>: <strong>alice</strong> and <strong>dave</strong> — 100 % of alice"
      in report and 'class="passages"' in report, "report.html does not pair alice's and dave's identical files")
# The same class in two shards, merged: the hand-in times found by the shards, the policy applied by the merge.
for k in (1, 2):
    mathlings_run("--course", term_course, "batch", download, "--assignment", "linear-algebra", "--roster",
                  os.path.join(term, "roster.csv"), "--shard", f"{k}/2", "--output",
                  os.path.join(work, "shards", f"shard-{k}"), expect=(0, 1))  # 1 for erin's shard
mathlings_run("--course", term_course, "merge", os.path.join(work, "shards"), "--assignment", "linear-algebra",
              "--output", os.path.join(work, "merged"), "--gradebook", os.path.join(work, "merged.db"), expect=1)
with open(os.path.join(work, "merged", "gradebook.csv"), encoding="utf-8") as merged, \
        open(os.path.join(work, "out-linear-algebra", "gradebook.csv"), encoding="utf-8") as whole:
    check(merged.read() == whole.read(), "the merged shards' gradebook differs from the batch's")
with open(os.path.join(work, "out-linear-algebra", "feedback", "dave.md"), encoding="utf-8") as f:
    feedback = f.read()
check("**Score: 21 / 30** — 30 as graded, less a late penalty of 30 % (4 days or part of one late, at most 30 %)"
      in feedback, f"dave's feedback:\n{feedback}")
with open(os.path.join(work, "out-linear-algebra", "feedback", "bob.md"), encoding="utf-8") as f:
    feedback = f.read()
check("**Score: 9 / 30** — 10 as graded, less a late penalty of 10 % (1 day or part of one late)" in feedback and
      "Handed in 2026-10-06T01:15:30+02:00 (the commit time of your repository's last commit): 1 h 17 min late"
      in feedback, f"bob's feedback:\n{feedback}")

# Probability, due 2026-11-02T23:59+01:00, 20 % a day; no roster: the files' times.
download = os.path.join(work, "probability")
for student, moment in (("alice", "2026-11-02T23:00:00+01:00"), ("bob", "2026-11-03T09:00:00+01:00")):
    shutil.copytree(os.path.join(klass, "alice", "03-probability"), os.path.join(download, student, "03-probability"))
    touch_all(os.path.join(download, student), moment)
mathlings_run("--course", term_course, "batch", download, "--assignment", "probability", "--output",
              os.path.join(work, "out-probability"), "--gradebook", database, expect=0)
compare_golden(os.path.join(work, "out-probability", "gradebook.csv"), "probability.csv")
valid_gradebook(os.path.join(work, "out-probability"))

history = mathlings_run("gradebook", "history", "bob", "--gradebook", database, expect=0)
check("linear-algebra  9 / 30" in history and "handed in 2026-10-06T01:15:30+02:00 (commit), 1 h 17 min late, −10 % of 10"
      in history and "probability  6.4 / 8" in history, f"gradebook history bob:\n{history}")

# A spec fixed mid-term: the points of two of determinant's tests. regrade grades that exercise again, keeps the
# rest, records the reason, and lists the scores that changed.
spec = os.path.join(term_course, "specs", "01-linear-algebra", "determinant.yaml")
with open(spec, encoding="utf-8") as f:
    text = f.read()
for test, was, now in (("the lesson's 2×2 example", 2, 1), ("a 1×1 matrix", 1, 2)):
    fixed = text.replace(f"  - name: {test}\n    points: {was}\n", f"  - name: {test}\n    points: {now}\n")
    check(fixed != text, f"the test {test!r} of {spec} is not as this test expects it")
    text = fixed
with open(spec, "w", encoding="utf-8") as f:
    f.write(text)
reason = "determinant: the points of two tests fixed"
# No --roster: the one the batch was given (shard.json says which) is used again.
said = mathlings_run("--course", term_course, "regrade", os.path.join(work, "linear-algebra"), "--assignment",
                     "linear-algebra", "--output", os.path.join(work, "out-linear-algebra"), "--gradebook", database,
                     "--reason", reason, expect=1)
check("With the roster the batch was given: " + os.path.join(term, "roster.csv") in said and
      "only what the change touched was graded again — 01-linear-algebra/determinant (5) —" in said and
      "2 scores changed:\n  carol: 21 → 22\n  frank: 26 → 25\n" in said, f"what regrade said:\n{said}")
compare_golden(os.path.join(work, "out-linear-algebra", "gradebook.csv"), "linear-algebra-regraded.csv")
regraded = query(database, "SELECT g.student, g.previous_score, g.score, r.reason FROM gradings g "
                           "JOIN runs r ON r.id = g.run_id WHERE r.command = 'regrade' ORDER BY g.student")
check(regraded == [("alice", 30.0, 30.0, reason), ("bob", 9.0, 9.0, reason), ("carol", 21.0, 22.0, reason),
                   ("dave", 21.0, 21.0, reason), ("erin", 0.0, 0.0, reason), ("frank", 26.0, 25.0, reason)],
      f"the regrade's gradings: {regraded}")
check(query(database, "SELECT COUNT(*) FROM gradings WHERE assignment = 'linear-algebra'") == [(12,)],
      "the first gradings are kept beside the regrade's")
history = mathlings_run("gradebook", "history", "carol", "--gradebook", database, expect=0)
check(f"linear-algebra  22 / 30" in history and f"regraded ({reason}), was 21" in history
      and "linear-algebra  21 / 30" in history, f"gradebook history carol:\n{history}")
unchanged = mathlings_run("--course", term_course, "regrade", os.path.join(work, "linear-algebra"), "--assignment",
                          "linear-algebra", "--roster", os.path.join(term, "roster.csv"), "--output",
                          os.path.join(work, "out-linear-algebra"), "--gradebook", database, "--reason", "again",
                          expect=1)
check("No score changed." in unchanged and "6 students: 0 graded, 5 unchanged" in unchanged,
      f"a regrade with nothing changed:\n{unchanged}")

# The item analysis of the regraded assignment, from the term gradebook: five graded students (erin is missing).
items = mathlings_run("gradebook", "items", "--gradebook", database, "--assignment", "linear-algebra", expect=0)
elimination = [line for line in items.splitlines() if line.startswith("  01-linear-algebra/elimination ")]
check("5 students graded" in items and elimination and elimination[0].split()[1:3] == ["10", "92"],
      f"gradebook items (elimination: 10, 10, 7, 10, 9 of 10 is a facility of 92 %):\n{items}")

# The term's grades for the LMS: every cell read back by Python's csv module, none a formula.
def exported(fmt, roster, golden_name):
    output = os.path.join(work, golden_name)
    mathlings_run("--course", term_course, "gradebook", "export", fmt, "--gradebook", database, "--roster",
                  os.path.join(term, roster), "--output", output, expect=0)
    compare_golden(output, golden_name)
    with open(output, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    for row in rows:
        for cell in row:
            check(not cell or cell[0] not in "=+-@\t\r", f"{golden_name}: a cell a spreadsheet would run: {cell!r}")
    return rows


canvas = exported("canvas", "canvas-roster.csv", "canvas.csv")
check(canvas[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Linear algebra (4711)", "Probability"]
      and canvas[1] == ["Points Possible", "", "", "", "", "30", "8"], f"canvas.csv's first rows: {canvas[:2]}")
check(["'-Danvers, Carol", "1003", "S1003", "carol", "Mathematics for ML", "22", ""] in canvas,
      f"carol's row in canvas.csv: {canvas}")
moodle = exported("moodle", "moodle-roster.csv", "moodle.csv")
check(moodle[0] == ["First name", "Last name", "ID number", "Email address", "Linear algebra", "Probability"],
      f"moodle.csv's header: {moodle[0]}")
check(["+Bob", "Cratchit", "bob", "bob@example.org", "9", "6.4"] not in moodle
      and ["'+Bob", "Cratchit", "bob", "bob@example.org", "9", "6.4"] in moodle, f"bob's row in moodle.csv: {moodle}")
plain = subprocess.run([mathlings, "--course", term_course, "gradebook", "export", "json", "--gradebook", database],
                       capture_output=True, text=True)
check(plain.returncode == 0 and json.loads(plain.stdout)["students"][0] ==
      {"student": "alice", "name": "Alice Liddell", "email": "alice@example.org",
       "scores": {"linear-algebra": 30, "probability": 8}, "total": 38}, f"the JSON export:\n{plain.stdout}")

for problem in problems:
    print("FAILED:", problem)
sys.exit(1 if problems else 0)
