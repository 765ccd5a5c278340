/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the parts of the fuzz target share beyond the input layout.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVFUZZ_H__
#define __NVFUZZ_H__

struct nvvgpu_gsp;
struct nvvgpu_transport_ops;

/* gsp_main_glue.c: the transport's ops table of gsp/gsp_main.c */
const struct nvvgpu_transport_ops *nvfuzz_gsp_transport_ops(void);

/*
 * Event dispatch got its own state (gsp_event.c) after 815342c; weak, so
 * that the harness builds against the transport before and after.
 */
#pragma weak gsp_event_init
#pragma weak gsp_event_fini
int gsp_event_init(struct nvvgpu_gsp *gsp);
void gsp_event_fini(struct nvvgpu_gsp *gsp);

#endif /* __NVFUZZ_H__ */
