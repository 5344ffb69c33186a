// txng: the traceability portal and its administration commands.
#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "service/passwords.h"

int main(int argc, char** argv) {
  using namespace txng::cli;
  if (!txng::InitCrypto().ok()) {
    std::cerr << "txng: libsodium could not be initialised\n";
    return kExitFailure;
  }

  CLI::App app{
      "TXNG: product traceability portal (truy xuất nguồn gốc).\n"
      "Every option can also be set in the --config TOML file (top-level keys for global\n"
      "options, a [serve] table for serve's) or in a TXNG_* environment variable.",
      "txng"};
  app.require_subcommand(1);
  app.set_config("--config", "", "TOML file with option values (e.g. db = \"sqlite:/srv/txng.db\")")
      ->envname("TXNG_CONFIG");

  GlobalOptions g;
  app.add_option("--db", g.db,
                 "Database: sqlite:PATH or postgresql://USER@HOST:PORT/DB (env TXNG_DB)")
      ->envname("TXNG_DB")
      ->capture_default_str();

  AddServeCommand(app, g);
  AddMigrateCommand(app, g);
  AddDemoCommand(app, g);
  AddUserCommand(app, g);
  AddApiKeyCommand(app, g);
  AddGs1Command(app, g);
  AddLabelCommand(app, g);
  AddEpcisCommands(app, g);
  AddTraceCommand(app, g);
  AddVersionCommand(app, g);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  } catch (const ExitQuietly& e) {
    return e.code;
  } catch (const CommandFailed& e) {
    std::cerr << "txng: " << e.what() << "\n";
    return kExitFailure;
  }
  return EXIT_SUCCESS;
}
