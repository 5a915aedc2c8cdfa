/* Loads the package in argv[1], lists its kernels and their arguments, then
 * shows that a missing package is an error code plus a message. */
#include <attn-c/runtime.h>
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  printf("runtime version %d\n", (int)attn_runtime_version());
  attn_package *package = NULL;
  if (attn_package_load(argv[1], &package) != ATTN_OK) {
    printf("load failed: %s\n", attn_last_error());
    return 1;
  }
  printf("target %s\n", attn_package_target(package));
  for (int32_t i = 0; i < attn_package_num_kernels(package); ++i) {
    attn_kernel *kernel = NULL;
    if (attn_package_kernel_at(package, i, &kernel) != ATTN_OK)
      return 1;
    printf("kernel %s:", attn_kernel_name(kernel));
    for (int32_t a = 0; a < attn_kernel_num_args(kernel); ++a)
      printf(" %s", attn_kernel_arg_name(kernel, a));
    printf("\n");
  }
  attn_package_destroy(package);

  attn_status status = attn_package_load("/nonexistent/package", &package);
  printf("%s (package %s): %s\n", attn_status_name(status),
         package ? "set" : "null", attn_last_error());
  return 0;
}
