// Small file helpers that report failures as GraderError with the path.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace mathlings {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path);
/// At most the first `max_bytes` of a file: for files someone else chose,
/// which may be of any size.
std::string read_file_prefix(const fs::path& path, std::size_t max_bytes);
/// Writes through a temporary file and a rename, so that a concurrent reader
/// (another grader sharing the cache) sees the old content or the new, never half.
void write_file_atomically(const fs::path& path, const std::string& content);
/// A fresh private directory under `parent`, named `prefix` and six random
/// characters (mode 0700, so no other user can look in); removed by the destructor.
class TemporaryDirectory {
 public:
  explicit TemporaryDirectory(const fs::path& parent, const std::string& prefix = "tmp-");
  ~TemporaryDirectory();
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

/// The regular files below `dir`, in path order.
std::vector<fs::path> files_under(const fs::path& dir);

/// A name no other thread or process will pick at the same time.
std::string unique_suffix();

}  // namespace mathlings
