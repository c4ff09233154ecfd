// Connection failures of the PostgreSQL loader that need no server: a port that refuses, a
// peer that accepts TCP but never answers (the connect timeout), a malformed string.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>

#include "dbopt/catalog/load.h"

namespace dbopt::catalog {
namespace {

// A TCP socket on 127.0.0.1 with a kernel-chosen port: bound only (connections are refused)
// or listening without ever accepting (the handshake completes, nothing is ever sent).
class LocalSocket {
 public:
  explicit LocalSocket(bool listening) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd_ >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    if (listening) REQUIRE(::listen(fd_, 4) == 0);
    socklen_t length = sizeof address;
    REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    port_ = ntohs(address.sin_port);
  }
  ~LocalSocket() { ::close(fd_); }
  LocalSocket(const LocalSocket&) = delete;
  LocalSocket& operator=(const LocalSocket&) = delete;

  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST_CASE("pg connect: a refused port is an I/O error that hides the password") {
  LocalSocket closed(/*listening=*/false);
  const std::string port = std::to_string(closed.port());
  Result<Catalog> loaded = LoadPostgresCatalog("host=127.0.0.1 port=" + port +
                                               " user=alice password=s3cret dbname=shop");
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error().kind == ErrorKind::kIo);
  CHECK(ExitCodeFor(loaded.error().kind) == 2);
  const std::string message = loaded.error().message();
  CHECK(message.rfind("cannot connect to PostgreSQL (host=127.0.0.1 port=" + port +
                          " user=alice dbname=shop): ",
                      0) == 0);
  CHECK(message.find("Connection refused") != std::string::npos);
  CHECK(loaded.error().Render().find("s3cret") == std::string::npos);
}

TEST_CASE("pg connect: a silent peer fails after connect_timeout instead of hanging") {
  LocalSocket silent(/*listening=*/true);
  const auto start = std::chrono::steady_clock::now();
  // libpq's smallest timeout is 2 s.
  Result<Catalog> loaded =
      LoadPostgresCatalog("postgresql://alice:s3cret@127.0.0.1:" + std::to_string(silent.port()) +
                          "/shop?connect_timeout=2&sslmode=disable");
  const double seconds = SecondsSince(start);
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error().kind == ErrorKind::kIo);
  CHECK(loaded.error().message().find("timeout expired") != std::string::npos);
  CHECK(loaded.error().message().find("postgresql://alice@127.0.0.1:") != std::string::npos);
  CHECK(loaded.error().diagnostic.hint.find("connect_timeout") != std::string::npos);
  CHECK(loaded.error().Render().find("s3cret") == std::string::npos);
  CHECK(seconds >= 1.5);
  CHECK(seconds < 8);
}

// 10 s long, so it runs with the real-server tests (tests/integration/postgres_import_test.sh).
TEST_CASE("pg connect: without connect_timeout the import gives up after 10 s" *
          doctest::skip(std::getenv("DBOPT_TEST_PG_CONNINFO") == nullptr)) {
  LocalSocket silent(/*listening=*/true);
  ::unsetenv("PGCONNECT_TIMEOUT");
  const auto start = std::chrono::steady_clock::now();
  Result<Catalog> loaded =
      LoadPostgresCatalog("host=127.0.0.1 sslmode=disable port=" + std::to_string(silent.port()));
  const double seconds = SecondsSince(start);
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error().message().find("timeout expired") != std::string::npos);
  CHECK(seconds >= 9);
  CHECK(seconds < 20);
}

TEST_CASE("pg connect: a malformed connection string is bad input without its secrets") {
  Result<Catalog> loaded = LoadPostgresCatalog("postgresql://alice:s3%ZZcret@localhost/shop");
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error().kind == ErrorKind::kBadInput);
  CHECK(loaded.error().message().rfind(
            "invalid PostgreSQL connection string \"postgresql://alice@localhost/shop\": ", 0) ==
        0);
  CHECK(loaded.error().Render().find("cret") == std::string::npos);

  Result<Catalog> unknown = LoadPostgresCatalog("host=localhost colour=blue password=pw");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().kind == ErrorKind::kBadInput);
  CHECK(unknown.error().message().find("colour") != std::string::npos);
  CHECK(unknown.error().Render().find("pw") == std::string::npos);
}

}  // namespace
}  // namespace dbopt::catalog
