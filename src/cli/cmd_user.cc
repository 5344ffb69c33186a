#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/password_input.h"
#include "service/accounts.h"

namespace txng::cli {
namespace {

struct UserArgs {
  std::string username;
  std::string display_name;
  std::string role;
  int64_t org = 0;
  std::string sector;
  std::string district;
  bool json = false;
  bool temporary = false;
};

constexpr const char* kTemporaryHelp =
    "The password is temporary: the user must choose their own at the next sign-in";

void ListUsers(Store& store, bool as_json) {
  nlohmann::json out = nlohmann::json::array();
  PageRequest page{.limit = 500, .offset = 0};
  for (;;) {
    Page<User> users = Check(store.ListUsers(page));
    for (const User& u : users.items) {
      if (as_json) {
        out.push_back({{"id", u.id},
                       {"username", u.username},
                       {"displayName", u.display_name},
                       {"role", ToString(u.role)},
                       {"organisationId", u.org_id ? nlohmann::json(*u.org_id) : nlohmann::json()},
                       {"scopeSector", u.scope_sector},
                       {"scopeDistrict", u.scope_district},
                       {"disabled", u.disabled},
                       {"mustChangePassword", u.must_change_password}});
      } else {
        std::cout << u.id << "\t" << u.username << "\t" << ToString(u.role) << "\t"
                  << (u.org_id ? "org " + std::to_string(*u.org_id) : "-") << "\t"
                  << (u.disabled ? "disabled" : "active") << "\t" << u.display_name << "\n";
      }
    }
    page.offset += page.limit;
    if (page.offset >= users.total) break;
  }
  if (as_json) std::cout << out.dump(2) << "\n";
}

}  // namespace

void AddUserCommand(CLI::App& app, GlobalOptions& g) {
  CLI::App* user = app.add_subcommand("user", "Manage user accounts");
  user->require_subcommand(1);
  auto args = std::make_shared<UserArgs>();

  CLI::App* add = user->add_subcommand(
      "add", "Create a user; the password is typed twice, or read from stdin when piped");
  add->add_option("username", args->username, "Login name: 2-64 of a-z 0-9 . _ -")->required();
  add->add_option("--role", args->role, "admin, reviewer, officer or producer")
      ->required()
      ->check(CLI::IsMember({"admin", "reviewer", "officer", "producer"}));
  add->add_option("--name", args->display_name, "Display name, e.g. \"Nguyễn Văn An\"");
  add->add_option("--org", args->org, "Organisation id (required for producers)");
  add->add_option("--sector", args->sector, "Officers: the sector they oversee");
  add->add_option("--district", args->district, "Officers: the district they oversee");
  add->add_flag("--temporary", args->temporary, kTemporaryHelp);
  add->callback([&g, args] {
    NewUser nu;
    nu.username = args->username;
    nu.display_name = args->display_name;
    nu.role = *ParseRole(args->role);
    if (args->org != 0) nu.org_id = args->org;
    nu.scope_sector = args->sector;
    nu.scope_district = args->district;
    nu.must_change_password = args->temporary;
    auto store = OpenStore(g);
    AccountService accounts(*store);
    nu.password = ReadNewPassword();
    User u = Check(accounts.AddUser(nu, CliActor()), "cannot add user '" + nu.username + "'");
    std::cout << "created user " << u.username << " (id " << u.id << ", " << ToString(u.role)
              << ")\n";
  });

  CLI::App* list = user->add_subcommand("list", "List users");
  list->add_flag("--json", args->json, "Print JSON");
  list->callback([&g, args] {
    auto store = OpenStore(g);
    ListUsers(*store, args->json);
  });

  CLI::App* passwd = user->add_subcommand(
      "passwd", "Set a user's password (typed twice, or read from stdin); ends their sessions");
  passwd->add_option("username", args->username, "Login name")->required();
  passwd->add_flag("--temporary", args->temporary, kTemporaryHelp);
  passwd->callback([&g, args] {
    auto store = OpenStore(g);
    AccountService accounts(*store);
    Check(accounts.ChangePassword(args->username, ReadNewPassword(), args->temporary, CliActor()),
          "cannot change the password of '" + args->username + "'");
    std::cout << "password changed for " << args->username << "\n";
  });

  CLI::App* disable =
      user->add_subcommand("disable", "Disable a user: they can no longer sign in; ends sessions");
  disable->add_option("username", args->username, "Login name")->required();
  disable->callback([&g, args] {
    auto store = OpenStore(g);
    AccountService accounts(*store);
    Check(accounts.SetDisabled(args->username, true, CliActor()),
          "cannot disable '" + args->username + "'");
    std::cout << "disabled " << args->username << "\n";
  });

  CLI::App* enable = user->add_subcommand("enable", "Enable a disabled user again");
  enable->add_option("username", args->username, "Login name")->required();
  enable->callback([&g, args] {
    auto store = OpenStore(g);
    AccountService accounts(*store);
    Check(accounts.SetDisabled(args->username, false, CliActor()),
          "cannot enable '" + args->username + "'");
    std::cout << "enabled " << args->username << "\n";
  });
}

}  // namespace txng::cli
