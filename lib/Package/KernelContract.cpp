//===- KernelContract.cpp - What a kernel promises the runtime ------------===//
//
// Each attn op states which dimensions of its operands and results are the
// same size (e.g. prefill's `out` has `q`'s tokens) and which operands are
// index metadata (indptr, page indices, block tables). A kernel function's
// contract follows from the ops it contains: dynamic sizes are expressed
// through the first argument that carries them, and metadata that comes
// straight from an argument gets a checked-mode check.
//
//===----------------------------------------------------------------------===//

#include "attn/Package/KernelContract.h"

#include "attn/Dialect/Attn/IR/AttnOps.h"

#include "llvm/ADT/TypeSwitch.h"

#include <deque>
#include <map>
#include <set>

using namespace mlir;
using namespace mlir::attn;
namespace json = llvm::json;

const ContractArg *KernelContract::lookup(StringRef name) const {
  for (const ContractArg &a : args)
    if (a.name == name)
      return &a;
  return nullptr;
}

std::string mlir::attn::getKernelArgName(func::FuncOp func, unsigned i) {
  if (auto name = func.getArgAttrOfType<StringAttr>(i, "attn.name"))
    return name.str();
  return "arg" + std::to_string(i);
}

std::string mlir::attn::getKernelResultName(func::FuncOp func, unsigned i) {
  if (auto name = func.getResultAttrOfType<StringAttr>(i, "attn.name"))
    return name.str();
  return "result" + std::to_string(i);
}

static std::optional<std::string> dtypeName(Type t) {
  if (t.isF64())
    return "f64";
  if (t.isF32())
    return "f32";
  if (t.isF16())
    return "f16";
  if (t.isBF16())
    return "bf16";
  if (isa<Float8E4M3FNType>(t))
    return "f8e4m3fn";
  if (t.isInteger(64))
    return "i64";
  if (t.isInteger(32))
    return "i32";
  if (t.isSignlessInteger(8) || t.isSignedInteger(8))
    return "i8";
  if (t.isUnsignedInteger(8))
    return "u8";
  if (t.isInteger(1))
    return "i1";
  return std::nullopt;
}

namespace {

/// A dimension of a tensor value.
using DimKey = std::pair<const void *, int64_t>;

/// Equalities `a.i = b.j + offset` between dimensions, and the checks.
class ContractBuilder {
public:
  explicit ContractBuilder(func::FuncOp func) : func(func) {
    for (auto [i, arg] : llvm::enumerate(func.getArguments()))
      names[arg.getAsOpaquePointer()] = getKernelArgName(func, i);
    func.walk([&](func::ReturnOp ret) {
      for (auto [i, v] : llvm::enumerate(ret.getOperands()))
        if (!names.count(v.getAsOpaquePointer()))
          names[v.getAsOpaquePointer()] = getKernelResultName(func, i);
    });
  }

  /// a.i = b.j + offset (null values are ignored).
  void eq(Value a, int64_t i, Value b, int64_t j, int64_t offset = 0) {
    if (!a || !b)
      return;
    edges[key(a, i)].push_back({key(b, j), offset});
    edges[key(b, j)].push_back({key(a, i), -offset});
    values[key(a, i).first] = a;
    values[key(b, j).first] = b;
  }
  /// The leading `n` dimensions of a and b are equal.
  void eqLeading(Value a, Value b, int64_t n) {
    for (int64_t i = 0; i < n; ++i)
      eq(a, i, b, i);
  }

  /// `name.i`, or the static size, or nullopt when `v` is not an argument or
  /// result of the kernel.
  std::optional<json::Value> size(Value v, int64_t i, int64_t offset = 0) {
    int64_t s = cast<ShapedType>(v.getType()).getDimSize(i);
    if (!ShapedType::isDynamic(s))
      return json::Value(s + offset);
    auto it = names.find(v.getAsOpaquePointer());
    if (it == names.end())
      return std::nullopt;
    std::string expr = it->second + "." + std::to_string(i);
    if (offset > 0)
      expr += " + " + std::to_string(offset);
    else if (offset < 0)
      expr += " - " + std::to_string(-offset);
    return json::Value(expr);
  }
  std::optional<std::string> name(Value v) {
    if (!v)
      return std::nullopt;
    auto it = names.find(v.getAsOpaquePointer());
    if (it == names.end())
      return std::nullopt;
    return it->second;
  }

  /// Adds a check whose fields are names of arguments (`args`) and size
  /// expressions (`sizes`); dropped when one cannot be expressed.
  void check(StringRef kind, ArrayRef<std::pair<StringRef, Value>> args,
             ArrayRef<std::pair<StringRef, std::optional<json::Value>>> sizes,
             ArrayRef<std::pair<StringRef, json::Value>> extra = {}) {
    json::Object c{{"kind", kind}};
    for (auto [field, v] : args) {
      std::optional<std::string> n = name(v);
      if (!n)
        return;
      c[field] = *n;
    }
    for (auto &[field, s] : sizes) {
      if (!s)
        return;
      c[field] = *s;
    }
    for (auto &[field, v] : extra)
      c[field] = v;
    checks.push_back(std::move(c));
  }

  /// The contract, resolving each dynamic dimension through the relations.
  FailureOr<KernelContract> build() {
    KernelContract contract;
    contract.name = func.getSymName().str();
    std::set<std::string> seen;
    auto add = [&](Value v, std::string n, bool isResult) -> LogicalResult {
      if (!seen.insert(n).second)
        return func.emitError("kernel argument name '") << n << "' is not unique";
      auto type = dyn_cast<RankedTensorType>(v.getType());
      std::optional<std::string> dtype =
          type ? dtypeName(type.getElementType()) : std::nullopt;
      if (!dtype)
        return func.emitError("kernel ")
               << (isResult ? "result" : "argument") << " '" << n
               << "' must be a ranked tensor of a runtime dtype, got "
               << v.getType();
      ContractArg arg{n, *dtype, {}, isResult};
      for (int64_t i = 0; i < type.getRank(); ++i) {
        if (!type.isDynamicDim(i)) {
          arg.shape.push_back(type.getDimSize(i));
          continue;
        }
        if (std::optional<json::Value> expr = resolve(v, i)) {
          arg.shape.push_back(std::move(*expr));
          continue;
        }
        if (isResult)
          return func.emitError("cannot derive dimension ")
                 << i << " of kernel result '" << n
                 << "' from the arguments; results must be computed by attn "
                    "ops whose sizes follow from the inputs";
        free.insert(key(v, i));
        arg.shape.push_back(-1);
      }
      contract.args.push_back(std::move(arg));
      return success();
    };
    for (auto [i, arg] : llvm::enumerate(func.getArguments()))
      if (failed(add(arg, getKernelArgName(func, i), false)))
        return failure();
    SmallVector<Value> results;
    func.walk([&](func::ReturnOp ret) { results.assign(ret.operand_begin(), ret.operand_end()); });
    for (auto [i, v] : llvm::enumerate(results))
      if (failed(add(v, getKernelResultName(func, i), true)))
        return failure();
    contract.checks = std::move(checks);
    return contract;
  }

private:
  DimKey key(Value v, int64_t i) { return {v.getAsOpaquePointer(), i}; }

  /// A size expression for v.i through a free argument dimension or a static
  /// size it is related to.
  std::optional<json::Value> resolve(Value v, int64_t i) {
    std::deque<std::pair<DimKey, int64_t>> work{{key(v, i), 0}};
    std::set<DimKey> visited{key(v, i)};
    while (!work.empty()) {
      auto [k, offset] = work.front();
      work.pop_front();
      if (k != key(v, i)) {
        Value w = values[k.first];
        if (!cast<ShapedType>(w.getType()).isDynamicDim(k.second) ||
            free.count(k))
          return size(w, k.second, offset);
      }
      for (auto [next, delta] : edges[k])
        if (visited.insert(next).second)
          work.push_back({next, offset + delta});
    }
    return std::nullopt;
  }

  func::FuncOp func;
  llvm::DenseMap<const void *, std::string> names;
  std::map<DimKey, SmallVector<std::pair<DimKey, int64_t>>> edges;
  std::map<const void *, Value> values;
  std::set<DimKey> free;
  std::vector<json::Value> checks;
};

int64_t rankOf(Value v) { return cast<ShapedType>(v.getType()).getRank(); }

/// Relations and checks shared by the attention ops: out/lse/positions share
/// the query tokens `tokens` (a value whose leading `n` dims are tokens).
void attentionCommon(ContractBuilder &c, AttentionOpInterface op, Value tokens,
                     int64_t n) {
  c.eqLeading(op.getOut(), tokens, n);
  c.eqLeading(op.getLse(), tokens, n);
  c.eqLeading(op.getPositions(), tokens, n);
}

/// FlashInfer page table: indptr, indices in [0, pages), last_page_len.
void pageTable(ContractBuilder &c, Value indptr, Value indices, Value lastLen,
               Value cache, int64_t pageDim) {
  c.eq(lastLen, 0, indptr, 0, -1);
  c.check("indptr", {{"arg", indptr}}, {{"max", c.size(indices, 0)}});
  c.check("range", {{"arg", indices}, {"by_indptr", indptr}},
          {{"min", json::Value(0)}, {"max", c.size(cache, 0, -1)}});
  if (lastLen)
    c.check("page_table", {{"indptr", indptr}, {"last_page_len", lastLen}},
            {{"page_size", c.size(cache, pageDim)}});
}

void collect(ContractBuilder &c, Operation *op) {
  llvm::TypeSwitch<Operation *>(op)
      .Case([&](PrefillOp p) {
        Value q = p.getQkv() ? p.getQkv() : p.getQ();
        if (p.isRagged()) {
          attentionCommon(c, p, q, 1);
          c.eq(p.getK(), 0, p.getV(), 0);
          c.eq(p.getCuSeqlensK(), 0, p.getCuSeqlensQ(), 0);
          if (p.getAlibiSlopes() && rankOf(p.getAlibiSlopes()) == 2)
            c.eq(p.getAlibiSlopes(), 0, p.getCuSeqlensQ(), 0, -1);
          c.check("indptr", {{"arg", p.getCuSeqlensQ()}}, {{"max", c.size(q, 0)}});
          Value kv = p.getK() ? p.getK() : p.getQkv();
          c.check("indptr", {{"arg", p.getCuSeqlensK()}},
                  {{"max", c.size(kv, 0)}});
          return;
        }
        attentionCommon(c, p, q, 2);
        c.eq(p.getK(), 0, q, 0);
        c.eqLeading(p.getV(), p.getK(), 2);
        if (p.getAlibiSlopes() && rankOf(p.getAlibiSlopes()) == 2)
          c.eq(p.getAlibiSlopes(), 0, q, 0);
      })
      .Case([&](BatchPrefillOp p) {
        attentionCommon(c, p, p.getQ(), 1);
        c.eq(p.getQoIndptr(), 0, p.getKvIndptr(), 0);
        int64_t pageDim = getPageSizeDim(p.getLayout());
        c.eq(p.getVCache(), 0, p.getKCache(), 0);
        c.eq(p.getVCache(), pageDim, p.getKCache(), pageDim);
        if (p.getAlibiSlopes() && rankOf(p.getAlibiSlopes()) == 2)
          c.eq(p.getAlibiSlopes(), 0, p.getKvIndptr(), 0, -1);
        c.check("indptr", {{"arg", p.getQoIndptr()}}, {{"max", c.size(p.getQ(), 0)}});
        pageTable(c, p.getKvIndptr(), p.getKvIndices(), p.getKvLastPageLen(),
                  p.getKCache(), pageDim);
      })
      .Case([&](BatchDecodeOp p) {
        attentionCommon(c, p, p.getQ(), 1);
        c.eq(p.getKvIndptr(), 0, p.getQ(), 0, 1);
        int64_t pageDim = getPageSizeDim(p.getLayout());
        c.eq(p.getVCache(), 0, p.getKCache(), 0);
        c.eq(p.getVCache(), pageDim, p.getKCache(), pageDim);
        if (p.getAlibiSlopes() && rankOf(p.getAlibiSlopes()) == 2)
          c.eq(p.getAlibiSlopes(), 0, p.getQ(), 0);
        pageTable(c, p.getKvIndptr(), p.getKvIndices(), p.getKvLastPageLen(),
                  p.getKCache(), pageDim);
      })
      .Case([&](PagedAttentionOp p) {
        attentionCommon(c, p, p.getQ(), 1);
        c.eq(p.getBlockTables(), 0, p.getQ(), 0);
        c.eq(p.getContextLens(), 0, p.getQ(), 0);
        c.eq(p.getVCache(), 0, p.getKCache(), 0);
        c.eq(p.getVCache(), 3, p.getKCache(), 3);
        if (p.getAlibiSlopes() && rankOf(p.getAlibiSlopes()) == 2)
          c.eq(p.getAlibiSlopes(), 0, p.getQ(), 0);
        c.check("block_table",
                {{"block_tables", p.getBlockTables()},
                 {"context_lens", p.getContextLens()}},
                {{"block_size", c.size(p.getKCache(), 3)},
                 {"num_blocks", c.size(p.getKCache(), 0)}});
      })
      .Case([&](MLADecodeOp p) {
        attentionCommon(c, p, p.getQNope(), 1);
        c.eq(p.getQPe(), 0, p.getQNope(), 0);
        c.eq(p.getKvIndptr(), 0, p.getQNope(), 0, 1);
        c.eqLeading(p.getKpeCache(), p.getCkvCache(), 2);
        if (p.getAlibiSlopes() && rankOf(p.getAlibiSlopes()) == 2)
          c.eq(p.getAlibiSlopes(), 0, p.getQNope(), 0);
        pageTable(c, p.getKvIndptr(), p.getKvIndices(), p.getKvLastPageLen(),
                  p.getCkvCache(), 1);
      })
      .Case([&](LinearAttentionOp p) {
        int64_t tokens = rankOf(p.getQ()) - 2;
        c.eqLeading(p.getK(), p.getQ(), tokens);
        c.eqLeading(p.getV(), p.getQ(), tokens);
        c.eqLeading(p.getOut(), p.getV(), rankOf(p.getV()));
        Value cu = p.getCuSeqlens();
        for (Value state : {p.getInitialState(), p.getFinalState()}) {
          if (cu)
            c.eq(state, 0, cu, 0, -1);
          else
            c.eq(state, 0, p.getQ(), 0);
        }
        if (cu) {
          c.eq(p.getBias(), 0, cu, 0, -1);
          c.check("indptr", {{"arg", cu}}, {{"max", c.size(p.getQ(), 0)}});
          // bias[b, h, i, j] is read for i, j below each sequence's length.
          for (int64_t d : {2, 3})
            if (p.getBias())
              c.check("segment_length", {{"arg", cu}},
                      {{"max", c.size(p.getBias(), d)}});
        } else if (p.getBias()) {
          c.eq(p.getBias(), 0, p.getQ(), 0);
          for (int64_t d : {2, 3})
            c.check("le", {}, {{"lhs", c.size(p.getQ(), 1)},
                               {"rhs", c.size(p.getBias(), d)}});
        }
      })
      .Case([&](AppendKVOp p) {
        c.eq(p.getV(), 0, p.getK(), 0);
        c.eq(p.getSlotMapping(), 0, p.getK(), 0);
        c.eq(p.getBatchIndices(), 0, p.getK(), 0);
        c.eq(p.getPositions(), 0, p.getK(), 0);
        c.eqLeading(p.getKCacheOut(), p.getKCache(), rankOf(p.getKCache()));
        c.eqLeading(p.getVCacheOut(), p.getVCache(), rankOf(p.getVCache()));
        int64_t pageDim = getPageSizeDim(p.getLayout());
        c.eq(p.getVCache(), 0, p.getKCache(), 0);
        c.eq(p.getVCache(), pageDim, p.getKCache(), pageDim);
        if (Value slots = p.getSlotMapping()) {
          // Slots below pages * page_size; negative slots are skipped.
          std::optional<json::Value> pages = c.size(p.getKCache(), 0);
          std::optional<json::Value> pageSize = c.size(p.getKCache(), pageDim);
          std::optional<json::Value> max;
          if (pages && pageSize) {
            auto str = [](const json::Value &v) {
              if (auto i = v.getAsInteger())
                return std::to_string(*i);
              return "(" + v.getAsString()->str() + ")";
            };
            max = json::Value(str(*pages) + " * " + str(*pageSize) + " - 1");
          }
          c.check("range", {{"arg", slots}}, {{"min", json::Value(0)}, {"max", max}},
                  {{"skip_negative", true}});
          return;
        }
        c.check("indptr", {{"arg", p.getKvIndptr()}},
                {{"max", c.size(p.getKvIndices(), 0)}});
        c.check("range", {{"arg", p.getKvIndices()}, {"by_indptr", p.getKvIndptr()}},
                {{"min", json::Value(0)}, {"max", c.size(p.getKCache(), 0, -1)}});
        c.check("append_positions",
                {{"batch_indices", p.getBatchIndices()},
                 {"positions", p.getPositions()},
                 {"indptr", p.getKvIndptr()}},
                {{"page_size", c.size(p.getKCache(), pageDim)}});
      })
      .Case([&](RopeOp p) {
        c.eqLeading(p.getResult(), p.getInput(), rankOf(p.getInput()));
        c.eqLeading(p.getPositions(), p.getInput(),
                    rankOf(p.getInput()) - 2);
      })
      .Case([&](MergeStatesOp p) {
        Value first = p.getValues().front();
        for (Value v : p.getValues())
          c.eqLeading(v, first, rankOf(first));
        for (Value l : p.getLses())
          c.eqLeading(l, first, rankOf(first) - 1);
        c.eqLeading(p.getOut(), first, rankOf(first));
        c.eqLeading(p.getLse(), first, rankOf(first) - 1);
      });
}

} // namespace

FailureOr<KernelContract> mlir::attn::deriveKernelContract(func::FuncOp func) {
  ContractBuilder builder(func);
  func.walk([&](Operation *op) { collect(builder, op); });
  return builder.build();
}
