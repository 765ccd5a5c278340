// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: nvvgpu_mm_drm's partition map, compiled into the KUnit module as
 * it is into nvvgpu_mm_drm, under the names of mm_drm_map_kunit.h.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include "mm_drm_map_kunit.h"

#include "../mm/mm_drm_map.c"
