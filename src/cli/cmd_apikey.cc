#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "service/accounts.h"

namespace txng::cli {
namespace {

struct ApiKeyArgs {
  int64_t org = 0;
  std::string label;
  std::string key_id;
  bool json = false;
};

}  // namespace

void AddApiKeyCommand(CLI::App& app, GlobalOptions& g) {
  CLI::App* apikey = app.add_subcommand("apikey", "Manage organisations' API keys");
  apikey->require_subcommand(1);
  auto args = std::make_shared<ApiKeyArgs>();

  CLI::App* create = apikey->add_subcommand(
      "create", "Create an API key for an organisation; the token is printed once, keep it");
  create->add_option("--org", args->org, "Organisation id")->required();
  create->add_option("--label", args->label, "What the key is for, e.g. \"ERP sync\"")->required();
  create->add_flag("--json", args->json, "Print JSON");
  create->callback([&g, args] {
    auto store = OpenStore(g);
    AccountService accounts(*store);
    CreatedApiKey k = Check(accounts.CreateApiKey(args->org, args->label, CliActor()),
                            "cannot create the API key");
    if (args->json) {
      std::cout << nlohmann::json{{"keyId", k.key.key_id},
                                  {"organisationId", k.key.org_id},
                                  {"token", k.token}}
                       .dump()
                << "\n";
    } else {
      std::cout << "key id: " << k.key.key_id << "\n"
                << "token:  " << k.token << "\n"
                << "Send it as 'Authorization: Bearer <token>'. It is shown only this once.\n";
    }
  });

  CLI::App* list = apikey->add_subcommand("list", "List API keys (secrets are never shown)");
  list->add_option("--org", args->org, "Only this organisation's keys");
  list->add_flag("--json", args->json, "Print JSON");
  list->callback([&g, args] {
    auto store = OpenStore(g);
    std::optional<int64_t> org;
    if (args->org != 0) org = args->org;
    std::vector<ApiKey> keys = Check(store->ListApiKeys(org));
    nlohmann::json out = nlohmann::json::array();
    for (const ApiKey& k : keys) {
      const std::string state = k.revoked_at ? "revoked" : "active";
      if (args->json) {
        out.push_back({{"keyId", k.key_id},
                       {"organisationId", k.org_id},
                       {"label", k.label},
                       {"createdAt", FormatIso8601(k.created_at)},
                       {"state", state}});
      } else {
        std::cout << k.key_id << "\torg " << k.org_id << "\t" << state << "\t"
                  << FormatIso8601(k.created_at) << "\t" << k.label << "\n";
      }
    }
    if (args->json) std::cout << out.dump(2) << "\n";
  });

  CLI::App* revoke = apikey->add_subcommand("revoke", "Revoke an API key at once");
  revoke->add_option("key-id", args->key_id, "The key id shown by 'apikey list'")->required();
  revoke->callback([&g, args] {
    auto store = OpenStore(g);
    AccountService accounts(*store);
    Check(accounts.RevokeApiKey(args->key_id, CliActor()), "cannot revoke " + args->key_id);
    std::cout << "revoked " << args->key_id << "\n";
  });
}

}  // namespace txng::cli
