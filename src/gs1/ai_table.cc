#include "gs1/ai_table.h"

#include <algorithm>
#include <array>
#include <limits>

namespace txng::gs1 {
namespace internal {
// Defined in the generated ai_table_data.cc, sorted by AI.
extern const AiComponent kAiComponents[];
extern const AiEntry kAiEntries[];
extern const std::size_t kAiEntryCount;
}  // namespace internal

namespace {

// AIs are 2 to 4 digits, so each has a slot of its own in a table of
// 10^2 + 10^3 + 10^4: its number, after the slots of the shorter AIs. Lookup
// is then one read instead of a binary search over strings.
constexpr std::size_t kSlotOffsets[] = {0, 0, 0, 100, 1100};
constexpr std::size_t kSlotCount = 11100;
constexpr std::uint16_t kNoEntry = std::numeric_limits<std::uint16_t>::max();

// The slot of `ai`, or kSlotCount when it is not 2 to 4 digits.
std::size_t SlotOf(std::string_view ai) {
  if (ai.size() < 2 || ai.size() > 4) return kSlotCount;
  auto digit = [ai](std::size_t i) {
    return static_cast<std::size_t>(static_cast<unsigned char>(ai[i]) - '0');
  };
  // Unsigned, so a byte below '0' is a large number too: one comparison
  // against 9 for all the digits.
  std::size_t d0 = digit(0);
  std::size_t d1 = digit(1);
  std::size_t d2 = ai.size() > 2 ? digit(2) : 0;
  std::size_t d3 = ai.size() > 3 ? digit(3) : 0;
  if (std::max({d0, d1, d2, d3}) > 9) return kSlotCount;
  std::size_t number = d0 * 10 + d1;
  if (ai.size() > 2) number = number * 10 + d2;
  if (ai.size() > 3) number = number * 10 + d3;
  return kSlotOffsets[ai.size()] + number;
}

struct AiIndex {
  // Entry index by slot, kNoEntry when no AI has the slot.
  std::array<std::uint16_t, kSlotCount> entries;
  // Length of the AIs starting with two digits, by their number; 0 for none.
  std::array<std::uint8_t, 100> length_by_prefix;
};

AiIndex BuildIndex() {
  static_assert(kSlotCount < kNoEntry);
  AiIndex built;
  built.entries.fill(kNoEntry);
  built.length_by_prefix.fill(0);
  for (std::size_t i = 0; i < internal::kAiEntryCount; ++i) {
    std::string_view ai = internal::kAiEntries[i].ai;
    built.entries[SlotOf(ai)] = static_cast<std::uint16_t>(i);
    std::uint8_t& length = built.length_by_prefix[SlotOf(ai.substr(0, 2))];
    if (length == 0) length = static_cast<std::uint8_t>(ai.size());
  }
  return built;
}

// Built on first use, so that lookups from other files' static
// initialisers work too; inlined, so that a lookup costs no extra call.
[[gnu::always_inline]] inline const AiIndex& Index() {
  static const AiIndex index = BuildIndex();
  return index;
}

}  // namespace

std::span<const AiEntry> AllAis() { return {internal::kAiEntries, internal::kAiEntryCount}; }

const AiEntry* FindAi(std::string_view ai) {
  std::size_t slot = SlotOf(ai);
  if (slot == kSlotCount) return nullptr;
  std::uint16_t entry = Index().entries[slot];
  return entry == kNoEntry ? nullptr : &internal::kAiEntries[entry];
}

std::span<const AiComponent> ComponentsOf(const AiEntry& entry) {
  return {internal::kAiComponents + entry.first_component, entry.component_count};
}

std::optional<int> AiLengthByPrefix(std::string_view prefix) {
  std::size_t slot = prefix.size() == 2 ? SlotOf(prefix) : kSlotCount;
  if (slot == kSlotCount || Index().length_by_prefix[slot] == 0) return std::nullopt;
  return Index().length_by_prefix[slot];
}

int MaxValueLength(const AiEntry& entry) {
  int total = 0;
  for (const AiComponent& c : ComponentsOf(entry)) total += c.max_length;
  return total;
}

}  // namespace txng::gs1
