// A stand-in for the compiler and the process runner, for testing the judge
// without either: each source text the test names "builds" into a runner
// that behaves as the test says — answers its calls from a function, crashes,
// runs out of CPU time, is held back by the machine's load — and every build
// and run is recorded for the test to look at.
#pragma once

#include <csignal>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/errors.hpp"
#include "common/protocol.hpp"
#include "judge/build_and_run.hpp"

namespace mathlings::testing {

/// The answer to one call; nullopt: the runner stops there (see Program).
using Answer = std::function<std::optional<protocol::Outcome>(const protocol::Call&)>;
/// How a runner stops short of an answer: fills in the process's end.
using Stop = std::function<void(ProcessResult&, const Limits&)>;
/// What a runner does with a request's calls, under limits.
using Program = std::function<ProcessResult(const std::vector<protocol::Call>&, const Limits&)>;

inline Stop killed_by(int signal) {
  return [signal](ProcessResult& r, const Limits&) {
    r.end = ProcessResult::End::signaled;
    r.signal = signal;
  };
}

inline Stop out_of_cpu_time() {
  return [](ProcessResult& r, const Limits& limits) {
    r.end = ProcessResult::End::signaled;
    r.signal = SIGKILL;
    r.cpu_limit_exceeded = true;
    r.cpu_seconds = limits.cpu_seconds;
  };
}

/// Stopped at its last wall-time guard while still waiting for a CPU.
inline Stop held_back_by_load() {
  return [](ProcessResult& r, const Limits& limits) {
    r.end = ProcessResult::End::wall_timeout;
    r.held_back = true;
    r.wall_seconds = limits.max_wall_seconds > 0 ? limits.max_wall_seconds : limits.wall_seconds;
    r.cpu_seconds = 0.25;
  };
}

/// Answers each call as `answer` does and ends well — or, at the first call
/// `answer` has no answer for, ends as `stop` says.
inline Program answering(Answer answer, Stop stop = killed_by(SIGSEGV)) {
  return [answer, stop](const std::vector<protocol::Call>& calls, const Limits& limits) {
    ProcessResult r;
    r.cpu_seconds = 0.01;
    r.wall_seconds = 0.01;
    for (std::size_t k = 0; k < calls.size(); ++k) {
      const auto outcome = answer(calls[k]);
      if (!outcome) {
        stop(r, limits);
        return r;
      }
      r.results += protocol::encode_answer(k, *outcome);
    }
    r.results += protocol::encode_done();
    r.end = ProcessResult::End::exited;
    r.exit_code = 0;
    return r;
  };
}

/// Stops at its first call, every time, as `stop` says.
inline Program stopping(Stop stop) {
  return answering([](const protocol::Call&) -> std::optional<protocol::Outcome> { return std::nullopt; }, stop);
}

/// Held back by the machine's load for its first `times` runs, then `then`.
inline Program held_back_at_first(int times, Program then) {
  auto left = std::make_shared<int>(times);
  return [left, then](const std::vector<protocol::Call>& calls, const Limits& limits) {
    if (*left == 0) return then(calls, limits);
    --*left;
    return stopping(held_back_by_load())(calls, limits);
  };
}

/// Not thread-safe: give the Grader one job.
class FakeToolchain final : public BuildAndRun {
 public:
  /// `source` builds into a runner that behaves as `program`.
  void builds(const std::string& source, Program program) {
    Source s;
    s.program = std::move(program);
    add(source, std::move(s));
  }
  /// `source` does not compile (or, with `at_link`, does not link): the
  /// compiler says `diagnostics`.
  void does_not_build(const std::string& source, std::string diagnostics, bool at_link = false) {
    Source s;
    s.builds = false;
    s.diagnostics = std::move(diagnostics);
    s.fails_at_link = at_link;
    add(source, std::move(s));
  }
  /// Compiling `source` meets a machine too busy to compile anything.
  void busy_compiling(const std::string& source) {
    Source s;
    s.busy = true;
    add(source, std::move(s));
  }

  struct Run {
    std::string source;  ///< of the runner that ran
    std::string request;
    Limits limits;
    bool sandboxed = false;
  };
  const std::vector<Run>& runs() const { return runs_; }
  /// The runs of the runner built from `source`.
  std::vector<Run> runs_of(const std::string& source) const {
    std::vector<Run> found;
    for (const auto& run : runs_)
      if (run.source == source) found.push_back(run);
    return found;
  }
  int builds_made() const { return builds_; }

  RunnerBuild build_runner(const Course&, const Exercise&, const std::string& source,
                           const std::string& display_name) override {
    ++builds_;
    const auto found = sources_.find(source);
    if (found == sources_.end())
      throw std::logic_error("the fake toolchain was not told what " + display_name + " builds into:\n" + source);
    const Source& s = found->second;
    if (s.busy) throw MachineBusy("the compiler was stopped after 60 s with only 1 s of its 20 s of CPU time used");
    RunnerBuild build;
    build.compiled = s.builds || s.fails_at_link;
    build.runner.key = "fake-" + std::to_string(s.serial);
    if (!s.builds) {
      build.runner.diagnostics = s.diagnostics;
      return build;
    }
    build.runner.ok = true;
    build.runner.path = "/fake-runners/" + build.runner.key;
    runners_[build.runner.path.string()] = source;
    return build;
  }

  ProcessResult run_runner(const std::filesystem::path& runner, const std::string& request, const Limits& limits,
                           bool sandboxed) override {
    const auto found = runners_.find(runner.string());
    if (found == runners_.end()) throw std::logic_error("the fake toolchain built no runner " + runner.string());
    runs_.push_back({found->second, request, limits, sandboxed});
    return sources_.at(found->second).program(protocol::decode_request(request), limits);
  }

 private:
  struct Source {
    Program program;
    bool builds = true;
    std::string diagnostics;  ///< when it does not build
    bool fails_at_link = false;
    bool busy = false;
    int serial = 0;  ///< a runner key of its own: the grader caches by key
  };
  void add(const std::string& source, Source s) {
    s.serial = static_cast<int>(++registered_);
    sources_[source] = std::move(s);
  }
  std::map<std::string, Source> sources_;
  std::map<std::string, std::string> runners_;  ///< runner path → its source
  std::vector<Run> runs_;
  int builds_ = 0;
  unsigned registered_ = 0;
};

}  // namespace mathlings::testing
