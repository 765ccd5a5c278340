// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_sim: BAR0 register emulation.
 *
 * Only the GSP falcon window and PMC_BOOT_0 exist; other offsets read as a
 * PRI error pattern, like an unclaimed register on the real bus.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/spinlock.h>

#include <nvvgpu/core.h>

#include "sim.h"

/* GA102-like: architecture 0x17 (Ampere), implementation 0x2, rev a1 */
#define SIM_BOOT_0		0x172000a1
/* what an unclaimed register reads as */
#define SIM_PRI_ERROR		0xbadf1100

static struct sim_gpu *pgpu_to_sim(struct nvvgpu_pgpu *pgpu)
{
	struct sim_gpu *sim = pgpu->backend_priv;

	/* ops may run inside nvvgpu_pgpu_register(), before it returned */
	if (!READ_ONCE(sim->pgpu))
		WRITE_ONCE(sim->pgpu, pgpu);
	return sim;
}

static bool sim_is_falcon(u32 addr)
{
	return addr >= NV_PGSP_FALCON_BASE &&
	       addr < NV_PGSP_FALCON_BASE + NV_PGSP_FALCON_SIZE &&
	       !(addr & 3);
}

#define FALCON(sim, addr)	((sim)->falcon[((addr) - NV_PGSP_FALCON_BASE) / 4])

/**
 * sim_reg_read() - read a register as the host sees it
 * @sim: the GPU
 * @addr: BAR0 offset
 *
 * Return: the register value.
 */
u32 sim_reg_read(struct sim_gpu *sim, u32 addr)
{
	unsigned long flags;
	u32 val;

	if (addr == NV_PMC_BOOT_0)
		return SIM_BOOT_0;
	if (!sim_is_falcon(addr))
		return SIM_PRI_ERROR;

	spin_lock_irqsave(&sim->reg_lock, flags);
	switch (addr) {
	case NV_PFALCON_FALCON_IRQSCLR:
	case NV_PFALCON_FALCON_IRQSSET:
		val = 0;
		break;
	case NV_PFALCON_FALCON_CPUCTL:
		val = FALCON(sim, addr);
		if (READ_ONCE(sim->gsp.state) != SIM_GSP_RUNNING)
			val |= NV_PFALCON_FALCON_CPUCTL_HALTED;
		break;
	default:
		val = FALCON(sim, addr);
		break;
	}
	spin_unlock_irqrestore(&sim->reg_lock, flags);
	return val;
}

/**
 * sim_reg_write() - write a register, with its side effects
 * @sim: the GPU
 * @addr: BAR0 offset
 * @val: value
 */
void sim_reg_write(struct sim_gpu *sim, u32 addr, u32 val)
{
	unsigned long flags;
	bool start = false, doorbell = false, reset = false;

	/* the PF's usermode doorbell: the host's channels */
	if (addr == NV_USERMODE_BASE + NVC361_NOTIFY_CHANNEL_PENDING) {
		sim_channel_doorbell(sim, 0, val);
		return;
	}
	if (!sim_is_falcon(addr)) {
		dev_dbg_ratelimited(sim_dev(sim),
				    "write %#x to unclaimed register %#x\n",
				    val, addr);
		return;
	}

	spin_lock_irqsave(&sim->reg_lock, flags);
	switch (addr) {
	case NV_PFALCON_FALCON_IRQSSET:
		FALCON(sim, NV_PFALCON_FALCON_IRQSTAT) |= val;
		break;
	case NV_PFALCON_FALCON_IRQSCLR:
		FALCON(sim, NV_PFALCON_FALCON_IRQSTAT) &= ~val;
		break;
	case NV_PFALCON_FALCON_IRQSTAT:
		/* read-only */
		break;
	case NV_PFALCON_FALCON_CPUCTL:
		start = val & NV_PFALCON_FALCON_CPUCTL_STARTCPU;
		FALCON(sim, addr) = val & ~NV_PFALCON_FALCON_CPUCTL_STARTCPU;
		break;
	case NV_PFALCON_FALCON_HWCFG2:
		/* read-only */
		break;
	case NV_PFALCON_FALCON_ENGINE:
		/* the reset happens on the rising edge; scrubbing until done */
		reset = (val & NV_PFALCON_FALCON_ENGINE_RESET) &&
			!(FALCON(sim, addr) & NV_PFALCON_FALCON_ENGINE_RESET);
		FALCON(sim, addr) = val & NV_PFALCON_FALCON_ENGINE_RESET;
		if (reset)
			FALCON(sim, NV_PFALCON_FALCON_HWCFG2) |=
				NV_PFALCON_FALCON_HWCFG2_MEM_SCRUBBING;
		break;
	default:
		if (addr >= NV_PGSP_QUEUE_HEAD(0) &&
		    addr < NV_PGSP_QUEUE_HEAD(NV_PGSP_QUEUE_HEAD_NR))
			doorbell = addr == NV_PGSP_QUEUE_HEAD(NV_PGSP_RPC_QUEUE_IDX);
		FALCON(sim, addr) = val;
		break;
	}
	spin_unlock_irqrestore(&sim->reg_lock, flags);

	if (reset)
		sim_gsp_engine_reset(sim);
	if (start)
		sim_gsp_start(sim);
	if (doorbell)
		sim_gsp_doorbell(sim);
}

/**
 * sim_reg_poke() - set a register from the GPU side, without side effects
 * @sim: the GPU
 * @addr: BAR0 offset in the falcon window
 * @val: value
 */
void sim_reg_poke(struct sim_gpu *sim, u32 addr, u32 val)
{
	unsigned long flags;

	if (!sim_is_falcon(addr))
		return;
	spin_lock_irqsave(&sim->reg_lock, flags);
	FALCON(sim, addr) = val;
	spin_unlock_irqrestore(&sim->reg_lock, flags);
}

/**
 * sim_reg_mask() - change bits of a register from the GPU side
 * @sim: the GPU
 * @addr: BAR0 offset in the falcon window
 * @clear: bits to clear
 * @set: bits to set
 */
void sim_reg_mask(struct sim_gpu *sim, u32 addr, u32 clear, u32 set)
{
	unsigned long flags;

	if (!sim_is_falcon(addr))
		return;
	spin_lock_irqsave(&sim->reg_lock, flags);
	FALCON(sim, addr) = (FALCON(sim, addr) & ~clear) | set;
	spin_unlock_irqrestore(&sim->reg_lock, flags);
}

/**
 * sim_irq_raise() - latch GSP interrupt bits and tell the core
 * @sim: the GPU
 * @bits: NV_PFALCON_FALCON_IRQSTAT_* bits
 *
 * Called from the emulator's work, never with emulator locks held, since
 * the transport's handler reads and writes registers.
 */
void sim_irq_raise(struct sim_gpu *sim, u32 bits)
{
	struct nvvgpu_pgpu *pgpu = READ_ONCE(sim->pgpu);
	unsigned long flags;

	spin_lock_irqsave(&sim->reg_lock, flags);
	FALCON(sim, NV_PFALCON_FALCON_IRQSTAT) |= bits;
	spin_unlock_irqrestore(&sim->reg_lock, flags);

	if (pgpu)
		nvvgpu_pgpu_handle_irq(pgpu);
}

/* backend ops */

u32 sim_rd32(struct nvvgpu_pgpu *pgpu, u32 addr)
{
	return sim_reg_read(pgpu_to_sim(pgpu), addr);
}

void sim_wr32(struct nvvgpu_pgpu *pgpu, u32 addr, u32 val)
{
	sim_reg_write(pgpu_to_sim(pgpu), addr, val);
}
