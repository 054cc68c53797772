// mathlings watch: the learner's loop (learner/watch.hpp).
#include "app/handlers.hpp"
#include "learner/watch.hpp"

namespace mathlings {

int watch_command(const Options& options, std::ostream& out, std::ostream&) {
  return watch(options, out);
}

}  // namespace mathlings
