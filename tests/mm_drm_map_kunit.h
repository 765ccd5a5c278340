/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit: nvvgpu_mm_drm's partition map (mm/mm_drm_map.c) under names of
 * its own. mm_drm_map_kunit.c compiles that file into the KUnit module,
 * so that the suites need neither nvvgpu_mm_drm loaded nor exports of it;
 * the names below keep the copy apart from nvvgpu_mm_drm's functions when
 * both are built into the kernel. Include this header instead of
 * mm_drm_map.h.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_MM_DRM_MAP_KUNIT_H__
#define __NVVGPU_MM_DRM_MAP_KUNIT_H__

#define nvvgpu_mm_drm_map_init		nvvgpu_tmm_drm_map_init
#define nvvgpu_mm_drm_map_fini		nvvgpu_tmm_drm_map_fini
#define nvvgpu_mm_drm_map_vgpu_alloc	nvvgpu_tmm_drm_map_vgpu_alloc
#define nvvgpu_mm_drm_map_vgpu_free	nvvgpu_tmm_drm_map_vgpu_free
#define nvvgpu_mm_drm_map_capacity	nvvgpu_tmm_drm_map_capacity
#define nvvgpu_mm_drm_map_host_alloc	nvvgpu_tmm_drm_map_host_alloc
#define nvvgpu_mm_drm_map_host_free	nvvgpu_tmm_drm_map_host_free
#define nvvgpu_mm_drm_map_rebuild	nvvgpu_tmm_drm_map_rebuild
#define nvvgpu_mm_drm_map_export	nvvgpu_tmm_drm_map_export

#include "../mm/mm_drm_map.h"

#endif /* __NVVGPU_MM_DRM_MAP_KUNIT_H__ */
