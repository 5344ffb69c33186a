// txng trace ID: the lineage of an identifier, as GET /api/v1/trace answers
// it, for administrators on the server (every event, published or not).
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "service/trace.h"

namespace txng::cli {

namespace {

struct TraceArgs {
  std::string id;
  std::string direction = "both";
  std::string format = "text";
  int depth = 32;
  std::string as_of;
  int limit = 1000;
  int offset = 0;
};

}  // namespace

void AddTraceCommand(CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<TraceArgs>();
  CLI::App* cmd = app.add_subcommand(
      "trace",
      "Trace an identifier through the captured EPCIS events: where it came from (backward), "
      "where it went (forward), or both. ID is an EPC URI, a GS1 Digital Link URI or a GS1 "
      "element string, e.g. '(01)08930001000018(10)L01'");
  cmd->add_option("id", a->id, "The identifier to trace")->required();
  cmd->add_option("--direction", a->direction, "backward, forward or both")
      ->check(CLI::IsMember({"backward", "forward", "both"}))
      ->capture_default_str();
  cmd->add_option("--format", a->format,
                  "text (one line per node and edge), json (as GET /api/v1/trace) or dot "
                  "(Graphviz)")
      ->check(CLI::IsMember({"text", "json", "dot"}))
      ->capture_default_str();
  cmd->add_option("--depth", a->depth, "Hops between identifiers, 0..64")->capture_default_str();
  cmd->add_option("--as-of", a->as_of,
                  "Leave out events after this date-time, e.g. 2026-03-01T00:00:00+07:00");
  cmd->add_option("--limit", a->limit, "Nodes per page, 1..10000")->capture_default_str();
  cmd->add_option("--offset", a->offset, "Nodes of earlier pages (the answer's nextOffset)")
      ->capture_default_str();
  cmd->callback([&g, a] {
    std::vector<std::pair<std::string, std::string>> params = {
        {"id", a->id},
        {"direction", a->direction},
        {"depth", std::to_string(a->depth)},
        {"limit", std::to_string(a->limit)},
        {"offset", std::to_string(a->offset)}};
    if (!a->as_of.empty()) params.emplace_back("asOf", a->as_of);
    trace::TraceRequest request = Check(ParseTraceQuery(params));
    auto store = OpenStore(g);
    TraceAnswer answer = Check(TraceIdentifier(*store, request, CommandLinePrincipal()));
    if (a->format == "json") {
      std::cout << TraceJson(answer, request) << "\n";
    } else if (a->format == "dot") {
      std::cout << TraceDot(answer);
    } else {
      std::cout << TraceText(answer);
    }
  });
}

}  // namespace txng::cli
