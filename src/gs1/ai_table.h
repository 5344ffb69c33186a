// The table of GS1 Application Identifiers (AIs): one entry per AI with its
// title, data components, linters, FNC1 rule, required/excluded AI
// combinations and Digital Link role. Facts from GS1's Barcode Syntax
// Dictionary; see scripts/gen-gs1-ai-table.
#ifndef TXNG_GS1_AI_TABLE_H_
#define TXNG_GS1_AI_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace txng::gs1 {

// The characters a component may hold: digits, GS1 character set 82 (the
// printable subset of ISO 646), set 39 (upper case, digits, # - /) or set 64
// (base64url with '=' padding).
enum class CharSet : std::uint8_t { kNumeric, kCset82, kCset39, kCset64 };

// One data component of an AI's value, e.g. "N6,yymmd0" or "[X..17]".
struct AiComponent {
  CharSet charset;
  std::uint8_t min_length;
  std::uint8_t max_length;
  // Optional components may be left out once the data is exhausted.
  bool optional;
  // Comma-separated linter names applied to this component ("csum,gcppos2").
  std::string_view linters;
};

struct AiEntry {
  std::string_view ai;
  std::string_view title;
  // Variable-length (or not predefined) AIs end with FNC1 when another AI
  // follows them in an element string.
  bool fnc1_required;
  // May be a data attribute (query parameter) of a GS1 Digital Link URI.
  bool dl_data_attribute;
  std::uint16_t first_component;
  std::uint8_t component_count;
  // Space-separated "req=" rules, each a comma list of alternatives, each
  // alternative a '+'-joined group of AIs or patterns ('n' matches a digit).
  std::string_view requires_ais;
  // Comma list of AIs or patterns that may not appear together with this AI.
  std::string_view excludes_ais;
  // A Digital Link primary key; `dl_qualifiers` lists its allowed qualifier
  // sequences, '|'-separated alternatives of comma-ordered AIs.
  bool dl_primary_key;
  std::string_view dl_qualifiers;
};

// The entry for `ai`, or nullptr when the AI is not in the table.
const AiEntry* FindAi(std::string_view ai);

// The data components of `entry`.
std::span<const AiComponent> ComponentsOf(const AiEntry& entry);

// Every entry, sorted by AI.
std::span<const AiEntry> AllAis();

// The length (2, 3 or 4) of every AI that starts with the two digits
// `prefix`, or nullopt when no AI starts with them.
std::optional<int> AiLengthByPrefix(std::string_view prefix);

// The sum of the components' maximum lengths.
int MaxValueLength(const AiEntry& entry);

// `ai` as an integer: its first four characters, a byte each, and its length
// (at most 255) above them. AIs and the patterns of the table's rules have at
// most four characters, so two of them are equal when their codes are.
constexpr std::uint64_t AiCode(std::string_view ai) {
  auto byte = [ai](std::size_t i) {
    return static_cast<std::uint64_t>(static_cast<unsigned char>(ai[i])) << (8 * i);
  };
  std::uint64_t code = static_cast<std::uint64_t>(ai.size() < 0xFF ? ai.size() : 0xFF) << 32;
  switch (ai.size() < 4 ? ai.size() : 4) {
    case 4:
      code |= byte(3);
      [[fallthrough]];
    case 3:
      code |= byte(2);
      [[fallthrough]];
    case 2:
      code |= byte(1);
      [[fallthrough]];
    case 1:
      code |= byte(0);
      break;
    default:
      break;
  }
  return code;
}

}  // namespace txng::gs1

#endif  // TXNG_GS1_AI_TABLE_H_
