// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_gsp: unsolicited events from GSP-RM.
 *
 * Handlers run in process context from the status-queue drain, with the
 * receive lock held: they may sleep but must not send RPCs. Payloads are
 * validated against the sizes of the running release before use.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/device.h>
#include <linux/string.h>

#include "gsp.h"

static void gsp_event_rc_triggered(struct nvvgpu_gsp *gsp, const void *payload,
				   u32 len)
{
	const struct nvgsp_rpc_rc_triggered *rc = payload;

	if (len < gsp->abi->rc_triggered_min_size) {
		dev_err(gsp->dev, "RC_TRIGGERED payload of %u bytes, expected %u\n",
			len, gsp->abi->rc_triggered_min_size);
		return;
	}
	dev_warn(gsp->dev,
		 "robust channel recovery: engine %u channel %u error %u scope %u\n",
		 rc->engine_type, rc->chid, rc->except_type, rc->scope);
}

static void gsp_event_os_error_log(struct nvvgpu_gsp *gsp, const void *payload,
				   u32 len)
{
	const struct nvgsp_rpc_os_error_log *log = payload;

	if (len < gsp->abi->os_error_log_size) {
		dev_err(gsp->dev, "OS_ERROR_LOG payload of %u bytes, expected %u\n",
			len, gsp->abi->os_error_log_size);
		return;
	}
	/* the string need not be terminated when it fills the array */
	dev_err(gsp->dev, "Xid %u (runlist %u channel %u): %.*s\n",
		log->except_type, log->runlist_id, log->chid,
		(int)strnlen(log->err_string, sizeof(log->err_string)),
		log->err_string);
}

/**
 * gsp_event_dispatch() - handle an event nobody was waiting for
 * @gsp: the transport
 * @ev: the event
 * @payload: payload after the RPC header
 * @len: payload bytes
 */
void gsp_event_dispatch(struct nvvgpu_gsp *gsp, enum nvgsp_event ev,
			const void *payload, u32 len)
{
	switch (ev) {
	case NVGSP_EVENT_RC_TRIGGERED:
		gsp_event_rc_triggered(gsp, payload, len);
		break;
	case NVGSP_EVENT_OS_ERROR_LOG:
		gsp_event_os_error_log(gsp, payload, len);
		break;
	case NVGSP_EVENT_GSP_INIT_DONE:
		dev_warn(gsp->dev, "GSP_INIT_DONE outside boot, ignored\n");
		break;
	case NVGSP_EVENT_GSP_LOCKDOWN_NOTICE:
		dev_info(gsp->dev, "GSP lockdown %s\n",
			 len && *(const u8 *)payload ? "engaging" : "released");
		break;
	default:
		/* informational events the host has no use for yet */
		dev_dbg(gsp->dev, "event %s (%u bytes) ignored\n",
			gsp_fwif_event_name(ev), len);
		break;
	}
}
