#include <iostream>

#include "cli/commands.h"
#include "cli/version.h"

namespace txng::cli {

void AddVersionCommand(CLI::App& app, GlobalOptions&) {
  CLI::App* cmd = app.add_subcommand("version", "Print the version of txng and its schema");
  cmd->callback([] {
    std::cout << "txng " << kVersion << " (database schema version " << Store::LatestSchemaVersion()
              << ")\n";
  });
}

}  // namespace txng::cli
