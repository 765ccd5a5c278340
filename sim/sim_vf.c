// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_sim: a VF's own BAR0 windows (NV_VIRTUAL_FUNCTION_PRIV and
 * NV_VIRTUAL_FUNCTION), its interrupt tree and the guest's plugin mailbox,
 * as Documentation/sim-hardware.rst describes them.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <kunit/visibility.h>
#include <linux/bitfield.h>
#include <linux/ktime.h>
#include <linux/lockdep.h>
#include <linux/seq_file.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <nvvgpu/abi/gsp_queue.h>
#include <nvvgpu/abi/gsp_rpc.h>
#include <nvvgpu/compat.h>
#include <nvvgpu/core.h>

#include "sim.h"

/**
 * DOC: VF registers
 *
 * Each GFID has a &struct sim_vf: the leaf-0 interrupt bits and enables,
 * the top enable, the mailbox scratch registers and the last MMU fault.
 * Its spinlock is the innermost lock of the sim: the engines raise
 * interrupts with their own locks held, and the mailbox work raises them
 * under &sim_gsp.lock. Events are reported to the core after the VF lock is
 * dropped.
 *
 * The mailbox work runs on the emulator's ordered workqueue under
 * &sim_gsp.lock, so it is serialised against the vGPU-manager controls
 * (a plugin shut down in between is seen), against FLR and against GSP
 * reset.
 */

#define SIM_VF_BAR0_SIZE	0x40000
#define SIM_VF_INTR_ALL		(NVVGPU_SIM_VF_INTR_NONSTALL | \
				 NVVGPU_SIM_VF_INTR_RPC | \
				 NVVGPU_SIM_VF_INTR_CHANNEL_ERROR)
#define SIM_VF_TOP_EN		BIT(0)
#define SIM_VF_FAULT_VALID	BIT(0)

#define sim_vf_warn(sim, gfid, fmt, ...) do {				\
	struct sim_gpu *__sim = (sim);					\
									\
	dev_warn_ratelimited(sim_dev(__sim), "gpu %u gfid %u: " fmt "\n",	\
			     __sim->index, gfid, ##__VA_ARGS__);	\
} while (0)

/*
 * The channel calls, each behind a wrapper KUnit can redirect
 * (kunit_activate_static_stub()), so that the mailbox is tested without
 * engines.
 */
VISIBLE_IF_KUNIT u32 sim_vf_channel_alloc(struct sim_gpu *sim, u32 gfid,
					  u32 handle,
					  const struct nv_channel_alloc_params *p,
					  u32 *chid)
{
	KUNIT_STATIC_STUB_REDIRECT(sim_vf_channel_alloc, sim, gfid, handle, p,
				   chid);
	return sim_channel_alloc(sim, gfid, handle, p, chid);
}
EXPORT_SYMBOL_IF_KUNIT(sim_vf_channel_alloc);

VISIBLE_IF_KUNIT u32 sim_vf_channel_free(struct sim_gpu *sim, u32 gfid,
					 u32 handle)
{
	KUNIT_STATIC_STUB_REDIRECT(sim_vf_channel_free, sim, gfid, handle);
	return sim_channel_free(sim, gfid, handle);
}
EXPORT_SYMBOL_IF_KUNIT(sim_vf_channel_free);

VISIBLE_IF_KUNIT void sim_vf_channels_free_all(struct sim_gpu *sim, u32 gfid)
{
	KUNIT_STATIC_STUB_REDIRECT(sim_vf_channels_free_all, sim, gfid);
	sim_channels_free_all(sim, gfid);
}
EXPORT_SYMBOL_IF_KUNIT(sim_vf_channels_free_all);

VISIBLE_IF_KUNIT void sim_vf_channel_doorbell(struct sim_gpu *sim, u32 gfid,
					      u32 token)
{
	KUNIT_STATIC_STUB_REDIRECT(sim_vf_channel_doorbell, sim, gfid, token);
	sim_channel_doorbell(sim, gfid, token);
}
EXPORT_SYMBOL_IF_KUNIT(sim_vf_channel_doorbell);

static bool sim_vf_booted(struct sim_gpu *sim, u32 gfid)
{
	return READ_ONCE(sim->vgpus[gfid - 1].state) == SIM_VGPU_BOOTED;
}

/* pass an event to the core, unless the lost_interrupt fault eats it */
static void sim_vf_report(struct sim_gpu *sim, struct sim_vf *vf,
			  const struct nvvgpu_event *ev)
{
	struct nvvgpu_pgpu *pgpu = READ_ONCE(sim->pgpu);
	unsigned long flags;
	bool drop = false;

	if (ev->type != NVVGPU_EVENT_CHANNEL_ERROR) {
		drop = atomic_dec_if_positive(&sim->gsp.fault.lost_interrupt) >= 0;
		spin_lock_irqsave(&vf->lock, flags);
		if (drop)
			vf->irq_dropped++;
		else
			vf->irq_sent++;
		spin_unlock_irqrestore(&vf->lock, flags);
	}
	if (drop) {
		dev_info_ratelimited(sim_dev(sim),
				     "gpu %u gfid %u: fault: interrupt of channel %u dropped\n",
				     sim->index, vf->gfid, ev->chid);
		return;
	}
	if (pgpu)
		nvvgpu_pgpu_report_event(pgpu, vf->gfid, ev);
}

/**
 * sim_vf_raise() - a function's channel or plugin raises interrupt bits
 * @sim: the GPU
 * @gfid: the function: 0 for the host, else a VF
 * @chid: the channel, reported with the event (any value for the plugin)
 * @bits: NVVGPU_SIM_VF_INTR_* bits
 *
 * A VF's bits are set in CPU_INTR_LEAF(0); if one of @bits is enabled and
 * TOP_EN bit 0 is set, one %NVVGPU_EVENT_INTERRUPT goes to the core. The
 * host has no VF tree: %NVVGPU_SIM_VF_INTR_NONSTALL in @bits reports one
 * %NVVGPU_EVENT_CHANNEL_DONE for @chid. A VF whose plugin is not up is
 * ignored. Any context but hardirq, with any sim lock but a VF's held;
 * does not sleep.
 */
void sim_vf_raise(struct sim_gpu *sim, u32 gfid, u32 chid, u32 bits)
{
	struct nvvgpu_event ev = { .chid = chid };
	unsigned long flags;
	struct sim_vf *vf;
	bool send;

	if (gfid > SIM_MAX_GFID) {
		sim_vf_warn(sim, gfid, "interrupt for a function out of range");
		return;
	}
	vf = &sim->vfs[gfid];
	if (!gfid) {
		if (!(bits & NVVGPU_SIM_VF_INTR_NONSTALL))
			return;
		ev.type = NVVGPU_EVENT_CHANNEL_DONE;
		sim_vf_report(sim, vf, &ev);
		return;
	}
	if (!sim_vf_booted(sim, gfid))
		return;

	bits &= SIM_VF_INTR_ALL;
	spin_lock_irqsave(&vf->lock, flags);
	vf->leaf |= bits;
	send = (bits & vf->leaf_en) && (vf->top_en & SIM_VF_TOP_EN);
	spin_unlock_irqrestore(&vf->lock, flags);

	if (send) {
		ev.type = NVVGPU_EVENT_INTERRUPT;
		sim_vf_report(sim, vf, &ev);
	}
}
EXPORT_SYMBOL_IF_KUNIT(sim_vf_raise);

/**
 * sim_vf_channel_error() - a function's channel was put in error
 * @sim: the GPU
 * @gfid: the function: 0 for the host, else a VF
 * @chid: the channel
 * @xid: ROBUST_CHANNEL_* why
 * @addr: the function-relative faulting address for an MMU fault, else 0
 *
 * For a VF, an MMU fault (Xid 31) is recorded in MMU_FAULT_ADDR_LO/HI,
 * MMU_FAULT_INFO (@chid) and MMU_FAULT_STATUS (valid), and
 * %NVVGPU_SIM_VF_INTR_CHANNEL_ERROR is raised as by sim_vf_raise(). For
 * every function one %NVVGPU_EVENT_CHANNEL_ERROR {@chid, @xid, @addr} goes
 * to the core (never dropped by the lost_interrupt fault). Same context
 * rules as sim_vf_raise().
 */
void sim_vf_channel_error(struct sim_gpu *sim, u32 gfid, u32 chid, u32 xid,
			  u64 addr)
{
	struct nvvgpu_event ev = {
		.type = NVVGPU_EVENT_CHANNEL_ERROR,
		.chid = chid,
		.xid = xid,
		.addr = addr,
	};
	unsigned long flags;
	struct sim_vf *vf;

	if (gfid > SIM_MAX_GFID) {
		sim_vf_warn(sim, gfid, "channel %u error for a function out of range",
			    chid);
		return;
	}
	vf = &sim->vfs[gfid];
	if (gfid && sim_vf_booted(sim, gfid)) {
		if (xid == ROBUST_CHANNEL_FIFO_ERROR_MMU_ERR_FLT) {
			spin_lock_irqsave(&vf->lock, flags);
			vf->fault_addr = addr;
			vf->fault_info = chid;
			vf->fault_status |= SIM_VF_FAULT_VALID;
			spin_unlock_irqrestore(&vf->lock, flags);
		}
		sim_vf_raise(sim, gfid, chid, NVVGPU_SIM_VF_INTR_CHANNEL_ERROR);
	}
	sim_vf_report(sim, vf, &ev);
}
EXPORT_SYMBOL_IF_KUNIT(sim_vf_channel_error);

static int sim_vf_check(struct sim_gpu *sim, u32 gfid, u32 offset)
{
	if (!gfid || gfid > SIM_MAX_GFID) {
		sim_vf_warn(sim, gfid, "BAR0 access for a function out of range 1..%u",
			    SIM_MAX_GFID);
		return -EINVAL;
	}
	if (offset >= SIM_VF_BAR0_SIZE)
		return -ENXIO;
	if (offset & 3) {
		sim_vf_warn(sim, gfid, "misaligned BAR0 offset %#x", offset);
		return -EINVAL;
	}
	if (!sim_vf_booted(sim, gfid))
		return -ENODEV;
	return 0;
}

/**
 * sim_vf_read() - read a register of a VF's BAR0 (backend op vf_read)
 * @pgpu: the physical GPU
 * @gfid: the VF, 1..%SIM_MAX_GFID
 * @offset: BAR0 offset, 4-byte aligned
 * @val: the value
 *
 * Offsets in [0, 0x40000) that the VF does not implement read 0.
 *
 * Return: 0; -ENXIO at or beyond 0x40000; -EINVAL for a bad @gfid or a
 * misaligned @offset; -ENODEV when @gfid's plugin is not bootloaded.
 */
int sim_vf_read(struct nvvgpu_pgpu *pgpu, u32 gfid, u32 offset, u32 *val)
{
	struct sim_gpu *sim = pgpu->backend_priv;
	unsigned long flags;
	struct sim_vf *vf;
	int ret;

	ret = sim_vf_check(sim, gfid, offset);
	if (ret)
		return ret;
	vf = &sim->vfs[gfid];

	if (offset == NV_VIRTUAL_FUNCTION_PRIV_TIMER) {
		*val = lower_32_bits(ktime_get_ns());
		return 0;
	}
	if (offset == NV_VIRTUAL_FUNCTION_PRIV_TIMER_HI) {
		*val = upper_32_bits(ktime_get_ns());
		return 0;
	}

	spin_lock_irqsave(&vf->lock, flags);
	switch (offset) {
	case NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF(0):
		*val = vf->leaf;
		break;
	case NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF_EN_SET(0):
	case NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF_EN_CLEAR(0):
		*val = vf->leaf_en;
		break;
	case NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_TOP(0):
		*val = (vf->leaf & vf->leaf_en) ? BIT(0) : 0;
		break;
	case NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_TOP_EN_SET(0):
	case NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_TOP_EN_CLEAR(0):
		*val = vf->top_en;
		break;
	case NV_VIRTUAL_FUNCTION_PRIV_MAILBOX_SCRATCH(0):
	case NV_VIRTUAL_FUNCTION_PRIV_MAILBOX_SCRATCH(1):
	case NV_VIRTUAL_FUNCTION_PRIV_MAILBOX_SCRATCH(2):
		*val = vf->scratch[(offset -
				    NV_VIRTUAL_FUNCTION_PRIV_MAILBOX_SCRATCH(0)) / 4];
		break;
	case NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_ADDR_LO:
		*val = lower_32_bits(vf->fault_addr);
		break;
	case NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_ADDR_HI:
		*val = upper_32_bits(vf->fault_addr);
		break;
	case NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_INFO:
		*val = vf->fault_info;
		break;
	case NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_STATUS:
		*val = vf->fault_status;
		break;
	default:
		*val = 0;
		break;
	}
	spin_unlock_irqrestore(&vf->lock, flags);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(sim_vf_read);

/**
 * sim_vf_write() - write a register of a VF's BAR0 (backend op vf_write)
 * @pgpu: the physical GPU
 * @gfid: the VF, 1..%SIM_MAX_GFID
 * @offset: BAR0 offset, 4-byte aligned
 * @val: the value
 *
 * Writes to offsets in [0, 0x40000) that the VF does not implement, or
 * that are read-only, are ignored. NV_VIRTUAL_FUNCTION_DOORBELL rings the
 * channel whose work-submit token @val is; PRIV_DOORBELL hands the message
 * at SCRATCH(1):(0) to the plugin, which answers from the emulator's
 * workqueue. Process context.
 *
 * Return: as sim_vf_read().
 */
int sim_vf_write(struct nvvgpu_pgpu *pgpu, u32 gfid, u32 offset, u32 val)
{
	struct sim_gpu *sim = pgpu->backend_priv;
	bool replaced = false, kick = false;
	unsigned long flags;
	struct sim_vf *vf;
	u32 old_seq = 0;
	int ret;

	ret = sim_vf_check(sim, gfid, offset);
	if (ret)
		return ret;
	vf = &sim->vfs[gfid];

	if (offset == NV_VIRTUAL_FUNCTION_DOORBELL) {
		sim_vf_channel_doorbell(sim, gfid, val);
		return 0;
	}

	spin_lock_irqsave(&vf->lock, flags);
	switch (offset) {
	case NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF(0):
		vf->leaf &= ~val;
		break;
	case NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF_EN_SET(0):
		vf->leaf_en |= val & SIM_VF_INTR_ALL;
		break;
	case NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF_EN_CLEAR(0):
		vf->leaf_en &= ~val;
		break;
	case NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_TOP_EN_SET(0):
		vf->top_en |= val & SIM_VF_TOP_EN;
		break;
	case NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_TOP_EN_CLEAR(0):
		vf->top_en &= ~val;
		break;
	case NV_VIRTUAL_FUNCTION_PRIV_MAILBOX_SCRATCH(0):
	case NV_VIRTUAL_FUNCTION_PRIV_MAILBOX_SCRATCH(1):
	case NV_VIRTUAL_FUNCTION_PRIV_MAILBOX_SCRATCH(2):
		vf->scratch[(offset -
			     NV_VIRTUAL_FUNCTION_PRIV_MAILBOX_SCRATCH(0)) / 4] = val;
		break;
	case NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_STATUS:
		vf->fault_status &= ~(val & SIM_VF_FAULT_VALID);
		break;
	case NV_VIRTUAL_FUNCTION_PRIV_DOORBELL:
		if (vf->rpc_pending) {
			replaced = true;
			old_seq = vf->rpc_seq;
			vf->rpc_refused++;
		}
		vf->rpc_addr = (u64)vf->scratch[1] << 32 | vf->scratch[0];
		vf->rpc_seq = val;
		vf->rpc_pending = true;
		kick = true;
		break;
	default:
		break;
	}
	spin_unlock_irqrestore(&vf->lock, flags);

	if (replaced)
		sim_vf_warn(sim, gfid, "mailbox doorbell %#x while RPC %#x is pending; the earlier one is dropped",
			    val, old_seq);
	if (kick)
		queue_work(sim->wq, &vf->rpc_work);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(sim_vf_write);

/* ALLOC_CHANNEL_DMA: NV_CHANNEL_ALLOC_PARAMS with only the used fields set */
static u32 sim_vf_rpc_alloc_channel(struct sim_gpu *sim, u32 gfid,
				    struct nvvgpu_sim_alloc_channel *a)
{
	struct nv_channel_alloc_params rest = a->params;
	u32 status, chid = 0;

	if (a->h_class != AMPERE_CHANNEL_GPFIFO_A) {
		sim_vf_warn(sim, gfid, "ALLOC_CHANNEL_DMA: class %#x, only %#x",
			    a->h_class, AMPERE_CHANNEL_GPFIFO_A);
		return NV_ERR_INVALID_CLASS;
	}
	rest.gp_fifo_offset = 0;
	rest.gp_fifo_entries = 0;
	rest.userd_mem.base = 0;
	rest.engine_type = 0;
	if (a->pad || memchr_inv(&rest, 0, sizeof(rest))) {
		sim_vf_warn(sim, gfid, "ALLOC_CHANNEL_DMA: handle %#x: reserved fields not zero",
			    a->h_channel);
		return NV_ERR_INVALID_ARGUMENT;
	}
	status = sim_vf_channel_alloc(sim, gfid, a->h_channel, &a->params, &chid);
	a->chid = status == NV_OK ? chid : ~0u;
	return status;
}

/**
 * sim_vf_rpc_serve() - the plugin serves one message of its guest's mailbox
 * @sim: the GPU
 * @gfid: the VF, whose plugin is bootloaded
 * @addr: the message's offset in the guest's FB, from SCRATCH(1):(0)
 *
 * Reads the message (never outside the guest FB), validates its header
 * and payload, executes it and writes the reply in place. A message that
 * cannot be read (misaligned, outside the guest FB) is not answered in
 * FB. Called with &sim_gsp.lock held; may sleep.
 *
 * Return: the rpc_result: an NV_STATUS, or NV_VGPU_MSG_RESULT_RPC_* for a
 * malformed message or unknown function.
 */
VISIBLE_IF_KUNIT u32 sim_vf_rpc_serve(struct sim_gpu *sim, u32 gfid, u64 addr)
{
	struct nvgsp_rpc_header *rpc;
	struct sim_space sp;
	u32 need, result, wlen = sizeof(*rpc);
	void *payload;
	u8 *buf;

	lockdep_assert_held(&sim->gsp.lock);

	if (!IS_ALIGNED(addr, NVVGPU_SIM_VF_RPC_BUF_SIZE)) {
		sim_vf_warn(sim, gfid, "mailbox message at %#llx is not 4 KiB aligned",
			    addr);
		return NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT;
	}
	if (sim_space_init(sim, gfid, &sp)) {
		sim_vf_warn(sim, gfid, "mailbox: no address space");
		return NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT;
	}
	buf = kzalloc(NVVGPU_SIM_VF_RPC_BUF_SIZE, GFP_KERNEL);
	if (!buf) {
		sim_space_fini(&sp);
		return NV_ERR_NO_MEMORY;
	}
	rpc = (struct nvgsp_rpc_header *)buf;
	payload = buf + sizeof(*rpc);

	if (sim_space_rw(sim, &sp, addr, rpc, sizeof(*rpc), false)) {
		sim_vf_warn(sim, gfid, "mailbox message at %#llx outside the guest FB (%#llx bytes)",
			    addr, sp.size);
		result = NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT;
		goto out;
	}

	result = NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT;
	if (rpc->header_version != NVGSP_RPC_HEADER_VERSION) {
		sim_vf_warn(sim, gfid, "mailbox: header version %#x, not %#x",
			    rpc->header_version, NVGSP_RPC_HEADER_VERSION);
		goto reply;
	}
	if (rpc->signature != NVGSP_RPC_SIGNATURE) {
		sim_vf_warn(sim, gfid, "mailbox: signature %#x, not \"VRPC\"",
			    rpc->signature);
		goto reply;
	}
	if (rpc->length < sizeof(*rpc) ||
	    rpc->length > NVVGPU_SIM_VF_RPC_BUF_SIZE) {
		sim_vf_warn(sim, gfid, "mailbox: length %u outside %zu..%u",
			    rpc->length, sizeof(*rpc), NVVGPU_SIM_VF_RPC_BUF_SIZE);
		goto reply;
	}

	switch (rpc->function) {
	case NV_VGPU_MSG_FUNCTION_NOP:
		need = 0;
		break;
	case NV_VGPU_MSG_FUNCTION_ALLOC_CHANNEL_DMA:
		need = sizeof(struct nvvgpu_sim_alloc_channel);
		break;
	case NV_VGPU_MSG_FUNCTION_FREE:
		need = sizeof(struct nvgsp_rpc_free);
		break;
	default:
		sim_vf_warn(sim, gfid, "mailbox: unknown function %u",
			    rpc->function);
		result = NV_VGPU_MSG_RESULT_RPC_UNKNOWN_FUNCTION;
		goto reply;
	}
	if (rpc->length < sizeof(*rpc) + need) {
		sim_vf_warn(sim, gfid, "mailbox: function %u: length %u, needs %zu",
			    rpc->function, rpc->length, sizeof(*rpc) + need);
		goto reply;
	}
	if (sim_space_rw(sim, &sp, addr + sizeof(*rpc), payload,
			 rpc->length - sizeof(*rpc), false)) {
		sim_vf_warn(sim, gfid, "mailbox message at %#llx+%u outside the guest FB",
			    addr, rpc->length);
		goto out;
	}
	wlen = rpc->length;

	switch (rpc->function) {
	case NV_VGPU_MSG_FUNCTION_NOP:
		result = NV_OK;
		break;
	case NV_VGPU_MSG_FUNCTION_ALLOC_CHANNEL_DMA:
		result = sim_vf_rpc_alloc_channel(sim, gfid, payload);
		break;
	case NV_VGPU_MSG_FUNCTION_FREE: {
		struct nvgsp_rpc_free *f = payload;

		result = sim_vf_channel_free(sim, gfid, f->h_object_old);
		f->status = result;
		break;
	}
	}

reply:
	rpc->rpc_result = result;
	rpc->rpc_result_private = result;
	if (sim_space_rw(sim, &sp, addr, buf, wlen, true))
		sim_vf_warn(sim, gfid, "mailbox: reply at %#llx not written",
			    addr);
out:
	kfree(buf);
	sim_space_fini(&sp);
	return result;
}
EXPORT_SYMBOL_IF_KUNIT(sim_vf_rpc_serve);

static void sim_vf_rpc_work(struct work_struct *work)
{
	struct sim_vf *vf = container_of(work, struct sim_vf, rpc_work);
	struct sim_gpu *sim = vf->sim;
	u32 seq, result;
	bool pending;
	u64 addr;

	mutex_lock(&sim->gsp.lock);
	spin_lock_irq(&vf->lock);
	pending = vf->rpc_pending;
	vf->rpc_pending = false;
	addr = vf->rpc_addr;
	seq = vf->rpc_seq;
	spin_unlock_irq(&vf->lock);

	if (!pending || !sim_vf_booted(sim, vf->gfid))
		goto unlock;

	result = sim_vf_rpc_serve(sim, vf->gfid, addr);

	spin_lock_irq(&vf->lock);
	if (result == NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT ||
	    result == NV_VGPU_MSG_RESULT_RPC_UNKNOWN_FUNCTION)
		vf->rpc_refused++;
	else
		vf->rpc_served++;
	vf->rpc_last_result = result;
	vf->scratch[2] = seq;
	spin_unlock_irq(&vf->lock);
	/* under gsp.lock: a plugin shut down meanwhile gets no interrupt */
	sim_vf_raise(sim, vf->gfid, 0, NVVGPU_SIM_VF_INTR_RPC);
unlock:
	mutex_unlock(&sim->gsp.lock);
}

static void sim_vf_clear_regs(struct sim_vf *vf)
{
	unsigned long flags;

	spin_lock_irqsave(&vf->lock, flags);
	vf->leaf = 0;
	vf->leaf_en = 0;
	vf->top_en = 0;
	memset(vf->scratch, 0, sizeof(vf->scratch));
	vf->fault_addr = 0;
	vf->fault_info = 0;
	vf->fault_status = 0;
	vf->rpc_pending = false;
	vf->rpc_addr = 0;
	vf->rpc_seq = 0;
	spin_unlock_irqrestore(&vf->lock, flags);
}

/**
 * sim_vf_teardown() - a VF's plugin comes or goes: drop its channels and
 *	registers
 * @sim: the GPU
 * @gfid: the VF
 *
 * Called at bootload, shutdown and cleanup of the plugin and at GSP reset,
 * with &sim_gsp.lock held. A mailbox RPC not yet served is forgotten.
 */
void sim_vf_teardown(struct sim_gpu *sim, u32 gfid)
{
	lockdep_assert_held(&sim->gsp.lock);

	if (!gfid || gfid > SIM_MAX_GFID)
		return;
	sim_vf_channels_free_all(sim, gfid);
	sim_vf_clear_regs(&sim->vfs[gfid]);
}

/**
 * sim_vf_flr() - function-level reset of a VF (backend op vf_flr)
 * @pgpu: the physical GPU
 * @gfid: the VF
 *
 * Frees every channel of @gfid, then clears its registers; an RPC not yet
 * served is forgotten. Process context; may sleep.
 */
void sim_vf_flr(struct nvvgpu_pgpu *pgpu, u32 gfid)
{
	struct sim_gpu *sim = pgpu->backend_priv;

	if (!gfid || gfid > SIM_MAX_GFID) {
		sim_vf_warn(sim, gfid, "FLR of a function out of range 1..%u",
			    SIM_MAX_GFID);
		return;
	}
	mutex_lock(&sim->gsp.lock);
	sim_vf_teardown(sim, gfid);
	mutex_unlock(&sim->gsp.lock);
}
EXPORT_SYMBOL_IF_KUNIT(sim_vf_flr);

/**
 * sim_vf_init() - set up the VF registers of a GPU
 * @sim: the GPU; &sim_gpu.wq is made later, before the first doorbell
 */
void sim_vf_init(struct sim_gpu *sim)
{
	u32 g;

	for (g = 0; g <= SIM_MAX_GFID; g++) {
		struct sim_vf *vf = &sim->vfs[g];

		spin_lock_init(&vf->lock);
		vf->sim = sim;
		vf->gfid = g;
		INIT_WORK(&vf->rpc_work, sim_vf_rpc_work);
	}
	atomic_set(&sim->gsp.fault.lost_interrupt, 0);
}
EXPORT_SYMBOL_IF_KUNIT(sim_vf_init);

/**
 * sim_vf_fini() - wait for the mailbox work of every VF
 * @sim: the GPU
 *
 * Called before the workqueue goes, with no doorbell possible any more.
 */
void sim_vf_fini(struct sim_gpu *sim)
{
	u32 g;

	for (g = 1; g <= SIM_MAX_GFID; g++)
		cancel_work_sync(&sim->vfs[g].rpc_work);
}
EXPORT_SYMBOL_IF_KUNIT(sim_vf_fini);

/**
 * sim_vf_show() - the debugfs "vf" file: one line per bootloaded VF
 * @m: the file
 * @sim: the GPU
 */
void sim_vf_show(struct seq_file *m, struct sim_gpu *sim)
{
	unsigned long flags;
	u32 g;

	seq_printf(m, "lost_interrupt: %d to drop\n",
		   atomic_read(&sim->gsp.fault.lost_interrupt));
	spin_lock_irqsave(&sim->vfs[0].lock, flags);
	seq_printf(m, "host: interrupts sent %llu dropped %llu\n",
		   sim->vfs[0].irq_sent, sim->vfs[0].irq_dropped);
	spin_unlock_irqrestore(&sim->vfs[0].lock, flags);
	for (g = 1; g <= SIM_MAX_GFID; g++) {
		struct sim_vf *vf = &sim->vfs[g];

		if (!sim_vf_booted(sim, g))
			continue;
		spin_lock_irqsave(&vf->lock, flags);
		seq_printf(m,
			   "gfid %u: leaf %#x leaf_en %#x top_en %#x fault %#x interrupts sent %llu dropped %llu rpcs served %llu refused %llu last %#x\n",
			   g, vf->leaf, vf->leaf_en, vf->top_en,
			   vf->fault_status, vf->irq_sent, vf->irq_dropped,
			   vf->rpc_served, vf->rpc_refused,
			   vf->rpc_last_result);
		spin_unlock_irqrestore(&vf->lock, flags);
	}
}
