// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the simulated GPU's channel table and engines (sim/sim_channel.c,
 * sim/sim_engine.c, sim/sim_space.c): channel-ID bounds per function (the
 * host's are the top 512, a vGPU's its bootloaded range, a GFID beyond the
 * GPU's has none), the GPFIFO ring as the engines run it (wrap, GP_PUT
 * beyond the ring) and the ECC page fault injection, on a GPU whose engine
 * threads run and whose framebuffer is real pages.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/delay.h>
#include <linux/highmem.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#include <nvvgpu/abi/gsp_rpc.h>
#include <nvvgpu/core.h>

#include "../sim/sim.h"

#define CT_FB		(64ULL << 20)
#define CT_SEG0		(16ULL << 20)	/* GFID 1's two guest FB segments */
#define CT_SEG1		(40ULL << 20)
#define CT_SEG_LEN	(8ULL << 20)

/* the host channels' layout, physical FB offsets */
#define CT_RING(i)	(0x100000ULL + (i) * 0x10000)
#define CT_USERD(i)	(CT_RING(i) + 0x1000)
#define CT_SEM(i)	(CT_RING(i) + 0x2000)
#define CT_PB(i, k)	(CT_RING(i) + 0x4000 + (k) * 0x100)
#define CT_SRC		0x400000ULL
#define CT_DST		0x500000ULL
#define CT_COPY		0x4000U

struct ct {
	struct sim_gpu *sim;
	struct nvvgpu_pgpu *pgpu;
	struct nvvgpu_event_sink host_sink;
	atomic_t errors;
	u32 last_xid;
	u32 last_chid;
	u64 last_addr;
};

static void ct_notify(struct nvvgpu_event_sink *sink,
		      const struct nvvgpu_event *ev)
{
	struct ct *t = container_of(sink, struct ct, host_sink);

	if (ev->type != NVVGPU_EVENT_CHANNEL_ERROR)
		return;
	WRITE_ONCE(t->last_xid, ev->xid);
	WRITE_ONCE(t->last_chid, ev->chid);
	WRITE_ONCE(t->last_addr, ev->addr);
	atomic_inc(&t->errors);
}

static void ct_pdev_put(void *pdev)
{
	platform_device_unregister(pdev);
}

static void ct_teardown(void *data)
{
	struct ct *t = data;
	struct sim_gpu *sim = t->sim;
	unsigned long index;
	struct page *page;
	u32 g;

	sim_engines_fini(sim);
	sim_vf_fini(sim);
	xa_for_each(&sim->fb_pages, index, page)
		__free_page(page);
	xa_destroy(&sim->fb_pages);
	for (g = 0; g < SIM_MAX_GFID; g++)
		kfree(sim->vgpus[g].segs);
	mutex_destroy(&sim->gsp.lock);
}

/* bootload GFID @gfid on one segment at @phys, channel IDs @base + @n */
static void ct_vgpu(struct kunit *test, u32 gfid, u64 phys, u64 len, u32 base,
		    u32 n)
{
	struct ct *t = test->priv;
	struct sim_vgpu *v = &t->sim->vgpus[gfid - 1];

	v->segs = kcalloc(1, sizeof(*v->segs), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, v->segs);
	v->segs[0][0] = phys;
	v->segs[0][1] = len;
	v->num_segments = 1;
	v->fb_base = phys;
	v->fb_size = len;
	v->chid_base = base;
	v->num_channels = n;
	v->state = SIM_VGPU_BOOTED;
}

static int ct_init(struct kunit *test)
{
	struct ct *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	struct sim_gpu *sim;

	KUNIT_ASSERT_NOT_NULL(test, t);
	test->priv = t;
	sim = kunit_kzalloc(test, sizeof(*sim), GFP_KERNEL);
	t->pgpu = kunit_kzalloc(test, sizeof(*t->pgpu), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, sim);
	KUNIT_ASSERT_NOT_NULL(test, t->pgpu);
	t->sim = sim;
	atomic_set(&t->errors, 0);

	sim->pdev = platform_device_register_simple("nvvgpu_sim_chan_kunit",
						    PLATFORM_DEVID_AUTO, NULL, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(sim->pdev));
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, ct_pdev_put,
							sim->pdev), 0);
	sim->dev = &sim->pdev->dev;
	sim->fb_size = CT_FB;
	sim->fb_usable = CT_FB;
	xa_init(&sim->fb_pages);
	mutex_init(&sim->gsp.lock);
	sim_vf_init(sim);

	t->pgpu->dev = &sim->pdev->dev;
	t->pgpu->backend_priv = sim;
	xa_init(&t->pgpu->vgpus);
	t->host_sink.notify = ct_notify;
	rcu_assign_pointer(t->pgpu->host_sink, &t->host_sink);
	sim->pgpu = t->pgpu;

	KUNIT_ASSERT_EQ(test, sim_engines_init(sim), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, ct_teardown, t), 0);
	return 0;
}

static struct nv_channel_alloc_params ct_params(u64 ring, u32 entries,
						u64 userd, u32 engine)
{
	struct nv_channel_alloc_params p = {};

	p.gp_fifo_offset = ring;
	p.gp_fifo_entries = entries;
	p.userd_mem.base = userd;
	p.engine_type = engine;
	return p;
}

static u32 ct_alloc(struct kunit *test, u32 gfid, u32 handle,
		    const struct nv_channel_alloc_params *p, u32 *chid)
{
	struct sim_gpu *sim = ((struct ct *)test->priv)->sim;
	u32 status;

	*chid = U32_MAX;
	mutex_lock(&sim->gsp.lock);
	status = sim_channel_alloc(sim, gfid, handle, p, chid);
	mutex_unlock(&sim->gsp.lock);
	return status;
}

/* a CE0 channel of @gfid with a small ring at 0x10000 of its space */
static u32 ct_alloc_small(struct kunit *test, u32 gfid, u32 handle, u32 *chid)
{
	struct nv_channel_alloc_params p = ct_params(0x10000, 8, 0x20000,
						     NV2080_ENGINE_TYPE_COPY0);

	return ct_alloc(test, gfid, handle, &p, chid);
}

/* the host's channel IDs are the top 512, and only those */
static void ct_host_range(struct kunit *test)
{
	struct ct *t = test->priv;
	struct sim_engines *e = &t->sim->engines;
	u32 i, chid;

	KUNIT_ASSERT_EQ(test, SIM_HOST_CHID_BASE, SIM_NUM_CHANNELS - 512);
	for (i = 0; i < 512; i++) {
		KUNIT_ASSERT_EQ(test, ct_alloc_small(test, 0, 0x100 + i, &chid),
				NV_OK);
		KUNIT_EXPECT_EQ(test, chid, SIM_HOST_CHID_BASE + i);
	}
	KUNIT_EXPECT_EQ(test, ct_alloc_small(test, 0, 0x1000, &chid),
			NV_ERR_INSUFFICIENT_RESOURCES);
	KUNIT_EXPECT_EQ(test, chid, U32_MAX);
	/* nothing below the host's range was handed out */
	for (i = 0; i < SIM_HOST_CHID_BASE; i++)
		KUNIT_EXPECT_NULL(test, e->chans[i]);
	KUNIT_EXPECT_EQ(test, ct_alloc_small(test, 0, 0x105, &chid),
			NV_ERR_INSERT_DUPLICATE_NAME);
	/* a freed ID is given again */
	KUNIT_EXPECT_EQ(test, sim_channel_free(t->sim, 0, 0x105), NV_OK);
	KUNIT_EXPECT_NULL(test, e->chans[SIM_HOST_CHID_BASE + 5]);
	KUNIT_EXPECT_EQ(test, ct_alloc_small(test, 0, 0x2000, &chid), NV_OK);
	KUNIT_EXPECT_EQ(test, chid, SIM_HOST_CHID_BASE + 5);
	KUNIT_EXPECT_EQ(test, sim_channel_free(t->sim, 0, 0x105),
			NV_ERR_OBJECT_NOT_FOUND);
}

/* a vGPU gets only its bootloaded range; handles are per function */
static void ct_vgpu_range(struct kunit *test)
{
	struct ct *t = test->priv;
	struct sim_engines *e = &t->sim->engines;
	u64 bad;
	u32 i, chid;

	ct_vgpu(test, 1, CT_SEG0, CT_SEG_LEN, 100, 4);
	ct_vgpu(test, 2, CT_SEG1, CT_SEG_LEN, 104, 2);
	for (i = 0; i < 4; i++) {
		KUNIT_EXPECT_EQ(test, ct_alloc_small(test, 1, 0xa0 + i, &chid),
				NV_OK);
		KUNIT_EXPECT_EQ(test, chid, 100 + i);
	}
	KUNIT_EXPECT_EQ(test, ct_alloc_small(test, 1, 0xa4, &chid),
			NV_ERR_INSUFFICIENT_RESOURCES);
	/* GFID 2 may use GFID 1's handle; it gets its own range */
	KUNIT_EXPECT_EQ(test, ct_alloc_small(test, 2, 0xa0, &chid), NV_OK);
	KUNIT_EXPECT_EQ(test, chid, 104);
	KUNIT_EXPECT_EQ(test, ct_alloc_small(test, 2, 0xa1, &chid), NV_OK);
	KUNIT_EXPECT_EQ(test, chid, 105);
	KUNIT_EXPECT_EQ(test, ct_alloc_small(test, 2, 0xa2, &chid),
			NV_ERR_INSUFFICIENT_RESOURCES);
	/* the host's range is unaffected */
	KUNIT_EXPECT_EQ(test, ct_alloc_small(test, 0, 0xa0, &chid), NV_OK);
	KUNIT_EXPECT_EQ(test, chid, SIM_HOST_CHID_BASE);

	/* a doorbell reaches only the ringing function's own channels */
	bad = e->bad_doorbells;
	sim_channel_doorbell(t->sim, 2, 100);
	sim_channel_doorbell(t->sim, 1, 104);
	sim_channel_doorbell(t->sim, 1, SIM_HOST_CHID_BASE);
	sim_channel_doorbell(t->sim, 0, 100);
	sim_channel_doorbell(t->sim, 1, SIM_NUM_CHANNELS);
	sim_channel_doorbell(t->sim, 1, U32_MAX);
	KUNIT_EXPECT_EQ(test, e->bad_doorbells, bad + 6);
	sim_channel_doorbell(t->sim, 1, 100);
	KUNIT_EXPECT_EQ(test, e->bad_doorbells, bad + 6);

	/* freeing GFID 2's 0xa0 leaves GFID 1's and the host's */
	KUNIT_EXPECT_EQ(test, sim_channel_free(t->sim, 2, 0xa0), NV_OK);
	KUNIT_EXPECT_NULL(test, e->chans[104]);
	KUNIT_EXPECT_NOT_NULL(test, e->chans[100]);
	KUNIT_EXPECT_NOT_NULL(test, e->chans[SIM_HOST_CHID_BASE]);
	KUNIT_EXPECT_EQ(test, sim_channel_free(t->sim, 2, 0xa2),
			NV_ERR_OBJECT_NOT_FOUND);
	sim_channels_free_all(t->sim, 1);
	for (i = 100; i < 104; i++)
		KUNIT_EXPECT_NULL(test, e->chans[i]);
	KUNIT_EXPECT_NOT_NULL(test, e->chans[105]);
}

/* GFIDs beyond the GPU's, or not bootloaded, and ranges at the table's end */
static void ct_gfid_bounds(struct kunit *test)
{
	struct ct *t = test->priv;
	struct sim_engines *e = &t->sim->engines;
	struct nv_channel_alloc_params p;
	u64 bad = e->bad_doorbells;
	u32 chid;

	KUNIT_EXPECT_EQ(test, ct_alloc_small(test, SIM_MAX_GFID + 1, 1, &chid),
			NV_ERR_INVALID_STATE);
	KUNIT_EXPECT_EQ(test, ct_alloc_small(test, U32_MAX, 1, &chid),
			NV_ERR_INVALID_STATE);
	/* these look for the handle in the GFID's range: there is none */
	KUNIT_EXPECT_EQ(test, sim_channel_free(t->sim, SIM_MAX_GFID + 1, 1),
			NV_ERR_OBJECT_NOT_FOUND);
	KUNIT_EXPECT_EQ(test, sim_channel_free(t->sim, U32_MAX, 1),
			NV_ERR_OBJECT_NOT_FOUND);
	sim_channels_free_all(t->sim, SIM_MAX_GFID + 1);
	sim_channel_doorbell(t->sim, SIM_MAX_GFID + 1, SIM_HOST_CHID_BASE);
	KUNIT_EXPECT_EQ(test, e->bad_doorbells, bad + 1);
	/* a GFID whose plugin is not bootloaded */
	KUNIT_EXPECT_EQ(test, ct_alloc_small(test, 3, 1, &chid),
			NV_ERR_INVALID_STATE);

	/* a range that runs to the table's end stops there */
	ct_vgpu(test, 1, CT_SEG0, CT_SEG_LEN, SIM_NUM_CHANNELS - 2, 8);
	KUNIT_EXPECT_EQ(test, ct_alloc_small(test, 1, 1, &chid), NV_OK);
	KUNIT_EXPECT_EQ(test, chid, SIM_NUM_CHANNELS - 2);
	KUNIT_EXPECT_EQ(test, ct_alloc_small(test, 1, 2, &chid), NV_OK);
	KUNIT_EXPECT_EQ(test, chid, SIM_NUM_CHANNELS - 1);
	KUNIT_EXPECT_EQ(test, ct_alloc_small(test, 1, 3, &chid),
			NV_ERR_INSUFFICIENT_RESOURCES);
	KUNIT_EXPECT_EQ(test, sim_channel_free(t->sim, 1, 2), NV_OK);

	/* ring and USERD are checked against the function's space */
	p = ct_params(CT_SEG_LEN - 0x40, 16, 0x20000, NV2080_ENGINE_TYPE_COPY0);
	KUNIT_EXPECT_EQ(test, ct_alloc(test, 1, 4, &p, &chid),
			NV_ERR_INVALID_ADDRESS);
	p = ct_params(0x10000, 16, CT_SEG_LEN, NV2080_ENGINE_TYPE_COPY0);
	KUNIT_EXPECT_EQ(test, ct_alloc(test, 1, 4, &p, &chid),
			NV_ERR_INVALID_ADDRESS);
	p = ct_params(0x10000, 12, 0x20000, NV2080_ENGINE_TYPE_COPY0);
	KUNIT_EXPECT_EQ(test, ct_alloc(test, 1, 4, &p, &chid),
			NV_ERR_INVALID_ARGUMENT);
	p = ct_params(0x10000, SIM_MAX_GPFIFO_ENTRIES * 2, 0x20000,
		      NV2080_ENGINE_TYPE_COPY0);
	KUNIT_EXPECT_EQ(test, ct_alloc(test, 1, 4, &p, &chid),
			NV_ERR_INVALID_ARGUMENT);
}

/* sim_space_find_phys() over two segments */
static void ct_space_find_phys(struct kunit *test)
{
	u64 segs[2][2] = { { 0x100000, 0x2000 }, { 0x50000, 0x3000 } };
	struct sim_space sp = { .segs = segs, .num_segs = 2, .size = 0x5000 };
	u64 at = 0;

	/* function [0x2000, 0x5000) is physical [0x50000, 0x53000) */
	KUNIT_EXPECT_TRUE(test, sim_space_find_phys(&sp, 0, 0x5000, 0x51000,
						    0x1000, &at));
	KUNIT_EXPECT_EQ(test, at, 0x3000);
	KUNIT_EXPECT_TRUE(test, sim_space_find_phys(&sp, 0x3800, 4, 0x51000,
						    0x1000, &at));
	KUNIT_EXPECT_EQ(test, at, 0x3800);
	KUNIT_EXPECT_FALSE(test, sim_space_find_phys(&sp, 0, 0x2000, 0x51000,
						     0x1000, &at));
	KUNIT_EXPECT_FALSE(test, sim_space_find_phys(&sp, 0x4000, 0x1000,
						     0x51000, 0x1000, &at));
	/* across the segments' seam: each side finds its own page */
	KUNIT_EXPECT_TRUE(test, sim_space_find_phys(&sp, 0x1ffc, 8, 0x50000,
						    0x1000, &at));
	KUNIT_EXPECT_EQ(test, at, 0x2000);
	KUNIT_EXPECT_TRUE(test, sim_space_find_phys(&sp, 0x1ffc, 8, 0x101000,
						    0x1000, &at));
	KUNIT_EXPECT_EQ(test, at, 0x1ffc);
	/* physically adjacent to a segment, but not in the space */
	KUNIT_EXPECT_FALSE(test, sim_space_find_phys(&sp, 0, 0x5000, 0x102000,
						     0x1000, &at));
	KUNIT_EXPECT_FALSE(test, sim_space_find_phys(&sp, 0, 0x5000, 0x4f000,
						     0x1000, &at));
	KUNIT_EXPECT_FALSE(test, sim_space_find_phys(&sp, 0x1000, 0, 0x101000,
						     0x1000, &at));
	KUNIT_EXPECT_FALSE(test, sim_space_find_phys(&sp, U64_MAX - 1, 16,
						     0x100000, 0x1000, &at));
}

/* --- the engines running a host channel ------------------------------------ */

static void ct_fb_rw(struct kunit *test, u64 phys, void *buf, size_t len,
		     bool write)
{
	struct ct *t = test->priv;
	struct page *page;

	KUNIT_ASSERT_LE(test, offset_in_page(phys) + len, PAGE_SIZE);
	page = sim_fb_page(t->pgpu, phys & PAGE_MASK);
	KUNIT_ASSERT_NOT_NULL(test, page);
	if (write)
		memcpy_to_page(page, offset_in_page(phys), buf, len);
	else
		memcpy_from_page(buf, page, offset_in_page(phys), len);
}

static void ct_wr32(struct kunit *test, u64 phys, u32 v)
{
	ct_fb_rw(test, phys, &v, 4, true);
}

static u32 ct_rd32(struct kunit *test, u64 phys)
{
	u32 v;

	ct_fb_rw(test, phys, &v, 4, false);
	return v;
}

static u32 ct_mthd(u32 subch, u32 method, u32 count)
{
	return FIELD_PREP(NVC56F_DMA_SEC_OP, NVC56F_DMA_SEC_OP_INC_METHOD) |
	       FIELD_PREP(NVC56F_DMA_METHOD_COUNT, count) |
	       FIELD_PREP(NVC56F_DMA_METHOD_SUBCHANNEL, subch) |
	       FIELD_PREP(NVC56F_DMA_METHOD_ADDRESS, method >> 2);
}

/*
 * Entry @slot of host channel @i: a pushbuffer that copies @len bytes
 * (@len 0: no copy) from @src to @dst, then releases @payload to the
 * channel's semaphore.
 */
static void ct_entry(struct kunit *test, u32 i, u32 slot, u64 src, u64 dst,
		     u32 len, u32 payload)
{
	u32 pb[24], n = 0, k;
	u64 at = CT_PB(i, slot);

	pb[n++] = ct_mthd(4, NVC56F_SET_OBJECT, 1);
	pb[n++] = AMPERE_DMA_COPY_A;
	if (len) {
		pb[n++] = ct_mthd(4, NVC6B5_OFFSET_IN_UPPER, 4);
		pb[n++] = upper_32_bits(src);
		pb[n++] = lower_32_bits(src);
		pb[n++] = upper_32_bits(dst);
		pb[n++] = lower_32_bits(dst);
		pb[n++] = ct_mthd(4, NVC6B5_LINE_LENGTH_IN, 1);
		pb[n++] = len;
		pb[n++] = ct_mthd(4, NVC6B5_LAUNCH_DMA, 1);
		pb[n++] = FIELD_PREP(NVC6B5_LAUNCH_DMA_DATA_TRANSFER_TYPE, 2) |
			  NVC6B5_LAUNCH_DMA_SRC_MEMORY_LAYOUT_PITCH |
			  NVC6B5_LAUNCH_DMA_DST_MEMORY_LAYOUT_PITCH;
	}
	pb[n++] = ct_mthd(0, NVC56F_SEM_ADDR_LO, 5);
	pb[n++] = lower_32_bits(CT_SEM(i));
	pb[n++] = upper_32_bits(CT_SEM(i));
	pb[n++] = payload;
	pb[n++] = 0;
	pb[n++] = NVC56F_SEM_EXECUTE_OPERATION_RELEASE;
	for (k = 0; k < n; k++)
		ct_wr32(test, at + 4 * k, pb[k]);
	ct_wr32(test, CT_RING(i) + slot * 8, lower_32_bits(at) & ~3U);
	ct_wr32(test, CT_RING(i) + slot * 8 + 4,
		FIELD_PREP(NVC56F_GP_ENTRY1_GET_HI, upper_32_bits(at)) |
		FIELD_PREP(NVC56F_GP_ENTRY1_LENGTH, n));
}

/* host channel @i (handle 0x10 + @i) on CE0 with a ring of @entries */
static u32 ct_chan(struct kunit *test, u32 i, u32 entries)
{
	struct nv_channel_alloc_params p = ct_params(CT_RING(i), entries,
						     CT_USERD(i),
						     NV2080_ENGINE_TYPE_COPY0);
	u32 chid;

	KUNIT_ASSERT_EQ(test, ct_alloc(test, 0, 0x10 + i, &p, &chid), NV_OK);
	return chid;
}

static void ct_kick(struct kunit *test, u32 i, u32 chid, u32 put)
{
	ct_wr32(test, CT_USERD(i) + NVC56F_USERD_GP_PUT, put);
	sim_channel_doorbell(((struct ct *)test->priv)->sim, 0, chid);
}

/* wait until channel @i's GP_GET is @get or it is in error; its GP_GET */
static u32 ct_wait(struct kunit *test, u32 i, u32 chid, u32 get)
{
	struct sim_channel *ch = ((struct ct *)test->priv)->sim->engines.chans[chid];
	u32 k, now = U32_MAX;

	for (k = 0; k < 400; k++) {
		now = ct_rd32(test, CT_USERD(i) + NVC56F_USERD_GP_GET);
		if (now == get || READ_ONCE(ch->error))
			break;
		usleep_range(2000, 5000);
	}
	return now;
}

/*
 * The engine marks the channel in error, then reports it: wait for the
 * @n-th error event. Return: the events seen.
 */
static int ct_wait_errors(struct kunit *test, int n)
{
	struct ct *t = test->priv;
	u32 k;

	for (k = 0; k < 400 && atomic_read(&t->errors) < n; k++)
		usleep_range(2000, 5000);
	return atomic_read(&t->errors);
}

static bool ct_in_error(struct kunit *test, u32 chid)
{
	return READ_ONCE(((struct ct *)test->priv)->sim->engines.chans[chid]->error);
}

/* the engine runs GP_GET around the end of the ring, one by one and batched */
static void ct_engine_ring_wrap(struct kunit *test)
{
	struct ct *t = test->priv;
	u32 chid = ct_chan(test, 0, 4), k, put = 0;

	for (k = 1; k <= 6; k++) {
		ct_entry(test, 0, put, 0, 0, 0, k);
		put = (put + 1) % 4;
		ct_kick(test, 0, chid, put);
		KUNIT_ASSERT_EQ(test, ct_wait(test, 0, chid, put), put);
		KUNIT_EXPECT_EQ(test, ct_rd32(test, CT_SEM(0)), k);
	}
	/* GP_GET 2: three entries at once, 2, 3 and 0, the ring then full - 0 */
	KUNIT_ASSERT_EQ(test, put, 2);
	for (k = 0; k < 3; k++)
		ct_entry(test, 0, (2 + k) % 4, 0, 0, 0, 0x100 + k);
	ct_kick(test, 0, chid, 1);
	KUNIT_EXPECT_EQ(test, ct_wait(test, 0, chid, 1), 1);
	KUNIT_EXPECT_EQ(test, ct_rd32(test, CT_SEM(0)), 0x102);
	KUNIT_EXPECT_FALSE(test, ct_in_error(test, chid));
	KUNIT_EXPECT_EQ(test, atomic_read(&t->errors), 0);
	KUNIT_EXPECT_EQ(test, t->sim->engines.chans[chid]->entries_done, 9);
}

/* GP_PUT beyond the ring: that channel errs, nothing past the ring is read */
static void ct_engine_put_beyond(struct kunit *test)
{
	struct ct *t = test->priv;
	u32 bad = ct_chan(test, 0, 4), good = ct_chan(test, 1, 4);

	/* what the entry just past the ring would do, taken modulo or not */
	ct_entry(test, 0, 0, 0, 0, 0, 0xbad0);
	ct_entry(test, 0, 4, 0, 0, 0, 0xbad4);
	ct_kick(test, 0, bad, 5);
	ct_wait(test, 0, bad, 5);
	KUNIT_EXPECT_TRUE(test, ct_in_error(test, bad));
	KUNIT_EXPECT_EQ(test, ct_wait_errors(test, 1), 1);
	KUNIT_EXPECT_EQ(test, READ_ONCE(t->last_xid), ROBUST_CHANNEL_PBDMA_ERROR);
	KUNIT_EXPECT_EQ(test, READ_ONCE(t->last_chid), bad);
	KUNIT_EXPECT_EQ(test, ct_rd32(test, CT_USERD(0) + NVC56F_USERD_GP_GET), 0);
	KUNIT_EXPECT_EQ(test, ct_rd32(test, CT_SEM(0)), 0);

	/* a channel in error stays so; the other one works */
	ct_kick(test, 0, bad, 1);
	ct_entry(test, 1, 0, 0, 0, 0, 0x600d);
	ct_kick(test, 1, good, 1);
	KUNIT_EXPECT_EQ(test, ct_wait(test, 1, good, 1), 1);
	KUNIT_EXPECT_EQ(test, ct_rd32(test, CT_SEM(1)), 0x600d);
	KUNIT_EXPECT_EQ(test, ct_rd32(test, CT_SEM(0)), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&t->errors), 1);
}

/* fault/ecc_page: the address it takes */
static void ct_ecc_inject(struct kunit *test)
{
	struct sim_gpu *sim = ((struct ct *)test->priv)->sim;
	u32 i;

	KUNIT_EXPECT_EQ(test, sim_engine_inject_ecc(sim, 0x1234), -EINVAL);
	KUNIT_EXPECT_EQ(test, sim_engine_inject_ecc(sim, CT_FB), -EINVAL);
	KUNIT_EXPECT_EQ(test, sim_engine_inject_ecc(sim, U64_MAX & ~0xfffULL),
			-EINVAL);
	sim->fb_usable = CT_FB - SZ_1M;
	KUNIT_EXPECT_EQ(test, sim_engine_inject_ecc(sim, CT_FB - SZ_4K), -EINVAL);
	KUNIT_EXPECT_EQ(test, sim_engine_inject_ecc(sim, CT_FB - SZ_1M - SZ_4K), 0);
	KUNIT_EXPECT_EQ(test, sim_engine_inject_ecc(sim, CT_FB - SZ_1M - SZ_4K),
			-EEXIST);
	KUNIT_EXPECT_EQ(test, sim_engine_inject_ecc(sim, 0), 0);
	for (i = 2; i < SIM_MAX_ECC_PAGES; i++)
		KUNIT_EXPECT_EQ(test, sim_engine_inject_ecc(sim, i * SZ_4K), 0);
	KUNIT_EXPECT_EQ(test, sim_engine_inject_ecc(sim, SZ_1M), -ENOSPC);
	KUNIT_EXPECT_EQ(test, sim->engines.num_ecc, SIM_MAX_ECC_PAGES);
	KUNIT_EXPECT_FALSE(test, sim->engines.ecc[0].retired);
}

/* a copy over an ECC page: Xid 48 for that channel, then the page is retired */
static void ct_engine_ecc(struct kunit *test)
{
	struct ct *t = test->priv;
	struct sim_engines *e = &t->sim->engines;
	u64 page = CT_SRC + SZ_8K;
	u32 a = ct_chan(test, 0, 4), b, c, k;

	for (k = 0; k < CT_COPY; k += 4)
		ct_wr32(test, CT_SRC + k, k ^ 0x5a5a5a5a);
	KUNIT_ASSERT_EQ(test, sim_engine_inject_ecc(t->sim, page), 0);

	ct_entry(test, 0, 0, CT_SRC, CT_DST, 4 * SZ_4K, 1);
	ct_kick(test, 0, a, 1);
	ct_wait(test, 0, a, 1);
	KUNIT_EXPECT_TRUE(test, ct_in_error(test, a));
	KUNIT_EXPECT_EQ(test, ct_wait_errors(test, 1), 1);
	KUNIT_EXPECT_EQ(test, READ_ONCE(t->last_xid), ROBUST_CHANNEL_GPU_ECC_DBE);
	KUNIT_EXPECT_EQ(test, READ_ONCE(t->last_chid), a);
	KUNIT_EXPECT_EQ(test, READ_ONCE(t->last_addr), page);
	KUNIT_EXPECT_EQ(test, ct_rd32(test, CT_SEM(0)), 0);
	KUNIT_EXPECT_TRUE(test, e->ecc[0].retired);
	KUNIT_EXPECT_EQ(test, e->ecc[0].gfid, 0);
	KUNIT_EXPECT_EQ(test, e->ecc[0].chid, a);
	KUNIT_EXPECT_EQ(test, e->ecc[0].hits, 1);

	/* retired: a fresh channel faults on it too, here as the destination */
	b = ct_chan(test, 1, 4);
	ct_entry(test, 1, 0, CT_DST, page + 0x100, 0x100, 1);
	ct_kick(test, 1, b, 1);
	ct_wait(test, 1, b, 1);
	KUNIT_EXPECT_TRUE(test, ct_in_error(test, b));
	KUNIT_EXPECT_EQ(test, ct_wait_errors(test, 2), 2);
	KUNIT_EXPECT_EQ(test, READ_ONCE(t->last_xid), ROBUST_CHANNEL_GPU_ECC_DBE);
	KUNIT_EXPECT_EQ(test, READ_ONCE(t->last_addr), page + 0x100);
	KUNIT_EXPECT_EQ(test, e->ecc[0].chid, a);
	KUNIT_EXPECT_EQ(test, e->ecc[0].hits, 2);

	/* the pages around it still copy */
	c = ct_chan(test, 2, 4);
	ct_entry(test, 2, 0, CT_SRC, CT_DST, 2 * SZ_4K, 7);
	ct_kick(test, 2, c, 1);
	KUNIT_EXPECT_EQ(test, ct_wait(test, 2, c, 1), 1);
	KUNIT_EXPECT_FALSE(test, ct_in_error(test, c));
	KUNIT_EXPECT_EQ(test, ct_rd32(test, CT_SEM(2)), 7);
	KUNIT_EXPECT_EQ(test, ct_rd32(test, CT_DST + SZ_4K + 8),
			(SZ_4K + 8) ^ 0x5a5a5a5a);
	KUNIT_EXPECT_EQ(test, atomic_read(&t->errors), 2);
}

static struct kunit_case sim_channel_test_cases[] = {
	KUNIT_CASE(ct_host_range),
	KUNIT_CASE(ct_vgpu_range),
	KUNIT_CASE(ct_gfid_bounds),
	KUNIT_CASE(ct_space_find_phys),
	KUNIT_CASE(ct_engine_ring_wrap),
	KUNIT_CASE(ct_engine_put_beyond),
	KUNIT_CASE(ct_ecc_inject),
	KUNIT_CASE(ct_engine_ecc),
	{}
};

static struct kunit_suite sim_channel_test_suite = {
	.name = "nvvgpu_sim_channel",
	.init = ct_init,
	.test_cases = sim_channel_test_cases,
};

kunit_test_suite(sim_channel_test_suite);
