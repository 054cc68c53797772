// A class of four for batch and merge tests, none of whose submissions needs
// the compiler, and what those tests do with it.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "base/config.hpp"
#include "base/files.hpp"
#include "classroom/archive.hpp"
#include "classroom/batch.hpp"
#include "exec/process.hpp"
#include "support/course_copy.hpp"

namespace mathlings::testing {

namespace fs = std::filesystem;

/// A class of four: alice handed in an empty folder, bob a zip holding a
/// binary file, "notes.txt" is a stray file, and zoe (on the roster only)
/// handed in nothing. None of it needs the compiler.
class SmallClass : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(root / "alice");
    write_file_atomically(root / "notes.txt", "not a submission\n");
    hand_in_bob(
        std::string("\x7f"
                    "ELF\0\0binary",
                    12));
    write_file_atomically(work.path() / "roster.csv",
                          "student,name,email\nalice,Alice,a@example.org\n"
                          "bob,Bob,b@example.org\nzoe,Zoe,z@example.org\n");
  }
  void TearDown() override { limit_concurrent_processes(0); }  // a batch limits them for the whole process

  void hand_in_bob(const std::string& norms) {
    const fs::path file = work.path() / "bob-files" / "01-vector-norms" / "norms.cpp";
    write_file_atomically(file, norms);
    write_zip(root / "bob.zip", {{"01-vector-norms/norms.cpp", file}});
  }
  BatchSummary batch(const fs::path& output, bool with_roster = false, unsigned shard = 1, unsigned shards = 1) {
    BatchOptions options;
    options.root = root;
    options.output = output;
    options.jobs = 2;
    options.shard = shard;
    options.shards = shards;
    if (with_roster) options.roster = work.path() / "roster.csv";
    std::ostringstream progress;
    return run_batch(*course, toolchain, options, progress, false);
  }
  static const StudentRow& row_of(const std::vector<StudentRow>& rows, const std::string& student) {
    const auto it = std::find_if(rows.begin(), rows.end(), [&](const StudentRow& r) { return r.student == student; });
    if (it == rows.end()) throw std::runtime_error("no row for " + student);
    return *it;
  }
  /// Rewrites the status line of a student's .meta, as an earlier run would have left it.
  static void set_meta_status(const fs::path& output, const std::string& student, const std::string& status) {
    const fs::path meta = output / "results" / (student + ".meta");
    std::string text = read_file(meta);
    const auto first = text.find('\n'), second = text.find('\n', first + 1);
    text.replace(first + 1, second - first - 1, status);
    write_file_atomically(meta, text);
  }

  TemporaryDirectory work{fs::temp_directory_path(), "mathlings-batch-test-"};
  fs::path root = work.path() / "class";
  std::unique_ptr<Course> course = load_course(example_course_dir());
  Toolchain toolchain{fs::path(config::default_cache_dir)};
};

}  // namespace mathlings::testing
