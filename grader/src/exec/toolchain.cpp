#include "exec/toolchain.hpp"

#include <unistd.h>

#include <cstdlib>
#include <regex>
#include <set>
#include <sstream>

#include "base/config.hpp"
#include "base/errors.hpp"
#include "base/files.hpp"
#include "base/hash.hpp"
#include "base/text.hpp"
#include "exec/dependencies.hpp"
#include "exec/load_retry.hpp"
#include "exec/object_file.hpp"
#include "exec/process.hpp"

namespace mathlings {
namespace {

const std::vector<std::string> compiler_environment{"PATH=/usr/bin:/bin", "LANG=C", "LC_ALL=C", "TMPDIR=/tmp"};

// A lesson header takes seconds to precompile and a learner's file well under
// one; the limits stop a template explosion from hanging the grader.
constexpr double header_seconds = 120;
constexpr double file_seconds = 20;
/// Static data a unit of several learner files may hold (none of the
/// course's answers comes near): beyond it, they are compiled apart.
constexpr std::uint64_t max_shared_static_data = 4 << 20;

// Part of every cache key: bump it when what a compile accepts changes, so
// that no product of the old rules is reused.
constexpr const char* rules_revision = "5: clang against prebuilt instantiations, g++ deciding; gold";

// Where a sandboxed compiler finds its inputs (see toolchain.hpp).
const std::string include_inside = "/mathlings/include";
const std::string pch_inside = "/mathlings/pch";
const std::string inputs_inside = "/mathlings/in";
// The folders of system headers a learner's file may read through an include.
std::vector<std::string> system_header_folders() {
  std::vector<std::string> folders{"/usr/include", "/usr/lib/gcc", "/usr/local/include"};
  if (*config::fast_compiler_resource_dir) folders.emplace_back(config::fast_compiler_resource_dir);
  return folders;
}

bool have_fast_compiler() {
  return *config::fast_compiler && std::getenv("MATHLINGS_NO_FAST_COMPILER") == nullptr;
}

/// The fast compiler's flags for a learner's file: no optimisation (the
/// heavy code it calls was compiled once, into the lesson's prebuilt object,
/// and the course's inputs are small), line tables for crash locations.
std::vector<std::string> fast_flags(const std::string& include_dir) {
  return {"-std=c++20",       "-O0",      "-gline-tables-only",     "-fno-color-diagnostics", "-ferror-limit=8",
          "-I" + include_dir, "-isystem", config::eigen_include_dir};
}

/// CPU time decides (the same on a busy machine as on an idle one); wall
/// time only guards against a compiler that never finishes.
Limits compiler_limits(double seconds) {
  Limits limits = Limits::of_cpu_time(seconds);
  limits.address_space = seconds > file_seconds ? 6ULL << 30 : 2ULL << 30;
  limits.file_size = 512ULL << 20;
  limits.output_bytes = 1 << 20;
  return limits;
}

/// Makes a file readable (and, if it was, executable) by every user and owned
/// by the grader's: sandboxed steps run as users of their own and read what
/// the grader and earlier steps made, whatever the umask.
void make_readable(const fs::path& path) {
  if (geteuid() == 0) [[maybe_unused]]
    const int ignored = lchown(path.c_str(), 0, 0);
  const auto status = fs::symlink_status(path);
  if (fs::is_symlink(status)) return;
  const bool executable = fs::is_directory(status) || (status.permissions() & fs::perms::owner_exec) != fs::perms::none;
  fs::permissions(path, executable ? fs::perms(0755) : fs::perms(0644));
}

/// Moves a finished product (a file or a folder) into the cache, readable by
/// all. A product that another grader published first is kept.
void publish(const fs::path& from, const fs::path& to) {
  make_readable(from);
  if (fs::is_directory(from)) {
    for (const auto& entry : fs::recursive_directory_iterator(from)) make_readable(entry.path());
  }
  std::error_code ec;
  fs::rename(from, to, ec);
  if (ec && !fs::exists(to)) throw GraderError("cannot store " + to.string() + " in the cache: " + ec.message());
}

/// What both precompiled headers of a lesson hold: its header and its precompile list.
std::string lesson_includes(const Lesson& lesson) {
  std::string text = "#include <" + lesson.header + ">\n";
  for (const auto& h : lesson.precompile) text += "#include <" + h + ">\n";
  return text;
}

bool stopped_by_wall_guard(const ProcessResult& r);

/// `product`, built: its object is at `object`.
BuildProduct built_at(BuildProduct product, const fs::path& object) {
  product.ok = true;
  product.path = object;
  return product;
}

/// One run of the compiler or the linker, sandboxed when the machine allows:
/// then it sees the system, the inputs it was shown, and its working folder
/// as /tmp — not the course, not the cache, not the other students' work.
class CompilerRun {
 public:
  CompilerRun(bool sandboxed, fs::path working_directory, std::string working_inside = "/tmp") : sandboxed_(sandboxed) {
    spec_.working_directory = std::move(working_directory);
    spec_.isolation.working_directory = std::move(working_inside);
    spec_.environment = compiler_environment;
    spec_.isolation.enabled = sandboxed;
    spec_.isolation.all_devices = false;
  }
  /// Writes an input file (a source, a header) into the working folder.
  void give(const std::string& name, const std::string& content) {
    const fs::path path = spec_.working_directory / name;
    write_file_atomically(path, content);
    for (fs::path p = path; p != spec_.working_directory && p.has_relative_path(); p = p.parent_path()) {
      make_readable(p);
    }
  }
  /// The name under which the compiler sees `host`.
  std::string show(const fs::path& host, const std::string& inside) {
    if (!sandboxed_) return host.string();
    spec_.isolation.views.push_back({host, inside});
    return inside;
  }
  /// The name under which it sees a file it writes in its working folder.
  std::string own(const std::string& name) const {
    return sandboxed_ ? spec_.isolation.working_directory + "/" + name : (spec_.working_directory / name).string();
  }
  bool sandboxed() const { return sandboxed_; }
  /// The compiler to run: the C++ compiler unless told.
  CompilerRun& with(const char* compiler) {
    compiler_ = compiler;
    return *this;
  }
  /// A compile stopped by the wall-time guard before its CPU time ran out
  /// was held back by the machine's load, not by the file (a compiler does
  /// not sleep): it is tried once more with twice the time, and then it is
  /// MachineBusy — never a compile error, never remembered.
  ProcessResult run(std::vector<std::string> arguments, double seconds = file_seconds) {
    arguments.insert(arguments.begin(), compiler_);
    spec_.argv = std::move(arguments);
    return run_with_load_retry(
        "the compiler", compiler_limits(seconds),
        [this](const Limits& limits) {
          spec_.limits = limits;
          return run_process(spec_);
        },
        stopped_by_wall_guard);
  }

 private:
  bool sandboxed_;
  ProcessSpec spec_;
  const char* compiler_ = config::compiler;
};

/// Shows `linker` the prebuilt objects the linked objects need beside them,
/// each once, and adds them to its arguments.
void show_companions(CompilerRun& linker, const std::vector<const BuildProduct*>& objects,
                     std::vector<std::string>& args) {
  std::set<fs::path> companions;
  for (const auto* o : objects) companions.insert(o->companions.begin(), o->companions.end());
  std::size_t k = 0;
  for (const auto& c : companions)
    args.push_back(linker.show(c, inputs_inside + "/prebuilt" + std::to_string(k++) + ".o"));
}

/// A learner's file given to `compiler`, with the course's staged headers and
/// a lesson's precompiled header shown to it: the names it knows them by, and
/// what the file may read — itself, its working folder, the system's headers,
/// those two folders.
struct LearnerView {
  std::string headers_dir;
  std::string pch_dir;
  ReadPolicy may_read;
};
LearnerView show_learner_inputs(CompilerRun& compiler, const std::string& display_name, const fs::path& headers,
                                const fs::path& pch) {
  LearnerView view;
  view.may_read.working_directory = compiler.own("");
  view.may_read.files = {compiler.own(display_name)};
  view.may_read.folders = system_header_folders();
  view.headers_dir = compiler.show(headers, include_inside);  // hashed once per compile, not twice
  view.may_read.folders.push_back(view.headers_dir);
  view.pch_dir = compiler.show(pch, pch_inside);
  // Unsandboxed, the header was built in a temporary folder beside its final one.
  view.may_read.folders.push_back(compiler.sandboxed() ? view.pch_dir : pch.parent_path().string());
  return view;
}

bool stopped_by_wall_guard(const ProcessResult& r) {
  return r.end == ProcessResult::End::wall_timeout && !r.cpu_limit_exceeded;
}

std::string describe_failure(const ProcessResult& r) {
  if (r.cpu_limit_exceeded) {
    return "the compiler used more than " + format_seconds(r.cpu_seconds) +
           " of CPU time and was stopped (a template that instantiates itself without end?)\n" + r.output;
  }
  switch (r.end) {
    case ProcessResult::End::output_limit:
      return "the compiler wrote more than 1 MiB of messages; the first part:\n" + r.output;
    case ProcessResult::End::signaled:
      return "the compiler was stopped by " + signal_description(r.signal) + " (too much memory or time?)\n" + r.output;
    default: return r.output;
  }
}

/// Whether a failed compile says something about the file (and may be
/// remembered) rather than about this moment's machine (a limit hit).
bool failure_is_the_files(const ProcessResult& r) {
  return r.end == ProcessResult::End::exited && !r.cpu_limit_exceeded;
}

std::string hash_tree(const fs::path& dir) {
  Hasher hasher;
  for (const auto& file : files_under(dir)) hasher.field(fs::relative(file, dir).string()).field(read_file(file));
  return hasher.hex();
}

std::string read_outside_message(const std::string& display_name, const std::string& path) {
  return display_name + ": reads " + path +
         ", which a learner's file may not: only the lesson's headers and the standard library's, Eigen's and "
         "Boost's. Remove the #include that brings it in.\n";
}

/// Names the lesson headers as the learner knows them, not as the sandbox does.
std::string with_course_names(std::string diagnostics) {
  const std::string from = include_inside + "/";
  for (std::size_t at = diagnostics.find(from); at != std::string::npos; at = diagnostics.find(from, at)) {
    diagnostics.replace(at, from.size(), "include/");
  }
  return diagnostics;
}

}  // namespace

// Absolute: the compiler and the runners work in other folders.
Toolchain::Toolchain(fs::path cache_dir) : cache_dir_(fs::absolute(cache_dir)), sandboxed_(sandbox_available()) {
  std::error_code ec;
  fs::create_directories(cache_dir_, ec);
  if (ec) throw GraderError("cannot create the cache directory " + cache_dir_.string() + ": " + ec.message());
  Hasher hasher;
  hasher.field(config::compiler).field(config::version).field(rules_revision).field(sandboxed_ ? "sandboxed" : "host");
  const auto stamp = fs::last_write_time(config::compiler, ec);
  hasher.field(std::to_string(stamp.time_since_epoch().count()));
  hasher.field(config::runner_library)
      .field(hash_tree(config::harness_include_dir))
      .field(hash_tree(config::common_include_dir));
  const auto runner_stamp = fs::last_write_time(config::runner_library, ec);
  if (ec)
    throw GraderError("the runner library is missing: " + std::string(config::runner_library) + " (rebuild mathlings)");
  hasher.field(std::to_string(runner_stamp.time_since_epoch().count()));
  compiler_key_ = hasher.hex();
  if (*config::fast_compiler) {  // a new clang: every prebuilt header built again
    const auto clang_stamp = fs::last_write_time(fs::canonical(config::fast_compiler, ec), ec);
    fast_compiler_key_ = Hasher()
                             .field(compiler_key_)
                             .field(config::fast_compiler)
                             .field(std::to_string(clang_stamp.time_since_epoch().count()))
                             .hex();
  }
}

std::vector<std::string> Toolchain::base_flags(const std::string& include_dir) {
  // -g1: line tables only (a few percent of compile time), so that a crash
  // can be traced to the learner's line (crash_location.hpp).
  return {"-std=c++20",
          "-O1",
          "-g1",
          "-pipe",
          "-fdiagnostics-color=never",
          "-fmax-errors=8",
          "-I" + include_dir,
          "-isystem",
          config::eigen_include_dir};
}

fs::path Toolchain::staged_headers(const Course& course) {
  const std::string key = hash_tree(course.include_dir());
  return staged_.get("include/" + key, [&] {
    const fs::path dir = cache_dir_ / "include" / key;
    if (fs::exists(dir)) return dir;
    fs::create_directories(dir.parent_path());
    TemporaryDirectory work(dir.parent_path());
    fs::copy(course.include_dir(), work.path() / "tree", fs::copy_options::recursive);
    publish(work.path() / "tree", dir);
    return dir;
  });
}

fs::path Toolchain::staged_runner_library() {
  return staged_.get("runner-library", [&] {
    const fs::path file = cache_dir_ / "lib" / (compiler_key_ + ".a");
    if (fs::exists(file)) return file;
    fs::create_directories(file.parent_path());
    TemporaryDirectory work(file.parent_path());
    fs::copy_file(config::runner_library, work.path() / "lib.a");
    publish(work.path() / "lib.a", file);
    return file;
  });
}

Toolchain::Pch Toolchain::precompiled_header(const Course& course, const Lesson& lesson) {
  const fs::path headers = staged_headers(course);
  Hasher hasher;
  hasher.field(compiler_key_).field(headers.filename().string()).field(lesson.header);
  for (const auto& h : lesson.precompile) hasher.field(h);
  const std::string key = hasher.hex();
  return pch_.get(key, [&]() -> Pch {
    const fs::path dir = cache_dir_ / "pch" / key;
    if (fs::exists(dir / "lesson.hpp.gch")) return {dir, key, headers};
    fs::create_directories(dir.parent_path());
    TemporaryDirectory work(dir.parent_path());
    const std::string text = "// precompiled for lesson " + lesson.id + "\n" + lesson_includes(lesson);
    // Built where it will be used: the paths it records appear in messages.
    CompilerRun compiler(sandboxed_, work.path(), pch_inside);
    compiler.give("lesson.hpp", text);
    auto args = base_flags(compiler.show(headers, include_inside));
    args.insert(args.end(), {"-x", "c++-header", compiler.own("lesson.hpp"), "-o", "lesson.hpp.gch"});
    const ProcessResult r = compiler.run(args, header_seconds);
    if (!r.succeeded()) {
      throw CourseError("the header of lesson " + lesson.id + " (include/" + lesson.header + ") does not compile:\n" +
                        with_course_names(describe_failure(r)));
    }
    publish(work.path(), dir);
    return {dir, key, headers};
  });
}

Toolchain::Prebuilt Toolchain::prebuilt(const Course& course, const Lesson& lesson) {
  const fs::path headers = staged_headers(course);
  std::string text = "// prebuilt for lesson " + lesson.id + "\n" + lesson_includes(lesson);
  if (!lesson.prebuild_header.empty()) {
    text += "#line 1 \"" + lesson.prebuild_header + "\"\n" + read_file(course.root / lesson.prebuild_header) + "\n";
  }
  const std::string key = Hasher().field(fast_compiler_key_).field(headers.filename().string()).field(text).hex();
  return prebuilt_.get(key, [&]() -> Prebuilt {
    const fs::path dir = cache_dir_ / "prebuilt" / key;
    if (fs::exists(dir / "lesson.o")) return {dir, key, headers};
    fs::create_directories(dir.parent_path());
    TemporaryDirectory work(dir.parent_path());
    CompilerRun compiler(sandboxed_, work.path(), pch_inside);
    compiler.with(config::fast_compiler).give("lesson.hpp", text);
    auto args = fast_flags(compiler.show(headers, include_inside));
    args.insert(args.end(), {"-x", "c++-header", compiler.own("lesson.hpp"), "-o", "lesson.pch",
                             "-fpch-instantiate-templates", "-fpch-codegen"});
    ProcessResult r = compiler.run(args, header_seconds);
    if (r.succeeded()) {
      // The instantiations' code, once for every file that calls it. Not
      // optimised: -O1 takes four times as long (16 s against 4 s for lesson
      // 04's) on every cold cache, and the course's inputs are small enough
      // that no test comes near its time limit either way.
      r = compiler.run({"-O0", "-gline-tables-only", "-c", "lesson.pch", "-o", "lesson.o"}, header_seconds);
    }
    if (!r.succeeded()) {
      throw CourseError("the prebuilt header of lesson " + lesson.id + " (include/" + lesson.header +
                        (lesson.prebuild_header.empty() ? "" : " and " + lesson.prebuild_header) +
                        ") does not compile with " + config::fast_compiler + ":\n" +
                        with_course_names(describe_failure(r)));
    }
    publish(work.path(), dir);
    return {dir, key, headers};
  });
}

bool Toolchain::fast_path() const {
  // Only sandboxed: a clang precompiled header names the files it was built
  // from, which stay where they were only at the sandbox's fixed places.
  return sandboxed_ && have_fast_compiler();
}

void Toolchain::prepare(const Course& course, const Lesson& lesson) {
  if (fast_path()) {
    prebuilt(course, lesson);
  } else {
    precompiled_header(course, lesson);
  }
}

std::optional<BuildProduct> Toolchain::compile_fast(const Course& course, const Lesson& lesson,
                                                    const std::string& source, const std::string& display_name) {
  const Prebuilt pre = prebuilt(course, lesson);
  BuildProduct product;
  product.key = Hasher().field(pre.key).field(display_name).field(source).hex();
  product.companions = {pre.dir / "lesson.o"};
  // Once per process too: a class's identical files (untouched stubs, a
  // shared answer) are compiled once, not once per thread that meets them.
  return fast_objects_.get(product.key, [&] { return compile_fast_once(pre, product, source, display_name); });
}

std::optional<BuildProduct> Toolchain::compile_fast_once(const Prebuilt& pre, BuildProduct product,
                                                         const std::string& source, const std::string& display_name) {
  const fs::path object = cache_dir_ / "objects" / (product.key + ".o");
  const fs::path declined = cache_dir_ / "objects" / (product.key + ".declined");
  if (fs::exists(object)) return built_at(product, object);
  if (fs::exists(declined)) return std::nullopt;
  fs::create_directories(object.parent_path());
  TemporaryDirectory work(object.parent_path());
  CompilerRun compiler(sandboxed_, work.path());
  compiler.with(config::fast_compiler).give(display_name, source);
  const LearnerView view = show_learner_inputs(compiler, display_name, pre.headers, pre.dir);
  auto args = fast_flags(view.headers_dir);
  args.insert(args.end(), {"-include-pch", view.pch_dir + "/lesson.pch", "-MD", "-MF", "deps.d", "-c", display_name,
                           "-o", "out.o"});
  const ProcessResult r = compiler.run(args);
  if (!r.succeeded()) {
    // The C++ compiler decides: its verdict and its messages are the ones a
    // learner gets. A limit hit is this moment's, not the file's: not kept.
    if (failure_is_the_files(r)) write_file_atomically(declined, "");
    return std::nullopt;
  }
  if (const auto outside =
          first_read_outside(parse_dependency_file(read_file(work.path() / "deps.d")), view.may_read)) {
    product.diagnostics = read_outside_message(display_name, *outside);
    product.companions.clear();
    return product;
  }
  publish(work.path() / "out.o", object);
  return built_at(product, object);
}

std::optional<BuildProduct> Toolchain::compile_together(const Course& course, const Lesson& lesson,
                                                        const std::vector<UnitFile>& files) {
  if (!fast_path() || files.size() < 2) return std::nullopt;
  const Prebuilt pre = prebuilt(course, lesson);
  if (why_compiled_apart(files, included_headers(read_file(pre.dir / "lesson.hpp")))) return std::nullopt;
  // Beside the files it is made of; every name in it is a #line's.
  const std::string unit_name = (fs::path(files.front().display_name).parent_path() / "mathlings-unit.cpp").string();
  auto unit = compile_fast(course, lesson, unit_source(files), unit_name);
  if (!unit || !unit->ok) return std::nullopt;
  // Every runner of the unit carries every file's static data: one file's
  // memo table would count against another exercise's memory limit.
  if (static_data_bytes(unit->path) > max_shared_static_data) return std::nullopt;
  return unit;
}

BuildProduct Toolchain::compile(const Course& course, const Lesson& lesson, const std::string& source,
                                const std::string& display_name) {
  if (fast_path()) {
    if (auto fast = compile_fast(course, lesson, source, display_name)) return *fast;
  }
  const Pch pch = precompiled_header(course, lesson);
  BuildProduct product;
  product.key = Hasher().field(pch.key).field(display_name).field(source).hex();
  return objects_.get(product.key, [&] { return compile_once(pch, product, source, display_name); });
}

BuildProduct Toolchain::compile_once(const Pch& pch, BuildProduct product, const std::string& source,
                                     const std::string& display_name) {
  const fs::path object = cache_dir_ / "objects" / (product.key + ".o");
  const fs::path failure = cache_dir_ / "objects" / (product.key + ".error");
  if (fs::exists(object)) return built_at(product, object);
  if (fs::exists(failure)) {
    product.diagnostics = read_file(failure);
    return product;
  }
  fs::create_directories(object.parent_path());
  TemporaryDirectory work(object.parent_path());
  CompilerRun compiler(sandboxed_, work.path());
  compiler.give(display_name, source);
  const LearnerView view = show_learner_inputs(compiler, display_name, pch.headers, pch.dir);
  auto args = base_flags(view.headers_dir);
  args.insert(args.end(), {"-Winvalid-pch", "-include", view.pch_dir + "/lesson.hpp", "-MD", "-MF", "deps.d", "-c",
                           display_name, "-o", "out.o"});
  const ProcessResult r = compiler.run(args);
  if (r.succeeded()) {
    const auto outside = first_read_outside(parse_dependency_file(read_file(work.path() / "deps.d")), view.may_read);
    if (!outside) {
      publish(work.path() / "out.o", object);
      return built_at(product, object);
    }
    product.diagnostics = read_outside_message(display_name, *outside);
  } else if (const auto outside = first_read_outside(files_named_in_diagnostics(r.output), view.may_read)) {
    // Never show the lines of a file the learner had no business reading.
    product.diagnostics = read_outside_message(display_name, *outside);
  } else {
    product.diagnostics =
        with_course_names(failure_is_the_files(r) ? trim_diagnostics(r.output, display_name) : describe_failure(r));
    if (r.output.find("virtual memory exhausted") != std::string::npos ||
        r.output.find("out of memory allocating") != std::string::npos) {
      product.diagnostics = "the compiler ran out of memory on this file (it may use " +
                            std::to_string(compiler_limits(file_seconds).address_space >> 30) +
                            " GiB): does a template instantiate itself without end?\n" + product.diagnostics;
    }
    if (!failure_is_the_files(r)) return product;  // a limit hit: CPU times differ a little between machines
  }
  write_file_atomically(failure, product.diagnostics);
  return product;
}

namespace {

/// The table that names an exercise's functions to the runner.
std::string binding_table(const Toolchain::Exercises& exercises) {
  std::vector<std::string> rows;
  for (const auto* exercise : exercises)
    for (const auto& f : exercise->spec.functions)
      rows.push_back("    {\"" + f + "\", ::mathlings::harness::bind_function(&::mathlings::" + f + ")}");
  std::string table = "MATHLINGS_EXERCISE_FUNCTIONS(\n";
  for (const auto& row : rows) table += row + (&row == &rows.back() ? "\n" : ",\n");
  return table + ")\n";
}

std::string ids_of(const Toolchain::Exercises& exercises) {
  std::string ids;
  for (const auto* exercise : exercises) ids += (ids.empty() ? "" : ", ") + exercise->id;
  return ids;
}

std::string generated_for(const Toolchain::Exercises& exercises) {
  return "// generated by mathlings for " + ids_of(exercises) + "\n";
}

}  // namespace

BuildProduct Toolchain::bindings(const Course& course, const Exercises& exercises) {
  if (fast_path()) {
    const BuildProduct fast = bindings_fast(course, exercises);
    if (fast.ok) return fast;
  }
  const Lesson& lesson = *exercises.front()->lesson;
  std::string source =
      generated_for(exercises) + "#include <" + lesson.header + ">\n#include <mathlings_harness/bind.hpp>\n";
  if (!lesson.codec_header.empty()) source += "#include \"" + (course.root / lesson.codec_header).string() + "\"\n";
  source += binding_table(exercises);
  // Compiled against the lesson's precompiled header, whose key holds the
  // compiler's and the course headers' (hashed once, there).
  const Pch pch = precompiled_header(course, lesson);
  Hasher hasher;
  hasher.field(pch.key).field(source);
  if (!lesson.codec_header.empty()) hasher.field(read_file(course.root / lesson.codec_header));
  const std::string key = hasher.hex();
  return bindings_.get(key, [&]() -> BuildProduct {
    const fs::path object = cache_dir_ / "bindings" / (key + ".o");
    if (fs::exists(object)) return {true, object, key, {}, {}};
    fs::create_directories(object.parent_path());
    TemporaryDirectory work(object.parent_path());
    write_file_atomically(work.path() / "bindings.cpp", source);
    // Course code, not a learner's: compiled outside the sandbox, where the
    // harness headers and the course's codec are.
    auto args = base_flags(course.include_dir().string());
    args.insert(args.end(), {"-I", config::harness_include_dir, "-I", config::common_include_dir});
    const auto compile = [&](std::vector<std::string> flags) {
      flags.insert(flags.end(), {"-c", "bindings.cpp", "-o", "out.o"});
      return CompilerRun(false, work.path()).run(flags, header_seconds);
    };
    // The lesson's precompiled header (Eigen, the lesson's header) spares
    // parsing them again: three quarters of a binding's compile. It was built
    // from a copy of the same headers, elsewhere; should it ever not fit,
    // compiling without it is only slower.
    auto with_header = args;
    with_header.insert(with_header.end(), {"-include", (pch.dir / "lesson.hpp").string()});
    ProcessResult r = compile(with_header);
    if (!r.succeeded()) r = compile(args);
    if (!r.succeeded()) {
      std::string specs;
      for (const auto* exercise : exercises) specs += (specs.empty() ? "" : ", ") + exercise->spec.file.string();
      throw CourseError("the bindings of " + ids_of(exercises) + " do not compile: do the functions in " + specs +
                        " match include/" + lesson.header + "?\n" + describe_failure(r));
    }
    publish(work.path() / "out.o", object);
    return {true, object, key, {}, {}};
  });
}

BuildProduct Toolchain::bindings_fast(const Course& course, const Exercises& exercises) {
  const Lesson& lesson = *exercises.front()->lesson;
  const Prebuilt pre = prebuilt(course, lesson);
  // The lesson's header comes with the precompiled one; the codec is given
  // to the compiler as a file of its working folder.
  std::string source = generated_for(exercises) + "#include <mathlings_harness/bind.hpp>\n";
  const std::string codec = lesson.codec_header.empty() ? "" : read_file(course.root / lesson.codec_header);
  if (!lesson.codec_header.empty()) source += "#include \"codec.hpp\"\n";
  source += binding_table(exercises);
  const std::string key = Hasher().field(pre.key).field(source).field(codec).hex();
  return bindings_.get(key, [&]() -> BuildProduct {
    const fs::path object = cache_dir_ / "bindings" / (key + ".o");
    const std::vector<fs::path> companions{pre.dir / "lesson.o"};
    if (fs::exists(object)) return {true, object, key, {}, companions};
    fs::create_directories(object.parent_path());
    TemporaryDirectory work(object.parent_path());
    CompilerRun compiler(sandboxed_, work.path());
    compiler.with(config::fast_compiler).give("bindings.cpp", source);
    if (!lesson.codec_header.empty()) compiler.give("codec.hpp", codec);
    auto args = fast_flags(compiler.show(pre.headers, include_inside));
    args.insert(args.end(), {"-I", compiler.show(config::harness_include_dir, "/mathlings/harness"), "-I",
                             compiler.show(config::common_include_dir, "/mathlings/common"), "-include-pch",
                             compiler.show(pre.dir, pch_inside) + "/lesson.pch", "-c", "bindings.cpp", "-o", "out.o"});
    // Not compiled here, the bindings are compiled by the C++ compiler,
    // which then says what is wrong with them.
    if (!compiler.run(args, header_seconds).succeeded()) return {};
    publish(work.path() / "out.o", object);
    return {true, object, key, {}, companions};
  });
}

BuildProduct Toolchain::link_runner(const Course& course, const Exercise& exercise, const BuildProduct& object) {
  return link_runner(course, Exercises{&exercise}, object);
}

BuildProduct Toolchain::link_runner(const Course& course, const Exercises& exercises, const BuildProduct& object) {
  const BuildProduct glue = bindings(course, exercises);
  BuildProduct product;
  product.key = Hasher().field(compiler_key_).field(object.key).field(glue.key).hex();
  return runners_.get(product.key, [&]() -> BuildProduct {
    const fs::path runner = cache_dir_ / "runners" / product.key;
    const fs::path failure = cache_dir_ / "runners" / (product.key + ".error");
    if (fs::exists(runner)) return {true, runner, product.key, {}, {}};
    if (fs::exists(failure)) return {false, {}, product.key, read_file(failure), {}};
    fs::create_directories(runner.parent_path());
    TemporaryDirectory work(runner.parent_path());
    CompilerRun linker(sandboxed_, work.path());
    std::vector<std::string> args{linker.show(object.path, inputs_inside + "/exercise.o"),
                                  linker.show(glue.path, inputs_inside + "/bindings.o")};
    show_companions(linker, {&object, &glue}, args);
    args.insert(args.end(),
                {linker.show(staged_runner_library(), inputs_inside + "/runner.a"), "-fuse-ld=gold", "-o", "runner"});
    const ProcessResult r = linker.run(args);
    if (r.succeeded()) {
      publish(work.path() / "runner", runner);
      return {true, runner, product.key, {}, {}};
    }
    BuildProduct failed = product;
    failed.diagnostics = failure_is_the_files(r) ? explain_link_errors(r.output) : describe_failure(r);
    if (failure_is_the_files(r)) write_file_atomically(failure, failed.diagnostics);
    return failed;
  });
}

BuildProduct Toolchain::link_program(const std::vector<BuildProduct>& objects, const std::string& display_name) {
  Hasher hasher;
  hasher.field(compiler_key_);
  for (const auto& o : objects) hasher.field(o.key);
  BuildProduct product;
  product.key = hasher.hex();
  const fs::path program = cache_dir_ / "programs" / product.key;
  if (fs::exists(program)) return {true, program, product.key, {}, {}};
  fs::create_directories(program.parent_path());
  TemporaryDirectory work(program.parent_path());
  CompilerRun linker(sandboxed_, work.path());
  std::vector<std::string> args;
  std::vector<const BuildProduct*> linked;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    args.push_back(linker.show(objects[i].path, inputs_inside + "/" + std::to_string(i) + ".o"));
    linked.push_back(&objects[i]);
  }
  show_companions(linker, linked, args);
  args.insert(args.end(), {"-fuse-ld=gold", "-o", "program"});
  const ProcessResult r = linker.run(args);
  if (!r.succeeded()) return {false, {}, product.key, display_name + ": " + explain_link_errors(r.output), {}};
  publish(work.path() / "program", program);
  return {true, program, product.key, {}, {}};
}

std::string trim_diagnostics(const std::string& output, const std::string& display_name, std::size_t max_lines) {
  std::istringstream in(output);
  std::string line;
  std::string kept;
  std::size_t count = 0;
  bool keeping = false;
  while (std::getline(in, line)) {
    if (line.rfind(display_name + ":", 0) == 0) {
      keeping = true;
    } else if (line.empty() || (line[0] != ' ' && line[0] != '\t')) {
      keeping = false;  // a message about another file (a system header, the PCH)
    }
    if (keeping && count < max_lines) {
      kept += line + '\n';
      ++count;
    }
  }
  if (kept.empty()) {  // nothing names the learner's file: show the start as it is
    std::istringstream again(output);
    while (std::getline(again, line) && count++ < max_lines) kept += line + '\n';
  } else if (count >= max_lines) {
    kept += "(more messages cut)\n";
  }
  return kept;
}

std::string explain_link_errors(const std::string& output) {
  // GNU ld quotes a symbol `thus', gold 'thus'.
  static const std::regex undefined("undefined reference to [`']([^']*)'");
  static const std::regex multiple("multiple definition of [`']([^']*)'");
  std::set<std::string> seen;
  std::string message;
  for (auto it = std::sregex_iterator(output.begin(), output.end(), undefined); it != std::sregex_iterator(); ++it) {
    const std::string symbol = (*it)[1];
    if (seen.insert(symbol).second) {
      message += "your file does not define " + symbol +
                 " (is it inside namespace mathlings, with exactly the signature of the lesson header?)\n";
    }
  }
  for (auto it = std::sregex_iterator(output.begin(), output.end(), multiple); it != std::sregex_iterator(); ++it) {
    const std::string symbol = (*it)[1];
    if (seen.insert(symbol).second) message += symbol + " is defined more than once\n";
  }
  return message.empty() ? output : message;
}

}  // namespace mathlings
