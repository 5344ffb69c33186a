// gs1::UriUnescape on arbitrary bytes in both URI parts, and the round trip
// UriUnescape(UriEscape(x)) == x.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_support.h"
#include "gs1/uri_escape.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  txng::fuzz::Input input(data, size);
  for (auto part : {txng::gs1::UriPart::kPath, txng::gs1::UriPart::kQuery}) {
    std::string decoded = txng::gs1::UriUnescape(input.rest(), part);
    if (decoded.size() > input.rest().size()) {
      txng::fuzz::Fail("unescaping never lengthens", decoded);
    }
    std::string escaped = txng::gs1::UriEscape(input.rest(), part);
    if (txng::gs1::UriUnescape(escaped, part) != input.rest()) {
      txng::fuzz::Fail("UriUnescape(UriEscape(x)) == x", escaped);
    }
  }
  return 0;
}
