/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu_sim engine tracepoints: the jobs the engines run, so that a
 * timeline shows them beside the scheduler's slices
 * ("trace-cmd record -e nvvgpu_engine -e nvvgpu_sched").
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM nvvgpu_engine

#if !defined(__NVVGPU_SIM_TRACE_H__) || defined(TRACE_HEADER_MULTI_READ)
#define __NVVGPU_SIM_TRACE_H__

#include <linux/tracepoint.h>

#include <nvvgpu/compat.h>

/* a function rang a channel's doorbell: work was submitted */
TRACE_EVENT(nvvgpu_job_submit,
	TP_PROTO(u32 pgpu, u32 gfid, u32 chid),
	TP_ARGS(pgpu, gfid, chid),
	TP_STRUCT__entry(
		__field(u32, pgpu)
		__field(u32, gfid)
		__field(u32, chid)
	),
	TP_fast_assign(
		__entry->pgpu = pgpu;
		__entry->gfid = gfid;
		__entry->chid = chid;
	),
	TP_printk("pgpu=%d gfid=%u chid=%u", (int)__entry->pgpu,
		  __entry->gfid, __entry->chid)
);

/* an engine began (@len: pushbuffer bytes) or completed a GPFIFO entry */
DECLARE_EVENT_CLASS(nvvgpu_job,
	TP_PROTO(u32 pgpu, const char *engine, u32 gfid, u32 chid, u32 gp_get,
		 u32 len),
	TP_ARGS(pgpu, engine, gfid, chid, gp_get, len),
	TP_STRUCT__entry(
		__field(u32, pgpu)
		__string(engine, engine)
		__field(u32, gfid)
		__field(u32, chid)
		__field(u32, gp_get)
		__field(u32, len)
	),
	TP_fast_assign(
		__entry->pgpu = pgpu;
		nvvgpu_assign_str(engine, engine);
		__entry->gfid = gfid;
		__entry->chid = chid;
		__entry->gp_get = gp_get;
		__entry->len = len;
	),
	TP_printk("pgpu=%d engine=%s gfid=%u chid=%u entry=%u len=%u",
		  (int)__entry->pgpu, __get_str(engine), __entry->gfid,
		  __entry->chid, __entry->gp_get, __entry->len)
);

DEFINE_EVENT(nvvgpu_job, nvvgpu_job_start,
	TP_PROTO(u32 pgpu, const char *engine, u32 gfid, u32 chid, u32 gp_get,
		 u32 len),
	TP_ARGS(pgpu, engine, gfid, chid, gp_get, len)
);

DEFINE_EVENT(nvvgpu_job, nvvgpu_job_complete,
	TP_PROTO(u32 pgpu, const char *engine, u32 gfid, u32 chid, u32 gp_get,
		 u32 len),
	TP_ARGS(pgpu, engine, gfid, chid, gp_get, len)
);

#endif /* __NVVGPU_SIM_TRACE_H__ */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE sim_trace
#include <trace/define_trace.h>
