#include "gs1/ai_table.h"

#include <algorithm>

namespace txng::gs1 {
namespace internal {
// Defined in the generated ai_table_data.cc, sorted by AI.
extern const AiComponent kAiComponents[];
extern const AiEntry kAiEntries[];
extern const std::size_t kAiEntryCount;
}  // namespace internal

std::span<const AiEntry> AllAis() { return {internal::kAiEntries, internal::kAiEntryCount}; }

const AiEntry* FindAi(std::string_view ai) {
  auto all = AllAis();
  auto it = std::lower_bound(all.begin(), all.end(), ai,
                             [](const AiEntry& e, std::string_view key) { return e.ai < key; });
  if (it == all.end() || it->ai != ai) return nullptr;
  return &*it;
}

std::span<const AiComponent> ComponentsOf(const AiEntry& entry) {
  return {internal::kAiComponents + entry.first_component, entry.component_count};
}

std::optional<int> AiLengthByPrefix(std::string_view prefix) {
  if (prefix.size() != 2) return std::nullopt;
  for (const AiEntry& e : AllAis()) {
    if (e.ai.substr(0, 2) == prefix) return static_cast<int>(e.ai.size());
  }
  return std::nullopt;
}

int MaxValueLength(const AiEntry& entry) {
  int total = 0;
  for (const AiComponent& c : ComponentsOf(entry)) total += c.max_length;
  return total;
}

}  // namespace txng::gs1
