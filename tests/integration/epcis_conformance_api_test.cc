// GS1's EPCIS 2.0 examples (../shared/conformance/gs1-epcis, located through
// TXNG_CONFORMANCE_DIR) through the real REST API, on both backends.
//
// Every example document the standard accepts is captured with POST
// /epcis/capture by producer A (JSON-LD as application/ld+json, XML as
// application/xml), and every one of its events is read back with GET
// /epcis/events/{eventID} (the hash ID for events without eventID) as
// JSON-LD. The comparison is of decoded models: the input decoded by the
// epcis codecs against the answer decoded the same way. The model is the
// normalised form (CBV values as Web URIs, identifiers as canonical Digital
// Link URIs, CURIEs expanded), so a bare word in the input and a Web URI in
// the answer compare equal, while any dropped or altered field, sensor
// report attribute, extension or ilmd member does not. recordTime is the
// repository's (set at capture), so it is left out on both sides. Each
// document goes into an empty repository, since GS1 reuses eventIDs across
// examples of other content.
//
// Every JSON-LD answer is also written to a directory that one node process
// validates against EPCIS-JSON-Schema.json with ajv (tests/support/
// validate-epcis-json.mjs; ajv is installed by `npm ci` in tests/browser):
// a missing node or ajv fails the test. A few events of GS1's XML examples
// say what the JSON schema forbids (NotValidInJsonSchema, with reasons);
// their answers must be the invalid ones, no more and no fewer.
//
// Examples the standard itself rejects (the list and reasons are those of
// src/epcis/json_examples_conformance_test.cc) must be refused with 400
// ValidationException, storing nothing. XML documents that are not event
// documents (capture job and master data examples) are counted apart.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "epcis/conformance_files_testing.h"
#include "epcis/event_hash.h"
#include "epcis/json_decode.h"
#include "epcis/xml_decode.h"
#include "epcis/xml_encode.h"
#include "http/message.h"
#include "integration/app_fixture.h"

namespace txng {
namespace {

namespace fs = std::filesystem;

using epcis::conformance_files::ConformanceDir;
using epcis::conformance_files::ReadFile;

// Example documents that break a rule of EPCIS 2.0 (paths relative to
// gs1-epcis/); src/epcis/json_examples_conformance_test.cc gives the reasons.
const std::set<std::string>& Rejected() {
  static const auto* rejected = new std::set<std::string>{
      "JSON-simple-context/Example-TransactionEvents-2020_07_03y.jsonld",
      "JSON-simple-context/PersistentDisposition-example.jsonld",
      "JSON-simple-context/WithFullCombinationOfFields/"
      "aggregation_event_all_possible_fields.jsonld",
      "JSON-simple-context/WithFullCombinationOfFields/"
      "association_event_all_possible_fields.jsonld",
      "JSON-simple-context/WithFullCombinationOfFields/object_event_all_possible_fields.jsonld",
      "JSON-simple-context/WithFullCombinationOfFields/"
      "transaction_event_all_possible_fields.jsonld",
      "JSON-simple-context/WithFullCombinationOfFields/"
      "transformation_event_all_possible_fields.jsonld",
      "JSON-simple-context/WithSensorData/SensorDataExample12.jsonld",
      "JSON-simple-context/WithSensorData/SensorDataExample14.jsonld",
      "JSON-simple-context/WithSensorData/SensorDataExample15.jsonld",
      "JSON-simple-context/WithSensorData/SensorDataExample17.jsonld",
  };
  return *rejected;
}

// Events of GS1's XML examples whose JSON-LD form the JSON schema rejects
// because of what they say, not how TXNG writes it (the XML schema is more
// permissive): their answers must stay invalid, every other must be valid.
const std::map<std::string, std::string>& NotValidInJsonSchema() {
  static const std::string kPersistent =
      "an AggregationEvent with persistentDisposition, which the JSON schema allows in "
      "ObjectEvent and TransformationEvent only";
  static const std::string kDoseRate =
      "sensorReport type gs1:EffectiveDoseRate, not a measurement type of the JSON schema";
  static const auto* invalid = new std::map<std::string, std::string>{
      {"XML/Example-PersistentDisposition.xml event 0", kPersistent},
      {"XML/Example-PersistentDisposition.xml event 1", kPersistent},
      {"XML/WithExtension/TransactionEvent.xml event 0", kDoseRate},
      {"XML/WithSensorData/SensorDataExamples.xml event 7",
       "sensorReport type gs1:Molar_concentration, not a measurement type of the JSON schema"},
      {"XML/WithSensorData/SensorDataExamples.xml event 8",
       "sensorReports without a type, which the JSON schema requires"},
      {"XML/WithSensorData/SensorDataExamples.xml event 10", kDoseRate},
  };
  return *invalid;
}

// The file name an answer body is kept under.
std::string BodyFileName(const std::string& what) {
  std::string stem = what;
  for (char& ch : stem) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return stem + ".json";
}

// The name of the root element of an XML text, without prefix.
std::string XmlRootName(const std::string& text) {
  std::size_t pos = 0;
  while ((pos = text.find('<', pos)) != std::string::npos) {
    if (text.compare(pos + 1, 1, "?") != 0 && text.compare(pos + 1, 1, "!") != 0) break;
    ++pos;
  }
  if (pos == std::string::npos) return {};
  const std::size_t end = text.find_first_of(" \t\r\n/>", pos);
  const std::string name = text.substr(pos + 1, end - pos - 1);
  return name.substr(name.find(':') + 1);
}

bool IsXml(const fs::path& file) { return file.extension() == ".xml"; }

// The example files of `folder` (relative to gs1-epcis/), sorted.
std::vector<fs::path> ExampleFiles(const fs::path& root, const std::string& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root / folder)) {
    const std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".jsonld" || ext == ".json" || ext == ".xml")) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

Result<epcis::Document> DecodeExample(const fs::path& file, const std::string& text) {
  return IsXml(file) ? epcis::DecodeXmlDocument(text) : epcis::DecodeJsonDocument(text);
}

// An event as the comparison sees it: recordTime is the repository's.
epcis::Event WithoutRecordTime(epcis::Event e) {
  e.record_time.clear();
  return e;
}

// The key GET /epcis/events/{eventID} answers to: the eventID, else the
// hash ID the repository computed at capture.
std::string EventKey(const epcis::Event& e, const epcis::EventHashOptions& options) {
  return e.event_id.empty() ? epcis::EventHashId(e, options) : e.event_id;
}

class EpcisConformanceApiTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    root_ = ConformanceDir() / "gs1-epcis";
    if (!fs::is_directory(root_)) GTEST_SKIP() << "no EPCIS examples at " << root_;
    producer_a_ = Login("producer_a");
    bodies_ = fs::temp_directory_path() / ("txng-epcis-bodies-" + std::to_string(::getpid()) + "-" +
                                           std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::remove_all(bodies_);
    fs::create_directories(bodies_);
  }

  void TearDown() override {
    if (!bodies_.empty() && !HasFailure()) fs::remove_all(bodies_);
    AppTest::TearDown();
  }

  // POST /epcis/capture of `text` as producer A; the finished job, or a
  // failure when the capture is not accepted.
  nlohmann::json CaptureJob(const fs::path& file, const std::string& text) {
    test::HttpHeaders headers = producer_a_.Headers(false);
    headers.emplace_back("Content-Type", IsXml(file) ? "application/xml" : "application/ld+json");
    auto accepted = client_->Request("POST", "/epcis/capture", text, headers);
    EXPECT_EQ(accepted.status, 202) << file << ": " << accepted.body;
    if (accepted.status != 202) return nullptr;
    capture_->WaitIdle();
    auto job = Call("GET", accepted.Header("location").value_or(""), producer_a_);
    EXPECT_EQ(job.status, 200) << job.body;
    return Json(job);
  }

  // GET /epcis/events/{key} as JSON-LD: the answer's body is kept for the
  // schema check, and the event with (or without) an errorDeclaration, as
  // `want` has one, is returned decoded.
  std::optional<epcis::Event> ReadBack(const std::string& key, const epcis::Event& want,
                                       const std::string& what) {
    test::HttpHeaders headers = producer_a_.Headers(false);
    headers.emplace_back("Accept", "application/ld+json");
    auto r = client_->Get("/epcis/events/" + http::PercentEncode(key), headers);
    EXPECT_EQ(r.status, 200) << what << ": " << r.body;
    if (r.status != 200) return std::nullopt;
    EXPECT_EQ(r.Header("content-type"), "application/ld+json") << what;
    std::ofstream(bodies_ / BodyFileName(what)) << r.body;
    ++bodies_written_;
    Result<epcis::Document> answer = epcis::DecodeJsonDocument(r.body);
    EXPECT_TRUE(answer.ok()) << what
                             << ": the answer does not decode: " << answer.status().ToString()
                             << "\n"
                             << r.body;
    if (!answer.ok()) return std::nullopt;
    for (const epcis::Event& e : answer->events) {
      if (e.error_declaration.has_value() == want.error_declaration.has_value()) return e;
    }
    ADD_FAILURE() << what << ": the answer lacks the event\n" << r.body;
    return std::nullopt;
  }

  // Validates every kept answer body with ajv in one node process: all are
  // valid but those NotValidInJsonSchema() lists, which are invalid.
  void ExpectBodiesMatchSchema() {
    const std::string command =
        std::string("\"") + TXNG_NODE_EXECUTABLE + "\" \"" + TXNG_SCHEMA_VALIDATOR + "\" \"" +
        (root_ / "EPCIS-JSON-Schema.json").string() + "\" \"" + bodies_.string() + "\" 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr) << command;
    std::string output;
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
    const int status = ::pclose(pipe);
    ASSERT_TRUE(WIFEXITED(status)) << command;
    std::set<std::string> expected_invalid, invalid;
    for (const auto& [what, reason] : NotValidInJsonSchema()) {
      if (fs::exists(bodies_ / BodyFileName(what))) {
        expected_invalid.insert(BodyFileName(what));
        std::cout << "not valid in the JSON schema, as expected: " << what << ": " << reason
                  << "\n";
      }
    }
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("invalid: ", 0) == 0) invalid.insert(fs::path(line.substr(9)).filename());
    }
    EXPECT_EQ(WEXITSTATUS(status), expected_invalid.empty() ? 0 : 1) << command << "\n" << output;
    EXPECT_EQ(invalid, expected_invalid) << output;
    const std::string summary = "validated " + std::to_string(bodies_written_) + " files, " +
                                std::to_string(expected_invalid.size()) + " invalid";
    EXPECT_NE(output.find(summary), std::string::npos) << output;
    std::cout << "JSON Schema (ajv): " << summary << "\n";
  }

  // Captures every example of `folder` and compares each event read back.
  void CaptureAndCompareFolder(const std::string& folder) {
    int documents = 0, events = 0, rejected = 0, others = 0;
    for (const fs::path& file : ExampleFiles(root_, folder)) {
      const std::string name = fs::relative(file, root_).string();
      const std::string text = ReadFile(file);
      if (IsXml(file) && XmlRootName(text) != "EPCISDocument" &&
          XmlRootName(text) != "EPCISQueryDocument") {
        ++others;
        continue;
      }
      if (Rejected().count(name) != 0) {
        test::HttpHeaders headers = producer_a_.Headers(false);
        headers.emplace_back("Content-Type", "application/ld+json");
        const int64_t before = EventRows();
        auto refused = client_->Request("POST", "/epcis/capture", text, headers);
        EXPECT_EQ(refused.status, 400) << name << ": " << refused.body;
        EXPECT_EQ(Json(refused)["type"], "epcisException:ValidationException") << name;
        EXPECT_EQ(EventRows(), before) << name;
        ++rejected;
        continue;
      }
      Result<epcis::Document> doc = DecodeExample(file, text);
      ASSERT_TRUE(doc.ok()) << name << ": " << doc.status().ToString();
      ForgetEvents();
      const nlohmann::json job = CaptureJob(file, text);
      if (job.is_null()) continue;
      const int n = static_cast<int>(doc->events.size());
      EXPECT_EQ(job["success"], true) << name << ": " << job.dump();
      EXPECT_EQ(job["eventCount"], n) << name;
      EXPECT_EQ(job["storedEventCount"], n) << name << ": " << job.dump();
      const epcis::EventHashOptions options = epcis::HashOptionsOf(*doc);
      for (int i = 0; i < n; ++i) {
        const epcis::Event& want = doc->events[i];
        const std::string what = name + " event " + std::to_string(i);
        std::optional<epcis::Event> got = ReadBack(EventKey(want, options), want, what);
        if (!got) continue;
        EXPECT_TRUE(WithoutRecordTime(*got) == WithoutRecordTime(want))
            << what << " differs when read back:\n"
            << "read back: " << epcis::EventPreHashString(*got, options) << "\n"
            << "captured:  " << epcis::EventPreHashString(want, options);
        EXPECT_EQ(epcis::EventHashId(*got, options), epcis::EventHashId(want, options)) << what;
        ++events;
      }
      ++documents;
    }
    std::cout << "GS1 examples through the API (" << folder << "): " << documents
              << " documents captured, " << events << " events read back and compared, " << rejected
              << " documents rejected as the standard requires, " << others
              << " not event documents\n";
    EXPECT_GT(documents, 0);
    EXPECT_EQ(events, bodies_written_);
    ExpectBodiesMatchSchema();
  }

  // Empties the event repository. GS1's examples reuse eventIDs across
  // documents for events of other content (the "all possible fields"
  // examples share one), and a repository keeps the first event of an
  // eventID; so each document is captured into an empty repository.
  void ForgetEvents() {
    Status s = store_->db().Transact(TxMode::kWrite, [&](SqlConnection& c) -> Status {
      for (const char* table : {"epcis_event_epcs", "epcis_event_quantities", "epcis_event_links",
                                "epcis_event_fields", "epcis_sensor_reports", "epcis_events"}) {
        TXNG_RETURN_IF_ERROR(c.Run(std::string("DELETE FROM ") + table).status());
      }
      return Status::Ok();
    });
    ASSERT_TRUE(IsOk(s)) << s.ToString();
  }

  int64_t EventRows() {
    int64_t n = -1;
    Status s = store_->db().Transact(TxMode::kRead, [&](SqlConnection& c) -> Status {
      TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run("SELECT COUNT(*) FROM epcis_events"));
      n = r.rows.at(0).Int(0);
      return Status::Ok();
    });
    EXPECT_TRUE(IsOk(s));
    return n;
  }

  fs::path root_;
  fs::path bodies_;
  int bodies_written_ = 0;
  Caller producer_a_;
};

TEST_P(EpcisConformanceApiTest, JsonLdExamplesReadBackUnchanged) {
  CaptureAndCompareFolder("JSON");
}

TEST_P(EpcisConformanceApiTest, SimpleContextExamplesReadBackUnchanged) {
  CaptureAndCompareFolder("JSON-simple-context");
}

TEST_P(EpcisConformanceApiTest, XmlExamplesReadBackUnchanged) { CaptureAndCompareFolder("XML"); }

// Extension scalars as XML carries them: numbers and booleans become their
// text (XML has no JSON types), so that an event captured as JSON-LD
// compares with its XML form.
void TextOnly(nlohmann::json& value) {
  if (value.is_structured()) {
    for (auto& child : value) TextOnly(child);
  } else if (!value.is_string() && !value.is_null()) {
    value = value.is_number_float() ? epcis::CanonicalNumber(value.get<double>()) : value.dump();
  }
}
void TextOnly(epcis::Extensions& extensions) {
  for (epcis::Extension& e : extensions) TextOnly(e.value);
}
epcis::Event TextOnly(epcis::Event e) {
  TextOnly(e.extensions);
  if (e.ilmd) TextOnly(*e.ilmd);
  if (e.read_point) TextOnly(e.read_point->extensions);
  if (e.biz_location) TextOnly(e.biz_location->extensions);
  if (e.error_declaration) TextOnly(e.error_declaration->extensions);
  for (epcis::SensorElement& s : e.sensor_elements) {
    TextOnly(s.extensions);
    if (s.metadata) TextOnly(s.metadata->extensions);
    for (epcis::SensorReport& r : s.reports) TextOnly(r.extensions);
  }
  return e;
}

// The XML and the JSON-LD form of one example give the same stored events
// with the same hash IDs. GS1's XML examples with a JSON-LD twin all carry
// other data than the twin (certificationInfo only in JSON-LD, another
// action or quantity; src/epcis/json_examples_conformance_test.cc lists
// them), so the XML form of each JSON-LD example is written with TXNG's XML
// encoder. Each form is captured into an empty repository and read back;
// the answers must be equal (extension scalars compared as text, which is
// all XML can carry) and hash alike, and capturing the XML form after the
// JSON-LD one stores nothing new.
TEST_P(EpcisConformanceApiTest, XmlAndJsonLdFormsStoreTheSameEvents) {
  int documents = 0, events = 0;
  for (const fs::path& json : ExampleFiles(root_, "JSON")) {
    const std::string name = fs::relative(json, root_).string();
    const std::string json_text = ReadFile(json);
    Result<epcis::Document> doc = DecodeExample(json, json_text);
    ASSERT_TRUE(doc.ok()) << name << ": " << doc.status().ToString();
    const std::string xml_text = epcis::EncodeXmlDocument(*doc);
    const fs::path xml = fs::path(name).replace_extension(".xml");
    const int n = static_cast<int>(doc->events.size());
    const epcis::EventHashOptions options = epcis::HashOptionsOf(*doc);

    auto capture_and_read = [&](const fs::path& file, const std::string& text,
                                const std::string& label) {
      std::vector<epcis::Event> out;
      ForgetEvents();
      const nlohmann::json job = CaptureJob(file, text);
      EXPECT_EQ(job["storedEventCount"], n) << name << " " << label << ": " << job.dump();
      for (int i = 0; i < n; ++i) {
        const epcis::Event& want = doc->events[i];
        std::optional<epcis::Event> got = ReadBack(
            EventKey(want, options), want, name + " " + label + " event " + std::to_string(i));
        if (got) out.push_back(WithoutRecordTime(*got));
      }
      return out;
    };
    const std::vector<epcis::Event> from_json = capture_and_read(json, json_text, "as JSON-LD");
    const std::vector<epcis::Event> from_xml = capture_and_read(xml, xml_text, "as XML");
    ASSERT_EQ(from_json.size(), static_cast<std::size_t>(n)) << name;
    ASSERT_EQ(from_xml.size(), static_cast<std::size_t>(n)) << name;
    for (int i = 0; i < n; ++i) {
      EXPECT_EQ(epcis::EventHashId(from_xml[i], options), epcis::EventHashId(from_json[i], options))
          << name << " event " << i;
      EXPECT_TRUE(TextOnly(from_xml[i]) == TextOnly(from_json[i]))
          << name << " event " << i << " differs between its XML and JSON-LD captures:\n"
          << "  from XML: " << epcis::EventPreHashString(from_xml[i], options) << "\n"
          << "  JSON-LD:  " << epcis::EventPreHashString(from_json[i], options);
    }
    // The XML form finds every event of the JSON-LD form already stored.
    ForgetEvents();
    ASSERT_EQ(CaptureJob(json, json_text)["storedEventCount"], n) << name;
    const nlohmann::json again = CaptureJob(xml, xml_text);
    EXPECT_EQ(again["storedEventCount"], 0) << name << ": " << again.dump();
    EXPECT_EQ(again["duplicateEventCount"], n) << name << ": " << again.dump();
    ++documents;
    events += n;
  }
  std::cout << "XML and JSON-LD forms through the API: " << documents << " documents, " << events
            << " events stored alike with equal hash IDs\n";
  EXPECT_GT(documents, 0);
}

TXNG_INSTANTIATE_BACKENDS(EpcisConformanceApiTest);

}  // namespace
}  // namespace txng
