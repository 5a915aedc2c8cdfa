//===- SizeExpr.cpp - Size expressions of kernel packages -----------------===//

#include "SizeExpr.h"

#include <cassert>
#include <charconv>
#include <limits>
#include <system_error>

using namespace attn::runtime;

SizeEnv::~SizeEnv() = default;

bool EmptySizeEnv::lookup(std::string_view name, int64_t /*dim*/,
                          int64_t & /*value*/, std::string &error) const {
  error = "unknown name '" + std::string(name) +
          "' (no buffer is known in this context)";
  return false;
}

//===----------------------------------------------------------------------===//
// Parsing
//===----------------------------------------------------------------------===//

namespace attn::runtime {

/// Recursive descent over the grammar, emitting the postfix program.
class SizeExprParser {
public:
  SizeExprParser(std::string_view text, SizeExpr &result, std::string &error)
      : text(text), result(result), error(error) {}

  bool parse() {
    if (!parseExpr())
      return false;
    skipSpace();
    if (pos != text.size())
      return fail("unexpected " + describeHere());
    return true;
  }

private:
  using Op = SizeExpr::Op;

  /// Bounds recursion through parentheses, function calls and unary minus.
  static constexpr unsigned kMaxDepth = 64;

  std::string_view text;
  SizeExpr &result;
  std::string &error;
  size_t pos = 0;
  unsigned depth = 0;

  static bool isDigit(char c) { return c >= '0' && c <= '9'; }
  static bool isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }
  static bool isIdentChar(char c) { return isIdentStart(c) || isDigit(c); }

  bool atEnd() const { return pos >= text.size(); }
  char peek() const { return atEnd() ? '\0' : text[pos]; }

  void skipSpace() {
    while (!atEnd() && (text[pos] == ' ' || text[pos] == '\t'))
      ++pos;
  }

  std::string describeHere() const {
    if (atEnd())
      return "end of expression";
    return std::string("'") + text[pos] + "' at column " +
           std::to_string(pos + 1);
  }

  bool fail(std::string message) {
    error = std::move(message);
    return false;
  }

  void emit(Op op, int64_t value = 0, std::string name = {}) {
    result.program.push_back({op, value, std::move(name)});
  }

  bool expect(char c) {
    skipSpace();
    if (atEnd() || text[pos] != c)
      return fail(std::string("expected '") + c + "', found " + describeHere());
    ++pos;
    return true;
  }

  bool parseInteger(int64_t &value) {
    size_t start = pos;
    while (!atEnd() && isDigit(text[pos]))
      ++pos;
    auto [end, ec] =
        std::from_chars(text.data() + start, text.data() + pos, value);
    if (ec != std::errc())
      return fail("integer '" + std::string(text.substr(start, pos - start)) +
                  "' at column " + std::to_string(start + 1) +
                  " does not fit in 64 bits");
    return true;
  }

  bool parseExpr() {
    if (!parseTerm())
      return false;
    while (true) {
      skipSpace();
      char c = peek();
      if (atEnd() || (c != '+' && c != '-'))
        return true;
      ++pos;
      if (!parseTerm())
        return false;
      emit(c == '+' ? Op::Add : Op::Sub);
    }
  }

  bool parseTerm() {
    if (!parseFactor())
      return false;
    while (true) {
      skipSpace();
      char c = peek();
      if (atEnd() || (c != '*' && c != '/' && c != '%'))
        return true;
      ++pos;
      if (!parseFactor())
        return false;
      emit(c == '*' ? Op::Mul : c == '/' ? Op::Div : Op::Rem);
    }
  }

  bool parseFactor() {
    if (++depth > kMaxDepth)
      return fail("expression nested deeper than " + std::to_string(kMaxDepth) +
                  " levels");
    bool ok = parseFactorImpl();
    --depth;
    return ok;
  }

  bool parseFactorImpl() {
    skipSpace();
    char c = peek();
    if (!atEnd() && isDigit(c)) {
      int64_t value;
      if (!parseInteger(value))
        return false;
      emit(Op::Push, value);
      return true;
    }
    if (c == '-' && !atEnd()) {
      ++pos;
      if (!parseFactor())
        return false;
      emit(Op::Neg);
      return true;
    }
    if (c == '(' && !atEnd()) {
      ++pos;
      return parseExpr() && expect(')');
    }
    if (!atEnd() && isIdentStart(c))
      return parseNameOrCall();
    return fail("expected a number, NAME.INT, ceildiv/min/max(...) or '(', "
                "found " +
                describeHere());
  }

  bool parseNameOrCall() {
    size_t start = pos;
    while (!atEnd() && isIdentChar(text[pos]))
      ++pos;
    std::string name(text.substr(start, pos - start));
    skipSpace();
    if (peek() == '(' && !atEnd())
      return parseCall(name, start);
    if (peek() != '.' || atEnd())
      return fail("expected '.' and a dimension index after '" + name +
                  "', found " + describeHere());
    ++pos;
    skipSpace();
    if (atEnd() || !isDigit(text[pos]))
      return fail("expected a dimension index after '" + name + ".', found " +
                  describeHere());
    int64_t dim;
    if (!parseInteger(dim))
      return false;
    emit(Op::Dim, dim, std::move(name));
    return true;
  }

  bool parseCall(const std::string &name, size_t start) {
    Op op;
    if (name == "ceildiv")
      op = Op::CeilDiv;
    else if (name == "min")
      op = Op::Min;
    else if (name == "max")
      op = Op::Max;
    else
      return fail("unknown function '" + name + "' at column " +
                  std::to_string(start + 1) +
                  " (expected ceildiv, min or max)");
    ++pos; // '('
    if (!parseExpr() || !expect(',') || !parseExpr() || !expect(')'))
      return false;
    emit(op);
    return true;
  }
};

} // namespace attn::runtime

SizeExpr::SizeExpr() : program{{Op::Push, 0, {}}}, text("0") {}

SizeExpr SizeExpr::constant(int64_t value) {
  SizeExpr expr;
  expr.program = {{Op::Push, value, {}}};
  expr.text = std::to_string(value);
  return expr;
}

bool SizeExpr::parse(std::string_view text, SizeExpr &result,
                     std::string &error) {
  SizeExpr parsed;
  parsed.program.clear();
  parsed.text = std::string(text);
  if (!SizeExprParser(text, parsed, error).parse())
    return false;
  result = std::move(parsed);
  return true;
}

bool SizeExpr::isLiteral() const {
  return program.size() == 1 && program[0].op == Op::Push;
}

bool SizeExpr::isConstant() const {
  for (const Instr &instr : program)
    if (instr.op == Op::Dim)
      return false;
  return true;
}

std::vector<SizeExpr::DimRef> SizeExpr::getDimRefs() const {
  std::vector<DimRef> refs;
  for (const Instr &instr : program)
    if (instr.op == Op::Dim)
      refs.push_back({instr.name, instr.value});
  return refs;
}

//===----------------------------------------------------------------------===//
// Evaluation
//===----------------------------------------------------------------------===//

namespace {

constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

std::string formatBinary(const char *op, int64_t lhs, int64_t rhs) {
  return std::to_string(lhs) + " " + op + " " + std::to_string(rhs);
}

std::string formatCall(const char *name, int64_t lhs, int64_t rhs) {
  return std::string(name) + "(" + std::to_string(lhs) + ", " +
         std::to_string(rhs) + ")";
}

bool overflow(std::string operation, std::string &error) {
  error = "integer overflow (" + operation + ")";
  return false;
}

bool divisionByZero(std::string operation, std::string &error) {
  error = "division by zero (" + operation + ")";
  return false;
}

/// ceil(lhs / rhs) for any signs; rhs != 0 and not kMin / -1.
int64_t ceilDiv(int64_t lhs, int64_t rhs) {
  int64_t quotient = lhs / rhs;
  int64_t remainder = lhs % rhs;
  // Truncation rounded down when the exact quotient is positive.
  if (remainder != 0 && ((remainder > 0) == (rhs > 0)))
    ++quotient;
  return quotient;
}

} // namespace

bool SizeExpr::evaluate(const SizeEnv &env, int64_t &value,
                        std::string &error) const {
  std::vector<int64_t> stack;
  stack.reserve(program.size());
  for (const Instr &instr : program) {
    if (instr.op == Op::Push) {
      stack.push_back(instr.value);
      continue;
    }
    if (instr.op == Op::Dim) {
      int64_t dim;
      if (!env.lookup(instr.name, instr.value, dim, error))
        return false;
      stack.push_back(dim);
      continue;
    }
    if (instr.op == Op::Neg) {
      assert(!stack.empty() && "malformed size expression program");
      if (stack.back() == kMin)
        return overflow("-(" + std::to_string(kMin) + ")", error);
      stack.back() = -stack.back();
      continue;
    }

    assert(stack.size() >= 2 && "malformed size expression program");
    int64_t rhs = stack.back();
    stack.pop_back();
    int64_t lhs = stack.back();
    int64_t &out = stack.back();
    switch (instr.op) {
    case Op::Add:
      if (__builtin_add_overflow(lhs, rhs, &out))
        return overflow(formatBinary("+", lhs, rhs), error);
      break;
    case Op::Sub:
      if (__builtin_sub_overflow(lhs, rhs, &out))
        return overflow(formatBinary("-", lhs, rhs), error);
      break;
    case Op::Mul:
      if (__builtin_mul_overflow(lhs, rhs, &out))
        return overflow(formatBinary("*", lhs, rhs), error);
      break;
    case Op::Div:
      if (rhs == 0)
        return divisionByZero(formatBinary("/", lhs, rhs), error);
      if (lhs == kMin && rhs == -1)
        return overflow(formatBinary("/", lhs, rhs), error);
      out = lhs / rhs;
      break;
    case Op::Rem:
      if (rhs == 0)
        return divisionByZero(formatBinary("%", lhs, rhs), error);
      out = rhs == -1 ? 0 : lhs % rhs;
      break;
    case Op::CeilDiv:
      if (rhs == 0)
        return divisionByZero(formatCall("ceildiv", lhs, rhs), error);
      if (lhs == kMin && rhs == -1)
        return overflow(formatCall("ceildiv", lhs, rhs), error);
      out = ceilDiv(lhs, rhs);
      break;
    case Op::Min:
      out = lhs < rhs ? lhs : rhs;
      break;
    case Op::Max:
      out = lhs > rhs ? lhs : rhs;
      break;
    case Op::Push:
    case Op::Dim:
    case Op::Neg:
      assert(false && "handled above");
      break;
    }
  }
  assert(stack.size() == 1 && "malformed size expression program");
  value = stack.back();
  return true;
}
