// Recalls over HTTP (/api/v1/recalls, /api/v1/recall-status), on both
// backends, over a small captured chain:
//
//   RAW-1 (1000 kg raw cashews, commissioned 1 March at A's factory)
//     ├─ 2 March: transformed (500 kg in) into K-1 (400 kg kernels)
//     │    └─ 3 March: packed into pallet SSCC, 4 March: shipped to the importer
//     └─ 10 March: transformed (200 kg in) into K-2 (160 kg kernels)
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "integration/app_fixture.h"

namespace txng {
namespace {

using nlohmann::json;

constexpr const char* kRaw = "https://id.gs1.org/01/08930001000018/10/RAW-1";
constexpr const char* kK1 = "https://id.gs1.org/01/08930001000025/10/K-1";
constexpr const char* kK2 = "https://id.gs1.org/01/08930001000025/10/K-2";
constexpr const char* kPallet = "https://id.gs1.org/00/089300010000000018";
constexpr const char* kFactory = "https://id.gs1.org/414/8930001000018";
constexpr const char* kImporter = "https://id.gs1.org/417/8930002000000";
constexpr const char* kPort = "https://id.gs1.org/414/8930002000000";

std::string Event(const std::string& body) {
  return R"({"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
    "eventTimeZoneOffset": "+07:00", )" +
         body + "}";
}

json Quantity(const std::string& cls, double q) {
  return {{"epcClass", cls}, {"quantity", q}, {"uom", "KGM"}};
}

class RecallsApiTest : public AppTest {
 protected:
  void CaptureChain(const Caller& who) {
    const std::vector<std::string> events = {
        Event(R"("type": "ObjectEvent", "eventTime": "2026-03-01T08:00:00+07:00",
          "action": "ADD", "bizStep": "commissioning", "bizLocation": {"id": ")" +
              std::string(kFactory) + R"("}, "quantityList": [)" + Quantity(kRaw, 1000).dump() +
              "]"),
        Event(R"("type": "TransformationEvent", "eventTime": "2026-03-02T08:00:00+07:00",
          "bizStep": "commissioning", "bizLocation": {"id": ")" +
              std::string(kFactory) + R"("}, "inputQuantityList": [)" + Quantity(kRaw, 500).dump() +
              R"(], "outputQuantityList": [)" + Quantity(kK1, 400).dump() + "]"),
        Event(R"("type": "AggregationEvent", "eventTime": "2026-03-03T08:00:00+07:00",
          "action": "ADD", "bizStep": "packing", "parentID": ")" +
              std::string(kPallet) + R"(", "childQuantityList": [)" + Quantity(kK1, 400).dump() +
              "]"),
        Event(R"("type": "ObjectEvent", "eventTime": "2026-03-04T08:00:00+07:00",
          "action": "OBSERVE", "bizStep": "shipping", "epcList": [")" +
              std::string(kPallet) + R"("], "destinationList": [
            {"type": "owning_party", "destination": ")" +
              kImporter + R"("}, {"type": "location", "destination": ")" + kPort + R"("}])"),
        Event(R"("type": "TransformationEvent", "eventTime": "2026-03-10T08:00:00+07:00",
          "inputQuantityList": [)" +
              Quantity(kRaw, 200).dump() + R"(], "outputQuantityList": [)" +
              Quantity(kK2, 160).dump() + "]"),
    };
    for (const std::string& e : events) {
      auto r = Call("POST", "/epcis/events", who, e);
      ASSERT_EQ(r.status, 201) << r.body << "\n" << e;
    }
  }

  // Approves every pending event, so that other organisations see them.
  void ApproveAll() {
    Caller reviewer = Login("reviewer");
    auto queue = Call("GET", "/api/v1/events?status=pending&limit=500", reviewer);
    ASSERT_EQ(queue.status, 200) << queue.body;
    std::vector<int64_t> ids;
    const json items = Json(queue)["items"];
    for (const json& item : items) ids.push_back(item["id"].get<int64_t>());
    json body = {{"ids", ids}, {"decision", "approve"}};
    auto reviewed = Call("POST", "/api/v1/events/review", reviewer, body.dump());
    ASSERT_EQ(reviewed.status, 200) << reviewed.body;
  }

  static std::string OpenBody(const std::string& id, const std::string& from = "",
                              const std::string& to = "", const std::string& severity = "I") {
    json body = {{"id", id}, {"reason", "Salmonella in a retained sample"}, {"severity", severity}};
    if (!from.empty()) body["affectedFrom"] = from;
    if (!to.empty()) body["affectedTo"] = to;
    return body.dump();
  }

  json Open(const Caller& who, const std::string& body) {
    auto r = Call("POST", "/api/v1/recalls", who, body);
    EXPECT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.Header("location").value_or(""),
              "/api/v1/recalls/" + std::to_string(Json(r).value("id", 0)));
    return Json(r);
  }

  json Items(const Caller& who, int64_t id) {
    auto r = Call("GET", "/api/v1/recalls/" + std::to_string(id) + "?limit=500", who);
    EXPECT_EQ(r.status, 200) << r.body;
    return Json(r)["items"]["items"];
  }

  static std::vector<std::string> Identifiers(const json& items) {
    std::vector<std::string> ids;
    for (const json& i : items) ids.push_back(i["identifier"]);
    return ids;
  }

  json StatusOf(const std::string& id) {
    auto r = Call("GET", "/api/v1/recall-status?id=" + http::PercentEncode(id), Caller{});
    EXPECT_EQ(r.status, 200) << r.body;
    return Json(r);
  }

  // Rows of the recall tables and the audit log: a failed request changes none.
  std::vector<int64_t> Rows() {
    std::vector<int64_t> out;
    for (const char* table : {"recalls", "recall_items", "recall_updates", "audit_log"}) {
      Status s = store_->db().Transact(TxMode::kRead, [&](SqlConnection& c) -> Status {
        TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run(std::string("SELECT COUNT(*) FROM ") + table));
        out.push_back(r.rows.at(0).Int(0));
        return Status::Ok();
      });
      EXPECT_TRUE(IsOk(s));
    }
    return out;
  }
};

TEST_P(RecallsApiTest, TheImpactSetNamesEveryDownstreamItemItsQuantityAndHolder) {
  Caller producer_a = Login("producer_a");
  CaptureChain(producer_a);
  ASSERT_FALSE(HasFatalFailure());
  const json opened = Open(producer_a, OpenBody("(01)08930001000018(10)RAW-1"));
  EXPECT_EQ(opened["identifier"], kRaw);
  EXPECT_EQ(opened["organisationId"], org_a_);
  EXPECT_EQ(opened["status"], "open");
  EXPECT_EQ(opened["severity"], "I");
  EXPECT_EQ(opened["openedBy"], "user:producer_a");
  EXPECT_EQ(opened["itemCount"], 4);
  EXPECT_EQ(opened["itemsTruncated"], false);
  EXPECT_TRUE(opened["affectedFrom"].is_null());

  const json items = Items(producer_a, opened["id"]);
  ASSERT_EQ(Identifiers(items), (std::vector<std::string>{kRaw, kK1, kK2, kPallet}));
  // The root: commissioned 1000 kg, last seen at the factory.
  EXPECT_EQ(items[0]["reach"], "root");
  EXPECT_EQ(items[0]["kind"], "lot");
  EXPECT_EQ(items[0]["depth"], 0);
  EXPECT_EQ(items[0]["quantity"], 1000.0);
  EXPECT_EQ(items[0]["uom"], "KGM");
  EXPECT_TRUE(items[0]["holder"].is_null());
  EXPECT_EQ(items[0]["location"], kFactory);
  // K-1: 400 kg made, in the pallet shipped to the importer's port.
  EXPECT_EQ(items[1]["reach"], "downstream");
  EXPECT_EQ(items[1]["kind"], "lot");
  EXPECT_EQ(items[1]["depth"], 1);
  EXPECT_EQ(items[1]["quantity"], 400.0);
  EXPECT_EQ(items[1]["uom"], "KGM");
  EXPECT_EQ(items[1]["holder"], kImporter);
  EXPECT_EQ(items[1]["location"], kPort);
  // K-2: 160 kg made, not moved since (its event named no place).
  EXPECT_EQ(items[2]["reach"], "downstream");
  EXPECT_EQ(items[2]["depth"], 1);
  EXPECT_EQ(items[2]["quantity"], 160.0);
  EXPECT_TRUE(items[2]["holder"].is_null());
  EXPECT_TRUE(items[2]["location"].is_null());
  // The pallet that carried K-1.
  EXPECT_EQ(items[3]["reach"], "carrier");
  EXPECT_EQ(items[3]["kind"], "object");
  EXPECT_EQ(items[3]["depth"], 2);
  EXPECT_TRUE(items[3]["quantity"].is_null());
  EXPECT_EQ(items[3]["holder"], kImporter);
  EXPECT_EQ(items[3]["location"], kPort);

  // Items page like every list.
  auto page = Call(
      "GET", "/api/v1/recalls/" + std::to_string(opened["id"].get<int64_t>()) + "?limit=2&offset=1",
      producer_a);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(Identifiers(Json(page)["items"]["items"]), (std::vector<std::string>{kK1, kK2}));
  EXPECT_EQ(Json(page)["items"]["total"], 4);
}

TEST_P(RecallsApiTest, TheAffectedPeriodNarrowsAndAnUpdateRecomputes) {
  Caller producer_a = Login("producer_a"), admin = Login("admin");
  CaptureChain(producer_a);
  ASSERT_FALSE(HasFatalFailure());
  const json opened = Open(producer_a, OpenBody(kRaw, "2026-03-01", "2026-03-05"));
  const int64_t id = opened["id"];
  EXPECT_EQ(opened["affectedFrom"], "2026-03-01");
  EXPECT_EQ(opened["affectedTo"], "2026-03-05");
  // K-2 was made on 10 March from RAW-1: outside the period.
  EXPECT_EQ(Identifiers(Items(producer_a, id)), (std::vector<std::string>{kRaw, kK1, kPallet}));

  const std::string path = "/api/v1/recalls/" + std::to_string(id);
  auto widened = Call("PATCH", path, admin, R"({"affectedTo": "2026-03-10", "severity": "II"})");
  ASSERT_EQ(widened.status, 200) << widened.body;
  EXPECT_EQ(Json(widened)["itemCount"], 4);
  EXPECT_EQ(Json(widened)["severity"], "II");
  EXPECT_EQ(Identifiers(Items(producer_a, id)),
            (std::vector<std::string>{kRaw, kK1, kK2, kPallet}));
  // The period's start after 2 March leaves out K-1 and its pallet.
  auto narrowed = Call("PATCH", path, producer_a, R"({"affectedFrom": "2026-03-03"})");
  ASSERT_EQ(narrowed.status, 200) << narrowed.body;
  EXPECT_EQ(Identifiers(Items(producer_a, id)), (std::vector<std::string>{kRaw, kK2}));
  // null clears an end of the period.
  auto cleared = Call("PATCH", path, producer_a, R"({"affectedFrom": null, "affectedTo": null})");
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_TRUE(Json(cleared)["affectedFrom"].is_null());
  EXPECT_EQ(Json(cleared)["itemCount"], 4);

  auto got = Call("GET", path, producer_a);
  ASSERT_EQ(got.status, 200) << got.body;
  const json history = Json(got)["history"];
  ASSERT_EQ(history.size(), 4u);
  EXPECT_EQ(history[0]["action"], "open");
  EXPECT_EQ(history[0]["itemCount"], 3);
  EXPECT_EQ(history[1]["action"], "update");
  EXPECT_EQ(history[1]["actor"], "user:admin");
  EXPECT_EQ(history[1]["changed"], json({"severity", "affectedTo", "itemCount"}));
  EXPECT_EQ(history[2]["changed"], json({"affectedFrom", "itemCount"}));
  EXPECT_EQ(history[2]["itemCount"], 2);
  EXPECT_EQ(history[3]["changed"], json({"affectedFrom", "affectedTo", "itemCount"}));

  // Events captured since: an empty change recomputes the set from them.
  const std::string k3 = "https://id.gs1.org/01/08930001000025/10/K-3";
  auto later =
      Call("POST", "/epcis/events", producer_a,
           Event(R"("type": "TransformationEvent", "eventTime": "2026-03-12T08:00:00+07:00",
                      "inputQuantityList": [)" +
                 Quantity(kRaw, 100).dump() + R"(], "outputQuantityList": [)" +
                 Quantity(k3, 80).dump() + "]"));
  ASSERT_EQ(later.status, 201) << later.body;
  auto recomputed = Call("PATCH", path, producer_a, "{}");
  ASSERT_EQ(recomputed.status, 200) << recomputed.body;
  EXPECT_EQ(Json(recomputed)["itemCount"], 5);
  EXPECT_EQ(Identifiers(Items(producer_a, id)),
            (std::vector<std::string>{kRaw, kK1, kK2, k3, kPallet}));
  auto last = Call("GET", path, producer_a);
  ASSERT_EQ(Json(last)["history"].size(), 5u);
  EXPECT_EQ(Json(last)["history"][4]["changed"], json({"itemCount"}));
}

TEST_P(RecallsApiTest, ClosingIsRecordedAndEndsTheRecallStatus) {
  Caller producer_a = Login("producer_a");
  CaptureChain(producer_a);
  ASSERT_FALSE(HasFatalFailure());
  // Nothing is recalled yet.
  EXPECT_EQ(StatusOf(kK1)["recalled"], false);
  const json opened = Open(Login("reviewer"), OpenBody(kRaw));
  const int64_t id = opened["id"];
  EXPECT_EQ(opened["organisationId"], org_a_);

  // Anyone may ask, in any form, and learns no holder.
  for (const std::string& form : {std::string(kK1), std::string("(01)08930001000025(10)K-1"),
                                  std::string("urn:epc:class:lgtin:8930001.000002.K-1")}) {
    const json s = StatusOf(form);
    EXPECT_EQ(s["identifier"], kK1) << form;
    EXPECT_EQ(s["recalled"], true) << form;
    EXPECT_EQ(s["recallId"], id) << form;
    EXPECT_EQ(s["reason"], "Salmonella in a retained sample");
    EXPECT_EQ(s["severity"], "I");
    EXPECT_EQ(s["openedAt"], opened["openedAt"]);
    EXPECT_FALSE(s.contains("holder"));
    EXPECT_FALSE(s.contains("items"));
  }
  // A serial of a recalled lot is recalled; other lots of the product are not.
  EXPECT_EQ(StatusOf("https://id.gs1.org/01/08930001000025/10/K-1/21/S1")["recalled"], true);
  EXPECT_EQ(StatusOf("https://id.gs1.org/01/08930001000025/10/K-9")["recalled"], false);
  EXPECT_EQ(StatusOf(kImporter)["recalled"], false);

  const std::string close = "/api/v1/recalls/" + std::to_string(id) + "/close";
  auto closed = Call("POST", close, producer_a, R"({"note": "all stock destroyed"})");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(Json(closed)["status"], "closed");
  EXPECT_EQ(Json(closed)["closedBy"], "user:producer_a");
  EXPECT_EQ(Json(closed)["closingNote"], "all stock destroyed");
  EXPECT_EQ(StatusOf(kK1)["recalled"], false);

  const std::vector<int64_t> before = Rows();
  auto again = Call("POST", close, producer_a, R"({"note": "again"})");
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(Json(again)["detail"], "recall " + std::to_string(id) + " is closed already");
  auto patch = Call("PATCH", "/api/v1/recalls/" + std::to_string(id), producer_a,
                    R"({"reason": "changed"})");
  EXPECT_EQ(patch.status, 409) << patch.body;
  EXPECT_EQ(Rows(), before);

  auto got = Call("GET", "/api/v1/recalls/" + std::to_string(id), producer_a);
  ASSERT_EQ(got.status, 200);
  ASSERT_EQ(Json(got)["history"].size(), 2u);
  EXPECT_EQ(Json(got)["history"][1]["action"], "close");
  EXPECT_EQ(Json(got)["history"][1]["note"], "all stock destroyed");
  EXPECT_EQ(Json(got)["history"][1]["actor"], "user:producer_a");
}

TEST_P(RecallsApiTest, OnlyTheLotsOrganisationAndTheAuthorityRecallAndSeeRecalls) {
  Caller producer_a = Login("producer_a"), producer_b = Login("producer_b");
  CaptureChain(producer_a);
  ASSERT_FALSE(HasFatalFailure());
  const std::vector<int64_t> before = Rows();
  // B cannot see A's pending events: the lot does not exist for B.
  auto hidden = Call("POST", "/api/v1/recalls", producer_b, OpenBody(kRaw));
  EXPECT_EQ(hidden.status, 404) << hidden.body;
  EXPECT_EQ(Json(hidden)["detail"], std::string("no captured event names ") + kRaw);
  ApproveAll();
  ASSERT_FALSE(HasFatalFailure());
  const std::vector<int64_t> approved = Rows();
  // Published, B sees the lot but may not recall it.
  auto denied = Call("POST", "/api/v1/recalls", producer_b, OpenBody(kRaw));
  EXPECT_EQ(denied.status, 403) << denied.body;
  EXPECT_EQ(Json(denied)["detail"],
            std::string("only the organisation ") + kRaw +
                " belongs to, and the authority (admins, reviewers, officers), can recall it");
  EXPECT_EQ(Call("POST", "/api/v1/recalls", Caller{}, OpenBody(kRaw)).status, 401);
  EXPECT_EQ(Rows(), approved);
  EXPECT_EQ(before[0], approved[0]);

  const json opened = Open(Login("officer"), OpenBody(kK1));
  const std::string path = "/api/v1/recalls/" + std::to_string(opened["id"].get<int64_t>());
  EXPECT_EQ(Call("GET", path, producer_a).status, 200);
  EXPECT_EQ(Call("GET", path, Login("reviewer")).status, 200);
  auto b_get = Call("GET", path, producer_b);
  EXPECT_EQ(b_get.status, 404);
  EXPECT_EQ(Json(b_get)["detail"],
            "recall " + std::to_string(opened["id"].get<int64_t>()) + " not found");
  EXPECT_EQ(Call("PATCH", path, producer_b, R"({"severity": "III"})").status, 404);
  EXPECT_EQ(Call("POST", path + "/close", producer_b, R"({"note": "x"})").status, 404);
  EXPECT_EQ(Call("GET", path, Caller{}).status, 401);

  auto listed = [&](const Caller& who, const std::string& query = "") {
    auto r = Call("GET", "/api/v1/recalls" + query, who);
    EXPECT_EQ(r.status, 200) << r.body;
    return Json(r)["total"].get<int64_t>();
  };
  EXPECT_EQ(listed(producer_a), 1);
  EXPECT_EQ(listed(producer_b), 0);
  EXPECT_EQ(listed(Login("admin"), "?status=open"), 1);
  EXPECT_EQ(listed(Login("admin"), "?status=closed"), 0);
  auto other = Call("GET", "/api/v1/recalls?organisationId=" + std::to_string(org_a_), producer_b);
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(Json(other)["detail"], "you can only see your own organisation's recalls");
  EXPECT_EQ(Call("GET", "/api/v1/recalls", Caller{}).status, 401);
}

TEST_P(RecallsApiTest, BadRequestsSayWhyAndChangeNothing) {
  Caller producer_a = Login("producer_a");
  CaptureChain(producer_a);
  ASSERT_FALSE(HasFatalFailure());
  const json opened = Open(producer_a, OpenBody(kRaw));
  const std::string path = "/api/v1/recalls/" + std::to_string(opened["id"].get<int64_t>());
  const std::vector<int64_t> before = Rows();
  struct Case {
    std::string method, target, body;
    int status;
    std::string detail;
  };
  const std::vector<Case> cases = {
      {"POST", "/api/v1/recalls", OpenBody("(01)08930001000017(10)RAW-1"), 400,
       "AI (01): check digit 7 should be 8 (position 14 of \"08930001000017\")"},
      {"POST", "/api/v1/recalls", OpenBody("(90)TXNG"), 400,
       "\"(90)TXNG\" holds no GS1 key to trace"},
      {"POST", "/api/v1/recalls", OpenBody("https://id.gs1.org/01/08930001000018/10/NONE"), 404,
       "no captured event names https://id.gs1.org/01/08930001000018/10/NONE"},
      {"POST", "/api/v1/recalls", OpenBody(kRaw, "", "", "IV"), 400,
       "severity must be I, II or III (the FDA recall classes), got \"IV\""},
      {"POST", "/api/v1/recalls", OpenBody(kRaw, "", "", ""), 400,
       "severity is required: I, II or III (the FDA recall classes)"},
      {"POST", "/api/v1/recalls", OpenBody(kRaw, "2026-02-30"), 400,
       "affectedFrom must be a date as YYYY-MM-DD, got \"2026-02-30\""},
      {"POST", "/api/v1/recalls", OpenBody(kRaw, "", "1 March"), 400,
       "affectedTo must be a date as YYYY-MM-DD, got \"1 March\""},
      {"POST", "/api/v1/recalls", OpenBody(kRaw, "2026-03-05", "2026-03-01"), 400,
       "affectedFrom (2026-03-05) is after affectedTo (2026-03-01)"},
      {"POST", "/api/v1/recalls", R"({"id": ")" + std::string(kRaw) + R"(", "severity": "I"})", 400,
       "reason is required: say what is wrong with the goods"},
      {"POST", "/api/v1/recalls", R"({"reason": "x", "severity": "I"})", 400,
       "id is required: the EPC URI, Digital Link or element string of the lot to recall"},
      {"POST", "/api/v1/recalls", R"({"id": 7, "reason": "x", "severity": "I"})", 400,
       "id must be a string, not number"},
      {"POST", "/api/v1/recalls", R"({"id": "x", "reason": "x", "severity": "I", "class": 1})", 400,
       ""},
      {"GET", "/api/v1/recalls/999", "", 404, "recall 999 not found"},
      {"GET", "/api/v1/recalls/abc", "", 404, "recall 'abc' not found"},
      {"PATCH", "/api/v1/recalls/999", R"({"severity": "II"})", 404, "recall 999 not found"},
      {"POST", "/api/v1/recalls/999/close", R"({"note": "x"})", 404, "recall 999 not found"},
      {"PATCH", path, R"({"severity": "minor"})", 400,
       "severity must be I, II or III (the FDA recall classes), got \"minor\""},
      {"PATCH", path, R"({"reason": "  "})", 400,
       "reason is required: say what is wrong with the goods"},
      {"PATCH", path, R"({"affectedTo": "2026-13-01"})", 400,
       "affectedTo must be a date as YYYY-MM-DD, got \"2026-13-01\""},
      {"PATCH", path, R"({"affectedTo": 20260301})", 400,
       "affectedTo must be a string, not number"},
      {"POST", path + "/close", R"({})", 400, "note is required: say why the recall is closed"},
      {"GET", "/api/v1/recalls?status=pending", "", 400, "status must be open or closed"},
  };
  for (const Case& c : cases) {
    auto r = Call(c.method, c.target, producer_a, c.body);
    EXPECT_EQ(r.status, c.status) << c.method << " " << c.target << " " << c.body << " → "
                                  << r.body;
    if (!c.detail.empty()) {
      EXPECT_EQ(Json(r)["detail"], c.detail) << c.body;
    }
    EXPECT_EQ(Rows(), before) << c.method << " " << c.target << " " << c.body;
  }
  // The public status question, badly asked.
  auto missing = Call("GET", "/api/v1/recall-status", Caller{});
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(Json(missing)["detail"],
            "id is required: an EPC URI, a GS1 Digital Link or an element string");
  auto unparsable = Call("GET", "/api/v1/recall-status?id=%2801%2908930001000017", Caller{});
  EXPECT_EQ(unparsable.status, 400);
  EXPECT_EQ(Json(unparsable)["detail"],
            "AI (01): check digit 7 should be 8 (position 14 of \"08930001000017\")");
  EXPECT_EQ(Rows(), before);
}

TEST_P(RecallsApiTest, PagesShowTheImpactAndTheProductPageWarns) {
  Caller producer_a = Login("producer_a"), reviewer = Login("reviewer");
  CaptureChain(producer_a);
  ASSERT_FALSE(HasFatalFailure());
  // The raw cashews' product (GTIN 08930001000018), published.
  auto product = Call("POST", "/api/v1/products", producer_a, NewProduct().dump());
  ASSERT_EQ(product.status, 201) << product.body;
  ASSERT_EQ(Json(product)["gtin"], "08930001000018");
  const std::string url = product.Header("location").value_or("");
  ASSERT_EQ(Call("POST", url + "/submit", producer_a).status, 200);
  ASSERT_EQ(Call("POST", url + "/review", reviewer, R"({"decision": "approve"})").status, 200);
  auto before = Call("GET", "/01/08930001000018?lang=en", Caller{});
  ASSERT_EQ(before.status, 200);
  EXPECT_EQ(before.body.find("Recall warning"), std::string::npos);

  const json opened = Open(producer_a, OpenBody(kRaw));
  const std::string id = std::to_string(opened["id"].get<int64_t>());
  auto warned = Call("GET", "/01/08930001000018?lang=en", Caller{});
  ASSERT_EQ(warned.status, 200);
  EXPECT_NE(warned.body.find("Recall warning:</strong> Salmonella in a retained sample (lots "
                             "RAW-1)"),
            std::string::npos)
      << warned.body;
  auto warned_vi = Call("GET", "/01/08930001000018?lang=vi", Caller{});
  EXPECT_NE(warned_vi.body.find("Cảnh báo thu hồi:</strong> Salmonella in a retained sample "
                                "(các lô RAW-1)"),
            std::string::npos);

  auto list = Call("GET", "/recalls?lang=en", producer_a);
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("<a href=\"/recalls/" + id + "\">" + id + "</a>"), std::string::npos)
      << list.body;
  EXPECT_NE(list.body.find("Class I: serious harm or death is likely"), std::string::npos);
  auto page = Call("GET", "/recalls/" + id + "?lang=en", producer_a);
  ASSERT_EQ(page.status, 200);
  for (const char* text : {kRaw, kK1, kK2, kPallet, kImporter, kPort, "400 KGM", "The recalled lot",
                           "Container that carried it", "Opened"}) {
    EXPECT_NE(page.body.find(text), std::string::npos) << text;
  }
  EXPECT_EQ(Call("GET", "/recalls/" + id, Login("producer_b")).status, 404);
  auto anonymous = Call("GET", "/recalls", Caller{});
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_EQ(anonymous.Header("location").value_or(""), "/login?next=%2Frecalls");

  // Closed, the warning goes.
  ASSERT_EQ(
      Call("POST", "/api/v1/recalls/" + id + "/close", producer_a, R"({"note": "done"})").status,
      200);
  auto after = Call("GET", "/01/08930001000018?lang=en", Caller{});
  EXPECT_EQ(after.body.find("Recall warning"), std::string::npos);
}

TEST_P(RecallsApiTest, AnItemNamedOnlyByABareEventBelongsToTheOrganisationThatCapturedIt) {
  const std::string serial = "https://id.gs1.org/01/08930002000000/21/S1";
  auto captured = Call("POST", "/epcis/events", Login("producer_b"),
                       Event(R"("type": "ObjectEvent", "eventTime": "2026-03-01T08:00:00+07:00",
                         "action": "OBSERVE", "epcList": [")" +
                             serial + R"("])"));
  ASSERT_EQ(captured.status, 201) << captured.body;
  const json opened = Open(Login("admin"), OpenBody(serial));
  EXPECT_EQ(opened["organisationId"], org_b_);
  EXPECT_EQ(opened["itemCount"], 1);
  EXPECT_EQ(Identifiers(Items(Login("producer_b"), opened["id"])),
            (std::vector<std::string>{serial}));
}

TXNG_INSTANTIATE_BACKENDS(RecallsApiTest);

}  // namespace
}  // namespace txng
