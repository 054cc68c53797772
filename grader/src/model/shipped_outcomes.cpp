#include "model/shipped_outcomes.hpp"

#include "base/errors.hpp"
#include "base/files.hpp"
#include "base/hash.hpp"

namespace mathlings {

std::string shipped_record(const std::string& variant, const std::string& test, const std::string& request,
                           const std::vector<protocol::Outcome>& outcomes) {
  std::string data = "test ";
  encode_string(variant, data);
  data += " ";
  encode_string(test, data);
  data += " " + Hasher().add(request).hex() + "\n";
  for (std::size_t k = 0; k < outcomes.size(); ++k) data += protocol::encode_answer(k, outcomes[k]);
  return data + protocol::encode_done();
}

std::optional<std::vector<protocol::Outcome>> shipped_outcomes(const Course& course, const Exercise& exercise,
                                                               const TestSpec& test, const std::string& request,
                                                               const std::string& variant) {
  const fs::path file = course.expected_dir() / (exercise.id + ".expected");
  if (!fs::exists(file)) return std::nullopt;
  const std::string data = read_file(file);
  const std::string hash = Hasher().add(request).hex();
  const CourseError damaged(file.string() + ": damaged expected data");
  try {
    std::size_t pos = 0;
    while (pos < data.size()) {
      if (decode_word(data, pos) != "test") throw damaged;
      const std::string variant_name = decode_string(data, pos);
      const std::string name = decode_string(data, pos);
      const std::string request_hash(decode_word(data, pos));
      if (pos >= data.size() || data[pos] != '\n') throw damaged;
      ++pos;
      const auto answers = protocol::decode_answers(std::string_view(data).substr(pos));
      if (!answers.done || answers.garbled) throw damaged;
      // The record ends where its answers, as shipped_record wrote them, end:
      // found by writing them again, since an answer's own text may read "done".
      std::string written;
      for (std::size_t k = 0; k < answers.outcomes.size(); ++k)
        written += protocol::encode_answer(k, answers.outcomes[k]);
      written += protocol::encode_done();
      if (data.compare(pos, written.size(), written) != 0) throw damaged;
      if (variant_name == variant && name == test.name && request_hash == hash) return answers.outcomes;
      pos += written.size();
    }
  } catch (const DecodeError&) {
    throw damaged;
  }
  return std::nullopt;
}

}  // namespace mathlings
