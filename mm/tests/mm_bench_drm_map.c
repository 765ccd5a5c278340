// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_mm_bench: nvvgpu_mm_drm's partition map (mm/mm_drm_map.c),
 * compiled into the benchmark module as it is into its provider, under the
 * names of mm_bench_maps.h.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include "mm_bench_maps.h"

#include "../mm_drm_map.c"
