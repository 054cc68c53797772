#include "classroom/similarity.hpp"

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

#include "base/errors.hpp"
#include "base/files.hpp"
#include "base/text.hpp"
#include "exec/programs.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t shortest_stub_line = 8;  // "}" or "{" in a stub says nothing of who wrote the rest
constexpr double sim_seconds = 300;

std::string normalised(const std::string& line) {
  std::string out;
  for (char c : trimmed(line)) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

/// Lines first..last (1-based, of the own text) of a file, as handed in.
std::string passage(const std::vector<std::string>& original, const std::vector<int>& line_of, int first, int last) {
  std::string text;
  if (first < 1 || last < first || static_cast<std::size_t>(last) > line_of.size()) return text;
  const int from = line_of[first - 1], to = line_of[last - 1];
  for (int k = from; k <= to && static_cast<std::size_t>(k) <= original.size(); ++k) text += original[k - 1] + "\n";
  return text;
}

struct Compared {
  std::vector<std::string> students;
  std::vector<std::vector<std::string>> original;
  std::vector<std::vector<int>> line_of;
};

/// Each pair's percentages from sim_c++ -p -e -a: "3.cpp consists for 87 % of 5.cpp material".
std::map<std::pair<int, int>, int> percentages(const std::string& output) {
  static const std::regex line(R"((\d+)\.cpp consists for (\d+) % of (\d+)\.cpp material)");
  std::map<std::pair<int, int>, int> percent;
  for (std::sregex_iterator it(output.begin(), output.end(), line), end; it != end; ++it)
    percent[{std::stoi((*it)[1]), std::stoi((*it)[3])}] = std::stoi((*it)[2]);
  return percent;
}

/// The runs sim_c++ -n finds between two files: "0.cpp: line 7-51 |1.cpp: line 7-51 [430]".
std::vector<MatchedPassage> runs(const std::string& output, int a, int b, const Compared& compared) {
  static const std::regex line(R"((\d+)\.cpp: line (\d+)-(\d+)\s*\|(\d+)\.cpp: line (\d+)-(\d+)\s*\[(\d+)\])");
  std::vector<MatchedPassage> passages;
  for (std::sregex_iterator it(output.begin(), output.end(), line), end; it != end; ++it) {
    int first = std::stoi((*it)[1]), second = std::stoi((*it)[4]);
    int a1 = std::stoi((*it)[2]), a2 = std::stoi((*it)[3]), b1 = std::stoi((*it)[5]), b2 = std::stoi((*it)[6]);
    if (first == b && second == a) {
      std::swap(first, second);
      std::swap(a1, b1);
      std::swap(a2, b2);
    }
    if (first != a || second != b) continue;
    const auto within = [](int from, int to, const std::vector<int>& lines) {
      return from >= 1 && to >= from && static_cast<std::size_t>(to) <= lines.size();
    };
    if (!within(a1, a2, compared.line_of[a]) || !within(b1, b2, compared.line_of[b])) continue;
    MatchedPassage p;
    p.tokens = std::stoi((*it)[7]);
    p.text_a = passage(compared.original[a], compared.line_of[a], a1, a2);
    p.text_b = passage(compared.original[b], compared.line_of[b], b1, b2);
    p.first_a = compared.line_of[a][a1 - 1];
    p.last_a = compared.line_of[a][a2 - 1];
    p.first_b = compared.line_of[b][b1 - 1];
    p.last_b = compared.line_of[b][b2 - 1];
    passages.push_back(std::move(p));
  }
  return passages;
}

}  // namespace

std::pair<std::string, std::vector<int>> own_lines(const std::string& text, const std::string& stub) {
  std::set<std::string> given;
  for (const auto& line : lines_of(stub))
    if (normalised(line).size() >= shortest_stub_line) given.insert(normalised(line));
  std::string kept;
  std::vector<int> line_of;
  int number = 0;
  for (const auto& line : lines_of(text)) {
    ++number;
    if (given.count(normalised(line))) continue;
    kept += line + "\n";
    line_of.push_back(number);
  }
  return {kept, line_of};
}

SimilarityReport find_similar_pairs(const Course& course, const ClassFiles& files) {
  SimilarityReport report;
  if (!find_program("sim_c++")) {
    report.why_not = "sim_c++ is not installed (apt-get install similarity-tester)";
    return report;
  }
  try {
    for (const auto* exercise : course.exercises()) {
      const auto of_exercise = files.find(exercise->id);
      if (of_exercise == files.end() || of_exercise->second.size() < 2) continue;
      const fs::path stub_file = course.exercises_dir() / exercise->relative_file();
      const std::string stub = fs::is_regular_file(stub_file) ? read_file(stub_file) : "";
      // Files named by number: no name a student chose reaches the tool's command line.
      TemporaryDirectory work(fs::temp_directory_path(), "mathlings-similarity-");
      Compared compared;
      std::vector<std::string> argv{"sim_c++", "-p", "-e", "-a", "-T"};
      for (const auto& [student, text] : of_exercise->second) {
        auto [own, line_of] = own_lines(text, stub);
        const std::string name = std::to_string(compared.students.size()) + ".cpp";
        write_file_atomically(work.path() / name, own);
        argv.push_back(name);
        compared.students.push_back(student);
        compared.original.push_back(lines_of(text));
        compared.line_of.push_back(std::move(line_of));
      }
      report.files += compared.students.size();
      const auto percent = percentages(run_tool(argv, "the similarity report", sim_seconds, work.path()));
      std::set<std::pair<int, int>> flagged;
      for (const auto& [files_pair, value] : percent) {
        if (value < similar_percent) continue;
        flagged.insert({std::min(files_pair.first, files_pair.second), std::max(files_pair.first, files_pair.second)});
      }
      for (const auto& [a, b] : flagged) {
        SimilarPair pair;
        pair.exercise = exercise->id;
        pair.a = compared.students[a];
        pair.b = compared.students[b];
        pair.a_in_b = percent.count({a, b}) ? percent.at({a, b}) : 0;
        pair.b_in_a = percent.count({b, a}) ? percent.at({b, a}) : 0;
        const std::string runs_output =
            run_tool({"sim_c++", "-n", "-T", std::to_string(a) + ".cpp", std::to_string(b) + ".cpp"},
                     "the similarity report", sim_seconds, work.path());
        pair.passages = runs(runs_output, a, b, compared);
        report.pairs.push_back(std::move(pair));
      }
    }
    report.checked = true;
  } catch (const GraderError& e) {
    report.pairs.clear();
    report.why_not = e.what();
  }
  std::stable_sort(report.pairs.begin(), report.pairs.end(), [](const SimilarPair& x, const SimilarPair& y) {
    return std::max(x.a_in_b, x.b_in_a) > std::max(y.a_in_b, y.b_in_a);
  });
  return report;
}

}  // namespace mathlings
