#include "protocol.hpp"

#include <sstream>

namespace mathlings::protocol {
namespace {
constexpr std::string_view magic = "mathlings-request/1";
}

std::string encode_request(const std::vector<Call>& calls) {
  std::string out(magic);
  out += ' ' + std::to_string(calls.size()) + '\n';
  for (const auto& call : calls) {
    out += "call ";
    encode_string(call.function, out);
    out += ' ';
    encode(Value(call.args), out);
    out += '\n';
  }
  return out;
}

std::vector<Call> decode_request(std::string_view text) {
  std::size_t pos = 0;
  if (decode_word(text, pos) != magic) throw DecodeError("not a mathlings request");
  const std::string count(decode_word(text, pos));
  if (count.empty() || count.size() > 9 || count.find_first_not_of("0123456789") != std::string::npos) {
    throw DecodeError("malformed call count");
  }
  std::vector<Call> calls(std::stoul(count));
  for (auto& call : calls) {
    if (decode_word(text, pos) != "call") throw DecodeError("expected 'call'");
    call.function = decode_string(text, pos);
    Value args = decode(text, pos);
    if (!args.is<List>()) throw DecodeError("call arguments must be a list");
    call.args = args.as<List>();
  }
  return calls;
}

std::string encode_answer(std::size_t index, const Outcome& outcome) {
  std::string out = "answer " + std::to_string(index) + ' ';
  if (outcome.threw()) {
    out += "throw ";
    encode_string(outcome.thrown().type, out);
    out += ' ';
    encode_string(outcome.thrown().what, out);
  } else {
    out += "ok ";
    encode(outcome.value(), out);
  }
  out += '\n';
  return out;
}

std::string encode_done() {
  return "done\n";
}

namespace {
// Record separators around the marker: bytes no ordinary print contains.
constexpr char marker_edge = '\x1e';
}  // namespace

std::string output_marker(std::string_view token, std::size_t index) {
  return marker_edge + std::string(token) + ':' + std::to_string(index) + marker_edge;
}

std::string encode_marker_token(std::string_view token) {
  return "marker " + std::string(token) + '\n';
}

PrintedByCall split_printed(std::string_view output, std::string_view token, std::size_t call_count) {
  PrintedByCall printed;
  printed.calls.resize(call_count);
  std::string* into = &printed.before;
  if (token.empty()) {
    printed.before = output;
    return printed;
  }
  const std::string start = marker_edge + std::string(token) + ':';
  std::size_t pos = 0;
  for (;;) {
    const std::size_t found = output.find(start, pos);
    if (found == std::string_view::npos) break;
    const std::size_t digits = found + start.size();
    const std::size_t end = output.find(marker_edge, digits);
    const std::string_view index = output.substr(digits, end == std::string_view::npos ? 0 : end - digits);
    const bool valid = !index.empty() && index.size() <= 9 &&
                       index.find_first_not_of("0123456789") == std::string::npos &&
                       std::stoul(std::string(index)) < call_count;
    into->append(output.substr(pos, found - pos));
    if (!valid) {  // not one of ours: the learner's text
      into->append(output.substr(found, start.size()));
      pos = digits;
      continue;
    }
    into = &printed.calls[std::stoul(std::string(index))];
    pos = end + 1;
  }
  into->append(output.substr(pos));
  return printed;
}

Answers decode_answers(std::string_view text) {
  Answers answers;
  std::size_t pos = 0;
  try {
    for (;;) {
      const std::string_view word = decode_word(text, pos);
      if (word.empty()) return answers;
      if (word == "done") {
        answers.done = true;
        return answers;
      }
      if (word == "marker") {  // the runner's, announced before any learner code ran: the first one
        const std::string_view token = decode_word(text, pos);
        const bool hex = token.size() == 16 && token.find_first_not_of("0123456789abcdef") == std::string_view::npos;
        if (hex && answers.output_token.empty()) answers.output_token = token;
        continue;
      }
      if (word == stack_overflow_line.substr(0, stack_overflow_line.size() - 1)) {
        answers.stack_overflow = true;
        continue;
      }
      if (word == "crash") {  // the runner's last words: "crash 4a3f 4b10 …\n"
        const std::size_t end = text.find('\n', pos);
        std::istringstream offsets(std::string(text.substr(pos, end == std::string_view::npos ? end : end - pos)));
        std::uint64_t offset = 0;
        while (answers.crash_frames.size() < 64 && offsets >> std::hex >> offset)
          answers.crash_frames.push_back(offset);
        return answers;
      }
      if (word != "answer") throw DecodeError("expected 'answer'");
      if (decode_word(text, pos) != std::to_string(answers.outcomes.size())) {
        throw DecodeError("answers out of order");
      }
      const std::string_view kind = decode_word(text, pos);
      if (kind == "ok") {
        answers.outcomes.push_back(Outcome{decode(text, pos)});
      } else if (kind == "throw") {
        Thrown t;
        t.type = decode_string(text, pos);
        t.what = decode_string(text, pos);
        answers.outcomes.push_back(Outcome{std::move(t)});
      } else {
        throw DecodeError("expected 'ok' or 'throw'");
      }
    }
  } catch (const DecodeError&) {
    answers.garbled = true;
    return answers;
  }
}

}  // namespace mathlings::protocol
