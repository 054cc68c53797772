// What an object file holds, read from its ELF section headers.
#pragma once

#include <cstdint>
#include <filesystem>

namespace mathlings {

/// The bytes of data an object brings into every program linked from it:
/// its loaded sections that are not code (initialised and zero-filled data,
/// constants, thread-local storage). Throws GraderError when the file is not
/// a 64-bit little-endian ELF object.
std::uint64_t static_data_bytes(const std::filesystem::path& object);

}  // namespace mathlings
