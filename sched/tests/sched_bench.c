// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_sched_bench: the scheduler's benchmark, as a test module of its
 * own (CONFIG_NVVGPU_SCHED_TEST), so that nvvgpu_sched carries none of it.
 * While it is loaded, debugfs has a directory nvvgpu_sched_bench/ with
 *
 *   run     read: run the whole benchmark (DOC: scheduler benchmark) and
 *           print its report
 *   trace   read: run only its tracepoint part; with the events of
 *           nvvgpu_sched_bench enabled in tracefs, that part measures
 *           enabled tracepoints
 *
 * It needs no pgpu and no other nvvgpu module: the decision code of
 * sched/sched_policy.c is compiled into it (sched_bench_policy.c).
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/ktime.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/timex.h>

#include "sched_bench_policy.h"

#define CREATE_TRACE_POINTS
#include "sched_bench_trace.h"

/**
 * DOC: scheduler benchmark
 *
 * Reading nvvgpu_sched_bench/run measures, in one go:
 *
 * - The cost of one scheduling decision: nvvgpu_sched_decide() as the
 *   slice timer calls it, the run queue's lock held (bottom halves off),
 *   on run queues of 1, 8, 32 and 256 vGPUs, every vGPU open and with
 *   work, under each policy; and under best effort with half of them idle,
 *   the idle half first in the run queue's list. The clock is virtual:
 *   each decision comes when the slice it gave ends. A cell (policy, size)
 *   is timed in rounds of @decisions decisions, on three run queues of
 *   its own in turn; the rounds of all cells are interleaved, so that each
 *   sees the same load, and the median round gives the ns per decision
 *   (the best round in parentheses). The ratio of 256 to 8 vGPUs says
 *   how the decision scales (target: at most 2x).
 *
 * - The cost of tracepoints that are disabled: the same loop (best effort,
 *   8 vGPUs) calls, after each decision, what nvvgpu_sched_switch() calls
 *   when the GPU changes hands on three engines (switch_out on each,
 *   switch_in, switch: this module's copies of those events, with the same
 *   arguments and fields), against the loop without them, as a kernel
 *   without tracepoints compiles it; and a third loop has only the calls'
 *   key tests (trace_<event>_enabled()), which is what a disabled
 *   tracepoint costs in a kernel without lockdep: with lockdep, as in the
 *   test VM, every tracepoint call also asks rcu_is_watching(). Batches of
 *   @trace_decisions decisions of the three kinds are interleaved, each
 *   kind taking each place in turn; the median batch of each gives ns per
 *   decision, and its ratio to the loop without tracepoints the overhead
 *   (target: 1.01 at most). With the events enabled, the same part
 *   measures enabled tracepoints.
 *
 * Times come from the CPU's cycle counter (get_cycles()), converted to
 * nanoseconds by its rate against ktime over the whole run: in the test VM
 * ktime may tick in jiffies. Where there is no cycle counter, from ktime.
 * The targets are reported, not enforced.
 */

static unsigned int rounds = 12;
module_param(rounds, uint, 0444);
MODULE_PARM_DESC(rounds, "Timed rounds per cell of the decision table (1..1001, default 12)");

static unsigned int decisions = 4000;
module_param(decisions, uint, 0444);
MODULE_PARM_DESC(decisions, "Decisions per round (1..1000000, default 4000)");

static unsigned int trace_batches = 64;
module_param(trace_batches, uint, 0444);
MODULE_PARM_DESC(trace_batches, "Batches of each kind in the tracepoint comparison (2..10000, even, default 64)");

static unsigned int trace_decisions = 1000;
module_param(trace_decisions, uint, 0444);
MODULE_PARM_DESC(trace_decisions, "Decisions per batch of the tracepoint comparison (1..1000000, default 1000)");

/* the engines nvvgpu_sched_switch() traces a slice's end on (the sim's) */
#define SCHED_BENCH_ENGINES	3
/* the values of sched_log.h's NVVGPU_SCHED_ALL_ENGINES and _NOBODY */
#define SCHED_BENCH_ALL_ENGINES	(~0u)
#define SCHED_BENCH_NOBODY	(~0u - 2)
/* the run queue size the tracepoint comparison uses */
#define SCHED_BENCH_TRACE_N	8

/* the loops of the tracepoint comparison */
enum {
	SCHED_BENCH_TP,		/* the tracepoint calls as written */
	SCHED_BENCH_KEY,	/* only their key tests */
	SCHED_BENCH_PLAIN,	/* none: compiled out */
	SCHED_BENCH_KINDS,
};

static const u32 sched_bench_sizes[] = { 1, 8, 32, 256 };
#define SCHED_BENCH_SIZES	ARRAY_SIZE(sched_bench_sizes)

/* the rows of the decision table */
static const struct {
	enum nvvgpu_sched_policy policy;
	bool half_idle;
} sched_bench_rows[] = {
	{ NVVGPU_SCHED_BEST_EFFORT },
	{ NVVGPU_SCHED_EQUAL_SHARE },
	{ NVVGPU_SCHED_FIXED_SHARE },
	{ NVVGPU_SCHED_WEIGHTED },
	{ NVVGPU_SCHED_ARR },
	{ NVVGPU_SCHED_BEST_EFFORT, true },
};

#define SCHED_BENCH_ROWS	ARRAY_SIZE(sched_bench_rows)
#define SCHED_BENCH_CELLS	(SCHED_BENCH_ROWS * SCHED_BENCH_SIZES)
/*
 * run queues per cell, taking turns round by round: under QEMU's TCG, whose
 * software TLB is direct-mapped, where a run queue lies in memory can make
 * its decisions a fifth slower or faster
 */
#define SCHED_BENCH_COPIES	3

/* nvvgpu_sched's defaults, with a 2 ms base slice */
static const struct nvvgpu_sched_params sched_bench_params = {
	.policy = NVVGPU_SCHED_BEST_EFFORT,
	.timeslice_us = 2000,
	.arr_avg_factor = NVVGPU_SCHED_ARR_AVG_DEFAULT,
	.arr_frequency = NVVGPU_SCHED_ARR_FREQ_DEFAULT,
	.arr_min_us = 1000,
	.arr_max_us = 10000,
	.host_weight = 1,
};

/* a run queue of its own, with its entities and its virtual clock */
struct sched_bench_rq {
	struct nvvgpu_sched_rq rq;
	struct nvvgpu_sched_entity *se;
	u32 n;
	u64 now;
};

struct sched_bench {
	struct sched_bench_rq *cell[SCHED_BENCH_CELLS][SCHED_BENCH_COPIES];
	/* per cell, @rounds samples; then the two kinds of trace batches */
	u64 *round;
	u64 *tp[SCHED_BENCH_KINDS];
	/* clock: samples are cycles, converted with the rate over the run */
	bool cycles;
	u64 t_start;
	u64 t_end;
	u64 k_start;
	u64 k_end;
};

static DEFINE_MUTEX(sched_bench_lock);
static struct dentry *sched_bench_dir;

static u64 sched_bench_now(const struct sched_bench *b)
{
	return b->cycles ? get_cycles() : ktime_get_ns();
}

static void sched_bench_rq_free(struct sched_bench_rq *s)
{
	if (!s)
		return;
	kvfree(s->se);
	kfree(s);
}

/*
 * @n vGPUs, open and with work (with @half_idle, the first half without),
 * under @policy; fixed share gets as many slots as vGPUs, the weighted
 * policy weights spread over 1..100
 */
static struct sched_bench_rq *sched_bench_rq_new(enum nvvgpu_sched_policy policy,
						 u32 n, bool half_idle)
{
	struct nvvgpu_sched_params p = sched_bench_params;
	struct sched_bench_rq *s;
	u32 i;

	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return NULL;
	s->se = kvcalloc(n, sizeof(*s->se), GFP_KERNEL);
	if (!s->se) {
		kfree(s);
		return NULL;
	}
	s->n = n;
	s->now = 1;
	p.policy = policy;
	p.fixed_slots = n;
	spin_lock_init(&s->rq.lock);
	nvvgpu_sched_rq_init(&s->rq, &p);

	spin_lock_bh(&s->rq.lock);
	for (i = 0; i < n; i++) {
		struct nvvgpu_sched_entity *se = &s->se[i];

		nvvgpu_sched_entity_init(se, i, i + 1,
					 1 + i * 37 % NVVGPU_VGPU_WEIGHT_MAX);
		nvvgpu_sched_add(&s->rq, se);
		nvvgpu_sched_set_open(&s->rq, se, true, s->now);
		nvvgpu_sched_set_work(&s->rq, se, !half_idle || i >= n / 2,
				      s->now);
	}
	spin_unlock_bh(&s->rq.lock);
	return s;
}

/* the next decision comes when the slice just given ends */
static void sched_bench_tick(struct sched_bench_rq *s)
{
	s->now += s->rq.slice_ns ?: NSEC_PER_MSEC;
}

/* @count decisions, as a kernel without tracepoints makes them */
static noinline u64 sched_bench_round(struct sched_bench *b,
				      struct sched_bench_rq *s, u32 count)
{
	struct nvvgpu_sched_rq *rq = &s->rq;
	u64 t0, t1;
	u32 i;

	spin_lock_bh(&rq->lock);
	t0 = sched_bench_now(b);
	for (i = 0; i < count; i++) {
		nvvgpu_sched_decide(rq, s->now);
		sched_bench_tick(s);
	}
	t1 = sched_bench_now(b);
	spin_unlock_bh(&rq->lock);
	return t1 - t0;
}

/*
 * What nvvgpu_sched_switch() traces once a decision changed the GPU's
 * holder from @prev to @next. With @guarded, each call sits behind its
 * event's key test, trace_<event>_enabled(): while the events are
 * disabled that is all a kernel without lockdep runs at a tracepoint,
 * where one with lockdep also asks rcu_is_watching() at each.
 */
static __always_inline void sched_bench_trace(struct nvvgpu_sched_rq *rq,
					      struct nvvgpu_sched_entity *prev,
					      struct nvvgpu_sched_entity *next,
					      u64 ran, u64 prev_slice,
					      bool guarded)
{
	u32 e;

	if (prev && (!guarded || trace_nvvgpu_sched_bench_switch_out_enabled()))
		for (e = 0; e < SCHED_BENCH_ENGINES; e++)
			trace_nvvgpu_sched_bench_switch_out(0, e,
							    prev->id, prev->gfid,
							    nvvgpu_sched_uuid(prev),
							    prev_slice, ran,
							    prev->st.preempt_ns);
	if (next && (!guarded || trace_nvvgpu_sched_bench_switch_in_enabled()))
		trace_nvvgpu_sched_bench_switch_in(0, SCHED_BENCH_ALL_ENGINES,
						   next->id, next->gfid, nvvgpu_sched_uuid(next),
						   rq->slice_ns, 0,
						   next->st.preempt_ns);
	if ((prev || next) &&
	    (!guarded || trace_nvvgpu_sched_bench_switch_enabled()))
		trace_nvvgpu_sched_bench_switch(0,
						prev ? prev->id : SCHED_BENCH_NOBODY,
						prev ? ran : 0,
						next ? next->id : SCHED_BENCH_NOBODY,
						rq->slice_ns);
}

/* @count decisions, each followed by nvvgpu_sched_switch()'s tracepoints */
static __always_inline u64 sched_bench_round_traced(struct sched_bench *b,
						    struct sched_bench_rq *s,
						    u32 count, bool guarded)
{
	struct nvvgpu_sched_rq *rq = &s->rq;
	struct nvvgpu_sched_entity *prev, *next;
	u64 t0, t1, ran, prev_slice;
	u32 i;

	spin_lock_bh(&rq->lock);
	t0 = sched_bench_now(b);
	for (i = 0; i < count; i++) {
		prev = rq->curr;
		ran = s->now - rq->slice_start;
		prev_slice = rq->slice_ns;
		next = nvvgpu_sched_decide(rq, s->now);
		sched_bench_trace(rq, prev, next, ran, prev_slice, guarded);
		sched_bench_tick(s);
	}
	t1 = sched_bench_now(b);
	spin_unlock_bh(&rq->lock);
	return t1 - t0;
}

static noinline u64 sched_bench_round_tp(struct sched_bench *b,
					 struct sched_bench_rq *s, u32 count)
{
	return sched_bench_round_traced(b, s, count, false);
}

static noinline u64 sched_bench_round_key(struct sched_bench *b,
					  struct sched_bench_rq *s, u32 count)
{
	return sched_bench_round_traced(b, s, count, true);
}

static int sched_bench_cmp(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

/* sorts @v; return: its median */
static u64 sched_bench_median(u64 *v, u32 n)
{
	sort(v, n, sizeof(*v), sched_bench_cmp, NULL);
	return v[n / 2];
}

/* a sample of @count decisions to tenths of a ns per decision */
static u64 sched_bench_dns(const struct sched_bench *b, u64 v, u32 count)
{
	u64 ns = b->k_end - b->k_start, cyc = b->t_end - b->t_start;

	if (b->cycles && cyc)
		v = mul_u64_u64_div_u64(v, ns, cyc);
	return div_u64(v * 10, count);
}

/* @num / @den in thousandths */
static u64 sched_bench_milli(u64 num, u64 den)
{
	return den ? div64_u64(num * 1000, den) : 0;
}

static void sched_bench_free(struct sched_bench *b)
{
	u32 i, k;

	for (i = 0; i < SCHED_BENCH_CELLS; i++)
		for (k = 0; k < SCHED_BENCH_COPIES; k++)
			sched_bench_rq_free(b->cell[i][k]);
	for (i = 0; i < SCHED_BENCH_KINDS; i++)
		kvfree(b->tp[i]);
	kvfree(b->round);
	kfree(b);
}

static struct sched_bench *sched_bench_alloc(bool table)
{
	struct sched_bench *b = kzalloc(sizeof(*b), GFP_KERNEL);
	u32 r, i, k;

	if (!b)
		return NULL;
	for (i = 0; i < SCHED_BENCH_KINDS; i++) {
		b->tp[i] = kvcalloc(trace_batches, sizeof(u64), GFP_KERNEL);
		if (!b->tp[i])
			goto err;
	}
	if (!table) {
		b->cell[0][0] = sched_bench_rq_new(NVVGPU_SCHED_BEST_EFFORT,
						   SCHED_BENCH_TRACE_N, false);
		if (!b->cell[0][0])
			goto err;
		return b;
	}
	b->round = kvcalloc(SCHED_BENCH_CELLS * rounds, sizeof(u64),
			    GFP_KERNEL);
	if (!b->round)
		goto err;
	for (r = 0; r < SCHED_BENCH_ROWS; r++)
		for (i = 0; i < SCHED_BENCH_SIZES; i++)
			for (k = 0; k < SCHED_BENCH_COPIES; k++) {
				struct sched_bench_rq **s;

				s = &b->cell[r * SCHED_BENCH_SIZES + i][k];
				*s = sched_bench_rq_new(sched_bench_rows[r].policy,
							sched_bench_sizes[i],
							sched_bench_rows[r].half_idle);
				if (!*s)
					goto err;
			}
	return b;

err:
	sched_bench_free(b);
	return NULL;
}

/* the decision table's rounds, interleaved cell by cell */
static void sched_bench_table(struct sched_bench *b)
{
	struct sched_bench_rq *s;
	u32 r, c, k;

	/* warm up: every vGPU of every run queue gets the GPU a few times */
	for (c = 0; c < SCHED_BENCH_CELLS; c++)
		for (k = 0; k < SCHED_BENCH_COPIES; k++) {
			s = b->cell[c][k];
			sched_bench_round(b, s, 4 * s->n);
			cond_resched();
		}
	for (r = 0; r < rounds; r++)
		for (c = 0; c < SCHED_BENCH_CELLS; c++) {
			s = b->cell[c][r % SCHED_BENCH_COPIES];
			b->round[c * rounds + r] = sched_bench_round(b, s,
								     decisions);
			cond_resched();
		}
}

/* one batch of a kind */
static u64 sched_bench_batch(struct sched_bench *b, struct sched_bench_rq *s,
			     u32 kind)
{
	switch (kind) {
	case SCHED_BENCH_TP:
		return sched_bench_round_tp(b, s, trace_decisions);
	case SCHED_BENCH_KEY:
		return sched_bench_round_key(b, s, trace_decisions);
	default:
		return sched_bench_round(b, s, trace_decisions);
	}
}

/* the tracepoint comparison on the 8-vGPU best-effort run queue */
static void sched_bench_trace_batches(struct sched_bench *b,
				      struct sched_bench_rq *s)
{
	u32 j, k, kind;

	sched_bench_round(b, s, 4 * s->n);
	for (j = 0; j < trace_batches; j++) {
		/* each kind takes each place in turn, forwards and backwards */
		for (k = 0; k < SCHED_BENCH_KINDS; k++) {
			kind = (j + k) % SCHED_BENCH_KINDS;
			if (j / SCHED_BENCH_KINDS & 1)
				kind = SCHED_BENCH_KINDS - 1 - kind;
			b->tp[kind][j] = sched_bench_batch(b, s, kind);
		}
		cond_resched();
	}
}

/* "123.4" for tenths */
static void sched_bench_print_dns(struct seq_file *m, u64 dns)
{
	seq_printf(m, "%llu.%llu", dns / 10, dns % 10);
}

static void sched_bench_report_table(struct sched_bench *b, struct seq_file *m)
{
	u64 med[SCHED_BENCH_SIZES], best;
	char cell[48];
	u32 r, i;

	seq_printf(m, "decision: ns per nvvgpu_sched_decide(), median round of %u (best), %u decisions per round, rounds of all cells interleaved\n",
		   rounds, decisions);
	seq_printf(m, "%-24s", "policy");
	for (i = 0; i < SCHED_BENCH_SIZES; i++) {
		snprintf(cell, sizeof(cell), "%u vGPU%s", sched_bench_sizes[i],
			 sched_bench_sizes[i] == 1 ? "" : "s");
		seq_printf(m, " %17s", cell);
	}
	seq_printf(m, " %8s\n", "256/8");
	for (r = 0; r < SCHED_BENCH_ROWS; r++) {
		u64 milli;

		snprintf(cell, sizeof(cell), "%s%s",
			 nvvgpu_sched_policy_name(sched_bench_rows[r].policy),
			 sched_bench_rows[r].half_idle ? ", half idle" : "");
		seq_printf(m, "%-24s", cell);
		for (i = 0; i < SCHED_BENCH_SIZES; i++) {
			u64 *v = &b->round[(r * SCHED_BENCH_SIZES + i) * rounds];

			med[i] = sched_bench_dns(b, sched_bench_median(v, rounds),
						 decisions);
			best = sched_bench_dns(b, v[0], decisions);
			snprintf(cell, sizeof(cell), "%llu.%llu (%llu.%llu)",
				 med[i] / 10, med[i] % 10, best / 10, best % 10);
			seq_printf(m, " %17s", cell);
		}
		/* the sizes are 1, 8, 32, 256 */
		milli = sched_bench_milli(med[3], med[1]);
		seq_printf(m, " %4llu.%02llux\n", milli / 1000,
			   milli % 1000 / 10);
	}
	seq_puts(m, "target: 256/8 at most 2.00x (reported, not enforced); half idle: the idle half first in the run queue's list\n");
}

static void sched_bench_report_trace(struct sched_bench *b, struct seq_file *m)
{
	static const char * const what[2][SCHED_BENCH_KINDS] = {
		{ "tracepoints disabled", "their key tests only",
		  "compiled out (no call)" },
		{ "tracepoints enabled", "enabled, behind key tests",
		  "compiled out (no call)" },
	};
	u32 on = trace_nvvgpu_sched_bench_switch_enabled() +
		 trace_nvvgpu_sched_bench_switch_in_enabled() +
		 trace_nvvgpu_sched_bench_switch_out_enabled();
	const char *state = !on ? "disabled" : on == 3 ? "enabled" :
			    "partly enabled";
	u64 dns[SCHED_BENCH_KINDS], milli;
	u32 k;

	for (k = 0; k < SCHED_BENCH_KINDS; k++)
		dns[k] = sched_bench_dns(b, sched_bench_median(b->tp[k],
							       trace_batches),
					 trace_decisions);
	seq_printf(m, "tracepoints: %s; 8 vGPUs under best effort; after each decision the %u tracepoint calls of nvvgpu_sched_switch() on %u engines; median of %u batches of %u decisions of each kind, interleaved; this kernel: %s, %s\n",
		   IS_ENABLED(CONFIG_TRACEPOINTS) ? state : "not configured",
		   SCHED_BENCH_ENGINES + 2, SCHED_BENCH_ENGINES, trace_batches,
		   trace_decisions,
		   IS_ENABLED(CONFIG_LOCKDEP) ? "lockdep" : "no lockdep",
		   IS_ENABLED(CONFIG_JUMP_LABEL) ? "jump labels" :
		   "no jump labels");
	for (k = 0; k < SCHED_BENCH_KINDS; k++) {
		seq_printf(m, "  %-28s ", what[!!on][k]);
		sched_bench_print_dns(m, dns[k]);
		milli = sched_bench_milli(dns[k], dns[SCHED_BENCH_PLAIN]);
		if (k == SCHED_BENCH_PLAIN)
			seq_puts(m, " ns per decision  (baseline)\n");
		else
			seq_printf(m, " ns per decision  %llu.%03llux\n",
				   milli / 1000, milli % 1000);
	}
	if (on)
		return;
	seq_puts(m, "target: disabled / compiled out at most 1.010x (reported, not enforced)\n");
	if (IS_ENABLED(CONFIG_LOCKDEP))
		seq_puts(m, "with lockdep, each tracepoint call also asks rcu_is_watching(), enabled or not; without lockdep a disabled tracepoint is its key test alone: the second line\n");
}

/* run the benchmark: the decision table if @table, then the tracepoints */
static int sched_bench_run(struct seq_file *m, bool table)
{
	struct sched_bench *b;
	u64 run_ns;
	int ret;

	ret = mutex_lock_interruptible(&sched_bench_lock);
	if (ret)
		return ret;
	b = sched_bench_alloc(table);
	if (!b) {
		ret = -ENOMEM;
		goto out;
	}
	b->cycles = get_cycles() != 0;
	b->k_start = ktime_get_ns();
	b->t_start = sched_bench_now(b);
	if (table)
		sched_bench_table(b);
	/* best effort, 8 vGPUs: row 0, size 1 of the table */
	sched_bench_trace_batches(b, b->cell[table ? 1 : 0][0]);
	b->t_end = sched_bench_now(b);
	b->k_end = ktime_get_ns();

	run_ns = b->k_end - b->k_start;
	seq_printf(m, "sched bench: the scheduling decision of sched_policy.c (built into this module), run queue lock held, virtual clock, %llu ms\n",
		   div_u64(run_ns, NSEC_PER_MSEC));
	if (b->cycles)
		seq_printf(m, "clock: cycle counter, %llu MHz against ktime\n",
			   run_ns ? div64_u64(b->t_end - b->t_start,
					      max_t(u64, run_ns / 1000, 1)) : 0);
	else
		seq_puts(m, "clock: ktime (no cycle counter)\n");
	if (table)
		sched_bench_report_table(b, m);
	sched_bench_report_trace(b, m);
	sched_bench_free(b);
out:
	mutex_unlock(&sched_bench_lock);
	return ret;
}

static int sched_bench_run_show(struct seq_file *m, void *unused)
{
	return sched_bench_run(m, true);
}

static int sched_bench_trace_show(struct seq_file *m, void *unused)
{
	return sched_bench_run(m, false);
}

/* a buffer the report fits in, so that seq_read() never runs it twice */
static int sched_bench_run_open(struct inode *inode, struct file *file)
{
	return single_open_size(file, sched_bench_run_show, NULL, SZ_16K);
}

static int sched_bench_trace_open(struct inode *inode, struct file *file)
{
	return single_open_size(file, sched_bench_trace_show, NULL, SZ_16K);
}

static const struct file_operations sched_bench_run_fops = {
	.owner = THIS_MODULE,
	.open = sched_bench_run_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

static const struct file_operations sched_bench_trace_fops = {
	.owner = THIS_MODULE,
	.open = sched_bench_trace_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

static int __init sched_bench_init(void)
{
	if (!rounds || rounds > 1001 || !decisions || decisions > 1000000 ||
	    trace_batches < 2 || trace_batches > 10000 || trace_batches & 1 ||
	    !trace_decisions || trace_decisions > 1000000) {
		pr_err("rounds=%u decisions=%u trace_batches=%u trace_decisions=%u: out of range (see modinfo)\n",
		       rounds, decisions, trace_batches, trace_decisions);
		return -EINVAL;
	}
	sched_bench_dir = debugfs_create_dir("nvvgpu_sched_bench", NULL);
	debugfs_create_file("run", 0400, sched_bench_dir, NULL,
			    &sched_bench_run_fops);
	debugfs_create_file("trace", 0400, sched_bench_dir, NULL,
			    &sched_bench_trace_fops);
	return 0;
}

static void __exit sched_bench_exit(void)
{
	/* waits for a reader still running */
	debugfs_remove(sched_bench_dir);
}

module_init(sched_bench_init);
module_exit(sched_bench_exit);

MODULE_DESCRIPTION("nvvgpu scheduler benchmark: decision cost, tracepoint overhead");
MODULE_AUTHOR("The nvvgpu developers");
MODULE_LICENSE("GPL");
