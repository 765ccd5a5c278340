/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu-abi.h: the project's ABI headers for the user-space test tools.
 * The headers are the ones the kernel modules build with, included
 * unchanged, so that a layout cannot drift between the driver and its
 * tests; the kernel types they use are defined here, and the two kernel
 * headers they need without a uAPI twin come from tests/tools/shim/
 * (scripts/build-vm-modules passes -idirafter tests/tools/shim).
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef NVVGPU_ABI_H
#define NVVGPU_ABI_H

#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;

#include "../../include/nvvgpu/abi/gsp_queue.h"
#include "../../include/nvvgpu/abi/gsp_rpc.h"
#include "../../include/nvvgpu/abi/nv_channel.h"

#endif /* NVVGPU_ABI_H */
