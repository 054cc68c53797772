#include "toolchain.hpp"

#include <regex>
#include <set>
#include <sstream>

#include "config.hpp"
#include "errors.hpp"
#include "files.hpp"
#include "format.hpp"
#include "hash.hpp"
#include "process.hpp"

namespace mathlings {
namespace {

const std::vector<std::string> compiler_environment{"PATH=/usr/bin:/bin", "LANG=C", "LC_ALL=C"};

// A lesson header takes seconds to precompile and a learner's file well under
// one; the limits stop `#include "/dev/zero"` or a template explosion from
// hanging the grader.
constexpr double header_seconds = 120;
constexpr double file_seconds = 30;

Limits compiler_limits(double seconds) {
  Limits limits;
  limits.wall_seconds = seconds;
  limits.cpu_seconds = seconds;
  limits.address_space = 6ULL << 30;
  limits.file_size = 512ULL << 20;
  limits.output_bytes = 1 << 20;
  return limits;
}

ProcessResult run_compiler(std::vector<std::string> arguments, const fs::path& working_directory,
                           double seconds = file_seconds) {
  arguments.insert(arguments.begin(), config::compiler);
  ProcessSpec spec;
  spec.argv = std::move(arguments);
  spec.environment = compiler_environment;
  spec.working_directory = working_directory;
  spec.limits = compiler_limits(seconds);
  return run_process(spec);
}

std::string describe_failure(const ProcessResult& r) {
  if (r.end == ProcessResult::End::wall_timeout || r.cpu_limit_exceeded) {
    return "the compiler took longer than " + format_number(r.wall_seconds) + " s and was stopped\n" + r.output;
  }
  switch (r.end) {
    case ProcessResult::End::output_limit:
      return "the compiler wrote more than 1 MiB of messages; the first part:\n" + r.output;
    case ProcessResult::End::signaled:
      return "the compiler was stopped by " + signal_description(r.signal) + " (too much memory or time?)\n" + r.output;
    default: return r.output;
  }
}

std::string hash_tree(const fs::path& dir) {
  Hasher hasher;
  for (const auto& file : files_under(dir)) hasher.field(file.string()).field(read_file(file));
  return hasher.hex();
}

}  // namespace

// Absolute: the compiler and the runners work in other folders.
Toolchain::Toolchain(fs::path cache_dir) : cache_dir_(fs::absolute(cache_dir)) {
  std::error_code ec;
  fs::create_directories(cache_dir_, ec);
  if (ec) throw GraderError("cannot create the cache directory " + cache_dir_.string() + ": " + ec.message());
  Hasher hasher;
  hasher.field(config::compiler).field(config::version);
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
}

std::vector<std::string> Toolchain::base_flags(const Course& course) const {
  return {"-std=c++20",     "-O1",
          "-pipe",          "-fdiagnostics-color=never",
          "-fmax-errors=8", "-I" + course.include_dir().string(),
          "-isystem",       config::eigen_include_dir};
}

Toolchain::Pch Toolchain::precompiled_header(const Course& course, const Lesson& lesson) {
  Hasher hasher;
  hasher.field(compiler_key_).field(course.root.string()).field(hash_tree(course.include_dir())).field(lesson.header);
  for (const auto& h : lesson.precompile) hasher.field(h);
  const std::string key = hasher.hex();
  return pch_.get(key, [&]() -> Pch {
    const fs::path dir = cache_dir_ / "pch" / key;
    const fs::path header = dir / "lesson.hpp";
    if (fs::exists(dir / "lesson.hpp.gch")) return {header, key};
    TemporaryDirectory work(cache_dir_ / "pch");
    std::string text = "// precompiled for lesson " + lesson.id + "\n#include <" + lesson.header + ">\n";
    for (const auto& h : lesson.precompile) text += "#include <" + h + ">\n";
    write_file_atomically(work.path() / "lesson.hpp", text);
    auto args = base_flags(course);
    args.insert(args.end(), {"-x", "c++-header", "lesson.hpp", "-o", "lesson.hpp.gch"});
    const ProcessResult r = run_compiler(args, work.path(), header_seconds);
    if (!r.succeeded()) {
      throw CourseError("the header of lesson " + lesson.id + " (include/" + lesson.header + ") does not compile:\n" +
                        describe_failure(r));
    }
    std::error_code ec;
    fs::rename(work.path(), dir, ec);  // another grader may have won the race: fine
    return {header, key};
  });
}

BuildProduct Toolchain::compile(const Course& course, const Lesson& lesson, const std::string& source,
                                const std::string& display_name) {
  const Pch pch = precompiled_header(course, lesson);
  BuildProduct product;
  product.key = Hasher().field(pch.key).field(display_name).field(source).hex();
  const fs::path object = cache_dir_ / "objects" / (product.key + ".o");
  const fs::path failure = cache_dir_ / "objects" / (product.key + ".error");
  if (fs::exists(object)) {
    product.ok = true;
    product.path = object;
    return product;
  }
  if (fs::exists(failure)) {
    product.diagnostics = read_file(failure);
    return product;
  }
  TemporaryDirectory work(cache_dir_ / "objects");
  write_file_atomically(work.path() / display_name, source);
  auto args = base_flags(course);
  args.insert(args.end(), {"-Winvalid-pch", "-include", pch.header.string(), "-c", display_name, "-o", "out.o"});
  const ProcessResult r = run_compiler(args, work.path());
  if (r.succeeded()) {
    fs::rename(work.path() / "out.o", object);
    product.ok = true;
    product.path = object;
  } else {
    product.diagnostics =
        r.end == ProcessResult::End::exited ? trim_diagnostics(r.output, display_name) : describe_failure(r);
    write_file_atomically(failure, product.diagnostics);
  }
  return product;
}

BuildProduct Toolchain::bindings(const Course& course, const Exercise& exercise) {
  const Lesson& lesson = *exercise.lesson;
  std::string source = "// generated by mathlings for " + exercise.id + "\n#include <" + lesson.header +
                       ">\n#include <mathlings_harness/bind.hpp>\n";
  if (!lesson.codec_header.empty()) source += "#include \"" + (course.root / lesson.codec_header).string() + "\"\n";
  source += "MATHLINGS_EXERCISE_FUNCTIONS(\n";
  for (const auto& f : exercise.spec.functions) {
    source += "    {\"" + f + "\", ::mathlings::harness::bind_function(&::mathlings::" + f + ")}" +
              (&f == &exercise.spec.functions.back() ? "" : ",") + "\n";
  }
  source += ")\n";
  Hasher hasher;
  hasher.field(compiler_key_).field(hash_tree(course.include_dir())).field(source);
  if (!lesson.codec_header.empty()) hasher.field(read_file(course.root / lesson.codec_header));
  const std::string key = hasher.hex();
  return bindings_.get(key, [&]() -> BuildProduct {
    const fs::path object = cache_dir_ / "bindings" / (key + ".o");
    if (fs::exists(object)) return {true, object, key, {}};
    TemporaryDirectory work(cache_dir_ / "bindings");
    write_file_atomically(work.path() / "bindings.cpp", source);
    auto args = base_flags(course);
    args.insert(args.end(), {"-I", config::harness_include_dir, "-I", config::common_include_dir, "-c", "bindings.cpp",
                             "-o", "out.o"});
    const ProcessResult r = run_compiler(args, work.path(), header_seconds);
    if (!r.succeeded()) {
      throw CourseError("the bindings of " + exercise.id + " do not compile: do the functions in " +
                        exercise.spec.file.string() + " match include/" + lesson.header + "?\n" + describe_failure(r));
    }
    fs::rename(work.path() / "out.o", object);
    return {true, object, key, {}};
  });
}

BuildProduct Toolchain::link_runner(const Course& course, const Exercise& exercise, const BuildProduct& object) {
  const BuildProduct glue = bindings(course, exercise);
  BuildProduct product;
  product.key = Hasher().field(compiler_key_).field(object.key).field(glue.key).hex();
  const fs::path runner = cache_dir_ / "runners" / product.key;
  const fs::path failure = cache_dir_ / "runners" / (product.key + ".error");
  if (fs::exists(runner)) return {true, runner, product.key, {}};
  if (fs::exists(failure)) return {false, {}, product.key, read_file(failure)};
  TemporaryDirectory work(cache_dir_ / "runners");
  const ProcessResult r =
      run_compiler({object.path.string(), glue.path.string(), config::runner_library, "-o", "runner"}, work.path());
  if (r.succeeded()) {
    fs::rename(work.path() / "runner", runner);
    return {true, runner, product.key, {}};
  }
  product.diagnostics = r.end == ProcessResult::End::exited ? explain_link_errors(r.output) : describe_failure(r);
  write_file_atomically(failure, product.diagnostics);
  return product;
}

BuildProduct Toolchain::link_program(const std::vector<BuildProduct>& objects, const std::string& display_name) {
  Hasher hasher;
  hasher.field(compiler_key_);
  std::vector<std::string> args;
  for (const auto& o : objects) {
    hasher.field(o.key);
    args.push_back(o.path.string());
  }
  BuildProduct product;
  product.key = hasher.hex();
  const fs::path program = cache_dir_ / "programs" / product.key;
  if (fs::exists(program)) return {true, program, product.key, {}};
  TemporaryDirectory work(cache_dir_ / "programs");
  args.insert(args.end(), {"-o", "program"});
  const ProcessResult r = run_compiler(args, work.path());
  if (!r.succeeded()) return {false, {}, product.key, display_name + ": " + explain_link_errors(r.output)};
  fs::rename(work.path() / "program", program);
  return {true, program, product.key, {}};
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
  static const std::regex undefined("undefined reference to `([^']*)'");
  static const std::regex multiple("multiple definition of `([^']*)'");
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
