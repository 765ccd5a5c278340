// SPDX-License-Identifier: GPL-2.0
/*
 * gsp/gsp_main.c keeps the transport's ops table static, as a provider
 * should. The fuzz target drives the transport through that very table
 * (attach, irq, read_info, the vGPU ops, detach), so the file is compiled
 * here, unchanged, and the table handed out.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include "gsp_main.c"

#include "nvfuzz.h"

const struct nvvgpu_transport_ops *nvfuzz_gsp_transport_ops(void)
{
	return &gsp_transport_ops;
}
