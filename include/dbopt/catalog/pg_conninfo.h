// PostgreSQL connection strings (libpq's two forms) without their secrets, for messages and
// Catalog::source.location:
//
//   postgresql://alice:s3cret@db.example.com:5433/shop?sslmode=require&password=s3cret
//     → postgresql://alice@db.example.com:5433/shop?sslmode=require
//   host=db.example.com user=alice password='s 3cret' dbname=shop
//     → host=db.example.com user=alice dbname=shop
#pragma once

#include <string>

namespace dbopt::catalog {

// The connection string with every password removed and everything else unchanged:
// - URI form: the ":password" of the user info and any "password=" query parameter (the
//   parameter name is matched after percent-decoding, as libpq does);
// - key=value form: every "password = value" pair, quoted ('...', with \' and \\ escapes) or
//   not; a "dbname" value that is itself a connection string (libpq expands those) is redacted
//   the same way.
// A malformed key=value string (a key without "=", an unterminated quote) is cut before the
// first thing that cannot be parsed, so no secret survives a syntax error.
std::string RedactConninfo(const std::string& conninfo);

// True for libpq's URI form ("postgresql://" or "postgres://").
bool IsConninfoUri(const std::string& conninfo);

}  // namespace dbopt::catalog
