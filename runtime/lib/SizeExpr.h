//===- SizeExpr.h - Size expressions of kernel packages ---------*- C++ -*-===//
//
// The integer expressions of docs/package-format.md ("Size expressions"):
//
//   expr   := term (("+" | "-") term)*
//   term   := factor (("*" | "/" | "%") factor)*     "/" rounds toward zero
//   factor := INT | NAME "." INT | FUNC "(" expr "," expr ")" | "(" expr ")"
//           | "-" factor
//   FUNC   := "ceildiv" | "min" | "max"
//
// `NAME.i` is dimension i of buffer argument NAME. Evaluation uses 64-bit
// integers; overflow, division or remainder by zero and unknown names are
// errors, never undefined behavior.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_RUNTIME_SIZEEXPR_H
#define ATTN_RUNTIME_SIZEEXPR_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace attn::runtime {

/// Supplies the values of `NAME.i` during evaluation.
class SizeEnv {
public:
  virtual ~SizeEnv();
  /// Sets `value` to dimension `dim` of buffer `name`. Returns false with a
  /// message in `error` when there is no such dimension.
  virtual bool lookup(std::string_view name, int64_t dim, int64_t &value,
                      std::string &error) const = 0;
};

/// An environment without names: only constant expressions evaluate.
class EmptySizeEnv final : public SizeEnv {
public:
  bool lookup(std::string_view name, int64_t dim, int64_t &value,
              std::string &error) const override;
};

/// A parsed size expression, kept as a postfix program so that evaluation
/// needs no recursion.
class SizeExpr {
public:
  /// A reference `NAME.dim` in an expression.
  struct DimRef {
    std::string name;
    int64_t dim;
  };

  /// The constant 0.
  SizeExpr();

  static SizeExpr constant(int64_t value);

  /// Parses `text`. On failure returns false with a message such as
  /// "expected ')' at column 7" in `error`.
  static bool parse(std::string_view text, SizeExpr &result,
                    std::string &error);

  /// Evaluates the expression. On failure returns false with a message such
  /// as "division by zero (7 / 0)" in `error`.
  bool evaluate(const SizeEnv &env, int64_t &value, std::string &error) const;

  /// The source text (the decimal value for a constant from a JSON integer).
  const std::string &getText() const { return text; }

  /// Whether the expression is a single integer literal.
  bool isLiteral() const;
  /// Whether the expression refers to no dimension.
  bool isConstant() const;
  /// Every `NAME.i` in the expression, in source order.
  std::vector<DimRef> getDimRefs() const;

private:
  friend class SizeExprParser;

  enum class Op : uint8_t {
    Push, // push `value`
    Dim,  // push dimension `value` of `name`
    Neg,  // unary minus
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    CeilDiv,
    Min,
    Max,
  };
  struct Instr {
    Op op;
    int64_t value = 0;
    std::string name;
  };

  std::vector<Instr> program;
  std::string text;
};

} // namespace attn::runtime

#endif // ATTN_RUNTIME_SIZEEXPR_H
