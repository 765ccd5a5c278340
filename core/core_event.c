// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu core: work on the engines as the core carries it between the
 * layers: a VF's BAR0 registers from the VFIO client to the backend, the
 * backend's interrupts and channel errors back to the client that owns the
 * function.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/rcupdate.h>

#include <nvvgpu/abi/nv_channel.h>

#include "core_priv.h"
#include "core_trace.h"

/**
 * DOC: events
 *
 * A function is the host (GFID 0) or one vGPU (GFID = vGPU id + 1, as the
 * firmware numbers VFs). The backend reports what happens to a function's
 * channels with nvvgpu_pgpu_report_event(); the core looks the function up
 * under RCU and hands the event to the sink its client published: the VFIO
 * device of a vGPU (nvvgpu_vgpu_set_sink()) or the DRM client for the host
 * (nvvgpu_pgpu_set_host_sink()). Unpublishing a sink waits for a grace
 * period, so a client that cleared its sink gets no more calls and may free
 * it. Channel errors are logged and traced here, once, whoever listens.
 */

/**
 * nvvgpu_vgpu_gfid() - the firmware's number of a vGPU's function
 * @vgpu: the vGPU
 *
 * Return: the GFID, 1..%NVVGPU_MAX_VGPUS_PER_PGPU.
 */
u32 nvvgpu_vgpu_gfid(const struct nvvgpu_vgpu *vgpu)
{
	return vgpu->id + 1;
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_vgpu_gfid, NVVGPU);

/* what a BAR0 access must pass before it reaches the backend's @op */
static int nvvgpu_vgpu_bar0_check(struct nvvgpu_pgpu *pgpu, u32 offset,
				  const void *op)
{
	if (offset & 3)
		return -EINVAL;
	if (!op)
		return -ENXIO;
	if (READ_ONCE(pgpu->lost))
		return -EIO;
	return 0;
}

/**
 * nvvgpu_vgpu_bar0_read() - read a register of a vGPU's own BAR0
 * @vgpu: the vGPU
 * @offset: BAR0 offset, 4-byte aligned
 * @val: where the value goes
 *
 * For the registers a VF implements itself (interrupt tree, timer, MMU fault
 * state, mailbox, doorbells). Process context; may sleep.
 *
 * Return: 0; -ENXIO when the backend does not implement @offset (the caller
 * emulates it); -EINVAL for a misaligned offset; -EIO when the pgpu is lost;
 * the backend's error.
 */
int nvvgpu_vgpu_bar0_read(struct nvvgpu_vgpu *vgpu, u32 offset, u32 *val)
{
	struct nvvgpu_pgpu *pgpu = vgpu->pgpu;
	int err = nvvgpu_vgpu_bar0_check(pgpu, offset, pgpu->backend->vf_read);

	return err ?: pgpu->backend->vf_read(pgpu, nvvgpu_vgpu_gfid(vgpu),
					     offset, val);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_vgpu_bar0_read, NVVGPU);

/**
 * nvvgpu_vgpu_bar0_write() - write a register of a vGPU's own BAR0
 * @vgpu: the vGPU
 * @offset: BAR0 offset, 4-byte aligned
 * @val: the value
 *
 * Same rules as nvvgpu_vgpu_bar0_read().
 *
 * Return: 0, or the errors of nvvgpu_vgpu_bar0_read().
 */
int nvvgpu_vgpu_bar0_write(struct nvvgpu_vgpu *vgpu, u32 offset, u32 val)
{
	struct nvvgpu_pgpu *pgpu = vgpu->pgpu;
	int err = nvvgpu_vgpu_bar0_check(pgpu, offset, pgpu->backend->vf_write);

	return err ?: pgpu->backend->vf_write(pgpu, nvvgpu_vgpu_gfid(vgpu),
					      offset, val);
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_vgpu_bar0_write, NVVGPU);

/**
 * nvvgpu_vgpu_set_sink() - publish or withdraw where a vGPU's events go
 * @vgpu: the vGPU
 * @sink: the client's sink, or NULL to withdraw it
 *
 * Called by the VFIO client when a VMM opens (and closes) the device.
 * Withdrawing waits until no call into the old sink is running. Process
 * context; may sleep.
 */
void nvvgpu_vgpu_set_sink(struct nvvgpu_vgpu *vgpu,
			  struct nvvgpu_event_sink *sink)
{
	rcu_assign_pointer(vgpu->sink, sink);
	if (!sink)
		synchronize_rcu();
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_vgpu_set_sink, NVVGPU);

/**
 * nvvgpu_pgpu_set_host_sink() - publish or withdraw where host events go
 * @pgpu: the physical GPU
 * @sink: the DRM client's sink, or NULL to withdraw it
 *
 * Same rules as nvvgpu_vgpu_set_sink().
 */
void nvvgpu_pgpu_set_host_sink(struct nvvgpu_pgpu *pgpu,
			       struct nvvgpu_event_sink *sink)
{
	rcu_assign_pointer(pgpu->host_sink, sink);
	if (!sink)
		synchronize_rcu();
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_pgpu_set_host_sink, NVVGPU);

/**
 * nvvgpu_pgpu_report_event() - the backend reports an event of a function
 * @pgpu: the physical GPU
 * @gfid: the function: 0 for the host, else a vGPU's GFID
 * @ev: the event
 *
 * Called by the backend from process or softirq context, never hardirq,
 * with no core lock held; does not sleep. An event for a function without a
 * sink (a vGPU nobody opened, a host without DRM client) is dropped, but a
 * channel error is always logged and traced.
 */
void nvvgpu_pgpu_report_event(struct nvvgpu_pgpu *pgpu, u32 gfid,
			      const struct nvvgpu_event *ev)
{
	struct nvvgpu_event_sink *sink = NULL;
	struct nvvgpu_vgpu *vgpu = NULL;

	rcu_read_lock();
	if (gfid) {
		vgpu = xa_load(&pgpu->vgpus, gfid - 1);
		if (vgpu)
			sink = rcu_dereference(vgpu->sink);
	} else {
		sink = rcu_dereference(pgpu->host_sink);
	}

	if (ev->type == NVVGPU_EVENT_CHANNEL_ERROR) {
		trace_nvvgpu_channel_error(pgpu->id, gfid, ev);
		if (ev->xid == ROBUST_CHANNEL_PREEMPTIVE_REMOVAL)
			nvvgpu_pgpu_report_preempt_timeout(pgpu, gfid, ev->chid);
		if (vgpu)
			dev_err_ratelimited(pgpu->dev,
					    "pgpu %u vgpu %u %pUl: channel %u error, Xid %u at %#llx\n",
					    pgpu->id, vgpu->id, &vgpu->uuid,
					    ev->chid, ev->xid, ev->addr);
		else
			dev_err_ratelimited(pgpu->dev,
					    "pgpu %u %s: channel %u error, Xid %u at %#llx\n",
					    pgpu->id, gfid ? "unknown function" : "host",
					    ev->chid, ev->xid, ev->addr);
	}
	if (sink)
		sink->notify(sink, ev);
	rcu_read_unlock();
}
EXPORT_SYMBOL_NS_GPL(nvvgpu_pgpu_report_event, NVVGPU);
