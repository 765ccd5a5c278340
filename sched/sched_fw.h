/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu_sched_fw: the firmware-run scheduler's types and what its files
 * share.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_SCHED_FW_H__
#define __NVVGPU_SCHED_FW_H__

#include <linux/kobject.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/workqueue.h>

#include <nvvgpu/abi/gsp_rm.h>
#include <nvvgpu/core_types.h>

#include "sched_log.h"

struct dentry;
struct nvgsp_fw_abi;

/* the firmware's slice bounds, in microseconds as sysfs shows them */
#define NVVGPU_SCHED_FW_MIN_US(fw)	((u32)DIV_ROUND_UP((fw)->caps.min_timeslice_ns, 1000))
#define NVVGPU_SCHED_FW_MAX_US(fw)	((u32)((fw)->caps.max_timeslice_ns / 1000))

/* ARR's parameters until the operator sets them, if the caps allow */
#define NVVGPU_SCHED_FW_ARR_AVG_DEFAULT		33
#define NVVGPU_SCHED_FW_ARR_FREQ_DEFAULT	500

/**
 * enum nvvgpu_sched_fw_policy - the policies of the operator's ABI the
 *	firmware can run, in the order available_policies lists them
 * @NVVGPU_SCHED_FW_BEST_EFFORT: OBJSCHED BEST_EFFORT, ARR off
 * @NVVGPU_SCHED_FW_EQUAL_SHARE: EQUAL_SHARE, ARR off
 * @NVVGPU_SCHED_FW_FIXED_SHARE: FIXED_SHARE, ARR off
 * @NVVGPU_SCHED_FW_ARR: BEST_EFFORT with adaptive round robin
 * @NVVGPU_SCHED_FW_POLICY_NR: number of policies
 */
enum nvvgpu_sched_fw_policy {
	NVVGPU_SCHED_FW_BEST_EFFORT,
	NVVGPU_SCHED_FW_EQUAL_SHARE,
	NVVGPU_SCHED_FW_FIXED_SHARE,
	NVVGPU_SCHED_FW_ARR,
	NVVGPU_SCHED_FW_POLICY_NR,
};

/**
 * struct nvvgpu_sched_fw_state - what the module asks the firmware for
 * @policy: the policy
 * @timeslice_us: the target slice
 * @arr_avg_factor: ARR's averaging factor
 * @arr_frequency: ARR's scheduling frequency, Hz
 */
struct nvvgpu_sched_fw_state {
	enum nvvgpu_sched_fw_policy policy;
	u32 timeslice_us;
	u32 arr_avg_factor;
	u32 arr_frequency;
};

/**
 * struct nvvgpu_sched_fw_entity - a vGPU, the host or the vacant slots as
 *	the firmware's log shows them
 * @vgpu: the vGPU; NULL for the host and the vacancy
 * @id: vGPU id, or %NVVGPU_SCHED_HOST / %NVVGPU_SCHED_VACANT
 * @gfid: its function (the firmware's swrlId)
 * @open: a VMM has it open and it is not paused (for traces and debugfs:
 *	the firmware has no such notion)
 * @since: when it was added (ns): older log entries of its GFID were a
 *	previous vGPU's
 * @slices: slices given, from the log
 * @granted_ns: time it held the GPU, from the log
 * @idle_ns: of which without work, from the log
 * @preemptions: slices that ended while it had work, from the log
 * @wait_ns: time it waited with work, from the log
 * @preempt_ns: its engines' preemption time in its last logged slice
 * @preempt_timeouts: its channels reset for not yielding in time
 * @seen: the firmware's cumulative counters for @gfid in the newest log
 *	entry taken, &enum nvvgpu_objsched_counter: the accounting above
 *	grows by what they grew (so it can start from a hand-over's)
 * @origin: per engine, the engine's counters for @gfid when it was added
 */
struct nvvgpu_sched_fw_entity {
	struct nvvgpu_vgpu *vgpu;
	u32 id;
	u32 gfid;
	bool open;
	u64 since;
	u64 slices;
	u64 granted_ns;
	u64 idle_ns;
	u64 preemptions;
	u64 wait_ns;
	u64 preempt_ns;
	u64 preempt_timeouts;
	struct {
		u64 slices;
		u64 held_ns;
		u64 idle_ns;
		u64 preemptions;
		u64 wait_ns;
	} seen;
	struct nvvgpu_engine_stats origin[NVVGPU_MAX_ENGINES];
};

/**
 * struct nvvgpu_sched_fw_engine - one engine as the firmware's log names it
 * @type: NV2080_ENGINE_TYPE_*, the log's engineId
 * @last_ns: the newest log entry taken from it
 * @lost: entries the ring dropped before the poller read them
 * @reply: the last SW_GET_LOG reply (the poller's)
 * @next: the poller's cursor in @reply
 */
struct nvvgpu_sched_fw_engine {
	u32 type;
	u64 last_ns;
	u64 lost;
	struct nv2080_ctrl_fifo_objsched_sw_get_log_params *reply;
	u32 next;
};

/**
 * struct nvvgpu_sched_fw - the firmware-run scheduler of one pgpu
 * @pgpu: the physical GPU
 * @abi: its firmware release's ABI
 * @caps: the firmware's GET_CAPS answer
 * @state_lock: serialises what is sent to the firmware and protects @state
 * @state: what the firmware was last told, and accepted
 * @state_seq: changes of @state, so that the poller does not take a
 *	reply older than a change for the firmware forgetting it
 * @lock: protects everything below but the engines' replies (the
 *	poller's); taken with bottom halves off, since preemption timeouts
 *	are reported from softirq
 * @host: the PF's own channels (swrlId 0)
 * @vacant: fixed share's vacant slots
 * @by_gfid: the vGPUs by function
 * @have_prev: a decision was taken from the log
 * @prev_id: the entity id of the newest one
 * @prev_owner: the function that ran in it (%NVVGPU_OWNER_NONE: none)
 * @prev_end: when its slice ended
 * @prev_held: how long it held the GPU
 * @switches: changes of the GPU's holder seen in the log
 * @decisions: decisions seen in the log
 * @polls: logs polled
 * @poll_errors: polls the transport failed
 * @num_engines: engines of the pgpu (0..%NVVGPU_MAX_ENGINES)
 * @engine_names: their names, from the backend
 * @engines: per engine, the poller's view of its log
 * @log: per engine, the log in the operator's format
 * @poll: the poller, a delayed work
 * @sink: receives preemption timeouts through the core
 * @kobj: the pgpu's nvvgpu_sched sysfs directory; its release frees this
 * @debugfs: the pgpu's "sched" file
 * @exported: handed over to another scheduler (DOC: hand-over in
 *	core/core_handover.c); the vGPUs and the engines are no longer ours
 */
struct nvvgpu_sched_fw {
	struct nvvgpu_pgpu *pgpu;
	const struct nvgsp_fw_abi *abi;
	struct nv2080_ctrl_fifo_objsched_get_caps_params caps;
	struct mutex state_lock; /* see @state_lock above */
	struct nvvgpu_sched_fw_state state;
	u64 state_seq;
	spinlock_t lock; /* see @lock above */
	struct nvvgpu_sched_fw_entity host;
	struct nvvgpu_sched_fw_entity vacant;
	struct nvvgpu_sched_fw_entity *by_gfid[NVVGPU_MAX_VGPUS_PER_PGPU + 1];
	bool have_prev;
	u32 prev_id;
	u32 prev_owner;
	u64 prev_end;
	u64 prev_held;
	u64 switches;
	u64 decisions;
	u64 polls;
	u64 poll_errors;
	u32 num_engines;
	const char *engine_names[NVVGPU_MAX_ENGINES];
	struct nvvgpu_sched_fw_engine engines[NVVGPU_MAX_ENGINES];
	struct nvvgpu_sched_log *log;
	struct delayed_work poll;
	struct nvvgpu_work_sink sink;
	struct kobject kobj;
	struct dentry *debugfs;
	bool exported;
};

/* sched_fw_main.c */
void nvvgpu_sched_fw_free(struct nvvgpu_sched_fw *fw);
const char *nvvgpu_sched_fw_policy_name(enum nvvgpu_sched_fw_policy policy);
int nvvgpu_sched_fw_set_state(struct nvvgpu_sched_fw *fw,
			      const struct nvvgpu_sched_fw_state *st,
			      const char *why);
int nvvgpu_sched_fw_check_state(struct nvvgpu_sched_fw *fw,
				const struct nvvgpu_sched_fw_state *st,
				char *why, size_t len);

/* sched_fw_log.c */
int nvvgpu_sched_fw_log_init(struct nvvgpu_sched_fw *fw);
void nvvgpu_sched_fw_log_fini(struct nvvgpu_sched_fw *fw);
void nvvgpu_sched_fw_poll_start(struct nvvgpu_sched_fw *fw);
void nvvgpu_sched_fw_poll_stop(struct nvvgpu_sched_fw *fw);
void nvvgpu_sched_fw_poll_once(struct nvvgpu_sched_fw *fw);
int nvvgpu_sched_fw_log_sync(struct nvvgpu_sched_fw *fw);
ssize_t nvvgpu_sched_fw_log_read(struct nvvgpu_sched_fw *fw, char *buf,
				 loff_t off, size_t count);
void nvvgpu_sched_fw_fill_stats(struct nvvgpu_sched_fw *fw,
				struct nvvgpu_sched_fw_entity *se,
				struct nvvgpu_vgpu_sched_stats *st);

/* sched_fw_sysfs.c */
int nvvgpu_sched_fw_sysfs_add(struct nvvgpu_sched_fw *fw);
void nvvgpu_sched_fw_sysfs_remove(struct nvvgpu_sched_fw *fw);
void nvvgpu_sched_fw_sysfs_put(struct nvvgpu_sched_fw *fw);

#endif /* __NVVGPU_SCHED_FW_H__ */
