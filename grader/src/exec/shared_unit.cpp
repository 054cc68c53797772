#include "exec/shared_unit.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace mathlings {
namespace {

// ---- tokens -----------------------------------------------------------------

struct Token {
  enum class Kind { identifier, literal, punctuation } kind;
  std::string text;
};

struct Directive {
  std::string name;  ///< "include", "define", ...
  std::string rest;  ///< what follows the name, trimmed
  int line = 0;
};

struct Lexed {
  std::vector<Token> tokens;
  std::vector<Directive> directives;
  bool unterminated = false;  ///< ends inside a comment or a literal, or with a backslash
};

bool starts_identifier(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c & 0x80;
}
bool continues_identifier(char c) {
  return starts_identifier(c) || std::isdigit(static_cast<unsigned char>(c));
}

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\f\v");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\f\v") - first + 1);
}

/// Enough of C++'s lexing to tell identifiers from what comments and
/// literals hold, and to read the preprocessor's lines.
Lexed lex(const std::string& s) {
  Lexed out;
  const std::size_t n = s.size();
  int line = 1;
  bool line_start = true;
  std::size_t i = 0;
  const auto at = [&](std::size_t k) { return k < n ? s[k] : '\0'; };
  const auto skip_block_comment = [&] {  // from "/*"; false when it never ends
    const std::size_t end = s.find("*/", i + 2);
    const std::size_t stop = end == std::string::npos ? n : end + 2;
    line += static_cast<int>(std::count(s.begin() + static_cast<long>(i), s.begin() + static_cast<long>(stop), '\n'));
    i = stop;
    return end != std::string::npos;
  };
  // A backslash at the very end, or before the last newline, would join the
  // next file's first line to this file's last.
  const std::size_t last = s.find_last_not_of("\r\n");
  if (last != std::string::npos && s[last] == '\\' && s.size() - last <= 3) out.unterminated = true;
  while (i < n) {
    const char c = s[i];
    if (c == '\n') {
      ++line, ++i, line_start = true;
    } else if (c == '\\' && at(i + 1) == '\n') {
      ++line, i += 2;
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '/' && at(i + 1) == '/') {
      while (i < n && s[i] != '\n') {
        if (s[i] == '\\' && at(i + 1) == '\n') ++line, ++i;
        ++i;
      }
    } else if (c == '/' && at(i + 1) == '*') {
      if (!skip_block_comment()) out.unterminated = true;
    } else if (c == '#' && line_start) {
      const int directive_line = line;
      std::string text;
      ++i;
      while (i < n && s[i] != '\n') {
        if (s[i] == '\\' && at(i + 1) == '\n') {
          ++line, i += 2, text += ' ';
        } else if (s[i] == '/' && at(i + 1) == '/') {
          while (i < n && s[i] != '\n') ++i;
        } else if (s[i] == '/' && at(i + 1) == '*') {
          if (!skip_block_comment()) out.unterminated = true;
          text += ' ';
        } else {
          text += s[i++];
        }
      }
      text = trimmed(text);
      std::size_t name_end = 0;
      while (name_end < text.size() && continues_identifier(text[name_end])) ++name_end;
      out.directives.push_back({text.substr(0, name_end), trimmed(text.substr(name_end)), directive_line});
    } else if (starts_identifier(c)) {
      line_start = false;
      std::size_t j = i;
      while (j < n && continues_identifier(s[j])) ++j;
      const std::string word = s.substr(i, j - i);
      const bool raw = at(j) == '"' && (word == "R" || word == "u8R" || word == "uR" || word == "UR" || word == "LR");
      if (raw) {
        const std::size_t open = s.find('(', j + 1);
        const std::size_t close =
            open == std::string::npos ? std::string::npos : s.find(")" + s.substr(j + 1, open - j - 1) + "\"", open);
        if (close == std::string::npos) {
          out.unterminated = true;
          i = n;
        } else {
          const std::size_t end = close + (open - j) + 1;
          line +=
              static_cast<int>(std::count(s.begin() + static_cast<long>(i), s.begin() + static_cast<long>(end), '\n'));
          i = end;
        }
        out.tokens.push_back({Token::Kind::literal, "\"\""});
      } else if ((at(j) == '"' || at(j) == '\'') && (word == "u8" || word == "u" || word == "U" || word == "L")) {
        i = j;  // a literal's prefix: the literal follows
      } else {
        out.tokens.push_back({Token::Kind::identifier, word});
        i = j;
      }
    } else if (std::isdigit(static_cast<unsigned char>(c)) ||
               (c == '.' && std::isdigit(static_cast<unsigned char>(at(i + 1))))) {
      line_start = false;
      std::size_t j = i + 1;
      while (j < n) {
        const char d = s[j];
        const char before = s[j - 1];
        if (continues_identifier(d) || d == '.' || (d == '\'' && continues_identifier(at(j + 1))) ||
            ((d == '+' || d == '-') && (before == 'e' || before == 'E' || before == 'p' || before == 'P')))
          ++j;
        else
          break;
      }
      out.tokens.push_back({Token::Kind::literal, s.substr(i, j - i)});
      i = j;
    } else if (c == '"' || c == '\'') {
      line_start = false;
      std::size_t j = i + 1;
      while (j < n && s[j] != c && s[j] != '\n') j += s[j] == '\\' ? 2 : 1;
      if (j >= n || s[j] != c) out.unterminated = true;
      out.tokens.push_back({Token::Kind::literal, std::string(2, c)});
      i = std::min(n, j + 1);
    } else {
      line_start = false;
      const bool scope = c == ':' && at(i + 1) == ':';
      out.tokens.push_back({Token::Kind::punctuation, scope ? "::" : std::string(1, c)});
      i += scope ? 2 : 1;
    }
  }
  return out;
}

// ---- what a file declares at namespace scope ---------------------------------

struct Facts {
  std::set<std::string> headers;           ///< included, beyond the precompiled header's
  std::set<std::string> using_directives;  ///< at namespace scope
  std::set<std::string> declared;          ///< names declared at namespace scope
  std::set<std::string> mentioned;         ///< every identifier
  std::optional<std::string> barrier;      ///< why the file cannot share a unit at all
};

/// Identifiers that make a unit behave otherwise than its files alone: code
/// run at start-up in every runner, the unit's own name or position.
const std::set<std::string>& barrier_identifiers() {
  static const std::set<std::string> names{
      "__attribute__", "asm",         "__asm",         "__asm__",       "constructor",      "destructor",
      "init_priority", "__COUNTER__", "__BASE_FILE__", "__FILE_NAME__", "__INCLUDE_LEVEL__"};
  return names;
}

/// Type words of a namespace-scope variable whose making runs no code.
const std::set<std::string>& plain_type_words() {
  static const std::set<std::string> words{"static",  "const",    "inline",  "extern",   "volatile", "thread_local",
                                           "double",  "float",    "int",     "long",     "short",    "unsigned",
                                           "signed",  "bool",     "char",    "auto",     "std",      "size_t",
                                           "int64_t", "uint64_t", "int32_t", "uint32_t", "ptrdiff_t"};
  return words;
}

bool is(const Token& t, const char* text) {
  return t.text == text;
}
bool is_identifier(const Token& t) {
  return t.kind == Token::Kind::identifier;
}

class ScopeReader {
 public:
  ScopeReader(const std::vector<Token>& tokens, Facts& facts) : t_(tokens), facts_(facts) {}

  void read() {
    namespace_scope();
    if (k_ < t_.size()) refuse("has a '}' that closes nothing");
  }

 private:
  const Token* at(std::size_t k) const { return k < t_.size() ? &t_[k] : nullptr; }
  bool at_is(std::size_t k, const char* text) const { return k < t_.size() && t_[k].text == text; }
  void refuse(const std::string& why) {
    if (!facts_.barrier) facts_.barrier = why;
  }

  /// Skips a balanced group opened at k_ ('(' '[' '{' or '<'); returns its
  /// tokens' range (exclusive of the brackets).
  std::pair<std::size_t, std::size_t> skip_group(const char* open, const char* close) {
    const std::size_t first = ++k_;
    int depth = 1;
    while (k_ < t_.size()) {
      if (is(t_[k_], open)) ++depth;
      if (is(t_[k_], close) && --depth == 0) return {first, k_++};
      ++k_;
    }
    refuse("has a bracket that never closes");
    return {first, k_};
  }

  void namespace_scope() {
    while (k_ < t_.size()) {
      if (is(t_[k_], "}")) return;
      if (is(t_[k_], ";")) {
        ++k_;
        continue;
      }
      std::size_t j = k_;
      if (at_is(j, "inline")) ++j;
      if (at_is(j, "namespace")) {
        std::size_t e = j + 1;
        while (e < t_.size() && !is(t_[e], "{") && !is(t_[e], ";") && !is(t_[e], "=")) ++e;
        if (at_is(e, "{")) {
          k_ = e + 1;
          namespace_scope();
          if (k_ < t_.size()) ++k_;  // its '}'
          continue;
        }
        if (at_is(e, "=") && e > 0 && is_identifier(t_[e - 1])) facts_.declared.insert(t_[e - 1].text);  // an alias
        k_ = e;
        while (k_ < t_.size() && !is(t_[k_], ";")) ++k_;
        continue;
      }
      if (at_is(k_, "extern") && at(k_ + 1) && t_[k_ + 1].kind == Token::Kind::literal && at_is(k_ + 2, "{")) {
        k_ += 3;
        namespace_scope();
        if (k_ < t_.size()) ++k_;
        continue;
      }
      statement();
    }
  }

  /// One declaration at namespace scope: up to its ';', or to the end of a
  /// function's body.
  void statement() {
    std::vector<std::size_t> own;  // indices of the tokens outside bodies and brackets' insides
    bool has_parens = false;       // a '(' before any '=' : a function, or a variable made by a call
    bool has_initializer = false;  // '=' or a braced initializer
    bool runs_code = false;        // a call in an initializer
    bool type_body = false;
    bool enum_body = false;
    bool after_equals = false;
    if (at_is(k_, "template") && at_is(k_ + 1, "<")) {
      ++k_;
      skip_group("<", ">");
    }
    const std::size_t head = k_;
    const auto has_word = [&](const char* word) {
      return std::any_of(own.begin(), own.end(), [&](std::size_t i) { return is(t_[i], word); });
    };
    while (k_ < t_.size()) {
      const Token& tok = t_[k_];
      if (is(tok, ";")) {
        ++k_;
        break;
      }
      if (is(tok, "}")) break;  // the enclosing namespace's: a missing ';' the compiler will name
      if (is(tok, "(") || is(tok, "[")) {
        const bool paren = is(tok, "(");
        if (paren && !after_equals) has_parens = true;
        if (paren && after_equals) runs_code = true;
        own.push_back(k_);
        const auto [first, last] = paren ? skip_group("(", ")") : skip_group("[", "]");
        for (std::size_t i = first; i < last; ++i)
          if (is(t_[i], "(")) runs_code = true;
        continue;
      }
      if (is(tok, "{")) {
        const bool is_type = has_word("struct") || has_word("class") || has_word("union") || has_word("enum");
        const bool function = has_parens && !is_type && !after_equals;
        const bool is_enum = has_word("enum");
        const auto [first, last] = skip_group("{", "}");
        if (function) {
          function_declared(own);
          return;  // a function's body ends its definition
        }
        if (is_type && !after_equals && !type_body) {
          type_body = true;
          enum_body = is_enum;
          if (enum_body) enumerators(first, last);
        } else {
          has_initializer = true;
          for (std::size_t i = first; i < last; ++i)
            if (is(t_[i], "(")) runs_code = true;
        }
        own.push_back(first - 1);
        continue;
      }
      if (is(tok, "=")) {
        after_equals = true;
        has_initializer = true;
      } else if (is(tok, ",")) {
        after_equals = false;
      }
      own.push_back(k_++);
    }
    if (own.empty()) return;
    const Token& first_word = t_[head];
    if (is(first_word, "static_assert")) return;
    if (is(first_word, "using")) {
      if (at_is(head + 1, "namespace")) {
        std::string name;
        for (std::size_t i = head + 2; i < t_.size() && !is(t_[i], ";"); ++i) name += t_[i].text;
        facts_.using_directives.insert(name);
      } else {
        declare_before(own, "=");
      }
      return;
    }
    if (is(first_word, "typedef")) {
      declare_last(own);
      for (std::size_t i = 0; i + 2 < own.size(); ++i)
        if (is(t_[own[i]], "(") && is(t_[own[i + 1]], "*") && is_identifier(t_[own[i + 2]]))
          facts_.declared.insert(t_[own[i + 2]].text);
      return;
    }
    if (has_word("operator")) return refuse("defines an operator at namespace scope");
    const bool is_type = has_word("struct") || has_word("class") || has_word("union") || has_word("enum");
    if (is_type) {
      type_declared(own);
      if (type_body && declarators_after_body(own)) {
        refuse("makes a variable of a type it defines at namespace scope (its constructor runs in every runner)");
      }
      return;
    }
    if (has_parens) {
      return refuse(
          "declares a function without its body, or makes a variable by a call, at namespace scope (the call "
          "would run in every runner)");
    }
    variables_declared(own);
    if (has_word("constexpr")) return;  // made by the compiler: no code runs
    if (runs_code) return refuse("initialises a variable by a call at namespace scope (it would run in every runner)");
    for (const std::size_t i : own) {
      if (is(t_[i], "=")) break;
      const Token& w = t_[i];
      if (is_identifier(w) && !plain_type_words().count(w.text) && !declared_here(i, own)) {
        return refuse("makes a variable of class type at namespace scope (its constructor runs in every runner)");
      }
    }
    (void)has_initializer;
  }

  /// Whether own[i]'s identifier is one of the statement's declarator names.
  bool declared_here(std::size_t index, const std::vector<std::size_t>& own) const {
    const auto pos = std::find(own.begin(), own.end(), index);
    if (pos == own.end() || pos + 1 == own.end()) return true;
    const Token& next = t_[*(pos + 1)];
    return is(next, "=") || is(next, ";") || is(next, ",") || is(next, "[") || is(next, "{");
  }

  void function_declared(const std::vector<std::size_t>& own) {
    for (std::size_t i = 0; i < own.size(); ++i) {
      if (is(t_[own[i]], "(")) {
        if (i > 0 && is_identifier(t_[own[i - 1]])) {
          if (is(t_[own[i - 1]], "operator")) return refuse("defines an operator at namespace scope");
          facts_.declared.insert(t_[own[i - 1]].text);
          return;
        }
        return refuse("defines an operator or a function whose name could not be read at namespace scope");
      }
    }
  }

  void type_declared(const std::vector<std::size_t>& own) {
    for (std::size_t i = 0; i + 1 < own.size(); ++i) {
      const Token& w = t_[own[i]];
      if (is(w, "struct") || is(w, "class") || is(w, "union") || is(w, "enum")) {
        std::size_t j = i + 1;
        while (j < own.size() && (is(t_[own[j]], "class") || is(t_[own[j]], "struct") || is(t_[own[j]], "["))) ++j;
        if (j < own.size() && is_identifier(t_[own[j]])) facts_.declared.insert(t_[own[j]].text);
        return;
      }
    }
  }

  /// Whether names follow a type's body (`struct S {...} s;`).
  bool declarators_after_body(const std::vector<std::size_t>& own) const {
    for (std::size_t i = 0; i < own.size(); ++i)
      if (is(t_[own[i]], "{")) return i + 1 < own.size();
    return false;
  }

  void enumerators(std::size_t first, std::size_t last) {
    for (std::size_t i = first; i < last; ++i) {
      const bool named = i + 1 == last || is(t_[i + 1], ",") || is(t_[i + 1], "=");
      if (is_identifier(t_[i]) && named && (i == first || is(t_[i - 1], ","))) facts_.declared.insert(t_[i].text);
    }
  }

  void variables_declared(const std::vector<std::size_t>& own) {
    bool in_initializer = false;
    for (std::size_t i = 0; i < own.size(); ++i) {
      const Token& w = t_[own[i]];
      if (is(w, "=")) in_initializer = true;
      if (is(w, ",")) in_initializer = false;
      if (in_initializer || !is_identifier(w)) continue;
      if (i + 1 == own.size() || declared_here(own[i], own)) facts_.declared.insert(w.text);
    }
  }

  void declare_before(const std::vector<std::size_t>& own, const char* mark) {
    for (std::size_t i = 1; i < own.size(); ++i)
      if (is(t_[own[i]], mark) && is_identifier(t_[own[i - 1]]))
        return (void)facts_.declared.insert(t_[own[i - 1]].text);
    declare_last(own);
  }

  void declare_last(const std::vector<std::size_t>& own) {
    for (auto i = own.rbegin(); i != own.rend(); ++i)
      if (is_identifier(t_[*i])) return (void)facts_.declared.insert(t_[*i].text);
  }

  const std::vector<Token>& t_;
  Facts& facts_;
  std::size_t k_ = 0;
};

Facts facts_of(const UnitFile& file, const std::set<std::string>& already_included) {
  Facts facts;
  const Lexed lexed = lex(file.source);
  if (lexed.unterminated) facts.barrier = "ends inside a comment or a literal, or with a backslash";
  for (const auto& d : lexed.directives) {
    if (d.name == "include" && d.rest.size() > 2 && d.rest.front() == '<' && d.rest.back() == '>') {
      const std::string header = d.rest.substr(1, d.rest.size() - 2);
      if (!already_included.count(header)) facts.headers.insert(header);
    } else if (!(d.name == "pragma" && d.rest == "once") && !facts.barrier) {
      facts.barrier =
          "line " + std::to_string(d.line) + " has #" + d.name + " (its effect would reach the files after it)";
    }
  }
  for (std::size_t i = 0; i < lexed.tokens.size(); ++i) {
    const Token& token = lexed.tokens[i];
    if (!is_identifier(token)) continue;
    // A member (after '.' or "->") is looked up in its object's type, never
    // among another file's declarations.
    const bool member = i > 0 && (is(lexed.tokens[i - 1], ".") ||
                                  (is(lexed.tokens[i - 1], ">") && i > 1 && is(lexed.tokens[i - 2], "-")));
    if (!member) facts.mentioned.insert(token.text);
    if (barrier_identifiers().count(token.text) && !facts.barrier) facts.barrier = "uses " + token.text;
  }
  ScopeReader(lexed.tokens, facts).read();
  return facts;
}

std::string listed(const std::set<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out.empty() ? "none" : out;
}

}  // namespace

std::vector<std::string> included_headers(const std::string& source) {
  std::vector<std::string> headers;
  for (const auto& d : lex(source).directives)
    if (d.name == "include" && d.rest.size() > 2 && d.rest.front() == '<' && d.rest.back() == '>')
      headers.push_back(d.rest.substr(1, d.rest.size() - 2));
  return headers;
}

std::optional<std::string> why_compiled_apart(const std::vector<UnitFile>& files,
                                              const std::vector<std::string>& already_included) {
  if (files.size() < 2) return "only one file";
  const std::set<std::string> already(already_included.begin(), already_included.end());
  std::vector<Facts> facts;
  for (const auto& file : files) {
    if (file.display_name.find_first_of("\"\\\n\r") != std::string::npos)
      return file.display_name + ": a name a #line directive cannot hold";
    facts.push_back(facts_of(file, already));
    if (facts.back().barrier) return file.display_name + " " + *facts.back().barrier;
  }
  for (std::size_t i = 1; i < files.size(); ++i) {
    if (facts[i].headers != facts[0].headers) {
      return files[0].display_name + " includes " + listed(facts[0].headers) + " and " + files[i].display_name + " " +
             listed(facts[i].headers);
    }
    if (facts[i].using_directives != facts[0].using_directives) {
      return files[0].display_name + " and " + files[i].display_name + " have different using-directives";
    }
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    for (std::size_t j = 0; j < files.size(); ++j) {
      if (i == j) continue;
      for (const auto& name : facts[i].declared) {
        if (facts[j].mentioned.count(name)) {
          return files[i].display_name + " declares " + name + " at namespace scope, and " + files[j].display_name +
                 " names it too";
        }
      }
    }
  }
  return std::nullopt;
}

std::string unit_source(const std::vector<UnitFile>& files) {
  std::string unit;
  for (const auto& file : files) {
    unit += "#line 1 \"" + file.display_name + "\"\n";
    const bool bom = file.source.rfind("\xEF\xBB\xBF", 0) == 0;
    unit += bom ? file.source.substr(3) : file.source;
    if (unit.back() != '\n') unit += '\n';
  }
  return unit;
}

}  // namespace mathlings
