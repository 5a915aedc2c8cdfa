//===- Status.h - Outcome of a runtime operation ----------------*- C++ -*-===//
//
// The runtime's internals report errors as values, never as exceptions: a
// Status is ATTN_OK or an attn_status error code with a message. The C API
// stores the message as the thread's last error.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_RUNTIME_STATUS_H
#define ATTN_RUNTIME_STATUS_H

#include "attn-c/runtime.h"

#include <string>
#include <string_view>
#include <utility>

namespace attn::runtime {

class [[nodiscard]] Status {
public:
  /// Success.
  Status() = default;

  static Status success() { return Status(); }
  static Status error(attn_status code, std::string message) {
    Status status;
    status.code = code;
    status.message = std::move(message);
    return status;
  }

  bool ok() const { return code == ATTN_OK; }
  attn_status getCode() const { return code; }
  const std::string &getMessage() const { return message; }

  /// Puts `context` in front of an error's message ("kernel 'axpy': ...").
  Status &prepend(std::string_view context) {
    if (!ok())
      message.insert(0, context);
    return *this;
  }

private:
  attn_status code = ATTN_OK;
  std::string message;
};

} // namespace attn::runtime

#endif // ATTN_RUNTIME_STATUS_H
