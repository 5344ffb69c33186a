#include "common/embedded.h"

namespace txng {

std::optional<std::string_view> FindEmbedded(std::span<const EmbeddedFile> bundle,
                                             std::string_view path) {
  for (const EmbeddedFile& f : bundle) {
    if (f.path == path) return f.data;
  }
  return std::nullopt;
}

}  // namespace txng
