# Helpers for attn's own libraries. They are shared libraries linked against
# libMLIR.so, installed into the `AttnTargets` export set so that
# `find_package(Attn)` gives other projects the same targets.

# add_attn_library(name SOURCES... [DEPENDS tablegen-targets...]
#                  [LINK_LIBS attn-libs...] [MLIR_LIBS mlir-libs...])
function(add_attn_library name)
  cmake_parse_arguments(ARG "" "" "DEPENDS;LINK_LIBS;MLIR_LIBS" ${ARGN})
  add_library(${name} SHARED ${ARG_UNPARSED_ARGUMENTS})
  add_dependencies(${name} mlir-headers ${ARG_DEPENDS})
  target_include_directories(${name} PUBLIC
    $<BUILD_INTERFACE:${ATTN_SOURCE_DIR}/include>
    $<BUILD_INTERFACE:${ATTN_BINARY_DIR}/include>
    $<INSTALL_INTERFACE:include>)
  target_link_libraries(${name} PUBLIC ${ARG_LINK_LIBS})
  mlir_target_link_libraries(${name} PUBLIC ${ARG_MLIR_LIBS})
  target_link_libraries(${name} PUBLIC LLVM)
  set_target_properties(${name} PROPERTIES
    LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/lib
    INSTALL_RPATH "$ORIGIN")
  install(TARGETS ${name} EXPORT AttnTargets
    LIBRARY DESTINATION lib
    ARCHIVE DESTINATION lib
    RUNTIME DESTINATION bin)
  set_property(GLOBAL APPEND PROPERTY ATTN_LIBS ${name})
endfunction()

# add_attn_plugin(name SOURCES... LINK_LIBS ...): a loadable module for
# `mlir-opt --load-dialect-plugin` / `--load-pass-plugin`.
function(add_attn_plugin name)
  cmake_parse_arguments(ARG "" "" "LINK_LIBS" ${ARGN})
  add_library(${name} MODULE ${ARG_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PRIVATE ${ARG_LINK_LIBS})
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/lib
    INSTALL_RPATH "$ORIGIN")
  install(TARGETS ${name} LIBRARY DESTINATION lib)
endfunction()
