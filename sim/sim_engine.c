// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_sim: the engines. Each runs in a kthread of its own, executing
 * the eligible channels round robin one GPFIFO entry at a time; compute
 * work takes real time.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/delay.h>
#include <linux/hrtimer.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/minmax.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#include <nvvgpu/core.h>

#include "sim.h"

/**
 * DOC: engines
 *
 * The scheduler (through the core's set_owner op) names the function whose
 * channels may run; the host's always may. An engine picks the next channel
 * with work whose function may run, executes one GPFIFO entry of it with
 * the pushbuffer executor, and moves on. When the owner changes, or the
 * channel is being freed, the executor yields at the next method boundary
 * (or compute quantum); a channel that does not yield within the preemption
 * timeout (a WFI-mode compute launch, a hung engine) is put in error. All
 * of a channel's memory accesses go through its function's address space.
 */

static const struct {
	const char *name;
	u32 type;
	u32 class;
} sim_engine_desc[SIM_NUM_ENGINES] = {
	{ "gr0", NV2080_ENGINE_TYPE_GR0, AMPERE_COMPUTE_A },
	{ "ce0", NV2080_ENGINE_TYPE_COPY0, AMPERE_DMA_COPY_A },
	{ "ce1", NV2080_ENGINE_TYPE_COPY1, AMPERE_DMA_COPY_A },
};

/* what the executor works on, for its callbacks */
struct sim_engine_ctx {
	struct sim_engine *eng;
	struct sim_channel *ch;
};

static bool sim_engine_may_run(struct sim_engine *eng, struct sim_channel *ch)
{
	u32 owner = READ_ONCE(eng->sim->engines.owner);

	return !ch->dying && !ch->error &&
	       (!ch->gfid || owner == NVVGPU_OWNER_ALL || owner == ch->gfid);
}

static bool sim_mem_contains(void *ctx, u64 addr, u64 len)
{
	struct sim_engine_ctx *c = ctx;

	return sim_space_contains(&c->ch->space, addr, len);
}

static int sim_mem_check_fault(struct sim_engine_ctx *c)
{
	struct sim_engines *e = &c->eng->sim->engines;

	/* fault injection: this channel's next access faults */
	if (READ_ONCE(e->mmu_fault_chid) == c->ch->chid) {
		WRITE_ONCE(e->mmu_fault_chid, U32_MAX);
		return -EFAULT;
	}
	return 0;
}

static int sim_mem_read(void *ctx, u64 addr, void *buf, size_t len)
{
	struct sim_engine_ctx *c = ctx;

	return sim_mem_check_fault(c) ?:
	       sim_space_rw(c->eng->sim, &c->ch->space, addr, buf, len, false);
}

static int sim_mem_write(void *ctx, u64 addr, const void *buf, size_t len)
{
	struct sim_engine_ctx *c = ctx;

	return sim_mem_check_fault(c) ?:
	       sim_space_rw(c->eng->sim, &c->ch->space, addr, (void *)buf, len,
			    true);
}

#define SIM_COPY_CHUNK	PAGE_SIZE

/*
 * Move @len bytes to @dst a page at a time: from @src, or, with @fill, a
 * 32-bit pattern. The engine stays responsive: it reschedules per page.
 */
static int sim_mem_stream(struct sim_engine_ctx *c, u64 dst, u64 src, u64 len,
			  const u32 *fill)
{
	struct sim_gpu *sim = c->eng->sim;
	u32 *buf;
	size_t i;
	int err;

	err = sim_mem_check_fault(c);
	if (err)
		return err;
	buf = kmalloc(SIM_COPY_CHUNK, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	for (i = 0; fill && i < SIM_COPY_CHUNK / 4; i++)
		buf[i] = *fill;
	while (len && !err) {
		size_t n = min_t(u64, len, SIM_COPY_CHUNK);

		if (!fill)
			err = sim_space_rw(sim, &c->ch->space, src, buf, n, false);
		if (!err)
			err = sim_space_rw(sim, &c->ch->space, dst, buf, n, true);
		src += n;
		dst += n;
		len -= n;
		cond_resched();
	}
	kfree(buf);
	return err;
}

static int sim_mem_copy(void *ctx, u64 dst, u64 src, u64 len)
{
	return sim_mem_stream(ctx, dst, src, len, NULL);
}

static int sim_mem_fill32(void *ctx, u64 dst, u32 val, u64 len)
{
	return sim_mem_stream(ctx, dst, 0, len, &val);
}

static const struct sim_pb_mem_ops sim_engine_mem_ops = {
	.contains = sim_mem_contains,
	.read = sim_mem_read,
	.write = sim_mem_write,
	.copy = sim_mem_copy,
	.fill32 = sim_mem_fill32,
};

static bool sim_engine_preempt(void *ctx)
{
	struct sim_engine_ctx *c = ctx;

	return !sim_engine_may_run(c->eng, c->ch) ||
	       kthread_should_stop();
}

static void sim_engine_nonstall(void *ctx)
{
	struct sim_engine_ctx *c = ctx;

	sim_vf_raise(c->eng->sim, c->ch->gfid, c->ch->chid,
		     NVVGPU_SIM_VF_INTR_NONSTALL);
}

static u64 sim_engine_now(void *ctx)
{
	return ktime_get_ns();
}

static void sim_engine_fail(struct sim_engine *eng, struct sim_channel *ch,
			    u32 xid, u64 addr)
{
	spin_lock(&eng->lock);
	ch->error = true;
	eng->stats[ch->gfid].errors++;
	spin_unlock(&eng->lock);
	dev_warn_ratelimited(sim_dev(eng->sim),
			     "%s: gfid %u channel %u put in error: Xid %u at %#llx\n",
			     eng->name, ch->gfid, ch->chid, xid, addr);
	sim_vf_channel_error(eng->sim, ch->gfid, ch->chid, xid, addr);
}

/* read the next GPFIFO entry if there is one; false when the ring is idle */
static bool sim_engine_fetch(struct sim_engine *eng, struct sim_channel *ch)
{
	struct sim_gpu *sim = eng->sim;
	u32 put, e[2];
	u64 addr;
	u32 len;

	if (sim_space_rw(sim, &ch->space, ch->userd + NVC56F_USERD_GP_PUT,
			 &put, 4, false)) {
		sim_engine_fail(eng, ch, ROBUST_CHANNEL_FIFO_ERROR_MMU_ERR_FLT,
				ch->userd);
		return false;
	}
	if (put >= ch->entries) {
		sim_engine_fail(eng, ch, ROBUST_CHANNEL_PBDMA_ERROR, 0);
		return false;
	}
	if (put == ch->gp_get)
		return false;
	if (sim_space_rw(sim, &ch->space,
			 ch->gpfifo + (u64)ch->gp_get * NVC56F_GP_ENTRY__SIZE,
			 e, sizeof(e), false)) {
		sim_engine_fail(eng, ch, ROBUST_CHANNEL_FIFO_ERROR_MMU_ERR_FLT,
				ch->gpfifo);
		return false;
	}
	if (sim_pb_decode_entry(e[0], e[1], &addr, &len)) {
		sim_engine_fail(eng, ch, ROBUST_CHANNEL_PBDMA_ERROR, 0);
		return false;
	}
	sim_pb_begin_segment(&ch->pb, addr, len);
	ch->in_entry = true;
	return true;
}

static void sim_engine_retire(struct sim_engine *eng, struct sim_channel *ch)
{
	ch->in_entry = false;
	ch->gp_get = (ch->gp_get + 1) & (ch->entries - 1);
	ch->entries_done++;
	eng->stats[ch->gfid].entries++;
	if (sim_space_rw(eng->sim, &ch->space, ch->userd + NVC56F_USERD_GP_GET,
			 &ch->gp_get, 4, true))
		sim_engine_fail(eng, ch, ROBUST_CHANNEL_FIFO_ERROR_MMU_ERR_FLT,
				ch->userd);
}

/* let @ns of compute pass, unless the channel must go first */
static void sim_engine_sleep(struct sim_engine *eng, u64 ns)
{
	ktime_t t = ns_to_ktime(ns);

	set_current_state(TASK_INTERRUPTIBLE);
	schedule_hrtimeout_range(&t, 20 * NSEC_PER_USEC, HRTIMER_MODE_REL);
	__set_current_state(TASK_RUNNING);
}

/* has a channel asked to yield overstayed the preemption timeout? */
static bool sim_engine_overstayed(struct sim_engine *eng,
				  struct sim_channel *ch)
{
	u32 ms = READ_ONCE(eng->sim->engines.preempt_timeout_ms);

	/*
	 * A preemption request stands until the channel yields: the owner
	 * coming back meanwhile does not cancel it, as on hardware.
	 */
	if (!ch->preempt_since) {
		if (!sim_engine_preempt(&(struct sim_engine_ctx){ eng, ch }))
			return false;
		ch->preempt_since = ktime_get();
	}
	return ktime_ms_delta(ktime_get(), ch->preempt_since) >= ms;
}

/* run one channel until its entry is done, it yields or errs */
static void sim_engine_run(struct sim_engine *eng, struct sim_channel *ch)
{
	struct sim_engine_ctx c = { eng, ch };
	struct sim_pb_env env = {
		.mem = &sim_engine_mem_ops,
		.ctx = &c,
		.engine_class = eng->class,
		.preempt = sim_engine_preempt,
		.nonstall = sim_engine_nonstall,
		.now_ns = sim_engine_now,
	};
	struct sim_engine_stats *st = &eng->stats[ch->gfid];
	struct sim_pb_result res;
	ktime_t start = ktime_get();

	if (!ch->in_entry && !sim_engine_fetch(eng, ch))
		return;

	for (;;) {
		if (READ_ONCE(eng->hang)) {
			/* a hung engine ignores preemption until reset */
			if (sim_engine_overstayed(eng, ch)) {
				sim_engine_fail(eng, ch,
						ROBUST_CHANNEL_PREEMPTIVE_REMOVAL, 0);
				WRITE_ONCE(eng->hang, false);
				break;
			}
			sim_engine_sleep(eng, NSEC_PER_MSEC);
			continue;
		}
		switch (sim_pb_run(&ch->pb, &env, &res)) {
		case SIM_PB_DONE:
			sim_engine_retire(eng, ch);
			goto out;
		case SIM_PB_YIELD:
			st->preemptions++;
			goto out;
		case SIM_PB_ERROR:
			sim_engine_fail(eng, ch, res.xid, res.addr);
			goto out;
		case SIM_PB_WAIT:
			if (ch->pb.preempt_mode == NVVGPU_SIM_COMPUTE_PREEMPT_WFI &&
			    sim_engine_overstayed(eng, ch)) {
				sim_engine_fail(eng, ch,
						ROBUST_CHANNEL_PREEMPTIVE_REMOVAL, 0);
				goto out;
			}
			sim_engine_sleep(eng, res.wait_ns);
			break;
		}
	}
out:
	ch->preempt_since = 0;
	st->busy_ns += ktime_to_ns(ktime_sub(ktime_get(), start));
}

/* the next channel to run, rotated to the tail; NULL if none has work */
static struct sim_channel *sim_engine_pick(struct sim_engine *eng)
{
	struct sim_channel *ch;

	spin_lock(&eng->lock);
	list_for_each_entry(ch, &eng->channels, link) {
		if ((ch->pending || ch->in_entry) && sim_engine_may_run(eng, ch)) {
			/* cleared before the ring is read: a later doorbell sets it again */
			if (!ch->in_entry)
				ch->pending = false;
			list_move_tail(&ch->link, &eng->channels);
			WRITE_ONCE(eng->running, ch);
			spin_unlock(&eng->lock);
			return ch;
		}
	}
	spin_unlock(&eng->lock);
	return NULL;
}

static bool sim_engine_has_work(struct sim_engine *eng)
{
	struct sim_channel *ch;
	bool work = false;

	spin_lock(&eng->lock);
	list_for_each_entry(ch, &eng->channels, link)
		if ((ch->pending || ch->in_entry) && sim_engine_may_run(eng, ch))
			work = true;
	spin_unlock(&eng->lock);
	return work;
}

static int sim_engine_thread(void *data)
{
	struct sim_engine *eng = data;
	struct sim_channel *ch;
	bool more;

	while (!kthread_should_stop()) {
		ch = sim_engine_pick(eng);
		if (!ch) {
			wait_event_interruptible(eng->wq, kthread_should_stop() ||
						 sim_engine_has_work(eng));
			continue;
		}
		sim_engine_run(eng, ch);
		/* more entries may be queued: look again without a doorbell */
		more = !ch->in_entry && !ch->error;
		spin_lock(&eng->lock);
		if (more)
			ch->pending = true;
		WRITE_ONCE(eng->running, NULL);
		spin_unlock(&eng->lock);
		wake_up_all(&eng->wq);
		cond_resched();
	}
	return 0;
}

/**
 * sim_set_owner() - backend op: whose channels run beside the host's
 * @pgpu: the physical GPU
 * @gfid: a GFID, 0 for the host alone, or %NVVGPU_OWNER_ALL
 *
 * Called from the scheduler's timer with its lock held: only a store and
 * wake-ups; the engines yield at their next method boundary.
 */
void sim_set_owner(struct nvvgpu_pgpu *pgpu, u32 gfid)
{
	struct sim_gpu *sim = pgpu->backend_priv;
	int i;

	WRITE_ONCE(sim->engines.owner, gfid);
	for (i = 0; i < SIM_NUM_ENGINES; i++)
		wake_up_all(&sim->engines.eng[i].wq);
}

/**
 * sim_engines_init() - create the engines and start their threads
 * @sim: the GPU
 *
 * Return: 0 or a negative errno.
 */
int sim_engines_init(struct sim_gpu *sim)
{
	struct sim_engines *e = &sim->engines;
	int i, err;

	e->owner = NVVGPU_OWNER_ALL;
	e->preempt_timeout_ms = 100;
	e->mmu_fault_chid = U32_MAX;
	mutex_init(&e->table_lock);
	spin_lock_init(&e->chan_lock);
	for (i = 0; i < SIM_NUM_ENGINES; i++) {
		struct sim_engine *eng = &e->eng[i];

		eng->sim = sim;
		eng->index = i;
		eng->name = sim_engine_desc[i].name;
		eng->type = sim_engine_desc[i].type;
		eng->class = sim_engine_desc[i].class;
		spin_lock_init(&eng->lock);
		init_waitqueue_head(&eng->wq);
		INIT_LIST_HEAD(&eng->channels);
	}
	for (i = 0; i < SIM_NUM_ENGINES; i++) {
		struct task_struct *t;

		t = kthread_run(sim_engine_thread, &e->eng[i], "nvvgpu_sim%u/%s",
				sim->index, e->eng[i].name);
		if (IS_ERR(t)) {
			err = PTR_ERR(t);
			goto err_stop;
		}
		e->eng[i].thread = t;
	}
	return 0;

err_stop:
	while (i--)
		kthread_stop(e->eng[i].thread);
	mutex_destroy(&e->table_lock);
	return err;
}

/**
 * sim_engines_fini() - free every channel and stop the engines
 * @sim: the GPU
 */
void sim_engines_fini(struct sim_gpu *sim)
{
	struct sim_engines *e = &sim->engines;
	u32 gfid;
	int i;

	for (gfid = 0; gfid < SIM_NUM_FUNCTIONS; gfid++)
		sim_channels_free_all(sim, gfid);
	for (i = 0; i < SIM_NUM_ENGINES; i++)
		kthread_stop(e->eng[i].thread);
	mutex_destroy(&e->table_lock);
}

/**
 * sim_engines_show() - debugfs "engines": what each engine did, for whom
 * @m: the seq file
 * @sim: the GPU
 */
void sim_engines_show(struct seq_file *m, struct sim_gpu *sim)
{
	struct sim_engines *e = &sim->engines;
	u32 owner = READ_ONCE(e->owner);
	int i, f;

	if (owner == NVVGPU_OWNER_ALL)
		seq_puts(m, "owner: all\n");
	else
		seq_printf(m, "owner: %u\n", owner);
	seq_printf(m, "preempt_timeout_ms: %u\nbad_doorbells: %llu\n",
		   READ_ONCE(e->preempt_timeout_ms), e->bad_doorbells);
	for (i = 0; i < SIM_NUM_ENGINES; i++) {
		struct sim_engine *eng = &e->eng[i];
		struct sim_channel *ch;
		u32 n = 0;

		spin_lock(&eng->lock);
		list_for_each_entry(ch, &eng->channels, link)
			n++;
		spin_unlock(&eng->lock);
		seq_printf(m, "engine %s type=%#x class=%#x channels=%u%s\n",
			   eng->name, eng->type, eng->class, n,
			   READ_ONCE(eng->hang) ? " hung" : "");
		for (f = 0; f < SIM_NUM_FUNCTIONS; f++) {
			struct sim_engine_stats *st = &eng->stats[f];

			if (!st->entries && !st->errors && !st->busy_ns)
				continue;
			seq_printf(m, "  gfid %u busy_ns=%llu entries=%llu errors=%llu preemptions=%llu\n",
				   f, st->busy_ns, st->entries, st->errors,
				   st->preemptions);
		}
	}
}

/**
 * sim_engine_inject_hang() - fault injection: an engine stops making progress
 * @sim: the GPU
 * @index: 0 GR0, 1 CE0, 2 CE1
 *
 * Return: 0, or -EINVAL for an engine that does not exist.
 */
int sim_engine_inject_hang(struct sim_gpu *sim, u64 index)
{
	if (index >= SIM_NUM_ENGINES) {
		dev_warn(sim_dev(sim), "fault/engine_hang: no engine %llu (0..%u)\n",
			 index, SIM_NUM_ENGINES - 1);
		return -EINVAL;
	}
	WRITE_ONCE(sim->engines.eng[index].hang, true);
	dev_info(sim_dev(sim), "fault: engine %s hangs\n",
		 sim->engines.eng[index].name);
	return 0;
}

/**
 * sim_engine_inject_mmu_fault() - fault injection: a channel's next access
 *	faults
 * @sim: the GPU
 * @chid: the channel
 *
 * Return: 0, or -EINVAL for a channel ID beyond the GPU's.
 */
int sim_engine_inject_mmu_fault(struct sim_gpu *sim, u64 chid)
{
	if (chid >= SIM_NUM_CHANNELS) {
		dev_warn(sim_dev(sim), "fault/mmu_fault: channel %llu beyond %u\n",
			 chid, SIM_NUM_CHANNELS);
		return -EINVAL;
	}
	WRITE_ONCE(sim->engines.mmu_fault_chid, chid);
	return 0;
}

/**
 * sim_engine_set_preempt_timeout() - debugfs preempt_timeout_ms
 * @sim: the GPU
 * @ms: 1..10000
 *
 * Return: 0, or -EINVAL out of range.
 */
int sim_engine_set_preempt_timeout(struct sim_gpu *sim, u64 ms)
{
	if (!ms || ms > 10000) {
		dev_warn(sim_dev(sim), "preempt_timeout_ms: %llu out of range 1..10000\n",
			 ms);
		return -EINVAL;
	}
	WRITE_ONCE(sim->engines.preempt_timeout_ms, ms);
	return 0;
}
