#include "common/text_fold.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace txng {
namespace {

// `text` without the bytes that do not form valid UTF-8 code points
// (utf8proc refuses the whole string otherwise).
std::string ValidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      ++p;
      --left;
      continue;
    }
    out.append(reinterpret_cast<const char*>(p), static_cast<size_t>(n));
    p += n;
    left -= n;
  }
  return out;
}

bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::string FoldForSearch(std::string_view text) {
  const std::string valid = ValidUtf8(text);
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(valid.data()),
                   static_cast<utf8proc_ssize_t>(valid.size()), &mapped,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
                                                  UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(mapped, &std::free);
  // utf8proc fails only on invalid input or memory exhaustion; the input is
  // valid, so fall back to the unfolded text rather than lose it.
  std::string folded =
      n < 0 ? valid : std::string(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));
  std::string out;
  out.reserve(folded.size());
  bool space = false;
  for (size_t i = 0; i < folded.size(); ++i) {
    const auto c = static_cast<unsigned char>(folded[i]);
    // đ is U+0111 (C4 91); case folding has already turned Đ (U+0110) into it.
    if (c == 0xC4 && i + 1 < folded.size() && static_cast<unsigned char>(folded[i + 1]) == 0x91) {
      ++i;
      if (space && !out.empty()) out += ' ';
      space = false;
      out += 'd';
      continue;
    }
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

std::vector<std::string> FoldedSearchTerms(std::string_view query) {
  const std::string folded = FoldForSearch(query);
  std::vector<std::string> terms;
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    std::string term = folded.substr(start, end - start);
    if (std::find(terms.begin(), terms.end(), term) == terms.end()) {
      terms.push_back(std::move(term));
    }
    start = end + 1;
  }
  return terms;
}

}  // namespace txng
