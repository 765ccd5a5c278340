// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_sim: the engines. Each runs in a kthread of its own, executing
 * the eligible channels round robin one GPFIFO entry at a time; compute
 * work takes real time.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <kunit/visibility.h>
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

#define CREATE_TRACE_POINTS
#include "sim_trace.h"

/**
 * DOC: engines
 *
 * The scheduler (through the core's set_owner op) names the one function,
 * the host (GFID 0) or a vGPU, whose channels may run; every function's
 * run when no scheduler is attached, none in an idle slice. Switching to
 * another function's channel first costs a modelled context save and
 * restore (debugfs ctxsw_us), counted per function. An engine picks the
 * next channel with work whose function may run, executes one GPFIFO entry
 * of it with the pushbuffer executor, and moves on. When the owner
 * changes, or the channel is being freed, the executor yields at the next
 * method boundary (or compute quantum); a channel that does not yield
 * within its function's preemption timeout (a WFI-mode compute launch, a
 * hung engine) is put in error with Xid 45. All of a channel's memory
 * accesses go through its function's address space.
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
	/* where the last uncorrectable ECC error was, function-relative */
	u64 ecc_addr;
};

static bool sim_engine_may_run(struct sim_engine *eng, struct sim_channel *ch)
{
	u32 owner = READ_ONCE(eng->sim->engines.owner);

	return !ch->dying && !ch->error &&
	       (owner == NVVGPU_OWNER_ALL || owner == ch->gfid);
}

/*
 * Does a channel of @gfid have work queued: entries, one under way, or is
 * an engine thread holding it? The last covers the thread's window between
 * taking the channel (clearing pending) and setting pending again once an
 * entry completed: a scan from another engine in that window would
 * otherwise report no work, and with no later report for that function
 * its remaining entries would wait for ever.
 */
static bool sim_engines_scan_work(struct sim_gpu *sim, u32 gfid)
{
	struct sim_channel *ch;
	bool work = false;
	int i;

	for (i = 0; i < SIM_NUM_ENGINES && !work; i++) {
		struct sim_engine *eng = &sim->engines.eng[i];

		spin_lock(&eng->lock);
		list_for_each_entry(ch, &eng->channels, link)
			if (ch->gfid == gfid &&
			    (ch->pending || ch->in_entry || eng->running == ch) &&
			    !ch->dying && !ch->error) {
				work = true;
				break;
			}
		spin_unlock(&eng->lock);
	}
	return work;
}

/**
 * sim_engine_work_update() - report function @gfid's work if it changed
 * @sim: the GPU
 * @gfid: the function
 *
 * Called after a doorbell, and when a channel goes idle, errs or goes.
 * Process context, no engine lock held. The reports are serialised, so
 * the scheduler sees them in order.
 */
void sim_engine_work_update(struct sim_gpu *sim, u32 gfid)
{
	struct sim_engines *e = &sim->engines;
	bool work;

	if (gfid >= SIM_NUM_FUNCTIONS)
		return;
	spin_lock(&e->work_lock);
	work = sim_engines_scan_work(sim, gfid);
	if (work != test_bit(gfid, e->work_mask)) {
		if (work)
			set_bit(gfid, e->work_mask);
		else
			clear_bit(gfid, e->work_mask);
		sim_objsched_work(sim, gfid, work);
		if (sim->pgpu)
			nvvgpu_pgpu_report_work(sim->pgpu, gfid, work);
	}
	spin_unlock(&e->work_lock);
}
EXPORT_SYMBOL_IF_KUNIT(sim_engine_work_update);

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

/*
 * Does [@addr, @addr + @len) of the channel's space touch a page with an
 * uncorrectable ECC error? The first access that does retires the page.
 * Return: -EIO (@c->ecc_addr says where), else 0.
 */
static int sim_mem_check_ecc(struct sim_engine_ctx *c, u64 addr, u64 len)
{
	struct sim_engines *e = &c->eng->sim->engines;
	struct sim_channel *ch = c->ch;
	bool first = false;
	u64 at = 0, page = 0;
	bool hit = false;
	u32 i;

	if (!READ_ONCE(e->num_ecc))
		return 0;
	spin_lock(&e->ecc_lock);
	for (i = 0; i < e->num_ecc && !hit; i++) {
		struct sim_ecc_page *pg = &e->ecc[i];

		if (!sim_space_find_phys(&ch->space, addr, len, pg->addr,
					 SIM_ECC_PAGE_SIZE, &at))
			continue;
		hit = true;
		page = pg->addr;
		pg->hits++;
		if (!pg->retired) {
			first = true;
			pg->retired = true;
			pg->gfid = ch->gfid;
			pg->chid = ch->chid;
		}
	}
	spin_unlock(&e->ecc_lock);
	if (!hit)
		return 0;
	c->ecc_addr = at;
	dev_err_ratelimited(sim_dev(c->eng->sim),
			    "%s: gfid %u channel %u: uncorrectable ECC error (DBE) on FB page %#llx at %#llx%s\n",
			    c->eng->name, ch->gfid, ch->chid, page, at,
			    first ? "; page retired" : " (a retired page)");
	return -EIO;
}

/* an engine access of the channel's space: ECC first, then the bytes */
static int sim_engine_rw(struct sim_engine_ctx *c, u64 addr, void *buf,
			 size_t len, bool write)
{
	return sim_mem_check_ecc(c, addr, len) ?:
	       sim_space_rw(c->eng->sim, &c->ch->space, addr, buf, len, write);
}

static int sim_mem_read(void *ctx, u64 addr, void *buf, size_t len)
{
	return sim_mem_check_fault(ctx) ?: sim_engine_rw(ctx, addr, buf, len,
							 false);
}

static int sim_mem_write(void *ctx, u64 addr, const void *buf, size_t len)
{
	return sim_mem_check_fault(ctx) ?: sim_engine_rw(ctx, addr, (void *)buf,
							 len, true);
}

#define SIM_COPY_CHUNK	PAGE_SIZE

/*
 * Move @len bytes to @dst a page at a time: from @src, or, with @fill, a
 * 32-bit pattern. The engine stays responsive: it reschedules per page.
 */
static int sim_mem_stream(struct sim_engine_ctx *c, u64 dst, u64 src, u64 len,
			  const u32 *fill)
{
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
			err = sim_engine_rw(c, src, buf, n, false);
		if (!err)
			err = sim_engine_rw(c, dst, buf, n, true);
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
	spin_unlock(&eng->lock);
	spin_lock_bh(&eng->stats_lock);
	eng->stats[ch->gfid].errors++;
	spin_unlock_bh(&eng->stats_lock);
	dev_warn_ratelimited(sim_dev(eng->sim),
			     "%s: gfid %u channel %u put in error: Xid %u at %#llx\n",
			     eng->name, ch->gfid, ch->chid, xid, addr);
	sim_vf_channel_error(eng->sim, ch->gfid, ch->chid, xid, addr);
}

/* an access of the engine's own (USERD, the ring) failed at @addr */
static void sim_engine_fail_access(struct sim_engine_ctx *c, int err, u64 addr)
{
	if (err == -EIO)
		sim_engine_fail(c->eng, c->ch, ROBUST_CHANNEL_GPU_ECC_DBE,
				c->ecc_addr);
	else
		sim_engine_fail(c->eng, c->ch,
				ROBUST_CHANNEL_FIFO_ERROR_MMU_ERR_FLT, addr);
}

/* read the next GPFIFO entry if there is one; false when the ring is idle */
static bool sim_engine_fetch(struct sim_engine_ctx *c)
{
	struct sim_engine *eng = c->eng;
	struct sim_channel *ch = c->ch;
	u32 put, e[2];
	u64 addr, entry;
	int pending, err;
	u32 len;

	err = sim_engine_rw(c, ch->userd + NVC56F_USERD_GP_PUT, &put, 4, false);
	if (err) {
		sim_engine_fail_access(c, err, ch->userd);
		return false;
	}
	pending = sim_pb_gpfifo_next(ch->gpfifo, ch->entries, ch->gp_get, put,
				     &entry);
	if (pending < 0) {
		dev_warn_ratelimited(sim_dev(eng->sim),
				     "%s: gfid %u channel %u: GP_PUT %u beyond its %u-entry ring\n",
				     eng->name, ch->gfid, ch->chid, put,
				     ch->entries);
		sim_engine_fail(eng, ch, ROBUST_CHANNEL_PBDMA_ERROR, 0);
		return false;
	}
	if (!pending)
		return false;
	err = sim_engine_rw(c, entry, e, sizeof(e), false);
	if (err) {
		sim_engine_fail_access(c, err, ch->gpfifo);
		return false;
	}
	if (sim_pb_decode_entry(e[0], e[1], &addr, &len)) {
		sim_engine_fail(eng, ch, ROBUST_CHANNEL_PBDMA_ERROR, 0);
		return false;
	}
	sim_pb_begin_segment(&ch->pb, addr, len);
	ch->in_entry = true;
	trace_nvvgpu_job_start(sim_pgpu_id(eng->sim), eng->name, ch->gfid,
			       ch->chid, ch->gp_get, len);
	return true;
}

static void sim_engine_retire(struct sim_engine_ctx *c)
{
	struct sim_engine *eng = c->eng;
	struct sim_channel *ch = c->ch;
	int err;

	trace_nvvgpu_job_complete(sim_pgpu_id(eng->sim), eng->name, ch->gfid,
				  ch->chid, ch->gp_get, 0);
	ch->in_entry = false;
	ch->gp_get = sim_pb_gpfifo_advance(ch->entries, ch->gp_get);
	ch->entries_done++;
	spin_lock_bh(&eng->stats_lock);
	eng->stats[ch->gfid].entries++;
	spin_unlock_bh(&eng->stats_lock);
	err = sim_engine_rw(c, ch->userd + NVC56F_USERD_GP_GET, &ch->gp_get, 4,
			    true);
	if (err)
		sim_engine_fail_access(c, err, ch->userd);
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
	struct sim_engines *e = &eng->sim->engines;
	u64 us = READ_ONCE(e->preempt_timeout_us[ch->gfid]) ?:
		 (u64)READ_ONCE(e->preempt_timeout_ms) * USEC_PER_MSEC;
	struct sim_engine_ctx c = { .eng = eng, .ch = ch };

	/*
	 * A preemption request stands until the channel yields: the owner
	 * coming back meanwhile does not cancel it, as on hardware.
	 */
	if (!ch->preempt_since) {
		if (!sim_engine_preempt(&c))
			return false;
		ch->preempt_since = ktime_get();
	}
	return ktime_us_delta(ktime_get(), ch->preempt_since) >= us;
}

/* the owner changed away from a running channel this long ago */
static u64 sim_engine_preempt_latency(struct sim_engine *eng)
{
	u64 since = READ_ONCE(eng->sim->engines.owner_since);
	u64 now = ktime_get_ns();

	return since && now > since ? now - since : 0;
}

/*
 * Run one channel until its entry is done, it yields or errs.
 * Return: false if it had nothing to run.
 */
static bool sim_engine_run(struct sim_engine *eng, struct sim_channel *ch)
{
	struct sim_engine_ctx c = { .eng = eng, .ch = ch };
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
	u64 start = ktime_get_ns(), preempt_ns = 0;
	bool yielded = false;

	if (!ch->in_entry && !sim_engine_fetch(&c))
		return false;

	spin_lock_bh(&eng->stats_lock);
	eng->run_gfid = ch->gfid;
	eng->run_start = start;
	spin_unlock_bh(&eng->stats_lock);
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
			sim_engine_retire(&c);
			goto out;
		case SIM_PB_YIELD:
			yielded = true;
			preempt_ns = sim_engine_preempt_latency(eng);
			goto out;
		case SIM_PB_ERROR:
			/* the memory ops know the ECC page, the executor the op */
			sim_engine_fail(eng, ch, res.xid,
					res.xid == ROBUST_CHANNEL_GPU_ECC_DBE ?
					c.ecc_addr : res.addr);
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
	spin_lock_bh(&eng->stats_lock);
	st->busy_ns += ktime_get_ns() - start;
	if (yielded) {
		st->preemptions++;
		st->preempt_ns += preempt_ns;
	}
	eng->run_start = 0;
	spin_unlock_bh(&eng->stats_lock);
	return true;
}

/* switching functions costs a context save and restore */
static void sim_engine_ctxsw(struct sim_engine *eng, struct sim_channel *ch)
{
	u32 us = READ_ONCE(eng->sim->engines.ctxsw_us);
	u64 start;

	if (eng->last_gfid == ch->gfid)
		return;
	eng->last_gfid = ch->gfid;
	if (!us)
		return;
	start = ktime_get_ns();
	sim_engine_sleep(eng, (u64)us * NSEC_PER_USEC);
	spin_lock_bh(&eng->stats_lock);
	eng->stats[ch->gfid].ctxsw_ns += ktime_get_ns() - start;
	spin_unlock_bh(&eng->stats_lock);
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
	bool ran, more;
	u32 gfid;

	while (!kthread_should_stop()) {
		ch = sim_engine_pick(eng);
		if (!ch) {
			wait_event_interruptible(eng->wq, kthread_should_stop() ||
						 sim_engine_has_work(eng));
			continue;
		}
		sim_engine_ctxsw(eng, ch);
		ran = sim_engine_run(eng, ch);
		/* an entry completed: more may be queued, look without a doorbell */
		more = ran && !ch->in_entry && !ch->error;
		/* once running is cleared the channel may be freed */
		gfid = ch->gfid;
		spin_lock(&eng->lock);
		if (more)
			ch->pending = true;
		WRITE_ONCE(eng->running, NULL);
		spin_unlock(&eng->lock);
		wake_up_all(&eng->wq);
		/* the ring ran dry, it erred or yielded: maybe no work is left */
		if (!more)
			sim_engine_work_update(eng->sim, gfid);
		cond_resched();
	}
	return 0;
}

/**
 * sim_engines_set_owner() - from now on the engines run @gfid's channels
 * @sim: the GPU
 * @gfid: a GFID, 0 for the host, %NVVGPU_OWNER_NONE or %NVVGPU_OWNER_ALL
 *
 * For whoever schedules the engines: the host (through the backend's
 * set_owner op) or the firmware (sim_objsched.c). Only a store and
 * wake-ups, in any context but hardirq; the engines yield at their next
 * method boundary.
 */
void sim_engines_set_owner(struct sim_gpu *sim, u32 gfid)
{
	int i;

	WRITE_ONCE(sim->engines.owner_since, ktime_get_ns());
	WRITE_ONCE(sim->engines.owner, gfid);
	for (i = 0; i < SIM_NUM_ENGINES; i++)
		wake_up_all(&sim->engines.eng[i].wq);
}

/**
 * sim_set_owner() - backend op: whose channels run
 * @pgpu: the physical GPU
 * @gfid: a GFID, 0 for the host, %NVVGPU_OWNER_NONE or %NVVGPU_OWNER_ALL
 *
 * Called from the scheduler's timer with its lock held. While the
 * firmware's own scheduler is in charge the wish is only recorded (see
 * sim_objsched_host_owner()).
 */
void sim_set_owner(struct nvvgpu_pgpu *pgpu, u32 gfid)
{
	sim_objsched_host_owner(pgpu->backend_priv, gfid);
}

/**
 * sim_engine_counters() - an engine's busy and preemption time for a
 *	function, up to now
 * @sim: the GPU
 * @engine: 0 GR0, 1 CE0, 2 CE1
 * @gfid: the function
 * @busy_ns: set to its busy time, the work running now included
 * @preempt_ns: set to its preemption time
 *
 * Any context but hardirq.
 */
void sim_engine_counters(struct sim_gpu *sim, u32 engine, u32 gfid,
			 u64 *busy_ns, u64 *preempt_ns)
{
	struct sim_engine *eng = &sim->engines.eng[engine];
	unsigned long flags;

	spin_lock_irqsave(&eng->stats_lock, flags);
	*busy_ns = eng->stats[gfid].busy_ns;
	*preempt_ns = eng->stats[gfid].preempt_ns;
	if (eng->run_start && eng->run_gfid == gfid)
		*busy_ns += ktime_get_ns() - eng->run_start;
	spin_unlock_irqrestore(&eng->stats_lock, flags);
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
	e->ctxsw_us = 10;
	spin_lock_init(&e->work_lock);
	e->mmu_fault_chid = U32_MAX;
	spin_lock_init(&e->ecc_lock);
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
		spin_lock_init(&eng->stats_lock);
		eng->last_gfid = U32_MAX;
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
EXPORT_SYMBOL_IF_KUNIT(sim_engines_init);

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
EXPORT_SYMBOL_IF_KUNIT(sim_engines_fini);

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
	else if (owner == NVVGPU_OWNER_NONE)
		seq_puts(m, "owner: none\n");
	else
		seq_printf(m, "owner: %u\n", owner);
	seq_printf(m, "preempt_timeout_ms: %u\nbad_doorbells: %llu\necc_pages: %u\n",
		   READ_ONCE(e->preempt_timeout_ms), e->bad_doorbells,
		   READ_ONCE(e->num_ecc));
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
			seq_printf(m, "  gfid %u busy_ns=%llu entries=%llu errors=%llu preemptions=%llu preempt_ns=%llu ctxsw_ns=%llu\n",
				   f, st->busy_ns, st->entries, st->errors,
				   st->preemptions, st->preempt_ns,
				   st->ctxsw_ns);
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
 * sim_engine_inject_ecc() - fault injection: an uncorrectable ECC error on
 *	a framebuffer page
 * @sim: the GPU
 * @addr: the page's FB offset: SIM_ECC_PAGE_SIZE aligned, in the usable FB
 *
 * The next engine access that touches the page, by any channel whose
 * address space covers it, puts that channel in error with Xid 48
 * (ROBUST_CHANNEL_GPU_ECC_DBE); the page is then retired, and every later
 * engine access to it faults the same way. BAR1 and the firmware do not
 * check it.
 *
 * Return: 0; -EINVAL for an address that is not such a page; -EEXIST for a
 * page already listed; -ENOSPC when SIM_MAX_ECC_PAGES are.
 */
int sim_engine_inject_ecc(struct sim_gpu *sim, u64 addr)
{
	struct sim_engines *e = &sim->engines;
	int err = 0;
	u32 i;

	if (!IS_ALIGNED(addr, SIM_ECC_PAGE_SIZE) || addr >= sim->fb_usable ||
	    sim->fb_usable - addr < SIM_ECC_PAGE_SIZE) {
		dev_warn(sim_dev(sim), "fault/ecc_page: %#llx is not a %u KiB page of the usable FB [0, %#llx)\n",
			 addr, SIM_ECC_PAGE_SIZE / SZ_1K, sim->fb_usable);
		return -EINVAL;
	}
	spin_lock(&e->ecc_lock);
	for (i = 0; i < e->num_ecc; i++)
		if (e->ecc[i].addr == addr)
			err = -EEXIST;
	if (!err && e->num_ecc >= SIM_MAX_ECC_PAGES)
		err = -ENOSPC;
	if (!err) {
		e->ecc[e->num_ecc] = (struct sim_ecc_page){ .addr = addr };
		WRITE_ONCE(e->num_ecc, e->num_ecc + 1);
	}
	spin_unlock(&e->ecc_lock);
	if (err == -EEXIST)
		dev_warn(sim_dev(sim), "fault/ecc_page: FB page %#llx is already listed\n",
			 addr);
	else if (err)
		dev_warn(sim_dev(sim), "fault/ecc_page: already %u pages, the most the sim keeps\n",
			 SIM_MAX_ECC_PAGES);
	else
		dev_info(sim_dev(sim), "fault: FB page %#llx has an uncorrectable ECC error; the next engine access to it faults (Xid %u)\n",
			 addr, ROBUST_CHANNEL_GPU_ECC_DBE);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(sim_engine_inject_ecc);

/**
 * sim_engine_ecc_show() - debugfs fault/ecc_page: the pages listed
 * @m: the seq file
 * @sim: the GPU
 *
 * One line per page: its FB offset, "pending" until an engine access hits
 * it, then "retired" with the function and channel that hit it first and
 * the accesses that faulted on it.
 */
void sim_engine_ecc_show(struct seq_file *m, struct sim_gpu *sim)
{
	struct sim_engines *e = &sim->engines;
	u32 i;

	spin_lock(&e->ecc_lock);
	for (i = 0; i < e->num_ecc; i++) {
		const struct sim_ecc_page *pg = &e->ecc[i];

		if (pg->retired)
			seq_printf(m, "%#llx retired gfid %u chid %u hits %llu\n",
				   pg->addr, pg->gfid, pg->chid, pg->hits);
		else
			seq_printf(m, "%#llx pending\n", pg->addr);
	}
	spin_unlock(&e->ecc_lock);
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

/**
 * sim_has_work() - backend op: does function @gfid have work queued?
 * @pgpu: the physical GPU
 * @gfid: the function
 *
 * What was last reported: a lockless bit read, so the scheduler may ask
 * with its lock held and never sees a state older than its last report.
 *
 * Return: true if it has.
 */
bool sim_has_work(struct nvvgpu_pgpu *pgpu, u32 gfid)
{
	struct sim_gpu *sim = pgpu->backend_priv;

	return gfid < SIM_NUM_FUNCTIONS &&
	       test_bit(gfid, sim->engines.work_mask);
}

/**
 * sim_engine_stats() - backend op: an engine's counters for a function
 * @pgpu: the physical GPU
 * @engine: 0 GR0, 1 CE0, 2 CE1
 * @gfid: the function
 * @out: filled in; busy time includes the work running now
 *
 * Any context but hardirq.
 *
 * Return: 0, or -ENOENT for an engine or function that does not exist.
 */
int sim_engine_stats(struct nvvgpu_pgpu *pgpu, u32 engine, u32 gfid,
		     struct nvvgpu_engine_stats *out)
{
	struct sim_gpu *sim = pgpu->backend_priv;
	struct sim_engine *eng;
	struct sim_engine_stats *st;
	unsigned long flags;

	if (engine >= SIM_NUM_ENGINES || gfid >= SIM_NUM_FUNCTIONS)
		return -ENOENT;
	eng = &sim->engines.eng[engine];
	st = &eng->stats[gfid];
	spin_lock_irqsave(&eng->stats_lock, flags);
	*out = (struct nvvgpu_engine_stats){
		.name = eng->name,
		.busy_ns = st->busy_ns,
		.jobs = st->entries,
		.preemptions = st->preemptions,
		.preempt_ns = st->preempt_ns,
		.ctxsw_ns = st->ctxsw_ns,
	};
	if (eng->run_start && eng->run_gfid == gfid)
		out->busy_ns += ktime_get_ns() - eng->run_start;
	spin_unlock_irqrestore(&eng->stats_lock, flags);
	return 0;
}

/**
 * sim_set_preempt_timeout() - backend op: function @gfid's own preemption
 *	timeout
 * @pgpu: the physical GPU
 * @gfid: the function
 * @timeout_us: microseconds, 0 for the default (debugfs preempt_timeout_ms)
 */
void sim_set_preempt_timeout(struct nvvgpu_pgpu *pgpu, u32 gfid,
			     u32 timeout_us)
{
	struct sim_gpu *sim = pgpu->backend_priv;

	if (gfid < SIM_NUM_FUNCTIONS)
		WRITE_ONCE(sim->engines.preempt_timeout_us[gfid], timeout_us);
}

/**
 * sim_engine_set_ctxsw() - debugfs ctxsw_us: the modelled context switch
 * @sim: the GPU
 * @us: 0..1000
 *
 * Return: 0, or -EINVAL out of range.
 */
int sim_engine_set_ctxsw(struct sim_gpu *sim, u64 us)
{
	if (us > 1000) {
		dev_warn(sim_dev(sim), "ctxsw_us: %llu out of range 0..1000\n", us);
		return -EINVAL;
	}
	WRITE_ONCE(sim->engines.ctxsw_us, us);
	return 0;
}
