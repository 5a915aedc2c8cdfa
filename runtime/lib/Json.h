//===- Json.h - A small strict JSON parser ----------------------*- C++ -*-===//
//
// Parses RFC 8259 JSON: objects, arrays, strings (with every escape, UTF-16
// surrogate pairs, validated UTF-8), numbers, true, false and null. Strict:
// no comments, no trailing commas, no leading zeros, no duplicate keys, no
// content after the value. Integers that fit in 64 bits are kept exactly.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_RUNTIME_JSON_H
#define ATTN_RUNTIME_JSON_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace attn::runtime {

struct JsonMember;

/// A parsed JSON value. Only the fields of its kind are meaningful.
struct JsonValue {
  enum class Kind { Null, Bool, Integer, Number, String, Array, Object };

  Kind kind = Kind::Null;
  bool boolean = false;
  /// Kind::Integer: a number without fraction or exponent that fits in
  /// int64_t. Larger integers are Kind::Number.
  int64_t integer = 0;
  /// Kind::Number.
  double number = 0;
  std::string string;
  std::vector<JsonValue> array;
  /// Kind::Object: the members in source order (keys are unique).
  std::vector<JsonMember> object;

  bool isNull() const { return kind == Kind::Null; }
  bool isBool() const { return kind == Kind::Bool; }
  bool isInteger() const { return kind == Kind::Integer; }
  bool isString() const { return kind == Kind::String; }
  bool isArray() const { return kind == Kind::Array; }
  bool isObject() const { return kind == Kind::Object; }

  /// The member `key` of an object; null if absent or not an object.
  const JsonValue *get(std::string_view key) const;

  /// "an integer", "a string", ...: for messages like "expected a string,
  /// got an integer".
  const char *describeKind() const;
};

struct JsonMember {
  std::string key;
  JsonValue value;
};

/// Where and why parsing failed.
struct JsonError {
  /// Byte offset of the error, and its 1-based line and column (in bytes).
  size_t offset = 0;
  size_t line = 1;
  size_t column = 1;
  std::string message;

  /// "line 3, column 14 (byte 41): expected ':' after an object key".
  std::string str() const;
};

/// Parses `text`, which must hold exactly one JSON value (whitespace around
/// it is allowed). On failure returns false and fills `error`.
bool parseJson(std::string_view text, JsonValue &result, JsonError &error);

} // namespace attn::runtime

#endif // ATTN_RUNTIME_JSON_H
