/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace compat: each tracepoint becomes an empty inline trace_<name>()
 * with the event's prototype, so call sites compile (and their arguments
 * are still evaluated) without the tracing machinery.
 */
#ifndef __NVFUZZ_LINUX_TRACEPOINT_H
#define __NVFUZZ_LINUX_TRACEPOINT_H

#define PARAMS(args...)		args
#define TP_PROTO(args...)	args
#define TP_ARGS(args...)	args

#define DECLARE_EVENT_CLASS(name, proto, args, tstruct, assign, print)
#define DEFINE_EVENT(template, name, proto, args)			\
	static inline void trace_##name(proto) {}
#define TRACE_EVENT(name, proto, args, tstruct, assign, print)		\
	static inline void trace_##name(proto) {}
#define DECLARE_TRACE(name, proto, args)				\
	static inline void trace_##name(proto) {}

#endif
