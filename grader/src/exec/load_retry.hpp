// One rule for a step that the machine's load held back: a compile, a link or
// a run stopped at its wall-time guard while under its CPU limit did not run
// out of its own time, the machine ran others. It is tried once more with
// twice the wall time; held back again, it is MachineBusy — nobody's verdict,
// never a score, never remembered (see base/errors.hpp).
#pragma once

#include <functional>
#include <string>

#include "exec/process.hpp"

namespace mathlings {

/// Runs `attempt` under `limits` and, when `held_back` says the load held it
/// back, once more under `limits` with twice the wall time. Held back again:
/// MachineBusy, saying that `what` ("the compiler") was stopped, twice.
ProcessResult run_with_load_retry(const std::string& what, const Limits& limits,
                                  const std::function<ProcessResult(const Limits&)>& attempt,
                                  const std::function<bool(const ProcessResult&)>& held_back);

}  // namespace mathlings
