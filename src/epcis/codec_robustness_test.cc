// Decoders given damaged input: every truncation point and many single-byte
// changes of real EPCIS documents must yield a document or an
// invalid_argument error, never a crash or another kind of error. Run under
// the sanitizers (TXNG_SANITIZE) this is a small deterministic fuzz test.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "epcis/conformance_files_testing.h"
#include "epcis/event_hash.h"
#include "epcis/json_decode.h"
#include "epcis/xml_decode.h"

namespace txng::epcis {
namespace {

namespace fs = std::filesystem;

using conformance_files::ConformanceDir;
using conformance_files::ReadFile;

// Decodes `text`; on success also hashes every event (the hash must cope
// with whatever the decoder accepted).
template <typename Decode>
void Survives(Decode decode, const std::string& text, const std::string& what) {
  Result<Document> doc = decode(text);
  if (doc.ok()) {
    for (const Event& e : doc->events) EXPECT_FALSE(EventHashId(e).empty()) << what;
  } else {
    EXPECT_EQ(doc.status().code(), StatusCode::kInvalidArgument) << what;
  }
}

template <typename Decode>
void Damage(Decode decode, const fs::path& file) {
  const std::string text = ReadFile(file);
  ASSERT_FALSE(text.empty()) << file;
  for (std::size_t cut = 0; cut < text.size(); cut += 1 + text.size() / 200) {
    Survives(decode, text.substr(0, cut),
             file.filename().string() + " cut at " + std::to_string(cut));
  }
  // Deterministic single-byte changes: structural characters and digits.
  static constexpr char kBytes[] = {'"', '{', '}', '[', ']', ':', ',',  '<',   '>',
                                    '/', '0', '9', 'x', '%', '&', '\0', '\xff'};
  unsigned state = 12345;
  for (int i = 0; i < 400; ++i) {
    state = state * 1103515245u + 12345u;
    std::string mutated = text;
    std::size_t at = (state >> 8) % text.size();
    mutated[at] = kBytes[(state >> 4) % sizeof kBytes];
    Survives(decode, mutated, file.filename().string() + " byte " + std::to_string(at));
  }
}

TEST(CodecRobustness, DamagedDocumentsAreErrorsNotCrashes) {
  const fs::path root = ConformanceDir() / "gs1-epcis";
  if (!fs::is_directory(root)) GTEST_SKIP() << "no EPCIS examples at " << root;
  auto json = [](const std::string& t) { return DecodeJsonDocument(t); };
  auto xml = [](const std::string& t) { return DecodeXmlDocument(t); };
  Damage(json, root / "JSON/WithFullCombinationOfFields/object_event_all_possible_fields.jsonld");
  Damage(json, root / "JSON/WithSensorData/SensorDataExample1.jsonld");
  Damage(json, root / "JSON/EPCISQueryDocument.jsonld");
  Damage(xml,
         root / "XML/WithFullCombinationOfFields/transformation_event_all_possible_fields.xml");
  Damage(xml, root / "XML/Example-TransactionEvent-2020_07_03y.xml");
}

}  // namespace
}  // namespace txng::epcis
