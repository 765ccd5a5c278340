// SPDX-License-Identifier: GPL-2.0
/*
 * drm-client: the DRM client of tests/vm/drm-basic.sh, for the nvvgpu render
 * node, built against include/uapi/drm/nvvgpu_drm.h: DRM_IOCTL_VERSION,
 * GETPARAM, GEM create, mmap, write and read, bad input included. Prints one
 * "ok"/"not ok" line per check (nvtest.h).
 *
 * Usage:
 *   drm-client NODE VGPUS [CARD]   the checks; VGPUS is the expected vGPU
 *                                  count, CARD the primary node, whose KMS
 *                                  side is empty
 *   drm-client NODE hold READY GO  create and fill a BO, start a 2 s
 *                                  compute on a host channel, touch READY,
 *                                  wait for GO, then check the file still
 *                                  works unplugged
 *   drm-client NODE work [SECONDS] host channels: CE copies and fills, GR
 *                                  compute, semaphores, seqnos, jobs in
 *                                  flight; then, with SECONDS, rounds of a
 *                                  copy, a fill and a compute for as long
 *   drm-client NODE error          channel errors: MMU faults signal the
 *                                  fences with -EIO, the next SUBMIT fails,
 *                                  other channels go on
 *   drm-client NODE badinput       CHANNEL_CREATE/DESTROY and SUBMIT bad
 *                                  input with the header's errnos, DESTROY
 *                                  with a job pending, the job limit
 *   drm-client NODE lifetime       close the fd, and exit a process, with
 *                                  channels and jobs pending
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/sync_file.h>

#include "nvvgpu_drm.h"
#include "nvvgpu-abi.h"
#include "nvtest.h"

static int fd;
static const char *node_path;

static int getparam(uint32_t param, uint32_t pad, uint64_t *value)
{
	struct drm_nvvgpu_getparam gp = { .param = param, .pad = pad };

	if (ioctl(fd, DRM_IOCTL_NVVGPU_GETPARAM, &gp))
		return -errno;
	*value = gp.value;
	return 0;
}

static int gem_create(uint64_t size, uint32_t flags, uint32_t *handle)
{
	struct drm_nvvgpu_gem_create gc = { .size = size, .flags = flags };

	if (ioctl(fd, DRM_IOCTL_NVVGPU_GEM_CREATE, &gc))
		return -errno;
	*handle = gc.handle;
	return 0;
}

static int gem_offset(uint32_t handle, uint32_t flags, uint64_t *offset)
{
	struct drm_nvvgpu_gem_mmap_offset mo = { .handle = handle, .flags = flags };

	if (ioctl(fd, DRM_IOCTL_NVVGPU_GEM_MMAP_OFFSET, &mo))
		return -errno;
	*offset = mo.offset;
	return 0;
}

static uint32_t *gem_map(uint32_t handle, size_t size)
{
	uint64_t offset;
	void *p;

	if (gem_offset(handle, 0, &offset))
		return NULL;
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, offset);
	return p == MAP_FAILED ? NULL : p;
}

static void fill(uint32_t *p, size_t size, uint32_t seed)
{
	size_t i;

	for (i = 0; i < size / 4; i++)
		p[i] = seed ^ (uint32_t)i * 2654435761u;
}

static int same(const uint32_t *p, size_t size, uint32_t seed)
{
	size_t i;

	for (i = 0; i < size / 4; i++)
		if (p[i] != (seed ^ (uint32_t)i * 2654435761u))
			return 0;
	return 1;
}

/*
 * Host channels: CHANNEL_CREATE/DESTROY, SUBMIT with a syncobj fence, the
 * framebuffer window mapped through GEM_MMAP_OFFSET. Pushbuffers are built
 * in the window as Documentation/sim-hardware.rst programs the engines;
 * every address in them is the window's gpu_va plus an offset.
 *
 * The window layout of these checks (1 MiB windows):
 *   0x00000  pushbuffers, PB_SLOTS slots of PB_SLOT bytes, round robin
 *   0x20000  semaphores the pushbuffers release
 *   0x40000  copy source (XFER bytes), 0x80000 its destination
 *   0xc0000  fill range (FILL_LEN bytes), then zeros to the end
 */
#define WIN_SIZE	0x100000ULL
#define PB_SLOT		1024
#define PB_SLOTS	128
#define SEM_OFF		0x20000ULL
#define SRC_OFF		0x40000ULL
#define DST_OFF		0x80000ULL
#define FILL_OFF	0xc0000ULL
#define XFER		0x40000ULL
#define FILL_LEN	0x30000ULL
/*
 * The VM's timers tick at 4 ms and a compute launch sleeps in slices, so
 * launches run 40 to 60 times their length there: wait long enough.
 */
#define WAIT_MS		30000

/* FIELD_PREP for the ABI headers' masks */
#define FIELD(mask, v)	((uint32_t)(((uint64_t)(v) << __builtin_ctzl(mask)) & (mask)))
#define MTHD(sc, m, n, op) \
	(FIELD(NVC56F_DMA_SEC_OP, op) | FIELD(NVC56F_DMA_METHOD_COUNT, n) | \
	 FIELD(NVC56F_DMA_METHOD_SUBCHANNEL, sc) | \
	 FIELD(NVC56F_DMA_METHOD_ADDRESS, (m) >> 2))
#define INC(sc, m, n)	MTHD(sc, m, n, NVC56F_DMA_SEC_OP_INC_METHOD)
#define SC_GR		0
#define SC_CE		4
/* NVC6B5_LAUNCH_DMA_DATA_TRANSFER_TYPE_NON_PIPELINED */
#define CE_TRANSFER_NON_PIPELINED	2

static const char *const engine_name[] = { "GR", "CE0", "CE1" };

struct chan {
	uint32_t id, bo, engine;
	uint64_t va, size;
	uint8_t *map;
	uint64_t seqno;		/* of the last accepted SUBMIT */
	unsigned int slot;	/* next pushbuffer slot */
};

/* submits whose seqno was not the channel's previous one + 1 */
static unsigned int seq_bad, seq_total;

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static double ms_since(uint64_t t0)
{
	return (now_ns() - t0) / 1e6;
}

static uint64_t page_up(uint64_t v)
{
	return (v + 4095) & ~4095ULL;
}

static int chan_create_raw(int f, struct drm_nvvgpu_channel_create *cc)
{
	return ioctl(f, DRM_IOCTL_NVVGPU_CHANNEL_CREATE, cc) ? -errno : 0;
}

static int chan_destroy_raw(int f, uint32_t argsz, uint32_t id)
{
	struct drm_nvvgpu_channel_destroy d = { .argsz = argsz, .channel = id };

	return ioctl(f, DRM_IOCTL_NVVGPU_CHANNEL_DESTROY, &d) ? -errno : 0;
}

static int chan_destroy(uint32_t id)
{
	return chan_destroy_raw(fd, sizeof(struct drm_nvvgpu_channel_destroy), id);
}

static int submit_raw(int f, struct drm_nvvgpu_submit *s)
{
	return ioctl(f, DRM_IOCTL_NVVGPU_SUBMIT, s) ? -errno : 0;
}

/* a channel on @engine with a window of @size bytes, mapped */
static int chan_open(struct chan *c, uint32_t engine, uint64_t size)
{
	struct drm_nvvgpu_channel_create cc = {
		.argsz = sizeof(cc), .engine = engine, .size = size,
	};
	int ret;

	memset(c, 0, sizeof(*c));
	ret = chan_create_raw(fd, &cc);
	if (ret)
		return ret;
	c->id = cc.channel;
	c->bo = cc.bo_handle;
	c->va = cc.gpu_va;
	c->engine = engine;
	c->size = page_up(size);
	c->map = (uint8_t *)gem_map(c->bo, c->size);
	if (!c->map) {
		ret = errno ? -errno : -ENOMEM;
		chan_destroy(c->id);
		return ret;
	}
	printf("# %s channel %u: window %llu KiB at GPU VA %#llx, BO %u\n",
	       engine < 3 ? engine_name[engine] : "?", c->id,
	       (unsigned long long)c->size >> 10, (unsigned long long)c->va, c->bo);
	return 0;
}

static int gem_close(uint32_t handle)
{
	struct drm_gem_close gc = { .handle = handle };

	return ioctl(fd, DRM_IOCTL_GEM_CLOSE, &gc) ? -errno : 0;
}

/* destroy, unmap, close the window; 0 or DESTROY's -errno */
static int chan_close(struct chan *c)
{
	int ret;

	if (!c->map)
		return 0;
	ret = chan_destroy(c->id);
	munmap(c->map, c->size);
	gem_close(c->bo);
	c->map = NULL;
	return ret;
}

static uint32_t *win32(struct chan *c, uint64_t off)
{
	return (uint32_t *)(c->map + off);
}

/* every dword of [off, off + len) of the window is @v */
static int all32(struct chan *c, uint64_t off, uint64_t len, uint32_t v)
{
	const uint32_t *p = win32(c, off);
	uint64_t i;

	for (i = 0; i < len / 4; i++)
		if (p[i] != v)
			return 0;
	return 1;
}

/* a pushbuffer under construction in a slot of the window */
struct pb {
	uint32_t *p;
	unsigned int n;
	uint64_t off;
};

static struct pb pb_begin(struct chan *c)
{
	struct pb b = { .off = (uint64_t)(c->slot++ % PB_SLOTS) * PB_SLOT };

	b.p = win32(c, b.off);
	return b;
}

static void pb_inc(struct pb *b, unsigned int sc, uint32_t mthd,
		   unsigned int count, ...)
{
	va_list ap;
	unsigned int i;

	if (b->n + 1 + count > PB_SLOT / 4) {
		fprintf(stderr, "pushbuffer slot overflow\n");
		exit(2);
	}
	b->p[b->n++] = INC(sc, mthd, count);
	va_start(ap, count);
	for (i = 0; i < count; i++)
		b->p[b->n++] = va_arg(ap, uint32_t);
	va_end(ap);
}

/*
 * A CE copy (@fill false) or 32-bit fill with @value of @len bytes from
 * GPU address @src to @dst; with @sem, a one-word semaphore release of
 * @payload at GPU address @sem once done.
 */
static void pb_ce(struct pb *b, uint64_t src, uint64_t dst, uint64_t len,
		  bool fill, uint32_t value, uint64_t sem, uint32_t payload)
{
	uint32_t launch = FIELD(NVC6B5_LAUNCH_DMA_DATA_TRANSFER_TYPE,
				CE_TRANSFER_NON_PIPELINED) |
			  NVC6B5_LAUNCH_DMA_SRC_MEMORY_LAYOUT_PITCH |
			  NVC6B5_LAUNCH_DMA_DST_MEMORY_LAYOUT_PITCH;

	pb_inc(b, SC_CE, NVC56F_SET_OBJECT, 1, AMPERE_DMA_COPY_A);
	pb_inc(b, SC_CE, NVC6B5_OFFSET_IN_UPPER, 4, (uint32_t)(src >> 32),
	       (uint32_t)src, (uint32_t)(dst >> 32), (uint32_t)dst);
	pb_inc(b, SC_CE, NVC6B5_PITCH_IN, 4, (uint32_t)len, (uint32_t)len,
	       (uint32_t)(fill ? len / 4 : len), 1);
	if (fill) {
		pb_inc(b, SC_CE, NVC6B5_SET_REMAP_CONST_A, 1, value);
		pb_inc(b, SC_CE, NVC6B5_SET_REMAP_COMPONENTS, 1,
		       FIELD(NVC6B5_SET_REMAP_COMPONENTS_DST_X,
			     NVC6B5_SET_REMAP_COMPONENTS_DST_X_CONST_A) |
		       FIELD(NVC6B5_SET_REMAP_COMPONENTS_COMPONENT_SIZE,
			     NVC6B5_SET_REMAP_COMPONENTS_COMPONENT_SIZE_FOUR));
		launch |= NVC6B5_LAUNCH_DMA_REMAP_ENABLE;
	}
	if (sem) {
		pb_inc(b, SC_CE, NVC6B5_SET_SEMAPHORE_A, 3,
		       (uint32_t)(sem >> 32) & 0xff, (uint32_t)sem, payload);
		launch |= FIELD(NVC6B5_LAUNCH_DMA_SEMAPHORE_TYPE,
				NVC6B5_LAUNCH_DMA_SEMAPHORE_TYPE_RELEASE_ONE_WORD_SEMAPHORE);
	}
	pb_inc(b, SC_CE, NVC6B5_LAUNCH_DMA, 1, launch);
}

/* a compute launch that keeps GR busy for @ns */
static void pb_compute(struct pb *b, uint64_t ns)
{
	pb_inc(b, SC_GR, NVC56F_SET_OBJECT, 1, AMPERE_COMPUTE_A);
	pb_inc(b, SC_GR, NVVGPU_SIM_COMPUTE_PREEMPT_MODE, 1,
	       NVVGPU_SIM_COMPUTE_PREEMPT_CTA);
	pb_inc(b, SC_GR, NVVGPU_SIM_COMPUTE_LAUNCH_NS_LO, 3, (uint32_t)ns,
	       (uint32_t)(ns >> 32), 0);
}

/*
 * A host semaphore release of @payload at GPU address @sem; @exec: more
 * SEM_EXECUTE bits (64-bit payload, timestamp).
 */
static void pb_release(struct pb *b, unsigned int sc, uint64_t sem,
		       uint64_t payload, uint32_t exec)
{
	pb_inc(b, sc, NVC56F_SEM_ADDR_LO, 5, (uint32_t)sem & ~3u,
	       (uint32_t)(sem >> 32) & 0xff, (uint32_t)payload,
	       (uint32_t)(payload >> 32),
	       FIELD(NVC56F_SEM_EXECUTE_OPERATION,
		     NVC56F_SEM_EXECUTE_OPERATION_RELEASE) | exec);
}

static void pb_nop(struct pb *b, unsigned int sc)
{
	pb_inc(b, sc, NVC56F_NOP, 1, 0);
}

/* SUBMIT @b on @c with @syncobj (0: none); counts the seqno's steps */
static int run_pb(struct chan *c, struct pb *b, uint32_t syncobj)
{
	struct drm_nvvgpu_submit s = {
		.argsz = sizeof(s), .channel = c->id, .out_syncobj = syncobj,
		.pb_offset = b->off, .pb_dwords = b->n,
	};
	int ret = submit_raw(fd, &s);

	if (ret)
		return ret;
	seq_total++;
	if (s.seqno != c->seqno + 1) {
		seq_bad++;
		printf("# channel %u: seqno %llu after %llu\n", c->id,
		       (unsigned long long)s.seqno, (unsigned long long)c->seqno);
	}
	c->seqno = s.seqno;
	return 0;
}

/* syncobjs */

static uint32_t sobj_new(void)
{
	struct drm_syncobj_create sc = { 0 };

	return ioctl(fd, DRM_IOCTL_SYNCOBJ_CREATE, &sc) ? 0 : sc.handle;
}

static void sobj_free(uint32_t h)
{
	struct drm_syncobj_destroy sd = { .handle = h };

	if (h)
		ioctl(fd, DRM_IOCTL_SYNCOBJ_DESTROY, &sd);
}

/*
 * Wait for @n syncobjs (all, or any with @any) for up to @ms: 0, -ETIME,
 * or -EINVAL for a syncobj without a fence.
 */
static int sobj_wait(const uint32_t *h, unsigned int n, int ms, bool any)
{
	struct drm_syncobj_wait w = {
		.handles = (uintptr_t)h, .count_handles = n,
		.timeout_nsec = (int64_t)(now_ns() + (uint64_t)ms * 1000000ULL),
		.flags = any ? 0 : DRM_SYNCOBJ_WAIT_FLAGS_WAIT_ALL,
	};

	return ioctl(fd, DRM_IOCTL_SYNCOBJ_WAIT, &w) ? -errno : 0;
}

static int sobj_wait1(uint32_t h, int ms)
{
	return sobj_wait(&h, 1, ms, false);
}

/* the syncobj's fence as a sync_file fd, or -errno */
static int sobj_export(uint32_t h)
{
	struct drm_syncobj_handle sh = {
		.handle = h, .fd = -1,
		.flags = DRM_SYNCOBJ_HANDLE_TO_FD_FLAGS_EXPORT_SYNC_FILE,
	};

	return ioctl(fd, DRM_IOCTL_SYNCOBJ_HANDLE_TO_FD, &sh) ? -errno : sh.fd;
}

struct fence_st {
	int file;	/* sync_file_info.status: 1 signalled, 0 pending, < 0 error */
	int fence;	/* the (first) fence's own status */
	char driver[32], timeline[32];
};

/* SYNC_IOC_FILE_INFO of sync_file @sfd */
static int sync_file_status(int sfd, struct fence_st *st)
{
	struct sync_fence_info fi[4];
	struct sync_file_info info = { 0 };

	memset(fi, 0, sizeof(fi));
	memset(st, 0, sizeof(*st));
	st->file = 1000;
	st->fence = 1000;
	if (ioctl(sfd, SYNC_IOC_FILE_INFO, &info))
		return -errno;
	if (info.num_fences < 1 || info.num_fences > 4)
		return -ERANGE;
	info.sync_fence_info = (uintptr_t)fi;
	if (ioctl(sfd, SYNC_IOC_FILE_INFO, &info))
		return -errno;
	st->file = info.status;
	st->fence = fi[0].status;
	snprintf(st->driver, sizeof(st->driver), "%s", fi[0].driver_name);
	snprintf(st->timeline, sizeof(st->timeline), "%s", fi[0].obj_name);
	return 0;
}

/* the status of syncobj @h's fence through a sync_file */
static int fence_status(uint32_t h, struct fence_st *st)
{
	int sfd = sobj_export(h), ret;

	if (sfd < 0) {
		memset(st, 0, sizeof(*st));
		st->file = 1000;
		st->fence = 1000;
		return sfd;
	}
	ret = sync_file_status(sfd, st);
	close(sfd);
	return ret;
}

/* @h's fence signalled without error */
static bool fence_ok(uint32_t h)
{
	struct fence_st st = { 0 };

	return !fence_status(h, &st) && st.file == 1 && st.fence == 1;
}

/* @h's fence signalled with error @err */
static bool fence_err(uint32_t h, int err, struct fence_st *st)
{
	return !fence_status(h, st) && st->file < 0 && st->fence == err;
}

/* poll a dword of the window until it is @v, for up to @ms */
static bool poll32(struct chan *c, uint64_t off, uint32_t v, int ms)
{
	uint64_t end = now_ns() + (uint64_t)ms * 1000000ULL;

	do {
		if (__atomic_load_n(win32(c, off), __ATOMIC_ACQUIRE) == v)
			return true;
		usleep(1000);
	} while (now_ns() < end);
	return false;
}

/*
 * One copy and one fill on CE channel @c and one compute on GR channel @gr,
 * all at once: true if every fence signalled clean and the bytes are right.
 */
static bool round_trip(struct chan *c, struct chan *gr, uint32_t seed,
		       const uint32_t *s)
{
	struct pb b1 = pb_begin(c), b2 = pb_begin(c), b3 = pb_begin(gr);
	bool ok;

	fill(win32(c, SRC_OFF), XFER, seed);
	pb_ce(&b1, c->va + SRC_OFF, c->va + DST_OFF, XFER, false, 0,
	      c->va + SEM_OFF, seed);
	pb_ce(&b2, c->va + SRC_OFF, c->va + FILL_OFF, FILL_LEN, true, ~seed, 0, 0);
	pb_compute(&b3, 1000000);
	ok = !run_pb(c, &b1, s[0]) && !run_pb(c, &b2, s[1]) &&
	     !run_pb(gr, &b3, s[2]);
	ok = ok && !sobj_wait(s, 3, WAIT_MS, false);
	ok = ok && fence_ok(s[0]) && fence_ok(s[1]) && fence_ok(s[2]);
	ok = ok && same(win32(c, DST_OFF), XFER, seed) &&
	     all32(c, FILL_OFF, FILL_LEN, ~seed) && *win32(c, SEM_OFF) == seed;
	return ok;
}

/* 1. work: copies, fills, compute, semaphores, seqnos, jobs in flight */
static int chan_work(double seconds)
{
	struct chan ce, ce1, gr;
	uint32_t s[8], many[8];
	struct fence_st st = { 0 }, st2 = { 0 };
	struct pb b;
	uint64_t t0, seq0;
	uint64_t sem64[2];
	unsigned int i, rounds = 0, bad = 0;
	int ret;

	for (i = 0; i < 8; i++) {
		s[i] = sobj_new();
		many[i] = sobj_new();
	}
	CHECK(s[0] && many[7], "SYNCOBJ_CREATE");
	ret = chan_open(&ce, DRM_NVVGPU_ENGINE_CE0, WIN_SIZE);
	CHECK(!ret, "CE0 channel with a 1 MiB window, mapped (%s)", strerror(-ret));
	if (ret)
		return 1;
	CHECK(ce.id && ce.bo, "channel handle %u, BO handle %u", ce.id, ce.bo);
	CHECK(all32(&ce, 0, ce.size, 0), "the new window reads zero");

	fill(win32(&ce, SRC_OFF), XFER, 0xc0b1);
	b = pb_begin(&ce);
	pb_ce(&b, ce.va + SRC_OFF, ce.va + DST_OFF, XFER, false, 0,
	      ce.va + SEM_OFF, 0x5eed0001);
	ret = run_pb(&ce, &b, s[0]);
	CHECK(!ret && ce.seqno == 1, "SUBMIT a 256 KiB copy: seqno %llu (%s)",
	      (unsigned long long)ce.seqno, strerror(-ret));
	b = pb_begin(&ce);
	pb_ce(&b, ce.va + SRC_OFF, ce.va + FILL_OFF, FILL_LEN, true, 0xf111f00d, 0, 0);
	ret = run_pb(&ce, &b, s[1]);
	CHECK(!ret && ce.seqno == 2, "SUBMIT a 192 KiB fill: seqno %llu (%s)",
	      (unsigned long long)ce.seqno, strerror(-ret));
	t0 = now_ns();
	ret = sobj_wait(s, 2, WAIT_MS, false);
	CHECK(!ret, "SYNCOBJ_WAIT: both fences signal (%.1f ms; %s)", ms_since(t0),
	      strerror(-ret));
	ret = fence_status(s[0], &st);
	fence_status(s[1], &st2);
	CHECK(!ret && st.file == 1 && st.fence == 1 && st2.file == 1 && st2.fence == 1,
	      "sync_file: both signalled without error (status %d/%d, %d/%d; %s %s)",
	      st.file, st.fence, st2.file, st2.fence, st.driver, st.timeline);
	CHECK(same(win32(&ce, DST_OFF), XFER, 0xc0b1), "the copy's destination holds the source");
	CHECK(same(win32(&ce, SRC_OFF), XFER, 0xc0b1), "the source is unchanged");
	CHECK(all32(&ce, FILL_OFF, FILL_LEN, 0xf111f00d), "the fill range holds the value");
	CHECK(all32(&ce, FILL_OFF + FILL_LEN, WIN_SIZE - FILL_OFF - FILL_LEN, 0) &&
	      all32(&ce, SEM_OFF + 4, SRC_OFF - SEM_OFF - 4, 0),
	      "bytes beyond the copy and the fill are untouched");
	CHECK(*win32(&ce, SEM_OFF) == 0x5eed0001,
	      "the copy's own semaphore release is visible (%#x)", *win32(&ce, SEM_OFF));

	/* no syncobj: the job still runs */
	b = pb_begin(&ce);
	pb_release(&b, SC_CE, ce.va + SEM_OFF + 0x40, 0xab0003, 0);
	seq0 = ce.seqno;
	ret = run_pb(&ce, &b, 0);
	CHECK(!ret && ce.seqno == seq0 + 1, "SUBMIT without a syncobj: seqno %llu (%s)",
	      (unsigned long long)ce.seqno, strerror(-ret));
	CHECK(poll32(&ce, SEM_OFF + 0x40, 0xab0003, WAIT_MS),
	      "... its host semaphore release lands in the window");

	/* the same syncobj again: it gets the new job's fence */
	fill(win32(&ce, SRC_OFF), 0x10000, 0x77);
	b = pb_begin(&ce);
	pb_ce(&b, ce.va + SRC_OFF, ce.va + DST_OFF, 0x10000, false, 0, 0, 0);
	ret = run_pb(&ce, &b, s[0]);
	CHECK(!ret && !sobj_wait1(s[0], WAIT_MS) && fence_ok(s[0]) &&
	      same(win32(&ce, DST_OFF), 0x10000, 0x77),
	      "a syncobj reused for a second copy signals it, copy verified");

	/* CE1 */
	ret = chan_open(&ce1, DRM_NVVGPU_ENGINE_CE1, WIN_SIZE);
	CHECK(!ret, "CE1 channel (%s)", strerror(-ret));
	if (!ret) {
		CHECK(ce1.va != ce.va, "its window is elsewhere (GPU VA %#llx vs %#llx)",
		      (unsigned long long)ce1.va, (unsigned long long)ce.va);
		fill(win32(&ce1, SRC_OFF), XFER, 0xce1);
		b = pb_begin(&ce1);
		pb_ce(&b, ce1.va + SRC_OFF, ce1.va + DST_OFF, XFER, false, 0, 0, 0);
		ret = run_pb(&ce1, &b, s[2]);
		CHECK(!ret && ce1.seqno == 1 && !sobj_wait1(s[2], WAIT_MS) &&
		      fence_ok(s[2]) && same(win32(&ce1, DST_OFF), XFER, 0xce1),
		      "CE1: a copy, seqno 1, fence signals, verified (%s)", strerror(-ret));
		CHECK(same(win32(&ce, DST_OFF), 0x10000, 0x77),
		      "CE0's window is unchanged by CE1's copy");
		CHECK(!chan_close(&ce1), "destroy the CE1 channel");
	}

	/* GR: a 2 ms compute launch, then a 64-bit release with timestamp */
	ret = chan_open(&gr, DRM_NVVGPU_ENGINE_GR, WIN_SIZE);
	CHECK(!ret, "GR channel (%s)", strerror(-ret));
	if (ret) {
		chan_close(&ce);
		return 1;
	}
	b = pb_begin(&gr);
	pb_compute(&b, 2000000);
	pb_release(&b, SC_GR, gr.va + SEM_OFF, 0x1122334455667788ULL,
		   NVC56F_SEM_EXECUTE_PAYLOAD_SIZE_64BIT |
		   NVC56F_SEM_EXECUTE_RELEASE_TIMESTAMP);
	t0 = now_ns();
	ret = run_pb(&gr, &b, s[3]);
	CHECK(!ret && gr.seqno == 1, "GR: SUBMIT a 2 ms compute launch: seqno %llu (%s)",
	      (unsigned long long)gr.seqno, strerror(-ret));
	ret = sobj_wait1(s[3], WAIT_MS);
	CHECK(!ret && fence_ok(s[3]), "GR: its fence signals without error (%s)",
	      strerror(-ret));
	CHECK(ms_since(t0) >= 2.0, "GR: not before the launch's 2 ms (%.2f ms)",
	      ms_since(t0));
	memcpy(sem64, win32(&gr, SEM_OFF), sizeof(sem64));
	CHECK(sem64[0] == 0x1122334455667788ULL && sem64[1],
	      "GR: the user's 64-bit semaphore release and its timestamp (%#llx, %llu ns)",
	      (unsigned long long)sem64[0], (unsigned long long)sem64[1]);

	/* several jobs in flight */
	seq0 = gr.seqno;
	t0 = now_ns();
	for (i = 0, ret = 0; i < 8 && !ret; i++) {
		b = pb_begin(&gr);
		pb_compute(&b, 10000000);
		pb_release(&b, SC_GR, gr.va + SEM_OFF + 0x100, i + 1, 0);
		ret = run_pb(&gr, &b, many[i]);
	}
	CHECK(!ret && gr.seqno == seq0 + 8,
	      "GR: 8 compute launches of 10 ms submitted: seqnos %llu..%llu (%.1f ms; %s)",
	      (unsigned long long)seq0 + 1, (unsigned long long)gr.seqno, ms_since(t0),
	      strerror(-ret));
	ret = fence_status(many[7], &st);
	CHECK(!ret && st.file == 0,
	      "GR: the last is still pending: jobs in flight (status %d, semaphore %u)",
	      st.file, *win32(&gr, SEM_OFF + 0x100));
	ret = sobj_wait(many, 8, WAIT_MS, false);
	CHECK(!ret, "GR: SYNCOBJ_WAIT for all 8 (%.1f ms; %s)", ms_since(t0), strerror(-ret));
	for (i = 0; i < 8 && fence_ok(many[i]); i++)
		;
	CHECK(i == 8, "GR: all 8 signalled without error");
	CHECK(ms_since(t0) >= 80.0, "GR: not before 8 x 10 ms of engine time (%.1f ms)",
	      ms_since(t0));
	CHECK(*win32(&gr, SEM_OFF + 0x100) == 8, "GR: the last job's release is the last (%u)",
	      *win32(&gr, SEM_OFF + 0x100));

	/* beside other work: rounds of copy + fill + compute for @seconds */
	if (seconds > 0) {
		uint64_t end = now_ns() + (uint64_t)(seconds * 1e9);

		t0 = now_ns();
		do {
			if (!round_trip(&ce, &gr, 0x1000 + rounds, s + 4))
				bad++;
			rounds++;
		} while (now_ns() < end && bad < 3);
		CHECK(rounds && !bad,
		      "%u rounds of a 256 KiB copy, a 192 KiB fill and a 1 ms compute in %.0f ms, %u failed",
		      rounds, ms_since(t0), bad);
	}
	CHECK(!seq_bad && seq_total, "seqno rose by 1 on every SUBMIT (%u submits)", seq_total);
	CHECK(!chan_close(&gr), "destroy the GR channel");
	CHECK(!chan_close(&ce), "destroy the CE0 channel");
	for (i = 0; i < 8; i++) {
		sobj_free(s[i]);
		sobj_free(many[i]);
	}
	return nvtest_failed;
}

/* 2. channel errors */
static int chan_error(void)
{
	struct chan a, other, gr, x, y, fresh;
	uint32_t s[6];
	struct fence_st st = { 0 }, st2 = { 0 };
	struct pb b, b2;
	uint64_t seq0;
	int ret, r2;
	unsigned int i;

	for (i = 0; i < 6; i++)
		s[i] = sobj_new();
	CHECK(s[5], "SYNCOBJ_CREATE");
	ret = chan_open(&a, DRM_NVVGPU_ENGINE_CE0, WIN_SIZE);
	r2 = chan_open(&other, DRM_NVVGPU_ENGINE_CE1, WIN_SIZE);
	CHECK(!ret && !r2, "a CE0 channel to fault and a CE1 channel beside it (%s, %s)",
	      strerror(-ret), strerror(-r2));
	if (ret || r2)
		return 1;

	/*
	 * A copy to the first byte after the window, and a good copy on the
	 * other channel right behind it.
	 */
	fill(win32(&a, SRC_OFF), 0x1000, 0xbad);
	fill(win32(&other, SRC_OFF), XFER, 0x600d);
	b = pb_begin(&a);
	pb_ce(&b, a.va + SRC_OFF, a.va + a.size, 0x1000, false, 0, 0, 0);
	b2 = pb_begin(&other);
	pb_ce(&b2, other.va + SRC_OFF, other.va + DST_OFF, XFER, false, 0, 0, 0);
	printf("# fault address %#llx\n", (unsigned long long)(a.va + a.size));
	ret = run_pb(&a, &b, s[0]);
	r2 = run_pb(&other, &b2, s[1]);
	CHECK(!ret && !r2, "SUBMIT a copy to window end + 0 on CE0, a good one on CE1 (%s, %s)",
	      strerror(-ret), strerror(-r2));
	ret = sobj_wait1(s[0], WAIT_MS);
	CHECK(!ret, "the faulting job's fence signals (%s)", strerror(-ret));
	CHECK(fence_err(s[0], -EIO, &st),
	      "... with an error: sync_file status %d, fence status %d (want %d)",
	      st.file, st.fence, -EIO);
	b = pb_begin(&a);
	pb_nop(&b, SC_CE);
	seq0 = a.seqno;
	ret = run_pb(&a, &b, s[2]);
	CHECK(ret == -EIO, "the next SUBMIT on the faulted channel: EIO (%s)", strerror(-ret));
	CHECK(sobj_wait1(s[2], 0) == -EINVAL && a.seqno == seq0,
	      "... and it attached no fence and took no seqno");
	ret = sobj_wait1(s[1], WAIT_MS);
	CHECK(!ret && fence_ok(s[1]) && same(win32(&other, DST_OFF), XFER, 0x600d),
	      "the other channel's copy beside the fault completed clean, verified (%s)",
	      strerror(-ret));
	fill(win32(&other, SRC_OFF), XFER, 0x600e);
	b2 = pb_begin(&other);
	pb_ce(&b2, other.va + SRC_OFF, other.va + DST_OFF, XFER, false, 0, 0, 0);
	ret = run_pb(&other, &b2, s[1]);
	CHECK(!ret && !sobj_wait1(s[1], WAIT_MS) && fence_ok(s[1]) &&
	      same(win32(&other, DST_OFF), XFER, 0x600e),
	      "the other channel still works after the fault (%s)", strerror(-ret));
	CHECK(!chan_close(&a), "destroy the faulted channel");
	ret = chan_open(&fresh, DRM_NVVGPU_ENGINE_CE0, WIN_SIZE);
	if (!ret) {
		fill(win32(&fresh, SRC_OFF), XFER, 0xf5e);
		b = pb_begin(&fresh);
		pb_ce(&b, fresh.va + SRC_OFF, fresh.va + DST_OFF, XFER, false, 0, 0, 0);
		ret = run_pb(&fresh, &b, s[2]);
		ret = ret ? ret : sobj_wait1(s[2], WAIT_MS);
	}
	CHECK(!ret && fence_ok(s[2]) && same(win32(&fresh, DST_OFF), XFER, 0xf5e),
	      "a fresh CE0 channel works (%s)", strerror(-ret));
	chan_close(&fresh);

	/* a copy that starts in the window and crosses its end */
	ret = chan_open(&x, DRM_NVVGPU_ENGINE_CE0, WIN_SIZE);
	if (!ret) {
		fill(win32(&x, SRC_OFF), 0x2000, 0xc055);
		b = pb_begin(&x);
		pb_ce(&b, x.va + SRC_OFF, x.va + x.size - 0x1000, 0x2000, false, 0, 0, 0);
		ret = run_pb(&x, &b, s[3]);
		ret = ret ? ret : sobj_wait1(s[3], WAIT_MS);
	}
	CHECK(!ret && fence_err(s[3], -EIO, &st),
	      "a copy across the window's end: fence status %d/%d (%s)", st.file,
	      st.fence, strerror(-ret));
	if (x.map) {
		CHECK(all32(&x, x.size - 0x1000, 0x1000, 0),
		      "... and its in-window part was not written");
		chan_close(&x);
	}

	/*
	 * A copy from beyond the window into it. (The 64 KiB below gpu_va
	 * are the channel's too: its ring and semaphore, the kernel's.)
	 */
	ret = chan_open(&y, DRM_NVVGPU_ENGINE_CE0, WIN_SIZE);
	if (!ret) {
		b = pb_begin(&y);
		pb_ce(&b, y.va + y.size + 0x1000, y.va + DST_OFF, 0x1000, false, 0, 0, 0);
		ret = run_pb(&y, &b, s[4]);
		ret = ret ? ret : sobj_wait1(s[4], WAIT_MS);
		CHECK(!ret && fence_err(s[4], -EIO, &st),
		      "a copy from a page beyond the window: fence status %d/%d (%s)",
		      st.file, st.fence, strerror(-ret));
		CHECK(all32(&y, DST_OFF, 0x1000, 0),
		      "... and nothing from outside reached the window");
	}
	chan_close(&y);

	/* GR: a fault after 20 ms of compute; a job queued behind it */
	ret = chan_open(&gr, DRM_NVVGPU_ENGINE_GR, WIN_SIZE);
	CHECK(!ret, "a GR channel to fault (%s)", strerror(-ret));
	if (!ret) {
		b = pb_begin(&gr);
		pb_compute(&b, 20000000);
		pb_release(&b, SC_GR, gr.va + gr.size + 0x10000, 1, 0);
		b2 = pb_begin(&gr);
		pb_compute(&b2, 1000000);
		pb_release(&b2, SC_GR, gr.va + SEM_OFF, 0x2222, 0);
		ret = run_pb(&gr, &b, s[0]);
		r2 = run_pb(&gr, &b2, s[5]);
		CHECK(!ret && !r2,
		      "GR: SUBMIT a compute, a release outside the window; a job behind (%s, %s)",
		      strerror(-ret), strerror(-r2));
		ret = sobj_wait1(s[0], WAIT_MS);
		CHECK(!ret && fence_err(s[0], -EIO, &st),
		      "GR: the faulting job's fence: status %d/%d (%s)", st.file, st.fence,
		      strerror(-ret));
		ret = r2 ? r2 : sobj_wait1(s[5], WAIT_MS);
		CHECK(!ret && fence_err(s[5], -EIO, &st2),
		      "GR: the job queued behind it signals -EIO too: status %d/%d (%s)",
		      st2.file, st2.fence, strerror(-ret));
		CHECK(*win32(&gr, SEM_OFF) == 0, "GR: ... and did not run (%#x)",
		      *win32(&gr, SEM_OFF));
		b = pb_begin(&gr);
		pb_nop(&b, SC_GR);
		ret = run_pb(&gr, &b, 0);
		CHECK(ret == -EIO, "GR: the next SUBMIT: EIO (%s)", strerror(-ret));
		CHECK(!chan_close(&gr), "GR: destroy the faulted channel");
	}
	CHECK(!chan_close(&other), "destroy the CE1 channel");
	for (i = 0; i < 6; i++)
		sobj_free(s[i]);
	return nvtest_failed;
}

static struct drm_nvvgpu_channel_create cc_good(void)
{
	struct drm_nvvgpu_channel_create cc = {
		.argsz = sizeof(cc), .engine = DRM_NVVGPU_ENGINE_CE0, .size = WIN_SIZE,
	};

	return cc;
}

/* CHANNEL_CREATE with @cc; a created channel is destroyed again */
static int try_create(struct drm_nvvgpu_channel_create cc)
{
	int ret = chan_create_raw(fd, &cc);

	if (!ret) {
		chan_destroy(cc.channel);
		gem_close(cc.bo_handle);
	}
	return ret;
}

/* a check that @ret is -@err */
static void expect(int ret, int err, const char *what)
{
	CHECK(ret == -err, "%s: %s (got %s)", what, strerrorname_np(err),
	      ret ? strerrorname_np(-ret) : "success");
}

/* 3. bad input, limits, destroy */
static int chan_badinput(void)
{
	struct drm_nvvgpu_channel_create cc;
	struct drm_nvvgpu_submit sb, sgood;
	struct chan c, c2, gr, d;
	struct fence_st st = { 0 };
	uint32_t s = sobj_new(), s2 = sobj_new(), *p;
	uint64_t t0 = 0, off, va0;
	unsigned int i;
	int ret, fd2;

	CHECK(s && s2, "SYNCOBJ_CREATE");
	/* CHANNEL_CREATE */
	cc = cc_good();
	cc.argsz = sizeof(cc) - 8;
	expect(try_create(cc), EINVAL, "CREATE argsz too small");
	cc.argsz = 0;
	expect(try_create(cc), EINVAL, "CREATE argsz 0");
	cc.argsz = sizeof(cc) + 8;
	expect(try_create(cc), E2BIG, "CREATE argsz larger");
	cc = cc_good();
	cc.flags = 1;
	expect(try_create(cc), EINVAL, "CREATE flags 1");
	cc.flags = 0x80000000;
	expect(try_create(cc), EINVAL, "CREATE flags bit 31");
	cc = cc_good();
	cc.pad = 1;
	expect(try_create(cc), EINVAL, "CREATE pad 1");
	for (i = 0; i < 2; i++) {
		cc = cc_good();
		cc.engine = i ? 0xffffffff : 3;
		ret = try_create(cc);
		CHECK(ret == -EINVAL || ret == -ENODEV,
		      "CREATE engine %#x: EINVAL or ENODEV (got %s)",
		      cc.engine, ret ? strerrorname_np(-ret) : "success");
	}
	cc = cc_good();
	cc.size = 0;
	expect(try_create(cc), EINVAL, "CREATE size 0");
	cc.size = DRM_NVVGPU_CHANNEL_MAX_SIZE + 1;
	expect(try_create(cc), EINVAL, "CREATE size max + 1");
	cc.size = ~0ULL;
	expect(try_create(cc), EINVAL, "CREATE size ~0");
	cc.size = DRM_NVVGPU_CHANNEL_MAX_SIZE;
	ret = try_create(cc);
	CHECK(!ret || ret == -ENOSPC, "CREATE size max (64 MiB): accepted, or ENOSPC (got %s)",
	      ret ? strerrorname_np(-ret) : "success");

	/* the size is rounded up to the page size */
	ret = chan_open(&c, DRM_NVVGPU_ENGINE_CE1, 4097);
	CHECK(!ret, "CREATE size 4097, mapped as 8 KiB (%s)", strerror(-ret));
	if (!ret) {
		CHECK(!gem_offset(c.bo, 0, &off) &&
		      mmap(NULL, 3 * 4096, PROT_READ, MAP_SHARED, fd, off) == MAP_FAILED,
		      "... but not as 12 KiB");
		chan_close(&c);
	}

	/* SUBMIT */
	ret = chan_open(&c, DRM_NVVGPU_ENGINE_CE0, WIN_SIZE);
	CHECK(!ret, "a CE0 channel (%s)", strerror(-ret));
	if (ret)
		return 1;
	p = win32(&c, 0);
	p[0] = INC(SC_CE, NVC56F_NOP, 1);
	p[1] = 0;
	sgood = (struct drm_nvvgpu_submit){
		.argsz = sizeof(sb), .channel = c.id, .out_syncobj = s,
		.pb_offset = 0, .pb_dwords = 2,
	};
#define SUBMIT_BAD(field, value, err, what) do {				\
		sb = sgood;							\
		sb.field = value;						\
		expect(submit_raw(fd, &sb), err, what);				\
	} while (0)
	SUBMIT_BAD(argsz, sizeof(sb) - 8, EINVAL, "SUBMIT argsz too small");
	SUBMIT_BAD(argsz, 0, EINVAL, "SUBMIT argsz 0");
	SUBMIT_BAD(argsz, sizeof(sb) + 8, E2BIG, "SUBMIT argsz larger");
	SUBMIT_BAD(flags, 1, EINVAL, "SUBMIT flags 1");
	SUBMIT_BAD(pad, 1, EINVAL, "SUBMIT pad 1");
	SUBMIT_BAD(channel, c.id + 1000, ENOENT, "SUBMIT to an unknown channel");
	SUBMIT_BAD(channel, 0, ENOENT, "SUBMIT to channel 0");
	SUBMIT_BAD(out_syncobj, s + 1000, ENOENT, "SUBMIT with an unknown out_syncobj");
	SUBMIT_BAD(pb_offset, 2, EINVAL, "SUBMIT pb_offset 2 (unaligned)");
	SUBMIT_BAD(pb_offset, 1, EINVAL, "SUBMIT pb_offset 1 (unaligned)");
	SUBMIT_BAD(pb_offset, c.size, EINVAL, "SUBMIT pb_offset = window size");
	SUBMIT_BAD(pb_offset, c.size - 4, EINVAL, "SUBMIT a pushbuffer across the window's end");
	SUBMIT_BAD(pb_offset, 1ULL << 62, EINVAL, "SUBMIT pb_offset 2^62");
	SUBMIT_BAD(pb_offset, ~3ULL, EINVAL, "SUBMIT pb_offset 2^64 - 4 (wraps)");
	SUBMIT_BAD(pb_dwords, 0, EINVAL, "SUBMIT pb_dwords 0");
	SUBMIT_BAD(pb_dwords, DRM_NVVGPU_MAX_PB_DWORDS + 1, EINVAL, "SUBMIT pb_dwords max + 1");
	SUBMIT_BAD(pb_dwords, 0xffffffff, EINVAL, "SUBMIT pb_dwords 2^32 - 1");
	SUBMIT_BAD(pb_dwords, DRM_NVVGPU_MAX_PB_DWORDS, EINVAL,
		   "SUBMIT pb_dwords max (8 MiB, more than the 1 MiB window)");
	SUBMIT_BAD(pb_dwords, c.size / 4 + 1, EINVAL, "SUBMIT one dword more than the window");
	fd2 = open(node_path, O_RDWR | O_CLOEXEC);
	CHECK(fd2 >= 0, "a second fd on the node");
	if (fd2 >= 0) {
		sb = sgood;
		sb.out_syncobj = 0;
		ret = submit_raw(fd2, &sb);
		expect(ret, ENOENT, "SUBMIT to this fd's channel through the other fd");
		expect(chan_destroy_raw(fd2, sizeof(struct drm_nvvgpu_channel_destroy), c.id),
		       ENOENT, "DESTROY this fd's channel through the other fd");
		close(fd2);
	}
	CHECK(sobj_wait1(s, 0) == -EINVAL, "the refused SUBMITs attached no fence to the syncobj");
	sb = sgood;
	ret = submit_raw(fd, &sb);
	CHECK(!ret && sb.seqno == 1, "then a good SUBMIT: seqno 1 (%llu; %s)",
	      (unsigned long long)sb.seqno, strerror(-ret));
	CHECK(!sobj_wait1(s, WAIT_MS) && fence_ok(s), "... its fence signals");
	sb = sgood;
	sb.pb_offset = c.size - 8;
	memcpy(win32(&c, c.size - 8), p, 8);
	ret = submit_raw(fd, &sb);
	CHECK(!ret && sb.seqno == 2, "a pushbuffer in the window's last 8 bytes: seqno 2 (%s)",
	      strerror(-ret));
	CHECK(!sobj_wait1(s, WAIT_MS) && fence_ok(s), "... its fence signals");

	/* DESTROY */
	expect(chan_destroy_raw(fd, sizeof(struct drm_nvvgpu_channel_destroy) - 4, c.id),
	       EINVAL, "DESTROY argsz too small");
	expect(chan_destroy_raw(fd, sizeof(struct drm_nvvgpu_channel_destroy) + 8, c.id),
	       E2BIG, "DESTROY argsz larger");
	expect(chan_destroy(c.id + 1000), ENOENT, "DESTROY an unknown channel");
	expect(chan_destroy(0), ENOENT, "DESTROY channel 0");
	fill(win32(&c, 0), c.size, 0xd00d);
	ret = chan_destroy(c.id);
	CHECK(!ret, "DESTROY (%s)", strerror(-ret));
	expect(chan_destroy(c.id), ENOENT, "DESTROY it again");
	sb = sgood;
	expect(submit_raw(fd, &sb), ENOENT, "SUBMIT to the destroyed channel");
	CHECK(same(win32(&c, 0), c.size, 0xd00d),
	      "after DESTROY the mapped window still reads back");
	fill(win32(&c, 0), c.size, 0xd00e);
	CHECK(same(win32(&c, 0), c.size, 0xd00e), "... and can still be written");
	ret = gem_offset(c.bo, 0, &off);
	CHECK(!ret, "GEM_MMAP_OFFSET of the window after DESTROY (%s)", strerror(-ret));
	p = ret ? NULL : gem_map(c.bo, c.size);
	CHECK(p && same(p, c.size, 0xd00e), "a new mapping of it reads the same");
	if (p)
		munmap(p, c.size);
	munmap(c.map, c.size);
	CHECK(!gem_close(c.bo), "GEM_CLOSE the window");
	va0 = c.va;

	/* a new window is zeroed, even where the last one was */
	ret = chan_open(&c2, DRM_NVVGPU_ENGINE_CE0, WIN_SIZE);
	CHECK(!ret && all32(&c2, 0, c2.size, 0),
	      "a new window reads zero (GPU VA %#llx, the last was %#llx; %s)",
	      (unsigned long long)c2.va, (unsigned long long)va0, strerror(-ret));
	chan_close(&c2);

	/* DESTROY with a job pending: -ECANCELED */
	ret = chan_open(&d, DRM_NVVGPU_ENGINE_GR, WIN_SIZE);
	if (!ret) {
		struct pb b = pb_begin(&d);

		pb_compute(&b, 200000000);
		ret = run_pb(&d, &b, s2);
		t0 = now_ns();
		ret = ret ? ret : chan_destroy(d.id);
	}
	CHECK(!ret, "DESTROY a GR channel with a 200 ms compute pending (%s)", strerror(-ret));
	if (!ret) {
		ret = sobj_wait1(s2, WAIT_MS);
		CHECK(!ret && fence_err(s2, -ECANCELED, &st),
		      "its fence signals -ECANCELED: status %d/%d, %.1f ms after DESTROY (%s)",
		      st.file, st.fence, ms_since(t0), strerror(-ret));
	}
	if (d.map) {
		munmap(d.map, d.size);
		gem_close(d.bo);
	}

	/* at most DRM_NVVGPU_MAX_JOBS in flight: a 100 ms launch holds them */
	ret = chan_open(&gr, DRM_NVVGPU_ENGINE_GR, WIN_SIZE);
	CHECK(!ret, "a GR channel for the job limit (%s)", strerror(-ret));
	if (!ret) {
		struct pb b = pb_begin(&gr), nop = pb_begin(&gr);

		pb_compute(&b, 100000000);
		pb_nop(&nop, SC_GR);
		t0 = now_ns();
		ret = run_pb(&gr, &b, 0);
		for (i = 1; i < DRM_NVVGPU_MAX_JOBS && !ret; i++)
			ret = run_pb(&gr, &nop, i == DRM_NVVGPU_MAX_JOBS - 1 ? s2 : 0);
		CHECK(!ret && gr.seqno == DRM_NVVGPU_MAX_JOBS,
		      "%u jobs in flight accepted (seqno %llu; %s)", DRM_NVVGPU_MAX_JOBS,
		      (unsigned long long)gr.seqno, strerror(-ret));
		ret = run_pb(&gr, &nop, 0);
		CHECK(ret == -EBUSY && ms_since(t0) < 1000,
		      "the next SUBMIT: EBUSY (%s, %.0f ms after the first of 100)",
		      ret ? strerrorname_np(-ret) : "success", ms_since(t0));
		ret = sobj_wait1(s2, WAIT_MS);
		CHECK(!ret && fence_ok(s2), "the last one's fence signals (%.0f ms; %s)",
		      ms_since(t0), strerror(-ret));
		ret = run_pb(&gr, &nop, s2);
		CHECK(!ret && !sobj_wait1(s2, WAIT_MS) && fence_ok(s2),
		      "then SUBMIT works again (seqno %llu; %s)", (unsigned long long)gr.seqno,
		      strerror(-ret));
		CHECK(!chan_close(&gr), "destroy it");
	}
	sobj_free(s);
	sobj_free(s2);
	return nvtest_failed;
}

/* wait until the sync_file @sfd signals, up to @ms; its status */
static bool sync_file_wait(int sfd, int ms, struct fence_st *st)
{
	struct pollfd pfd = { .fd = sfd, .events = POLLIN };

	return poll(&pfd, 1, ms) == 1 && !sync_file_status(sfd, st) && st->file;
}

/* a GR job of 1 ms on a fresh channel of a fresh fd: the engines still run */
static bool engines_run(void)
{
	struct chan gr;
	struct pb b;
	uint32_t s;
	bool ok;

	if (chan_open(&gr, DRM_NVVGPU_ENGINE_GR, WIN_SIZE))
		return false;
	s = sobj_new();
	b = pb_begin(&gr);
	pb_compute(&b, 1000000);
	ok = s && !run_pb(&gr, &b, s) && !sobj_wait1(s, WAIT_MS) && fence_ok(s);
	sobj_free(s);
	return !chan_close(&gr) && ok;
}

/* the client of the lifetime checks: channels with work, then exit */
static void busy_channels(struct chan *gr, struct chan *ce, uint32_t *s)
{
	struct pb b;
	int i;

	for (i = 0; i < 3; i++) {
		b = pb_begin(gr);
		pb_compute(&b, 20000000);
		run_pb(gr, &b, s[0]);
	}
	fill(win32(ce, SRC_OFF), XFER, 0x11fe);
	for (i = 0; i < 4; i++) {
		b = pb_begin(ce);
		pb_ce(&b, ce->va + SRC_OFF, ce->va + DST_OFF, XFER, false, 0, 0, 0);
		run_pb(ce, &b, s[1]);
	}
}

/* 4. lifetime: close the fd, exit the process, with jobs pending */
static int chan_lifetime(void)
{
	struct chan gr, ce;
	uint32_t s[2] = { sobj_new(), sobj_new() };
	struct fence_st st = { 0 };
	int sfd, ret, r2, status;
	uint64_t t0;
	pid_t pid;

	ret = chan_open(&gr, DRM_NVVGPU_ENGINE_GR, WIN_SIZE);
	r2 = chan_open(&ce, DRM_NVVGPU_ENGINE_CE0, WIN_SIZE);
	CHECK(!ret && !r2 && s[0] && s[1], "a GR and a CE0 channel (%s, %s)",
	      strerror(-ret), strerror(-r2));
	if (ret || r2)
		return 1;
	busy_channels(&gr, &ce, s);
	CHECK(gr.seqno == 3 && ce.seqno == 4,
	      "3 compute launches of 20 ms and 4 copies submitted");
	sfd = sobj_export(s[0]);
	CHECK(sfd >= 0, "the last launch's fence exported as a sync_file");
	fill(win32(&gr, SEM_OFF), 0x1000, 0x5a5a);
	t0 = now_ns();
	CHECK(!close(fd), "close the DRM fd with both channels and their jobs pending");
	CHECK(sfd >= 0 && sync_file_wait(sfd, WAIT_MS, &st),
	      "the exported fence still signals: status %d/%d, %.0f ms after close",
	      st.file, st.fence, ms_since(t0));
	if (sfd >= 0)
		close(sfd);
	CHECK(same(win32(&gr, SEM_OFF), 0x1000, 0x5a5a),
	      "a window still mapped after close reads back what was written");
	munmap(gr.map, gr.size);
	munmap(ce.map, ce.size);

	/* a process that exits with channels and jobs */
	fflush(stdout);
	pid = fork();
	if (!pid) {
		fd = open(node_path, O_RDWR | O_CLOEXEC);
		s[0] = sobj_new();
		s[1] = sobj_new();
		if (fd < 0 || chan_open(&gr, DRM_NVVGPU_ENGINE_GR, WIN_SIZE) ||
		    chan_open(&ce, DRM_NVVGPU_ENGINE_CE0, WIN_SIZE))
			_exit(1);
		busy_channels(&gr, &ce, s);
		_exit(gr.seqno == 3 && ce.seqno == 4 ? 0 : 2);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      !WEXITSTATUS(status), "a child that exits with channels and jobs pending");

	fd = open(node_path, O_RDWR | O_CLOEXEC);
	CHECK(fd >= 0, "reopen the node");
	if (fd < 0)
		return 1;
	t0 = now_ns();
	CHECK(engines_run(), "GR still runs a new client's job (%.0f ms)", ms_since(t0));
	close(fd);
	return nvtest_failed;
}

static int hold_bo(const char *ready, const char *go)
{
	const size_t size = 64 << 10;
	struct drm_nvvgpu_channel_create cc = {
		.argsz = sizeof(cc), .engine = DRM_NVVGPU_ENGINE_GR, .size = WIN_SIZE,
	};
	struct fence_st st = { 0 };
	struct chan gr;
	struct stat sb;
	uint32_t handle, *p, s;
	struct pb b;
	uint64_t v;
	int i, ret, sfd = -1;

	CHECK(!gem_create(size, 0, &handle), "hold: BO created");
	p = gem_map(handle, size);
	CHECK(p, "hold: BO mapped");
	if (!p)
		return 1;
	fill(p, size, 0xfeed);
	/* a host channel with a job that outlasts the unbind */
	s = sobj_new();
	ret = chan_open(&gr, DRM_NVVGPU_ENGINE_GR, WIN_SIZE);
	if (!ret && s) {
		b = pb_begin(&gr);
		pb_compute(&b, 2000000000);
		ret = run_pb(&gr, &b, s);
		sfd = ret ? ret : sobj_export(s);
	}
	CHECK(sfd >= 0, "hold: a GR channel with a 2 s compute launch pending (%s)",
	      strerror(-ret));
	close(open(ready, O_CREAT | O_WRONLY, 0600));
	for (i = 0; i < 600 && stat(go, &sb); i++)
		usleep(100000);
	CHECK(i < 600, "hold: told to go on");
	CHECK(getparam(DRM_NVVGPU_PARAM_FB_SIZE, 0, &v) == -ENODEV,
	      "hold: GETPARAM after unbind: ENODEV");
	ret = chan_create_raw(fd, &cc);
	CHECK(ret == -ENODEV, "hold: CHANNEL_CREATE after unbind: ENODEV (got %s)",
	      ret ? strerrorname_np(-ret) : "success");
	if (sfd >= 0) {
		CHECK(sync_file_wait(sfd, WAIT_MS, &st),
		      "hold: the pending job's fence has signalled (status %d/%d)",
		      st.file, st.fence);
		close(sfd);
		/* the window went with the GPU: no writing to it any more */
		ret = run_pb(&gr, &b, 0);
		printf("# hold: SUBMIT after unbind: %s\n", strerror(-ret));
		ret = chan_destroy(gr.id);
		printf("# hold: DESTROY after unbind: %s\n", strerror(-ret));
		munmap(gr.map, gr.size);
	}
	CHECK(same(p, size, 0xfeed), "hold: the mapped BO still holds its data");
	fill(p, size, 0xbeef);
	CHECK(same(p, size, 0xbeef), "hold: and can still be written");
	munmap(p, size);
	close(fd);
	return nvtest_failed;
}

/* the primary node: a KMS device without display, nothing to scan out */
static void kms(const char *card)
{
	struct drm_mode_card_res res = { 0 };
	struct drm_mode_fb_cmd2 fb = {
		.width = 64, .height = 64, .pixel_format = 0x34325258, /* XR24 */
		.pitches = { 256 },
	};
	int cfd = open(card, O_RDWR | O_CLOEXEC);

	CHECK(cfd >= 0, "open %s", card);
	if (cfd < 0)
		return;
	CHECK(!ioctl(cfd, DRM_IOCTL_MODE_GETRESOURCES, &res) && !res.count_crtcs &&
	      !res.count_connectors && !res.count_encoders && !res.count_fbs,
	      "KMS resources: no CRTC, connector, encoder or framebuffer");
	CHECK(ioctl(cfd, DRM_IOCTL_MODE_ADDFB2, &fb) && errno == EINVAL,
	      "a framebuffer is refused: EINVAL");
	close(cfd);
}

int main(int argc, char **argv)
{
	char name[64] = "", date[64] = "", desc[128] = "";
	struct drm_version ver = {
		.name = name, .name_len = sizeof(name) - 1,
		.date = date, .date_len = sizeof(date) - 1,
		.desc = desc, .desc_len = sizeof(desc) - 1,
	};
	struct drm_gem_close gc = { 0 };
	uint64_t v, max = 0, offset;
	uint32_t handle, h2, *p;
	const size_t size = 3 * 4096 + 100, mapsize = 4 * 4096;
	uint64_t vgpus;

	if (argc < 3)
		return 2;
	fd = open(argv[1], O_RDWR | O_CLOEXEC);
	CHECK(fd >= 0, "open %s", argv[1]);
	if (fd < 0)
		return 1;
	node_path = argv[1];
	if (argc == 5 && !strcmp(argv[2], "hold"))
		return hold_bo(argv[3], argv[4]);
	if (!strcmp(argv[2], "work"))
		return chan_work(argc > 3 ? strtod(argv[3], NULL) : 0);
	if (!strcmp(argv[2], "error"))
		return chan_error();
	if (!strcmp(argv[2], "badinput"))
		return chan_badinput();
	if (!strcmp(argv[2], "lifetime"))
		return chan_lifetime();
	vgpus = strtoull(argv[2], NULL, 0);
	if (argc == 4)
		kms(argv[3]);

	CHECK(!ioctl(fd, DRM_IOCTL_VERSION, &ver) && !strcmp(name, "nvvgpu"),
	      "DRM_IOCTL_VERSION: %s %d.%d.%d (%s, %s)", name, ver.version_major,
	      ver.version_minor, ver.version_patchlevel, desc, date);

	/* GETPARAM */
	CHECK(!getparam(DRM_NVVGPU_PARAM_FB_SIZE, 0, &v) && v, "FB size %llu MiB",
	      (unsigned long long)v >> 20);
	CHECK(!getparam(DRM_NVVGPU_PARAM_NUM_VGPU_TYPES, 0, &v) && v,
	      "%llu vGPU types", (unsigned long long)v);
	CHECK(!getparam(DRM_NVVGPU_PARAM_NUM_VGPUS, 0, &v) && v == vgpus,
	      "%llu vGPUs (want %llu)", (unsigned long long)v,
	      (unsigned long long)vgpus);
	CHECK(!getparam(DRM_NVVGPU_PARAM_FW_VERSION, 0, &v) &&
	      DRM_NVVGPU_FW_VERSION_MAJOR(v), "firmware %u.%u.%02u",
	      DRM_NVVGPU_FW_VERSION_MAJOR(v), DRM_NVVGPU_FW_VERSION_MINOR(v),
	      DRM_NVVGPU_FW_VERSION_PATCH(v));
	CHECK(!getparam(DRM_NVVGPU_PARAM_NUM_CHANNELS, 0, &v) && v,
	      "%llu channels", (unsigned long long)v);
	CHECK(!getparam(DRM_NVVGPU_PARAM_GEM_MAX_SIZE, 0, &max) && max,
	      "GEM max size %llu MiB", (unsigned long long)max >> 20);
	CHECK(getparam(0, 0, &v) == -EINVAL, "param 0: EINVAL");
	CHECK(getparam(9999, 0, &v) == -EINVAL, "param 9999: EINVAL");
	CHECK(getparam(DRM_NVVGPU_PARAM_FB_SIZE, 1, &v) == -EINVAL,
	      "non-zero pad: EINVAL");

	/* GEM create, bad input */
	CHECK(gem_create(0, 0, &handle) == -EINVAL, "GEM size 0: EINVAL");
	CHECK(gem_create(4096, 1, &handle) == -EINVAL, "GEM flags 1: EINVAL");
	CHECK(gem_create(max + 1, 0, &handle) == -EINVAL, "GEM size max+1: EINVAL");
	CHECK(gem_create(~0ull, 0, &handle) == -EINVAL, "GEM size ~0: EINVAL");

	/* GEM create, mmap, write, read */
	CHECK(!gem_create(size, 0, &handle), "GEM create %zu bytes: handle %u",
	      size, handle);
	CHECK(gem_offset(handle, 1, &offset) == -EINVAL, "mmap offset flags 1: EINVAL");
	CHECK(gem_offset(handle + 1000, 0, &offset) == -ENOENT,
	      "mmap offset of an unknown handle: ENOENT");
	CHECK(!gem_offset(handle, 0, &offset) && offset && !(offset & 4095),
	      "mmap offset %#llx", (unsigned long long)offset);
	p = gem_map(handle, mapsize);
	CHECK(p, "mmap the BO (size rounded up to whole pages)");
	if (p) {
		CHECK(p[0] == 0 && p[mapsize / 4 - 1] == 0, "a new BO reads zero");
		fill(p, mapsize, 0x1234);
		munmap(p, mapsize);
	}
	p = gem_map(handle, mapsize);
	CHECK(p && same(p, mapsize, 0x1234), "a second mapping reads what the first wrote");
	if (p)
		munmap(p, mapsize);
	CHECK(mmap(NULL, mapsize + 4096, PROT_READ, MAP_SHARED, fd, offset) == MAP_FAILED,
	      "mmap beyond the BO fails");

	CHECK(!gem_create(max, 0, &h2), "GEM create of the max size (not touched)");
	gc.handle = h2;
	CHECK(!ioctl(fd, DRM_IOCTL_GEM_CLOSE, &gc), "GEM close");
	gc.handle = handle;
	CHECK(!ioctl(fd, DRM_IOCTL_GEM_CLOSE, &gc), "GEM close");
	CHECK(gem_offset(handle, 0, &offset) == -ENOENT, "closed handle: ENOENT");
	CHECK(ioctl(fd, DRM_IO(DRM_COMMAND_BASE + 0x3f)) && errno == EINVAL,
	      "unknown driver ioctl: EINVAL");
	close(fd);
	return nvtest_failed;
}
