/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu_sched_bench: the scheduler's decision code (sched/sched_policy.c)
 * under names of its own. sched_bench_policy.c compiles that file into the
 * benchmark module; the names below keep its functions apart from those of
 * nvvgpu_sched when both are built into the kernel. Include this header
 * instead of sched_policy.h.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_SCHED_BENCH_POLICY_H__
#define __NVVGPU_SCHED_BENCH_POLICY_H__

#define nvvgpu_sched_rq_init		nvvgpu_sbench_rq_init
#define nvvgpu_sched_entity_init	nvvgpu_sbench_entity_init
#define nvvgpu_sched_add		nvvgpu_sbench_add
#define nvvgpu_sched_remove		nvvgpu_sbench_remove
#define nvvgpu_sched_set_open		nvvgpu_sbench_set_open
#define nvvgpu_sched_set_work		nvvgpu_sbench_set_work
#define nvvgpu_sched_set_entity		nvvgpu_sbench_set_entity
#define nvvgpu_sched_set_params		nvvgpu_sbench_set_params
#define nvvgpu_sched_decide		nvvgpu_sbench_decide
#define nvvgpu_sched_slice_ns		nvvgpu_sbench_slice_ns
#define nvvgpu_sched_weight		nvvgpu_sbench_weight
#define nvvgpu_sched_work_conserving	nvvgpu_sbench_work_conserving
#define nvvgpu_sched_check_params	nvvgpu_sbench_check_params
#define nvvgpu_sched_policy_name	nvvgpu_sbench_policy_name
#define nvvgpu_sched_policy_lookup	nvvgpu_sbench_policy_lookup

#include "../sched_policy.h"

#endif /* __NVVGPU_SCHED_BENCH_POLICY_H__ */
