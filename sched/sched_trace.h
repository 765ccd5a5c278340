/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu scheduler tracepoints. "trace-cmd record -e nvvgpu_sched" gives a
 * timeline of which vGPU held each pgpu when.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM nvvgpu_sched

#if !defined(__NVVGPU_SCHED_TRACE_H__) || defined(TRACE_HEADER_MULTI_READ)
#define __NVVGPU_SCHED_TRACE_H__

#include <linux/tracepoint.h>

#include <nvvgpu/core_types.h>

/* the idle "vGPU": the host holds the GPU */
#define NVVGPU_SCHED_IDLE	(~0u)

DECLARE_EVENT_CLASS(nvvgpu_sched_vgpu,
	TP_PROTO(const struct nvvgpu_vgpu *vgpu),
	TP_ARGS(vgpu),
	TP_STRUCT__entry(
		__field(u32, pgpu)
		__field(u32, vgpu)
		__field(u32, weight)
	),
	TP_fast_assign(
		__entry->pgpu = vgpu->pgpu->id;
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

TRACE_EVENT(nvvgpu_sched_config,
	TP_PROTO(u32 pgpu, const char *policy, u32 timeslice_us),
	TP_ARGS(pgpu, policy, timeslice_us),
	TP_STRUCT__entry(
		__field(u32, pgpu)
		__string(policy, policy)
		__field(u32, timeslice_us)
	),
	TP_fast_assign(
		__entry->pgpu = pgpu;
		__assign_str(policy);
		__entry->timeslice_us = timeslice_us;
	),
	TP_printk("pgpu=%u policy=%s timeslice=%uus", __entry->pgpu,
		  __get_str(policy), __entry->timeslice_us)
);

#endif /* __NVVGPU_SCHED_TRACE_H__ */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE sched_trace
#include <trace/define_trace.h>
