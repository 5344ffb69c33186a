// gs1::ToDigitalLink fed with AIs parsed from arbitrary bracketed element
// strings (options and stem from the first byte): whenever it generates a
// URI, that URI must parse to the same AIs.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_support.h"
#include "gs1/digital_link.h"
#include "gs1/element_string.h"

namespace {

constexpr std::string_view kStems[] = {"", "https://example.com/", "http://id.example.org/a/b",
                                       "HTTPS://RESOLVER.EXAMPLE:8080/01"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  txng::fuzz::Input input(data, size);
  std::uint8_t byte = input.TakeByte();
  auto dl_options = txng::fuzz::DigitalLinkOptionsOf(byte & 0x1C);
  txng::gs1::ElementStringOptions options;
  options.permit_unknown_ais = dl_options.permit_unknown_ais;
  options.validate_requisites = dl_options.validate_requisites;
  auto ais = txng::gs1::ParseBracketed(input.rest(), options);
  if (!ais.ok()) return 0;
  txng::fuzz::CheckDigitalLinkRoundTrip(*ais, kStems[byte & 0x03], dl_options);
  return 0;
}
