// The `txng` subcommands. Each Add*Command registers a CLI11 subcommand and
// its callback; callbacks report failure by throwing CommandFailed, which
// main() turns into a message on stderr and exit code 1.
#ifndef TXNG_CLI_COMMANDS_H_
#define TXNG_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <memory>
#include <stdexcept>
#include <string>

#include "common/status.h"
#include "service/principal.h"
#include "store/store.h"

namespace txng::cli {

// Exit codes: 0 success, 1 the operation failed, 2 the command line is wrong.
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

struct CommandFailed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Ends the command with `code` after it has printed its own answer (e.g. a
// JSON error document), without a message on stderr.
struct ExitQuietly {
  int code;
};

// Options every subcommand shares.
struct GlobalOptions {
  std::string db = "sqlite:./var/txng.db";
};

// Throws CommandFailed with the status' message when it is not OK.
void Check(const Status& s, const std::string& context = "");
template <typename T>
T Check(Result<T> r, const std::string& context = "") {
  Check(r.status(), context);
  return std::move(r).value();
}

// Opens the database of `g.db` and applies pending migrations.
std::unique_ptr<Store> OpenStore(const GlobalOptions& g);

// The actor of command-line writes: "cli:<login name>".
Actor CliActor();

// The command line acts with an administrator's rights.
Principal CommandLinePrincipal();

void AddServeCommand(CLI::App& app, GlobalOptions& g);
void AddMigrateCommand(CLI::App& app, GlobalOptions& g);
void AddDemoCommand(CLI::App& app, GlobalOptions& g);
void AddUserCommand(CLI::App& app, GlobalOptions& g);
void AddApiKeyCommand(CLI::App& app, GlobalOptions& g);
void AddVersionCommand(CLI::App& app, GlobalOptions& g);
void AddGs1Command(CLI::App& app, GlobalOptions& g);
void AddLabelCommand(CLI::App& app, GlobalOptions& g);
// `epcis hash`, `capture` and `query`.
void AddEpcisCommands(CLI::App& app, GlobalOptions& g);
// `trace ID`.
void AddTraceCommand(CLI::App& app, GlobalOptions& g);

}  // namespace txng::cli

#endif  // TXNG_CLI_COMMANDS_H_
