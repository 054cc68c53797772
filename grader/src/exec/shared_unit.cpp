#include "exec/shared_unit.hpp"

#include "base/text.hpp"

#include <algorithm>
#include <cctype>
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
  bool after_code = false;  ///< some code came before it in the file
};

struct Lexed {
  std::vector<Token> tokens;
  std::vector<Directive> directives;
  bool unterminated = false;  ///< ends inside a comment or a literal
  bool spliced_code = false;  ///< a backslash joins two lines of code
};

bool starts_identifier(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c & 0x80;
}
bool continues_identifier(char c) {
  return starts_identifier(c) || std::isdigit(static_cast<unsigned char>(c));
}

/// Enough of C++'s lexing to tell identifiers from what comments and
/// literals hold, and to read the preprocessor's lines.
Lexed lex(std::string s) {
  Lexed out;
  if (s.rfind("\xEF\xBB\xBF", 0) == 0) s.erase(0, 3);  // a byte-order mark
  const std::size_t n = s.size();
  int line = 1;
  bool line_start = true;
  std::size_t i = 0;
  const auto at = [&](std::size_t k) { return k < n ? s[k] : '\0'; };
  // A backslash, perhaps blanks, then a line's end: the compiler joins the
  // two lines. Returns the length of the join at k, or 0.
  const auto splice = [&](std::size_t k) -> std::size_t {
    if (at(k) != '\\') return 0;
    std::size_t j = k + 1;
    while (at(j) == ' ' || at(j) == '\t' || at(j) == '\r') ++j;
    return at(j) == '\n' ? j - k + 1 : 0;
  };
  const auto skip_block_comment = [&] {  // from "/*"
    const std::size_t end = s.find("*/", i + 2);
    const std::size_t stop = end == std::string::npos ? n : end + 2;
    line += static_cast<int>(std::count(s.begin() + static_cast<long>(i), s.begin() + static_cast<long>(stop), '\n'));
    i = stop;
    if (end == std::string::npos) out.unterminated = true;
  };
  const auto punctuation = [&](std::string text) { out.tokens.push_back({Token::Kind::punctuation, std::move(text)}); };
  while (i < n) {
    const char c = s[i];
    if (c == '\n') {
      ++line, ++i, line_start = true;
    } else if (const std::size_t join = splice(i)) {
      ++line, i += join, out.spliced_code = true;
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '/' && at(i + 1) == '/') {
      while (i < n && s[i] != '\n') {
        if (const std::size_t join = splice(i)) {
          ++line, i += join;
        } else {
          ++i;
        }
      }
    } else if (c == '/' && at(i + 1) == '*') {
      skip_block_comment();
    } else if (line_start && (c == '#' || (c == '%' && at(i + 1) == ':'))) {
      const int directive_line = line;
      std::string text;
      i += c == '#' ? 1 : 2;
      while (i < n && s[i] != '\n') {
        if (const std::size_t join = splice(i)) {
          ++line, i += join, text += ' ';
        } else if (s[i] == '/' && at(i + 1) == '/') {
          while (i < n && s[i] != '\n') ++i;
        } else if (s[i] == '/' && at(i + 1) == '*') {
          skip_block_comment();
          text += ' ';
        } else {
          text += s[i++];
        }
      }
      text = trimmed(text);
      std::size_t name_end = 0;
      while (name_end < text.size() && continues_identifier(text[name_end])) ++name_end;
      out.directives.push_back(
          {text.substr(0, name_end), trimmed(text.substr(name_end)), directive_line, !out.tokens.empty()});
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
      // Digraphs read as what they stand for; "<::" is '<' then "::".
      const std::string two = s.substr(i, 2);
      if (two == "::") {
        punctuation("::"), i += 2;
      } else if (two == "<%") {
        punctuation("{"), i += 2;
      } else if (two == "%>") {
        punctuation("}"), i += 2;
      } else if (two == "<:" && at(i + 2) != ':') {
        punctuation("["), i += 2;
      } else if (two == ":>") {
        punctuation("]"), i += 2;
      } else {
        punctuation(std::string(1, c)), ++i;
      }
    }
  }
  return out;
}

std::optional<std::string> angle_include(const Directive& d) {
  if (d.name != "include" || d.rest.size() < 3 || d.rest.front() != '<' || d.rest.back() != '>') return std::nullopt;
  return d.rest.substr(1, d.rest.size() - 2);
}

// ---- what a file declares at namespace scope ---------------------------------

struct Facts {
  std::set<std::string> headers;           ///< included, beyond the precompiled header's
  std::set<std::string> using_directives;  ///< at namespace scope
  std::set<std::string> namespaces;        ///< the named namespaces it opens
  std::set<std::string> declared;          ///< names declared at namespace scope
  std::set<std::string> mentioned;         ///< every identifier but members after '.'
  std::optional<std::string> barrier;      ///< why the file cannot share a unit at all
};

/// Identifiers that make a unit behave otherwise than its files alone: code
/// run at start-up in every runner, placed or named by attributes, a pragma
/// in disguise, the unit's own name or position.
const std::set<std::string>& barrier_identifiers() {
  static const std::set<std::string> names{
      "__attribute__", "__declspec",    "asm",         "__asm",         "__asm__",       "constructor",
      "destructor",    "init_priority", "section",     "ifunc",         "alias",         "weakref",
      "_Pragma",       "__pragma",      "__COUNTER__", "__BASE_FILE__", "__FILE_NAME__", "__INCLUDE_LEVEL__"};
  return names;
}

/// Names the compiler or the library call on a type without the calling file
/// writing them (a range-for's begin and end, std::sort's swap): declared in
/// one file, they could be found from another's code.
const std::set<std::string>& called_unseen() {
  static const std::set<std::string> names{"swap",  "begin",   "end",        "cbegin",       "cend",  "rbegin",
                                           "rend",  "crbegin", "crend",      "size",         "ssize", "data",
                                           "empty", "get",     "tuple_size", "tuple_element"};
  return names;
}

/// Namespaces a file may not open: what it adds there (a specialisation, an
/// overload) reaches every other file's use of the library.
const std::set<std::string>& library_namespaces() {
  static const std::set<std::string> names{"std", "Eigen", "boost", "harness", "protocol"};
  return names;
}

/// Namespaces the lesson's header opens: every file may name them alone.
const std::set<std::string>& header_namespaces() {
  static const std::set<std::string> names{"mathlings", "std", "Eigen", "boost"};
  return names;
}

/// Type words of a namespace-scope variable whose making runs no code.
const std::set<std::string>& plain_type_words() {
  static const std::set<std::string> words{"static",  "const",    "inline",   "extern", "volatile", "double",
                                           "float",   "int",      "long",     "short",  "unsigned", "signed",
                                           "bool",    "char",     "std",      "size_t", "int64_t",  "uint64_t",
                                           "int32_t", "uint32_t", "ptrdiff_t"};
  return words;
}

bool is(const Token& t, const char* text) {
  return t.text == text;
}
bool is_identifier(const Token& t) {
  return t.kind == Token::Kind::identifier;
}

/// Reads a file's declarations at namespace scope, statement by statement,
/// skipping the bodies of functions and classes (their names are local or
/// reached through the class's, which is recorded).
class ScopeReader {
 public:
  ScopeReader(const std::vector<Token>& tokens, Facts& facts) : t_(tokens), facts_(facts) {}

  void read() {
    namespace_scope();
    if (k_ < t_.size()) refuse("has a '}' that closes nothing");
  }

 private:
  bool at_is(std::size_t k, const char* text) const { return k < t_.size() && t_[k].text == text; }
  void refuse(const std::string& why) {
    if (!facts_.barrier) facts_.barrier = why;
  }

  /// Skips a balanced group opened at k_; returns the range of its inside.
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
  bool group_has(std::pair<std::size_t, std::size_t> range, const char* text) const {
    for (std::size_t i = range.first; i < range.second; ++i)
      if (is(t_[i], text)) return true;
    return false;
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
          for (std::size_t i = j + 1; i < e; ++i) {
            if (!is_identifier(t_[i])) continue;
            if (library_namespaces().count(t_[i].text)) refuse("opens namespace " + t_[i].text);
            facts_.namespaces.insert(t_[i].text);
          }
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
      if (at_is(k_, "extern") && k_ + 1 < t_.size() && t_[k_ + 1].kind == Token::Kind::literal && at_is(k_ + 2, "{")) {
        k_ += 3;
        namespace_scope();
        if (k_ < t_.size()) ++k_;
        continue;
      }
      const std::size_t before = k_;
      statement();
      if (facts_.barrier) {  // nothing more to learn
        k_ = t_.size();
        return;
      }
      if (k_ == before) ++k_;  // never read the same token twice
    }
  }

  /// One declaration at namespace scope: up to its ';', or to the end of a
  /// function's body.
  void statement() {
    if (at_is(k_, "template")) {
      if (!at_is(k_ + 1, "<") || at_is(k_ + 2, ">")) return refuse("specialises or instantiates a template");
      ++k_;
      skip_group("<", ">");
    }
    const std::size_t head = k_;
    std::vector<std::size_t> own;  // the statement's tokens outside groups and bodies
    bool has_parens = false;       // a '(' before any '=': a function, or a variable made by a call
    bool runs_code = false;        // a call or a new-expression in an initializer
    bool after_equals = false;
    bool type_body = false;
    const auto has_word = [&](const char* word) {
      return std::any_of(own.begin(), own.end(), [&](std::size_t i) { return is(t_[i], word); });
    };
    const auto is_type = [&] {
      return !after_equals && (has_word("struct") || has_word("class") || has_word("union") || has_word("enum"));
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
        if (paren) (after_equals ? runs_code : has_parens) = true;
        own.push_back(k_);
        const auto inside = paren ? skip_group("(", ")") : skip_group("[", "]");
        if (group_has(inside, "(") || group_has(inside, "new")) runs_code = true;
        continue;
      }
      if (is(tok, "{")) {
        const bool function = has_parens && !is_type() && !after_equals;
        const bool type = is_type() && !type_body;
        own.push_back(k_);
        const auto inside = skip_group("{", "}");
        if (function) return function_declared(own);  // a function's body ends its definition
        if (type) {
          type_body = true;
          if (has_word("enum")) enumerators(inside);
          if (group_has(inside, "static") && (group_has(inside, "inline") || group_has(inside, "thread_local")))
            refuse("has a static inline member (made at start-up in every runner)");
        } else if (group_has(inside, "(") || group_has(inside, "new")) {
          runs_code = true;
        }
        continue;
      }
      if (is(tok, "=")) after_equals = true;
      if (is(tok, ",")) after_equals = false;
      if (after_equals && (is(tok, "new") || is(tok, "throw") || is(tok, "delete"))) runs_code = true;
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
      } else if (at_is(head + 1, "enum")) {
        refuse("has a using-enum declaration at namespace scope");
      } else {
        declare_before_equals_or_last(own);
      }
      return;
    }
    if (is(first_word, "typedef")) {
      if (has_word(",") || has_word("(")) return refuse("has a typedef of several names or of a function type");
      return declare_last(own);
    }
    if (has_word("operator")) return refuse("defines an operator at namespace scope");
    if (is_type()) {
      type_declared(own);
      const auto body = std::find_if(own.begin(), own.end(), [&](std::size_t i) { return is(t_[i], "{"); });
      if (body != own.end() && body + 1 != own.end())  // `struct S {...} s;`
        refuse("makes a variable of a type it defines at namespace scope (its constructor runs in every runner)");
      return;
    }
    if (has_parens) {
      return refuse(
          "declares a function without its body, or makes a variable by a call, at namespace scope (the call "
          "would run in every runner)");
    }
    variables_declared(own);
    const bool constant = std::any_of(own.begin(), own.end(), [&](std::size_t i) { return is(t_[i], "constexpr"); }) &&
                          !runs_code && constexpr_before_equals(own);
    if (constant) return;  // made by the compiler: no code runs
    if (runs_code) return refuse("initialises a variable by a call at namespace scope (it would run in every runner)");
    for (std::size_t i = 0; i < own.size() && !is(t_[own[i]], "="); ++i) {
      const Token& w = t_[own[i]];
      if (is_identifier(w) && !plain_type_words().count(w.text) && !names_a_variable(own, i)) {
        return refuse("makes a variable of class type at namespace scope (its constructor runs in every runner)");
      }
    }
  }

  bool constexpr_before_equals(const std::vector<std::size_t>& own) const {
    for (const std::size_t i : own) {
      if (is(t_[i], "=")) return false;
      if (is(t_[i], "constexpr")) return true;
    }
    return false;
  }

  /// Whether own[i] is a declarator's name: followed by what ends one.
  bool names_a_variable(const std::vector<std::size_t>& own, std::size_t i) const {
    if (i + 1 == own.size()) return true;
    const Token& next = t_[own[i + 1]];
    return is(next, "=") || is(next, ";") || is(next, ",") || is(next, "[") || is(next, "{");
  }

  void function_declared(const std::vector<std::size_t>& own) {
    const auto paren = std::find_if(own.begin(), own.end(), [&](std::size_t i) { return is(t_[i], "("); });
    if (std::any_of(own.begin(), paren, [&](std::size_t i) { return is(t_[i], "operator"); }))
      return refuse("defines an operator at namespace scope");
    if (paren == own.begin() || paren == own.end() || !is_identifier(t_[*(paren - 1)]))
      return refuse("defines a function whose name could not be read at namespace scope");
    facts_.declared.insert(t_[*(paren - 1)].text);
  }

  void type_declared(const std::vector<std::size_t>& own) {
    for (std::size_t i = 0; i < own.size(); ++i) {
      const Token& w = t_[own[i]];
      if (!(is(w, "struct") || is(w, "class") || is(w, "union") || is(w, "enum"))) continue;
      std::size_t j = i + 1;
      while (j < own.size() && (is(t_[own[j]], "class") || is(t_[own[j]], "struct") || is(t_[own[j]], "[") ||
                                is(t_[own[j]], "alignas") || is(t_[own[j]], "(")))
        ++j;
      if (j == own.size() || !is_identifier(t_[own[j]])) return refuse("defines a type without a name");
      if (j + 1 < own.size() && is(t_[own[j + 1]], "<")) return refuse("specialises a class template");
      facts_.declared.insert(t_[own[j]].text);
      return;
    }
  }

  void enumerators(std::pair<std::size_t, std::size_t> inside) {
    // Every identifier at the start of an entry: its name.
    for (std::size_t i = inside.first; i < inside.second; ++i)
      if (is_identifier(t_[i]) && (i == inside.first || is(t_[i - 1], ","))) facts_.declared.insert(t_[i].text);
  }

  void variables_declared(const std::vector<std::size_t>& own) {
    bool in_initializer = false;
    for (std::size_t i = 0; i < own.size(); ++i) {
      const Token& w = t_[own[i]];
      if (is(w, "=")) in_initializer = true;
      if (is(w, ",")) in_initializer = false;
      if (!in_initializer && is_identifier(w) && names_a_variable(own, i)) facts_.declared.insert(w.text);
    }
  }

  void declare_before_equals_or_last(const std::vector<std::size_t>& own) {
    for (std::size_t i = 1; i < own.size(); ++i) {
      if (is(t_[own[i]], "=") && is_identifier(t_[own[i - 1]])) {
        facts_.declared.insert(t_[own[i - 1]].text);
        return;
      }
    }
    declare_last(own);
  }

  void declare_last(const std::vector<std::size_t>& own) {
    for (auto i = own.rbegin(); i != own.rend(); ++i) {
      if (is_identifier(t_[*i])) {
        facts_.declared.insert(t_[*i].text);
        return;
      }
    }
  }

  const std::vector<Token>& t_;
  Facts& facts_;
  std::size_t k_ = 0;
};

Facts facts_of(const UnitFile& file, const std::set<std::string>& already_included) {
  Facts facts;
  const Lexed lexed = lex(file.source);
  if (lexed.unterminated) facts.barrier = "ends inside a comment or a literal";
  if (lexed.spliced_code && !facts.barrier) facts.barrier = "joins lines of code with a backslash";
  for (const auto& d : lexed.directives) {
    if (facts.barrier) break;
    if (const auto header = angle_include(d)) {
      if (d.after_code) {
        facts.barrier = "line " + std::to_string(d.line) + " includes <" + *header + "> after code";
      } else if (!already_included.count(*header)) {
        facts.headers.insert(*header);
      }
    } else if (!(d.name == "pragma" && d.rest == "once")) {
      facts.barrier =
          "line " + std::to_string(d.line) + " has #" + d.name + " (its effect would reach the files after it)";
    }
  }
  for (std::size_t i = 0; i < lexed.tokens.size(); ++i) {
    const Token& token = lexed.tokens[i];
    if (!is_identifier(token)) continue;
    // A member after '.' is looked up in its object's type, never among
    // another file's declarations ("->" may end a function's head instead).
    if (i == 0 || !is(lexed.tokens[i - 1], ".")) facts.mentioned.insert(token.text);
    if (barrier_identifiers().count(token.text) && !facts.barrier) facts.barrier = "uses " + token.text;
  }
  ScopeReader(lexed.tokens, facts).read();
  for (const auto& name : facts.declared)
    if (called_unseen().count(name) && !facts.barrier)
      facts.barrier = "declares " + name + " at namespace scope, which the library may call on another file's behalf";
  return facts;
}

std::string listed(const std::set<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out.empty() ? "none" : out;
}

/// Why file i's declarations could reach file j, or nothing.
std::optional<std::string> reaches(const UnitFile& a, const Facts& fa, const UnitFile& b, const Facts& fb) {
  for (const auto& name : fa.declared) {
    if (fb.mentioned.count(name))
      return a.display_name + " declares " + name + " at namespace scope, and " + b.display_name + " names it too";
    if (std::find(b.functions.begin(), b.functions.end(), name) != b.functions.end())
      return a.display_name + " defines " + name + ", the function of " + b.display_name;
  }
  for (const auto& name : fa.namespaces) {
    if (!fb.namespaces.count(name) && !header_namespaces().count(name) && fb.mentioned.count(name))
      return a.display_name + " opens namespace " + name + ", and " + b.display_name + " names it too";
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> included_headers(const std::string& source) {
  std::vector<std::string> headers;
  for (const auto& d : lex(source).directives)
    if (const auto header = angle_include(d)) headers.push_back(*header);
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
  for (std::size_t i = 0; i < files.size(); ++i)
    for (std::size_t j = 0; j < files.size(); ++j)
      if (i != j)
        if (auto why = reaches(files[i], facts[i], files[j], facts[j])) return why;
  return std::nullopt;
}

std::string unit_source(const std::vector<UnitFile>& files) {
  std::string unit;
  for (const auto& file : files) {
    // A blank line first: a backslash at the end of the file before joins
    // that line, never the #line.
    unit += "\n#line 1 \"" + file.display_name + "\"\n";
    const bool bom = file.source.rfind("\xEF\xBB\xBF", 0) == 0;
    unit += bom ? file.source.substr(3) : file.source;
    if (unit.back() != '\n') unit += '\n';
  }
  return unit;
}

}  // namespace mathlings
