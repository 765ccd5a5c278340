// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu-work: a guest driver for an nvvgpu vGPU, taking the device as a
 * VMM would (VFIO container, group and device of an mdev; reset; BAR1
 * mmap for FB; BAR0 through the region; MSI-X vector 0, or MSI, on an
 * eventfd; the error eventfd), or, with --pci-sysfs, the vGPU as a nested
 * guest sees it (BAR0/BAR1 mmapped from /sys/bus/pci/devices/BDF/, no
 * interrupt handler: semaphores are polled; --vf-interrupts still has the
 * VF raise its interrupts, for the VMM to deliver). It allocates channels over the
 * plugin mailbox, lays out GPFIFO rings, USERD pages and pushbuffers in
 * its FB, and runs workloads on them as Documentation/sim-hardware.rst
 * programs the simulated GPU. Layouts come from the project's ABI headers
 * (nvvgpu-abi.h).
 *
 * Usage: nvvgpu-work (UUID | --pci-sysfs BDF) [options]
 *   --compute-ns N      compute launches of N ns (GR0)
 *   --duty P            ... at a duty cycle of P percent (default 100)
 *   --copy-stream       CE copies of --copy-size bytes (default 64 KiB)
 *   --fill              CE fills of --copy-size bytes
 *   --burst K           submit K entries at once, then wait for all
 *   --seconds S         run for S seconds (default 2; fractions allowed);
 *                       SIGUSR1 ends the workload sooner, after the jobs
 *                       in flight completed, with the usual report
 *   --ce N              copy engine 0 or 1 (default 0)
 *   --timeout-ms T      interrupt timeout before polling (default 2000)
 *   --hostile MODE      gpput, doorbell-storm, garbage, oob, endless or ecc
 *                       first, then the workload on a fresh channel (ecc:
 *                       a copy over the FB page at ECC_PAGE, which the host
 *                       has made an ECC error through the sim's
 *                       fault/ecc_page, then, the page being retired, a
 *                       copy onto it on a fresh channel: both must error)
 *   --pattern-write V   write the 32-bit V over the FB through BAR1
 *   --expect-zero       check the FB reads zero through BAR1 and a CE copy
 *   --bytes N           limit --pattern-write/--expect-zero to N bytes
 *   --no-reset          skip VFIO_DEVICE_RESET
 *   --fb-size N         the FB size (default: the mdev type's framebuffer=,
 *                       or BAR1's size with --pci-sysfs)
 *   --bench             instead of a workload, the benchmark of
 *                       tests/bench/work-bench.sh: empty jobs' doorbell to
 *                       interrupt latency beside an eventfd round trip, and
 *                       BAR1 write bandwidth beside memcpy() (see run_bench)
 *   --samples N         latency samples of each kind (default 2000)
 *   --bench-size B      bytes per bandwidth pass (default 8M)
 *   --passes P          bandwidth passes of each kind (default 21)
 *   --vf-interrupts     with --pci-sysfs: enable the VF's interrupts as the
 *                       VFIO transport does, and acknowledge the leaf bits
 *                       found while polling
 *
 * Output: one "name: value" line per metric, then "result: ok" or
 * "result: FAIL <why>"; exit 0 only with "result: ok". Lines starting
 * with '#' are commentary.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <linux/pci_regs.h>
#include <linux/vfio.h>

#include "nvvgpu-abi.h"

#define REGION(i)	((uint64_t)(i) << 40)
#define SZ_4K		0x1000ULL
#define SZ_64K		0x10000ULL
#define SZ_1M		0x100000ULL
#define BAR0_SIZE	(16 * SZ_1M)

/*
 * The tool's FB layout (offsets in the vGPU's own FB):
 *   0x000000  RPC buffer (4 KiB)
 *   1 MiB * (1 + slot)  channel slot: ring, USERD +4K, semaphore +8K,
 *             pushbuffers +64K (PB_SLOT bytes per ring entry)
 *   6 MiB     --hostile ecc: copy source (ECC_PAGE in it), 7 MiB its
 *             destination
 *   8 MiB     copy source, then destination, then the guard pattern
 *   after     idle: sampled and checksummed at start and end
 */
#define RPC_OFF		0
#define CHAN_SLOTS	4
#define CHAN_AREA(s)	(SZ_1M * (1 + (s)))
#define CHAN_ENTRIES	256
#define PB_SLOT		512
#define DATA_BASE	(8 * SZ_1M)
#define ECC_SRC		(6 * SZ_1M)
#define ECC_DST		(7 * SZ_1M)
#define ECC_LEN		(256 * SZ_4K / 4)
#define ECC_PAGE	(ECC_SRC + 128 * SZ_4K / 4)	/* 0x620000 */
#define GUARD_SIZE	SZ_1M
#define IDLE_SAMPLES	16
#define IDLE_CHUNK	SZ_64K
#define MAX_BURST	64

#define H_CLIENT	0xc1d00001
#define H_DEVICE	0xde000001
#define H_CHANNEL_BASE	0xcafe0000

/* FIELD_PREP for the ABI headers' masks */
#define FIELD(mask, v)	((uint32_t)(((uint64_t)(v) << __builtin_ctzl(mask)) & (mask)))
#define SEC_OP(x)	FIELD(NVC56F_DMA_SEC_OP, x)
#define MTHD(sc, m, n, op) \
	(SEC_OP(op) | FIELD(NVC56F_DMA_METHOD_COUNT, n) | \
	 FIELD(NVC56F_DMA_METHOD_SUBCHANNEL, sc) | \
	 FIELD(NVC56F_DMA_METHOD_ADDRESS, (m) >> 2))
#define INC(sc, m, n)	MTHD(sc, m, n, NVC56F_DMA_SEC_OP_INC_METHOD)
#define SC_GR		0
#define SC_CE		4

/* NVC6B5_LAUNCH_DMA_DATA_TRANSFER_TYPE_NON_PIPELINED */
#define CE_TRANSFER_NON_PIPELINED	2

struct chan {
	bool live;
	unsigned int slot;
	uint32_t handle;
	uint32_t chid;
	uint32_t engine;
	uint64_t ring, userd, sem, pb;
	uint32_t put;		/* next GP_PUT */
	uint32_t seq;		/* last semaphore payload submitted */
};

enum transport { T_VFIO, T_SYSFS };
enum work { W_NONE, W_COMPUTE, W_COPY, W_FILL };

static struct {
	enum transport transport;
	const char *uuid, *bdf;
	int container, group, fd;
	uint32_t *bar0;		/* sysfs transport */
	uint8_t *bar1;
	uint64_t bar1_size, fb_size, visible;
	int irq_efd, err_efd;
	const char *irq_kind;
	uint32_t rpc_seq;
	uint32_t next_handle;
	unsigned int next_slot;
	/* options */
	enum work work;
	uint64_t compute_ns, copy_size, bytes;
	unsigned int duty, burst, ce;
	double seconds;
	unsigned int timeout_ms;
	const char *hostile;
	bool pattern_write, expect_zero, no_reset, bench, vf_interrupts;
	bool vf_intr_on;	/* enable_vf_interrupts() was called */
	uint32_t pattern;
	unsigned int samples, passes;
	uint64_t bench_size;
	/* metrics */
	uint64_t jobs, gpu_ns, copy_bytes, fill_bytes, verified;
	uint64_t irqs, rpc_irqs, err_irqs, lost, errors, err_events;
	uint64_t verify_failures, hostile_errors, leaf_acks;
	uint64_t *lat;
	size_t nlat, lat_cap;
	char why[256];
	/* the idle regions' checksums and the guard */
	uint64_t idle_off[IDLE_SAMPLES];
	uint64_t idle_sum[IDLE_SAMPLES];
	unsigned int nidle;
	uint64_t guard_off;
} g = {
	.fd = -1, .container = -1, .group = -1, .irq_efd = -1, .err_efd = -1,
	.duty = 100, .burst = 1, .seconds = 2, .timeout_ms = 2000,
	.samples = 2000, .passes = 21, .bench_size = 8 * SZ_1M,
	.copy_size = SZ_64K, .next_handle = H_CHANNEL_BASE, .irq_kind = "none",
};

static void fail(const char *fmt, ...)
{
	va_list ap;

	if (g.why[0])
		return;
	va_start(ap, fmt);
	vsnprintf(g.why, sizeof(g.why), fmt, ap);
	va_end(ap);
	printf("# FAIL: %s\n", g.why);
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static void sleep_ns(uint64_t ns)
{
	struct timespec ts = { .tv_sec = ns / 1000000000ULL,
			       .tv_nsec = ns % 1000000000ULL };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* BAR0 */

static uint32_t rd32(uint32_t off)
{
	uint32_t v = 0xffffffff;

	if (g.transport == T_SYSFS)
		return __atomic_load_n(&g.bar0[off / 4], __ATOMIC_SEQ_CST);
	if (pread(g.fd, &v, 4, REGION(VFIO_PCI_BAR0_REGION_INDEX) + off) != 4)
		fail("BAR0 read at %#x: %s", off, strerror(errno));
	return v;
}

static void wr32(uint32_t off, uint32_t v)
{
	if (g.transport == T_SYSFS) {
		__atomic_store_n(&g.bar0[off / 4], v, __ATOMIC_SEQ_CST);
		return;
	}
	__sync_synchronize();
	if (pwrite(g.fd, &v, 4, REGION(VFIO_PCI_BAR0_REGION_INDEX) + off) != 4)
		fail("BAR0 write at %#x: %s", off, strerror(errno));
}

/* FB through BAR1 */

/* single 32-bit accesses the engine may race with */
static uint32_t fb_rd32(uint64_t off)
{
	return __atomic_load_n((uint32_t *)(g.bar1 + off), __ATOMIC_SEQ_CST);
}

static void fb_wr32(uint64_t off, uint32_t v)
{
	__atomic_store_n((uint32_t *)(g.bar1 + off), v, __ATOMIC_SEQ_CST);
}

static void fb_fill32(uint64_t off, uint64_t len, uint32_t seed, bool ramp)
{
	uint32_t *p = (uint32_t *)(g.bar1 + off);
	uint64_t i;

	for (i = 0; i < len / 4; i++)
		p[i] = ramp ? seed ^ (uint32_t)(i * 0x9e3779b9u) : seed;
}

/* the index of the first word that differs, or -1 */
static int64_t fb_check32(uint64_t off, uint64_t len, uint32_t seed, bool ramp)
{
	const uint32_t *p = (const uint32_t *)(g.bar1 + off);
	uint64_t i;

	for (i = 0; i < len / 4; i++)
		if (p[i] != (ramp ? seed ^ (uint32_t)(i * 0x9e3779b9u) : seed))
			return i;
	return -1;
}

static uint64_t fb_sum(uint64_t off, uint64_t len)
{
	const uint64_t *p = (const uint64_t *)(g.bar1 + off);
	uint64_t h = 0xcbf29ce484222325ULL, i;

	for (i = 0; i < len / 8; i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	return h;
}

/* interrupts */

static int set_irqs(unsigned int index, uint32_t flags, uint32_t count,
		    int32_t *fds)
{
	char buf[sizeof(struct vfio_irq_set) + sizeof(int32_t)];
	struct vfio_irq_set *set = (void *)buf;

	memset(buf, 0, sizeof(buf));
	set->argsz = sizeof(*set) + (fds ? count * sizeof(int32_t) : 0);
	set->flags = flags;
	set->index = index;
	set->start = 0;
	set->count = count;
	if (fds)
		memcpy(set->data, fds, count * sizeof(int32_t));
	return ioctl(g.fd, VFIO_DEVICE_SET_IRQS, set) ? -errno : 0;
}

/*
 * Wait up to @ms for the interrupt or error eventfd. Acknowledges the VF's
 * leaf bits. Return: interrupt messages received (the eventfd count);
 * *@err is set when the error eventfd fired.
 */
static uint64_t irq_wait(int ms, bool *err, uint32_t *leaf_out)
{
	struct pollfd p[2] = {
		{ .fd = g.irq_efd, .events = POLLIN },
		{ .fd = g.err_efd, .events = POLLIN },
	};
	uint64_t n = 0, e;
	uint32_t leaf;

	if (g.irq_efd < 0) {
		/* --pci-sysfs: poll; acknowledge what the VF raised */
		if (g.vf_intr_on) {
			leaf = rd32(NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF(0));
			if (leaf) {
				wr32(NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF(0), leaf);
				g.leaf_acks++;
			}
			if (leaf & NVVGPU_SIM_VF_INTR_CHANNEL_ERROR)
				*err = true;
			if (leaf_out)
				*leaf_out |= leaf;
		}
		sleep_ns(20000);
		return 0;
	}
	if (poll(p, 2, ms) <= 0)
		return 0;
	if ((p[0].revents & POLLIN) &&
	    read(g.irq_efd, &n, sizeof(n)) != sizeof(n))
		n = 0;
	if ((p[1].revents & POLLIN) &&
	    read(g.err_efd, &e, sizeof(e)) == sizeof(e)) {
		g.err_events += e;
		*err = true;
	}
	if (n) {
		leaf = rd32(NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF(0));
		if (leaf)
			wr32(NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF(0), leaf);
		if (leaf & NVVGPU_SIM_VF_INTR_CHANNEL_ERROR)
			*err = true;
		if (leaf_out)
			*leaf_out |= leaf;
	}
	return n;
}

/* the plugin mailbox */

static uint32_t rpc_call(uint32_t function, void *payload, uint32_t len)
{
	struct nvgsp_rpc_header *h = (void *)(g.bar1 + RPC_OFF);
	uint64_t deadline, n = 0;
	uint32_t seq = ++g.rpc_seq, leaf = 0;
	bool err = false;

	memset((void *)h, 0, NVVGPU_SIM_VF_RPC_BUF_SIZE);
	h->header_version = NVGSP_RPC_HEADER_VERSION;
	h->signature = NVGSP_RPC_SIGNATURE;
	h->length = sizeof(*h) + len;
	h->function = function;
	h->rpc_result = NVGSP_RPC_RESULT_PENDING;
	h->rpc_result_private = NVGSP_RPC_RESULT_PENDING;
	h->sequence = seq;
	memcpy(h + 1, payload, len);
	wr32(NVVGPU_SIM_VF_RPC_ADDR_LO, (uint32_t)RPC_OFF);
	wr32(NVVGPU_SIM_VF_RPC_ADDR_HI, (uint32_t)((uint64_t)RPC_OFF >> 32));
	wr32(NV_VIRTUAL_FUNCTION_PRIV_DOORBELL, seq);

	deadline = now_ns() + g.timeout_ms * 1000000ULL;
	while (now_ns() < deadline) {
		if (g.irq_efd >= 0 && n >= 1 && (leaf & NVVGPU_SIM_VF_INTR_RPC) &&
		    rd32(NVVGPU_SIM_VF_RPC_SEQ_DONE) == seq)
			break;
		if (g.irq_efd < 0 && rd32(NVVGPU_SIM_VF_RPC_SEQ_DONE) == seq)
			break;
		n += irq_wait(50, &err, &leaf);
	}
	g.rpc_irqs += n;
	if (rd32(NVVGPU_SIM_VF_RPC_SEQ_DONE) != seq) {
		fail("RPC %u (seq %u) not answered in %u ms", function, seq,
		     g.timeout_ms);
		return NV_ERR_TIMEOUT;
	}
	if (g.irq_efd >= 0 && !n) {
		printf("# RPC %u answered without an interrupt\n", function);
		g.lost++;
	}
	__sync_synchronize();
	memcpy(payload, h + 1, len);
	return h->rpc_result;
}

static int chan_alloc(struct chan *c, uint32_t engine)
{
	struct nvvgpu_sim_alloc_channel a;
	uint32_t st;

	memset(c, 0, sizeof(*c));
	c->slot = g.next_slot++ % CHAN_SLOTS;
	c->engine = engine;
	c->ring = CHAN_AREA(c->slot);
	c->userd = c->ring + SZ_4K;
	c->sem = c->ring + 2 * SZ_4K;
	c->pb = c->ring + SZ_64K;
	c->handle = g.next_handle++;
	memset(g.bar1 + c->ring, 0, SZ_64K + CHAN_ENTRIES * PB_SLOT);

	memset(&a, 0, sizeof(a));
	a.h_client = H_CLIENT;
	a.h_parent = H_DEVICE;
	a.h_channel = c->handle;
	a.h_class = AMPERE_CHANNEL_GPFIFO_A;
	a.params.gp_fifo_offset = c->ring;
	a.params.gp_fifo_entries = CHAN_ENTRIES;
	a.params.userd_mem.base = c->userd;
	a.params.engine_type = engine;
	a.chid = 0xffffffff;
	st = rpc_call(NV_VGPU_MSG_FUNCTION_ALLOC_CHANNEL_DMA, &a, sizeof(a));
	if (st != NV_OK) {
		fail("ALLOC_CHANNEL_DMA (engine %#x): status %#x", engine, st);
		return -1;
	}
	c->chid = a.chid;
	c->live = true;
	printf("# channel %#x: chid %u engine %#x ring %#llx\n", c->handle,
	       c->chid, engine, (unsigned long long)c->ring);
	return 0;
}

static void chan_free(struct chan *c)
{
	struct nvgsp_rpc_free f = {
		.h_root = H_CLIENT,
		.h_object_old = c->handle,
	};
	uint32_t st;

	if (!c->live)
		return;
	st = rpc_call(NV_VGPU_MSG_FUNCTION_FREE, &f, sizeof(f));
	if (st != NV_OK)
		fail("FREE of channel %#x: status %#x", c->handle, st);
	c->live = false;
}

/* a pushbuffer under construction */
struct pb {
	uint32_t *p;
	unsigned int n;
};

static void pb_inc(struct pb *b, unsigned int sc, uint32_t mthd,
		   unsigned int count, ...)
{
	va_list ap;
	unsigned int i;

	b->p[b->n++] = INC(sc, mthd, count);
	va_start(ap, count);
	for (i = 0; i < count; i++)
		b->p[b->n++] = va_arg(ap, uint32_t);
	va_end(ap);
}

/* the next pushbuffer slot of @c */
static struct pb pb_begin(struct chan *c)
{
	struct pb b = {
		.p = (uint32_t *)(g.bar1 + c->pb + (uint64_t)(c->put % CHAN_ENTRIES) *
				  PB_SLOT),
	};

	return b;
}

/* write the GPFIFO entry for @b; GP_PUT is written by chan_kick() */
static void pb_end(struct chan *c, struct pb *b)
{
	uint64_t addr = c->pb + (uint64_t)(c->put % CHAN_ENTRIES) * PB_SLOT;
	uint64_t e = c->ring + (uint64_t)(c->put % CHAN_ENTRIES) *
		     NVC56F_GP_ENTRY__SIZE;

	fb_wr32(e, (uint32_t)addr & NVC56F_GP_ENTRY0_GET);
	fb_wr32(e + 4, FIELD(NVC56F_GP_ENTRY1_GET_HI, addr >> 32) |
		FIELD(NVC56F_GP_ENTRY1_LENGTH, b->n));
	c->put = (c->put + 1) % CHAN_ENTRIES;
}

static void chan_kick(struct chan *c, uint32_t gp_put)
{
	__sync_synchronize();
	fb_wr32(c->userd + NVC56F_USERD_GP_PUT, gp_put);
	wr32(NV_VIRTUAL_FUNCTION_DOORBELL, c->chid);
}

static uint32_t sem_read(struct chan *c)
{
	return fb_rd32(c->sem);
}

/* semaphore release and non-stall interrupt through the host methods */
static void pb_host_release(struct pb *b, struct chan *c, unsigned int sc,
			    uint32_t payload)
{
	pb_inc(b, sc, NVC56F_SEM_ADDR_LO, 5, (uint32_t)c->sem & ~3u,
	       (uint32_t)(c->sem >> 32) & 0xff, payload, 0,
	       FIELD(NVC56F_SEM_EXECUTE_OPERATION,
		     NVC56F_SEM_EXECUTE_OPERATION_RELEASE));
	pb_inc(b, sc, NVC56F_NON_STALL_INTERRUPT, 1, 0);
}

static void pb_compute(struct chan *c, uint64_t ns, bool wfi)
{
	struct pb b = pb_begin(c);

	c->seq++;
	pb_inc(&b, SC_GR, NVC56F_SET_OBJECT, 1, AMPERE_COMPUTE_A);
	pb_inc(&b, SC_GR, NVVGPU_SIM_COMPUTE_PREEMPT_MODE, 1,
	       wfi ? NVVGPU_SIM_COMPUTE_PREEMPT_WFI : NVVGPU_SIM_COMPUTE_PREEMPT_CTA);
	pb_inc(&b, SC_GR, NVVGPU_SIM_COMPUTE_LAUNCH_NS_LO, 3, (uint32_t)ns,
	       (uint32_t)(ns >> 32), 0);
	pb_host_release(&b, c, SC_GR, c->seq);
	pb_end(c, &b);
}

/* a copy (fill == false) or a fill of @len bytes at @dst with @value */
static void pb_ce(struct chan *c, uint64_t src, uint64_t dst, uint64_t len,
		  bool fill, uint32_t value)
{
	struct pb b = pb_begin(c);
	uint32_t launch = FIELD(NVC6B5_LAUNCH_DMA_DATA_TRANSFER_TYPE,
				CE_TRANSFER_NON_PIPELINED) |
			  FIELD(NVC6B5_LAUNCH_DMA_SEMAPHORE_TYPE,
				NVC6B5_LAUNCH_DMA_SEMAPHORE_TYPE_RELEASE_ONE_WORD_SEMAPHORE) |
			  FIELD(NVC6B5_LAUNCH_DMA_INTERRUPT_TYPE,
				NVC6B5_LAUNCH_DMA_INTERRUPT_TYPE_NON_BLOCKING) |
			  NVC6B5_LAUNCH_DMA_SRC_MEMORY_LAYOUT_PITCH |
			  NVC6B5_LAUNCH_DMA_DST_MEMORY_LAYOUT_PITCH;

	c->seq++;
	pb_inc(&b, SC_CE, NVC56F_SET_OBJECT, 1, AMPERE_DMA_COPY_A);
	pb_inc(&b, SC_CE, NVC6B5_OFFSET_IN_UPPER, 4, (uint32_t)(src >> 32),
	       (uint32_t)src, (uint32_t)(dst >> 32), (uint32_t)dst);
	pb_inc(&b, SC_CE, NVC6B5_PITCH_IN, 4, (uint32_t)len, (uint32_t)len,
	       (uint32_t)(fill ? len / 4 : len), 1);
	if (fill) {
		pb_inc(&b, SC_CE, NVC6B5_SET_REMAP_CONST_A, 1, value);
		pb_inc(&b, SC_CE, NVC6B5_SET_REMAP_COMPONENTS, 1,
		       FIELD(NVC6B5_SET_REMAP_COMPONENTS_DST_X,
			     NVC6B5_SET_REMAP_COMPONENTS_DST_X_CONST_A) |
		       FIELD(NVC6B5_SET_REMAP_COMPONENTS_COMPONENT_SIZE,
			     NVC6B5_SET_REMAP_COMPONENTS_COMPONENT_SIZE_FOUR));
		launch |= NVC6B5_LAUNCH_DMA_REMAP_ENABLE;
	}
	pb_inc(&b, SC_CE, NVC6B5_SET_SEMAPHORE_A, 3,
	       (uint32_t)(c->sem >> 32) & 0xff, (uint32_t)c->sem, c->seq);
	pb_inc(&b, SC_CE, NVC6B5_LAUNCH_DMA, 1, launch);
	pb_end(c, &b);
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static void lat_add(uint64_t ns)
{
	if (g.nlat == g.lat_cap) {
		g.lat_cap = g.lat_cap ? 2 * g.lat_cap : 1024;
		g.lat = realloc(g.lat, g.lat_cap * sizeof(*g.lat));
		if (!g.lat) {
			fprintf(stderr, "out of memory\n");
			exit(1);
		}
	}
	g.lat[g.nlat++] = ns;
}

/*
 * Wait for the @njobs entries just submitted on @c (payloads up to c->seq)
 * and for their @njobs interrupts. An interrupt that has not come
 * timeout_ms after the work is done is lost: counted, not an error.
 * Return: 0 when all are done, -1 on a channel error or a job that never
 * finished (then *@err tells which).
 */
static int chan_wait(struct chan *c, unsigned int njobs, uint64_t submit,
		     uint64_t extra_ns, bool *err)
{
	uint32_t first = c->seq - njobs + 1, seen = first - 1, s;
	uint64_t deadline = now_ns() + extra_ns + g.timeout_ms * 1000000ULL;
	uint64_t n = 0, t;

	*err = false;
	for (;;) {
		s = sem_read(c);
		if ((int32_t)(s - seen) > 0 && (int32_t)(s - c->seq) <= 0) {
			/* newly completed entries seen after an interrupt */
			t = now_ns();
			if (g.irq_efd >= 0 && n)
				for (; seen != s; seen++)
					lat_add(t - submit);
			seen = s;
		}
		if (s == c->seq && (g.irq_efd < 0 || n >= njobs))
			break;
		if (*err)
			break;
		if (now_ns() >= deadline)
			break;
		n += irq_wait(20, err, NULL);
	}
	g.irqs += n;
	if (*err && s != c->seq) {
		g.err_irqs++;
		return -1;
	}
	if (s != c->seq)
		return -1;
	if (g.irq_efd >= 0 && n < njobs) {
		printf("# %llu of %u interrupts lost (seq %u)\n",
		       (unsigned long long)(njobs - n), njobs, c->seq);
		g.lost += njobs - n;
	}
	return 0;
}

/* the work area's end: copy source, destination, guard */
static uint64_t data_end(void)
{
	uint64_t span = (g.copy_size + SZ_1M - 1) & ~(SZ_1M - 1);

	return DATA_BASE + 2 * span + GUARD_SIZE;
}

static uint64_t src_off(void) { return DATA_BASE; }

static uint64_t dst_off(void)
{
	return DATA_BASE + ((g.copy_size + SZ_1M - 1) & ~(SZ_1M - 1));
}

/* one batch of the chosen workload on @c; 0 or -1 (error counted) */
static int run_batch(struct chan *c)
{
	unsigned int k, njobs = g.burst;
	uint64_t submit, len = g.copy_size / njobs & ~3ULL, extra = 0;
	uint32_t base = c->seq;
	int64_t bad;
	bool err;

	if (g.work == W_COMPUTE) {
		for (k = 0; k < njobs; k++)
			pb_compute(c, g.compute_ns, false);
		extra = g.compute_ns * njobs;
	} else {
		/* burst: the copy splits into njobs pieces */
		if (g.work == W_COPY)
			fb_fill32(src_off(), len * njobs, base * 0x10001u + 1, true);
		else
			fb_fill32(dst_off(), len * njobs, 0, false);
		for (k = 0; k < njobs; k++)
			pb_ce(c, src_off() + k * len, dst_off() + k * len, len,
			      g.work == W_FILL, base + k + 0x5a000000u);
	}
	submit = now_ns();
	chan_kick(c, c->put);
	if (chan_wait(c, njobs, submit, extra, &err)) {
		g.errors++;
		fail("channel %u: %s (semaphore %#x, want %#x)", c->chid,
		     err ? "channel error" : "work not done", sem_read(c), c->seq);
		return -1;
	}
	g.jobs += njobs;
	if (g.work == W_COMPUTE) {
		g.gpu_ns += g.compute_ns * njobs;
		return 0;
	}
	for (k = 0; k < njobs; k++) {
		if (g.work == W_COPY) {
			/* the source pattern, continued at piece k */
			const uint32_t *d = (const uint32_t *)(g.bar1 + dst_off() + k * len);
			uint64_t i, w0 = k * len / 4;

			bad = -1;
			for (i = 0; i < len / 4; i++)
				if (d[i] != ((base * 0x10001u + 1) ^
					     (uint32_t)((w0 + i) * 0x9e3779b9u))) {
					bad = i;
					break;
				}
			g.copy_bytes += len;
		} else {
			bad = fb_check32(dst_off() + k * len, len, base + k + 0x5a000000u,
					 false);
			g.fill_bytes += len;
		}
		if (bad >= 0) {
			g.verify_failures++;
			fail("%s %u: word %lld of %llu bytes at %#llx differs", g.work == W_COPY ?
			     "copy" : "fill", base + k + 1, (long long)bad,
			     (unsigned long long)len,
			     (unsigned long long)(dst_off() + k * len));
		} else {
			g.verified++;
		}
	}
	return 0;
}

static uint32_t work_engine(void)
{
	if (g.work == W_COMPUTE)
		return NV2080_ENGINE_TYPE_GR0;
	return g.ce ? NV2080_ENGINE_TYPE_COPY1 : NV2080_ENGINE_TYPE_COPY0;
}

/* SIGUSR1: the caller wants the report now (tests/vm/sched-swap.sh) */
static int stop_asked;

static void ask_stop(int sig)
{
	(void)sig;
	__atomic_store_n(&stop_asked, 1, __ATOMIC_RELAXED);
}

/* the workload on @c for g.seconds, or until SIGUSR1 */
static void run_workload(struct chan *c)
{
	uint64_t end = now_ns() + (uint64_t)(g.seconds * 1e9), busy;

	while (now_ns() < end && !g.why[0] &&
	       !__atomic_load_n(&stop_asked, __ATOMIC_RELAXED)) {
		busy = now_ns();
		if (run_batch(c))
			break;
		if (g.work == W_COMPUTE && g.duty < 100) {
			busy = now_ns() - busy;
			sleep_ns(busy * (100 - g.duty) / g.duty);
		}
	}
}

/* the guard pattern and idle checksums, before and after the work */
static void guard_setup(void)
{
	uint64_t lo = data_end(), span, i;

	g.guard_off = lo - GUARD_SIZE;
	fb_fill32(g.guard_off, GUARD_SIZE, 0x6a09e667, true);
	if (g.visible <= lo + IDLE_CHUNK)
		return;
	span = g.visible - lo;
	for (i = 0; i < IDLE_SAMPLES; i++) {
		uint64_t off = lo + (span / IDLE_SAMPLES) * i;

		off &= ~(IDLE_CHUNK - 1);
		if (off < lo || off + IDLE_CHUNK > g.visible)
			continue;
		g.idle_off[g.nidle] = off;
		g.idle_sum[g.nidle++] = fb_sum(off, IDLE_CHUNK);
	}
}

static void guard_check(void)
{
	unsigned int i, bad = 0;
	int64_t w;

	w = fb_check32(g.guard_off, GUARD_SIZE, 0x6a09e667, true);
	if (w >= 0)
		fail("guard pattern at %#llx changed at word %lld",
		     (unsigned long long)g.guard_off, (long long)w);
	for (i = 0; i < g.nidle; i++)
		if (fb_sum(g.idle_off[i], IDLE_CHUNK) != g.idle_sum[i]) {
			bad++;
			fail("idle FB at %#llx changed",
			     (unsigned long long)g.idle_off[i]);
		}
	printf("guard_ok: %d\n", w < 0);
	printf("idle_regions_checked: %u\n", g.nidle);
	printf("idle_regions_changed: %u\n", bad);
}

/* hostile modes: each but doorbell-storm must end in a channel error */
static bool mmu_fault_check(struct chan *c, uint64_t addr)
{
	uint32_t st = rd32(NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_STATUS);
	uint64_t fa = rd32(NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_ADDR_LO) |
		      (uint64_t)rd32(NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_ADDR_HI) << 32;
	uint32_t info = rd32(NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_INFO);
	bool ok = (st & 1) && fa == addr && info == c->chid;

	printf("mmu_fault: status %#x addr %#llx chid %u\n", st,
	       (unsigned long long)fa, info);
	if (!ok)
		fail("MMU fault registers: status %#x addr %#llx chid %u, want 1 %#llx %u",
		     st, (unsigned long long)fa, info, (unsigned long long)addr,
		     c->chid);
	wr32(NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_STATUS, 1);
	st = rd32(NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_STATUS);
	if (st & 1) {
		fail("MMU fault status not cleared by W1C (%#x)", st);
		ok = false;
	}
	return ok;
}

/* wait for the channel error a hostile submission must cause */
static bool expect_error(struct chan *c, const char *mode, unsigned int ms)
{
	uint64_t deadline = now_ns() + ms * 1000000ULL, n = 0;
	uint64_t ev0 = g.err_events;
	uint32_t leaf = 0;
	bool err = false;

	if (g.transport == T_SYSFS) {
		fail("hostile %s needs the VFIO transport (error eventfd)", mode);
		return false;
	}
	while (now_ns() < deadline &&
	       !(g.err_events > ev0 && (leaf & NVVGPU_SIM_VF_INTR_CHANNEL_ERROR)))
		n += irq_wait(50, &err, &leaf);
	g.err_irqs += n;
	printf("# hostile %s: error eventfd %llu, leaf %#x\n", mode,
	       (unsigned long long)(g.err_events - ev0), leaf);
	if (g.err_events == ev0) {
		fail("hostile %s: no error eventfd on channel %u", mode, c->chid);
		return false;
	}
	if (!(leaf & NVVGPU_SIM_VF_INTR_CHANNEL_ERROR)) {
		fail("hostile %s: no CHANNEL_ERROR interrupt on channel %u", mode,
		     c->chid);
		return false;
	}
	if (sem_read(c) == c->seq && c->seq) {
		fail("hostile %s: its work completed (semaphore %#x)", mode, c->seq);
		return false;
	}
	g.hostile_errors++;
	return true;
}

static void run_hostile(const char *mode)
{
	struct chan c;
	uint32_t engine = work_engine();
	unsigned int i;

	if (!strcmp(mode, "endless"))
		engine = NV2080_ENGINE_TYPE_GR0;
	if (chan_alloc(&c, engine))
		return;
	if (!strcmp(mode, "gpput")) {
		chan_kick(&c, CHAN_ENTRIES + 7);
		expect_error(&c, mode, 5000);
	} else if (!strcmp(mode, "garbage")) {
		struct pb b = pb_begin(&c);
		uint32_t x = 0x2545f491;

		for (i = 0; i < 120; i++) {
			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			/*
			 * END_PB_SEGMENT (SEC_OP 7) would end the segment
			 * cleanly: make it the reserved SEC_OP 6 instead
			 */
			b.p[b.n++] = (x >> 29) == 7 ? x & ~(1U << 29) : x;
		}
		/* whatever came before, this header is malformed (SEC_OP 6) */
		b.p[b.n++] = SEC_OP(6) | 0x1234;
		c.seq++;
		pb_end(&c, &b);
		chan_kick(&c, c.put);
		expect_error(&c, mode, 5000);
	} else if (!strcmp(mode, "oob")) {
		uint64_t dst = g.fb_size + 16 * SZ_4K;

		pb_ce(&c, src_off(), dst, SZ_4K, false, 0);
		chan_kick(&c, c.put);
		if (expect_error(&c, mode, 5000))
			mmu_fault_check(&c, dst);
	} else if (!strcmp(mode, "endless")) {
		pb_compute(&c, 1ULL << 62, true);
		chan_kick(&c, c.put);
		expect_error(&c, mode, 20000);
	} else if (!strcmp(mode, "ecc")) {
		printf("ecc_page_offset: %#llx\n", (unsigned long long)ECC_PAGE);
		fb_fill32(ECC_SRC, ECC_LEN, 0xecc0ecc0, true);
		pb_ce(&c, ECC_SRC, ECC_DST, ECC_LEN, false, 0);
		chan_kick(&c, c.put);
		if (expect_error(&c, mode, 5000)) {
			/* retired: the next access faults again, on a new channel */
			chan_free(&c);
			if (chan_alloc(&c, engine))
				return;
			pb_ce(&c, ECC_DST, ECC_PAGE + 0x100, 0x100, false, 0);
			chan_kick(&c, c.put);
			expect_error(&c, "ecc (retired page)", 5000);
		}
	} else if (!strcmp(mode, "doorbell-storm")) {
		uint32_t x = 0x9e3779b9, tok, storm = 0;
		bool err = false;

		for (i = 0; i < 5000; i++) {
			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			tok = (i & 1) ? x : x % 4096;
			if (tok == c.chid)
				continue;
			wr32(NV_VIRTUAL_FUNCTION_DOORBELL, tok);
			storm++;
		}
		printf("storm_doorbells: %u\n", storm);
		irq_wait(200, &err, NULL);
		if (err || g.err_events) {
			g.errors++;
			fail("doorbell storm put a channel in error");
		}
		/* the storm's channel itself still works */
		if (!g.why[0] && g.work != W_NONE)
			run_batch(&c);
	} else {
		fail("unknown hostile mode %s", mode);
	}
	chan_free(&c);
}

/* --pattern-write and --expect-zero */
static uint64_t span_bytes(void)
{
	return g.bytes && g.bytes < g.visible ? g.bytes : g.visible;
}

static void pattern_write(void)
{
	uint64_t len = span_bytes(), step = 16 * SZ_1M, off, n;

	for (off = 0; off < len; off += step) {
		n = len - off < step ? len - off : step;
		fb_fill32(off, n, g.pattern, false);
	}
	/* read it back: the write reached the FB */
	for (off = 0; off < len; off += step) {
		n = len - off < step ? len - off : step;
		if (fb_check32(off, n, g.pattern, false) >= 0) {
			fail("pattern does not read back at %#llx",
			     (unsigned long long)off);
			break;
		}
	}
	printf("pattern_bytes: %llu\n", (unsigned long long)len);
}

/* BAR1 first, before this tool writes anything (even to BAR0) */
static void expect_zero_bar1(void)
{
	uint64_t len = span_bytes(), off, nz = 0, first = 0;

	for (off = 0; off < len; off += 8) {
		if (*(const uint64_t *)(g.bar1 + off)) {
			if (!nz++)
				first = off;
		}
	}
	printf("bar1_checked_bytes: %llu\n", (unsigned long long)len);
	printf("bar1_nonzero_qwords: %llu\n", (unsigned long long)nz);
	if (nz)
		fail("BAR1 reads non-zero: %llu qwords, first at %#llx",
		     (unsigned long long)nz, (unsigned long long)first);
}

static void expect_zero_copy(void)
{
	uint64_t off, copied = 0, chunk = g.copy_size, lo, hi;
	struct chan c;
	int64_t w;
	bool err;

	/*
	 * Then the engine's view: CE copies from beyond the tool's own
	 * layout (up to the FB's end, which BAR1 may not reach) into a
	 * buffer prefilled with a pattern.
	 */
	if (chan_alloc(&c, g.ce ? NV2080_ENGINE_TYPE_COPY1 : NV2080_ENGINE_TYPE_COPY0))
		return;
	lo = data_end();
	hi = g.bytes ? lo + g.bytes : g.fb_size;
	if (hi > g.fb_size)
		hi = g.fb_size;
	for (off = lo; off + chunk <= hi && !g.why[0]; off += chunk) {
		fb_fill32(dst_off(), chunk, 0xa5a5a5a5, false);
		pb_ce(&c, off, dst_off(), chunk, false, 0);
		chan_kick(&c, c.put);
		if (chan_wait(&c, 1, now_ns(), 0, &err)) {
			g.errors++;
			fail("copy from %#llx: %s", (unsigned long long)off,
			     err ? "channel error" : "not done");
			break;
		}
		g.jobs++;
		w = fb_check32(dst_off(), chunk, 0, false);
		if (w >= 0) {
			fail("FB at %#llx reads non-zero through a copy (word %lld: %#x)",
			     (unsigned long long)off, (long long)w,
			     ((uint32_t *)(g.bar1 + dst_off()))[w]);
			break;
		}
		g.verified++;
		copied += chunk;
	}
	printf("copy_checked_bytes: %llu\n", (unsigned long long)copied);
	if (!copied && !g.why[0])
		fail("no FB range to check through a copy (%#llx..%#llx)",
		     (unsigned long long)lo, (unsigned long long)hi);
	chan_free(&c);
}

/*
 * --bench: the figures of tests/bench/work-bench.sh, each beside a
 * baseline measured in the same run.
 *
 * Latency: an empty job (a GPFIFO entry whose pushbuffer is a host
 * semaphore release and a non-stall interrupt, nothing else) timed from
 * the doorbell write to the return of poll() on the interrupt eventfd,
 * beside a round trip over two eventfds between this thread and a peer
 * that answers each one (write, then the same poll() as for the device).
 * The two alternate sample by sample, so that noise hits both. The time
 * until the doorbell write (a BAR0 region pwrite()) returns is reported
 * too: the part of the latency spent in the trap.
 *
 * Bandwidth: memcpy() from anonymous memory into the BAR1 mapping (FB
 * pages inserted on fault, vfio/vfio_regions.c), beside memcpy() of the
 * same source into anonymous memory of the same size. Every destination
 * page is written once before timing, passes alternate between the two,
 * and the median pass of each counts; both copies are compared with the
 * source at the end. Both destinations lie an odd number of pages from the
 * source: QEMU TCG's software TLB is direct-mapped, so a destination a
 * multiple of its size in pages away (as the next mmap() often is) shares
 * each TLB entry with the source, every access misses and the copy runs
 * 3-4 times slower in the test VM whatever memory it writes.
 *
 * Time is taken with the CPU's cycle counter, converted to ns by its rate
 * against CLOCK_MONOTONIC over the whole run: in the test VM the
 * clocksource is jiffies, which cannot time a single sample. Without a
 * cycle counter (the compiler has no rdtsc builtin), CLOCK_MONOTONIC is
 * used directly.
 */
#define PINGPONG_STOP	BIT_ULL(40)
#define BENCH_WARMUP	16
/* the shortest run the cycle counter's rate is taken over */
#define BENCH_MIN_NS	2000000000ULL

#if __has_builtin(__builtin_ia32_rdtsc) && __has_builtin(__builtin_ia32_lfence)
#define BENCH_CYCLES	1
#else
#define BENCH_CYCLES	0
#endif

static uint64_t bench_clock(void)
{
#if BENCH_CYCLES
	__builtin_ia32_lfence();
	return __builtin_ia32_rdtsc();
#else
	return now_ns();
#endif
}

struct bench {
	uint64_t *dev, *ev;	/* latency samples, device and eventfd */
	uint64_t *kick;		/* of dev: until the doorbell write returned */
	size_t ndev, nev;
	uint64_t *tb, *ta;	/* bandwidth passes, BAR1 and anonymous */
	uint64_t c0, c1, ns0, ns1;	/* clock rate over the run */
};

struct pingpong {
	int to_peer;		/* blocking: the peer sleeps in read() */
	int to_main;		/* non-blocking, polled like the interrupt */
};

static void *pingpong_peer(void *arg)
{
	struct pingpong *pp = arg;
	uint64_t v, one = 1;

	for (;;) {
		if (read(pp->to_peer, &v, sizeof(v)) != sizeof(v)) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (v >= PINGPONG_STOP)
			break;
		if (write(pp->to_main, &one, sizeof(one)) != sizeof(one))
			break;
	}
	return NULL;
}

/* one eventfd round trip in clock units; false when the peer did not answer */
static bool pingpong_once(struct pingpong *pp, uint64_t *t)
{
	struct pollfd p = { .fd = pp->to_main, .events = POLLIN };
	uint64_t t0, t1, one = 1, v;
	int r;

	t0 = bench_clock();
	if (write(pp->to_peer, &one, sizeof(one)) != sizeof(one))
		return false;
	r = poll(&p, 1, g.timeout_ms);
	t1 = bench_clock();
	if (r != 1 || read(pp->to_main, &v, sizeof(v)) != sizeof(v))
		return false;
	*t = t1 - t0;
	return true;
}

/*
 * One empty job on @c, doorbell to interrupt in clock units (*@t), and to
 * the return of the doorbell write (*@kick); false on a failure.
 */
static bool empty_job_once(struct chan *c, uint64_t *t, uint64_t *kick)
{
	struct pollfd p[2] = {
		{ .fd = g.irq_efd, .events = POLLIN },
		{ .fd = g.err_efd, .events = POLLIN },
	};
	struct pb b = pb_begin(c);
	uint64_t t0, tk, t1, n = 0, deadline;
	uint32_t leaf;
	int r;

	c->seq++;
	pb_host_release(&b, c, SC_CE, c->seq);
	pb_end(c, &b);
	t0 = bench_clock();
	chan_kick(c, c->put);
	tk = bench_clock();
	r = poll(p, 2, g.timeout_ms);
	t1 = bench_clock();
	if (r <= 0) {
		fail("empty job %u on channel %u: no interrupt in %u ms (semaphore %#x)",
		     c->seq, c->chid, g.timeout_ms, sem_read(c));
		return false;
	}
	if (p[1].revents & POLLIN) {
		g.err_events++;
		g.errors++;
		fail("empty job %u on channel %u: error eventfd", c->seq, c->chid);
		return false;
	}
	if (read(g.irq_efd, &n, sizeof(n)) != sizeof(n))
		n = 0;
	leaf = rd32(NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF(0));
	if (leaf)
		wr32(NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF(0), leaf);
	g.irqs += n;
	/* the release comes before the interrupt; allow a slow read-back */
	deadline = now_ns() + g.timeout_ms * 1000000ULL;
	while (sem_read(c) != c->seq && now_ns() < deadline)
		sleep_ns(10000);
	if (sem_read(c) != c->seq) {
		fail("empty job %u on channel %u: interrupt, but semaphore %#x",
		     c->seq, c->chid, sem_read(c));
		return false;
	}
	if (!(leaf & NVVGPU_SIM_VF_INTR_NONSTALL)) {
		fail("empty job %u: interrupt with leaf %#x, no NONSTALL", c->seq,
		     leaf);
		return false;
	}
	g.jobs++;
	*t = t1 - t0;
	*kick = tk - t0;
	return true;
}

static void bench_latency(struct bench *bn)
{
	size_t i, total = g.samples + BENCH_WARMUP;
	uint64_t t, kick, stop = PINGPONG_STOP;
	struct pingpong pp;
	pthread_t peer;
	struct chan c;
	int k;

	pp.to_peer = eventfd(0, 0);
	pp.to_main = eventfd(0, EFD_NONBLOCK);
	if (pp.to_peer < 0 || pp.to_main < 0) {
		fail("eventfd: %s", strerror(errno));
		return;
	}
	if (pthread_create(&peer, NULL, pingpong_peer, &pp)) {
		fail("ping-pong thread: %s", strerror(errno));
		return;
	}
	if (chan_alloc(&c, g.ce ? NV2080_ENGINE_TYPE_COPY1 : NV2080_ENGINE_TYPE_COPY0))
		goto stop;
	/* alternate which goes first, so neither always follows the other */
	for (i = 0; i < total && !g.why[0]; i++) {
		for (k = 0; k < 2 && !g.why[0]; k++) {
			if ((size_t)k == i % 2) {
				if (empty_job_once(&c, &t, &kick) &&
				    i >= BENCH_WARMUP) {
					bn->kick[bn->ndev] = kick;
					bn->dev[bn->ndev++] = t;
				}
			} else if (!pingpong_once(&pp, &t)) {
				fail("eventfd ping-pong: no answer in %u ms",
				     g.timeout_ms);
			} else if (i >= BENCH_WARMUP) {
				bn->ev[bn->nev++] = t;
			}
		}
	}
	chan_free(&c);
stop:
	if (write(pp.to_peer, &stop, sizeof(stop)) != sizeof(stop))
		fail("stopping the ping-pong thread: %s", strerror(errno));
	else
		pthread_join(peer, NULL);
	close(pp.to_peer);
	close(pp.to_main);
	if (!g.why[0] && (bn->ndev != g.samples || bn->nev != g.samples))
		fail("latency: %zu device and %zu eventfd samples, want %u each",
		     bn->ndev, bn->nev, g.samples);
}

static void *anon_map(uint64_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* one memcpy() of @len bytes, in clock units */
static uint64_t timed_copy(void *dst, const void *src, uint64_t len)
{
	uint64_t t0 = bench_clock();

	memcpy(dst, src, len);
	/* the copy is done before the clock is read again */
	__asm__ __volatile__("" : : "r" (dst) : "memory");
	return bench_clock() - t0;
}

/* @p, or @p + 4 KiB, whichever lies an odd number of pages from @ref */
static uint8_t *odd_pages_from(uint8_t *p, const uint8_t *ref)
{
	/* two's complement keeps the parity of a negative distance */
	return ((uintptr_t)(p - ref) / SZ_4K) % 2 ? p : p + SZ_4K;
}

static void bench_bandwidth(struct bench *bn)
{
	uint8_t *bar1 = g.bar1 + src_off(), *src_base, *anon_base, *src, *anon;
	uint64_t len = g.bench_size;
	unsigned int i;

	src_base = anon_map(len + SZ_4K);
	anon_base = anon_map(len + SZ_4K);
	if (!src_base || !anon_base) {
		fail("bandwidth set-up: %s", strerror(errno));
		goto out;
	}
	src = odd_pages_from(src_base, bar1);
	anon = odd_pages_from(anon_base, src);
	/* fault every page in: the source, and both destinations */
	for (i = 0; i < len / 4; i++)
		((uint32_t *)src)[i] = 0x3c6ef372 ^ (i * 0x9e3779b9u);
	memset(anon, 0, len);
	memset(bar1, 0, len);
	timed_copy(bar1, src, len);
	timed_copy(anon, src, len);
	for (i = 0; i < g.passes; i++) {
		if (i % 2) {
			bn->ta[i] = timed_copy(anon, src, len);
			bn->tb[i] = timed_copy(bar1, src, len);
		} else {
			bn->tb[i] = timed_copy(bar1, src, len);
			bn->ta[i] = timed_copy(anon, src, len);
		}
	}
	if (memcmp(bar1, src, len))
		fail("BAR1 does not read back what was copied into it");
	if (memcmp(anon, src, len))
		fail("anonymous memory does not read back what was copied into it");
out:
	if (src_base)
		munmap(src_base, len + SZ_4K);
	if (anon_base)
		munmap(anon_base, len + SZ_4K);
}

/* clock units to ns, at the rate over the run */
static uint64_t bench_ns(struct bench *bn, uint64_t t)
{
	if (!BENCH_CYCLES || bn->c1 == bn->c0)
		return t;
	return (uint64_t)((double)t * (bn->ns1 - bn->ns0) / (bn->c1 - bn->c0));
}

static uint64_t pct(uint64_t *v, size_t n, unsigned int p)
{
	size_t i = n * p / 100;

	return v[i < n ? i : n - 1];
}

static double mib_per_s(uint64_t len, uint64_t ns)
{
	return ns ? (double)len * 1e9 / ns / (1 << 20) : 0;
}

static void bench_report(struct bench *bn)
{
	uint64_t d50, d99, e50, e99, k50, k99, b50, a50;
	size_t i;

	qsort(bn->dev, bn->ndev, sizeof(*bn->dev), cmp_u64);
	qsort(bn->ev, bn->nev, sizeof(*bn->ev), cmp_u64);
	qsort(bn->kick, bn->ndev, sizeof(*bn->kick), cmp_u64);
	qsort(bn->tb, g.passes, sizeof(*bn->tb), cmp_u64);
	qsort(bn->ta, g.passes, sizeof(*bn->ta), cmp_u64);
	/* report()'s latency lines: the device's samples */
	for (i = 0; i < bn->ndev; i++)
		lat_add(bench_ns(bn, bn->dev[i]));
	d50 = bench_ns(bn, pct(bn->dev, bn->ndev, 50));
	d99 = bench_ns(bn, pct(bn->dev, bn->ndev, 99));
	e50 = bench_ns(bn, pct(bn->ev, bn->nev, 50));
	e99 = bench_ns(bn, pct(bn->ev, bn->nev, 99));
	k50 = bench_ns(bn, pct(bn->kick, bn->ndev, 50));
	k99 = bench_ns(bn, pct(bn->kick, bn->ndev, 99));
	b50 = bench_ns(bn, bn->tb[g.passes / 2]);
	a50 = bench_ns(bn, bn->ta[g.passes / 2]);
	if (BENCH_CYCLES && bn->c1 != bn->c0)
		printf("bench_clock: cycles at %.0f MHz (CLOCK_MONOTONIC over %llu ms)\n",
		       (double)(bn->c1 - bn->c0) * 1e3 / (bn->ns1 - bn->ns0),
		       (unsigned long long)(bn->ns1 - bn->ns0) / 1000000);
	else
		printf("bench_clock: CLOCK_MONOTONIC\n");
	printf("bench_samples: %zu\n", bn->nev);
	printf("doorbell_irq_p50_ns: %llu\n", (unsigned long long)d50);
	printf("doorbell_irq_p99_ns: %llu\n", (unsigned long long)d99);
	printf("doorbell_write_p50_ns: %llu\n", (unsigned long long)k50);
	printf("doorbell_write_p99_ns: %llu\n", (unsigned long long)k99);
	printf("eventfd_rtt_p50_ns: %llu\n", (unsigned long long)e50);
	printf("eventfd_rtt_p99_ns: %llu\n", (unsigned long long)e99);
	printf("doorbell_irq_vs_eventfd_p50: %.2f\n", e50 ? (double)d50 / e50 : 0);
	printf("doorbell_irq_vs_eventfd_p99: %.2f\n", e99 ? (double)d99 / e99 : 0);
	printf("bandwidth_bytes: %llu\n", (unsigned long long)g.bench_size);
	printf("bandwidth_passes: %u\n", g.passes);
	printf("bar1_write_mib_s: %.0f\n", mib_per_s(g.bench_size, b50));
	printf("anon_memcpy_mib_s: %.0f\n", mib_per_s(g.bench_size, a50));
	printf("bar1_vs_memcpy: %.2f\n", b50 ? (double)a50 / b50 : 0);
}

static void run_bench(void)
{
	struct bench bn = { 0 };
	uint64_t left;

	if (g.transport != T_VFIO) {
		fail("--bench needs the VFIO transport (interrupt eventfd)");
		return;
	}
	bn.dev = calloc(g.samples, sizeof(*bn.dev));
	bn.ev = calloc(g.samples, sizeof(*bn.ev));
	bn.kick = calloc(g.samples, sizeof(*bn.kick));
	bn.tb = calloc(g.passes, sizeof(*bn.tb));
	bn.ta = calloc(g.passes, sizeof(*bn.ta));
	if (!bn.dev || !bn.ev || !bn.kick || !bn.tb || !bn.ta) {
		fail("bench: out of memory");
		goto out;
	}
	bn.ns0 = now_ns();
	bn.c0 = bench_clock();
	bench_latency(&bn);
	if (!g.why[0])
		bench_bandwidth(&bn);
	/* a run long enough for a jiffies clock to give the rate */
	left = bn.ns0 + BENCH_MIN_NS - now_ns();
	if ((int64_t)left > 0)
		sleep_ns(left);
	bn.ns1 = now_ns();
	bn.c1 = bench_clock();
	if (!g.why[0])
		bench_report(&bn);
out:
	free(bn.dev);
	free(bn.ev);
	free(bn.kick);
	free(bn.tb);
	free(bn.ta);
}

/* transports */

static uint64_t type_fb_size(const char *uuid)
{
	char path[PATH_MAX], line[512], *p;
	FILE *f;
	uint64_t mb = 0;

	snprintf(path, sizeof(path), "/sys/bus/mdev/devices/%s/mdev_type/description",
		 uuid);
	f = fopen(path, "r");
	if (!f)
		return 0;
	if (fgets(line, sizeof(line), f)) {
		p = strstr(line, "framebuffer=");
		if (p)
			mb = strtoull(p + strlen("framebuffer="), NULL, 10);
	}
	fclose(f);
	return mb * SZ_1M;
}

static int open_vfio(void)
{
	struct vfio_group_status gs = { .argsz = sizeof(gs) };
	struct vfio_region_info ri = { .argsz = sizeof(ri) };
	struct vfio_irq_info ii = { .argsz = sizeof(ii) };
	char path[PATH_MAX], link[PATH_MAX];
	uint16_t cmd = PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER;
	int32_t efd;
	ssize_t n;

	snprintf(path, sizeof(path), "/sys/bus/mdev/devices/%s/iommu_group", g.uuid);
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0) {
		fail("no IOMMU group for %s: %s", g.uuid, strerror(errno));
		return -1;
	}
	link[n] = 0;
	snprintf(path, sizeof(path), "/dev/vfio/%s", strrchr(link, '/') + 1);
	g.container = open("/dev/vfio/vfio", O_RDWR);
	g.group = open(path, O_RDWR);
	if (g.container < 0 || g.group < 0) {
		fail("open container and group %s: %s", path, strerror(errno));
		return -1;
	}
	if (ioctl(g.group, VFIO_GROUP_GET_STATUS, &gs) ||
	    !(gs.flags & VFIO_GROUP_FLAGS_VIABLE) ||
	    ioctl(g.group, VFIO_GROUP_SET_CONTAINER, &g.container) ||
	    ioctl(g.container, VFIO_SET_IOMMU, VFIO_TYPE1_IOMMU)) {
		fail("group %s: not viable or no type1 IOMMU: %s", path,
		     strerror(errno));
		return -1;
	}
	g.fd = ioctl(g.group, VFIO_GROUP_GET_DEVICE_FD, g.uuid);
	if (g.fd < 0) {
		fail("device fd: %s", strerror(errno));
		return -1;
	}
	if (!g.no_reset && ioctl(g.fd, VFIO_DEVICE_RESET)) {
		fail("VFIO_DEVICE_RESET: %s", strerror(errno));
		return -1;
	}
	if (pwrite(g.fd, &cmd, 2, REGION(VFIO_PCI_CONFIG_REGION_INDEX) +
		   PCI_COMMAND) != 2) {
		fail("config write: %s", strerror(errno));
		return -1;
	}

	ri.index = VFIO_PCI_BAR1_REGION_INDEX;
	if (ioctl(g.fd, VFIO_DEVICE_GET_REGION_INFO, &ri) || !ri.size) {
		fail("BAR1 region info: %s", strerror(errno));
		return -1;
	}
	g.bar1_size = ri.size;
	if (!g.fb_size)
		g.fb_size = type_fb_size(g.uuid);
	if (!g.fb_size)
		g.fb_size = g.bar1_size;
	g.visible = g.fb_size < g.bar1_size ? g.fb_size : g.bar1_size;
	g.bar1 = mmap(NULL, g.visible, PROT_READ | PROT_WRITE, MAP_SHARED, g.fd,
		      ri.offset);
	if (g.bar1 == MAP_FAILED) {
		fail("mmap BAR1: %s", strerror(errno));
		return -1;
	}

	/* MSI-X vector 0, else MSI */
	g.irq_efd = eventfd(0, EFD_NONBLOCK);
	g.err_efd = eventfd(0, EFD_NONBLOCK);
	ii.index = VFIO_PCI_MSIX_IRQ_INDEX;
	efd = g.irq_efd;
	if (!ioctl(g.fd, VFIO_DEVICE_GET_IRQ_INFO, &ii) && ii.count &&
	    !set_irqs(VFIO_PCI_MSIX_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
		      VFIO_IRQ_SET_ACTION_TRIGGER, 1, &efd)) {
		g.irq_kind = "msix";
	} else if (!set_irqs(VFIO_PCI_MSI_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
			     VFIO_IRQ_SET_ACTION_TRIGGER, 1, &efd)) {
		g.irq_kind = "msi";
	} else {
		fail("neither MSI-X nor MSI: %s", strerror(errno));
		return -1;
	}
	efd = g.err_efd;
	if (set_irqs(VFIO_PCI_ERR_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
		     VFIO_IRQ_SET_ACTION_TRIGGER, 1, &efd)) {
		fail("error eventfd: %s", strerror(errno));
		return -1;
	}
	return 0;
}

static int open_sysfs(void)
{
	char path[PATH_MAX];
	struct stat st;
	uint16_t cmd;
	int fd;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/config", g.bdf);
	fd = open(path, O_RDWR);
	if (fd < 0 || pread(fd, &cmd, 2, PCI_COMMAND) != 2) {
		fail("%s: %s", path, strerror(errno));
		return -1;
	}
	cmd |= PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER;
	if (pwrite(fd, &cmd, 2, PCI_COMMAND) != 2)
		printf("# cannot enable memory decoding: %s\n", strerror(errno));
	close(fd);

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/resource0", g.bdf);
	fd = open(path, O_RDWR | O_SYNC);
	if (fd < 0) {
		fail("%s: %s", path, strerror(errno));
		return -1;
	}
	g.bar0 = mmap(NULL, BAR0_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (g.bar0 == MAP_FAILED) {
		fail("mmap %s: %s", path, strerror(errno));
		return -1;
	}
	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/resource1", g.bdf);
	fd = open(path, O_RDWR | O_SYNC);
	if (fd < 0 || fstat(fd, &st)) {
		fail("%s: %s", path, strerror(errno));
		return -1;
	}
	g.bar1_size = st.st_size;
	if (!g.fb_size)
		g.fb_size = g.bar1_size;
	g.visible = g.fb_size < g.bar1_size ? g.fb_size : g.bar1_size;
	g.bar1 = mmap(NULL, g.visible, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (g.bar1 == MAP_FAILED) {
		fail("mmap %s: %s", path, strerror(errno));
		return -1;
	}
	g.irq_kind = "poll";
	return 0;
}

static void enable_vf_interrupts(void)
{
	uint32_t leaf = rd32(NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF(0));
	uint32_t want = NVVGPU_SIM_VF_INTR_NONSTALL | NVVGPU_SIM_VF_INTR_RPC |
			NVVGPU_SIM_VF_INTR_CHANNEL_ERROR;
	uint32_t en;

	if (leaf)
		wr32(NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF(0), leaf);
	g.vf_intr_on = true;
	wr32(NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF_EN_SET(0), want);
	wr32(NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_TOP_EN_SET(0), 1);
	en = rd32(NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF_EN_SET(0));
	if ((en & want) != want)
		fail("LEAF_EN_SET(0) reads %#x after setting %#x", en, want);
}

static void disable_vf_interrupts(void)
{
	wr32(NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_TOP_EN_CLEAR(0), 1);
	wr32(NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF_EN_CLEAR(0), 0xffffffff);
}

static void report(void)
{
	uint64_t p50 = 0, p99 = 0;

	if (g.nlat) {
		qsort(g.lat, g.nlat, sizeof(*g.lat), cmp_u64);
		p50 = g.lat[g.nlat / 2];
		p99 = g.lat[(g.nlat * 99) / 100 < g.nlat ? (g.nlat * 99) / 100 :
			    g.nlat - 1];
	}
	printf("transport: %s\n", g.transport == T_VFIO ? "vfio" : "pci-sysfs");
	printf("irq: %s\n", g.irq_kind);
	printf("fb_bytes: %llu\n", (unsigned long long)g.fb_size);
	printf("jobs: %llu\n", (unsigned long long)g.jobs);
	printf("gpu_ns: %llu\n", (unsigned long long)g.gpu_ns);
	printf("copy_bytes: %llu\n", (unsigned long long)g.copy_bytes);
	printf("fill_bytes: %llu\n", (unsigned long long)g.fill_bytes);
	printf("verified: %llu\n", (unsigned long long)g.verified);
	printf("verify_failures: %llu\n", (unsigned long long)g.verify_failures);
	printf("interrupts: %llu\n", (unsigned long long)g.irqs);
	printf("rpc_interrupts: %llu\n", (unsigned long long)g.rpc_irqs);
	printf("error_interrupts: %llu\n", (unsigned long long)g.err_irqs);
	printf("lost_interrupts: %llu\n", (unsigned long long)g.lost);
	printf("vf_interrupts: %s\n", g.vf_intr_on ? "enabled" : "off");
	printf("leaf_acks: %llu\n", (unsigned long long)g.leaf_acks);
	printf("error_events: %llu\n", (unsigned long long)g.err_events);
	printf("hostile_errors: %llu\n", (unsigned long long)g.hostile_errors);
	printf("errors: %llu\n", (unsigned long long)g.errors);
	printf("latency_p50_ns: %llu\n", (unsigned long long)p50);
	printf("latency_p99_ns: %llu\n", (unsigned long long)p99);
	if (g.why[0])
		printf("result: FAIL %s\n", g.why);
	else
		printf("result: ok\n");
}

static void die_usage(void)
{
	fprintf(stderr,
		"usage: nvvgpu-work (UUID | --pci-sysfs BDF) [--compute-ns N [--duty P]]\n"
		"       [--copy-stream | --fill] [--copy-size B] [--burst K] [--seconds S]\n"
		"       [--ce 0|1] [--timeout-ms T] [--hostile gpput|doorbell-storm|garbage|oob|endless|ecc]\n"
		"       [--pattern-write V | --expect-zero] [--bytes N] [--no-reset] [--fb-size N]\n"
		"       [--bench [--samples N] [--bench-size B] [--passes P]]\n"
		"       [--vf-interrupts]\n");
	exit(2);
}

static uint64_t num(const char *s)
{
	char *end;
	uint64_t v = strtoull(s, &end, 0);

	if (end == s)
		die_usage();
	if (*end == 'K' || *end == 'k')
		v <<= 10;
	else if (*end == 'M' || *end == 'm')
		v <<= 20;
	else if (*end == 'G' || *end == 'g')
		v <<= 30;
	return v;
}

static void parse(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

#define ARG() ({ if (!v) die_usage(); i++; v; })
		if (!strcmp(a, "--pci-sysfs")) {
			g.transport = T_SYSFS;
			g.bdf = ARG();
		} else if (!strcmp(a, "--compute-ns")) {
			g.work = W_COMPUTE;
			g.compute_ns = num(ARG());
		} else if (!strcmp(a, "--duty")) {
			g.duty = num(ARG());
		} else if (!strcmp(a, "--copy-stream")) {
			g.work = W_COPY;
		} else if (!strcmp(a, "--fill")) {
			g.work = W_FILL;
		} else if (!strcmp(a, "--copy-size")) {
			g.copy_size = num(ARG());
		} else if (!strcmp(a, "--burst")) {
			g.burst = num(ARG());
		} else if (!strcmp(a, "--seconds")) {
			g.seconds = atof(ARG());
		} else if (!strcmp(a, "--ce")) {
			g.ce = num(ARG());
		} else if (!strcmp(a, "--timeout-ms")) {
			g.timeout_ms = num(ARG());
		} else if (!strcmp(a, "--hostile")) {
			g.hostile = ARG();
		} else if (!strcmp(a, "--pattern-write")) {
			g.pattern_write = true;
			g.pattern = num(ARG());
		} else if (!strcmp(a, "--expect-zero")) {
			g.expect_zero = true;
		} else if (!strcmp(a, "--bytes")) {
			g.bytes = num(ARG());
		} else if (!strcmp(a, "--no-reset")) {
			g.no_reset = true;
		} else if (!strcmp(a, "--fb-size")) {
			g.fb_size = num(ARG());
		} else if (!strcmp(a, "--bench")) {
			g.bench = true;
		} else if (!strcmp(a, "--samples")) {
			g.samples = num(ARG());
		} else if (!strcmp(a, "--bench-size")) {
			g.bench_size = num(ARG());
		} else if (!strcmp(a, "--passes")) {
			g.passes = num(ARG());
		} else if (!strcmp(a, "--vf-interrupts")) {
			g.vf_interrupts = true;
		} else if (a[0] != '-' && !g.uuid) {
			g.uuid = a;
		} else {
			die_usage();
		}
#undef ARG
	}
	if (g.transport == T_VFIO ? !g.uuid : !!g.uuid)
		die_usage();
	if (g.vf_interrupts && g.transport != T_SYSFS)
		die_usage();
	if (!g.duty || g.duty > 100 || !g.burst || g.burst > MAX_BURST ||
	    g.ce > 1 || !g.copy_size || g.copy_size % 4 ||
	    g.copy_size / g.burst < 4 || g.copy_size > 256 * SZ_1M)
		die_usage();
	if (g.work == W_COMPUTE && !g.compute_ns)
		die_usage();
	if (g.bench && (g.work != W_NONE || g.hostile || g.pattern_write ||
			g.expect_zero || !g.samples || !g.passes ||
			!g.bench_size || g.bench_size > 256 * SZ_1M))
		die_usage();
	/* the bandwidth passes write the copy source area */
	if (g.bench && g.copy_size < g.bench_size)
		g.copy_size = g.bench_size;
}

int main(int argc, char **argv)
{
	struct chan c;

	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGUSR1, ask_stop);
	parse(argc, argv);
	if (g.transport == T_VFIO ? open_vfio() : open_sysfs())
		goto out;
	if (g.visible < data_end() + IDLE_CHUNK) {
		fail("FB of %llu bytes (%llu through BAR1) too small for the layout (%llu)",
		     (unsigned long long)g.fb_size, (unsigned long long)g.visible,
		     (unsigned long long)data_end());
		goto out;
	}
	if (g.pattern_write) {
		pattern_write();
		goto out;
	}
	if (g.expect_zero)
		expect_zero_bar1();
	if (g.irq_efd >= 0 || g.vf_interrupts)
		enable_vf_interrupts();
	if (g.expect_zero) {
		expect_zero_copy();
		goto out;
	}

	guard_setup();
	if (g.hostile)
		run_hostile(g.hostile);
	if (g.bench && !g.why[0])
		run_bench();
	if (g.work != W_NONE && !g.why[0]) {
		if (!chan_alloc(&c, work_engine())) {
			run_workload(&c);
			chan_free(&c);
		}
		if (!g.jobs)
			fail("no job completed");
	}
	guard_check();
	if (g.irq_efd >= 0 && !g.why[0] && g.irqs + g.lost != g.jobs)
		fail("interrupts %llu + lost %llu != jobs %llu",
		     (unsigned long long)g.irqs, (unsigned long long)g.lost,
		     (unsigned long long)g.jobs);
	if (!g.hostile && g.err_events && !g.why[0])
		fail("%llu error events without a hostile mode",
		     (unsigned long long)g.err_events);
out:
	if (g.vf_intr_on)
		disable_vf_interrupts();
	report();
	if (g.fd >= 0)
		close(g.fd);
	return g.why[0] ? 1 : 0;
}
