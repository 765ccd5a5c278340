// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu core: the scheduler tracepoints (include/nvvgpu/sched_trace.h),
 * defined once here for every scheduler provider. The host scheduler and
 * the firmware-run one emit the same events with the same fields, so
 * trace-cmd filters and tools read either; both modules may be loaded at
 * once, since neither defines an event of its own name.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/module.h>

#define CREATE_TRACE_POINTS
#include <nvvgpu/sched_trace.h>

EXPORT_TRACEPOINT_SYMBOL_GPL(nvvgpu_sched_add);
EXPORT_TRACEPOINT_SYMBOL_GPL(nvvgpu_sched_remove);
EXPORT_TRACEPOINT_SYMBOL_GPL(nvvgpu_sched_wakeup);
EXPORT_TRACEPOINT_SYMBOL_GPL(nvvgpu_sched_block);
EXPORT_TRACEPOINT_SYMBOL_GPL(nvvgpu_sched_switch);
EXPORT_TRACEPOINT_SYMBOL_GPL(nvvgpu_sched_switch_in);
EXPORT_TRACEPOINT_SYMBOL_GPL(nvvgpu_sched_switch_out);
EXPORT_TRACEPOINT_SYMBOL_GPL(nvvgpu_sched_slice_expired);
EXPORT_TRACEPOINT_SYMBOL_GPL(nvvgpu_sched_idle);
EXPORT_TRACEPOINT_SYMBOL_GPL(nvvgpu_sched_preempt_timeout);
EXPORT_TRACEPOINT_SYMBOL_GPL(nvvgpu_sched_config);
