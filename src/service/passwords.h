// Password hashing with Argon2id (libsodium crypto_pwhash_str), and the
// random tokens and digests that sessions and API keys are made of.
#ifndef TXNG_SERVICE_PASSWORDS_H_
#define TXNG_SERVICE_PASSWORDS_H_

#include <string>
#include <string_view>

#include "common/status.h"

namespace txng {

// Must be called once before any other function here (idempotent, thread-safe).
Status InitCrypto();

// An Argon2id encoded hash ("$argon2id$v=19$m=...") of `password`.
// Passwords shorter than 8 bytes or longer than 1024 bytes are refused.
Result<std::string> HashPassword(std::string_view password);

// True when `password` matches `encoded_hash`. Constant-time in the password.
bool VerifyPassword(std::string_view encoded_hash, std::string_view password);

// `bytes` random bytes, URL-safe base64 without padding.
std::string RandomToken(size_t bytes = 32);

// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

// Compares two strings in time independent of where they differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace txng

#endif  // TXNG_SERVICE_PASSWORDS_H_
