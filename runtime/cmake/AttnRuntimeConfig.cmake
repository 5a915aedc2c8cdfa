# AttnRuntimeConfig.cmake: the attn runtime (include/attn-c/runtime.h), which
# loads and launches kernel packages. No MLIR or LLVM needed.
#
#   find_package(AttnRuntime REQUIRED CONFIG)
#   target_link_libraries(my-server PRIVATE Attn::Runtime)
include("${CMAKE_CURRENT_LIST_DIR}/AttnRuntimeTargets.cmake")
