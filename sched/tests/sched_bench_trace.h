/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu_sched_bench: tracepoints shaped like the scheduler's own
 * (include/nvvgpu/sched_trace.h: nvvgpu_sched_switch and the nvvgpu_sched_slice
 * class), so that the benchmark can call, after each decision, what
 * nvvgpu_sched_switch() calls, with the same arguments and fields.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM nvvgpu_sched_bench

#if !defined(__NVVGPU_SCHED_BENCH_TRACE_H__) || defined(TRACE_HEADER_MULTI_READ)
#define __NVVGPU_SCHED_BENCH_TRACE_H__

#include <linux/string.h>
#include <linux/tracepoint.h>

#include <nvvgpu/core_types.h>

#include "../sched_types.h"

TRACE_EVENT(nvvgpu_sched_bench_switch,
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

DECLARE_EVENT_CLASS(nvvgpu_sched_bench_slice,
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

DEFINE_EVENT(nvvgpu_sched_bench_slice, nvvgpu_sched_bench_switch_in,
	TP_PROTO(u32 pgpu, u32 engine, u32 id, u32 gfid, const uuid_t *uuid,
		 u64 slice_ns, u64 used_ns, u64 preempt_ns),
	TP_ARGS(pgpu, engine, id, gfid, uuid, slice_ns, used_ns, preempt_ns)
);

DEFINE_EVENT(nvvgpu_sched_bench_slice, nvvgpu_sched_bench_switch_out,
	TP_PROTO(u32 pgpu, u32 engine, u32 id, u32 gfid, const uuid_t *uuid,
		 u64 slice_ns, u64 used_ns, u64 preempt_ns),
	TP_ARGS(pgpu, engine, id, gfid, uuid, slice_ns, used_ns, preempt_ns)
);

#endif /* __NVVGPU_SCHED_BENCH_TRACE_H__ */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE sched_bench_trace
#include <trace/define_trace.h>
