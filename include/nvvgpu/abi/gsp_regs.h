/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu: BAR0 registers of the GSP falcon used by the transport and
 * emulated by the simulated GPU.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_ABI_GSP_REGS_H__
#define __NVVGPU_ABI_GSP_REGS_H__

#include <linux/bits.h>

/* PMC_BOOT_0: chip identification; architecture in bits 28:24 */
#define NV_PMC_BOOT_0			0x000000
#define NV_PMC_BOOT_0_ARCH		GENMASK(28, 24)
#define NV_PMC_BOOT_0_ARCH_AMPERE	0x17

/* GSP falcon, base 0x110000 */
#define NV_PGSP_FALCON_BASE		0x110000
#define NV_PGSP_FALCON_SIZE		0x1000
#define NV_PFALCON_FALCON_IRQSSET	0x110000
#define NV_PFALCON_FALCON_IRQSCLR	0x110004
#define NV_PFALCON_FALCON_IRQSTAT	0x110008
#define NV_PFALCON_FALCON_IRQSTAT_HALT	BIT(4)
#define NV_PFALCON_FALCON_IRQSTAT_SWGEN0	BIT(6)
#define NV_PFALCON_FALCON_IRQMCLR	0x110014
#define NV_PGSP_FALCON_MAILBOX0		0x110040
#define NV_PGSP_FALCON_MAILBOX1		0x110044
/* MAILBOX0 value GSP leaves once it has suspended after UNLOADING_GUEST_DRIVER */
#define NV_PGSP_FALCON_MAILBOX0_SUSPENDED	0x80000000
#define NV_PFALCON_FALCON_OS		0x110080

/*
 * CPUCTL: the host starts the GSP core by setting STARTCPU once the
 * mailboxes hold the LibOS array address; HALTED reads back while the
 * core is not running. On hardware the start goes through SEC2 booter
 * ucode; the simulated GPU takes this write as its "boot" trigger.
 */
#define NV_PFALCON_FALCON_CPUCTL		0x110100
#define NV_PFALCON_FALCON_CPUCTL_STARTCPU	BIT(1)
#define NV_PFALCON_FALCON_CPUCTL_HALTED		BIT(4)

/*
 * HWCFG2.MEM_SCRUBBING reads 1 while the core scrubs its memories after an
 * engine reset (GA102 and later, as nova-core polls it).
 */
#define NV_PFALCON_FALCON_HWCFG2		0x1100f4
#define NV_PFALCON_FALCON_HWCFG2_MEM_SCRUBBING	BIT(12)

/*
 * ENGINE.RESET: the engine reset of the GSP falcon, the transport's FLR. The
 * host sets it, waits (10 us on hardware), clears it, then polls
 * HWCFG2.MEM_SCRUBBING until it reads 0 (nouveau gp102_flcn_reset_eng). The
 * reset throws away every firmware state: queues, RM objects, plugin tasks
 * and the fatal report; the core then waits for CPUCTL.STARTCPU again.
 */
#define NV_PFALCON_FALCON_ENGINE		0x1103c0
#define NV_PFALCON_FALCON_ENGINE_RESET		BIT(0)

/* Fatal error report: NV_PGSP_MAILBOX(0..3) */
#define NV_PGSP_MAILBOX(i)		(0x110804 + 4 * (i))
#define NV_PGSP_MAILBOX_FATAL_TAG	GENMASK(31, 28)
#define NV_PGSP_MAILBOX_FATAL_TAG_VALUE	0xe
#define NV_PGSP_MAILBOX_FATAL_SKIPPED	GENMASK(27, 24)
#define NV_PGSP_MAILBOX_FATAL_TASK	GENMASK(23, 16)
#define NV_PGSP_MAILBOX_FATAL_REASON	GENMASK(15, 8)
#define NV_PGSP_MAILBOX_FATAL_CODE	GENMASK(7, 0)

/* Doorbells: writing any value to QUEUE_HEAD(0) says "cmdq has data" */
#define NV_PGSP_QUEUE_HEAD(i)		(0x110c00 + 8 * (i))
#define NV_PGSP_QUEUE_HEAD_NR		8
#define NV_PGSP_RPC_QUEUE_IDX		0

#endif /* __NVVGPU_ABI_GSP_REGS_H__ */
