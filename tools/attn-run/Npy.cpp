//===- Npy.cpp - Read and write NumPy .npy files --------------------------===//

#include "Npy.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstring>

using namespace attn_run;
using llvm::createStringError;
using llvm::inconvertibleErrorCode;

size_t attn_run::dtypeSize(attn_dtype dtype) {
  switch (dtype) {
  case ATTN_DTYPE_F64:
  case ATTN_DTYPE_I64:
    return 8;
  case ATTN_DTYPE_F32:
  case ATTN_DTYPE_I32:
    return 4;
  case ATTN_DTYPE_F16:
  case ATTN_DTYPE_BF16:
    return 2;
  case ATTN_DTYPE_F8E4M3FN:
  case ATTN_DTYPE_I8:
  case ATTN_DTYPE_U8:
  case ATTN_DTYPE_I1:
    return 1;
  }
  return 0;
}

int64_t Array::numElements() const {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

static float halfToFloat(uint16_t h) {
  uint32_t sign = (h & 0x8000u) << 16, exp = (h >> 10) & 0x1F, man = h & 0x3FF;
  uint32_t bits;
  if (exp == 0) {
    float f = static_cast<float>(man) * (1.0f / 16777216.0f); // 2^-24
    return sign ? -f : f;
  }
  if (exp == 31)
    bits = sign | 0x7F800000u | (man << 13);
  else
    bits = sign | ((exp + 112) << 23) | (man << 13);
  float f;
  std::memcpy(&f, &bits, 4);
  return f;
}

static uint16_t floatToHalf(float f) {
  uint32_t x;
  std::memcpy(&x, &f, 4);
  uint32_t sign = (x >> 16) & 0x8000u;
  int32_t exp = static_cast<int32_t>((x >> 23) & 0xFF) - 127 + 15;
  uint32_t man = x & 0x7FFFFF;
  if (((x >> 23) & 0xFF) == 0xFF) // inf / nan
    return sign | 0x7C00u | (man ? 0x200u : 0u);
  if (exp >= 31)
    return sign | 0x7C00u;
  if (exp <= 0) { // subnormal half (or zero), round to nearest even
    if (exp < -10)
      return sign;
    man |= 0x800000;
    uint32_t shift = 14 - exp;
    uint32_t half = man >> shift, rest = man & ((1u << shift) - 1);
    uint32_t mid = 1u << (shift - 1);
    if (rest > mid || (rest == mid && (half & 1)))
      ++half;
    return sign | half;
  }
  uint32_t half = sign | (exp << 10) | (man >> 13), rest = man & 0x1FFF;
  if (rest > 0x1000 || (rest == 0x1000 && (half & 1)))
    ++half; // may carry into the exponent, which is correct rounding
  return half;
}

static float bf16ToFloat(uint16_t h) {
  uint32_t bits = static_cast<uint32_t>(h) << 16;
  float f;
  std::memcpy(&f, &bits, 4);
  return f;
}

/// Round to nearest even; NaN stays a (quiet) NaN.
static uint16_t floatToBf16(float f) {
  uint32_t x;
  std::memcpy(&x, &f, 4);
  if ((x & 0x7FFFFFFFu) > 0x7F800000u)
    return static_cast<uint16_t>((x >> 16) | 0x40);
  x += 0x7FFFu + ((x >> 16) & 1);
  return static_cast<uint16_t>(x >> 16);
}

/// f8E4M3FN: bias 7, no infinities, S.1111.111 is NaN, largest 448.
static float f8e4m3fnToFloat(uint8_t v) {
  int exp = (v >> 3) & 0xF, man = v & 7;
  float mag;
  if (exp == 15 && man == 7)
    mag = NAN;
  else if (exp == 0)
    mag = std::ldexp(static_cast<float>(man), -9);
  else
    mag = std::ldexp(1.0f + man / 8.0f, exp - 7);
  return (v & 0x80) ? -mag : mag;
}

/// Saturates to +-448 and rounds to the nearest value, ties to the even code
/// (the same rule as the compiler's encoder).
static uint8_t floatToF8e4m3fn(float f) {
  if (std::isnan(f))
    return 0x7F;
  uint8_t sign = std::signbit(f) ? 0x80 : 0;
  float a = std::fabs(f);
  uint8_t best = 0;
  float bestErr = INFINITY;
  for (uint8_t code = 0; code <= 0x7E; ++code) {
    float err = std::fabs(f8e4m3fnToFloat(code) - a);
    if (err < bestErr || (err == bestErr && (code & 1) == 0 && (best & 1))) {
      best = code;
      bestErr = err;
    }
  }
  return sign | best;
}

double Array::get(int64_t i) const {
  const uint8_t *p = bytes.data() + i * dtypeSize(dtype);
  auto load = [&](auto v) {
    std::memcpy(&v, p, sizeof(v));
    return v;
  };
  switch (dtype) {
  case ATTN_DTYPE_F64:
    return load(double());
  case ATTN_DTYPE_F32:
    return load(float());
  case ATTN_DTYPE_F16:
    return halfToFloat(load(uint16_t()));
  case ATTN_DTYPE_BF16:
    return bf16ToFloat(load(uint16_t()));
  case ATTN_DTYPE_F8E4M3FN:
    return f8e4m3fnToFloat(load(uint8_t()));
  case ATTN_DTYPE_I64:
    return static_cast<double>(load(int64_t()));
  case ATTN_DTYPE_I32:
    return load(int32_t());
  case ATTN_DTYPE_I8:
    return load(int8_t());
  case ATTN_DTYPE_U8:
  case ATTN_DTYPE_I1:
    return load(uint8_t());
  }
  return 0;
}

void Array::set(int64_t i, double v) {
  uint8_t *p = bytes.data() + i * dtypeSize(dtype);
  auto store = [&](auto x) { std::memcpy(p, &x, sizeof(x)); };
  switch (dtype) {
  case ATTN_DTYPE_F64:
    return store(v);
  case ATTN_DTYPE_F32:
    return store(static_cast<float>(v));
  case ATTN_DTYPE_F16:
    return store(floatToHalf(static_cast<float>(v)));
  case ATTN_DTYPE_BF16:
    return store(floatToBf16(static_cast<float>(v)));
  case ATTN_DTYPE_F8E4M3FN:
    return store(floatToF8e4m3fn(static_cast<float>(v)));
  case ATTN_DTYPE_I64:
    return store(static_cast<int64_t>(v));
  case ATTN_DTYPE_I32:
    return store(static_cast<int32_t>(v));
  case ATTN_DTYPE_I8:
    return store(static_cast<int8_t>(v));
  case ATTN_DTYPE_U8:
  case ATTN_DTYPE_I1:
    return store(static_cast<uint8_t>(v));
  }
}

static const struct {
  const char *descr;
  attn_dtype dtype;
} kDescrs[] = {{"<f8", ATTN_DTYPE_F64}, {"<f4", ATTN_DTYPE_F32},
               {"<f2", ATTN_DTYPE_F16}, {"<i8", ATTN_DTYPE_I64},
               {"<i4", ATTN_DTYPE_I32}, {"|i1", ATTN_DTYPE_I8},
               {"|u1", ATTN_DTYPE_U8},  {"|b1", ATTN_DTYPE_I1}};

/// The value of `'key': VALUE` in a .npy header dict, up to `end`.
static llvm::StringRef field(llvm::StringRef header, llvm::StringRef key,
                             char end) {
  size_t at = header.find(("'" + key + "':").str());
  if (at == llvm::StringRef::npos)
    return {};
  llvm::StringRef rest = header.drop_front(at + key.size() + 3).ltrim();
  return rest.take_until([&](char c) { return c == end; });
}

llvm::Expected<Array> attn_run::readNpy(llvm::StringRef path) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer)
    return createStringError(buffer.getError(), "%s: %s", path.str().c_str(),
                             buffer.getError().message().c_str());
  llvm::StringRef data = (*buffer)->getBuffer();
  auto fail = [&](const std::string &why) {
    return createStringError(inconvertibleErrorCode(), "%s: %s",
                             path.str().c_str(), why.c_str());
  };
  if (data.size() < 10 || !data.starts_with("\x93NUMPY"))
    return fail("not a .npy file");
  uint8_t major = data[6];
  size_t headerLen, offset;
  if (major == 1) {
    headerLen = uint8_t(data[8]) | (uint8_t(data[9]) << 8);
    offset = 10;
  } else {
    if (data.size() < 12)
      return fail("truncated header");
    headerLen = uint32_t(uint8_t(data[8])) | (uint32_t(uint8_t(data[9])) << 8) |
                (uint32_t(uint8_t(data[10])) << 16) |
                (uint32_t(uint8_t(data[11])) << 24);
    offset = 12;
  }
  if (offset + headerLen > data.size())
    return fail("truncated header");
  llvm::StringRef header = data.substr(offset, headerLen);
  llvm::StringRef descr = field(header, "descr", ',').trim().trim("'");
  Array array;
  bool known = false;
  for (const auto &d : kDescrs)
    if (descr == d.descr) {
      array.dtype = d.dtype;
      known = true;
    }
  if (!known)
    return fail("unsupported dtype '" + descr.str() + "'");
  if (field(header, "fortran_order", ',').trim() != "False")
    return fail("only C-ordered arrays are supported");
  llvm::StringRef shape = field(header, "shape", ')').trim().ltrim('(');
  llvm::SmallVector<llvm::StringRef> dims;
  shape.split(dims, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef d : dims) {
    int64_t v;
    if (d.trim().getAsInteger(10, v) || v < 0)
      return fail("bad shape entry '" + d.trim().str() + "'");
    array.shape.push_back(v);
  }
  size_t bytes = static_cast<size_t>(array.numElements()) * dtypeSize(array.dtype);
  if (data.size() - offset - headerLen < bytes)
    return fail("data is shorter than the shape says");
  const uint8_t *begin =
      reinterpret_cast<const uint8_t *>(data.data()) + offset + headerLen;
  array.bytes.assign(begin, begin + bytes);
  return array;
}

llvm::Error attn_run::writeNpy(llvm::StringRef path, const Array &array) {
  const char *descr = nullptr;
  for (const auto &d : kDescrs)
    if (d.dtype == array.dtype)
      descr = d.descr;
  if (!descr)
    return createStringError(inconvertibleErrorCode(),
                             "%s: dtype %s has no .npy equivalent",
                             path.str().c_str(), attn_dtype_name(array.dtype));
  std::string header = std::string("{'descr': '") + descr +
                       "', 'fortran_order': False, 'shape': (";
  for (int64_t d : array.shape)
    header += std::to_string(d) + ", ";
  header += "), }";
  // Pad so that the data starts at a multiple of 64 bytes.
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec);
  if (ec)
    return createStringError(ec, "%s: %s", path.str().c_str(),
                             ec.message().c_str());
  os << "\x93NUMPY" << char(1) << char(0) << char(header.size() & 0xFF)
     << char(header.size() >> 8) << header;
  os.write(reinterpret_cast<const char *>(array.bytes.data()),
           array.bytes.size());
  return llvm::Error::success();
}
