// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_gsp: firmware health.
 *
 * GSP-RM reports a fatal error by writing a tagged word to
 * NV_PGSP_MAILBOX(0) and halting. Like CPU-RM, the transport looks there
 * whenever it waits, so a dead firmware fails RPCs at once instead of at
 * the timeout, and the HALT interrupt leads here too.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/bitfield.h>
#include <linux/device.h>

#include <nvvgpu/abi/gsp_regs.h>
#include <nvvgpu/core.h>

#include "gsp.h"

/**
 * gsp_health_check() - has the firmware reported a fatal error?
 * @gsp: the transport
 *
 * The first time it has, log the report, fail every later RPC with
 * -ENODEV and mark the pgpu lost. Process context.
 *
 * Return: true while the firmware is alive.
 */
bool gsp_health_check(struct nvvgpu_gsp *gsp)
{
	u32 mbox;

	if (READ_ONCE(gsp->dead))
		return false;
	/* a reset is clearing the report */
	if (READ_ONCE(gsp->resetting))
		return true;

	mbox = nvvgpu_pgpu_rd32(gsp->pgpu, NV_PGSP_MAILBOX(0));
	if (FIELD_GET(NV_PGSP_MAILBOX_FATAL_TAG, mbox) !=
	    NV_PGSP_MAILBOX_FATAL_TAG_VALUE)
		return true;

	if (xchg(&gsp->dead, true))
		return false;
	dev_err(gsp->dev,
		"GSP-RM fatal error: code %#lx reason %#lx task %#lx (skipped %lu)\n",
		FIELD_GET(NV_PGSP_MAILBOX_FATAL_CODE, mbox),
		FIELD_GET(NV_PGSP_MAILBOX_FATAL_REASON, mbox),
		FIELD_GET(NV_PGSP_MAILBOX_FATAL_TASK, mbox),
		FIELD_GET(NV_PGSP_MAILBOX_FATAL_SKIPPED, mbox));
	gsp_rpc_kick(gsp);
	nvvgpu_pgpu_set_lost(gsp->pgpu, "GSP firmware halted");
	return false;
}
