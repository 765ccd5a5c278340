// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_gsp: firmware release selection.
 *
 * The release table itself is in <nvvgpu/abi/fwif.h>, shared with the
 * firmware emulator; this file picks the entry for a pgpu and names
 * functions and events for logs and tracepoints.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/device.h>

#include "gsp.h"

static const char * const gsp_event_names[NVGSP_EVENT_NR] = {
	[NVGSP_EVENT_GSP_INIT_DONE] = "GSP_INIT_DONE",
	[NVGSP_EVENT_GSP_RUN_CPU_SEQUENCER] = "GSP_RUN_CPU_SEQUENCER",
	[NVGSP_EVENT_POST_EVENT] = "POST_EVENT",
	[NVGSP_EVENT_RC_TRIGGERED] = "RC_TRIGGERED",
	[NVGSP_EVENT_MMU_FAULT_QUEUED] = "MMU_FAULT_QUEUED",
	[NVGSP_EVENT_OS_ERROR_LOG] = "OS_ERROR_LOG",
	[NVGSP_EVENT_UCODE_LIBOS_PRINT] = "UCODE_LIBOS_PRINT",
	[NVGSP_EVENT_VGPU_GSP_PLUGIN_TRIGGERED] = "VGPU_GSP_PLUGIN_TRIGGERED",
	[NVGSP_EVENT_PERF_BRIDGELESS_INFO_UPDATE] = "PERF_BRIDGELESS_INFO_UPDATE",
	[NVGSP_EVENT_VGPU_CONFIG] = "VGPU_CONFIG",
	[NVGSP_EVENT_GSP_SEND_USER_SHARED_DATA] = "GSP_SEND_USER_SHARED_DATA",
	[NVGSP_EVENT_NVLINK_FAULT_UP] = "NVLINK_FAULT_UP",
	[NVGSP_EVENT_GSP_LOCKDOWN_NOTICE] = "GSP_LOCKDOWN_NOTICE",
	[NVGSP_EVENT_MIG_CI_CONFIG_UPDATE] = "MIG_CI_CONFIG_UPDATE",
	[NVGSP_EVENT_UPDATE_GSP_TRACE] = "UPDATE_GSP_TRACE",
	[NVGSP_EVENT_NVLINK_FATAL_ERROR_RECOVERY] = "NVLINK_FATAL_ERROR_RECOVERY",
	[NVGSP_EVENT_GSP_POST_NOCAT_RECORD] = "GSP_POST_NOCAT_RECORD",
	[NVGSP_EVENT_FECS_ERROR] = "FECS_ERROR",
	[NVGSP_EVENT_RECOVERY_ACTION] = "RECOVERY_ACTION",
};

/**
 * gsp_fwif_select() - pick the ABI of a pgpu's firmware release
 * @gsp: the transport
 * @version: release string the backend reported
 *
 * Return: the release's ABI, or NULL (logged) if nvvgpu does not support it.
 */
const struct nvgsp_fw_abi *gsp_fwif_select(struct nvvgpu_gsp *gsp,
					   const char *version)
{
	const struct nvgsp_fw_abi *abi = nvgsp_fw_abi_find(version);

	if (!abi)
		dev_err(gsp->dev, "firmware version %s not supported\n",
			version);
	return abi;
}

const char *gsp_fwif_event_name(enum nvgsp_event ev)
{
	return ev < NVGSP_EVENT_NR ? gsp_event_names[ev] : "unknown event";
}

/**
 * gsp_fwif_function_name() - name an rpc.function for logs
 * @abi: the release, for event numbers
 * @fn: function or event number
 *
 * Return: a static string.
 */
const char *gsp_fwif_function_name(const struct nvgsp_fw_abi *abi, u32 fn)
{
	switch (fn) {
	case NV_VGPU_MSG_FUNCTION_NOP:
		return "NOP";
	case NV_VGPU_MSG_FUNCTION_FREE:
		return "FREE";
	case NV_VGPU_MSG_FUNCTION_DUP_OBJECT:
		return "DUP_OBJECT";
	case NV_VGPU_MSG_FUNCTION_UNLOADING_GUEST_DRIVER:
		return "UNLOADING_GUEST_DRIVER";
	case NV_VGPU_MSG_FUNCTION_GET_GSP_STATIC_INFO:
		return "GET_GSP_STATIC_INFO";
	case NV_VGPU_MSG_FUNCTION_CONTINUATION_RECORD:
		return "CONTINUATION_RECORD";
	case NV_VGPU_MSG_FUNCTION_GSP_SET_SYSTEM_INFO:
		return "GSP_SET_SYSTEM_INFO";
	case NV_VGPU_MSG_FUNCTION_SET_REGISTRY:
		return "SET_REGISTRY";
	case NV_VGPU_MSG_FUNCTION_GSP_RM_CONTROL:
		return "GSP_RM_CONTROL";
	case NV_VGPU_MSG_FUNCTION_GSP_RM_ALLOC:
		return "GSP_RM_ALLOC";
	case NV_VGPU_MSG_FUNCTION_ECC_NOTIFIER_WRITE_ACK:
		return "ECC_NOTIFIER_WRITE_ACK";
	}
	if (abi && fn > NV_VGPU_MSG_EVENT_FIRST_EVENT)
		return gsp_fwif_event_name(nvgsp_fw_abi_event_lookup(abi, fn));
	return "function";
}
