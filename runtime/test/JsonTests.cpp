//===- JsonTests.cpp - The strict JSON parser -----------------------------===//

#include "Json.h"
#include "TestSupport.h"

using namespace attn::runtime;

namespace {

/// Parses `text`; a test failure if that fails.
JsonValue parse(const std::string &text) {
  JsonValue value;
  JsonError error;
  if (!parseJson(text, value, error))
    test::reportFailure(__FILE__, __LINE__,
                        "parsing '" + text + "' failed: " + error.str());
  return value;
}

/// The error message of parsing `text`, which must fail.
std::string parseError(const std::string &text) {
  JsonValue value;
  JsonError error;
  if (parseJson(text, value, error)) {
    test::reportFailure(__FILE__, __LINE__,
                        "parsing '" + text + "' succeeded unexpectedly");
    return "";
  }
  return error.str();
}

} // namespace

TEST(JsonScalars) {
  CHECK(parse("null").isNull());
  CHECK(parse(" true ").boolean);
  CHECK(!parse("false").boolean);
  CHECK_EQ(parse("0").integer, 0);
  CHECK_EQ(parse("-17").integer, -17);
  CHECK_EQ(parse("9223372036854775807").integer, INT64_MAX);
  CHECK_EQ(parse("-9223372036854775808").integer, INT64_MIN);
  JsonValue big = parse("9223372036854775808");
  CHECK(big.kind == JsonValue::Kind::Number);
  CHECK_EQ(big.number, 9223372036854775808.0);
  JsonValue real = parse("-1.5e2");
  CHECK(real.kind == JsonValue::Kind::Number);
  CHECK_EQ(real.number, -150.0);
  CHECK(parse("1.0").kind == JsonValue::Kind::Number);
  CHECK(parse("1E+2").kind == JsonValue::Kind::Number);
}

TEST(JsonStrings) {
  CHECK_EQ(parse(R"("a\"b\\c\/d\b\f\n\r\t")").string,
           std::string("a\"b\\c/d\b\f\n\r\t"));
  CHECK_EQ(parse(R"("\u0041\u00e9\u20AC")").string,
           std::string("A\xC3\xA9\xE2\x82\xAC"));
  // A surrogate pair: U+1F600.
  CHECK_EQ(parse(R"("\ud83d\ude00")").string, std::string("\xF0\x9F\x98\x80"));
  CHECK_EQ(parse("\"caf\xC3\xA9\"").string, std::string("caf\xC3\xA9"));
  JsonValue nul = parse(R"("a\u0000b")");
  CHECK_EQ(nul.string.size(), size_t(3));
}

TEST(JsonContainers) {
  JsonValue value = parse(R"( {"a": [1, 2, {"b": null}], "c": {}, "d": []} )");
  CHECK(value.isObject());
  CHECK_EQ(value.object.size(), size_t(3));
  CHECK_EQ(value.object[0].key, std::string("a"));
  const JsonValue *a = value.get("a");
  CHECK(a && a->isArray() && a->array.size() == 3);
  CHECK(a && a->array[2].get("b") && a->array[2].get("b")->isNull());
  CHECK(value.get("c") && value.get("c")->object.empty());
  CHECK(value.get("d") && value.get("d")->array.empty());
  CHECK(value.get("missing") == nullptr);
  CHECK(a && a->get("x") == nullptr); // not an object
}

TEST(JsonErrorsHaveLocations) {
  CHECK_CONTAINS(
      parseError("{\n  \"a\": 1,\n  \"b\" 2\n}"),
      "line 3, column 7 (byte 18): expected ':' after an object key, "
      "found '2'");
  CHECK_CONTAINS(parseError(""), "line 1, column 1 (byte 0): expected a value, "
                                 "found end of input");
  CHECK_CONTAINS(parseError("[1, 2"), "expected ',' or ']' in an array, found "
                                      "end of input");
  CHECK_CONTAINS(parseError("{\"a\": 1,}"), "expected a string key, found '}'");
  CHECK_CONTAINS(parseError("[1,]"), "expected a value, found ']'");
  CHECK_CONTAINS(parseError("{\"a\": 1} x"), "unexpected 'x' after the value");
  CHECK_CONTAINS(parseError("01"), "leading zeros");
  CHECK_CONTAINS(parseError("1."), "expected a digit after '.'");
  CHECK_CONTAINS(parseError("1e"), "expected a digit in the exponent");
  CHECK_CONTAINS(parseError("-"), "expected a digit");
  CHECK_CONTAINS(parseError("1e999"), "out of range");
  CHECK_CONTAINS(parseError("tru"), "invalid literal; expected 'true'");
  CHECK_CONTAINS(parseError("nul"), "expected 'null'");
  CHECK_CONTAINS(parseError("'a'"), "expected a value, found '''");
  CHECK_CONTAINS(parseError("// c\n1"), "expected a value, found '/'");
  CHECK_CONTAINS(parseError("{\"a\": 1, \"a\": 2}"),
                 "byte 9): duplicate key 'a'");
}

TEST(JsonStringErrors) {
  CHECK_CONTAINS(parseError("\"abc"), "unterminated string");
  CHECK_CONTAINS(parseError("\"a\nb\""), "unescaped control character 0x0A");
  CHECK_CONTAINS(parseError(R"("\x")"), "invalid escape: '\\' followed by 'x'");
  CHECK_CONTAINS(parseError(R"("\u12G4")"), "expected 4 hex digits");
  CHECK_CONTAINS(parseError(R"("\ud83d")"), "unpaired high surrogate");
  CHECK_CONTAINS(parseError(R"("\ud83d\u0041")"), "unpaired high surrogate");
  CHECK_CONTAINS(parseError(R"("\ude00")"), "unpaired low surrogate");
  CHECK_CONTAINS(parseError("\"\xFF\""), "invalid UTF-8 byte 0xFF");
  CHECK_CONTAINS(parseError("\"\xC3\""), "invalid UTF-8 sequence");
  CHECK_CONTAINS(parseError("\"\xE0\x80\x80\""), "invalid UTF-8 sequence");
  CHECK_CONTAINS(parseError("\"\xED\xA0\x80\""), "invalid UTF-8 sequence");
}

TEST(JsonNestingLimit) {
  std::string deep(300, '[');
  CHECK_CONTAINS(parseError(deep), "nesting deeper than 256 levels");
  std::string ok = std::string(200, '[') + std::string(200, ']');
  JsonValue value;
  JsonError error;
  CHECK(parseJson(ok, value, error));
}
