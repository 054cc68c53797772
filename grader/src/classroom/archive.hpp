// Unpacks a student's .zip or .tar.gz into a folder — carefully: the archive
// comes from a stranger. Entries that would land outside the folder (absolute
// paths, ".."), links, devices and oversized contents are refused, and the
// whole archive with them.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace mathlings {

/// The archive could not be used; the message says why, for the gradebook.
struct ArchiveError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ArchiveLimits {
  std::uint64_t total_bytes = 64ULL << 20;
  std::size_t entries = 5000;
};

bool is_archive_name(const std::string& file_name);
/// The student's id for an archive: its name without the extension.
std::string archive_stem(const std::string& file_name);

/// Writes a .zip of `files`: each a name inside the archive and the file on
/// disk it holds; executables keep their execute permission.
void write_zip(const std::filesystem::path& zip,
               const std::vector<std::pair<std::string, std::filesystem::path>>& files);

void extract_archive(const std::filesystem::path& archive, const std::filesystem::path& destination,
                     const ArchiveLimits& limits = {});

}  // namespace mathlings
