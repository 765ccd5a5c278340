/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu sched: what both scheduler providers of this directory share,
 * the host scheduler (nvvgpu_sched) and the firmware-run one
 * (nvvgpu_sched_fw): the ids of entities that are not vGPUs, as traces and
 * logs give them, and the scheduler log with its text form, which the
 * sysfs file nvvgpu_sched/log shows the same for either. Inline, so that
 * each module carries its own copy and neither exports anything.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_SCHED_LOG_H__
#define __NVVGPU_SCHED_LOG_H__

#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/string.h>
#include <linux/types.h>

#include <nvvgpu/compat.h>

/* entity ids that are not vGPUs, in traces and the log */
#define NVVGPU_SCHED_HOST	(~0u)
#define NVVGPU_SCHED_VACANT	(~0u - 1)
/* no entity holds the GPU: nothing has work */
#define NVVGPU_SCHED_NOBODY	(~0u - 2)
/* a slice event for all engines */
#define NVVGPU_SCHED_ALL_ENGINES	(~0u)

/* entries of the scheduler log of each engine, as NVIDIA's OBJSCHED log */
#define NVVGPU_SCHED_LOG_ENTRIES	200
/* bytes of each line of the log's text: a page holds whole lines */
#define NVVGPU_SCHED_LOG_LINE		256

/**
 * struct nvvgpu_sched_log_entry - one decision in an engine's log, with
 *	the fields of NVIDIA's NV2080_CTRL_FIFO_OBJSCHED_SW_GET_LOG
 * @timestamp_ns: when the entity's slice ended (CLOCK_MONOTONIC)
 * @time_run_total_ns: the engine's cumulative busy time for the entity
 * @time_run_ns: the engine's busy time for it in this slice
 * @swrl_id: the software runlist: the entity's GFID (0 the host)
 * @id: vGPU id, or %NVVGPU_SCHED_HOST / %NVVGPU_SCHED_VACANT
 * @target_slice_ns: the slice it was given
 * @cumulative_preemption_ns: its cumulative preemption time
 * @cumulative_idle_ns: its cumulative idle time
 * @weight: its weight
 */
struct nvvgpu_sched_log_entry {
	u64 timestamp_ns;
	u64 time_run_total_ns;
	u64 time_run_ns;
	u32 swrl_id;
	u32 id;
	u64 target_slice_ns;
	u64 cumulative_preemption_ns;
	u64 cumulative_idle_ns;
	u32 weight;
};

/**
 * struct nvvgpu_sched_log - the last %NVVGPU_SCHED_LOG_ENTRIES decisions of
 *	one engine
 * @head: the next entry to write
 * @count: entries written, saturating at %NVVGPU_SCHED_LOG_ENTRIES
 * @e: the entries, a ring
 */
struct nvvgpu_sched_log {
	u32 head;
	u32 count;
	struct nvvgpu_sched_log_entry e[NVVGPU_SCHED_LOG_ENTRIES];
};

/**
 * nvvgpu_sched_log_add() - append an entry, dropping the oldest when full
 * @log: the engine's log
 * @e: the entry
 */
static inline void nvvgpu_sched_log_add(struct nvvgpu_sched_log *log,
					const struct nvvgpu_sched_log_entry *e)
{
	log->e[log->head] = *e;
	log->head = (log->head + 1) % NVVGPU_SCHED_LOG_ENTRIES;
	if (log->count < NVVGPU_SCHED_LOG_ENTRIES)
		log->count++;
}

/*
 * Line @l of the log text (0 the header) of a snapshot of @num_engines
 * logs, in @line (%NVVGPU_SCHED_LOG_LINE bytes); false past the end. The
 * header names the fields as NVIDIA's log does.
 */
static inline bool nvvgpu_sched_log_line(const struct nvvgpu_sched_log *log,
					 u32 num_engines,
					 const char * const *names, u64 l,
					 char *line)
{
	static const char * const fields[] = {
		"engine", "timestamp_ns", "time_run_total_ns", "time_run_ns",
		"swrl_id", "vgpu", "target_slice_ns",
		"cumulative_preemption_ns", "cumulative_idle_ns", "weight",
	};
	const struct nvvgpu_sched_log_entry *e = NULL;
	int len = 0;
	u32 i;

	if (!l) {
		len = scnprintf(line, NVVGPU_SCHED_LOG_LINE, "#");
		for (i = 0; i < ARRAY_SIZE(fields); i++)
			len += scnprintf(line + len, NVVGPU_SCHED_LOG_LINE - len,
					 " %s", fields[i]);
		goto pad;
	}
	l--;
	for (i = 0; i < num_engines; i++) {
		const struct nvvgpu_sched_log *lg = &log[i];
		u32 first = (lg->head + NVVGPU_SCHED_LOG_ENTRIES - lg->count) %
			    NVVGPU_SCHED_LOG_ENTRIES;

		if (l < lg->count) {
			e = &lg->e[(first + l) % NVVGPU_SCHED_LOG_ENTRIES];
			break;
		}
		l -= lg->count;
	}
	if (!e)
		return false;
	len = scnprintf(line, NVVGPU_SCHED_LOG_LINE,
			"%s %llu %llu %llu %u %d %llu %llu %llu %u",
			names[i], e->timestamp_ns, e->time_run_total_ns,
			e->time_run_ns, e->swrl_id, (int)e->id,
			e->target_slice_ns, e->cumulative_preemption_ns,
			e->cumulative_idle_ns, e->weight);
pad:
	memset(line + len, ' ', NVVGPU_SCHED_LOG_LINE - 1 - len);
	line[NVVGPU_SCHED_LOG_LINE - 1] = '\n';
	return true;
}

/**
 * nvvgpu_sched_log_text() - bytes of the log text of a snapshot
 * @log: the snapshot, @num_engines logs
 * @num_engines: engines
 * @names: their names
 * @buf: where the bytes go
 * @off: offset in the text
 * @count: bytes wanted
 *
 * The text is a header, then each engine's entries, oldest first, one per
 * line; every line is %NVVGPU_SCHED_LOG_LINE bytes, space-padded, so that
 * a read of whole pages never splits one.
 *
 * Return: the bytes copied, 0 past the end.
 */
static inline size_t nvvgpu_sched_log_text(const struct nvvgpu_sched_log *log,
					   u32 num_engines,
					   const char * const *names,
					   char *buf, loff_t off, size_t count)
{
	char line[NVVGPU_SCHED_LOG_LINE];
	u64 l = div_u64(off, NVVGPU_SCHED_LOG_LINE);
	size_t skip = off - l * NVVGPU_SCHED_LOG_LINE, n = 0, chunk;

	while (n < count &&
	       nvvgpu_sched_log_line(log, num_engines, names, l++, line)) {
		chunk = min(count - n, NVVGPU_SCHED_LOG_LINE - skip);
		memcpy(buf + n, line + skip, chunk);
		n += chunk;
		skip = 0;
	}
	return n;
}

#endif /* __NVVGPU_SCHED_LOG_H__ */
