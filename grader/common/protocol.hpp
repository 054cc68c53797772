// The wire protocol between the grader and a runner process.
//
// The grader writes one request to the runner's standard input: the calls of
// one test, each a function name and its arguments. Before any learner code can
// look at it, the runner reads the whole request, then answers each call on a
// private descriptor (result_fd) with the value returned or the exception
// thrown, and finally a "done" line. Expected values never appear here: they
// stay in the grader, which compares.
//
// What the learner's code prints goes to the runner's standard output and
// error, which the grader only ever shows as text. To tell which call printed
// what, the runner writes a marker there before each call (after flushing the
// learner's streams), carrying a token it drew at random before any learner
// code ran and announced on result_fd. A forged marker can only move the
// learner's own text from one call to another in what is shown.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "value.hpp"

namespace mathlings::protocol {

/// The descriptor on which a runner writes its answers (stdout and stderr are
/// the learner's, and are only ever shown, never parsed).
inline constexpr int result_fd = 3;

struct Call {
  std::string function;
  List args;
};

/// An exception that escaped the exercise function, classified by the most
/// specific standard (or mathlings) type it is an instance of.
struct Thrown {
  std::string type;  ///< "std::domain_error", "mathlings::not_implemented", …
  std::string what;
  friend bool operator==(const Thrown&, const Thrown&) = default;
};

inline constexpr std::string_view not_implemented_type = "mathlings::not_implemented";
inline constexpr std::string_view bad_alloc_type = "std::bad_alloc";

/// What one call produced.
struct Outcome {
  std::variant<Value, Thrown> result;
  bool threw() const { return std::holds_alternative<Thrown>(result); }
  const Value& value() const { return std::get<Value>(result); }
  const Thrown& thrown() const { return std::get<Thrown>(result); }
};

std::string encode_request(const std::vector<Call>& calls);
std::vector<Call> decode_request(std::string_view text);

/// Written to the learner's standard output before call `index`.
std::string output_marker(std::string_view token, std::size_t index);
/// Announces the token of the output markers on result_fd, newline included.
std::string encode_marker_token(std::string_view token);

/// One answer line, newline included.
std::string encode_answer(std::size_t index, const Outcome& outcome);
std::string encode_done();

/// The answers a runner gave before it stopped, in call order, and whether it
/// reached the end of the request. Decoding stops at the first malformed answer.
struct Answers {
  std::vector<Outcome> outcomes;
  bool done = false;
  bool garbled = false;  ///< decoding stopped at malformed data
  /// When the runner crashed: where (the interrupted instruction), then the
  /// return addresses on its stack, as offsets into the runner executable
  /// (for addr2line; 0 for an address outside it), innermost first. Only
  /// ever used to point at a line in a crash message, never to score.
  std::vector<std::uint64_t> crash_frames;
  /// The runner found the crash at the end of its stack: a stack overflow.
  bool stack_overflow = false;
  /// The token of the markers in the runner's output ("" if none came).
  std::string output_token;
};
Answers decode_answers(std::string_view text);

/// The line a crashing runner writes on result_fd just before "crash …" when
/// the fault lay at the end of its stack (a literal: a signal handler sends it).
inline constexpr std::string_view stack_overflow_line = "stack-overflow\n";

/// A runner's output cut at its markers: what was printed before the first
/// call (static initialisers), and during each call, markers removed. Calls
/// with no marker (never started, or no token) print nothing here; markers
/// of calls past `call_count` (forged) are kept as text.
struct PrintedByCall {
  std::string before;
  std::vector<std::string> calls;  ///< call_count entries
};
PrintedByCall split_printed(std::string_view output, std::string_view token, std::size_t call_count);

}  // namespace mathlings::protocol
