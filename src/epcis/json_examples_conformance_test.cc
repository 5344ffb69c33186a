// Decodes every JSON-LD example of the EPCIS 2.0 standard (../shared/
// conformance/gs1-epcis/JSON and JSON-simple-context, located through
// TXNG_CONFORMANCE_DIR), encodes it back as JSON-LD and as XML and decodes
// the output again: the decoded documents must be equal field by field (the
// model is the normalised form), every event must keep its hash ID, and the
// JSON-LD events must carry the same members as the originals. The XML
// examples are decoded and round-tripped the same way. Examples the
// standard itself rejects are listed in kRejected with the reason and must
// fail to decode.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "epcis/conformance_files_testing.h"
#include "epcis/event_hash.h"
#include "epcis/json_decode.h"
#include "epcis/json_encode.h"
#include "epcis/xml_decode.h"
#include "epcis/xml_encode.h"

namespace txng::epcis {
namespace {

namespace fs = std::filesystem;

using conformance_files::ConformanceDir;
using conformance_files::ReadFile;

// Examples that break a rule of EPCIS 2.0 / CBV 2.0 (path relative to
// gs1-epcis/, reason).
const std::map<std::string, std::string>& Rejected() {
  static const auto* rejected = new std::map<std::string, std::string>{
      {"JSON-simple-context/Example-TransactionEvents-2020_07_03y.jsonld",
       "sourceList and destinationList are objects; the schema requires arrays"},
      {"JSON-simple-context/PersistentDisposition-example.jsonld",
       "events name their ID \"id\"; EPCIS 2.0 calls it eventID and allows no other plain "
       "member"},
      {"JSON-simple-context/WithFullCombinationOfFields/"
       "aggregation_event_all_possible_fields.jsonld",
       "a sensorElement has a \"type\" member, which the schema does not allow"},
      {"JSON-simple-context/WithFullCombinationOfFields/"
       "association_event_all_possible_fields.jsonld",
       "a sensorElement has a \"type\" member, which the schema does not allow"},
      {"JSON-simple-context/WithFullCombinationOfFields/object_event_all_possible_fields.jsonld",
       "a sensorElement has a \"type\" member, which the schema does not allow"},
      {"JSON-simple-context/WithFullCombinationOfFields/"
       "transaction_event_all_possible_fields.jsonld",
       "a sensorElement has a \"type\" member, which the schema does not allow"},
      {"JSON-simple-context/WithFullCombinationOfFields/"
       "transformation_event_all_possible_fields.jsonld",
       "a sensorElement has a \"type\" member, which the schema does not allow"},
      {"JSON-simple-context/WithSensorData/SensorDataExample12.jsonld",
       "the EPCISDocument has no schemaVersion, which the schema requires"},
      {"JSON-simple-context/WithSensorData/SensorDataExample14.jsonld",
       "a sensorElement has a \"type\" member, which the schema does not allow"},
      {"JSON-simple-context/WithSensorData/SensorDataExample15.jsonld",
       "a sensorElement has a \"type\" member, which the schema does not allow"},
      {"JSON-simple-context/WithSensorData/SensorDataExample17.jsonld",
       "schemaVersion is the number 2.0; the schema requires a string"},
  };
  return *rejected;
}

// The member names of the events of a JSON-LD document, in document order.
std::vector<std::set<std::string>> EventMembers(const nlohmann::json& doc) {
  const nlohmann::json* list = nullptr;
  if (doc.contains("epcisBody")) {
    const nlohmann::json& body = doc["epcisBody"];
    if (body.contains("eventList")) list = &body["eventList"];
    if (body.contains("queryResults")) list = &body["queryResults"]["resultsBody"]["eventList"];
  }
  std::vector<std::set<std::string>> out;
  auto members = [](const nlohmann::json& event) {
    std::set<std::string> names;
    for (const auto& [key, value] : event.items()) {
      // Empty lists carry nothing; @context is not an event member.
      if (key == "@context" || (value.is_array() && value.empty())) continue;
      names.insert(key);
    }
    return names;
  };
  if (list == nullptr) {
    out.push_back(members(doc));
  } else {
    for (const nlohmann::json& event : *list) out.push_back(members(event));
  }
  return out;
}

// Extension scalars as XML carries them: numbers and booleans become their
// text (XML has no JSON types), so that a JSON-LD event compares with its
// XML round trip.
void TextOnly(nlohmann::json& value) {
  if (value.is_structured()) {
    for (auto& child : value) TextOnly(child);
  } else if (!value.is_string() && !value.is_null()) {
    value = value.is_number_float() ? CanonicalNumber(value.get<double>()) : value.dump();
  }
}
void TextOnly(Extensions& extensions) {
  for (Extension& e : extensions) TextOnly(e.value);
}
Event TextOnly(Event e) {
  TextOnly(e.extensions);
  if (e.ilmd) TextOnly(*e.ilmd);
  if (e.read_point) TextOnly(e.read_point->extensions);
  if (e.biz_location) TextOnly(e.biz_location->extensions);
  if (e.error_declaration) TextOnly(e.error_declaration->extensions);
  for (SensorElement& s : e.sensor_elements) {
    TextOnly(s.extensions);
    if (s.metadata) TextOnly(s.metadata->extensions);
    for (SensorReport& r : s.reports) TextOnly(r.extensions);
  }
  return e;
}

// Events equal once extension scalars are text.
bool SameAfterXml(const std::vector<Event>& a, const std::vector<Event>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!(TextOnly(a[i]) == TextOnly(b[i]))) return false;
  }
  return true;
}

TEST(JsonExamplesConformance, RoundTripsEveryExample) {
  const fs::path root = ConformanceDir() / "gs1-epcis";
  if (!fs::is_directory(root)) GTEST_SKIP() << "no EPCIS examples at " << root;
  std::vector<fs::path> files;
  for (const char* folder : {"JSON", "JSON-simple-context"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / folder)) {
      std::string ext = entry.path().extension().string();
      if (entry.is_regular_file() && (ext == ".jsonld" || ext == ".json")) {
        files.push_back(entry.path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  int documents = 0, events = 0, rejected = 0;
  for (const fs::path& file : files) {
    const std::string name = fs::relative(file, root).string();
    const std::string text = ReadFile(file);
    Result<Document> doc = DecodeJsonDocument(text);
    if (auto it = Rejected().find(name); it != Rejected().end()) {
      EXPECT_FALSE(doc.ok()) << name << " is listed as rejected but decodes";
      std::cout << "rejected: " << name << ": " << it->second
                << "\n  (TXNG: " << doc.status().message() << ")\n";
      ++rejected;
      continue;
    }
    if (!doc.ok()) {
      ADD_FAILURE() << name << ": " << doc.status().ToString();
      continue;
    }
    const nlohmann::ordered_json encoded = EncodeJsonDocument(*doc);
    Result<Document> again = DecodeJsonDocument(encoded.dump());
    if (!again.ok()) {
      ADD_FAILURE() << name
                    << ": the encoded document does not decode: " << again.status().ToString()
                    << "\n"
                    << encoded.dump(2);
      continue;
    }
    EXPECT_EQ(again->events.size(), doc->events.size()) << name;
    for (std::size_t i = 0; i < doc->events.size() && i < again->events.size(); ++i) {
      EXPECT_TRUE(again->events[i] == doc->events[i])
          << name << " event " << i << " differs after encoding:\n"
          << encoded.dump(2);
      EXPECT_EQ(EventHashId(again->events[i]), EventHashId(doc->events[i])) << name;
    }
    const std::string xml = EncodeXmlDocument(*doc);
    Result<Document> from_xml = DecodeXmlDocument(xml);
    if (!from_xml.ok()) {
      ADD_FAILURE() << name
                    << ": the XML encoding does not decode: " << from_xml.status().ToString()
                    << "\n"
                    << xml;
      continue;
    }
    EXPECT_TRUE(SameAfterXml(from_xml->events, doc->events))
        << name << ": differs after XML encoding\n"
        << xml;
    EXPECT_EQ(again->extensions, doc->extensions) << name;
    EXPECT_EQ(again->header, doc->header) << name;
    std::vector<std::set<std::string>> before = EventMembers(nlohmann::json::parse(text));
    std::vector<std::set<std::string>> after = EventMembers(nlohmann::json::parse(encoded.dump()));
    EXPECT_EQ(after, before) << name << ": members differ";
    ++documents;
    events += static_cast<int>(doc->events.size());
  }
  std::cout << "examples: " << documents << " documents, " << events
            << " events round-tripped (JSON-LD and XML), " << rejected
            << " rejected by the standard\n";
  EXPECT_GT(documents, 0);
}

// The name of the root element of an XML text, without prefix.
std::string XmlRootName(const std::string& text) {
  std::size_t pos = 0;
  while ((pos = text.find('<', pos)) != std::string::npos) {
    if (text.compare(pos + 1, 1, "?") != 0 && text.compare(pos + 1, 1, "!") != 0) break;
    ++pos;
  }
  if (pos == std::string::npos) return {};
  std::size_t end = text.find_first_of(" \t\r\n/>", pos);
  std::string name = text.substr(pos + 1, end - pos - 1);
  return name.substr(name.find(':') + 1);
}

// Every XML event document among the examples decodes, and its events
// survive a JSON-LD round trip. Where the JSON folder holds an example of
// the same path and name, the pre-hash strings are compared and the twins
// that agree are counted; GS1's twins do not always carry the same data
// (e.g. certificationInfo only in JSON), so differing twins are listed, not
// failed; the hash vectors test JSON/XML equivalence strictly. Capture jobs
// and master data documents are not event documents and are counted apart.
TEST(XmlExamplesConformance, DecodesEveryExample) {
  const fs::path root = ConformanceDir() / "gs1-epcis";
  if (!fs::is_directory(root)) GTEST_SKIP() << "no EPCIS examples at " << root;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root / "XML")) {
    if (entry.is_regular_file() && entry.path().extension() == ".xml") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  int documents = 0, events = 0, twins = 0, differing_twins = 0, rejected = 0, others = 0;
  for (const fs::path& file : files) {
    const std::string name = fs::relative(file, root).string();
    const std::string text = ReadFile(file);
    const std::string root_name = XmlRootName(text);
    if (root_name != "EPCISDocument" && root_name != "EPCISQueryDocument") {
      std::cout << "not an event document: " << name << " (" << root_name << ")\n";
      ++others;
      continue;
    }
    Result<Document> doc = DecodeXmlDocument(text);
    if (auto it = Rejected().find(name); it != Rejected().end()) {
      EXPECT_FALSE(doc.ok()) << name << " is listed as rejected but decodes";
      std::cout << "rejected: " << name << ": " << it->second
                << "\n  (TXNG: " << doc.status().message() << ")\n";
      ++rejected;
      continue;
    }
    if (!doc.ok()) {
      ADD_FAILURE() << name << ": " << doc.status().ToString();
      continue;
    }
    ++documents;
    events += static_cast<int>(doc->events.size());
    Result<Document> again = DecodeJsonDocument(EncodeJsonDocument(*doc).dump());
    ASSERT_TRUE(again.ok()) << name << ": " << again.status().ToString();
    const std::string xml = EncodeXmlDocument(*doc);
    Result<Document> from_xml = DecodeXmlDocument(xml);
    ASSERT_TRUE(from_xml.ok()) << name << ": " << from_xml.status().ToString() << "\n" << xml;
    EXPECT_TRUE(from_xml->events == doc->events) << name << ": differs after XML encoding\n" << xml;
    EXPECT_EQ(from_xml->extensions, doc->extensions) << name;
    for (std::size_t i = 0; i < doc->events.size() && i < again->events.size(); ++i) {
      Document one, two;
      one.events = {doc->events[i]};
      two.events = {again->events[i]};
      EXPECT_TRUE(again->events[i] == doc->events[i])
          << name << " event " << i << " differs after JSON-LD encoding:\n"
          << EncodeJsonDocument(one).dump() << "\n"
          << EncodeJsonDocument(two).dump();
    }
    fs::path twin = root / "JSON" / fs::relative(file, root / "XML");
    twin.replace_extension(".jsonld");
    if (!fs::exists(twin)) continue;
    Result<Document> json = DecodeJsonDocument(ReadFile(twin));
    ASSERT_TRUE(json.ok()) << twin << ": " << json.status().ToString();
    std::string difference;
    if (json->events.size() != doc->events.size()) difference = "another number of events";
    for (std::size_t i = 0; difference.empty() && i < doc->events.size(); ++i) {
      const std::string a = EventPreHashString(doc->events[i]);
      const std::string b = EventPreHashString(json->events[i]);
      if (a == b) continue;
      std::size_t at = std::mismatch(a.begin(), a.end(), b.begin(), b.end()).first - a.begin();
      std::size_t from = at < 20 ? 0 : at - 20;
      difference = "event " + std::to_string(i) + ": XML …" + a.substr(from, 60) + "… JSON-LD …" +
                   b.substr(from, 60) + "…";
    }
    if (difference.empty()) {
      ++twins;
    } else {
      ++differing_twins;
      std::cout << "twin with other data: " << name << " (" << difference << ")\n";
    }
  }
  std::cout << "xml examples: " << documents << " documents, " << events << " events decoded and "
            << "round-tripped (JSON-LD and XML); JSON-LD twins: " << twins << " equal, "
            << differing_twins << " with other data; " << rejected << " rejected by the standard; "
            << others << " not event documents\n";
  EXPECT_GT(documents, 0);
}

}  // namespace
}  // namespace txng::epcis
