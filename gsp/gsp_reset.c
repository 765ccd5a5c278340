// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_gsp: reset of the GSP core and re-boot of GSP-RM.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/delay.h>
#include <linux/iopoll.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <nvvgpu/abi/gsp_regs.h>
#include <nvvgpu/core.h>

#include "gsp.h"
#include "gsp_trace.h"

/**
 * DOC: reset
 *
 * A firmware that crashed (fatal report, HALT), whose status queue lost its
 * framing, or that hangs, is brought back by a reset, the transport's FLR
 * (debugfs <pgpu>/gsp/reset). Without vGPUs only: their plugin tasks live
 * in the firmware and would be lost silently.
 *
 * 0. Take the pgpu lock, with nvvgpu_pgpu_lock_sysfs(): the reset runs in a
 *    debugfs handler, and a detach, which holds that lock, removes the
 *    handler's file and waits for it; so when the lock is taken the write
 *    backs off and is restarted (see DOC: lock order). Holding it, no vGPU
 *    can be created or destroyed and the transport cannot be detached
 *    until the reset is done, so the check for vGPUs is exact.
 * 1. Take the reset lock for writing: no user of the transport (vGPU
 *    bootload or shutdown, static info, events, the test module's files)
 *    is inside, and new ones wait. Mark the transport dead (RPCs fail at
 *    once) and resetting (receivers and the fatal-report work keep off),
 *    flush the work items.
 * 2. Engine reset: ENGINE.RESET set, 10 us, cleared; wait for
 *    HWCFG2.MEM_SCRUBBING to end. The firmware has forgotten everything.
 * 3. Tear down the queues: the status queue, which only the firmware
 *    writes while it runs, is cleared now that it is held in reset; the
 *    command queue is set up afresh by the boot (4); the RM client handle
 *    is given back (the firmware forgot the client).
 * 4. Boot as at attach: SET_SYSTEM_INFO and SET_REGISTRY queued, LibOS
 *    arguments handed to the backend's fw_boot (on the sim: the mailboxes
 *    and STARTCPU), wait for GSP_INIT_DONE; then the
 *    RM client and the static information again, which must be what the
 *    core already has (FB, channels, engines, vGPU types): the pgpu's
 *    catalogue cannot change under the core.
 * 5. Release the reset lock, clear the pgpu's lost state with
 *    nvvgpu_pgpu_clear_lost() (the clients are told from a work item of
 *    the core's), release the pgpu lock.
 *
 * A failure at 2-4 leaves the transport dead and the pgpu lost; the reset
 * may be tried again.
 */

#define GSP_RESET_SCRUB_TIMEOUT_US	USEC_PER_SEC

static int gsp_reset_engine(struct nvvgpu_gsp *gsp)
{
	struct nvvgpu_pgpu *pgpu = gsp->pgpu;
	u32 hwcfg2;
	int ret;

	nvvgpu_pgpu_wr32(pgpu, NV_PFALCON_FALCON_ENGINE,
			 NV_PFALCON_FALCON_ENGINE_RESET);
	usleep_range(10, 20);
	nvvgpu_pgpu_wr32(pgpu, NV_PFALCON_FALCON_ENGINE, 0);
	ret = read_poll_timeout(nvvgpu_pgpu_rd32, hwcfg2,
				!(hwcfg2 & NV_PFALCON_FALCON_HWCFG2_MEM_SCRUBBING),
				100, GSP_RESET_SCRUB_TIMEOUT_US, false, pgpu,
				NV_PFALCON_FALCON_HWCFG2);
	if (ret)
		dev_err(gsp->dev, "GSP engine reset: memory scrubbing did not end (HWCFG2 %#x)\n",
			hwcfg2);
	return ret;
}

static bool gsp_reset_same_type(const struct nvvgpu_vgpu_type *a,
				const struct nvvgpu_vgpu_type *b)
{
	return a->id == b->id && !strcmp(a->name, b->name) &&
	       !strcmp(a->class, b->class) && a->fb_size == b->fb_size &&
	       a->heap_size == b->heap_size && a->bar1_size == b->bar1_size &&
	       a->max_instances == b->max_instances &&
	       a->num_channels == b->num_channels &&
	       a->device_id == b->device_id &&
	       a->subsystem_id == b->subsystem_id;
}

/* the firmware must come back describing the pgpu the core knows */
static int gsp_reset_check_info(struct nvvgpu_gsp *gsp,
				const struct nvvgpu_pgpu_info *now)
{
	const struct nvvgpu_pgpu_info *was = nvvgpu_pgpu_info(gsp->pgpu);
	u32 i;

	if (now->fb_size != was->fb_size ||
	    now->vmmu_segment_size != was->vmmu_segment_size ||
	    now->num_channels != was->num_channels ||
	    now->engine_mask != was->engine_mask ||
	    now->num_types != was->num_types)
		goto changed;
	for (i = 0; i < now->num_types; i++)
		if (!gsp_reset_same_type(&now->types[i], &was->types[i]))
			goto changed;
	return 0;

changed:
	dev_err(gsp->dev,
		"GSP reset: the firmware came back with other static information; re-attach the transport\n");
	return -EPROTO;
}

/* steps 2-4, with the pgpu lock and the reset lock (for writing) held */
static int gsp_reset_locked(struct nvvgpu_gsp *gsp,
			    struct nvvgpu_pgpu_info *info)
{
	int ret;

	nvvgpu_pgpu_assert_locked(gsp->pgpu);
	lockdep_assert_held_write(&gsp->reset_sem);

	WRITE_ONCE(gsp->resetting, true);
	cancel_work_sync(&gsp->recv_work);
	cancel_work_sync(&gsp->fatal_work);

	ret = gsp_reset_engine(gsp);
	if (ret)
		return ret;
	gsp_msgq_clear_statq(gsp);
	gsp_rm_client_free(gsp);
	gsp->booted = false;
	WRITE_ONCE(gsp->resetting, false);
	WRITE_ONCE(gsp->dead, false);

	ret = gsp_boot_start(gsp);
	if (ret)
		return ret;
	ret = gsp_rm_client_alloc(gsp);
	if (ret) {
		dev_err(gsp->dev, "GSP reset: could not allocate the RM client: %pe\n",
			ERR_PTR(ret));
		return ret;
	}
	ret = gsp_read_info(gsp, info);
	if (ret)
		return ret;
	return gsp_reset_check_info(gsp, info);
}

/**
 * gsp_reset() - reset the GSP core, re-boot GSP-RM, recover the pgpu
 * @gsp: the transport
 *
 * See DOC: reset. Process context, from a debugfs write: sleeps for up to
 * a few timeouts, with the pgpu lock held.
 *
 * Return: 0; -EBUSY while vGPUs exist; -ERESTARTNOINTR when the pgpu lock
 * is taken (the write is restarted); -ENOMEM; the errno of the step that
 * failed (the pgpu is then lost).
 */
int gsp_reset(struct nvvgpu_gsp *gsp)
{
	struct nvvgpu_pgpu *pgpu = gsp->pgpu;
	struct nvvgpu_pgpu_info *info;
	bool was_dead;
	int ret;

	info = kzalloc(sizeof(*info), GFP_KERNEL);
	if (!info)
		return -ENOMEM;

	ret = nvvgpu_pgpu_lock_sysfs(pgpu);
	if (ret)
		goto out_free;
	if (nvvgpu_pgpu_num_vgpus(pgpu)) {
		dev_err(gsp->dev, "GSP reset refused: %u vGPUs exist, destroy them first\n",
			nvvgpu_pgpu_num_vgpus(pgpu));
		ret = -EBUSY;
		goto out_unlock;
	}

	down_write(&gsp->reset_sem);
	was_dead = xchg(&gsp->dead, true);
	gsp_rpc_kick(gsp);
	dev_info(gsp->dev, "GSP reset: firmware %s, tearing the queues down\n",
		 was_dead ? "dead" : "alive");
	ret = gsp_reset_locked(gsp, info);
	trace_gsp_reset(nvvgpu_pgpu_id(pgpu), was_dead, ret);
	if (ret) {
		WRITE_ONCE(gsp->resetting, false);
		WRITE_ONCE(gsp->dead, true);
		gsp->stats.reset_failures++;
		up_write(&gsp->reset_sem);
		dev_err(gsp->dev, "GSP reset failed: %pe\n", ERR_PTR(ret));
		nvvgpu_pgpu_set_lost(pgpu, "GSP reset failed");
		goto out_unlock;
	}
	gsp->stats.resets++;
	up_write(&gsp->reset_sem);
	dev_info(gsp->dev, "GSP reset: GSP-RM %s booted again\n",
		 gsp->abi->version);

	ret = nvvgpu_pgpu_clear_lost(pgpu);
	if (ret)
		dev_err(gsp->dev, "GSP reset done, but the pgpu stays lost: %pe\n",
			ERR_PTR(ret));
out_unlock:
	nvvgpu_pgpu_unlock(pgpu);
out_free:
	kfree(info);
	return ret;
}
