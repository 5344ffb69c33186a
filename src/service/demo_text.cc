#include "service/demo_text.h"

#include <cctype>
#include <unordered_map>
#include <vector>

namespace txng::demo {
namespace {

// Decodes one UTF-8 sequence at `s[*i]` and advances `*i`; malformed bytes
// decode as U+FFFD one at a time.
char32_t NextCodePoint(std::string_view s, size_t* i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(*i);
  size_t len = b0 < 0x80           ? 1
               : (b0 >> 5) == 0x6  ? 2
               : (b0 >> 4) == 0xE  ? 3
               : (b0 >> 3) == 0x1E ? 4
                                   : 0;
  if (len == 0 || *i + len > s.size()) {
    ++*i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? b0 : b0 & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) {
    if ((byte(*i + k) & 0xC0) != 0x80) {
      ++*i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(*i + k) & 0x3F);
  }
  *i += len;
  return cp;
}

// Every precomposed Vietnamese letter, grouped by its ASCII base letter.
const std::unordered_map<char32_t, char>& VietnameseLetters() {
  static const auto* table = [] {
    const std::pair<char, std::string_view> groups[] = {
        {'a', "àáảãạăằắẳẵặâầấẩẫậ"},
        {'A', "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"},
        {'e', "èéẻẽẹêềếểễệ"},
        {'E', "ÈÉẺẼẸÊỀẾỂỄỆ"},
        {'i', "ìíỉĩị"},
        {'I', "ÌÍỈĨỊ"},
        {'o', "òóỏõọôồốổỗộơờớởỡợ"},
        {'O', "ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"},
        {'u', "ùúủũụưừứửữự"},
        {'U', "ÙÚỦŨỤƯỪỨỬỮỰ"},
        {'y', "ỳýỷỹỵ"},
        {'Y', "ỲÝỶỸỴ"},
        {'d', "đ"},
        {'D', "Đ"},
    };
    auto* m = new std::unordered_map<char32_t, char>();
    for (const auto& [base, letters] : groups) {
      for (size_t i = 0; i < letters.size();) (*m)[NextCodePoint(letters, &i)] = base;
    }
    return m;
  }();
  return *table;
}

// Calls on_text for literal runs and on_name for each {name}; returns an
// error text for an unbalanced brace.
template <typename OnText, typename OnName>
std::string ScanTemplate(std::string_view text, OnText on_text, OnName on_name) {
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t open = text.find_first_of("{}", pos);
    if (open == std::string_view::npos) {
      on_text(text.substr(pos));
      break;
    }
    if (text[open] == '}') return "'}' without a matching '{'";
    on_text(text.substr(pos, open - pos));
    const size_t close = text.find_first_of("{}", open + 1);
    if (close == std::string_view::npos || text[close] == '{') {
      return "'{' without a matching '}'";
    }
    on_name(text.substr(open + 1, close - open - 1));
    pos = close + 1;
  }
  return {};
}

}  // namespace

std::string CheckTemplate(std::string_view text, const std::vector<std::string_view>& allowed) {
  std::string unknown;
  std::string error = ScanTemplate(
      text, [](std::string_view) {},
      [&](std::string_view name) {
        if (!unknown.empty()) return;
        for (std::string_view a : allowed) {
          if (a == name) return;
        }
        unknown = std::string(name);
      });
  if (!error.empty()) return error;
  if (unknown.empty()) return {};
  std::string message = "unknown placeholder {" + unknown + "}; this field accepts";
  if (allowed.empty()) return message + " none";
  for (std::string_view a : allowed) message += " {" + std::string(a) + "}";
  return message;
}

std::string ExpandTemplate(std::string_view text, std::initializer_list<TemplateVar> vars) {
  std::string out;
  out.reserve(text.size() + 32);
  // The error text only concerns templates that were never checked; their
  // unbalanced tail is dropped.
  (void)ScanTemplate(
      text, [&](std::string_view literal) { out += literal; },
      [&](std::string_view name) {
        for (const TemplateVar& v : vars) {
          if (v.name == name) {
            out += v.value;
            return;
          }
        }
        out += "{" + std::string(name) + "}";
      });
  return out;
}

std::string FoldToAscii(std::string_view text) {
  const auto& letters = VietnameseLetters();
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const char32_t cp = NextCodePoint(text, &i);
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (auto it = letters.find(cp); it != letters.end()) {
      out += it->second;
    }
  }
  return out;
}

std::string AsciiSlug(std::string_view text) {
  std::string out;
  for (char c : FoldToAscii(text)) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

std::string AsciiInitials(std::string_view text) {
  std::string out;
  bool at_word_start = true;
  for (char c : FoldToAscii(text)) {
    const bool alnum = std::isalnum(static_cast<unsigned char>(c));
    if (alnum && at_word_start) {
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    at_word_start = !alnum;
  }
  return out;
}

}  // namespace txng::demo
