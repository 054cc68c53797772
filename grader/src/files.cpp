#include "files.hpp"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "errors.hpp"

namespace mathlings {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw GraderError("cannot read " + path.string() + ": " + std::strerror(errno));
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::string unique_suffix() {
  static std::atomic<unsigned> counter{0};
  return std::to_string(getpid()) + "-" + std::to_string(counter++);
}

void write_file_atomically(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  const fs::path temporary = path.string() + ".tmp-" + unique_suffix();
  {
    std::ofstream out(temporary, std::ios::binary);
    out << content;
    if (!out.flush()) throw GraderError("cannot write " + temporary.string());
  }
  fs::rename(temporary, path);
}

TemporaryDirectory::TemporaryDirectory(const fs::path& parent) {
  fs::create_directories(parent);
  std::string pattern = (parent / "tmp-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw GraderError("cannot create a directory in " + parent.string() + ": " + std::strerror(errno));
  }
  path_ = pattern;
}

TemporaryDirectory::~TemporaryDirectory() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

}  // namespace mathlings
