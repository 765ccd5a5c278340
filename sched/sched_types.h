/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu sched: data types of the time-slice scheduler.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_SCHED_TYPES_H__
#define __NVVGPU_SCHED_TYPES_H__

#include <linux/hrtimer.h>
#include <linux/kobject.h>
#include <linux/ktime.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rbtree.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#include <nvvgpu/core_types.h>

#include "sched_log.h"

/* bounds of the base time slice and of a vGPU's execution quantum */
#define NVVGPU_SCHED_SLICE_MIN_US	100
#define NVVGPU_SCHED_SLICE_MAX_US	100000

/* ARR: averaging factor (samples) and scheduling frequency (Hz) */
#define NVVGPU_SCHED_ARR_AVG_MIN	1
#define NVVGPU_SCHED_ARR_AVG_MAX	60
#define NVVGPU_SCHED_ARR_AVG_DEFAULT	33
#define NVVGPU_SCHED_ARR_FREQ_MIN	10
#define NVVGPU_SCHED_ARR_FREQ_MAX	10000
#define NVVGPU_SCHED_ARR_FREQ_DEFAULT	500

/* virtual time advances by run time times this over the weight */
#define NVVGPU_SCHED_WEIGHT_UNIT	1024

struct dentry;
struct nvvgpu_pgpu;
struct nvvgpu_vgpu;

/**
 * enum nvvgpu_sched_policy - how the run queue shares GPU time
 * @NVVGPU_SCHED_BEST_EFFORT: equal slices round robin over the vGPUs that
 *	have work; an idle vGPU is skipped and one that runs out of work
 *	yields at once (work-conserving)
 * @NVVGPU_SCHED_EQUAL_SHARE: each open vGPU is reserved 1/N of GPU time,
 *	N the open vGPUs, changing as vGPUs start and stop; a vGPU's slice
 *	idles the GPU when it has no work
 * @NVVGPU_SCHED_FIXED_SHARE: each vGPU is reserved 1/M, M the instances
 *	its type allows on the GPU, however many others exist or run
 * @NVVGPU_SCHED_WEIGHTED: work-conserving proportional share: the vGPUs
 *	with work split GPU time by weight
 * @NVVGPU_SCHED_ARR: adaptive round robin: best effort whose slice adapts
 *	per vGPU to the time it used in its recent slices
 * @NVVGPU_SCHED_POLICY_NR: number of policies
 */
enum nvvgpu_sched_policy {
	NVVGPU_SCHED_BEST_EFFORT,
	NVVGPU_SCHED_EQUAL_SHARE,
	NVVGPU_SCHED_FIXED_SHARE,
	NVVGPU_SCHED_WEIGHTED,
	NVVGPU_SCHED_ARR,
	NVVGPU_SCHED_POLICY_NR,
};

/**
 * struct nvvgpu_sched_stats - what one entity got, cumulative
 * @slices: slices it was given
 * @granted_ns: time it held the GPU
 * @wait_ns: time it had work but another held the GPU
 * @idle_ns: time it held the GPU without work (a reserved share unused)
 * @preemptions: slices that ended while it still had work
 * @preempt_ns: time its engines took to yield after being told to
 *	(from the engines; see &nvvgpu_engine_stats)
 * @busy_ns: per engine, time the engine ran its work (from the engines)
 * @jobs: per engine, work items (GPFIFO entries) the engine completed
 * @preempt_timeouts: its channels reset for not yielding in time
 */
struct nvvgpu_sched_stats {
	u64 slices;
	u64 granted_ns;
	u64 wait_ns;
	u64 idle_ns;
	u64 preemptions;
	u64 preempt_ns;
	u64 busy_ns[NVVGPU_MAX_ENGINES];
	u64 jobs[NVVGPU_MAX_ENGINES];
	u64 preempt_timeouts;
};

/**
 * struct nvvgpu_sched_entity - a vGPU, the host or a vacancy, as the
 *	scheduler sees it
 * @vgpu: the vGPU; NULL for the host's and the vacancy entities
 * @id: vGPU id, or %NVVGPU_SCHED_HOST / %NVVGPU_SCHED_VACANT
 * @gfid: the function whose channels run while it holds the GPU
 * @link: entry in the run queue's list of all entities
 * @node: entry in the run queue's tree of eligible entities
 * @queued: @node is in the tree
 * @open: a VMM has the vGPU open and it is not paused (always true for
 *	the host)
 * @has_work: the engines report queued work for @gfid
 * @weight: its share weight (1..%NVVGPU_VGPU_WEIGHT_MAX; the vacancy's is
 *	the number of slots vacant)
 * @quantum_ns: its own execution quantum, 0 for the policy's slice
 * @vtime: virtual time: run time scaled by %NVVGPU_SCHED_WEIGHT_UNIT over
 *	@weight; the eligible entity with the least runs next
 * @seq: enqueue order, breaking @vtime ties first-come first-served
 * @arr_avg_ns: ARR's running average of the time it used per slice
 * @since: when @wait_ns last started counting (while waiting)
 * @st: its accounting
 * @origin: per engine, the engine's counters for @gfid when the entity
 *	was made: a function keeps its counters across vGPUs
 * @at_in: per engine, the counters when it last got the GPU
 * @logged_busy_ns: per engine, its busy time at its last log entry
 */
struct nvvgpu_sched_entity {
	struct nvvgpu_vgpu *vgpu;
	u32 id;
	u32 gfid;
	struct list_head link;
	struct rb_node node;
	bool queued;
	bool open;
	bool has_work;
	u32 weight;
	u64 quantum_ns;
	u64 vtime;
	u64 seq;
	u64 arr_avg_ns;
	u64 since;
	struct nvvgpu_sched_stats st;
	struct nvvgpu_engine_stats origin[NVVGPU_MAX_ENGINES];
	struct nvvgpu_engine_stats at_in[NVVGPU_MAX_ENGINES];
	u64 logged_busy_ns[NVVGPU_MAX_ENGINES];
};

/* an entity's UUID as the slice tracepoints take it: NULL but for a vGPU */
static inline const uuid_t *
nvvgpu_sched_uuid(const struct nvvgpu_sched_entity *se)
{
	return se->vgpu ? &se->vgpu->uuid : NULL;
}

/**
 * struct nvvgpu_sched_params - a pgpu's scheduling settings
 * @policy: the sharing policy
 * @timeslice_us: base slice
 * @arr_avg_factor: ARR averages a vGPU's use over this many slices
 * @arr_frequency: ARR's scheduling frequency in Hz: a new vGPU's slice is
 *	1 s / @arr_frequency within [@arr_min_us, @arr_max_us]
 * @arr_min_us: ARR's shortest slice
 * @arr_max_us: ARR's longest slice
 * @host_weight: the host's share weight beside the vGPUs
 * @fixed_slots: slots of a fixed-share round: the most instances any
 *	present type allows (kept by the provider)
 */
struct nvvgpu_sched_params {
	enum nvvgpu_sched_policy policy;
	u32 timeslice_us;
	u32 arr_avg_factor;
	u32 arr_frequency;
	u32 arr_min_us;
	u32 arr_max_us;
	u32 host_weight;
	u32 fixed_slots;
};

/**
 * struct nvvgpu_sched_rq - the run queue of one pgpu
 * @pgpu: the physical GPU; NULL in KUnit
 * @params_lock: serialises the writers of @p (sysfs), which copy, change
 *	one member and write back
 * @lock: protects everything below; a spinlock taken with bottom halves
 *	off, because the slice timer runs in softirq context and the engines
 *	report work from it
 * @p: the settings, changed under @lock, applied from the next slice on
 * @entities: every entity, in creation order
 * @tree: the eligible entities by (@vtime, @seq)
 * @host: the host's own channels
 * @vacant: under fixed share, the slots no open vGPU holds
 * @curr: the entity holding the GPU, NULL when nothing runs
 * @slice_start: when @curr got the GPU (ns)
 * @slice_ns: the length of @curr's slice, 0 when the timer is stopped
 * @curr_idle_since: when @curr ran out of work in its slice, 0 if it has
 *	work
 * @min_vtime: the least virtual time of the entities that ran, never
 *	going back: a waking entity starts no earlier
 * @seq: the next enqueue order
 * @n_open: open vGPUs
 * @n_ready: open vGPUs with work, so that a decision needs no walk
 * @switches: changes of the GPU's holder
 * @decisions: scheduling decisions
 * @timer: ends the current slice
 * @num_engines: engines the backend accounts (0..%NVVGPU_MAX_ENGINES)
 * @engine_names: their names
 * @log: per engine, its scheduler log
 * @by_gfid: the entities by function, for work reports (@host at 0)
 * @sink: receives the engines' work reports through the core
 * @kobj: the pgpu's nvvgpu_sched sysfs directory; its release frees the
 *	run queue
 * @debugfs: the pgpu's "sched" file
 * @exported: handed over to another scheduler (pgpu lock): it no longer
 *	decides, and its detach frees only its own data
 */
struct nvvgpu_sched_rq {
	struct nvvgpu_pgpu *pgpu;
	struct mutex params_lock; /* see @params_lock above */
	spinlock_t lock; /* see @lock above */
	struct nvvgpu_sched_params p;
	struct list_head entities;
	struct rb_root_cached tree;
	struct nvvgpu_sched_entity host;
	struct nvvgpu_sched_entity vacant;
	struct nvvgpu_sched_entity *curr;
	u64 slice_start;
	u64 slice_ns;
	u64 curr_idle_since;
	u64 min_vtime;
	u64 seq;
	u32 n_open;
	u32 n_ready;
	u64 switches;
	u64 decisions;
	struct hrtimer timer;
	u32 num_engines;
	const char *engine_names[NVVGPU_MAX_ENGINES];
	struct nvvgpu_sched_log *log;
	struct nvvgpu_sched_entity *by_gfid[NVVGPU_MAX_VGPUS_PER_PGPU + 1];
	struct nvvgpu_work_sink sink;
	struct kobject kobj;
	struct dentry *debugfs;
	bool exported;
};

#endif /* __NVVGPU_SCHED_TYPES_H__ */
