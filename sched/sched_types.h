/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu sched: data types of the time-slice scheduler.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_SCHED_TYPES_H__
#define __NVVGPU_SCHED_TYPES_H__

#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>

/* bounds of the base time slice, module parameter and debugfs alike */
#define NVVGPU_SCHED_SLICE_MIN_US	100
#define NVVGPU_SCHED_SLICE_MAX_US	100000

struct dentry;
struct nvvgpu_pgpu;
struct nvvgpu_vgpu;

/**
 * enum nvvgpu_sched_policy - how the run queue shares GPU time
 * @NVVGPU_SCHED_BEST_EFFORT: round robin over runnable vGPUs, equal slices;
 *	an idle vGPU's time goes to the others
 * @NVVGPU_SCHED_WEIGHTED: round robin with slices proportional to weight
 * @NVVGPU_SCHED_FIXED_SHARE: NVIDIA's fixed share: a round has one base
 *	slice per vGPU the type allows on the GPU, so each vGPU gets the same
 *	fraction however many others exist or run; the slices of absent or
 *	idle vGPUs leave the GPU idle
 * @NVVGPU_SCHED_POLICY_NR: number of policies
 */
enum nvvgpu_sched_policy {
	NVVGPU_SCHED_BEST_EFFORT,
	NVVGPU_SCHED_WEIGHTED,
	NVVGPU_SCHED_FIXED_SHARE,
	NVVGPU_SCHED_POLICY_NR,
};

/**
 * struct nvvgpu_sched_entity - a vGPU as the scheduler sees it
 * @vgpu: the vGPU
 * @link: entry in the run queue's list
 * @runnable: the vGPU may get time slices
 * @runtime_ns: GPU time it was given
 * @slices: slices it was given
 */
struct nvvgpu_sched_entity {
	struct nvvgpu_vgpu *vgpu;
	struct list_head link;
	bool runnable;
	u64 runtime_ns;
	u64 slices;
};

/**
 * struct nvvgpu_sched_rq - the run queue of one pgpu
 * @pgpu: the physical GPU
 * @lock: protects everything below; a spinlock taken with bottom halves
 *	off, because the slice timer runs in softirq context
 * @entities: every vGPU of the pgpu, in round-robin order
 * @curr: the entity holding the GPU, NULL when idle
 * @slice_start: when @curr got the GPU
 * @slice_ns: length of @curr's slice
 * @policy: the sharing policy, from the next slice on
 * @timeslice_us: base slice length, from the next slice on
 * @slot: the next slot of a fixed-share round
 * @switches: context switches so far
 * @timer: ends the current slice
 * @debugfs: the "sched", "sched_policy" and "sched_timeslice_us" files
 */
struct nvvgpu_sched_rq {
	struct nvvgpu_pgpu *pgpu;
	spinlock_t lock; /* see @lock above */
	struct list_head entities;
	struct nvvgpu_sched_entity *curr;
	ktime_t slice_start;
	u64 slice_ns;
	enum nvvgpu_sched_policy policy;
	u32 timeslice_us;
	u32 slot;
	u64 switches;
	struct hrtimer timer;
	struct dentry *debugfs[3];
};

#endif /* __NVVGPU_SCHED_TYPES_H__ */
