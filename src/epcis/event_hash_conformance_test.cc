// Reproduces the CBV 2.0 event hash vectors of ../shared/conformance/
// epcis-event-hash (located through TXNG_CONFORMANCE_DIR): every expected
// hash in tests/examples/*.hashes from the JSON-LD document beside it, in
// document order, and equal hashes for all events of each document in
// tests/expected_equal. Documents available only as XML are counted as
// skipped until the XML codec exists.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "epcis/event_hash.h"
#include "epcis/json_decode.h"

namespace txng::epcis {
namespace {

namespace fs = std::filesystem;

fs::path ConformanceDir() {
  const char* env = std::getenv("TXNG_CONFORMANCE_DIR");
  return env != nullptr ? fs::path(env) : fs::path(TXNG_DEFAULT_CONFORMANCE_DIR);
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

TEST(EventHashConformance, ReproducesEveryJsonLdVector) {
  const fs::path dir = ConformanceDir() / "epcis-event-hash" / "tests" / "examples";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "no conformance vectors at " << dir;
  int matched = 0, failed = 0, skipped = 0;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".hashes") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& hashes : files) {
    std::vector<std::string> expected = Lines(ReadFile(hashes));
    fs::path jsonld = fs::path(hashes).replace_extension(".jsonld");
    if (!fs::exists(jsonld)) {
      skipped += static_cast<int>(expected.size());
      continue;
    }
    Result<Document> doc = DecodeJsonDocument(ReadFile(jsonld));
    if (!doc.ok()) {
      ADD_FAILURE() << jsonld.filename() << ": " << doc.status().ToString();
      failed += static_cast<int>(expected.size());
      continue;
    }
    EventHashOptions options = HashOptionsOf(*doc);
    std::vector<std::string> prehashes;
    fs::path prehash_file = fs::path(hashes).replace_extension(".prehashes");
    if (fs::exists(prehash_file)) prehashes = Lines(ReadFile(prehash_file));
    for (std::size_t i = 0; i < expected.size(); ++i) {
      if (i >= doc->events.size()) {
        ADD_FAILURE() << jsonld.filename() << ": no event " << i;
        ++failed;
        continue;
      }
      std::string got = EventHashId(doc->events[i], options);
      if (got == expected[i]) {
        ++matched;
      } else {
        ++failed;
        ADD_FAILURE() << jsonld.filename() << " event " << i << ":\n  pre-hash  "
                      << EventPreHashString(doc->events[i], options) << "\n  reference "
                      << (i < prehashes.size() ? prehashes[i] : "(none)");
      }
    }
  }
  std::cout << "hashes: " << matched << " matched, " << failed << " failed, " << skipped
            << " skipped (xml)\n";
  EXPECT_EQ(failed, 0);
  EXPECT_GT(matched, 0);
}

TEST(EventHashConformance, ExpectedEqualGroupsHashEqual) {
  const fs::path dir = ConformanceDir() / "epcis-event-hash" / "tests" / "expected_equal";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "no conformance vectors at " << dir;
  int equal = 0, different = 0, skipped = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const fs::path& file = entry.path();
    if (file.extension() != ".json" && file.extension() != ".jsonld") {
      ++skipped;
      continue;
    }
    Result<Document> doc = DecodeJsonDocument(ReadFile(file));
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
  std::cout << "expected_equal: " << equal << " groups equal, " << different << " differ, "
            << skipped << " skipped (xml)\n";
  EXPECT_EQ(different, 0);
}

}  // namespace
}  // namespace txng::epcis
