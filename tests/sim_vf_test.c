// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the simulated VF (sim/sim_vf.c): its interrupt tree (RW1C leaf,
 * enables, TOP), interrupt messages only when enabled, MMU fault state,
 * the plugin mailbox's header validation and ALLOC_CHANNEL_DMA / FREE
 * reaching the channel calls, the mailbox through BAR0 and the workqueue,
 * and FLR.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/highmem.h>
#include <linux/platform_device.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#include <nvvgpu/abi/gsp_queue.h>
#include <nvvgpu/abi/gsp_rpc.h>
#include <nvvgpu/compat.h>
#include <nvvgpu/core.h>

#include "../sim/sim.h"

#define GFID		1
#define SEG0_PHYS	(16ULL << 20)
#define SEG1_PHYS	(40ULL << 20)
#define SEG_LEN		(8ULL << 20)
#define MSG		0x3000ULL		/* guest FB offset, segment 0 */
#define MSG1		(SEG_LEN + 0x5000)	/* guest FB offset, segment 1 */

#define R_LEAF		NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF(0)
#define R_LEAF_SET	NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF_EN_SET(0)
#define R_LEAF_CLR	NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF_EN_CLEAR(0)
#define R_TOP		NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_TOP(0)
#define R_TOP_SET	NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_TOP_EN_SET(0)
#define R_TOP_CLR	NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_TOP_EN_CLEAR(0)
#define R_SCRATCH(i)	NV_VIRTUAL_FUNCTION_PRIV_MAILBOX_SCRATCH(i)

struct vf_test {
	struct sim_gpu *sim;
	struct nvvgpu_pgpu *pgpu;
	struct nvvgpu_vgpu *vgpu;
	struct nvvgpu_event_sink sink;
	struct nvvgpu_event_sink host_sink;
	struct nvvgpu_event last;
	u32 events[3];
	u32 host_events[3];
	/* what the redirected channel calls saw */
	u32 alloc_calls;
	u32 alloc_gfid;
	u32 alloc_handle;
	struct nv_channel_alloc_params alloc_params;
	u32 alloc_status;
	u32 free_calls;
	u32 free_handle;
	u32 free_all_calls;
	u32 doorbell_token;
};

static struct vf_test *vf_test_cur(struct kunit *test)
{
	return test->priv;
}

static void vf_test_notify(struct nvvgpu_event_sink *sink,
			   const struct nvvgpu_event *ev)
{
	struct vf_test *t = container_of(sink, struct vf_test, sink);

	t->events[ev->type]++;
	t->last = *ev;
}

static void vf_test_host_notify(struct nvvgpu_event_sink *sink,
				const struct nvvgpu_event *ev)
{
	struct vf_test *t = container_of(sink, struct vf_test, host_sink);

	t->host_events[ev->type]++;
	t->last = *ev;
}

static u32 fake_alloc(struct sim_gpu *sim, u32 gfid, u32 handle,
		      const struct nv_channel_alloc_params *p, u32 *chid)
{
	struct vf_test *t = vf_test_cur(kunit_get_current_test());

	t->alloc_calls++;
	t->alloc_gfid = gfid;
	t->alloc_handle = handle;
	t->alloc_params = *p;
	*chid = 77;
	return t->alloc_status;
}

static u32 fake_free(struct sim_gpu *sim, u32 gfid, u32 handle)
{
	struct vf_test *t = vf_test_cur(kunit_get_current_test());

	t->free_calls++;
	t->free_handle = handle;
	return NV_OK;
}

static void fake_free_all(struct sim_gpu *sim, u32 gfid)
{
	vf_test_cur(kunit_get_current_test())->free_all_calls++;
}

static void fake_doorbell(struct sim_gpu *sim, u32 gfid, u32 token)
{
	vf_test_cur(kunit_get_current_test())->doorbell_token = token;
}

static void vf_test_pdev_put(void *pdev)
{
	platform_device_unregister(pdev);
}

static void vf_test_teardown(void *data)
{
	struct vf_test *t = data;
	struct sim_gpu *sim = t->sim;
	unsigned long index;
	struct page *page;

	sim_vf_fini(sim);
	destroy_workqueue(sim->wq);
	xa_for_each(&sim->fb_pages, index, page)
		__free_page(page);
	xa_destroy(&sim->fb_pages);
	xa_destroy(&t->pgpu->vgpus);
	kfree(sim->vgpus[GFID - 1].segs);
	mutex_destroy(&sim->gsp.lock);
}

/* a GPU with GFID 1 bootloaded on two 8 MiB segments, and a fake core */
static int vf_test_init(struct kunit *test)
{
	struct vf_test *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	struct sim_vgpu *v;
	struct sim_gpu *sim;

	KUNIT_ASSERT_NOT_NULL(test, t);
	test->priv = t;
	sim = kunit_kzalloc(test, sizeof(*sim), GFP_KERNEL);
	t->pgpu = kunit_kzalloc(test, sizeof(*t->pgpu), GFP_KERNEL);
	t->vgpu = kunit_kzalloc(test, sizeof(*t->vgpu), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, sim);
	KUNIT_ASSERT_NOT_NULL(test, t->pgpu);
	KUNIT_ASSERT_NOT_NULL(test, t->vgpu);
	t->sim = sim;

	sim->pdev = platform_device_register_simple("nvvgpu_sim_vf_kunit",
						    PLATFORM_DEVID_AUTO, NULL, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(sim->pdev));
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, vf_test_pdev_put,
							sim->pdev), 0);
	sim->dev = &sim->pdev->dev;
	sim->fb_size = 64ULL << 20;
	sim->fb_usable = sim->fb_size;
	xa_init(&sim->fb_pages);
	mutex_init(&sim->gsp.lock);
	sim_vf_init(sim);
	sim->wq = alloc_ordered_workqueue("nvvgpu_sim_vf_kunit", 0);
	KUNIT_ASSERT_NOT_NULL(test, sim->wq);

	t->pgpu->dev = &sim->pdev->dev;
	t->pgpu->backend_priv = sim;
	xa_init(&t->pgpu->vgpus);
	t->vgpu->pgpu = t->pgpu;
	t->vgpu->id = GFID - 1;
	KUNIT_ASSERT_EQ(test, xa_err(xa_store(&t->pgpu->vgpus, GFID - 1,
					      t->vgpu, GFP_KERNEL)), 0);
	t->sink.notify = vf_test_notify;
	t->host_sink.notify = vf_test_host_notify;
	rcu_assign_pointer(t->vgpu->sink, &t->sink);
	rcu_assign_pointer(t->pgpu->host_sink, &t->host_sink);
	sim->pgpu = t->pgpu;

	v = &sim->vgpus[GFID - 1];
	v->segs = kcalloc(2, sizeof(*v->segs), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, v->segs);
	v->segs[0][0] = SEG0_PHYS;
	v->segs[0][1] = SEG_LEN;
	v->segs[1][0] = SEG1_PHYS;
	v->segs[1][1] = SEG_LEN;
	v->num_segments = 2;
	v->fb_base = SEG0_PHYS;
	v->fb_size = 2 * SEG_LEN;
	v->state = SIM_VGPU_BOOTED;
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, vf_test_teardown,
							t), 0);

	kunit_activate_static_stub(test, sim_vf_channel_alloc, fake_alloc);
	kunit_activate_static_stub(test, sim_vf_channel_free, fake_free);
	kunit_activate_static_stub(test, sim_vf_channels_free_all,
				   fake_free_all);
	kunit_activate_static_stub(test, sim_vf_channel_doorbell,
				   fake_doorbell);
	return 0;
}

static u32 rd(struct kunit *test, u32 off)
{
	u32 val = 0xdeadbeef;

	KUNIT_EXPECT_EQ(test, sim_vf_read(vf_test_cur(test)->pgpu, GFID, off,
					  &val), 0);
	return val;
}

static void wr(struct kunit *test, u32 off, u32 val)
{
	KUNIT_EXPECT_EQ(test, sim_vf_write(vf_test_cur(test)->pgpu, GFID, off,
					   val), 0);
}

/* physical FB access, bypassing the code under test */
static void fb_rw(struct kunit *test, u64 phys, void *buf, size_t len,
		  bool write)
{
	struct sim_gpu *sim = vf_test_cur(test)->sim;
	unsigned long index = phys >> PAGE_SHIFT;
	size_t off = offset_in_page(phys);
	struct page *page;

	KUNIT_ASSERT_LE(test, off + len, PAGE_SIZE);
	page = xa_load(&sim->fb_pages, index);
	if (!page) {
		page = alloc_page(GFP_KERNEL | __GFP_ZERO);
		KUNIT_ASSERT_NOT_NULL(test, page);
		KUNIT_ASSERT_EQ(test, xa_err(xa_store(&sim->fb_pages, index,
						      page, GFP_KERNEL)), 0);
	}
	if (write)
		memcpy_to_page(page, off, buf, len);
	else
		memcpy_from_page(buf, page, off, len);
}

static void vf_test_regs(struct kunit *test)
{
	struct vf_test *t = vf_test_cur(test);
	u32 val, t0, t1;

	KUNIT_EXPECT_EQ(test, rd(test, R_LEAF), 0);
	wr(test, R_LEAF_SET, 0x5);
	KUNIT_EXPECT_EQ(test, rd(test, R_LEAF_SET), 0x5);
	KUNIT_EXPECT_EQ(test, rd(test, R_LEAF_CLR), 0x5);
	wr(test, R_LEAF_CLR, 0x1);
	KUNIT_EXPECT_EQ(test, rd(test, R_LEAF_SET), 0x4);
	/* unimplemented enable bits do not stick */
	wr(test, R_LEAF_SET, 0x80000000);
	KUNIT_EXPECT_EQ(test, rd(test, R_LEAF_SET), 0x4);

	sim_vf_raise(t->sim, GFID, 3, NVVGPU_SIM_VF_INTR_NONSTALL |
		     NVVGPU_SIM_VF_INTR_RPC);
	KUNIT_EXPECT_EQ(test, rd(test, R_LEAF), 0x3);
	KUNIT_EXPECT_EQ(test, rd(test, R_TOP), 0);	/* bit 2 only enabled */
	wr(test, R_LEAF_SET, NVVGPU_SIM_VF_INTR_RPC);
	KUNIT_EXPECT_EQ(test, rd(test, R_TOP), 1);
	wr(test, R_TOP, 0);				/* read-only */
	KUNIT_EXPECT_EQ(test, rd(test, R_TOP), 1);
	wr(test, R_LEAF, NVVGPU_SIM_VF_INTR_NONSTALL);	/* RW1C */
	KUNIT_EXPECT_EQ(test, rd(test, R_LEAF), 0x2);
	KUNIT_EXPECT_EQ(test, rd(test, R_TOP), 1);
	wr(test, R_LEAF, NVVGPU_SIM_VF_INTR_RPC);
	KUNIT_EXPECT_EQ(test, rd(test, R_LEAF), 0);
	KUNIT_EXPECT_EQ(test, rd(test, R_TOP), 0);

	wr(test, R_TOP_SET, 0xff);
	KUNIT_EXPECT_EQ(test, rd(test, R_TOP_SET), 1);
	KUNIT_EXPECT_EQ(test, rd(test, R_TOP_CLR), 1);
	wr(test, R_TOP_CLR, 1);
	KUNIT_EXPECT_EQ(test, rd(test, R_TOP_SET), 0);

	wr(test, R_SCRATCH(2), 0x1234);
	KUNIT_EXPECT_EQ(test, rd(test, R_SCRATCH(2)), 0x1234);
	t0 = rd(test, NV_VIRTUAL_FUNCTION_PRIV_TIMER);
	/* more than a tick: the VM's clock may advance only per tick */
	msleep(20);
	t1 = rd(test, NV_VIRTUAL_FUNCTION_PRIV_TIMER);
	KUNIT_EXPECT_NE(test, t0, t1);

	/* inside the windows, unimplemented: 0, writes ignored */
	wr(test, 0x1004, 0xffffffff);
	KUNIT_EXPECT_EQ(test, rd(test, 0x1004), 0);
	KUNIT_EXPECT_EQ(test, rd(test, NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_INST_LO), 0);
	KUNIT_EXPECT_EQ(test, rd(test, 0x3fffc), 0);
	/* the doorbell reaches the channels with the token */
	wr(test, NV_VIRTUAL_FUNCTION_DOORBELL, 0x42);
	KUNIT_EXPECT_EQ(test, t->doorbell_token, 0x42);
	KUNIT_EXPECT_EQ(test, rd(test, NV_VIRTUAL_FUNCTION_DOORBELL), 0);

	KUNIT_EXPECT_EQ(test, sim_vf_read(t->pgpu, GFID, 0x40000, &val), -ENXIO);
	KUNIT_EXPECT_EQ(test, sim_vf_write(t->pgpu, GFID, 0x40000, 0), -ENXIO);
	KUNIT_EXPECT_EQ(test, sim_vf_read(t->pgpu, 0, R_LEAF, &val), -EINVAL);
	KUNIT_EXPECT_EQ(test, sim_vf_read(t->pgpu, SIM_MAX_GFID + 1, R_LEAF,
					  &val), -EINVAL);
	KUNIT_EXPECT_EQ(test, sim_vf_read(t->pgpu, GFID + 1, R_LEAF, &val),
			-ENODEV);
	KUNIT_EXPECT_EQ(test, sim_vf_write(t->pgpu, GFID + 1, R_LEAF, 0),
			-ENODEV);
}

static void vf_test_interrupt_enabled(struct kunit *test)
{
	struct vf_test *t = vf_test_cur(test);

	sim_vf_raise(t->sim, GFID, 1, NVVGPU_SIM_VF_INTR_NONSTALL);
	KUNIT_EXPECT_EQ(test, t->events[NVVGPU_EVENT_INTERRUPT], 0);
	wr(test, R_LEAF_SET, NVVGPU_SIM_VF_INTR_NONSTALL);
	sim_vf_raise(t->sim, GFID, 1, NVVGPU_SIM_VF_INTR_NONSTALL);
	KUNIT_EXPECT_EQ(test, t->events[NVVGPU_EVENT_INTERRUPT], 0);
	wr(test, R_TOP_SET, 1);
	sim_vf_raise(t->sim, GFID, 1, NVVGPU_SIM_VF_INTR_NONSTALL);
	KUNIT_EXPECT_EQ(test, t->events[NVVGPU_EVENT_INTERRUPT], 1);
	KUNIT_EXPECT_EQ(test, t->last.chid, 1);
	/* a bit that is not enabled sends nothing */
	sim_vf_raise(t->sim, GFID, 1, NVVGPU_SIM_VF_INTR_RPC);
	KUNIT_EXPECT_EQ(test, t->events[NVVGPU_EVENT_INTERRUPT], 1);

	/* lost_interrupt drops exactly the next N messages */
	atomic_set(&t->sim->gsp.fault.lost_interrupt, 1);
	sim_vf_raise(t->sim, GFID, 1, NVVGPU_SIM_VF_INTR_NONSTALL);
	KUNIT_EXPECT_EQ(test, t->events[NVVGPU_EVENT_INTERRUPT], 1);
	KUNIT_EXPECT_EQ(test, t->sim->vfs[GFID].irq_dropped, 1);
	sim_vf_raise(t->sim, GFID, 1, NVVGPU_SIM_VF_INTR_NONSTALL);
	KUNIT_EXPECT_EQ(test, t->events[NVVGPU_EVENT_INTERRUPT], 2);
	KUNIT_EXPECT_EQ(test, t->sim->vfs[GFID].irq_sent, 2);

	/* the host: a channel-done event, no VF tree */
	sim_vf_raise(t->sim, 0, 9, NVVGPU_SIM_VF_INTR_NONSTALL);
	KUNIT_EXPECT_EQ(test, t->host_events[NVVGPU_EVENT_CHANNEL_DONE], 1);
	KUNIT_EXPECT_EQ(test, t->last.chid, 9);
	KUNIT_EXPECT_EQ(test, t->events[NVVGPU_EVENT_CHANNEL_DONE], 0);

	/* a VF whose plugin is not up raises nothing */
	t->sim->vgpus[GFID - 1].state = SIM_VGPU_SHUTDOWN;
	sim_vf_raise(t->sim, GFID, 1, NVVGPU_SIM_VF_INTR_NONSTALL);
	KUNIT_EXPECT_EQ(test, t->events[NVVGPU_EVENT_INTERRUPT], 2);
	t->sim->vgpus[GFID - 1].state = SIM_VGPU_BOOTED;
}

static void vf_test_channel_error(struct kunit *test)
{
	struct vf_test *t = vf_test_cur(test);

	wr(test, R_LEAF_SET, NVVGPU_SIM_VF_INTR_CHANNEL_ERROR);
	wr(test, R_TOP_SET, 1);
	sim_vf_channel_error(t->sim, GFID, 5,
			     ROBUST_CHANNEL_FIFO_ERROR_MMU_ERR_FLT,
			     0x123456789aULL);
	KUNIT_EXPECT_EQ(test, rd(test, NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_ADDR_LO),
			0x3456789a);
	KUNIT_EXPECT_EQ(test, rd(test, NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_ADDR_HI),
			0x12);
	KUNIT_EXPECT_EQ(test, rd(test, NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_INFO), 5);
	KUNIT_EXPECT_EQ(test, rd(test, NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_STATUS), 1);
	KUNIT_EXPECT_EQ(test, rd(test, R_LEAF), NVVGPU_SIM_VF_INTR_CHANNEL_ERROR);
	KUNIT_EXPECT_EQ(test, t->events[NVVGPU_EVENT_INTERRUPT], 1);
	KUNIT_EXPECT_EQ(test, t->events[NVVGPU_EVENT_CHANNEL_ERROR], 1);
	KUNIT_EXPECT_EQ(test, t->last.type, NVVGPU_EVENT_CHANNEL_ERROR);
	KUNIT_EXPECT_EQ(test, t->last.chid, 5);
	KUNIT_EXPECT_EQ(test, t->last.xid, ROBUST_CHANNEL_FIFO_ERROR_MMU_ERR_FLT);
	KUNIT_EXPECT_EQ(test, t->last.addr, 0x123456789aULL);
	wr(test, NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_STATUS, 1);	/* W1C */
	KUNIT_EXPECT_EQ(test, rd(test, NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_STATUS), 0);

	/* another Xid leaves the MMU fault registers alone */
	sim_vf_channel_error(t->sim, GFID, 6, ROBUST_CHANNEL_PBDMA_ERROR, 0);
	KUNIT_EXPECT_EQ(test, rd(test, NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_INFO), 5);
	KUNIT_EXPECT_EQ(test, t->events[NVVGPU_EVENT_CHANNEL_ERROR], 2);

	sim_vf_channel_error(t->sim, 0, 7, ROBUST_CHANNEL_PBDMA_ERROR, 0);
	KUNIT_EXPECT_EQ(test, t->host_events[NVVGPU_EVENT_CHANNEL_ERROR], 1);
	KUNIT_EXPECT_EQ(test, t->last.chid, 7);
}

struct vf_msg {
	struct nvgsp_rpc_header rpc;
	union {
		struct nvvgpu_sim_alloc_channel alloc;
		struct nvgsp_rpc_free free;
	};
};

static void vf_msg_init(struct vf_msg *m, u32 function, u32 payload)
{
	memset(m, 0, sizeof(*m));
	m->rpc.header_version = NVGSP_RPC_HEADER_VERSION;
	m->rpc.signature = NVGSP_RPC_SIGNATURE;
	m->rpc.length = sizeof(m->rpc) + payload;
	m->rpc.function = function;
	m->rpc.rpc_result = NVGSP_RPC_RESULT_PENDING;
	m->rpc.rpc_result_private = NVGSP_RPC_RESULT_PENDING;
}

/* guest FB offset to physical, for the test's two segments */
static u64 vf_phys(u64 addr)
{
	return addr < SEG_LEN ? SEG0_PHYS + addr : SEG1_PHYS + addr - SEG_LEN;
}

/* put @m at guest offset @addr, serve it, read the reply back into @m */
static u32 vf_serve(struct kunit *test, u64 addr, struct vf_msg *m)
{
	struct sim_gpu *sim = vf_test_cur(test)->sim;
	u32 ret;

	fb_rw(test, vf_phys(addr), m, sizeof(*m), true);
	mutex_lock(&sim->gsp.lock);
	ret = sim_vf_rpc_serve(sim, GFID, addr);
	mutex_unlock(&sim->gsp.lock);
	fb_rw(test, vf_phys(addr), m, sizeof(*m), false);
	return ret;
}

static void vf_test_rpc_header(struct kunit *test)
{
	const u32 fmt = NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT;
	struct vf_test *t = vf_test_cur(test);
	struct vf_msg m;

	vf_msg_init(&m, NV_VGPU_MSG_FUNCTION_NOP, 0);
	KUNIT_EXPECT_EQ(test, vf_serve(test, MSG, &m), NV_OK);
	KUNIT_EXPECT_EQ(test, m.rpc.rpc_result, NV_OK);

	vf_msg_init(&m, NV_VGPU_MSG_FUNCTION_NOP, 0);
	m.rpc.header_version = 0x02000000;
	KUNIT_EXPECT_EQ(test, vf_serve(test, MSG, &m), fmt);
	KUNIT_EXPECT_EQ(test, m.rpc.rpc_result, fmt);

	vf_msg_init(&m, NV_VGPU_MSG_FUNCTION_NOP, 0);
	m.rpc.signature = 0x43505257;
	KUNIT_EXPECT_EQ(test, vf_serve(test, MSG, &m), fmt);
	KUNIT_EXPECT_EQ(test, m.rpc.rpc_result, fmt);

	vf_msg_init(&m, NV_VGPU_MSG_FUNCTION_NOP, 0);
	m.rpc.length = sizeof(m.rpc) - 4;
	KUNIT_EXPECT_EQ(test, vf_serve(test, MSG, &m), fmt);
	KUNIT_EXPECT_EQ(test, m.rpc.rpc_result, fmt);

	vf_msg_init(&m, NV_VGPU_MSG_FUNCTION_NOP, 0);
	m.rpc.length = NVVGPU_SIM_VF_RPC_BUF_SIZE + 1;
	KUNIT_EXPECT_EQ(test, vf_serve(test, MSG, &m), fmt);
	KUNIT_EXPECT_EQ(test, m.rpc.rpc_result, fmt);

	/* long enough for a header, not for ALLOC_CHANNEL_DMA's payload */
	vf_msg_init(&m, NV_VGPU_MSG_FUNCTION_ALLOC_CHANNEL_DMA,
		    sizeof(m.alloc) - 4);
	m.alloc.h_class = AMPERE_CHANNEL_GPFIFO_A;
	KUNIT_EXPECT_EQ(test, vf_serve(test, MSG, &m), fmt);
	KUNIT_EXPECT_EQ(test, m.rpc.rpc_result, fmt);
	KUNIT_EXPECT_EQ(test, t->alloc_calls, 0);

	vf_msg_init(&m, 99, 0);
	KUNIT_EXPECT_EQ(test, vf_serve(test, MSG, &m),
			NV_VGPU_MSG_RESULT_RPC_UNKNOWN_FUNCTION);
	KUNIT_EXPECT_EQ(test, m.rpc.rpc_result,
			NV_VGPU_MSG_RESULT_RPC_UNKNOWN_FUNCTION);

	/* misaligned or outside the guest FB: refused, nothing written */
	vf_msg_init(&m, NV_VGPU_MSG_FUNCTION_NOP, 0);
	KUNIT_EXPECT_EQ(test, vf_serve(test, MSG + 0x100, &m), fmt);
	KUNIT_EXPECT_EQ(test, m.rpc.rpc_result, NVGSP_RPC_RESULT_PENDING);
	mutex_lock(&t->sim->gsp.lock);
	KUNIT_EXPECT_EQ(test, sim_vf_rpc_serve(t->sim, GFID, 2 * SEG_LEN), fmt);
	KUNIT_EXPECT_EQ(test, sim_vf_rpc_serve(t->sim, GFID, 1ULL << 40), fmt);
	KUNIT_EXPECT_EQ(test, sim_vf_rpc_serve(t->sim, GFID, ~0ULL & ~0xfffULL),
			fmt);
	mutex_unlock(&t->sim->gsp.lock);
	/* the FB page right behind the guest FB stays untouched */
	KUNIT_EXPECT_NULL(test, xa_load(&t->sim->fb_pages,
					(SEG1_PHYS + SEG_LEN) >> PAGE_SHIFT));
}

/* messages that are short, oversized, of another version or function */
static void vf_test_rpc_malformed(struct kunit *test)
{
	const u32 fmt = NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT;
	static const u32 versions[] = { 0, 0x02000000, 0x03000001, 0x04000000,
					U32_MAX };
	/* NVIDIA's functions the plugin mailbox does not serve */
	static const u32 functions[] = {
		NV_VGPU_MSG_FUNCTION_DUP_OBJECT,
		NV_VGPU_MSG_FUNCTION_GSP_RM_CONTROL,
		NV_VGPU_MSG_FUNCTION_GSP_RM_ALLOC,
		NV_VGPU_MSG_FUNCTION_ECC_NOTIFIER_WRITE_ACK, U32_MAX,
	};
	struct vf_test *t = vf_test_cur(test);
	struct vf_msg m;
	u32 i;

	for (i = 0; i < ARRAY_SIZE(versions); i++) {
		vf_msg_init(&m, NV_VGPU_MSG_FUNCTION_NOP, 0);
		m.rpc.header_version = versions[i];
		KUNIT_EXPECT_EQ(test, vf_serve(test, MSG, &m), fmt);
		KUNIT_EXPECT_EQ(test, m.rpc.rpc_result, fmt);
	}
	for (i = 0; i < ARRAY_SIZE(functions); i++) {
		vf_msg_init(&m, functions[i], sizeof(m.alloc));
		KUNIT_EXPECT_EQ(test, vf_serve(test, MSG, &m),
				NV_VGPU_MSG_RESULT_RPC_UNKNOWN_FUNCTION);
		KUNIT_EXPECT_EQ(test, m.rpc.rpc_result,
				NV_VGPU_MSG_RESULT_RPC_UNKNOWN_FUNCTION);
	}

	/* lengths: 0, one short of the header, the most, one beyond, ~0 */
	vf_msg_init(&m, NV_VGPU_MSG_FUNCTION_NOP, 0);
	m.rpc.length = 0;
	KUNIT_EXPECT_EQ(test, vf_serve(test, MSG, &m), fmt);
	vf_msg_init(&m, NV_VGPU_MSG_FUNCTION_NOP, 0);
	m.rpc.length = sizeof(m.rpc) - 1;
	KUNIT_EXPECT_EQ(test, vf_serve(test, MSG, &m), fmt);
	vf_msg_init(&m, NV_VGPU_MSG_FUNCTION_NOP, 0);
	m.rpc.length = NVVGPU_SIM_VF_RPC_BUF_SIZE;
	KUNIT_EXPECT_EQ(test, vf_serve(test, MSG, &m), NV_OK);
	KUNIT_EXPECT_EQ(test, m.rpc.rpc_result, NV_OK);
	vf_msg_init(&m, NV_VGPU_MSG_FUNCTION_NOP, 0);
	m.rpc.length = U32_MAX;
	KUNIT_EXPECT_EQ(test, vf_serve(test, MSG, &m), fmt);
	KUNIT_EXPECT_EQ(test, m.rpc.rpc_result, fmt);

	/* FREE one byte short of its payload never reaches the channels */
	vf_msg_init(&m, NV_VGPU_MSG_FUNCTION_FREE, sizeof(m.free) - 1);
	m.free.h_object_old = 0xcafe;
	KUNIT_EXPECT_EQ(test, vf_serve(test, MSG, &m), fmt);
	KUNIT_EXPECT_EQ(test, t->free_calls, 0);
	/* a payload longer than the function's is served, the rest ignored */
	vf_msg_init(&m, NV_VGPU_MSG_FUNCTION_FREE, sizeof(m.free) + 64);
	m.free.h_object_old = 0xcafe;
	KUNIT_EXPECT_EQ(test, vf_serve(test, MSG, &m), NV_OK);
	KUNIT_EXPECT_EQ(test, t->free_calls, 1);
	KUNIT_EXPECT_EQ(test, t->alloc_calls, 0);

	/* the last 4 KiB of the guest FB is a mailbox like any other */
	vf_msg_init(&m, NV_VGPU_MSG_FUNCTION_NOP, 0);
	KUNIT_EXPECT_EQ(test, vf_serve(test, 2 * SEG_LEN - SZ_4K, &m), NV_OK);
	KUNIT_EXPECT_EQ(test, m.rpc.rpc_result, NV_OK);

	/* a GFID without a plugin has no mailbox; nothing is written */
	t->sim->vgpus[GFID - 1].state = SIM_VGPU_SHUTDOWN;
	vf_msg_init(&m, NV_VGPU_MSG_FUNCTION_NOP, 0);
	KUNIT_EXPECT_EQ(test, vf_serve(test, MSG, &m), fmt);
	KUNIT_EXPECT_EQ(test, m.rpc.rpc_result, NVGSP_RPC_RESULT_PENDING);
	t->sim->vgpus[GFID - 1].state = SIM_VGPU_BOOTED;
}

static void vf_test_rpc_alloc_free(struct kunit *test)
{
	struct vf_test *t = vf_test_cur(test);
	struct nv_channel_alloc_params p = {};
	/* on the heap: with the parameters it overflows a KUnit frame */
	struct vf_msg *mp = kunit_kzalloc(test, sizeof(*mp), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, mp);

	p.gp_fifo_offset = 0x10000;
	p.gp_fifo_entries = 64;
	p.userd_mem.base = 0x20000;
	p.engine_type = NV2080_ENGINE_TYPE_COPY0;

	vf_msg_init(mp, NV_VGPU_MSG_FUNCTION_ALLOC_CHANNEL_DMA, sizeof(mp->alloc));
	mp->alloc.h_client = 0xc1d00001;
	mp->alloc.h_channel = 0xcafe;
	mp->alloc.h_class = AMPERE_CHANNEL_GPFIFO_A;
	mp->alloc.params = p;
	KUNIT_EXPECT_EQ(test, vf_serve(test, MSG1, mp), NV_OK);
	KUNIT_EXPECT_EQ(test, mp->rpc.rpc_result, NV_OK);
	KUNIT_EXPECT_EQ(test, mp->alloc.chid, 77);
	KUNIT_EXPECT_EQ(test, t->alloc_calls, 1);
	KUNIT_EXPECT_EQ(test, t->alloc_gfid, GFID);
	KUNIT_EXPECT_EQ(test, t->alloc_handle, 0xcafe);
	KUNIT_EXPECT_EQ(test, memcmp(&t->alloc_params, &p, sizeof(p)), 0);

	/* the channel code's status is the reply's */
	t->alloc_status = NV_ERR_INSERT_DUPLICATE_NAME;
	vf_msg_init(mp, NV_VGPU_MSG_FUNCTION_ALLOC_CHANNEL_DMA, sizeof(mp->alloc));
	mp->alloc.h_channel = 0xcafe;
	mp->alloc.h_class = AMPERE_CHANNEL_GPFIFO_A;
	mp->alloc.params = p;
	KUNIT_EXPECT_EQ(test, vf_serve(test, MSG, mp),
			NV_ERR_INSERT_DUPLICATE_NAME);
	KUNIT_EXPECT_EQ(test, mp->rpc.rpc_result, NV_ERR_INSERT_DUPLICATE_NAME);
	KUNIT_EXPECT_EQ(test, t->alloc_calls, 2);

	vf_msg_init(mp, NV_VGPU_MSG_FUNCTION_ALLOC_CHANNEL_DMA, sizeof(mp->alloc));
	mp->alloc.h_class = AMPERE_DMA_COPY_A;
	mp->alloc.params = p;
	KUNIT_EXPECT_EQ(test, vf_serve(test, MSG, mp), NV_ERR_INVALID_CLASS);

	vf_msg_init(mp, NV_VGPU_MSG_FUNCTION_ALLOC_CHANNEL_DMA, sizeof(mp->alloc));
	mp->alloc.h_class = AMPERE_CHANNEL_GPFIFO_A;
	mp->alloc.params = p;
	mp->alloc.params.userd_mem.size = 512;
	KUNIT_EXPECT_EQ(test, vf_serve(test, MSG, mp), NV_ERR_INVALID_ARGUMENT);
	KUNIT_EXPECT_EQ(test, mp->rpc.rpc_result, NV_ERR_INVALID_ARGUMENT);
	KUNIT_EXPECT_EQ(test, t->alloc_calls, 2);

	vf_msg_init(mp, NV_VGPU_MSG_FUNCTION_FREE, sizeof(mp->free));
	mp->free.h_object_old = 0xcafe;
	KUNIT_EXPECT_EQ(test, vf_serve(test, MSG, mp), NV_OK);
	KUNIT_EXPECT_EQ(test, t->free_calls, 1);
	KUNIT_EXPECT_EQ(test, t->free_handle, 0xcafe);
	KUNIT_EXPECT_EQ(test, mp->free.status, NV_OK);
}

/* the whole path: BAR0 doorbell, the workqueue, the reply, the interrupt */
static void vf_test_mailbox_doorbell(struct kunit *test)
{
	struct vf_test *t = vf_test_cur(test);
	struct vf_msg m;

	wr(test, R_LEAF_SET, NVVGPU_SIM_VF_INTR_RPC);
	wr(test, R_TOP_SET, 1);
	vf_msg_init(&m, NV_VGPU_MSG_FUNCTION_NOP, 0);
	fb_rw(test, vf_phys(MSG1), &m, sizeof(m), true);
	wr(test, R_SCRATCH(0), lower_32_bits(MSG1));
	wr(test, R_SCRATCH(1), upper_32_bits(MSG1));
	wr(test, NV_VIRTUAL_FUNCTION_PRIV_DOORBELL, 0x55);
	flush_workqueue(t->sim->wq);
	fb_rw(test, vf_phys(MSG1), &m, sizeof(m), false);
	KUNIT_EXPECT_EQ(test, m.rpc.rpc_result, NV_OK);
	KUNIT_EXPECT_EQ(test, rd(test, R_SCRATCH(2)), 0x55);
	KUNIT_EXPECT_EQ(test, rd(test, R_LEAF), NVVGPU_SIM_VF_INTR_RPC);
	KUNIT_EXPECT_EQ(test, t->events[NVVGPU_EVENT_INTERRUPT], 1);
	KUNIT_EXPECT_EQ(test, t->sim->vfs[GFID].rpc_served, 1);

	/* a bad message is still answered, and counted as refused */
	wr(test, R_LEAF, NVVGPU_SIM_VF_INTR_RPC);
	m.rpc.signature = 0;
	fb_rw(test, vf_phys(MSG1), &m, sizeof(m), true);
	wr(test, NV_VIRTUAL_FUNCTION_PRIV_DOORBELL, 0x56);
	flush_workqueue(t->sim->wq);
	fb_rw(test, vf_phys(MSG1), &m, sizeof(m), false);
	KUNIT_EXPECT_EQ(test, m.rpc.rpc_result,
			NV_VGPU_MSG_RESULT_RPC_INVALID_MESSAGE_FORMAT);
	KUNIT_EXPECT_EQ(test, rd(test, R_SCRATCH(2)), 0x56);
	KUNIT_EXPECT_EQ(test, t->events[NVVGPU_EVENT_INTERRUPT], 2);
	KUNIT_EXPECT_EQ(test, t->sim->vfs[GFID].rpc_refused, 1);
}

static void vf_test_flr(struct kunit *test)
{
	struct vf_test *t = vf_test_cur(test);

	wr(test, R_LEAF_SET, 0x7);
	wr(test, R_TOP_SET, 1);
	wr(test, R_SCRATCH(0), 0x1000);
	sim_vf_channel_error(t->sim, GFID, 5,
			     ROBUST_CHANNEL_FIFO_ERROR_MMU_ERR_FLT, 0x40);
	sim_vf_flr(t->pgpu, GFID);
	KUNIT_EXPECT_EQ(test, t->free_all_calls, 1);
	KUNIT_EXPECT_EQ(test, rd(test, R_LEAF), 0);
	KUNIT_EXPECT_EQ(test, rd(test, R_LEAF_SET), 0);
	KUNIT_EXPECT_EQ(test, rd(test, R_TOP_SET), 0);
	KUNIT_EXPECT_EQ(test, rd(test, R_SCRATCH(0)), 0);
	KUNIT_EXPECT_EQ(test, rd(test, NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_STATUS), 0);
	KUNIT_EXPECT_EQ(test, rd(test, NV_VIRTUAL_FUNCTION_PRIV_MMU_FAULT_ADDR_LO), 0);
}

static struct kunit_case sim_vf_test_cases[] = {
	KUNIT_CASE(vf_test_regs),
	KUNIT_CASE(vf_test_interrupt_enabled),
	KUNIT_CASE(vf_test_channel_error),
	KUNIT_CASE(vf_test_rpc_header),
	KUNIT_CASE(vf_test_rpc_malformed),
	KUNIT_CASE(vf_test_rpc_alloc_free),
	KUNIT_CASE(vf_test_mailbox_doorbell),
	KUNIT_CASE(vf_test_flr),
	{}
};

static struct kunit_suite sim_vf_test_suite = {
	.name = "nvvgpu_sim_vf",
	.init = vf_test_init,
	.test_cases = sim_vf_test_cases,
};

kunit_test_suite(sim_vf_test_suite);
