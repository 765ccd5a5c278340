// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the host side of the GSP status queue, as the driver
 * runs it, over a queue state the fuzzer controls.
 *
 * The gsp sources are compiled unchanged against the userspace compat
 * headers in compat/ and linked in; this file only plays the firmware, the
 * backend and the core. Per input it lays out the shared block the way GSP
 * would have left it (fuzz_input.h): status-queue producer header, write
 * pointer, elements in the ring from the host's read pointer on, for
 * 535.113.01 or 570.144. Then the host runs one of its entry points (the
 * SWGEN0 work item, the boot wait, an RPC, the RM object calls, the
 * static-info readers, or the whole provider lifecycle through the ops
 * table) and drains what is left, so every message it accepts goes through
 * the same reply matching and event decoders as in the kernel.
 *
 * The firmware publishes the records in batches: the first at once, the
 * next one each time the host rings the doorbell for the last element of a
 * command, after the firmware has taken it through its own receive checks.
 * What does not fit on the ring (a reply larger than the ring, as
 * PGPU_ADD_VGPU_TYPE's) it writes once the host has consumed everything
 * published, while the host sleeps: as GSP-RM fills its status queue as
 * the host frees it.
 *
 * As the backend it also boots the firmware (fw_boot), gives the board's
 * bus facts for GspSystemInfo and its vGPU type catalogue, valid or, as
 * the input asks, one that read_info must refuse.
 *
 * Beyond the sanitizers, the harness checks what the host must never do
 * whatever the firmware writes:
 *  - write to memory the firmware owns (the status-queue half of the block
 *    is read-only while the host runs; a write faults);
 *  - read outside the block (guard pages on both sides);
 *  - consume more slots than were published, or leave its read pointer
 *    out of range;
 *  - queue a malformed command, or one into slots the firmware has not
 *    freed, or a GspSystemInfo that does not describe the board;
 *  - leave a lock held, a waiter registered, an RM client handle
 *    allocated, or (LeakSanitizer) memory allocated;
 *  - accept static information, or a vGPU type of the board's catalogue,
 *    its own validators promise to reject;
 *  - wait for ever (simulated clock budget, compat/nvfuzz_runtime.h).
 *
 * With NVFUZZ_CFG_RACE the firmware also writes into the ring right after
 * one chosen copy out of it, which is what a firmware racing the host
 * looks like: the host must only use what it validated in its own copy.
 * NVFUZZ_RACE=0 in the environment turns that model off.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#include <linux/atomic.h>
#include <linux/bitfield.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/sched.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <nvvgpu/abi/fwif.h>
#include <nvvgpu/abi/gsp_regs.h>
#include <nvvgpu/abi/gsp_rm.h>
#include <nvvgpu/abi/msgq.h>
#include <nvvgpu/core.h>

#include "gsp.h"
#include "gsp_test.h"
#include "compat/libfuzzer.h"
#include "compat/nvfuzz_runtime.h"
#include "fuzz_input.h"
#include "nvfuzz.h"

#define SLOTS		NVGSP_QUEUE_SLOTS
#define RING_BYTES	((size_t)SLOTS * NVGSP_QUEUE_SLOT_SIZE)
#define FZ_SHARED_ADDR	0x100000000ULL

static const struct nvgsp_fw_abi *fz_abi[2];
static bool fz_race_enabled = true;
static struct nvgsp_msg_element *fz_elem;	/* one element being built */

/* the shared block between guard pages, as the firmware sees it */
static u8 *fz_block;
/* its pages written since they were last cleared */
static bool fz_dirty[NVGSP_SHARED_PTES];
/* bytes of fz_elem that may be non-zero */
static size_t fz_elem_dirty = NVGSP_MSG_MAX_SIZE;
static u8 *fz_statq;
static struct nvgsp_msgq_tx_header *fw_cmdq_tx;	/* host writes */
static struct nvgsp_msgq_rx_header *fw_cmdq_rx;	/* host's statq read ptr */
static void *fw_cmdq_slots;
static struct nvgsp_msgq_tx_header *fw_statq_tx;
static struct nvgsp_msgq_rx_header *fw_statq_rx;	/* our cmdq read ptr */
static void *fw_statq_slots;

static struct device fz_dev = { .init_name = "nvvgpu-fuzz" };
static struct nvvgpu_pgpu fz_pgpu;
static struct nvvgpu_gsp fz_gsp;	/* the transport, pre-attached */
static struct nvvgpu_vgpu_type fz_type = { .id = 941, .name = "FUZZ-1Q" };
static struct nvvgpu_vgpu fz_vgpu;

/* the board's bus facts: an Ampere data-centre board, as the sim's GPU 0 */
static const struct nvvgpu_system_info fz_sysinfo = {
	.bar0_addr = 0xf0000000,
	.fb_bar_addr = 0x38000000000ULL,
	.inst_bar_addr = 0xf2000000,
	.pci_bus = 0x41,
	.pci_vendor_id = 0x10de,
	.pci_device_id = 0x26b9,
	.pci_subsystem_vendor_id = 0x10de,
	.pci_subsystem_id = 0x1482,
	.pci_revision = 0xa1,
	.pci_config_mirror_base = 0x88000,
	.pci_config_mirror_size = 0x1000,
};

/* the firmware's side of the queues */
static struct {
	const struct nvgsp_fw_abi *abi;
	struct nvvgpu_gsp *gsp;	/* the host's transport, when known */
	u32 mailbox;		/* NV_PGSP_MAILBOX(0) */
	bool halt;		/* HALT pending in IRQSTAT */
	bool suspended;		/* UNLOADING_GUEST_DRIVER taken */
	bool lost;		/* the transport gave the pgpu up */
	struct {
		u32 slot, n;	/* where it lies on the ring */
		u8 flags;
		size_t in_off;	/* where it starts in fz_in */
	} recs[SLOTS];		/* the records, in ring order */
	u32 batch_rec[SLOTS + 1];	/* first record of each batch */
	bool in_reset;		/* ENGINE.RESET: the firmware forgot all */
	bool scrubbing;		/* HWCFG2.MEM_SCRUBBING never ends */
	bool core_busy;		/* nvvgpu_pgpu_lock_sysfs() backs off */
	bool no_bar1;		/* system_info reports no BAR1 */
	bool booting;		/* the host boots the firmware (LIFECYCLE) */
	u32 boots;		/* fw_boot calls */
	u32 fail_boot;		/* the fw_boot call that fails (0: none) */
	u8 catalogue;		/* vgpu_types: variant, see fz_vgpu_types() */
	int cat_n;		/* what vgpu_types returned last */
	u32 nrecs;
	u32 rec_next;		/* first record not published yet */
	size_t more_off;	/* first record not on the ring yet, in fz_in */
	u32 more_seq;		/* the sequence number it gets */
	u32 owed;		/* commands answered by batches not laid out */
	size_t cmd_left;	/* bytes of a split command still to come */
	u32 token;		/* rpc.sequence of the command taken last */
	u32 ends[SLOTS + 1];	/* statq write pointer after each batch */
	u32 batches;
	u32 next;		/* batch the next doorbell publishes */
	u32 rd0;		/* host's statq read pointer at the start */
	u32 published;		/* most slots from there ever published */
	bool stuck;		/* consumes no commands */
	u32 cmdq_pos;		/* commands up to here are validated */
	u32 cmdq_seq;		/* seqNum of the next command */
	u32 cmdq_slots;		/* cmdq slots the host filled in all */
} fz_fw;

/* the records of the input, for a firmware that boots again */
static const u8 *fz_in;
static size_t fz_in_size;

/* firmware write during a copy out of the ring, see nvfuzz_dma_memcpy() */
static struct {
	bool armed;
	u32 countdown;
	u32 off;
	u32 val;
} fz_race;

static void fz_fixup(struct nvgsp_msg_element *m, u32 bytes, u8 flags,
		     u32 seq, enum nvgsp_csum_rule rule);
static void fz_layout(size_t in_off, u32 rd, u32 seq, bool first_now);
static void fz_check_rd(void);

static u16 get_le16(const u8 *p)
{
	return p[0] | p[1] << 8;
}

static u32 get_le32(const u8 *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (u32)p[3] << 24;
}

static bool fz_statq_ro;

static void statq_protect(bool ro)
{
	if (mprotect(fz_statq, NVGSP_QUEUE_SIZE,
		     ro ? PROT_READ : PROT_READ | PROT_WRITE))
		nvfuzz_bug("mprotect: %m");
	fz_statq_ro = ro;
}

/*
 * Clearing the whole 516 KiB block for every input would cost more than
 * most inputs take: only the pages written since are cleared.
 */
static void fz_mark(const void *p, size_t len)
{
	size_t off = (const u8 *)p - fz_block, i;

	for (i = off / NVGSP_PAGE_SIZE;
	     i < DIV_ROUND_UP(off + len, NVGSP_PAGE_SIZE) && i < NVGSP_SHARED_PTES;
	     i++)
		fz_dirty[i] = true;
}

/* @n slots of a ring from @slot on, with wrap */
static void fz_mark_ring(void *slots, u32 slot, u32 n)
{
	u32 i;

	for (i = 0; i < min(n, SLOTS); i++)
		fz_mark(slots + (size_t)((slot + i) % SLOTS) * NVGSP_QUEUE_SLOT_SIZE,
			NVGSP_QUEUE_SLOT_SIZE);
}

static void fz_clean(void)
{
	unsigned int i;

	for (i = 0; i < NVGSP_SHARED_PTES; i++) {
		if (fz_dirty[i])
			memset(fz_block + (size_t)i * NVGSP_PAGE_SIZE, 0,
			       NVGSP_PAGE_SIZE);
		fz_dirty[i] = false;
	}
}

/*
 * Every copy the compiled gsp code makes comes here, after it is done:
 * memcpy() (nvfuzz_dma_memcpy()) and the end of its own copy loops
 * (instrument_memcpy_after(), compat/linux/instrumented.h). A copy out of
 * the status-queue ring may be followed by a firmware write into the range
 * just read: the host's own copy is then all it may trust.
 */
void nvfuzz_dma_copied(const void *src, size_t n)
{
	const u8 *s = src, *ring = fw_statq_slots;
	bool was_ro;
	size_t at;

	if (!fz_race.armed || s < ring || s >= ring + RING_BYTES)
		return;
	if (fz_race.countdown--)
		return;
	fz_race.armed = false;
	at = (size_t)(s - ring) + fz_race.off;
	if (at + sizeof(u32) > RING_BYTES)
		return;
	was_ro = fz_statq_ro;
	statq_protect(false);
	__builtin_memcpy((u8 *)ring + at, &fz_race.val, sizeof(u32));
	statq_protect(was_ro);
	fz_mark(ring + at, sizeof(u32));
}

void *nvfuzz_dma_memcpy(void *dst, const void *src, size_t n)
{
	__builtin_memcpy(dst, src, n);
	nvfuzz_dma_copied(src, n);
	return dst;
}

/*
 * Payload bytes of the command an element with @len of them starts, as
 * the firmware learns them from the first element (GSP-RM and the sim
 * alike): SIZE_MAX when it cannot tell, and then a continuation record
 * shorter than a whole one ends it.
 */
static size_t fz_cmd_total(const struct nvgsp_msg_element *m, u32 len)
{
	const struct nvgsp_rpc_rm_control *ctrl = (const void *)(m + 1);
	const struct nvgsp_rpc_rm_alloc *alloc = (const void *)(m + 1);
	const struct nvgsp_registry_table *reg = (const void *)(m + 1);

	if (len < NVGSP_RPC_MAX_PAYLOAD)
		return len;
	switch (m->rpc.function) {
	case NV_VGPU_MSG_FUNCTION_GSP_RM_CONTROL:
		return sizeof(*ctrl) + (size_t)ctrl->params_size;
	case NV_VGPU_MSG_FUNCTION_GSP_RM_ALLOC:
		return sizeof(*alloc) + (size_t)alloc->params_size;
	case NV_VGPU_MSG_FUNCTION_SET_REGISTRY:
		return reg->size;
	default:
		return SIZE_MAX;
	}
}

/*
 * GSP_SET_SYSTEM_INFO must describe this board, in the release's layout
 * (the firmware would program other BARs otherwise).
 */
static void fz_fw_check_sysinfo(const struct nvgsp_msg_element *m, u32 len)
{
	static u8 want[4096];

	if (len != fz_fw.abi->sysinfo_size || len > sizeof(want))
		nvfuzz_bug("host sent GspSystemInfo of %u bytes, %s has %u",
			   len, fz_fw.abi->version, fz_fw.abi->sysinfo_size);
	memset(want, 0, len);
	fz_fw.abi->sysinfo_write(want, &fz_sysinfo, TASK_SIZE);
	if (memcmp(m + 1, want, len))
		nvfuzz_bug("host sent GspSystemInfo of another board");
}

/*
 * The firmware takes the commands queued since the last doorbell through
 * its own receive checks: whatever the firmware wrote before, the host
 * must only ever queue well-formed elements with consecutive sequence
 * numbers, into slots the firmware had freed. Returns how many commands
 * it now has whole (a split one with its last continuation record).
 */
static u32 fz_fw_consume(void)
{
	u32 wr = fw_cmdq_tx->write_ptr;
	u32 fw_rd = fw_statq_rx->read_ptr;
	const char *reason;
	u32 len, whole = 0;
	size_t total;
	int n;

	if (wr >= SLOTS)
		nvfuzz_bug("host cmdq write pointer %u out of range", wr);
	if (nvgsp_msgq_used_slots(fz_fw.cmdq_pos, wr, SLOTS) >
	    nvgsp_msgq_free_slots(fw_rd, fz_fw.cmdq_pos, SLOTS))
		nvfuzz_bug("host filled cmdq slots %u..%u, firmware had freed %u",
			   fz_fw.cmdq_pos, wr,
			   nvgsp_msgq_free_slots(fw_rd, fz_fw.cmdq_pos, SLOTS));
	while (fz_fw.cmdq_pos != wr) {
		u32 pos = fz_fw.cmdq_pos;
		u32 used = nvgsp_msgq_used_slots(pos, wr, SLOTS);

		nvgsp_ring_read(fz_elem, fw_cmdq_slots, SLOTS, pos, 1);
		fz_elem_dirty = max_t(size_t, fz_elem_dirty,
				      NVGSP_QUEUE_SLOT_SIZE);
		n = nvgsp_msg_check_head(fz_elem, used, &reason);
		if (n < 0)
			nvfuzz_bug("host queued a bad command at slot %u: %s",
				   pos, reason);
		nvgsp_ring_read(fz_elem, fw_cmdq_slots, SLOTS, pos, n);
		fz_elem_dirty = max_t(size_t, fz_elem_dirty,
				      (size_t)n * NVGSP_QUEUE_SLOT_SIZE);
		if (nvgsp_msg_check_body(fz_elem, fz_fw.cmdq_seq,
					 fz_fw.abi->csum_rule, &reason))
			nvfuzz_bug("host queued a bad command at slot %u: %s",
				   pos, reason);
		if (fz_elem->rpc.rpc_result != NVGSP_RPC_RESULT_PENDING)
			nvfuzz_bug("host command at slot %u has rpc_result %#x",
				   pos, fz_elem->rpc.rpc_result);
		fz_fw.token = fz_elem->rpc.sequence;
		/* a firmware that takes no commands does not suspend either */
		if (fz_elem->rpc.function ==
		    NV_VGPU_MSG_FUNCTION_UNLOADING_GUEST_DRIVER && !fz_fw.stuck)
			fz_fw.suspended = true;
		len = fz_elem->rpc.length - min_t(u32, fz_elem->rpc.length,
						  NVGSP_RPC_HDR_SIZE);
		/* the boot's; SC_CALL sends any function with any payload */
		if (fz_elem->rpc.function ==
		    NV_VGPU_MSG_FUNCTION_GSP_SET_SYSTEM_INFO && fz_fw.booting)
			fz_fw_check_sysinfo(fz_elem, len);
		/*
		 * The rest of a split command, or a new one; a host that gave
		 * up half-way (the queue stayed full) abandons the old one.
		 */
		if (fz_elem->rpc.function ==
		    NV_VGPU_MSG_FUNCTION_CONTINUATION_RECORD && fz_fw.cmd_left) {
			if (fz_fw.cmd_left == SIZE_MAX)
				fz_fw.cmd_left = len < NVGSP_RPC_MAX_PAYLOAD ?
						 0 : SIZE_MAX;
			else
				fz_fw.cmd_left -= min_t(size_t, len,
							fz_fw.cmd_left);
		} else {
			total = fz_cmd_total(fz_elem, len);
			fz_fw.cmd_left = total == SIZE_MAX ? SIZE_MAX :
					 total - min_t(size_t, total, len);
		}
		if (!fz_fw.cmd_left)
			whole++;
		fz_fw.cmdq_seq++;
		fz_fw.cmdq_slots += n;
		fz_fw.cmdq_pos = nvgsp_msgq_advance(pos, n, SLOTS);
	}
	if (fz_fw.gsp && fz_fw.cmdq_seq != fz_fw.gsp->cmdq_seq)
		nvfuzz_bug("host sent %u commands but counts %u",
			   fz_fw.cmdq_seq, fz_fw.gsp->cmdq_seq);
	return whole;
}

/*
 * Records published now that echo tokens get the token of the command
 * just taken. The status-queue page is writable.
 */
static void fz_fw_stamp(u32 end)
{
	while (fz_fw.rec_next < fz_fw.nrecs &&
	       fz_fw.recs[fz_fw.rec_next].slot != end) {
		u32 slot = fz_fw.recs[fz_fw.rec_next].slot;
		u32 n = fz_fw.recs[fz_fw.rec_next].n;
		u8 flags = fz_fw.recs[fz_fw.rec_next++].flags;

		if (!(flags & NVFUZZ_REC_FIX_TOKEN))
			continue;
		nvgsp_ring_read(fz_elem, fw_statq_slots, SLOTS, slot, n);
		fz_elem_dirty = max_t(size_t, fz_elem_dirty,
				      (size_t)n * NVGSP_QUEUE_SLOT_SIZE);
		fz_elem->rpc.sequence = fz_fw.token;
		fz_fixup(fz_elem, 0, flags & NVFUZZ_REC_FIX_CSUM, 0,
			 fz_fw.abi->csum_rule);
		nvgsp_ring_write(fw_statq_slots, SLOTS, slot, fz_elem, n);
	}
}

/* move the statq write pointer; the status-queue page is writable */
static void fz_fw_publish(u32 wr)
{
	fz_fw_stamp(wr);
	/* the slots were written before: only the pointer moves */
	wmb();
	fw_statq_tx->write_ptr = wr;
	if (fz_fw.rd0 < SLOTS && wr < SLOTS)
		fz_fw.published = max(fz_fw.published,
				      nvgsp_msgq_used_slots(fz_fw.rd0, wr, SLOTS));
}

/* the core's and the backend's side, as far as the transport reaches */
void nvvgpu_pgpu_set_lost(struct nvvgpu_pgpu *pgpu, const char *why)
{
	nvfuzz_log("info", &fz_dev, "pgpu lost: %s\n", why);
	fz_fw.lost = true;
}

int nvvgpu_pgpu_lock_sysfs(struct nvvgpu_pgpu *pgpu)
{
	if (fz_fw.core_busy)
		return -ERESTARTNOINTR;
	pgpu->lock.held = true;
	return 0;
}

void nvvgpu_pgpu_unlock(struct nvvgpu_pgpu *pgpu)
{
	pgpu->lock.held = false;
}

int nvvgpu_pgpu_clear_lost(struct nvvgpu_pgpu *pgpu)
{
	lockdep_assert_held(&pgpu->lock);
	fz_fw.lost = false;
	return 0;
}

int nvvgpu_register_transport(const struct nvvgpu_transport_ops *ops)
{
	return 0;
}

int nvvgpu_unregister_transport(const struct nvvgpu_transport_ops *ops)
{
	return 0;
}

static u32 fz_rd32(struct nvvgpu_pgpu *pgpu, u32 addr)
{
	switch (addr) {
	case NV_PGSP_MAILBOX(0):
		return fz_fw.mailbox;
	case NV_PGSP_FALCON_MAILBOX0:
		return fz_fw.suspended ? NV_PGSP_FALCON_MAILBOX0_SUSPENDED : 0;
	case NV_PFALCON_FALCON_IRQSTAT:
		return NV_PFALCON_FALCON_IRQSTAT_SWGEN0 |
		       (fz_fw.halt ? NV_PFALCON_FALCON_IRQSTAT_HALT : 0);
	case NV_PFALCON_FALCON_HWCFG2:
		return fz_fw.scrubbing ? NV_PFALCON_FALCON_HWCFG2_MEM_SCRUBBING : 0;
	default:
		return 0;
	}
}

/*
 * Engine reset: the firmware forgets its queues, commands and fatal
 * report. Held in reset it writes nothing, so the host may clear the
 * status queue: the page stays writable until the core starts again.
 */
static void fz_fw_reset(void)
{
	fz_fw.in_reset = true;
	fz_fw.cmdq_slots = SLOTS;	/* all may be dirty */
	fz_fw.token = 0;
	fz_fw.owed = 0;
	fz_fw.cmd_left = 0;
	fz_fw.suspended = false;
	fz_fw.mailbox = 0;
	fz_fw.halt = false;
	statq_protect(false);
}

/*
 * STARTCPU after a reset: GSP-RM boots again, links the command queue
 * afresh (slot 0, sequence number 0: the host set it up anew) and takes the
 * commands queued meanwhile (SET_SYSTEM_INFO, SET_REGISTRY). Its fresh
 * status queue carries the records not published before the reset, from
 * slot 0 and sequence number 0, the first batch at once (GSP_INIT_DONE).
 */
static void fz_fw_start(void)
{
	u32 first = fz_fw.next < fz_fw.batches ? fz_fw.batch_rec[fz_fw.next] :
		    fz_fw.nrecs;

	fz_fw.in_reset = false;
	fz_fw.cmdq_pos = 0;
	fz_fw.cmdq_seq = 0;
	fz_fw_consume();
	nvgsp_msgq_tx_init(fw_statq_tx);
	fw_statq_rx->read_ptr = fz_fw.stuck ? 0 : fz_fw.cmdq_pos;
	fz_fw.rd0 = 0;
	fz_fw.published = 0;
	fz_layout(first < fz_fw.nrecs ? fz_fw.recs[first].in_off :
		  fz_fw.more_off, 0, 0, true);
	fz_fw.next = 1;
	fz_fw_publish(fz_fw.ends[0]);
	statq_protect(true);
}

/*
 * Records that did not fit on the ring: once the host has consumed all
 * the firmware published and every batch laid out is out, it writes them
 * from its write pointer on. The first batch of that layout (the rest of
 * one the ring cut short) goes out at once, then one per command answered
 * meanwhile. Runs at doorbells and while the host sleeps.
 */
static void fz_fw_refill(void)
{
	u32 wr = fw_statq_tx->write_ptr;
	bool was_ro = fz_statq_ro;

	if (fz_fw.in_reset || fz_fw.more_off >= fz_in_size ||
	    fz_fw.next < fz_fw.batches || wr >= SLOTS ||
	    fw_cmdq_rx->read_ptr != wr)
		return;
	/* what the host did so far, before the accounting starts afresh */
	fz_check_rd();
	statq_protect(false);
	fz_fw.rd0 = wr;
	fz_fw.published = 0;
	fz_layout(fz_fw.more_off, wr, fz_fw.more_seq, false);
	fz_fw.next = 1;
	fz_fw_publish(fz_fw.ends[0]);
	while (fz_fw.owed && fz_fw.next < fz_fw.batches) {
		fz_fw.owed--;
		fz_fw_publish(fz_fw.ends[fz_fw.next++]);
	}
	statq_protect(was_ro);
}

/* the host sleeps: the firmware gets to write */
static void fz_fw_run(void)
{
	if (fz_in)
		fz_fw_refill();
}

/* a doorbell: take the commands, then publish the next batch of replies */
static void fz_wr32(struct nvvgpu_pgpu *pgpu, u32 addr, u32 val)
{
	u32 whole;

	if (addr == NV_PFALCON_FALCON_ENGINE &&
	    (val & NV_PFALCON_FALCON_ENGINE_RESET)) {
		fz_fw_reset();
		return;
	}
	if (addr == NV_PFALCON_FALCON_CPUCTL &&
	    (val & NV_PFALCON_FALCON_CPUCTL_STARTCPU) && fz_fw.in_reset) {
		fz_fw_start();
		return;
	}
	/* held in reset, the firmware takes no commands: they wait */
	if (addr != NV_PGSP_QUEUE_HEAD(NV_PGSP_RPC_QUEUE_IDX) || fz_fw.in_reset)
		return;
	whole = fz_fw_consume();
	statq_protect(false);
	if (!fz_fw.stuck)
		fw_statq_rx->read_ptr = fz_fw.cmdq_pos;
	/* each whole command gets its batch of replies */
	while (whole--) {
		if (fz_fw.next < fz_fw.batches)
			fz_fw_publish(fz_fw.ends[fz_fw.next++]);
		else if (fz_fw.more_off < fz_in_size)
			fz_fw.owed++;
	}
	statq_protect(true);
	fz_fw_refill();
}

/* the shared block is the one the firmware side looks at */
static void *fz_dma_alloc(struct nvvgpu_pgpu *pgpu, size_t size,
			  dma_addr_t *addr)
{
	/* counts with kmalloc() for allocation failure injection */
	if (nvfuzz_alloc_fails())
		return NULL;
	if (size == NVGSP_SHARED_SIZE) {
		*addr = FZ_SHARED_ADDR;
		return fz_block;
	}
	*addr = 0x200000000ULL;
	return calloc(1, size);
}

static void fz_dma_free(struct nvvgpu_pgpu *pgpu, size_t size, void *vaddr,
			dma_addr_t addr)
{
	if (vaddr != fz_block)
		free(vaddr);
}

/*
 * The board loads the firmware and starts it on the LibOS arguments as the
 * transport did itself before backend ops v4: MAILBOX0/1, then STARTCPU,
 * which boots a firmware held in reset again (fz_fw_start()); at attach
 * the firmware already runs. Fails as a missing firmware file would when
 * the input asks.
 */
static int fz_fw_boot(struct nvvgpu_pgpu *pgpu, dma_addr_t libos_args)
{
	if (++fz_fw.boots == fz_fw.fail_boot)
		return -ENOENT;
	if (!libos_args)
		nvfuzz_bug("fw_boot without LibOS arguments");
	fz_wr32(pgpu, NV_PGSP_FALCON_MAILBOX0, lower_32_bits(libos_args));
	fz_wr32(pgpu, NV_PGSP_FALCON_MAILBOX1, upper_32_bits(libos_args));
	fz_wr32(pgpu, NV_PFALCON_FALCON_CPUCTL,
		NV_PFALCON_FALCON_CPUCTL_STARTCPU);
	return 0;
}

static int fz_system_info(struct nvvgpu_pgpu *pgpu,
			  struct nvvgpu_system_info *si)
{
	*si = fz_sysinfo;
	if (fz_fw.no_bar1)
		si->fb_bar_addr = 0;
	return 0;
}

/*
 * The board's vGPU type catalogue: two types that pass every check of
 * gsp_read_info() against the seeds' static information (4 GiB FB, 2048
 * channels). A non-zero fz_fw.catalogue (the scenario's arg0, bits 7:0)
 * makes it one the transport must refuse or take as it is: bits 7:6 the
 * count (the two, none, NVVGPU_MAX_TYPES, no catalogue file), bits 3:0
 * break one field of entry bits 5:4 (mod the count).
 */
static int fz_vgpu_types(struct nvvgpu_pgpu *pgpu,
			 struct nvvgpu_vgpu_type *types, u32 max)
{
	static const char * const names[] = { "FUZZ-1Q", "FUZZ-2C" };
	u8 v = fz_fw.catalogue;
	u32 i, n;
	struct nvvgpu_vgpu_type *t;

	switch (v >> 6) {
	case 0:
		n = ARRAY_SIZE(names);
		break;
	case 1:
		n = 0;
		break;
	case 2:
		n = NVVGPU_MAX_TYPES;
		break;
	default:
		return fz_fw.cat_n = -ENOENT;
	}
	n = min(n, max);
	memset(types, 0, (size_t)max * sizeof(*types));
	for (i = 0; i < n; i++) {
		t = &types[i];
		t->id = fz_type.id + i;
		if (i < ARRAY_SIZE(names))
			strscpy(t->name, names[i], sizeof(t->name));
		else
			snprintf(t->name, sizeof(t->name), "FUZZ-%uA", i);
		strscpy(t->class, i & 1 ? "Compute" : "Quadro",
			sizeof(t->class));
		t->fb_size = (1ULL << 30) << (i & 1);
		t->heap_size = 32 << 20;
		t->bar1_size = 256 << 20;
		t->max_instances = 4 >> (i & 1);
		t->num_channels = 64;
		t->device_id = 0x2238;
		t->subsystem_id = 0x1500 + i;
	}
	if (!n)
		return fz_fw.cat_n = 0;

	i = (v >> 4 & 3) % n;
	t = &types[i];
	switch (v & 0xf) {
	case 1:
		t->id = 0;
		break;
	case 2:
		t->name[0] = '\0';
		break;
	case 3:		/* unterminated */
		memset(t->name, 'N', sizeof(t->name));
		break;
	case 4:
		t->class[0] = '\0';
		break;
	case 5:
		memset(t->class, 'C', sizeof(t->class));
		break;
	case 6:
		t->fb_size = 0;
		break;
	case 7:		/* beyond any FB the static information can report */
		t->fb_size = 1ULL << 63;
		break;
	case 8:
		t->heap_size = 1ULL << 63;
		break;
	case 9:
		t->max_instances = 0;
		break;
	case 10:
		t->max_instances = NVVGPU_MAX_VGPUS_PER_PGPU + 1;
		break;
	case 11:
		t->num_channels = 0;
		break;
	case 12:	/* beyond the channels read_info accepts */
		t->num_channels = SZ_64K + 1;
		break;
	case 13:
		t->id = types[i ? 0 : n - 1].id;
		break;
	default:
		break;
	}
	return fz_fw.cat_n = n;
}

static const struct nvvgpu_backend_ops fz_backend = {
	.version = NVVGPU_BACKEND_OPS_VERSION,
	.name = "fuzz",
	.rd32 = fz_rd32,
	.wr32 = fz_wr32,
	.dma_alloc = fz_dma_alloc,
	.dma_free = fz_dma_free,
	.fw_boot = fz_fw_boot,
	.system_info = fz_system_info,
	.vgpu_types = fz_vgpu_types,
};

int nvfuzz_initialize(int *argc, char ***argv)
{
	size_t len = NVGSP_SHARED_SIZE + 2 * NVGSP_PAGE_SIZE;
	const char *race = getenv("NVFUZZ_RACE");
	u8 *map;

	nvfuzz_verbose = getenv("NVFUZZ_VERBOSE");
	nvfuzz_sleep_hook = fz_fw_run;
	fz_race_enabled = !race || strcmp(race, "0");
	fz_abi[0] = nvgsp_fw_abi_find("535.113.01");
	fz_abi[1] = nvgsp_fw_abi_find("570.144");
	if (!fz_abi[0] || !fz_abi[1])
		nvfuzz_bug("firmware releases missing from the version table");

	/* guard page, block, guard page: a stray access outside faults */
	map = mmap(NULL, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED)
		nvfuzz_bug("mmap: %m");
	fz_block = map + NVGSP_PAGE_SIZE;
	if (mprotect(fz_block, NVGSP_SHARED_SIZE, PROT_READ | PROT_WRITE))
		nvfuzz_bug("mprotect: %m");
	fw_cmdq_tx = (void *)(fz_block + NVGSP_CMDQ_OFFSET);
	fw_cmdq_rx = (void *)(fz_block + NVGSP_CMDQ_OFFSET +
			      NVGSP_QUEUE_RX_HDR_OFF);
	fw_cmdq_slots = fz_block + NVGSP_CMDQ_OFFSET + NVGSP_QUEUE_ENTRY_OFF;
	fz_statq = fz_block + NVGSP_STATQ_OFFSET;
	fw_statq_tx = (void *)fz_statq;
	fw_statq_rx = (void *)(fz_statq + NVGSP_QUEUE_RX_HDR_OFF);
	fw_statq_slots = fz_statq + NVGSP_QUEUE_ENTRY_OFF;
	fz_elem = malloc(NVGSP_MSG_MAX_SIZE);
	if (!fz_elem)
		nvfuzz_bug("out of memory");

	fz_pgpu.dev = &fz_dev;
	fz_pgpu.backend = &fz_backend;
	fz_pgpu.info.engine_mask = ~0ULL;
	fz_vgpu.pgpu = &fz_pgpu;
	fz_vgpu.type = &fz_type;
	fz_vgpu.part = (struct nvvgpu_partition) {
		.fb_offset = 0x10000000, .fb_size = 0x40000000,
		.heap_offset = 0x50000000, .heap_size = 0x2000000,
		.chid_base = 512, .chid_count = 64,
	};

	/* waits end after a few simulated milliseconds, not 2 s */
	gsp_rpc_timeout_ms = 2;
	return 0;
}

/* make the element consistent where the record's flags ask for it */
static void fz_fixup(struct nvgsp_msg_element *m, u32 bytes, u8 flags,
		     u32 seq, enum nvgsp_csum_rule rule)
{
	if (flags & NVFUZZ_REC_FIX_LEN)
		m->rpc.length = min_t(u32, max_t(u32, bytes, sizeof(*m)) -
				      NVGSP_MSG_HDR_SIZE, NVGSP_RPC_MAX_SIZE);
	if (flags & NVFUZZ_REC_FIX_HDR) {
		m->rpc.header_version = NVGSP_RPC_HEADER_VERSION;
		m->rpc.signature = NVGSP_RPC_SIGNATURE;
	}
	if ((flags & NVFUZZ_REC_FIX_COUNT) &&
	    m->rpc.length <= NVGSP_RPC_MAX_SIZE)
		m->elem_count = nvgsp_msg_elem_count(m->rpc.length);
	if (flags & NVFUZZ_REC_FIX_SEQ)
		m->seq_num = seq;
	if (!(flags & NVFUZZ_REC_FIX_CSUM))
		return;
	/* only where the covered range fits the element */
	if (rule == NVGSP_CSUM_WHOLE_SLOTS &&
	    (!m->elem_count || m->elem_count > NVGSP_MSG_MAX_SLOTS))
		return;
	if (rule == NVGSP_CSUM_MSG_LEN && m->rpc.length > NVGSP_RPC_MAX_SIZE)
		return;
	m->checksum = 0;
	m->checksum = nvgsp_msg_checksum(m, nvgsp_msg_csum_len(rule, m));
}

/*
 * Put the input's records, from byte @in_off of it, on the ring from slot
 * @rd on, never more than the 62 slots a producer may fill, and note where
 * each batch ends. A record that does not fit waits, with the ones after
 * it, for fz_fw_refill(). With @first_now the first batch is published at
 * once even if its first record says NEXT.
 */
static void fz_layout(size_t in_off, u32 rd, u32 seq, bool first_now)
{
	enum nvgsp_csum_rule rule = fz_fw.abi->csum_rule;
	const u8 *p = fz_in + in_off;
	size_t size = fz_in_size - in_off;
	u32 pos = rd, placed = 0;

	fz_fw.batches = 0;
	fz_fw.nrecs = 0;
	fz_fw.rec_next = 0;
	fz_fw.batch_rec[0] = 0;
	while (size >= NVFUZZ_REC_HDR_SIZE && placed < SLOTS - 1) {
		u8 flags = p[0];
		u32 bytes = min_t(size_t, get_le16(p + 1),
				  size - NVFUZZ_REC_HDR_SIZE);
		u32 n;

		bytes = min_t(u32, bytes, NVGSP_MSG_MAX_SIZE);
		memset(fz_elem, 0, fz_elem_dirty);
		memcpy(fz_elem, p + NVFUZZ_REC_HDR_SIZE, bytes);
		/* the fixups only touch the headers */
		fz_elem_dirty = max_t(size_t, bytes, sizeof(*fz_elem));
		fz_fixup(fz_elem, bytes, flags, seq, rule);

		n = fz_elem->elem_count;
		if (!n || n > NVGSP_MSG_MAX_SLOTS)
			n = clamp_t(u32, DIV_ROUND_UP(bytes, NVGSP_QUEUE_SLOT_SIZE),
				    1, NVGSP_MSG_MAX_SLOTS);
		/* the firmware writes a message only where it fits whole */
		if (n > SLOTS - 1 - placed)
			break;

		if ((flags & NVFUZZ_REC_NEXT) && !(first_now && !fz_fw.nrecs)) {
			fz_fw.ends[fz_fw.batches++] = pos;
			fz_fw.batch_rec[fz_fw.batches] = fz_fw.nrecs;
		}
		fz_fw.recs[fz_fw.nrecs].in_off = p - fz_in;
		p += NVFUZZ_REC_HDR_SIZE + bytes;
		size -= NVFUZZ_REC_HDR_SIZE + bytes;
		seq++;

		nvgsp_ring_write(fw_statq_slots, SLOTS, pos, fz_elem, n);
		fz_mark_ring(fw_statq_slots, pos, n);
		fz_fw.recs[fz_fw.nrecs].slot = pos;
		fz_fw.recs[fz_fw.nrecs].n = n;
		fz_fw.recs[fz_fw.nrecs++].flags = flags;
		pos = nvgsp_msgq_advance(pos, n, SLOTS);
		placed += n;
	}
	fz_fw.ends[fz_fw.batches++] = pos;
	fz_fw.more_off = size >= NVFUZZ_REC_HDR_SIZE ? (size_t)(p - fz_in) :
			 fz_in_size;
	fz_fw.more_seq = seq;
}

/*
 * The RM controls the host sends, with their parameter sizes in 535.113.01
 * and 570.144; the index is NVFUZZ_SC_RM_CONTROL's arg0, so entries keep
 * their place.
 */
static const struct {
	u32 cmd;
	u32 size[2];
} fz_controls[] = {
	{ NV2080_CTRL_CMD_GPU_GET_VMMU_SEGMENT_SIZE,
	  { sizeof(struct nv2080_ctrl_gpu_get_vmmu_segment_size_params),
	    sizeof(struct nv2080_ctrl_gpu_get_vmmu_segment_size_params) } },
	{ NV2080_CTRL_CMD_GPU_GET_ENGINES_V2,
	  { NV2080_GPU_GET_ENGINES_V2_SIZE(NV2080_GPU_MAX_ENGINES_LIST_SIZE_R535),
	    NV2080_GPU_GET_ENGINES_V2_SIZE(NV2080_GPU_MAX_ENGINES_LIST_SIZE_R570) } },
	{ NV2080_CTRL_CMD_FIFO_GET_INFO,
	  { sizeof(struct nv2080_ctrl_fifo_get_info_params),
	    sizeof(struct nv2080_ctrl_fifo_get_info_params) } },
	{ NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_BOOTLOAD_GSP_VGPU_PLUGIN_TASK,
	  { sizeof(struct nv2080_vgpu_bootload_params_r535),
	    sizeof(struct nv2080_vgpu_bootload_params_r570) } },
	{ NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_SHUTDOWN_GSP_VGPU_PLUGIN_TASK,
	  { sizeof(struct nv2080_vgpu_gfid_params),
	    sizeof(struct nv2080_vgpu_gfid_params) } },
	{ NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_ENUMERATE_VGPU_PER_PGPU,
	  { sizeof(struct nv2080_vgpu_enumerate_params),
	    sizeof(struct nv2080_vgpu_enumerate_params) } },
	{ NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_GET_VGPU_FB_USAGE,
	  { sizeof(struct nv2080_vgpu_fb_usage_params),
	    sizeof(struct nv2080_vgpu_fb_usage_params) } },
	/* larger than the status queue: its reply comes as the host reads */
	{ NV2080_CTRL_CMD_VGPU_MGR_INTERNAL_PGPU_ADD_VGPU_TYPE,
	  { sizeof(struct nv2080_vgpu_add_type_params_r535),
	    sizeof(struct nv2080_vgpu_add_type_params_r570) } },
};

static void fz_rm_control(struct nvvgpu_gsp *gsp, u16 arg0, u16 arg1)
{
	unsigned int i = arg0 % ARRAY_SIZE(fz_controls);
	bool r570 = fz_fw.abi == fz_abi[1];
	u32 size = arg1 ? arg1 : fz_controls[i].size[r570];
	void *params;

	/* the live test module's echo: large requests, reply checked bytewise */
	if (arg0 & 0x8000) {
		gsp->h_client = NVFUZZ_H_CLIENT;
		gsp_test_echo(gsp, arg1,
			      arg0 & 0x100 ? NVVGPU_EMU_ECHO_INVERT : 0,
			      NVFUZZ_ECHO_COOKIE);
		gsp->h_client = 0;
		return;
	}
	/* exact size, so that ASan sees a reply copied past the params */
	params = calloc(1, size);
	if (!params)
		return;
	gsp_rm_control(gsp, NVFUZZ_H_INTERNAL_CLIENT,
		       NVFUZZ_H_INTERNAL_SUBDEVICE, fz_controls[i].cmd, params,
		       size);
	free(params);
}

static void fz_call(struct nvvgpu_gsp *gsp, u16 fn, u16 reply_len)
{
	static const u8 req[16];
	void *reply = reply_len ? malloc(reply_len) : NULL;

	if (reply_len && !reply)
		return;
	gsp_rpc_call(gsp, fn, req, sizeof(req), reply, reply_len);
	free(reply);
}

/*
 * What gsp_read_info() promises about the information it accepted: FB,
 * VMMU segment, channels (FIFO_GET_INFO) and engines (GET_ENGINES_V2) as
 * the firmware reported them within bounds, and the board's catalogue
 * whole, every type within the pgpu and no id twice.
 */
static void fz_check_info(const struct nvvgpu_pgpu_info *info)
{
	u32 i, j;

	if (!info->fb_size || !is_power_of_2(info->vmmu_segment_size) ||
	    info->vmmu_segment_size > info->fb_size || !info->num_channels ||
	    info->num_channels > SZ_64K || !info->engine_mask ||
	    info->num_types > NVVGPU_MAX_TYPES ||
	    info->num_types > NVA081_MAX_VGPU_TYPES_PER_PGPU)
		nvfuzz_bug("read_info accepted fb %#llx vmmu %#llx ch %u eng %#llx types %u",
			   info->fb_size, info->vmmu_segment_size,
			   info->num_channels, info->engine_mask,
			   info->num_types);
	if ((int)info->num_types != fz_fw.cat_n)
		nvfuzz_bug("read_info kept %u vGPU types of a catalogue of %d",
			   info->num_types, fz_fw.cat_n);
	for (i = 0; i < info->num_types; i++) {
		const struct nvvgpu_vgpu_type *t = &info->types[i];

		if (!t->id || !t->name[0] ||
		    strnlen(t->name, sizeof(t->name)) >=
		    min_t(size_t, sizeof(t->name), NVA081_VGPU_STRING_BUFFER_SIZE) ||
		    !t->class[0] ||
		    strnlen(t->class, sizeof(t->class)) == sizeof(t->class) ||
		    !t->fb_size || t->fb_size > info->fb_size ||
		    t->heap_size > info->fb_size || !t->max_instances ||
		    t->max_instances > NVVGPU_MAX_VGPUS_PER_PGPU ||
		    !t->num_channels || t->num_channels > info->num_channels)
			nvfuzz_bug("read_info accepted vGPU type %u (index %u)",
				   t->id, i);
		for (j = 0; j < i; j++)
			if (info->types[j].id == t->id)
				nvfuzz_bug("read_info accepted vGPU type %u twice",
					   t->id);
	}
}

static void fz_read_info(struct nvvgpu_gsp *gsp, u16 arg0)
{
	struct nvvgpu_pgpu_info *info = calloc(1, sizeof(*info));

	if (!info)
		return;
	fz_fw.catalogue = arg0 & 0xff;
	gsp->h_client = NVFUZZ_H_CLIENT;
	if (!gsp_read_info(gsp, info))
		fz_check_info(info);
	gsp->h_client = 0;
	free(info);
}

static void fz_client(struct nvvgpu_gsp *gsp)
{
	if (gsp_rm_client_alloc(gsp))
		return;
	gsp_vgpu_bootload(gsp, &fz_vgpu);
	gsp_rm_client_free(gsp);
}

/*
 * The core's calls into the transport over a pgpu's life, through the
 * transport's own ops table: attach (boot, RM client), read_info, an
 * interrupt, a vGPU's bootload and shutdown, maybe a reset of the firmware,
 * detach (client free, unload).
 */
static void fz_lifecycle(u16 arg0)
{
	const struct nvvgpu_transport_ops *ops = nvfuzz_gsp_transport_ops();
	struct nvvgpu_gsp *gsp;
	void *priv = NULL;

	memset(&fz_pgpu.info, 0, sizeof(fz_pgpu.info));
	fz_fw.booting = true;
	fz_fw.catalogue = arg0 & 0xff;
	fz_fw.no_bar1 = arg0 & 0x4000;
	/* the board cannot boot the firmware: at attach, or at the reset */
	if (arg0 & 0x2000)
		fz_fw.fail_boot = arg0 & 0x200 ? 2 : 1;
	/* a release nvvgpu does not support, now and then */
	strscpy(fz_pgpu.fw_version, arg0 & 0x100 ? "550.54.14" :
		fz_fw.abi->version, sizeof(fz_pgpu.fw_version));
	if (ops->base.attach(&fz_pgpu, &priv))
		return;
	gsp = priv;
	fz_fw.gsp = gsp;
	fz_pgpu.prov_priv[NVVGPU_PROVIDER_TRANSPORT] = priv;

	/* the core keeps the information in the pgpu */
	if (!ops->read_info(&fz_pgpu, &fz_pgpu.info))
		fz_check_info(&fz_pgpu.info);
	else
		fz_pgpu.info.engine_mask = ~0ULL;
	ops->irq(&fz_pgpu);
	nvfuzz_run_work();
	if (!ops->vgpu_bootload(&fz_vgpu))
		ops->vgpu_shutdown(&fz_vgpu);
	/* an administrator resets the firmware (debugfs gsp/reset) */
	if (arg0 & 0x200) {
		fz_pgpu.num_vgpus = arg0 & 0x400 ? 1 : 0;
		fz_fw.scrubbing = arg0 & 0x800;
		fz_fw.core_busy = arg0 & 0x1000;
		gsp_reset(gsp);
		fz_pgpu.num_vgpus = 0;
		fz_fw.scrubbing = false;
		fz_fw.core_busy = false;
	}

	ops->base.detach(&fz_pgpu, priv);
	fz_pgpu.prov_priv[NVVGPU_PROVIDER_TRANSPORT] = NULL;
	fz_fw.gsp = NULL;
}

static void fz_run(struct nvvgpu_gsp *gsp, enum nvfuzz_scenario sc,
		   u16 arg0, u16 arg1)
{
	switch (sc) {
	case NVFUZZ_SC_DRAIN:
		break;
	case NVFUZZ_SC_WAIT_EVENT:
		gsp_rpc_wait_event(gsp, arg0 % (NVGSP_EVENT_NR + 1),
				   gsp_rpc_timeout_ms);
		break;
	case NVFUZZ_SC_CALL:
		fz_call(gsp, arg0, arg1);
		break;
	case NVFUZZ_SC_RM_CONTROL:
		fz_rm_control(gsp, arg0, arg1);
		break;
	case NVFUZZ_SC_RM_FREE:
		gsp_rm_free(gsp, NVFUZZ_H_CLIENT, arg0 & 1 ? NVFUZZ_H_CLIENT :
			    NVVGPU_RM_HANDLE_DEVICE);
		gsp_vgpu_shutdown(gsp, &fz_vgpu);
		break;
	case NVFUZZ_SC_READ_INFO:
		fz_read_info(gsp, arg0);
		break;
	case NVFUZZ_SC_CLIENT:
		fz_client(gsp);
		break;
	default:
		break;
	}
	/* then the SWGEN0 work item drains whatever is left */
	schedule_work(&gsp->recv_work);
	nvfuzz_run_work();
}

/* the transport after the pre-attached scenarios: nothing left behind */
static void fz_check_gsp(struct nvvgpu_gsp *gsp)
{
	if (gsp->cmdq_lock.held || gsp->msgq_lock.held || gsp->rpc_serial.held)
		nvfuzz_bug("a transport lock is still held");
	if (!list_empty(&gsp->waiters) || atomic_read(&gsp->nr_waiting) ||
	    gsp->rx_cont)
		nvfuzz_bug("an RPC waiter is still registered after it returned");
	if (gsp->h_client || !ida_is_empty(&gsp->client_ida))
		nvfuzz_bug("RM client handle %#x still allocated", gsp->h_client);
}

/* the host's statq read pointer: in range, never past what was published */
static void fz_check_rd(void)
{
	u32 rd0 = fz_fw.rd0, rd = fw_cmdq_rx->read_ptr;

	if (rd0 >= SLOTS) {
		if (rd != rd0)
			nvfuzz_bug("host moved an out-of-range read pointer %u to %u",
				   rd0, rd);
		return;
	}
	if (rd >= SLOTS)
		nvfuzz_bug("host statq read pointer %u out of range", rd);
	if (nvgsp_msgq_used_slots(rd0, rd, SLOTS) > fz_fw.published)
		nvfuzz_bug("host consumed %u slots, firmware published %u",
			   nvgsp_msgq_used_slots(rd0, rd, SLOTS),
			   fz_fw.published);
}

/* the transport as the core leaves it after attach */
static int fz_gsp_init(struct nvvgpu_gsp *gsp, const struct nvgsp_fw_abi *abi)
{
	memset(gsp, 0, sizeof(*gsp));
	gsp->pgpu = &fz_pgpu;
	gsp->dev = &fz_dev;
	gsp->abi = abi;
	gsp->shared.vaddr = fz_block;
	gsp->shared.addr = FZ_SHARED_ADDR;
	gsp->shared.size = NVGSP_SHARED_SIZE;
	gsp->booted = true;
	gsp->internal = (struct nvgsp_internal_handles) {
		NVFUZZ_H_INTERNAL_CLIENT, NVFUZZ_H_INTERNAL_DEVICE,
		NVFUZZ_H_INTERNAL_SUBDEVICE,
	};
	gsp_rpc_init(gsp);
	ida_init(&gsp->client_ida);
	if (gsp_event_init && gsp_event_init(gsp))
		return -ENOMEM;
	return gsp_msgq_init(gsp);
}

/* what gsp_free() does of it */
static void fz_gsp_fini(struct nvvgpu_gsp *gsp)
{
	gsp_rpc_fini(gsp);
	if (gsp_event_fini)
		gsp_event_fini(gsp);
	gsp_msgq_fini(gsp);
}

int nvfuzz_test_one_input(const u8 *data, size_t size)
{
	struct nvvgpu_gsp *gsp = &fz_gsp;
	u8 hdr[NVFUZZ_HDR_SIZE] = { 0 };
	size_t n = min_t(size_t, size, sizeof(hdr));
	enum nvfuzz_scenario sc;
	u8 cfg;
	u32 seq;

	memcpy(hdr, data, n);
	data += n;
	size -= n;
	cfg = hdr[0];
	/* nothing for the firmware to write until the ring is laid out */
	fz_in = NULL;
	fz_in_size = 0;
	sc = (cfg & NVFUZZ_CFG_SCENARIO_MASK) >> NVFUZZ_CFG_SCENARIO_SHIFT;

	memset(&fz_fw, 0, sizeof(fz_fw));
	fz_fw.abi = fz_abi[cfg & NVFUZZ_CFG_FW_570 ? 1 : 0];
	fz_fw.mailbox = cfg & NVFUZZ_CFG_MAILBOX ? get_le32(hdr + 12) : 0;
	fz_fw.halt = cfg & NVFUZZ_CFG_MAILBOX;
	fz_fw.stuck = cfg & NVFUZZ_CFG_CMDQ_STUCK;
	fz_vgpu.id = get_le16(hdr + 10) % NVVGPU_MAX_VGPUS_PER_PGPU;
	statq_protect(false);
	fz_clean();
	/* the PTE page and the headers are written every time */
	fz_mark(fz_block, NVGSP_CMDQ_OFFSET + NVGSP_PAGE_SIZE);
	fz_mark(fz_statq, NVGSP_PAGE_SIZE);
	nvfuzz_clock_reset();
	nvfuzz_random_seed(0x6e76766770750000ULL);
	nvfuzz_fail_alloc_at(hdr[18]);

	/* where the host stands: a fresh queue when it boots it itself */
	if (sc == NVFUZZ_SC_LIFECYCLE) {
		fz_fw.rd0 = 0;
		seq = 0;
	} else {
		if (fz_gsp_init(gsp, fz_fw.abi)) {
			fz_gsp_fini(gsp);
			nvfuzz_fail_alloc_at(0);
			return 0;
		}
		fz_fw.gsp = gsp;
		fz_fw.rd0 = hdr[1] % 64;
		seq = get_le32(hdr + 4);
		fw_cmdq_rx->read_ptr = fz_fw.rd0;
		gsp->msgq_seq = seq;
	}

	/* what the firmware left: its producer header and the ring */
	nvgsp_msgq_tx_init(fw_statq_tx);
	fw_statq_rx->read_ptr = hdr[3] % 64;
	fz_in = data;
	fz_in_size = size;
	fz_layout(0, fz_fw.rd0 % SLOTS, seq, false);
	fz_fw.next = 1;
	fz_fw_publish(cfg & NVFUZZ_CFG_WR_AUTO ? fz_fw.ends[0] : hdr[2]);
	statq_protect(true);

	fz_race.armed = fz_race_enabled && (cfg & NVFUZZ_CFG_RACE);
	fz_race.countdown = hdr[16];
	/* mostly the header words the host checks, else anywhere early */
	fz_race.off = hdr[17] & 0x80 ? 4 * (hdr[17] & 0x7f) :
		      offsetof(struct nvgsp_msg_element, checksum) +
		      4 * (hdr[17] % 12);
	fz_race.val = get_le32(hdr + 20);

	if (sc == NVFUZZ_SC_LIFECYCLE) {
		fz_lifecycle(get_le16(hdr + 8));
	} else {
		fz_run(gsp, sc, get_le16(hdr + 8), get_le16(hdr + 10));
		fz_check_gsp(gsp);
	}

	fz_race.armed = false;
	nvfuzz_fail_alloc_at(0);
	/*
	 * A firmware still held in reset (the reset failed) takes nothing, and
	 * its queues belong to nobody.
	 */
	if (!fz_fw.in_reset) {
		fz_check_rd();
		fz_fw_consume();
	}
	fz_mark_ring(fw_cmdq_slots, 0, fz_fw.cmdq_slots);
	if (sc != NVFUZZ_SC_LIFECYCLE)
		fz_gsp_fini(gsp);
	if (nvfuzz_work_pending())
		nvfuzz_bug("work still queued after the transport is gone");
	return 0;
}
