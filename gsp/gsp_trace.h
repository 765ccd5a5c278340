/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu_gsp: tracepoints of the GSP-RM transport.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM nvvgpu_gsp

#if !defined(__NVVGPU_GSP_TRACE_H__) || defined(TRACE_HEADER_MULTI_READ)
#define __NVVGPU_GSP_TRACE_H__

#include <linux/tracepoint.h>
#include <linux/types.h>

DECLARE_EVENT_CLASS(gsp_msg,
	TP_PROTO(u32 pgpu, u32 function, u32 seq, u32 length, u32 result),
	TP_ARGS(pgpu, function, seq, length, result),
	TP_STRUCT__entry(
		__field(u32, pgpu)
		__field(u32, function)
		__field(u32, seq)
		__field(u32, length)
		__field(u32, result)
	),
	TP_fast_assign(
		__entry->pgpu = pgpu;
		__entry->function = function;
		__entry->seq = seq;
		__entry->length = length;
		__entry->result = result;
	),
	TP_printk("pgpu=%u function=%#x seq=%u length=%u result=%#x",
		  __entry->pgpu, __entry->function, __entry->seq,
		  __entry->length, __entry->result)
);

/* a command element went onto the cmdq */
DEFINE_EVENT(gsp_msg, gsp_msg_send,
	TP_PROTO(u32 pgpu, u32 function, u32 seq, u32 length, u32 result),
	TP_ARGS(pgpu, function, seq, length, result)
);

/* a valid message came off the statq */
DEFINE_EVENT(gsp_msg, gsp_msg_recv,
	TP_PROTO(u32 pgpu, u32 function, u32 seq, u32 length, u32 result),
	TP_ARGS(pgpu, function, seq, length, result)
);

TRACE_EVENT(gsp_event,
	TP_PROTO(u32 pgpu, u32 function, const char *name, u32 length),
	TP_ARGS(pgpu, function, name, length),
	TP_STRUCT__entry(
		__field(u32, pgpu)
		__field(u32, function)
		__string(name, name)
		__field(u32, length)
	),
	TP_fast_assign(
		__entry->pgpu = pgpu;
		__entry->function = function;
		__assign_str(name);
		__entry->length = length;
	),
	TP_printk("pgpu=%u event=%#x %s length=%u", __entry->pgpu,
		  __entry->function, __get_str(name), __entry->length)
);

TRACE_EVENT(gsp_rpc_timeout,
	TP_PROTO(u32 pgpu, u32 function, unsigned int timeout_ms),
	TP_ARGS(pgpu, function, timeout_ms),
	TP_STRUCT__entry(
		__field(u32, pgpu)
		__field(u32, function)
		__field(unsigned int, timeout_ms)
	),
	TP_fast_assign(
		__entry->pgpu = pgpu;
		__entry->function = function;
		__entry->timeout_ms = timeout_ms;
	),
	TP_printk("pgpu=%u function=%#x timeout_ms=%u", __entry->pgpu,
		  __entry->function, __entry->timeout_ms)
);

#endif /* __NVVGPU_GSP_TRACE_H__ */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE gsp_trace
#include <trace/define_trace.h>
