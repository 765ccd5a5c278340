/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu_mm_bench: the partition maps of nvvgpu_mm (mm/mm_map.c on
 * mm/mm_range.c) and nvvgpu_mm_drm (mm/mm_drm_map.c) under names of their
 * own. mm_bench_{range,map,drm_map}.c compile those files into the
 * benchmark module; the names below keep their functions apart from the
 * providers' when all are built into the kernel. Include this header
 * instead of mm_range.h, mm_map.h and mm_drm_map.h.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_MM_BENCH_MAPS_H__
#define __NVVGPU_MM_BENCH_MAPS_H__

#define nvvgpu_mm_init			nvvgpu_mbench_init
#define nvvgpu_mm_fini			nvvgpu_mbench_fini
#define nvvgpu_mm_insert		nvvgpu_mbench_insert
#define nvvgpu_mm_insert_at		nvvgpu_mbench_insert_at
#define nvvgpu_mm_remove		nvvgpu_mbench_remove
#define nvvgpu_mm_alloc			nvvgpu_mbench_alloc
#define nvvgpu_mm_reserve		nvvgpu_mbench_reserve
#define nvvgpu_mm_free			nvvgpu_mbench_free
#define nvvgpu_mm_capacity		nvvgpu_mbench_capacity
#define nvvgpu_mm_used			nvvgpu_mbench_used

#define nvvgpu_mm_map_init		nvvgpu_mbench_map_init
#define nvvgpu_mm_map_fini		nvvgpu_mbench_map_fini
#define nvvgpu_mm_map_vgpu_alloc	nvvgpu_mbench_map_vgpu_alloc
#define nvvgpu_mm_map_vgpu_free		nvvgpu_mbench_map_vgpu_free
#define nvvgpu_mm_map_capacity		nvvgpu_mbench_map_capacity
#define nvvgpu_mm_map_host_alloc	nvvgpu_mbench_map_host_alloc
#define nvvgpu_mm_map_host_free		nvvgpu_mbench_map_host_free
#define nvvgpu_mm_map_rebuild		nvvgpu_mbench_map_rebuild
#define nvvgpu_mm_map_export		nvvgpu_mbench_map_export

#define nvvgpu_mm_drm_map_init		nvvgpu_mbench_drm_map_init
#define nvvgpu_mm_drm_map_fini		nvvgpu_mbench_drm_map_fini
#define nvvgpu_mm_drm_map_vgpu_alloc	nvvgpu_mbench_drm_map_vgpu_alloc
#define nvvgpu_mm_drm_map_vgpu_free	nvvgpu_mbench_drm_map_vgpu_free
#define nvvgpu_mm_drm_map_capacity	nvvgpu_mbench_drm_map_capacity
#define nvvgpu_mm_drm_map_host_alloc	nvvgpu_mbench_drm_map_host_alloc
#define nvvgpu_mm_drm_map_host_free	nvvgpu_mbench_drm_map_host_free
#define nvvgpu_mm_drm_map_rebuild	nvvgpu_mbench_drm_map_rebuild
#define nvvgpu_mm_drm_map_export	nvvgpu_mbench_drm_map_export

#include "../mm_range.h"
#include "../mm_map.h"
#include "../mm_drm_map.h"

#endif /* __NVVGPU_MM_BENCH_MAPS_H__ */
