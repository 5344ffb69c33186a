// Vietnamese-friendly text folding for search: "Hạt điều" and "hat dieu"
// fold to the same text, so visitors typing without diacritics (or on a
// keyboard that composes them differently) find what they look for.
#ifndef TXNG_COMMON_TEXT_FOLD_H_
#define TXNG_COMMON_TEXT_FOLD_H_

#include <string>
#include <string_view>
#include <vector>

namespace txng {

// `text` decomposed (NFD), stripped of combining marks, case folded, with
// đ/Đ (which Unicode does not decompose) written d, and every run of
// whitespace made one space, without leading or trailing space. NFC and NFD
// input fold alike. Bytes that are not valid UTF-8 are dropped.
std::string FoldForSearch(std::string_view text);

// The folded, whitespace-separated terms of a search query, without
// repeats, in order.
std::vector<std::string> FoldedSearchTerms(std::string_view query);

}  // namespace txng

#endif  // TXNG_COMMON_TEXT_FOLD_H_
