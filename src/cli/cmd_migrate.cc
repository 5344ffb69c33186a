#include <iostream>

#include "cli/commands.h"

namespace txng::cli {

void AddMigrateCommand(CLI::App& app, GlobalOptions& g) {
  CLI::App* cmd = app.add_subcommand(
      "migrate", "Apply pending database migrations (serve also does this at start)");
  cmd->callback([&g] {
    auto db = Check(OpenDatabase(g.db), "cannot open the database " + g.db);
    Store store(std::move(db));
    const int before = Check(store.SchemaVersion());
    const int after = Check(store.Migrate(), "migration failed");
    if (before == after) {
      std::cout << "schema is up to date (version " << after << ")\n";
    } else {
      std::cout << "migrated schema from version " << before << " to " << after << "\n";
    }
  });
}

}  // namespace txng::cli
