// The EPCIS REST bindings beyond capture and query, over HTTP on both
// backends: browse endpoints, version negotiation and OPTIONS discovery,
// named queries.
#include <gtest/gtest.h>

#include "http/message.h"
#include "integration/app_fixture.h"

namespace txng {
namespace {

const std::string kItem = "https://id.gs1.org/01/08930001000018/21/";
const std::string kDock = "https://id.gs1.org/414/8930001000001/254/1";
const std::string kStore = "https://id.gs1.org/414/8930001000001";

class EpcisRestTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    producer_a_ = Login("producer_a");
  }

  // Captures an ObjectEvent of serial `serial` for organisation A (pending
  // review).
  void CaptureEvent(const std::string& serial, const std::string& biz_step,
                    const std::string& more = "") {
    const std::string body =
        R"({"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
          "type": "ObjectEvent", "eventTime": "2026-03-01T08:00:00+07:00",
          "eventTimeZoneOffset": "+07:00", "action": "OBSERVE", "bizStep": ")" +
        biz_step + R"(", "epcList": [")" + kItem + serial + "\"]" + more + "}";
    auto r = Call("POST", "/epcis/events", producer_a_, body);
    ASSERT_EQ(r.status, 201) << r.body;
  }

  test::HttpResponse Get(const std::string& target, const Caller& who,
                         const test::HttpHeaders& extra = {}) {
    test::HttpHeaders headers = who.Headers(false);
    headers.insert(headers.end(), extra.begin(), extra.end());
    return client_->Get(target, headers);
  }

  static std::vector<std::string> Members(const test::HttpResponse& r) {
    const nlohmann::json doc = Json(r);
    EXPECT_EQ(doc["type"], "Collection") << r.body;
    return doc.value("member", std::vector<std::string>{});
  }

  static std::size_t EventCount(const test::HttpResponse& r) {
    return Json(r)["epcisBody"]["queryResults"]["resultsBody"]["eventList"].size();
  }

  static std::string ProblemType(const test::HttpResponse& r) {
    return Json(r).value("type", std::string());
  }

  // The target of Link rel="next", or "" without one.
  static std::string Next(const test::HttpResponse& r) {
    const std::string link = r.Header("link").value_or("");
    return link.empty() ? "" : link.substr(1, link.find('>') - 1);
  }

  int64_t NamedQueryRows() {
    int64_t n = -1;
    Status s = store_->db().Transact(TxMode::kRead, [&](SqlConnection& c) -> Status {
      TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run("SELECT COUNT(*) FROM epcis_named_queries"));
      n = r.rows.at(0).Int(0);
      return Status::Ok();
    });
    EXPECT_TRUE(IsOk(s));
    return n;
  }

  Caller producer_a_;
};

using Strings = std::vector<std::string>;

TEST_P(EpcisRestTest, TopLevelResourcesAndEventTypes) {
  auto root = Get("/epcis", Caller{});
  ASSERT_EQ(root.status, 200) << root.body;
  EXPECT_EQ(Members(root), (Strings{"capture", "events", "eventTypes", "epcs", "bizSteps",
                                    "bizLocations", "readPoints", "dispositions", "queries"}));
  EXPECT_EQ(Json(root)["@context"],
            "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");

  // Pages of two, by following Link rel="next".
  Strings types;
  std::string target = "/epcis/eventTypes?perPage=2";
  int pages = 0;
  while (!target.empty() && pages < 5) {
    auto r = Get(target, Caller{});
    ASSERT_EQ(r.status, 200) << r.body;
    for (const std::string& m : Members(r)) types.push_back(m);
    target = Next(r);
    ++pages;
  }
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(types, (Strings{"AggregationEvent", "AssociationEvent", "ObjectEvent",
                            "TransactionEvent", "TransformationEvent"}));
  EXPECT_EQ(Members(Get("/epcis/eventTypes/ObjectEvent", Caller{})), Strings{"events"});
  for (const char* target :
       {"/epcis/eventTypes/ThingEvent", "/epcis/eventTypes/ThingEvent/events"}) {
    auto missing = Get(target, Caller{});
    EXPECT_EQ(missing.status, 404) << target;
    EXPECT_EQ(ProblemType(missing), "epcisException:NoSuchResourceException");
    EXPECT_EQ(Json(missing)["detail"], "no event type \"ThingEvent\"");
  }
  auto bad_page = Get("/epcis/eventTypes?perPage=0", Caller{});
  EXPECT_EQ(bad_page.status, 400);
  EXPECT_EQ(ProblemType(bad_page), "epcisException:QueryParameterException");
  EXPECT_EQ(Json(bad_page)["detail"],
            "query parameter perPage: must be a whole number from 1 to 1000, got \"0\"");
  auto unknown = Get("/epcis/bizSteps?EQ_bizStep=shipping", Caller{});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(Json(unknown)["detail"],
            "query parameter EQ_bizStep: a collection takes only perPage and nextPageToken");
  auto empty_token = Get("/epcis/epcs?nextPageToken=", Caller{});
  EXPECT_EQ(empty_token.status, 400);
  EXPECT_EQ(Json(empty_token)["detail"], "query parameter nextPageToken: must not be empty");
  auto root_parameter = Get("/epcis?perPage=1", Caller{});
  EXPECT_EQ(root_parameter.status, 400);
  EXPECT_EQ(Json(root_parameter)["detail"], "query parameter perPage: /epcis takes no parameters");
}

TEST_P(EpcisRestTest, CollectionsListWhatTheCallerMaySee) {
  CaptureEvent("S1", "shipping",
               R"(, "disposition": "in_transit", "readPoint": {"id": ")" + kDock +
                   R"("}, "bizLocation": {"id": ")" + kStore + R"("})");
  CaptureEvent("S2", "receiving");

  // Pending review: the owner and the reviewers see the values, nobody else.
  EXPECT_EQ(Members(Get("/epcis/epcs", producer_a_)), (Strings{kItem + "S1", kItem + "S2"}));
  EXPECT_EQ(Members(Get("/epcis/epcs", Login("reviewer"))), (Strings{kItem + "S1", kItem + "S2"}));
  EXPECT_EQ(Members(Get("/epcis/epcs", Caller{})), Strings{});
  EXPECT_EQ(Members(Get("/epcis/epcs", Login("producer_b"))), Strings{});
  EXPECT_EQ(Members(Get("/epcis/epcs", producer_a_, {{"GS1-EPC-Format", "Always_EPC_URN"}})),
            (Strings{"urn:epc:id:sgtin:8930001.000001.S1", "urn:epc:id:sgtin:8930001.000001.S2"}));
  auto bad_format = Get("/epcis/epcs", producer_a_, {{"GS1-EPC-Format", "Sometimes"}});
  EXPECT_EQ(bad_format.status, 400);
  EXPECT_EQ(ProblemType(bad_format), "epcisException:QueryParameterException");

  // CBV values as bare words; pages by value.
  auto first = Get("/epcis/bizSteps?perPage=1", producer_a_);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(Members(first), Strings{"receiving"});
  ASSERT_FALSE(Next(first).empty());
  auto second = Get(Next(first), producer_a_);
  EXPECT_EQ(Members(second), Strings{"shipping"});
  EXPECT_EQ(Next(second), "");
  EXPECT_EQ(Members(Get("/epcis/dispositions", producer_a_)), Strings{"in_transit"});
  EXPECT_EQ(Members(Get("/epcis/readPoints", producer_a_)), Strings{kDock});
  EXPECT_EQ(Members(Get("/epcis/bizLocations", producer_a_)), Strings{kStore});
  EXPECT_EQ(Members(Get("/epcis/bizLocations/" + http::PercentEncode(kStore), producer_a_)),
            Strings{"events"});
}

TEST_P(EpcisRestTest, CollectionEventsAreTheQueryWithTheValueAdded) {
  CaptureEvent("S1", "shipping",
               R"(, "disposition": "in_transit", "readPoint": {"id": ")" + kDock +
                   R"("}, "bizLocation": {"id": ")" + kStore + R"("})");
  CaptureEvent("S2", "receiving");
  CaptureEvent("S3", "shipping");

  EXPECT_EQ(EventCount(Get("/epcis/eventTypes/ObjectEvent/events", producer_a_)), 3u);
  EXPECT_EQ(EventCount(Get("/epcis/eventTypes/AggregationEvent/events", producer_a_)), 0u);
  EXPECT_EQ(EventCount(Get("/epcis/bizSteps/shipping/events", producer_a_)), 2u);
  // Any spelling of the value, other parameters too.
  EXPECT_EQ(EventCount(Get("/epcis/bizSteps/" +
                               http::PercentEncode("urn:epcglobal:cbv:bizstep:shipping") +
                               "/events?MATCH_epc=" + http::PercentEncode(kItem + "S3"),
                           producer_a_)),
            1u);
  EXPECT_EQ(
      EventCount(Get("/epcis/epcs/" + http::PercentEncode(kItem + "S2") + "/events", producer_a_)),
      1u);
  EXPECT_EQ(
      EventCount(Get(
          "/epcis/epcs/" + http::PercentEncode("urn:epc:id:sgtin:8930001.000001.S2") + "/events",
          producer_a_)),
      1u);
  EXPECT_EQ(EventCount(Get("/epcis/dispositions/in_transit/events", producer_a_)), 1u);
  EXPECT_EQ(
      EventCount(Get("/epcis/readPoints/" + http::PercentEncode(kDock) + "/events", producer_a_)),
      1u);
  EXPECT_EQ(EventCount(
                Get("/epcis/bizLocations/" + http::PercentEncode(kStore) + "/events", producer_a_)),
            1u);
  // Invisible to the public while pending.
  EXPECT_EQ(EventCount(Get("/epcis/bizSteps/shipping/events", Caller{})), 0u);

  // Pages keep the path.
  auto page = Get("/epcis/bizSteps/shipping/events?perPage=1", producer_a_);
  ASSERT_EQ(EventCount(page), 1u);
  ASSERT_EQ(Next(page).rfind("/epcis/bizSteps/shipping/events?", 0), 0u) << Next(page);
  auto rest = Get(Next(page), producer_a_);
  EXPECT_EQ(EventCount(rest), 1u);
  EXPECT_EQ(Next(rest), "");

  auto twice = Get("/epcis/bizSteps/shipping/events?EQ_bizStep=receiving", producer_a_);
  EXPECT_EQ(twice.status, 400);
  EXPECT_EQ(ProblemType(twice), "epcisException:QueryParameterException");
  EXPECT_EQ(Json(twice)["detail"],
            "query parameter EQ_bizStep: the path /epcis/bizSteps/{bizStep}/events sets it "
            "already");
  auto bad_value = Get("/epcis/bizSteps/not-a-step/events", producer_a_);
  EXPECT_EQ(bad_value.status, 400);
  EXPECT_EQ(ProblemType(bad_value), "epcisException:QueryParameterException");
  auto bad_epc =
      Get("/epcis/epcs/" + http::PercentEncode(kItem.substr(0, kItem.size() - 5) + "7/21/X") +
              "/events",
          producer_a_);
  EXPECT_EQ(bad_epc.status, 400) << bad_epc.body;
}

TEST_P(EpcisRestTest, VersionNegotiation) {
  auto plain = Get("/epcis/events", producer_a_);
  ASSERT_EQ(plain.status, 200);
  EXPECT_EQ(plain.Header("gs1-epcis-version"), "2.0.0");
  EXPECT_EQ(plain.Header("gs1-cbv-version"), "2.0.0");
  for (const auto& [name, value] :
       std::vector<std::pair<std::string, std::string>>{{"GS1-EPCIS-Version", "2.0.0"},
                                                        {"GS1-EPCIS-Version", "2.0"},
                                                        {"GS1-EPCIS-Min", "1.2.0"},
                                                        {"GS1-EPCIS-Max", "2.0.0"},
                                                        {"GS1-CBV-Version", "2"},
                                                        {"GS1-CBV-Max", "3.1"}}) {
    EXPECT_EQ(Get("/epcis/events", producer_a_, {{name, value}}).status, 200) << name << value;
  }
  for (const auto& [name, value] :
       std::vector<std::pair<std::string, std::string>>{{"GS1-EPCIS-Version", "1.2.0"},
                                                        {"GS1-EPCIS-Min", "2.0.1"},
                                                        {"GS1-EPCIS-Max", "1.2"},
                                                        {"GS1-CBV-Version", "1.2.0"},
                                                        {"GS1-CBV-Min", "2.1"}}) {
    auto refused = Get("/epcis/eventTypes", Caller{}, {{name, value}});
    EXPECT_EQ(refused.status, 406) << name << value;
    EXPECT_EQ(ProblemType(refused), "epcisException:NotAcceptableException");
    EXPECT_EQ(refused.Header("gs1-epcis-version"), "2.0.0");
  }
  auto refused = Get("/epcis/events", producer_a_, {{"GS1-CBV-Version", "1.2.0"}});
  EXPECT_EQ(Json(refused)["detail"],
            "this repository speaks CBV 2.0.0 only, which the request's GS1-CBV-* headers "
            "exclude");

  auto malformed = Get("/epcis/events", producer_a_, {{"GS1-EPCIS-Version", "two"}});
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(ProblemType(malformed), "epcisException:QueryParameterException");
  EXPECT_EQ(Json(malformed)["detail"],
            "GS1-EPCIS-Version must be a version number such as 2.0.0, got \"two\"");

  // A capture in a version TXNG does not speak stores nothing.
  test::HttpHeaders headers = producer_a_.Headers();
  headers.emplace_back("GS1-EPCIS-Version", "1.2");
  const std::string event =
      R"({"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
        "type": "ObjectEvent", "eventTime": "2026-03-01T08:00:00+07:00",
        "eventTimeZoneOffset": "+07:00", "action": "OBSERVE",
        "epcList": [")" +
      kItem + R"(V1"]})";
  EXPECT_EQ(client_->Request("POST", "/epcis/events", event, headers).status, 406);
  headers.back().second = "2.x";
  auto invalid = client_->Request("POST", "/epcis/events", event, headers);
  EXPECT_EQ(invalid.status, 400);
  EXPECT_EQ(ProblemType(invalid), "epcisException:ValidationException");
  EXPECT_EQ(EventCount(Get("/epcis/events", producer_a_)), 0u);
  headers.back().second = "2.0.0";
  EXPECT_EQ(client_->Request("POST", "/epcis/events", event, headers).status, 201);
}

TEST_P(EpcisRestTest, OptionsDescribeEachResource) {
  auto capture = client_->Request("OPTIONS", "/epcis/capture", "", {});
  EXPECT_EQ(capture.status, 204);
  EXPECT_EQ(capture.Header("allow"), "OPTIONS, GET, POST");
  EXPECT_EQ(capture.Header("gs1-epcis-version"), "2.0.0");
  EXPECT_EQ(capture.Header("gs1-epcis-min"), "2.0.0");
  EXPECT_EQ(capture.Header("gs1-epcis-max"), "2.0.0");
  EXPECT_EQ(capture.Header("gs1-cbv-min"), "2.0.0");
  EXPECT_EQ(capture.Header("gs1-epcis-capture-limit"), "10000");
  EXPECT_EQ(capture.Header("gs1-capture-error-behaviour"), "all");
  for (const auto& [target, allow] : std::vector<std::pair<std::string, std::string>>{
           {"/epcis", "OPTIONS, GET"},
           {"/epcis/events", "OPTIONS, GET, POST"},
           {"/epcis/events/urn:uuid:x", "OPTIONS, GET"},
           {"/epcis/epcs/" + http::PercentEncode(kItem + "S1") + "/events", "OPTIONS, GET"},
           {"/epcis/queries", "OPTIONS, GET, POST"},
           {"/epcis/queries/mine", "OPTIONS, GET, DELETE"},
           {"/epcis/queries/mine/events", "OPTIONS, GET"}}) {
    auto r = client_->Request("OPTIONS", target, "", {});
    EXPECT_EQ(r.status, 204) << target;
    EXPECT_EQ(r.Header("allow"), allow) << target;
    EXPECT_EQ(r.Header("gs1-epcis-capture-limit"), std::nullopt) << target;
  }
  auto refused = client_->Request("OPTIONS", "/epcis/events", "", {{"GS1-EPCIS-Max", "1.2"}});
  EXPECT_EQ(refused.status, 406);
}

TEST_P(EpcisRestTest, NamedQueriesAreTheOrganisationsOwn) {
  CaptureEvent("S1", "shipping");
  CaptureEvent("S2", "receiving");
  CaptureEvent("S3", "shipping");
  const nlohmann::json definition = {
      {"name", "shipped"},
      {"query", {{"EQ_bizStep", {"shipping"}}, {"eventType", {"ObjectEvent"}}}}};
  auto created = Call("POST", "/epcis/queries", producer_a_, definition.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Header("location"), "/epcis/queries/shipped");
  EXPECT_EQ(Json(created), definition);

  EXPECT_EQ(Json(Get("/epcis/queries/shipped", producer_a_)), definition);
  EXPECT_EQ(Json(Get("/epcis/queries", producer_a_)), nlohmann::json::array({definition}));
  auto events = Get("/epcis/queries/shipped/events", producer_a_);
  ASSERT_EQ(events.status, 200) << events.body;
  EXPECT_EQ(EventCount(events), 2u);
  auto page = Get("/epcis/queries/shipped/events?perPage=1", producer_a_);
  EXPECT_EQ(EventCount(page), 1u);
  ASSERT_EQ(Next(page).rfind("/epcis/queries/shipped/events?", 0), 0u) << Next(page);
  EXPECT_EQ(EventCount(Get(Next(page), producer_a_)), 1u);

  // Another organisation neither sees nor runs it, and may use the name.
  Caller producer_b = Login("producer_b");
  EXPECT_EQ(Json(Get("/epcis/queries", producer_b)), nlohmann::json::array());
  auto hidden = Get("/epcis/queries/shipped/events", producer_b);
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(ProblemType(hidden), "epcisException:NoSuchResourceException");
  EXPECT_EQ(Call("POST", "/epcis/queries", producer_b, definition.dump()).status, 201);

  // Pages of the list by name.
  nlohmann::json second = definition;
  second["name"] = "all-objects";
  second["query"] = {{"eventType", "ObjectEvent"}};
  ASSERT_EQ(Call("POST", "/epcis/queries", producer_a_, second.dump()).status, 201);
  auto listed = Get("/epcis/queries?perPage=1", producer_a_);
  EXPECT_EQ(Json(listed), nlohmann::json::array({second}));
  EXPECT_EQ(Json(Get(Next(listed), producer_a_)), nlohmann::json::array({definition}));
  EXPECT_EQ(EventCount(Get("/epcis/queries/all-objects/events", producer_a_)), 3u);

  auto deleted =
      client_->Request("DELETE", "/epcis/queries/shipped", "", producer_a_.Headers(false));
  EXPECT_EQ(deleted.status, 204);
  auto gone = Get("/epcis/queries/shipped", producer_a_);
  EXPECT_EQ(gone.status, 404);
  EXPECT_EQ(ProblemType(gone), "epcisException:NoSuchResourceException");
  EXPECT_EQ(
      client_->Request("DELETE", "/epcis/queries/shipped", "", producer_a_.Headers(false)).status,
      404);
  EXPECT_EQ(NamedQueryRows(), 2);
}

TEST_P(EpcisRestTest, BadNamedQueriesChangeNothing) {
  ASSERT_EQ(Call("POST", "/epcis/queries", producer_a_,
                 R"({"name": "shipped", "query": {"EQ_bizStep": ["shipping"]}})")
                .status,
            201);
  const Caller admin_caller = Login("admin");
  const Snapshot before = Counts();
  struct Case {
    std::string body;
    int status;
    std::string type;
    std::string detail;
  };
  const std::vector<Case> cases = {
      {R"({"name": "shipped", "query": {"EQ_bizStep": ["receiving"]}})", 409,
       "ResourceAlreadyExistsException", "a query named \"shipped\" exists already"},
      {R"({"name": "my query", "query": {}})", 400, "QueryParameterException",
       "a query name is 1 to 64 letters, digits, '-', '_' or '.', got \"my query\""},
      {R"({"name": 7, "query": {}})", 400, "QueryParameterException", "name must be a string"},
      {R"({"name": "q"})", 400, "QueryParameterException", "query is missing"},
      {R"({"name": "q", "query": [1]})", 400, "QueryParameterException",
       "query must be a JSON object"},
      {R"({"name": "q", "query": {}, "owner": "me"})", 400, "QueryParameterException",
       "unknown member \"owner\": a query definition has name and query"},
      {R"({"name": "q", "query": {"EQ_action": ["MAYBE"]}})", 400, "QueryParameterException",
       "query parameter EQ_action: must be ADD, OBSERVE or DELETE, got \"MAYBE\""},
      {R"({"name": "q", "query": {"EQ_bizStep": [1]}})", 400, "QueryParameterException",
       "query member EQ_bizStep: must be a string, number, boolean or non-empty array of "
       "strings"},
      {R"({"name": "q", "query": {"perPage": 5}})", 400, "QueryParameterException",
       "query member perPage: give it when reading /epcis/queries/{name}/events"},
      {R"({"name": "q", "query": {"NOT_a_parameter": "x"}})", 400, "QueryParameterException",
       "query parameter NOT_a_parameter: not an EPCIS query parameter"},
      {R"({"name": "q", "query": {"EQ_SENSORREPORT_https://ns.example.com/epcis/x": ["1"]}})", 501,
       "ImplementationException", ""},
      {"{not json", 400, "QueryParameterException", "the body must be a JSON object"},
  };
  for (const Case& c : cases) {
    auto r = Call("POST", "/epcis/queries", producer_a_, c.body);
    EXPECT_EQ(r.status, c.status) << c.body << "\n" << r.body;
    EXPECT_EQ(ProblemType(r), "epcisException:" + c.type) << c.body;
    if (!c.detail.empty()) {
      EXPECT_EQ(Json(r)["detail"], c.detail) << c.body;
    }
  }
  test::HttpHeaders form = producer_a_.Headers(false);
  form.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  auto unsupported = client_->Request("POST", "/epcis/queries", "name=q", form);
  EXPECT_EQ(unsupported.status, 415);
  EXPECT_EQ(ProblemType(unsupported), "epcisException:UnsupportedMediaTypeException");

  const std::string good = R"({"name": "q", "query": {}})";
  auto anonymous = Call("POST", "/epcis/queries", Caller{}, good);
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(ProblemType(anonymous), "epcisException:SecurityException");
  auto admin = Call("POST", "/epcis/queries", admin_caller, good);
  EXPECT_EQ(admin.status, 403);
  EXPECT_EQ(ProblemType(admin), "epcisException:SecurityException");
  EXPECT_EQ(Json(admin)["detail"],
            "named queries are kept per organisation, and this account belongs to none");
  EXPECT_EQ(Get("/epcis/queries", Caller{}).status, 401);
  auto bad_page = Get("/epcis/queries?perPage=x", producer_a_);
  EXPECT_EQ(bad_page.status, 400);
  EXPECT_EQ(Json(bad_page)["detail"],
            "query parameter perPage: must be a whole number from 1 to 1000, got \"x\"");
  auto bad_parameter = Get("/epcis/queries?EQ_bizStep=shipping", producer_a_);
  EXPECT_EQ(bad_parameter.status, 400);
  EXPECT_EQ(ProblemType(bad_parameter), "epcisException:QueryParameterException");
  EXPECT_EQ(Json(bad_parameter)["detail"],
            "query parameter EQ_bizStep: /epcis/queries takes only perPage and nextPageToken");
  auto unknown = Get("/epcis/queries/unknown/events", producer_a_);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(Json(unknown)["detail"],
            "organisation " + std::to_string(org_a_) + " has no query named \"unknown\"");
  EXPECT_EQ(NamedQueryRows(), 1);
  // Counts() includes the audit log: no refused request wrote anything.
  EXPECT_EQ(Counts(), before);

  auto filtered = Get("/epcis/queries/shipped/events?EQ_action=ADD", producer_a_);
  EXPECT_EQ(filtered.status, 400);
  EXPECT_EQ(Json(filtered)["detail"],
            "query parameter EQ_action: a named query's events take only perPage and "
            "nextPageToken; the filters are the query's");
  auto stream = Get("/epcis/queries/shipped/events?stream=true", producer_a_);
  EXPECT_EQ(stream.status, 501);
  EXPECT_EQ(ProblemType(stream), "epcisException:ImplementationException");
  auto websocket = Get("/epcis/queries/shipped/events", producer_a_,
                       {{"Upgrade", "websocket"}, {"Connection", "Upgrade"}});
  EXPECT_EQ(websocket.status, 501);
  for (const auto& [method, target] : std::vector<std::pair<std::string, std::string>>{
           {"GET", "/epcis/queries/shipped/subscriptions"},
           {"POST", "/epcis/queries/shipped/subscriptions"},
           {"GET", "/epcis/queries/shipped/subscriptions/s1"},
           {"DELETE", "/epcis/queries/shipped/subscriptions/s1"}}) {
    auto r = client_->Request(method, target, method == "POST" ? "{}" : "",
                              producer_a_.Headers(method == "POST"));
    EXPECT_EQ(r.status, 501) << method << " " << target;
    EXPECT_EQ(ProblemType(r), "epcisException:ImplementationException");
  }
  EXPECT_EQ(Counts(), before);
}

TXNG_INSTANTIATE_BACKENDS(EpcisRestTest);

}  // namespace
}  // namespace txng
