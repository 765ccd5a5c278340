/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu core tracepoints: vGPU lifecycle.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM nvvgpu_core

#if !defined(__NVVGPU_CORE_TRACE_H__) || defined(TRACE_HEADER_MULTI_READ)
#define __NVVGPU_CORE_TRACE_H__

#include <linux/tracepoint.h>

#include <nvvgpu/core_types.h>

TRACE_DEFINE_ENUM(NVVGPU_VGPU_CREATED);
TRACE_DEFINE_ENUM(NVVGPU_VGPU_PROVISIONED);
TRACE_DEFINE_ENUM(NVVGPU_VGPU_BOOTED);
TRACE_DEFINE_ENUM(NVVGPU_VGPU_RUNNING);
TRACE_DEFINE_ENUM(NVVGPU_VGPU_PAUSED);
TRACE_DEFINE_ENUM(NVVGPU_VGPU_STOPPED);
TRACE_DEFINE_ENUM(NVVGPU_VGPU_DEAD);

#define nvvgpu_show_vgpu_state(state)				\
	__print_symbolic(state,					\
			 { NVVGPU_VGPU_CREATED, "created" },	\
			 { NVVGPU_VGPU_PROVISIONED, "provisioned" },\
			 { NVVGPU_VGPU_BOOTED, "booted" },	\
			 { NVVGPU_VGPU_RUNNING, "running" },	\
			 { NVVGPU_VGPU_PAUSED, "paused" },	\
			 { NVVGPU_VGPU_STOPPED, "stopped" },	\
			 { NVVGPU_VGPU_DEAD, "dead" })

TRACE_EVENT(nvvgpu_vgpu_state,
	TP_PROTO(const struct nvvgpu_vgpu *vgpu, enum nvvgpu_vgpu_state from,
		 enum nvvgpu_vgpu_state to),
	TP_ARGS(vgpu, from, to),
	TP_STRUCT__entry(
		__field(u32, pgpu)
		__field(u32, vgpu)
		__array(u8, uuid, UUID_SIZE)
		__field(u32, type)
		__field(u32, from)
		__field(u32, to)
	),
	TP_fast_assign(
		__entry->pgpu = vgpu->pgpu->id;
		__entry->vgpu = vgpu->id;
		memcpy(__entry->uuid, &vgpu->uuid, UUID_SIZE);
		__entry->type = vgpu->type->id;
		__entry->from = from;
		__entry->to = to;
	),
	TP_printk("pgpu=%u vgpu=%u uuid=%pUl type=%u %s -> %s",
		  __entry->pgpu, __entry->vgpu, __entry->uuid, __entry->type,
		  nvvgpu_show_vgpu_state(__entry->from),
		  nvvgpu_show_vgpu_state(__entry->to))
);

TRACE_EVENT(nvvgpu_vgpu_reset,
	TP_PROTO(const struct nvvgpu_vgpu *vgpu, int err),
	TP_ARGS(vgpu, err),
	TP_STRUCT__entry(
		__field(u32, pgpu)
		__field(u32, vgpu)
		__field(int, err)
	),
	TP_fast_assign(
		__entry->pgpu = vgpu->pgpu->id;
		__entry->vgpu = vgpu->id;
		__entry->err = err;
	),
	TP_printk("pgpu=%u vgpu=%u err=%d", __entry->pgpu, __entry->vgpu,
		  __entry->err)
);

TRACE_EVENT(nvvgpu_channel_error,
	TP_PROTO(u32 pgpu, u32 gfid, const struct nvvgpu_event *ev),
	TP_ARGS(pgpu, gfid, ev),
	TP_STRUCT__entry(
		__field(u32, pgpu)
		__field(u32, gfid)
		__field(u32, chid)
		__field(u32, xid)
		__field(u64, addr)
	),
	TP_fast_assign(
		__entry->pgpu = pgpu;
		__entry->gfid = gfid;
		__entry->chid = ev->chid;
		__entry->xid = ev->xid;
		__entry->addr = ev->addr;
	),
	TP_printk("pgpu=%u gfid=%u chid=%u xid=%u addr=%#llx",
		  __entry->pgpu, __entry->gfid, __entry->chid, __entry->xid,
		  __entry->addr)
);

#endif /* __NVVGPU_CORE_TRACE_H__ */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE core_trace
#include <trace/define_trace.h>
