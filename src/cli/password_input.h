#ifndef TXNG_CLI_PASSWORD_INPUT_H_
#define TXNG_CLI_PASSWORD_INPUT_H_

#include <string>

namespace txng::cli {

// A new password: typed twice without echo on a terminal, or the first line
// of standard input when it is not a terminal (for scripts). Throws
// CommandFailed when the two entries differ or the input is empty.
std::string ReadNewPassword();

}  // namespace txng::cli

#endif  // TXNG_CLI_PASSWORD_INPUT_H_
