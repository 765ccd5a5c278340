/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu: GSP-RM RPC function numbers, result codes and payloads.
 *
 * Function numbers 0-200 are the same in every release nvvgpu supports;
 * event numbers are not, so events are named by enum nvgsp_event and
 * translated through the version table in fwif.h.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_ABI_GSP_RPC_H__
#define __NVVGPU_ABI_GSP_RPC_H__

#include <linux/build_bug.h>
#include <linux/stddef.h>
#include <linux/types.h>

#include "nv_abi_values.h"

/* NV_VGPU_MSG_FUNCTION_* used by nvvgpu */
#define NV_VGPU_MSG_FUNCTION_NOP			0
#define NV_VGPU_MSG_FUNCTION_FREE			10
#define NV_VGPU_MSG_FUNCTION_DUP_OBJECT			21
#define NV_VGPU_MSG_FUNCTION_UNLOADING_GUEST_DRIVER	47
#define NV_VGPU_MSG_FUNCTION_GET_GSP_STATIC_INFO	65
#define NV_VGPU_MSG_FUNCTION_CONTINUATION_RECORD	71
#define NV_VGPU_MSG_FUNCTION_GSP_SET_SYSTEM_INFO	72
#define NV_VGPU_MSG_FUNCTION_SET_REGISTRY		73
#define NV_VGPU_MSG_FUNCTION_GSP_RM_CONTROL		76
#define NV_VGPU_MSG_FUNCTION_GSP_RM_ALLOC		103
/* asynchronous ack of an RC_TRIGGERED with ROBUST_CHANNEL_FAST_PATH_ERROR */
#define NV_VGPU_MSG_FUNCTION_ECC_NOTIFIER_WRITE_ACK	202
/* events start here; the rest of the numbering is per release */
#define NV_VGPU_MSG_EVENT_FIRST_EVENT			0x1000

/* rpc_result values that are not an NV_STATUS */
#define NV_VGPU_MSG_RESULT_VMIOP_INVAL			0xff000001
#define NV_VGPU_MSG_RESULT_RPC_UNKNOWN_FUNCTION		0xff100001
#define NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT	0xff100002
#define NV_VGPU_MSG_RESULT_RPC_HANDLE_NOT_FOUND		0xff100003
#define NV_VGPU_MSG_RESULT_RPC_HANDLE_EXISTS		0xff100004
/* rpc_result values from here up are transport/VMIOP codes */
#define NV_VGPU_MSG_RESULT_FIRST_NON_STATUS		0xff000000

/* NV_STATUS codes nvvgpu produces or maps */
#define NV_OK					0x00
#define NV_ERR_BUSY_RETRY			0x03
#define NV_ERR_GPU_IS_LOST			0x0f
#define NV_ERR_IN_USE				0x17
#define NV_ERR_INSERT_DUPLICATE_NAME		0x19
#define NV_ERR_INSUFFICIENT_RESOURCES		0x1a
#define NV_ERR_INSUFFICIENT_PERMISSIONS		0x1b
#define NV_ERR_INVALID_ADDRESS			0x1e
#define NV_ERR_INVALID_ARGUMENT			0x1f
#define NV_ERR_INVALID_CLASS			0x22
#define NV_ERR_INVALID_CLIENT			0x23
#define NV_ERR_INVALID_COMMAND			0x24
#define NV_ERR_INVALID_DATA			0x25
#define NV_ERR_INVALID_OBJECT_HANDLE		0x33
#define NV_ERR_INVALID_OBJECT_NEW		0x34
#define NV_ERR_INVALID_OBJECT_PARENT		0x36
#define NV_ERR_INVALID_PARAM_STRUCT		0x3a
#define NV_ERR_INVALID_PARAMETER		0x3b
#define NV_ERR_INVALID_STATE			0x40
#define NV_ERR_NO_MEMORY			0x51
#define NV_ERR_NOT_READY			0x55
#define NV_ERR_NOT_SUPPORTED			0x56
#define NV_ERR_OBJECT_NOT_FOUND			0x57
#define NV_ERR_OUT_OF_RANGE			0x5b
#define NV_ERR_RESET_REQUIRED			0x62
#define NV_ERR_STATE_IN_USE			0x63
#define NV_ERR_TIMEOUT				0x65
#define NV_ERR_TIMEOUT_RETRY			0x66
#define NV_ERR_GENERIC				0xffff

/**
 * enum nvgsp_event - GSP→host events, by name
 * @NVGSP_EVENT_GSP_INIT_DONE: boot complete
 * @NVGSP_EVENT_GSP_RUN_CPU_SEQUENCER: register script for the host
 * @NVGSP_EVENT_POST_EVENT: RM event notification
 * @NVGSP_EVENT_RC_TRIGGERED: robust-channel recovery happened
 * @NVGSP_EVENT_MMU_FAULT_QUEUED: MMU fault in the fault buffer
 * @NVGSP_EVENT_OS_ERROR_LOG: an Xid report
 * @NVGSP_EVENT_UCODE_LIBOS_PRINT: firmware log line
 * @NVGSP_EVENT_VGPU_GSP_PLUGIN_TRIGGERED: vGPU plugin notification
 * @NVGSP_EVENT_PERF_BRIDGELESS_INFO_UPDATE: SLI bridge state
 * @NVGSP_EVENT_VGPU_CONFIG: vGPU config notifier
 * @NVGSP_EVENT_GSP_SEND_USER_SHARED_DATA: user shared data (535 only)
 * @NVGSP_EVENT_NVLINK_FAULT_UP: NVLink fault
 * @NVGSP_EVENT_GSP_LOCKDOWN_NOTICE: lockdown engaging/released
 * @NVGSP_EVENT_MIG_CI_CONFIG_UPDATE: MIG compute-instance change
 * @NVGSP_EVENT_UPDATE_GSP_TRACE: trace buffer update (550+)
 * @NVGSP_EVENT_NVLINK_FATAL_ERROR_RECOVERY: NVLink recovery (550+)
 * @NVGSP_EVENT_GSP_POST_NOCAT_RECORD: NOCAT record (550+)
 * @NVGSP_EVENT_FECS_ERROR: FECS error (570+)
 * @NVGSP_EVENT_RECOVERY_ACTION: recovery action (570+)
 * @NVGSP_EVENT_NR: number of named events
 */
enum nvgsp_event {
	NVGSP_EVENT_GSP_INIT_DONE,
	NVGSP_EVENT_GSP_RUN_CPU_SEQUENCER,
	NVGSP_EVENT_POST_EVENT,
	NVGSP_EVENT_RC_TRIGGERED,
	NVGSP_EVENT_MMU_FAULT_QUEUED,
	NVGSP_EVENT_OS_ERROR_LOG,
	NVGSP_EVENT_UCODE_LIBOS_PRINT,
	NVGSP_EVENT_VGPU_GSP_PLUGIN_TRIGGERED,
	NVGSP_EVENT_PERF_BRIDGELESS_INFO_UPDATE,
	NVGSP_EVENT_VGPU_CONFIG,
	NVGSP_EVENT_GSP_SEND_USER_SHARED_DATA,
	NVGSP_EVENT_NVLINK_FAULT_UP,
	NVGSP_EVENT_GSP_LOCKDOWN_NOTICE,
	NVGSP_EVENT_MIG_CI_CONFIG_UPDATE,
	NVGSP_EVENT_UPDATE_GSP_TRACE,
	NVGSP_EVENT_NVLINK_FATAL_ERROR_RECOVERY,
	NVGSP_EVENT_GSP_POST_NOCAT_RECORD,
	NVGSP_EVENT_FECS_ERROR,
	NVGSP_EVENT_RECOVERY_ACTION,
	NVGSP_EVENT_NR,
};

/**
 * struct nvgsp_rpc_init_done - GSP_INIT_DONE payload (rpc_init_done_v17_00)
 * @not_used: zero
 */
struct nvgsp_rpc_init_done {
	u32 not_used;
};

/**
 * struct nvgsp_rpc_rc_triggered_r535 - RC_TRIGGERED (rpc_rc_triggered_v17_02), 535.113.01
 * @engine_type: NV2080_ENGINE_TYPE_*
 * @chid: channel
 * @except_type: ROBUST_CHANNEL_* error
 * @scope: recovery scope
 * @partition_attribution_id: MIG partition
 * @pad: zero
 */
struct nvgsp_rpc_rc_triggered_r535 {
	u32 engine_type;
	u32 chid;
	u32 except_type;
	u32 scope;
	u16 partition_attribution_id;
	u16 pad;
};

/**
 * struct nvgsp_rpc_rc_triggered_r570 - RC_TRIGGERED (rpc_rc_triggered_v17_02), 570.144
 * @engine_type: NV2080_ENGINE_TYPE_*
 * @chid: channel
 * @gfid: function the channel belongs to
 * @except_level: error level
 * @except_type: ROBUST_CHANNEL_* error
 * @scope: recovery scope
 * @partition_attribution_id: MIG partition
 * @pad: zero
 *
 * Same name as in 535, but @gfid and @except_level sit after @chid.
 */
struct nvgsp_rpc_rc_triggered_r570 {
	u32 engine_type;
	u32 chid;
	u32 gfid;
	u32 except_level;
	u32 except_type;
	u32 scope;
	u16 partition_attribution_id;
	u16 pad;
};

/**
 * struct nvgsp_rc_triggered - RC_TRIGGERED, release-free
 * @engine_type: NV2080_ENGINE_TYPE_*
 * @chid: channel
 * @except_type: ROBUST_CHANNEL_* error
 * @scope: recovery scope
 */
struct nvgsp_rc_triggered {
	u32 engine_type;
	u32 chid;
	u32 except_type;
	u32 scope;
};

#define NVGSP_OS_ERROR_LOG_STRLEN	256

/**
 * struct nvgsp_rpc_os_error_log - OS_ERROR_LOG (rpc_os_error_log_v17_00)
 * @except_type: Xid
 * @runlist_id: runlist
 * @chid: channel
 * @err_string: message, NUL-terminated if shorter than the array
 *
 * 570 appends preemptiveRemovalPreviousXid (u32); the size per release is
 * in the version table.
 */
struct nvgsp_rpc_os_error_log {
	u32 except_type;
	u32 runlist_id;
	u32 chid;
	char err_string[NVGSP_OS_ERROR_LOG_STRLEN];
};

static_assert(offsetof(struct nvgsp_rpc_rc_triggered_r535, engine_type) ==
	      NVABI_R535_OFFSETOF_RPC_RC_TRIGGERED_V17_02_NV2080ENGINETYPE);
static_assert(offsetof(struct nvgsp_rpc_rc_triggered_r535, chid) ==
	      NVABI_R535_OFFSETOF_RPC_RC_TRIGGERED_V17_02_CHID);
static_assert(offsetof(struct nvgsp_rpc_rc_triggered_r535, except_type) ==
	      NVABI_R535_OFFSETOF_RPC_RC_TRIGGERED_V17_02_EXCEPTTYPE);
static_assert(offsetof(struct nvgsp_rpc_rc_triggered_r535, scope) ==
	      NVABI_R535_OFFSETOF_RPC_RC_TRIGGERED_V17_02_SCOPE);
static_assert(offsetof(struct nvgsp_rpc_rc_triggered_r535, partition_attribution_id) ==
	      NVABI_R535_OFFSETOF_RPC_RC_TRIGGERED_V17_02_PARTITIONATTRIBUTIONID);
static_assert(offsetof(struct nvgsp_rpc_rc_triggered_r570, engine_type) ==
	      NVABI_R570_OFFSETOF_RPC_RC_TRIGGERED_V17_02_NV2080ENGINETYPE);
static_assert(offsetof(struct nvgsp_rpc_rc_triggered_r570, chid) ==
	      NVABI_R570_OFFSETOF_RPC_RC_TRIGGERED_V17_02_CHID);
static_assert(offsetof(struct nvgsp_rpc_rc_triggered_r570, except_type) ==
	      NVABI_R570_OFFSETOF_RPC_RC_TRIGGERED_V17_02_EXCEPTTYPE);
static_assert(offsetof(struct nvgsp_rpc_rc_triggered_r570, scope) ==
	      NVABI_R570_OFFSETOF_RPC_RC_TRIGGERED_V17_02_SCOPE);
static_assert(offsetof(struct nvgsp_rpc_rc_triggered_r570, partition_attribution_id) ==
	      NVABI_R570_OFFSETOF_RPC_RC_TRIGGERED_V17_02_PARTITIONATTRIBUTIONID);
static_assert(sizeof(struct nvgsp_rpc_rc_triggered_r535) ==
	      NVABI_R535_SIZEOF_RPC_RC_TRIGGERED_V17_02);
static_assert(sizeof(struct nvgsp_rpc_rc_triggered_r570) == 28);
static_assert(sizeof(struct nvgsp_rpc_os_error_log) ==
	      NVABI_R535_SIZEOF_RPC_OS_ERROR_LOG_V17_00);
static_assert(offsetof(struct nvgsp_rpc_os_error_log, except_type) ==
	      NVABI_R535_OFFSETOF_RPC_OS_ERROR_LOG_V17_00_EXCEPTTYPE);
static_assert(offsetof(struct nvgsp_rpc_os_error_log, runlist_id) ==
	      NVABI_R535_OFFSETOF_RPC_OS_ERROR_LOG_V17_00_RUNLISTID);
static_assert(offsetof(struct nvgsp_rpc_os_error_log, chid) ==
	      NVABI_R535_OFFSETOF_RPC_OS_ERROR_LOG_V17_00_CHID);
static_assert(offsetof(struct nvgsp_rpc_os_error_log, err_string) ==
	      NVABI_R535_OFFSETOF_RPC_OS_ERROR_LOG_V17_00_ERRSTRING);
static_assert(offsetof(struct nvgsp_rpc_os_error_log, except_type) ==
	      NVABI_R570_OFFSETOF_RPC_OS_ERROR_LOG_V17_00_EXCEPTTYPE);
static_assert(offsetof(struct nvgsp_rpc_os_error_log, runlist_id) ==
	      NVABI_R570_OFFSETOF_RPC_OS_ERROR_LOG_V17_00_RUNLISTID);
static_assert(offsetof(struct nvgsp_rpc_os_error_log, chid) ==
	      NVABI_R570_OFFSETOF_RPC_OS_ERROR_LOG_V17_00_CHID);
static_assert(offsetof(struct nvgsp_rpc_os_error_log, err_string) ==
	      NVABI_R570_OFFSETOF_RPC_OS_ERROR_LOG_V17_00_ERRSTRING);
static_assert(sizeof(struct nvgsp_rpc_os_error_log) + 4 ==
	      NVABI_R570_SIZEOF_RPC_OS_ERROR_LOG_V17_00_FWIF);

/**
 * struct nvgsp_rpc_rm_alloc - GSP_RM_ALLOC (rpc_gsp_rm_alloc_v03_00)
 * @h_client: client handle (the new handle when allocating a client)
 * @h_parent: parent handle
 * @h_object: new object handle
 * @h_class: class number
 * @status: NV_STATUS of the allocation (reply)
 * @params_size: bytes of @params
 * @flags: zero
 * @reserved: zero
 * @params: class allocation parameters
 */
struct nvgsp_rpc_rm_alloc {
	u32 h_client;
	u32 h_parent;
	u32 h_object;
	u32 h_class;
	u32 status;
	u32 params_size;
	u32 flags;
	u8 reserved[4];
	u8 params[];
};

/**
 * struct nvgsp_rpc_rm_control - GSP_RM_CONTROL (rpc_gsp_rm_control_v03_00)
 * @h_client: client handle
 * @h_object: target object
 * @cmd: control command
 * @status: NV_STATUS of the control (reply)
 * @params_size: bytes of @params
 * @flags: %NVGSP_RMAPI_RPC_FLAGS_COPYOUT_ON_ERROR
 * @params: control parameters, updated in the reply
 */
struct nvgsp_rpc_rm_control {
	u32 h_client;
	u32 h_object;
	u32 cmd;
	u32 status;
	u32 params_size;
	u32 flags;
	u8 params[];
};

#define NVGSP_RMAPI_RPC_FLAGS_COPYOUT_ON_ERROR	0x1

/**
 * struct nvgsp_rpc_free - FREE (rpc_free_v03_00 / NVOS00_PARAMETERS)
 * @h_root: client handle
 * @h_object_parent: zero
 * @h_object_old: object to free; the client handle frees the client
 * @status: NV_STATUS (reply)
 */
struct nvgsp_rpc_free {
	u32 h_root;
	u32 h_object_parent;
	u32 h_object_old;
	u32 status;
};

/**
 * struct nvgsp_rpc_dup_object - DUP_OBJECT (NVOS55_PARAMETERS_v03_00)
 * @h_client: client the duplicate goes into
 * @h_parent: its parent there
 * @h_object: handle of the duplicate, chosen by the caller
 * @h_client_src: client of the object duplicated
 * @h_object_src: the object duplicated
 * @flags: zero
 * @status: NV_STATUS (reply)
 */
struct nvgsp_rpc_dup_object {
	u32 h_client;
	u32 h_parent;
	u32 h_object;
	u32 h_client_src;
	u32 h_object_src;
	u32 flags;
	u32 status;
};

/**
 * struct nvgsp_rpc_unloading_guest_driver - rpc_unloading_guest_driver_v1F_07
 * @in_pm_transition: suspend rather than unload
 * @gc6_entering: zero
 * @pad: zero
 * @new_level: power level, 0 for unload
 */
struct nvgsp_rpc_unloading_guest_driver {
	u8 in_pm_transition;
	u8 gc6_entering;
	u8 pad[2];
	u32 new_level;
};

static_assert(sizeof(struct nvgsp_rpc_rm_alloc) == 32);
static_assert(sizeof(struct nvgsp_rpc_rm_control) == 24);
static_assert(sizeof(struct nvgsp_rpc_free) == 16);
static_assert(sizeof(struct nvgsp_rpc_dup_object) == 28);
static_assert(sizeof(struct nvgsp_rpc_unloading_guest_driver) == 8);

/* SET_REGISTRY: PACKED_REGISTRY_TABLE */
#define NVGSP_REGISTRY_TYPE_DWORD	1
#define NVGSP_REGISTRY_TYPE_BINARY	2
#define NVGSP_REGISTRY_TYPE_STRING	3

/**
 * struct nvgsp_registry_entry - PACKED_REGISTRY_ENTRY
 * @name_offset: offset of the NUL-terminated name from the table start
 * @type: NVGSP_REGISTRY_TYPE_*
 * @pad: zero
 * @data: value (DWORD) or offset of the value from the table start
 * @length: bytes of the value
 */
struct nvgsp_registry_entry {
	u32 name_offset;
	u8 type;
	u8 pad[3];
	u32 data;
	u32 length;
};

/**
 * struct nvgsp_registry_table - PACKED_REGISTRY_TABLE
 * @size: total bytes including names and values
 * @num_entries: entries in @entries
 * @entries: the entries, then the strings
 */
struct nvgsp_registry_table {
	u32 size;
	u32 num_entries;
	struct nvgsp_registry_entry entries[];
};

static_assert(sizeof(struct nvgsp_registry_table) == 8);
static_assert(sizeof(struct nvgsp_registry_entry) == 16);

/**
 * struct nvgsp_system_info_r535 - GSP_SET_SYSTEM_INFO: the leading fields
 *	of 535.113.01's GspSystemInfo (664 bytes in all; the rest, ACPI and
 *	bus-topology data, goes out zeroed)
 * @gpu_phys_addr: bus address of BAR0
 * @gpu_phys_fb_addr: bus address of BAR1
 * @gpu_phys_inst_addr: bus address of BAR3
 * @nv_domain_bus_device_func: PCI domain << 16 | bus << 8 | devfn
 * @sim_access_buf_phys_addr: simulation-only, 0
 * @pcie_atomics_op_mask: atomics the root port completes, 0
 * @console_mem_size: 0
 * @max_user_va: top of a user address space (TASK_SIZE)
 * @pci_config_mirror_base: BAR0 offset of the PCI config mirror
 * @pci_config_mirror_size: its size
 */
struct nvgsp_system_info_r535 {
	u64 gpu_phys_addr;
	u64 gpu_phys_fb_addr;
	u64 gpu_phys_inst_addr;
	u64 nv_domain_bus_device_func;
	u64 sim_access_buf_phys_addr;
	u64 pcie_atomics_op_mask;
	u64 console_mem_size;
	u64 max_user_va;
	u32 pci_config_mirror_base;
	u32 pci_config_mirror_size;
};

/**
 * struct nvgsp_system_info_r570 - the same for 570.144 (928 bytes in
 *	all), which adds gpuPhysIoAddr, notifyOpSharedSurfacePhysAddr and the
 *	PCI IDs
 * @gpu_phys_addr: bus address of BAR0
 * @gpu_phys_fb_addr: bus address of BAR1
 * @gpu_phys_inst_addr: bus address of BAR3
 * @gpu_phys_io_addr: I/O BAR, 0 (none)
 * @nv_domain_bus_device_func: PCI domain << 16 | bus << 8 | devfn
 * @sim_access_buf_phys_addr: simulation-only, 0
 * @notify_op_shared_surface_phys_addr: 0
 * @pcie_atomics_op_mask: 0
 * @console_mem_size: 0
 * @max_user_va: top of a user address space (TASK_SIZE)
 * @pci_config_mirror_base: BAR0 offset of the PCI config mirror
 * @pci_config_mirror_size: its size
 * @pci_device_id: vendor ID (15:0) and device ID (31:16)
 * @pci_sub_device_id: subsystem vendor ID (15:0) and subsystem ID (31:16)
 * @pci_revision_id: PCI revision
 */
struct nvgsp_system_info_r570 {
	u64 gpu_phys_addr;
	u64 gpu_phys_fb_addr;
	u64 gpu_phys_inst_addr;
	u64 gpu_phys_io_addr;
	u64 nv_domain_bus_device_func;
	u64 sim_access_buf_phys_addr;
	u64 notify_op_shared_surface_phys_addr;
	u64 pcie_atomics_op_mask;
	u64 console_mem_size;
	u64 max_user_va;
	u32 pci_config_mirror_base;
	u32 pci_config_mirror_size;
	u32 pci_device_id;
	u32 pci_sub_device_id;
	u32 pci_revision_id;
};

static_assert(offsetof(struct nvgsp_system_info_r535, gpu_phys_addr) ==
	      NVABI_R535_OFFSETOF_GSPSYSTEMINFO_GPUPHYSADDR);
static_assert(offsetof(struct nvgsp_system_info_r535, gpu_phys_fb_addr) ==
	      NVABI_R535_OFFSETOF_GSPSYSTEMINFO_GPUPHYSFBADDR);
static_assert(offsetof(struct nvgsp_system_info_r535, gpu_phys_inst_addr) ==
	      NVABI_R535_OFFSETOF_GSPSYSTEMINFO_GPUPHYSINSTADDR);
static_assert(offsetof(struct nvgsp_system_info_r535,
		       nv_domain_bus_device_func) ==
	      NVABI_R535_OFFSETOF_GSPSYSTEMINFO_NVDOMAINBUSDEVICEFUNC_FWIF);
static_assert(sizeof(struct nvgsp_system_info_r535) <=
	      NVABI_R535_SIZEOF_GSPSYSTEMINFO_FWIF);
static_assert(offsetof(struct nvgsp_system_info_r570, gpu_phys_addr) ==
	      NVABI_R570_OFFSETOF_GSPSYSTEMINFO_GPUPHYSADDR);
static_assert(offsetof(struct nvgsp_system_info_r570, gpu_phys_fb_addr) ==
	      NVABI_R570_OFFSETOF_GSPSYSTEMINFO_GPUPHYSFBADDR);
static_assert(offsetof(struct nvgsp_system_info_r570, gpu_phys_inst_addr) ==
	      NVABI_R570_OFFSETOF_GSPSYSTEMINFO_GPUPHYSINSTADDR);
static_assert(offsetof(struct nvgsp_system_info_r570,
		       nv_domain_bus_device_func) ==
	      NVABI_R570_OFFSETOF_GSPSYSTEMINFO_NVDOMAINBUSDEVICEFUNC_FWIF);
static_assert(sizeof(struct nvgsp_system_info_r570) <=
	      NVABI_R570_SIZEOF_GSPSYSTEMINFO_FWIF);
/* not in gsp-abi-values.tsv: laid out from gsp_static_config.h at the tags */
static_assert(offsetof(struct nvgsp_system_info_r535, max_user_va) == 56);
static_assert(offsetof(struct nvgsp_system_info_r535,
		       pci_config_mirror_base) == 64);
static_assert(offsetof(struct nvgsp_system_info_r570, max_user_va) == 72);
static_assert(offsetof(struct nvgsp_system_info_r570,
		       pci_config_mirror_base) == 80);
static_assert(offsetof(struct nvgsp_system_info_r570, pci_device_id) == 88);
static_assert(offsetof(struct nvgsp_system_info_r570, pci_revision_id) == 96);

/* nvDomainBusDeviceFunc as CPU-RM and nouveau build it */
#define NVGSP_SYSINFO_BDF(domain, bus, devfn) \
	((u64)(domain) << 16 | (u64)(bus) << 8 | (devfn))

#endif /* __NVVGPU_ABI_GSP_RPC_H__ */
