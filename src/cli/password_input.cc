#include "cli/password_input.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "cli/commands.h"

namespace txng::cli {
namespace {

std::string PromptHidden(const char* prompt) {
  std::cerr << prompt << std::flush;
  termios old{};
  tcgetattr(STDIN_FILENO, &old);
  termios quiet = old;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  std::string line;
  std::getline(std::cin, line);
  tcsetattr(STDIN_FILENO, TCSANOW, &old);
  std::cerr << "\n";
  return line;
}

}  // namespace

std::string ReadNewPassword() {
  std::string password;
  if (isatty(STDIN_FILENO)) {
    password = PromptHidden("New password: ");
    if (PromptHidden("Repeat it: ") != password) throw CommandFailed("the passwords differ");
  } else {
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
  }
  if (password.empty()) throw CommandFailed("no password given (type one, or pipe it on stdin)");
  return password;
}

}  // namespace txng::cli
