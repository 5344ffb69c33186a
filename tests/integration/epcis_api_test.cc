// The EPCIS REST bindings over HTTP, on both backends.
#include <gtest/gtest.h>

#include "epcis/event_hash.h"
#include "epcis/json_decode.h"
#include "http/message.h"
#include "integration/app_fixture.h"

namespace txng {
namespace {

class EpcisApiTest : public AppTest {
 protected:
  // An ObjectEvent of organisation A's GTIN 08930001000018, serial `serial`.
  static std::string ObjectEvent(const std::string& serial, const std::string& biz_step,
                                 const std::string& time = "2026-03-01T08:00:00+07:00") {
    return R"({"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
      "type": "ObjectEvent", "eventTime": ")" +
           time + R"(", "eventTimeZoneOffset": "+07:00", "action": "OBSERVE",
      "epcList": ["https://id.gs1.org/01/08930001000018/21/)" +
           serial + R"("], "bizStep": ")" + biz_step + R"("})";
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

  static size_t EventCount(const test::HttpResponse& r) {
    return Json(r)["epcisBody"]["queryResults"]["resultsBody"]["eventList"].size();
  }

  static std::string ProblemType(const test::HttpResponse& r) {
    return Json(r)["type"].get<std::string>();
  }
};

TEST_P(EpcisApiTest, CapturedEventIsQueryableByItsOwnerAndTheReviewersOnly) {
  Caller producer_a = Login("producer_a");
  auto created = Call("POST", "/epcis/events", producer_a, ObjectEvent("A1", "shipping"));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string location = created.Header("location").value_or("");
  ASSERT_EQ(location.rfind("/epcis/events/ni%3A%2F%2F%2Fsha-256%3B", 0), 0u) << location;
  EXPECT_EQ(created.Header("gs1-epcis-version"), "2.0.0");
  EXPECT_EQ(Json(created)["epcList"][0], "https://id.gs1.org/01/08930001000018/21/A1");

  auto own = Call("GET", location, producer_a);
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(Json(own)["type"], "EPCISQueryDocument");
  EXPECT_EQ(EventCount(own), 1u);
  // Pending review: invisible to the public and to other organisations.
  EXPECT_EQ(Call("GET", location, Caller{}).status, 404);
  EXPECT_EQ(Call("GET", location, Login("producer_b")).status, 404);
  EXPECT_EQ(EventCount(Call("GET", "/epcis/events", Caller{})), 0u);
  EXPECT_EQ(EventCount(Call("GET", "/epcis/events", Login("reviewer"))), 1u);
}

TEST_P(EpcisApiTest, DuplicatesAndInvalidEventsChangeNothing) {
  Caller producer_a = Login("producer_a");
  ASSERT_EQ(Call("POST", "/epcis/events", producer_a, ObjectEvent("A1", "shipping")).status, 201);
  const int64_t rows = EventRows();
  auto again = Call("POST", "/epcis/events", producer_a, ObjectEvent("A1", "shipping"));
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(ProblemType(again), "epcisException:ResourceAlreadyExistsException");

  // Check digit 7 instead of 8.
  std::string bad = ObjectEvent("A1", "receiving");
  bad.replace(bad.find("08930001000018"), 14, "08930001000017");
  auto invalid = Call("POST", "/epcis/events", producer_a, bad);
  EXPECT_EQ(invalid.status, 400) << invalid.body;
  EXPECT_EQ(ProblemType(invalid), "epcisException:ValidationException");
  EXPECT_NE(Json(invalid)["detail"].get<std::string>().find("/epcList/0"), std::string::npos)
      << invalid.body;
  EXPECT_EQ(Call("POST", "/epcis/events", producer_a, "{not json").status, 400);

  auto anonymous = Call("POST", "/epcis/events", Caller{}, ObjectEvent("A2", "shipping"));
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(ProblemType(anonymous), "epcisException:SecurityException");
  EXPECT_EQ(EventRows(), rows);
}

TEST_P(EpcisApiTest, QueryParametersPagesAndIdentifierFormat) {
  Caller producer_a = Login("producer_a");
  for (int i = 1; i <= 3; ++i) {
    ASSERT_EQ(Call("POST", "/epcis/events", producer_a,
                   ObjectEvent("S" + std::to_string(i), i == 2 ? "receiving" : "shipping",
                               "2026-03-0" + std::to_string(i) + "T08:00:00+07:00"))
                  .status,
              201);
  }
  auto shipping =
      Call("GET", "/epcis/events?EQ_bizStep=urn:epcglobal:cbv:bizstep:shipping", producer_a);
  ASSERT_EQ(shipping.status, 200) << shipping.body;
  EXPECT_EQ(EventCount(shipping), 2u);

  auto one = Call(
      "GET", "/epcis/events?MATCH_epc=" + http::PercentEncode("urn:epc:id:sgtin:8930001.000001.S2"),
      producer_a);
  ASSERT_EQ(EventCount(one), 1u);
  EXPECT_EQ(Json(one)["epcisBody"]["queryResults"]["resultsBody"]["eventList"][0]["bizStep"],
            "receiving");

  // Pages of one, newest event time first, by following Link rel="next".
  std::string target = "/epcis/events?orderBy=eventTime&perPage=1";
  std::vector<std::string> serials;
  for (int page = 0; page < 5 && !target.empty(); ++page) {
    auto r = Call("GET", target, producer_a);
    ASSERT_EQ(r.status, 200) << r.body;
    const nlohmann::json doc = Json(r);  // the loop must not iterate a temporary's member
    for (const auto& e : doc["epcisBody"]["queryResults"]["resultsBody"]["eventList"]) {
      const std::string epc = e["epcList"][0];
      serials.push_back(epc.substr(epc.rfind('/') + 1));
    }
    const std::string link = r.Header("link").value_or("");
    target = link.empty() ? "" : link.substr(1, link.find('>') - 1);
  }
  EXPECT_EQ(serials, (std::vector<std::string>{"S3", "S2", "S1"}));

  auto urn = Call("GET", "/epcis/events?EQ_bizStep=receiving", producer_a);
  test::HttpHeaders headers = producer_a.Headers(false);
  headers.emplace_back("GS1-EPC-Format", "Always_EPC_URN");
  auto as_urn = client_->Get("/epcis/events?EQ_bizStep=receiving", headers);
  ASSERT_EQ(as_urn.status, 200) << as_urn.body;
  EXPECT_EQ(Json(as_urn)["epcisBody"]["queryResults"]["resultsBody"]["eventList"][0]["epcList"][0],
            "urn:epc:id:sgtin:8930001.000001.S2");
  EXPECT_EQ(urn.status, 200);

  headers = producer_a.Headers(false);
  headers.emplace_back("Accept", "application/xml");
  headers.emplace_back("GS1-CBV-XML-Format", "Always_URN");
  auto xml = client_->Get("/epcis/events?EQ_bizStep=receiving", headers);
  ASSERT_EQ(xml.status, 200) << xml.body;
  EXPECT_EQ(xml.Header("content-type"), "application/xml; charset=utf-8");
  EXPECT_NE(xml.body.find("<bizStep>urn:epcglobal:cbv:bizstep:receiving</bizStep>"),
            std::string::npos)
      << xml.body;
  EXPECT_NE(xml.body.find("https://id.gs1.org/01/08930001000018/21/S2"), std::string::npos);
  headers.back().second = "Sometimes";
  auto bad_header = client_->Get("/epcis/events", headers);
  EXPECT_EQ(bad_header.status, 400);
  EXPECT_EQ(ProblemType(bad_header), "epcisException:QueryParameterException");
}

TEST_P(EpcisApiTest, BadQueriesAreQueryParameterOrImplementationExceptions) {
  Caller producer_a = Login("producer_a");
  auto bad = Call("GET", "/epcis/events?EQ_action=MAYBE", producer_a);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(ProblemType(bad), "epcisException:QueryParameterException");
  EXPECT_EQ(Json(bad)["detail"],
            "query parameter EQ_action: must be ADD, OBSERVE or DELETE, got "
            "\"MAYBE\"");
  auto conflict =
      Call("GET", "/epcis/events?orderBy=eventTime&eventCountLimit=1&maxEventCount=1", producer_a);
  EXPECT_EQ(conflict.status, 400);
  auto unanswered =
      Call("GET", "/epcis/events?EQ_SENSORREPORT_https://ns.example.com/epcis/x=1", producer_a);
  EXPECT_EQ(unanswered.status, 501);
  EXPECT_EQ(ProblemType(unanswered), "epcisException:ImplementationException");
  for (const char* serial : {"M1", "M2"}) {
    ASSERT_EQ(Call("POST", "/epcis/events", producer_a, ObjectEvent(serial, "shipping")).status,
              201);
  }
  auto too_many = Call("GET", "/epcis/events?maxEventCount=1", producer_a);
  EXPECT_EQ(too_many.status, 413) << too_many.body;
  EXPECT_EQ(ProblemType(too_many), "epcisException:QueryTooLargeException");
  EXPECT_EQ(EventCount(Call("GET", "/epcis/events?maxEventCount=2", producer_a)), 2u);
  auto missing = Call("GET", "/epcis/events/urn:uuid:nothing", producer_a);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(ProblemType(missing), "epcisException:NoSuchResourceException");
}

TEST_P(EpcisApiTest, ExtensionQuantityDispositionErrorAndPatternParameters) {
  Caller producer_a = Login("producer_a");
  const std::string context =
      R"("@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
          {"ex": "https://ns.example.com/epcis/"}], "type": "ObjectEvent",
          "eventTimeZoneOffset": "+07:00", "action": "OBSERVE", )";
  const std::string warm =
      "{" + context + R"("eventID": "urn:uuid:warm", "eventTime": "2026-03-01T08:00:00+07:00",
      "epcList": ["https://id.gs1.org/01/08930001000018/21/X1"],
      "quantityList": [{"epcClass": "https://id.gs1.org/01/08930001000018/10/L1",
                        "quantity": 12, "uom": "KGM"}],
      "persistentDisposition": {"set": ["completeness_verified"]},
      "ex:temperature": 21.5, "ex:farm": {"ex:plot": "P7"}})";
  const std::string cool =
      "{" + context + R"("eventID": "urn:uuid:cool", "eventTime": "2026-03-02T08:00:00+07:00",
      "epcList": ["https://id.gs1.org/01/08930001000025/21/X2"], "ex:temperature": 8})";
  const std::string retraction =
      "{" + context + R"("eventID": "urn:uuid:cool", "eventTime": "2026-03-02T08:00:00+07:00",
      "epcList": ["https://id.gs1.org/01/08930001000025/21/X2"], "ex:temperature": 8,
      "errorDeclaration": {"declarationTime": "2026-03-03T08:00:00Z",
                           "reason": "incorrect_data"}})";
  for (const std::string* event : {&warm, &cool, &retraction}) {
    auto r = Call("POST", "/epcis/events", producer_a, *event);
    ASSERT_EQ(r.status, 201) << r.body;
  }
  auto event_ids = [&](const std::string& query) {
    auto r = Call("GET", "/epcis/events?" + query, producer_a);
    EXPECT_EQ(r.status, 200) << query << ": " << r.body;
    std::vector<std::string> ids;
    const nlohmann::json doc = Json(r);
    for (const auto& e : doc["epcisBody"]["queryResults"]["resultsBody"]["eventList"]) {
      ids.push_back(e["eventID"].get<std::string>() +
                    (e.contains("errorDeclaration") ? " (declaration)" : ""));
    }
    return ids;
  };
  const std::string temperature = http::PercentEncode("https://ns.example.com/epcis/temperature");
  EXPECT_EQ(event_ids("GT_" + temperature + "=20"), std::vector<std::string>{"urn:uuid:warm"});
  EXPECT_EQ(event_ids("LE_" + temperature + "=8&EXISTS_errorDeclaration=false"),
            (std::vector<std::string>{"urn:uuid:cool", "urn:uuid:cool (declaration)"}));
  EXPECT_EQ(
      event_ids("EQ_INNER_" + http::PercentEncode("https://ns.example.com/epcis/plot") + "=P7"),
      std::vector<std::string>{"urn:uuid:warm"});
  EXPECT_EQ(event_ids("GE_quantity=12&LT_quantity=13"), std::vector<std::string>{"urn:uuid:warm"});
  EXPECT_EQ(event_ids("EQ_persistentDisposition_set=completeness_verified"),
            std::vector<std::string>{"urn:uuid:warm"});
  EXPECT_EQ(event_ids("EXISTS_errorDeclaration=true&EQ_errorReason=incorrect_data"),
            std::vector<std::string>{"urn:uuid:cool (declaration)"});
  EXPECT_EQ(
      event_ids("GE_errorDeclarationTime=" + http::PercentEncode("2026-03-03T15:00:01+07:00")),
      std::vector<std::string>{});
  // Every GTIN of company prefix 8930001, serials starting with X.
  EXPECT_EQ(
      event_ids("MATCH_epc=" + http::PercentEncode("urn:epc:idpat:sgtin:8930001.*.*") +
                "&EXISTS_errorDeclaration=false&orderBy=eventTime&orderDirection=ASC"),
      (std::vector<std::string>{"urn:uuid:warm", "urn:uuid:cool", "urn:uuid:cool (declaration)"}));
  EXPECT_EQ(event_ids("MATCH_epc=" + http::PercentEncode("urn:epc:idpat:sgtin:8930002.*.*")),
            std::vector<std::string>{});

  auto bad = Call("GET", "/epcis/events?GT_quantity=lots", producer_a);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(ProblemType(bad), "epcisException:QueryParameterException");
  EXPECT_EQ(Json(bad)["detail"], "query parameter GT_quantity: must be a number, got \"lots\"");
  auto curie = Call("GET", "/epcis/events?EQ_ex:temperature=8", producer_a);
  EXPECT_EQ(curie.status, 400);
  EXPECT_NE(Json(curie)["detail"].get<std::string>().find("declares no namespace prefixes"),
            std::string::npos)
      << curie.body;

  // Pages of one by the temperature, following Link rel="next".
  std::string target = "/epcis/events?orderBy=" + temperature + "&orderDirection=ASC&perPage=1";
  std::vector<std::string> ordered;
  for (int page = 0; page < 5 && !target.empty(); ++page) {
    auto r = Call("GET", target, producer_a);
    ASSERT_EQ(r.status, 200) << r.body;
    const nlohmann::json doc = Json(r);
    for (const auto& e : doc["epcisBody"]["queryResults"]["resultsBody"]["eventList"]) {
      for (const auto& [key, value] : e.items()) {
        // The answer names the namespace with a prefix of its own.
        if (key.ends_with(":temperature")) ordered.push_back(value.dump());
      }
    }
    const std::string link = r.Header("link").value_or("");
    target = link.empty() ? "" : link.substr(1, link.find('>') - 1);
  }
  EXPECT_EQ(ordered, (std::vector<std::string>{"8", "8", "21.5"}));
}

// An EPCISDocument of ObjectEvents, one per serial.
std::string Document(const std::vector<std::string>& serials) {
  std::string events;
  for (const std::string& serial : serials) {
    if (!events.empty()) events += ",";
    events += R"({"type": "ObjectEvent", "eventTime": "2026-03-01T08:00:00+07:00",
        "eventTimeZoneOffset": "+07:00", "action": "OBSERVE", "bizStep": "shipping",
        "epcList": ["https://id.gs1.org/01/08930001000018/21/)" +
              serial + R"("]})";
  }
  return R"({"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
    "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-03-01T09:00:00Z",
    "epcisBody": {"eventList": [)" +
         events + "]}}";
}

TEST_P(EpcisApiTest, AsynchronousCaptureJobs) {
  Caller producer_a = Login("producer_a");
  auto accepted = Call("POST", "/epcis/capture", producer_a, Document({"C1", "C2"}));
  ASSERT_EQ(accepted.status, 202) << accepted.body;
  const std::string location = accepted.Header("location").value_or("");
  ASSERT_EQ(location.rfind("/epcis/capture/", 0), 0u) << location;
  EXPECT_EQ(accepted.Header("gs1-epcis-capture-limit"), "10000");
  capture_->WaitIdle();
  auto job = Call("GET", location, producer_a);
  ASSERT_EQ(job.status, 200) << job.body;
  EXPECT_EQ(Json(job)["running"], false);
  EXPECT_EQ(Json(job)["success"], true);
  EXPECT_EQ(Json(job)["captureErrorBehaviour"], "rollback");
  EXPECT_EQ(Json(job)["storedEventCount"], 2);
  EXPECT_EQ(EventRows(), 2);
  // Other organisations do not see the job; the list is the caller's own.
  EXPECT_EQ(Call("GET", location, Login("producer_b")).status, 404);
  EXPECT_EQ(Json(Call("GET", "/epcis/capture", Login("producer_b"))).size(), 0u);
  EXPECT_EQ(Json(Call("GET", "/epcis/capture", producer_a)).size(), 1u);
  EXPECT_EQ(Call("GET", "/epcis/capture", Caller{}).status, 401);
}

TEST_P(EpcisApiTest, CaptureErrorBehaviourRollbackOrProceed) {
  Caller producer_a = Login("producer_a");
  std::string doc = Document({"R1", "R2", "R3"});
  const std::size_t second = doc.find("\"OBSERVE\"", doc.find("R1"));
  doc.replace(second, 9, "\"LOOKED\"");  // the second event's action
  auto rejected = Call("POST", "/epcis/capture", producer_a, doc);
  EXPECT_EQ(rejected.status, 400) << rejected.body;
  EXPECT_EQ(ProblemType(rejected), "epcisException:ValidationException");
  EXPECT_EQ(Json(Call("GET", "/epcis/capture", producer_a)).size(), 0u);

  test::HttpHeaders headers = producer_a.Headers();
  headers.emplace_back("GS1-Capture-Error-Behaviour", "proceed");
  auto proceeded = client_->Request("POST", "/epcis/capture", doc, headers);
  ASSERT_EQ(proceeded.status, 202) << proceeded.body;
  capture_->WaitIdle();
  auto job = Json(Call("GET", proceeded.Header("location").value_or(""), producer_a));
  EXPECT_EQ(job["success"], false);
  EXPECT_EQ(job["running"], false);
  EXPECT_EQ(job["eventCount"], 3);
  EXPECT_EQ(job["storedEventCount"], 2);
  ASSERT_EQ(job["errors"].size(), 1u) << job.dump();
  EXPECT_EQ(job["errors"][0]["eventIndex"], 1);
  // The pointer names the event where it stands in the document.
  EXPECT_EQ(job["errors"][0]["pointer"].get<std::string>().rfind("/epcisBody/eventList/1/", 0), 0u)
      << job.dump();
  EXPECT_EQ(EventRows(), 2);

  headers.back().second = "sometimes";
  auto bad = client_->Request("POST", "/epcis/capture", doc, headers);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(Json(bad)["detail"].get<std::string>().find("rollback or proceed"), std::string::npos);
  EXPECT_EQ(Call("POST", "/epcis/capture", Caller{}, Document({"Z"})).status, 401);
  EXPECT_EQ(EventRows(), 2);
}

TEST_P(EpcisApiTest, XmlCaptureProceedsPastInvalidEvents) {
  Caller producer_a = Login("producer_a");
  auto event = [](const std::string& gtin, const std::string& serial) {
    return "<ObjectEvent><eventTime>2026-03-01T08:00:00+07:00</eventTime>"
           "<eventTimeZoneOffset>+07:00</eventTimeZoneOffset><epcList><epc>"
           "https://id.gs1.org/01/" +
           gtin + "/21/" + serial +
           "</epc></epcList><action>OBSERVE</action>"
           "<bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep></ObjectEvent>";
  };
  // The second event's GTIN has check digit 7 instead of 8.
  const std::string doc =
      "<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\" schemaVersion=\"2.0\" "
      "creationDate=\"2026-03-01T08:00:00+07:00\"><EPCISBody><EventList>" +
      event("08930001000018", "X1") + event("08930001000017", "X2") +
      event("08930001000018", "X3") + "</EventList></EPCISBody></epcis:EPCISDocument>";
  test::HttpHeaders headers = producer_a.Headers(false);
  headers.emplace_back("Content-Type", "application/xml");
  auto rejected = client_->Request("POST", "/epcis/capture", doc, headers);
  EXPECT_EQ(rejected.status, 400) << rejected.body;
  EXPECT_NE(Json(rejected)["detail"].get<std::string>().find("EventList/*[2]/epcList"),
            std::string::npos)
      << rejected.body;
  EXPECT_EQ(EventRows(), 0);

  headers.emplace_back("GS1-Capture-Error-Behaviour", "proceed");
  auto proceeded = client_->Request("POST", "/epcis/capture", doc, headers);
  ASSERT_EQ(proceeded.status, 202) << proceeded.body;
  capture_->WaitIdle();
  auto job = Json(Call("GET", proceeded.Header("location").value_or(""), producer_a));
  EXPECT_EQ(job["success"], false);
  EXPECT_EQ(job["eventCount"], 3);
  EXPECT_EQ(job["storedEventCount"], 2);
  ASSERT_EQ(job["errors"].size(), 1u) << job.dump();
  EXPECT_EQ(job["errors"][0]["eventIndex"], 1);
  EXPECT_EQ(job["errors"][0]["pointer"], "/EPCISDocument/EPCISBody/EventList/*[2]/epcList/epc[1]")
      << job.dump();
  EXPECT_EQ(EventRows(), 2);
}

TXNG_INSTANTIATE_BACKENDS(EpcisApiTest);

}  // namespace
}  // namespace txng
