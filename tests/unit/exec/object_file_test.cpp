// The static data an object brings into every program linked from it.
#include "exec/object_file.hpp"

#include <gtest/gtest.h>

#include "base/config.hpp"
#include "base/errors.hpp"
#include "base/files.hpp"
#include "exec/process.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

class ObjectFile : public ::testing::Test {
 protected:
  fs::path compile(const std::string& name, const std::string& source) {
    write_file_atomically(dir.path() / (name + ".cpp"), source);
    ProcessSpec spec;
    spec.argv = {config::compiler, "-c", name + ".cpp", "-o", name + ".o"};
    spec.working_directory = dir.path();
    const ProcessResult r = run_process(spec);
    EXPECT_TRUE(r.succeeded()) << r.output;
    return dir.path() / (name + ".o");
  }
  TemporaryDirectory dir{fs::temp_directory_path()};
};

TEST_F(ObjectFile, CountsZeroFilledInitialisedAndConstantDataButNotCode) {
  const auto small = compile("small", "int twice(int x) { return 2 * x; }\n");
  const auto big = compile("big",
                           "static double memo[1 << 20];\n"   // 8 MiB zero-filled
                           "const char table[4096] = {1};\n"  // constants
                           "double* memo_of() { return memo; }\n"
                           "const char* table_of() { return table; }\n");
  EXPECT_LT(static_data_bytes(small), 1024u);
  EXPECT_GE(static_data_bytes(big), (8u << 20) + 4096u);
  EXPECT_LT(static_data_bytes(big), (8u << 20) + 64 * 1024u);
}

TEST_F(ObjectFile, AFileThatIsNotAnObjectIsAGraderError) {
  write_file_atomically(dir.path() / "text.o", "not an object at all, but long enough to hold an ELF header...");
  EXPECT_THROW(static_data_bytes(dir.path() / "text.o"), GraderError);
}

}  // namespace
}  // namespace mathlings
