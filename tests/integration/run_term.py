"""A term end to end (tests/fixtures/term): two assignments of the course,
each graded from a download of the class with its deadline and late policy.
The students hand in on time (the roster's time), late by a cloned
repository's commit, within an extension (an archive's time), so late the
penalty's cap applies (their files' times), within the grace period, or not
at all. Each gradebook is compared whole with its golden file; the term
gradebook database is read back with Python's sqlite3.

Usage: run_term.py MATHLINGS CACHE FIXTURES GOLDEN WORK COURSE
With UPDATE_GOLDEN=1 in the environment, the golden files are written instead."""
import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import sys

import jsonschema

mathlings, cache, fixtures, golden, work, course = sys.argv[1:7]
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


def mathlings_run(*args, expect):
    process = subprocess.run([mathlings, "--cache", cache, *args], capture_output=True, text=True)
    check(process.returncode == expect,
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
for part in ("course.yaml", ".clang-format", "include", "lessons", "exercises", "solutions", "specs"):
    os.symlink(os.path.join(course, part), os.path.join(term_course, part))
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
said = mathlings_run("--course", term_course, "batch", download, "--assignment", "linear-algebra", "--roster",
              os.path.join(term, "roster.csv"), "--output", os.path.join(work, "out-linear-algebra"), "--gradebook",
              database, expect=1)
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

for problem in problems:
    print("FAILED:", problem)
sys.exit(1 if problems else 0)
