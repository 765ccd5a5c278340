/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu mm: range allocator used for framebuffer and channel IDs.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_MM_RANGE_H__
#define __NVVGPU_MM_RANGE_H__

#include "mm_types.h"

void nvvgpu_mm_init(struct nvvgpu_mm_allocator *a, u64 start, u64 end);
void nvvgpu_mm_fini(struct nvvgpu_mm_allocator *a);
int nvvgpu_mm_insert(struct nvvgpu_mm_allocator *a, struct nvvgpu_mm_range *r,
		     u64 size, u64 align, bool top);
int nvvgpu_mm_insert_at(struct nvvgpu_mm_allocator *a,
			struct nvvgpu_mm_range *r, u64 start, u64 size);
void nvvgpu_mm_remove(struct nvvgpu_mm_allocator *a, struct nvvgpu_mm_range *r);
int nvvgpu_mm_alloc(struct nvvgpu_mm_allocator *a, u64 size, u64 align,
		    u64 *start);
int nvvgpu_mm_reserve(struct nvvgpu_mm_allocator *a, u64 start, u64 size);
int nvvgpu_mm_free(struct nvvgpu_mm_allocator *a, u64 start);
u64 nvvgpu_mm_capacity(const struct nvvgpu_mm_allocator *a, u64 size,
		       u64 align);
u64 nvvgpu_mm_used(const struct nvvgpu_mm_allocator *a);

#endif /* __NVVGPU_MM_RANGE_H__ */
