// The runner's last words when learner code crashes: where it struck, on the
// result descriptor, for the grader to name the learner's line, and whether
// it was the stack that ran out.
#pragma once

namespace mathlings::harness {

/// Notes where the main thread's stack ends. Called at start-up, before any
/// learner code: nothing the learner does can move it then.
void note_stack_end();

/// From now on a crash (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT) is reported
/// on protocol::result_fd before the signal's default action.
void install_crash_reporter();

}  // namespace mathlings::harness
