/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the parts of the fuzz target share beyond the input layout.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVFUZZ_H__
#define __NVFUZZ_H__

struct nvvgpu_transport_ops;

/* gsp_main_glue.c: the transport's ops table of gsp/gsp_main.c */
const struct nvvgpu_transport_ops *nvfuzz_gsp_transport_ops(void);

#endif /* __NVFUZZ_H__ */
