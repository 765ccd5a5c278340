// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_mm_bench: the range allocator (mm/mm_range.c), compiled
 * into the benchmark module as it is into nvvgpu_mm, under the names of
 * mm_bench_maps.h, and none exported: with KUnit configured, nvvgpu_mm
 * exports them to the KUnit suites, and a second export of one name would
 * stop either module from loading.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <kunit/visibility.h>

#include "mm_bench_maps.h"

#undef EXPORT_SYMBOL_IF_KUNIT
#define EXPORT_SYMBOL_IF_KUNIT(...)

#include "../mm_range.c"
