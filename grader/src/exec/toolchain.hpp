// Builds runners: the compiler driven for learner files, reference solutions,
// generated bindings and lesson examples, with every product cached by a hash
// of everything that went into it.
//
// A learner file compiles on its own, against the lesson's precompiled header
// (Eigen and the standard library parsed once per lesson, not per check), into
// an object; the object is linked with the exercise's bindings and the runner
// library into a runner executable. Re-checking an unchanged file costs a
// cache lookup; an edited one, one compile of one file and a link.
//
// Compiling the templates a file instantiates (Eigen's decompositions and
// products, Boost.Math's distributions) is most of a compile, and g++ does it
// again for every file. So when clang++ is there, a lesson's headers and its
// prebuild header (course.yaml) become a clang precompiled header that keeps
// those instantiations and an object with their code, built once per lesson;
// a learner's file is compiled by clang at -O0 against it and only calls that
// code (the fast path), and so are the exercise's bindings: g++'s own
// precompiled header is then never built. g++ still decides: a file clang
// does not compile is compiled by g++ as before, whose verdict and messages
// the learner gets.
//
// A grade of several files of a lesson (a full submission, a class) may
// compile them as one unit with clang and link one runner for all their
// exercises (compile_together, exec/shared_unit.hpp): one compiler start and
// one link where there were five. Only files that cannot see one another's
// names go together, and anything that fails there is built file by file,
// which decides.
//
// The compiler and the linker read learner code, so they run in the same
// sandbox as learner programs (sandbox.hpp), limited in time, memory and
// output. In there they see the system's /usr, their working folder as /tmp,
// and only the inputs shown to them, at fixed places: the course's headers
// (a copy in the cache) at /mathlings/include, the lesson's precompiled header
// at /mathlings/pch, objects to link under /mathlings/in. So no spelling of an
// #include, and no assembler .incbin, reaches the solutions or the specs:
// they do not exist in there. After a learner's file compiles, the files the
// compiler itself says it read (-MD) are checked against what a learner's file
// may read. Products are published into the cache readable by every user, as
// sandboxed steps run as users of their own.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/once_cache.hpp"
#include "exec/shared_unit.hpp"
#include "model/course.hpp"

namespace mathlings {

namespace fs = std::filesystem;

struct BuildProduct {
  bool ok = false;
  fs::path path;            ///< the object or executable, when ok
  std::string key;          ///< cache key of the product
  std::string diagnostics;  ///< the compiler's message, trimmed to the learner's file, when not ok
  /// Objects it needs beside it at link time: the lesson's prebuilt
  /// instantiations, when the fast compiler made it.
  std::vector<fs::path> companions;
};

class Toolchain {
 public:
  explicit Toolchain(fs::path cache_dir);

  const fs::path& cache_dir() const { return cache_dir_; }

  /// Compiles one source file of a lesson (a learner's, a reference's or a
  /// lesson example) to an object. `display_name` is the path diagnostics
  /// should name. A compile error is a result, not an exception.
  BuildProduct compile(const Course& course, const Lesson& lesson, const std::string& source,
                       const std::string& display_name);

  /// Several files of one lesson compiled as one unit by the fast compiler,
  /// when they may share one (exec/shared_unit.hpp): an object with every
  /// file's code, to link each exercise's runner from. Nothing when they may
  /// not, or the unit does not compile: then each file is compiled on its
  /// own, which decides its verdict and messages.
  std::optional<BuildProduct> compile_together(const Course& course, const Lesson& lesson,
                                               const std::vector<UnitFile>& files);

  /// Builds the precompiled header (and prebuilt instantiations) that the
  /// files of `lesson` will be compiled against; done anyway by the first
  /// compile that needs them.
  void prepare(const Course& course, const Lesson& lesson);
  /// Links an exercise object with its bindings into a runner; a link error
  /// (a function not defined, defined twice) is a result.
  BuildProduct link_runner(const Course& course, const Exercise& exercise, const BuildProduct& object);
  /// One runner for several exercises of a lesson, from an object that
  /// defines all their functions (a unit of compile_together): it answers a
  /// call of any of them.
  using Exercises = std::vector<const Exercise*>;
  BuildProduct link_runner(const Course& course, const Exercises& exercises, const BuildProduct& object);

  /// Links objects with a main() (lesson examples) into a program.
  BuildProduct link_program(const std::vector<BuildProduct>& objects, const std::string& display_name);

 private:
  struct Pch {
    fs::path dir;  ///< holds lesson.hpp, to pass with -include, and lesson.hpp.gch
    std::string key;
    fs::path headers;  ///< the staged course headers it was built from
  };
  Pch precompiled_header(const Course& course, const Lesson& lesson);
  /// The fast compiler's precompiled header of a lesson, with the code for
  /// the templates it instantiates (the lesson's prebuild header) compiled
  /// once into lesson.o beside it.
  struct Prebuilt {
    fs::path dir;  ///< holds lesson.hpp, lesson.pch and lesson.o
    std::string key;
    fs::path headers;
  };
  Prebuilt prebuilt(const Course& course, const Lesson& lesson);
  /// Whether learner files and bindings go to the fast compiler first.
  bool fast_path() const;
  /// The learner's file compiled by the fast compiler against the prebuilt
  /// header; nothing when it did not compile there (the C++ compiler then
  /// decides, and its messages are the ones shown).
  std::optional<BuildProduct> compile_fast(const Course& course, const Lesson& lesson, const std::string& source,
                                           const std::string& display_name);
  /// The compiles themselves, each run once per key in this process: a
  /// class's identical files, met by several threads, are compiled once.
  std::optional<BuildProduct> compile_fast_once(const Prebuilt& pre, BuildProduct product, const std::string& source,
                                                const std::string& display_name);
  BuildProduct compile_once(const Pch& pch, BuildProduct product, const std::string& source,
                            const std::string& display_name);
  BuildProduct bindings(const Course& course, const Exercises& exercises);
  /// The bindings compiled by the fast compiler against the prebuilt
  /// header (ok false when it did not compile them: the C++ compiler then
  /// does, and says why if it cannot either).
  BuildProduct bindings_fast(const Course& course, const Exercises& exercises);
  /// The course's headers copied into the cache, readable by any user: the
  /// sandboxed compiler may run as a user of its own.
  fs::path staged_headers(const Course& course);
  fs::path staged_runner_library();
  static std::vector<std::string> base_flags(const std::string& include_dir);

  fs::path cache_dir_;
  bool sandboxed_;
  std::string compiler_key_;
  std::string fast_compiler_key_;  ///< compiler_key_ and clang's own stamp
  OnceCache<Pch> pch_;
  OnceCache<Prebuilt> prebuilt_;
  OnceCache<BuildProduct> bindings_;
  OnceCache<std::optional<BuildProduct>> fast_objects_;
  OnceCache<BuildProduct> objects_;
  OnceCache<BuildProduct> runners_;
  OnceCache<fs::path> staged_;
};

/// Keeps the compiler's diagnostics that concern `display_name`, at most
/// `max_lines` of them; exposed for tests.
std::string trim_diagnostics(const std::string& output, const std::string& display_name, std::size_t max_lines = 40);

/// Turns the linker's complaints into sentences a learner can act on.
std::string explain_link_errors(const std::string& output);

}  // namespace mathlings
