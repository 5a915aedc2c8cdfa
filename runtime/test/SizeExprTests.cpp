//===- SizeExprTests.cpp - Parsing and evaluating size expressions --------===//

#include "SizeExpr.h"
#include "TestSupport.h"

#include <map>

using namespace attn::runtime;

namespace {

/// Dimensions of made-up buffers: q is [7, 3, 8], k is [5], big is [2^62].
class TestEnv final : public SizeEnv {
public:
  bool lookup(std::string_view name, int64_t dim, int64_t &value,
              std::string &error) const override {
    static const std::map<std::string, std::vector<int64_t>> shapes = {
        {"q", {7, 3, 8}}, {"k", {5}}, {"big", {int64_t(1) << 62}}};
    auto it = shapes.find(std::string(name));
    if (it == shapes.end()) {
      error = "unknown buffer '" + std::string(name) + "'";
      return false;
    }
    if (dim >= static_cast<int64_t>(it->second.size())) {
      error = "no dimension " + std::to_string(dim);
      return false;
    }
    value = it->second[dim];
    return true;
  }
};

/// Evaluates `text`; a test failure if parsing or evaluating fails.
int64_t eval(const std::string &text) {
  SizeExpr expr;
  std::string error;
  if (!SizeExpr::parse(text, expr, error)) {
    test::reportFailure(__FILE__, __LINE__,
                        "parsing '" + text + "' failed: " + error);
    return -999;
  }
  int64_t value = 0;
  if (!expr.evaluate(TestEnv(), value, error))
    test::reportFailure(__FILE__, __LINE__,
                        "evaluating '" + text + "' failed: " + error);
  return value;
}

std::string parseError(const std::string &text) {
  SizeExpr expr;
  std::string error;
  if (SizeExpr::parse(text, expr, error))
    test::reportFailure(__FILE__, __LINE__,
                        "parsing '" + text + "' succeeded unexpectedly");
  return error;
}

std::string evalError(const std::string &text) {
  SizeExpr expr;
  std::string error;
  if (!SizeExpr::parse(text, expr, error)) {
    test::reportFailure(__FILE__, __LINE__,
                        "parsing '" + text + "' failed: " + error);
    return "";
  }
  int64_t value;
  if (expr.evaluate(TestEnv(), value, error))
    test::reportFailure(__FILE__, __LINE__,
                        "evaluating '" + text + "' succeeded unexpectedly");
  return error;
}

} // namespace

TEST(SizeExprArithmetic) {
  CHECK_EQ(eval("42"), 42);
  CHECK_EQ(eval("1 + 2 * 3"), 7);
  CHECK_EQ(eval("(1 + 2) * 3"), 9);
  CHECK_EQ(eval("10 - 4 - 3"), 3);
  CHECK_EQ(eval("100 / 10 / 5"), 2);
  CHECK_EQ(eval("2*3%4"), 2);
  CHECK_EQ(eval("-3 * 2"), -6);
  CHECK_EQ(eval("- - 3"), 3);
  CHECK_EQ(eval("2 - -3"), 5);
  CHECK_EQ(eval("  q.0*q.2 +k.0 "), 61);
  CHECK_EQ(eval("q . 1"), 3);
}

TEST(SizeExprDivisionRoundsTowardZero) {
  CHECK_EQ(eval("7 / 2"), 3);
  CHECK_EQ(eval("-7 / 2"), -3);
  CHECK_EQ(eval("7 / -2"), -3);
  CHECK_EQ(eval("-7 / -2"), 3);
  CHECK_EQ(eval("7 % 3"), 1);
  CHECK_EQ(eval("-7 % 3"), -1);
  CHECK_EQ(eval("7 % -3"), 1);
  CHECK_EQ(eval("(0 - 9223372036854775807 - 1) % -1"), 0);
}

TEST(SizeExprFunctions) {
  CHECK_EQ(eval("ceildiv(7, 2)"), 4);
  CHECK_EQ(eval("ceildiv(8, 2)"), 4);
  CHECK_EQ(eval("ceildiv(0, 5)"), 0);
  CHECK_EQ(eval("ceildiv(-7, 2)"), -3);
  CHECK_EQ(eval("ceildiv(7, -2)"), -3);
  CHECK_EQ(eval("ceildiv(-7, -2)"), 4);
  CHECK_EQ(eval("ceildiv(q.0 * q.1, k.0)"), 5);
  CHECK_EQ(eval("min(q.0, k.0)"), 5);
  CHECK_EQ(eval("max(q.0, k.0)"), 7);
  CHECK_EQ(eval("max(min(1, 2), -min(3, 4))"), 1);
  CHECK_EQ(eval("max(2, 3) + min(1, 0)"), 3);
}

TEST(SizeExprIntrospection) {
  SizeExpr expr;
  std::string error;
  CHECK(SizeExpr::parse("ceildiv(q.0, 4) + k.0", expr, error));
  CHECK(!expr.isConstant());
  CHECK(!expr.isLiteral());
  std::vector<SizeExpr::DimRef> refs = expr.getDimRefs();
  CHECK_EQ(refs.size(), size_t(2));
  CHECK(refs.size() == 2 && refs[0].name == "q" && refs[0].dim == 0 &&
        refs[1].name == "k" && refs[1].dim == 0);
  CHECK_EQ(expr.getText(), std::string("ceildiv(q.0, 4) + k.0"));
  CHECK(SizeExpr::parse("2 * 3", expr, error));
  CHECK(expr.isConstant() && !expr.isLiteral());
  CHECK(SizeExpr::constant(-1).isLiteral());
  CHECK_EQ(SizeExpr::constant(-1).getText(), std::string("-1"));
  int64_t value;
  CHECK(expr.evaluate(EmptySizeEnv(), value, error) && value == 6);
}

TEST(SizeExprSyntaxErrors) {
  CHECK_CONTAINS(parseError(""), "expected a number, NAME.INT, "
                                 "ceildiv/min/max(...) or '(', found end of "
                                 "expression");
  CHECK_CONTAINS(parseError("q.0 +"), "found end of expression");
  CHECK_CONTAINS(parseError("(1 + 2"), "expected ')', found end of expression");
  CHECK_CONTAINS(parseError("1 + 2)"), "unexpected ')' at column 6");
  CHECK_CONTAINS(parseError("q"), "expected '.' and a dimension index after "
                                  "'q'");
  CHECK_CONTAINS(parseError("q."), "expected a dimension index after 'q.'");
  CHECK_CONTAINS(parseError("q.x"), "expected a dimension index after 'q.'");
  CHECK_CONTAINS(parseError("floor(1, 2)"),
                 "unknown function 'floor' at column 1 (expected ceildiv, min "
                 "or max)");
  CHECK_CONTAINS(parseError("min(1)"), "expected ',', found ')' at column 6");
  CHECK_CONTAINS(parseError("1 $ 2"), "unexpected '$' at column 3");
  CHECK_CONTAINS(parseError("99999999999999999999"),
                 "integer '99999999999999999999' at column 1 does not fit in "
                 "64 bits");
  CHECK_CONTAINS(
      parseError(std::string(100, '(') + "1" + std::string(100, ')')),
      "nested deeper than 64 levels");
  CHECK_CONTAINS(parseError(std::string(100, '-') + "1"),
                 "nested deeper than 64 levels");
}

TEST(SizeExprEvaluationErrors) {
  CHECK_EQ(evalError("q.0 / (k.0 - 5)"),
           std::string("division by zero (7 / 0)"));
  CHECK_EQ(evalError("q.0 % 0"), std::string("division by zero (7 % 0)"));
  CHECK_EQ(evalError("ceildiv(k.0, 0)"),
           std::string("division by zero (ceildiv(5, 0))"));
  CHECK_EQ(evalError("big.0 * 2"),
           std::string("integer overflow (4611686018427387904 * 2)"));
  CHECK_EQ(evalError("big.0 + big.0"),
           std::string("integer overflow (4611686018427387904 + "
                       "4611686018427387904)"));
  CHECK_CONTAINS(evalError("0 - big.0 - big.0 - 1"), "integer overflow");
  CHECK_CONTAINS(evalError("-(0 - big.0 - big.0)"), "integer overflow");
  CHECK_CONTAINS(evalError("(0 - big.0 - big.0) / -1"), "integer overflow");
  CHECK_CONTAINS(evalError("ceildiv(0 - big.0 - big.0, -1)"),
                 "integer overflow");
  CHECK_EQ(evalError("v.0 + 1"), std::string("unknown buffer 'v'"));
  CHECK_EQ(evalError("k.3"), std::string("no dimension 3"));
  SizeExpr expr;
  std::string error;
  int64_t value;
  CHECK(SizeExpr::parse("q.0", expr, error));
  CHECK(!expr.evaluate(EmptySizeEnv(), value, error));
  CHECK_CONTAINS(error, "unknown name 'q'");
}
