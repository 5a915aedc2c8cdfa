//===- Checks.h - Checked-mode metadata validation --------------*- C++ -*-===//
//
// The checks of docs/package-format.md ("Checks"): before a launch in
// checked mode, the runtime reads the kernel's index metadata (indptr
// arrays, page indices, block tables, ...) on the host and refuses the
// launch with ATTN_ERROR_CHECK_FAILED when a kernel would read out of
// bounds. Messages name the argument, the element, its value and the bound:
//
//   check failed: kv_indices[7] = 1000 is out of range [0, 63] (k_cache.0 - 1)
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_RUNTIME_CHECKS_H
#define ATTN_RUNTIME_CHECKS_H

#include "Launch.h"
#include "Manifest.h"
#include "Status.h"

#include <vector>

namespace attn::runtime {

/// Runs `kernel`'s checks on the arguments of a launch, which bindArguments
/// validated (so every buffer holds its shape's number of elements and the
/// checked buffers have the dtypes and ranks the manifest load verified).
///
/// Order: every `indptr` and `le` check, then every `range` check without
/// `by_indptr`, then those with it, then `page_table`, `block_table`,
/// `append_positions` and `segment_length` in manifest order; within a
/// phase, manifest order. Each check still guards its own reads, so none
/// relies on another having run.
Status runChecks(const KernelSpec &kernel, const std::vector<BoundArg> &args,
                 const SizeEnv &env);

} // namespace attn::runtime

#endif // ATTN_RUNTIME_CHECKS_H
