// Reproduces the CBV 2.0 event hash vectors of ../shared/conformance/
// epcis-event-hash (located through TXNG_CONFORMANCE_DIR): every expected
// hash in tests/examples/*.hashes from the JSON-LD and the XML document
// beside it, in document order, and equal hashes for all events of each
// document in tests/expected_equal.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "epcis/conformance_files_testing.h"
#include "epcis/event_hash.h"
#include "epcis/json_decode.h"
#include "epcis/xml_decode.h"

namespace txng::epcis {
namespace {

namespace fs = std::filesystem;

using conformance_files::ConformanceDir;
using conformance_files::ReadFile;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// Decodes `path` with the codec its extension names.
Result<Document> DecodeFile(const fs::path& path) {
  if (path.extension() == ".xml") return DecodeXmlDocument(ReadFile(path));
  return DecodeJsonDocument(ReadFile(path));
}

// Every expected hash must come out of every form of its document (JSON-LD
// and XML where both exist); a hash counts as matched when all forms give it.
TEST(EventHashConformance, ReproducesEveryVector) {
  const fs::path dir = ConformanceDir() / "epcis-event-hash" / "tests" / "examples";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "no conformance vectors at " << dir;
  int matched = 0, failed = 0, json_forms = 0, xml_forms = 0;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".hashes") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& hashes : files) {
    const std::vector<std::string> expected = Lines(ReadFile(hashes));
    std::vector<std::string> prehashes;
    const fs::path prehash_file = fs::path(hashes).replace_extension(".prehashes");
    if (fs::exists(prehash_file)) prehashes = Lines(ReadFile(prehash_file));
    std::vector<bool> ok(expected.size(), true);
    int forms = 0;
    for (const char* extension : {".jsonld", ".xml"}) {
      const fs::path input = fs::path(hashes).replace_extension(extension);
      if (!fs::exists(input)) continue;
      ++forms;
      ++(input.extension() == ".xml" ? xml_forms : json_forms);
      Result<Document> doc = DecodeFile(input);
      if (!doc.ok()) {
        ADD_FAILURE() << input.filename() << ": " << doc.status().ToString();
        ok.assign(expected.size(), false);
        continue;
      }
      EXPECT_EQ(doc->events.size(), expected.size()) << input.filename();
      const EventHashOptions options = HashOptionsOf(*doc);
      for (std::size_t i = 0; i < expected.size(); ++i) {
        if (i >= doc->events.size()) {
          ok[i] = false;
          continue;
        }
        if (EventHashId(doc->events[i], options) == expected[i]) continue;
        ok[i] = false;
        ADD_FAILURE() << input.filename() << " event " << i << ":\n  pre-hash  "
                      << EventPreHashString(doc->events[i], options) << "\n  reference "
                      << (i < prehashes.size() ? prehashes[i] : "(none)");
      }
    }
    ASSERT_GT(forms, 0) << hashes.filename() << " has no input document";
    for (bool b : ok) ++(b ? matched : failed);
  }
  std::cout << "hashes: " << matched << " matched, " << failed << " failed, 0 skipped (xml); "
            << "documents: " << json_forms << " JSON-LD, " << xml_forms << " XML\n";
  EXPECT_EQ(failed, 0);
  EXPECT_GT(matched, 0);
}

TEST(EventHashConformance, ExpectedEqualGroupsHashEqual) {
  const fs::path dir = ConformanceDir() / "epcis-event-hash" / "tests" / "expected_equal";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "no conformance vectors at " << dir;
  int equal = 0, different = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const fs::path& file = entry.path();
    Result<Document> doc = DecodeFile(file);
    ASSERT_TRUE(doc.ok()) << file.filename() << ": " << doc.status().ToString();
    ASSERT_GE(doc->events.size(), 2u) << file.filename();
    EventHashOptions options = HashOptionsOf(*doc);
    const std::string first = EventHashId(doc->events.front(), options);
    bool all_equal = true;
    for (const Event& event : doc->events) {
      if (EventHashId(event, options) != first) {
        all_equal = false;
        ADD_FAILURE() << file.filename() << ": " << EventPreHashString(event, options)
                      << "\n  differs from " << EventPreHashString(doc->events.front(), options);
      }
    }
    ++(all_equal ? equal : different);
  }
  std::cout << "expected_equal: " << equal << " groups equal, " << different << " differ\n";
  EXPECT_EQ(different, 0);
}

}  // namespace
}  // namespace txng::epcis
