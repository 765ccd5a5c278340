/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu_gsp: tracepoints of the GSP-RM transport.
 *
 * gsp_msg_send / gsp_msg_recv: every element on the command queue and
 * every valid message off the status queue (seq is the transport seqNum,
 * token the RPC's rpc.sequence); gsp_rpc_reply: an RPC got its reply;
 * gsp_msg_drop: a malformed message;
 * gsp_event: an event handed to its handler; gsp_rpc_stale: a late reply
 * dropped by token; gsp_rpc_timeout: an RPC that got no reply; gsp_error:
 * an RPC or the queue failed; gsp_reset: a reset and how it ended.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM nvvgpu_gsp

#if !defined(__NVVGPU_GSP_TRACE_H__) || defined(TRACE_HEADER_MULTI_READ)
#define __NVVGPU_GSP_TRACE_H__

#include <linux/tracepoint.h>
#include <linux/types.h>

#include <nvvgpu/compat.h>

DECLARE_EVENT_CLASS(gsp_msg,
	TP_PROTO(u32 pgpu, u32 function, u32 seq, u32 token, u32 length,
		 u32 result),
	TP_ARGS(pgpu, function, seq, token, length, result),
	TP_STRUCT__entry(
		__field(u32, pgpu)
		__field(u32, function)
		__field(u32, seq)
		__field(u32, token)
		__field(u32, length)
		__field(u32, result)
	),
	TP_fast_assign(
		__entry->pgpu = pgpu;
		__entry->function = function;
		__entry->seq = seq;
		__entry->token = token;
		__entry->length = length;
		__entry->result = result;
	),
	TP_printk("pgpu=%u function=%#x seq=%u token=%u length=%u result=%#x",
		  __entry->pgpu, __entry->function, __entry->seq,
		  __entry->token, __entry->length, __entry->result)
);

/* a command element went onto the cmdq */
DEFINE_EVENT(gsp_msg, gsp_msg_send,
	TP_PROTO(u32 pgpu, u32 function, u32 seq, u32 token, u32 length,
		 u32 result),
	TP_ARGS(pgpu, function, seq, token, length, result)
);

/* a valid message came off the statq */
DEFINE_EVENT(gsp_msg, gsp_msg_recv,
	TP_PROTO(u32 pgpu, u32 function, u32 seq, u32 token, u32 length,
		 u32 result),
	TP_ARGS(pgpu, function, seq, token, length, result)
);

TRACE_EVENT(gsp_msg_drop,
	TP_PROTO(u32 pgpu, u32 function, u32 seq, u32 token, int err,
		 const char *reason),
	TP_ARGS(pgpu, function, seq, token, err, reason),
	TP_STRUCT__entry(
		__field(u32, pgpu)
		__field(u32, function)
		__field(u32, seq)
		__field(u32, token)
		__field(int, err)
		__string(reason, reason)
	),
	TP_fast_assign(
		__entry->pgpu = pgpu;
		__entry->function = function;
		__entry->seq = seq;
		__entry->token = token;
		__entry->err = err;
		nvvgpu_assign_str(reason, reason);
	),
	TP_printk("pgpu=%u function=%#x seq=%u token=%u err=%d %s",
		  __entry->pgpu, __entry->function, __entry->seq,
		  __entry->token, __entry->err, __get_str(reason))
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
		nvvgpu_assign_str(name, name);
		__entry->length = length;
	),
	TP_printk("pgpu=%u event=%#x %s length=%u", __entry->pgpu,
		  __entry->function, __get_str(name), __entry->length)
);

/* a synchronous RPC got its reply, all its elements put together */
TRACE_EVENT(gsp_rpc_reply,
	TP_PROTO(u32 pgpu, u32 function, u32 token, u32 result, u32 length),
	TP_ARGS(pgpu, function, token, result, length),
	TP_STRUCT__entry(
		__field(u32, pgpu)
		__field(u32, function)
		__field(u32, token)
		__field(u32, result)
		__field(u32, length)
	),
	TP_fast_assign(
		__entry->pgpu = pgpu;
		__entry->function = function;
		__entry->token = token;
		__entry->result = result;
		__entry->length = length;
	),
	TP_printk("pgpu=%u function=%#x token=%u result=%#x length=%u",
		  __entry->pgpu, __entry->function, __entry->token,
		  __entry->result, __entry->length)
);

TRACE_EVENT(gsp_rpc_stale,
	TP_PROTO(u32 pgpu, u32 function, u32 token, u32 waiting),
	TP_ARGS(pgpu, function, token, waiting),
	TP_STRUCT__entry(
		__field(u32, pgpu)
		__field(u32, function)
		__field(u32, token)
		__field(u32, waiting)
	),
	TP_fast_assign(
		__entry->pgpu = pgpu;
		__entry->function = function;
		__entry->token = token;
		__entry->waiting = waiting;
	),
	TP_printk("pgpu=%u function=%#x token=%u waiting=%u", __entry->pgpu,
		  __entry->function, __entry->token, __entry->waiting)
);

TRACE_EVENT(gsp_rpc_timeout,
	TP_PROTO(u32 pgpu, u32 function, u32 token, unsigned int timeout_ms),
	TP_ARGS(pgpu, function, token, timeout_ms),
	TP_STRUCT__entry(
		__field(u32, pgpu)
		__field(u32, function)
		__field(u32, token)
		__field(unsigned int, timeout_ms)
	),
	TP_fast_assign(
		__entry->pgpu = pgpu;
		__entry->function = function;
		__entry->token = token;
		__entry->timeout_ms = timeout_ms;
	),
	TP_printk("pgpu=%u function=%#x token=%u timeout_ms=%u",
		  __entry->pgpu, __entry->function, __entry->token,
		  __entry->timeout_ms)
);

TRACE_EVENT(gsp_error,
	TP_PROTO(u32 pgpu, int err, const char *what),
	TP_ARGS(pgpu, err, what),
	TP_STRUCT__entry(
		__field(u32, pgpu)
		__field(int, err)
		__string(what, what)
	),
	TP_fast_assign(
		__entry->pgpu = pgpu;
		__entry->err = err;
		nvvgpu_assign_str(what, what);
	),
	TP_printk("pgpu=%u err=%d %s", __entry->pgpu, __entry->err,
		  __get_str(what))
);

TRACE_EVENT(gsp_reset,
	TP_PROTO(u32 pgpu, bool was_dead, int err),
	TP_ARGS(pgpu, was_dead, err),
	TP_STRUCT__entry(
		__field(u32, pgpu)
		__field(bool, was_dead)
		__field(int, err)
	),
	TP_fast_assign(
		__entry->pgpu = pgpu;
		__entry->was_dead = was_dead;
		__entry->err = err;
	),
	TP_printk("pgpu=%u was_dead=%d err=%d", __entry->pgpu,
		  __entry->was_dead, __entry->err)
);

#endif /* __NVVGPU_GSP_TRACE_H__ */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE gsp_trace
#include <trace/define_trace.h>
