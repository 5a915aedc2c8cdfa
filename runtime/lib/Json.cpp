//===- Json.cpp - A small strict JSON parser ------------------------------===//

#include "Json.h"

#include <charconv>
#include <cstdio>
#include <system_error>

using namespace attn::runtime;

const JsonValue *JsonValue::get(std::string_view key) const {
  if (kind != Kind::Object)
    return nullptr;
  for (const JsonMember &member : object)
    if (member.key == key)
      return &member.value;
  return nullptr;
}

const char *JsonValue::describeKind() const {
  switch (kind) {
  case Kind::Null:
    return "null";
  case Kind::Bool:
    return "a boolean";
  case Kind::Integer:
    return "an integer";
  case Kind::Number:
    return "a number";
  case Kind::String:
    return "a string";
  case Kind::Array:
    return "an array";
  case Kind::Object:
    return "an object";
  }
  return "a value";
}

std::string JsonError::str() const {
  return "line " + std::to_string(line) + ", column " + std::to_string(column) +
         " (byte " + std::to_string(offset) + "): " + message;
}

namespace {

/// Nesting deeper than this is refused, so that parsing cannot exhaust the
/// stack.
constexpr unsigned kMaxDepth = 256;

bool isDigit(char c) { return c >= '0' && c <= '9'; }

int hexValue(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

void appendUtf8(std::string &out, uint32_t codePoint) {
  if (codePoint < 0x80) {
    out += static_cast<char>(codePoint);
  } else if (codePoint < 0x800) {
    out += static_cast<char>(0xC0 | (codePoint >> 6));
    out += static_cast<char>(0x80 | (codePoint & 0x3F));
  } else if (codePoint < 0x10000) {
    out += static_cast<char>(0xE0 | (codePoint >> 12));
    out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (codePoint & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (codePoint >> 18));
    out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (codePoint & 0x3F));
  }
}

class Parser {
public:
  Parser(std::string_view text, JsonError &error) : text(text), error(error) {}

  bool parseDocument(JsonValue &result) {
    skipWhitespace();
    if (!parseValue(result))
      return false;
    skipWhitespace();
    if (pos != text.size())
      return fail(pos, "unexpected " + describeAt(pos) + " after the value");
    return true;
  }

private:
  std::string_view text;
  JsonError &error;
  size_t pos = 0;
  unsigned depth = 0;

  bool fail(size_t at, std::string message) {
    error.offset = at;
    error.line = 1;
    error.column = 1;
    for (size_t i = 0; i < at && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++error.line;
        error.column = 1;
      } else {
        ++error.column;
      }
    }
    error.message = std::move(message);
    return false;
  }

  /// "end of input", "'x'" or "byte 0x07".
  std::string describeAt(size_t at) const {
    if (at >= text.size())
      return "end of input";
    unsigned char c = static_cast<unsigned char>(text[at]);
    if (c >= 0x20 && c < 0x7F)
      return std::string("'") + static_cast<char>(c) + "'";
    char buffer[16];
    std::snprintf(buffer, sizeof(buffer), "byte 0x%02X", c);
    return buffer;
  }

  bool atEnd() const { return pos >= text.size(); }
  char peek() const { return atEnd() ? '\0' : text[pos]; }

  void skipWhitespace() {
    while (!atEnd() && (text[pos] == ' ' || text[pos] == '\t' ||
                        text[pos] == '\n' || text[pos] == '\r'))
      ++pos;
  }

  bool expect(char c, const char *what) {
    if (peek() != c || atEnd())
      return fail(pos, std::string("expected ") + what + ", found " +
                           describeAt(pos));
    ++pos;
    return true;
  }

  bool parseValue(JsonValue &out) {
    if (atEnd())
      return fail(pos, "expected a value, found end of input");
    char c = text[pos];
    switch (c) {
    case '{':
      return parseNested(out, /*isObject=*/true);
    case '[':
      return parseNested(out, /*isObject=*/false);
    case '"':
      out.kind = JsonValue::Kind::String;
      return parseString(out.string);
    case 't':
      out.kind = JsonValue::Kind::Bool;
      out.boolean = true;
      return parseWord("true");
    case 'f':
      out.kind = JsonValue::Kind::Bool;
      out.boolean = false;
      return parseWord("false");
    case 'n':
      out.kind = JsonValue::Kind::Null;
      return parseWord("null");
    default:
      if (c == '-' || isDigit(c))
        return parseNumber(out);
      return fail(pos, "expected a value, found " + describeAt(pos));
    }
  }

  bool parseNested(JsonValue &out, bool isObject) {
    if (++depth > kMaxDepth)
      return fail(pos, "nesting deeper than " + std::to_string(kMaxDepth) +
                           " levels");
    bool ok = isObject ? parseObject(out) : parseArray(out);
    --depth;
    return ok;
  }

  bool parseWord(std::string_view word) {
    if (text.substr(pos, word.size()) != word)
      return fail(pos, "invalid literal; expected '" + std::string(word) + "'");
    pos += word.size();
    return true;
  }

  bool parseObject(JsonValue &out) {
    out.kind = JsonValue::Kind::Object;
    ++pos; // '{'
    skipWhitespace();
    if (peek() == '}' && !atEnd()) {
      ++pos;
      return true;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"' || atEnd())
        return fail(pos, "expected a string key, found " + describeAt(pos));
      size_t keyOffset = pos;
      JsonMember member;
      if (!parseString(member.key))
        return false;
      if (out.get(member.key))
        return fail(keyOffset, "duplicate key '" + member.key + "'");
      skipWhitespace();
      if (!expect(':', "':' after an object key"))
        return false;
      skipWhitespace();
      if (!parseValue(member.value))
        return false;
      out.object.push_back(std::move(member));
      skipWhitespace();
      if (peek() == ',' && !atEnd()) {
        ++pos;
        continue;
      }
      return expect('}', "',' or '}' in an object");
    }
  }

  bool parseArray(JsonValue &out) {
    out.kind = JsonValue::Kind::Array;
    ++pos; // '['
    skipWhitespace();
    if (peek() == ']' && !atEnd()) {
      ++pos;
      return true;
    }
    while (true) {
      skipWhitespace();
      out.array.emplace_back();
      if (!parseValue(out.array.back()))
        return false;
      skipWhitespace();
      if (peek() == ',' && !atEnd()) {
        ++pos;
        continue;
      }
      return expect(']', "',' or ']' in an array");
    }
  }

  bool parseHex4(uint32_t &value) {
    if (pos + 4 > text.size())
      return fail(pos, "expected 4 hex digits after '\\u'");
    value = 0;
    for (size_t i = 0; i < 4; ++i) {
      int digit = hexValue(text[pos + i]);
      if (digit < 0)
        return fail(pos + i, "expected 4 hex digits after '\\u', found " +
                                 describeAt(pos + i));
      value = value * 16 + static_cast<uint32_t>(digit);
    }
    pos += 4;
    return true;
  }

  /// Parses `\uXXXX` (pos at the 'u'), joining a surrogate pair.
  bool parseUnicodeEscape(std::string &out) {
    size_t start = pos - 1;
    ++pos; // 'u'
    uint32_t codePoint;
    if (!parseHex4(codePoint))
      return false;
    if (codePoint >= 0xDC00 && codePoint <= 0xDFFF)
      return fail(start, "unpaired low surrogate in a '\\u' escape");
    if (codePoint >= 0xD800 && codePoint <= 0xDBFF) {
      if (text.substr(pos, 2) != "\\u")
        return fail(start, "unpaired high surrogate in a '\\u' escape");
      pos += 2;
      uint32_t low;
      if (!parseHex4(low))
        return false;
      if (low < 0xDC00 || low > 0xDFFF)
        return fail(start, "unpaired high surrogate in a '\\u' escape");
      codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
    }
    appendUtf8(out, codePoint);
    return true;
  }

  /// Copies one UTF-8 encoded code point of 2 to 4 bytes, validating it.
  bool parseUtf8Sequence(std::string &out) {
    auto byteAt = [&](size_t i) {
      return static_cast<unsigned char>(i < text.size() ? text[i] : 0);
    };
    unsigned char lead = byteAt(pos);
    size_t length;
    unsigned char low = 0x80, high = 0xBF; // bounds of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0)
        low = 0xA0;
      if (lead == 0xED)
        high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0)
        low = 0x90;
      if (lead == 0xF4)
        high = 0x8F;
    } else {
      return fail(pos, "invalid UTF-8 byte 0x" + toHex(lead) + " in a string");
    }
    for (size_t i = 1; i < length; ++i) {
      unsigned char c = byteAt(pos + i);
      unsigned char min = i == 1 ? low : 0x80, max = i == 1 ? high : 0xBF;
      if (pos + i >= text.size() || c < min || c > max)
        return fail(pos, "invalid UTF-8 sequence in a string");
    }
    out.append(text.substr(pos, length));
    pos += length;
    return true;
  }

  static std::string toHex(unsigned char c) {
    char buffer[4];
    std::snprintf(buffer, sizeof(buffer), "%02X", c);
    return buffer;
  }

  bool parseString(std::string &out) {
    size_t start = pos;
    ++pos; // '"'
    while (true) {
      if (atEnd())
        return fail(start, "unterminated string");
      unsigned char c = static_cast<unsigned char>(text[pos]);
      if (c == '"') {
        ++pos;
        return true;
      }
      if (c < 0x20)
        return fail(pos, "unescaped control character 0x" + toHex(c) +
                             " in a string");
      if (c >= 0x80) {
        if (!parseUtf8Sequence(out))
          return false;
        continue;
      }
      if (c != '\\') {
        out += static_cast<char>(c);
        ++pos;
        continue;
      }
      ++pos; // '\'
      char escape = peek();
      if (atEnd())
        return fail(start, "unterminated string");
      switch (escape) {
      case '"':
      case '\\':
      case '/':
        out += escape;
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u':
        if (!parseUnicodeEscape(out))
          return false;
        continue;
      default:
        return fail(pos - 1,
                    "invalid escape: '\\' followed by " + describeAt(pos));
      }
      ++pos;
    }
  }

  bool parseNumber(JsonValue &out) {
    size_t start = pos;
    bool isInteger = true;
    if (peek() == '-')
      ++pos;
    if (!isDigit(peek()) || atEnd())
      return fail(pos, "expected a digit, found " + describeAt(pos));
    if (text[pos] == '0') {
      ++pos;
      if (isDigit(peek()) && !atEnd())
        return fail(start, "a number must not have leading zeros");
    } else {
      while (!atEnd() && isDigit(text[pos]))
        ++pos;
    }
    if (peek() == '.' && !atEnd()) {
      isInteger = false;
      ++pos;
      if (!isDigit(peek()) || atEnd())
        return fail(pos,
                    "expected a digit after '.', found " + describeAt(pos));
      while (!atEnd() && isDigit(text[pos]))
        ++pos;
    }
    if ((peek() == 'e' || peek() == 'E') && !atEnd()) {
      isInteger = false;
      ++pos;
      if ((peek() == '+' || peek() == '-') && !atEnd())
        ++pos;
      if (!isDigit(peek()) || atEnd())
        return fail(pos, "expected a digit in the exponent, found " +
                             describeAt(pos));
      while (!atEnd() && isDigit(text[pos]))
        ++pos;
    }

    const char *first = text.data() + start;
    const char *last = text.data() + pos;
    if (isInteger) {
      int64_t value;
      auto [end, ec] = std::from_chars(first, last, value);
      if (ec == std::errc() && end == last) {
        out.kind = JsonValue::Kind::Integer;
        out.integer = value;
        return true;
      }
      // Too large for 64 bits: keep it as a floating-point number.
    }
    double value;
    auto [end, ec] = std::from_chars(first, last, value);
    if (ec != std::errc() || end != last)
      return fail(start,
                  "number '" + std::string(first, last) + "' is out of range");
    out.kind = JsonValue::Kind::Number;
    out.number = value;
    return true;
  }
};

} // namespace

bool attn::runtime::parseJson(std::string_view text, JsonValue &result,
                              JsonError &error) {
  result = JsonValue();
  return Parser(text, error).parseDocument(result);
}
