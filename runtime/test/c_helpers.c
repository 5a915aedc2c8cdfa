/*===- c_helpers.c - Calls to the C API from C ----------------------------===*\
|*                                                                            *|
|* Compiles runtime.h as C, and passes enum parameters that are out of range, *|
|* as a C caller (or ctypes) may: valid C, but undefined in C++.              *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include "attn-c/runtime.h"

const char *test_status_name_of_int(int value) {
  return attn_status_name((attn_status)value);
}

const char *test_dtype_name_of_int(int value) {
  return attn_dtype_name((attn_dtype)value);
}
