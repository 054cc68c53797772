// What a runner writes back is untrusted: a learner's program can write any
// bytes on the result descriptor, or crash halfway through an answer. These
// tests mutate valid encodings many thousand times (seeded, so a failure is
// reproducible) and require the decoders to answer every mutant with a value,
// a DecodeError or a "garbled" mark — never another exception, a crash or an
// allocation the bytes cannot justify.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <string>

#include "protocol.hpp"
#include "value.hpp"

namespace mathlings {
namespace {

using protocol::Outcome;
using protocol::Thrown;

/// Valid encodings of every kind of value, answers and requests included.
std::vector<std::string> seeds() {
  const Matrix m{2, 3, {1, -2.5, 1e-300, 1e300, -0.0, 7}};
  const Record fit{{"m", "c", "cost_history"}, {Value(1.5), Value(-0.25), Value(std::vector<double>{3, 2, 1})}};
  const Value rich(List{Value(), true, std::int64_t{-7}, 0.1, std::string("a\nb c"),
                        std::vector<double>{std::numeric_limits<double>::infinity(), 2}, m, fit, List{List{}}});
  std::string answers = protocol::encode_marker_token("0123456789abcdef") + protocol::encode_answer(0, Outcome{rich});
  answers += protocol::encode_answer(1, Outcome{Thrown{"std::domain_error", "singular: pivot 0"}});
  answers += protocol::encode_done();
  return {encode(rich), encode(Value(m)), encode(Value(fit)), answers,
          protocol::encode_request(
              {{"solve_by_elimination", List{Value(m), Value(std::vector<double>{1, 2})}}, {"rank", List{Value(m)}}})};
}

/// One random change: flip a bit, drop, duplicate or insert bytes, cut the
/// end, or splice in a piece of the same text (a plausible token elsewhere).
std::string mutate(std::string text, std::mt19937_64& random) {
  if (text.empty()) return "x";
  auto position = [&](std::size_t size) { return std::uniform_int_distribution<std::size_t>(0, size - 1)(random); };
  const std::string interesting[] = {"99999999999", "-1", " ", "\n", "0x1p+1024", "nan", "l ", "m ", "r ", "9:"};
  switch (random() % 6) {
    case 0: text[position(text.size())] ^= static_cast<char>(1 << (random() % 8)); break;
    case 1: text.erase(position(text.size()), 1 + random() % 8); break;
    case 2: {
      const std::size_t from = position(text.size());
      text.insert(position(text.size()), text.substr(from, 1 + random() % 16));
      break;
    }
    case 3: text.insert(position(text.size()), interesting[random() % std::size(interesting)]); break;
    case 4: text.resize(position(text.size())); break;
    default: text[position(text.size())] = static_cast<char>(random() % 256); break;
  }
  return text;
}

constexpr int mutants_per_seed = 4000;

TEST(ProtocolFuzz, ValueDecodingAcceptsOrRejectsEveryMutant) {
  std::mt19937_64 random(20261129);
  for (const auto& seed : seeds()) {
    for (int k = 0; k < mutants_per_seed; ++k) {
      std::string text = seed;
      for (int changes = 1 + static_cast<int>(random() % 3); changes > 0; --changes) text = mutate(text, random);
      try {
        (void)decode(text);
      } catch (const DecodeError&) {
        // rejected: what the grader reports as a garbled answer
      } catch (const std::exception& e) {
        FAIL() << "decoding threw " << typeid(e).name() << " (" << e.what() << ") for: " << text;
      }
    }
  }
}

TEST(ProtocolFuzz, AnswerDecodingNeverThrowsAndMarksWhatItCannotRead) {
  std::mt19937_64 random(7);
  const std::string valid = seeds()[3];
  ASSERT_TRUE(protocol::decode_answers(valid).done);
  int garbled = 0;
  for (int k = 0; k < mutants_per_seed * 2; ++k) {
    const std::string text = mutate(mutate(valid, random), random);
    protocol::Answers answers;
    ASSERT_NO_THROW(answers = protocol::decode_answers(text)) << text;
    EXPECT_LE(answers.outcomes.size(), 2u) << "more answers than the runner wrote: " << text;
    garbled += answers.garbled ? 1 : 0;
  }
  EXPECT_GT(garbled, 0);  // the mutations do reach the decoder's checks
}

TEST(ProtocolFuzz, OutputIsCutByCallWhateverItsMarkersBecome) {
  std::mt19937_64 random(13);
  const std::string token = "0123456789abcdef";
  const std::string valid = "x\n" + protocol::output_marker(token, 0) + "pivot 1\n" +
                            protocol::output_marker(token, 1) + "y" + protocol::output_marker(token, 2) +
                            protocol::output_marker(token, 999999999);
  for (int k = 0; k < mutants_per_seed; ++k) {
    const std::string text = mutate(mutate(valid, random), random);
    protocol::PrintedByCall printed;
    ASSERT_NO_THROW(printed = protocol::split_printed(text, token, 3)) << text;
    EXPECT_EQ(printed.calls.size(), 3u);
    std::size_t kept = printed.before.size();
    for (const auto& call : printed.calls) kept += call.size();
    EXPECT_LE(kept, text.size()) << "more text than was printed: " << text;
  }
}

TEST(ProtocolFuzz, RequestDecodingAcceptsOrRejectsEveryMutant) {
  std::mt19937_64 random(11);
  const std::string valid = seeds()[4];
  ASSERT_EQ(protocol::decode_request(valid).size(), 2u);
  for (int k = 0; k < mutants_per_seed; ++k) {
    const std::string text = mutate(valid, random);
    try {
      (void)protocol::decode_request(text);
    } catch (const DecodeError&) {
    } catch (const std::exception& e) {
      FAIL() << "decoding a request threw " << typeid(e).name() << " (" << e.what() << ") for: " << text;
    }
  }
}

}  // namespace
}  // namespace mathlings
