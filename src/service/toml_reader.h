// TomlTableReader: reads a TOML configuration table key by key with errors a
// person can act on. Every error is InvalidArgument whose message reads
// "SOURCE:LINE:COLUMN: KEY.PATH: what is wrong" (the place of the offending
// value, or of the table when a key is missing) and whose field is the key
// path, e.g. "chains[0].stages[2].organisations". Keys the reader was never
// asked for are errors too (Finish), so a misspelt key is never ignored.
#ifndef TXNG_SERVICE_TOML_READER_H_
#define TXNG_SERVICE_TOML_READER_H_

#include <toml++/toml.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace txng {

// Parses a TOML document; a syntax error is "SOURCE:LINE:COLUMN: why".
Result<toml::table> ParseToml(std::string_view text, std::string_view source);

class TomlTableReader {
 public:
  // `source` names the file in messages and must outlive the reader, as
  // must `table`; `path` is the table's key path ("" for the root).
  TomlTableReader(std::string_view source, const toml::table& table, std::string path)
      : source_(source), table_(table), path_(std::move(path)) {}

  // "path.key", or "key" at the root.
  std::string PathOf(std::string_view key) const;

  // An error about `key` (the table itself when empty) placed at `at`, or at
  // the table when `at` is null.
  Status Fail(const toml::node* at, std::string_view key, std::string_view what) const;
  // "expected EXPECTED, found a string".
  Status Mistyped(const toml::node& at, std::string_view key, std::string_view expected) const;

  // The value of `key` or nullptr; either way `key` counts as known.
  const toml::node* Find(std::string_view key);
  // Like Find, but a missing key is an error.
  Status Require(std::string_view key, const toml::node** out);

  // Scalars. An optional key that is absent leaves `*out` unchanged.
  Status String(std::string_view key, std::string* out, bool required = true);
  Status Int(std::string_view key, int64_t* out, int64_t min, int64_t max, bool required = true);
  Status Number(std::string_view key, double* out, double min, double max);
  Status Bool(std::string_view key, bool* out);  // optional

  // An array of strings; `non_empty` refuses [].
  Status Strings(std::string_view key, std::vector<std::string>* out, bool required = true,
                 bool non_empty = true);
  // [min, max] of numbers, each within [lo, hi], min <= max.
  Status NumberPair(std::string_view key, double* min, double* max, double lo, double hi);
  // [min, max] of integers within [lo, hi], or with `allow_single` one
  // integer meaning [n, n].
  Status IntRange(std::string_view key, int* min, int* max, int64_t lo, int64_t hi,
                  bool allow_single);

  // A sub-table (or inline table); `*out` stays empty when absent and optional.
  Status Table(std::string_view key, std::optional<TomlTableReader>* out, bool required = true);
  // An array of tables ([[key]] or [{...}, ...]), one reader per element; a
  // required one must not be empty.
  Status Tables(std::string_view key, std::vector<TomlTableReader>* out, bool required = true);

  // An error for the first key of the table that nobody asked for.
  Status Finish() const;

 private:
  Status StringValue(const toml::node& n, std::string_view key, std::string* out) const;
  Status IntValue(const toml::node& n, std::string_view key, int64_t* out, int64_t min,
                  int64_t max) const;
  Status NumberValue(const toml::node& n, std::string_view key, double* out, double min,
                     double max) const;

  std::string_view source_;
  const toml::table& table_;
  std::string path_;
  std::set<std::string, std::less<>> seen_;
};

}  // namespace txng

#endif  // TXNG_SERVICE_TOML_READER_H_
