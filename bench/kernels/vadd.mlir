// The CUDA path's smoke kernel: c = a + b over 2^20 f32, written with
// gpu.launch (attn-to-nvvm compiles gpu-dialect kernel functions until the
// NVIDIA lowering of attn_tile kernels lands). bench/gpu_check.py runs it.
func.func @vadd(%a: tensor<1048576xf32> {attn.name = "a"}, %b: tensor<1048576xf32> {attn.name = "b"})
    -> (tensor<1048576xf32> {attn.name = "c"}) {
  %c1 = arith.constant 1 : index
  %c256 = arith.constant 256 : index
  %c4096 = arith.constant 4096 : index
  %ma = bufferization.to_buffer %a read_only : tensor<1048576xf32> to memref<1048576xf32>
  %mb = bufferization.to_buffer %b read_only : tensor<1048576xf32> to memref<1048576xf32>
  %mc = memref.alloc() : memref<1048576xf32>
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c4096, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c256, %sy = %c1, %sz = %c1) {
    %i0 = arith.muli %bx, %c256 : index
    %i = arith.addi %i0, %tx : index
    %x = memref.load %ma[%i] : memref<1048576xf32>
    %y = memref.load %mb[%i] : memref<1048576xf32>
    %z = arith.addf %x, %y : f32
    memref.store %z, %mc[%i] : memref<1048576xf32>
    gpu.terminator
  }
  %c = bufferization.to_tensor %mc restrict writable : memref<1048576xf32> to tensor<1048576xf32>
  return %c : tensor<1048576xf32>
}
