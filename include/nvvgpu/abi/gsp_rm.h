/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu: RM classes, allocation parameters, control commands and their
 * parameters as carried by GSP_RM_ALLOC / GSP_RM_CONTROL.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_ABI_GSP_RM_H__
#define __NVVGPU_ABI_GSP_RM_H__

#include <linux/build_bug.h>
#include <linux/stddef.h>
#include <linux/types.h>

#include "nv_abi_values.h"

/* classes */
#define NV01_ROOT			0x0000
#define NV01_DEVICE_0			0x0080
#define NV20_SUBDEVICE_0		0x2080

/* handles: RM requires client handles in [base, base + max) */
#define NV_RS_CLIENT_HANDLE_BASE	0xc1d00000
#define NV_RS_CLIENT_INTERNAL_HANDLE_BASE 0xc1e00000
#define NV_RS_CLIENT_HANDLE_MAX		0x100000
/* handles nvvgpu gives the objects of its clients */
#define NVVGPU_RM_HANDLE_DEVICE		0xde1d0000
#define NVVGPU_RM_HANDLE_SUBDEVICE	0x5d1d0000
/*
 * Handles nvvgpu allocates for further objects of its client, below every
 * range RM reserves (clients from 0xc1d00000, RM's own from 0xcaf00000,
 * domains 0xd0d00000, VF clients from 0xe0000000).
 */
#define NVVGPU_RM_HANDLE_DYN_BASE	0xa0000000
#define NVVGPU_RM_HANDLE_DYN_MAX	0x10000

/* control commands carry their interface class in bits 31:16 */
#define NV_RM_CTRL_CMD_CLASS(cmd)	((cmd) >> 16)

/**
 * struct nv0000_alloc_params - NV0000_ALLOC_PARAMETERS (client)
 * @h_client: the client's own handle
 * @process_id: owning process, 0xffffffff for the kernel
 * @process_name: zero
 * @pad: zero
 * @os_pid_info: pOsPidInfo, 570 only: zero
 *
 * 535.113.01 ends after @process_name (108 bytes); 570.144 appends
 * @os_pid_info (120 bytes). The size sent is the release's, from the
 * version table.
 */
struct nv0000_alloc_params {
	u32 h_client;
	u32 process_id;
	char process_name[100];
	u32 pad;
	u64 os_pid_info;
};

/**
 * struct nv0080_alloc_params - NV0080_ALLOC_PARAMETERS (device)
 * @device_id: device instance, 0
 * @h_client_share: the client handle
 * @h_target_client: zero
 * @h_target_device: zero
 * @flags: zero
 * @pad: zero
 * @va_space_size: zero
 * @va_start_internal: zero
 * @va_limit_internal: zero
 * @va_mode: zero
 * @pad2: zero
 */
struct nv0080_alloc_params {
	u32 device_id;
	u32 h_client_share;
	u32 h_target_client;
	u32 h_target_device;
	u32 flags;
	u32 pad;
	u64 va_space_size;
	u64 va_start_internal;
	u64 va_limit_internal;
	u32 va_mode;
	u32 pad2;
};

/**
 * struct nv2080_alloc_params - NV2080_ALLOC_PARAMETERS (subdevice)
 * @sub_device_id: subdevice instance, 0
 */
struct nv2080_alloc_params {
	u32 sub_device_id;
};

static_assert(offsetof(struct nv0000_alloc_params, process_name) ==
	      NVABI_R535_OFFSETOF_NV0000_ALLOC_PARAMETERS_PROCESSNAME);
static_assert(offsetof(struct nv0000_alloc_params, process_name) ==
	      NVABI_R570_OFFSETOF_NV0000_ALLOC_PARAMETERS_PROCESSNAME);
static_assert(offsetof(struct nv0000_alloc_params, pad) ==
	      NVABI_R535_SIZEOF_NV0000_ALLOC_PARAMETERS);
static_assert(offsetof(struct nv0000_alloc_params, os_pid_info) == 112);
static_assert(sizeof(struct nv0000_alloc_params) ==
	      NVABI_R570_SIZEOF_NV0000_ALLOC_PARAMETERS);
static_assert(sizeof(struct nv0080_alloc_params) ==
	      NVABI_R535_SIZEOF_NV0080_ALLOC_PARAMETERS);
static_assert(sizeof(struct nv0080_alloc_params) ==
	      NVABI_R570_SIZEOF_NV0080_ALLOC_PARAMETERS);
static_assert(offsetof(struct nv0080_alloc_params, va_mode) ==
	      NVABI_R570_OFFSETOF_NV0080_ALLOC_PARAMETERS_VAMODE);
static_assert(sizeof(struct nv2080_alloc_params) ==
	      NVABI_R535_SIZEOF_NV2080_ALLOC_PARAMETERS);
static_assert(sizeof(struct nv2080_alloc_params) ==
	      NVABI_R570_SIZEOF_NV2080_ALLOC_PARAMETERS);

/* NV2080_CTRL_CMD_GPU_GET_VMMU_SEGMENT_SIZE */
#define NV2080_CTRL_CMD_GPU_GET_VMMU_SEGMENT_SIZE	0x2080017e

/**
 * struct nv2080_ctrl_gpu_get_vmmu_segment_size_params - its parameters
 * @vmmu_segment_size: guest FB placement granularity in bytes
 */
struct nv2080_ctrl_gpu_get_vmmu_segment_size_params {
	u64 vmmu_segment_size;
};

/*
 * NV2080_CTRL_CMD_GPU_GET_ENGINES_V2: the engines present, as NV2080 engine
 * types. The list's length is NV2080_GPU_MAX_ENGINES_LIST_SIZE of the
 * release, so the parameters are 252 bytes on 535.113.01 and 340 on 570.144
 * (sizeof compiled from ctrl2080gpu.h at the tags).
 */
#define NV2080_CTRL_CMD_GPU_GET_ENGINES_V2	0x20800170
#define NV2080_GPU_MAX_ENGINES_LIST_SIZE_R535	0x3e
#define NV2080_GPU_MAX_ENGINES_LIST_SIZE_R570	0x54
#define NV2080_GPU_GET_ENGINES_V2_SIZE(n)	(4 + 4 * (n))
static_assert(NV2080_GPU_GET_ENGINES_V2_SIZE(NV2080_GPU_MAX_ENGINES_LIST_SIZE_R535) == 252);
static_assert(NV2080_GPU_GET_ENGINES_V2_SIZE(NV2080_GPU_MAX_ENGINES_LIST_SIZE_R570) == 340);

/*
 * NV2080_CTRL_CMD_FIFO_GET_INFO: FIFO facts by index; MAX_CHANNEL_GROUPS is
 * the channel IDs the GPU offers. 2056 bytes in both releases.
 */
#define NV2080_CTRL_CMD_FIFO_GET_INFO			0x20801109
#define NV2080_CTRL_FIFO_INFO_INDEX_MAX_CHANNEL_GROUPS	1
#define NV2080_CTRL_FIFO_GET_INFO_MAX_ENTRIES		256

/**
 * struct nv2080_ctrl_fifo_info - NV2080_CTRL_FIFO_INFO
 * @index: NV2080_CTRL_FIFO_INFO_INDEX_*
 * @data: its value, filled by the firmware
 */
struct nv2080_ctrl_fifo_info {
	u32 index;
	u32 data;
};

/**
 * struct nv2080_ctrl_fifo_get_info_params - NV2080_CTRL_FIFO_GET_INFO_PARAMS
 * @fifo_info_tbl_size: valid entries of @fifo_info_tbl
 * @fifo_info_tbl: the queries
 * @engine_type: engine for per-engine indices, else 0
 */
struct nv2080_ctrl_fifo_get_info_params {
	u32 fifo_info_tbl_size;
	struct nv2080_ctrl_fifo_info fifo_info_tbl[NV2080_CTRL_FIFO_GET_INFO_MAX_ENTRIES];
	u32 engine_type;
};

static_assert(sizeof(struct nv2080_ctrl_fifo_get_info_params) == 2056);
static_assert(offsetof(struct nv2080_ctrl_fifo_get_info_params,
		       engine_type) == 2052);

/**
 * DOC: OBJSCHED, the firmware's vGPU scheduler
 *
 * GSP-RM schedules the vGPUs itself (one software runlist, SWRL, per VM)
 * and offers four controls on a subdevice: GET_CAPS (which policies and
 * which parameter ranges), GET_STATE and SET_STATE (the policy, adaptive
 * round robin and its parameters, the target time slice) and SW_GET_LOG
 * (the last %NV2080_CTRL_FIFO_OBJSCHED_SW_GET_LOG_ENTRIES decisions of one
 * engine). NVML wraps them as nvmlDeviceGetVgpuSchedulerCapabilities,
 * ...State, ...SetVgpuSchedulerState and ...GetVgpuSchedulerLog.
 *
 * Command numbers, policy values and layouts are those of ctrl2080fifo.h
 * at the 570.144 tag; sizes and offsets below were compiled from it (gcc,
 * x86_64). The 535.113.01 tag's ctrl2080fifo.h has none of the four
 * controls: that release's entry of the firmware-release table says so
 * (&nvgsp_fw_abi.objsched_log_size 0), and its firmware refuses them with
 * NV_ERR_NOT_SUPPORTED.
 */
#define NV2080_CTRL_CMD_FIFO_OBJSCHED_SW_GET_LOG	0x2080110e
#define NV2080_CTRL_CMD_FIFO_OBJSCHED_GET_STATE		0x20801120
#define NV2080_CTRL_CMD_FIFO_OBJSCHED_SET_STATE		0x20801121
#define NV2080_CTRL_CMD_FIFO_OBJSCHED_GET_CAPS		0x20801122

/* NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_*: schedPolicy */
#define NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_UNKNOWN		0
#define NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_OTHER		1
#define NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_BEST_EFFORT	2
#define NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_EQUAL_SHARE	3
#define NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_FIXED_SHARE	4
/* entries of GET_CAPS' supportedSchedulers */
#define NV2080_CTRL_CMD_SUPPORTED_VGPU_SCHEDULER_POLICY_COUNT	3

/* NV2080_CTRL_CMD_VGPU_SCHEDULER_ARR_*: enableArr, arrEnabled */
#define NV2080_CTRL_CMD_VGPU_SCHEDULER_ARR_DEFAULT	0
#define NV2080_CTRL_CMD_VGPU_SCHEDULER_ARR_DISABLE	1
#define NV2080_CTRL_CMD_VGPU_SCHEDULER_ARR_ENABLE	2

#define NV2080_CTRL_FIFO_OBJSCHED_SW_COUNT		32
#define NV2080_CTRL_FIFO_OBJSCHED_SW_NCOUNTERS		8
#define NV2080_CTRL_FIFO_OBJSCHED_SW_GET_LOG_ENTRIES	200

/**
 * struct nv2080_ctrl_fifo_objsched_sw_log_entry - one entry of SW_GET_LOG
 * @timestamp_ns: timestampNs, when the SW runlist was preempted
 * @time_run_total_ns: timeRunTotalNs (signed), the total time the SW
 *	runlist has run
 * @time_run_ns: timeRunNs, the time it ran before this preemption
 * @swrl_id: swrlId, the SW runlist
 * @target_time_slice: targetTimeSlice, the slice it was given
 * @pad: alignment of the next member
 * @cumulative_preemption_time: cumulativePreemptionTime
 * @counters: counters; NVIDIA does not document their meaning
 *
 * NVIDIA's entries are an anonymous struct inside the parameters; 104
 * bytes, 8-byte aligned.
 */
struct nv2080_ctrl_fifo_objsched_sw_log_entry {
	u64 timestamp_ns;
	s64 time_run_total_ns;
	u32 time_run_ns;
	u32 swrl_id;
	u32 target_time_slice;
	u32 pad;
	u64 cumulative_preemption_time;
	u64 counters[NV2080_CTRL_FIFO_OBJSCHED_SW_NCOUNTERS];
};

/**
 * struct nv2080_ctrl_fifo_objsched_sw_get_log_params - NV2080_CTRL_FIFO_OBJSCHED_SW_GET_LOG_PARAMS
 * @engine_id: engineId (in), the NV2080_ENGINE_TYPE_* whose log is read
 * @count: count (out), entries returned in @entry
 * @entry: entry (out), the log, oldest first
 * @sched_policy: schedPolicy (out), NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_*
 * @arr_enabled: arrEnabled (out), NV2080_CTRL_CMD_VGPU_SCHEDULER_ARR_*
 * @arr_avg_factor: arrAvgFactor (out)
 * @target_timeslice_ns: targetTimesliceNs (out)
 */
struct nv2080_ctrl_fifo_objsched_sw_get_log_params {
	u32 engine_id;
	u32 count;
	struct nv2080_ctrl_fifo_objsched_sw_log_entry
		entry[NV2080_CTRL_FIFO_OBJSCHED_SW_GET_LOG_ENTRIES];
	u32 sched_policy;
	u32 arr_enabled;
	u32 arr_avg_factor;
	u32 target_timeslice_ns;
};

/**
 * struct nv2080_ctrl_fifo_objsched_get_state_params - NV2080_CTRL_FIFO_OBJSCHED_GET_STATE_PARAMS
 * @engine_id: engineId (in)
 * @sched_policy: schedPolicy (out)
 * @arr_enabled: arrEnabled (out)
 * @target_timeslice_ns: targetTimesliceNs (out)
 * @arr_avg_factor: arrAvgFactor (out)
 */
struct nv2080_ctrl_fifo_objsched_get_state_params {
	u32 engine_id;
	u32 sched_policy;
	u32 arr_enabled;
	u32 target_timeslice_ns;
	u32 arr_avg_factor;
};

/**
 * struct nv2080_ctrl_fifo_objsched_set_state_params - NV2080_CTRL_FIFO_OBJSCHED_SET_STATE_PARAMS
 * @engine_id: engineId
 * @sched_policy: schedPolicy, NV2080_CTRL_CMD_VGPU_SCHEDULER_POLICY_*
 * @enable_arr: enableArr, NV2080_CTRL_CMD_VGPU_SCHEDULER_ARR_*
 * @timeslice_target_ns: timesliceTargetNs
 * @frequency_for_arr: frequencyForARR, in Hz
 * @avg_factor_for_arr: avgFactorForARR
 */
struct nv2080_ctrl_fifo_objsched_set_state_params {
	u32 engine_id;
	u32 sched_policy;
	u32 enable_arr;
	u32 timeslice_target_ns;
	u32 frequency_for_arr;
	u32 avg_factor_for_arr;
};

/**
 * struct nv2080_ctrl_fifo_objsched_get_caps_params - NV2080_CTRL_FIFO_OBJSCHED_GET_CAPS_PARAMS
 * @engine_id: engineId (in)
 * @supported_schedulers: supportedSchedulers (out), policies
 * @is_arr_mode_supported: bIsArrModeSupported (out), an NvBool
 * @pad: alignment of the next member
 * @max_timeslice_ns: maxTimesliceNs (out)
 * @min_timeslice_ns: minTimesliceNs (out)
 * @max_frequency_for_arr: maxFrequencyForARR (out)
 * @min_frequency_for_arr: minFrequencyForARR (out)
 * @max_avg_factor_for_arr: maxAvgFactorForARR (out)
 * @min_avg_factor_for_arr: minAvgFactorForARR (out)
 */
struct nv2080_ctrl_fifo_objsched_get_caps_params {
	u32 engine_id;
	u32 supported_schedulers[NV2080_CTRL_CMD_SUPPORTED_VGPU_SCHEDULER_POLICY_COUNT];
	u8 is_arr_mode_supported;
	u8 pad[3];
	u32 max_timeslice_ns;
	u32 min_timeslice_ns;
	u32 max_frequency_for_arr;
	u32 min_frequency_for_arr;
	u32 max_avg_factor_for_arr;
	u32 min_avg_factor_for_arr;
};

/**
 * enum nvvgpu_objsched_counter - what nvvgpu's firmware emulator keeps in
 *	the log entries' counters[]
 * @NVVGPU_OBJSCHED_CTR_HELD_NS: this slice: the time the runlist held
 *	the GPU
 * @NVVGPU_OBJSCHED_CTR_IDLE_NS: this slice: of which it had no work
 * @NVVGPU_OBJSCHED_CTR_SLICES: cumulative: slices it was given
 * @NVVGPU_OBJSCHED_CTR_TOTAL_HELD_NS: cumulative: time it held the GPU
 * @NVVGPU_OBJSCHED_CTR_TOTAL_IDLE_NS: cumulative: of which without work
 * @NVVGPU_OBJSCHED_CTR_PREEMPTIONS: cumulative: slices that ended while it
 *	still had work
 * @NVVGPU_OBJSCHED_CTR_WAIT_NS: cumulative: time it had work while another
 *	held the GPU
 *
 * NVIDIA does not document counters[]. nvvgpu's emulator reports there
 * what a host needs to account the slices without a clock of its own,
 * cumulative values counted from the runlist's vGPU's bootload, so that a
 * reader that misses entries loses nothing. nvvgpu_sched_fw reads them,
 * and falls back to the documented fields when they are all zero.
 */
enum nvvgpu_objsched_counter {
	NVVGPU_OBJSCHED_CTR_HELD_NS,
	NVVGPU_OBJSCHED_CTR_IDLE_NS,
	NVVGPU_OBJSCHED_CTR_SLICES,
	NVVGPU_OBJSCHED_CTR_TOTAL_HELD_NS,
	NVVGPU_OBJSCHED_CTR_TOTAL_IDLE_NS,
	NVVGPU_OBJSCHED_CTR_PREEMPTIONS,
	NVVGPU_OBJSCHED_CTR_WAIT_NS,
};

/*
 * A swrlId beyond the last GFID is no VM's runlist: nvvgpu's emulator logs
 * fixed share's vacant slots, whose slices idle the GPU, as 0xffffffff.
 */
#define NVVGPU_OBJSCHED_SWRL_IDLE	0xffffffff

/* compiled from ctrl2080fifo.h at the 570.144 tag */
static_assert(sizeof(struct nv2080_ctrl_fifo_objsched_sw_log_entry) == 104);
static_assert(offsetof(struct nv2080_ctrl_fifo_objsched_sw_log_entry,
		       time_run_total_ns) == 8);
static_assert(offsetof(struct nv2080_ctrl_fifo_objsched_sw_log_entry,
		       time_run_ns) == 16);
static_assert(offsetof(struct nv2080_ctrl_fifo_objsched_sw_log_entry,
		       swrl_id) == 20);
static_assert(offsetof(struct nv2080_ctrl_fifo_objsched_sw_log_entry,
		       target_time_slice) == 24);
static_assert(offsetof(struct nv2080_ctrl_fifo_objsched_sw_log_entry,
		       cumulative_preemption_time) == 32);
static_assert(offsetof(struct nv2080_ctrl_fifo_objsched_sw_log_entry,
		       counters) == 40);
static_assert(sizeof(struct nv2080_ctrl_fifo_objsched_sw_get_log_params) == 20824);
static_assert(offsetof(struct nv2080_ctrl_fifo_objsched_sw_get_log_params,
		       count) == 4);
static_assert(offsetof(struct nv2080_ctrl_fifo_objsched_sw_get_log_params,
		       entry) == 8);
static_assert(offsetof(struct nv2080_ctrl_fifo_objsched_sw_get_log_params,
		       sched_policy) == 20808);
static_assert(offsetof(struct nv2080_ctrl_fifo_objsched_sw_get_log_params,
		       target_timeslice_ns) == 20820);
static_assert(sizeof(struct nv2080_ctrl_fifo_objsched_get_state_params) == 20);
static_assert(offsetof(struct nv2080_ctrl_fifo_objsched_get_state_params,
		       target_timeslice_ns) == 12);
static_assert(offsetof(struct nv2080_ctrl_fifo_objsched_get_state_params,
		       arr_avg_factor) == 16);
static_assert(sizeof(struct nv2080_ctrl_fifo_objsched_set_state_params) == 24);
static_assert(offsetof(struct nv2080_ctrl_fifo_objsched_set_state_params,
		       timeslice_target_ns) == 12);
static_assert(offsetof(struct nv2080_ctrl_fifo_objsched_set_state_params,
		       avg_factor_for_arr) == 20);
static_assert(sizeof(struct nv2080_ctrl_fifo_objsched_get_caps_params) == 44);
static_assert(offsetof(struct nv2080_ctrl_fifo_objsched_get_caps_params,
		       is_arr_mode_supported) == 16);
static_assert(offsetof(struct nv2080_ctrl_fifo_objsched_get_caps_params,
		       max_timeslice_ns) == 20);
static_assert(offsetof(struct nv2080_ctrl_fifo_objsched_get_caps_params,
		       min_avg_factor_for_arr) == 40);

/* NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_*: sent to GSP-RM's internal subdevice */
#define NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_BOOTLOAD_GSP_VGPU_PLUGIN_TASK	0x20804001
#define NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_SHUTDOWN_GSP_VGPU_PLUGIN_TASK	0x20804002
#define NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE		0x20804003
#define NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_ENUMERATE_VGPU_PER_PGPU	0x20804004
#define NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_GET_VGPU_FB_USAGE		0x20804006
#define NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_VGPU_PLUGIN_CLEANUP		0x20804008

#define NV2080_CTRL_MAX_VMMU_SEGMENTS	384
/* NV2080_GPU_MAX_ENGINES per release */
#define NV2080_GPU_MAX_ENGINES_R535	0x3e
#define NV2080_GPU_MAX_ENGINES_R570	0x54
#define NVA081_MAX_VGPU_TYPES_PER_PGPU	0x40
#define NVA081_MAX_VGPU_PER_PGPU	32
#define NVA081_VGPU_STRING_BUFFER_SIZE	32

/**
 * struct nvgsp_vgpu_bootload - BOOTLOAD_GSP_VGPU_PLUGIN_TASK, release-free
 * @gfid: GFID of the vGPU, 1..%NVA081_MAX_VGPU_PER_PGPU
 * @vgpu_type: type id
 * @vm_pid: process of the VMM
 * @num_channels: channel IDs of the vGPU
 * @num_plugin_channels: of which used by the plugin
 * @engine_mask: engines whose chidOffset is @chid_base
 * @chid_base: first channel ID of the vGPU
 * @num_guest_fb_segments: valid entries of the two lists below
 * @guest_fb_phys_addr: guest FB pieces
 * @guest_fb_length: their lengths
 * @heap_phys_addr: management heap
 * @heap_length: its length
 *
 * What the host driver fills in; the release's encoder (fwif.h) lays it
 * out, the emulator decodes the release's own layout back into it.
 */
struct nvgsp_vgpu_bootload {
	u32 gfid;
	u32 vgpu_type;
	u32 vm_pid;
	u32 num_channels;
	u32 num_plugin_channels;
	u64 engine_mask;
	u32 chid_base;
	u32 num_guest_fb_segments;
	u64 guest_fb_phys_addr[1];
	u64 guest_fb_length[1];
	u64 heap_phys_addr;
	u64 heap_length;
};

/*
 * NV2080_CTRL_VGPU_MGR_INTERNAL_BOOTLOAD_GSP_VGPU_PLUGIN_TASK_PARAMS:
 * dbdf, gfid, vgpuType, vmPid, swizzId, numChannels, numPluginChannels,
 * chidOffset[NV2080_GPU_MAX_ENGINES], bDisableDefaultSmcExecPartRestore,
 * numGuestFbSegments, guestFbPhysAddrList[], guestFbLengthList[],
 * pluginHeapMemory{PhysAddr,Length}, ctrlBuffOffset, initTaskLogBuff
 * {Offset,Size}, vgpuTaskLogBuff{Offset,Size}, (570: kernelLogBuff
 * {Offset,Size}, migRmHeapMemory{PhysAddr,Length}), bDeviceProfilingEnabled.
 */
#define NV2080_VGPU_BOOTLOAD_HEAD(engines)				\
	u32 dbdf;							\
	u32 gfid;							\
	u32 vgpu_type;							\
	u32 vm_pid;							\
	u32 swizz_id;							\
	u32 num_channels;						\
	u32 num_plugin_channels;					\
	u32 chid_offset[engines];					\
	u8 disable_default_smc_exec_part_restore;			\
	u8 pad[3];							\
	u32 num_guest_fb_segments;					\
	u64 guest_fb_phys_addr_list[NV2080_CTRL_MAX_VMMU_SEGMENTS];	\
	u64 guest_fb_length_list[NV2080_CTRL_MAX_VMMU_SEGMENTS];	\
	u64 plugin_heap_memory_phys_addr;				\
	u64 plugin_heap_memory_length;					\
	u64 ctrl_buff_offset;						\
	u64 init_task_log_buff_offset;					\
	u64 init_task_log_buff_size;					\
	u64 vgpu_task_log_buff_offset;					\
	u64 vgpu_task_log_buff_size

/**
 * struct nv2080_vgpu_bootload_params_r535 - BOOTLOAD params, 535.113.01
 * @dbdf: domain/bus/device/function of the VF, 0 for mdev-style vGPUs
 * @gfid: GFID of the vGPU
 * @vgpu_type: type id
 * @vm_pid: process of the VMM
 * @swizz_id: MIG GPU instance, 0 for time-sliced
 * @num_channels: channel IDs of the vGPU
 * @num_plugin_channels: of which used by the plugin
 * @chid_offset: first channel ID per engine type
 * @disable_default_smc_exec_part_restore: zero
 * @pad: zero
 * @num_guest_fb_segments: valid entries of the two lists below
 * @guest_fb_phys_addr_list: VMMU-segment aligned guest FB pieces
 * @guest_fb_length_list: their lengths
 * @plugin_heap_memory_phys_addr: management heap
 * @plugin_heap_memory_length: its length
 * @ctrl_buff_offset: control buffer offset in the heap
 * @init_task_log_buff_offset: init task log offset in the heap
 * @init_task_log_buff_size: its size
 * @vgpu_task_log_buff_offset: vGPU task log offset in the heap
 * @vgpu_task_log_buff_size: its size
 * @device_profiling_enabled: zero
 * @pad2: zero
 */
struct nv2080_vgpu_bootload_params_r535 {
	NV2080_VGPU_BOOTLOAD_HEAD(NV2080_GPU_MAX_ENGINES_R535);
	u8 device_profiling_enabled;
	u8 pad2[7];
};

/**
 * struct nv2080_vgpu_bootload_params_r570 - BOOTLOAD params, 570.144
 * @dbdf: see &struct nv2080_vgpu_bootload_params_r535
 * @gfid: ditto
 * @vgpu_type: ditto
 * @vm_pid: ditto
 * @swizz_id: ditto
 * @num_channels: ditto
 * @num_plugin_channels: ditto
 * @chid_offset: ditto, 0x54 engines
 * @disable_default_smc_exec_part_restore: ditto
 * @pad: ditto
 * @num_guest_fb_segments: ditto
 * @guest_fb_phys_addr_list: ditto
 * @guest_fb_length_list: ditto
 * @plugin_heap_memory_phys_addr: ditto
 * @plugin_heap_memory_length: ditto
 * @ctrl_buff_offset: ditto
 * @init_task_log_buff_offset: ditto
 * @init_task_log_buff_size: ditto
 * @vgpu_task_log_buff_offset: ditto
 * @vgpu_task_log_buff_size: ditto
 * @kernel_log_buff_offset: kernel log offset in the heap
 * @kernel_log_buff_size: its size
 * @mig_rm_heap_memory_phys_addr: MIG RM heap, zero when time-sliced
 * @mig_rm_heap_memory_length: its length
 * @device_profiling_enabled: zero
 * @pad2: zero
 */
struct nv2080_vgpu_bootload_params_r570 {
	NV2080_VGPU_BOOTLOAD_HEAD(NV2080_GPU_MAX_ENGINES_R570);
	u64 kernel_log_buff_offset;
	u64 kernel_log_buff_size;
	u64 mig_rm_heap_memory_phys_addr;
	u64 mig_rm_heap_memory_length;
	u8 device_profiling_enabled;
	u8 pad2[7];
};

static_assert(offsetof(struct nv2080_vgpu_bootload_params_r535, dbdf) ==
	      NVABI_R535_OFFSETOF_BOOTLOAD_PARAMS_DBDF);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r535, dbdf) ==
	      NVABI_R535_SIZEOF_BOOTLOAD_PARAMS_DBDF);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r535, gfid) ==
	      NVABI_R535_OFFSETOF_BOOTLOAD_PARAMS_GFID);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r535, gfid) ==
	      NVABI_R535_SIZEOF_BOOTLOAD_PARAMS_GFID);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r535, vgpu_type) ==
	      NVABI_R535_OFFSETOF_BOOTLOAD_PARAMS_VGPUTYPE);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r535, vgpu_type) ==
	      NVABI_R535_SIZEOF_BOOTLOAD_PARAMS_VGPUTYPE);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r535, vm_pid) ==
	      NVABI_R535_OFFSETOF_BOOTLOAD_PARAMS_VMPID);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r535, vm_pid) ==
	      NVABI_R535_SIZEOF_BOOTLOAD_PARAMS_VMPID);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r535, swizz_id) ==
	      NVABI_R535_OFFSETOF_BOOTLOAD_PARAMS_SWIZZID);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r535, swizz_id) ==
	      NVABI_R535_SIZEOF_BOOTLOAD_PARAMS_SWIZZID);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r535, num_channels) ==
	      NVABI_R535_OFFSETOF_BOOTLOAD_PARAMS_NUMCHANNELS);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r535, num_channels) ==
	      NVABI_R535_SIZEOF_BOOTLOAD_PARAMS_NUMCHANNELS);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r535, num_plugin_channels) ==
	      NVABI_R535_OFFSETOF_BOOTLOAD_PARAMS_NUMPLUGINCHANNELS);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r535, num_plugin_channels) ==
	      NVABI_R535_SIZEOF_BOOTLOAD_PARAMS_NUMPLUGINCHANNELS);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r535, chid_offset) ==
	      NVABI_R535_OFFSETOF_BOOTLOAD_PARAMS_CHIDOFFSET);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r535, chid_offset) ==
	      NVABI_R535_SIZEOF_BOOTLOAD_PARAMS_CHIDOFFSET);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r535,
		       disable_default_smc_exec_part_restore) ==
	      NVABI_R535_OFFSETOF_BOOTLOAD_PARAMS_BDISABLEDEFAULTSMCEXECPARTRESTORE);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r535,
			   disable_default_smc_exec_part_restore) ==
	      NVABI_R535_SIZEOF_BOOTLOAD_PARAMS_BDISABLEDEFAULTSMCEXECPARTRESTORE);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r535, num_guest_fb_segments) ==
	      NVABI_R535_OFFSETOF_BOOTLOAD_PARAMS_NUMGUESTFBSEGMENTS);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r535, num_guest_fb_segments) ==
	      NVABI_R535_SIZEOF_BOOTLOAD_PARAMS_NUMGUESTFBSEGMENTS);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r535, guest_fb_phys_addr_list) ==
	      NVABI_R535_OFFSETOF_BOOTLOAD_PARAMS_GUESTFBPHYSADDRLIST);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r535, guest_fb_phys_addr_list) ==
	      NVABI_R535_SIZEOF_BOOTLOAD_PARAMS_GUESTFBPHYSADDRLIST);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r535, guest_fb_length_list) ==
	      NVABI_R535_OFFSETOF_BOOTLOAD_PARAMS_GUESTFBLENGTHLIST);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r535, guest_fb_length_list) ==
	      NVABI_R535_SIZEOF_BOOTLOAD_PARAMS_GUESTFBLENGTHLIST);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r535, plugin_heap_memory_phys_addr) ==
	      NVABI_R535_OFFSETOF_BOOTLOAD_PARAMS_PLUGINHEAPMEMORYPHYSADDR);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r535, plugin_heap_memory_phys_addr) ==
	      NVABI_R535_SIZEOF_BOOTLOAD_PARAMS_PLUGINHEAPMEMORYPHYSADDR);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r535, plugin_heap_memory_length) ==
	      NVABI_R535_OFFSETOF_BOOTLOAD_PARAMS_PLUGINHEAPMEMORYLENGTH);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r535, plugin_heap_memory_length) ==
	      NVABI_R535_SIZEOF_BOOTLOAD_PARAMS_PLUGINHEAPMEMORYLENGTH);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r535, ctrl_buff_offset) ==
	      NVABI_R535_OFFSETOF_BOOTLOAD_PARAMS_CTRLBUFFOFFSET);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r535, ctrl_buff_offset) ==
	      NVABI_R535_SIZEOF_BOOTLOAD_PARAMS_CTRLBUFFOFFSET);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r535, init_task_log_buff_offset) ==
	      NVABI_R535_OFFSETOF_BOOTLOAD_PARAMS_INITTASKLOGBUFFOFFSET);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r535, init_task_log_buff_offset) ==
	      NVABI_R535_SIZEOF_BOOTLOAD_PARAMS_INITTASKLOGBUFFOFFSET);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r535, init_task_log_buff_size) ==
	      NVABI_R535_OFFSETOF_BOOTLOAD_PARAMS_INITTASKLOGBUFFSIZE);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r535, init_task_log_buff_size) ==
	      NVABI_R535_SIZEOF_BOOTLOAD_PARAMS_INITTASKLOGBUFFSIZE);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r535, vgpu_task_log_buff_offset) ==
	      NVABI_R535_OFFSETOF_BOOTLOAD_PARAMS_VGPUTASKLOGBUFFOFFSET);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r535, vgpu_task_log_buff_offset) ==
	      NVABI_R535_SIZEOF_BOOTLOAD_PARAMS_VGPUTASKLOGBUFFOFFSET);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r535, vgpu_task_log_buff_size) ==
	      NVABI_R535_OFFSETOF_BOOTLOAD_PARAMS_VGPUTASKLOGBUFFSIZE);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r535, vgpu_task_log_buff_size) ==
	      NVABI_R535_SIZEOF_BOOTLOAD_PARAMS_VGPUTASKLOGBUFFSIZE);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r535, device_profiling_enabled) ==
	      NVABI_R535_OFFSETOF_BOOTLOAD_PARAMS_BDEVICEPROFILINGENABLED);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r535, device_profiling_enabled) ==
	      NVABI_R535_SIZEOF_BOOTLOAD_PARAMS_BDEVICEPROFILINGENABLED);
static_assert(sizeof(struct nv2080_vgpu_bootload_params_r535) == NVABI_R535_SIZEOF_BOOTLOAD_PARAMS);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r535, chid_offset) / sizeof(u32) ==
	      NVABI_R535_BOOTLOAD_PARAMS_CHIDOFFSET_ELEMENTS);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r570, dbdf) ==
	      NVABI_R570_OFFSETOF_BOOTLOAD_PARAMS_DBDF);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r570, dbdf) ==
	      NVABI_R570_SIZEOF_BOOTLOAD_PARAMS_DBDF);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r570, gfid) ==
	      NVABI_R570_OFFSETOF_BOOTLOAD_PARAMS_GFID);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r570, gfid) ==
	      NVABI_R570_SIZEOF_BOOTLOAD_PARAMS_GFID);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r570, vgpu_type) ==
	      NVABI_R570_OFFSETOF_BOOTLOAD_PARAMS_VGPUTYPE);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r570, vgpu_type) ==
	      NVABI_R570_SIZEOF_BOOTLOAD_PARAMS_VGPUTYPE);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r570, vm_pid) ==
	      NVABI_R570_OFFSETOF_BOOTLOAD_PARAMS_VMPID);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r570, vm_pid) ==
	      NVABI_R570_SIZEOF_BOOTLOAD_PARAMS_VMPID);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r570, swizz_id) ==
	      NVABI_R570_OFFSETOF_BOOTLOAD_PARAMS_SWIZZID);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r570, swizz_id) ==
	      NVABI_R570_SIZEOF_BOOTLOAD_PARAMS_SWIZZID);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r570, num_channels) ==
	      NVABI_R570_OFFSETOF_BOOTLOAD_PARAMS_NUMCHANNELS);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r570, num_channels) ==
	      NVABI_R570_SIZEOF_BOOTLOAD_PARAMS_NUMCHANNELS);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r570, num_plugin_channels) ==
	      NVABI_R570_OFFSETOF_BOOTLOAD_PARAMS_NUMPLUGINCHANNELS);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r570, num_plugin_channels) ==
	      NVABI_R570_SIZEOF_BOOTLOAD_PARAMS_NUMPLUGINCHANNELS);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r570, chid_offset) ==
	      NVABI_R570_OFFSETOF_BOOTLOAD_PARAMS_CHIDOFFSET);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r570, chid_offset) ==
	      NVABI_R570_SIZEOF_BOOTLOAD_PARAMS_CHIDOFFSET);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r570,
		       disable_default_smc_exec_part_restore) ==
	      NVABI_R570_OFFSETOF_BOOTLOAD_PARAMS_BDISABLEDEFAULTSMCEXECPARTRESTORE);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r570,
			   disable_default_smc_exec_part_restore) ==
	      NVABI_R570_SIZEOF_BOOTLOAD_PARAMS_BDISABLEDEFAULTSMCEXECPARTRESTORE);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r570, num_guest_fb_segments) ==
	      NVABI_R570_OFFSETOF_BOOTLOAD_PARAMS_NUMGUESTFBSEGMENTS);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r570, num_guest_fb_segments) ==
	      NVABI_R570_SIZEOF_BOOTLOAD_PARAMS_NUMGUESTFBSEGMENTS);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r570, guest_fb_phys_addr_list) ==
	      NVABI_R570_OFFSETOF_BOOTLOAD_PARAMS_GUESTFBPHYSADDRLIST);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r570, guest_fb_phys_addr_list) ==
	      NVABI_R570_SIZEOF_BOOTLOAD_PARAMS_GUESTFBPHYSADDRLIST);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r570, guest_fb_length_list) ==
	      NVABI_R570_OFFSETOF_BOOTLOAD_PARAMS_GUESTFBLENGTHLIST);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r570, guest_fb_length_list) ==
	      NVABI_R570_SIZEOF_BOOTLOAD_PARAMS_GUESTFBLENGTHLIST);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r570, plugin_heap_memory_phys_addr) ==
	      NVABI_R570_OFFSETOF_BOOTLOAD_PARAMS_PLUGINHEAPMEMORYPHYSADDR);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r570, plugin_heap_memory_phys_addr) ==
	      NVABI_R570_SIZEOF_BOOTLOAD_PARAMS_PLUGINHEAPMEMORYPHYSADDR);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r570, plugin_heap_memory_length) ==
	      NVABI_R570_OFFSETOF_BOOTLOAD_PARAMS_PLUGINHEAPMEMORYLENGTH);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r570, plugin_heap_memory_length) ==
	      NVABI_R570_SIZEOF_BOOTLOAD_PARAMS_PLUGINHEAPMEMORYLENGTH);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r570, ctrl_buff_offset) ==
	      NVABI_R570_OFFSETOF_BOOTLOAD_PARAMS_CTRLBUFFOFFSET);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r570, ctrl_buff_offset) ==
	      NVABI_R570_SIZEOF_BOOTLOAD_PARAMS_CTRLBUFFOFFSET);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r570, init_task_log_buff_offset) ==
	      NVABI_R570_OFFSETOF_BOOTLOAD_PARAMS_INITTASKLOGBUFFOFFSET);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r570, init_task_log_buff_offset) ==
	      NVABI_R570_SIZEOF_BOOTLOAD_PARAMS_INITTASKLOGBUFFOFFSET);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r570, init_task_log_buff_size) ==
	      NVABI_R570_OFFSETOF_BOOTLOAD_PARAMS_INITTASKLOGBUFFSIZE);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r570, init_task_log_buff_size) ==
	      NVABI_R570_SIZEOF_BOOTLOAD_PARAMS_INITTASKLOGBUFFSIZE);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r570, vgpu_task_log_buff_offset) ==
	      NVABI_R570_OFFSETOF_BOOTLOAD_PARAMS_VGPUTASKLOGBUFFOFFSET);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r570, vgpu_task_log_buff_offset) ==
	      NVABI_R570_SIZEOF_BOOTLOAD_PARAMS_VGPUTASKLOGBUFFOFFSET);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r570, vgpu_task_log_buff_size) ==
	      NVABI_R570_OFFSETOF_BOOTLOAD_PARAMS_VGPUTASKLOGBUFFSIZE);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r570, vgpu_task_log_buff_size) ==
	      NVABI_R570_SIZEOF_BOOTLOAD_PARAMS_VGPUTASKLOGBUFFSIZE);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r570, device_profiling_enabled) ==
	      NVABI_R570_OFFSETOF_BOOTLOAD_PARAMS_BDEVICEPROFILINGENABLED);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r570, device_profiling_enabled) ==
	      NVABI_R570_SIZEOF_BOOTLOAD_PARAMS_BDEVICEPROFILINGENABLED);
static_assert(sizeof(struct nv2080_vgpu_bootload_params_r570) == NVABI_R570_SIZEOF_BOOTLOAD_PARAMS);
static_assert(sizeof_field(struct nv2080_vgpu_bootload_params_r570, chid_offset) / sizeof(u32) ==
	      NVABI_R570_BOOTLOAD_PARAMS_CHIDOFFSET_ELEMENTS);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r570, kernel_log_buff_offset) == 6576);
static_assert(offsetof(struct nv2080_vgpu_bootload_params_r570, mig_rm_heap_memory_phys_addr) ==
	      6592);
static_assert(NV2080_GPU_MAX_ENGINES_R535 == NVABI_R535_NV2080_GPU_MAX_ENGINES);
static_assert(NV2080_GPU_MAX_ENGINES_R570 == NVABI_R570_NV2080_GPU_MAX_ENGINES_FWIF);

/**
 * struct nv2080_vgpu_gfid_params - SHUTDOWN_GSP_VGPU_PLUGIN_TASK and
 *	VGPU_PLUGIN_CLEANUP params
 * @gfid: the vGPU
 */
struct nv2080_vgpu_gfid_params {
	u32 gfid;
};

/**
 * struct nv2080_vgpu_guest - NV2080_VGPU_GUEST, one vGPU of ENUMERATE_VGPU_PER_PGPU
 * @guest_vm_info: NV2080_GUEST_VM_INFO (VM identity), zero from the emulator
 * @gfid: vgpuDevice.gfid
 * @pad: zero
 * @vgpu_pci_id: vgpuDevice.vgpuPciId
 * @vgpu_device_instance_id: vgpuDevice.vgpuDeviceInstanceId
 * @pad2: zero
 * @fb_used: vgpuDevice.fbUsed, bytes of guest FB touched
 * @encoder_capacity: vgpuDevice.encoderCapacity, 0..100
 * @ecc_state: vgpuDevice.eccState
 * @driver_loaded: vgpuDevice.bDriverLoaded
 * @pad3: zero
 *
 * Same layout in 535.113.01 and 570.144.
 */
struct nv2080_vgpu_guest {
	u8 guest_vm_info[104];
	u32 gfid;
	u32 pad;
	u64 vgpu_pci_id;
	u32 vgpu_device_instance_id;
	u32 pad2;
	u64 fb_used;
	u32 encoder_capacity;
	u32 ecc_state;
	u8 driver_loaded;
	u8 pad3[7];
};

/**
 * struct nv2080_vgpu_enumerate_params - ENUMERATE_VGPU_PER_PGPU params
 * @num_vgpus: valid entries in @vgpus
 * @pad: zero
 * @vgpus: the bootloaded vGPUs
 */
struct nv2080_vgpu_enumerate_params {
	u32 num_vgpus;
	u32 pad;
	struct nv2080_vgpu_guest vgpus[NVA081_MAX_VGPU_PER_PGPU];
};

static_assert(sizeof(struct nv2080_vgpu_guest) == NVABI_R535_SIZEOF_NV2080_VGPU_GUEST);
static_assert(offsetof(struct nv2080_vgpu_guest, gfid) ==
	      NVABI_R535_OFFSETOF_NV2080_VGPU_GUEST_VGPUDEVICE_GFID);
static_assert(sizeof_field(struct nv2080_vgpu_guest, gfid) ==
	      NVABI_R535_SIZEOF_NV2080_VGPU_GUEST_VGPUDEVICE_GFID);
static_assert(offsetof(struct nv2080_vgpu_guest, fb_used) ==
	      NVABI_R535_OFFSETOF_NV2080_VGPU_GUEST_VGPUDEVICE_FBUSED);
static_assert(sizeof_field(struct nv2080_vgpu_guest, fb_used) ==
	      NVABI_R535_SIZEOF_NV2080_VGPU_GUEST_VGPUDEVICE_FBUSED);
static_assert(offsetof(struct nv2080_vgpu_guest, encoder_capacity) ==
	      NVABI_R535_OFFSETOF_NV2080_VGPU_GUEST_VGPUDEVICE_ENCODERCAPACITY);
static_assert(sizeof_field(struct nv2080_vgpu_guest, encoder_capacity) ==
	      NVABI_R535_SIZEOF_NV2080_VGPU_GUEST_VGPUDEVICE_ENCODERCAPACITY);
static_assert(offsetof(struct nv2080_vgpu_guest, ecc_state) ==
	      NVABI_R535_OFFSETOF_NV2080_VGPU_GUEST_VGPUDEVICE_ECCSTATE);
static_assert(sizeof_field(struct nv2080_vgpu_guest, ecc_state) ==
	      NVABI_R535_SIZEOF_NV2080_VGPU_GUEST_VGPUDEVICE_ECCSTATE);
static_assert(offsetof(struct nv2080_vgpu_enumerate_params, num_vgpus) ==
	      NVABI_R535_OFFSETOF_ENUMERATE_PARAMS_NUMVGPU);
static_assert(offsetof(struct nv2080_vgpu_enumerate_params, vgpus) ==
	      NVABI_R535_OFFSETOF_ENUMERATE_PARAMS_VGPUGUEST);
static_assert(sizeof_field(struct nv2080_vgpu_enumerate_params, vgpus) ==
	      NVABI_R535_SIZEOF_ENUMERATE_PARAMS_VGPUGUEST);
static_assert(sizeof(struct nv2080_vgpu_enumerate_params) == NVABI_R535_SIZEOF_ENUMERATE_PARAMS);
static_assert(sizeof(struct nv2080_vgpu_guest) == NVABI_R570_SIZEOF_NV2080_VGPU_GUEST);
static_assert(offsetof(struct nv2080_vgpu_guest, gfid) ==
	      NVABI_R570_OFFSETOF_NV2080_VGPU_GUEST_VGPUDEVICE_GFID);
static_assert(sizeof_field(struct nv2080_vgpu_guest, gfid) ==
	      NVABI_R570_SIZEOF_NV2080_VGPU_GUEST_VGPUDEVICE_GFID);
static_assert(offsetof(struct nv2080_vgpu_guest, fb_used) ==
	      NVABI_R570_OFFSETOF_NV2080_VGPU_GUEST_VGPUDEVICE_FBUSED);
static_assert(sizeof_field(struct nv2080_vgpu_guest, fb_used) ==
	      NVABI_R570_SIZEOF_NV2080_VGPU_GUEST_VGPUDEVICE_FBUSED);
static_assert(offsetof(struct nv2080_vgpu_guest, encoder_capacity) ==
	      NVABI_R570_OFFSETOF_NV2080_VGPU_GUEST_VGPUDEVICE_ENCODERCAPACITY);
static_assert(sizeof_field(struct nv2080_vgpu_guest, encoder_capacity) ==
	      NVABI_R570_SIZEOF_NV2080_VGPU_GUEST_VGPUDEVICE_ENCODERCAPACITY);
static_assert(offsetof(struct nv2080_vgpu_guest, ecc_state) ==
	      NVABI_R570_OFFSETOF_NV2080_VGPU_GUEST_VGPUDEVICE_ECCSTATE);
static_assert(sizeof_field(struct nv2080_vgpu_guest, ecc_state) ==
	      NVABI_R570_SIZEOF_NV2080_VGPU_GUEST_VGPUDEVICE_ECCSTATE);
static_assert(offsetof(struct nv2080_vgpu_enumerate_params, num_vgpus) ==
	      NVABI_R570_OFFSETOF_ENUMERATE_PARAMS_NUMVGPU);
static_assert(offsetof(struct nv2080_vgpu_enumerate_params, vgpus) ==
	      NVABI_R570_OFFSETOF_ENUMERATE_PARAMS_VGPUGUEST);
static_assert(sizeof_field(struct nv2080_vgpu_enumerate_params, vgpus) ==
	      NVABI_R570_SIZEOF_ENUMERATE_PARAMS_VGPUGUEST);
static_assert(sizeof(struct nv2080_vgpu_enumerate_params) == NVABI_R570_SIZEOF_ENUMERATE_PARAMS);

/**
 * struct nv2080_vgpu_fb_usage - one entry of GET_VGPU_FB_USAGE
 * @gfid: GFID
 * @pad: zero
 * @fb_used: bytes of guest FB in use
 */
struct nv2080_vgpu_fb_usage {
	u32 gfid;
	u32 pad;
	u64 fb_used;
};

/**
 * struct nv2080_vgpu_fb_usage_params - GET_VGPU_FB_USAGE params (reduced)
 * @vgpu_count: valid entries in @usage
 * @pad: zero
 * @usage: per bootloaded vGPU
 */
struct nv2080_vgpu_fb_usage_params {
	u32 vgpu_count;
	u32 pad;
	struct nv2080_vgpu_fb_usage usage[NVA081_MAX_VGPU_PER_PGPU];
};

/*
 * NVA081_CTRL_VGPU_INFO: one vGPU type, as NVIDIA's metadata file describes
 * it and PGPU_ADD_VGPU_TYPE hands it to GSP-RM. 4952 bytes on 535.113.01;
 * 570.144 appends the placement fields (5224 bytes). Sizes and offsets were
 * compiled from ctrla081.h at the tags.
 */
#define NVA081_VGPU_SIGNATURE_SIZE		128
#define NV_GRID_LICENSE_INFO_MAX_LENGTH		128
#define NV2080_GPU_MAX_NAME_STRING_LENGTH	64
#define NVA081_EXTRA_PARAMETERS_SIZE		1024

#define NVA081_CTRL_VGPU_INFO_COMMON					\
	u32 vgpu_type;							\
	u8 vgpu_name[NVA081_VGPU_STRING_BUFFER_SIZE];			\
	u8 vgpu_class[NVA081_VGPU_STRING_BUFFER_SIZE];			\
	u8 vgpu_signature[NVA081_VGPU_SIGNATURE_SIZE];			\
	u8 license[NV_GRID_LICENSE_INFO_MAX_LENGTH];			\
	u32 max_instance;						\
	u32 num_heads;							\
	u32 max_resolution_x;						\
	u32 max_resolution_y;						\
	u32 max_pixels;							\
	u32 frl_config;							\
	u32 cuda_enabled;						\
	u32 ecc_supported;						\
	u32 gpu_instance_size;						\
	u32 multi_vgpu_supported;					\
	u64 vdev_id;							\
	u64 pdev_id;							\
	u64 profile_size;						\
	u64 fb_length;							\
	u64 gsp_heap_size;						\
	u64 fb_reservation;						\
	u64 mappable_video_size;					\
	u32 encoder_capacity;						\
	u64 bar1_length;						\
	u32 frl_enable;							\
	u8 adapter_name[NV2080_GPU_MAX_NAME_STRING_LENGTH];		\
	u16 adapter_name_unicode[NV2080_GPU_MAX_NAME_STRING_LENGTH];	\
	u8 short_gpu_name_string[NV2080_GPU_MAX_NAME_STRING_LENGTH];	\
	u8 licensed_product_name[NV_GRID_LICENSE_INFO_MAX_LENGTH];	\
	u32 vgpu_extra_params[NVA081_EXTRA_PARAMETERS_SIZE];		\
	u32 ftrace_enable;						\
	u32 gpu_direct_supported;					\
	u32 nvlink_p2p_supported;					\
	u32 multi_vgpu_exclusive;					\
	u32 exclusive_type;						\
	u32 exclusive_size;						\
	u32 gpu_instance_profile_id

/* NVA081_CTRL_VGPU_INFO of 535.113.01; fields as NVIDIA names them */
struct nva081_ctrl_vgpu_info_r535 {
	NVA081_CTRL_VGPU_INFO_COMMON;
};

/* NVA081_CTRL_VGPU_INFO of 570.144 */
struct nva081_ctrl_vgpu_info_r570 {
	NVA081_CTRL_VGPU_INFO_COMMON;
	u32 placement_size;
	u32 homogeneous_placement_count;
	u32 homogeneous_placement_ids[NVA081_MAX_VGPU_PER_PGPU];
	u32 heterogeneous_placement_count;
	u32 heterogeneous_placement_ids[NVA081_MAX_VGPU_PER_PGPU];
};

/*
 * NV2080_CTRL_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE_PARAMS: up to 64 types
 * at once; @discard_vgpu_types drops those added before.
 */
#define NV2080_VGPU_ADD_TYPE_PARAMS(r)					\
struct nv2080_vgpu_add_type_params_##r {				\
	u8 discard_vgpu_types;						\
	u8 pad[3];							\
	u32 vgpu_info_count;						\
	struct nva081_ctrl_vgpu_info_##r vgpu_info[NVA081_MAX_VGPU_TYPES_PER_PGPU]; \
}

NV2080_VGPU_ADD_TYPE_PARAMS(r535);
NV2080_VGPU_ADD_TYPE_PARAMS(r570);

static_assert(sizeof(struct nva081_ctrl_vgpu_info_r535) == 4952);
static_assert(sizeof(struct nva081_ctrl_vgpu_info_r570) == 5224);
static_assert(offsetof(struct nva081_ctrl_vgpu_info_r535, license) == 196);
static_assert(offsetof(struct nva081_ctrl_vgpu_info_r535, multi_vgpu_supported) == 360);
static_assert(offsetof(struct nva081_ctrl_vgpu_info_r535, vdev_id) == 368);
static_assert(offsetof(struct nva081_ctrl_vgpu_info_r535, fb_length) == 392);
static_assert(offsetof(struct nva081_ctrl_vgpu_info_r535, gsp_heap_size) == 400);
static_assert(offsetof(struct nva081_ctrl_vgpu_info_r535, encoder_capacity) == 424);
static_assert(offsetof(struct nva081_ctrl_vgpu_info_r535, bar1_length) == 432);
static_assert(offsetof(struct nva081_ctrl_vgpu_info_r535, adapter_name) == 444);
static_assert(offsetof(struct nva081_ctrl_vgpu_info_r535, adapter_name_unicode) == 508);
static_assert(offsetof(struct nva081_ctrl_vgpu_info_r535, licensed_product_name) == 700);
static_assert(offsetof(struct nva081_ctrl_vgpu_info_r535, vgpu_extra_params) == 828);
static_assert(offsetof(struct nva081_ctrl_vgpu_info_r535, ftrace_enable) == 4924);
static_assert(offsetof(struct nva081_ctrl_vgpu_info_r535, gpu_instance_profile_id) == 4948);
static_assert(offsetof(struct nva081_ctrl_vgpu_info_r570, gpu_instance_profile_id) == 4948);
static_assert(sizeof(struct nv2080_vgpu_add_type_params_r535) == 316936);
static_assert(sizeof(struct nv2080_vgpu_add_type_params_r570) == 334344);
static_assert(offsetof(struct nv2080_vgpu_add_type_params_r535, vgpu_info) == 8);
static_assert(offsetof(struct nv2080_vgpu_add_type_params_r570, vgpu_info) == 8);

/*
 * NVVGPU_EMU_CTRL_CMD_ECHO, the one emulator-defined control, above every
 * message id NVIDIA uses in the vGPU-manager interface. Only the
 * transport's test module (gsp/tests/, CONFIG_NVVGPU_GSP_TEST) sends it;
 * on any subdevice: the reply carries the params
 * back with @cookie inverted, which proves the firmware processed this very
 * request, and @data unchanged (or inverted with %NVVGPU_EMU_ECHO_INVERT).
 * The transport's self-test and benchmark use it; params beyond 65456
 * bytes travel as continuation records in both directions.
 */
#define NVVGPU_EMU_CTRL_CMD_ECHO		0x208040f2
#define NVVGPU_EMU_ECHO_INVERT			0x1
/* largest @data the emulator echoes */
#define NVVGPU_EMU_ECHO_MAX_DATA		(256 * 1024)

/**
 * struct nvvgpu_emu_echo_params - NVVGPU_EMU_CTRL_CMD_ECHO
 * @cookie: any value; comes back inverted
 * @flags: %NVVGPU_EMU_ECHO_INVERT
 * @size: bytes of @data, at most %NVVGPU_EMU_ECHO_MAX_DATA; params_size
 *	must be sizeof(this) + @size
 * @data: payload
 */
struct nvvgpu_emu_echo_params {
	u64 cookie;
	u32 flags;
	u32 size;
	u8 data[];
};

static_assert(sizeof(struct nvvgpu_emu_echo_params) == 16);

#endif /* __NVVGPU_ABI_GSP_RM_H__ */
