// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_sched_bench: the scheduler's decision code, compiled into the
 * benchmark module as it is into nvvgpu_sched, so that the benchmark
 * measures it without a pgpu or the scheduler module. Its functions take
 * the names of sched_bench_policy.h, and none is exported: with KUnit
 * configured, sched_policy.c exports them to the KUnit suites, and a
 * second export of one name would stop either module from loading.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <kunit/visibility.h>

#include "sched_bench_policy.h"

#undef EXPORT_SYMBOL_IF_KUNIT
#define EXPORT_SYMBOL_IF_KUNIT(...)

#include "../sched_policy.c"
