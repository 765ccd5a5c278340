/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu mm: the partitions of one pgpu on the range allocator of mm_range.c.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_MM_MAP_H__
#define __NVVGPU_MM_MAP_H__

#include "mm_types.h"

struct nvvgpu_partition;
struct nvvgpu_vgpu_type;

void nvvgpu_mm_map_init(struct nvvgpu_mm_map *map,
			const struct nvvgpu_mm_layout *layout);
void nvvgpu_mm_map_fini(struct nvvgpu_mm_map *map);
int nvvgpu_mm_map_vgpu_alloc(struct nvvgpu_mm_map *map,
			     const struct nvvgpu_vgpu_type *type,
			     struct nvvgpu_mm_vgpu **recp,
			     struct nvvgpu_partition *part);
void nvvgpu_mm_map_vgpu_free(struct nvvgpu_mm_map *map,
			     struct nvvgpu_mm_vgpu *rec, bool retire);
u64 nvvgpu_mm_map_capacity(const struct nvvgpu_mm_map *map,
			   const struct nvvgpu_vgpu_type *type);
int nvvgpu_mm_map_host_alloc(struct nvvgpu_mm_map *map, u64 size,
			     u64 *offset);
int nvvgpu_mm_map_host_free(struct nvvgpu_mm_map *map, u64 offset);
int nvvgpu_mm_map_rebuild(struct nvvgpu_mm_map *map,
			  const struct nvvgpu_partition *parts,
			  struct nvvgpu_mm_vgpu **recs, unsigned int nparts,
			  const struct nvvgpu_mm_extent *extents,
			  unsigned int nextents);
int nvvgpu_mm_map_export(const struct nvvgpu_mm_map *map,
			 int (*fn)(void *arg, const struct nvvgpu_mm_extent *e),
			 void *arg);

#endif /* __NVVGPU_MM_MAP_H__ */
