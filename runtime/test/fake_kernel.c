/*===- fake_kernel.c - Stand-in for a compiled cpu package binary ---------===*\
|*                                                                            *|
|* Kernels with the packed-memref ABI of docs/package-format.md, written by   *|
|* hand: `void NAME_attn_entry(void **args)`, where args[i] points to a       *|
|* memref descriptor (buffers) or to the value (scalars).                     *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include <stdint.h>

#define MEMREF(T, R)                                                           \
  struct {                                                                     \
    T *allocated;                                                              \
    T *aligned;                                                                \
    int64_t offset;                                                            \
    int64_t sizes[R];                                                          \
    int64_t strides[R];                                                        \
  }

typedef MEMREF(float, 1) MemRef1F32;
typedef MEMREF(float, 2) MemRef2F32;
typedef MEMREF(int32_t, 1) MemRef1I32;
typedef MEMREF(int64_t, 1) MemRef1I64;
typedef MEMREF(int8_t, 3) MemRef3I8;
typedef struct {
  float *allocated;
  float *aligned;
  int64_t offset;
} MemRef0F32;

/// out = 2 * x + y; x, y, out: f32 [n].
void axpy_attn_entry(void **args) {
  MemRef1F32 *x = args[0], *y = args[1], *out = args[2];
  for (int64_t i = 0; i < out->sizes[0]; ++i)
    out->aligned[out->offset + i * out->strides[0]] =
        2.0f * x->aligned[x->offset + i * x->strides[0]] +
        y->aligned[y->offset + i * y->strides[0]];
}

/// out[i, :] = table[indices[i], :]; table: f32 [rows, cols], indices:
/// i32 [n], out: f32 [n, cols].
void gather_attn_entry(void **args) {
  MemRef2F32 *table = args[0], *out = args[2];
  MemRef1I32 *indices = args[1];
  for (int64_t i = 0; i < out->sizes[0]; ++i) {
    int64_t row = indices->aligned[indices->offset + i * indices->strides[0]];
    for (int64_t j = 0; j < out->sizes[1]; ++j)
      out->aligned[out->offset + i * out->strides[0] + j * out->strides[1]] =
          table->aligned[table->offset + row * table->strides[0] +
                         j * table->strides[1]];
  }
}

/// out = sign * (alpha * x + beta + shift + bias + small + byte), sign = -1
/// if negate; x, out: f32 [n]; alpha: f32, beta: f64, shift: i64, bias: i32,
/// small: i8, byte: u8, negate: i1 scalars.
void affine_attn_entry(void **args) {
  MemRef1F32 *x = args[0], *out = args[8];
  float alpha = *(float *)args[1];
  double beta = *(double *)args[2];
  int64_t shift = *(int64_t *)args[3];
  int32_t bias = *(int32_t *)args[4];
  int8_t small = *(int8_t *)args[5];
  uint8_t byte = *(uint8_t *)args[6];
  uint8_t negate = *(uint8_t *)args[7];
  for (int64_t i = 0; i < out->sizes[0]; ++i) {
    double value = alpha * x->aligned[x->offset + i * x->strides[0]] + beta +
                   (double)shift + bias + small + byte;
    out->aligned[out->offset + i * out->strides[0]] =
        (float)(negate ? -value : value);
  }
}

/// Writes what it received into out (i64 [16]): for the rank-3 buffer a
/// (any dtype): allocated == aligned, offset, sizes[3], strides[3], and the
/// address of its data; then the value of the rank-0 f32 buffer s (times
/// 1000) and whether its allocated == aligned.
void probe_attn_entry(void **args) {
  MemRef3I8 *a = args[0];
  MemRef0F32 *s = args[1];
  MemRef1I64 *out = args[2];
  int64_t *o = out->aligned + out->offset;
  o[0] = (void *)a->allocated == (void *)a->aligned;
  o[1] = a->offset;
  for (int d = 0; d < 3; ++d) {
    o[2 + d] = a->sizes[d];
    o[5 + d] = a->strides[d];
  }
  o[8] = (int64_t)(intptr_t)a->aligned;
  o[9] = (int64_t)(*(s->aligned + s->offset) * 1000.0f);
  o[10] = s->allocated == s->aligned;
}

/// Sets flag[0] = 1; flag: i32 [1], the first argument. The other arguments
/// (index metadata of the check tests) are not read.
void flag_attn_entry(void **args) {
  MemRef1I32 *flag = args[0];
  flag->aligned[flag->offset] = 1;
}

/// A kernel without arguments.
void nothing_attn_entry(void **args) { (void)args; }
