// Test support: where the conformance data is (TXNG_CONFORMANCE_DIR, else
// the directory CMake compiled in) and reading its files.
#ifndef TXNG_EPCIS_CONFORMANCE_FILES_TESTING_H_
#define TXNG_EPCIS_CONFORMANCE_FILES_TESTING_H_

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace txng::epcis::conformance_files {

inline std::filesystem::path ConformanceDir() {
  const char* env = std::getenv("TXNG_CONFORMANCE_DIR");
  return env != nullptr ? std::filesystem::path(env)
                        : std::filesystem::path(TXNG_DEFAULT_CONFORMANCE_DIR);
}

// The file's bytes; empty when it cannot be read.
inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace txng::epcis::conformance_files

#endif  // TXNG_EPCIS_CONFORMANCE_FILES_TESTING_H_
