#include "classroom/archive.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <fstream>
#include <memory>

namespace mathlings {
namespace {

constexpr const char* extensions[] = {".tar.gz", ".tgz", ".zip", ".tar"};

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() > tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

/// The entry's path if it stays inside the destination; empty if not.
std::filesystem::path safe_relative_path(const std::string& name) {
  const std::filesystem::path path(name);
  if (name.empty() || path.is_absolute() || name.find('\\') != std::string::npos) return {};
  std::filesystem::path clean;
  for (const auto& part : path) {
    if (part == "..") return {};
    if (part == "." || part.empty()) continue;
    clean /= part;
  }
  return clean;
}

}  // namespace

bool is_archive_name(const std::string& file_name) {
  for (const char* e : extensions)
    if (ends_with(file_name, e)) return true;
  return false;
}

std::string archive_stem(const std::string& file_name) {
  for (const char* e : extensions)
    if (ends_with(file_name, e)) return file_name.substr(0, file_name.size() - std::string(e).size());
  return file_name;
}

void extract_archive(const std::filesystem::path& archive_path, const std::filesystem::path& destination,
                     const ArchiveLimits& limits) {
  namespace fs = std::filesystem;
  std::unique_ptr<archive, decltype(&archive_read_free)> reader(archive_read_new(), archive_read_free);
  archive_read_support_format_zip(reader.get());
  archive_read_support_format_tar(reader.get());
  archive_read_support_filter_gzip(reader.get());
  if (archive_read_open_filename(reader.get(), archive_path.c_str(), 65536) != ARCHIVE_OK) {
    throw ArchiveError(std::string("unreadable archive: ") + archive_error_string(reader.get()));
  }
  fs::create_directories(destination);
  std::uint64_t total = 0;
  std::size_t entries = 0;
  archive_entry* entry = nullptr;
  for (;;) {
    const int status = archive_read_next_header(reader.get(), &entry);
    if (status == ARCHIVE_EOF) break;
    if (status != ARCHIVE_OK && status != ARCHIVE_WARN) {
      throw ArchiveError(std::string("broken archive: ") + archive_error_string(reader.get()));
    }
    if (++entries > limits.entries)
      throw ArchiveError("the archive has more than " + std::to_string(limits.entries) + " entries");
    const char* raw_name = archive_entry_pathname(entry);
    const std::string name = raw_name ? raw_name : "";
    const fs::path relative = safe_relative_path(name);
    if (relative.empty() && !name.empty() && name != "./" && name != ".") {
      throw ArchiveError("the archive entry '" + name + "' would land outside the submission folder");
    }
    if (archive_entry_symlink(entry) != nullptr || archive_entry_hardlink(entry) != nullptr) {
      throw ArchiveError("the archive entry '" + name + "' is a link; submissions hold plain files only");
    }
    const auto type = archive_entry_filetype(entry);
    if (type == AE_IFDIR) {
      if (!relative.empty()) fs::create_directories(destination / relative);
      continue;
    }
    if (type != AE_IFREG) throw ArchiveError("the archive entry '" + name + "' is not a plain file");
    const fs::path target = destination / relative;
    fs::create_directories(target.parent_path());
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    char buffer[65536];
    for (;;) {
      const la_ssize_t n = archive_read_data(reader.get(), buffer, sizeof buffer);
      if (n < 0) throw ArchiveError(std::string("broken archive: ") + archive_error_string(reader.get()));
      if (n == 0) break;
      total += static_cast<std::uint64_t>(n);
      if (total > limits.total_bytes) {
        throw ArchiveError("the archive unpacks to more than " + std::to_string(limits.total_bytes >> 20) + " MiB");
      }
      out.write(buffer, n);
    }
    if (!out.flush()) throw ArchiveError("cannot write " + target.string());
  }
}

void write_zip(const std::filesystem::path& zip,
               const std::vector<std::pair<std::string, std::filesystem::path>>& files) {
  namespace fs = std::filesystem;
  std::unique_ptr<archive, decltype(&archive_write_free)> writer(archive_write_new(), archive_write_free);
  archive_write_set_format_zip(writer.get());
  if (archive_write_open_filename(writer.get(), zip.c_str()) != ARCHIVE_OK) {
    throw ArchiveError("cannot write " + zip.string() + ": " + archive_error_string(writer.get()));
  }
  for (const auto& [name, path] : files) {
    std::ifstream in(path, std::ios::binary);
    const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(), archive_entry_free);
    archive_entry_set_pathname(entry.get(), name.c_str());
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    const bool executable = (fs::status(path).permissions() & fs::perms::owner_exec) != fs::perms::none;
    archive_entry_set_perm(entry.get(), executable ? 0755 : 0644);
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(content.size()));
    archive_entry_set_mtime(entry.get(), 1793534400, 0);  // fixed: the same course gives the same bundle
    if (archive_write_header(writer.get(), entry.get()) != ARCHIVE_OK ||
        archive_write_data(writer.get(), content.data(), content.size()) < 0) {
      throw ArchiveError("cannot write " + zip.string() + ": " + archive_error_string(writer.get()));
    }
  }
  if (archive_write_close(writer.get()) != ARCHIVE_OK) {
    throw ArchiveError("cannot write " + zip.string() + ": " + archive_error_string(writer.get()));
  }
}

}  // namespace mathlings
