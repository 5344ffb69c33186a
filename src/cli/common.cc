#include <pwd.h>
#include <unistd.h>

#include "cli/commands.h"

namespace txng::cli {

void Check(const Status& s, const std::string& context) {
  if (s.ok()) return;
  throw CommandFailed(context.empty() ? s.message() : context + ": " + s.message());
}

std::unique_ptr<Store> OpenStore(const GlobalOptions& g) {
  auto db = Check(OpenDatabase(g.db), "cannot open the database " + g.db);
  auto store = std::make_unique<Store>(std::move(db));
  Check(store->Migrate().status(), "cannot migrate the database");
  return store;
}

Actor CliActor() {
  std::string who = "unknown";
  if (const passwd* pw = getpwuid(geteuid()); pw != nullptr && pw->pw_name != nullptr) {
    who = pw->pw_name;
  }
  Actor actor;
  actor.label = "cli:" + who;
  actor.remote_addr = "cli";
  return actor;
}

Principal CommandLinePrincipal() {
  Principal p;
  p.kind = Principal::Kind::kUser;
  p.role = Role::kAdmin;
  p.name = "cli";
  p.remote_addr = "cli";
  return p;
}

}  // namespace txng::cli
