#include "dbopt/catalog/pg_conninfo.h"

#include <doctest/doctest.h>

namespace dbopt::catalog {
namespace {

TEST_CASE("pg conninfo: URI passwords are removed from the user info") {
  CHECK(RedactConninfo("postgresql://alice:s3cret@db.example.com:5433/shop") ==
        "postgresql://alice@db.example.com:5433/shop");
  CHECK(RedactConninfo("postgres://alice:@localhost/shop") == "postgres://alice@localhost/shop");
  CHECK(RedactConninfo("postgresql://alice:p%40ss%3Aw0rd@h1:5432,h2:5433/db") ==
        "postgresql://alice@h1:5432,h2:5433/db");
  // A raw '?' in the password belongs to the user info (libpq stops only at '@' and '/').
  CHECK(RedactConninfo("postgresql://bob:a?b@host/db?sslmode=disable") ==
        "postgresql://bob@host/db?sslmode=disable");
}

TEST_CASE("pg conninfo: URI password parameters are removed, others kept in order") {
  CHECK(RedactConninfo("postgresql://host/db?sslmode=require&password=s3cret&application_name=x") ==
        "postgresql://host/db?sslmode=require&application_name=x");
  CHECK(RedactConninfo("postgresql://host/db?password=s3cret") == "postgresql://host/db");
  // libpq percent-decodes parameter names too.
  CHECK(RedactConninfo("postgresql://host/db?pass%77ord=s3cret&user=u") ==
        "postgresql://host/db?user=u");
  CHECK(RedactConninfo("postgresql://u:pw@/db?host=/var/run/postgresql") ==
        "postgresql://u@/db?host=/var/run/postgresql");
}

TEST_CASE("pg conninfo: URIs without secrets are unchanged") {
  for (const char* uri : {"postgresql://", "postgresql://localhost", "postgresql://u@h:1/d",
                          "postgresql://[::1]:5433/db?connect_timeout=3"}) {
    CHECK(RedactConninfo(uri) == uri);
  }
}

TEST_CASE("pg conninfo: key=value passwords are removed, quoted or not") {
  CHECK(RedactConninfo("host=db user=alice password=s3cret dbname=shop") ==
        "host=db user=alice dbname=shop");
  CHECK(RedactConninfo("password=s3cret host=db") == "host=db");
  CHECK(RedactConninfo("host=db password = 'it\\'s secret' port=5433") == "host=db port=5433");
  CHECK(RedactConninfo("host=db password='a b\\\\' user=x") == "host=db user=x");
  CHECK(RedactConninfo("host=db  password=x\\ y   user=z  ") == "host=db   user=z  ");
  CHECK(RedactConninfo("password=one host=h password=two") == "host=h");
  CHECK(RedactConninfo("host=db user=alice") == "host=db user=alice");
  CHECK(RedactConninfo("shop") == "shop");
  CHECK(RedactConninfo("") == "");
}

TEST_CASE("pg conninfo: a dbname holding a connection string is redacted too") {
  CHECK(RedactConninfo("dbname='postgresql://u:pw@h/db' connect_timeout=2") ==
        "dbname='postgresql://u@h/db' connect_timeout=2");
  CHECK(RedactConninfo("dbname='host=h password=pw' user=u") == "dbname='host=h' user=u");
  CHECK(RedactConninfo("dbname=shop user=u") == "dbname=shop user=u");
}

TEST_CASE("pg conninfo: malformed strings are cut before what cannot be parsed") {
  CHECK(RedactConninfo("host=db password") == "host=db");
  CHECK(RedactConninfo("host=db password='unterminated secret") == "host=db");
  CHECK(RedactConninfo("host=db sslmode='x password=secret") == "host=db");
}

TEST_CASE("pg conninfo: URI detection") {
  CHECK(IsConninfoUri("postgresql://h/db"));
  CHECK(IsConninfoUri("postgres://h/db"));
  CHECK_FALSE(IsConninfoUri("host=h"));
  CHECK_FALSE(IsConninfoUri("postgresql:/h"));
}

}  // namespace
}  // namespace dbopt::catalog
