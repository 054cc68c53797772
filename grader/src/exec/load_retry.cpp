#include "exec/load_retry.hpp"

#include "base/errors.hpp"
#include "base/text.hpp"

namespace mathlings {

ProcessResult run_with_load_retry(const std::string& what, const Limits& limits,
                                  const std::function<ProcessResult(const Limits&)>& attempt,
                                  const std::function<bool(const ProcessResult&)>& held_back) {
  ProcessResult r = attempt(limits);
  if (!held_back(r)) return r;
  Limits patient = limits;
  patient.wall_seconds *= 2;
  patient.max_wall_seconds *= 2;
  r = attempt(patient);
  if (!held_back(r)) return r;
  throw MachineBusy(what + " was stopped after " + format_seconds(r.wall_seconds) + " with only " +
                    format_seconds(r.cpu_seconds) + " of its " + format_seconds(limits.cpu_seconds) +
                    " of CPU time used, twice: this machine is too busy");
}

}  // namespace mathlings
