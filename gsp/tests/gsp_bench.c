// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_gsp_test: the transport's benchmark, debugfs <pgpu>/gsp/bench while
 * the test module is loaded.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/seq_file.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/string.h>
#include <linux/timex.h>
#include <linux/workqueue.h>

#include <nvvgpu/abi/gsp_rm.h>
#include <nvvgpu/abi/msgq.h>
#include <nvvgpu/core.h>

#include "../gsp.h"
#include "../gsp_test.h"

/**
 * DOC: benchmark
 *
 * Reading <pgpu>/gsp/bench runs, in one go and from one kthread, the
 * transport's measurements and their baselines, interleaved call by call
 * so that both see the same load:
 *
 * - RPC round trip: GSP_RM_CONTROL GPU_GET_VMMU_SEGMENT_SIZE (8 bytes of
 *   params) through gsp_rm_control(), as every user calls it;
 * - ping-pong, same wake-ups: a u64 written to shared memory, the peer
 *   woken the way the transport wakes the firmware (mod_delayed_work() on
 *   an ordered workqueue: the doorbell), the peer writing the answer and
 *   waking the caller the way SWGEN0 wakes a waiting RPC (complete());
 * - ping-pong, kthread to kthread: the same with a kthread peer woken by
 *   complete() both ways, the cheapest sleeping hand-over there is;
 * - payload: the emulator's echo control with 64 KiB of data (each way,
 *   so two elements per direction), against memcpy() of 64 KiB between
 *   two warm buffers;
 * - for the record, the XOR checksum of 64 KiB, which each element costs
 *   its sender and its receiver, and an allocation of that size.
 *
 * Then, pipelined: rounds of three kthreads each sending 16 echoes of
 * 64 KiB at once through gsp_rpc_call(), so that several RPCs are in
 * flight (as many as the 256 KiB command queue holds: three), with
 * memcpy() of 64 KiB sampled between the rounds as that phase's baseline.
 *
 * Results are medians and 99th percentiles; the payload rates count the
 * 64 KiB once per direction. Ratios: round trip over the same-wake-up
 * ping-pong, payload rate (pipelined, and one RPC at a time) over memcpy
 * bandwidth.
 *
 * Time is taken with the CPU's cycle counter (get_cycles()), converted to
 * nanoseconds by its rate against jiffies over the whole run: the test VM
 * has no calibrated clocksource, and ktime there ticks in jiffies. Where
 * there is no cycle counter, ktime is used.
 */

#define GSP_BENCH_CALLS		2000
#define GSP_BENCH_PAYLOAD	SZ_64K
#define GSP_BENCH_PAYLOAD_CALLS	200
#define GSP_BENCH_TIMEOUT	(5 * HZ)
/* the pipelined payload phase: rounds of streams of echoes at once */
#define GSP_BENCH_STREAMS	3
#define GSP_BENCH_ROUNDS	9
#define GSP_BENCH_ROUND_CALLS	16
#define GSP_BENCH_ROUND_COPIES	16

/* one cache line each way, as a doorbell and a status word would be */
struct gsp_bench_shm {
	u64 ping ____cacheline_aligned;
	u64 pong ____cacheline_aligned;
};

struct gsp_bench {
	struct nvvgpu_gsp *gsp;
	struct gsp_bench_shm *shm;
	/* ping-pong through a work item */
	struct workqueue_struct *wq;
	struct delayed_work work;
	/* ping-pong through a kthread */
	struct task_struct *peer;
	struct completion go;
	bool stop;
	/* both peers answer here */
	struct completion done;
	/* samples, ns */
	u64 *rpc;
	u64 *wq_pp;
	u64 *kt_pp;
	u64 *echo;
	u64 *copy;
	u64 *csum;
	u64 *alloc;
	/* pipelined phase: ns per round, memcpy samples between rounds */
	u64 *round;
	u64 *rcopy;
	/* clock: samples are cycles, converted with the rate over the run */
	bool cycles;
	u64 t_start;
	u64 t_end;
	u64 j_start;
	u64 j_end;
	int err;
	struct completion finished;
};

static bool gsp_bench_cycles;

/* cycles, or ns where there is no cycle counter */
static u64 gsp_bench_now(void)
{
	return gsp_bench_cycles ? get_cycles() : ktime_get_ns();
}

static void gsp_bench_pong(struct gsp_bench *b)
{
	WRITE_ONCE(b->shm->pong, READ_ONCE(b->shm->ping));
	complete(&b->done);
}

static void gsp_bench_work(struct work_struct *work)
{
	gsp_bench_pong(container_of(to_delayed_work(work), struct gsp_bench,
				    work));
}

static int gsp_bench_peer(void *data)
{
	struct gsp_bench *b = data;

	for (;;) {
		wait_for_completion(&b->go);
		if (READ_ONCE(b->stop))
			break;
		gsp_bench_pong(b);
	}
	/* wait to be stopped, so kthread_stop() finds us */
	set_current_state(TASK_INTERRUPTIBLE);
	while (!kthread_should_stop()) {
		schedule();
		set_current_state(TASK_INTERRUPTIBLE);
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

/* one ping-pong; @kthread picks the peer */
static int gsp_bench_ping(struct gsp_bench *b, u64 seq, bool kthread, u64 *ns)
{
	u64 t0 = gsp_bench_now();

	WRITE_ONCE(b->shm->ping, seq);
	if (kthread)
		complete(&b->go);
	else
		mod_delayed_work(b->wq, &b->work, 0);
	if (!wait_for_completion_timeout(&b->done, GSP_BENCH_TIMEOUT))
		return -ETIMEDOUT;
	if (READ_ONCE(b->shm->pong) != seq)
		return -EPROTO;
	*ns = gsp_bench_now() - t0;
	return 0;
}

static int gsp_bench_rpc(struct gsp_bench *b, u64 *ns)
{
	struct nv2080_ctrl_gpu_get_vmmu_segment_size_params p = {};
	struct nvvgpu_gsp *gsp = b->gsp;
	u64 t0 = gsp_bench_now();
	int ret;

	ret = gsp_rm_control(gsp, gsp->h_client, NVVGPU_RM_HANDLE_SUBDEVICE,
			     NV2080_CTRL_CMD_GPU_GET_VMMU_SEGMENT_SIZE, &p,
			     sizeof(p));
	*ns = gsp_bench_now() - t0;
	return ret ?: (p.vmmu_segment_size ? 0 : -EPROTO);
}

static int gsp_bench_echo(struct gsp_bench *b, struct nvvgpu_emu_echo_params *p,
			  u64 cookie, u64 *ns)
{
	struct nvvgpu_gsp *gsp = b->gsp;
	u64 t0;
	int ret;

	p->cookie = cookie;
	p->flags = 0;
	p->size = GSP_BENCH_PAYLOAD;
	t0 = gsp_bench_now();
	ret = gsp_rm_control(gsp, gsp->h_client, NVVGPU_RM_HANDLE_SUBDEVICE,
			     NVVGPU_EMU_CTRL_CMD_ECHO, p,
			     struct_size(p, data, GSP_BENCH_PAYLOAD));
	*ns = gsp_bench_now() - t0;
	if (!ret && p->cookie != ~cookie)
		ret = -EPROTO;
	return ret;
}

static void gsp_bench_copy(void *dst, const void *src, u64 *ns)
{
	u64 t0 = gsp_bench_now();

	memcpy(dst, src, GSP_BENCH_PAYLOAD);
	/* keep the copy from being elided or reordered past the clock */
	barrier_data(dst);
	*ns = gsp_bench_now() - t0;
}

/* one caller of the pipelined phase, with its own message */
struct gsp_bench_stream {
	struct gsp_bench *b;
	struct nvgsp_rpc_rm_control *msg;
	u32 len;
	u64 cookie;
	struct completion *go;
	atomic_t *left;
	struct completion *all_done;
	struct completion exited;
	int err;
};

/*
 * One transport-level echo of 64 KiB each way: the RM_CONTROL message is
 * built once in the stream's buffer and the reply lands in it, so what is
 * measured is the transport and the firmware alone (gsp_rm_control() adds
 * only the RPC's fields, built on its stack: no copy, no shared buffer).
 */
static int gsp_bench_stream_echo(struct gsp_bench_stream *st)
{
	struct nvvgpu_emu_echo_params *p = (void *)st->msg->params;
	struct nvvgpu_gsp *gsp = st->b->gsp;
	int ret;

	st->msg->h_client = gsp->h_client;
	st->msg->h_object = NVVGPU_RM_HANDLE_SUBDEVICE;
	st->msg->cmd = NVVGPU_EMU_CTRL_CMD_ECHO;
	st->msg->status = 0;
	st->msg->params_size = struct_size(p, data, GSP_BENCH_PAYLOAD);
	st->msg->flags = 0;
	p->cookie = ++st->cookie;
	p->flags = 0;
	p->size = GSP_BENCH_PAYLOAD;
	ret = gsp_rpc_call(gsp, NV_VGPU_MSG_FUNCTION_GSP_RM_CONTROL, st->msg,
			   st->len, st->msg, st->len);
	if (ret)
		return ret;
	if (st->msg->status || p->cookie != ~st->cookie ||
	    p->size != GSP_BENCH_PAYLOAD)
		return -EPROTO;
	return 0;
}

static int gsp_bench_stream_fn(void *data)
{
	struct gsp_bench_stream *st = data;
	u32 i;

	wait_for_completion(st->go);
	for (i = 0; i < GSP_BENCH_ROUND_CALLS && !st->err; i++)
		st->err = gsp_bench_stream_echo(st);
	if (atomic_dec_and_test(st->left))
		complete(st->all_done);
	/* the module stays until the last instruction here has run */
	kthread_complete_and_exit(&st->exited, 0);
}

/*
 * The pipelined phase: each round starts GSP_BENCH_STREAMS kthreads that
 * each send GSP_BENCH_ROUND_CALLS echoes as fast as their replies come, so
 * that the firmware works through one while the host sends or receives the
 * next; a round's time runs from their release to the last reply. Between
 * rounds, memcpy() of 64 KiB is sampled as the baseline.
 */
static int gsp_bench_pipelined(struct gsp_bench *b, void *dst, const void *src)
{
	struct gsp_bench_stream st[GSP_BENCH_STREAMS] = {};
	struct completion go, all_done;
	struct task_struct *t;
	u32 r, i, n, len;
	atomic_t left;
	u64 t0;
	int ret = 0;

	len = struct_size(st[0].msg, params,
			  sizeof(struct nvvgpu_emu_echo_params) + GSP_BENCH_PAYLOAD);
	for (i = 0; i < GSP_BENCH_STREAMS; i++) {
		st[i].msg = kvzalloc(len, GFP_KERNEL);
		if (!st[i].msg) {
			ret = -ENOMEM;
			goto out;
		}
		memset(st[i].msg->params + sizeof(struct nvvgpu_emu_echo_params),
		       0x3c + i, GSP_BENCH_PAYLOAD);
		st[i].b = b;
		st[i].len = len;
		st[i].cookie = (u64)i << 32;
		st[i].go = &go;
		st[i].left = &left;
		st[i].all_done = &all_done;
	}

	for (r = 0; r < GSP_BENCH_ROUNDS && !ret; r++) {
		init_completion(&go);
		init_completion(&all_done);
		atomic_set(&left, GSP_BENCH_STREAMS);
		for (n = 0; n < GSP_BENCH_STREAMS; n++) {
			init_completion(&st[n].exited);
			t = kthread_run(gsp_bench_stream_fn, &st[n],
					"nvvgpu_bench_s%u", n);
			if (IS_ERR(t)) {
				ret = PTR_ERR(t);
				break;
			}
		}
		/* the streams that did not start are done */
		if (n < GSP_BENCH_STREAMS &&
		    atomic_sub_and_test(GSP_BENCH_STREAMS - n, &left))
			complete(&all_done);
		t0 = gsp_bench_now();
		complete_all(&go);
		wait_for_completion(&all_done);
		b->round[r] = gsp_bench_now() - t0;
		for (i = 0; i < n; i++) {
			wait_for_completion(&st[i].exited);
			ret = ret ?: st[i].err;
		}
		for (i = 0; i < GSP_BENCH_ROUND_COPIES; i++)
			gsp_bench_copy(dst, src,
				       &b->rcopy[r * GSP_BENCH_ROUND_COPIES + i]);
	}
out:
	for (i = 0; i < GSP_BENCH_STREAMS; i++)
		kvfree(st[i].msg);
	return ret;
}

/* the XOR checksum of 64 KiB, for the record of where the time goes */
static void gsp_bench_csum(const void *buf, u64 *ns, u32 *sink)
{
	u64 t0 = gsp_bench_now();

	*sink ^= nvgsp_msg_checksum(buf, GSP_BENCH_PAYLOAD);
	*ns = gsp_bench_now() - t0;
}

/* a kvmalloc()/kvfree() of an element-sized buffer, for the same record */
static void gsp_bench_alloc(u64 *ns)
{
	u64 t0 = gsp_bench_now();
	void *p = kvmalloc(GSP_BENCH_PAYLOAD + 24, GFP_KERNEL);

	barrier_data(p);
	kvfree(p);
	*ns = gsp_bench_now() - t0;
}

/*
 * The measurements, interleaved call by call, so that whatever else runs
 * on the machine hits each of them and its baseline alike.
 */
static int gsp_bench_measure(struct gsp_bench *b)
{
	struct nvvgpu_emu_echo_params *p;
	void *src, *dst;
	u32 i, k, sink = 0;
	u64 seq = 0;
	int ret = 0;

	p = kvzalloc(struct_size(p, data, GSP_BENCH_PAYLOAD), GFP_KERNEL);
	src = kvmalloc(GSP_BENCH_PAYLOAD, GFP_KERNEL);
	dst = kvmalloc(GSP_BENCH_PAYLOAD, GFP_KERNEL);
	if (!p || !src || !dst) {
		ret = -ENOMEM;
		goto out;
	}
	memset(src, 0x5a, GSP_BENCH_PAYLOAD);
	memset(dst, 0xa5, GSP_BENCH_PAYLOAD);

	/* warm up every path once */
	ret = gsp_bench_rpc(b, &b->rpc[0]) ?:
	      gsp_bench_ping(b, ++seq, false, &b->wq_pp[0]) ?:
	      gsp_bench_ping(b, ++seq, true, &b->kt_pp[0]) ?:
	      gsp_bench_echo(b, p, seq, &b->echo[0]);
	if (ret)
		goto out;
	gsp_bench_copy(dst, src, &b->copy[0]);

	for (i = 0; i < GSP_BENCH_CALLS && !ret; i++) {
		ret = gsp_bench_rpc(b, &b->rpc[i]) ?:
		      gsp_bench_ping(b, ++seq, false, &b->wq_pp[i]) ?:
		      gsp_bench_ping(b, ++seq, true, &b->kt_pp[i]);
		/* the payload samples spread evenly over the run */
		if (ret || i % (GSP_BENCH_CALLS / GSP_BENCH_PAYLOAD_CALLS))
			continue;
		k = i / (GSP_BENCH_CALLS / GSP_BENCH_PAYLOAD_CALLS);
		ret = gsp_bench_echo(b, p, ++seq, &b->echo[k]);
		gsp_bench_copy(dst, src, &b->copy[k]);
		gsp_bench_csum(src, &b->csum[k], &sink);
		gsp_bench_alloc(&b->alloc[k]);
	}
	barrier_data(&sink);
	if (!ret)
		ret = gsp_bench_pipelined(b, dst, src);
out:
	kvfree(dst);
	kvfree(src);
	kvfree(p);
	return ret;
}

static int gsp_bench_thread(void *data)
{
	struct gsp_bench *b = data;

	b->j_start = get_jiffies_64();
	b->t_start = gsp_bench_now();
	b->err = gsp_bench_measure(b);
	b->t_end = gsp_bench_now();
	b->j_end = get_jiffies_64();
	kthread_complete_and_exit(&b->finished, 0);
}

static int gsp_bench_cmp(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

static u64 gsp_bench_pct(u64 *v, u32 n, u32 pct)
{
	return v[min(n - 1, n * pct / 100)];
}

/* "12.3 us" */
static void gsp_bench_us(struct seq_file *m, u64 ns)
{
	seq_printf(m, "%llu.%llu us", ns / 1000, ns % 1000 / 100);
}

/* @num / @den as "1.23" */
static void gsp_bench_ratio(struct seq_file *m, u64 num, u64 den)
{
	u64 r = den ? div64_u64(num * 100, den) : 0;

	seq_printf(m, "%llu.%02llu", r / 100, r % 100);
}

/* samples to ns: cycles scaled by the run's ns per cycle */
static void gsp_bench_to_ns(struct gsp_bench *b, u64 *v, u32 n)
{
	u64 ns = jiffies64_to_nsecs(b->j_end - b->j_start);
	u64 cyc = b->t_end - b->t_start;
	u32 i;

	if (!b->cycles || !cyc)
		return;
	for (i = 0; i < n; i++)
		v[i] = mul_u64_u64_div_u64(v[i], ns, cyc);
}

static u64 gsp_bench_line(struct seq_file *m, const char *what, u64 *v, u32 n)
{
	u64 med;

	sort(v, n, sizeof(*v), gsp_bench_cmp, NULL);
	med = gsp_bench_pct(v, n, 50);
	seq_printf(m, "%-44s median ", what);
	gsp_bench_us(m, med);
	seq_puts(m, "  p99 ");
	gsp_bench_us(m, gsp_bench_pct(v, n, 99));
	seq_printf(m, "  (%u samples)\n", n);
	return med;
}

/* MiB/s for @bytes in @ns */
static u64 gsp_bench_mibs(u64 bytes, u64 ns)
{
	return ns ? div64_u64(bytes * NSEC_PER_SEC, ns) >> 20 : 0;
}

static void gsp_bench_report(struct gsp_bench *b, struct seq_file *m)
{
	u64 rpc, wq_pp, kt_pp, echo, copy, echo_rate, copy_rate;
	u64 round, rcopy, pipe_rate, rcopy_rate;
	u64 run_ns = jiffies64_to_nsecs(b->j_end - b->j_start);

	seq_printf(m, "bench: pgpu %u, firmware %s, interleaved call by call, %llu ms\n",
		   nvvgpu_pgpu_id(b->gsp->pgpu), b->gsp->abi->version,
		   div_u64(run_ns, NSEC_PER_MSEC));
	if (b->cycles)
		seq_printf(m, "clock: cycle counter, %llu MHz against jiffies\n",
			   run_ns ? div64_u64(b->t_end - b->t_start, run_ns / 1000) : 0);
	else
		seq_puts(m, "clock: ktime (no cycle counter)\n");
	gsp_bench_to_ns(b, b->rpc, GSP_BENCH_CALLS);
	gsp_bench_to_ns(b, b->wq_pp, GSP_BENCH_CALLS);
	gsp_bench_to_ns(b, b->kt_pp, GSP_BENCH_CALLS);
	gsp_bench_to_ns(b, b->echo, GSP_BENCH_PAYLOAD_CALLS);
	gsp_bench_to_ns(b, b->copy, GSP_BENCH_PAYLOAD_CALLS);
	gsp_bench_to_ns(b, b->csum, GSP_BENCH_PAYLOAD_CALLS);
	gsp_bench_to_ns(b, b->alloc, GSP_BENCH_PAYLOAD_CALLS);
	rpc = gsp_bench_line(m, "rpc round trip (RM_CONTROL, 8 B params)",
			     b->rpc, GSP_BENCH_CALLS);
	wq_pp = gsp_bench_line(m, "ping-pong, same wake-ups (workqueue/compl.)",
			       b->wq_pp, GSP_BENCH_CALLS);
	kt_pp = gsp_bench_line(m, "ping-pong, kthread to kthread (completion)",
			       b->kt_pp, GSP_BENCH_CALLS);
	echo = gsp_bench_line(m, "echo round trip, 64 KiB each way",
			      b->echo, GSP_BENCH_PAYLOAD_CALLS);
	copy = gsp_bench_line(m, "memcpy 64 KiB", b->copy,
			      GSP_BENCH_PAYLOAD_CALLS);
	gsp_bench_line(m, "(checksum 64 KiB)", b->csum, GSP_BENCH_PAYLOAD_CALLS);
	gsp_bench_line(m, "(kvmalloc + kvfree 64 KiB)", b->alloc,
		       GSP_BENCH_PAYLOAD_CALLS);

	gsp_bench_to_ns(b, b->round, GSP_BENCH_ROUNDS);
	gsp_bench_to_ns(b, b->rcopy, GSP_BENCH_ROUNDS * GSP_BENCH_ROUND_COPIES);
	round = gsp_bench_line(m, "pipelined round: 3 streams x 16 echoes",
			       b->round, GSP_BENCH_ROUNDS);
	rcopy = gsp_bench_line(m, "memcpy 64 KiB, between the rounds", b->rcopy,
			       GSP_BENCH_ROUNDS * GSP_BENCH_ROUND_COPIES);

	echo_rate = gsp_bench_mibs(2 * GSP_BENCH_PAYLOAD, echo);
	copy_rate = gsp_bench_mibs(GSP_BENCH_PAYLOAD, copy);
	pipe_rate = gsp_bench_mibs(2ULL * GSP_BENCH_PAYLOAD * GSP_BENCH_STREAMS *
				   GSP_BENCH_ROUND_CALLS, round);
	rcopy_rate = gsp_bench_mibs(GSP_BENCH_PAYLOAD, rcopy);
	seq_printf(m, "payload rate, one RPC at a time: %llu MiB/s (64 KiB each way per echo)\n",
		   echo_rate);
	seq_printf(m, "payload rate, pipelined: %llu MiB/s (%u callers, 64 KiB each way per echo)\n",
		   pipe_rate, GSP_BENCH_STREAMS);
	seq_printf(m, "memcpy bandwidth: %llu MiB/s interleaved, %llu MiB/s between the rounds\n",
		   copy_rate, rcopy_rate);

	seq_puts(m, "ratio rpc / ping-pong (same wake-ups): ");
	gsp_bench_ratio(m, rpc, wq_pp);
	seq_puts(m, " (target <= 1.5)\nratio rpc / ping-pong (kthread): ");
	gsp_bench_ratio(m, rpc, kt_pp);
	seq_puts(m, "\nratio payload rate / memcpy, pipelined: ");
	gsp_bench_ratio(m, pipe_rate, rcopy_rate);
	seq_puts(m, " (target >= 0.5)\nratio payload rate / memcpy, one RPC at a time: ");
	gsp_bench_ratio(m, echo_rate, copy_rate);
	seq_puts(m, "\n");
}

/**
 * gsp_bench_run() - run the benchmark and print its results
 * @gsp: the transport
 * @m: where the results go
 *
 * See DOC: benchmark. Takes a few seconds; holds the reset lock for reading.
 *
 * Return: 0, or the errno of the first measurement that failed.
 */
int gsp_bench_run(struct nvvgpu_gsp *gsp, struct seq_file *m)
{
	struct task_struct *t;
	struct gsp_bench *b;
	int ret;

	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	b->gsp = gsp;
	gsp_bench_cycles = get_cycles() != 0;
	b->cycles = gsp_bench_cycles;
	init_completion(&b->go);
	init_completion(&b->done);
	init_completion(&b->finished);
	INIT_DELAYED_WORK(&b->work, gsp_bench_work);
	b->shm = kzalloc(sizeof(*b->shm), GFP_KERNEL);
	b->rpc = kvcalloc(GSP_BENCH_CALLS, sizeof(u64), GFP_KERNEL);
	b->wq_pp = kvcalloc(GSP_BENCH_CALLS, sizeof(u64), GFP_KERNEL);
	b->kt_pp = kvcalloc(GSP_BENCH_CALLS, sizeof(u64), GFP_KERNEL);
	b->echo = kvcalloc(GSP_BENCH_PAYLOAD_CALLS, sizeof(u64), GFP_KERNEL);
	b->copy = kvcalloc(GSP_BENCH_PAYLOAD_CALLS, sizeof(u64), GFP_KERNEL);
	b->csum = kvcalloc(GSP_BENCH_PAYLOAD_CALLS, sizeof(u64), GFP_KERNEL);
	b->alloc = kvcalloc(GSP_BENCH_PAYLOAD_CALLS, sizeof(u64), GFP_KERNEL);
	b->round = kvcalloc(GSP_BENCH_ROUNDS, sizeof(u64), GFP_KERNEL);
	b->rcopy = kvcalloc(GSP_BENCH_ROUNDS * GSP_BENCH_ROUND_COPIES,
			    sizeof(u64), GFP_KERNEL);
	ret = -ENOMEM;
	if (!b->shm || !b->rpc || !b->wq_pp || !b->kt_pp || !b->echo ||
	    !b->copy || !b->csum || !b->alloc || !b->round || !b->rcopy)
		goto out_free;

	b->wq = alloc_ordered_workqueue("nvvgpu_gsp_bench", 0);
	if (!b->wq)
		goto out_free;
	b->peer = kthread_run(gsp_bench_peer, b, "nvvgpu_bench_peer");
	if (IS_ERR(b->peer)) {
		ret = PTR_ERR(b->peer);
		goto out_wq;
	}

	down_read(&gsp->reset_sem);
	ret = -ENODEV;
	if (!READ_ONCE(gsp->dead) && gsp->h_client) {
		t = kthread_run(gsp_bench_thread, b, "nvvgpu_bench");
		if (IS_ERR(t)) {
			ret = PTR_ERR(t);
		} else {
			wait_for_completion(&b->finished);
			ret = b->err;
		}
	}
	up_read(&gsp->reset_sem);
	if (ret)
		dev_err(gsp->dev, "bench: a measurement failed: %pe\n", ERR_PTR(ret));
	else
		gsp_bench_report(b, m);

	WRITE_ONCE(b->stop, true);
	complete(&b->go);
	kthread_stop(b->peer);
out_wq:
	cancel_delayed_work_sync(&b->work);
	destroy_workqueue(b->wq);
out_free:
	kvfree(b->rcopy);
	kvfree(b->round);
	kvfree(b->alloc);
	kvfree(b->csum);
	kvfree(b->copy);
	kvfree(b->echo);
	kvfree(b->kt_pp);
	kvfree(b->wq_pp);
	kvfree(b->rpc);
	kfree(b->shm);
	kfree(b);
	return ret;
}
