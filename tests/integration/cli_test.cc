// The txng command line as an operator uses it, on both backends: help,
// exit codes, accounts, API keys, the demo, configuration by file and
// environment.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "export/xlsx_read_testing.h"
#include "label/pdf_probe_testing.h"
#include "store/store_test_fixture.h"

namespace txng {
namespace {

struct CommandRun {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

// Runs `txng ARGS` through the shell, with `input` on stdin.
CommandRun Txng(const std::string& args, const std::string& input = "",
                const std::string& env = "") {
  const std::string in =
      std::filesystem::temp_directory_path() / ("txng_cli_in_" + std::to_string(::getpid()));
  std::ofstream(in) << input;
  const std::string cmd = env + " " + TXNG_BINARY + " " + args + " < " + in + " 2>&1";
  CommandRun r;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::filesystem::remove(in);
  return r;
}

std::string Quote(const std::string& s) { return "'" + s + "'"; }

TEST(Cli, HelpForEveryCommand) {
  CommandRun top = Txng("--help");
  EXPECT_EQ(top.exit_code, 0);
  for (const char* cmd : {"serve", "migrate", "demo", "user", "apikey", "gs1", "label", "trace",
                          "export", "version"}) {
    EXPECT_NE(top.out.find(cmd), std::string::npos) << cmd;
  }
  for (const char* cmd :
       {"serve",         "migrate",      "demo",           "user",   "user add",      "user list",
        "user passwd",   "user disable", "user enable",    "apikey", "apikey create", "apikey list",
        "apikey revoke", "gs1 parse",    "gs1 checkdigit", "label",  "epcis",         "epcis hash",
        "capture",       "query",        "trace",          "export", "export fsma",   "version"}) {
    CommandRun r = Txng(std::string(cmd) + " --help");
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_NE(r.out.find("Usage:"), std::string::npos) << cmd;
  }
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(Txng("").exit_code, 2);
  EXPECT_EQ(Txng("frobnicate").exit_code, 2);
  EXPECT_EQ(Txng("user add x --role wizard").exit_code, 2);
  EXPECT_EQ(Txng("serve --threads 0").exit_code, 2);
}

TEST(Cli, VersionNamesTheSchema) {
  CommandRun r = Txng("version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "txng " + std::string(TXNG_VERSION) + " (database schema version " +
                       std::to_string(Store::LatestSchemaVersion()) + ")\n");
}

TEST(Cli, Gs1ParseAndCheckDigit) {
  CommandRun ok = Txng("gs1 parse " + Quote("(01)08930000000019(10)LOT42"));
  ASSERT_EQ(ok.exit_code, 0) << ok.out;
  auto doc = nlohmann::json::parse(ok.out);
  EXPECT_EQ(doc["valid"], true);
  EXPECT_EQ(doc["digitalLink"], "https://id.gs1.org/01/08930000000019/10/LOT42");
  EXPECT_EQ(doc["ais"][1]["title"], "BATCH/LOT");

  CommandRun bad = Txng("gs1 parse " + Quote("(01)08930000000019(17)261331"));
  EXPECT_EQ(bad.exit_code, 1);
  auto err = nlohmann::json::parse(bad.out);
  EXPECT_EQ(err["valid"], false);
  EXPECT_NE(err["error"].get<std::string>().find("AI (17)"), std::string::npos) << bad.out;

  CommandRun epc = Txng("gs1 parse --company-prefix 893000 --company-prefix 8930001 " +
                        Quote("(01)08930001000018(21)A1"));
  ASSERT_EQ(epc.exit_code, 0) << epc.out;
  EXPECT_EQ(nlohmann::json::parse(epc.out)["epcUri"], "urn:epc:id:sgtin:8930001.000001.A1");
  CommandRun bad_prefix = Txng("gs1 parse --company-prefix 89300 8930000000019");
  EXPECT_EQ(bad_prefix.exit_code, 2);
  EXPECT_NE(bad_prefix.out.find("must have 6 to 12 digits, got \"89300\""), std::string::npos)
      << bad_prefix.out;

  CommandRun digit = Txng("gs1 checkdigit 893000000001");
  EXPECT_EQ(digit.exit_code, 0);
  EXPECT_EQ(digit.out, "8930000000019\n");
  EXPECT_EQ(Txng("gs1 checkdigit 89300A").exit_code, 1);
}

TEST(Cli, UnsupportedDatabaseUrlIsExplained) {
  CommandRun r = Txng("--db mysql://localhost/x migrate");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("mysql://localhost/x"), std::string::npos) << r.out;
}

TEST(Cli, ConfigFileAndEnvironmentSetTheDatabase) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("txng_cli_cfg_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string from_file = (dir / "from-file.db").string();
  const std::string from_env = (dir / "from-env.db").string();
  std::ofstream(dir / "txng.toml") << "db = \"sqlite:" << from_file << "\"\n";

  CommandRun file = Txng("--config " + Quote((dir / "txng.toml").string()) + " migrate");
  EXPECT_EQ(file.exit_code, 0) << file.out;
  EXPECT_TRUE(std::filesystem::exists(from_file));

  CommandRun env = Txng("migrate", "", "TXNG_DB=" + Quote("sqlite:" + from_env));
  EXPECT_EQ(env.exit_code, 0) << env.out;
  EXPECT_TRUE(std::filesystem::exists(from_env));
  EXPECT_NE(env.out.find("migrated schema from version 0"), std::string::npos) << env.out;
  EXPECT_NE(Txng("migrate", "", "TXNG_DB=" + Quote("sqlite:" + from_env)).out.find("up to date"),
            std::string::npos);
  std::filesystem::remove_all(dir);
}

class CliDbTest : public BackendTest {
 protected:
  std::string Db() const { return "--db " + Quote(test_db_->url()) + " "; }

  // A migrated database with one organisation, tax code 3801234567, prefix 8930001.
  void CreateOrganisation() {
    auto db = test_db_->Open();
    ASSERT_TRUE(IsOk(db));
    Store store(std::move(db).value());
    ASSERT_TRUE(IsOk(store.Migrate()));
    Organisation org;
    org.name = "HTX Điều Bù Đăng";
    org.tax_code = "3801234567";
    org.gs1_company_prefix = "8930001";
    ASSERT_TRUE(IsOk(store.CreateOrganisation(org, Actor::System("system:test"))));
  }
};

TEST_P(CliDbTest, UsersFromAddToDisable) {
  CommandRun added = Txng(Db() + "user add an.nguyen --role admin --name " + Quote("Nguyễn Văn An"),
                          "secret-password-1\n");
  ASSERT_EQ(added.exit_code, 0) << added.out;
  EXPECT_NE(added.out.find("created user an.nguyen"), std::string::npos);

  CommandRun dup = Txng(Db() + "user add an.nguyen --role admin", "secret-password-1\n");
  EXPECT_EQ(dup.exit_code, 1);
  CommandRun no_org = Txng(Db() + "user add binh --role producer", "secret-password-1\n");
  EXPECT_EQ(no_org.exit_code, 1);
  EXPECT_NE(no_org.out.find("a producer belongs to one organisation"), std::string::npos)
      << no_org.out;
  CommandRun short_pw = Txng(Db() + "user add chi --role admin", "short\n");
  EXPECT_EQ(short_pw.exit_code, 1);
  EXPECT_NE(short_pw.out.find("at least 8 characters"), std::string::npos);

  CommandRun list = Txng(Db() + "user list --json");
  ASSERT_EQ(list.exit_code, 0) << list.out;
  auto users = nlohmann::json::parse(list.out);
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0]["username"], "an.nguyen");
  EXPECT_EQ(users[0]["displayName"], "Nguyễn Văn An");
  EXPECT_EQ(users[0]["disabled"], false);
  EXPECT_EQ(users[0]["mustChangePassword"], false);

  // An operator's reset for someone else: temporary until they choose their own.
  auto must_change = [&](const std::string& username) {
    for (const auto& u : nlohmann::json::parse(Txng(Db() + "user list --json").out)) {
      if (u["username"] == username) return u["mustChangePassword"].get<bool>();
    }
    ADD_FAILURE() << "no user " << username;
    return false;
  };
  ASSERT_EQ(
      Txng(Db() + "user add dung --role reviewer --temporary", "first-password-1\n").exit_code, 0);
  EXPECT_TRUE(must_change("dung"));
  EXPECT_EQ(Txng(Db() + "user passwd dung", "own-password-1\n").exit_code, 0);
  EXPECT_FALSE(must_change("dung"));
  EXPECT_EQ(Txng(Db() + "user passwd an.nguyen --temporary", "reset-password-1\n").exit_code, 0);
  EXPECT_TRUE(must_change("an.nguyen"));
  EXPECT_EQ(Txng(Db() + "user passwd an.nguyen", "another-password\n").exit_code, 0);
  EXPECT_FALSE(must_change("an.nguyen"));
  CommandRun refused = Txng(Db() + "user passwd dung --temporary", "short\n");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_FALSE(must_change("dung")) << "a refused change changes nothing";
  EXPECT_EQ(Txng(Db() + "user passwd nobody", "another-password\n").exit_code, 1);
  EXPECT_EQ(Txng(Db() + "user disable an.nguyen").exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(Txng(Db() + "user list --json").out)[0]["disabled"], true);
  EXPECT_EQ(Txng(Db() + "user enable an.nguyen").exit_code, 0);
}

TEST_P(CliDbTest, DemoThenApiKeys) {
  CommandRun demo = Txng(Db() + "demo --json --password-stdin", "demo-password\n");
  ASSERT_EQ(demo.exit_code, 0) << demo.out;
  auto report = nlohmann::json::parse(demo.out);
  EXPECT_GE(report["organisations"].get<int>(), 40);
  EXPECT_GE(report["products"].get<int>(), 120);

  CommandRun again = Txng(Db() + "demo --password-stdin", "demo-password\n");
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.out.find("the database is not empty"), std::string::npos) << again.out;

  CommandRun created = Txng(Db() + "apikey create --org 20 --label ERP --json");
  ASSERT_EQ(created.exit_code, 0) << created.out;
  auto key = nlohmann::json::parse(created.out);
  const std::string key_id = key["keyId"];
  EXPECT_EQ(key["token"].get<std::string>().rfind("txng_" + key_id + "_", 0), 0u);

  CommandRun list = Txng(Db() + "apikey list --org 20");
  EXPECT_NE(list.out.find(key_id + "\torg 20\tactive"), std::string::npos) << list.out;
  EXPECT_EQ(list.out.find(key["token"].get<std::string>()), std::string::npos);
  EXPECT_EQ(Txng(Db() + "apikey revoke " + key_id).exit_code, 0);
  EXPECT_NE(Txng(Db() + "apikey list").out.find(key_id + "\torg 20\trevoked"), std::string::npos);
  EXPECT_EQ(Txng(Db() + "apikey revoke " + key_id).exit_code, 1);
  EXPECT_EQ(Txng(Db() + "apikey create --org 99999 --label x").exit_code, 1);
}

TEST(Cli, ServePublicUrlIsCheckedFromFlagEnvironmentAndConfig) {
  const std::string refused =
      "txng: --public-url: the Digital Link stem must be an http:// or https:// address without "
      "query or fragment, such as https://trace.example.vn, not 'ftp://x'\n";
  CommandRun flag = Txng("serve --public-url ftp://x");
  EXPECT_EQ(flag.exit_code, 1);
  EXPECT_EQ(flag.out, refused);
  CommandRun env = Txng("serve", "", "TXNG_PUBLIC_URL=ftp://x");
  EXPECT_EQ(env.exit_code, 1);
  EXPECT_EQ(env.out, refused);
  const auto config = std::filesystem::temp_directory_path() /
                      ("txng_cli_public_url_" + std::to_string(::getpid()) + ".toml");
  std::ofstream(config) << "[serve]\npublic_url = \"ftp://x\"\n";
  CommandRun file = Txng("--config " + Quote(config.string()) + " serve");
  EXPECT_EQ(file.exit_code, 1);
  EXPECT_EQ(file.out, refused);
  std::filesystem::remove(config);
}

TEST(Cli, EpcisHashReproducesTheCbvVectors) {
  const char* env = std::getenv("TXNG_CONFORMANCE_DIR");
  const std::string base = std::string(env != nullptr ? env : TXNG_DEFAULT_CONFORMANCE_DIR) +
                           "/epcis-event-hash/tests/examples/ReferenceEventHashAlgorithm";
  std::ifstream expected_file(base + ".hashes");
  ASSERT_TRUE(expected_file) << base;
  std::string expected, line;
  while (std::getline(expected_file, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) expected += line + "\n";
  }
  for (const char* ext : {".jsonld", ".xml"}) {
    CommandRun r = Txng("epcis hash " + Quote(base + ext));
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(r.out, expected) << ext;
  }
  CommandRun missing = Txng("epcis hash /nonexistent.jsonld");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.out.find("cannot read /nonexistent.jsonld"), std::string::npos) << missing.out;
}

TEST_P(CliDbTest, CaptureThenQuery) {
  ASSERT_NO_FATAL_FAILURE(CreateOrganisation());
  const std::string dir =
      std::filesystem::temp_directory_path() / ("txng_cli_epcis_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string good = dir + "/events.jsonld", bad = dir + "/bad.jsonld";
  const std::string event =
      R"({"type": "ObjectEvent", "eventTime": "2026-03-01T08:00:00+07:00",
          "eventTimeZoneOffset": "+07:00", "action": "OBSERVE", "bizStep": "shipping",
          "epcList": ["urn:epc:id:sgtin:8930001.000001.A1"]})";
  std::ofstream(good)
      << R"({"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
      "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-03-01T09:00:00Z",
      "epcisBody": {"eventList": [)"
      << event << R"(]}})";
  std::string broken = event;
  broken.replace(broken.find("OBSERVE"), 7, "LOOKED");
  std::ofstream(bad)
      << R"({"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
      "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-03-01T09:00:00Z",
      "epcisBody": {"eventList": [)"
      << broken << R"(]}})";

  CommandRun first = Txng(Db() + "capture " + Quote(good) + " --org 3801234567 --json");
  ASSERT_EQ(first.exit_code, 0) << first.out;
  EXPECT_EQ(nlohmann::json::parse(first.out)[0]["stored"], 1);
  CommandRun again = Txng(Db() + "capture " + Quote(good) + " --org 3801234567");
  EXPECT_EQ(again.exit_code, 0) << again.out;
  EXPECT_NE(again.out.find("0 stored, 1 already captured"), std::string::npos) << again.out;
  CommandRun invalid = Txng(Db() + "capture " + Quote(bad) + " --org 3801234567");
  EXPECT_EQ(invalid.exit_code, 1);
  EXPECT_NE(invalid.out.find("/epcisBody/eventList/0/action"), std::string::npos) << invalid.out;
  CommandRun nobody = Txng(Db() + "capture " + Quote(good) + " --org 3800000000");
  EXPECT_EQ(nobody.exit_code, 1);
  EXPECT_NE(nobody.out.find("no organisation has tax code 3800000000"), std::string::npos);

  CommandRun shipped = Txng(Db() + "query " + Quote("EQ_bizStep=shipping"));
  ASSERT_EQ(shipped.exit_code, 0) << shipped.out;
  auto doc = nlohmann::json::parse(shipped.out);
  auto events = doc["epcisBody"]["queryResults"]["resultsBody"]["eventList"];
  ASSERT_EQ(events.size(), 1u) << shipped.out;
  EXPECT_EQ(events[0]["epcList"][0], "https://id.gs1.org/01/08930001000018/21/A1");
  CommandRun none = Txng(Db() + "query " + Quote("EQ_bizStep=receiving"));
  EXPECT_EQ(nlohmann::json::parse(none.out)["epcisBody"]["queryResults"]["resultsBody"]["eventList"]
                .size(),
            0u);
  CommandRun wrong = Txng(Db() + "query " + Quote("colour=red"));
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_NE(wrong.out.find("query parameter colour: not an EPCIS query parameter"),
            std::string::npos)
      << wrong.out;
  std::filesystem::remove_all(dir);
}

TEST_P(CliDbTest, CaptureThenTrace) {
  ASSERT_NO_FATAL_FAILURE(CreateOrganisation());
  const std::string dir =
      std::filesystem::temp_directory_path() / ("txng_cli_trace_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string file = dir + "/chain.jsonld";
  // A raw lot harvested at a farm, then processed into a kernel lot.
  std::ofstream(file)
      << R"({"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
      "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-03-01T09:00:00Z",
      "epcisBody": {"eventList": [
        {"type": "ObjectEvent", "eventTime": "2026-03-01T08:00:00+07:00",
         "eventTimeZoneOffset": "+07:00", "action": "ADD", "bizStep": "commissioning",
         "quantityList": [{"epcClass": "urn:epc:class:lgtin:8930001.000001.L01",
                           "quantity": 900, "uom": "KGM"}],
         "bizLocation": {"id": "urn:epc:id:sgln:8930001.00001.0"}},
        {"type": "TransformationEvent", "eventTime": "2026-03-04T08:00:00+07:00",
         "eventTimeZoneOffset": "+07:00",
         "inputQuantityList": [{"epcClass": "urn:epc:class:lgtin:8930001.000001.L01",
                                "quantity": 900, "uom": "KGM"}],
         "outputQuantityList": [{"epcClass": "urn:epc:class:lgtin:8930001.000002.K01",
                                 "quantity": 300, "uom": "KGM"}]}]}})";
  ASSERT_EQ(Txng(Db() + "capture " + Quote(file) + " --org 3801234567").exit_code, 0);

  const std::string raw = "https://id.gs1.org/01/08930001000018/10/L01";
  const std::string kernel = "https://id.gs1.org/01/08930001000025/10/K01";
  CommandRun json =
      Txng(Db() + "trace '(01)08930001000025(10)K01' --direction backward --format json");
  ASSERT_EQ(json.exit_code, 0) << json.out;
  auto answer = nlohmann::json::parse(json.out);
  EXPECT_EQ(answer["id"], kernel);
  ASSERT_EQ(answer["nodes"].size(), 3u) << json.out;
  EXPECT_EQ(answer["nodes"][1]["id"], raw);
  EXPECT_EQ(answer["nodes"][1]["reach"], "upstream");
  EXPECT_EQ(answer["nodes"][2]["id"], "https://id.gs1.org/414/8930001000018");
  EXPECT_EQ(answer["edges"][0]["relation"], "transformedInto");
  EXPECT_EQ(answer["edges"][0]["quantity"], 900);

  CommandRun text = Txng(Db() + "trace " + Quote(raw) + " --direction forward");
  ASSERT_EQ(text.exit_code, 0) << text.out;
  EXPECT_NE(text.out.find("downstream\t1\tlot\t" + kernel), std::string::npos) << text.out;
  CommandRun dot = Txng(Db() + "trace urn:epc:class:lgtin:8930001.000001.L01 --format dot");
  ASSERT_EQ(dot.exit_code, 0) << dot.out;
  EXPECT_EQ(dot.out.rfind("digraph trace {", 0), 0u) << dot.out;

  CommandRun unknown = Txng(Db() + "trace '(01)08930001000018(10)NOPE'");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.out.find("no event you can see names " +
                             std::string("https://id.gs1.org/01/08930001000018/10/NOPE")),
            std::string::npos)
      << unknown.out;
  CommandRun bad = Txng(Db() + "trace '(01)08930001000017'");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("check digit 7 should be 8"), std::string::npos) << bad.out;
  EXPECT_EQ(Txng(Db() + "trace " + Quote(raw) + " --direction up").exit_code, 2);
  std::filesystem::remove_all(dir);
}

TEST_P(CliDbTest, LabelWritesAPdfWhoseQrCodesScan) {
  auto db = test_db_->Open();
  ASSERT_TRUE(IsOk(db));
  Store store(std::move(db).value());
  ASSERT_TRUE(IsOk(store.Migrate()));
  const Actor setup = Actor::System("system:test");
  Organisation org;
  org.name = "Hợp tác xã Điều Bù Đăng";
  auto o = store.CreateOrganisation(org, setup);
  ASSERT_TRUE(IsOk(o));
  Product product;
  product.org_id = o->id;
  product.gtin = "08930001000018";
  product.name_vi = "Hạt điều rang muối vỏ lụa Bình Phước loại đặc biệt";
  auto p = store.CreateProduct(product, setup);
  ASSERT_TRUE(IsOk(p));
  Lot lot;
  lot.org_id = o->id;
  lot.product_id = p->id;
  lot.lot_code = "LOT1";
  auto l = store.CreateLot(lot, setup);
  ASSERT_TRUE(IsOk(l));
  const std::string id = std::to_string(l->id);
  const auto dir =
      std::filesystem::temp_directory_path() / ("txng_cli_label_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string pdf = (dir / "labels.pdf").string();
  auto read_pdf = [&] {
    std::ifstream in(pdf, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };

  CommandRun help = Txng("label --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--serials"), std::string::npos) << help.out;

  // --db may also follow the subcommand.
  CommandRun one = Txng("label --lot " + id + " --copies 1 --output " + Quote(pdf) + " --db " +
                        Quote(test_db_->url()));
  ASSERT_EQ(one.exit_code, 0) << one.out;
  EXPECT_EQ(one.out, "wrote 1 label on 1 page to " + pdf + "\n");
  auto pages = label::testing::DecodeQrCodesPerPage(read_pdf());
  ASSERT_TRUE(pages.ok()) << pages.status().ToString();
  EXPECT_EQ(*pages, std::vector<std::vector<std::string>>{
                        {"https://id.gs1.org/01/08930001000018/10/LOT1"}});

  CommandRun serials = Txng(Db() + "label --lot " + id + " --serials 9:2 --columns 2 --rows 4 " +
                            "--lang en --stem https://truyxuat.example.vn/ -o " + Quote(pdf));
  ASSERT_EQ(serials.exit_code, 0) << serials.out;
  EXPECT_EQ(serials.out, "wrote 2 labels on 1 page to " + pdf + "\n");
  pages = label::testing::DecodeQrCodesPerPage(read_pdf());
  ASSERT_TRUE(pages.ok());
  ASSERT_EQ(pages->size(), 1u);
  EXPECT_EQ(std::set<std::string>(pages->at(0).begin(), pages->at(0).end()),
            (std::set<std::string>{"https://truyxuat.example.vn/01/08930001000018/10/LOT1/21/9",
                                   "https://truyxuat.example.vn/01/08930001000018/10/LOT1/21/10"}));

  // Failures write nothing.
  std::filesystem::remove(pdf);
  CommandRun unknown = Txng(Db() + "label --lot 987654 -o " + Quote(pdf));
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.out, "txng: cannot print labels for lot 987654: lot 987654 not found\n");
  CommandRun bad_serial = Txng(Db() + "label --lot " + id + " --serials ABC:2 -o " + Quote(pdf));
  EXPECT_EQ(bad_serial.exit_code, 1);
  EXPECT_NE(bad_serial.out.find("the first serial 'ABC' must end in a digit"), std::string::npos)
      << bad_serial.out;
  CommandRun too_many = Txng(Db() + "label --lot " + id + " --serials 1:2001 -o " + Quote(pdf));
  EXPECT_EQ(too_many.exit_code, 1);
  EXPECT_NE(too_many.out.find("at most 2000 labels"), std::string::npos) << too_many.out;
  EXPECT_EQ(Txng(Db() + "label --lot " + id + " --serials 12 -o " + Quote(pdf)).exit_code, 2);
  EXPECT_EQ(Txng(Db() + "label --lot " + id + " --columns 7 -o " + Quote(pdf)).exit_code, 2);
  EXPECT_EQ(Txng(Db() + "label --lot " + id + " --lang fr -o " + Quote(pdf)).exit_code, 2);
  EXPECT_EQ(Txng(Db() + "label --lot " + id).exit_code, 2);  // no --output
  EXPECT_FALSE(std::filesystem::exists(pdf));
  EXPECT_FALSE(std::filesystem::exists(pdf + ".tmp"));
  std::filesystem::remove_all(dir);
}

TXNG_INSTANTIATE_BACKENDS(CliDbTest);

TEST_P(CliDbTest, ExportFsmaAsCsvAndXlsx) {
  ASSERT_NO_FATAL_FAILURE(CreateOrganisation());
  const auto dir =
      std::filesystem::temp_directory_path() / ("txng_cli_export_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string events = (dir / "chain.jsonld").string();
  // Raw nuts L1 harvested, transformed into kernels K1, shipped.
  std::ofstream(events)
      << R"({"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
      "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-03-09T09:00:00Z",
      "epcisBody": {"eventList": [
        {"type": "ObjectEvent", "eventTime": "2026-03-01T09:00:00+07:00",
         "eventTimeZoneOffset": "+07:00", "action": "ADD", "bizStep": "commissioning",
         "quantityList": [{"epcClass": "urn:epc:class:lgtin:8930001.000001.L1",
                           "quantity": 500, "uom": "KGM"}]},
        {"type": "TransformationEvent", "eventTime": "2026-03-05T09:00:00+07:00",
         "eventTimeZoneOffset": "+07:00",
         "inputQuantityList": [{"epcClass": "urn:epc:class:lgtin:8930001.000001.L1",
                                "quantity": 480, "uom": "KGM"}],
         "outputQuantityList": [{"epcClass": "urn:epc:class:lgtin:8930001.000002.K1",
                                 "quantity": 120, "uom": "KGM"}]},
        {"type": "ObjectEvent", "eventTime": "2026-03-07T09:00:00+07:00",
         "eventTimeZoneOffset": "+07:00", "action": "OBSERVE", "bizStep": "shipping",
         "quantityList": [{"epcClass": "urn:epc:class:lgtin:8930001.000002.K1",
                           "quantity": 120, "uom": "KGM"}]}]}})";
  CommandRun captured = Txng(Db() + "capture " + Quote(events) + " --org 3801234567");
  ASSERT_EQ(captured.exit_code, 0) << captured.out;

  const std::string csv = (dir / "k1.csv").string(), xlsx = (dir / "k1.xlsx").string();
  const auto read = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  CommandRun lot = Txng(Db() + "export fsma --lot " + Quote("(01)08930001000025(10)K1") +
                        " --lang en -o " + Quote(csv));
  ASSERT_EQ(lot.exit_code, 0) << lot.out;
  EXPECT_EQ(lot.out, "wrote 4 rows to " + csv + "\n");
  const std::string text = read(csv);
  ASSERT_EQ(text.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(text.substr(3, text.find("\r\n") - 3),
            "Critical tracking event,Traceability lot code,Product description,Quantity,Unit of "
            "measure,Location description,Location GLN,Date,Time (UTC),Reference document "
            "type,Reference document number,Immediate previous source,Immediate previous source "
            "location,Receiving location,Traceability lot code source,EPCIS event ID");
  for (const char* row :
       {"\r\nHarvesting / growing,(01)08930001000018(10)L1,,500,KGM,,,2026-03-01,",
        "\r\nTransformation (input),(01)08930001000018(10)L1,,480,KGM,,,2026-03-05,",
        "\r\nTransformation (output),(01)08930001000025(10)K1,,120,KGM,,,2026-03-05,",
        "\r\nShipping,(01)08930001000025(10)K1,,120,KGM,,,2026-03-07,"}) {
    EXPECT_NE(text.find(row), std::string::npos) << row << "\n" << text;
  }

  CommandRun as_xlsx =
      Txng(Db() + "export fsma --gtin 8930001000025 --format xlsx --output " + Quote(xlsx));
  ASSERT_EQ(as_xlsx.exit_code, 0) << as_xlsx.out;
  EXPECT_EQ(as_xlsx.out, "wrote 2 rows to " + xlsx + "\n");
  auto sheet = exports::testing::ReadXlsx(read(xlsx));
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  ASSERT_EQ(sheet->rows.size(), 3u);
  EXPECT_EQ(sheet->rows[0][0].value, "Sự kiện truy xuất (CTE)");
  EXPECT_EQ(sheet->rows[1][0].value, "Chế biến (đầu ra)");
  EXPECT_EQ(sheet->rows[2][0].value, "Xuất hàng");
  EXPECT_EQ(sheet->rows[2][3], (exports::testing::ReadCell{'n', "120", false}));
  EXPECT_EQ(sheet->rows[2][7], (exports::testing::ReadCell{'d', "2026-03-07", false}));

  // Without --output the spreadsheet goes to standard output.
  CommandRun days = Txng(Db() + "export fsma --from 2026-03-01 --to 2026-03-01");
  ASSERT_EQ(days.exit_code, 0) << days.out;
  EXPECT_EQ(days.out.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(days.out.find("\r\nThu hoạch / trồng trọt,(01)08930001000018(10)L1,"),
            std::string::npos)
      << days.out;

  // Usage errors exit 2, failures 1; neither writes a file.
  std::filesystem::remove(csv);
  for (const char* args :
       {"export fsma", "export fsma --lot x --gtin 8930001000025", "export fsma --from 2026-03-01",
        "export fsma --gtin 1 --format pdf", "export fsma --gtin 1 --lang fr", "export"}) {
    CommandRun r = Txng(Db() + args + " -o " + Quote(csv));
    EXPECT_EQ(r.exit_code, 2) << args << ": " << r.out;
  }
  EXPECT_NE(Txng(Db() + "export fsma")
                .out.find("say what to export: --lot ID, --gtin GTIN, or --from and --to"),
            std::string::npos);
  CommandRun bad_id =
      Txng(Db() + "export fsma --lot " + Quote("(01)08930001000024(10)K1") + " -o " + Quote(csv));
  EXPECT_EQ(bad_id.exit_code, 1);
  EXPECT_EQ(bad_id.out.rfind("txng: cannot export: ", 0), 0u) << bad_id.out;
  CommandRun unknown =
      Txng(Db() + "export fsma --lot " + Quote("(01)08930001000025(10)NOPE") + " -o " + Quote(csv));
  EXPECT_EQ(unknown.exit_code, 1) << unknown.out;
  CommandRun bad_date =
      Txng(Db() + "export fsma --from 2026-03-01 --to 2026-13-01 -o " + Quote(csv));
  EXPECT_EQ(bad_date.exit_code, 1);
  EXPECT_EQ(bad_date.out, "txng: cannot export: to must be a date YYYY-MM-DD, not '2026-13-01'\n");
  EXPECT_FALSE(std::filesystem::exists(csv));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace txng
