#include "base/json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "base/errors.hpp"
#include "base/escaping.hpp"

namespace mathlings {
namespace {

std::vector<std::string> segments_of(const std::string& path) {
  std::vector<std::string> segments;
  for (std::size_t at = 0; at < path.size();) {
    const std::size_t next = std::min(path.find('/', at + 1), path.size());
    segments.push_back(path.substr(at + 1, next - at - 1));
    at = next;
  }
  return segments;
}

class Writer {
 public:
  explicit Writer(const JsonLayout& layout) : layout_(layout) {
    for (const auto& shape : layout.shapes) patterns_.push_back(segments_of(shape.path));
  }

  std::string text(const Json& value) {
    write(value, 0);
    return std::move(out_);
  }

 private:
  const JsonLayout& layout_;
  std::vector<std::vector<std::string>> patterns_;
  std::vector<std::string> path_;  // keys, and "*" for an array's items
  std::string out_;

  const JsonShape* shape_here() const {
    for (std::size_t k = 0; k < patterns_.size(); ++k) {
      const auto& pattern = patterns_[k];
      if (pattern.size() == path_.size() &&
          std::equal(pattern.begin(), pattern.end(), path_.begin(),
                     [](const std::string& p, const std::string& s) { return p == "*" || p == s; }))
        return &layout_.shapes[k];
    }
    return nullptr;
  }

  void new_line(std::size_t indent) { out_ += "\n" + std::string(indent, ' '); }

  void write(const Json& value, std::size_t indent) {
    switch (value.type()) {
      case Json::value_t::object: return write_object(value, indent);
      case Json::value_t::array: return write_array(value, indent);
      case Json::value_t::number_float: {
        const double d = value.get<double>();
        out_ += std::isfinite(d) ? json_number(d, layout_.point_on_whole_numbers) : "null";
        return;
      }
      case Json::value_t::string:
        // Invalid UTF-8 (a learner's program may print anything) is replaced
        // here as in every other format; the library then escapes.
        out_ +=
            Json(valid_utf8(value.get_ref<const std::string&>())).dump(-1, ' ', false, Json::error_handler_t::replace);
        return;
      default: out_ += value.dump(); return;  // null, true, false, integers
    }
  }

  void write_object(const Json& object, std::size_t indent) {
    if (object.empty()) {
      out_ += "{}";
      return;
    }
    const JsonShape* shape = shape_here();
    const JsonForm form = shape ? shape->form : JsonForm::tight;
    out_ += form == JsonForm::spaced ? "{ " : "{";
    if (form == JsonForm::lines) new_line(indent + 2);
    bool first = true;
    for (const auto& [key, member] : object.items()) {
      if (!first) {
        out_ += ",";
        if (shape && std::find(shape->new_line_before.begin(), shape->new_line_before.end(), key) !=
                         shape->new_line_before.end())
          new_line(indent + 2);
        else
          out_ += " ";
      }
      first = false;
      write(Json(key), indent);
      out_ += ": ";
      path_.push_back(key);
      write(member, indent + 2);
      path_.pop_back();
    }
    if (form == JsonForm::lines) new_line(indent);
    out_ += form == JsonForm::spaced ? " }" : "}";
  }

  void write_array(const Json& array, std::size_t indent) {
    if (array.empty()) {
      out_ += "[]";
      return;
    }
    const JsonShape* shape = shape_here();
    const JsonForm form = shape ? shape->form : JsonForm::tight;
    out_ += form == JsonForm::spaced ? "[ " : "[";
    path_.push_back("*");
    bool first = true;
    for (const auto& item : array) {
      out_ += first ? "" : form == JsonForm::lines ? "," : ", ";
      if (form == JsonForm::lines) new_line(indent + 2);
      first = false;
      write(item, indent + 2);
    }
    path_.pop_back();
    if (form == JsonForm::lines) new_line(indent);
    out_ += form == JsonForm::spaced ? " ]" : "]";
  }
};

/// An object or array being parsed, and where it is.
struct Frame {
  bool object = false;
  std::string place;           // in its parent: the key, or [index]
  std::set<std::string> keys;  // an object's keys so far
  std::string last_key;
  std::size_t items = 0;  // an array's items so far
};

/// Where the innermost object or array is, for a message: exercises[0].tests.
std::string where(const std::vector<Frame>& frames) {
  std::string out;
  for (std::size_t k = 1; k < frames.size(); ++k)
    out += frames[k].place.starts_with("[") || out.empty() ? frames[k].place : "." + frames[k].place;
  return out.empty() ? "the top-level object" : out;
}

struct DuplicateKey {
  std::string message;
};

/// 1-based line and column of byte `offset` of `text`.
std::string line_and_column(const std::string& text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
  const std::size_t line_start = offset == 0 ? 0 : text.rfind('\n', offset - 1) + 1;  // npos + 1 is 0
  return std::to_string(line) + ":" + std::to_string(offset - line_start + 1);
}

}  // namespace

std::string json_number(double d, bool point_on_whole_numbers) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer,
                point_on_whole_numbers && d == std::floor(d) && std::fabs(d) < 1e15 ? "%.1f" : "%.10g", d);
  return buffer;
}

std::string json_text(const Json& value, const JsonLayout& layout) {
  return Writer(layout).text(value);
}

Json parse_json(const std::string& text, const std::string& name) {
  // The library keeps the last of two equal keys; a callback sees each key as
  // it is read, so it can refuse the second instead.
  std::vector<Frame> frames;
  const auto place_of_next = [&frames]() -> std::string {
    if (frames.empty()) return "";
    Frame& parent = frames.back();
    return parent.object ? parent.last_key : "[" + std::to_string(parent.items++) + "]";
  };
  const Json::parser_callback_t check = [&](int, Json::parse_event_t event, Json& parsed) {
    switch (event) {
      case Json::parse_event_t::object_start:
      case Json::parse_event_t::array_start: {
        std::string place = place_of_next();
        frames.push_back({event == Json::parse_event_t::object_start, std::move(place), {}, {}, 0});
        break;
      }
      case Json::parse_event_t::object_end:
      case Json::parse_event_t::array_end: frames.pop_back(); break;
      case Json::parse_event_t::key: {
        Frame& object = frames.back();
        object.last_key = parsed.get<std::string>();
        if (!object.keys.insert(object.last_key).second)
          throw DuplicateKey{"the key " + Json(object.last_key).dump(-1, ' ', false, Json::error_handler_t::replace) +
                             " appears twice in " + where(frames) + " (a key may appear once in an object)"};
        break;
      }
      case Json::parse_event_t::value:
        if (!frames.empty() && !frames.back().object) ++frames.back().items;
        break;
    }
    return true;
  };
  try {
    return Json::parse(text, check);
  } catch (const DuplicateKey& e) {
    throw GraderError(name + ": " + e.message);
  } catch (const Json::parse_error& e) {
    // what() is "[json.exception.parse_error.101] parse error at line 1, column 2: <why>".
    const std::string what = e.what();
    const std::size_t why = what.find(": ");
    const std::size_t offset = e.byte == 0 ? 0 : e.byte - 1;  // e.byte counts the characters read
    throw GraderError(name + ":" + line_and_column(text, offset) +
                      ": not valid JSON: " + (why == std::string::npos ? what : what.substr(why + 2)));
  } catch (const Json::exception& e) {  // a number too large for a double, say
    throw GraderError(name + ": not valid JSON: " + e.what());
  }
}

std::string json_for_script(std::string text) {
  for (auto at = text.find("</"); at != std::string::npos; at = text.find("</", at)) text.replace(at, 2, "<\\/");
  return text;
}

}  // namespace mathlings
