/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu scheduler tracepoints. "trace-cmd record -e nvvgpu_sched" gives a
 * timeline of which vGPU held each pgpu when, whichever scheduler provider
 * decides: the core defines the events (core/core_sched_trace.c) and
 * exports them, so that the host scheduler (nvvgpu_sched) and the
 * firmware-run one (nvvgpu_sched_fw) emit the very same events, and both
 * modules may be loaded at once.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM nvvgpu_sched

#if !defined(__NVVGPU_SCHED_TRACE_H__) || defined(TRACE_HEADER_MULTI_READ)
#define __NVVGPU_SCHED_TRACE_H__

#include <linux/string.h>
#include <linux/tracepoint.h>
#include <linux/uuid.h>

#include <nvvgpu/compat.h>
#include <nvvgpu/core.h>

DECLARE_EVENT_CLASS(nvvgpu_sched_vgpu,
	TP_PROTO(const struct nvvgpu_vgpu *vgpu),
	TP_ARGS(vgpu),
	TP_STRUCT__entry(
		__field(u32, pgpu)
		__field(u32, vgpu)
		__field(u32, weight)
	),
	TP_fast_assign(
		__entry->pgpu = nvvgpu_pgpu_id(vgpu->pgpu);
		__entry->vgpu = vgpu->id;
		__entry->weight = vgpu->weight;
	),
	TP_printk("pgpu=%u vgpu=%u weight=%u", __entry->pgpu, __entry->vgpu,
		  __entry->weight)
);

DEFINE_EVENT(nvvgpu_sched_vgpu, nvvgpu_sched_add,
	TP_PROTO(const struct nvvgpu_vgpu *vgpu),
	TP_ARGS(vgpu)
);

DEFINE_EVENT(nvvgpu_sched_vgpu, nvvgpu_sched_remove,
	TP_PROTO(const struct nvvgpu_vgpu *vgpu),
	TP_ARGS(vgpu)
);

DEFINE_EVENT(nvvgpu_sched_vgpu, nvvgpu_sched_wakeup,
	TP_PROTO(const struct nvvgpu_vgpu *vgpu),
	TP_ARGS(vgpu)
);

DEFINE_EVENT(nvvgpu_sched_vgpu, nvvgpu_sched_block,
	TP_PROTO(const struct nvvgpu_vgpu *vgpu),
	TP_ARGS(vgpu)
);

TRACE_EVENT(nvvgpu_sched_switch,
	TP_PROTO(u32 pgpu, u32 prev, u64 prev_ran_ns, u32 next, u64 slice_ns),
	TP_ARGS(pgpu, prev, prev_ran_ns, next, slice_ns),
	TP_STRUCT__entry(
		__field(u32, pgpu)
		__field(u32, prev)
		__field(u32, next)
		__field(u64, prev_ran_ns)
		__field(u64, slice_ns)
	),
	TP_fast_assign(
		__entry->pgpu = pgpu;
		__entry->prev = prev;
		__entry->next = next;
		__entry->prev_ran_ns = prev_ran_ns;
		__entry->slice_ns = slice_ns;
	),
	TP_printk("pgpu=%u prev=%d ran=%lluus next=%d slice=%lluus",
		  __entry->pgpu, (int)__entry->prev,
		  __entry->prev_ran_ns / 1000, (int)__entry->next,
		  __entry->slice_ns / 1000)
);

/*
 * One class for everything that happens to a slice on one engine: the
 * entity (vGPU id, -1 the host, -2 an idle fixed-share slot), its GFID and
 * UUID (zero but for a vGPU), the slice it was given, the engine time it
 * used in it so far and its engines' cumulative preemption time.
 */
DECLARE_EVENT_CLASS(nvvgpu_sched_slice,
	TP_PROTO(u32 pgpu, u32 engine, u32 id, u32 gfid, const uuid_t *uuid,
		 u64 slice_ns, u64 used_ns, u64 preempt_ns),
	TP_ARGS(pgpu, engine, id, gfid, uuid, slice_ns, used_ns, preempt_ns),
	TP_STRUCT__entry(
		__field(u32, pgpu)
		__field(u32, engine)
		__field(u32, id)
		__field(u32, gfid)
		__array(u8, uuid, 16)
		__field(u64, slice_ns)
		__field(u64, used_ns)
		__field(u64, preempt_ns)
	),
	TP_fast_assign(
		__entry->pgpu = pgpu;
		__entry->engine = engine;
		__entry->id = id;
		__entry->gfid = gfid;
		if (uuid)
			memcpy(__entry->uuid, uuid, 16);
		else
			memset(__entry->uuid, 0, 16);
		__entry->slice_ns = slice_ns;
		__entry->used_ns = used_ns;
		__entry->preempt_ns = preempt_ns;
	),
	TP_printk("pgpu=%u engine=%d vgpu=%d gfid=%u uuid=%pUl slice=%lluus used=%lluus preempt=%lluus",
		  __entry->pgpu, (int)__entry->engine, (int)__entry->id,
		  __entry->gfid, __entry->uuid, __entry->slice_ns / 1000,
		  __entry->used_ns / 1000, __entry->preempt_ns / 1000)
);

#define NVVGPU_SCHED_SLICE_EVENT(name)					\
DEFINE_EVENT(nvvgpu_sched_slice, name,					\
	TP_PROTO(u32 pgpu, u32 engine, u32 id, u32 gfid,		\
		 const uuid_t *uuid, u64 slice_ns, u64 used_ns,		\
		 u64 preempt_ns),					\
	TP_ARGS(pgpu, engine, id, gfid, uuid, slice_ns, used_ns,	\
		preempt_ns))

/* the entity got the GPU (engine -1: all of them) */
NVVGPU_SCHED_SLICE_EVENT(nvvgpu_sched_switch_in);
/* its slice ended: what each engine ran for it */
NVVGPU_SCHED_SLICE_EVENT(nvvgpu_sched_switch_out);
/* its slice ran out while it still had work */
NVVGPU_SCHED_SLICE_EVENT(nvvgpu_sched_slice_expired);
/* it holds the GPU without work (engine -1) */
NVVGPU_SCHED_SLICE_EVENT(nvvgpu_sched_idle);
/* a channel of it did not yield in time and was reset (engine -1) */
NVVGPU_SCHED_SLICE_EVENT(nvvgpu_sched_preempt_timeout);

TRACE_EVENT(nvvgpu_sched_config,
	TP_PROTO(u32 pgpu, const char *policy, u32 timeslice_us,
		 u32 arr_avg_factor, u32 arr_frequency, u32 arr_min_us,
		 u32 arr_max_us, u32 host_weight),
	TP_ARGS(pgpu, policy, timeslice_us, arr_avg_factor, arr_frequency,
		arr_min_us, arr_max_us, host_weight),
	TP_STRUCT__entry(
		__field(u32, pgpu)
		__string(policy, policy)
		__field(u32, timeslice_us)
		__field(u32, arr_avg_factor)
		__field(u32, arr_frequency)
		__field(u32, arr_min_us)
		__field(u32, arr_max_us)
		__field(u32, host_weight)
	),
	TP_fast_assign(
		__entry->pgpu = pgpu;
		nvvgpu_assign_str(policy, policy);
		__entry->timeslice_us = timeslice_us;
		__entry->arr_avg_factor = arr_avg_factor;
		__entry->arr_frequency = arr_frequency;
		__entry->arr_min_us = arr_min_us;
		__entry->arr_max_us = arr_max_us;
		__entry->host_weight = host_weight;
	),
	TP_printk("pgpu=%u policy=%s timeslice=%uus arr_avg_factor=%u arr_frequency=%u arr_slice=%u..%uus host_weight=%u",
		  __entry->pgpu, __get_str(policy), __entry->timeslice_us,
		  __entry->arr_avg_factor, __entry->arr_frequency,
		  __entry->arr_min_us, __entry->arr_max_us,
		  __entry->host_weight)
);

#endif /* __NVVGPU_SCHED_TRACE_H__ */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH nvvgpu
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE sched_trace
#include <trace/define_trace.h>
