#include "exec/object_file.hpp"

#include <elf.h>

#include <cstring>
#include <string>

#include "base/errors.hpp"
#include "base/files.hpp"

namespace mathlings {

std::uint64_t static_data_bytes(const std::filesystem::path& object) {
  const std::string bytes = read_file(object);
  const auto not_elf = [&] { return GraderError(object.string() + " is not a 64-bit little-endian ELF object"); };
  Elf64_Ehdr header;
  if (bytes.size() < sizeof header) throw not_elf();
  std::memcpy(&header, bytes.data(), sizeof header);
  if (std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0 || header.e_ident[EI_CLASS] != ELFCLASS64 ||
      header.e_ident[EI_DATA] != ELFDATA2LSB || header.e_shentsize != sizeof(Elf64_Shdr) ||
      header.e_shoff > bytes.size() || header.e_shnum > (bytes.size() - header.e_shoff) / sizeof(Elf64_Shdr))
    throw not_elf();
  std::uint64_t total = 0;
  for (std::size_t k = 0; k < header.e_shnum; ++k) {
    Elf64_Shdr section;
    std::memcpy(&section, bytes.data() + header.e_shoff + k * sizeof section, sizeof section);
    if ((section.sh_flags & SHF_ALLOC) && !(section.sh_flags & SHF_EXECINSTR)) total += section.sh_size;
  }
  return total;
}

}  // namespace mathlings
